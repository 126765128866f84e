//! The engine's JavaScript face: plain objects in, plain objects out.
//!
//! The context is read without serde's `Deserialize`, which drags float formatting and visitor
//! code into the module, a fifth of its size, for an object of five fields. `wasm/objects.js`
//! checks it and writes its fields as one text, read here in one call: a getter a field, each
//! a call into JavaScript and each string a text to decode, was a few thousand instructions of
//! every keystroke, and the getters' glue a few hundred bytes of the module.
//!
//! Results go the other way as a tape (numbers, and one text holding every string) that
//! `wasm/objects.js`, shipped in the glue, turns into the objects: one call into JavaScript a
//! result. Building the objects from here took a call for each field and a decoded text for each
//! string, a fifth of a note's time, and serde's code for it five KiB of the gzipped module.

use wasm_bindgen::prelude::*;

use crate::text::utf16_len;
use crate::{Context, Recipient, Report, Span};

mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::SizeClasses = alloc::SizeClasses::new();

#[wasm_bindgen(module = "/src/wasm/objects.js")]
extern "C" {
    #[wasm_bindgen(js_name = reportFromTape)]
    fn report_from_tape(nums: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = suggestionsFromTape)]
    fn suggestions_from_tape(nums: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = rulesFromTape)]
    fn rules_from_tape(nums: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = contextText)]
    fn context_text(context: &JsValue) -> String;
}

/// A result as `wasm/objects.js` reads it, in the order it reads: numbers, and each string as
/// its length in UTF-16 units (JavaScript slices the text by them) with its text appended.
struct Tape {
    nums: Vec<u32>,
    text: String,
}

impl Default for Tape {
    /// Room for a note's report, which would otherwise move as it grows, a dozen times.
    fn default() -> Self {
        Tape {
            nums: Vec::with_capacity(128),
            text: String::with_capacity(1024),
        }
    }
}

impl Tape {
    fn num(&mut self, n: u32) {
        self.nums.push(n);
    }

    fn flag(&mut self, b: bool) {
        self.nums.push(b as u32);
    }

    fn str(&mut self, s: &str) {
        self.nums.push(utf16_len(s));
        self.text.push_str(s);
    }

    fn span(&mut self, span: Span) {
        self.nums.extend([span.start, span.end]);
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.num(items.len() as u32);
        for item in items {
            each(self, item);
        }
    }

    fn report(&mut self, r: &Report) {
        self.str(r.verdict.as_str());
        self.num(r.length.used);
        self.num(r.length.limit);
        let c = &r.checklist;
        for flag in [
            c.not_canned,
            c.greets_by_name,
            c.how_we_know,
            c.why_connect,
            c.offers_value,
            c.within_limit,
            c.no_placeholders,
            c.spelling_ok,
        ] {
            self.flag(flag);
        }
        self.list(&r.context, |t, hit| {
            t.str(hit.kind.as_str());
            t.span(hit.span);
            t.str(&hit.cue);
        });
        self.list(&r.findings, |t, f| {
            t.str(&f.rule);
            t.str(f.severity.as_str());
            t.str(&f.message);
            t.span(f.span);
            t.list(&f.fixes, |t, fix| {
                t.str(&fix.label);
                t.span(fix.span);
                t.str(&fix.replacement);
            });
        });
        self.list(&r.omitted, |t, o| {
            t.str(&o.rule);
            t.num(o.count);
        });
    }
}

/// `analyze(text, context)`: the report as a plain object, the same shape as the CLI's JSON.
/// A malformed context is an `Error` with a message, never a panic.
#[wasm_bindgen]
pub fn analyze(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx = read_context(&context)?;
    let mut tape = Tape::default();
    tape.report(&crate::analyze(text, &ctx));
    Ok(report_from_tape(&tape.nums, &tape.text))
}

/// `suggest(text, context)`: `{suggestions: [{intent, text, slots: [{start, end}], lang}]}`,
/// best first, the same shape as `uncanned suggest --jsonl`.
#[wasm_bindgen]
pub fn suggest(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx = read_context(&context)?;
    let mut tape = Tape::default();
    tape.list(&crate::suggest(text, &ctx), |t, s| {
        t.str(&s.intent);
        t.str(&s.text);
        t.list(&s.slots, |t, &slot| t.span(slot));
        t.str(&s.lang);
    });
    Ok(suggestions_from_tape(&tape.nums, &tape.text))
}

/// `rules(lang)`: every rule id with its short name in that language, for the options page.
#[wasm_bindgen]
pub fn rules(lang: Option<String>) -> JsValue {
    let messages = crate::messages::catalogue(lang.as_deref());
    let mut tape = Tape::default();
    tape.list(&crate::rules::RULE_IDS, |t, &id| {
        t.str(id);
        t.str(&messages.get(&["rule.", id].concat(), &[]));
    });
    rules_from_tape(&tape.nums, &tape.text)
}

/// The context as `contextText` in `wasm/objects.js` writes it, read in the same order.
struct ContextText<'t> {
    rest: &'t str,
}

impl<'t> ContextText<'t> {
    /// The number up to `end`, the terminator consumed.
    fn number(&mut self, end: u8) -> usize {
        let bytes = self.rest.as_bytes();
        let mut n = 0;
        let mut i = 0;
        while i < bytes.len() && bytes[i] != end {
            n = n * 10 + (bytes[i] - b'0') as usize;
            i += 1;
        }
        self.rest = self.rest.get(i + 1..).unwrap_or("");
        n
    }

    /// Whether a field is there, '-' consumed when it is not.
    fn given(&mut self) -> bool {
        match self.rest.strip_prefix('-') {
            Some(rest) => {
                self.rest = rest;
                false
            }
            None => true,
        }
    }

    fn flag(&mut self) -> bool {
        let yes = self.rest.starts_with('1');
        self.rest = self.rest.get(1..).unwrap_or("");
        yes
    }

    /// A string that is there: its length in UTF-16 units, ':' and itself.
    fn text(&mut self) -> String {
        let units = self.number(b':');
        let (mut counted, mut end) = (0, 0);
        for c in self.rest.chars() {
            if counted >= units {
                break;
            }
            counted += c.len_utf16();
            end += c.len_utf8();
        }
        let (text, rest) = self.rest.split_at_checked(end).unwrap_or((self.rest, ""));
        self.rest = rest;
        text.to_string()
    }

    fn string(&mut self) -> Option<String> {
        self.given().then(|| self.text())
    }

    fn strings(&mut self) -> Vec<String> {
        (0..self.number(b';')).map(|_| self.text()).collect()
    }

    fn count(&mut self) -> Option<u32> {
        self.given().then(|| self.number(b';') as u32)
    }

    fn recipient(&mut self) -> Recipient {
        Recipient {
            first_name: self.string(),
            full_name: self.string(),
            headline: self.string(),
            company: self.string(),
            mutuals: self.strings(),
            mutual_count: self.count(),
            shared_school: self.string(),
            shared_employer: self.string(),
            shared_group: self.string(),
            posts: self.strings(),
            about: self.string(),
            profile_lang: self.string(),
        }
    }
}

/// A malformed context is an `Error` whose message says what is wrong, as `contextText`
/// words it.
fn read_context(value: &JsValue) -> Result<Context, JsError> {
    let text = context_text(value);
    if let Some(message) = text.strip_prefix('!') {
        return Err(JsError::new(message));
    }
    let mut r = ContextText { rest: &text };
    let recipient = r.flag().then(|| r.recipient());
    let limit = r.count();
    let expecting = r.flag();
    let disabled_rules = r.strings();
    Ok(Context {
        recipient,
        limit,
        sender_name: r.string(),
        sender_role: r.string(),
        expecting,
        lang: r.string(),
        disabled_rules,
    })
}
