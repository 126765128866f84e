//! `placeholder`: template slots left in — `[Name]`, `{{first_name}}`, `%COMPANY%`, "so-and-so".

use super::{finding, fix};
use crate::messages::catalogue;
use crate::reading::Reading;
use crate::text::TokenKind;
use crate::{Finding, Severity};

pub fn check(r: &Reading, out: &mut Vec<Finding>) {
    for t in r
        .tokens()
        .iter()
        .filter(|t| t.kind == TokenKind::Placeholder)
    {
        let slot = &r.note.text[t.start..t.end];
        let mut f = finding(
            "placeholder",
            Severity::Error,
            catalogue().get("placeholder", &[("slot", slot)]),
            t.span(),
        );
        if let Some(value) = filling(r, &t.norm) {
            f.fixes.push(fix(
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
