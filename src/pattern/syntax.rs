//! What a pattern line becomes, and what a match of it reports.

use std::borrow::Cow;

/// A pattern line as the parser reads it; `set.rs` lays it out flat for the matcher.
#[derive(Debug, Clone)]
pub(super) enum Item {
    Word(Vec<WordPat>),
    Opt(Vec<Item>),
    Alt(Vec<Vec<Item>>),
    Gap(usize),
    Name,
    Any,
}

#[derive(Debug, Clone)]
pub(super) struct WordPat {
    /// As written in the data file when that is already folded, which it nearly always is.
    pub(super) text: Cow<'static, str>,
    /// The interned id of `text`; a prefix keeps `UNKNOWN` and is compared as text, since the
    /// words it stands for need not be in any list.
    pub(super) id: u32,
    pub(super) prefix: bool,
}

/// The codes of the flat form. A pattern is `[items…, END]` (its section is the one whose
/// `start` it lies after); an item starts with a head, its kind in the low `KIND_BITS` and,
/// above them, how many codes follow it:
/// - `WORD` (or `REQUIRED`, a word the pattern cannot do without, so that a sentence without
///   any of its alternatives is passed over): the alternatives, each `id << ID_SHIFT | flags`,
///   a `PREFIX` followed by its offset and length in the set's text;
/// - `OPT`: its items and `END`; `ALT`: its sequences, each its size, its items and `END`;
/// - `GAP`: the most words it skips; `NAME`, `ANY`: nothing.
pub(super) const END: u16 = 0;
pub(super) const WORD: u16 = 1;
pub(super) const OPT: u16 = 2;
pub(super) const ALT: u16 = 3;
pub(super) const GAP: u16 = 4;
pub(super) const NAME: u16 = 5;
pub(super) const ANY: u16 = 6;
pub(super) const REQUIRED: u16 = 7;
pub(super) const KIND_BITS: u16 = 3;
pub(super) const KIND: u16 = (1 << KIND_BITS) - 1;
/// An alternative that is a prefix, compared as text: its place in the set's text follows.
pub(super) const PREFIX: u16 = 1;
/// An alternative a typo may change, a word long enough in a section that allows them.
pub(super) const TYPO: u16 = 2;
pub(super) const ID_SHIFT: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub section: usize,
    /// Token indices `start..end`.
    pub start: usize,
    pub end: usize,
}
