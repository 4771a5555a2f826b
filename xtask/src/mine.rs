//! `cargo xtask mine [CORPUS_DIR]`: derives candidate lexicon rows from real news
//! (../shared/corpus/ by default) with counts and an example each, into lexicons/mined/. Only
//! these derived rows enter the repository, never the articles. A reader then moves the ones
//! that are right into the lexicon files (see lexicons/README.md, "Mined data").

use crate::util::{cargo, root, run};
use std::fs::File;
use std::process::{Command, Stdio};

pub fn mine_cmd(args: &[String]) -> Result<(), String> {
    let corpus = match args {
        [] => root().join("../shared/corpus"),
        [dir] => dir.into(),
        _ => return Err(format!("unknown arguments to mine: {args:?} (only a corpus directory)")),
    };
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .map_err(|e| {
            format!("cannot read {}: {e} (give the corpus directory: cargo xtask mine DIR)", corpus.display())
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".jsonl.gz"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.jsonl.gz in {}", corpus.display()));
    }
    run(cargo().args(["build", "--release", "--example", "mine"]), "the miner (lexicons/mine.rs) must build")?;
    std::fs::create_dir_all(root().join("lexicons/mined")).map_err(|e| e.to_string())?;
    for (what, file) in [
        ("titles", "titles.tsv"),
        ("lwords", "lwords.tsv"),
        ("commons", "commons.tsv"),
        ("accusatives", "accusatives.tsv"),
    ] {
        let out_path = root().join("lexicons/mined").join(file);
        let out = File::create(&out_path).map_err(|e| format!("cannot write {}: {e}", out_path.display()))?;
        let mut zcat = Command::new("zcat")
            .args(&files)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run zcat: {e} (it reads the gzipped corpus)"))?;
        let miner = root().join("target/release/examples/mine");
        let status = Command::new(&miner)
            .arg(what)
            .stdin(zcat.stdout.take().expect("piped"))
            .stdout(out)
            .status()
            .map_err(|e| format!("cannot run {}: {e}", miner.display()))?;
        let _ = zcat.wait();
        if !status.success() {
            return Err(format!("{} {what} failed ({status})", miner.display()));
        }
        eprintln!("wrote {} (from {} files)", out_path.display(), files.len());
    }
    Ok(())
}
