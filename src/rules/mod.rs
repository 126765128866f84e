//! The rules, one concern a file. Each reads the shared [`Reading`] and adds its findings.
//!
//! | rule id | file |
//! |---|---|
//! | `canned-default`, `canned-generic` | `stock.rs` |
//! | `mass-greeting`, `wrong-name` | `greeting.rs` |
//! | `missing-context`, `group-only`, `unnamed-mutuals`, `no-why`, `pitch-first`, `job-ask` | `context.rs` |
//! | `placeholder` | `placeholder.rs` |
//! | `over-limit`, `near-limit` | `length.rs` |
//! | `misspelling` | `spelling.rs` |

pub mod context;
pub mod greeting;
pub mod length;
pub mod placeholder;
pub mod spelling;
pub mod stock;

use crate::reading::Reading;
use crate::{Finding, Fix, Severity, Span};

/// Every rule id the engine can report, for the options page and the tests.
pub const RULE_IDS: [&str; 14] = [
    "canned-default",
    "canned-generic",
    "mass-greeting",
    "missing-context",
    "group-only",
    "unnamed-mutuals",
    "no-why",
    "pitch-first",
    "job-ask",
    "placeholder",
    "wrong-name",
    "over-limit",
    "near-limit",
    "misspelling",
];

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
