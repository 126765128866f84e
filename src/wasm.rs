//! The engine's JavaScript face: plain objects in, plain objects out.

use wasm_bindgen::prelude::*;

use serde::Serialize;

use crate::Context;

/// `analyze(text, context)`: the report as a plain object, the same shape as the CLI's JSON.
/// A malformed context is an error, never a panic.
#[wasm_bindgen]
pub fn analyze(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx: Context = if context.is_undefined() || context.is_null() {
        Context::default()
    } else {
        serde_wasm_bindgen::from_value(context)
            .map_err(|e| JsError::new(&format!("invalid context: {e}")))?
    };
    let report = crate::analyze(text, &ctx);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
