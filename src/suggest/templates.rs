//! The per-language template files, `src/suggestions/<lang>.txt`: `@key = value` settings for
//! the language's own words, then one section of templates per intent.

use crate::languages::LANGUAGES;

/// One language's templates, as written in its file.
pub(crate) struct Templates {
    pub lang: &'static str,
    settings: Vec<(&'static str, &'static str)>,
    pub sections: Vec<(&'static str, Vec<&'static str>)>,
}

impl Templates {
    fn parse(lang: &'static str, source: &'static str) -> Self {
        let mut t = Templates {
            lang,
            settings: Vec::new(),
            sections: Vec::new(),
        };
        for line in source.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(setting) = line.strip_prefix('@') {
                if let Some((k, v)) = setting.split_once('=') {
                    t.settings.push((k.trim(), v.trim()));
                }
            } else if let Some(intent) = line.strip_prefix("==") {
                t.sections.push((intent.trim(), Vec::new()));
            } else if let Some((_, list)) = t.sections.last_mut() {
                list.push(line);
            }
        }
        t
    }

    pub fn setting(&self, key: &str) -> &'static str {
        self.settings
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v)
    }

    /// The templates of `intent`, in the file's order.
    pub fn section(&self, intent: &str) -> Option<&[&'static str]> {
        self.sections
            .iter()
            .find(|(i, _)| *i == intent)
            .map(|(_, list)| list.as_slice())
    }
}

#[cfg(test)]
fn template_source(lang: &str) -> &'static str {
    match lang {
        "de" => include_str!("../suggestions/de.txt"),
        "fr" => include_str!("../suggestions/fr.txt"),
        "es" => include_str!("../suggestions/es.txt"),
        "pt" => include_str!("../suggestions/pt.txt"),
        _ => include_str!("../suggestions/en.txt"),
    }
}

#[cfg(not(test))]
fn template_source(lang: &str) -> &'static str {
    crate::data::file(&["suggestions/", lang, ".txt"].concat())
}

/// The templates in `lang`, or English's for a language without a file.
pub(crate) fn templates(lang: &str) -> &'static Templates {
    let all = crate::pattern::built_once!(
        Vec<Templates>,
        LANGUAGES
            .iter()
            .map(|l| Templates::parse(l, template_source(l)))
            .collect()
    );
    all.iter().find(|t| t.lang == lang).unwrap_or(&all[0])
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::suggest::fill::fill;
    use crate::testing::{rules, slice, to};
    use crate::{analyze, Context, ContextKind, Recipient, Verdict};

    /// The template with every slot filled with its example, as a sender would.
    fn filled_in(template: &str, t: &Templates, ctx: &Context) -> String {
        let f = fill(template, t, ctx);
        let mut text = f.text.clone();
        for span in f.slots.iter().rev() {
            let slot = slice(&f.text, *span);
            let label = &slot[1..slot.len() - 1];
            let example = [
                ("name", t.setting("name")),
                ("company", t.setting("company")),
            ]
            .iter()
            .find(|(_, s)| s.split_once('=').is_some_and(|(l, _)| l == label))
            .map(|(_, s)| s.split_once('=').unwrap().1.to_string())
            .or_else(|| template_example(template, label))
            .unwrap_or_else(|| panic!("no example for [{label}] in {template}"));
            let units: Vec<u16> = text.encode_utf16().collect();
            let mut next: Vec<u16> = units[..span.start as usize].to_vec();
            next.extend(example.encode_utf16());
            next.extend(&units[span.end as usize..]);
            text = String::from_utf16(&next).unwrap();
        }
        text
    }

    fn template_example(template: &str, label: &str) -> Option<String> {
        let needle = format!("[{label}=");
        let at = template.find(&needle)? + needle.len();
        Some(template[at..at + template[at..].find(']')?].to_string())
    }

    /// A page that says nothing, one that names the recipient, one that says everything about
    /// the sender, and one that also shows every fact beside the dialog, each as long as such
    /// facts run.
    pub(crate) fn contexts() -> Vec<Context> {
        let known = Context {
            sender_name: Some("Alex Ray".into()),
            sender_role: Some("Product designer at Acme".into()),
            recipient: Some(Recipient {
                company: Some("Globex".into()),
                ..to("Sam Okafor").recipient.unwrap()
            }),
            ..Context::default()
        };
        let mut page = known.clone();
        let r = page.recipient.as_mut().unwrap();
        r.mutuals = vec!["Marcos Souza".into(), "Ana Lima".into()];
        r.mutual_count = Some(12);
        r.shared_school = Some("Universidade Federal do Rio Grande do Sul".into());
        r.shared_employer = Some("Thoughtworks Brasil".into());
        r.shared_group = Some("Product Ops Guild".into());
        r.posts = vec![
            "Why our onboarding metrics lied to us for two years, and what we measure now".into(),
        ];
        vec![Context::default(), to("Sam Okafor"), known, page]
    }

    /// The test: every template, in every language, filled in plausibly, is a personal
    /// note with no canned or spelling finding, and fits a free account's 200 characters.
    #[test]
    fn every_template_filled_in_is_a_personal_note() {
        let mut failures = Vec::new();
        for lang in LANGUAGES {
            let t = templates(lang);
            assert!(t.sections.len() >= 4, "{lang} has too few intents");
            for (intent, list) in &t.sections {
                for template in list {
                    for ctx in contexts() {
                        let facts = crate::suggest::facts::Facts::of(&ctx);
                        if crate::suggest::facts::named_in(template).any(|k| facts.get(k).is_none())
                        {
                            continue; // never offered on a page without that fact
                        }
                        let text = filled_in(template, t, &ctx);
                        let report = analyze(&text, &ctx);
                        let bad: Vec<_> = rules(&report)
                            .into_iter()
                            .filter(|r| {
                                r.starts_with("canned")
                                    || *r == "misspelling"
                                    || *r == "placeholder"
                                    || *r == "wrong-name"
                                    || *r == "over-limit"
                            })
                            .collect();
                        let kinds: Vec<_> =
                            report.context.iter().map(|c| c.kind.as_str()).collect();
                        if report.verdict != Verdict::Personal
                            || !bad.is_empty()
                            || text.encode_utf16().count() > 200
                        {
                            failures.push(format!(
                                "{lang}/{intent}: {text:?} -> {:?} {bad:?} {kinds:?}",
                                report.verdict
                            ));
                        }
                        if ContextKind::parse(intent)
                            .is_some_and(|k| !report.context.iter().any(|c| c.kind == k))
                        {
                            failures.push(format!(
                                "{lang}/{intent}: {text:?} does not read as {intent}: {kinds:?}"
                            ));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
