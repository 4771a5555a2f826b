//! Every row of lexicons/cues.tsv carries an example sentence; the example is the row's test.
//! A linguist who adds a verb adds the sentence that shows it working (by the rules: the learned
//! statement filter, made for whole articles, may drop a lone sentence's statement).

use isnad::StatementKind;

#[test]
fn every_cue_example_yields_its_statement() {
    let data = include_str!("../lexicons/cues.tsv");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (kind, example) = (cols[3], cols[7]);
        let a = isnad::analyze_for_training(example).analysis;
        checked += 1;
        let ok = match kind {
            "question" => a.statements.is_empty(),
            "denial" | "reject" => a.statements.iter().any(|s| s.kind == StatementKind::Denial),
            _ => !a.statements.is_empty(),
        };
        if !ok {
            failures.push(format!(
                "lexicons/cues.tsv:{}: «{example}» gave {:?}",
                n + 1,
                a.statements.iter().map(|s| (&s.cue.text, &s.content.text, s.kind)).collect::<Vec<_>>()
            ));
        }
    }
    assert!(checked > 40);
    assert!(failures.is_empty(), "{} examples fail:\n{}", failures.len(), failures.join("\n"));
}
