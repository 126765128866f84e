//! No input makes the engine panic, and every span it reports lies inside the note on a
//! character boundary, counted in UTF-16 units, so JavaScript can slice with it.

mod common;

use common::assert_report_sound;
use proptest::prelude::*;
use uncanned::{analyze, suggest, Context, Recipient};

fn any_context() -> impl Strategy<Value = Context> {
    (
        proptest::option::of(".{0,20}"),
        proptest::option::of(0u32..400),
        any::<bool>(),
        // What a page beside the dialog might show: names, a school, a post title, any text.
        proptest::collection::vec(".{0,30}", 0..3),
        proptest::option::of(".{0,80}"),
        proptest::collection::vec(".{0,200}", 0..2),
    )
        .prop_map(|(name, limit, expecting, mutuals, school, posts)| Context {
            recipient: name.map(|n| Recipient {
                first_name: Some(n.clone()),
                full_name: Some(n),
                mutuals,
                shared_school: school.clone(),
                shared_group: school,
                about: posts.first().cloned(),
                posts,
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
        assert_report_sound(&note, &analyze(&note, &ctx));
    }

    #[test]
    fn tricky_pieces(note in tricky_text(), ctx in any_context()) {
        assert_report_sound(&note, &analyze(&note, &ctx));
    }

    /// Whatever the page shows (brackets in a post title, a name of emoji), a rewrite's slots are
    /// the `[…]` in its text, at UTF-16 offsets.
    #[test]
    fn rewrites_with_any_page_facts(note in tricky_text(), ctx in any_context()) {
        for s in suggest(&note, &ctx) {
            let units: Vec<u16> = s.text.encode_utf16().collect();
            for span in &s.slots {
                let slot = String::from_utf16(&units[span.start as usize..span.end as usize]);
                let slot = slot.expect("slot on character boundaries");
                prop_assert!(slot.starts_with('[') && slot.ends_with(']'), "{slot}");
            }
        }
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
    assert_report_sound(&note, &report);
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
        assert_report_sound(&note, &analyze(&note, &Context::default()));
    }
}
