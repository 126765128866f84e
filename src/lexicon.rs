//! Which words say nothing of the sender's own: the classes of `phrases/lexicon.txt`.
//!
//! The verdict asks whether a note holds anything that would change if it were sent to someone
//! else. Listing every content-free sentence cannot answer that (a bland request in new words is
//! still bland); listing the words such sentences are made of can: whatever is left over is the
//! sender's own.

use crate::pattern::{DataError, Words};
use crate::snapshot::{Reader, Writer};
use crate::text::{folded, Token, TokenKind, UNKNOWN};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordClass {
    /// Grammar and politeness: pronouns, articles, auxiliaries, "please".
    Filler,
    /// The vocabulary of requests, pleasantries and flattery that fit anyone.
    Stock,
    /// The sender's own words that still name nothing: "job", "role", "advice". A note of them
    /// says something (a wish), but not which field or subject.
    Plain,
    /// A role or a field: "designer", "fintech". Always the sender's own, and names something.
    Field,
}

#[derive(Default)]
pub struct Lexicon {
    by_id: Vec<Option<WordClass>>,
    prefixes: Vec<(String, WordClass)>,
    /// Words that point at the reader: "you", "your", "both".
    addressee: Vec<bool>,
    /// Words that make the next noun the reader's: "your", "votre".
    possessive: Vec<bool>,
    /// Words that mark a template slot as generic: "[Name]", "{industry}", "[your role]".
    generic_slot: Vec<bool>,
    /// What a specific slot stands for, by the words in it: "[event]", "[Mutual Connection]".
    slot_kinds: Vec<Option<SlotKind>>,
    slot_prefixes: Vec<(String, SlotKind)>,
}

/// The context a slot will hold once filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// "[event]", "[conference]": where they met.
    Event,
    /// "[Mutual Connection]", "[referrer]": someone both know.
    Person,
    /// "[specific thing]", "[referencia concreta]": something of the reader's.
    Specific,
}

enum Section {
    Class(WordClass),
    Addressee,
    Possessive,
    GenericSlot,
    Slot(SlotKind),
}

/// The place of word `id` in a table indexed by word id, grown to hold it.
fn place<T: Clone + Default>(table: &mut Vec<T>, id: u32) -> &mut T {
    let id = id as usize;
    if table.len() <= id {
        table.resize(id + 1, T::default());
    }
    &mut table[id]
}

impl Lexicon {
    pub fn parse(source: &'static str, words: &mut Words) -> Result<Self, DataError> {
        let mut lexicon = Lexicon::default();
        let mut class = None;
        for (n, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(label) = line.strip_prefix("==") {
                class = Some(match label.trim() {
                    "filler" => Section::Class(WordClass::Filler),
                    "stock" => Section::Class(WordClass::Stock),
                    "plain" => Section::Class(WordClass::Plain),
                    "field" => Section::Class(WordClass::Field),
                    "addressee" => Section::Addressee,
                    "possessive" => Section::Possessive,
                    "generic-slot" => Section::GenericSlot,
                    "event-slot" => Section::Slot(SlotKind::Event),
                    "person-slot" => Section::Slot(SlotKind::Person),
                    "specific-slot" => Section::Slot(SlotKind::Specific),
                    _ => {
                        return Err(DataError {
                            line: n + 1,
                            what: "unknown word class",
                        })
                    }
                });
                continue;
            }
            let Some(section) = &class else {
                return Err(DataError {
                    line: n + 1,
                    what: "a word before any section",
                });
            };
            for word in line.split_whitespace() {
                let word = folded(word);
                match section {
                    Section::Addressee => *place(&mut lexicon.addressee, words.intern(word)) = true,
                    Section::Possessive => {
                        *place(&mut lexicon.possessive, words.intern(word)) = true
                    }
                    Section::GenericSlot => {
                        *place(&mut lexicon.generic_slot, words.intern(word)) = true
                    }
                    Section::Slot(kind) => match word.strip_suffix('*') {
                        Some(prefix) => lexicon.slot_prefixes.push((prefix.into(), *kind)),
                        None => *place(&mut lexicon.slot_kinds, words.intern(word)) = Some(*kind),
                    },
                    Section::Class(class) => match word.strip_suffix('*') {
                        Some(prefix) => lexicon.prefixes.push((prefix.into(), *class)),
                        None => {
                            // A word in two sections keeps the one that claims less for the
                            // sender.
                            let listed = place(&mut lexicon.by_id, words.intern(word));
                            if listed.is_none_or(|old| *class < old) {
                                *listed = Some(*class);
                            }
                        }
                    },
                }
            }
        }
        Ok(lexicon)
    }

    pub fn is_addressee(&self, t: &Token) -> bool {
        self.addressee.get(t.id as usize).copied().unwrap_or(false)
    }

    pub fn is_possessive(&self, t: &Token) -> bool {
        self.possessive.get(t.id as usize).copied().unwrap_or(false)
    }

    /// Whether a slot stands for something any note could name (a name, a role, an industry)
    /// rather than a specific (an event, a post, a project): judged by the words inside it.
    pub fn is_generic_slot(&self, words: &Words, slot: &str) -> bool {
        // "{n}", "{0}", "%s": a mail-merge field too short to name anything.
        if slot.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
            return true;
        }
        // Generic when every word of it is: "[industry/role]", "[your title]", but not
        // "[Project/Area]", which asks for something specific.
        let mut words_in = slot
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .peekable();
        words_in.peek().is_some()
            && words_in.all(|w| {
                words
                    .get(w)
                    .and_then(|id| self.generic_slot.get(id as usize).copied())
                    .unwrap_or(false)
            })
    }

    /// What a slot stands for, by the first of its words that says.
    pub fn slot_kind(&self, words: &Words, slot: &str) -> Option<SlotKind> {
        slot.split(|c: char| !c.is_alphanumeric()).find_map(|w| {
            let listed = words.get(w).and_then(|id| self.slot_kinds.get(id as usize));
            listed.copied().flatten().or_else(|| {
                self.slot_prefixes
                    .iter()
                    .find(|(p, _)| w.starts_with(p.as_str()))
                    .map(|(_, kind)| *kind)
            })
        })
    }

    /// The class of a token; `source` is the token as written, for elisions ("j'aimerais").
    pub fn class(&self, words: &Words, t: &Token, source: &str) -> Option<WordClass> {
        if t.kind != TokenKind::Word {
            return None;
        }
        if let Some(class) = self.class_of(t.id, &t.norm) {
            return Some(class);
        }
        // French (and Italian) elide a short word into the next: "d'ajouter", "l'occasion".
        let mut chars = source.chars();
        let elided = matches!(
            (chars.next(), chars.next()),
            (Some(c), Some(a)) if c.is_ascii_alphabetic() && crate::text::is_apostrophe(a)
        );
        if !elided || t.norm.len() <= 2 {
            return None;
        }
        let rest = &t.norm[1..];
        self.class_of(words.get(rest).unwrap_or(UNKNOWN), rest)
    }

    /// The class of a folded word by its id, or by the listed prefix it starts with.
    fn class_of(&self, id: u32, word: &str) -> Option<WordClass> {
        self.by_id.get(id as usize).copied().flatten().or_else(|| {
            self.prefixes
                .iter()
                .find(|(p, _)| word.starts_with(p.as_str()))
                .map(|(_, class)| *class)
        })
    }
}

/// The correction of each misspelt word in `misspellings.txt`, by the word's id. Used by
/// `build.rs` and the tests: the engine reads the parsed tables.
#[allow(dead_code)]
pub fn parse_misspellings(
    source: &'static str,
    words: &mut Words,
) -> Result<Vec<Option<&'static str>>, DataError> {
    let mut misspellings = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(' ') {
            Some((wrong, right)) => {
                *place(&mut misspellings, words.intern(wrong.into())) = Some(right.trim());
            }
            None => {
                return Err(DataError {
                    line: n + 1,
                    what: "expected `wrong right`",
                })
            }
        }
    }
    Ok(misspellings)
}

const CLASSES: [WordClass; 4] = [
    WordClass::Filler,
    WordClass::Stock,
    WordClass::Plain,
    WordClass::Field,
];
const SLOTS: [SlotKind; 3] = [SlotKind::Event, SlotKind::Person, SlotKind::Specific];

/// A table of options, as its filled places with one more than the value's place in `all`.
fn encode_options<T: PartialEq>(v: &[Option<T>], all: &[T], w: &mut Writer) {
    let filled = v.iter().enumerate().filter_map(|(i, x)| {
        let x = x.as_ref()?;
        Some((i, 1 + all.iter().position(|a| a == x).unwrap_or(0)))
    });
    w.sparse(filled.collect());
}

fn decode_options<T: Copy>(all: &[T], r: &mut Reader) -> Vec<Option<T>> {
    r.sparse(None, |_, v| Some(all[v - 1]))
}

fn encode_flags(v: &[bool], w: &mut Writer) {
    w.sparse(
        v.iter()
            .enumerate()
            .filter(|(_, &b)| b)
            .map(|(i, _)| (i, 1))
            .collect(),
    );
}

fn decode_flags(r: &mut Reader) -> Vec<bool> {
    r.sparse(false, |_, _| true)
}

fn encode_prefixes<T: PartialEq>(v: &[(String, T)], all: &[T], w: &mut Writer) {
    w.num(v.len());
    for (p, x) in v {
        w.string(p);
        w.num(all.iter().position(|a| a == x).unwrap_or(0));
    }
}

fn decode_prefixes<T: Copy>(all: &[T], r: &mut Reader) -> Vec<(String, T)> {
    (0..r.num())
        .map(|_| (r.string().to_string(), all[r.num()]))
        .collect()
}

impl Lexicon {
    /// The tables for the snapshot.
    pub fn encode(&self, w: &mut Writer) {
        encode_options(&self.by_id, &CLASSES, w);
        encode_prefixes(&self.prefixes, &CLASSES, w);
        encode_flags(&self.addressee, w);
        encode_flags(&self.possessive, w);
        encode_flags(&self.generic_slot, w);
        encode_options(&self.slot_kinds, &SLOTS, w);
        encode_prefixes(&self.slot_prefixes, &SLOTS, w);
    }

    pub fn decode(r: &mut Reader) -> Self {
        Lexicon {
            by_id: decode_options(&CLASSES, r),
            prefixes: decode_prefixes(&CLASSES, r),
            addressee: decode_flags(r),
            possessive: decode_flags(r),
            generic_slot: decode_flags(r),
            slot_kinds: decode_options(&SLOTS, r),
            slot_prefixes: decode_prefixes(&SLOTS, r),
        }
    }
}
