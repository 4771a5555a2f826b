//! The JS API: the only file that knows about JavaScript.
//!
//! `analyze(text, options?)` returns the analysis as a plain object with offsets in UTF-16 code
//! units, so `text.slice(span.start, span.end) === span.text` in JavaScript. Its TypeScript type,
//! `Analysis`, is derived from the Rust types in `output.rs` (tsify), so it cannot drift from them.

use wasm_bindgen::prelude::*;

/// Options of `analyze`; each may be left out.
#[derive(tsify::Tsify, Clone, Copy, Debug)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeOptions {
    /// Give each statement its `explain` text (the rule that found it, why this speaker).
    /// Default `true`; `false` makes the result smaller to pass between threads.
    #[tsify(optional)]
    pub explain: Option<bool>,
}

impl AnalyzeOptions {
    /// Read by hand rather than with serde's `Deserialize`, which would add a deserializer to
    /// the .wasm for one boolean. Anything that is not an object counts as "no options".
    fn from_js(options: &JsValue) -> AnalyzeOptions {
        let field = |name: &str| {
            if options.is_object() {
                js_sys::Reflect::get(options, &JsValue::from_str(name)).ok()
            } else {
                None
            }
        };
        AnalyzeOptions { explain: field("explain").and_then(|v| v.as_bool()) }
    }
}

/// Analyzes Arabic news text; see the README for the shape of the result.
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyze(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = AnalyzeOptions::from_js(&options);
    let mut analysis = crate::analyze(text, crate::OffsetUnit::Utf16);
    if options.explain == Some(false) {
        for st in &mut analysis.statements {
            st.explain = None;
        }
    }
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&analysis, &ser)
        .map_err(|e| JsError::new(&format!("isnad: cannot return the analysis: {e}")))
}

/// The library's version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
