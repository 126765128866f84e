//! Which words say nothing of the sender's own: the classes of `phrases/lexicon.txt`.
//!
//! The verdict asks whether a note holds anything that would change if it were sent to someone
//! else. Listing every content-free sentence cannot answer that (a bland request in new words is
//! still bland); listing the words such sentences are made of can: whatever is left over is the
//! sender's own.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering::Relaxed};

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
    /// The class of each word by id: 0 for none, else one more than its place in `CLASSES`;
    /// and the `OCCUPATION`, `SUBJECT` and `SINCE` bits above it.
    by_id: Cow<'static, [u8]>,
    prefixes: Vec<(String, WordClass)>,
    /// What else each word by id is: the `ADDRESSEE`, `POSSESSIVE` and `GENERIC_SLOT` bits,
    /// and above them (`SLOT_SHIFT`) one more than the slot kind's place in `SLOTS`, if any.
    /// One byte a word, so that `build.rs` can write the table the engine reads in place.
    flags: Cow<'static, [u8]>,
    slot_prefixes: Vec<(String, SlotKind)>,
    /// Parts of a slot's name that say it holds the reader's firm ("compan", "empresa"),
    /// found anywhere in it: "{companyName}", "{{nomeempresa}}".
    firm_slot: Vec<String>,
    /// Per listed word, by id, the class its own spelling gives it (`Spelt`), once asked: an
    /// unlisted class found by the word's stem costs a thousand instructions, and a note's
    /// words come back at every keystroke. Filled as asked, never emptied: a byte a word.
    remembered: Vec<AtomicU8>,
    /// The same for the words no list holds, which have no id, by their spelling: in each
    /// of `UNLISTED_PLACES` places (chosen by the word's hash) the last word asked there,
    /// whole, so another word in its place is only asked again. Bounded, as a paste may hold
    /// any number of words; a long word is not kept.
    unlisted: crate::pattern::Cache<Vec<(String, u8)>>,
}

const UNLISTED_PLACES: usize = 1024;
const UNLISTED_LONGEST: usize = 40;

/// A word's class as its spelling gives it, as `Lexicon::remembered` keeps it.
#[derive(Clone, Copy)]
enum Spelt {
    /// Its own class, or a listed prefix's.
    Listed(WordClass),
    /// The class of a listed word it inflects or respells.
    Derived(WordClass),
    Nothing,
}

impl Spelt {
    /// 0 is "not yet asked".
    fn code(self) -> u8 {
        match self {
            Spelt::Listed(c) => 1 + c as u8,
            Spelt::Derived(c) => 5 + c as u8,
            Spelt::Nothing => 9,
        }
    }

    fn decode(code: u8) -> Option<Spelt> {
        let class = |i: u8| CLASSES[i as usize];
        match code {
            1..=4 => Some(Spelt::Listed(class(code - 1))),
            5..=8 => Some(Spelt::Derived(class(code - 5))),
            9 => Some(Spelt::Nothing),
            _ => None,
        }
    }
}

/// Words that point at the reader: "you", "your", "both".
const ADDRESSEE: u8 = 1;
/// Words that make the next noun the reader's: "your", "votre".
const POSSESSIVE: u8 = 2;
/// Words that mark a template slot as generic: "[Name]", "{industry}", "[your role]".
const GENERIC_SLOT: u8 = 4;
/// What a specific slot stands for, by the words in it: "[event]", "[Mutual Connection]".
const SLOT_SHIFT: u8 = 3;
const SLOT_MASK: u8 = 0b11 << SLOT_SHIFT;
/// Words for a crowd or a scene: "the tech industry", "business professionals". A field word
/// that names one says whom the sender writes to, not who the sender is.
const CROWD: u8 = 32;
/// The sender speaking of themselves: "I", "my", "ich", "soy".
const SENDER: u8 = 64;
/// The sender saying what they saw of the reader: "saw", "noticed", "vi", "gesehen".
const OBSERVE: u8 = 128;
/// In a word's class byte, the low bits hold the class; this one marks a word that says what
/// one does for a living ("work", "trabalho", "fellow"). The flag byte has no room left.
const CLASS_MASK: u8 = 0b111;
const OCCUPATION: u8 = 128;
/// Also in the class byte: a word a subject named by the sender follows ("about", "sobre").
const SUBJECT: u8 = 64;
/// And a word a year the sender counts from follows ("since", "seit").
const SINCE: u8 = 32;

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
    Crowd,
    Sender,
    Observe,
    Occupation,
    Subject,
    Since,
    FirmSlot,
    Slot(SlotKind),
}

/// "potencialmente", "genuinely", "previously": how or how much, never what, so it names
/// nothing. Only endings no noun or name of these languages shares ("Italy", "supply",
/// "Kelly" keep theirs).
fn is_adverb_of_manner(word: &str) -> bool {
    const ENDINGS: [&str; 9] = [
        "mente", "ally", "ously", "ently", "antly", "ively", "ately", "fully", "ingly",
    ];
    word.len() >= 7 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Arabic writes "and", "by", "for", "as" and "the" onto the next word: "وتبادل" is "و" +
/// "تبادل", "بالتواصل" is "ب" + "ال" + "تواصل". The word without them, if something of three
/// letters or more is left; `None` when it starts with none.
fn without_arabic_proclitics(word: &str) -> Option<&str> {
    let mut rest = word;
    for clitics in [&["و", "ف"][..], &["ب", "ل", "ك"], &["ال"]] {
        if let Some(shorter) = clitics.iter().find_map(|c| rest.strip_prefix(c)) {
            rest = shorter;
        }
    }
    (rest.len() < word.len() && rest.len() >= 6).then_some(rest)
}

/// The word with "ae", "oe", "ue" written as the vowel they stand for, which is how an umlaut
/// folds; `None` when it has none.
fn without_umlaut_digraphs(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let digraph = |i: usize| matches!(b[i], b'a' | b'o' | b'u') && b.get(i + 1) == Some(&b'e');
    if !word.is_ascii() || !(0..b.len()).any(digraph) {
        return None;
    }
    let mut plain = String::with_capacity(word.len());
    let mut i = 0;
    while i < b.len() {
        plain.push(char::from(b[i]));
        i += if digraph(i) { 2 } else { 1 };
    }
    Some(plain)
}

/// The words of a program's names, lower-cased (ASCII only: full case mapping would bring
/// Unicode's tables into the wasm) and apart: "${jobTitleToUse}" is "job title to
/// use", "{company_name}" is "company name".
fn program_words(written: &str) -> String {
    let mut words = String::with_capacity(written.len() + 8);
    let mut after_lower = false;
    for c in written.chars() {
        if !c.is_alphanumeric() || (c.is_uppercase() && after_lower) {
            words.push(' ');
        }
        if c.is_alphanumeric() {
            words.push(c.to_ascii_lowercase());
        }
        after_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    words
}

/// The place of word `id` in a table indexed by word id, grown to hold it.
fn place<T: Clone + Default>(table: &mut Vec<T>, id: u32) -> &mut T {
    let id = id as usize;
    if table.len() <= id {
        table.resize(id + 1, T::default());
    }
    &mut table[id]
}

/// What parts a slot's words: one function, so that every split by it is one piece of code
/// in the wasm, where each closure would be its own.
fn parts_apart(c: char) -> bool {
    !c.is_alphanumeric()
}

/// A word with its inflection taken off, the same for a listed word and a word in a note:
/// English, Romance and German endings, taken off again while the stem stays four letters or
/// longer ("genuinely" → "genuine" → "genuin", as "genuine" → "genuin"). Crude, and only used
/// to give an unlisted word the class of a listed one with the same stem.
pub fn stem(word: &str) -> &str {
    let once = stem_once(word);
    stem_once(once)
}

/// One ending off: the longest that leaves a stem of four letters or more.
fn stem_once(word: &str) -> &str {
    static ENDINGS: [&str; 60] = [
        "amente", "emente", "mente", "aciones", "acion", "acoes", "acao", "azioni", "azione",
        "ations", "ation", "ements", "ement", "ungen", "ung", "ingly", "ings", "ing", "iendo",
        "ando", "endo", "aremos", "armos", "ermos", "irmos", "ariamos", "aria", "eria", "iria",
        "amos", "emos", "imos", "ados", "adas", "ado", "ada", "idos", "idas", "ido", "ida", "ness",
        "ments", "ment", "edly", "ed", "ers", "er", "ies", "es", "en", "ar", "ir", "ly", "ons",
        "ez", "s", "e", "a", "o", "i",
    ];
    // Which endings end in each ASCII letter, as bits: a word is compared with those alone.
    static BY_LAST_LETTER: [u64; 128] = {
        let mut table = [0u64; 128];
        let mut i = 0;
        while i < ENDINGS.len() {
            let ending = ENDINGS[i].as_bytes();
            table[ending[ending.len() - 1] as usize] |= 1 << i;
            i += 1;
        }
        table
    };
    let bytes = word.as_bytes();
    let Some(&last) = bytes.last().filter(|_| word.is_ascii()) else {
        return word;
    };
    let mut best = word.len();
    let mut endings = BY_LAST_LETTER[last as usize];
    while endings != 0 {
        let ending = ENDINGS[endings.trailing_zeros() as usize].as_bytes();
        endings &= endings - 1;
        // A one-letter ending ("busco", "ideas") may leave four letters; a longer one
        // must leave five, or "wellness" would be "well".
        let min = if ending.len() > 1 { 5 } else { 4 };
        let stem = bytes.len().wrapping_sub(ending.len());
        if stem >= min && stem < best && bytes[stem..] == *ending {
            best = stem;
        }
    }
    word.get(..best).unwrap_or(word)
}

impl Lexicon {
    pub fn parse(source: &'static str, words: &mut Words) -> Result<Self, DataError> {
        let mut by_id = Vec::new();
        let mut flags: Vec<u8> = Vec::new();
        let mut prefixes = Vec::new();
        let mut slot_prefixes = Vec::new();
        let mut firm_slot = Vec::new();
        let mut class = None;
        for (n, line) in source.lines().enumerate() {
            let line = line.trim();
            // A `>` line is an example for the tests: a note every word of which is listed.
            if line.is_empty() || line.starts_with(['#', '>']) {
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
                    "crowd" => Section::Crowd,
                    "sender" => Section::Sender,
                    "observe" => Section::Observe,
                    "occupation" => Section::Occupation,
                    "subject" => Section::Subject,
                    "since" => Section::Since,
                    "firm-slot" => Section::FirmSlot,
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
                    Section::Addressee => *place(&mut flags, words.intern(word)) |= ADDRESSEE,
                    Section::Possessive => *place(&mut flags, words.intern(word)) |= POSSESSIVE,
                    Section::GenericSlot => *place(&mut flags, words.intern(word)) |= GENERIC_SLOT,
                    Section::Crowd => *place(&mut flags, words.intern(word)) |= CROWD,
                    Section::Sender => *place(&mut flags, words.intern(word)) |= SENDER,
                    Section::Observe => *place(&mut flags, words.intern(word)) |= OBSERVE,
                    Section::Occupation => *place(&mut by_id, words.intern(word)) |= OCCUPATION,
                    Section::Subject => *place(&mut by_id, words.intern(word)) |= SUBJECT,
                    Section::Since => *place(&mut by_id, words.intern(word)) |= SINCE,
                    Section::FirmSlot => firm_slot.push(word.into_owned()),
                    Section::Slot(kind) => match word.strip_suffix('*') {
                        Some(prefix) => slot_prefixes.push((prefix.into(), *kind)),
                        None => {
                            let f = place(&mut flags, words.intern(word));
                            *f = (*f & !SLOT_MASK) | code(*kind, &SLOTS) << SLOT_SHIFT;
                        }
                    },
                    Section::Class(class) => match word.strip_suffix('*') {
                        Some(prefix) => prefixes.push((prefix.into(), *class)),
                        None => {
                            // A word in two sections keeps the one that claims less for the
                            // sender.
                            let listed = place(&mut by_id, words.intern(word));
                            if decode(*listed & CLASS_MASK, &CLASSES).is_none_or(|old| *class < old)
                            {
                                *listed = (*listed & !CLASS_MASK) | code(*class, &CLASSES);
                            }
                        }
                    },
                }
            }
        }
        Ok(Lexicon {
            by_id: by_id.into(),
            prefixes,
            flags: flags.into(),
            slot_prefixes,
            firm_slot,
            remembered: Vec::new(),
            unlisted: crate::pattern::Cache::new(Vec::new()),
        })
    }

    fn flag(&self, t: &Token, bit: u8) -> bool {
        self.flag_by_id(t.id, bit)
    }

    fn flag_by_id(&self, id: u32, bit: u8) -> bool {
        self.flags.get(id as usize).is_some_and(|f| f & bit != 0)
    }

    /// A flag of a word not in the note's tokens: one inside a slot.
    fn word_flag(&self, words: &Words, word: &str, bit: u8) -> bool {
        words.get(word).is_some_and(|id| self.flag_by_id(id, bit))
    }

    fn class_by_id(&self, id: u32) -> Option<WordClass> {
        decode(
            self.by_id.get(id as usize).copied().unwrap_or(0) & CLASS_MASK,
            &CLASSES,
        )
    }

    fn slot_kind_by_id(&self, id: u32) -> Option<SlotKind> {
        let f = self.flags.get(id as usize).copied().unwrap_or(0);
        decode((f & SLOT_MASK) >> SLOT_SHIFT, &SLOTS)
    }

    pub fn is_crowd(&self, t: &Token) -> bool {
        self.flag(t, CROWD)
    }

    pub fn is_sender(&self, t: &Token) -> bool {
        self.flag(t, SENDER)
    }

    pub fn is_observing(&self, t: &Token) -> bool {
        self.flag(t, OBSERVE)
    }

    /// "work", "trabalho", "fellow": saying what one does, or that one does the same.
    pub fn is_occupation(&self, t: &Token) -> bool {
        self.class_bit(t, OCCUPATION)
    }

    /// "about", "sobre", "over": what follows is a subject the sender names.
    pub fn is_subject(&self, t: &Token) -> bool {
        self.class_bit(t, SUBJECT)
    }

    /// "since", "seit", "depuis": the year after it is one the sender counts from.
    pub fn is_since(&self, t: &Token) -> bool {
        self.class_bit(t, SINCE)
    }

    fn class_bit(&self, t: &Token, bit: u8) -> bool {
        self.by_id.get(t.id as usize).is_some_and(|c| c & bit != 0)
    }

    pub fn is_addressee(&self, t: &Token) -> bool {
        self.flag(t, ADDRESSEE)
    }

    pub fn is_possessive(&self, t: &Token) -> bool {
        self.flag(t, POSSESSIVE)
    }

    /// Whether a slot's name says it holds the reader's firm: "{companyName}", "[Empresa]",
    /// "{{organization}}". Compared as bytes, as a search for a text would compile a searcher
    /// into the module.
    pub fn names_a_firm(&self, slot: &str) -> bool {
        let slot = slot.as_bytes();
        self.firm_slot
            .iter()
            .any(|part| slot.windows(part.len()).any(|at| at == part.as_bytes()))
    }

    /// Whether a slot stands for something any note could name (a name, a role, an industry)
    /// rather than a specific (an event, a post, a project): judged by the words inside it.
    /// `written` is the slot as the note has it, braces and all.
    pub fn is_generic_slot(&self, words: &Words, slot: &str, written: &str) -> bool {
        // "{n}", "{0}", "%s": a mail-merge field too short to name anything.
        if slot.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
            return true;
        }
        let is_generic = |w: &str| self.word_flag(words, w, GENERIC_SLOT);
        // "${lead.company}", "{{selectedLead.firstName}}", "{focusArea}": a field a program
        // fills from what it knows of the recipient names nothing, whatever its name. A field
        // of what the sender offers ("{value_prop_short}") is theirs, and one that asks for an
        // event, a person or a specific is read as that, unless the path's last name is a
        // generic one: "{selectedLead.person?.title}" is a title.
        let merged = written.starts_with(['{', '$', '%']) && !written.as_bytes().contains(&b' ');
        let mut path = slot.split(parts_apart).filter(|w| !w.is_empty());
        let senders = |w: &str| self.word_flag(words, w, SENDER);
        // "{event_name}", "{{mutual_connection_name}}": the name of an event or a person is
        // read as one, though "name" ends it; a path's last property is what it names.
        let property = written
            .rfind('.')
            .and_then(|dot| written.get(dot + 1..))
            .unwrap_or(written);
        // Asked only of a merged field whose last name is generic: the words of a program's
        // name are costly to take apart, and most slots are neither.
        let names_a_kind = || {
            program_words(property)
                .split_whitespace()
                .any(|w| !is_generic(w) && self.slot_kind(words, w, w).is_some())
        };
        if merged
            && ((path.next_back().is_some_and(is_generic) && !names_a_kind())
                || (self.slot_kind(words, slot, written).is_none()
                    && !program_words(written).split_whitespace().any(senders)))
        {
            return true;
        }
        self.every_word_generic(words, slot)
    }

    /// Whether each word of a slot says what any note could name: "[industry/role]", "[your
    /// title]", but not "[Project/Area]", which asks for something specific.
    pub fn every_word_generic(&self, words: &Words, slot: &str) -> bool {
        let mut words_in = slot.split(parts_apart).filter(|w| w.len() > 2).peekable();
        words_in.peek().is_some() && words_in.all(|w| self.word_flag(words, w, GENERIC_SLOT))
    }

    /// What a slot stands for, by the first of its words that says; nothing the reader has
    /// when the sender claims it: "{my_project}", "[our event]".
    pub fn slot_kind(&self, words: &Words, slot: &str, written: &str) -> Option<SlotKind> {
        // A template's "[Votre Poste]", "[tu especialización]" speaks to whoever fills it in:
        // the sender. A program's braces may hold any text, "{detail or 'il suo profilo'}".
        let template = !written.starts_with(['{', '$', '%']);
        let senders = |w: &str| {
            self.word_flag(words, w, SENDER) || (template && self.word_flag(words, w, POSSESSIVE))
        };
        let parts = program_words(written);
        if parts.split_whitespace().any(senders) {
            return None;
        }
        let kind = |w: &str| {
            let listed = words.get(w).and_then(|id| self.slot_kind_by_id(id));
            listed.or_else(|| {
                // As in `class_of`: the first letter, inlined, spares most comparisons.
                let first = w.as_bytes().first();
                self.slot_prefixes
                    .iter()
                    .find(|(p, _)| {
                        p.as_bytes().first().is_none_or(|b| Some(b) == first)
                            && w.starts_with(p.as_str())
                    })
                    .map(|(_, kind)| *kind)
            })
        };
        // "{discussionTopic}": a program's name says it in its parts. Loops, not `find_map`:
        // the adapters' code was larger than what they run.
        for w in slot.split(parts_apart) {
            if let Some(k) = kind(w) {
                return Some(k);
            }
        }
        for w in parts.split_whitespace() {
            if let Some(k) = kind(w) {
                return Some(k);
            }
        }
        None
    }

    /// The class of a token; `source` is the token as written, for elisions ("j'aimerais").
    pub fn class(&self, words: &Words, t: &Token, source: &str) -> Option<WordClass> {
        self.classes(words, t, source).0
    }

    /// The class of a token as written (`source`), and as the word alone gives it, without
    /// its capitals or an elision: what `class(words, t, "")` is. A reading needs both of
    /// every word, the second to tell a name, and most of the work is common to the two.
    pub fn classes(
        &self,
        words: &Words,
        t: &Token,
        source: &str,
    ) -> (Option<WordClass>, Option<WordClass>) {
        if t.kind != TokenKind::Word {
            return (None, None);
        }
        let memo = self.remembered.get(t.id as usize);
        let spelt = match memo.and_then(|m| Spelt::decode(m.load(Relaxed))) {
            Some(spelt) => spelt,
            None if memo.is_none() => self.unlisted_spelt(words, t.id, &t.norm),
            None => {
                let spelt = self.spelt(words, t.id, &t.norm);
                if let Some(m) = memo {
                    m.store(spelt.code(), Relaxed);
                }
                spelt
            }
        };
        match spelt {
            Spelt::Listed(class) => {
                // "AI", "IT", "ML": letters in capitals name a field or a firm, whatever word
                // they fold to (Italian "ai", English "it").
                let acronym = source.len() >= 2 && source.bytes().all(|b| b.is_ascii_uppercase());
                return (
                    (!acronym || class >= WordClass::Plain).then_some(class),
                    Some(class),
                );
            }
            // Only a word as listed is never a name: "Mercier" is no inflection of "merci".
            Spelt::Derived(class) => return (Some(class), None),
            Spelt::Nothing => {}
        }
        // French and Italian elide a short word into the next: "d'ajouter", "l'occasion",
        // "un'azienda", "dell'anno".
        // Up to the first character not an ASCII letter, which is at a byte of its own.
        let elided = source
            .bytes()
            .take(6)
            .position(|b| !b.is_ascii_alphabetic())
            .filter(|&at| {
                at >= 1
                    && source
                        .get(at..)
                        .is_some_and(|rest| rest.starts_with(crate::text::is_apostrophe))
            });
        let Some(rest) = elided
            .filter(|&at| t.norm.len() > at + 1)
            .and_then(|at| t.norm.get(at..))
        else {
            return (None, None);
        };
        let class = self
            .class_of(words.get(rest).unwrap_or(UNKNOWN), rest)
            .or_else(|| self.class_by_stem(words, rest));
        (class, None)
    }

    /// What `spelt` gives a word with no place in `remembered`, remembered by its spelling.
    fn unlisted_spelt(&self, words: &Words, id: u32, word: &str) -> Spelt {
        if word.len() > UNLISTED_LONGEST {
            return self.spelt(words, id, word);
        }
        let Some(mut places) = crate::pattern::open(&self.unlisted) else {
            return self.spelt(words, id, word);
        };
        if places.is_empty() {
            *places = (0..UNLISTED_PLACES).map(|_| (String::new(), 0)).collect();
        }
        let hash = crate::pattern::fnv1a(word.as_bytes());
        let (kept, code) = &mut places[hash as usize % UNLISTED_PLACES];
        if kept == word {
            if let Some(spelt) = Spelt::decode(*code) {
                return spelt;
            }
        }
        let spelt = self.spelt(words, id, word);
        kept.clear();
        kept.push_str(word);
        *code = spelt.code();
        spelt
    }

    /// The class word `id`, spelt `word`, has by its spelling alone.
    fn spelt(&self, words: &Words, id: u32, word: &str) -> Spelt {
        if let Some(class) = self.class_of(id, word) {
            return Spelt::Listed(class);
        }
        // "recently", "technically": an adverb says how or when, whatever its stem names.
        if word.is_ascii() && is_adverb_of_manner(word) {
            return Spelt::Derived(WordClass::Filler);
        }
        let derived = self.class_by_stem(words, word).or_else(|| {
            if !word.is_ascii() {
                return self.class_by_shared_stem(words, word).or_else(|| {
                    let rest = without_arabic_proclitics(word)?;
                    self.class_of(words.get(rest).unwrap_or(UNKNOWN), rest)
                        .or_else(|| self.class_by_shared_stem(words, rest))
                });
            }
            // "fuer", "wuerde", "koennten": German typed without umlauts is the word with
            // them.
            let plain = without_umlaut_digraphs(word)?;
            self.class_of(words.get(&plain).unwrap_or(UNKNOWN), &plain)
        });
        derived.map_or(Spelt::Nothing, Spelt::Derived)
    }

    /// The class of the listed words that share this word's stem, the one claiming most for
    /// the sender when they differ: the listed words that are the stem with an ending listed
    /// words usually have, so no table of stems is kept.
    fn class_by_stem(&self, words: &Words, word: &str) -> Option<WordClass> {
        let once = stem_once(word);
        let root = stem_once(once);
        if root.len() == word.len() {
            return None;
        }
        // Rebuilt from either stem: "conversarmos" is "convers" + "ar" once, "conver" twice.
        // A match, not a list's `contains`: the wasm would compare each ending with a call.
        let rebuilt = |listed: &str, base: &str| {
            listed.strip_prefix(base).is_some_and(|ending| {
                matches!(
                    ending,
                    "" | "e"
                        | "s"
                        | "y"
                        | "ar"
                        | "er"
                        | "ir"
                        | "en"
                        | "o"
                        | "a"
                        | "ing"
                        | "ed"
                        | "ation"
                        | "ieren"
                )
            })
        };
        let mut found = None;
        // Both stems start with `root`, and the listed words that do lie together. Most
        // have no class, or none above the one found: that is asked first, as it is cheapest.
        for (id, listed) in words.starting_with(root) {
            let class = self.class_by_id(id);
            if class > found
                && (rebuilt(listed, once) || rebuilt(listed, root))
                && stem(listed) == root
            {
                found = class;
                if found == Some(WordClass::Field) {
                    // Nothing claims more for the sender.
                    break;
                }
            }
        }
        found
    }

    /// In the scripts whose words no list of endings here covers (Cyrillic, Greek, Arabic),
    /// an inflection changes the last letters: "контактах" is "контакт", "профессионального"
    /// is "профессиональной". An unlisted word takes the class of a listed one when the two
    /// differ only in their last three letters or fewer, after a stem of four or more, so a
    /// list need hold one form of a word. Those letters take two bytes each; a word that mixes
    /// widths stops at the first cut off a character's boundary. Korean writes its particles
    /// and endings onto the word ("링크드인에서", "연결하고"): there the last three syllables
    /// or fewer, after a stem of two or more, each syllable three bytes (the first 0xEA to
    /// 0xED).
    fn class_by_shared_stem(&self, words: &Words, word: &str) -> Option<WordClass> {
        let b = word.as_bytes();
        let hangul = b.len() >= 3 && matches!(b[b.len() - 3], 0xEA..=0xED);
        let (step, stem) = if hangul { (3, 6) } else { (2, 8) };
        let mut found = None;
        let mut cut = step;
        while found.is_none() && cut <= 3 * step && word.len() >= cut + stem {
            let root = word.get(..word.len() - cut)?;
            for (id, listed) in words.starting_with(root) {
                let class = self.class_by_id(id);
                if class > found && listed.len() <= root.len() + 3 * step {
                    found = class;
                }
            }
            cut += step;
        }
        found
    }

    /// The class of a folded word by its id, or by the listed prefix it starts with.
    fn class_of(&self, id: u32, word: &str) -> Option<WordClass> {
        self.class_by_id(id).or_else(|| {
            // Most words share no first letter with a listed prefix: that test is inlined, the
            // comparison of the rest is a call.
            let first = word.as_bytes().first();
            self.prefixes
                .iter()
                .find(|(p, _)| {
                    p.as_bytes().first().is_none_or(|b| Some(b) == first)
                        && word.starts_with(p.as_str())
                })
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

/// One more than `x`'s place in `all`: 0 is left for none.
fn code<T: PartialEq>(x: T, all: &[T]) -> u8 {
    1 + all.iter().position(|a| *a == x).unwrap_or(0) as u8
}

fn decode<T: Copy>(code: u8, all: &[T]) -> Option<T> {
    all.get((code as usize).checked_sub(1)?).copied()
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
    /// The prefixes for the snapshot; the tables by word id are written whole by `build.rs`
    /// (see [`Lexicon::tables`]).
    pub fn encode(&self, w: &mut Writer) {
        encode_prefixes(&self.prefixes, &CLASSES, w);
        encode_prefixes(&self.slot_prefixes, &SLOTS, w);
        w.num(self.firm_slot.len());
        for part in &self.firm_slot {
            w.string(part);
        }
    }

    /// The class and flag tables, each as long as the vocabulary.
    pub fn tables(&self, words: usize) -> (Vec<u8>, Vec<u8>) {
        let whole = |t: &[u8]| {
            let mut t = t.to_vec();
            t.resize(words, 0);
            t
        };
        (whole(&self.by_id), whole(&self.flags))
    }

    pub fn decode(r: &mut Reader, by_id: &'static [u8], flags: &'static [u8]) -> Self {
        Lexicon {
            by_id: Cow::Borrowed(by_id),
            prefixes: decode_prefixes(&CLASSES, r),
            flags: Cow::Borrowed(flags),
            slot_prefixes: decode_prefixes(&SLOTS, r),
            firm_slot: (0..r.num()).map(|_| r.string().to_string()).collect(),
            remembered: by_id.iter().map(|_| AtomicU8::new(0)).collect(),
            unlisted: crate::pattern::Cache::new(Vec::new()),
        }
    }
}
