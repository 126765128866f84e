//! The engine's text data — the rewrite templates and their cues — as the archive `build.rs`
//! wrote: each file's path and text, framed by NUL characters.

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
/// by halves of its bytes where it lies: nothing is built first (shipped, the offsets of its
/// lines took 0.3 KiB of the gzipped wasm, and caching them the code of a lock).
pub struct StrTable {
    text: &'static str,
}

impl StrTable {
    pub const fn sorted(text: &'static str) -> Self {
        StrTable { text }
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

    /// The line that byte `at` is in, as where it starts and ends.
    fn line_at(&self, at: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let (mut start, mut end) = (at, at);
        while start > 0 && bytes[start - 1] != b'\n' {
            start -= 1;
        }
        while end < bytes.len() && bytes[end] != b'\n' {
            end += 1;
        }
        (start, end)
    }

    /// A line as its key and value, split at its first '=' found byte by byte, as a text
    /// search would be compiled for this alone at the first analysis.
    fn pair(&self, (start, end): (usize, usize)) -> (&'static str, &'static str) {
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
        let (text, key) = (self.text.as_bytes(), key.as_bytes());
        // Bytes `lo..hi` hold whole lines still to search.
        let (mut lo, mut hi) = (0, text.len());
        while lo < hi {
            let (start, end) = self.line_at((lo + hi) / 2);
            // A line's key, up to its first '=', compared with `key` a byte at a time, in the
            // order of `str`: every message asks about seven, and splitting each line as text
            // to compare it cost a note more than its analysis's rules.
            let line = text.get(start..end).unwrap_or_default();
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
                Ordering::Less => lo = end + 1,
                Ordering::Greater => hi = start,
                Ordering::Equal => return Some(self.pair((start, end)).1),
            }
        }
        None
    }

    #[cfg(test)]
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            if at >= self.text.len() {
                return None;
            }
            let line = self.line_at(at);
            at = line.1 + 1;
            Some(self.pair(line))
        })
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
