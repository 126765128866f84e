//! The rules, one concern a file. Each reads the shared [`Reading`] and the verdict, and adds
//! its findings; [`RULES`] lists them with the ids each reports, and everything else (the
//! order `analyze` runs them in, [`RULE_IDS`], this table's test) derives from it.
//!
//! | rule id | file |
//! |---|---|
//! | `canned-default`, `canned-generic` | `canned.rs` |
//! | `mass-greeting`, `wrong-name` | `greeting.rs` |
//! | `missing-context`, `group-only`, `unnamed-mutuals`, `no-why`, `pitch-first`, `job-ask` | `context.rs` |
//! | `placeholder` | `placeholder.rs` |
//! | `over-limit`, `near-limit` | `length.rs` |
//! | `misspelling` | `spelling.rs` |

pub mod canned;
pub mod context;
pub mod greeting;
pub mod length;
pub mod placeholder;
pub mod spelling;

use crate::reading::Reading;
use crate::{Finding, Fix, Severity, Span, Verdict};

/// One family of rules: the ids it may report and the check that reports them.
pub struct Rule {
    pub ids: &'static [&'static str],
    pub check: fn(&Reading, Verdict, &mut Vec<Finding>),
}

/// Every rule, in the order `analyze` runs them.
pub const RULES: [Rule; 6] = [
    Rule {
        ids: &["canned-default", "canned-generic"],
        check: canned::check,
    },
    Rule {
        ids: &["mass-greeting", "wrong-name"],
        check: greeting::check,
    },
    Rule {
        ids: &[
            "missing-context",
            "group-only",
            "unnamed-mutuals",
            "no-why",
            "pitch-first",
            "job-ask",
        ],
        check: context::check,
    },
    Rule {
        ids: &["placeholder"],
        check: placeholder::check,
    },
    Rule {
        ids: &["over-limit", "near-limit"],
        check: length::check,
    },
    Rule {
        ids: &["misspelling"],
        check: spelling::check,
    },
];

/// What rule `id` means, in one line, in the language `lang` (English when absent or unknown):
/// the title the options page and `uncanned rules` show.
pub fn title(id: &str, lang: Option<&str>) -> String {
    crate::messages::catalogue(lang).get(&["rule.", id].concat(), &[])
}

/// Every rule id the engine can report, for the options page and the tests.
pub const RULE_IDS: [&str; 14] = {
    let mut ids = [""; 14];
    let (mut rule, mut at) = (0, 0);
    while rule < RULES.len() {
        let mut i = 0;
        while i < RULES[rule].ids.len() {
            ids[at] = RULES[rule].ids[i];
            at += 1;
            i += 1;
        }
        rule += 1;
    }
    assert!(
        at == ids.len(),
        "RULE_IDS' length must match the ids in RULES"
    );
    ids
};

/// Findings a rule reports in one note at most; the rest are counted, not listed, so that a
/// pasted essay cannot bury the note under thousands of marks.
pub const MAX_FINDINGS_PER_RULE: usize = 5;

pub(crate) fn finding(
    rule: &'static str,
    severity: Severity,
    message: String,
    span: Span,
) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity,
        message,
        span,
        fixes: Vec::new(),
    }
}

/// The note without surrounding white space: what `missing-context` and a canned note in
/// words no phrase lists are about.
pub(crate) fn whole_note(r: &Reading) -> Span {
    match (r.tokens().first(), r.tokens().last()) {
        (Some(first), Some(last)) => Span::new(first.start16, last.end16),
        _ => Span::new(0, 0),
    }
}

pub(crate) fn fix(
    r: &Reading,
    label_key: &str,
    args: &[(&str, &str)],
    span: Span,
    replacement: String,
) -> Fix {
    Fix {
        label: r.messages.get(label_key, args),
        span,
        replacement,
    }
}

#[cfg(test)]
mod tests {
    use super::{RULES, RULE_IDS};

    /// The table at the top of this file names each rule id and the file that reports it.
    #[test]
    fn the_doc_table_matches_the_rules() {
        let source = include_str!("mod.rs");
        let rows: Vec<&str> = source
            .lines()
            .filter(|l| l.starts_with("//! | `"))
            .collect();
        assert_eq!(rows.len(), RULES.len(), "one row a rule family");
        for (row, rule) in rows.iter().zip(RULES.iter()) {
            for id in rule.ids {
                assert!(row.contains(&format!("`{id}`")), "{row} lacks {id}");
            }
        }
        let mut unique = RULE_IDS.to_vec();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), RULE_IDS.len(), "rule ids are unique");
    }
}
