//! What the sender reads, kept in per-language catalogues (`src/messages/*.txt`) so wording
//! can change, and languages be added, without touching the rules.

use std::collections::HashMap;
use std::sync::OnceLock;

const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/messages/en.txt"));

pub struct Catalogue {
    entries: HashMap<&'static str, &'static str>,
}

impl Catalogue {
    fn parse(source: &'static str) -> Self {
        let entries = source
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once(" = "))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        Catalogue { entries }
    }

    /// The message for `key` with `{name}` arguments filled in; the key itself when missing,
    /// so a gap in a catalogue shows up in tests rather than as an empty message.
    pub fn get(&self, key: &str, args: &[(&str, &str)]) -> String {
        let Some(template) = self.entries.get(key) else {
            return key.to_string();
        };
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = *template;
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
}

pub fn catalogue() -> &'static Catalogue {
    static EN_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    EN_CATALOGUE.get_or_init(|| Catalogue::parse(EN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_arguments_and_leaves_unknown_ones() {
        let c = Catalogue::parse("a = Hello {who}, {x}!\n");
        assert_eq!(c.get("a", &[("who", "Sam")]), "Hello Sam, {x}!");
        assert_eq!(c.get("missing", &[]), "missing");
    }
}
