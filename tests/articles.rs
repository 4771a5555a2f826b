//! Whole articles written for this project, with gold annotations in the evaluation's format
//! (tests/data/articles/NAME.gold.json beside NAME.txt, checked by
//! ../shared/eval/validate_gold.py). Each article must keep every required statement: the right
//! speaker (name or alias, word for word) and content overlapping the gold by token F1 ≥ 0.5, and
//! the right kind. These are the texts no rule was written from.
//!
//! The rules must keep every one; the analysis users get, after the learned statement filter
//! (`isnad::learn::filter`, which trades a little recall for much precision on real news), must
//! keep all but one in twenty.

use isnad::{analyze, Analysis, OffsetUnit, StatementKind};
use serde_json::Value;

mod gold;
use gold::names_match;
use gold::token_f1;

#[test]
fn own_articles_keep_every_required_statement() {
    let (checked, failures) = missed(|text| isnad::analyze_for_training(text).analysis);
    assert!(checked >= 15, "only {checked} statements checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} required statements missed by the rules:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_learned_filter_keeps_nineteen_in_twenty() {
    let (checked, failures) = missed(|text| analyze(text, OffsetUnit::Byte));
    assert!(checked >= 15, "only {checked} statements checked");
    assert!(
        failures.len() * 20 <= checked,
        "{} of {checked} required statements missed after the filter:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// How many required statements the articles hold, and which of them `analysis` misses.
fn missed(analysis: impl Fn(&str) -> Analysis) -> (usize, Vec<String>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles");
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".gold.json")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = std::fs::read_to_string(format!("{dir}/{name}.txt")).unwrap();
        let a = analysis(&text);
        let speakers: Vec<&Value> = gold["speakers"].as_array().unwrap().iter().collect();
        for st in gold["statements"].as_array().unwrap() {
            if st["optional"].as_bool() == Some(true) {
                continue;
            }
            checked += 1;
            let gs = speakers.iter().find(|s| s["name"] == st["speaker"]).unwrap();
            let want_kind = st["kind"].as_str().unwrap();
            let ok = a.statements.iter().any(|s| {
                let kind_ok = match want_kind {
                    "denial" => s.kind == StatementKind::Denial,
                    "claim" => s.kind == StatementKind::Claim,
                    _ => true,
                };
                names_match(&a.speakers[s.speaker].name, gs)
                    && token_f1(&s.content.text, st["content"].as_str().unwrap()) >= 0.5
                    && kind_ok
            });
            if !ok {
                failures.push(format!("{name}: [{}] {} «{}»", st["speaker"], st["cue"], st["content"]));
            }
        }
    }
    (checked, failures)
}
