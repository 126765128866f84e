//! What the note says, or fails to say, about how and why: `missing-context` and the weak
//! kinds of context the seeds' readers push back on.

use super::{finding, fix, whole_note};
use crate::pattern::Hit;
use crate::reading::Reading;
use crate::{ContextKind, Finding, Severity, Verdict};

pub fn check(r: &Reading, verdict: Verdict, out: &mut Vec<Finding>) {
    // Named only in a message, which most notes do not get.
    let msg = |key: &str| r.messages.get(key, &[("who", &r.who())]);
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
            out.push(unnamed_mutuals(r, h, severity));
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

/// The `unnamed-mutuals` finding, out of line: few notes mention mutual connections without
/// naming one, and the first analysis then need not compile this.
#[inline(never)]
fn unnamed_mutuals(r: &Reading, h: &Hit, severity: Severity) -> Finding {
    let span = r.span(h.start..h.end);
    let mut f = finding(
        "unnamed-mutuals",
        severity,
        r.messages.get("unnamed-mutuals", &[("who", &r.who())]),
        span,
    );
    // One fix a person the page names, so the sender picks whom to name by clicking.
    // Capitalised where it opens a sentence; after "Hi Joana," it does not.
    let capital = r.note.sentences[r.tokens()[h.start].sentence].tokens.start == h.start;
    // The named mutual connections, trimmed, empty ones left out: a loop, as the adapters for
    // it were 0.1 KiB of the gzipped wasm.
    let mutuals: &[String] = r.ctx.recipient.as_ref().map_or(&[], |rc| &rc.mutuals);
    for name in mutuals {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let mut text = crate::suggest::both_know(r, name);
        if capital {
            text = upper_first(&text);
        }
        f.fixes.push(fix(
            r,
            "unnamed-mutuals.fix",
            &[("text", &text)],
            span,
            text.clone(),
        ));
    }
    f
}

/// "we both know…" at the start of a sentence: "We both know…". Every language's wording
/// starts with an ASCII letter, and the wasm carries no Unicode case tables.
fn upper_first(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, rules};
    use crate::{ContextKind, Verdict};

    fn kinds(note: &str) -> Vec<ContextKind> {
        check(note).context.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn a_shared_group_says_how_not_why() {
        let report = check("Hi Ines, we're both members of the Rust in Production group.");
        assert_eq!(report.verdict, Verdict::Personal);
        assert!(rules(&report).contains(&"group-only"));
        assert!(report.checklist.how_we_know && !report.checklist.why_connect);
        let with_why = check("We're both members of the Rust in Production group. I'd like to connect so we can compare notes on tracing.");
        assert!(!rules(&with_why).contains(&"group-only"));
        assert!(with_why.checklist.why_connect);
    }

    #[test]
    fn a_named_contact_without_a_reason() {
        let report =
            check("I'd like to connect with you because my best friend Molly says I should.");
        assert_eq!(report.verdict, Verdict::Personal);
        assert!(rules(&report).contains(&"no-why"));
    }

    #[test]
    fn mutual_connections_nobody_named() {
        let report =
            check("I see we have some mutual connections, so I thought I'd reach out and connect.");
        assert_eq!(report.verdict, Verdict::Canned);
        assert!(rules(&report).contains(&"unnamed-mutuals"));
        let named = check("We have several contacts in common including Sam Ortiz, who says you run the best data team in Leeds.");
        assert!(!rules(&named).contains(&"unnamed-mutuals"));
    }

    /// One fix a person the page names; each puts that name where "mutual connections" was,
    /// in the note's language, and the note then says who both know.
    #[test]
    fn the_mutuals_the_page_names_are_the_fixes() {
        use crate::testing::{apply, to};
        let mut ctx = to("Joana Lima");
        ctx.recipient.as_mut().unwrap().mutuals = vec!["Marcos Souza".into(), "Ana Lima".into()];
        let note = "I see we have some mutual connections, so I thought I'd reach out and connect.";
        let report = crate::analyze(note, &ctx);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "unnamed-mutuals")
            .unwrap();
        let offered: Vec<_> = f.fixes.iter().map(|x| x.replacement.as_str()).collect();
        // The match starts at "I see", capitalised: so is what replaces it.
        assert_eq!(
            offered,
            ["We both know Marcos Souza", "We both know Ana Lima"]
        );
        assert_eq!(f.fixes[0].label, "Change to \"We both know Marcos Souza\"");
        let fixed = apply(note, &report, "unnamed-mutuals");
        assert_eq!(
            fixed,
            "We both know Marcos Souza, so I thought I'd reach out and connect."
        );
        let after = crate::analyze(&fixed, &ctx);
        assert!(after
            .context
            .iter()
            .any(|c| c.kind == ContextKind::MutualConnection));
        assert!(!rules(&after).contains(&"unnamed-mutuals"));

        for (note, fixed) in [
            (
                "Hi Joana, I see we have some mutual connections.",
                "Hi Joana, we both know Marcos Souza.",
            ),
            (
                "Olá Joana, temos 15 conexões em comum.",
                "Olá Joana, nós dois conhecemos Marcos Souza.",
            ),
            (
                "Hallo Joana, wir haben 12 gemeinsame Kontakte.",
                "Hallo Joana, wir kennen beide Marcos Souza.",
            ),
            (
                "Bonjour Joana, nous avons 8 relations en commun.",
                "Bonjour Joana, nous connaissons tous les deux Marcos Souza.",
            ),
            (
                "Hola Joana, tenemos 20 contactos en común.",
                "Hola Joana, los dos conocemos a Marcos Souza.",
            ),
        ] {
            let report = crate::analyze(note, &ctx);
            assert_eq!(apply(note, &report, "unnamed-mutuals"), fixed);
            let after = crate::analyze(fixed, &ctx);
            assert!(
                after
                    .context
                    .iter()
                    .any(|c| c.kind == ContextKind::MutualConnection),
                "{fixed}"
            );
        }
        // A page that names nobody offers no fix: there is no one to name.
        let report = crate::analyze(note, &to("Joana Lima"));
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "unnamed-mutuals")
            .unwrap();
        assert!(f.fixes.is_empty());
    }

    /// LinkedIn shows one thing both share; a note may name another they also share. That is not
    /// a contradiction, and the report says nothing more about it.
    #[test]
    fn a_different_shared_employer_is_not_a_contradiction() {
        use crate::testing::to;
        let note = "Hi Joana, we both worked at Acme on the checkout team. I'd love to catch up.";
        let plain = to("Joana Lima");
        let mut page = plain.clone();
        let r = page.recipient.as_mut().unwrap();
        r.shared_employer = Some("Globex".into());
        r.shared_school = Some("MIT".into());
        r.mutuals = vec!["Marcos Souza".into()];
        assert_eq!(crate::analyze(note, &page), crate::analyze(note, &plain));
    }

    #[test]
    fn a_pitch_or_a_job_request_with_no_reason() {
        let pitch = check("Our platform helps recruiters fill roles twice as fast. Do you have 15 minutes this week?");
        assert_eq!(pitch.verdict, Verdict::NeedsContext);
        assert!(rules(&pitch).contains(&"pitch-first"));
        let job = check("Hi, are you hiring?");
        assert!(rules(&job).contains(&"job-ask") && rules(&job).contains(&"missing-context"));
        let honest = check(
            "I'm a graduate looking for a junior analyst role in Bristol; my CV is on my profile.",
        );
        assert_eq!(
            honest.verdict,
            Verdict::Personal,
            "seed 002: honest intent is fine"
        );
        assert!(!rules(&honest).contains(&"job-ask"));
    }

    #[test]
    fn an_empty_note_says_where_to_start() {
        for note in ["", "   \n  "] {
            let report = check(note);
            assert_eq!(report.verdict, Verdict::NeedsContext);
            let f = report
                .findings
                .iter()
                .find(|f| f.rule == "missing-context")
                .unwrap();
            assert!(f.message.starts_with("Start with"), "{}", f.message);
        }
    }

    #[test]
    fn each_kind_of_context_is_seen() {
        use ContextKind::*;
        for (note, kind) in [
            (
                "Great talking with you at RustConf about embedded async.",
                Met,
            ),
            (
                "We worked together at Shopify on the checkout team.",
                WorkedTogether,
            ),
            (
                "We studied together at ETH, in the same robotics course.",
                StudiedTogether,
            ),
            (
                "Sara Lindqvist suggested I reach out to you.",
                MutualConnection,
            ),
            ("We are both members of the Leeds Data Guild.", SharedGroup),
            (
                "I read your article on event sourcing and tried it at work.",
                TheirWork,
            ),
            (
                "I wrote a checklist for that migration; happy to share it.",
                ValueOffer,
            ),
            (
                "It's been years since Acme! Would love to reconnect.",
                Reconnect,
            ),
            ("I share your passion for accessible maps.", SharedInterest),
            (
                "I'm looking for a junior data analyst role in Leeds.",
                IntentJob,
            ),
            (
                "We're hiring a staff engineer for our Lisbon office.",
                IntentHiring,
            ),
            (
                "Our platform helps sales teams book more meetings.",
                IntentSales,
            ),
            (
                "I'm moving into climate tech and would value your advice.",
                IntentAdvice,
            ),
            ("Nous nous sommes rencontrés au salon VivaTech.", Met),
            ("Wir haben bei Zalando zusammengearbeitet.", WorkedTogether),
            ("Leí tu artículo sobre pagos instantáneos.", TheirWork),
        ] {
            assert!(kinds(note).contains(&kind), "{note}: {:?}", kinds(note));
        }
    }

    #[test]
    fn a_slot_counts_as_what_it_stands_for() {
        let report = check("Hi [Name], great meeting you at [event]!");
        assert!(report.context.iter().any(|c| c.kind == ContextKind::Met));
        assert!(rules(&report).contains(&"placeholder"));
    }

    #[test]
    fn messages_follow_the_senders_language_whatever_the_notes() {
        let ctx = crate::Context {
            lang: Some("de-AT".into()),
            ..crate::Context::default()
        };
        let report = crate::analyze("Hi, are you hiring?", &ctx);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "missing-context")
            .unwrap();
        assert!(f.message.starts_with("Nichts hier"), "{}", f.message);
    }

    #[test]
    fn rules_can_be_turned_off() {
        let ctx = crate::Context {
            disabled_rules: vec!["job-ask".into()],
            ..crate::Context::default()
        };
        let report = crate::analyze("Hi, are you hiring?", &ctx);
        assert!(!rules(&report).contains(&"job-ask"));
        assert!(rules(&report).contains(&"missing-context"));
    }

    #[test]
    fn flattery_and_same_field_are_not_context() {
        let report = check("Hi Emily, I came across your profile and was impressed by your experience. I'm passionate about the same field and would love to connect.");
        assert_eq!(report.verdict, Verdict::NeedsContext);
        assert!(report.context.is_empty());
    }
}
