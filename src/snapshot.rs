//! What `build.rs` wrote of the parsed phrase lists besides the pattern sets (which are Rust
//! arrays, `pattern/set.rs`): numbers as LEB128 varints, strings as indices into one text (the
//! vocabulary first, in byte order), and the tables looked up per word (the lexicon's classes
//! and flags) as arrays the engine uses where they lie. Start-up is a short walk over bytes,
//! with none of the lexing, folding and interning that parsing costs.

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

/// The longest prefix a line may share with the line before, in bytes: one character from
/// '0' says how long, so that the file stays text.
const SHARED_MAX: usize = 64;

impl Writer {
    /// The strings, a line each, each starting with how many of its first bytes it shares
    /// with the line before, as one character from '0'. The vocabulary is in byte order, so
    /// most words share a prefix with the one before: a third less text, a sixth less gzipped.
    pub fn front_coded(&self) -> String {
        let mut out = String::new();
        let mut before = "";
        for (i, s) in self.strings.iter().enumerate() {
            let mut shared = s
                .bytes()
                .zip(before.bytes())
                .take(SHARED_MAX)
                .take_while(|(a, b)| a == b)
                .count();
            while !s.is_char_boundary(shared) {
                shared -= 1;
            }
            if i > 0 {
                out.push('\n');
            }
            out.push(char::from(b'0' + shared as u8));
            out.push_str(&s[shared..]);
            before = s;
        }
        out
    }
}

/// The snapshot's strings: one text, a string a line, found by where each ends. The ends are
/// found once, at start-up, as the text is decoded (cheaper than shipping them).
#[derive(Clone, Copy)]
pub struct Strings {
    text: &'static str,
    ends: &'static [u32],
}

impl Strings {
    /// The text [`Writer::front_coded`] wrote, each line's shared prefix restored, with the
    /// ends found in the same pass. It runs once, at start-up, as V8's baseline compiler
    /// builds it, which makes each call a real one: so one loop over the bytes, with no
    /// iterator, search or push per line or byte.
    pub fn front_coded(coded: &str) -> Self {
        let (text, ends) = Self::restore(coded);
        // SAFETY: `restore` copies whole lines of `coded`, a `str`, and prefixes of earlier
        // lines that `Writer::front_coded` cut at a character's boundary, so the bytes are
        // UTF-8; `the_snapshot_restores_to_utf8` checks the shipped text. Validating them
        // again brought a UTF-8 decoder into the module, 0.4 KiB gzipped.
        let text = unsafe { String::from_utf8_unchecked(text) };
        // Read once and kept for the life of the engine, like the tables they index.
        Strings {
            text: String::leak(text),
            ends: Vec::leak(ends),
        }
    }

    /// The text's bytes with each line's shared prefix restored, and where each line ends.
    pub fn restore(coded: &str) -> (Vec<u8>, Vec<u32>) {
        let coded = coded.as_bytes();
        // A line adds at most its own bytes and the prefix it shares: room is made when a
        // line might not fit, which the vocabulary's text never needs.
        let mut text = vec![0u8; coded.len() * 2];
        let mut ends: Vec<u32> = Vec::with_capacity(coded.len() / 4);
        let (mut i, mut out, mut before) = (0, 0, 0);
        while i < coded.len() {
            if text.len() < out + SHARED_MAX + coded.len() - i {
                text.resize(2 * text.len() + SHARED_MAX, 0);
            }
            // A slice, as indexing a vector is a call in the wasm built for size.
            let bytes: &mut [u8] = &mut text;
            let start = out;
            let shared = (coded[i] - b'0') as usize;
            i += 1;
            for k in 0..shared {
                bytes[out + k] = bytes[before + k];
            }
            out += shared;
            while i < coded.len() && coded[i] != b'\n' {
                bytes[out] = coded[i];
                out += 1;
                i += 1;
            }
            ends.push(out as u32);
            bytes[out] = b'\n';
            out += 1;
            // Past the line's own end.
            i += 1;
            before = start;
        }
        text.truncate(out.saturating_sub(1));
        (text, ends)
    }

    /// The strings of a list, as if read: for the sets parsed in the tests, whose words have
    /// no snapshot.
    pub fn of(list: &[&str]) -> Self {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(list.len());
        for s in list {
            text.push_str(s);
            ends.push(text.len() as u32);
            text.push('\n');
        }
        Strings {
            text: String::leak(text),
            ends: Vec::leak(ends),
        }
    }

    // This and the two below run for every word looked up; the wasm, built for size, would
    // make each a call.
    #[inline(always)]
    pub fn get(&self, i: usize) -> &'static str {
        self.text.get(self.range(i)).unwrap_or("")
    }

    /// String `i` as bytes, for comparisons: slicing bytes skips the check that a slice of
    /// text starts and ends on a character's boundary, which a line always does.
    #[inline(always)]
    pub fn bytes(&self, i: usize) -> &'static [u8] {
        &self.text.as_bytes()[self.range(i)]
    }

    #[inline(always)]
    fn range(&self, i: usize) -> std::ops::Range<usize> {
        let start = if i == 0 {
            0
        } else {
            self.ends[i - 1] as usize + 1
        };
        start..self.ends[i] as usize
    }
}

/// Reads what [`Writer`] wrote, in the same order.
pub struct Reader {
    bytes: &'static [u8],
    pos: usize,
    pub strings: Strings,
}

impl Reader {
    pub fn new(bytes: &'static [u8], strings: Strings) -> Self {
        Reader {
            bytes,
            pos: 0,
            strings,
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
        self.strings.get(i)
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
        self.strings.get(i)
    }
}

/// A table of small numbers as Rust source, for `build.rs` to write.
#[allow(dead_code)]
pub fn array_source(name: &str, ty: &str, values: impl IntoIterator<Item = usize>) -> String {
    let values: Vec<String> = values.into_iter().map(|v| v.to_string()).collect();
    format!(
        "pub static {name}: [{ty}; {}] = [{}];\n",
        values.len(),
        values.join(",")
    )
}
