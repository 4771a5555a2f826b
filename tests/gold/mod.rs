//! Matching an analysis against gold annotations the way ../shared/eval/score.py does: folded
//! words, token F1 of contents, names equal or contained word for word. Shared by the tests of
//! whole annotated articles (`articles.rs`, `fresh.rs`).
#![allow(dead_code)]

use serde_json::Value;

pub fn words(s: &str) -> Vec<String> {
    isnad::normalize::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

pub fn token_f1(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut pool = b.clone();
    let mut common = 0;
    for w in &a {
        if let Some(k) = pool.iter().position(|x| x == w) {
            pool.swap_remove(k);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / a.len() as f64, common as f64 / b.len() as f64);
    2.0 * p * r / (p + r)
}

pub fn names_match(system: &str, gold: &Value) -> bool {
    let s = words(system);
    let mut all = vec![gold["name"].as_str().unwrap_or_default().to_string()];
    all.extend(gold["aliases"].as_array().into_iter().flatten().filter_map(|a| a.as_str()).map(String::from));
    all.iter().any(|alias| {
        let a = words(alias);
        s == a
            || s.windows(a.len().max(1)).any(|w| w == a.as_slice())
            || a.windows(s.len().max(1)).any(|w| w == s.as_slice())
    })
}
