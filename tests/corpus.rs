//! The labelled notes in `tests/corpus/notes.jsonl` are the contract by example: each note gets
//! its verdict, reports every rule it expects and shows the context a reader can see, and a
//! personal note never gets a `canned-*` finding. `held_out.jsonl` holds notes written after
//! the phrase lists, in the same form, to keep the lists from fitting only the contract.

use serde::Deserialize;
use uncanned::{analyze, Context, Recipient, Verdict};

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    verdict: Verdict,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    expect: Vec<String>,
    recipient: Option<Recipient>,
    limit: Option<u32>,
    why: Option<String>,
}

fn cases(source: &str) -> Vec<Case> {
    source
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad corpus line {l}: {e}")))
        .collect()
}

#[test]
fn every_corpus_note_gets_what_its_label_says() {
    let cases = cases(include_str!("corpus/notes.jsonl"));
    assert!(cases.len() >= 60, "the corpus lost cases: {}", cases.len());
    check_all(&cases);
}

#[test]
fn held_out_notes_get_what_their_labels_say() {
    check_all(&cases(include_str!("corpus/held_out.jsonl")));
}

fn check_all(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let ctx = Context {
            recipient: case.recipient.clone(),
            limit: case.limit,
            ..Context::default()
        };
        let report = analyze(&case.text, &ctx);
        let mut problems = Vec::new();
        if report.verdict != case.verdict {
            problems.push(format!(
                "verdict {:?}, expected {:?}",
                report.verdict, case.verdict
            ));
        }
        for rule in &case.expect {
            if !report.has_rule(rule) {
                problems.push(format!("missing {rule}"));
            }
        }
        if case.verdict == Verdict::Personal {
            for f in report
                .findings
                .iter()
                .filter(|f| f.rule.starts_with("canned-"))
            {
                problems.push(format!("personal note flagged {}", f.rule));
            }
        }
        for kind in &case.context {
            if !report.context.iter().any(|c| c.kind.as_str() == kind) {
                problems.push(format!("context {kind} not seen"));
            }
        }
        if !problems.is_empty() {
            let rules: Vec<_> = report.findings.iter().map(|f| f.rule.as_str()).collect();
            let kinds: Vec<_> = report.context.iter().map(|c| c.kind.as_str()).collect();
            failures.push(format!(
                "{} {:?}\n    {}\n    got rules {rules:?} context {kinds:?}{}",
                case.id,
                case.text,
                problems.join("; "),
                case.why
                    .as_deref()
                    .map(|w| format!("\n    why: {w}"))
                    .unwrap_or_default()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus notes fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
