//! What the sender reads, kept in per-language catalogues (`src/messages/*.txt`) so wording
//! can change, and languages be added, without touching the rules.

use std::sync::OnceLock;

use crate::data::StrTable;
use crate::languages::{self, LANGUAGES};

fn source(lang: &str) -> &'static str {
    crate::data::file(&["messages/", lang, ".txt"].concat())
}

pub struct Catalogue {
    entries: StrTable,
}

impl Catalogue {
    /// Parses `key = text` lines; keys missing from a translation fall back to `english`.
    fn parse(source: &'static str, english: Option<&Catalogue>) -> Self {
        let lines = source
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()));
        let entries = match english {
            Some(e) => e.entries.extend(lines),
            None => StrTable::from_pairs(lines),
        };
        Catalogue { entries }
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.pairs().map(|(k, _)| k)
    }

    /// The message for `key` with `{name}` arguments filled in; the key itself when missing,
    /// so a gap in a catalogue shows up in tests rather than as an empty message.
    pub fn get(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.entries.get(key) {
            Some(template) => substitute(template, args),
            None => key.to_string(),
        }
    }
}

/// Fills `{name}` arguments into a template; an unknown `{name}` stays as written.
pub fn substitute(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The catalogue for a language tag such as `de` or `pt-BR`; English when there is none. Each is
/// parsed on first use: a note in English never pays for the others.
pub fn catalogue(lang: Option<&str>) -> &'static Catalogue {
    const TRANSLATED: usize = LANGUAGES.len() - 1;
    static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
    static TRANSLATIONS: [OnceLock<Catalogue>; TRANSLATED] =
        [const { OnceLock::new() }; TRANSLATED];
    let english = ENGLISH.get_or_init(|| Catalogue::parse(source(LANGUAGES[0]), None));
    match languages::index(lang.unwrap_or("en")) {
        0 => english,
        i => TRANSLATIONS[i - 1]
            .get_or_init(|| Catalogue::parse(source(LANGUAGES[i]), Some(english))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_name_in_every_language() {
        for code in LANGUAGES {
            for id in crate::rules::RULE_IDS {
                let key = format!("rule.{id}");
                assert_ne!(catalogue(Some(code)).get(&key, &[]), key, "{code}");
            }
        }
    }

    #[test]
    fn fills_arguments_and_leaves_unknown_ones() {
        let c = Catalogue::parse("a = Hello {who}, {x}!\n", None);
        assert_eq!(c.get("a", &[("who", "Sam")]), "Hello Sam, {x}!");
        assert_eq!(c.get("missing", &[]), "missing");
    }

    #[test]
    fn every_language_translates_every_english_key() {
        let english = catalogue(Some("en"));
        for code in &LANGUAGES[1..] {
            let own = Catalogue::parse(source(code), None);
            for key in english.keys() {
                assert!(own.entries.get(key).is_some(), "{code} lacks {key}");
            }
            for (key, text) in own.entries.pairs() {
                for arg in text
                    .split('{')
                    .skip(1)
                    .filter_map(|a| a.split_once('}'))
                    .map(|(a, _)| a)
                {
                    let en = english.get(key, &[]);
                    assert!(
                        en.contains(&format!("{{{arg}}}")),
                        "{code} {key} uses {{{arg}}}, English does not"
                    );
                }
            }
        }
    }

    #[test]
    fn language_tags_pick_a_catalogue() {
        assert_eq!(
            catalogue(Some("pt-BR")).get("who.unknown", &[]),
            catalogue(Some("pt")).get("who.unknown", &[])
        );
        assert_eq!(catalogue(Some("xx")).get("who.unknown", &[]), "them");
        assert_eq!(catalogue(None).get("who.unknown", &[]), "them");
        assert_ne!(catalogue(Some("de")).get("who.unknown", &[]), "them");
    }
}
