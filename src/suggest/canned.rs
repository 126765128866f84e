//! The rewrite that keeps the note: only its canned sentences go, so a sender who wrote
//! something of their own keeps it word for word instead of starting over from a template.

use super::fill::{fill, Filled};
use super::templates::Templates;
use crate::reading::Reading;
use crate::Context;

/// The note with each canned sentence swapped for one that adds what it lacks, and every other
/// sentence kept word for word; `None` when the note has nothing of its own to keep.
pub(super) fn replace_canned(r: &Reading, t: &Templates, ctx: &Context) -> Option<Filled> {
    let p = r.phrases;
    let canned: Vec<_> = r
        .stock
        .iter()
        .filter(|h| (h.section == p.default || h.section == p.generic) && r.opens_sentence(h))
        .collect();
    if canned.is_empty() || r.own_words() == 0 {
        return None;
    }
    let how = r.counting_cues().any(|c| c.kind.answers_how());
    let why = r.counting_cues().any(|c| c.kind.answers_why());
    let replacement = match (how, why) {
        (false, _) => t.setting("add-how"),
        (true, false) => t.setting("add-why"),
        (true, true) => "",
    };
    let note = &r.note;
    let mut out = String::new();
    let mut copied = 0;
    for (i, hit) in canned.iter().enumerate() {
        let sentence = &note.sentences[note.tokens[hit.start].sentence];
        let start = note.tokens[hit.start].start;
        // The canned text runs to the end of its sentence; a space or break after it goes too.
        let after = note.text.get(sentence.end..).unwrap_or("");
        let end = sentence.end + after.len() - after.trim_start().len();
        if start < copied {
            continue;
        }
        out.push_str(note.text.get(copied..start).unwrap_or(""));
        if i == 0 && !replacement.is_empty() {
            out.push_str(replacement);
            out.push(' ');
        }
        copied = end;
    }
    out.push_str(note.text.get(copied..).unwrap_or(""));
    let out = out.trim_end();
    Some(fill(out, t, ctx))
}

#[cfg(test)]
mod tests {
    use crate::suggest::{suggest, REPLACE_CANNED};
    use crate::testing::to;
    use crate::Context;

    #[test]
    fn a_canned_sentence_among_personal_ones_is_replaced_alone() {
        let note = "Hi Sam, I'd like to add you to my professional network on LinkedIn. We're both members of the Rust in Production group.";
        let list = suggest(note, &to("Sam Okafor"));
        assert_eq!(list[0].intent, REPLACE_CANNED);
        let edit = &list[0].text;
        assert!(edit.starts_with("Hi Sam, "), "{edit}");
        assert!(
            edit.ends_with("We're both members of the Rust in Production group."),
            "{edit}"
        );
        assert!(!edit.contains("professional network"), "{edit}");
        // A group says how, not why: the replacement asks the why.
        assert!(edit.contains("[a question you have]"), "{edit}");

        // When the rest already says how and why, the canned sentence simply goes.
        let note = "Hi Sam, I'd like to add you to my professional network on LinkedIn. Your talk on CRDTs at Strange Loop changed how I build sync.";
        let edit = &suggest(note, &to("Sam Okafor"))[0];
        assert_eq!(edit.intent, REPLACE_CANNED);
        assert_eq!(
            edit.text,
            "Hi Sam, Your talk on CRDTs at Strange Loop changed how I build sync."
        );

        assert!(suggest(
            "I'd like to add you to my professional network on LinkedIn.",
            &Context::default()
        )
        .iter()
        .all(|s| s.intent != REPLACE_CANNED));
    }

    #[test]
    fn stock_words_inside_a_sentence_are_not_swapped_out() {
        let note = "Hi Emily, I came across your profile and was impressed by your experience. I'm passionate about the same field and would love to connect.";
        for s in suggest(note, &to("Emily Chen")) {
            assert!(
                !s.text.contains("would We met") && !s.text.contains("would ."),
                "{}",
                s.text
            );
        }
    }
}
