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
    /// The vocabulary `build.rs` hashed, used where it lies in the module; `ids` is then empty.
    index: Option<Index>,
}

/// A hash table built at compile time. `build.rs` numbers the words by the bucket they hash to,
/// so bucket `b` holds the ids `starts[b]..starts[b + 1]`: no table of ids, and the starts are
/// summed at start-up from a byte a bucket.
struct Index {
    strings: Strings,
    count: usize,
    starts: &'static [u16],
}

/// FNV-1a on 32 bits: the same in `build.rs` and at run time, quick for short words.
fn bucket_hash(word: &str) -> u32 {
    word.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// How many buckets for `words` words: a power of two, three or four words a bucket. A miss,
/// the usual case, compares their lengths and rarely more.
fn bucket_count(words: usize) -> usize {
    (words / 4).max(1).next_power_of_two()
}

impl Words {
    pub fn intern(&mut self, word: Cow<'static, str>) -> u32 {
        if let Some(&id) = self.ids.get(&*word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word, id);
        id
    }

    /// Room for `n` words from the start, so filling the vocabulary never rehashes it.
    pub fn with_capacity(n: usize) -> Self {
        Words {
            ids: FastMap::with_capacity_and_hasher(n, Default::default()),
            index: None,
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
        let b = bucket_hash(word) as usize & (index.starts.len() - 2);
        (index.starts[b] as u32..index.starts[b + 1] as u32)
            .find(|&id| index.strings.get(id as usize) == word)
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
        for (id, word) in list.into_iter().enumerate() {
            assert_eq!(w.index_of(word), id, "the vocabulary comes first");
        }
    }

    /// The same words, numbered by the bucket they hash to (in their old order within one), as
    /// the frozen index needs them. Parsing the lists again with these words interned first
    /// gives every table the new numbers.
    pub fn in_bucket_order(&self) -> Words {
        let list = self.by_id();
        let count = bucket_count(list.len());
        let mut order: Vec<(usize, &str)> = list
            .into_iter()
            .map(|w| (bucket_hash(w) as usize & (count - 1), w))
            .collect();
        // Stable: ties keep their old order.
        order.sort_by_key(|&(b, _)| b);
        let mut words = Words::with_capacity(self.ids.capacity());
        for (_, w) in order {
            words.intern(Cow::Owned(w.to_string()));
        }
        words
    }

    /// How many words each bucket holds, for `build.rs` to write.
    pub fn bucket_sizes(&self) -> Vec<u8> {
        let list = self.by_id();
        let count = bucket_count(list.len());
        let mut sizes = vec![0u8; count];
        let mut last = 0;
        for w in list {
            let b = bucket_hash(w) as usize & (count - 1);
            assert!(b >= last, "the words are in bucket order");
            last = b;
            sizes[b] = sizes[b].checked_add(1).expect("under 256 words a bucket");
        }
        sizes
    }

    /// The words are the snapshot's first strings, by id, found through the index `build.rs`
    /// made of them.
    pub fn decode(r: &mut crate::snapshot::Reader, sizes: &'static [u8]) -> Self {
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut sum = 0u16;
        starts.push(sum);
        for &n in sizes {
            sum += n as u16;
            starts.push(sum);
        }
        Words {
            ids: FastMap::default(),
            index: Some(Index {
                strings: r.strings,
                count: r.num(),
                // Kept for the life of the engine, like the tables it indexes.
                starts: Vec::leak(starts),
            }),
        }
    }
}
