//! Helpers for the rules' tests, so that each test reads like the note it is about.

use crate::{analyze, Context, Recipient, Report};

pub fn to(full_name: &str) -> Context {
    Context {
        recipient: Some(Recipient {
            first_name: full_name.split_whitespace().next().map(str::to_string),
            full_name: Some(full_name.to_string()),
            ..Recipient::default()
        }),
        ..Context::default()
    }
}

pub fn check(note: &str) -> Report {
    analyze(note, &Context::default())
}

pub fn rules(report: &Report) -> Vec<&str> {
    report.findings.iter().map(|f| f.rule.as_str()).collect()
}

/// The note with the first fix of the first finding of `rule` applied, as a click would.
pub fn apply(note: &str, report: &Report, rule: &str) -> String {
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} in {:?}", rules(report)));
    let fix = finding
        .fixes
        .first()
        .unwrap_or_else(|| panic!("{rule} has no fix"));
    let units: Vec<u16> = note.encode_utf16().collect();
    let mut out: Vec<u16> = units[..fix.span.start as usize].to_vec();
    out.extend(fix.replacement.encode_utf16());
    out.extend(&units[fix.span.end as usize..]);
    String::from_utf16(&out).expect("a fix keeps surrogate pairs whole")
}

/// The text a span covers, sliced by UTF-16 units as JavaScript would.
pub fn slice(note: &str, span: crate::Span) -> String {
    let units: Vec<u16> = note.encode_utf16().collect();
    String::from_utf16(&units[span.start as usize..span.end as usize])
        .expect("span on a character boundary")
}
