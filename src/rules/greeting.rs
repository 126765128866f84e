//! `mass-greeting`: "Dear Sir/Madam". `wrong-name`: a greeting copied from the last invitation.

use super::{finding, fix};
use crate::messages::catalogue;
use crate::reading::Reading;
use crate::text::{fold, TokenKind};
use crate::{Finding, Severity};

pub fn check(r: &Reading, out: &mut Vec<Finding>) {
    let Some(g) = &r.greeting else { return };
    let who = r.who();
    let first_name = r.ctx.recipient_first_name();
    if g.mass {
        let span = r.span(g.tokens.clone());
        let mut f = finding(
            "mass-greeting",
            Severity::Warning,
            catalogue().get("mass-greeting", &[("who", &who)]),
            span,
        );
        if let Some(name) = first_name {
            let opener = if r.tokens()[0].is("dear") {
                "Dear"
            } else {
                "Hi"
            };
            f.fixes.push(fix(
                "mass-greeting.fix",
                &[("name", name)],
                span,
                format!("{opener} {name}"),
            ));
        }
        out.push(f);
        return;
    }
    let (Some(name), Some(first)) = (&g.name, first_name) else {
        return;
    };
    let toks = &r.tokens()[name.clone()];
    if toks[0].kind == TokenKind::Placeholder || greets_recipient(r, g.titled, &toks[0].norm) {
        return;
    }
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
    let message = catalogue().get("wrong-name", &[("written", written), ("name", right)]);
    let mut f = finding("wrong-name", Severity::Error, message, span);
    f.fixes.push(fix(
        "wrong-name.fix",
        &[("name", right)],
        span,
        right.to_string(),
    ));
    out.push(f);
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
    let words: Vec<String> = names
        .iter()
        .flatten()
        .flat_map(|n| n.split_whitespace())
        .map(fold)
        .collect();
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
