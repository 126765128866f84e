//! The engine's JavaScript face: plain objects in, plain objects out.
//!
//! The context is read field by field rather than through serde's `Deserialize`: the derive
//! drags float formatting and visitor code into the module, a fifth of its size, for an object
//! of five fields. The fields are read through getters the glue generates (`obj.limit`), not
//! `Reflect::get` with a key made anew each call: every keystroke reads them all.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Context, Recipient};

// Talc rather than the standard dlmalloc: a smaller module, every user downloads it, at the
// same speed.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// `analyze(text, context)`: the report as a plain object, the same shape as the CLI's JSON.
/// A malformed context is an `Error` with a message, never a panic.
#[wasm_bindgen]
pub fn analyze(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx = read_context(&context)?;
    let report = crate::analyze(text, &ctx);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `suggest(text, context)`: `{suggestions: [{intent, text, slots: [{start, end}]}]}`, best
/// first, the same shape as `uncanned suggest --jsonl`.
#[wasm_bindgen]
pub fn suggest(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx = read_context(&context)?;
    let suggestions = crate::suggest(text, &ctx);
    Suggestions { suggestions }
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[derive(Serialize)]
struct Suggestions {
    suggestions: Vec<crate::Suggestion>,
}

/// `rules(lang)`: every rule id with its short name in that language, for the options page.
#[wasm_bindgen]
pub fn rules(lang: Option<String>) -> Result<JsValue, JsError> {
    let messages = crate::messages::catalogue(lang.as_deref());
    let list: Vec<RuleInfo> = crate::rules::RULE_IDS
        .iter()
        .map(|&id| RuleInfo {
            id,
            title: messages.get(&["rule.", id].concat(), &[]),
        })
        .collect();
    list.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[derive(Serialize)]
struct RuleInfo {
    id: &'static str,
    title: String,
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
