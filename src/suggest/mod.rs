//! Rewrites: ready-to-send notes built from the seed articles' good examples, with what only
//! the sender knows left as `[slots]` to type over.
//!
//! The templates live in `src/suggestions/<lang>.txt`, one intent a section. They are chosen in
//! the note's own language ([`language`]), ranked by what the note and the page already say
//! ([`rank`]), varied by note, and only offered when they fit the box's limit with their slots
//! filled in ([`fill`]). A note with sentences of its own first gets itself back without its
//! canned ones ([`canned`]).

mod canned;
mod cues;
mod facts;
mod fill;
mod language;
mod rank;
mod templates;

use serde::{Deserialize, Serialize};

use crate::reading::Reading;
use crate::{Context, Span};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Suggestion {
    /// The context kind the rewrite gives the recipient, or `replace_canned` for an edit that
    /// swaps only the canned sentence and keeps the rest word for word.
    pub intent: String,
    /// The whole note as it would read after the rewrite.
    pub text: String,
    /// The slots to fill, `[like this]`, in UTF-16 units of `text`, in order.
    pub slots: Vec<Span>,
    /// The language `text` is written in: the note's, or the recipient's profile's for the
    /// rewrites offered in it too.
    pub lang: String,
}

/// The intent of the rewrite that keeps a note's personal sentences.
pub const REPLACE_CANNED: &str = "replace_canned";

const MAX_SUGGESTIONS: usize = 5;

/// Rewrites added in the recipient's profile language when it is not the note's.
const MAX_IN_PROFILE_LANGUAGE: usize = 3;

/// Three to five ready-to-send rewrites of `note`, best first; then, when the recipient's
/// profile is written in another language than the rewrites, up to three more in that one.
pub fn suggest(note: &str, ctx: &Context) -> Vec<Suggestion> {
    let r = Reading::new(note, ctx);
    let t = templates::templates(language::language_of(
        &r,
        ctx.lang.as_deref().unwrap_or("en"),
    ));
    let limit = ctx.limit();
    let pick = fill::variety(note);
    let mut out = Vec::new();
    if let Some(edit) = canned::replace_canned(&r, t, ctx).filter(|f| f.planned_len <= limit) {
        out.push(suggestion(REPLACE_CANNED, edit, t));
    }
    out.extend(from_templates(&r, t, pick, MAX_SUGGESTIONS - out.len()));
    // The note's own sentences cannot be carried into another language: only templates.
    if let Some(theirs) = facts::profile_language(ctx).filter(|&l| l != t.lang) {
        out.extend(from_templates(
            &r,
            templates::templates(theirs),
            pick,
            MAX_IN_PROFILE_LANGUAGE,
        ));
    }
    out
}

/// Up to `max` rewrites from `t`'s templates, in the order the note and the page rank them.
fn from_templates(
    r: &Reading,
    t: &templates::Templates,
    pick: usize,
    max: usize,
) -> Vec<Suggestion> {
    let limit = r.ctx.limit();
    rank::ranked_intents(r, t)
        .into_iter()
        .filter_map(|intent| {
            let f = fill::first_fitting(t.section(intent)?, t, r.ctx, pick, limit)?;
            Some(suggestion(intent, f, t))
        })
        .take(max)
        .collect()
}

fn suggestion(intent: &str, f: fill::Filled, t: &templates::Templates) -> Suggestion {
    Suggestion {
        intent: intent.to_string(),
        text: f.text,
        slots: f.slots,
        lang: t.lang.to_string(),
    }
}

/// "we both know Marcos Souza" in the note's language (the sender's when the note is too short
/// to tell): what `unnamed-mutuals` offers in place of "we have mutual connections".
pub(crate) fn both_know(r: &Reading, name: &str) -> String {
    let t = templates::templates(language::language_of(
        r,
        r.ctx.lang.as_deref().unwrap_or("en"),
    ));
    let name = facts::clean(name).unwrap_or_default();
    crate::messages::substitute(t.setting("both-know"), &[("mutual", &name)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{slice, to};
    use crate::{analyze, Recipient, Verdict};

    const CANNED: &str = "I'd like to add you to my professional network on LinkedIn.";

    /// Joana's profile, with what `show` puts beside the dialog.
    fn page(show: impl FnOnce(&mut Recipient)) -> Context {
        let mut ctx = Context {
            limit: Some(200),
            ..to("Joana Lima")
        };
        show(ctx.recipient.as_mut().unwrap());
        ctx
    }

    fn texts(list: &[Suggestion]) -> Vec<(&str, &str)> {
        list.iter()
            .map(|s| (s.intent.as_str(), s.text.as_str()))
            .collect()
    }

    /// Never invent: a page that shows none of the facts (or shows them empty) gets the rewrites
    /// it got before the facts were read, word for word.
    #[test]
    fn a_page_without_facts_gets_the_same_rewrites_as_before() {
        let before = [
            ("met", "Hi Joana, we met at [event] and spoke about [topic]. I'd like to keep that conversation going."),
            ("their_work", "Hi Joana, I've been following your work on [project]: [how it helped]. Would you be open to connecting?"),
            ("mutual_connection", "Hi Joana, [who you both know] introduced me to your work on [topic]. I'd like to connect and compare notes."),
            ("shared_group", "Hi Joana, we're both members of [group]. I liked your comments on [topic] and would love to compare notes."),
            ("reconnect", "Hi Joana, it's been years since [where you knew each other]! I'd love to reconnect and hear what you're working on now."),
        ];
        let empty = page(|r| {
            r.mutuals = vec!["  ".into()];
            r.shared_school = Some(" ".into());
            r.posts = vec![String::new()];
            r.about = Some(String::new());
        });
        for ctx in [page(|_| {}), empty] {
            assert_eq!(texts(&suggest(CANNED, &ctx)), before);
            assert!(suggest(CANNED, &ctx).iter().all(|s| s.lang == "en"));
        }
        let mutuals = "I see we have some mutual connections, so I thought I'd reach out.";
        assert_eq!(
            texts(&suggest(mutuals, &page(|_| {})))[0],
            ("mutual_connection", "Hi Joana, we both know [who you both know], who speaks highly of your work on [topic]. I'd love to connect.")
        );
    }

    #[test]
    fn what_the_page_shows_ranks_first_and_is_filled_in() {
        let school = page(|r| r.shared_school = Some("Universidade do Porto".into()));
        let list = suggest(CANNED, &school);
        assert_eq!(list[0].intent, "studied_together", "{:?}", texts(&list));
        assert!(list[0]
            .text
            .starts_with("Hi Joana, we both studied at Universidade do Porto."));

        let mutuals = page(|r| {
            r.mutuals = vec!["Marcos Souza".into(), "Ana Lima".into()];
            r.mutual_count = Some(12);
        });
        let list = suggest(CANNED, &mutuals);
        assert_eq!(list[0].intent, "mutual_connection", "{:?}", texts(&list));
        assert!(
            list[0].text.contains("we both know Marcos Souza"),
            "{}",
            list[0].text
        );
        // The page names the person, not how the sender knows them: that stays a slot.
        let slots: Vec<String> = list[0]
            .slots
            .iter()
            .map(|s| slice(&list[0].text, *s))
            .collect();
        assert!(
            !slots.iter().any(|s| s.contains("who you both know")),
            "{slots:?}"
        );
        assert!(!slots.is_empty());

        let post = page(|r| r.posts = vec!["Why our onboarding metrics lied".into()]);
        let list = suggest(CANNED, &post);
        assert_eq!(list[0].intent, "their_work");
        assert!(list[0]
            .text
            .contains("your post \"Why our onboarding metrics lied\""));

        // What the note says still comes before what the page shows.
        let met = suggest("Hi Joana, great meeting you at the Leeds meetup!", &school);
        let first = met.iter().find(|s| s.intent != REPLACE_CANNED).unwrap();
        assert_eq!(first.intent, "met");
    }

    /// Every rewrite a page full of facts gets is personal, fits the free limit, and names only
    /// what the page showed.
    #[test]
    fn rewrites_with_facts_are_personal_and_fit() {
        let ctx = page(|r| {
            r.mutuals = vec!["Marcos Souza".into()];
            r.shared_school = Some("Universidade Federal do Rio Grande do Sul".into());
            r.shared_employer = Some("Thoughtworks".into());
            r.shared_group = Some("Women in Data".into());
            r.posts = vec![
                "A very long first line of a post that goes on and on about metrics and teams"
                    .into(),
            ];
            r.profile_lang = Some("pt".into());
        });
        for note in [CANNED, "", "Let's connect!", "Hi, are you hiring?"] {
            let list = suggest(note, &ctx);
            assert!(list.len() >= 5, "{note}: {:?}", texts(&list));
            for s in &list {
                assert!(s.text.encode_utf16().count() <= 200, "{}", s.text);
                let mut filled = s.text.clone();
                for span in s.slots.iter().rev() {
                    let slot = slice(&s.text, *span);
                    filled = filled.replacen(&slot, "the Lisbon data meetup", 1);
                }
                let report = analyze(&filled, &ctx);
                assert_eq!(report.verdict, Verdict::Personal, "{filled}");
            }
        }
    }

    #[test]
    fn a_profile_in_another_language_gets_rewrites_in_it_too() {
        let pt = page(|r| {
            r.headline = Some("Engenheira de dados na Nubank".into());
            r.about = Some(
                "Trabalho com pagamentos e gosto de ensinar o que aprendi com a minha equipe."
                    .into(),
            );
            r.mutuals = vec!["Marcos Souza".into()];
        });
        let list = suggest(CANNED, &pt);
        let (en, theirs): (Vec<_>, Vec<_>) = list.iter().partition(|s| s.lang == "en");
        assert_eq!(en.len(), 5);
        assert!((1..=3).contains(&theirs.len()), "{:?}", texts(&list));
        assert!(theirs
            .iter()
            .all(|s| s.lang == "pt" && s.text.starts_with("Olá Joana,")));
        assert!(
            theirs[0].text.contains("nós dois conhecemos Marcos Souza"),
            "{}",
            theirs[0].text
        );
        // A note already in Portuguese gets Portuguese rewrites, once.
        let list = suggest(
            "Olá Joana, gostaria de adicioná-la à minha rede profissional no LinkedIn.",
            &pt,
        );
        assert!(list.iter().all(|s| s.lang == "pt"), "{:?}", texts(&list));
        // An English profile adds nothing.
        let en = page(|r| {
            r.about = Some("I build payment systems and write about what my team learns.".into())
        });
        assert!(suggest(CANNED, &en).iter().all(|s| s.lang == "en"));
    }

    #[test]
    fn three_to_five_rewrites_that_fit_the_limit() {
        for limit in [200, 300] {
            for note in [
                "I'd like to add you to my professional network on LinkedIn.",
                "",
                "Let's connect!",
                "Hi, are you hiring?",
            ] {
                let ctx = Context {
                    limit: Some(limit),
                    ..to("Sam Okafor")
                };
                let list = suggest(note, &ctx);
                assert!((3..=5).contains(&list.len()), "{note}: {}", list.len());
                for s in &list {
                    assert!(s.text.encode_utf16().count() as u32 <= limit, "{}", s.text);
                    assert!(s.text.starts_with("Hi Sam,"), "{}", s.text);
                    assert!(!s.slots.is_empty());
                    for span in &s.slots {
                        let slot = slice(&s.text, *span);
                        assert!(
                            slot.starts_with('[') && slot.ends_with(']') && !slot.contains('='),
                            "{slot}"
                        );
                    }
                }
            }
        }
    }
}
