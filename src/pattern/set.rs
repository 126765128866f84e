//! A file's patterns run over a sentence. A pattern is tried only where it can start (most are
//! indexed by their first word) and only in sentences holding the words it cannot do without,
//! so a long note does not cost every pattern at every word.

use super::parser::Section;
use super::syntax::{Hit, Item, Pattern, WordPat};
use crate::text::{Token, UNKNOWN};

/// The patterns of one data file, indexed by the word they start with.
#[derive(Default)]
pub struct PatternSet {
    pub sections: Vec<Section>,
    patterns: Vec<Pattern>,
    /// Pattern indices by the id of a word they can start with.
    by_first: Vec<Vec<usize>>,
    anywhere: Vec<usize>,
}

impl PatternSet {
    /// Adds a pattern of `section`, whose words are already interned.
    pub(super) fn add(&mut self, items: Vec<Item>, section: usize) {
        let required = required_words(&items, self.sections[section].typos);
        let pattern = Pattern {
            items,
            required,
            section,
        };
        let idx = self.patterns.len();
        match pattern.first_words() {
            Some(first) => {
                for id in first {
                    let id = id as usize;
                    if self.by_first.len() <= id {
                        self.by_first.resize_with(id + 1, Vec::new);
                    }
                    let list = &mut self.by_first[id];
                    if list.last() != Some(&idx) {
                        list.push(idx);
                    }
                }
            }
            None => self.anywhere.push(idx),
        }
        self.patterns.push(pattern);
    }

    pub fn section_index(&self, label: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.label == label)
    }

    /// Every longest match within `toks`, whose indices are offset by `base` in the result.
    /// Matches of one section do not overlap: after a match, the search goes on past its end.
    pub fn find(&self, toks: &[Token], base: usize) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        // The tables as slices: indexing a vector is a call in the wasm, built for size, and
        // this loop indexes them for every candidate at every word; a slice's index is not.
        let (patterns, sections, by_first): (&[Pattern], &[Section], &[Vec<usize>]) =
            (&self.patterns, &self.sections, &self.by_first);
        // How far each section's matches already reach, so one phrase is reported once.
        let mut reach_of = vec![0usize; sections.len()];
        let reach: &mut [usize] = &mut reach_of;
        let present = Present::of(toks);
        let possible = |p: &Pattern| {
            p.required
                .iter()
                .all(|any| any.iter().any(|&id| present.has(id)))
        };
        // The patterns that may start at any word are weighed against the sentence once, not
        // at every word of it.
        let anywhere: Vec<usize> = self
            .anywhere
            .iter()
            .copied()
            .filter(|&idx| possible(&patterns[idx]))
            .collect();
        for pos in 0..toks.len() {
            let mut best: Option<Hit> = None;
            let tok = &toks[pos];
            let indexed = by_first.get(tok.id as usize).into_iter().flatten();
            let here = anywhere
                .iter()
                .filter(|&&idx| patterns[idx].may_start_at(tok));
            for &idx in indexed.chain(here) {
                let p = &patterns[idx];
                if !possible(p) {
                    continue;
                }
                let typos = sections[p.section].typos;
                if let Some(len) = p.match_len(&toks[pos..], typos) {
                    let hit = Hit {
                        section: p.section,
                        start: base + pos,
                        end: base + pos + len,
                    };
                    if reach[p.section] < hit.end && best.is_none_or(|b| len > b.end - b.start) {
                        best = Some(hit);
                    }
                }
            }
            if let Some(hit) = best {
                reach[hit.section] = hit.end;
                hits.push(hit);
            }
        }
        hits
    }

    /// The longest match of `section` that starts exactly at `toks[0]`: its end, exclusive.
    pub fn match_at(&self, toks: &[Token], section: usize) -> Option<usize> {
        let first = toks.first()?;
        self.candidates(first)
            .filter(|&idx| self.patterns[idx].section == section)
            .filter_map(|idx| self.patterns[idx].match_len(toks, self.sections[section].typos))
            .max()
    }

    fn candidates<'s>(&'s self, tok: &'s Token) -> impl Iterator<Item = usize> + 's {
        let indexed = self
            .by_first
            .get(tok.id as usize)
            .into_iter()
            .flatten()
            .copied();
        let anywhere = self
            .anywhere
            .iter()
            .copied()
            .filter(move |&idx| self.patterns[idx].may_start_at(tok));
        indexed.chain(anywhere)
    }
}

impl Pattern {
    /// Whether the pattern could start at `tok`, for the patterns not indexed by first word.
    fn may_start_at(&self, tok: &Token) -> bool {
        match self.items.first() {
            Some(Item::Name) => tok.name_like,
            Some(Item::Word(alts)) => alts.iter().any(|w| w.exact(tok)),
            _ => true,
        }
    }

    /// Words the pattern can start with; `None` when it can start with anything.
    fn first_words(&self) -> Option<Vec<u32>> {
        fn firsts(items: &[Item], out: &mut Vec<u32>) -> bool {
            let Some((first, rest)) = items.split_first() else {
                return false;
            };
            match first {
                Item::Word(alts) => {
                    for w in alts {
                        if w.prefix {
                            return false;
                        }
                        out.push(w.id);
                    }
                    true
                }
                Item::Opt(inner) => firsts(inner, out) && firsts(rest, out),
                Item::Alt(seqs) => seqs.iter().all(|s| firsts(s, out)),
                Item::Gap(_) | Item::Name | Item::Any => false,
            }
        }
        let mut out = Vec::new();
        firsts(&self.items, &mut out).then_some(out)
    }
}

/// The word groups a sentence must contain for `items` to match. With typos allowed, only
/// words too short to be misspelt are certain to appear as written.
fn required_words(items: &[Item], typos: bool) -> Vec<Vec<u32>> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Word(alts) if alts.len() <= 12 => alts
                .iter()
                .all(|w| !w.prefix && (!typos || w.text.len() < 5))
                .then(|| alts.iter().map(|w| w.id).collect()),
            _ => None,
        })
        .collect()
}

/// Which words a sentence has, as a small bit set: a false "present" only costs a match attempt.
struct Present([u64; 8]);

impl Present {
    fn of(toks: &[Token]) -> Self {
        let mut bits = [0u64; 8];
        for t in toks.iter().filter(|t| t.id != UNKNOWN) {
            bits[(t.id as usize / 64) % 8] |= 1 << (t.id % 64);
        }
        Present(bits)
    }

    // Asked for every required word of every candidate pattern: inlined even in the wasm.
    #[inline(always)]
    fn has(&self, id: u32) -> bool {
        self.0[(id as usize / 64) % 8] & (1 << (id % 64)) != 0
    }
}

impl PatternSet {
    /// Everything the matcher uses, printed, for the test that the snapshot matches the lists.
    #[cfg(test)]
    pub fn debug_tables(&self) -> String {
        let sections: Vec<_> = self.sections.iter().map(|s| (&s.label, s.typos)).collect();
        format!(
            "{sections:?} {:?} {:?} {:?}",
            self.patterns, self.by_first, self.anywhere
        )
    }

    /// Sections and patterns for the snapshot; the indices are rebuilt when it is read.
    pub fn encode(&self, w: &mut crate::snapshot::Writer) {
        w.num(self.sections.len());
        for s in &self.sections {
            w.string(&s.label);
            w.num(s.typos as usize);
        }
        w.num(self.patterns.len());
        for p in &self.patterns {
            w.num(p.section);
            encode_items(&p.items, w);
        }
    }

    pub fn decode(r: &mut crate::snapshot::Reader) -> Self {
        let mut set = PatternSet::default();
        for _ in 0..r.num() {
            let label = r.string().to_string();
            let typos = r.num() != 0;
            set.sections.push(Section {
                label,
                typos,
                examples: Vec::new(),
            });
        }
        for _ in 0..r.num() {
            let section = r.num();
            let items = decode_items(r);
            set.add(items, section);
        }
        set
    }
}

fn encode_items(items: &[Item], w: &mut crate::snapshot::Writer) {
    w.num(items.len());
    for item in items {
        match item {
            Item::Word(alts) => {
                w.num(0);
                w.num(alts.len());
                for a in alts {
                    if a.prefix {
                        let i = w.index_of(&a.text);
                        w.num(2 * i + 1);
                    } else {
                        w.num(2 * a.id as usize);
                    }
                }
            }
            Item::Opt(inner) => {
                w.num(1);
                encode_items(inner, w);
            }
            Item::Alt(seqs) => {
                w.num(2);
                w.num(seqs.len());
                for s in seqs {
                    encode_items(s, w);
                }
            }
            Item::Gap(n) => {
                w.num(3);
                w.num(*n);
            }
            Item::Name => w.num(4),
            Item::Any => w.num(5),
        }
    }
}

fn decode_items(r: &mut crate::snapshot::Reader) -> Vec<Item> {
    let n = r.num();
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        items.push(match r.num() {
            0 => {
                let k = r.num();
                let mut alts = Vec::with_capacity(k);
                for _ in 0..k {
                    let v = r.num();
                    let prefix = v & 1 == 1;
                    alts.push(WordPat {
                        text: std::borrow::Cow::Borrowed(r.get(v >> 1)),
                        id: if prefix { UNKNOWN } else { (v >> 1) as u32 },
                        prefix,
                    });
                }
                Item::Word(alts)
            }
            1 => Item::Opt(decode_items(r)),
            2 => {
                let k = r.num();
                Item::Alt((0..k).map(|_| decode_items(r)).collect())
            }
            3 => Item::Gap(r.num()),
            4 => Item::Name,
            _ => Item::Any,
        });
    }
    items
}
