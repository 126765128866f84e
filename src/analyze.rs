//! The verdict and the checklist: how the rules' findings add up to what a recipient thinks.

use crate::reading::Reading;
use crate::rules::{self, greeting};
use crate::{Checklist, Context, ContextHit, Length, Report, Verdict};

pub fn analyze(note: &str, ctx: &Context) -> Report {
    let r = Reading::new(note, ctx);
    let verdict = verdict(&r);

    let mut findings = Vec::new();
    rules::stock::check(&r, verdict, &mut findings);
    rules::greeting::check(&r, &mut findings);
    rules::context::check(&r, verdict, &mut findings);
    rules::placeholder::check(&r, &mut findings);
    rules::length::check(&r, &mut findings);
    rules::spelling::check(&r, &mut findings);
    findings.retain(|f| !ctx.disabled_rules.contains(&f.rule));
    // Rules report in their own order; the sender reads the note from the start.
    findings.sort_unstable_by(|a, b| {
        (a.span.start, a.severity, a.span.end, &a.rule).cmp(&(
            b.span.start,
            b.severity,
            b.span.end,
            &b.rule,
        ))
    });

    let context = context_hits(&r);
    let has = |rule: &str| findings.iter().any(|f| f.rule == rule);
    let how = r.counting_cues().any(|c| c.kind.answers_how());
    let why =
        r.counting_cues().any(|c| c.kind.answers_why()) || (how && r.has_helper(r.phrases.purpose));
    let checklist = Checklist {
        not_canned: verdict != Verdict::Canned && !has("canned-default") && !has("canned-generic"),
        greets_by_name: greets_by_name(&r),
        how_we_know: how,
        why_connect: why,
        offers_value: r.has_kind(crate::ContextKind::ValueOffer),
        within_limit: r.note.len16 <= ctx.limit(),
        no_placeholders: !has("placeholder"),
        spelling_ok: !has("misspelling"),
    };
    Report {
        verdict,
        length: Length {
            used: r.note.len16,
            limit: ctx.limit(),
        },
        checklist,
        context,
        findings,
    }
}

/// Personal when the note says how or why; canned when nothing in it is the sender's own (it
/// would read the same to anyone); otherwise the sender wrote something of their own that
/// still does not say how or why.
fn verdict(r: &Reading) -> Verdict {
    if r.counting_cues().next().is_some() {
        Verdict::Personal
    } else if !r.tokens().is_empty() && r.says_nothing_of_their_own() {
        Verdict::Canned
    } else {
        Verdict::NeedsContext
    }
}

fn greets_by_name(r: &Reading) -> bool {
    let Some(g) = &r.greeting else { return false };
    let Some(name) = &g.name else { return false };
    let first = &r.tokens()[name.start];
    first.kind != crate::text::TokenKind::Placeholder
        && greeting::greets_recipient(r, g.titled, &first.norm)
}

/// Each cue, reported from where it starts to the end of its sentence: the words a recipient
/// reads as the reason.
fn context_hits(r: &Reading) -> Vec<ContextHit> {
    r.cues
        .iter()
        .map(|c| {
            let toks = r.tokens();
            let sentence_end = r.note.sentences[toks[c.hit.start].sentence].tokens.end;
            ContextHit {
                kind: c.kind,
                span: r.span(c.hit.start..sentence_end),
                cue: r.source(c.hit.start..c.hit.end).to_string(),
            }
        })
        .collect()
}
