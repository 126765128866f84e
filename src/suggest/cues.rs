//! The words the rewrites read a note by, from `src/suggestions/cues.txt`: which language to
//! answer in and which intents to put first. They live in data, with examples, so that a cue is
//! a one-line change that carries its own test.

use crate::reading::Reading;

/// The file as written, examples included, for the tests.
#[cfg(test)]
fn source() -> &'static str {
    include_str!("../suggestions/cues.txt")
}

/// The file as shipped: without comments and examples, from the packed archive.
#[cfg(not(test))]
fn source() -> &'static str {
    crate::data::file("suggestions/cues.txt")
}

struct Section {
    /// `language`, `note` or `role`: what the words are looked for in.
    kind: &'static str,
    /// A language code or an intent.
    name: &'static str,
    words: Vec<&'static str>,
    /// `(true, x)` for `> x`, `(false, x)` for `!> x`; none in the shipped file.
    #[cfg_attr(not(test), allow(dead_code))]
    examples: Vec<(bool, &'static str)>,
}

pub(super) struct Cues {
    sections: Vec<Section>,
}

impl Cues {
    fn parse(source: &'static str) -> Self {
        let mut sections: Vec<Section> = Vec::new();
        for line in source.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix("==") {
                let (kind, name) = header.trim().split_once(' ').unwrap_or((header.trim(), ""));
                sections.push(Section {
                    kind,
                    name: name.trim(),
                    words: Vec::new(),
                    examples: Vec::new(),
                });
            } else if let Some(section) = sections.last_mut() {
                if let Some(example) = line.strip_prefix("!>") {
                    section.examples.push((false, example.trim()));
                } else if let Some(example) = line.strip_prefix('>') {
                    section.examples.push((true, example.trim()));
                } else {
                    section.words.extend(line.split_whitespace());
                }
            }
        }
        Cues { sections }
    }

    fn words(&self, kind: &str, name: &str) -> &[&'static str] {
        self.sections
            .iter()
            .find(|s| s.kind == kind && s.name == name)
            .map_or(&[], |s| s.words.as_slice())
    }

    /// The language whose markers the note uses most, the first listed on a tie; `None` when it
    /// uses none, and the note says nothing about its language.
    pub fn language(&self, r: &Reading) -> Option<&'static str> {
        self.language_scored(r).map(|(lang, _)| lang)
    }

    /// [`Self::language`] with how many of the note's words are its markers.
    pub fn language_scored(&self, r: &Reading) -> Option<(&'static str, usize)> {
        let mut best = (0, None);
        for section in self.sections.iter().filter(|s| s.kind == "language") {
            let score = r
                .tokens()
                .iter()
                .filter(|t| section.words.contains(&&*t.norm))
                .count();
            if score > best.0 {
                best = (score, Some(section.name));
            }
        }
        best.1.map(|lang| (lang, best.0))
    }

    /// Whether a word of the note begins with one of `intent`'s cues: a prefix catches the
    /// plurals and inflections a whole-word list would have to spell out.
    pub fn in_note(&self, r: &Reading, intent: &str) -> bool {
        let words = self.words("note", intent);
        r.tokens()
            .iter()
            .any(|t| words.iter().any(|w| t.norm.starts_with(w)))
    }

    /// Whether the sender's role, folded, contains one of `intent`'s cues anywhere: "Technical
    /// Recruiter" and "talent partner" alike.
    pub fn in_role(&self, role: &str, intent: &str) -> bool {
        let role = role.as_bytes();
        // Compared as bytes, as a search for a text would compile a searcher into the module
        // for this alone; a role is a line long.
        self.words("role", intent).iter().any(|w| {
            (0..=role.len().saturating_sub(w.len())).any(|at| {
                role.get(at..)
                    .is_some_and(|rest| rest.starts_with(w.as_bytes()))
            })
        })
    }
}

pub(super) fn cues() -> &'static Cues {
    crate::pattern::built_once!(Cues, Cues::parse(source()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::LANGUAGES;
    use crate::testing::to;
    use crate::text::fold;

    /// Every `>` example is recognised by its own section, every `!>` is not.
    #[test]
    fn data_file_examples_hold() {
        let ctx = to("Sam Okafor");
        let mut failures = Vec::new();
        for s in &cues().sections {
            assert!(
                !s.examples.is_empty(),
                "{} {} has no example",
                s.kind,
                s.name
            );
            for &(should, example) in &s.examples {
                let found = match s.kind {
                    "language" => cues().language(&Reading::new(example, &ctx)) == Some(s.name),
                    "note" => cues().in_note(&Reading::new(example, &ctx), s.name),
                    "role" => cues().in_role(&fold(example), s.name),
                    other => panic!("unknown section kind {other}"),
                };
                if found != should {
                    failures.push(format!(
                        "{} {}: {example:?} should{} be recognised",
                        s.kind,
                        s.name,
                        if should { "" } else { " not" }
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A missing section would silently never match, so the ones the code asks for are checked,
    /// and the words are spelt as the note's words are compared.
    #[test]
    fn every_section_the_code_reads_is_there() {
        let languages: Vec<_> = cues()
            .sections
            .iter()
            .filter(|s| s.kind == "language")
            .map(|s| s.name)
            .collect();
        assert_eq!(languages, LANGUAGES);
        for (kind, name) in [
            ("note", "met"),
            ("note", "shared_group"),
            ("note", "intent_job"),
            ("note", "reconnect"),
            ("role", "intent_hiring"),
        ] {
            assert!(!cues().words(kind, name).is_empty(), "{kind} {name}");
        }
        for s in &cues().sections {
            for w in &s.words {
                assert_eq!(fold(w), *w, "{} {}", s.kind, s.name);
            }
        }
    }

    #[test]
    fn the_shipped_file_is_the_same_words() {
        let shipped = Cues::parse(crate::data::file("suggestions/cues.txt"));
        let written = cues();
        assert_eq!(shipped.sections.len(), written.sections.len());
        for (a, b) in shipped.sections.iter().zip(&written.sections) {
            assert_eq!((a.kind, a.name, &a.words), (b.kind, b.name, &b.words));
            assert!(a.examples.is_empty());
        }
    }
}
