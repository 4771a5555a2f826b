//! The library compiled to wasm, run by wasm-bindgen-test-runner: under node by default, in
//! headless Chromium with `WASM_BINDGEN_USE_BROWSER=1` (`cargo xtask test wasm-node wasm-browser`).
//! There is deliberately no `wasm_bindgen_test_configure!`, so the same tests run in both.
//!
//! These check what JavaScript relies on: UTF-16 offsets that slice the text the way
//! `String.prototype.slice` does, and the analysis arriving as a plain JS object.
#![cfg(target_arch = "wasm32")]

use isnad::{analyze, Analysis, OffsetUnit, Span, StatementKind};
use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const SEED_000: &str = include_str!("../seeds/000_04b6d5a339be90df.txt");
const SEED_002: &str = include_str!("../seeds/002_df66d1c33c88f395.txt");

fn spans(a: &Analysis) -> Vec<Span> {
    let mut v: Vec<Span> = a.speakers.iter().flat_map(|s| s.mentions.iter().cloned()).collect();
    for st in &a.statements {
        v.push(st.cue.clone());
        v.push(st.content.clone());
        v.extend(st.rejects.as_ref().map(|t| t.span()));
    }
    v
}

/// Checks every span of the UTF-16 analysis of `text` both in Rust (encode_utf16) and in JS
/// (String.prototype.slice).
fn assert_utf16_spans(text: &str) -> Analysis {
    let a = analyze(text, OffsetUnit::Utf16);
    let units: Vec<u16> = text.encode_utf16().collect();
    let js = JsString::from(text);
    assert_eq!(js.length() as usize, units.len());
    for span in spans(&a) {
        assert!(span.start <= span.end && span.end <= units.len(), "span out of range: {span:?}");
        let sliced = String::from_utf16(&units[span.start..span.end])
            .unwrap_or_else(|_| panic!("span cuts a surrogate pair: {span:?}"));
        assert_eq!(sliced, span.text, "encode_utf16 slice");
        let js_slice: String = js.slice(span.start as u32, span.end as u32).into();
        assert_eq!(js_slice, span.text, "JS String.slice");
    }
    a
}

#[wasm_bindgen_test]
fn utf16_offsets_after_emoji_match_span_text() {
    // Astral-plane characters (two UTF-16 units each) and a skin-tone modifier before the text.
    let first_sentence = SEED_000.split_inclusive('.').next().unwrap();
    for text in [format!("😀 {first_sentence}"), format!("😀👍🏽 {SEED_000}"), format!("{SEED_002}\n𝒜😀")]
    {
        let a = assert_utf16_spans(&text);
        assert!(!a.statements.is_empty(), "no statement found in {:?}…", &text[..40]);
    }
}

#[wasm_bindgen_test]
fn utf16_offsets_are_shifted_by_the_emoji() {
    let plain = analyze(SEED_000, OffsetUnit::Utf16);
    let shifted = analyze(&format!("😀 {SEED_000}"), OffsetUnit::Utf16);
    assert_eq!(plain.statements.len(), shifted.statements.len());
    for (p, s) in plain.statements.iter().zip(&shifted.statements) {
        // "😀" is two UTF-16 units, then a space.
        assert_eq!(s.cue.start, p.cue.start + 3);
        assert_eq!(s.content.end, p.content.end + 3);
        assert_eq!(s.content.text, p.content.text);
    }
}

#[wasm_bindgen_test]
fn peskov_denies_in_seed_000() {
    let a = analyze(SEED_000, OffsetUnit::Utf16);
    let denies = a
        .statements
        .iter()
        .any(|st| st.kind == StatementKind::Denial && a.speakers[st.speaker].name.contains("بيسكوف"));
    assert!(denies, "no denial by Peskov: {a:#?}");
}

#[wasm_bindgen_test]
fn odd_input_gives_diagnostics_not_panics() {
    let empty = analyze("", OffsetUnit::Utf16);
    assert!(empty.statements.is_empty());
    let english = analyze("The minister said it would rain.", OffsetUnit::Utf16);
    assert!(english.statements.is_empty());
    assert!(!english.diagnostics.is_empty(), "non-Arabic text should say why nothing was found");
    assert_utf16_spans("«قال» \u{200f}😀 \"\"\" نفى");
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or_else(|_| panic!("no property {key}"))
}

#[wasm_bindgen_test]
fn analysis_serializes_to_a_plain_js_object() {
    let text = format!("😀 {SEED_000}");
    let a = analyze(&text, OffsetUnit::Utf16);
    // The same serializer src/wasm.rs uses for the JS API.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let value: JsValue = serde::Serialize::serialize(&a, &ser).expect("serializes");
    assert!(value.is_object());

    let statements: Array = get(&value, "statements").dyn_into().expect("statements is an array");
    assert_eq!(statements.length() as usize, a.statements.len());
    assert!(statements.length() > 0);
    let speakers: Array = get(&value, "speakers").dyn_into().expect("speakers is an array");
    assert_eq!(speakers.length() as usize, a.speakers.len());
    assert!(Array::is_array(&get(&value, "diagnostics")));

    let js_text = JsString::from(text.as_str());
    for (i, st) in a.statements.iter().enumerate() {
        let obj = statements.get(i as u32);
        let kind = get(&obj, "kind").as_string().unwrap();
        assert!(kind == "claim" || kind == "denial", "kind {kind}");
        let form = get(&obj, "form").as_string().unwrap();
        assert!(["direct", "indirect", "mixed"].contains(&form.as_str()), "form {form}");
        assert_eq!(get(&obj, "speaker").as_f64(), Some(st.speaker as f64));
        assert!((get(&obj, "speaker").as_f64().unwrap() as u32) < speakers.length());
        let conf = get(&obj, "confidence").as_f64().unwrap();
        assert!((0.0..=1.0).contains(&conf), "confidence {conf}");
        for part in ["cue", "content"] {
            let span = get(&obj, part);
            let start = get(&span, "start").as_f64().unwrap() as u32;
            let end = get(&span, "end").as_f64().unwrap() as u32;
            let text: String = js_text.slice(start, end).into();
            assert_eq!(Some(text), get(&span, "text").as_string(), "{part} of statement {i}");
        }
        // `explain` is omitted, not null, when there is none.
        if st.explain.is_none() {
            assert!(!Reflect::has(&obj, &JsValue::from_str("explain")).unwrap());
        }
    }
    let sp0 = speakers.get(0);
    assert!(get(&sp0, "name").as_string().is_some());
    let kind = get(&sp0, "kind").as_string().unwrap();
    assert!(["person", "organization", "media", "anonymous"].contains(&kind.as_str()));
    assert!(Array::is_array(&get(&sp0, "mentions")));
}
