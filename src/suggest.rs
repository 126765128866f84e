//! Rewrites: ready-to-send notes built from the seed articles' good examples, with what only
//! the sender knows left as `[slots]` to type over.
//!
//! The templates live in `src/suggestions/<lang>.txt`, one intent a section. They are chosen in
//! the note's own language, ranked by what the note and the page already say, varied by note,
//! and only offered when they fit the box's limit with their slots filled in.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::messages::substitute;
use crate::reading::Reading;
use crate::text::{fold, TokenKind};
use crate::{Context, ContextKind, Span};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Suggestion {
    /// The context kind the rewrite gives the recipient, or `replace_canned` for an edit that
    /// swaps only the canned sentence and keeps the rest word for word.
    pub intent: String,
    /// The whole note as it would read after the rewrite.
    pub text: String,
    /// The slots to fill, `[like this]`, in UTF-16 units of `text`, in order.
    pub slots: Vec<Span>,
}

/// The intent of the rewrite that keeps a note's personal sentences.
pub const REPLACE_CANNED: &str = "replace_canned";

const MAX_SUGGESTIONS: usize = 5;

/// One language's templates, as written in its file.
pub(crate) struct Templates {
    pub lang: &'static str,
    settings: Vec<(&'static str, &'static str)>,
    pub sections: Vec<(&'static str, Vec<&'static str>)>,
}

impl Templates {
    fn parse(lang: &'static str, source: &'static str) -> Self {
        let mut t = Templates {
            lang,
            settings: Vec::new(),
            sections: Vec::new(),
        };
        for line in source.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(setting) = line.strip_prefix('@') {
                if let Some((k, v)) = setting.split_once('=') {
                    t.settings.push((k.trim(), v.trim()));
                }
            } else if let Some(intent) = line.strip_prefix("==") {
                t.sections.push((intent.trim(), Vec::new()));
            } else if let Some((_, list)) = t.sections.last_mut() {
                list.push(line);
            }
        }
        t
    }

    pub fn setting(&self, key: &str) -> &'static str {
        self.settings
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v)
    }
}

pub(crate) const LANGUAGES: [&str; 5] = ["en", "de", "fr", "es", "pt"];

#[cfg(test)]
fn template_source(lang: &str) -> &'static str {
    match lang {
        "de" => include_str!("suggestions/de.txt"),
        "fr" => include_str!("suggestions/fr.txt"),
        "es" => include_str!("suggestions/es.txt"),
        "pt" => include_str!("suggestions/pt.txt"),
        _ => include_str!("suggestions/en.txt"),
    }
}

#[cfg(not(test))]
fn template_source(lang: &str) -> &'static str {
    crate::data::file(&["suggestions/", lang, ".txt"].concat())
}

pub(crate) fn templates(lang: &str) -> &'static Templates {
    static ALL: OnceLock<Vec<Templates>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|l| Templates::parse(l, template_source(l)))
            .collect()
    });
    all.iter().find(|t| t.lang == lang).unwrap_or(&all[0])
}

/// Words frequent in one language and rare in the others: enough to tell a short note's
/// language among the five the templates are written in.
fn language_of(r: &Reading, fallback: &str) -> &'static str {
    const MARKERS: [(&str, &[&str]); 5] = [
        (
            "en",
            &[
                "the", "and", "you", "your", "i", "to", "my", "would", "with", "we", "at", "on",
            ],
        ),
        (
            "de",
            &[
                "ich", "sie", "und", "der", "die", "das", "mit", "nicht", "gerne", "mein", "ihr",
                "wir", "auf", "zu", "hallo",
            ],
        ),
        (
            "fr",
            &[
                "je", "vous", "et", "le", "les", "mon", "votre", "nous", "avec", "pour", "sur",
                "bonjour", "au",
            ],
        ),
        (
            "es",
            &[
                "yo", "tu", "y", "el", "los", "mi", "con", "para", "que", "me", "nos", "hola",
                "gustaria",
            ],
        ),
        (
            "pt",
            &[
                "eu", "voce", "o", "os", "minha", "meu", "com", "para", "que", "nos", "no", "na",
                "seu", "ola", "gostaria",
            ],
        ),
    ];
    let mut best = (0, None);
    for (lang, words) in MARKERS {
        let score = r
            .tokens()
            .iter()
            .filter(|t| words.contains(&t.norm.as_str()))
            .count();
        if score > best.0 {
            best = (score, Some(lang));
        }
    }
    best.1.unwrap_or_else(|| {
        let base = fallback.split(['-', '_']).next().unwrap_or("en");
        LANGUAGES
            .iter()
            .find(|l| l.eq_ignore_ascii_case(base))
            .copied()
            .unwrap_or("en")
    })
}

/// A template with the page's facts filled in, and its slots found.
struct Filled {
    text: String,
    slots: Vec<Span>,
    /// The text with every slot replaced by its example: what length to plan for.
    planned_len: u32,
}

/// Expands `{first}`, `{intro}`, `{company}` and turns `[label=example]` into `[label]`.
fn fill(template: &str, t: &Templates, ctx: &Context) -> Filled {
    let first = ctx.recipient_first_name().map(str::to_string);
    let intro = intro(t, ctx);
    let company = ctx
        .recipient
        .as_ref()
        .and_then(|r| r.company.clone())
        .filter(|c| !c.trim().is_empty());
    let name_slot = ["[", t.setting("name"), "]"].concat();
    let company_slot = ["[", t.setting("company"), "]"].concat();
    let expanded = substitute(
        template,
        &[
            ("first", first.as_deref().unwrap_or(&name_slot)),
            ("intro", &intro),
            ("company", company.as_deref().unwrap_or(&company_slot)),
        ],
    );
    let mut text = String::with_capacity(expanded.len());
    let mut slots = Vec::new();
    let mut planned = 0u32;
    let mut rest = expanded.as_str();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        text.push_str(&rest[..open]);
        planned += utf16(&rest[..open]);
        let (label, example) = rest[open + 1..close]
            .split_once('=')
            .unwrap_or((&rest[open + 1..close], ""));
        let start = utf16(&text);
        text.push('[');
        text.push_str(label);
        text.push(']');
        slots.push(Span::new(start, utf16(&text)));
        planned += utf16(if example.is_empty() { label } else { example });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    planned += utf16(rest);
    Filled {
        text,
        slots,
        planned_len: planned,
    }
}

fn utf16(s: &str) -> u32 {
    crate::text::utf16_len(s)
}

/// "I'm Alex, product designer at Acme. " from the options, or nothing.
fn intro(t: &Templates, ctx: &Context) -> String {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let (sender, role) = (clean(&ctx.sender_name), clean(&ctx.sender_role));
    let Some(role) = role else {
        return String::new();
    };
    let role = lower_first(&role);
    let sentence = match sender {
        Some(sender) => substitute(t.setting("intro"), &[("sender", &sender), ("role", &role)]),
        None => substitute(t.setting("intro-role"), &[("role", &role)]),
    };
    sentence + " "
}

/// "Product designer at Acme" reads as "product designer at Acme" mid-sentence; "UX lead" stays.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            let mut out = String::with_capacity(s.len());
            out.push(if a.is_ascii() {
                a.to_ascii_lowercase()
            } else {
                crate::text::lower(a)
            });
            out.push_str(&s[a.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

/// Deterministic per note, so typing the same note shows the same rewrites, while different
/// notes get different wordings.
fn variety(note: &str) -> usize {
    note.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    }) as usize
}

/// Intents in the order the note and the page make most useful.
fn ranked_intents(r: &Reading, t: &Templates) -> Vec<&'static str> {
    let mut scored: Vec<(i32, usize, &'static str)> = t
        .sections
        .iter()
        .enumerate()
        .map(|(order, (intent, _))| (0, order, *intent))
        .collect();
    let has_word = |words: &[&str]| {
        r.tokens()
            .iter()
            .any(|t| words.iter().any(|w| t.norm.starts_with(w)))
    };
    // A first and last name outside the greeting and sign-off: someone the sender mentions.
    // One capitalised word is not enough: German capitalises every noun.
    let outside = |i: usize| {
        r.greeting.as_ref().is_none_or(|g| !g.tokens.contains(&i))
            && r.closing.as_ref().is_none_or(|c| !c.contains(&i))
    };
    let named_someone = r.has_kind(ContextKind::MutualConnection)
        || r.tokens().windows(2).enumerate().any(|(i, pair)| {
            pair.iter()
                .all(|t| t.name_like && t.kind == TokenKind::Word)
                && outside(i)
                && r.ctx
                    .recipient_first_name()
                    .is_none_or(|n| fold(n) != pair[0].norm)
        });
    let role = r.ctx.sender_role.as_deref().map(fold).unwrap_or_default();
    for (score, _, intent) in &mut scored {
        if let Some(kind) = ContextKind::parse(intent) {
            if r.has_kind(kind) {
                *score += 10;
            }
        }
        *score += match *intent {
            "met"
                if has_word(&[
                    "meetup",
                    "conference",
                    "summit",
                    "event",
                    "booth",
                    "expo",
                    "konferenz",
                    "salon",
                    "conferencia",
                    "evento",
                    "webinar",
                ]) =>
            {
                8
            }
            "mutual_connection"
                if named_someone || r.hits_in(r.phrases.unnamed_mutuals).next().is_some() =>
            {
                6
            }
            "shared_group"
                if has_word(&["group", "guild", "community", "gruppe", "groupe", "grupo"]) =>
            {
                6
            }
            "intent_job"
                if has_word(&["job", "hiring", "role", "position", "resume", "graduat"]) =>
            {
                7
            }
            "intent_hiring"
                if ["recruit", "talent", "hiring"]
                    .iter()
                    .any(|w| role.contains(w)) =>
            {
                9
            }
            "reconnect" | "worked_together"
                if r.ctx.expecting
                    || has_word(&["years", "remember", "reconnect", "jahre", "ans", "anos"]) =>
            {
                6
            }
            "intent_job" | "intent_hiring" => -5,
            _ => 0,
        };
    }
    crate::data::insertion_sort_by(&mut scored, |a, b| (-a.0, a.1) < (-b.0, b.1));
    scored.into_iter().map(|(_, _, intent)| intent).collect()
}

/// The note with each canned sentence swapped for one that adds what it lacks, and every other
/// sentence kept word for word; `None` when the note has nothing of its own to keep.
fn replace_canned(r: &Reading, t: &Templates, ctx: &Context) -> Option<Filled> {
    let p = r.phrases;
    let canned: Vec<_> = r
        .stock
        .iter()
        .filter(|h| (h.section == p.default || h.section == p.generic) && r.opens_sentence(h))
        .collect();
    if canned.is_empty() || r.own_words() == 0 {
        return None;
    }
    let how = r.counting_cues().any(|c| c.kind.answers_how());
    let why = r.counting_cues().any(|c| c.kind.answers_why());
    let replacement = match (how, why) {
        (false, _) => t.setting("add-how"),
        (true, false) => t.setting("add-why"),
        (true, true) => "",
    };
    let note = &r.note;
    let mut out = String::new();
    let mut copied = 0;
    for (i, hit) in canned.iter().enumerate() {
        let sentence = &note.sentences[note.tokens[hit.start].sentence];
        let start = note.tokens[hit.start].start;
        // The canned text runs to the end of its sentence; a space or break after it goes too.
        let end = sentence.end + note.text[sentence.end..].len()
            - note.text[sentence.end..].trim_start().len();
        if start < copied {
            continue;
        }
        out.push_str(&note.text[copied..start]);
        if i == 0 && !replacement.is_empty() {
            out.push_str(replacement);
            out.push(' ');
        }
        copied = end;
    }
    out.push_str(&note.text[copied..]);
    let out = out.trim_end();
    Some(fill(out, t, ctx))
}

/// Three to five ready-to-send rewrites of `note`, best first.
pub fn suggest(note: &str, ctx: &Context) -> Vec<Suggestion> {
    let r = Reading::new(note, ctx);
    let t = templates(language_of(&r, ctx.lang.as_deref().unwrap_or("en")));
    let limit = ctx.limit();
    let pick = variety(note);
    let mut out = Vec::new();
    if let Some(edit) = replace_canned(&r, t, ctx).filter(|f| f.planned_len <= limit) {
        out.push(Suggestion {
            intent: REPLACE_CANNED.to_string(),
            text: edit.text,
            slots: edit.slots,
        });
    }
    for intent in ranked_intents(&r, t) {
        if out.len() >= MAX_SUGGESTIONS {
            break;
        }
        let Some((_, list)) = t.sections.iter().find(|(i, _)| *i == intent) else {
            continue;
        };
        // Start at a different variant per note and take the first that fits.
        let fitting = (0..list.len())
            .map(|k| fill(list[(pick + k) % list.len()], t, ctx))
            .find(|f| f.planned_len <= limit);
        if let Some(f) = fitting {
            out.push(Suggestion {
                intent: intent.to_string(),
                text: f.text,
                slots: f.slots,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{rules, slice, to};
    use crate::{analyze, Recipient, Verdict};

    /// The template with every slot filled with its example, as a sender would.
    fn filled_in(template: &str, t: &Templates, ctx: &Context) -> String {
        let f = fill(template, t, ctx);
        let mut text = f.text.clone();
        for span in f.slots.iter().rev() {
            let slot = slice(&f.text, *span);
            let label = &slot[1..slot.len() - 1];
            let example = [
                ("name", t.setting("name")),
                ("company", t.setting("company")),
            ]
            .iter()
            .find(|(_, s)| s.split_once('=').is_some_and(|(l, _)| l == label))
            .map(|(_, s)| s.split_once('=').unwrap().1.to_string())
            .or_else(|| template_example(template, label))
            .unwrap_or_else(|| panic!("no example for [{label}] in {template}"));
            let units: Vec<u16> = text.encode_utf16().collect();
            let mut next: Vec<u16> = units[..span.start as usize].to_vec();
            next.extend(example.encode_utf16());
            next.extend(&units[span.end as usize..]);
            text = String::from_utf16(&next).unwrap();
        }
        text
    }

    fn template_example(template: &str, label: &str) -> Option<String> {
        let needle = format!("[{label}=");
        let at = template.find(&needle)? + needle.len();
        Some(template[at..at + template[at..].find(']')?].to_string())
    }

    fn contexts() -> Vec<Context> {
        let known = Context {
            sender_name: Some("Alex Ray".into()),
            sender_role: Some("Product designer at Acme".into()),
            recipient: Some(Recipient {
                company: Some("Globex".into()),
                ..to("Sam Okafor").recipient.unwrap()
            }),
            ..Context::default()
        };
        vec![Context::default(), to("Sam Okafor"), known]
    }

    /// The test: every template, in every language, filled in plausibly, is a personal
    /// note with no canned or spelling finding, and fits a free account's 200 characters.
    #[test]
    fn every_template_filled_in_is_a_personal_note() {
        let mut failures = Vec::new();
        for lang in LANGUAGES {
            let t = templates(lang);
            assert!(t.sections.len() >= 4, "{lang} has too few intents");
            for (intent, list) in &t.sections {
                for template in list {
                    for ctx in contexts() {
                        let text = filled_in(template, t, &ctx);
                        let report = analyze(&text, &ctx);
                        let bad: Vec<_> = rules(&report)
                            .into_iter()
                            .filter(|r| {
                                r.starts_with("canned")
                                    || *r == "misspelling"
                                    || *r == "placeholder"
                                    || *r == "wrong-name"
                                    || *r == "over-limit"
                            })
                            .collect();
                        let kinds: Vec<_> =
                            report.context.iter().map(|c| c.kind.as_str()).collect();
                        if report.verdict != Verdict::Personal
                            || !bad.is_empty()
                            || text.encode_utf16().count() > 200
                        {
                            failures.push(format!(
                                "{lang}/{intent}: {text:?} -> {:?} {bad:?} {kinds:?}",
                                report.verdict
                            ));
                        }
                        if ContextKind::parse(intent)
                            .is_some_and(|k| !report.context.iter().any(|c| c.kind == k))
                        {
                            failures.push(format!(
                                "{lang}/{intent}: {text:?} does not read as {intent}: {kinds:?}"
                            ));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn three_to_five_rewrites_that_fit_the_limit() {
        for limit in [200, 300] {
            for note in [
                "I'd like to add you to my professional network on LinkedIn.",
                "",
                "Let's connect!",
                "Hi, are you hiring?",
            ] {
                let ctx = Context {
                    limit: Some(limit),
                    ..to("Sam Okafor")
                };
                let list = suggest(note, &ctx);
                assert!((3..=5).contains(&list.len()), "{note}: {}", list.len());
                for s in &list {
                    assert!(s.text.encode_utf16().count() as u32 <= limit, "{}", s.text);
                    assert!(s.text.starts_with("Hi Sam,"), "{}", s.text);
                    assert!(!s.slots.is_empty());
                    for span in &s.slots {
                        let slot = slice(&s.text, *span);
                        assert!(
                            slot.starts_with('[') && slot.ends_with(']') && !slot.contains('='),
                            "{slot}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn what_the_page_knows_is_filled_in() {
        let ctx = &contexts()[2];
        let all: Vec<String> = ["met", "intent_job"]
            .iter()
            .flat_map(|intent| {
                let (_, list) = templates("en")
                    .sections
                    .iter()
                    .find(|(i, _)| i == intent)
                    .unwrap();
                list.iter()
                    .map(|t| fill(t, templates("en"), ctx).text)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(all.iter().all(|t| t.starts_with("Hi Sam,")));
        assert!(
            all.iter()
                .any(|t| t.contains("I'm Alex Ray, product designer at Acme.")),
            "{all:?}"
        );
        assert!(all.iter().any(|t| t.contains("at Globex")), "{all:?}");
        let unknown = fill(
            templates("en").sections[0].1[0],
            templates("en"),
            &Context::default(),
        );
        assert!(unknown.text.starts_with("Hi [name],"), "{}", unknown.text);
    }

    #[test]
    fn ranked_by_what_the_note_says() {
        let first = |note: &str| {
            let list = suggest(note, &to("Sam Okafor"));
            list.into_iter()
                .find(|s| s.intent != REPLACE_CANNED)
                .unwrap()
                .intent
        };
        assert_eq!(
            first("Hi Sam, I saw you at the Leeds meetup. Let's connect!"),
            "met"
        );
        assert_eq!(
            first("Hi Sam, Priya Shah thought we should talk. Let's connect!"),
            "mutual_connection"
        );
        assert_eq!(
            first("Hi Sam, we are in the same group. Let's connect!"),
            "shared_group"
        );
        assert_eq!(
            first("Hi Sam, I'm looking for a job. Let's connect!"),
            "intent_job"
        );
        let recruiter = Context {
            sender_role: Some("Technical recruiter at Northwind".into()),
            ..to("Sam Okafor")
        };
        assert_eq!(
            suggest("Let's connect!", &recruiter)[0].intent,
            "intent_hiring"
        );
    }

    #[test]
    fn a_canned_sentence_among_personal_ones_is_replaced_alone() {
        let note = "Hi Sam, I'd like to add you to my professional network on LinkedIn. We're both members of the Rust in Production group.";
        let list = suggest(note, &to("Sam Okafor"));
        assert_eq!(list[0].intent, REPLACE_CANNED);
        let edit = &list[0].text;
        assert!(edit.starts_with("Hi Sam, "), "{edit}");
        assert!(
            edit.ends_with("We're both members of the Rust in Production group."),
            "{edit}"
        );
        assert!(!edit.contains("professional network"), "{edit}");
        // A group says how, not why: the replacement asks the why.
        assert!(edit.contains("[a question you have]"), "{edit}");

        // When the rest already says how and why, the canned sentence simply goes.
        let note = "Hi Sam, I'd like to add you to my professional network on LinkedIn. Your talk on CRDTs at Strange Loop changed how I build sync.";
        let edit = &suggest(note, &to("Sam Okafor"))[0];
        assert_eq!(edit.intent, REPLACE_CANNED);
        assert_eq!(
            edit.text,
            "Hi Sam, Your talk on CRDTs at Strange Loop changed how I build sync."
        );

        assert!(suggest(
            "I'd like to add you to my professional network on LinkedIn.",
            &Context::default()
        )
        .iter()
        .all(|s| s.intent != REPLACE_CANNED));
    }

    #[test]
    fn stock_words_inside_a_sentence_are_not_swapped_out() {
        let note = "Hi Emily, I came across your profile and was impressed by your experience. I'm passionate about the same field and would love to connect.";
        for s in suggest(note, &to("Emily Chen")) {
            assert!(
                !s.text.contains("would We met") && !s.text.contains("would ."),
                "{}",
                s.text
            );
        }
    }

    #[test]
    fn in_the_notes_own_language() {
        for (note, greeting) in [
            (
                "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
                "Hallo Sam,",
            ),
            (
                "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.",
                "Bonjour Sam,",
            ),
            (
                "Me gustaría añadirte a mi red profesional en LinkedIn.",
                "Hola Sam,",
            ),
            (
                "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
                "Olá Sam,",
            ),
            (
                "I'd like to add you to my professional network on LinkedIn.",
                "Hi Sam,",
            ),
        ] {
            let list = suggest(note, &to("Sam Okafor"));
            assert!(list.len() >= 3, "{note}");
            assert!(
                list.iter().all(|s| s.text.starts_with(greeting)),
                "{note}: {list:?}"
            );
        }
        // An empty note follows the sender's language.
        let ctx = Context {
            lang: Some("fr".into()),
            ..to("Sam Okafor")
        };
        assert!(suggest("", &ctx)[0].text.starts_with("Bonjour"));
    }

    #[test]
    fn different_notes_get_different_wording() {
        let ctx = to("Sam Okafor");
        let a = suggest("Let's connect!", &ctx);
        let b = suggest("Please accept my invitation.", &ctx);
        let c = suggest("I want to grow my network.", &ctx);
        let texts = |l: &[Suggestion]| l.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        assert!(texts(&a) != texts(&b) || texts(&b) != texts(&c));
        let shared = texts(&a).iter().filter(|t| texts(&b).contains(t)).count();
        assert!(shared < a.len(), "the same stock sentences for two notes");
    }

    #[test]
    fn slot_spans_count_utf16() {
        let ctx = to("Zoë 🌍 Okafor");
        for s in suggest("🎉 Let's connect!", &ctx) {
            for span in s.slots {
                let slot = slice(&s.text, span);
                assert!(slot.starts_with('[') && slot.ends_with(']'), "{slot}");
            }
        }
    }
}
