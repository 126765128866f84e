//! Uncanned reads a LinkedIn connection note the way its recipient will.
//!
//! [`analyze`] takes the note and what the page knows ([`Context`]) and returns a [`Report`]:
//! a verdict, a checklist, the context sentences it found and the findings, each with a span in
//! UTF-16 code units so that JavaScript can use it directly.

mod report;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use report::{
    Checklist, Context, ContextHit, ContextKind, Finding, Fix, Length, Recipient, Report, Severity,
    Span, Verdict,
};

/// Reads `note` as its recipient would.
pub fn analyze(note: &str, ctx: &Context) -> Report {
    let used = note.encode_utf16().count() as u32;
    let limit = ctx.limit();
    Report {
        verdict: Verdict::NeedsContext,
        length: Length { used, limit },
        checklist: Checklist::default(),
        context: Vec::new(),
        findings: Vec::new(),
    }
}
