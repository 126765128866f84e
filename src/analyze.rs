//! The verdict and the checklist: how the rules' findings add up to what a recipient thinks.

use crate::reading::Reading;
use crate::rules::{self, greeting};
use crate::{Checklist, Context, ContextHit, Finding, Length, Omitted, Report, Verdict};

pub fn analyze(note: &str, ctx: &Context) -> Report {
    let r = Reading::new(note, ctx);
    let verdict = verdict(&r);

    let mut findings = Vec::new();
    for rule in &rules::RULES {
        (rule.check)(&r, verdict, &mut findings);
    }
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

    let omitted = cap(&mut findings);
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
        omitted,
    }
}

/// Keeps the first few findings of each rule, in note order, and counts the rest.
fn cap(findings: &mut Vec<Finding>) -> Vec<Omitted> {
    let mut seen: Vec<(String, u32)> = Vec::new();
    findings.retain(|f| {
        let i = match seen.iter().position(|(rule, _)| *rule == f.rule) {
            Some(i) => i,
            None => {
                seen.push((f.rule.clone(), 0));
                seen.len() - 1
            }
        };
        seen[i].1 += 1;
        seen[i].1 as usize <= rules::MAX_FINDINGS_PER_RULE
    });
    seen.into_iter()
        .filter(|(_, n)| *n as usize > rules::MAX_FINDINGS_PER_RULE)
        .map(|(rule, n)| Omitted {
            rule,
            count: n - rules::MAX_FINDINGS_PER_RULE as u32,
        })
        .collect()
}

/// Personal when the note says how or why; canned when nothing in it is the sender's own (it
/// would read the same to anyone); otherwise the sender wrote something of their own that
/// still does not say how or why.
fn verdict(r: &Reading) -> Verdict {
    if r.counting_cues().next().is_some() {
        Verdict::Personal
    } else if !r.tokens().is_empty()
        && !r.asks_something_of_their_own()
        && r.says_nothing_of_their_own()
    {
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

#[cfg(test)]
mod tests {
    use crate::rules::MAX_FINDINGS_PER_RULE;
    use crate::{analyze, Context};

    #[test]
    fn a_long_paste_lists_a_few_findings_a_rule_and_counts_the_rest() {
        let note = "I recieve your [Name] notes. ".repeat(2_000);
        let report = analyze(&note, &Context::default());
        for rule in ["misspelling", "placeholder"] {
            let listed = report.findings.iter().filter(|f| f.rule == rule).count();
            assert_eq!(listed, MAX_FINDINGS_PER_RULE, "{rule}");
            let more = report.omitted.iter().find(|o| o.rule == rule).expect(rule);
            assert_eq!(listed + more.count as usize, 2_000, "{rule}");
        }
        // The listed ones are the first in the note.
        let first = report.findings.iter().find(|f| f.rule == "misspelling");
        assert_eq!(first.map(|f| f.span.start), Some(2));
        let short = analyze("I recieve notes.", &Context::default());
        assert!(short.omitted.is_empty());
    }
}
