//! The `isnad` command line, run as a user runs it: the built binary, real files, real pipes.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A text with statements and with characters outside the Basic Multilingual Plane before and
/// inside them, so code-point, UTF-16 and byte offsets all differ.
const TEXT: &str = "😀 قال المتحدث باسم الوزارة إن الاجتماع 🎉 سيعقد غدا.\n\
                    وأضاف: «لن نتراجع 👨‍👩‍👧 عن القرار».\n";

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

/// A fresh file in a directory of this test's own (tests run in parallel).
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child =
        isnad().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "isnad failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("stdout is valid JSON")
}

/// A failure: non-zero exit, nothing on stdout, one line on stderr that contains `must`.
fn assert_one_line_error(out: &Output, must: &[&str]) {
    let err = stderr(out);
    assert!(!out.status.success(), "expected a failure, got success; stderr: {err}");
    assert!(out.stdout.is_empty(), "nothing on stdout on failure: {:?}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with("isnad: "), "the message names the program: {err:?}");
    for m in must {
        assert!(err.contains(m), "stderr should mention {m:?}: {err:?}");
    }
}

#[test]
fn a_missing_file_is_one_clear_line_and_a_failure() {
    let path = std::env::temp_dir().join("isnad-no-such-file-9f3c.txt");
    let out = isnad().arg(&path).output().unwrap();
    assert_one_line_error(&out, &[&path.display().to_string(), "cannot read"]);
}

#[test]
fn invalid_utf8_is_one_clear_line_and_a_failure() {
    // Valid Arabic, then a lone continuation byte at offset 7, then more text.
    let mut bytes = "قال ".as_bytes().to_vec();
    let bad_at = bytes.len();
    bytes.extend_from_slice(&[0x80, b' ']);
    bytes.extend_from_slice("الوزير".as_bytes());
    let path = temp_file("latin1.txt", &bytes);
    let out = isnad().arg(&path).output().unwrap();
    assert_one_line_error(&out, &["not valid UTF-8", &format!("offset {bad_at}"), &path.display().to_string()]);

    // The same from standard input names standard input.
    let out = run_with_stdin(&["-"], &bytes);
    assert_one_line_error(&out, &["standard input", "not valid UTF-8"]);

    // «قال» in Windows-1256, the encoding of many older Arabic files: DE C7 E1.
    let out = run_with_stdin(&["-"], &[0xDE, 0xC7, 0xE1]);
    assert_one_line_error(&out, &["not valid UTF-8"]);
}

#[test]
fn dash_reads_standard_input_and_gives_the_same_analysis_as_the_file() {
    let path = temp_file("text.txt", TEXT.as_bytes());
    let from_file = json(&isnad().arg(&path).output().unwrap());
    let from_stdin = json(&run_with_stdin(&["-"], TEXT.as_bytes()));
    assert_eq!(from_file, from_stdin);
    assert!(!from_file["statements"].as_array().unwrap().is_empty(), "the text has statements: {from_file}");
}

#[test]
fn pretty_indents_the_same_json() {
    let compact = run_with_stdin(&["-"], TEXT.as_bytes());
    let pretty = run_with_stdin(&["--pretty", "-"], TEXT.as_bytes());
    let (c, p) =
        (String::from_utf8(compact.stdout.clone()).unwrap(), String::from_utf8(pretty.stdout.clone()).unwrap());
    assert_eq!(c.trim_end().lines().count(), 1, "compact output is one line");
    assert!(p.lines().count() > 10 && p.contains("\n  \""), "pretty output is indented: {p}");
    assert_eq!(json(&compact), json(&pretty));
}

#[test]
fn offsets_are_code_points_that_slice_the_input() {
    let v = json(&run_with_stdin(&["-"], TEXT.as_bytes()));
    let chars: Vec<char> = TEXT.chars().collect();
    let mut spans = Vec::new();
    for st in v["statements"].as_array().unwrap() {
        spans.push(st["cue"].clone());
        spans.push(st["content"].clone());
    }
    for sp in v["speakers"].as_array().unwrap() {
        spans.extend(sp["mentions"].as_array().unwrap().iter().cloned());
    }
    assert!(spans.len() >= 4, "statements and speakers found: {v}");
    for s in &spans {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, s["text"].as_str().unwrap(), "span {s} slices the text in code points");
    }
    // The test means something: byte offsets would differ here (the emoji before the first cue).
    let cue = &v["statements"][0]["cue"];
    assert_ne!(cue["start"].as_u64().unwrap() as usize, TEXT.find(cue["text"].as_str().unwrap()).unwrap());
}

#[test]
fn explain_prints_one_account_per_statement() {
    let out = run_with_stdin(&["--explain", "-"], TEXT.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let n = json(&run_with_stdin(&["-"], TEXT.as_bytes()))["statements"].as_array().unwrap().len();
    assert_eq!(text.lines().filter(|l| l.starts_with('#')).count(), n, "{text}");
}

#[test]
fn usage_errors_fail_and_help_succeeds() {
    for args in [&[][..], &["--no-such-option", "x"][..], &["a.txt", "b.txt"][..]] {
        let out = isnad().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(stderr(&out).contains("usage: isnad"), "{args:?}: {}", stderr(&out));
    }
    let out = isnad().arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("usage: isnad"));
}
