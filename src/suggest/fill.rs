//! Turning a template into a rewrite: the page's facts filled in, the slots found, the variant
//! picked per note, and only a rewrite that fits the box's limit once its slots are typed over.

use super::facts::{named_in, Facts};
use super::templates::Templates;
use crate::messages::substitute;
use crate::{Context, Span};

/// A template with the page's facts filled in, and its slots found.
pub(super) struct Filled {
    pub text: String,
    pub slots: Vec<Span>,
    /// The text with every slot replaced by its example: what length to plan for.
    pub planned_len: u32,
}

/// Expands `{first}`, `{intro}`, `{company}` and the page's facts (`{mutual}`, `{school}`…,
/// see [`Facts`]), and turns `[label=example]` into `[label]`. A fact the page lacks stays as
/// written: [`first_fitting`] never offers such a template.
pub(super) fn fill(template: &str, t: &Templates, ctx: &Context) -> Filled {
    fill_with(template, t, ctx, &Facts::of(ctx))
}

fn fill_with(template: &str, t: &Templates, ctx: &Context, facts: &Facts) -> Filled {
    let first = ctx.recipient_first_name().map(str::to_string);
    let intro = intro(t, ctx);
    let company = ctx
        .recipient
        .as_ref()
        .and_then(|r| r.company.clone())
        .filter(|c| !c.trim().is_empty());
    let name_slot = ["[", t.setting("name"), "]"].concat();
    let company_slot = ["[", t.setting("company"), "]"].concat();
    let mut args = vec![
        ("first", first.as_deref().unwrap_or(&name_slot)),
        ("intro", intro.as_str()),
        ("company", company.as_deref().unwrap_or(&company_slot)),
    ];
    args.extend(facts.pairs());
    let expanded = substitute(template, &args);
    let mut text = String::with_capacity(expanded.len());
    let mut slots = Vec::new();
    let mut planned = 0u32;
    // `text`'s length in UTF-16 units, kept as it grows: measuring it at each slot would make a
    // note full of slots quadratic.
    let mut text16 = 0u32;
    let mut rest = expanded.as_str();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest.get(open..).and_then(|r| r.find(']')) else {
            break;
        };
        let close = open + close;
        let before = rest.get(..open).unwrap_or("");
        text.push_str(before);
        let before16 = utf16(before);
        planned += before16;
        text16 += before16;
        let slot = rest.get(open + 1..close).unwrap_or("");
        let (label, example) = slot.split_once('=').unwrap_or((slot, ""));
        let start = text16;
        text.push('[');
        text.push_str(label);
        text.push(']');
        text16 += utf16(label) + 2;
        slots.push(Span::new(start, text16));
        planned += utf16(if example.is_empty() { label } else { example });
        rest = rest.get(close + 1..).unwrap_or("");
    }
    text.push_str(rest);
    planned += utf16(rest);
    Filled {
        text,
        slots,
        planned_len: planned,
    }
}

/// The first of an intent's `templates` that fits `limit` filled in, starting from a different
/// one for each note (`pick`, from [`variety`]) so that notes do not all get the same wording.
/// Templates that name the page's facts come first when the page shows every fact they name;
/// the others, which name none, are the same list whatever the page shows.
pub(super) fn first_fitting(
    templates: &[&str],
    t: &Templates,
    ctx: &Context,
    pick: usize,
    limit: u32,
) -> Option<Filled> {
    let facts = Facts::of(ctx);
    let with_facts: Vec<&str> = templates
        .iter()
        .copied()
        .filter(|tpl| {
            let mut named = named_in(tpl).peekable();
            named.peek().is_some() && named.all(|k| facts.get(k).is_some())
        })
        .collect();
    let without: Vec<&str> = templates
        .iter()
        .copied()
        .filter(|tpl| named_in(tpl).next().is_none())
        .collect();
    [with_facts, without].iter().find_map(|list| {
        (0..list.len())
            .map(|k| fill_with(list[(pick + k) % list.len()], t, ctx, &facts))
            .find(|f| f.planned_len <= limit)
    })
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
            out.push_str(s.get(a.len_utf8()..).unwrap_or(""));
            out
        }
        _ => s.to_string(),
    }
}

/// Deterministic per note, so typing the same note shows the same rewrites, while different
/// notes get different wordings. Kept to 32 bits, so that the CLI (64-bit `usize`) and the wasm
/// (32-bit) pick the same wording for a note.
pub(super) fn variety(note: &str) -> usize {
    note.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    }) as u32 as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::templates::{templates, tests::contexts};
    use crate::suggest::{suggest, Suggestion};
    use crate::testing::{slice, to};

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
