//! A note as the rules see it: words folded for matching, sentences, and every position in both
//! bytes (for Rust) and UTF-16 code units (for JavaScript).
//!
//! Folding makes the phrase lists indifferent to how people type: any case, curly or straight
//! apostrophes, accents or none ("hinzufugen" = "hinzufügen"), "I'd" = "Id" = "I would".

use std::borrow::Cow;

use crate::pattern::Words;
use crate::Span;

/// The id of a word no phrase list mentions, which every token has until it is annotated.
pub const UNKNOWN: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A template slot left in: `[Name]`, `{{first_name}}`, `%COMPANY%`, "so-and-so"…
    Placeholder,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Lower-cased, accent-folded, apostrophes removed; for a placeholder, its inner word.
    /// A word written so, as most are, is borrowed from the note rather than copied.
    pub norm: Cow<'a, str>,
    pub kind: TokenKind,
    /// Byte range in the note. Tokens expanded from one contraction share it.
    pub start: usize,
    pub end: usize,
    pub start16: u32,
    pub end16: u32,
    /// Written with a capital first letter: a candidate for a name.
    pub cap: bool,
    /// The word's number in the phrase lists' vocabulary, set by `Phrases::annotate`.
    pub id: u32,
    /// Could be part of a name: capitalised and not a filler word, or a slot.
    pub name_like: bool,
    /// The word's class as written, set by `Phrases::annotate` with its id.
    pub class: Option<crate::lexicon::WordClass>,
    pub sentence: usize,
    /// Punctuation such as a comma, dash or colon stands between this token and the next.
    pub break_after: bool,
}

impl Token<'_> {
    pub fn span(&self) -> Span {
        Span::new(self.start16, self.end16)
    }

    pub fn is(&self, word: &str) -> bool {
        self.norm == word
    }
}

/// A sentence: a run of tokens ended by `.`, `!`, `?`, `…` or a line break.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token indices `first..last_excl`.
    pub tokens: std::ops::Range<usize>,
    /// Byte range from the first token to the sentence's closing punctuation.
    pub start: usize,
    pub end: usize,
}

pub struct Note<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Sentence>,
    pub len16: u32,
}

impl<'a> Note<'a> {
    /// The note as a vocabulary with no words would read it: a run of a script written
    /// without spaces is split as if it held no word the lists know.
    pub fn new(text: &'a str) -> Self {
        Scanner::new(text, None).run()
    }

    /// The note with each run of a script written without spaces split into the words of
    /// `words` (see [`is_spaceless`]).
    pub fn with_vocabulary(text: &'a str, words: &Words) -> Self {
        Scanner::new(text, Some(words)).run()
    }

    /// UTF-16 offset of a byte offset that lies on a character boundary.
    pub fn utf16_at(&self, byte: usize) -> u32 {
        // Token positions answer most queries without rescanning the text.
        let idx = self.tokens.partition_point(|t| t.end <= byte);
        let (from_byte, from16) = match idx.checked_sub(1).map(|i| &self.tokens[i]) {
            Some(t) => (t.end, t.end16),
            None => (0, 0),
        };
        from16 + utf16_len(self.text.get(from_byte..byte).unwrap_or(""))
    }

    pub fn span_of_bytes(&self, start: usize, end: usize) -> Span {
        Span::new(self.utf16_at(start), self.utf16_at(end))
    }

    /// The note's text between two tokens, inclusive, as written.
    pub fn source(&self, first: usize, last: usize) -> &'a str {
        let (start, end) = (self.tokens[first].start, self.tokens[last].end);
        self.text.get(start..end).unwrap_or("")
    }

    /// The token as the note writes it, before folding.
    pub fn written(&self, t: &Token) -> &'a str {
        self.text.get(t.start..t.end).unwrap_or("")
    }

    pub fn sentence_tokens(&self, s: usize) -> &[Token<'a>] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// Byte offset of the first character whose UTF-16 end exceeds `units`.
    pub fn byte_at_utf16(&self, units: u32) -> usize {
        let mut count = 0u32;
        for (i, c) in self.text.char_indices() {
            if count + c.len_utf16() as u32 > units {
                return i;
            }
            count += c.len_utf16() as u32;
        }
        self.text.len()
    }
}

pub fn utf16_len(s: &str) -> u32 {
    if s.is_ascii() {
        return s.len() as u32;
    }
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// `n` in decimal digits, for messages: formatting a number the standard way brings the
/// formatting machinery into the module, 0.3 KiB gzipped.
pub fn decimal(n: u32) -> String {
    let mut scale = 1;
    while n / scale >= 10 {
        scale *= 10;
    }
    let mut out = String::new();
    while scale > 0 {
        out.push(char::from(b'0' + (n / scale % 10) as u8));
        scale /= 10;
    }
    out
}

/// How many characters `s` holds, for strings of a few words: a byte filter is smaller in the
/// module than each call to the standard count, which reads a word at a time (84 B gzipped
/// for the three callers).
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`'
    )
}

/// Marks that sit on a letter and that a writer may leave out: Latin accents, Hebrew's vowel
/// points ("שָׁלוֹם" is "שלום"), and Arabic's short vowels and tanwin ("مرحباً" is "مرحبا").
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7 | 0x064B..=0x065F | 0x0670 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A sign inside a word of a script that writes vowels and tones as marks, which Unicode does
/// not call letters (the virama of "नमस्ते", a nukta, Thai's tone marks in "เชื่อมต่อ"):
/// without it the word would split. Those scripts' own stops are not ("।", "๚").
fn is_sign_inside_word(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
        && !matches!(
            c as u32,
            0x0964 | 0x0965 | 0x0E4F | 0x0E5A | 0x0E5B | 0x104A | 0x104B | 0x17D4..=0x17DA
        )
}

/// Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao, Myanmar
/// and Khmer. A run of their letters is split into the words the lists hold (Korean spaces
/// its words, so it is not among them).
// Asked of every letter of a word that is not plain ASCII: the first test, which every ASCII
// letter fails, is inlined, the rest is a call.
#[inline(always)]
pub(crate) fn is_spaceless(c: char) -> bool {
    // Latin, Greek, Cyrillic, Hebrew, Arabic and Indic letters all lie below Thai.
    c as u32 >= 0x0E00 && is_spaceless_from_thai_on(c)
}

fn is_spaceless_from_thai_on(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x30FF | 0x31F0..=0x31FF)
        || is_han(c)
}

/// A Han character is a word or a syllable of one, where the other scripts without spaces
/// spell a word in letters: a Han character no listed word covers stands alone, so that a
/// name or a place of two ("上海") counts as two words of the sender's, while a run of other
/// letters no listed word covers is one word.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3005 | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Whether a Thai or Lao vowel or tone mark, written on the letter before it, starts `rest`:
/// a listed word that a mark follows ends inside a longer word. Read as bytes, the marks'
/// UTF-8 being U+0E31, U+0E34 to U+0E3A, U+0E47 to U+0E4E and the same in Lao, 0x80 on.
fn starts_with_thai_or_lao_mark(rest: &[u8]) -> bool {
    matches!(
        rest,
        [0xE0, 0xB8 | 0xBA, 0xB1 | 0xB4..=0xBC, ..] | [0xE0, 0xB9 | 0xBB, 0x87..=0x8E, ..]
    )
}

/// The length in bytes of the longest listed word `run` starts with, or 0. No listed word is
/// longer than `Words::longest_spaceless`, so no more is tried.
fn listed_prefix(words: &Words, run: &str) -> usize {
    let mut end = run.len().min(words.longest_spaceless());
    while end > 0 {
        if run.is_char_boundary(end)
            && !starts_with_thai_or_lao_mark(&run.as_bytes()[end..])
            && run.get(..end).is_some_and(|word| words.get(word).is_some())
        {
            return end;
        }
        end -= 1;
    }
    0
}

fn is_word_char(c: char) -> bool {
    // Most of a note is ASCII, where the Unicode tables have nothing to add.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining(c) || is_sign_inside_word(c)
}

fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '\n' | '\u{2029}'
    )
}

/// Lower-cases and strips accents so phrase lists need one spelling per word.
pub fn fold_into(out: &mut String, word: &str) {
    for c in word.chars() {
        if !is_apostrophe(c) {
            fold_char_into(out, c);
        }
    }
}

fn fold_char_into(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining(c) {
        return;
    }
    match fold_char(lower(c)) {
        Folded::One(f) => out.push(f),
        Folded::Two(a, b) => {
            out.push(a);
            out.push(b);
        }
    }
}

/// Lower case for the scripts the phrase lists are written in (Latin, Greek, Cyrillic); other
/// characters pass unchanged. Unicode's full tables would add a tenth to the wasm for letters
/// no phrase list contains.
pub(crate) fn lower(c: char) -> char {
    let u = c as u32;
    let shifted = match u {
        0x00C0..=0x00DE if u != 0x00D7 => u + 0x20,
        // Latin Extended-A pairs its letters upper/lower, with the parity flipping twice.
        0x0100..=0x0137 | 0x014A..=0x0177 if u.is_multiple_of(2) => u + 1,
        0x0139..=0x0148 | 0x0179..=0x017E if u % 2 == 1 => u + 1,
        0x0178 => 0x00FF,
        0x0218..=0x021B if u.is_multiple_of(2) => u + 1,
        0x0386 => 0x03AC,
        0x0388..=0x038A => u + 37,
        0x038C => 0x03CC,
        0x038E..=0x038F => u + 63,
        0x0391..=0x03AB if u != 0x03A2 => u + 0x20,
        0x0400..=0x040F => u + 0x50,
        0x0410..=0x042F => u + 0x20,
        _ => u,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// A data file's word as it folds, borrowed when it is written folded already, as nearly every
/// word in the lists is: parsing them then allocates almost nothing.
pub fn folded(word: &'static str) -> std::borrow::Cow<'static, str> {
    let plain = word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'\'' && b != b'`');
    if plain {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(fold(word))
    }
}

pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(&mut s, word);
    s
}

enum Folded {
    One(char),
    Two(char, char),
}

fn fold_char(c: char) -> Folded {
    use Folded::*;
    One(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => return Two('s', 's'),
        'æ' => return Two('a', 'e'),
        'œ' => return Two('o', 'e'),
        // Arabic writers often leave out the hamza on an alef, or write a final yeh undotted.
        'أ' | 'إ' | 'آ' => 'ا',
        'ى' => 'ي',
        // Hyphen-like dashes inside a word ("so‐and‐so") fold to the ASCII hyphen.
        '\u{2010}' | '\u{2011}' => '-',
        other => other,
    })
}

/// Contractions that phrase lists write out in full, so "I'd", "Id" and "I would" match alike.
/// Looked up by first letter: every word of a note comes here, and a string `match` compares
/// arm by arm.
fn expansion(folded_with_apostrophe: &str) -> Option<&'static [&'static str]> {
    let w = folded_with_apostrophe;
    Some(match w.as_bytes().first()? {
        b'i' => match w {
            "i'd" | "id" => &["i", "would"],
            "i'm" | "im" => &["i", "am"],
            "i've" | "ive" => &["i", "have"],
            "i'll" => &["i", "will"],
            "it'd" => &["it", "would"],
            "it's" => &["it", "is"],
            "isn't" => &["is", "not"],
            _ => return None,
        },
        b'l' => match w {
            "let's" | "lets" => &["let", "us"],
            _ => return None,
        },
        b'w' => match w {
            "we're" => &["we", "are"],
            "we've" => &["we", "have"],
            "we'd" => &["we", "would"],
            "we'll" => &["we", "will"],
            "won't" => &["will", "not"],
            "wasn't" => &["was", "not"],
            "wanna" => &["want", "to"],
            _ => return None,
        },
        b'y' => match w {
            "you're" => &["you", "are"],
            "you'd" => &["you", "would"],
            "you'll" => &["you", "will"],
            "you've" => &["you", "have"],
            _ => return None,
        },
        b't' => match w {
            "that's" => &["that", "is"],
            "there's" => &["there", "is"],
            _ => return None,
        },
        b'd' => match w {
            "don't" | "dont" => &["do", "not"],
            "didn't" | "didnt" => &["did", "not"],
            _ => return None,
        },
        b'c' => match w {
            "can't" | "cant" => &["can", "not"],
            _ => return None,
        },
        b'g' => match w {
            "gonna" => &["going", "to"],
            _ => return None,
        },
        _ => return None,
    })
}

/// Titles and abbreviations whose period does not end a sentence.
fn is_abbreviation(norm: &str) -> bool {
    matches!(
        norm,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "st"
            | "jr"
            | "sr"
            | "sra"
            | "srta"
            | "eg"
            | "ie"
            | "etc"
            | "vs"
            | "inc"
            | "ltd"
            | "co"
            | "corp"
            | "no"
            | "approx"
            | "dept"
            | "mme"
            | "mlle"
            | "hr"
            | "fr"
    )
}

struct Scanner<'a, 'w> {
    text: &'a str,
    /// What a run of a script without spaces is split into.
    words: Option<&'w Words>,
    tokens: Vec<Token<'a>>,
    sentences: Vec<Sentence>,
    sentence_start_tok: usize,
    sentence_start_byte: Option<usize>,
    pos: usize,
    pos16: u32,
    scratch: String,
    /// Where the white space after the last line break looked at ends, so that a run of
    /// line breaks is scanned once rather than once a break.
    blank_end: usize,
}

impl<'a, 'w> Scanner<'a, 'w> {
    fn new(text: &'a str, words: Option<&'w Words>) -> Self {
        Scanner {
            text,
            words,
            tokens: Vec::with_capacity(text.len() / 5 + 1),
            sentences: Vec::new(),
            sentence_start_tok: 0,
            sentence_start_byte: None,
            pos: 0,
            pos16: 0,
            scratch: String::new(),
            blank_end: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        let b = *self.text.as_bytes().get(self.pos)?;
        if b.is_ascii() {
            return Some(b as char);
        }
        self.text.get(self.pos..)?.chars().next()
    }

    fn advance(&mut self, c: char) {
        self.pos += c.len_utf8();
        self.pos16 += c.len_utf16() as u32;
    }

    /// Moves to byte `to`, counting UTF-16 units on the way.
    fn advance_to(&mut self, to: usize) {
        self.pos16 += utf16_len(self.text.get(self.pos..to).unwrap_or(""));
        self.pos = to;
    }

    fn run(mut self) -> Note<'a> {
        while let Some(c) = self.peek() {
            let slot = opens_slot(c)
                .then(|| placeholder_end(self.text.get(self.pos..)?))
                .flatten();
            if let Some(end) = slot {
                let (start, start16) = (self.pos, self.pos16);
                self.advance_to(self.pos + end);
                let inner = placeholder_word(self.text.get(start..self.pos).unwrap_or(""));
                self.push(
                    Cow::Owned(inner),
                    TokenKind::Placeholder,
                    start,
                    start16,
                    false,
                );
            } else if is_word_char(c) {
                self.word(c);
            } else {
                self.punctuation(c);
                self.advance(c);
            }
        }
        self.close_sentence(self.text.len());
        Note {
            text: self.text,
            len16: self.pos16,
            tokens: self.tokens,
            sentences: self.sentences,
        }
    }

    /// The word that starts with `c`, or the words of a run of a script without spaces.
    fn word(&mut self, c: char) {
        let (start, start16) = (self.pos, self.pos16);
        let text: &'a str = self.text;
        let rest = text.get(self.pos..).unwrap_or("");
        // ASCII letters and digits, most of most words, are taken a byte at a time, with
        // whether any is a capital.
        let (mut ascii, mut upper) = (0, false);
        for &b in rest.as_bytes() {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            upper |= b.is_ascii_uppercase();
            ascii += 1;
        }
        // Most words are ASCII letters and digits that a space or a mark joining nothing
        // ends: those are taken, counted and folded without decoding a character.
        let plain = rest
            .as_bytes()
            .get(ascii)
            .is_none_or(|b| b.is_ascii() && !matches!(b, b'\'' | b'`' | b'-'));
        let end = if plain {
            ascii
        } else {
            let spaceless = is_spaceless(c);
            let end = word_end(rest, ascii, spaceless);
            if spaceless {
                self.spaceless(rest.get(..end).unwrap_or(""));
                return;
            }
            end
        };
        let raw = rest.get(..end).unwrap_or("");
        if plain {
            self.pos += end;
            self.pos16 += end as u32;
        } else {
            self.advance_to(start + end);
        }
        // "l'EDHEC", "d'Airbus": a name keeps its capital behind the article's elision.
        let elided = match raw.as_bytes() {
            [b'l' | b'd', b'\'', ..] => raw.get(2..),
            [b'l' | b'd', 0xE2, 0x80, 0x99, ..] => raw.get(4..),
            _ => None,
        };
        let cap = elided
            .unwrap_or(raw)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);

        // Written in lower case, a plain word is folded already.
        let lower = plain && !upper;
        self.scratch.clear();
        if lower {
            // Borrowed as it is.
        } else if plain || (raw.is_ascii() && !raw.bytes().any(|b| b == b'`')) {
            // An ASCII word folds to its lower case, a straight apostrophe staying as it is.
            self.scratch.push_str(raw);
            self.scratch.make_ascii_lowercase();
        } else {
            for c in raw.chars() {
                if is_apostrophe(c) {
                    self.scratch.push('\'');
                } else {
                    fold_char_into(&mut self.scratch, c);
                }
            }
        }
        if let Some(parts) = expansion(if lower { raw } else { &self.scratch }) {
            for &part in parts {
                self.push(Cow::Borrowed(part), TokenKind::Word, start, start16, cap);
            }
            return;
        }
        let norm = if lower {
            Cow::Borrowed(raw)
        } else if !plain && self.scratch.bytes().any(|b| b == b'\'') {
            Cow::Owned(self.scratch.chars().filter(|&c| c != '\'').collect())
        } else {
            Cow::Owned(self.scratch.clone())
        };
        let kind = if is_slot_word(&norm) {
            TokenKind::Placeholder
        } else if norm.bytes().all(|b| b.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        self.push(norm, kind, start, start16, cap);
    }

    /// A run of a script written without spaces, split into the listed words it holds,
    /// longest first from the left, and what no listed word covers (see [`is_han`]). These
    /// scripts have no case or accents to fold: each word is borrowed as written.
    // Out of the scan's loop, which most notes never need it in.
    #[cold]
    #[inline(never)]
    fn spaceless(&mut self, run: &'a str) {
        // Where the letters no listed word covers, not yet a token, start.
        let mut uncovered = None;
        let mut at = 0;
        while let Some(rest) = run.get(at..) {
            let Some(c) = rest.chars().next() else {
                break;
            };
            let listed = self.words.map_or(0, |w| listed_prefix(w, rest));
            let han = is_han(c);
            if let Some(from) = uncovered.filter(|_| listed > 0 || han) {
                self.piece(run.get(from..at).unwrap_or(""));
                uncovered = None;
            }
            let len = if listed > 0 || han {
                listed.max(c.len_utf8())
            } else {
                uncovered.get_or_insert(at);
                c.len_utf8()
            };
            if uncovered.is_none() {
                self.piece(run.get(at..at + len).unwrap_or(""));
            }
            at += len;
        }
        if let Some(from) = uncovered {
            self.piece(run.get(from..).unwrap_or(""));
        }
    }

    /// The word `raw`, which starts where the scan is, as a token of its own.
    fn piece(&mut self, raw: &'a str) {
        let (start, start16) = (self.pos, self.pos16);
        self.advance_to(start + raw.len());
        self.push(Cow::Borrowed(raw), TokenKind::Word, start, start16, false);
    }

    fn push(&mut self, norm: Cow<'a, str>, kind: TokenKind, start: usize, start16: u32, cap: bool) {
        if self.sentence_start_byte.is_none() {
            self.sentence_start_byte = Some(start);
        }
        self.tokens.push(Token {
            norm,
            kind,
            start,
            end: self.pos,
            start16,
            end16: self.pos16,
            cap,
            id: UNKNOWN,
            name_like: false,
            class: None,
            sentence: self.sentences.len(),
            break_after: false,
        });
    }

    fn punctuation(&mut self, c: char) {
        if c.is_whitespace() && c != '\n' && c != '\u{2029}' {
            return;
        }
        if ends_sentence(c) && !self.period_continues(c) && !self.line_continues(c) {
            self.close_sentence(self.pos + c.len_utf8());
            return;
        }
        if let Some(last) = self.tokens.last_mut() {
            if last.sentence == self.sentences.len() {
                last.break_after = true;
            }
        }
    }

    /// A line break inside a sentence, before a lower-case word, is only wrapping.
    fn line_continues(&mut self, c: char) -> bool {
        if c != '\n' {
            return false;
        }
        // The scan only moves forward: a later break in the same blank run ends where it does.
        let from = self.pos + 1;
        if from > self.blank_end {
            let rest = self.text.get(from..).unwrap_or("");
            self.blank_end = from + rest.len() - rest.trim_start().len();
        }
        self.text
            .get(self.blank_end..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_lowercase)
    }

    /// A period after an initial, a title, between digits or before a letter does not end the
    /// sentence.
    fn period_continues(&self, c: char) -> bool {
        if c != '.' {
            return false;
        }
        let Some(last) = self.tokens.last() else {
            return false;
        };
        if last.end != self.pos || last.sentence != self.sentences.len() {
            return false;
        }
        let next = self
            .text
            .get(self.pos + 1..)
            .and_then(|rest| rest.chars().next());
        (last.kind == TokenKind::Number && next.is_some_and(|n| n.is_ascii_digit()))
            // "github.com", "Node.js": an address or a name, not two sentences.
            || next.is_some_and(char::is_lowercase)
            || is_abbreviation(&last.norm)
            || (last.cap && char_count(&last.norm) == 1)
    }

    fn close_sentence(&mut self, end: usize) {
        let Some(start) = self.sentence_start_byte.take() else {
            return;
        };
        if let Some(last) = self.tokens.last_mut() {
            last.break_after = true;
        }
        self.sentences.push(Sentence {
            tokens: self.sentence_start_tok..self.tokens.len(),
            start,
            end,
        });
        self.sentence_start_tok = self.tokens.len();
    }
}

/// Where the word at the start of `rest` ends, its first `ascii` bytes being ASCII letters
/// and digits.
/// A word ends where a script written without spaces starts or stops ("LinkedInで"), which
/// no mark joins.
fn word_end(rest: &str, ascii: usize, spaceless: bool) -> usize {
    let mut prev_joiner = false;
    let mut iter = rest
        .get(ascii..)
        .unwrap_or("")
        .char_indices()
        .map(|(i, c)| (ascii + i, c))
        .peekable();
    while let Some((i, c)) = iter.next() {
        if is_word_char(c) {
            if is_spaceless(c) != spaceless {
                return i;
            }
            prev_joiner = false;
            continue;
        }
        // Apostrophes and hyphens join only when a letter follows: "I'd", "so-and-so".
        let joins = (is_apostrophe(c) || c == '-' || c == '\u{2010}')
            && !prev_joiner
            && !spaceless
            && iter
                .peek()
                .is_some_and(|&(_, n)| is_word_char(n) && !is_spaceless(n));
        if !joins {
            return i;
        }
        prev_joiner = true;
    }
    rest.len()
}

/// Words that are themselves template slots.
fn is_slot_word(norm: &str) -> bool {
    // Every word-made slot is hyphenated; the test spares the comparisons for other words.
    (norm.bytes().any(|b| b == b'-')
        && matches!(
            norm,
            "so-and-so" | "so-and-sos" | "such-and-such" | "name-of-city" | "name-of-company"
        ))
        || (norm.len() >= 3 && norm.bytes().all(|b| b == b'x'))
}

/// Whether a slot may start with `c`: checked at every word and mark of a note, most of which
/// start none.
fn opens_slot(c: char) -> bool {
    matches!(c, '{' | '[' | '<' | '%' | '_' | '#')
}

/// Length in bytes of a bracketed template slot at the start of `s`, if there is one.
#[inline(never)]
fn placeholder_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !opens_slot(char::from(*b.first()?)) {
        return None;
    }
    // Slots are short: looking further for the closing bracket would make a paste of
    // brackets quadratic. A template's square or angle brackets may hold a whole instruction
    // ("[something interesting about their career path]"); a program's braces hold a name.
    let long = matches!(b.first(), Some(b'[' | b'<'));
    let mut cut = s.len().min(if long { 88 } else { 48 });
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let s = s.get(..cut)?;
    let slot_ok = |inner: &str, allow_space: bool, allow_code: bool| {
        !inner.is_empty()
            && inner.len() <= if long { 80 } else { 40 }
            && inner.chars().any(char::is_alphabetic)
            && inner.chars().all(|c| {
                c.is_alphanumeric()
                    || matches!(c, '_' | '-' | '.' | '\'' | '/')
                    || (allow_space && c == ' ')
                    || (allow_code
                        && matches!(
                            c,
                            '(' | ')' | '[' | ']' | '|' | '"' | '?' | ':' | ',' | '+' | '!' | '='
                        ))
            })
    };
    let inner_ok = |inner: &str, allow_space: bool| slot_ok(inner, allow_space, false);
    // Braces hold a program's expression as often as a field: "{name.split()[0]}",
    // "${name || ''}".
    let code_ok = |inner: &str| slot_ok(inner, true, true);
    match b.first()? {
        b'{' => {
            if let Some(inner) = s.strip_prefix("{{") {
                let close = inner.as_bytes().windows(2).position(|w| w == b"}}")?;
                code_ok(inner.get(..close)?.trim()).then_some(close + 4)
            } else {
                let close = s.get(1..)?.find('}')?;
                let inner = s.get(1..1 + close)?;
                // "{0}", "{1}": a format string's numbered field.
                let numbered =
                    (1..=2).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit());
                (numbered || code_ok(inner)).then_some(close + 2)
            }
        }
        b'[' => {
            let close = s.get(1..)?.find(']')?;
            let inner = s.get(1..1 + close)?;
            // "[#] routes": a number to fill in.
            let number = matches!(inner, "#" | "##" | "###");
            (number || inner_ok(inner, true)).then_some(close + 2)
        }
        b'<' => {
            let close = s.get(1..)?.find('>')?;
            inner_ok(s.get(1..1 + close)?, true).then_some(close + 2)
        }
        b'%' => {
            let close = s.get(1..)?.find('%')?;
            let inner = s.get(1..1 + close)?;
            (inner_ok(inner, false) && inner.chars().all(|c| c.is_uppercase() || c == '_'))
                .then_some(close + 2)
        }
        b'_' => {
            let run = b.iter().take_while(|&&c| c == b'_').count();
            if run >= 3 {
                return Some(run);
            }
            // "_FN_", "__NAME__": a field some tools mark with underscores, in capitals.
            let body = b[run..]
                .iter()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || **c == b'_')
                .count();
            // Capitals running past where the search stops are no slot.
            let inner = s.get(run..run + body)?;
            let name = inner.trim_end_matches('_');
            let closed = inner.len() - name.len() == run;
            let ends_word = !s
                .get(run + body..)?
                .starts_with(|c: char| c.is_alphanumeric());
            (closed && name.len() >= 2 && name.bytes().any(|c| c.is_ascii_uppercase()) && ends_word)
                .then_some(run + body)
        }
        // "Hola #nombre, felicitaciones por #logro": a slot some tools mark with a hash, in
        // lower case, where a hashtag would usually be capitalised.
        b'#' => {
            let run: usize = s
                .get(1..)?
                .chars()
                .take_while(|&c| c.is_lowercase() || c == '_')
                .map(char::len_utf8)
                .sum();
            let ends_word = !s.get(1 + run..)?.starts_with(|c: char| c.is_alphanumeric());
            (run >= 3 && ends_word).then_some(run + 1)
        }
        _ => None,
    }
}

/// The word a slot stands for: `{{first_name}}` → "first_name".
fn placeholder_word(slot: &str) -> String {
    let inner =
        slot.trim_matches(|c: char| matches!(c, '{' | '}' | '[' | ']' | '<' | '>' | '%' | '#'));
    if inner.is_empty() {
        // "[#]": what is left is the number it stands for.
        return "number".into();
    }
    // "_FN_" is "fn", while a bare "___" keeps its underscores.
    let inner = match inner.trim_matches('_') {
        "" => inner,
        named => named,
    };
    fold(inner.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        Note::new(text)
            .tokens
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect()
    }

    #[test]
    fn decimals_and_character_counts_agree_with_the_standard_ones() {
        for n in [0, 7, 10, 99, 300, 1_000_000, u32::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
        for s in ["", "abc", "héllo", "👋🏽 hi", "مرحبا", "日本語"] {
            assert_eq!(char_count(s), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn a_word_keeps_its_signs_in_scripts_that_write_them() {
        // The virama of "नमस्ते" is no letter by Unicode's count, yet inside the word.
        assert_eq!(norms("नमस्ते दोस्त").len(), 2);
        // Arabic's short vowels and tanwin are optional: the word reads the same without.
        assert_eq!(norms("مرحباً"), norms("مرحبا"));
        // A danda is punctuation, not part of the word before it.
        assert_eq!(norms("धन्यवाद। नमस्ते").len(), 2);
        // Thai's vowel and tone marks stay inside the run of letters they are written in.
        assert_eq!(norms("ผมอยากเชื่อมต่อกับคุณ").len(), 1);
        assert_eq!(norms("สวัสดีครับ ขอบคุณ๚ ครับ").len(), 3);
        // Hebrew's vowel points are optional, as Arabic's are; the maqaf is a hyphen.
        assert_eq!(norms("שָׁלוֹם"), norms("שלום"));
        assert_eq!(norms("בית־ספר").len(), 2);
    }

    fn split(text: &str, listed: &[&'static str]) -> Vec<String> {
        let mut words = Words::default();
        for &w in listed {
            words.intern(Cow::Borrowed(w));
        }
        Note::with_vocabulary(text, &words)
            .tokens
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect()
    }

    #[test]
    fn a_run_without_spaces_is_split_into_the_listed_words_longest_first() {
        let listed = ["您好", "我", "想", "加", "加入", "で", "ผม", "ที่"];
        assert_eq!(
            split("您好我想加入上海", &listed),
            ["您好", "我", "想", "加入", "上", "海"],
            "a Han character no listed word covers is a word of its own"
        );
        // Kana and Thai spell words in letters: what no listed word covers is one word.
        assert_eq!(
            split("カンファレンスでお話し", &listed),
            ["カンファレンス", "で", "お", "話", "し"]
        );
        assert_eq!(
            split("ผมเป็นนักออกแบบที่กรุงเทพ", &listed),
            ["ผม", "เป็นนักออกแบบ", "ที่", "กรุงเทพ"]
        );
        // A listed word is not taken off a letter its vowel or tone mark sits on.
        assert_eq!(split("กับ", &["ก"]), ["กับ"]);
        // With no vocabulary, the same rules: every character is uncovered.
        assert_eq!(norms("您好"), ["您", "好"]);
        assert_eq!(norms("こんにちは"), ["こんにちは"]);
    }

    #[test]
    fn latin_inside_a_run_without_spaces_is_a_word_of_its_own() {
        let listed = ["で", "接続"];
        assert_eq!(
            split("LinkedInでつながり", &listed),
            ["linkedin", "で", "つながり"]
        );
        assert_eq!(norms("LinkedInで"), ["linkedin", "で"]);
        // A hyphen joins Latin words, not a Latin word to Han, nor Han characters.
        assert_eq!(split("Wi-Fi接続", &listed), ["wi-fi", "接続"]);
        assert_eq!(split("上海-北京", &listed), ["上", "海", "北", "京"]);
        // Korean spaces its words: a Hangul word stays whole, glued to Latin or not.
        assert_eq!(
            split("링크드인에서 LinkedIn에서", &listed),
            ["링크드인에서", "linkedin에서"]
        );
    }

    #[test]
    fn words_split_from_a_run_keep_utf16_offsets() {
        let text = "🎉您好🎉上海𠀀 x";
        let note = Note::with_vocabulary(text, &{
            let mut words = Words::default();
            words.intern(Cow::Borrowed("您好"));
            words
        });
        let spans: Vec<_> = note
            .tokens
            .iter()
            .map(|t| (&text[t.start..t.end], t.start16, t.end16))
            .collect();
        assert_eq!(
            spans,
            [
                ("您好", 2, 4),
                ("上", 6, 7),
                ("海", 7, 8),
                // Beyond the Basic Multilingual Plane: two UTF-16 units.
                ("𠀀", 8, 10),
                ("x", 11, 12),
            ]
        );
        assert_eq!(note.len16, 12);
    }

    #[test]
    fn contractions_expand_however_typed() {
        assert_eq!(norms("I’d like"), ["i", "would", "like"]);
        assert_eq!(norms("Id like"), ["i", "would", "like"]);
        assert_eq!(norms("I'd like"), ["i", "would", "like"]);
    }

    #[test]
    fn lower_case_agrees_with_unicode_for_the_scripts_it_covers() {
        let ranges = [0xC0..0x250u32, 0x370..0x400, 0x400..0x460];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut unicode = c.to_lowercase();
            if let (Some(l), None) = (unicode.next(), unicode.next()) {
                let ours = lower(c);
                // Ours may leave a rare letter alone, but never lower-cases it wrongly.
                assert!(ours == l || ours == c, "{c:?}: {ours:?} vs {l:?}");
            }
        }
        for (upper, l) in [
            ('Ł', 'ł'),
            ('Ș', 'ș'),
            ('Ç', 'ç'),
            ('Ω', 'ω'),
            ('Ж', 'ж'),
            ('Ё', 'ё'),
            ('Ğ', 'ğ'),
            ('Ź', 'ź'),
        ] {
            assert_eq!(lower(upper), l);
        }
    }

    #[test]
    fn accents_and_case_fold() {
        assert_eq!(
            norms("Hinzufügen ÉTÉ Straße"),
            ["hinzufugen", "ete", "strasse"]
        );
    }

    #[test]
    fn placeholders_are_single_tokens() {
        let note = Note::new("Hi [First Name], {{company}} %ROLE% <name> so-and-so XXX ____");
        let kinds: Vec<_> = note.tokens.iter().map(|t| (&*t.norm, t.kind)).collect();
        assert_eq!(kinds[1], ("first name", TokenKind::Placeholder));
        assert_eq!(kinds[2], ("company", TokenKind::Placeholder));
        assert_eq!(kinds[3], ("role", TokenKind::Placeholder));
        assert_eq!(kinds[4], ("name", TokenKind::Placeholder));
        assert_eq!(kinds[5], ("so-and-so", TokenKind::Placeholder));
        assert_eq!(kinds[6].1, TokenKind::Placeholder);
        assert_eq!(kinds[7].1, TokenKind::Placeholder);
        // A format string's numbered field is a slot; a number in braces of three digits is not.
        let note = Note::new("Merci {0} {1}, {2026}");
        let kinds: Vec<_> = note.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Word,
                TokenKind::Placeholder,
                TokenKind::Placeholder,
                TokenKind::Number
            ]
        );
    }

    #[test]
    fn a_number_to_fill_and_underscored_capitals_are_slots() {
        let slots = |text: &str| -> Vec<String> {
            Note::new(text)
                .tokens
                .into_iter()
                .filter(|t| t.kind == TokenKind::Placeholder)
                .map(|t| t.norm.into_owned())
                .collect()
        };
        assert_eq!(
            slots("Hi _FN_, [#] routes in __CITY__"),
            ["fn", "number", "city"]
        );
        // Words joined by underscores, a lone capital, an unclosed mark: prose.
        assert!(slots("my_var _A_ _FN and [1] __init__ _Fn_").is_empty());
        // Capitals running past where a slot's search stops: prose, read without a panic.
        let long = format!("Hi _{}_ there", "A".repeat(60));
        assert!(slots(&long).is_empty());
    }

    #[test]
    fn a_template_bracket_may_hold_a_whole_instruction_and_braces_a_name() {
        let slots = |text: &str| {
            Note::new(text)
                .tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Placeholder)
                .count()
        };
        assert_eq!(
            slots("I saw that you [something interesting about their career path]."),
            1
        );
        assert_eq!(
            slots("Hi <mention the reason you picked this person in one line>"),
            1
        );
        // Braces hold a program's name, never a sentence; nor does a bracket hold a paragraph.
        assert_eq!(slots("{something interesting about their career path}"), 0);
        let paragraph = format!("[{}]", "a long aside that goes on ".repeat(4));
        assert_eq!(slots(&paragraph), 0);
    }

    #[test]
    fn percent_and_angle_signs_in_prose_are_not_slots() {
        let note = Note::new("We grew 50% in 2023 and 3 < 4 here.");
        assert!(note.tokens.iter().all(|t| t.kind != TokenKind::Placeholder));
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        let note = Note::new(text);
        note.sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_end_at_punctuation_and_line_breaks_but_not_initials() {
        assert_eq!(
            sentence_texts("Dear Sir. I would like this!\n- Patricia\nRegards, K. Osei"),
            [
                "Dear Sir.",
                "I would like this!",
                "Patricia\n",
                "Regards, K. Osei"
            ]
        );
        // An address or a name with a dot in it is one sentence.
        assert_eq!(
            sentence_texts("I use Node.js. Ana https://github.com/ana"),
            ["I use Node.js.", "Ana https://github.com/ana"]
        );
    }

    #[test]
    fn a_run_of_blank_lines_wraps_or_breaks_as_one_line_break() {
        assert_eq!(
            sentence_texts("Hello\n\n\r\n  \nthere\n\n\nFriend.\n\nyes\r\n\r\nno\n\nNo"),
            [
                "Hello\n\n\r\n  \nthere\n",
                "Friend.",
                "yes\r\n\r\nno\n",
                "No"
            ]
        );
    }

    #[test]
    fn utf16_offsets_count_emoji_as_two() {
        let note = Note::new("🎉 hi 🎉 there");
        assert_eq!(note.tokens[0].start16, 3);
        assert_eq!(note.tokens[1].start16, 9);
        assert_eq!(note.len16, 14);
        assert_eq!(note.utf16_at(note.text.len()), 14);
        assert_eq!(note.byte_at_utf16(1), 0, "never inside a surrogate pair");
    }

    #[test]
    fn commas_mark_breaks() {
        let note = Note::new("Hi Sam, hope all is well");
        assert!(note.tokens[1].break_after);
        assert!(!note.tokens[0].break_after);
    }
}
