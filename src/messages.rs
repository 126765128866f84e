//! What the sender reads, kept in per-language catalogues (`src/messages/*.txt`) so wording
//! can change, and languages be added, without touching the rules.

use crate::data::StrTable;
use crate::languages;

pub struct Catalogue {
    entries: StrTable,
}

/// The catalogues `build.rs` wrote, in the order of `languages::LANGUAGES`, each already
/// sorted and with English's text for a key it lacks: nothing is parsed at start-up.
mod built {
    use super::Catalogue;
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

impl Catalogue {
    /// A catalogue as `build.rs` writes it: `key=text` lines sorted by key, each key once.
    const fn built(text: &'static str) -> Self {
        Catalogue {
            entries: StrTable::sorted(text),
        }
    }

    /// Parses `key = text` lines, as `build.rs` does; keys missing from a translation fall
    /// back to `english`.
    #[cfg(test)]
    fn parse(source: &'static str, english: Option<&Catalogue>) -> Self {
        let lines = source
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()));
        let entries = match english {
            Some(e) => StrTable::from_pairs(e.entries.pairs().chain(lines)),
            None => StrTable::from_pairs(lines),
        };
        Catalogue { entries }
    }

    #[cfg(test)]
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
// A loop over bytes rather than searches for the braces and the name: every finding's
// message is filled, and the first analysis then compiles no text search for it.
pub fn substitute(template: &str, args: &[(&str, &str)]) -> String {
    let bytes = template.as_bytes();
    let mut out = String::with_capacity(template.len() + 16);
    // What is copied to `out` already, and where the search for the next `{` is.
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        if bytes[at] != b'{' {
            at += 1;
            continue;
        }
        let mut close = at + 1;
        while close < bytes.len() && bytes[close] != b'}' {
            close += 1;
        }
        if close == bytes.len() {
            break;
        }
        let name = &bytes[at + 1..close];
        let mut arg = 0;
        while arg < args.len() && args[arg].0.as_bytes() != name {
            arg += 1;
        }
        if arg < args.len() {
            out.push_str(template.get(copied..at).unwrap_or(""));
            out.push_str(args[arg].1);
            copied = close + 1;
        }
        at = close + 1;
    }
    out.push_str(template.get(copied..).unwrap_or(""));
    out
}

pub fn catalogue(lang: Option<&str>) -> &'static Catalogue {
    &built::CATALOGUES[languages::index(lang.unwrap_or("en"))]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::LANGUAGES;

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
        let args = [("a", "1"), ("ab", "2"), ("é", "3")];
        for (template, filled) in [
            ("", ""),
            ("{a}", "1"),
            ("{ab}{a}{é}", "213"),
            ("x{a{b}y", "x{a{b}y"),
            ("{a} {", "1 {"),
            ("{a} {ab", "1 {ab"),
            ("}{}{a}}", "}{}1}"),
            ("né {é} {b}", "né 3 {b}"),
        ] {
            assert_eq!(substitute(template, &args), filled, "{template}");
        }
    }

    /// A catalogue's file as written, without English's text for the keys it lacks.
    fn source(lang: &str) -> &'static str {
        let path = format!("{}/src/messages/{lang}.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        String::leak(text)
    }

    #[test]
    fn the_built_catalogues_are_the_files() {
        let english = Catalogue::parse(source(LANGUAGES[0]), None);
        for code in LANGUAGES {
            let parsed = match code {
                "en" => Catalogue::parse(source(code), None),
                _ => Catalogue::parse(source(code), Some(&english)),
            };
            let built: Vec<_> = catalogue(Some(code)).entries.pairs().collect();
            assert_eq!(built, parsed.entries.pairs().collect::<Vec<_>>(), "{code}");
        }
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
