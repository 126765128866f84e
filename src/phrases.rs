//! The phrase lists, parsed once on first use. The data lives in `src/phrases/*.txt` so that
//! adding a canned phrase or a context cue is a one-line change carrying its own example.

use std::sync::OnceLock;

use crate::lexicon::{Lexicon, WordClass};
use crate::pattern::{DataError, PatternSet, Words};
use crate::text::{Token, TokenKind, UNKNOWN};
use crate::ContextKind;

/// The lists as written, examples included, for the tests.
#[cfg(test)]
macro_rules! phrase_file {
    ($name:literal) => {
        include_str!(concat!("phrases/", $name))
    };
}

/// The lists as shipped: without comments and examples, from the packed archive.
#[cfg(not(test))]
macro_rules! phrase_file {
    ($name:literal) => {
        crate::data::file(concat!("phrases/", $name))
    };
}

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
    pub kinds: Vec<Option<ContextKind>>,
    pub purpose: usize,
    pub job_ask: usize,
    /// "I noticed you work at [Company]": where the reader works, which ties a job seeker's
    /// wish to them, and no one else's note.
    pub recipient_employer: usize,
}

pub fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    // The files are compiled in and every section is exercised by the unit tests, so a
    // failure here is a build defect, not something a user's input can cause.
    PHRASES.get_or_init(|| Phrases::load().unwrap_or_else(|_| panic!("phrase data is invalid")))
}

/// Room reserved for the lists' vocabulary, a little over what they hold (a test keeps it so).
const VOCABULARY_ROOM: usize = 6_000;

impl Phrases {
    /// Gives each token its word id and decides once whether it could be part of a name.
    pub fn annotate(&self, tokens: &mut [Token]) {
        for t in tokens {
            t.id = self.words.get(&t.norm).unwrap_or(UNKNOWN);
            t.name_like = t.kind == TokenKind::Placeholder
                || (t.cap && t.kind == TokenKind::Word && !self.is_filler(t));
        }
    }

    /// Filler and stock are capitalised for a sentence start or by custom ("Sie", "LinkedIn"),
    /// not for a name; the few names spelt like them elsewhere ("Ben", "Mi") are the price of
    /// one list for both.
    fn is_filler(&self, t: &Token) -> bool {
        // No text as written here, so no elision: "J'aimerais" stays one word, as it always was.
        matches!(
            self.lexicon.class(&self.words, t, ""),
            Some(WordClass::Filler | WordClass::Stock)
        )
    }

    /// The correction of a misspelt word, if `t` is one.
    pub fn correction(&self, t: &Token) -> Option<&'static str> {
        self.misspellings.get(t.id as usize).copied().flatten()
    }

    /// Parses the lists; an error names the file and line.
    pub fn load() -> Result<Self, (&'static str, DataError)> {
        let mut words = Words::with_capacity(VOCABULARY_ROOM);
        let in_file = |file: &'static str| move |e: DataError| (file, e);
        let canned = PatternSet::parse(phrase_file!("canned.txt"), &mut words)
            .map_err(in_file("canned.txt"))?;
        let context = PatternSet::parse(phrase_file!("context.txt"), &mut words)
            .map_err(in_file("context.txt"))?;
        let greetings = PatternSet::parse(phrase_file!("greetings.txt"), &mut words)
            .map_err(in_file("greetings.txt"))?;
        let lexicon = Lexicon::parse(phrase_file!("lexicon.txt"), &mut words)
            .map_err(in_file("lexicon.txt"))?;
        let section = |set: &PatternSet, file: &'static str, label: &str| {
            set.section_index(label).ok_or((
                file,
                DataError {
                    line: 0,
                    what: "a section is missing",
                },
            ))
        };
        let mut misspellings = Vec::new();
        for (n, line) in phrase_file!("misspellings.txt").lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once(' ') {
                Some((wrong, right)) => {
                    let id = words.intern(wrong.into()) as usize;
                    if misspellings.len() <= id {
                        misspellings.resize(id + 1, None);
                    }
                    misspellings[id] = Some(right.trim());
                }
                None => {
                    return Err((
                        "misspellings.txt",
                        DataError {
                            line: n + 1,
                            what: "expected `wrong right`",
                        },
                    ))
                }
            }
        }
        let kinds = context
            .sections
            .iter()
            .map(|s| ContextKind::parse(&s.label))
            .collect();
        Ok(Phrases {
            default: section(&canned, "canned.txt", "default")?,
            generic: section(&canned, "canned.txt", "generic")?,
            mass_greeting: section(&canned, "canned.txt", "mass-greeting")?,
            pleasantry: section(&canned, "canned.txt", "pleasantry")?,
            unnamed_mutuals: section(&canned, "canned.txt", "unnamed-mutuals")?,
            reason: section(&canned, "canned.txt", "reason")?,
            greeting: section(&greetings, "greetings.txt", "greeting")?,
            title: section(&greetings, "greetings.txt", "title")?,
            closing: section(&greetings, "greetings.txt", "closing")?,
            purpose: section(&context, "context.txt", "purpose")?,
            job_ask: section(&context, "context.txt", "job-ask")?,
            recipient_employer: section(&context, "context.txt", "recipient-employer")?,
            kinds,
            canned,
            context,
            greetings,
            lexicon,
            misspellings,
            words,
        })
    }
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
                    let mut note = Note::new(example);
                    p.annotate(&mut note.tokens);
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
            p.annotate(&mut note.tokens);
            assert!(
                note.tokens.iter().all(|t| p.correction(t).is_none()),
                "{right}"
            );
        }
    }
}
