//! `isnad summarize`, run as a user runs it: the built binary over the records `isnad --jsonl`
//! wrote for the real articles (tests/data/real/, with their outlets), the CSV read back and
//! every figure recounted here from the records by other code.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child =
        isnad().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn ok(out: Output) -> Output {
    assert!(out.status.success(), "isnad failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-summary-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn real() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real")
}

/// How many real articles there are (SOURCES.tsv's rows).
fn real_count() -> usize {
    std::fs::read_to_string(real().join("SOURCES.tsv")).unwrap().lines().skip(1).count()
}

/// The real articles as an archive (`id`, `outlet`, `text`), two broken lines among them.
fn archive() -> Vec<u8> {
    let root = real();
    let sources = std::fs::read_to_string(root.join("SOURCES.tsv")).unwrap();
    let mut out = Vec::new();
    for (i, row) in sources.lines().skip(1).enumerate() {
        let cols: Vec<&str> = row.split('\t').collect();
        let text = std::fs::read_to_string(root.join(cols[0])).unwrap();
        out.extend(serde_json::to_vec(&json!({"id": cols[0], "outlet": cols[2], "text": text})).unwrap());
        out.push(b'\n');
        if i == 30 || i == 120 {
            out.extend_from_slice(b"{\"id\": \"broken\", \"outlet\": \"x\", \"text\": 12}\n");
        }
    }
    out
}

/// `isnad --jsonl` over the archive: the records, as text and parsed.
fn records() -> (Vec<u8>, Vec<Value>) {
    let out = ok(run(&["--jsonl"], &archive())).stdout;
    let parsed = String::from_utf8(out.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out, parsed)
}

/// A CSV file as header → value maps, read by a tiny RFC 4180 reader (quoted fields, CRLF).
fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    let header = rows.remove(0);
    rows.into_iter().map(|r| header.iter().cloned().zip(r).collect()).collect()
}

fn num(row: &BTreeMap<String, String>, col: &str) -> f64 {
    row[col].parse().unwrap_or_else(|_| panic!("{col} = {:?}", row[col]))
}

#[test]
fn each_outlets_figures_are_the_records_counted_again() {
    let (jsonl, records) = records();
    let dir = temp_dir("outlet");
    let input = dir.join("analyses.jsonl");
    std::fs::write(&input, &jsonl).unwrap();
    let out = ok(run(&["summarize", "--by", "outlet", "--out", dir.to_str().unwrap(), input.to_str().unwrap()], b""));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let n = real_count();
    // (A sanity bound: the articles are all there, and not some other folder.)
    assert!((200..10_000).contains(&n), "{n} real articles");
    // (The count is written with a thousands separator: «1,080 documents».)
    let written = if n >= 1000 { format!("{},{:03}", n / 1000, n % 1000) } else { n.to_string() };
    assert!(stderr.contains(&format!("{written} documents (2 error records left out)")), "{stderr}");

    let groups = read_csv(&dir.join("groups.csv"));
    let docs: Vec<&Value> = records.iter().filter(|r| r.get("analysis").is_some()).collect();
    let outlets: HashSet<&str> = docs.iter().map(|d| d["outlet"].as_str().unwrap()).collect();
    assert_eq!(groups.len(), outlets.len(), "one row per outlet");
    assert!(groups.len() >= 15);
    let mut anonymous_total = 0.0;
    for g in &groups {
        let mine: Vec<&&Value> = docs.iter().filter(|d| d["outlet"] == g["outlet"].as_str()).collect();
        assert_eq!(num(g, "documents"), mine.len() as f64, "{}", g["outlet"]);
        let statements: Vec<&Value> =
            mine.iter().flat_map(|d| d["analysis"]["statements"].as_array().unwrap()).collect();
        assert_eq!(num(g, "statements"), statements.len() as f64);
        assert_eq!(num(g, "denials"), statements.iter().filter(|s| s["kind"] == "denial").count() as f64);
        let speakers: Vec<&Value> = mine.iter().flat_map(|d| d["analysis"]["speakers"].as_array().unwrap()).collect();
        let kinds = ["persons", "organizations", "media", "anonymous"];
        let sum: f64 = kinds.iter().map(|k| num(g, k)).sum();
        assert_eq!(sum, num(g, "speakers"));
        // Speakers of one document with the same folded name count once, so never more than the
        // analyses list.
        // (An outlet whose articles hold no statement has no speaker: «arriyadiyah», batch 133.)
        assert!(num(g, "speakers") <= speakers.len() as f64, "{}", g["outlet"]);
        assert_eq!(num(g, "speakers") > 0.0, !speakers.is_empty(), "{}", g["outlet"]);
        let anonymous = speakers.iter().filter(|s| s["kind"] == "anonymous").count() as f64;
        assert!(num(g, "anonymous") <= anonymous && (anonymous == 0.0) == (num(g, "anonymous") == 0.0));
        let share = if num(g, "speakers") > 0.0 { num(g, "anonymous") / num(g, "speakers") } else { 0.0 };
        assert!((num(g, "anonymous_share") - share).abs() < 5e-5, "{}: {share}", g["outlet"]);
        let by_anonymous: usize = mine
            .iter()
            .map(|d| {
                let sp = d["analysis"]["speakers"].as_array().unwrap();
                let st = d["analysis"]["statements"].as_array().unwrap();
                st.iter().filter(|s| sp[s["speaker"].as_u64().unwrap() as usize]["kind"] == "anonymous").count()
            })
            .sum();
        assert_eq!(num(g, "anonymous_statements"), by_anonymous as f64);
        anonymous_total += num(g, "anonymous");
        // The analyses say a person's gender (issue 16): the gender columns are there, and
        // female, male and unmarked persons add up to the persons.
        assert!(g.contains_key("persons_female"), "the analyses carry gender");
        assert_eq!(num(g, "persons_female") + num(g, "persons_male") + num(g, "persons_unmarked"), num(g, "persons"));
    }
    assert!(anonymous_total > 10.0, "real news quotes anonymous sources");
    let docs_per_group: Vec<f64> = groups.iter().map(|g| num(g, "documents")).collect();
    assert!(docs_per_group.windows(2).all(|w| w[0] >= w[1]), "most documents first");

    let speakers = read_csv(&dir.join("speakers.csv"));
    let statements_total: f64 = speakers.iter().map(|s| num(s, "statements")).sum();
    assert_eq!(statements_total, groups.iter().map(|g| num(g, "statements")).sum::<f64>());
    for s in &speakers {
        assert_eq!(num(s, "statements"), num(s, "claims") + num(s, "denials"));
        assert!(num(s, "documents") >= 1.0 && !s["folded"].is_empty());
    }
    let counts: Vec<f64> = speakers.iter().map(|s| num(s, "statements")).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most statements first");

    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("<svg") && !html.contains("<script") && !html.contains("src="));
    assert!(html.contains(&speakers[0]["name"]), "the most quoted speaker is in the report");
    for g in &groups {
        assert!(html.contains(&g["outlet"]), "{} is in the report", g["outlet"]);
    }
}

#[test]
fn standard_input_without_by_is_one_group_and_gender_shows_when_present() {
    let (_, mut records) = records();
    // Speakers as they will be once the analysis carries `gender` (issue 16).
    let mut marked = 0;
    for r in records.iter_mut().filter(|r| r.get("analysis").is_some()) {
        for (i, sp) in r["analysis"]["speakers"].as_array_mut().unwrap().iter_mut().enumerate() {
            if sp["kind"] == "person" && i % 3 != 2 {
                sp["gender"] = json!(if i % 3 == 0 { "male" } else { "female" });
                marked += 1;
            }
        }
    }
    assert!(marked > 50);
    let input: Vec<u8> =
        records.iter().flat_map(|r| serde_json::to_vec(r).unwrap().into_iter().chain([b'\n'])).collect();
    let dir = temp_dir("all");
    ok(run(&["summarize", "--out", dir.to_str().unwrap()], &input));
    let groups = read_csv(&dir.join("groups.csv"));
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["group"], "all");
    assert_eq!(num(&groups[0], "documents"), real_count() as f64);
    let g = &groups[0];
    assert_eq!(num(g, "persons_female") + num(g, "persons_male") + num(g, "persons_unmarked"), num(g, "persons"));
    assert!(num(g, "persons_female") > 0.0 && num(g, "persons_male") > 0.0 && num(g, "persons_unmarked") > 0.0);
    let speakers = read_csv(&dir.join("speakers.csv"));
    let genders: HashSet<&str> = speakers.iter().map(|s| s["gender"].as_str()).collect();
    assert!(genders.is_superset(&HashSet::from(["male", "female", ""])), "{genders:?}");
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert_eq!(html.matches("<svg").count(), 4, "anonymous, kinds, gender, speakers");
}

#[test]
fn what_is_not_an_analysis_is_refused_with_its_place() {
    let dir = temp_dir("bad");
    let input = dir.join("input.jsonl");
    // The archive itself, not its analyses: a common mistake.
    std::fs::write(&input, archive()).unwrap();
    let out = run(&["summarize", "--out", dir.to_str().unwrap(), input.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("input.jsonl:1:") && err.contains("not its input"), "{err}");

    let out = run(&["summarize", "--by", "outlet"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));

    let out = ok(run(&["summarize", "--by", "nope", "--out", dir.to_str().unwrap()], &records().0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no record has a field \"nope\""));
    let help = ok(run(&["summarize", "--help"], b""));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--by outlet"));
    let help = ok(run(&["--help"], b""));
    assert!(String::from_utf8_lossy(&help.stdout).contains("isnad summarize"));
}
