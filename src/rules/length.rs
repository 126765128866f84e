//! `over-limit`, `near-limit`: counted as the browser counts a textarea (UTF-16 code units).

use super::finding;
use crate::reading::Reading;
use crate::text::decimal;
use crate::Verdict;
use crate::{Finding, Severity};

pub fn check(r: &Reading, _verdict: Verdict, out: &mut Vec<Finding>) {
    let used = r.note.len16;
    let limit = r.ctx.limit();
    let end = r.note.text.len();
    if used > limit {
        out.push(over_limit(r, used, limit));
    } else if used * 10 > limit * 9 {
        let start = r.note.byte_at_utf16(limit * 9 / 10);
        let (left, limit_s) = (decimal(limit - used), decimal(limit));
        let message = r
            .messages
            .get("near-limit", &[("left", &left), ("limit", &limit_s)]);
        out.push(finding(
            "near-limit",
            Severity::Hint,
            message,
            r.note.span_of_bytes(start, end),
        ));
    }
}

// Out of line: a note is over the limit only at the end of a long one, and the first analysis
// then need not compile this.
#[inline(never)]
fn over_limit(r: &Reading, used: u32, limit: u32) -> Finding {
    let start = r.note.byte_at_utf16(limit);
    let (over, limit_s) = (decimal(used - limit), decimal(limit));
    let message = r
        .messages
        .get("over-limit", &[("over", &over), ("limit", &limit_s)]);
    finding(
        "over-limit",
        Severity::Error,
        message,
        r.note.span_of_bytes(start, r.note.text.len()),
    )
}

#[cfg(test)]
mod tests {
    use crate::testing::{rules, slice};
    use crate::{analyze, Context};

    fn at(limit: u32) -> Context {
        Context {
            limit: Some(limit),
            ..Context::default()
        }
    }

    #[test]
    fn counted_in_utf16_units_like_a_textarea() {
        let note = "🎉".repeat(101); // 101 characters, 202 code units
        let report = analyze(&note, &at(200));
        assert_eq!(report.length.used, 202);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "over-limit")
            .unwrap();
        assert_eq!((f.span.start, f.span.end), (200, 202));
        assert_eq!(slice(&note, f.span), "🎉");
    }

    #[test]
    fn the_limit_in_force_decides() {
        let note = "a".repeat(250);
        assert!(rules(&analyze(&note, &at(200))).contains(&"over-limit"));
        let at_300 = analyze(&note, &at(300));
        assert!(!rules(&at_300).contains(&"over-limit"));
        assert!(at_300.checklist.within_limit);
        assert!(!rules(&at_300).contains(&"near-limit"));
        assert!(rules(&analyze(&"a".repeat(275), &at(300))).contains(&"near-limit"));
        assert!(rules(&analyze(&"a".repeat(300), &at(300))).contains(&"near-limit"));
        assert!(!rules(&analyze(&"a".repeat(270), &at(300))).contains(&"near-limit"));
    }

    #[test]
    fn default_limit_is_300() {
        assert_eq!(analyze("hi", &Context::default()).length.limit, 300);
        assert_eq!(analyze("hi", &at(0)).length.limit, 300);
    }
}
