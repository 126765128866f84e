//! What the page beside the dialog says about the recipient, made ready to go into a rewrite:
//! the named mutual connection, the school, employer or group LinkedIn says both share, a post
//! title, and the language the profile is written in. Only what the page shows is used; a
//! template that needs a fact the page lacks is not offered.

use super::cues::cues;
use crate::languages::{self, LANGUAGES};
use crate::reading::Reading;
use crate::text::char_count;
use crate::{Context, Recipient};

/// A fact longer than this is cut at a word, with "…": a post's first line can be a paragraph,
/// and a rewrite has 200 characters for everything.
const MAX_FACT_CHARS: usize = 60;

/// The facts a template can name, each `{key}` in the template files.
pub(super) const KEYS: [&str; 5] = ["mutual", "school", "employer", "group", "post"];

#[derive(Default)]
pub(super) struct Facts {
    /// In the order of [`KEYS`].
    values: [Option<String>; 5],
}

impl Facts {
    pub fn of(ctx: &Context) -> Self {
        let Some(r) = &ctx.recipient else {
            return Facts::default();
        };
        let first = |list: &[String]| list.iter().find_map(|s| clean(s));
        let one = |s: &Option<String>| Recipient::present(s).and_then(clean);
        Facts {
            values: [
                first(&r.mutuals),
                one(&r.shared_school),
                one(&r.shared_employer),
                one(&r.shared_group),
                first(&r.posts),
            ],
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        let at = KEYS.iter().position(|k| *k == key)?;
        self.values[at].as_deref()
    }

    /// `(key, value)` for each fact the page shows, for `substitute`.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        KEYS.iter()
            .zip(&self.values)
            .filter_map(|(k, v)| Some((*k, v.as_deref()?)))
    }
}

/// The facts `template` names (`{school}`…): none for the templates of a page that says nothing.
pub(super) fn named_in(template: &str) -> impl Iterator<Item = &'static str> + '_ {
    KEYS.iter()
        .copied()
        // Each '{' followed by the key and '}', as a search for a text would compile a
        // searcher into the module for this alone.
        .filter(move |k| {
            template
                .split('{')
                .skip(1)
                .any(|after| after.strip_prefix(k).is_some_and(|r| r.starts_with('}')))
        })
}

/// One line of the page as it reads in a sentence: white space collapsed, brackets and braces
/// (which the templates use for slots and facts) turned into parentheses, a long one cut.
pub(crate) fn clean(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            if char_count(&out) + 1 + char_count(word) > MAX_FACT_CHARS {
                out.push('…');
                break;
            }
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match c {
            '[' | '{' => '(',
            ']' | '}' => ')',
            c => c,
        }));
    }
    (!out.is_empty()).then_some(out)
}

/// Marker words a profile's text must use before its language is believed: a headline such as
/// "Engenheira na Nubank" has one, and one is a guess.
const PROFILE_MARKERS: usize = 2;

/// The language the recipient's profile is written in: the page's own tag if it gave one,
/// else told from the headline, the about text and the post titles; `None` when they say too
/// little, or in a language the rewrites are not written in.
pub(super) fn profile_language(ctx: &Context) -> Option<&'static str> {
    let r = ctx.recipient.as_ref()?;
    if let Some(tag) = Recipient::present(&r.profile_lang) {
        let base = tag.split(['-', '_']).next().unwrap_or("");
        return LANGUAGES
            .iter()
            .find(|l| l.eq_ignore_ascii_case(base))
            .copied();
    }
    let mut text = String::new();
    for part in [&r.headline, &r.about]
        .into_iter()
        .filter_map(Recipient::present)
        .chain(r.posts.iter().map(|p| p.trim()))
    {
        // Each part its own sentence, so no phrase runs from one into the next.
        text.push_str(part);
        text.push_str(".\n");
    }
    let plain = Context::default();
    let (lang, score) = cues().language_scored(&Reading::new(&text, &plain))?;
    (score >= PROFILE_MARKERS).then(|| LANGUAGES[languages::index(lang)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::to;

    fn profile(headline: &str, about: &str) -> Context {
        let mut ctx = to("Joana Lima");
        let r = ctx.recipient.as_mut().unwrap();
        r.headline = Some(headline.into());
        r.about = Some(about.into());
        ctx
    }

    #[test]
    fn the_profiles_language_from_its_own_words() {
        let pt = profile(
            "Engenheira de dados na Nubank",
            "Trabalho com pagamentos há dez anos e gosto de ensinar o que aprendi com a minha equipe.",
        );
        assert_eq!(profile_language(&pt), Some("pt"));
        let en = profile(
            "Data engineer at Nubank",
            "I build payment systems and write about what my team learns.",
        );
        assert_eq!(profile_language(&en), Some("en"));
        // One marker word is a guess, not a language.
        assert_eq!(profile_language(&profile("Engenheira na Nubank", "")), None);
        assert_eq!(profile_language(&to("Joana Lima")), None);
        let mut tagged = to("Joana Lima");
        tagged.recipient.as_mut().unwrap().profile_lang = Some("pt-BR".into());
        assert_eq!(profile_language(&tagged), Some("pt"));
        tagged.recipient.as_mut().unwrap().profile_lang = Some("ja".into());
        assert_eq!(profile_language(&tagged), None);
    }

    #[test]
    fn facts_read_as_the_page_shows_them() {
        assert_eq!(
            clean("  Why   onboarding [metrics] lie {2024} "),
            Some("Why onboarding (metrics) lie (2024)".into())
        );
        assert_eq!(clean(" \n "), None);
        let long = "word ".repeat(40);
        let cut = clean(&long).unwrap();
        assert!(
            cut.chars().count() <= MAX_FACT_CHARS + 1 && cut.ends_with('…'),
            "{cut}"
        );
        let mut ctx = to("Joana Lima");
        ctx.recipient.as_mut().unwrap().mutuals = vec![" ".into(), "Marcos Souza".into()];
        let f = Facts::of(&ctx);
        assert_eq!(f.get("mutual"), Some("Marcos Souza"));
        assert_eq!(f.get("school"), None);
        assert_eq!(
            named_in("we both know {mutual} from {school}").collect::<Vec<_>>(),
            ["mutual", "school"]
        );
    }
}
