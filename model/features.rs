//! Prints, for each text file given, one JSON line: the file, the analysis by the rules alone
//! (offsets in code points), per statement the candidates for its unnamed subject with their
//! features, and per statement its own features (for the statement filter). Run by `cargo xtask
//! train` (see model/train.py); not part of the library or the CLI.

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let t = isnad::analyze_for_training(&text);
        let line = serde_json::json!({
            "file": path, "analysis": t.analysis, "candidates": t.candidates, "statements": t.statements
        });
        println!("{line}");
    }
}
