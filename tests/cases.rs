//! Data-driven cases: tests/data/cases.tsv, one phenomenon a row, checked by text pieces rather
//! than offsets so that anyone can add one. Every row runs; all failures are reported together.

use isnad::{analyze, OffsetUnit, StatementKind};

#[test]
fn every_case_in_cases_tsv() {
    let data = include_str!("data/cases.tsv");
    let mut failures = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut n = 0;
    for (line_no, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 6, "tests/data/cases.tsv:{}: expected 6 columns", line_no + 1);
        let (id, text, speaker, cue, content, kind) = (c[0], c[1].replace("\\n", "\n"), c[2], c[3], c[4], c[5]);
        assert!(ids.insert(id), "tests/data/cases.tsv:{}: duplicate id {id}", line_no + 1);
        n += 1;
        let a = analyze(&text, OffsetUnit::Byte);
        let shown: Vec<String> = a
            .statements
            .iter()
            .map(|s| format!("[{}] {} «{}» ({:?})", a.speakers[s.speaker].name, s.cue.text, s.content.text, s.kind))
            .collect();
        let ok = if kind == "none" {
            a.statements.is_empty()
        } else {
            let want = if kind == "denial" { StatementKind::Denial } else { StatementKind::Claim };
            a.statements.iter().any(|s| {
                a.speakers[s.speaker].name.contains(speaker)
                    && s.cue.text.starts_with(cue)
                    && s.content.text.contains(content)
                    && s.kind == want
            })
        };
        if !ok {
            failures.push(format!(
                "{id} (line {}): want [{speaker}] {cue} «{content}» {kind}\n    got {shown:?}",
                line_no + 1
            ));
        }
    }
    assert!(n >= 50, "only {n} cases");
    assert!(failures.is_empty(), "{} of {n} cases fail:\n{}", failures.len(), failures.join("\n"));
}

/// A content ends where «in his/her words» opens what was said next: «نفت أن تكون هذه المناورات
/// استفزازاً، بقولها إن "…"» denies only the first part (issue 15's batch 12).
#[test]
fn content_ends_before_in_her_words() {
    let text = "وقالت المتحدثة هيذر ناورت إن المحادثات مستمرة.\nلكن ناورت نفت أن تكون هذه المناورات استفزازا، بقولها إن \"المناورات مستمرة\".";
    let a = analyze(text, OffsetUnit::Byte);
    let denial = a.statements.iter().find(|s| s.kind == StatementKind::Denial).expect("a denial");
    assert_eq!(denial.content.text, "أن تكون هذه المناورات استفزازا");
}
