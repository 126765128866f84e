//! The vocabulary of every phrase list, numbered, so matching compares numbers, not strings.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
    /// Keys borrow from the data files wherever they are written folded, so building the
    /// vocabulary allocates next to nothing.
    ids: FastMap<Cow<'static, str>, u32>,
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
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

impl Words {
    /// The words in id order, for the snapshot.
    pub fn encode(&self, w: &mut crate::snapshot::Writer) {
        let mut list: Vec<(&str, u32)> = self.ids.iter().map(|(k, &v)| (&**k, v)).collect();
        list.sort_by_key(|&(_, id)| id);
        w.num(list.len());
        for (word, id) in list {
            assert_eq!(w.index_of(word), id as usize, "the vocabulary comes first");
        }
    }

    /// The words are the snapshot's first strings, by id.
    pub fn decode(r: &mut crate::snapshot::Reader, room: usize) -> Self {
        let mut words = Words::with_capacity(room);
        for id in 0..r.num() {
            words.intern(Cow::Borrowed(r.get(id)));
        }
        words
    }
}
