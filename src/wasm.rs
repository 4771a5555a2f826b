//! The JS API: the only file that knows about JavaScript.
//!
//! `analyze(text)` returns the analysis as a plain object with offsets in UTF-16 code units, so
//! `text.slice(span.start, span.end) === span.text` in JavaScript.

use wasm_bindgen::prelude::*;

/// Analyzes Arabic news text; see the README for the shape of the result.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let analysis = crate::analyze(text, crate::OffsetUnit::Utf16);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&analysis, &ser)
        .map_err(|e| JsError::new(&format!("isnad: cannot return the analysis: {e}")))
}

/// The library's version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
