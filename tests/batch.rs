//! `isnad --jsonl`, run as a user runs it on an archive: the built binary, real pipes and files.
//! Order under parallelism, broken lines, CSV read back by Python's `csv` module, streaming,
//! a closed output, several files, the progress bar on a terminal only.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child =
        isnad().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from a thread: the output is read at the same time, so neither pipe fills up.
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "isnad failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn records(out: &Output) -> Vec<Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

/// The analysis of one text by the one-document CLI (`isnad -`), the reference for the batch.
fn analysis_of(text: &str) -> Value {
    serde_json::from_str(&stdout(&run(&["-"], text.as_bytes()))).unwrap()
}

/// The articles of the repository (seeds and our own annotated ones).
fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["seeds", "tests/data/articles"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        out.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    assert!(out.len() >= 5, "the repository's articles");
    out
}

fn line(v: &Value) -> String {
    serde_json::to_string(v).unwrap() + "\n"
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn order_is_kept_under_parallelism() {
    // Long documents (a few articles end to end) among one-sentence ones: on several threads the
    // short ones finish first, so an output in completion order would differ from input order.
    // 900 documents are several batches even on 4 threads.
    let arts = articles();
    let mut input = String::new();
    let mut texts = Vec::new();
    for i in 0..900 {
        let text = if i % 9 == 0 {
            arts.iter().cycle().skip(i / 9).take(4).cloned().collect::<Vec<_>>().join("\n\n")
        } else {
            format!("قال المتحدث باسم الوزارة {i} إن الاجتماع سيعقد غدا.")
        };
        let id = if i % 2 == 0 { json!(format!("doc-{i}")) } else { json!(i) };
        input.push_str(&line(&json!({"id": id, "text": text})));
        texts.push(text);
    }
    let one = run(&["--jsonl", "--threads", "1"], input.as_bytes());
    let four = run(&["--jsonl", "--threads", "4"], input.as_bytes());
    let all = run(&["--jsonl"], input.as_bytes());
    assert_eq!(stdout(&one), stdout(&four), "1 and 4 threads give the same output");
    assert_eq!(stdout(&one), stdout(&all), "1 thread and the default give the same output");
    assert!(four.stderr.is_empty(), "nothing on stderr when it is not a terminal: {:?}", four.stderr);

    let recs = records(&four);
    assert_eq!(recs.len(), 900);
    for (i, r) in recs.iter().enumerate() {
        let id = if i % 2 == 0 { json!(format!("doc-{i}")) } else { json!(i) };
        assert_eq!(r["id"], id, "record {i} is document {i}");
        assert!(r.get("text").is_none(), "the text is not copied");
    }
    // The analyses are the one-document CLI's, long and short.
    for i in [0, 1, 9, 450, 899] {
        assert!(recs[i]["analysis"] == analysis_of(&texts[i]), "document {i} is the one-document analysis");
    }
    assert!(!recs[0]["analysis"]["statements"].as_array().unwrap().is_empty());
}

#[test]
fn a_broken_line_gives_an_error_record_and_the_rest_is_complete() {
    let arts = articles();
    let good = |id: Value, text: &str| line(&json!({"id": id, "source": {"name": "x", "n": [1, 2.5]}, "text": text}));
    let mut input = Vec::new();
    input.extend(good(json!(1), &arts[0]).as_bytes()); // line 1
    input.extend(b"{\"id\": 2, \"text\": \"unterminated\n"); // 2: not JSON
    input.extend(good(json!("three"), &arts[1]).replace('\n', "\r\n").as_bytes()); // 3: ends in CRLF
    input.extend(b"{\"id\": 4}\n"); // 4: no text
    input.extend(b"\n"); // 5: blank: no record
    input.extend(b"{\"id\": 6, \"text\": \"\xff\xfe\"}\n"); // 6: not UTF-8
    input.extend(b"[\"an\", \"array\"]\n"); // 7: not an object
    input.extend(b"{\"id\": 8, \"text\": {\"ar\": \"x\"}}\n"); // 8: text not a string
    input.extend(good(json!(9), &arts[2]).trim_end().as_bytes()); // 9: last, no line break

    let out = run(&["--jsonl"], &input);
    let recs = records(&out);
    assert_eq!(recs.len(), 8, "one record per non-blank line");
    let errors: Vec<(u64, &Value)> =
        recs.iter().filter(|r| r.get("error").is_some()).map(|r| (r["line"].as_u64().unwrap(), &r["id"])).collect();
    assert_eq!(
        errors,
        vec![(2, &Value::Null), (4, &json!(4)), (6, &Value::Null), (7, &Value::Null), (8, &json!(8))],
        "error records with their line numbers, and the id when the line had one"
    );
    for r in recs.iter().filter(|r| r.get("error").is_some()) {
        assert!(r.get("analysis").is_none() && r.get("file").is_none(), "standard input has no file name: {r}");
        assert!(!r["error"].as_str().unwrap().is_empty());
    }
    // The good documents are all there, whole, in order, with their other fields.
    let good: Vec<&Value> = recs.iter().filter(|r| r.get("analysis").is_some()).collect();
    assert_eq!(good.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), vec![json!(1), json!("three"), json!(9)]);
    for (r, text) in good.iter().zip([&arts[0], &arts[1], &arts[2]]) {
        assert!(r["analysis"] == analysis_of(text), "document {} is the one-document analysis", r["id"]);
        assert_eq!(r["source"], json!({"name": "x", "n": [1, 2.5]}));
    }
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("5 of 8 lines were not analyzed"), "a summary on stderr: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn files_are_read_in_order_and_named_in_error_records() {
    let dir = temp_dir();
    let a = dir.join("a.jsonl");
    let b = dir.join("b.jsonl");
    std::fs::write(&a, "{\"id\": \"a1\", \"text\": \"قال الوزير إن الخطة جاهزة.\"}\nnot json\n").unwrap();
    std::fs::write(&b, "{\"id\": \"b1\", \"text\": \"نفى الوزير أن الخطة جاهزة.\"}\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let stdin = "{\"id\": \"s1\", \"text\": \"\"}\n";
    let recs = records(&run(&["--jsonl", b, "-", a], stdin.as_bytes()));
    let ids: Vec<&Value> = recs.iter().map(|r| &r["id"]).collect();
    assert_eq!(ids, [&json!("b1"), &json!("s1"), &json!("a1"), &Value::Null]);
    assert_eq!((&recs[3]["file"], &recs[3]["line"]), (&json!(a), &json!(2)));
    assert_eq!(recs[0]["analysis"]["statements"][0]["kind"], "denial");

    // A missing file fails before any output, with a message naming it.
    let missing = dir.join("missing.jsonl");
    let out = isnad().args(["--jsonl", a, missing.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("isnad: cannot read") && err.contains("missing.jsonl"), "{err}");
}

/// Parses CSV with Python's `csv` module and gives back its rows as JSON.
fn python_csv(csv: &[u8]) -> Option<Vec<Vec<String>>> {
    let script = "import csv, io, json, sys\n\
                  rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=''), strict=True))\n\
                  json.dump(rows, sys.stdout)";
    let mut child = match Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("skipped: python3 is not available ({e})");
            return None;
        }
    };
    child.stdin.take().unwrap().write_all(csv).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "Python's csv module rejects the CSV: {}", String::from_utf8_lossy(&out.stderr));
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

/// The CSV rows a record's analysis must give, built from the JSON.
fn expected_rows(doc_id: &str, analysis: &Value) -> Vec<Vec<String>> {
    let s = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    analysis["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|st| {
            let sp = &analysis["speakers"][st["speaker"].as_u64().unwrap() as usize];
            vec![
                doc_id.to_string(),
                s(&st["id"]),
                s(&sp["name"]),
                s(&sp["role"]),
                s(&sp["kind"]),
                s(&st["kind"]),
                s(&st["form"]),
                s(&st["confidence"]),
                s(&st["cue"]["text"]),
                s(&st["cue"]["start"]),
                s(&st["cue"]["end"]),
                s(&st["content"]["text"]),
                s(&st["content"]["start"]),
                s(&st["content"]["end"]),
                st["chain"].as_array().map_or(String::new(), |c| {
                    let names: Vec<String> =
                        c.iter().map(|p| s(&analysis["speakers"][p.as_u64().unwrap() as usize]["name"])).collect();
                    names.join(" ← ")
                }),
                st["rejects"].get("start").map_or(String::new(), s),
                st["rejects"].get("end").map_or(String::new(), s),
                st["rejects"].get("statement").map_or(String::new(), s),
                sp.get("gender").map_or(String::new(), s),
            ]
        })
        .collect()
}

#[test]
fn csv_round_trips_through_pythons_csv_module() {
    // Contents with ASCII quotes, commas and line breaks, and ids that need quoting too.
    // (A headline first, as in an article: the learned filter drops most statements of a headline.)
    let tricky = "الحكومة تعلن خطتها\nقال الوزير: «إن \"الخطة\" جاهزة, وستنفذ غدا.\n\nوالتمويل متوفر» في المؤتمر.\n\
                  ونفى المتحدث باسم الحكومة, في بيان, أن \"الاتفاق\" انهار.";
    let arts = articles();
    let docs = [
        (json!("plain"), arts[0].as_str(), "plain"),
        (json!("with, comma \"and\" quotes\nand a line break"), tricky, "with, comma \"and\" quotes\nand a line break"),
        (json!(12345678901234567890_u64), arts[1].as_str(), "12345678901234567890"),
        (json!(null), "قال مصدر مطلع إن المحادثات مستمرة.", ""),
    ];
    let input: String = docs.iter().map(|(id, text, _)| line(&json!({"id": id, "text": text}))).collect();
    let json_recs = records(&run(&["--jsonl"], input.as_bytes()));
    let csv = run(&["--jsonl", "--format", "csv", "--threads", "2"], input.as_bytes());
    let raw = stdout(&csv);
    assert!(raw.ends_with("\r\n") && raw.starts_with("doc_id,id,speaker,"), "CRLF rows after a header");
    let Some(rows) = python_csv(raw.as_bytes()) else { return };

    let mut expected = vec![["doc_id", "id", "speaker", "role", "speaker_kind", "kind", "form", "confidence", "cue"]
        .iter()
        .chain(&["cue_start", "cue_end", "content", "content_start", "content_end"])
        .chain(&["chain", "rejects_start", "rejects_end", "rejects_statement", "speaker_gender"])
        .map(|s| s.to_string())
        .collect::<Vec<_>>()];
    for ((_, _, doc_id), rec) in docs.iter().zip(&json_recs) {
        expected.extend(expected_rows(doc_id, &rec["analysis"]));
    }
    assert_eq!(rows, expected);
    // The test means something: fields that must be quoted were there and came back whole.
    let cells: Vec<&String> = rows.iter().flatten().collect();
    assert!(cells.iter().any(|c| c.contains('"') && c.contains(',') && c.contains('\n')), "a cell with all three");
    assert!(cells.iter().any(|c| c.contains("\"الخطة\"") && c.contains('\n')), "a content with quotes and a break");
    assert!(rows.len() > 20, "the articles' statements are rows: {}", rows.len());
    assert!(rows[1..].iter().any(|r| !r[18].is_empty()), "some row says its speaker's gender");

    // One document's CSV: the same rows, its file name as doc_id.
    let path = temp_dir().join("tricky.txt");
    std::fs::write(&path, tricky).unwrap();
    let one = isnad().args(["--format", "csv"]).arg(&path).output().unwrap();
    let rows = python_csv(&one.stdout).unwrap();
    assert_eq!(rows[1..], expected_rows(path.to_str().unwrap(), &json_recs[1]["analysis"])[..]);
}

#[test]
fn output_streams_before_the_input_ends() {
    // The input is held open after 300 documents (several batches on one thread): output must
    // come before it ends, which it cannot if the whole input were read first.
    let mut child = isnad()
        .args(["--jsonl", "--threads", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    for i in 0..300 {
        input.write_all(line(&json!({"id": i, "text": "قال الوزير إن الخطة جاهزة."})).as_bytes()).unwrap();
    }
    input.flush().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut first = String::new();
        output.read_line(&mut first).unwrap();
        tx.send(first).unwrap();
        let mut rest = String::new();
        output.read_to_string(&mut rest).unwrap();
        rest.lines().count() + 1
    });
    let first = rx.recv_timeout(Duration::from_secs(60)).expect("a first record while the input is still open");
    assert_eq!(serde_json::from_str::<Value>(&first).unwrap()["id"], 0);
    input.write_all(line(&json!({"id": 300, "text": "نفى الوزير ذلك."})).as_bytes()).unwrap();
    drop(input);
    assert_eq!(reader.join().unwrap(), 301);
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_closed_output_is_no_error() {
    let mut child =
        isnad().args(["--jsonl"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..5000 {
            let doc = line(&json!({"id": i, "text": "قال الوزير إن الخطة جاهزة."}));
            if input.write_all(doc.as_bytes()).is_err() {
                return; // isnad stopped reading: expected
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap(); // then `head -1` exits
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "a closed pipe is no error: {:?}", out.status);
    assert!(out.stderr.is_empty(), "and says nothing: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn help_shows_examples_and_conflicts_are_usage_errors() {
    let help = stdout(&isnad().arg("--help").output().unwrap());
    for must in ["usage: isnad", "--jsonl", "--format", "--threads", "Examples:", "Exit status"] {
        assert!(help.contains(must), "--help mentions {must}");
    }
    assert_eq!(
        stdout(&isnad().arg("--version").output().unwrap()).trim(),
        format!("isnad {}", env!("CARGO_PKG_VERSION"))
    );
    for args in [&["--jsonl", "--pretty"][..], &["--jsonl", "--threads", "none"], &["--format", "xml", "a.txt"]] {
        let out = isnad().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8(out.stderr).unwrap().contains("usage: isnad"), "{args:?}");
    }
}

#[test]
fn the_progress_bar_is_drawn_on_a_terminal_only() {
    // `script` (util-linux) runs isnad with a pseudo-terminal as standard error.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` command to make a terminal");
        return;
    }
    let dir = temp_dir();
    let input = dir.join("progress.jsonl");
    let docs: String = (0..50).map(|i| line(&json!({"id": i, "text": "قال الوزير إن الخطة جاهزة."}))).collect();
    std::fs::write(&input, &docs).unwrap();
    let cmd = format!("{} --jsonl {} > /dev/null", env!("CARGO_BIN_EXE_isnad"), input.display());
    let out = Command::new("script").args(["-qec", &cmd, "/dev/null"]).stdin(Stdio::null()).output().unwrap();
    let term = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{term}");
    assert!(term.contains("isnad: 50 documents"), "the summary on a terminal: {term:?}");
    // Not a terminal: nothing (the other tests check stderr is empty on pipes too).
    let out = isnad().args(["--jsonl", input.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
