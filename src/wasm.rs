//! The engine's JavaScript face: plain objects in, plain objects out.
//!
//! The context is read field by field rather than through serde's `Deserialize`: the derive
//! drags float formatting and visitor code into the module, a fifth of its size, for an object
//! of five fields. The fields are read through getters the glue generates (`obj.limit`), not
//! `Reflect::get` with a key made anew each call: every keystroke reads them all.
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

fn invalid(what: &str) -> JsError {
    JsError::new(&["invalid context: ", what].concat())
}

#[wasm_bindgen]
extern "C" {
    /// Any object, read through the fields a context and its recipient may have.
    type Fields;

    #[wasm_bindgen(method, getter, catch)]
    fn recipient(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn first_name(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn full_name(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn headline(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn company(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn limit(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn expecting(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn disabled_rules(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn sender_name(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn sender_role(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn lang(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn mutuals(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn mutual_count(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn shared_school(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn shared_employer(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn shared_group(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn posts(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn about(this: &Fields) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn profile_lang(this: &Fields) -> Result<JsValue, JsValue>;
}

/// A field's value, `None` when absent; a getter that throws is a malformed context.
fn field(read: Result<JsValue, JsValue>, name: &str) -> Result<Option<JsValue>, JsError> {
    let value = read.map_err(|_| invalid(name))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

fn string_field(read: Result<JsValue, JsValue>, name: &str) -> Result<Option<String>, JsError> {
    match field(read, name)? {
        None => Ok(None),
        Some(v) => v
            .as_string()
            .map(Some)
            .ok_or_else(|| invalid(&[name, " must be a string"].concat())),
    }
}

/// A list of strings, empty when absent: `disabled_rules`, `mutuals`, `posts`.
fn strings_field(read: Result<JsValue, JsValue>, name: &str) -> Result<Vec<String>, JsError> {
    let not_strings = || invalid(&[name, " must be an array of strings"].concat());
    match field(read, name)? {
        None => Ok(Vec::new()),
        Some(list) if js_sys::Array::is_array(&list) => js_sys::Array::from(&list)
            .iter()
            .map(|item| item.as_string().ok_or_else(not_strings))
            .collect(),
        Some(_) => Err(not_strings()),
    }
}

/// A whole number, `None` when absent: `limit`, `mutual_count`.
fn count_field(read: Result<JsValue, JsValue>, name: &str) -> Result<Option<u32>, JsError> {
    match field(read, name)? {
        None => Ok(None),
        Some(v) => match v.as_f64() {
            Some(n) if n.fract() == 0.0 && n >= 0.0 && n <= u32::MAX as f64 => Ok(Some(n as u32)),
            _ => Err(invalid(&[name, " must be a whole number"].concat())),
        },
    }
}

fn read_recipient(r: &Fields) -> Result<Recipient, JsError> {
    Ok(Recipient {
        first_name: string_field(r.first_name(), "first_name")?,
        full_name: string_field(r.full_name(), "full_name")?,
        headline: string_field(r.headline(), "headline")?,
        company: string_field(r.company(), "company")?,
        mutuals: strings_field(r.mutuals(), "mutuals")?,
        mutual_count: count_field(r.mutual_count(), "mutual_count")?,
        shared_school: string_field(r.shared_school(), "shared_school")?,
        shared_employer: string_field(r.shared_employer(), "shared_employer")?,
        shared_group: string_field(r.shared_group(), "shared_group")?,
        posts: strings_field(r.posts(), "posts")?,
        about: string_field(r.about(), "about")?,
        profile_lang: string_field(r.profile_lang(), "profile_lang")?,
    })
}

fn read_context(value: &JsValue) -> Result<Context, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Context::default());
    }
    if !value.is_object() {
        return Err(invalid("expected an object"));
    }
    let obj: &Fields = value.unchecked_ref();
    let recipient = match field(obj.recipient(), "recipient")? {
        None => None,
        Some(r) if r.is_object() => Some(read_recipient(r.unchecked_ref())?),
        Some(_) => return Err(invalid("recipient must be an object")),
    };
    let limit = count_field(obj.limit(), "limit")
        .map_err(|_| invalid("limit must be a whole number of characters"))?;
    let expecting = match field(obj.expecting(), "expecting")? {
        None => false,
        Some(e) => e
            .as_bool()
            .ok_or_else(|| invalid("expecting must be true or false"))?,
    };
    let disabled_rules = strings_field(obj.disabled_rules(), "disabled_rules")?;
    Ok(Context {
        recipient,
        limit,
        sender_name: string_field(obj.sender_name(), "sender_name")?,
        sender_role: string_field(obj.sender_role(), "sender_role")?,
        expecting,
        lang: string_field(obj.lang(), "lang")?,
        disabled_rules,
    })
}
