//! No input makes the engine panic, and every span it reports lies inside the note on a
//! character boundary, counted in UTF-16 units, so JavaScript can slice with it.

use proptest::prelude::*;
use uncanned::{analyze, Context, Recipient, Report};

fn assert_spans_sound(note: &str, report: &Report) {
    let units: Vec<u16> = note.encode_utf16().collect();
    let len = units.len() as u32;
    assert_eq!(report.length.used, len);
    // A boundary is never between the two halves of a surrogate pair.
    let on_boundary = |i: u32| i == len || !(0xDC00..=0xDFFF).contains(&units[i as usize]);
    let spans = report
        .findings
        .iter()
        .flat_map(|f| std::iter::once(f.span).chain(f.fixes.iter().map(|x| x.span)))
        .chain(report.context.iter().map(|c| c.span));
    for span in spans {
        assert!(
            span.start <= span.end && span.end <= len,
            "{span:?} outside a note of {len} units"
        );
        assert!(
            on_boundary(span.start) && on_boundary(span.end),
            "{span:?} splits a character"
        );
    }
}

fn any_context() -> impl Strategy<Value = Context> {
    (
        proptest::option::of(".{0,20}"),
        proptest::option::of(0u32..400),
        any::<bool>(),
    )
        .prop_map(|(name, limit, expecting)| Context {
            recipient: name.map(|n| Recipient {
                first_name: Some(n.clone()),
                full_name: Some(n),
                ..Recipient::default()
            }),
            limit,
            expecting,
            lang: Some("de".into()),
            ..Context::default()
        })
}

/// Text made of the pieces that trip up text handling.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("I'd like to add you to my professional network on LinkedIn. ".to_string()),
        Just("Hi [Name], great meeting you at {{event}}! ".to_string()),
        Just("🎉👩‍👩‍👧 ".to_string()),
        Just("e\u{301}\u{302} ".to_string()),
        Just("مرحبا، أود إضافتك إلى شبكتي ".to_string()),
        Just("\u{202E}\u{200F}\u{200D}\u{FEFF} ".to_string()),
        Just("\0\u{7}\r\n\t ".to_string()),
        Just("so-and-so's '' -- ‐‐ ... !!! ".to_string()),
        Just("Mr. K. Osei\n- Patricia ".to_string()),
        Just("conect definately ".to_string()),
        "\\PC{0,12}",
        ".{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_strings(note in any::<String>(), ctx in any_context()) {
        assert_spans_sound(&note, &analyze(&note, &ctx));
    }

    #[test]
    fn tricky_pieces(note in tricky_text(), ctx in any_context()) {
        assert_spans_sound(&note, &analyze(&note, &ctx));
    }
}

#[test]
fn a_100_kb_paste() {
    let paragraph = "Hi Sam 👋, I'd like to add you to my professional network on LinkedIn. \
                     We met at [event] and I definately want to conect. ";
    let note = paragraph.repeat(100_000 / paragraph.len() + 1);
    let report = analyze(
        &note,
        &Context {
            limit: Some(200),
            ..Context::default()
        },
    );
    assert_spans_sound(&note, &report);
    assert!(report.findings.iter().any(|f| f.rule == "over-limit"));
}

#[test]
fn a_100_kb_paste_without_any_break() {
    for note in [
        "a".repeat(100_000),
        "🎉".repeat(25_000),
        "[".repeat(100_000),
        "{{".repeat(50_000),
    ] {
        assert_spans_sound(&note, &analyze(&note, &Context::default()));
    }
}
