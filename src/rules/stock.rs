//! `canned-default`: LinkedIn's own texts. `canned-generic`: requests that could go to anyone.
//!
//! Both are reported only on notes that are not personal: a stock closing line after a real
//! reason ("…I'd like to invite you to join my network") is how seed 002's good examples end.

use super::{finding, fix};
use crate::messages::catalogue;
use crate::pattern::Hit;
use crate::reading::Reading;
use crate::{Finding, Severity, Span, Verdict};

pub fn check(r: &Reading, verdict: Verdict, out: &mut Vec<Finding>) {
    if verdict == Verdict::Personal {
        return;
    }
    let p = r.phrases;
    let who = r.who();
    let severity = if r.ctx.expecting {
        Severity::Hint
    } else {
        Severity::Error
    };
    for hit in &r.stock {
        let rule = match hit.section {
            s if s == p.default => "canned-default",
            s if s == p.generic => "canned-generic",
            _ => continue,
        };
        let key = if r.ctx.expecting {
            format!("{rule}.expecting")
        } else {
            rule.to_string()
        };
        let mut f = finding(
            rule,
            severity,
            catalogue().get(&key, &[("who", &who)]),
            r.span(hit.start..hit.end),
        );
        f.fixes.push(fix(
            &format!("{rule}.fix"),
            &[],
            removal(r, hit),
            String::new(),
        ));
        out.push(f);
    }
}

/// From the start of the stock text to the start of the next sentence, so that removing it
/// leaves neither a dangling full stop nor a double space; a greeting before it stays.
fn removal(r: &Reading, hit: &Hit) -> Span {
    let note = &r.note;
    let sentence = note.tokens[hit.start].sentence;
    let start = note.tokens[hit.start].start;
    let end = match note.sentences.get(sentence + 1) {
        Some(next) if hit.start == note.sentences[sentence].tokens.start => next.start,
        _ => {
            let end = note.sentences[sentence].end;
            end + note.text[end..].len() - note.text[end..].trim_start().len()
        }
    };
    note.span_of_bytes(start, end)
}
