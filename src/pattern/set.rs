//! A file's patterns run over a sentence. A pattern is tried only where it can start (most are
//! indexed by their first word) and only in sentences holding the words it cannot do without,
//! so a long note does not cost every pattern at every word.
//!
//! The patterns lie flat, as numbers (the codes of `syntax.rs`), so that `build.rs` can write a
//! file's set as an array the engine reads where it lies: start-up builds only the index by
//! first word and the list of where each pattern's required word items are, in one pass over
//! the numbers.

use super::matcher::{within_one, within_one_edit};
use super::parser::Section;
use super::syntax::{
    Hit, Item, WordPat, ALT, ANY, END, GAP, ID_SHIFT, KIND, KIND_BITS, NAME, OPT, PREFIX, REQUIRED,
    TYPO, WORD,
};
use super::words::Words;
use crate::snapshot::Strings;
use crate::text::{Token, TokenKind, UNKNOWN};

/// The patterns of one data file, indexed by the word they start with.
pub struct PatternSet {
    pub sections: &'static [Section],
    /// Every pattern, flat, one after another.
    pub(super) code: &'static [u16],
    /// The prefixes, one after another; the code holds each one's offset and length.
    pub(super) text: &'static str,
    /// The vocabulary's words by id, for the words a typo may change.
    words: Strings,
    /// The patterns that can start with word `id` are `firsts[first_at[id]..first_at[id + 1]]`.
    first_at: Vec<u16>,
    firsts: Vec<Candidate>,
    /// The patterns that may start at any word.
    anywhere: Vec<Candidate>,
    /// Where the `REQUIRED` items of each pattern are in `code`, a pattern's together.
    required: Vec<u16>,
}

/// A pattern as its index holds it: where it starts in `code`, and its `REQUIRED` items, as
/// the range of `required` that holds where they are.
#[derive(Clone, Copy, Debug, Default)]
struct Candidate {
    at: u16,
    section: u16,
    required: (u16, u16),
}

impl PatternSet {
    /// The set of the patterns in `code`, indexed by their first words: the one thing built
    /// at start-up, in a pass over the code, since shipped as arrays it would take 2.4 KiB of
    /// the gzipped wasm.
    #[allow(clippy::needless_range_loop)]
    pub fn new(
        sections: &'static [Section],
        code: &'static [u16],
        text: &'static str,
        words: Strings,
    ) -> Self {
        // Each pattern's first words, as (word, the pattern).
        let mut pairs: Vec<(u16, Candidate)> = Vec::new();
        let mut anywhere = Vec::new();
        let mut required = Vec::new();
        let (mut at, mut section) = (0, 0);
        while at < code.len() {
            while sections
                .get(section + 1)
                .is_some_and(|s| s.start as usize <= at)
            {
                section += 1;
            }
            let from = required.len() as u16;
            let mut item = at;
            while code[item] != END {
                if code[item] & KIND == REQUIRED {
                    required.push(item as u16);
                }
                item += 1 + size(code, item);
            }
            let pattern = Candidate {
                at: at as u16,
                section: section as u16,
                required: (from, required.len() as u16),
            };
            // Where the pattern is found by its first word, a first item that it cannot do
            // without holds that word, which is in the sentence: it need not be weighed.
            let mut indexed = pattern;
            if code[at] & KIND == REQUIRED {
                indexed.required.0 += 1;
            }
            let mark = pairs.len();
            if !first_words(code, at, indexed, &mut pairs) {
                pairs.truncate(mark);
                anywhere.push(pattern);
            }
            at = item + 1;
        }
        // By counting: each word's number of patterns, then where its list ends, then the
        // patterns placed back to front so that each list ends at its start, in order.
        // Slices and indexed loops, as indexing a vector and an iterator's adapters are calls
        // in the wasm built for size, and this runs once, as V8's baseline compiler builds it.
        let all: &[(u16, Candidate)] = &pairs;
        let mut indexed = 0;
        for k in 0..all.len() {
            indexed = indexed.max(all[k].0 as usize + 1);
        }
        let mut first_at = vec![0u16; indexed + 1];
        let mut firsts = vec![Candidate::default(); all.len()];
        let (ends, placed): (&mut [u16], &mut [Candidate]) = (&mut first_at, &mut firsts);
        for k in 0..all.len() {
            ends[all[k].0 as usize] += 1;
        }
        for id in 1..ends.len() {
            ends[id] += ends[id - 1];
        }
        let mut k = all.len();
        while k > 0 {
            k -= 1;
            let (id, pattern) = all[k];
            ends[id as usize] -= 1;
            placed[ends[id as usize] as usize] = pattern;
        }
        PatternSet {
            sections,
            code,
            text,
            words,
            first_at,
            firsts,
            anywhere,
            required,
        }
    }

    pub fn section_index(&self, label: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.label == label)
    }

    /// Every longest match within `toks`, whose indices are offset by `base` in the result.
    /// Matches of one section do not overlap: after a match, the search goes on past its end.
    pub fn find(&self, toks: &[Token], base: usize) -> Vec<Hit> {
        let present = Present::of(toks);
        self.search(&present).find(toks, base, &present)
    }

    /// The search of a note that has the words `present`, sentence by sentence: the patterns
    /// that may start at any word are weighed against the whole note once, and each sentence
    /// then weighs only those left.
    pub fn search(&self, present: &Present) -> Search<'_> {
        Search {
            set: self,
            anywhere: self.allowed(&self.anywhere, present),
        }
    }

    fn allowed(&self, patterns: &[Candidate], present: &Present) -> Vec<Candidate> {
        let mut kept = Vec::new();
        for &c in patterns {
            if self.allows(present, c) {
                kept.push(c);
            }
        }
        kept
    }

    /// The longest match of `section` that starts exactly at `toks[0]`: its end, exclusive.
    pub fn match_at(&self, toks: &[Token], section: usize) -> Option<usize> {
        let first = toks.first()?;
        let typos = self.sections.get(section)?.typos;
        // Two loops, not a chain of adapters: the chain was 0.35 KiB of the gzipped wasm.
        let mut longest = None;
        for c in self.starting_with(first) {
            if c.section as usize == section {
                longest = longest.max(self.match_len(c.at as usize, toks, typos));
            }
        }
        for &c in &self.anywhere {
            if c.section as usize == section && self.may_start_at(c, first) {
                longest = longest.max(self.match_len(c.at as usize, toks, typos));
            }
        }
        longest
    }

    /// The patterns indexed by `tok`'s word.
    #[inline(always)]
    fn starting_with(&self, tok: &Token) -> &[Candidate] {
        let (first_at, id): (&[u16], usize) = (&self.first_at, tok.id as usize);
        match (first_at.get(id), first_at.get(id + 1)) {
            (Some(&from), Some(&to)) => &self.firsts[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Whether a pattern not indexed by first word could start at `tok`.
    #[inline(always)]
    fn may_start_at(&self, pattern: Candidate, tok: &Token) -> bool {
        let first = pattern.at as usize;
        match self.code[first] & KIND {
            NAME => tok.name_like,
            WORD | REQUIRED => self.any_exact(alternatives(self.code, first), tok),
            _ => true,
        }
    }

    /// Whether the sentence has one of the words of each item of `pattern` that it cannot do
    /// without.
    #[inline(always)]
    fn allows(&self, present: &Present, pattern: Candidate) -> bool {
        let (from, to) = pattern.required;
        let required: &[u16] = &self.required;
        for &item in &required[from as usize..to as usize] {
            let mut any = false;
            for &a in alternatives(self.code, item as usize) {
                if present.has(a >> ID_SHIFT) {
                    any = true;
                    break;
                }
            }
            if !any {
                return false;
            }
        }
        true
    }

    /// Whether `tok` is one of a word item's alternatives, as written.
    #[inline(always)]
    pub(super) fn any_exact(&self, alts: &[u16], tok: &Token) -> bool {
        let mut i = 0;
        while i < alts.len() {
            let a = alts[i];
            if a & PREFIX == 0 {
                if tok.id == (a >> ID_SHIFT) as u32 {
                    return true;
                }
                i += 1;
            } else {
                if tok.kind != TokenKind::Placeholder
                    && tok.norm.as_bytes().starts_with(self.bytes_at(alts, i))
                {
                    return true;
                }
                i += 3;
            }
        }
        false
    }

    /// Whether `tok` is one typo away from one of a word item's alternatives: only the
    /// alternatives marked `TYPO`, words long enough in a section that allows typos.
    pub(super) fn any_typo(&self, alts: &[u16], tok: &Token) -> bool {
        if tok.kind != TokenKind::Word {
            return false;
        }
        let mut i = 0;
        while i < alts.len() {
            let a = alts[i];
            if a & PREFIX != 0 {
                i += 3;
                continue;
            }
            if a & TYPO != 0 {
                let id = (a >> ID_SHIFT) as usize;
                // As bytes, most words: slicing the word as text would check that it starts
                // and ends on a character's boundary, at every try.
                let word = self.words.bytes(id);
                let near = if tok.norm.is_ascii() && word.is_ascii() {
                    within_one(tok.norm.as_bytes(), word)
                } else {
                    within_one_edit(&tok.norm, self.words.get(id))
                };
                if near {
                    return true;
                }
            }
            i += 1;
        }
        false
    }

    /// The prefix at `alts[i]`, as bytes for comparing: a slice of text would check that it
    /// starts and ends on a character's boundary, which these always do.
    #[inline(always)]
    fn bytes_at(&self, alts: &[u16], i: usize) -> &'static [u8] {
        let (at, len) = (alts[i + 1] as usize, alts[i + 2] as usize);
        &self.text.as_bytes()[at..at + len]
    }
}

/// A note's search with one pattern set: see [`PatternSet::search`].
pub struct Search<'s> {
    set: &'s PatternSet,
    /// The patterns that may start at any word and whose required words the note has.
    anywhere: Vec<Candidate>,
}

impl Search<'_> {
    /// Every longest match within the sentence `toks`, which has the words `present`, as
    /// [`PatternSet::find`].
    pub fn find(&self, toks: &[Token], base: usize, present: &Present) -> Vec<Hit> {
        let set = self.set;
        let mut hits: Vec<Hit> = Vec::new();
        let sections: &[Section] = set.sections;
        // How far each section's matches already reach, so one phrase is reported once.
        let mut reach_of = vec![0usize; sections.len()];
        let reach: &mut [usize] = &mut reach_of;
        // The patterns that may start at any word are weighed against the sentence once, not
        // at every word of it.
        let anywhere = set.allowed(&self.anywhere, present);
        for pos in 0..toks.len() {
            let mut best: Option<Hit> = None;
            let tok = &toks[pos];
            let mut attempt = |c: Candidate| {
                let section = c.section as usize;
                let typos = sections[section].typos;
                if let Some(len) = set.match_len(c.at as usize, &toks[pos..], typos) {
                    let hit = Hit {
                        section,
                        start: base + pos,
                        end: base + pos + len,
                    };
                    if reach[section] < hit.end && best.is_none_or(|b| len > b.end - b.start) {
                        best = Some(hit);
                    }
                }
            };
            // Loops, not a chain of iterators: the wasm, built for size, would make each
            // step of those a call.
            for &c in set.starting_with(tok) {
                if set.allows(present, c) {
                    attempt(c);
                }
            }
            for &c in &anywhere {
                if set.may_start_at(c, tok) {
                    attempt(c);
                }
            }
            if let Some(hit) = best {
                reach[hit.section] = hit.end;
                hits.push(hit);
            }
        }
        hits
    }
}

/// How many codes follow the head of the item at `at`, up to the next item.
#[inline(always)]
fn size(code: &[u16], at: usize) -> usize {
    (code[at] >> KIND_BITS) as usize
}

/// The alternatives of the word item at `at`.
#[inline(always)]
fn alternatives(code: &[u16], at: usize) -> &[u16] {
    &code[at + 1..at + 1 + size(code, at)]
}

/// Adds to `out` the words the items from `at` on can start with, each with `pattern` unless
/// the pattern has it already; false when they can start with anything.
fn first_words(
    code: &[u16],
    at: usize,
    pattern: Candidate,
    out: &mut Vec<(u16, Candidate)>,
) -> bool {
    let head = code[at];
    match head & KIND {
        WORD | REQUIRED => {
            let alts = alternatives(code, at);
            let mut i = 0;
            while i < alts.len() {
                if alts[i] & PREFIX != 0 {
                    return false;
                }
                let id = alts[i] >> ID_SHIFT;
                // The pattern's own pairs are the last ones; a loop over them as a slice, as
                // an iterator's adapters are calls in the baseline code start-up runs as.
                let placed: &[(u16, Candidate)] = out;
                let mut k = placed.len();
                while k > 0 && placed[k - 1].1.at == pattern.at && placed[k - 1].0 != id {
                    k -= 1;
                }
                if k == 0 || placed[k - 1].1.at != pattern.at {
                    out.push((id, pattern));
                }
                i += 1;
            }
            true
        }
        OPT => {
            first_words(code, at + 1, pattern, out)
                && first_words(code, at + 1 + size(code, at), pattern, out)
        }
        ALT => {
            let rest = at + 1 + size(code, at);
            let mut seq = at + 1;
            while seq < rest {
                if !first_words(code, seq + 1, pattern, out) {
                    return false;
                }
                seq += 1 + code[seq] as usize;
            }
            true
        }
        _ => false,
    }
}

/// Which words a sentence or a note has, as a small bit set: a false "present" only costs a
/// match attempt. The same for every pattern set, as they share one vocabulary.
pub struct Present([u64; 8]);

impl Present {
    pub fn of(toks: &[Token]) -> Self {
        let mut bits = [0u64; 8];
        for t in toks.iter().filter(|t| t.id != UNKNOWN) {
            bits[(t.id as usize / 64) % 8] |= 1 << (t.id % 64);
        }
        Present(bits)
    }

    // Asked for every required word of every candidate pattern: inlined even in the wasm.
    #[inline(always)]
    fn has(&self, id: u16) -> bool {
        self.0[(id as usize / 64) % 8] & (1 << (id % 64)) != 0
    }
}

/// A set as the parser fills it, laid out as the engine reads it.
#[derive(Default)]
pub struct Builder {
    pub(super) sections: Vec<Section>,
    code: Vec<u16>,
    text: String,
}

impl Builder {
    /// Adds a pattern of `section`, whose words are already interned.
    pub(super) fn add(&mut self, items: &[Item], section: usize) {
        let typos = self.sections[section].typos;
        for item in items {
            let at = self.code.len();
            self.items(std::slice::from_ref(item), typos);
            if required(item, typos) {
                self.code[at] = self.code[at] & !KIND | REQUIRED;
            }
        }
        self.code.push(END);
        assert!(self.code.len() < 1 << 16, "a set's code fits 16 bits");
    }

    fn items(&mut self, items: &[Item], typos: bool) {
        for item in items {
            match item {
                Item::Word(alts) => {
                    let head = self.code.len();
                    self.code.push(WORD);
                    for w in alts {
                        let id = if w.prefix { 0 } else { w.id };
                        assert!(id < 1 << 14, "a word id fits 14 bits");
                        let flags = if w.prefix {
                            PREFIX
                        } else if may_be_misspelt(w, typos) {
                            TYPO
                        } else {
                            0
                        };
                        self.code.push((id as u16) << ID_SHIFT | flags);
                        if w.prefix {
                            // A prefix written before, or inside one, is not written again.
                            let at = self.text.find(&*w.text).unwrap_or_else(|| {
                                self.text.push_str(&w.text);
                                self.text.len() - w.text.len()
                            });
                            self.code.push(at as u16);
                            self.code.push(w.text.len() as u16);
                        }
                    }
                    self.sized(head);
                }
                Item::Opt(inner) => {
                    let head = self.code.len();
                    self.code.push(OPT);
                    self.items(inner, typos);
                    self.code.push(END);
                    self.sized(head);
                }
                Item::Alt(seqs) => {
                    let head = self.code.len();
                    self.code.push(ALT);
                    for seq in seqs {
                        let size = self.code.len();
                        self.code.push(0);
                        self.items(seq, typos);
                        self.code.push(END);
                        self.code[size] = (self.code.len() - size - 1) as u16;
                    }
                    self.sized(head);
                }
                Item::Gap(most) => self.code.extend([1 << KIND_BITS | GAP, *most as u16]),
                Item::Name => self.code.push(NAME),
                Item::Any => self.code.push(ANY),
            }
        }
    }

    /// Starts a section: the patterns added next are its own.
    pub(super) fn open_section(&mut self, label: &'static str, typos: bool) {
        self.sections.push(Section {
            label,
            typos,
            start: self.code.len() as u16,
            examples: Vec::new(),
        });
    }

    /// Writes into the head at `head` how many codes follow it.
    fn sized(&mut self, head: usize) {
        let n = self.code.len() - head - 1;
        assert!(n < 1 << (16 - KIND_BITS), "an item's size fits its head");
        self.code[head] |= (n as u16) << KIND_BITS;
    }

    /// The set, its arrays kept for the life of the program, as the built-in sets' are.
    /// `words` is the vocabulary the set's words were interned in.
    pub fn finish(self, words: &Words) -> PatternSet {
        let text = self.text.leak();
        let words = Strings::of(&words.by_id());
        PatternSet::new(self.sections.leak(), self.code.leak(), text, words)
    }

    /// The set as Rust source: a function `name` that makes the [`PatternSet`] from statics,
    /// and its sections' labels in order, `NAME_LABELS`, for the sections found at build time.
    #[allow(dead_code)]
    pub fn source(self, name: &str) -> String {
        let sections: Vec<String> = self
            .sections
            .iter()
            .map(|s| {
                format!(
                    "Section {{ label: {:?}, typos: {}, start: {}, examples: Vec::new() }}",
                    s.label, s.typos, s.start
                )
            })
            .collect();
        let code: Vec<String> = self.code.iter().map(|c| c.to_string()).collect();
        let labels: Vec<String> = self
            .sections
            .iter()
            .map(|s| format!("{:?}", s.label))
            .collect();
        format!(
            "pub fn {name}(words: Strings) -> PatternSet {{\n\
             static SECTIONS: [Section; {}] = [{}];\n\
             static CODE: [u16; {}] = [{}];\n\
             PatternSet::new(&SECTIONS, &CODE, {:?}, words)\n}}\n\
             pub const {}_LABELS: [&str; {}] = [{}];\n",
            sections.len(),
            sections.join(","),
            code.len(),
            code.join(","),
            self.text,
            name.to_uppercase(),
            labels.len(),
            labels.join(","),
        )
    }
}

/// Whether a sentence must contain one of the words of `item`, one of a pattern's own, for
/// the pattern to match. With typos allowed, only words too short to be misspelt are certain
/// to appear as written.
fn required(item: &Item, typos: bool) -> bool {
    match item {
        Item::Word(alts) if alts.len() <= 12 => {
            alts.iter().all(|w| !w.prefix && !may_be_misspelt(w, typos))
        }
        _ => false,
    }
}

/// Whether a pattern's word may be found one typo away: in a section that allows typos, a word
/// long enough that one wrong letter still leaves it recognisable.
fn may_be_misspelt(w: &WordPat, typos: bool) -> bool {
    typos && w.text.len() >= 5
}

impl PatternSet {
    /// Everything the matcher uses, printed, for the test that the built-in sets are the lists.
    #[cfg(test)]
    pub fn debug_tables(&self) -> String {
        let sections: Vec<_> = self
            .sections
            .iter()
            .map(|s| (&s.label, s.typos, s.start))
            .collect();
        format!(
            "{sections:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            self.code, self.text, self.first_at, self.firsts, self.anywhere, self.required
        )
    }
}
