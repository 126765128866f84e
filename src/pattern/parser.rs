//! From a data file to a [`PatternSet`]: sections, examples and pattern lines.

use super::set::{Builder, PatternSet};
use super::syntax::{Item, WordPat};
use super::words::Words;
use crate::text::{folded, UNKNOWN};

/// How many words `...` may skip: enough for "each other in the", few enough that a gap does
/// not join two unrelated phrases.
const GAP: usize = 4;

/// What is wrong with a data file, and where. Kept free of formatting code: the files are
/// compiled in and tested, so this never reaches a user.
#[derive(Debug, PartialEq, Eq)]
pub struct DataError {
    pub line: usize,
    pub what: &'static str,
}

pub struct Section {
    pub label: &'static str,
    pub typos: bool,
    /// Where its patterns start in its set's code: a set's patterns lie in its sections' order.
    pub start: u16,
    /// Examples the section must find (`>`), and must not (`!>`), for the tests.
    pub examples: Vec<(bool, String)>,
}

impl PatternSet {
    /// Parses a data file. The files are compiled in, so a mistake is a bug caught by the tests.
    pub fn parse(source: &'static str, words: &mut Words) -> Result<Self, DataError> {
        Ok(Builder::parse(source, words)?.finish(words))
    }
}

impl Builder {
    /// The set of a data file, laid out.
    pub fn parse(source: &'static str, words: &mut Words) -> Result<Self, DataError> {
        let mut set = Builder::default();
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
                set.open_section(label, typos);
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
                let mut items = parse_line(line).map_err(at)?;
                intern_items(&mut items, words);
                set.add(&items, section);
            }
        }
        Ok(set)
    }
}

/// Parses one pattern line; errors name what is wrong for the data file's author.
fn parse_line(line: &'static str) -> Result<Vec<Item>, &'static str> {
    let words = lex(line);
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
fn lex(line: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut open: Vec<char> = Vec::new();
    // Where the word being read started, as a byte offset into `line`.
    let mut word: Option<usize> = None;
    let flush = |word: &mut Option<usize>, end: usize, out: &mut Vec<&'static str>| {
        if let Some(start) = word.take() {
            out.push(&line[start..end]);
        }
    };
    for (i, c) in line.char_indices() {
        match c {
            '(' | '[' | ')' | ']' => {
                flush(&mut word, i, &mut out);
                if matches!(c, '(' | '[') {
                    open.push(c);
                } else {
                    open.pop();
                }
                out.push(&line[i..i + 1]);
            }
            '|' if open.last() == Some(&'(') => {
                flush(&mut word, i, &mut out);
                out.push("||");
            }
            c if c.is_whitespace() => flush(&mut word, i, &mut out),
            _ => {
                word.get_or_insert(i);
            }
        }
    }
    flush(&mut word, line.len(), &mut out);
    out
}

fn parse_seq(words: &[&'static str], pos: &mut usize) -> Result<Vec<Item>, &'static str> {
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
                items.push(alternatives(seqs));
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
                            text: folded(stem),
                            id: UNKNOWN,
                            prefix: true,
                        },
                        None => WordPat {
                            text: folded(a),
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

/// `(post|article|talk …)`: the one-word choices become a single word item, tried in one step
/// instead of one backtracking branch each; a match reaches as far either way.
fn alternatives(seqs: Vec<Vec<Item>>) -> Item {
    let mut words = Vec::new();
    let mut longer = Vec::new();
    for mut seq in seqs {
        match seq.as_mut_slice() {
            [Item::Word(alts)] => words.append(alts),
            _ => longer.push(seq),
        }
    }
    if words.is_empty() {
        return Item::Alt(longer);
    }
    if longer.is_empty() {
        return Item::Word(words);
    }
    longer.insert(0, vec![Item::Word(words)]);
    Item::Alt(longer)
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

fn intern_items(items: &mut [Item], words: &mut Words) {
    for item in items {
        match item {
            Item::Word(alts) => {
                for w in alts.iter_mut().filter(|w| !w.prefix) {
                    w.id = words.intern(w.text.clone());
                }
            }
            Item::Opt(inner) => intern_items(inner, words),
            Item::Alt(seqs) => seqs.iter_mut().for_each(|s| intern_items(s, words)),
            Item::Gap(_) | Item::Name | Item::Any => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_patterns_are_reported() {
        let mut words = Words::default();
        assert!(PatternSet::parse("== a\nfoo [bar\n", &mut words).is_err());
        assert!(PatternSet::parse("foo\n", &mut words).is_err());
    }
}
