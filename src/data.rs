//! The engine's text data — phrase lists and message catalogues — unpacked once from the
//! archive `build.rs` wrote.

use std::sync::OnceLock;

const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.lz"));

/// A file of the archive by its path, `phrases/canned.txt` or `messages/de.txt`; empty when
/// there is no such file, which the loaders' tests rule out.
pub fn file(path: &str) -> &'static str {
    let mut rest = archive();
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

fn archive() -> &'static str {
    static ARCHIVE: OnceLock<&'static str> = OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let bytes = unpack(&unhuffman(PACKED));
        // The archive lives as long as the engine; leaking it lets every table borrow from it.
        String::from_utf8(bytes).map_or("", |s| s.leak())
    })
}

/// Reverses `build.rs`'s `huffman`: canonical codes rebuilt from the 256 code lengths.
/// Malformed input ends the output early instead of panicking.
fn unhuffman(packed: &[u8]) -> Vec<u8> {
    let Some((head, rest)) = packed.split_first_chunk::<4>() else {
        return Vec::new();
    };
    let Some((lengths, bits)) = rest.split_first_chunk::<256>() else {
        return Vec::new();
    };
    let total = u32::from_le_bytes(*head) as usize;
    // Per code length: how many codes, the first code, and where its symbols start in `symbols`.
    let mut count = [0u32; 33];
    for &l in lengths.iter().filter(|&&l| (1..=32).contains(&l)) {
        count[l as usize] += 1;
    }
    let mut symbols: Vec<u8> = (0..=255u8)
        .filter(|&s| (1..=32).contains(&lengths[s as usize]))
        .collect();
    crate::data::insertion_sort_by(&mut symbols, |a, b| {
        lengths[*a as usize] < lengths[*b as usize]
    });
    let (mut first, mut offset) = ([0u32; 33], [0u32; 33]);
    let (mut code, mut seen) = (0u32, 0u32);
    for len in 1..33 {
        code = (code + count[len - 1]) << 1;
        first[len] = code;
        offset[len] = seen;
        seen += count[len];
    }
    let mut out = Vec::with_capacity(total);
    let (mut code, mut len) = (0u32, 0usize);
    'bytes: for &byte in bits {
        for shift in (0..8).rev() {
            code = (code << 1) | ((byte >> shift) & 1) as u32;
            len += 1;
            if len > 32 {
                break 'bytes;
            }
            if code.wrapping_sub(first[len]) < count[len] {
                let Some(&s) = symbols.get((offset[len] + code - first[len]) as usize) else {
                    break 'bytes;
                };
                out.push(s);
                if out.len() == total {
                    break 'bytes;
                }
                (code, len) = (0, 0);
            }
        }
    }
    out
}

/// Reverses `build.rs`'s `compress`. Malformed input ends the output early instead of panicking.
fn unpack(packed: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(packed.len() * 3);
    let mut i = 0;
    while let Some(&control) = packed.get(i) {
        i += 1;
        if control < 128 {
            let Some(run) = packed.get(i..i + control as usize + 1) else {
                break;
            };
            out.extend_from_slice(run);
            i += run.len();
        } else {
            let (Some(&lo), Some(&hi)) = (packed.get(i), packed.get(i + 1)) else {
                break;
            };
            i += 2;
            let offset = u16::from_le_bytes([lo, hi]) as usize;
            let Some(start) = out.len().checked_sub(offset).filter(|_| offset > 0) else {
                break;
            };
            // Copies may overlap their own output ("aaaa…"), so byte by byte.
            for k in 0..(control & 127) as usize + 3 {
                out.push(out[start + k]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_is_in_the_archive() {
        for path in [
            "phrases/canned.txt",
            "phrases/context.txt",
            "phrases/greetings.txt",
            "phrases/misspellings.txt",
            "messages/en.txt",
            "messages/pt.txt",
        ] {
            assert!(file(path).lines().count() > 10, "{path}");
        }
        assert!(
            !file("phrases/canned.txt").contains("\n>"),
            "examples are not shipped"
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

    #[test]
    fn truncated_archives_do_not_panic() {
        for cut in (0..PACKED.len()).step_by(97) {
            let _ = unpack(&unhuffman(&PACKED[..cut]));
            let _ = unpack(&PACKED[..cut]);
        }
        let _ = unpack(&[200, 5, 0]);
        let _ = unpack(&[130, 0, 0]);
    }
}
