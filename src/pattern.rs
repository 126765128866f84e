//! The small phrase language the data files in `src/phrases/` are written in.
//!
//! One pattern a line, words separated by spaces and written as they fold (lower case, no
//! accents, contractions spelled out: "i would", never "i'd"):
//!
//! | syntax        | matches                                              |
//! |---------------|------------------------------------------------------|
//! | `word`        | that word (with `~` on the section: one typo allowed) |
//! | `a\|b\|c`     | any one of the words                                 |
//! | `connect*`    | any word starting with "connect"                     |
//! | `[x y]`       | `x y`, or nothing                                    |
//! | `(x y \| z)`  | `x y` or `z`                                         |
//! | `...`         | up to four words of anything                         |
//! | `NAME`        | one to three capitalised words, or a template slot  |
//! | `*`           | any one word                                         |
//!
//! A file is split into sections by `== label` lines (`== label ~` allows typos). Lines starting
//! with `>` are examples the section must find, `!>` examples it must not; a unit test checks
//! every one, so a phrase and its test are added together.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::{fold, Token, TokenKind};

/// FNV-1a: the keys are short words, where SipHash's start-up cost dominates.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Every word the phrase lists mention, numbered, so matching compares numbers, not strings.
#[derive(Default)]
pub struct Words {
    ids: FastMap<String, u32>,
}

/// The id of a word no phrase list mentions.
pub const UNKNOWN: u32 = u32::MAX;

impl Words {
    pub fn intern(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// Gives each token its word id and decides once whether it could be part of a name.
    pub fn annotate(&self, tokens: &mut [Token]) {
        for t in tokens {
            t.id = self.ids.get(t.norm.as_str()).copied().unwrap_or(UNKNOWN);
            t.name_like = t.kind == TokenKind::Placeholder
                || (t.cap && t.kind == TokenKind::Word && !is_common_word(&t.norm));
        }
    }
}

#[derive(Debug, Clone)]
enum Item {
    Word(Vec<WordPat>),
    Opt(Vec<Item>),
    Alt(Vec<Vec<Item>>),
    Gap(usize),
    Name,
    Any,
}

#[derive(Debug, Clone)]
struct WordPat {
    text: String,
    id: u32,
    prefix: bool,
}

#[derive(Debug, Clone)]
pub struct Pattern {
    items: Vec<Item>,
    /// Words that must all be in a sentence for the pattern to match there (each group: any
    /// one of them), checked before the matcher runs.
    required: Vec<Vec<u32>>,
    /// Which section of its file the pattern came from.
    pub section: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub section: usize,
    /// Token indices `start..end`.
    pub start: usize,
    pub end: usize,
}

/// Words that start sentences or fill grammar: never taken for a name.
fn is_common_word(norm: &str) -> bool {
    matches!(
        norm,
        "i" | "we"
            | "you"
            | "he"
            | "she"
            | "they"
            | "it"
            | "the"
            | "a"
            | "an"
            | "my"
            | "your"
            | "our"
            | "his"
            | "her"
            | "their"
            | "this"
            | "that"
            | "these"
            | "those"
            | "and"
            | "but"
            | "or"
            | "so"
            | "also"
            | "hi"
            | "hello"
            | "hey"
            | "dear"
            | "please"
            | "thanks"
            | "thank"
            | "would"
            | "will"
            | "can"
            | "linkedin"
            | "if"
            | "when"
            | "since"
            | "because"
            | "as"
            | "in"
            | "on"
            | "at"
            | "of"
            | "to"
            | "for"
            | "with"
            | "who"
            | "what"
            | "how"
            | "why"
            | "there"
            | "here"
            | "let"
            | "us"
            | "me"
            | "him"
            | "them"
            | "is"
            | "are"
            | "was"
            | "were"
            | "do"
            | "did"
            | "have"
            | "has"
            | "just"
            | "not"
            | "one"
            | "all"
            | "both"
    )
}

fn is_name_like(t: &Token) -> bool {
    t.name_like
}

/// Optimal string alignment distance, capped: only "is it at most one edit" matters here.
fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return within_one(a.as_bytes(), b.as_bytes());
    }
    // A character is one to four bytes, so words this far apart in bytes are more than one
    // letter apart: a pasted 100 KB word is rejected without collecting its characters.
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    if long > 4 * short + 4 {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    within_one(&a, &b)
}

fn within_one<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (
        &a[..a.len() - suffix.min(a.len())],
        &b[..b.len() - suffix.min(b.len())],
    );
    match (a.len(), b.len()) {
        (0, 0) | (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => a[0] == b[1] && a[1] == b[0],
        _ => false,
    }
}

impl WordPat {
    fn exact(&self, tok: &Token) -> bool {
        if self.prefix {
            tok.kind != TokenKind::Placeholder && tok.norm.starts_with(&self.text)
        } else {
            tok.id == self.id
        }
    }

    /// One typo away.
    fn typo(&self, tok: &Token) -> bool {
        !self.prefix
            && tok.kind == TokenKind::Word
            && self.text.len() >= 5
            && within_one_edit(&tok.norm, &self.text)
    }
}

enum Cont<'a> {
    Done,
    Then(&'a [Item], &'a Cont<'a>),
}

struct Matcher<'t> {
    toks: &'t [Token],
    typos_ok: bool,
    /// Longest end reached, with the fewest typos for it.
    best: Option<(usize, u8)>,
}

const MAX_TYPOS: u8 = 2;
const GAP: usize = 4;

impl Matcher<'_> {
    fn go(&mut self, items: &[Item], k: &Cont, pos: usize, typos: u8) {
        let Some((first, rest)) = items.split_first() else {
            match k {
                Cont::Done => {
                    if self
                        .best
                        .is_none_or(|(e, t)| pos > e || (pos == e && typos < t))
                    {
                        self.best = Some((pos, typos));
                    }
                }
                Cont::Then(next, kk) => self.go(next, kk, pos, typos),
            }
            return;
        };
        match first {
            Item::Word(alts) => {
                let Some(tok) = self.toks.get(pos) else {
                    return;
                };
                if alts.iter().any(|w| w.exact(tok)) {
                    self.go(rest, k, pos + 1, typos);
                } else if self.typos_ok && typos < MAX_TYPOS && alts.iter().any(|w| w.typo(tok)) {
                    self.go(rest, k, pos + 1, typos + 1);
                }
            }
            Item::Opt(inner) => {
                self.go(inner, &Cont::Then(rest, k), pos, typos);
                self.go(rest, k, pos, typos);
            }
            Item::Alt(seqs) => {
                for seq in seqs {
                    self.go(seq, &Cont::Then(rest, k), pos, typos);
                }
            }
            Item::Gap(n) => {
                for skip in 0..=*n {
                    if pos + skip > self.toks.len() {
                        break;
                    }
                    self.go(rest, k, pos + skip, typos);
                }
            }
            Item::Name => {
                let mut len = 0;
                while len < 3 && self.toks.get(pos + len).is_some_and(is_name_like) {
                    len += 1;
                    self.go(rest, k, pos + len, typos);
                    if self.toks[pos + len - 1].kind == TokenKind::Placeholder {
                        break;
                    }
                }
            }
            Item::Any => {
                if pos < self.toks.len() {
                    self.go(rest, k, pos + 1, typos);
                }
            }
        }
    }
}

impl Pattern {
    /// The end (exclusive) of the longest match starting at `toks[0]`.
    fn match_len(&self, toks: &[Token], typos_ok: bool) -> Option<usize> {
        let mut m = Matcher {
            toks,
            typos_ok,
            best: None,
        };
        m.go(&self.items, &Cont::Done, 0, 0);
        m.best.map(|(end, _)| end).filter(|&e| e > 0)
    }

    /// Whether the pattern could start at `tok`, for the patterns not indexed by first word.
    fn may_start_at(&self, tok: &Token) -> bool {
        match self.items.first() {
            Some(Item::Name) => is_name_like(tok),
            Some(Item::Word(alts)) => alts.iter().any(|w| w.exact(tok)),
            _ => true,
        }
    }

    /// Words the pattern can start with; `None` when it can start with anything.
    fn first_words(&self) -> Option<Vec<String>> {
        fn firsts(items: &[Item], out: &mut Vec<String>) -> bool {
            let Some((first, rest)) = items.split_first() else {
                return false;
            };
            match first {
                Item::Word(alts) => {
                    for w in alts {
                        if w.prefix {
                            return false;
                        }
                        out.push(w.text.clone());
                    }
                    true
                }
                Item::Opt(inner) => firsts(inner, out) && firsts(rest, out),
                Item::Alt(seqs) => seqs.iter().all(|s| firsts(s, out)),
                Item::Gap(_) | Item::Name | Item::Any => false,
            }
        }
        let mut out = Vec::new();
        firsts(&self.items, &mut out).then_some(out)
    }
}

/// Parses one pattern line; errors name what is wrong for the data file's author.
fn parse(line: &str) -> Result<Vec<Item>, &'static str> {
    let words = lex(line);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut pos = 0;
    let items = parse_seq(&words, &mut pos)?;
    if pos != words.len() {
        return Err("unbalanced brackets");
    }
    if items.is_empty() {
        return Err("empty pattern");
    }
    Ok(items)
}

/// Splits a pattern into words and brackets. Directly inside `( )` a `|` separates sequences
/// (`(add you to|join)`); elsewhere it separates single words (`[on|in linkedin]`).
fn lex(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    for c in line.chars() {
        match c {
            '(' | '[' | ')' | ']' => {
                flush(&mut word, &mut out);
                if matches!(c, '(' | '[') {
                    open.push(c);
                } else {
                    open.pop();
                }
                out.push(c.to_string());
            }
            '|' if open.last() == Some(&'(') => {
                flush(&mut word, &mut out);
                out.push("||".into());
            }
            c if c.is_whitespace() => flush(&mut word, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    out
}

fn parse_seq(words: &[&str], pos: &mut usize) -> Result<Vec<Item>, &'static str> {
    let mut items = Vec::new();
    while let Some(&w) = words.get(*pos) {
        match w {
            "]" | ")" | "||" => break,
            "[" => {
                *pos += 1;
                let inner = parse_seq(words, pos)?;
                expect(words, pos, "]")?;
                items.push(Item::Opt(inner));
            }
            "(" => {
                *pos += 1;
                let mut seqs = vec![parse_seq(words, pos)?];
                while words.get(*pos) == Some(&"||") {
                    *pos += 1;
                    seqs.push(parse_seq(words, pos)?);
                }
                expect(words, pos, ")")?;
                items.push(Item::Alt(seqs));
            }
            "..." => {
                *pos += 1;
                items.push(Item::Gap(GAP));
            }
            "NAME" => {
                *pos += 1;
                items.push(Item::Name);
            }
            "*" => {
                *pos += 1;
                items.push(Item::Any);
            }
            _ => {
                *pos += 1;
                let alts = w
                    .split('|')
                    .filter(|a| !a.is_empty())
                    .map(|a| match a.strip_suffix('*') {
                        Some(stem) => WordPat {
                            text: fold(stem),
                            id: UNKNOWN,
                            prefix: true,
                        },
                        None => WordPat {
                            text: fold(a),
                            id: UNKNOWN,
                            prefix: false,
                        },
                    })
                    .collect();
                items.push(Item::Word(alts));
            }
        }
    }
    Ok(items)
}

fn expect(words: &[&str], pos: &mut usize, close: &'static str) -> Result<(), &'static str> {
    if words.get(*pos) == Some(&close) {
        *pos += 1;
        Ok(())
    } else {
        Err(if close == "]" {
            "expected ]"
        } else {
            "expected )"
        })
    }
}

/// What is wrong with a data file, and where. Kept free of formatting code: the files are
/// compiled in and tested, so this never reaches a user.
#[derive(Debug, PartialEq, Eq)]
pub struct DataError {
    pub line: usize,
    pub what: &'static str,
}

/// The patterns of one data file, indexed by the word they start with.
pub struct PatternSet {
    pub sections: Vec<Section>,
    patterns: Vec<Pattern>,
    /// Pattern indices by the id of a word they can start with.
    by_first: Vec<Vec<usize>>,
    anywhere: Vec<usize>,
}

/// The word groups a sentence must contain for `items` to match. With typos allowed, only
/// words too short to be misspelt are certain to appear as written.
fn required_words(items: &[Item], typos: bool) -> Vec<Vec<u32>> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Word(alts) if alts.len() <= 12 => alts
                .iter()
                .all(|w| !w.prefix && (!typos || w.text.len() < 5))
                .then(|| alts.iter().map(|w| w.id).collect()),
            _ => None,
        })
        .collect()
}

/// Which words a sentence has, as a small bit set: a false "present" only costs a match attempt.
struct Present([u64; 8]);

impl Present {
    fn of(toks: &[Token]) -> Self {
        let mut bits = [0u64; 8];
        for t in toks.iter().filter(|t| t.id != UNKNOWN) {
            bits[(t.id as usize / 64) % 8] |= 1 << (t.id % 64);
        }
        Present(bits)
    }

    fn has(&self, id: u32) -> bool {
        self.0[(id as usize / 64) % 8] & (1 << (id % 64)) != 0
    }
}

fn intern_items(items: &mut [Item], words: &mut Words) {
    for item in items {
        match item {
            Item::Word(alts) => {
                for w in alts.iter_mut().filter(|w| !w.prefix) {
                    w.id = words.intern(&w.text);
                }
            }
            Item::Opt(inner) => intern_items(inner, words),
            Item::Alt(seqs) => seqs.iter_mut().for_each(|s| intern_items(s, words)),
            Item::Gap(_) | Item::Name | Item::Any => {}
        }
    }
}

pub struct Section {
    pub label: String,
    pub typos: bool,
    /// Examples the section must find (`>`), and must not (`!>`), for the tests.
    pub examples: Vec<(bool, String)>,
}

impl PatternSet {
    /// Parses a data file. The files are compiled in, so a mistake is a bug caught by the tests.
    pub fn parse(source: &str, words: &mut Words) -> Result<Self, DataError> {
        let mut set = PatternSet {
            sections: Vec::new(),
            patterns: Vec::new(),
            by_first: Vec::new(),
            anywhere: Vec::new(),
        };
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            let at = |what: &'static str| DataError { line: n + 1, what };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(head) = line.strip_prefix("==") {
                let mut parts = head.split_whitespace();
                let label = parts.next().ok_or_else(|| at("section without a label"))?;
                let typos = parts.next() == Some("~");
                set.sections.push(Section {
                    label: label.to_string(),
                    typos,
                    examples: Vec::new(),
                });
                continue;
            }
            let section = set
                .sections
                .len()
                .checked_sub(1)
                .ok_or_else(|| at("pattern before any section"))?;
            if let Some(ex) = line.strip_prefix("!>") {
                set.sections[section]
                    .examples
                    .push((false, ex.trim().to_string()));
            } else if let Some(ex) = line.strip_prefix('>') {
                set.sections[section]
                    .examples
                    .push((true, ex.trim().to_string()));
            } else {
                let mut items = parse(line).map_err(at)?;
                intern_items(&mut items, words);
                let required = required_words(&items, set.sections[section].typos);
                let pattern = Pattern {
                    items,
                    required,
                    section,
                };
                let idx = set.patterns.len();
                match pattern.first_words() {
                    Some(first) => {
                        for w in first {
                            let id = words.intern(&w) as usize;
                            if set.by_first.len() <= id {
                                set.by_first.resize_with(id + 1, Vec::new);
                            }
                            let list = &mut set.by_first[id];
                            if list.last() != Some(&idx) {
                                list.push(idx);
                            }
                        }
                    }
                    None => set.anywhere.push(idx),
                }
                set.patterns.push(pattern);
            }
        }
        Ok(set)
    }

    pub fn section_index(&self, label: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.label == label)
    }

    /// Every longest match within `toks`, whose indices are offset by `base` in the result.
    /// Matches of one section do not overlap: after a match, the search goes on past its end.
    pub fn find(&self, toks: &[Token], base: usize) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        // How far each section's matches already reach, so one phrase is reported once.
        let mut reach = vec![0usize; self.sections.len()];
        let present = Present::of(toks);
        for pos in 0..toks.len() {
            let mut best: Option<Hit> = None;
            for idx in self.candidates(&toks[pos]) {
                let p = &self.patterns[idx];
                if !p
                    .required
                    .iter()
                    .all(|any| any.iter().any(|&id| present.has(id)))
                {
                    continue;
                }
                let typos = self.sections[p.section].typos;
                if let Some(len) = p.match_len(&toks[pos..], typos) {
                    let hit = Hit {
                        section: p.section,
                        start: base + pos,
                        end: base + pos + len,
                    };
                    if reach[p.section] < hit.end && best.is_none_or(|b| len > b.end - b.start) {
                        best = Some(hit);
                    }
                }
            }
            if let Some(hit) = best {
                reach[hit.section] = hit.end;
                hits.push(hit);
            }
        }
        hits
    }

    /// The longest match of `section` that starts exactly at `toks[0]`: its end, exclusive.
    pub fn match_at(&self, toks: &[Token], section: usize) -> Option<usize> {
        let first = toks.first()?;
        self.candidates(first)
            .filter(|&idx| self.patterns[idx].section == section)
            .filter_map(|idx| self.patterns[idx].match_len(toks, self.sections[section].typos))
            .max()
    }

    fn candidates<'s>(&'s self, tok: &'s Token) -> impl Iterator<Item = usize> + 's {
        let indexed = self
            .by_first
            .get(tok.id as usize)
            .into_iter()
            .flatten()
            .copied();
        let anywhere = self
            .anywhere
            .iter()
            .copied()
            .filter(move |&idx| self.patterns[idx].may_start_at(tok));
        indexed.chain(anywhere)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Note;

    fn finds(pattern: &str, text: &str) -> Option<(usize, usize)> {
        let mut words = Words::default();
        let set = PatternSet::parse(&format!("== t ~\n{pattern}\n"), &mut words).unwrap();
        let mut note = Note::new(text);
        words.annotate(&mut note.tokens);
        set.find(&note.tokens, 0).first().map(|h| (h.start, h.end))
    }

    #[test]
    fn words_options_and_alternatives() {
        let p = "i would like to (add you to|join) my [professional] network [on linkedin]";
        assert_eq!(
            finds(
                p,
                "I'd like to add you to my professional network on LinkedIn."
            ),
            Some((0, 12))
        );
        assert_eq!(finds(p, "Id like to join my network"), Some((0, 7)));
        assert_eq!(finds(p, "I would like to see my network"), None);
    }

    #[test]
    fn one_typo_in_a_long_word() {
        assert!(finds("my professional network", "my profesional netwrok").is_some());
        assert!(finds("my professional network", "my profesionl netwrk").is_none());
    }

    #[test]
    fn names_gaps_prefixes_and_slots() {
        assert_eq!(
            finds("friend NAME", "my best friend Molly Brown says"),
            Some((2, 5))
        );
        assert_eq!(finds("friend NAME", "my best friend says"), None);
        assert_eq!(
            finds("friend of NAME", "a friend of so-and-so's"),
            Some((1, 4))
        );
        assert!(finds(
            "sat next to ... bootcamp",
            "sat next to each other in the bootcamp"
        )
        .is_some());
        assert!(finds("connect* with you", "connecting with you").is_some());
        assert!(
            finds("meeting you at *", "meeting you at [event]").is_some(),
            "a slot stands for a word"
        );
        assert!(
            finds("meeting you at", "meeting [name] at").is_none(),
            "but not for a given word"
        );
    }

    #[test]
    fn malformed_patterns_are_reported() {
        let mut words = Words::default();
        assert!(PatternSet::parse("== a\nfoo [bar\n", &mut words).is_err());
        assert!(PatternSet::parse("foo\n", &mut words).is_err());
    }

    #[test]
    fn edit_distance() {
        assert!(within_one_edit("netwrok", "network"));
        assert!(within_one_edit("conect", "connect"));
        assert!(within_one_edit("professionl", "professional"));
        assert!(!within_one_edit("netwrk", "netwerk2"));
        assert!(!within_one_edit("abcdef", "abcxyz"));
        assert!(within_one_edit("netzwérk", "netzwerk"));
        assert!(within_one_edit("日本語", "日本"));
        assert!(within_one_edit("😀", ""));
        assert!(!within_one_edit("😀😀", ""));
        assert!(!within_one_edit(&"é".repeat(50_000), "netzwerk"));
    }
}
