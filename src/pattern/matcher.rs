//! Whether one pattern matches at one position, and how far: a backtracking walk over the items
//! that keeps the longest end, since a phrase list wants the whole phrase, not its first words.
//! The items are the flat codes of `syntax.rs`, read where they lie.

use super::set::PatternSet;
use super::syntax::{ALT, END, GAP, KIND, KIND_BITS, NAME, OPT, REQUIRED, WORD};
use crate::text::{Token, TokenKind};

const MAX_TYPOS: u8 = 2;

/// What is left to match once the current sequence ends: where the items after an option or
/// an alternative start, chained on the stack so that backtracking allocates nothing.
enum Cont<'a> {
    Done,
    Then(usize, &'a Cont<'a>),
}

struct Matcher<'t> {
    set: &'t PatternSet,
    code: &'t [u16],
    toks: &'t [Token<'t>],
    typos_ok: bool,
    /// Longest end reached, with the fewest typos for it.
    best: Option<(usize, u8)>,
}

impl Matcher<'_> {
    /// Matches the items from `code[at]` on, then `k`, from token `pos`.
    fn go(&mut self, at: usize, k: &Cont, pos: usize, typos: u8) {
        let code = self.code;
        let head = code[at];
        // How many codes follow the head.
        let size = (head >> KIND_BITS) as usize;
        match head & KIND {
            END => match k {
                Cont::Done => {
                    if self
                        .best
                        .is_none_or(|(e, t)| pos > e || (pos == e && typos < t))
                    {
                        self.best = Some((pos, typos));
                    }
                }
                Cont::Then(next, kk) => self.go(*next, kk, pos, typos),
            },
            WORD | REQUIRED => {
                let Some(tok) = self.toks.get(pos) else {
                    return;
                };
                let (alts, rest) = (&code[at + 1..at + 1 + size], at + 1 + size);
                if self.set.any_exact(alts, tok) {
                    self.go(rest, k, pos + 1, typos);
                } else if self.typos_ok && typos < MAX_TYPOS && self.set.any_typo(alts, tok) {
                    self.go(rest, k, pos + 1, typos + 1);
                }
            }
            OPT => {
                let rest = at + 1 + size;
                self.go(at + 1, &Cont::Then(rest, k), pos, typos);
                self.go(rest, k, pos, typos);
            }
            ALT => {
                let rest = at + 1 + size;
                let mut seq = at + 1;
                while seq < rest {
                    self.go(seq + 1, &Cont::Then(rest, k), pos, typos);
                    seq += 1 + code[seq] as usize;
                }
            }
            GAP => {
                let rest = at + 2;
                for skip in 0..=code[at + 1] as usize {
                    if pos + skip > self.toks.len() {
                        break;
                    }
                    self.go(rest, k, pos + skip, typos);
                }
            }
            NAME => {
                let rest = at + 1;
                let mut len = 0;
                while len < 3 && self.toks.get(pos + len).is_some_and(|t| t.name_like) {
                    len += 1;
                    self.go(rest, k, pos + len, typos);
                    // A slot stands for the whole name; a comma or a dash ends one.
                    let last = &self.toks[pos + len - 1];
                    if last.kind == TokenKind::Placeholder || last.break_after {
                        break;
                    }
                }
            }
            // ANY
            _ => {
                if pos < self.toks.len() {
                    self.go(at + 1, k, pos + 1, typos);
                }
            }
        }
    }
}

impl PatternSet {
    /// The end (exclusive) of the longest match of the items at `code[at]` starting at `toks[0]`.
    pub(super) fn match_len(&self, at: usize, toks: &[Token], typos_ok: bool) -> Option<usize> {
        let mut m = Matcher {
            set: self,
            code: self.code,
            toks,
            typos_ok,
            best: None,
        };
        m.go(at, &Cont::Done, 0, 0);
        m.best.map(|(end, _)| end).filter(|&e| e > 0)
    }
}

/// Optimal string alignment distance, capped: only "is it at most one edit" matters here.
pub(super) fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return within_one(a.as_bytes(), b.as_bytes());
    }
    // A character is one to four bytes, so words this far apart in bytes are more than one
    // letter apart: a pasted 100 KB word is rejected without collecting its characters.
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    if long > 4 * short + 4 {
        return false;
    }
    // By characters, without collecting them: the common start and end off, what is left of
    // each is at most two characters, one apart.
    let (mut a, mut b) = (a.chars(), b.chars());
    loop {
        let (x, y) = (a.clone().next(), b.clone().next());
        if x.is_none() || x != y {
            break;
        }
        a.next();
        b.next();
    }
    loop {
        let (x, y) = (a.clone().next_back(), b.clone().next_back());
        if x.is_none() || x != y {
            break;
        }
        a.next_back();
        b.next_back();
    }
    let (rest_a, rest_b) = (a.as_str(), b.as_str());
    match (rest_a.chars().count(), rest_b.chars().count()) {
        (0, 0) | (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => {
            let (mut x, mut y) = (rest_a.chars(), rest_b.chars());
            let (x0, x1, y0, y1) = (x.next(), x.next(), y.next(), y.next());
            x0 == y1 && x1 == y0
        }
        _ => false,
    }
}

pub(super) fn within_one<T: PartialEq>(a: &[T], b: &[T]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::{PatternSet, Words};
    use crate::text::{Note, UNKNOWN};

    fn finds(pattern: &str, text: &str) -> Option<(usize, usize)> {
        let mut words = Words::default();
        let source = format!("== t ~\n{pattern}\n").leak();
        let set = PatternSet::parse(source, &mut words).unwrap();
        let mut note = Note::new(text);
        // `Phrases::annotate` without the words it never takes for a name: none occur here.
        for t in &mut note.tokens {
            t.id = words.get(&t.norm).unwrap_or(UNKNOWN);
            t.name_like = t.kind == TokenKind::Placeholder || (t.cap && t.kind == TokenKind::Word);
        }
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
        // Swapped, dropped and changed letters in a script of two-byte characters.
        assert!(within_one_edit("контакт", "коннтакт"));
        assert!(within_one_edit("контакт", "конткат"));
        assert!(within_one_edit("контакт", "контукт"));
        assert!(!within_one_edit("контакт", "кантукт"));
        assert!(!within_one_edit("контакт", "ктнокат"));
    }
}
