//! What a pattern line becomes, and what a match of it reports.

use std::borrow::Cow;

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

#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub(super) items: Vec<Item>,
    /// Words that must all be in a sentence for the pattern to match there (each group: any
    /// one of them), checked before the matcher runs.
    pub(super) required: Vec<Vec<u32>>,
    /// Which section of its file the pattern came from.
    pub(super) section: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub section: usize,
    /// Token indices `start..end`.
    pub start: usize,
    pub end: usize,
}
