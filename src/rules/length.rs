//! `over-limit`, `near-limit`: counted as the browser counts a textarea (UTF-16 code units).

use super::finding;
use crate::messages::catalogue;
use crate::reading::Reading;
use crate::{Finding, Severity};

pub fn check(r: &Reading, out: &mut Vec<Finding>) {
    let used = r.note.len16;
    let limit = r.ctx.limit();
    let end = r.note.text.len();
    if used > limit {
        let start = r.note.byte_at_utf16(limit);
        let (over, limit_s) = ((used - limit).to_string(), limit.to_string());
        let message = catalogue().get("over-limit", &[("over", &over), ("limit", &limit_s)]);
        out.push(finding(
            "over-limit",
            Severity::Error,
            message,
            r.note.span_of_bytes(start, end),
        ));
    } else if used * 10 > limit * 9 {
        let start = r.note.byte_at_utf16(limit * 9 / 10);
        let (left, limit_s) = ((limit - used).to_string(), limit.to_string());
        let message = catalogue().get("near-limit", &[("left", &left), ("limit", &limit_s)]);
        out.push(finding(
            "near-limit",
            Severity::Hint,
            message,
            r.note.span_of_bytes(start, end),
        ));
    }
}
