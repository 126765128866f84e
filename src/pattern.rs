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

use crate::text::{fold, Token, TokenKind};

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
    prefix: bool,
}

#[derive(Debug, Clone)]
pub struct Pattern {
    items: Vec<Item>,
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
    t.kind == TokenKind::Placeholder
        || (t.cap && t.kind == TokenKind::Word && !is_common_word(&t.norm))
}

/// Optimal string alignment distance, capped: only "is it at most one edit" matters here.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
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
    /// Exact or prefix match; `Some(true)` when it took a typo to match.
    fn matches(&self, tok: &Token, typos_ok: bool) -> Option<bool> {
        if tok.kind == TokenKind::Placeholder {
            return None;
        }
        if self.prefix {
            return tok.norm.starts_with(&self.text).then_some(false);
        }
        if tok.norm == self.text {
            return Some(false);
        }
        (typos_ok && self.text.len() >= 5 && within_one_edit(&tok.norm, &self.text)).then_some(true)
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
                let mut typo_needed = None;
                for w in alts {
                    match w.matches(tok, self.typos_ok) {
                        Some(false) => return self.go(rest, k, pos + 1, typos),
                        Some(true) => typo_needed = Some(true),
                        None => {}
                    }
                }
                if typo_needed.is_some() && typos < MAX_TYPOS {
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
fn parse(line: &str) -> Result<Vec<Item>, String> {
    let words = lex(line);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut pos = 0;
    let items = parse_seq(&words, &mut pos)?;
    if pos != words.len() {
        return Err(format!("unbalanced brackets in {line:?}"));
    }
    if items.is_empty() {
        return Err("empty pattern".into());
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

fn parse_seq(words: &[&str], pos: &mut usize) -> Result<Vec<Item>, String> {
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
                            prefix: true,
                        },
                        None => WordPat {
                            text: fold(a),
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

fn expect(words: &[&str], pos: &mut usize, close: &str) -> Result<(), String> {
    if words.get(*pos) == Some(&close) {
        *pos += 1;
        Ok(())
    } else {
        Err(format!("expected {close:?}"))
    }
}

/// The patterns of one data file, indexed by the word they start with.
pub struct PatternSet {
    pub sections: Vec<Section>,
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
    anywhere: Vec<usize>,
}

pub struct Section {
    pub label: String,
    pub typos: bool,
    /// Examples the section must find (`>`), and must not (`!>`), for the tests.
    pub examples: Vec<(bool, String)>,
}

impl PatternSet {
    /// Parses a data file. The files are compiled in, so a mistake is a bug caught by the tests.
    pub fn parse(source: &str) -> Result<Self, String> {
        let mut set = PatternSet {
            sections: Vec::new(),
            patterns: Vec::new(),
            by_first: HashMap::new(),
            anywhere: Vec::new(),
        };
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            let at = |e: String| format!("line {}: {e}", n + 1);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(head) = line.strip_prefix("==") {
                let mut parts = head.split_whitespace();
                let label = parts
                    .next()
                    .ok_or_else(|| at("section without a label".into()))?;
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
                .ok_or_else(|| at("pattern before any section".into()))?;
            if let Some(ex) = line.strip_prefix("!>") {
                set.sections[section]
                    .examples
                    .push((false, ex.trim().to_string()));
            } else if let Some(ex) = line.strip_prefix('>') {
                set.sections[section]
                    .examples
                    .push((true, ex.trim().to_string()));
            } else {
                let pattern = Pattern {
                    items: parse(line).map_err(at)?,
                    section,
                };
                let idx = set.patterns.len();
                match pattern.first_words() {
                    Some(words) => {
                        for w in words {
                            let list = set.by_first.entry(w).or_default();
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
        for pos in 0..toks.len() {
            let candidates = self.by_first.get(toks[pos].norm.as_str());
            let candidates = candidates.into_iter().flatten().chain(&self.anywhere);
            let mut best: Option<Hit> = None;
            for &idx in candidates {
                let p = &self.patterns[idx];
                let typos = self.sections[p.section].typos;
                if let Some(len) = p.match_len(&toks[pos..], typos) {
                    let hit = Hit {
                        section: p.section,
                        start: base + pos,
                        end: base + pos + len,
                    };
                    let covered = hits
                        .iter()
                        .any(|h| h.section == hit.section && h.end >= hit.end);
                    if !covered && best.is_none_or(|b| len > b.end - b.start) {
                        best = Some(hit);
                    }
                }
            }
            hits.extend(best);
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Note;

    fn finds(pattern: &str, text: &str) -> Option<(usize, usize)> {
        let set = PatternSet::parse(&format!("== t ~\n{pattern}\n")).unwrap();
        let note = Note::new(text);
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
        assert!(PatternSet::parse("== a\nfoo [bar\n").is_err());
        assert!(PatternSet::parse("foo\n").is_err());
    }

    #[test]
    fn edit_distance() {
        assert!(within_one_edit("netwrok", "network"));
        assert!(within_one_edit("conect", "connect"));
        assert!(within_one_edit("professionl", "professional"));
        assert!(!within_one_edit("netwrk", "netwerk2"));
        assert!(!within_one_edit("abcdef", "abcxyz"));
    }
}
