//! The phrase lists, parsed by `build.rs` and read from what it wrote on first use. The data
//! lives in `src/phrases/*.txt` so that adding a canned phrase or a context cue is a one-line
//! change carrying its own example.

#[cfg(test)]
use crate::lexicon::parse_misspellings;
use crate::lexicon::{Lexicon, WordClass};
use crate::pattern::{DataError, PatternSet, Words};
use crate::snapshot::{Reader, Strings};
use crate::text::{Token, TokenKind, UNKNOWN};
use crate::ContextKind;

pub struct Phrases {
    pub words: Words,
    pub canned: PatternSet,
    pub context: PatternSet,
    pub greetings: PatternSet,
    pub lexicon: Lexicon,
    /// The correction of each misspelt word, by the word's id: one lookup per token.
    misspellings: Vec<Option<&'static str>>,
    pub default: usize,
    pub generic: usize,
    pub mass_greeting: usize,
    pub pleasantry: usize,
    pub unnamed_mutuals: usize,
    pub reason: usize,
    pub greeting: usize,
    pub title: usize,
    pub closing: usize,
    /// The context kind of each section of `context`, `None` for the helper sections.
    pub kinds: &'static [Option<ContextKind>],
    pub purpose: usize,
    pub job_ask: usize,
    /// "I noticed you work at [Company]": where the reader works, which ties a job seeker's
    /// wish to them, and no one else's note.
    pub recipient_employer: usize,
    /// "looking for a role in HVAC design": any job in a field, which could be asked of anyone.
    pub any_job: usize,
    /// "on", "about", "sur": what follows is a topic, not a place ("your work at Acme").
    pub topic: usize,
    /// "together", "both", "the same": how the two know each other, beside a specific.
    pub shared: usize,
}

pub fn phrases() -> &'static Phrases {
    // The files are compiled in and every section is exercised by the unit tests, so a
    // failure here is a build defect, not something a user's input can cause: the tests say
    // so, and the wasm, where a message would bring its own panic's code, only stops.
    crate::pattern::built_once!(
        Phrases,
        Phrases::frozen().unwrap_or_else(|_| {
            if cfg!(target_arch = "wasm32") {
                std::process::abort()
            }
            panic!("phrase data is invalid")
        })
    )
}

/// The tables `build.rs` parsed from the lists, as numbers and the strings they index.
const SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/phrases.bin"));

/// The snapshot's strings, one a line, the vocabulary first, front-coded.
const SNAPSHOT_STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/phrases.txt"));

/// The tables `build.rs` wrote as Rust: `WORD_CLASSES` and `WORD_FLAGS` for the lexicon, and
/// the pattern sets `canned()`, `context()` and `greetings()`, read where they lie.
mod tables {
    use crate::pattern::{PatternSet, Section};
    use crate::snapshot::Strings;
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// Room reserved for the lists' vocabulary, a little over what they hold (a test keeps it so).
#[cfg(test)]
const VOCABULARY_ROOM: usize = 6_000;

impl Phrases {
    /// Gives each token its word id, its word class as written in `text` (the reading asks it
    /// of most words, and telling a name takes most of the same work), and decides once
    /// whether it could be part of a name.
    pub fn annotate(&self, tokens: &mut [Token], text: &str) {
        for t in tokens {
            t.id = self.words.get(&t.norm).unwrap_or(UNKNOWN);
            let written = text.get(t.start..t.end).unwrap_or("");
            let (class, unwritten) = self.lexicon.classes(&self.words, t, written);
            // Filler and stock are capitalised for a sentence start or by custom ("Sie",
            // "LinkedIn"), not for a name; the few names spelt like them elsewhere ("Ben",
            // "Mi") are the price of one list for both. Judged by the word alone, without an
            // elision, as it always was: "J'aimerais" stays one word.
            let never_a_name = matches!(unwritten, Some(WordClass::Filler | WordClass::Stock));
            t.name_like = t.kind == TokenKind::Placeholder
                || (t.cap && t.kind == TokenKind::Word && !never_a_name);
            t.class = class;
        }
    }

    /// The correction of a misspelt word, if `t` is one.
    pub fn correction(&self, t: &Token) -> Option<&'static str> {
        self.misspellings.get(t.id as usize).copied().flatten()
    }

    /// Reads the tables `build.rs` parsed: the same as [`Phrases::load`] gives, for a fraction
    /// of the work at start-up.
    pub fn frozen() -> Result<Self, (&'static str, DataError)> {
        let strings = Strings::front_coded(SNAPSHOT_STRINGS);
        let mut r = Reader::new(SNAPSHOT, strings);
        let words = Words::decode(&mut r);
        let (canned, context, greetings) = (
            tables::canned(strings),
            tables::context(strings),
            tables::greetings(strings),
        );
        let lexicon = Lexicon::decode(&mut r, &tables::WORD_CLASSES, &tables::WORD_FLAGS);
        let misspellings = r.sparse(None, |r, i| Some(r.get(i)));
        Self::assemble(words, canned, context, greetings, lexicon, misspellings)
    }

    /// Parses the lists as written, examples included; an error names the file and line.
    #[cfg(test)]
    pub fn load() -> Result<Self, (&'static str, DataError)> {
        let first = Self::parse(Words::with_capacity(VOCABULARY_ROOM))?;
        // Numbered as `build.rs` numbers the words, so that ids agree with the snapshot's.
        Self::parse(first.words.in_sorted_order())
    }

    #[cfg(test)]
    fn parse(mut words: Words) -> Result<Self, (&'static str, DataError)> {
        let in_file = |file: &'static str| move |e: DataError| (file, e);
        let canned = PatternSet::parse(include_str!("phrases/canned.txt"), &mut words)
            .map_err(in_file("canned.txt"))?;
        let context = PatternSet::parse(include_str!("phrases/context.txt"), &mut words)
            .map_err(in_file("context.txt"))?;
        let greetings = PatternSet::parse(include_str!("phrases/greetings.txt"), &mut words)
            .map_err(in_file("greetings.txt"))?;
        let lexicon = Lexicon::parse(include_str!("phrases/lexicon.txt"), &mut words)
            .map_err(in_file("lexicon.txt"))?;
        let misspellings = parse_misspellings(include_str!("phrases/misspellings.txt"), &mut words)
            .map_err(in_file("misspellings.txt"))?;
        Self::assemble(words, canned, context, greetings, lexicon, misspellings)
    }

    /// The lists' sections are found by label when the engine is built, from the labels
    /// `build.rs` wrote, which the parsed lists share (a test checks the sets are the same):
    /// start-up looks up nothing, and a section the engine names that a list lacks fails the
    /// build.
    fn assemble(
        words: Words,
        canned: PatternSet,
        context: PatternSet,
        greetings: PatternSet,
        lexicon: Lexicon,
        misspellings: Vec<Option<&'static str>>,
    ) -> Result<Self, (&'static str, DataError)> {
        use tables::{CANNED_LABELS, CONTEXT_LABELS, GREETINGS_LABELS};
        static KINDS: [Option<ContextKind>; CONTEXT_LABELS.len()] = kinds(&CONTEXT_LABELS);
        Ok(Phrases {
            default: const { section(&CANNED_LABELS, "default") },
            generic: const { section(&CANNED_LABELS, "generic") },
            mass_greeting: const { section(&CANNED_LABELS, "mass-greeting") },
            pleasantry: const { section(&CANNED_LABELS, "pleasantry") },
            unnamed_mutuals: const { section(&CANNED_LABELS, "unnamed-mutuals") },
            reason: const { section(&CANNED_LABELS, "reason") },
            greeting: const { section(&GREETINGS_LABELS, "greeting") },
            title: const { section(&GREETINGS_LABELS, "title") },
            closing: const { section(&GREETINGS_LABELS, "closing") },
            purpose: const { section(&CONTEXT_LABELS, "purpose") },
            job_ask: const { section(&CONTEXT_LABELS, "job-ask") },
            recipient_employer: const { section(&CONTEXT_LABELS, "recipient-employer") },
            any_job: const { section(&CONTEXT_LABELS, "intent_job.any") },
            topic: const { section(&CONTEXT_LABELS, "topic") },
            shared: const { section(&CONTEXT_LABELS, "shared") },
            kinds: &KINDS,
            canned,
            context,
            greetings,
            lexicon,
            misspellings,
            words,
        })
    }
}

/// Whether two texts are the same, in a constant.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() && a[i] == b[i] {
        i += 1;
    }
    i == a.len()
}

/// Whether a section's `label` is `kind`'s, or one of its parts: "intent_job.any".
const fn names_kind(kind: &str, label: &str) -> bool {
    let (k, l) = (kind.as_bytes(), label.as_bytes());
    if l.len() < k.len() || (l.len() > k.len() && l[k.len()] != b'.') {
        return false;
    }
    let mut i = 0;
    while i < k.len() && k[i] == l[i] {
        i += 1;
    }
    i == k.len()
}

/// Where the section `label` is among a file's `labels`, in a constant, so that a missing one
/// fails the build.
const fn section(labels: &[&str], label: &str) -> usize {
    let mut i = 0;
    while i < labels.len() {
        if same(labels[i], label) {
            return i;
        }
        i += 1;
    }
    panic!("a section the engine names is missing from the phrase lists")
}

/// The context kind each of `context.txt`'s sections stands for, by its label.
const fn kinds<const N: usize>(labels: &[&str; N]) -> [Option<ContextKind>; N] {
    let mut kinds = [None; N];
    let mut i = 0;
    while i < N {
        let mut k = 0;
        while k < ContextKind::ALL.len() {
            if names_kind(ContextKind::ALL[k].as_str(), labels[i]) {
                kinds[i] = Some(ContextKind::ALL[k]);
            }
            k += 1;
        }
        i += 1;
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Note;

    /// Every `>` example in the data files is found by its own section, every `!>` is not.
    #[test]
    fn data_file_examples_hold() {
        let p = Phrases::load().unwrap();
        let mut failures = Vec::new();
        for (file, set) in [
            ("canned", &p.canned),
            ("context", &p.context),
            ("greetings", &p.greetings),
        ] {
            for (idx, section) in set.sections.iter().enumerate() {
                for (should, example) in &section.examples {
                    let mut note = Note::with_vocabulary(example, &p.words);
                    p.annotate(&mut note.tokens, note.text);
                    let found = (0..note.sentences.len()).any(|s| {
                        let range = note.sentences[s].tokens.clone();
                        set.find(&note.tokens[range.clone()], range.start)
                            .iter()
                            .any(|h| h.section == idx)
                    });
                    if found != *should {
                        failures.push(format!(
                            "{file}/{}: {example:?} should{} match",
                            section.label,
                            if *should { "" } else { " not" }
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Every `>` note of the lexicon is made of words the lists hold, as the engine splits it.
    #[test]
    fn lexicon_examples_are_listed_words() {
        let p = Phrases::load().unwrap();
        let mut unlisted = Vec::new();
        let examples = include_str!("phrases/lexicon.txt")
            .lines()
            .filter_map(|l| l.trim().strip_prefix('>'));
        for example in examples {
            let mut note = Note::with_vocabulary(example, &p.words);
            p.annotate(&mut note.tokens, note.text);
            for t in note.tokens.iter().filter(|t| t.class.is_none()) {
                unlisted.push(format!("{:?} in {example:?}", t.norm));
            }
        }
        assert!(unlisted.is_empty(), "unlisted: {}", unlisted.join("\n"));
    }

    /// `Strings::front_coded` takes the restored bytes as UTF-8 unchecked: they must be.
    #[test]
    fn the_snapshot_restores_to_utf8() {
        let (text, ends) = crate::snapshot::Strings::restore(SNAPSHOT_STRINGS);
        let text = std::str::from_utf8(&text).expect("the restored snapshot is UTF-8");
        assert_eq!(ends.len(), text.split('\n').count());
        assert!(ends.iter().all(|&end| text.is_char_boundary(end as usize)));
    }

    /// The tables `build.rs` froze are the ones parsing the lists gives.
    #[test]
    fn the_snapshot_is_the_parsed_lists() {
        let (a, b) = (Phrases::load().unwrap(), Phrases::frozen().unwrap());
        assert_eq!(a.words.len(), b.words.len());
        for (id, word) in a.words.by_id().into_iter().enumerate() {
            assert_eq!(b.words.get(word), Some(id as u32), "{word}");
            assert_eq!(b.words.get(&format!("{word}#")), None);
        }
        for (x, y) in [
            (&a.canned, &b.canned),
            (&a.context, &b.context),
            (&a.greetings, &b.greetings),
        ] {
            assert_eq!(x.debug_tables(), y.debug_tables());
        }
        assert_eq!(a.misspellings, b.misspellings);
        assert_eq!(a.kinds, b.kinds);
        let mut note = Note::with_vocabulary(include_str!("phrases/lexicon.txt"), &a.words);
        a.annotate(&mut note.tokens, note.text);
        let mut again = Note::with_vocabulary(include_str!("phrases/lexicon.txt"), &b.words);
        b.annotate(&mut again.tokens, again.text);
        for (s, t) in note.tokens.iter().zip(&again.tokens) {
            assert_eq!(s.id, t.id);
            assert_eq!(
                a.lexicon.class(&a.words, s, ""),
                b.lexicon.class(&b.words, t, "")
            );
            assert_eq!(a.lexicon.is_addressee(s), b.lexicon.is_addressee(t));
            assert_eq!(a.lexicon.is_possessive(s), b.lexicon.is_possessive(t));
            assert_eq!(a.correction(s), b.correction(t));
        }
    }

    /// The built-in lists remember a listed word's class once asked; what the note's writing
    /// adds (capitals, an elision) is judged anew each time, as the parsed lists judge it.
    #[test]
    fn a_remembered_word_reads_as_written_each_time() {
        let parsed = Phrases::load().unwrap();
        for text in [
            "IT it IT",
            "Thriving thriving THRIVING",
            "wuerde WUERDE",
            "l'occasion occasion",
        ] {
            for _ in 0..2 {
                let mut a = Note::with_vocabulary(text, &phrases().words);
                phrases().annotate(&mut a.tokens, a.text);
                let mut b = Note::with_vocabulary(text, &parsed.words);
                parsed.annotate(&mut b.tokens, b.text);
                let read = |n: &Note| {
                    let t = &n.tokens;
                    t.iter().map(|t| (t.class, t.name_like)).collect::<Vec<_>>()
                };
                assert_eq!(read(&a), read(&b), "{text}");
            }
        }
    }

    #[test]
    fn the_vocabulary_fits_the_room_reserved_for_it() {
        let words = Phrases::load().unwrap().words.len();
        assert!(words <= VOCABULARY_ROOM, "{words} words");
    }

    #[test]
    fn every_context_kind_has_a_section() {
        let p = Phrases::load().unwrap();
        for kind in ContextKind::ALL {
            assert!(
                p.kinds.contains(&Some(kind)),
                "no cues for {}",
                kind.as_str()
            );
        }
    }

    #[test]
    fn corrections_are_not_themselves_listed_as_misspellings() {
        let p = Phrases::load().unwrap();
        for right in p.misspellings.iter().flatten() {
            let mut note = crate::text::Note::new(right);
            p.annotate(&mut note.tokens, note.text);
            assert!(
                note.tokens.iter().all(|t| p.correction(t).is_none()),
                "{right}"
            );
        }
    }
}
