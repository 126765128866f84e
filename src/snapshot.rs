//! The parsed phrase tables as `build.rs` wrote them: numbers as LEB128 varints, strings as
//! indices into a text of words joined by newlines. Reading it at start-up is a walk over
//! bytes, with none of the lexing, folding and interning that parsing the lists costs.

/// Writes a snapshot: `bytes` for the numbers, `strings` for the text they index.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
    pub strings: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl Writer {
    pub fn num(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// A string not in the vocabulary (a prefix, a label, a correction), by its index.
    pub fn string(&mut self, s: &str) {
        let idx = self.index_of(s);
        self.num(idx);
    }

    /// A table mostly empty, as its filled places: `(index, value)` in increasing index.
    pub fn sparse(&mut self, entries: Vec<(usize, usize)>) {
        self.num(entries.len());
        let mut last = 0;
        for (i, v) in entries {
            self.num(i - last);
            self.num(v);
            last = i;
        }
    }

    /// The index of `s` in the strings, added if new. The vocabulary is written first, so a
    /// word's index is its id.
    pub fn index_of(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.strings.push(s.to_string());
        self.index.insert(s.to_string(), self.strings.len() - 1);
        self.strings.len() - 1
    }
}

/// Reads what [`Writer`] wrote, in the same order.
pub struct Reader {
    bytes: &'static [u8],
    pos: usize,
    strings: Vec<&'static str>,
}

impl Reader {
    pub fn new(bytes: &'static [u8], strings: &'static str) -> Self {
        Reader {
            bytes,
            pos: 0,
            strings: strings.split('\n').collect(),
        }
    }

    pub fn num(&mut self) -> usize {
        let mut n = 0;
        let mut shift = 0;
        loop {
            let b = self.bytes[self.pos];
            self.pos += 1;
            n |= ((b & 0x7f) as usize) << shift;
            if b & 0x80 == 0 {
                return n;
            }
            shift += 7;
        }
    }

    pub fn string(&mut self) -> &'static str {
        let i = self.num();
        self.strings[i]
    }

    /// What [`Writer::sparse`] wrote, as a table up to its last filled place.
    pub fn sparse<T: Clone>(&mut self, empty: T, value: impl Fn(&Self, usize) -> T) -> Vec<T> {
        let mut table = Vec::new();
        let mut i = 0;
        for _ in 0..self.num() {
            i += self.num();
            let v = self.num();
            table.resize(i + 1, empty.clone());
            table[i] = value(self, v);
        }
        table
    }

    pub fn get(&self, i: usize) -> &'static str {
        self.strings[i]
    }
}
