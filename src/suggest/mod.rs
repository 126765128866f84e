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
}

/// The intent of the rewrite that keeps a note's personal sentences.
pub const REPLACE_CANNED: &str = "replace_canned";

const MAX_SUGGESTIONS: usize = 5;

/// Three to five ready-to-send rewrites of `note`, best first.
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
        out.push(Suggestion {
            intent: REPLACE_CANNED.to_string(),
            text: edit.text,
            slots: edit.slots,
        });
    }
    for intent in rank::ranked_intents(&r, t) {
        if out.len() >= MAX_SUGGESTIONS {
            break;
        }
        let Some(list) = t.section(intent) else {
            continue;
        };
        if let Some(f) = fill::first_fitting(list, t, ctx, pick, limit) {
            out.push(Suggestion {
                intent: intent.to_string(),
                text: f.text,
                slots: f.slots,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{slice, to};

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
