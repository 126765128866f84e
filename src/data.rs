//! The engine's text data — message catalogues, rewrite templates — as the
//! archive `build.rs` wrote: each file's path and text, framed by NUL characters.

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

/// A lookup table of short strings: a sorted list is smaller in the wasm than a hash map and,
/// for a few hundred entries, as quick.
#[derive(Clone, Default)]
pub struct StrTable(Vec<(&'static str, &'static str)>);

impl StrTable {
    /// Later pairs win over earlier ones with the same key, so a translation can overlay English.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (&'static str, &'static str)>) -> Self {
        let mut v: Vec<_> = pairs.into_iter().collect();
        v.reverse();
        // Stable, so the last-given pair of a key comes first and dedup keeps it.
        insertion_sort_by(&mut v, |a, b| a.0 < b.0);
        v.dedup_by(|a, b| a.0 == b.0);
        StrTable(v)
    }

    pub fn extend(&self, pairs: impl IntoIterator<Item = (&'static str, &'static str)>) -> Self {
        Self::from_pairs(self.0.iter().copied().chain(pairs))
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.0
            .binary_search_by(|&(k, _)| k.cmp(key))
            .ok()
            .map(|i| self.0[i].1)
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().copied()
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
        for path in ["messages/en.txt", "messages/pt.txt"] {
            assert!(file(path).lines().count() > 10, "{path}");
        }
        assert_eq!(
            file("phrases/canned.txt"),
            "",
            "the phrase lists are shipped parsed"
        );
        assert_eq!(file("no/such.txt"), "");
    }

    #[test]
    fn the_archive_round_trips_the_text() {
        let english = file("messages/en.txt");
        let source = include_str!("messages/en.txt");
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
        assert_eq!(t.extend([("a", "4")]).get("a"), Some("4"));
    }
}
