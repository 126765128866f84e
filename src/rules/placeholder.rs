//! `placeholder`: template slots left in — `[Name]`, `{{first_name}}`, `%COMPANY%`, "so-and-so".

use super::{finding, fix};
use crate::reading::Reading;
use crate::text::TokenKind;
use crate::Verdict;
use crate::{Finding, Severity};

pub fn check(r: &Reading, _verdict: Verdict, out: &mut Vec<Finding>) {
    for t in r
        .tokens()
        .iter()
        .filter(|t| t.kind == TokenKind::Placeholder)
    {
        let slot = r.note.written(t);
        let mut f = finding(
            "placeholder",
            Severity::Error,
            r.messages.get("placeholder", &[("slot", slot)]),
            t.span(),
        );
        if let Some(value) = filling(r, &t.norm) {
            f.fixes.push(fix(
                r,
                "placeholder.fix",
                &[("value", &value)],
                t.span(),
                value.clone(),
            ));
        }
        out.push(f);
    }
}

/// What the page already knows for a slot: the recipient's or the sender's name.
fn filling(r: &Reading, slot: &str) -> Option<String> {
    let key: String = slot.chars().filter(|c| c.is_alphanumeric()).collect();
    let ctx = r.ctx;
    match key.as_str() {
        "name" | "firstname" | "fname" | "first" | "recipient" | "recipientname"
        | "contactname" | "contact" | "prenom" | "vorname" | "nombre" | "nome" => {
            ctx.recipient_first_name().map(str::to_string)
        }
        "fullname" => ctx.recipient.as_ref()?.full_name.clone(),
        "lastname" | "lname" | "surname" => ctx.recipient_last_name().map(str::to_string),
        "myname" | "yourname" | "sender" | "sendername" => ctx.sender_name.clone(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{apply, check, rules, slice, to};
    use crate::{analyze, Context};

    #[test]
    fn every_kind_of_slot() {
        for note in [
            "Hi [Name], loved your post.",
            "Hi {{first_name}}, loved your post.",
            "Hi {fname}, loved your post.",
            "I see you work at %COMPANY%.",
            "Hi <name>, loved your post.",
            "I'm a friend of so-and-so's.",
            "I'm a such-and-such professional.",
            "We met at XXX last week.",
            "We met at ____ last week.",
        ] {
            let report = check(note);
            assert!(rules(&report).contains(&"placeholder"), "{note}");
            assert!(!report.checklist.no_placeholders);
        }
        assert!(!rules(&check("We grew 40% in 2024 <3")).contains(&"placeholder"));
    }

    #[test]
    fn name_slots_are_filled_from_the_page() {
        let note = "Hi {{first_name}}, loved your post on pricing.";
        let report = analyze(note, &to("Grace Kim"));
        assert_eq!(
            apply(note, &report, "placeholder"),
            "Hi Grace, loved your post on pricing."
        );
        let ctx = Context {
            sender_name: Some("Alex Ray".into()),
            ..Context::default()
        };
        let note = "Loved your post on pricing. [Your name]";
        assert_eq!(
            apply(note, &analyze(note, &ctx), "placeholder"),
            "Loved your post on pricing. Alex Ray"
        );
    }

    #[test]
    fn the_span_is_the_slot() {
        let note = "🙂 Hi [First Name], great meeting you at [event]!";
        let report = check(note);
        let slots: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.rule == "placeholder")
            .map(|f| slice(note, f.span))
            .collect();
        assert_eq!(slots, ["[First Name]", "[event]"]);
    }
}
