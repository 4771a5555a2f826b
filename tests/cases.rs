//! Data-driven cases: tests/data/cases.tsv, one phenomenon a row, checked by text pieces rather
//! than offsets so that anyone can add one. Every row runs; all failures are reported together.

use isnad::{analyze, Analysis, Gender, OffsetUnit, Statement, StatementKind};

/// The checks of a row's optional seventh column, `key=value` separated by «;»: `chain=A ← B`
/// (each party's name contains its part, in order; `-` for none), `rejects=words` (the denial's
/// target contains them; `-` for none), `answers=name` (the target is the content of a statement
/// by a speaker whose name contains it), `gender=female|male|-` (the speaker's), `name=…` (the
/// speaker's whole name, where containing a part is not enough: «بومبيو», not «بومبيو لمحطة»).
/// Returns what failed.
fn link_failures(a: &Analysis, st: &Statement, checks: &str) -> Vec<String> {
    let mut failed = Vec::new();
    for check in checks.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let (key, want) = check.split_once('=').unwrap_or_else(|| panic!("no «=» in check «{check}»"));
        let want = want.trim();
        let ok = match key.trim() {
            "chain" => {
                let got: Vec<&str> = st.chain.iter().flatten().map(|&s| a.speakers[s].name.as_str()).collect();
                let parts: Vec<&str> = if want == "-" { vec![] } else { want.split('←').map(str::trim).collect() };
                got.len() == parts.len() && got.iter().zip(&parts).all(|(g, p)| g.contains(p))
            }
            "rejects" => match &st.rejects {
                None => want == "-",
                Some(t) => want != "-" && t.text.contains(want),
            },
            "answers" => st.rejects.as_ref().and_then(|t| t.statement).is_some_and(|o| {
                let other = &a.statements[o];
                other.content.text == st.rejects.as_ref().unwrap().text && a.speakers[other.speaker].name.contains(want)
            }),
            "gender" => {
                let got = match a.speakers[st.speaker].gender {
                    Some(Gender::Female) => "female",
                    Some(Gender::Male) => "male",
                    None => "-",
                };
                got == want
            }
            "name" => a.speakers[st.speaker].name == want,
            "why" => st.explain.as_deref().is_some_and(|e| e.contains(want)),
            k => panic!("unknown check «{k}» (chain, rejects, answers, gender, name, why)"),
        };
        if !ok {
            let chain: Vec<&str> = st.chain.iter().flatten().map(|&s| a.speakers[s].name.as_str()).collect();
            failed.push(format!(
                "{check}: got speaker «{}», chain {chain:?}, rejects {:?}, gender {:?}",
                a.speakers[st.speaker].name,
                st.rejects.as_ref().map(|t| (&t.text, t.statement)),
                a.speakers[st.speaker].gender
            ));
        }
    }
    failed
}

/// Every case holds for the rules (the grammar these cases document).
#[test]
fn every_case_in_cases_tsv() {
    let (n, failures) = run_cases(|text| isnad::analyze_for_training(text).analysis);
    assert!(n >= 50, "only {n} cases");
    assert!(failures.is_empty(), "{} of {n} cases fail:\n{}", failures.len(), failures.join("\n"));
}

/// The learned statement filter (`isnad::learn::filter`) is learned from real articles, where a
/// speaker named once in a one-line text is more often wrong than here; on these short
/// sentences it must still keep seven cases in eight (the model of 820d182 kept 346 of 390).
#[test]
fn most_cases_survive_the_learned_filter() {
    let (n, failures) = run_cases(|text| analyze(text, OffsetUnit::Byte));
    assert!(failures.len() * 8 <= n, "{} of {n} cases fail after the filter:\n{}", failures.len(), failures.join("\n"));
}

/// Runs every case of tests/data/cases.tsv on `analysis`: how many, and the failures.
fn run_cases(analysis: impl Fn(&str) -> isnad::Analysis) -> (usize, Vec<String>) {
    let data = include_str!("data/cases.tsv");
    let mut failures = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut n = 0;
    for (line_no, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert!(matches!(c.len(), 6 | 7), "tests/data/cases.tsv:{}: expected 6 or 7 columns", line_no + 1);
        let (id, text, speaker, cue, content, kind) = (c[0], c[1].replace("\\n", "\n"), c[2], c[3], c[4], c[5]);
        let checks = c.get(6).copied().unwrap_or("");
        assert!(ids.insert(id), "tests/data/cases.tsv:{}: duplicate id {id}", line_no + 1);
        n += 1;
        let a = analysis(&text);
        let shown: Vec<String> = a
            .statements
            .iter()
            .map(|s| format!("[{}] {} «{}» ({:?})", a.speakers[s.speaker].name, s.cue.text, s.content.text, s.kind))
            .collect();
        let found = if kind == "none" {
            a.statements.is_empty().then_some(None)
        } else {
            let want = if kind == "denial" { StatementKind::Denial } else { StatementKind::Claim };
            a.statements
                .iter()
                .find(|s| {
                    a.speakers[s.speaker].name.contains(speaker)
                        && s.cue.text.starts_with(cue)
                        && s.content.text.contains(content)
                        && s.kind == want
                })
                .map(Some)
        };
        match found {
            None => failures.push(format!(
                "{id} (line {}): want [{speaker}] {cue} «{content}» {kind}\n    got {shown:?}",
                line_no + 1
            )),
            Some(st) => {
                let failed = st.map(|st| link_failures(&a, st, checks)).unwrap_or_default();
                if !failed.is_empty() {
                    failures.push(format!("{id} (line {}): {}", line_no + 1, failed.join("; ")));
                }
            }
        }
    }
    (n, failures)
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

/// A plural verb never continues one named person: «وندد سياسيون ونشطاء …، واصفين إياها …» is
/// not Netanyahu's, whatever he said before (issue 15; ant-2018). Two persons joined by و may
/// take it: «قال أليكس تيتشي وديفيد كيبينغ …، مشيرين».
#[test]
fn plural_verb_never_continues_one_person() {
    let text = "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن عباس معاد للسامية. وندد سياسيون ونشطاء حقوق إنسان إسرائيليون بتعليقات عباس، واصفين إياها بمعاداة السامية.";
    let a = analyze(text, OffsetUnit::Byte);
    assert!(a.statements.iter().any(|s| a.speakers[s.speaker].name.contains("نتنياهو")), "{a:?}");
    assert!(
        !a.statements.iter().any(|s| s.cue.text == "واصفين" && a.speakers[s.speaker].name.contains("نتنياهو")),
        "{a:?}"
    );
    let text = "وقال الباحثان أليكس تيتشي وديفيد كيبينغ إن القمر بعيد، مشيرين إلى أن حجمه كبير.";
    let a = analyze(text, OffsetUnit::Byte);
    assert!(
        a.statements.iter().any(|s| s.cue.text == "مشيرين" && a.speakers[s.speaker].name.contains("كيبينغ")),
        "{a:?}"
    );
}
