//! One pass over the note that every rule then reads from: the phrase matches, the frames that
//! say how or why, the slots, the greeting and sign-off, and which words are the sender's own.

use std::cell::OnceCell;
use std::ops::Range;

use crate::lexicon::{SlotKind, WordClass};
use crate::messages::{catalogue, Catalogue};
use crate::pattern::{recall, Hit, Present};
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

/// A context cue: a frame found in the note (not inside a text LinkedIn wrote), or a slot that
/// stands for one.
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
    /// Per token: a word of the sender's own, and whether it names something (not "job").
    own: Vec<Own>,
    /// Per token: whether a topic follows it ("on", "about"), once asked.
    topics: OnceCell<Vec<bool>>,
    /// Whether a capital inside a sentence marks a name, once asked.
    capitals_name: OnceCell<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Own {
    No,
    /// The sender's, but naming nothing in particular: "job", "advice", "team".
    Plain,
    Named,
}

impl<'a> Reading<'a> {
    pub fn new(text: &'a str, ctx: &'a Context) -> Self {
        let phrases = phrases();
        let mut note = Note::with_vocabulary(text, &phrases.words);
        phrases.annotate(&mut note.tokens, note.text);
        let mut canned_hits = Vec::new();
        let mut context_hits = Vec::new();
        // Searched only when a sentence is not remembered: see `pattern::recall`.
        let mut searches = None;
        for s in &note.sentences {
            let (text, base) = (note.text.get(s.start..s.end).unwrap_or(""), s.tokens.start);
            if recall::recall(text, base, &mut canned_hits, &mut context_hits) {
                continue;
            }
            let (canned, context) = searches.get_or_insert_with(|| {
                let in_note = Present::of(&note.tokens);
                (
                    phrases.canned.search(&in_note),
                    phrases.context.search(&in_note),
                )
            });
            let toks = &note.tokens[s.tokens.clone()];
            let in_sentence = Present::of(toks);
            let (c, x) = (canned_hits.len(), context_hits.len());
            canned_hits.extend(canned.find(toks, base, &in_sentence));
            context_hits.extend(context.find(toks, base, &in_sentence));
            recall::remember(text, base, &canned_hits[c..], &context_hits[x..]);
        }
        // Cues inside a text LinkedIn wrote ("…a fellow group member of…") or inside a stock
        // pleasantry ("thank you in advance for your help") are not the sender's. Marked per
        // token in one pass over the hits, so a paste of thousands of them stays linear.
        let mut in_default = vec![false; note.tokens.len()];
        let mut pleasantry_end = vec![0usize; note.tokens.len()];
        for h in &canned_hits {
            if h.section == phrases.default {
                in_default[h.start..h.end]
                    .iter_mut()
                    .for_each(|t| *t = true);
            } else if h.section == phrases.pleasantry {
                for end in &mut pleasantry_end[h.start..h.end] {
                    *end = (*end).max(h.end);
                }
            }
        }
        // LinkedIn's text claims every cue it overlaps; a pleasantry only what it holds.
        let inside_stock = |hit: &Hit| {
            in_default[hit.start..hit.end].contains(&true) || pleasantry_end[hit.start] >= hit.end
        };
        let mut cues: Vec<Cue> = Vec::new();
        let mut helpers = Vec::new();
        for hit in context_hits {
            let generic_object = match phrases.kinds[hit.section] {
                Some(ContextKind::Met) => {
                    // "great meeting you at {metContext}": where they met, whatever the
                    // program calls it; "saw you at {{company}}" is only where the reader works.
                    let seen = note.tokens[hit.start..hit.end]
                        .iter()
                        .any(|t| phrases.lexicon.is_observing(t));
                    let object = if seen { Object::Seen } else { Object::Met };
                    given_nothing(&note, phrases, &hit, object)
                }
                Some(ContextKind::SharedInterest) => {
                    given_nothing(&note, phrases, &hit, Object::Seen)
                }
                Some(ContextKind::TheirWork) => {
                    given_nothing(&note, phrases, &hit, Object::TheirWork)
                }
                _ => false,
            };
            if inside_stock(&hit) || generic_object {
                continue;
            }
            match phrases.kinds[hit.section] {
                Some(kind) => {
                    // One cue of a section per sentence; hits come in sentence order. A kind's
                    // sections differ in what they say ("intent_job", "intent_job.any").
                    let sentence = note.tokens[hit.start].sentence;
                    let dup = cues
                        .iter()
                        .rev()
                        .take_while(|c| note.tokens[c.hit.start].sentence == sentence)
                        .any(|c| c.hit.section == hit.section);
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
            own: Vec::new(),
            topics: OnceCell::new(),
            capitals_name: OnceCell::new(),
        };
        let reasons = ReasonIndex::new(&reading, &canned_hits);
        reading.stock = canned_hits
            .iter()
            .copied()
            .filter(|h| h.section != phrases.reason && !reasons.follows(&reading, h))
            .collect();
        reading.greeting = reading.find_greeting();
        reading.closing = reading.find_closing();
        // A title in a signature ("Senior Manager | Tax Advisory") is who signs, not a reason.
        // The frames' cues are in token order, and a signature ends the note.
        if let Some(signature) = &reading.closing {
            let before = reading
                .cues
                .partition_point(|c| c.hit.start < signature.start);
            reading.cues.truncate(before);
        }
        reading.own = reading.find_own();
        reading.add_slot_cues();
        reading
    }

    /// "Saw your team scaling distributed pipelines at CloudCorp", "ich habe gesehen, dass Sie
    /// an [Thema] arbeiten", "vi tu rol como PM en Rappi": what the sender saw of the reader,
    /// when it names something (a name, a number, a slot for a specific, or two words no list
    /// holds), says how the note came to be written. "I saw your profile", "I noticed your
    /// work at [Company]" and "your experience in Digital Marketing" name nothing. Returns the
    /// tokens from the seeing to the thing named.
    fn seen_of_the_reader(&self, sentence: Range<usize>) -> Option<Range<usize>> {
        let toks: &[Token] = &self.note.tokens;
        let lexicon = &self.phrases.lexicon;
        let end = sentence.end;
        sentence.clone().find_map(|seen| {
            if !lexicon.is_observing(&toks[seen]) {
                return None;
            }
            self.seen_names(seen, end)
        })
    }

    /// "Hi Priya, your churn modelling work at Deliveroo…", "You ship agent tooling at
    /// Arcade": a statement that opens on the reader, names where (a name) and says what they
    /// do there in words of the sender's own says what the sender knows of them, as a seeing
    /// does. Not when the sender speaks of themselves in it ("your team could save 30% with
    /// our tool"); not by a name alone ("a valuable professional in Mumbai" fits anyone
    /// there), nor by unlisted words alone (as often a language the lists barely know: "Ваш
    /// профіль справляє…"). Returns the tokens from the reader's word to the last of these.
    fn opens_on_the_reader(&self, sentence: Range<usize>) -> Option<Range<usize>> {
        let toks: &[Token] = &self.note.tokens;
        let lexicon = &self.phrases.lexicon;
        let (mut opener, mut name, mut doing, mut last) = (None, false, false, 0);
        for j in sentence.clone() {
            let t = &toks[j];
            let class = self.class(t);
            if lexicon.is_sender(t) {
                return None;
            }
            let in_greeting = self
                .greeting
                .as_ref()
                .is_some_and(|g| g.tokens.contains(&j));
            let opens = j == sentence.start || toks[j - 1].break_after;
            if opener.is_none() {
                if opens && !in_greeting && (lexicon.is_possessive(t) || lexicon.is_addressee(t)) {
                    opener = Some(j);
                }
                continue;
            }
            let names = t.cap
                && matches!(class, None | Some(WordClass::Plain))
                && !self.closing.as_ref().is_some_and(|c| c.contains(&j));
            let does = !t.cap && t.kind == TokenKind::Word && class.is_none();
            if names || does {
                (name, doing, last) = (name || names, doing || does, j);
            }
        }
        let opener = opener.filter(|_| name && doing && self.capitals_name())?;
        Some(opener..last + 1)
    }

    /// What a sender who saw something of the reader at token `seen` names, up to `end`: most
    /// notes see nothing, and the reading's first call need not compile this.
    #[inline(never)]
    fn seen_names(&self, seen: usize, end: usize) -> Option<Range<usize>> {
        let toks: &[Token] = &self.note.tokens;
        let lexicon = &self.phrases.lexicon;
        // The reader, up to three words on ("saw your", "noticed that you", "vi que tu",
        // "saw Stripe's"), unless the sender comes first ("noticed we both work in…").
        let pointer = (seen + 1..end.min(seen + 4))
            // "acompanho profissionais da sua área": a crowd seen, not the reader.
            .take_while(|&j| !lexicon.is_sender(&toks[j]) && !lexicon.is_crowd(&toks[j]))
            .find(|&j| {
                let t = &toks[j];
                let written = self.source(j..j + 1);
                lexicon.is_possessive(t)
                    || lexicon.is_addressee(t)
                    || (t.cap && written.ends_with(['s', 'S']) && written.contains(['\'', '’']))
            });
        // "saw the ledger rewrite at Recur": a thing of theirs seen, when a name says whose.
        let (pointer, by_name) = match pointer {
            Some(p) => (p, false),
            None if toks.get(seen + 1).is_some_and(|t| {
                t.sentence == toks[seen].sentence
                    && self.class(t) == Some(WordClass::Filler)
                    && !lexicon.is_sender(t)
            }) =>
            {
                (seen + 1, true)
            }
            None => return None,
        };
        // "your expertise in {topics}", "your profile at Acme Corp": after a word said of
        // anyone, only a topic ("your work on Flink") names something seen.
        let class_at = |j: usize| toks.get(j).and_then(|t| self.class(t));
        let start = if class_at(pointer + 1) == Some(WordClass::Stock)
            && class_at(pointer + 2) == Some(WordClass::Filler)
        {
            (pointer + 2..end.min(pointer + 5)).find(|&j| self.is_topic(j))?
        } else {
            pointer
        };
        let mut unlisted = 0;
        (start + 1..end.min(start + 7))
            .take_while(|&j| !lexicon.is_sender(&toks[j]))
            .find(|&j| {
                let t = &toks[j];
                let class = self.class(t);
                let named = match t.kind {
                    TokenKind::Number => true,
                    TokenKind::Placeholder => self.own[j] == Own::Named && !by_name,
                    // A name, but not a field however written: "Digital Marketing", "IT".
                    TokenKind::Word if t.cap => {
                        matches!(class, None | Some(WordClass::Plain))
                            && !toks.get(j + 1).is_some_and(|next| {
                                next.cap && self.class(next) == Some(WordClass::Field)
                            })
                    }
                    TokenKind::Word => {
                        unlisted += usize::from(class.is_none());
                        unlisted == 2 && !by_name
                    }
                };
                // A sign-off is not what was seen.
                named && !self.closing.as_ref().is_some_and(|c| c.contains(&j))
            })
            .map(|named| seen..named + 1)
    }

    /// Whether token `i` says that a topic follows: "on", "about", "sur".
    fn is_topic(&self, i: usize) -> bool {
        // Marked once per note, so that a paste of thousands of "on"s stays linear.
        let marks = self.topics.get_or_init(|| {
            let mut marks = vec![false; self.note.tokens.len()];
            for h in self
                .helpers
                .iter()
                .filter(|h| h.section == self.phrases.topic)
            {
                marks[h.start] = true;
            }
            marks
        });
        marks[i]
    }

    /// "Great seeing your [talk] at [event]": a slot for a specific stands for the context it
    /// will hold once filled (the `placeholder` finding asks the writer to fill it) when it is
    /// the reader's ("your [talk]"), names an event in a sentence about the reader or a person
    /// both know, or says it is specific ("[specific thing]").
    fn add_slot_cues(&mut self) {
        let lexicon = &self.phrases.lexicon;
        let mut slot_cues = Vec::new();
        // Per sentence, marked in one pass so that a paste of thousands stays linear: whether
        // a cue already says how or why, whether it asks or wishes, and the first word saying
        // the two share something.
        let sentence_of = |h: &Hit| self.note.tokens[h.start].sentence;
        let n = self.note.sentences.len();
        // A sentence's marks: what the sender wants (`WANTS`), stock words (`STOCK`), and a cue
        // that says how or why (`HAS_CUE`).
        const WANTS: u8 = 1;
        const STOCK: u8 = 2;
        const HAS_CUE: u8 = 4;
        let mut marks = vec![0u8; n];
        for c in &self.cues {
            // "looking for my first audit role, and I see you're a senior manager in audit":
            // what the sender wants leaves room for what ties it to the reader.
            marks[sentence_of(&c.hit)] |= if is_want(c.kind) { WANTS } else { HAS_CUE };
        }
        for h in &self.stock {
            marks[sentence_of(h)] |= STOCK;
        }
        let mut shared: Vec<Option<Hit>> = vec![None; n];
        for h in self
            .helpers
            .iter()
            .filter(|h| h.section == self.phrases.shared)
        {
            shared[sentence_of(h)].get_or_insert(*h);
        }
        // "promo 2015 de l'EDHEC", "a semester in Porto, 2016": a year beside a name says
        // when and where, and in a note to one person that is a past the two shared or a piece
        // of the reader's; not a year the sender counts from ("at Oracle since 2010").
        for (j, t) in self.note.tokens.iter().enumerate() {
            let digits = t.norm.as_bytes();
            let year = t.kind == TokenKind::Number
                && matches!(digits.get(..2), Some(b"19" | b"20"))
                && digits
                    .get(2..4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !digits.get(4).is_some_and(u8::is_ascii_digit)
                && !(j > 0 && lexicon.is_since(&self.note.tokens[j - 1]));
            if year {
                shared[t.sentence].get_or_insert(Hit {
                    section: usize::MAX,
                    start: j,
                    end: j + 1,
                });
            }
        }
        for (i, s) in self.note.sentences.iter().enumerate() {
            if marks[i] & HAS_CUE != 0 {
                continue;
            }
            let range = s.tokens.clone();
            let seen = self.seen_of_the_reader(range.clone());
            if let Some(seen) = seen.or_else(|| self.opens_on_the_reader(range.clone())) {
                slot_cues.push(Cue {
                    kind: ContextKind::TheirWork,
                    // No phrase section: the words themselves are the evidence.
                    hit: Hit {
                        section: usize::MAX,
                        start: seen.start,
                        end: seen.end,
                    },
                });
                continue;
            }
            // "promo 2015 de l'EDHEC, ça fait plaisir…": a pleasantry beside a year takes
            // nothing from it, as it would from "together"; a want does ("Class of 2023, now
            // looking for my first role").
            // A year's hit is the one in `shared` with no phrase section.
            let blocks = |h: &Hit| match h.section {
                usize::MAX => WANTS,
                _ => WANTS | STOCK,
            };
            let beside_a_specific = shared[i]
                .filter(|h| marks[i] & blocks(h) == 0)
                .and_then(|hit| self.shared_with_a_specific(range.clone(), hit));
            if let Some(shared) = beside_a_specific {
                slot_cues.push(Cue {
                    kind: ContextKind::Met,
                    hit: Hit {
                        section: usize::MAX,
                        start: shared.start,
                        end: shared.end,
                    },
                });
                continue;
            }
            let toks: &[Token] = &self.note.tokens;
            let about_reader = toks[range.clone()].iter().any(|t| lexicon.is_addressee(t));
            let found = range.clone().find_map(|i| {
                let t = &toks[i];
                if t.kind != TokenKind::Placeholder || self.own[i] != Own::Named {
                    return None;
                }
                // "your [talk]"; not "du {service}", French "of the" as often as German "you".
                let theirs = i > range.start && lexicon.is_possessive(&toks[i - 1]);
                let written = self.note.written(t);
                let kind = match lexicon.slot_kind(&self.phrases.words, &t.norm, written) {
                    Some(SlotKind::Event) => ContextKind::Met,
                    Some(SlotKind::Person) => ContextKind::MutualConnection,
                    // "[specific thing]": the writer means to name something of theirs.
                    Some(SlotKind::Specific) => return Some((i, ContextKind::TheirWork)),
                    None if theirs => ContextKind::TheirWork,
                    None => return None,
                };
                (about_reader || kind == ContextKind::MutualConnection).then_some((i, kind))
            });
            if let Some((slot, kind)) = found {
                slot_cues.push(Cue {
                    kind,
                    // No phrase section: the slot itself is the evidence.
                    hit: Hit {
                        section: usize::MAX,
                        start: slot,
                        end: slot + 1,
                    },
                });
            }
        }
        self.cues = in_token_order(std::mem::take(&mut self.cues), slot_cues);
    }

    pub fn tokens(&self) -> &[Token<'a>] {
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

    /// Cues that make a note personal. A sales pitch alone does not (seed 004); a job wanted
    /// does once it is wanted of this reader and names its subject: "the HVAC design role",
    /// "my CV is on my profile; please keep me in mind", not "a job", nor any role in a field,
    /// which could be asked of anyone. A hire, an offer or a request for advice needs more,
    /// below.
    pub fn counting_cues(&self) -> impl Iterator<Item = &Cue> {
        let tied = self.cues.iter().any(|c| !is_want(c.kind));
        // Asked once, not per cue: a paste of thousands of "keep me in mind" would otherwise
        // ask every job cue of every other.
        let a_job_named = self
            .cues
            .iter()
            .any(|job| job.kind == ContextKind::IntentJob && self.names_from(job, true));
        self.cues.iter().filter(move |c| match c.kind {
            ContextKind::IntentSales => false,
            // A job seeker writing to someone at the company they want to join.
            ContextKind::IntentJob if self.has_helper(self.phrases.recipient_employer) => true,
            // Any job in a field could be asked of anyone.
            ContextKind::IntentJob if c.hit.section == self.phrases.any_job => false,
            // A hire, an offer or a request for advice says what the sender wants, not why
            // this reader ("we're hiring senior Go engineers", "happy to share case studies"):
            // a reason only beside something that ties the note to them. An invitation to the
            // reader themselves ("would love to have you speak", "Sie gern als Speakerin") is
            // one.
            ContextKind::IntentHiring | ContextKind::IntentAdvice if !tied => false,
            ContextKind::ValueOffer if !tied && !self.invites_the_reader(c) => false,
            // Asked of this reader, a job counts once one of the note's asks names what is
            // sought: "my CV is on my profile" beside "a role in HVAC design".
            ContextKind::IntentJob => a_job_named,
            ContextKind::IntentHiring | ContextKind::IntentAdvice | ContextKind::ValueOffer => {
                self.names_from(c, false)
            }
            _ => true,
        })
    }

    /// Whether the sentence of `c` names something: after the cue's start for a job sought, as
    /// what a job seeker seeks is named after the asking ("looking for a role in HVAC design")
    /// and the role they hold before it ("a full-stack developer looking for new
    /// opportunities") is their own; anywhere in it for the rest.
    fn names_from(&self, c: &Cue, after_the_asking: bool) -> bool {
        let sentence = &self.note.sentences[self.note.tokens[c.hit.start].sentence];
        let from = if after_the_asking {
            c.hit.start
        } else {
            sentence.tokens.start
        };
        self.names_something(from..sentence.tokens.end)
    }

    /// Whether an offer is made to the reader in person: "you" within it or just before it.
    fn invites_the_reader(&self, c: &Cue) -> bool {
        let toks: &[Token] = &self.note.tokens;
        let sentence = toks[c.hit.start].sentence;
        toks[c.hit.start.saturating_sub(3)..c.hit.end]
            .iter()
            .any(|t| t.sentence == sentence && self.phrases.lexicon.is_addressee(t))
    }

    pub fn has_kind(&self, kind: ContextKind) -> bool {
        self.cues.iter().any(|c| c.kind == kind)
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
        let toks: &[Token] = &self.note.tokens;
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
        // "Вітаю, пане Олеже!", "Hello, Dr. Okafor": a title may follow the comma too.
        if let Some(after_title) = self.starts_with(p.title, &p.greetings, pos) {
            titled = true;
            pos = after_title;
        }
        let name_start = pos;
        // "Ciao ${n},": a slot right after the greeting word is the name, punctuation or not.
        let slot_next = toks
            .get(pos)
            .is_some_and(|t| t.kind == TokenKind::Placeholder);
        // "Hello, Anna!", "Здравствуйте, Анна!": after a comma, a name is words no list holds.
        let after_comma = toks[pos - 1].break_after && !titled && !slot_next;
        // Arabic or Hindi write no capitals: there a word no list holds may be the name.
        let caseless = |t: &Token| {
            self.note
                .text
                .get(t.start..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
        };
        while pos < sentence_end && pos - name_start < 3 {
            let t = &toks[pos];
            let unlisted = t.kind == TokenKind::Word && self.class(t).is_none();
            let nameish = if after_comma {
                (t.cap || caseless(t)) && unlisted
            } else {
                t.kind == TokenKind::Placeholder
                    || (t.cap && t.kind == TokenKind::Word)
                    || (caseless(t) && unlisted)
            };
            if !nameish {
                break;
            }
            pos += 1;
            if t.break_after || t.kind == TokenKind::Placeholder {
                break;
            }
        }
        // A greeting word followed by lower-case words is the start of a sentence, not a name.
        let closed = |at: usize| toks[at - 1].break_after || at == sentence_end;
        // "Hi Steve lets connect": capitalised words no list holds, then the sentence's own
        // lower-case words, are a name written without its comma.
        let run_on = |at: usize| {
            toks[name_start..at]
                .iter()
                .all(|t| t.kind == TokenKind::Word && self.class(t).is_none())
                && toks[at].kind == TokenKind::Word
                && !toks[at].cap
                && self.class(&toks[at]).is_some()
        };
        let name = (pos > name_start && (closed(pos) || run_on(pos))).then_some(name_start..pos);
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
        // "Marcus Rodrigues https://github.com/…", "Jo jo@acme.io": a link or an address after
        // the name belongs to the signature, so the name is judged without it.
        let text = self.note.text;
        let signed_end = last.tokens.start
            + self.note.tokens[last.tokens.clone()]
                .iter()
                .take_while(|t| {
                    let after = text.get(t.end..).unwrap_or("");
                    !(after.starts_with("://") || after.starts_with('@') || t.norm == "www")
                })
                .count();
        if sentences.len() < 2 {
            return None;
        }
        // "Thanks,\nMaria Gonzalez | Realtor | Coldwell Banker", "Respectfully, D. Harmon, Col.
        // (Ret.)": after a closing phrase, lines of names, titles and firms to the end are a
        // signature, however the abbreviations split them into sentences.
        let toks: &[Token] = &self.note.tokens;
        // "Head of Research": a joining word may stand between capitals; "Алексей Петров,
        // руководитель отдела продаж", "Conti Impianti S.r.l.": so may a word no list holds,
        // but not one of asking or of a trade ("hope", "team").
        let signs = |t: &Token| {
            t.cap || t.kind != TokenKind::Word || matches!(t.class, None | Some(WordClass::Filler))
        };
        for s in sentences.iter().skip(1).rev().take(4) {
            let start = s.tokens.start;
            if let Some(end) = self.starts_with(p.closing, &p.greetings, start) {
                let rest = toks.get(end..signed_end).unwrap_or(&[]);
                if rest.len() <= 12 && rest.first().is_some_and(|t| t.cap) && rest.iter().all(signs)
                {
                    return Some(start..last.tokens.end);
                }
            }
        }
        if signed_end - last.tokens.start > 6 {
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
        let previous = &sentences[sentences.len() - 2];
        // "- Patricia", "– mike": a dash before a short last line signs it, in any case.
        let lead = self
            .note
            .text
            .get(previous.end..last.start)
            .unwrap_or("")
            .trim();
        let dashed = !lead.is_empty()
            && lead
                .chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '~' | ' '));
        let last_toks = &self.note.tokens[last.tokens.start..signed_end];
        if dashed && (last.tokens.len() <= 3 || names_only(last_toks)) {
            return Some(last.tokens.clone());
        }
        let signed = self.ctx.sender_name.as_deref().is_some_and(|s| {
            fold(s.trim()) == fold(self.note.source(last.tokens.start, last.tokens.end - 1))
        });
        if !names_only(last_toks) {
            return signed.then(|| last.tokens.clone());
        }
        if closes(&previous.tokens) == Some(previous.tokens.end) && sentences.len() > 2 {
            return Some(previous.tokens.start..last.tokens.end);
        }
        // Names alone after the last sentence sign the note, as e-mail signatures do.
        Some(last.tokens.clone())
    }

    /// Marks each token by whether it is the sender's own: not stock, greeting, sign-off, the
    /// vocative name before a sentence, nor a word of `lexicon.txt`.
    fn find_own(&self) -> Vec<Own> {
        let toks: &[Token] = &self.note.tokens;
        let mut marks = vec![Own::Named; toks.len()];
        let own: &mut [Own] = &mut marks;
        let mut clear = |r: Range<usize>| own[r].iter_mut().for_each(|m| *m = Own::No);
        for h in &self.stock {
            clear(h.start..h.end);
        }
        if let Some(g) = &self.greeting {
            clear(g.tokens.clone());
        }
        if let Some(c) = &self.closing {
            clear(c.clone());
        }
        if let Some(v) = self.vocative() {
            clear(v);
        }
        // "Would love to connect, Maria!": a name or two set off by a comma at a sentence's end
        // is the reader called by name, or the sender signing; nothing of the sender's own.
        for s in &self.note.sentences {
            let end = s.tokens.end;
            let named = |j: usize| {
                toks[j].name_like
                    && toks[j].kind == TokenKind::Word
                    && self.class(&toks[j]).is_none()
            };
            let from = (end.saturating_sub(2).max(s.tokens.start)..end)
                .find(|&j| j > s.tokens.start && toks[j - 1].break_after && (j..end).all(named));
            if let Some(from) = from {
                clear(from..end);
            }
        }
        let lexicon = &self.phrases.lexicon;
        // "we're in the same industry", "trabajamos en el mismo sector": a word that names
        // nothing, said to be both's, fits anyone in it.
        let mut said_the_same = vec![false; toks.len()];
        for h in &self.helpers {
            if h.section == self.phrases.shared {
                for same in &mut said_the_same[h.start + 1..toks.len().min(h.end + 1)] {
                    *same = true;
                }
            }
        }
        for (i, t) in toks.iter().enumerate() {
            if own[i] == Own::No {
                continue;
            }
            if t.kind == TokenKind::Placeholder {
                let written = self.note.written(t);
                if lexicon.is_generic_slot(&self.phrases.words, &t.norm, written)
                    && !self.the_sender_fills(i)
                    && !self.claims_occupation(i)
                {
                    own[i] = Own::No;
                }
                continue;
            }
            own[i] = match self.class(t) {
                Some(WordClass::Filler | WordClass::Stock) => Own::No,
                // "your company", "votre domaine": the reader's, said of anyone's; "business
                // professionals", "the {industry} sector", "the tech industry": a crowd's, or
                // a merged field's.
                Some(WordClass::Plain)
                    if self.is_the_readers(i)
                        || (said_the_same[i] && !self.after_a_subject_word(i))
                        || self.crowd_follows(i)
                        || (!t.cap && self.said_of_a_crowd(i))
                        || (lexicon.is_crowd(t) && !self.sender_near(i))
                        || (i > 0
                            && own[i - 1] == Own::No
                            && (toks[i - 1].kind == TokenKind::Placeholder
                                || (lexicon.is_crowd(t)
                                    && self
                                        .class(&toks[i - 1])
                                        .is_none_or(|c| c == WordClass::Field)))) =>
                {
                    Own::No
                }
                // "your work in marketing", "other business professionals", "the fitness
                // space", "your work at Tech Solutions Inc": a field, or a word the lists lack,
                // that is the reader's or a crowd's is not the sender's. A capitalised run is
                // one name, the reader's if its first word is.
                Some(WordClass::Field) | None if self.is_a_field_of_others(i, own) => Own::No,
                // A number is the sender's: "…que venho desenvolvendo há mais de 2 anos".
                Some(WordClass::Field) | None
                    if !t.cap && t.kind == TokenKind::Word && self.said_of_a_crowd(i) =>
                {
                    Own::No
                }
                // "ton parcours dans la tech/startup": a field right after the reader's is
                // theirs too.
                Some(WordClass::Field)
                    if i > 0
                        && own[i - 1] == Own::No
                        && toks[i - 1].sentence == t.sentence
                        && self.class(&toks[i - 1]) == Some(WordClass::Field) =>
                {
                    Own::No
                }
                // "remarqué", "letto": seeing names nothing by itself.
                None if lexicon.is_observing(t) => Own::No,
                // "{INDUSTRY} agencies", "[Company] pop up": what follows a merged field in
                // lower case is said of it.
                Some(WordClass::Field) | None
                    if !t.cap
                        && i > 0
                        && own[i - 1] == Own::No
                        && toks[i - 1].kind == TokenKind::Placeholder
                        && toks[i - 1].sentence == t.sentence =>
                {
                    Own::No
                }
                // A comma ends the run: "Hi Kelly, UX designer here too".
                _ if t.cap
                    && i > 0
                    && toks[i - 1].cap
                    && !toks[i - 1].break_after
                    && own[i - 1] == Own::No
                    && toks[i - 1].sentence == t.sentence
                    && self
                        .class(&toks[i - 1])
                        .is_none_or(|c| c >= WordClass::Plain) =>
                {
                    Own::No
                }
                Some(WordClass::Plain) => Own::Plain,
                // "geehrte/r", "m/w": a letter on its own names nothing.
                None if t.norm.len() == 1 && !t.cap && t.kind == TokenKind::Word => Own::No,
                Some(WordClass::Field) | None => Own::Named,
            };
        }
        marks
    }

    /// "passionate about the same field": what follows "about", "sobre", "über" is a subject
    /// the sender names as theirs.
    fn after_a_subject_word(&self, i: usize) -> bool {
        let toks: &[Token] = &self.note.tokens;
        toks[i.saturating_sub(3)..i]
            .iter()
            .any(|t| t.sentence == toks[i].sentence && self.phrases.lexicon.is_subject(t))
    }

    /// Whether token `i` is the reader's: "your team", "votre domaine d'activité".
    fn is_the_readers(&self, i: usize) -> bool {
        let toks: &[Token] = &self.note.tokens;
        let sentence = toks[i].sentence;
        (1..=2).any(|back| {
            i >= back
                && toks[i - back].sentence == sentence
                && self.phrases.lexicon.is_possessive(&toks[i - back])
        })
    }

    /// Whether the field word at `i` describes the reader ("your retail work", "your work in
    /// marketing") or a crowd ("the HR space", "business professionals", "like-minded
    /// trainers") rather than the sender, who would say "I", "my" or "as a" just before it.
    fn is_a_field_of_others(&self, i: usize, own: &[Own]) -> bool {
        let toks: &[Token] = &self.note.tokens;
        let lexicon = &self.phrases.lexicon;
        let sentence = toks[i].sentence;
        // "my sales network": a field that says which of the sender's contacts is the
        // request's, not what the sender does.
        let next_is_stock_crowd = toks.get(i + 1).is_some_and(|t| {
            t.sentence == sentence && lexicon.is_crowd(t) && self.class(t) == Some(WordClass::Stock)
        });
        if next_is_stock_crowd {
            return true;
        }
        if self.sender_near(i) {
            return false;
        }
        // Plain loops over the words before it, within its sentence: chains of adapters were
        // a fifth of a KiB of the gzipped wasm.
        // "a área da tecnologia", "the field of AI": a field after a scene is the scene's.
        for t in toks[i.saturating_sub(3)..i].iter().rev() {
            if t.sentence != sentence {
                break;
            }
            if self.class(t) != Some(WordClass::Filler) {
                if lexicon.is_crowd(t) {
                    return true;
                }
                break;
            }
        }
        // "your work in marketing", but not "your advice on fintech": only stock words may
        // stand between "your" and the field.
        for j in (i.saturating_sub(5)..i).rev() {
            let t = &toks[j];
            if t.sentence != sentence {
                break;
            }
            if lexicon.is_possessive(t) {
                return true;
            }
            let between = match self.class(t) {
                Some(WordClass::Filler | WordClass::Stock) => true,
                // "your work in enterprise SaaS": a word already found the reader's.
                Some(WordClass::Field) | None => own[j] == Own::No,
                Some(WordClass::Plain) => false,
            };
            if !between {
                break;
            }
        }
        self.crowd_follows(i) || lexicon.is_crowd(&toks[i])
    }

    /// Whether token `i` describes the crowd a note is sent to: "security leaders working on
    /// data privacy", "professionals who are on the revenue side of things". What the whole
    /// crowd does is said of every recipient alike.
    fn said_of_a_crowd(&self, i: usize) -> bool {
        let toks: &[Token] = &self.note.tokens;
        let lexicon = &self.phrases.lexicon;
        for j in (0..i).rev().take(10) {
            let t = &toks[j];
            if t.sentence != toks[i].sentence || t.break_after || lexicon.is_sender(t) {
                return false;
            }
            // A crowd of people ("leaders", "professionals"), not a scene ("the AI space"),
            // with what follows joined to it ("who", "in", "working").
            let people = lexicon.is_crowd(t) && self.class(t) != Some(WordClass::Plain);
            let joined = toks.get(j + 1).is_some_and(|n| {
                self.class(n) == Some(WordClass::Filler) || lexicon.is_occupation(n)
            });
            if people && joined {
                return true;
            }
        }
        false
    }

    /// Whether the sender speaks of themselves ("I", "my", "as a", "we're in the same") up to
    /// five words before `i`.
    fn sender_near(&self, i: usize) -> bool {
        let toks: &[Token] = &self.note.tokens;
        (1..=5.min(i))
            .map(|back| &toks[i - back])
            .take_while(|t| t.sentence == toks[i].sentence)
            // "expand my network in the industry": the request claims what follows it; "I work
            // in the fintech space": a trade does not.
            .take_while(|t| {
                self.class(t) != Some(WordClass::Stock) || self.phrases.lexicon.is_occupation(t)
            })
            .any(|t| self.phrases.lexicon.is_sender(t))
    }

    /// "I'm also in the [Industry] space", "my career in ${area}", "as a fellow {role}": a
    /// merged field the sender says, up to five words before, is their own names what they do,
    /// unlike "your work in [industry]".
    fn the_sender_fills(&self, i: usize) -> bool {
        let toks: &[Token] = &self.note.tokens;
        let lexicon = &self.phrases.lexicon;
        let before = || {
            (1..=8.min(i))
                .map(|back| &toks[i - back])
                .take_while(|t| t.sentence == toks[i].sentence)
        };
        // "you are working as a {role}", "vi seu perfil como {title}": the reader's; "ik zag
        // dat je werkzaam bent bij {{bedrijf}}", "ich bin auf {{company}} aufmerksam
        // geworden": what the sender saw of the reader.
        let after = toks[i + 1..].iter().take(2);
        if before()
            .any(|t| lexicon.is_addressee(t) || lexicon.is_possessive(t) || lexicon.is_observing(t))
            || after
                .take_while(|t| t.sentence == toks[i].sentence)
                .any(|t| lexicon.is_observing(t))
        {
            return false;
        }
        before()
            .take(5)
            .take_while(|t| t.kind == TokenKind::Word && self.class(t) != Some(WordClass::Stock))
            .any(|t| lexicon.is_sender(t))
    }

    /// "I work in revenue", "I also work in {industry}", "Trabalho com {specialty}", "Fellow
    /// {field} professional here": what the sender does for a living, said just before `i`
    /// (up to three words that join a sentence between), is their own even when no list names
    /// it. The words of a trade ("work") are said after the sender ("I", "we both"); those that
    /// say it without the pronoun ("trabalho", "fellow") open a sentence or a clause.
    fn claims_occupation(&self, i: usize) -> bool {
        let toks = &self.note.tokens;
        let lexicon = &self.phrases.lexicon;
        let sentence = toks[i].sentence;
        let in_sentence = |j: &usize| toks[*j].sentence == sentence;
        let joins = |j: usize| {
            toks[j].kind == TokenKind::Word && self.class(&toks[j]) == Some(WordClass::Filler)
        };
        let Some(trade) = (i.saturating_sub(4)..i)
            .rev()
            .take_while(in_sentence)
            .find(|&j| !joins(j) || lexicon.is_occupation(&toks[j]))
            .filter(|&j| lexicon.is_occupation(&toks[j]))
        else {
            return false;
        };
        let opens_clause = trade == 0
            || toks[trade - 1].sentence != sentence
            || toks[trade - 1].break_after
            || toks[trade - 1].kind != TokenKind::Word;
        (lexicon.is_sender(&toks[trade]) && opens_clause)
            || (trade.saturating_sub(3)..trade)
                .rev()
                .take_while(in_sentence)
                .find(|&j| !joins(j) || lexicon.is_sender(&toks[j]))
                .is_some_and(|j| lexicon.is_sender(&toks[j]))
    }

    /// "learn more about agribusiness", "over de energietransitie": a word the sender names as a
    /// subject, right after "about" (`subject` in the lexicon) or its article, is what they
    /// are after, whoever reads it.
    fn follows_topic(&self, i: usize) -> bool {
        let toks = &self.note.tokens;
        let about = |j: usize| {
            toks[j].sentence == toks[i].sentence && self.phrases.lexicon.is_subject(&toks[j])
        };
        (i >= 1 && about(i - 1))
            || (i >= 2 && about(i - 2) && self.class(&toks[i - 1]) == Some(WordClass::Filler))
    }

    /// "tech industry", "business professionals": the next word makes this one a crowd's.
    fn crowd_follows(&self, i: usize) -> bool {
        let toks: &[Token] = &self.note.tokens;
        toks.get(i + 1)
            .is_some_and(|t| t.sentence == toks[i].sentence && self.phrases.lexicon.is_crowd(t))
    }

    /// A token's word class, found with its word id: the rules ask it of each word and of the
    /// words before it.
    pub fn class(&self, t: &Token) -> Option<WordClass> {
        t.class
    }

    /// "Marta, I'd like to add you…", "Desertsnowman/Calder,\n…": up to three capitalised
    /// words the lexicon does not claim, then a break or a line of their own, when no greeting
    /// word came first, address the reader.
    fn vocative(&self) -> Option<Range<usize>> {
        if self.greeting.is_some() {
            return None;
        }
        let toks: &[Token] = &self.note.tokens;
        let first_line = &self.note.sentences.first()?.tokens;
        let end = if first_line.len() <= 3 && self.note.sentences.len() > 1 {
            first_line.end
        } else {
            toks.iter().take(3).position(|t| t.break_after)? + 1
        };
        let named = toks[..end]
            .iter()
            .all(|t| t.name_like && t.kind == TokenKind::Word && self.class(t).is_none());
        (named && toks.len() > end + 1).then_some(0..end)
    }

    /// Tokens that carry something of the sender's own.
    pub fn own_words(&self) -> usize {
        self.own.iter().filter(|o| **o != Own::No).count()
    }

    /// Whether a capital inside a sentence marks a name. In a note that capitalises its common
    /// words ("auf Ihr Profil … eine Zusammenarbeit") it says nothing of one. A brand's inner
    /// capital ("LinkedIn") is how it is always written, so it does not count.
    fn capitals_name(&self) -> bool {
        *self
            .capitals_name
            .get_or_init(|| self.capitals_name_in_note())
    }

    fn capitals_name_in_note(&self) -> bool {
        let toks: &[Token] = &self.note.tokens;
        toks.iter()
            .enumerate()
            .filter(|(i, t)| {
                t.cap
                    && self.note.sentences[t.sentence].tokens.start != *i
                    && matches!(self.class(t), Some(WordClass::Stock | WordClass::Plain))
                    && !self
                        .source(*i..*i + 1)
                        .chars()
                        .skip(1)
                        .any(char::is_uppercase)
            })
            .nth(1)
            .is_none()
    }

    /// "We're both on the PTA at Hillcrest Primary", "Pracowaliśmy razem w ING", "aynı projede
    /// … 2017": a word saying the two share something (`shared`, in a sentence that neither
    /// asks nor states a want), with a specific of the sender's own near it (a name, a number,
    /// a slot for one), says how they know each other. Returns the tokens from the first of the
    /// two to the last.
    fn shared_with_a_specific(&self, sentence: Range<usize>, shared: Hit) -> Option<Range<usize>> {
        let toks: &[Token] = &self.note.tokens;
        // "Would love to work together at Acme", "let's build it together, Maria": a stock
        // word before it wishes; "I noticed we both…" says what was seen.
        let wishes = toks[sentence.start..shared.start].iter().any(|t| {
            self.class(t) == Some(WordClass::Stock) && !self.phrases.lexicon.is_observing(t)
        });
        if wishes {
            return None;
        }
        // Near it: "…the same questions. I build on Power BI" shares nothing named.
        let mut near =
            shared.start.saturating_sub(6).max(sentence.start)..(shared.end + 6).min(sentence.end);
        // A year shares nothing by itself, so it is not its own specific.
        let specific = near.find(|&j| {
            let t = &toks[j];
            (j < shared.start || j >= shared.end)
                && self.own[j] == Own::Named
                && match t.kind {
                    TokenKind::Word => {
                        t.cap
                            && j != sentence.start
                            && self.class(t).is_none()
                            && self.capitals_name()
                    }
                    // "we both work in {field}": a slot any note fills the same way.
                    TokenKind::Placeholder => !self.phrases.lexicon.is_generic_slot(
                        &self.phrases.words,
                        &t.norm,
                        self.note.written(t),
                    ),
                    _ => true,
                }
        })?;
        Some(shared.start.min(specific)..shared.end.max(specific + 1))
    }

    /// Nothing in the note is the sender's own: a name, a number, a slot, a role or a field
    /// always counts. A word the lists lack counts by where it stands. After the sender speaks
    /// of themselves in its sentence ("I just published my first book"), it is likely what they
    /// do or offer, and only a plain word or two in a note made of stock is let pass. Elsewhere
    /// (in the asking, a greeting, a remark that fits any reader: "Расширяю нетворк, буду рад
    /// коннекту", "nos chemins se croisent sûrement"), a few are, when written in lower case
    /// in a script that has capitals for names and no more of them than of words anyone would
    /// say: in a note that names nothing, they are most likely more ways of asking, greeting
    /// or praising that no list holds. Where they outnumber those, the note says something
    /// the lists cannot read ("Hola, vendemos maquinaria agrícola usada. ¿Conectamos?").
    pub fn says_nothing_of_their_own(&self) -> bool {
        // Unlisted words after the sender spoke of themselves in their sentence, and elsewhere.
        let (mut of_themselves, mut aside) = (0, 0);
        let (mut sentence, mut sender_spoke) = (usize::MAX, false);
        let lexicon = &self.phrases.lexicon;
        for (i, (t, own)) in self.note.tokens.iter().zip(&self.own).enumerate() {
            if t.sentence != sentence {
                (sentence, sender_spoke) = (t.sentence, false);
            }
            let speaks_of_themselves = sender_spoke;
            sender_spoke |= lexicon.is_sender(t);
            match own {
                Own::No => {}
                Own::Plain => return false,
                Own::Named => {
                    let opens_sentence = self.note.sentences[t.sentence].tokens.start == i;
                    let strong = t.kind != TokenKind::Word
                        || (t.cap && !opens_sentence && self.capitals_name())
                        || self.class(t) == Some(WordClass::Field)
                        || self.claims_occupation(i)
                        || self.follows_topic(i);
                    if strong {
                        return false;
                    }
                    // Where letters have no case (Arabic, Chinese, Thai…), nothing sets a
                    // name apart from any other word: "دبي", "北京".
                    let cased = self.source(i..i + 1).starts_with(char::is_lowercase);
                    if speaks_of_themselves || !cased {
                        of_themselves += 1;
                    } else {
                        aside += 1;
                    }
                }
            }
        }
        let said_by_anyone = self.own.iter().filter(|o| **o == Own::No).count();
        aside <= 4.min(said_by_anyone)
            && (of_themselves == 0 || (of_themselves <= 2 && of_themselves * 6 <= said_by_anyone))
    }

    /// A pitch, a hire or a job wanted is the sender's own even when made of merged fields and
    /// stock words: "I help {job_title}s at {company_type} companies solve {pain_point}".
    pub fn asks_something_of_their_own(&self) -> bool {
        self.cues.iter().any(|c| {
            matches!(
                c.kind,
                ContextKind::IntentSales | ContextKind::IntentHiring | ContextKind::IntentJob
            )
        })
    }

    /// Whether the sender's own words in `range` name something: a field, a place, a product.
    pub fn names_something(&self, range: Range<usize>) -> bool {
        self.own[range].contains(&Own::Named)
    }
}

/// What a frame left open for its object ("at", "about") is about, which decides what a slot
/// there stands for.
#[derive(Clone, Copy, PartialEq)]
enum Object {
    /// Something the sender saw of the reader, or a shared interest.
    Seen,
    /// Where the two met or talked.
    Met,
    /// The reader's own piece, talk or opening.
    TheirWork,
}

/// "saw you at {{company_name}}", "we're both passionate about {industry}", "coincidimos en
/// el sector", "about the fintech space": a frame left open for its object ("at", "about",
/// "en") and given a mail-merge field or a whole scene says nothing.
/// For the reader's work, a topic said of anyone names nothing either ("your posts about
/// leadership"), while a slot there names their opening or their piece.
fn given_nothing(note: &Note, phrases: &Phrases, hit: &Hit, object: Object) -> bool {
    let praise_fits_anyone = object == Object::TheirWork;
    let toks: &[Token] = &note.tokens;
    let scene = |t: &Token| phrases.lexicon.is_crowd(t);
    if toks[hit.end - 1].class != Some(WordClass::Filler) {
        return false;
    }
    let found = (hit.end..toks.len().min(hit.end + 3))
        .take_while(|&j| toks[j].sentence == toks[hit.start].sentence)
        .find(|&j| toks[j].kind != TokenKind::Word || toks[j].class != Some(WordClass::Filler));
    found.is_some_and(|at| {
        let t = &toks[at];
        match t.kind {
            // "applied for the [Role] position": the reader's opening is named by its slot.
            // "your work with {companyName}", "your projects at [Empresa]": the reader's firm,
            // merged in, is what a mail merge fills for anyone.
            TokenKind::Placeholder if praise_fits_anyone => phrases.lexicon.names_a_firm(&t.norm),
            TokenKind::Placeholder if object == Object::Met => {
                phrases.lexicon.every_word_generic(&phrases.words, &t.norm)
            }
            TokenKind::Placeholder => {
                phrases
                    .lexicon
                    .is_generic_slot(&phrases.words, &t.norm, note.written(t))
            }
            // "the fintech space": a field before a scene is the scene's; "the Mobile World
            // Congress" and "the World Bank" are names.
            _ if (scene(t) && !(t.cap && toks.get(at + 1).is_some_and(|n| n.cap)))
                || (!t.cap && toks.get(at + 1).is_some_and(scene)) =>
            {
                true
            }
            _ => {
                praise_fits_anyone
                    && (at..toks.len().min(at + 2))
                        .take_while(|&j| toks[j].sentence == t.sentence)
                        .all(|j| {
                            toks[j].kind == TokenKind::Word
                                && matches!(
                                    toks[j].class,
                                    Some(WordClass::Filler | WordClass::Stock)
                                )
                        })
            }
        }
    })
}

/// Two lists of cues, each in token order, as one. The frames' cues are in the order the
/// sentences were searched, and a slot's cue sits in a sentence with no other, so merging them
/// is the sort by position the rules read them in; the wasm then carries no stable sort.
fn in_token_order(frames: Vec<Cue>, slots: Vec<Cue>) -> Vec<Cue> {
    let mut all = Vec::with_capacity(frames.len() + slots.len());
    let (mut frames, mut slots) = (frames.into_iter().peekable(), slots.into_iter().peekable());
    let at = |c: &Cue| (c.hit.start, c.hit.end);
    while let Some(next) = match (frames.peek(), slots.peek()) {
        (Some(f), Some(s)) if at(s) < at(f) => slots.next(),
        (Some(_), _) => frames.next(),
        (None, _) => slots.next(),
    } {
        all.push(next);
    }
    all
}

/// "I would like to add you to my network because we share…": a stock opener that goes on to
/// give a reason in the same sentence is read for its reason (seed 002, example 3). Indexed
/// once per note so that each opener is one lookup.
struct ReasonIndex {
    /// Per token: the end of a reason word ("because", "weil") that starts there.
    reason_end: Vec<Option<usize>>,
    /// Per sentence: it holds a cue that counts (a sales pitch does not).
    has_cue: Vec<bool>,
}

impl ReasonIndex {
    fn new(r: &Reading, hits: &[Hit]) -> Self {
        let mut reason_end = vec![None; r.note.tokens.len()];
        for h in hits.iter().filter(|h| h.section == r.phrases.reason) {
            reason_end[h.start] = Some(h.end);
        }
        let mut has_cue = vec![false; r.note.sentences.len()];
        for c in r.cues.iter().filter(|c| c.kind != ContextKind::IntentSales) {
            has_cue[r.note.tokens[c.hit.start].sentence] = true;
        }
        ReasonIndex {
            reason_end,
            has_cue,
        }
    }

    fn follows(&self, r: &Reading, hit: &Hit) -> bool {
        if hit.section != r.phrases.default && hit.section != r.phrases.generic {
            return false;
        }
        let sentence = r.note.tokens[hit.start].sentence;
        let sentence_end = r.note.sentences[sentence].tokens.end;
        let reason_next = self
            .reason_end
            .get(hit.end)
            .copied()
            .flatten()
            .is_some_and(|end| sentence_end.saturating_sub(end) >= 2);
        reason_next || self.has_cue[sentence]
    }
}

/// What the sender wants (a sale, a job, a hire, advice, to offer something): a reason only
/// beside something that ties the note to the reader.
fn is_want(kind: ContextKind) -> bool {
    matches!(
        kind,
        ContextKind::IntentSales
            | ContextKind::IntentJob
            | ContextKind::IntentHiring
            | ContextKind::IntentAdvice
            | ContextKind::ValueOffer
    )
}
