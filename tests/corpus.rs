//! A whole collection of real news (`../shared/corpus/jawharafm-2017.jsonl.gz`, 9,958 articles),
//! read by `isnad --jsonl` as an archive user would: no error record, and almost no speaker named
//! by a pronoun (هو، هي) or by a bare word that only points back to someone the text named
//! (البيان، الصحيفة، الوزير). The same counts as `../shared/eval/corpus_check.py`.
//! Skipped, with a message, where `../shared/corpus` is absent.

use std::io::Write;
use std::process::{Command, Stdio};

const PRONOUNS: &[&str] = &["هو", "هي", "هم", "هما", "هن", "انا", "نحن", "انت", "انتم", "انه", "انها", "انهم"];
const BARE: &[&str] = &[
    "البيان",
    "بيان",
    "التقرير",
    "الصحيفه",
    "الوكاله",
    "الوزير",
    "الوزيره",
    "المتحدث",
    "المتحدثه",
    "الناطق",
    "الناطقه",
    "الاخير",
    "الاخيره",
    "المصدر نفسه",
    "نفس المصدر",
    "المسوول",
    "السفير",
    "المدرب",
    "النائب",
];

/// corpus_check.py's folding: no diacritics or tatweel, one alef, ى → ي, ة → ه.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|&c| !matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

#[test]
fn a_whole_collection_has_no_pronoun_or_pointing_speakers() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/jawharafm-2017.jsonl.gz");
    if !path.is_file() {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", path.display());
        return;
    }
    let gz = std::fs::read(&path).expect("read the collection");
    let mut gunzip = Command::new("gzip")
        .arg("-dc")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip runs (Debian's gzip package)");
    let mut input = gunzip.stdin.take().unwrap();
    std::thread::spawn(move || input.write_all(&gz));
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["--jsonl", "--threads", "2"])
        .stdin(gunzip.stdout.take().unwrap())
        .output()
        .expect("isnad runs");
    assert!(gunzip.wait().expect("gzip ends").success(), "gzip -dc failed");
    assert!(out.status.success(), "isnad --jsonl failed: {}", String::from_utf8_lossy(&out.stderr));
    let (mut docs, mut errors, mut speakers, mut pronoun, mut bare) = (0, 0, 0, 0, 0);
    let mut examples = Vec::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        docs += 1;
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        if r.get("error").is_some() {
            errors += 1;
            continue;
        }
        for sp in r["analysis"]["speakers"].as_array().unwrap() {
            speakers += 1;
            let name = fold(sp["name"].as_str().unwrap());
            let one_word_bare = !name.contains(' ') && BARE.contains(&name.as_str());
            if PRONOUNS.contains(&name.as_str()) {
                pronoun += 1;
                examples.push(name);
            } else if BARE.contains(&name.as_str()) || one_word_bare {
                bare += 1;
                examples.push(name);
            }
        }
    }
    let per_mille = |n: usize| n as f64 * 1000.0 / speakers.max(1) as f64;
    eprintln!(
        "{docs} documents, {speakers} speakers: pronoun {:.1}, bare noun {:.1} per 1,000; {errors} error records",
        per_mille(pronoun),
        per_mille(bare)
    );
    assert_eq!(docs, 9958, "every line gives one record");
    assert_eq!(errors, 0);
    assert!(speakers > 10_000, "too few speakers: {speakers}");
    // The targets are 0.5 and 2.0 per 1,000 (issue 15); the bare-noun rate is 2.9 today (4.8 when
    // this test was written), and this bound only keeps it from growing back while the work goes on.
    assert!(
        per_mille(pronoun) <= 0.5,
        "pronoun speakers {:.1} per 1,000: {:?}",
        per_mille(pronoun),
        &examples[..examples.len().min(20)]
    );
    assert!(
        per_mille(bare) <= 3.5,
        "pointing-noun speakers {:.1} per 1,000: {:?}",
        per_mille(bare),
        &examples[..examples.len().min(20)]
    );
}
