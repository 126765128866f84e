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
    in_reading_order(&mut findings);

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

/// Sorts `findings` by where they start, then severity, end and rule, those alike keeping
/// the rules' order. A heap sort of their indices: the standard library's sorts took 2.8 KB of
/// the wasm, and a paste may make thousands of findings, too many to sort by insertion.
fn in_reading_order(findings: &mut [Finding]) {
    let before = |i: u32, j: u32| {
        let (a, b) = (&findings[i as usize], &findings[j as usize]);
        (a.span.start, a.severity, a.span.end, &a.rule, i)
            < (b.span.start, b.severity, b.span.end, &b.rule, j)
    };
    let mut order: Vec<u32> = (0..findings.len() as u32).collect();
    let n = order.len();
    // Sifts `order[root]` down the heap of the first `end` indices, the greatest on top.
    let sift = |order: &mut [u32], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && before(order[child], order[child + 1]) {
            child += 1;
        }
        if !before(order[root], order[child]) {
            return;
        }
        order.swap(root, child);
        root = child;
    };
    for root in (0..n / 2).rev() {
        sift(&mut order, root, n);
    }
    for end in (1..n).rev() {
        order.swap(0, end);
        sift(&mut order, 0, end);
    }
    // In place, a cycle of the permutation at a time: place `i` takes the finding at
    // `order[i]`, whose place then takes the one at its own `order`, and so on round to the
    // start. Each place is marked done by pointing at itself, so the whole is linear.
    for start in 0..n {
        let mut i = start;
        while order[i] as usize != start {
            let from = order[i] as usize;
            findings.swap(i, from);
            order[i] = i as u32;
            i = from;
        }
        order[i] = i as u32;
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
    use crate::{analyze, Context, Finding, Severity, Span};

    #[test]
    fn findings_are_sorted_by_place_and_those_alike_keep_their_order() {
        let f = |rule: &str, severity, start, end, message: &str| Finding {
            rule: rule.into(),
            severity,
            message: message.into(),
            span: Span::new(start, end),
            fixes: Vec::new(),
        };
        // Many, in the order rules might report them, with ties on every key.
        let mut findings = Vec::new();
        for i in 0..60u32 {
            let (start, rule) = ((i * 7) % 5, ["b", "a", "c"][(i % 3) as usize]);
            let severity = [Severity::Error, Severity::Hint][(i / 7 % 2) as usize];
            findings.push(f(rule, severity, start, start + i % 2, &i.to_string()));
        }
        let mut expected = findings.clone();
        expected.sort_by(|a, b| {
            (a.span.start, a.severity, a.span.end, &a.rule).cmp(&(
                b.span.start,
                b.severity,
                b.span.end,
                &b.rule,
            ))
        });
        super::in_reading_order(&mut findings);
        assert_eq!(findings, expected);
    }

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
