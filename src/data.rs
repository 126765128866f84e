//! The engine's text data — the rewrite templates and their cues — as the archive `build.rs`
//! wrote: each file's path and text, framed by NUL characters.

use std::sync::OnceLock;

const ARCHIVE: &str = include_str!(concat!(env!("OUT_DIR"), "/data.txt"));

/// A file of the archive by its path, `suggestions/cues.txt` or `messages/de.txt`; empty when
/// there is no such file, which the loaders' tests rule out.
pub fn file(path: &str) -> &'static str {
    let mut rest = ARCHIVE;
    while let Some((name, after)) = rest.split_once('\0') {
        let (body, next) = after.split_once('\0').unwrap_or((after, ""));
        if name == path {
            return body;
        }
        rest = next;
    }
    ""
}

/// A lookup table of short strings: `key=value` lines sorted by key, each key once, searched
/// by halves. As `build.rs` writes it the table is read where it lies: the first lookup only
/// finds where the lines start, one pass over a few kilobytes (shipped, the offsets took
/// 0.3 KiB of the gzipped wasm).
pub struct StrTable {
    text: &'static str,
    starts: OnceLock<Vec<u16>>,
}

impl StrTable {
    pub const fn sorted(text: &'static str) -> Self {
        StrTable {
            text,
            starts: OnceLock::new(),
        }
    }

    fn starts(&self) -> &[u16] {
        self.starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = Vec::with_capacity(64);
            if !bytes.is_empty() {
                starts.push(0);
            }
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'\n' {
                    starts.push(i as u16 + 1);
                }
                i += 1;
            }
            starts
        })
    }

    /// Later pairs win over earlier ones with the same key, so a translation can overlay
    /// English; the table is kept for the life of the program, as the built ones are.
    #[cfg(test)]
    pub fn from_pairs(pairs: impl IntoIterator<Item = (&'static str, &'static str)>) -> Self {
        let mut v: Vec<_> = pairs.into_iter().collect();
        v.reverse();
        // Stable, so the last-given pair of a key comes first and dedup keeps it.
        insertion_sort_by(&mut v, |a, b| a.0 < b.0);
        v.dedup_by(|a, b| a.0 == b.0);
        let mut text = String::new();
        for (key, value) in v {
            text.push_str(&[key, "=", value, "\n"].concat());
        }
        text.pop();
        StrTable::sorted(String::leak(text))
    }

    /// Where line `i` starts and ends in the text.
    fn line(&self, starts: &[u16], i: usize) -> (usize, usize) {
        let end = match starts.get(i + 1) {
            Some(&next) => next as usize - 1,
            None => self.text.len(),
        };
        (starts[i] as usize, end)
    }

    /// Line `i` as its key and value, split at its first '=' found byte by byte, as a text
    /// search would be compiled for this alone at the first analysis.
    fn pair(&self, starts: &[u16], i: usize) -> (&'static str, &'static str) {
        let (start, end) = self.line(starts, i);
        let bytes = self.text.as_bytes();
        let mut eq = start;
        while eq < end && bytes[eq] != b'=' {
            eq += 1;
        }
        if eq < end {
            let (key, value) = (self.text.get(start..eq), self.text.get(eq + 1..end));
            (key.unwrap_or(""), value.unwrap_or(""))
        } else {
            (self.text.get(start..end).unwrap_or(""), "")
        }
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        use std::cmp::Ordering;
        let (text, key, starts) = (self.text.as_bytes(), key.as_bytes(), self.starts());
        let (mut lo, mut hi) = (0, starts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            // A line's key, up to its first '=', compared with `key` a byte at a time, in the
            // order of `str`: every message asks about seven, and splitting each line as text
            // to compare it cost a note more than its analysis's rules.
            let (start, end) = self.line(starts, mid);
            let line = &text[start..end];
            let mut i = 0;
            let order = loop {
                match (line.get(i).filter(|&&b| b != b'='), key.get(i)) {
                    (None, None) => break Ordering::Equal,
                    (None, Some(_)) => break Ordering::Less,
                    (Some(_), None) => break Ordering::Greater,
                    (Some(a), Some(b)) if a != b => break a.cmp(b),
                    _ => i += 1,
                }
            };
            match order {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return Some(self.pair(starts, mid).1),
            }
        }
        None
    }

    #[cfg(test)]
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        let starts = self.starts();
        (0..starts.len()).map(move |i| self.pair(starts, i))
    }
}

/// A stable sort for the few short lists sorted once (tables at start-up, a handful of
/// intents): each use of the standard library's sorts adds kilobytes of code to the wasm.
pub fn insertion_sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_is_in_the_archive() {
        for path in ["suggestions/en.txt", "suggestions/pt.txt"] {
            assert!(file(path).lines().count() > 10, "{path}");
        }
        for path in ["phrases/canned.txt", "messages/en.txt"] {
            assert_eq!(file(path), "", "{path} is shipped parsed");
        }
        assert_eq!(file("no/such.txt"), "");
    }

    #[test]
    fn the_archive_round_trips_the_text() {
        let english = file("suggestions/en.txt");
        let source = include_str!("suggestions/en.txt");
        for line in english.lines() {
            assert!(source.contains(line), "{line}");
        }
    }

    #[test]
    fn tables_keep_the_last_value_of_a_key() {
        let t = StrTable::from_pairs([("b", "1"), ("a", "2"), ("b", "3")]);
        assert_eq!(t.get("b"), Some("3"));
        assert_eq!(t.get("a"), Some("2"));
        assert_eq!(t.get("c"), None);
        // A key that another starts with, either side of the `=` in byte order.
        let t = StrTable::from_pairs([("a.b", "1"), ("a", "2"), ("a>b", "3")]);
        assert_eq!(t.get("a"), Some("2"));
        assert_eq!(t.get("a.b"), Some("1"));
        assert_eq!(t.get("a>b"), Some("3"));
        assert_eq!(t.get("a."), None);
        assert_eq!(t.get(""), None);
    }
}
