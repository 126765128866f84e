//! What the note says, or fails to say, about how and why: `missing-context` and the weak
//! kinds of context the seeds' readers push back on.

use super::finding;
use crate::messages::catalogue;
use crate::reading::Reading;
use crate::{ContextKind, Finding, Severity, Span, Verdict};

pub fn check(r: &Reading, verdict: Verdict, out: &mut Vec<Finding>) {
    let who = r.who();
    let msg = |key: &str| catalogue().get(key, &[("who", &who)]);
    let p = r.phrases;
    let counting: Vec<ContextKind> = r.counting_cues().map(|c| c.kind).collect();
    let has_purpose = r.has_helper(p.purpose);
    let cue_span = |kind: ContextKind| {
        r.cues
            .iter()
            .find(|c| c.kind == kind)
            .map(|c| r.span(c.hit.start..c.hit.end))
    };

    if verdict == Verdict::NeedsContext {
        let key = if r.tokens().is_empty() {
            "missing-context.empty"
        } else {
            "missing-context"
        };
        out.push(finding(
            "missing-context",
            Severity::Warning,
            msg(key),
            whole_note(r),
        ));
    }

    // Seed 001: "Tell me how you found my Profile (same group – that's okay) and then tell me WHY".
    let only = |allowed: &[ContextKind]| {
        !counting.is_empty() && counting.iter().all(|k| allowed.contains(k))
    };
    if !has_purpose && only(&[ContextKind::SharedGroup]) {
        let span = cue_span(ContextKind::SharedGroup).unwrap_or_else(|| whole_note(r));
        out.push(finding(
            "group-only",
            Severity::Hint,
            msg("group-only"),
            span,
        ));
    } else if !has_purpose && only(&[ContextKind::MutualConnection, ContextKind::SharedGroup]) {
        let span = cue_span(ContextKind::MutualConnection).unwrap_or_else(|| whole_note(r));
        out.push(finding("no-why", Severity::Hint, msg("no-why"), span));
    }

    if !r.has_kind(ContextKind::MutualConnection) {
        let severity = if verdict == Verdict::Personal {
            Severity::Hint
        } else {
            Severity::Warning
        };
        if let Some(h) = r.hits_in(p.unnamed_mutuals).next() {
            out.push(finding(
                "unnamed-mutuals",
                severity,
                msg("unnamed-mutuals"),
                r.span(h.start..h.end),
            ));
        }
    }

    if counting.is_empty() {
        if let Some(span) = cue_span(ContextKind::IntentSales) {
            out.push(finding(
                "pitch-first",
                Severity::Warning,
                msg("pitch-first"),
                span,
            ));
        }
        if let Some(h) = r.helpers.iter().find(|h| h.section == p.job_ask) {
            out.push(finding(
                "job-ask",
                Severity::Warning,
                msg("job-ask"),
                r.span(h.start..h.end),
            ));
        }
    }
}

/// The note without surrounding white space: what `missing-context` is about.
fn whole_note(r: &Reading) -> Span {
    match (r.tokens().first(), r.tokens().last()) {
        (Some(first), Some(last)) => Span::new(first.start16, last.end16),
        _ => Span::new(0, 0),
    }
}
