//! `misspelling`: common misspellings from a compact list, each with its correction.

use super::{finding, fix};
use crate::reading::Reading;
use crate::text::{Token, TokenKind};
use crate::Verdict;
use crate::{Finding, Severity};

pub fn check(r: &Reading, _verdict: Verdict, out: &mut Vec<Finding>) {
    for t in r.tokens().iter().filter(|t| t.kind == TokenKind::Word) {
        let Some(right) = r.phrases.correction(t) else {
            continue;
        };
        out.push(misspelling(r, t, right));
    }
}

// Out of line: most notes are spelt right, and the first analysis then need not compile this.
#[inline(never)]
fn misspelling(r: &Reading, t: &Token, right: &str) -> Finding {
    let written = r.note.written(t);
    let right = same_case(written, right);
    let message = r
        .messages
        .get("misspelling", &[("word", written), ("right", &right)]);
    let mut f = finding("misspelling", Severity::Warning, message, t.span());
    f.fixes.push(fix(
        r,
        "misspelling.fix",
        &[("right", &right)],
        t.span(),
        right.clone(),
    ));
    f
}

/// The correction in the case the word was written in: "Definately" → "Definitely".
/// Corrections are ASCII, which keeps Unicode's case tables out of the wasm.
fn same_case(written: &str, right: &str) -> String {
    if right.bytes().any(|b| b.is_ascii_uppercase()) {
        return right.to_string();
    }
    let mut letters = written.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let all_upper =
        first_upper && crate::text::char_count(written) > 1 && letters.all(char::is_uppercase);
    let mut out = right.to_string();
    if all_upper {
        out.make_ascii_uppercase();
    } else if let Some(first) = out.get_mut(..1).filter(|_| first_upper) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::same_case;

    #[test]
    fn keeps_the_case_it_replaces() {
        assert_eq!(same_case("definately", "definitely"), "definitely");
        assert_eq!(same_case("Definately", "definitely"), "Definitely");
        assert_eq!(same_case("CONECT", "connect"), "CONNECT");
        assert_eq!(same_case("linkdin", "LinkedIn"), "LinkedIn");
    }
}

#[cfg(test)]
mod spelling_tests {
    use crate::testing::{apply, check, rules};

    #[test]
    fn seed_004_check_your_spelling() {
        let note = "Hi Rosa, I really enjoyed your webinar. I'd love to conect. Definately!";
        let report = check(note);
        assert_eq!(
            rules(&report)
                .iter()
                .filter(|r| **r == "misspelling")
                .count(),
            2
        );
        assert!(!report.checklist.spelling_ok);
        assert_eq!(
            apply(note, &report, "misspelling"),
            "Hi Rosa, I really enjoyed your webinar. I'd love to connect. Definately!"
        );
    }

    #[test]
    fn correct_words_pass() {
        assert!(
            check("I'd love to connect; definitely worth it.")
                .checklist
                .spelling_ok
        );
    }
}
