//! Uncanned reads a LinkedIn connection note the way its recipient will.
//!
//! [`analyze`] takes the note and what the page knows ([`Context`]) and returns a [`Report`]:
//! a verdict, a checklist, the context sentences it found and the findings, each with a span in
//! UTF-16 code units so that JavaScript can use it directly.

mod analyze;
mod data;
mod languages;
mod lexicon;
mod messages;
mod pattern;
mod phrases;
mod reading;
mod report;
pub mod rules;
mod snapshot;
mod suggest;
mod text;

#[cfg(test)]
mod testing;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analyze::analyze;
pub use report::{
    Checklist, Context, ContextHit, ContextKind, Finding, Fix, Length, Omitted, Recipient, Report,
    Severity, Span, Verdict,
};
pub use suggest::{suggest, Suggestion};
