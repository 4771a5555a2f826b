//! Whole articles written for this project, with gold annotations in the evaluation's format
//! (tests/data/articles/NAME.gold.json beside NAME.txt, checked by
//! ../shared/eval/validate_gold.py). Each article must keep every required statement: the right
//! speaker (name or alias, word for word) and content overlapping the gold by token F1 ≥ 0.5, and
//! the right kind. These are the texts no rule was written from.

use isnad::{analyze, OffsetUnit, StatementKind};
use serde_json::Value;

mod gold;
use gold::names_match;
use gold::token_f1;

#[test]
fn own_articles_keep_every_required_statement() {
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
        let a = analyze(&text, OffsetUnit::Byte);
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
    assert!(checked >= 15, "only {checked} statements checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} required statements missed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
