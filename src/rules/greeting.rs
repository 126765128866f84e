//! `mass-greeting`: "Dear Sir/Madam". `wrong-name`: a greeting copied from the last invitation.

use super::{finding, fix};
use std::ops::Range;

use crate::reading::{Greeting, Reading};
use crate::text::{fold, TokenKind};
use crate::Verdict;
use crate::{Finding, Severity};

pub fn check(r: &Reading, _verdict: Verdict, out: &mut Vec<Finding>) {
    let Some(g) = &r.greeting else { return };
    let first_name = r.ctx.recipient_first_name();
    if g.mass {
        out.push(mass_greeting(r, g, first_name));
        return;
    }
    let (Some(name), Some(first)) = (&g.name, first_name) else {
        return;
    };
    let toks = &r.tokens()[name.clone()];
    if toks[0].kind == TokenKind::Placeholder || greets_recipient(r, g.titled, &toks[0].norm) {
        return;
    }
    out.push(wrong_name(r, g, name.clone(), first));
}

// The findings are written out of line: most notes greet the reader by their own name, and the
// first analysis then need not compile these.
#[inline(never)]
fn mass_greeting(r: &Reading, g: &Greeting, first_name: Option<&str>) -> Finding {
    let span = r.span(g.tokens.clone());
    let mut f = finding(
        "mass-greeting",
        Severity::Warning,
        r.messages.get("mass-greeting", &[("who", &r.who())]),
        span,
    );
    if let Some(name) = first_name {
        let opener = if r.tokens()[0].is("dear") {
            "Dear"
        } else {
            "Hi"
        };
        f.fixes.push(fix(
            r,
            "mass-greeting.fix",
            &[("name", name)],
            span,
            [opener, " ", name].concat(),
        ));
    }
    f
}

#[inline(never)]
fn wrong_name(r: &Reading, g: &Greeting, name: Range<usize>, first: &str) -> Finding {
    let toks = &r.tokens()[name.clone()];
    // With a title the surname is what should match; offer it rather than the first name.
    let (right, written) = if g.titled {
        (
            r.ctx.recipient_last_name().unwrap_or(first),
            r.source(name.clone()),
        )
    } else {
        (first, r.source(name.start..name.start + 1))
    };
    let span = if g.titled {
        r.span(name.clone())
    } else {
        toks[0].span()
    };
    let message = r
        .messages
        .get("wrong-name", &[("written", written), ("name", right)]);
    let mut f = finding("wrong-name", Severity::Error, message, span);
    f.fixes.push(fix(
        r,
        "wrong-name.fix",
        &[("name", right)],
        span,
        right.to_string(),
    ));
    f
}

/// Whether the greeted word is one of the recipient's names. A short form counts when one is
/// the start of the other ("Alex" for "Alexandra").
pub fn greets_recipient(r: &Reading, titled: bool, written: &str) -> bool {
    let Some(recipient) = &r.ctx.recipient else {
        return true;
    };
    let names = [
        recipient.first_name.as_deref(),
        recipient.full_name.as_deref(),
    ];
    // Loops, not flattening adapters: each is code of its own in the wasm.
    let mut words: Vec<String> = Vec::new();
    for name in names {
        for word in name.unwrap_or("").split_whitespace() {
            words.push(fold(word));
        }
    }
    if words.is_empty() {
        return true;
    }
    words.iter().any(|w| {
        w == written
            || (!titled
                && written.len() >= 3
                && (w.starts_with(written) || written.starts_with(w.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use crate::analyze;
    use crate::testing::{apply, check, rules, to};

    #[test]
    fn a_greeting_copied_from_the_last_invitation() {
        let note = "Hi Jennifer, great meeting you at the AWS Summit yesterday!";
        let report = analyze(note, &to("Jessica Moore"));
        assert!(rules(&report).contains(&"wrong-name"));
        assert!(!report.checklist.greets_by_name);
        assert_eq!(
            apply(note, &report, "wrong-name"),
            "Hi Jessica, great meeting you at the AWS Summit yesterday!"
        );
    }

    #[test]
    fn the_right_name_short_forms_and_titles_pass() {
        for (note, to_whom) in [
            (
                "Hi Jessica, great meeting you at the AWS Summit!",
                "Jessica Moore",
            ),
            (
                "hello Alex, great meeting you at the AWS Summit!",
                "Alexandra Stone",
            ),
            (
                "Dear Dr. Moore, your talk at PyCon on packaging was superb.",
                "Jessica Moore",
            ),
            (
                "Hi José, great meeting you at the AWS Summit!",
                "Jose Alvarez",
            ),
        ] {
            let report = analyze(note, &to(to_whom));
            assert!(!rules(&report).contains(&"wrong-name"), "{note}");
        }
        let report = analyze(
            "Hi Jessica, great meeting you at the AWS Summit!",
            &to("Jessica Moore"),
        );
        assert!(report.checklist.greets_by_name);
    }

    #[test]
    fn a_title_with_the_wrong_surname() {
        let note = "Dear Ms. Smith, your talk at PyCon on packaging was superb.";
        let report = analyze(note, &to("Jessica Moore"));
        assert_eq!(
            apply(note, &report, "wrong-name"),
            "Dear Ms. Moore, your talk at PyCon on packaging was superb."
        );
    }

    #[test]
    fn without_a_recipient_no_name_is_wrong() {
        assert!(
            !rules(&check("Hi Jennifer, great meeting you at the AWS Summit!"))
                .contains(&"wrong-name")
        );
    }

    #[test]
    fn form_letter_greetings() {
        for note in [
            "Dear Sir/Madam, I enjoyed your talk.",
            "Networking Friend,\nI read your post.",
            "Dear connection, hello.",
            "To whom it may concern: hi",
        ] {
            assert!(rules(&check(note)).contains(&"mass-greeting"), "{note}");
        }
        let note = "Dear Sir/Madam, I enjoyed your talk at PyCon.";
        let report = analyze(note, &to("Jessica Moore"));
        assert_eq!(
            apply(note, &report, "mass-greeting"),
            "Dear Jessica, I enjoyed your talk at PyCon."
        );
    }
}
