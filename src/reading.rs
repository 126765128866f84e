//! One pass over the note that every rule then reads from: the phrase matches, the greeting,
//! the sign-off, and which words are stock.

use std::ops::Range;

use crate::messages::{catalogue, Catalogue};
use crate::pattern::Hit;
use crate::phrases::{phrases, Phrases};
use crate::text::{fold, Note, Token, TokenKind};
use crate::{Context, ContextKind, Span};

pub struct Greeting {
    /// Tokens of the whole greeting, "Hi Mr. Smith".
    pub tokens: Range<usize>,
    /// The greeted name, if any.
    pub name: Option<Range<usize>>,
    /// Addressed by title and (presumably) surname: "Dear Dr. Okafor".
    pub titled: bool,
    /// A mass greeting: "Dear Sir/Madam".
    pub mass: bool,
}

/// A context cue that counts: found in the note, not inside a text LinkedIn wrote.
#[derive(Clone, Copy)]
pub struct Cue {
    pub kind: ContextKind,
    pub hit: Hit,
}

pub struct Reading<'a> {
    pub note: Note<'a>,
    pub ctx: &'a Context,
    pub phrases: &'static Phrases,
    /// The sender's language for messages.
    pub messages: &'static Catalogue,
    /// Matches from `canned.txt` that are stock as written (a default followed by a reason is not).
    pub stock: Vec<Hit>,
    pub cues: Vec<Cue>,
    /// Matches of the helper sections of `context.txt` (purpose, job-ask).
    pub helpers: Vec<Hit>,
    pub greeting: Option<Greeting>,
    /// Tokens of a closing line: "Cheers, Jo", "- Patricia".
    pub closing: Option<Range<usize>>,
}

impl<'a> Reading<'a> {
    pub fn new(text: &'a str, ctx: &'a Context) -> Self {
        let mut note = Note::new(text);
        let phrases = phrases();
        phrases.words.annotate(&mut note.tokens);
        let mut canned_hits = Vec::new();
        let mut context_hits = Vec::new();
        for s in &note.sentences {
            let toks = &note.tokens[s.tokens.clone()];
            canned_hits.extend(phrases.canned.find(toks, s.tokens.start));
            context_hits.extend(phrases.context.find(toks, s.tokens.start));
        }
        // Cues inside a text LinkedIn wrote ("…a fellow group member of…") are not the sender's.
        let mut in_default = vec![false; note.tokens.len()];
        for h in canned_hits.iter().filter(|h| h.section == phrases.default) {
            in_default[h.start..h.end]
                .iter_mut()
                .for_each(|t| *t = true);
        }
        let mut cues: Vec<Cue> = Vec::new();
        let mut helpers = Vec::new();
        for hit in context_hits {
            if in_default[hit.start..hit.end].contains(&true) {
                continue;
            }
            match phrases.kinds[hit.section] {
                Some(kind) => {
                    // One cue of a kind per sentence; hits come in sentence order.
                    let sentence = note.tokens[hit.start].sentence;
                    let dup = cues
                        .iter()
                        .rev()
                        .take_while(|c| note.tokens[c.hit.start].sentence == sentence)
                        .any(|c| c.kind == kind);
                    if !dup {
                        cues.push(Cue { kind, hit });
                    }
                }
                None => helpers.push(hit),
            }
        }
        let mut reading = Reading {
            note,
            ctx,
            phrases,
            messages: catalogue(ctx.lang.as_deref()),
            stock: Vec::new(),
            cues,
            helpers,
            greeting: None,
            closing: None,
        };
        reading.stock = canned_hits
            .iter()
            .copied()
            .filter(|h| h.section != phrases.reason && !reading.followed_by_reason(h, &canned_hits))
            .collect();
        reading.greeting = reading.find_greeting();
        reading.closing = reading.find_closing();
        reading
    }

    pub fn tokens(&self) -> &[Token] {
        &self.note.tokens
    }

    pub fn span(&self, tokens: Range<usize>) -> Span {
        let t = &self.note.tokens;
        Span::new(t[tokens.start].start16, t[tokens.end - 1].end16)
    }

    pub fn source(&self, tokens: Range<usize>) -> &'a str {
        self.note.source(tokens.start, tokens.end - 1)
    }

    /// The recipient's first name, or a neutral word for messages when the page did not say.
    pub fn who(&self) -> String {
        match self.ctx.recipient_first_name() {
            Some(name) => name.to_string(),
            None => self.messages.get("who.unknown", &[]),
        }
    }

    pub fn hits_in(&self, section: usize) -> impl Iterator<Item = &Hit> {
        self.stock.iter().filter(move |h| h.section == section)
    }

    pub fn has_helper(&self, section: usize) -> bool {
        self.helpers.iter().any(|h| h.section == section)
    }

    /// Cues that make a note personal. A sales pitch alone does not (seed 004).
    pub fn counting_cues(&self) -> impl Iterator<Item = &Cue> {
        self.cues
            .iter()
            .filter(|c| c.kind != ContextKind::IntentSales)
    }

    pub fn has_kind(&self, kind: ContextKind) -> bool {
        self.cues.iter().any(|c| c.kind == kind)
    }

    /// "I would like to add you to my network because we share…": a stock opener that goes on
    /// to give a reason in the same sentence is read for its reason (seed 002, example 3).
    fn followed_by_reason(&self, hit: &Hit, all: &[Hit]) -> bool {
        if hit.section != self.phrases.default && hit.section != self.phrases.generic {
            return false;
        }
        let sentence = self.note.tokens[hit.start].sentence;
        let range = self.note.sentences[sentence].tokens.clone();
        let reason_next = all.iter().any(|r| {
            r.section == self.phrases.reason && r.start == hit.end && range.end - r.end >= 2
        });
        let cue_in_sentence = self
            .cues
            .iter()
            .any(|c| c.kind != ContextKind::IntentSales && range.contains(&c.hit.start));
        reason_next || cue_in_sentence
    }

    /// Whether stock text `hit` opens its sentence (after a greeting, if any) and so runs to
    /// its end as a sentence of its own: only then can it be cut or swapped without leaving
    /// half a sentence ("…and would ." from "…and would love to connect.").
    pub fn opens_sentence(&self, hit: &Hit) -> bool {
        let first = self.note.sentences[self.note.tokens[hit.start].sentence]
            .tokens
            .start;
        let greeting_end = self.greeting.as_ref().map_or(0, |g| g.tokens.end);
        hit.start == first || (first < greeting_end && hit.start == greeting_end)
    }

    /// The end of a match of `section` starting exactly at token `at`, within its sentence.
    fn starts_with(
        &self,
        section: usize,
        set: &crate::pattern::PatternSet,
        at: usize,
    ) -> Option<usize> {
        let s = self.note.tokens.get(at)?.sentence;
        let end = self.note.sentences[s].tokens.end;
        set.match_at(&self.note.tokens[at..end], section)
            .map(|len| at + len)
    }

    fn find_greeting(&self) -> Option<Greeting> {
        let toks = &self.note.tokens;
        if toks.is_empty() {
            return None;
        }
        let p = self.phrases;
        if let Some(mass) = self.hits_in(p.mass_greeting).find(|h| h.start == 0) {
            return Some(Greeting {
                tokens: 0..mass.end,
                name: None,
                titled: false,
                mass: true,
            });
        }
        let Some(mut pos) = self.starts_with(p.greeting, &p.greetings, 0) else {
            // "Dana, it was good to meet you…": a bare name and a comma, only when it is the
            // recipient's, since "Congrats, …" looks the same.
            let first = &toks[0];
            let is_recipient = self
                .ctx
                .recipient_first_name()
                .is_some_and(|n| fold(n) == first.norm);
            return (first.cap && first.break_after && is_recipient).then_some(Greeting {
                tokens: 0..1,
                name: Some(0..1),
                titled: false,
                mass: false,
            });
        };
        let sentence_end = self.note.sentences[toks[0].sentence].tokens.end;
        let mut titled = false;
        if !toks[pos - 1].break_after {
            if let Some(after_title) = self.starts_with(p.title, &p.greetings, pos) {
                titled = true;
                pos = after_title;
            }
        }
        let name_start = pos;
        if !toks[pos - 1].break_after || titled {
            while pos < sentence_end && pos - name_start < 3 {
                let t = &toks[pos];
                let nameish =
                    t.kind == TokenKind::Placeholder || (t.cap && t.kind == TokenKind::Word);
                if !nameish {
                    break;
                }
                pos += 1;
                if t.break_after || t.kind == TokenKind::Placeholder {
                    break;
                }
            }
        }
        // A greeting word followed by lower-case words is the start of a sentence, not a name.
        let name = (pos > name_start && toks[pos - 1].break_after).then_some(name_start..pos);
        let end = name.as_ref().map_or(name_start, |n| n.end);
        Some(Greeting {
            tokens: 0..end,
            name,
            titled,
            mass: false,
        })
    }

    fn find_closing(&self) -> Option<Range<usize>> {
        let p = self.phrases;
        let sentences = &self.note.sentences;
        let last = sentences.last()?;
        if sentences.len() < 2 || last.tokens.len() > 6 {
            return None;
        }
        let names_only = |toks: &[crate::text::Token]| {
            !toks.is_empty()
                && toks.len() <= 4
                && toks
                    .iter()
                    .all(|t| t.cap || t.kind == TokenKind::Placeholder)
        };
        // The closing phrase's own sentence: "Cheers, Jo" or "Best regards," before a name line.
        let closes = |range: &Range<usize>| {
            self.starts_with(p.closing, &p.greetings, range.start)
                .filter(|&end| end == range.end || names_only(&self.note.tokens[end..range.end]))
        };
        if closes(&last.tokens).is_some() {
            return Some(last.tokens.clone());
        }
        if !names_only(&self.note.tokens[last.tokens.clone()]) {
            return None;
        }
        let previous = &sentences[sentences.len() - 2];
        if closes(&previous.tokens) == Some(previous.tokens.end) && sentences.len() > 2 {
            return Some(previous.tokens.start..last.tokens.end);
        }
        // "- Patricia": a dash before a short run of names after the last sentence.
        let lead = self.note.text[previous.end..last.start].trim();
        let dashed = !lead.is_empty()
            && lead
                .chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '~' | ' '));
        let signed = self.ctx.sender_name.as_deref().is_some_and(|s| {
            fold(s.trim()) == fold(self.note.source(last.tokens.start, last.tokens.end - 1))
        });
        (dashed || signed).then(|| last.tokens.clone())
    }

    /// Tokens that carry something of the sender's own: not stock, greeting, sign-off or filler.
    pub fn own_words(&self) -> usize {
        let mut stock = vec![false; self.note.tokens.len()];
        let mut mark = |r: Range<usize>| stock[r].iter_mut().for_each(|m| *m = true);
        for h in &self.stock {
            mark(h.start..h.end);
        }
        if let Some(g) = &self.greeting {
            mark(g.tokens.clone());
        }
        if let Some(c) = &self.closing {
            mark(c.clone());
        }
        self.note
            .tokens
            .iter()
            .zip(stock)
            .filter(|(t, stock)| !stock && !is_filler(&t.norm))
            .count()
    }

    pub fn has_stock_request(&self) -> bool {
        let p = self.phrases;
        self.stock.iter().any(|h| {
            [p.default, p.generic, p.mass_greeting, p.unnamed_mutuals].contains(&h.section)
        })
    }
}

/// Words that join stock phrases without adding anything: "so", "and", "really".
fn is_filler(norm: &str) -> bool {
    matches!(
        norm,
        "so" | "and"
            | "also"
            | "really"
            | "very"
            | "just"
            | "please"
            | "but"
            | "then"
            | "oh"
            | "well"
            | "again"
            | "too"
            | "here"
            | "now"
            | "i"
            | "you"
            | "the"
            | "a"
            | "to"
            | "thanks"
            | "thank"
            | "there"
            | "hi"
            | "hello"
            | "all"
            | "it"
            | "is"
            | "anyway"
            | "today"
            | "und"
            | "et"
            | "y"
            | "e"
            | "en"
    )
}
