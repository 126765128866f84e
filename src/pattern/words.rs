//! The vocabulary of every phrase list, numbered, so matching compares numbers, not strings.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::snapshot::Strings;

/// FNV-1a: the keys are short words, where SipHash's start-up cost dominates.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Every word the phrase lists mention, numbered. One instance is shared by all the files, so
/// a word has the same id in each and a token is looked up once.
#[derive(Default)]
pub struct Words {
    /// While the lists are parsed. Keys borrow from the data files wherever they are written
    /// folded, so building the vocabulary allocates next to nothing.
    ids: FastMap<Cow<'static, str>, u32>,
    /// The vocabulary `build.rs` wrote, used where it lies in the module; `ids` is then empty.
    index: Option<Index>,
    /// The most bytes of a listed word in a script written without spaces: how far a run of
    /// such a script is looked into for the word it starts with.
    longest_spaceless: usize,
}

/// The words starting with a prefix: the vocabulary's run of them in byte order, or, while the
/// lists are parsed and the words are in no order, each word tried. Written out, as the
/// adapters chained to say the same were 0.26 KiB of the gzipped wasm.
pub struct StartingWith<'w> {
    index: Option<&'w Index>,
    prefix: &'w str,
    /// The ids left of the vocabulary's run that may start with `prefix`.
    at: usize,
    end: usize,
    parsing: std::collections::hash_map::Iter<'w, Cow<'static, str>, u32>,
}

impl<'w> Iterator for StartingWith<'w> {
    type Item = (u32, &'w str);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(index) = self.index {
            if self.at < self.end {
                let id = self.at;
                let word = index.strings.get(id);
                if word.starts_with(self.prefix) {
                    self.at += 1;
                    return Some((id as u32, word));
                }
                // Past the last word with the prefix, none follows.
                self.at = self.end;
            }
        }
        let prefix = self.prefix;
        self.parsing
            .find(|(word, _)| word.starts_with(prefix))
            .map(|(word, &id)| (id, &**word))
    }
}

/// The words as `build.rs` numbers them: in byte order, so that the words sharing a prefix lie
/// together (and pack smaller in the gzipped wasm than in any hashed order).
struct Index {
    strings: Strings,
    count: usize,
    /// The ids of the words starting with byte `b` are `by_first_byte[b]..by_first_byte[b + 1]`
    /// (an empty word counts as starting with 0), which narrows a search by prefix.
    by_first_byte: [u32; 257],
    /// A hash table for whole words, about one a bucket: bucket `b` holds the ids
    /// `ids[starts[b]..starts[b + 1]]`. Built at start-up, a fraction of a millisecond for the
    /// few thousand words, since every token is looked up and a search in sorted text is slower.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

/// FNV-1a on 32 bits, quick for short words: the vocabulary's buckets, and the places the
/// lexicon and the phrase matches remember words and sentences in.
pub(crate) fn fnv1a(word: &[u8]) -> u32 {
    word.iter().fold(0x811c_9dc5, |h: u32, &b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// Whether `a` sorts before `b`, byte by byte: short words differ within a few bytes, which a
/// loop finds sooner than a call to `memcmp` (the wasm's is a plain loop as well).
fn before(a: &[u8], b: &[u8]) -> bool {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x < y;
        }
    }
    a.len() < b.len()
}

fn first_byte(word: &str) -> usize {
    word.as_bytes().first().map_or(0, |&b| b as usize)
}

impl Index {
    /// The first id, among the words sharing `word`'s first byte, whose word does not sort
    /// before `word`; and the end of those words.
    fn lower_bound(&self, word: &str) -> (usize, usize) {
        let b = first_byte(word);
        let (mut lo, end) = (
            self.by_first_byte[b] as usize,
            self.by_first_byte[b + 1] as usize,
        );
        let mut hi = end;
        while lo < hi {
            let mid = (lo + hi) / 2;
            if before(self.strings.bytes(mid), word.as_bytes()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo, end)
    }
}

impl Words {
    pub fn intern(&mut self, word: Cow<'static, str>) -> u32 {
        if let Some(&id) = self.ids.get(&*word) {
            return id;
        }
        let id = self.ids.len() as u32;
        if word.starts_with(crate::text::is_spaceless) {
            self.longest_spaceless = self.longest_spaceless.max(word.len());
        }
        self.ids.insert(word, id);
        id
    }

    pub fn longest_spaceless(&self) -> usize {
        self.longest_spaceless
    }

    /// Room for `n` words from the start, so filling the vocabulary never rehashes it.
    pub fn with_capacity(n: usize) -> Self {
        Words {
            ids: FastMap::with_capacity_and_hasher(n, Default::default()),
            index: None,
            longest_spaceless: 0,
        }
    }

    pub fn len(&self) -> usize {
        match &self.index {
            Some(index) => index.count,
            None => self.ids.len(),
        }
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        let Some(index) = &self.index else {
            return self.ids.get(word).copied();
        };
        let word = word.as_bytes();
        let b = fnv1a(word) as usize & (index.starts.len() - 2);
        index.ids[index.starts[b] as usize..index.starts[b + 1] as usize]
            .iter()
            .copied()
            .find(|&id| index.strings.bytes(id as usize) == word)
    }

    /// The listed words starting with `prefix`, a word of at least one letter, with their ids.
    pub fn starting_with<'w>(&'w self, prefix: &'w str) -> StartingWith<'w> {
        let (at, end) = self
            .index
            .as_ref()
            .map_or((0, 0), |index| index.lower_bound(prefix));
        StartingWith {
            index: self.index.as_ref(),
            prefix,
            at,
            end,
            parsing: self.ids.iter(),
        }
    }

    /// The words in id order.
    pub fn by_id(&self) -> Vec<&str> {
        let mut list: Vec<(&str, u32)> = self.ids.iter().map(|(k, &v)| (&**k, v)).collect();
        list.sort_by_key(|&(_, id)| id);
        list.into_iter().map(|(word, _)| word).collect()
    }
}

impl Words {
    /// The words in id order, for the snapshot.
    pub fn encode(&self, w: &mut crate::snapshot::Writer) {
        let list = self.by_id();
        w.num(list.len());
        w.num(self.longest_spaceless);
        for (id, word) in list.into_iter().enumerate() {
            assert_eq!(w.index_of(word), id, "the vocabulary comes first");
        }
    }

    /// The same words numbered in byte order, as the index needs them. Parsing the lists again
    /// with these words interned first gives every table the new numbers.
    pub fn in_sorted_order(&self) -> Words {
        let mut list = self.by_id();
        list.sort_unstable();
        let mut words = Words::with_capacity(self.ids.capacity());
        for w in list {
            words.intern(Cow::Owned(w.to_string()));
        }
        words
    }

    /// The words are the snapshot's first strings, by id, in byte order.
    // Indexed loops: an iterator's adapters would be calls in the baseline code.
    #[allow(clippy::needless_range_loop)]
    pub fn decode(r: &mut crate::snapshot::Reader) -> Self {
        let strings = r.strings;
        let count = r.num();
        let longest_spaceless = r.num();
        // One pass over the words: their first bytes counted and each hashed once, since
        // hashing the vocabulary is most of what start-up spends here. The hash table is
        // built by counting: each bucket's size, then its end, then the ids placed back to
        // front so that each bucket's count ends at its start. This runs once, as V8's
        // baseline compiler builds it, so the vectors are indexed as slices: indexing a
        // vector is a call in the wasm built for size.
        let buckets = count.max(1).next_power_of_two();
        let mut by_first_byte = [0u32; 257];
        let mut starts = vec![0u32; buckets + 1];
        let mut bucket_of = vec![0u32; count];
        let mut ids = vec![0u32; count];
        let (starts_at, bucket_at, ids_at): (&mut [u32], &mut [u32], &mut [u32]) =
            (&mut starts, &mut bucket_of, &mut ids);
        for id in 0..count {
            let word = strings.bytes(id);
            by_first_byte[word.first().map_or(0, |&b| b as usize) + 1] += 1;
            let b = fnv1a(word) & (buckets as u32 - 1);
            bucket_at[id] = b;
            starts_at[b as usize] += 1;
        }
        for b in 1..by_first_byte.len() {
            by_first_byte[b] += by_first_byte[b - 1];
        }
        for b in 1..starts_at.len() {
            starts_at[b] += starts_at[b - 1];
        }
        for id in 0..count {
            let b = bucket_at[id] as usize;
            starts_at[b] -= 1;
            ids_at[starts_at[b] as usize] = id as u32;
        }
        Words {
            ids: FastMap::default(),
            index: Some(Index {
                strings,
                count,
                by_first_byte,
                starts,
                ids,
            }),
            longest_spaceless,
        }
    }
}
