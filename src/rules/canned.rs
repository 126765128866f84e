//! `canned-default`: LinkedIn's own texts. `canned-generic`: requests that could go to anyone.
//!
//! Both are reported only on notes that are not personal: a stock closing line after a real
//! reason ("…I'd like to invite you to join my network") is how seed 002's good examples end.

use super::{finding, fix, whole_note};
use crate::pattern::Hit;
use crate::reading::Reading;
use crate::{Finding, Severity, Span, Verdict};

pub fn check(r: &Reading, verdict: Verdict, out: &mut Vec<Finding>) {
    if verdict == Verdict::Personal {
        return;
    }
    let p = r.phrases;
    let severity = if r.ctx.expecting {
        Severity::Hint
    } else {
        Severity::Error
    };
    let canned = |rule: &'static str, span: Span| {
        let key = if r.ctx.expecting {
            [rule, ".expecting"].concat()
        } else {
            rule.to_string()
        };
        finding(
            rule,
            severity,
            r.messages.get(&key, &[("who", &r.who())]),
            span,
        )
    };
    for hit in &r.stock {
        let rule = match hit.section {
            s if s == p.default => "canned-default",
            s if s == p.generic => "canned-generic",
            _ => continue,
        };
        let mut f = canned(rule, r.span(hit.start..hit.end));
        if r.opens_sentence(hit) {
            f.fixes.push(fix(
                r,
                &[rule, ".fix"].concat(),
                &[],
                removal(r, hit),
                String::new(),
            ));
        }
        out.push(f);
    }
    // A content-free note in words no phrase lists still gets said so, over the whole note.
    let reported = out.iter().any(|f| f.rule.starts_with("canned-"));
    if verdict == Verdict::Canned && !reported {
        out.push(canned("canned-generic", whole_note(r)));
    }
}

/// From the start of the stock text to the start of the next sentence, so that removing it
/// leaves neither a dangling full stop nor a double space; a greeting before it stays.
fn removal(r: &Reading, hit: &Hit) -> Span {
    let note = &r.note;
    let sentence = note.tokens[hit.start].sentence;
    let start = note.tokens[hit.start].start;
    let end = match note.sentences.get(sentence + 1) {
        Some(next) if hit.start == note.sentences[sentence].tokens.start => next.start,
        _ => {
            let end = note.sentences[sentence].end;
            let after = note.text.get(end..).unwrap_or("");
            end + after.len() - after.trim_start().len()
        }
    };
    note.span_of_bytes(start, end)
}

#[cfg(test)]
mod tests {
    use crate::testing::{apply, check, rules, slice, to};
    use crate::{analyze, Context, Severity, Verdict};

    #[test]
    fn linkedin_default_however_typed() {
        for note in [
            "I'd like to add you to my professional network on LinkedIn.",
            "I’d like to add you to my professional network on LinkedIn. – Dave",
            "I'D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON LINKEDIN",
            "I  would like to add you\nto my professional   network",
            "Hello, I'd like to add you to my profesional netwrok on Linkedin!",
            "Good morning Ana! I'd like to add you to my professional network on LinkedIn.\n\nBest regards,\nPatricia",
        ] {
            let report = check(note);
            assert_eq!(report.verdict, Verdict::Canned, "{note}");
            assert!(rules(&report).contains(&"canned-default"), "{note}: {:?}", rules(&report));
        }
    }

    #[test]
    fn linkedin_default_in_other_languages_with_greeting_and_sign_off() {
        for note in [
            "Hallo Jonas,\nich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.\nViele Grüße, Anna",
            "Bonjour, je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn. Cordialement, Luc",
            "Hola Ana, me gustaría añadirte a mi red profesional en LinkedIn. Saludos, Pedro",
            "Olá! Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
            "Ciao, vorrei aggiungerti alla mia rete professionale su LinkedIn.",
            "Hoi, ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
            "Hej! Jag vill gärna lägga till dig i mitt professionella nätverk på LinkedIn.",
            "Cześć, chciałabym dodać Cię do mojej sieci zawodowej na LinkedIn.",
            "Merhaba, sizi LinkedIn'deki profesyonel ağıma eklemek istiyorum.",
            "Saya ingin menambahkan Anda ke jaringan profesional saya di LinkedIn.",
        ] {
            let report = check(note);
            assert_eq!(report.verdict, Verdict::Canned, "{note}: {:?}", rules(&report));
            assert!(rules(&report).contains(&"canned-default"), "{note}");
        }
    }

    #[test]
    fn a_stock_opener_with_a_reason_in_the_same_sentence_is_read_for_its_reason() {
        let report = check(
            "I'd like to add you to my network because we both organise the Leeds Python meetup.",
        );
        assert_eq!(report.verdict, Verdict::Personal);
        assert!(!rules(&report).iter().any(|r| r.starts_with("canned-")));
    }

    #[test]
    fn a_greeting_with_the_right_name_does_not_make_the_default_personal() {
        let report = analyze(
            "Hi Maria, I'd like to add you to my professional network on LinkedIn.",
            &to("Maria Lopez"),
        );
        assert_eq!(report.verdict, Verdict::Canned);
        assert!(report.checklist.greets_by_name);
        assert!(!report.checklist.not_canned);
    }

    #[test]
    fn for_someone_who_expects_it_the_default_is_only_a_hint() {
        let ctx = Context {
            expecting: true,
            ..Context::default()
        };
        let report = analyze(
            "I'd like to add you to my professional network on LinkedIn.",
            &ctx,
        );
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "canned-default")
            .unwrap();
        assert_eq!(f.severity, Severity::Hint);
    }

    /// Each example of LinkedIn's texts and of generic requests in the phrase data is, on its
    /// own, a canned note: the pattern covers all of it, not just its start.
    #[test]
    fn phrase_data_examples_are_whole_canned_notes() {
        let p = crate::phrases::phrases();
        for section in [p.default, p.generic] {
            for (should, example) in &p.canned.sections[section].examples {
                if *should && !example.ends_with(':') {
                    let report = check(example);
                    assert_eq!(
                        report.verdict,
                        Verdict::Canned,
                        "{example}: {:?}",
                        rules(&report)
                    );
                }
            }
        }
    }

    #[test]
    fn generic_requests() {
        for note in [
            "Let's connect!",
            "Please accept my invitation.",
            "Would you like to join my network?",
            "I want to grow my network.",
        ] {
            let report = check(note);
            assert!(
                rules(&report).contains(&"canned-generic"),
                "{note}: {:?}",
                rules(&report)
            );
        }
    }

    #[test]
    fn the_fix_removes_the_canned_sentence_and_keeps_the_rest() {
        let note = "Hi Sam! I'd like to add you to my professional network on LinkedIn. Loved your talk on CRDTs.";
        // Personal notes get no canned finding, so check the fix on a canned one.
        let canned =
            "Hi Sam! I'd like to add you to my professional network on LinkedIn. Hope all is well.";
        let report = check(canned);
        assert_eq!(
            apply(canned, &report, "canned-default"),
            "Hi Sam! Hope all is well."
        );
        assert_eq!(check(note).verdict, Verdict::Personal);
    }

    #[test]
    fn stock_words_inside_a_sentence_of_ones_own_are_not_cut_out() {
        let note = "Hi Emily, I came across your profile and was impressed by your experience. I'm passionate about the same field and would love to connect.";
        let report = analyze(note, &to("Emily Chen"));
        let generic = report
            .findings
            .iter()
            .find(|f| slice(note, f.span).contains("love to connect"))
            .expect("the generic request is still pointed at");
        assert!(
            generic.fixes.is_empty(),
            "no removal that leaves half a sentence"
        );
    }

    #[test]
    fn spans_are_utf16_with_emoji_before() {
        let note = "🎉🎉 I'd like to add you to my professional network on LinkedIn.";
        let report = check(note);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "canned-default")
            .unwrap();
        assert_eq!(
            slice(note, f.span),
            "I'd like to add you to my professional network on LinkedIn"
        );
        assert_eq!(f.span.start, 5);
    }
}
