//! Checks the engine tests share: every span a report or a rewrite gives lies inside its text,
//! on a character boundary, counted in UTF-16 units, so JavaScript can slice with it.

use uncanned::{Report, Span};

/// `span` lies inside the text whose UTF-16 units are `units`, never between the two halves of
/// a surrogate pair; `what` names the span in the failure.
pub fn assert_span(units: &[u16], span: Span, what: &str) {
    let len = units.len() as u32;
    let on_boundary = |i: u32| i == len || !(0xDC00..=0xDFFF).contains(&units[i as usize]);
    assert!(
        span.start <= span.end && span.end <= len,
        "{what}: {span:?} outside {len} units"
    );
    assert!(
        on_boundary(span.start) && on_boundary(span.end),
        "{what}: {span:?} splits a character"
    );
}

/// Every span of `report` (findings, their fixes, context) is sound for `note`, and the length
/// it reports is the note's in UTF-16 units.
pub fn assert_report_sound(note: &str, report: &Report) {
    let units: Vec<u16> = note.encode_utf16().collect();
    assert_eq!(report.length.used as usize, units.len());
    for f in &report.findings {
        assert_span(&units, f.span, &f.rule);
        for x in &f.fixes {
            assert_span(&units, x.span, &f.rule);
        }
    }
    for c in &report.context {
        assert_span(&units, c.span, "context");
    }
}
