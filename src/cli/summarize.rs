//! `isnad summarize`: the analyses of an archive (what `isnad --jsonl` wrote, here or on a
//! cluster) read back and summarized ([`summary`](super::summary)) into a folder: `speakers.csv`,
//! `groups.csv` and `report.html`.
//!
//! A command of its own over analyses, rather than an option of `--jsonl`: it summarizes any
//! run's output (Spark's part files, an older run, the Python package's records) without
//! analyzing again, and it reads the analysis JSON, so fields the analysis gains are summarized
//! without a change here.

use super::lines::{Line, LineReader, MAX_LINE};
use super::summary::{Summary, Table};
use super::{csv, report};
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

pub struct Config {
    /// Analyses (JSON lines); empty or `-`: standard input.
    pub files: Vec<PathBuf>,
    pub by: Option<String>,
    pub out: PathBuf,
}

pub fn run(config: Config) -> Result<(), String> {
    let mut summary = Summary::new(config.by.clone());
    let files = if config.files.is_empty() { vec![PathBuf::from("-")] } else { config.files };
    for file in &files {
        let stdin = file.as_os_str() == "-";
        let name = if stdin { "standard input".to_string() } else { file.display().to_string() };
        let source: Box<dyn Read> = if stdin {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(file).map_err(|e| format!("cannot read {name}: {e}"))?)
        };
        let mut lines = LineReader::new(BufReader::with_capacity(256 << 10, source), MAX_LINE);
        while let Some((number, line, _)) = lines.next_line().map_err(|e| format!("cannot read {name}: {e}"))? {
            let added = match line {
                Line::TooLong(n) => Err(format!("a line of {n} bytes, over the limit")),
                Line::Text(bytes) => match std::str::from_utf8(&bytes) {
                    Ok(text) => summary.add_line(text),
                    Err(_) => Err("not valid UTF-8".into()),
                },
            };
            added.map_err(|e| format!("{name}:{number}: {e}"))?;
        }
    }
    if let Some(by) = summary.by() {
        if summary.groups().rows.iter().all(|r| r[0].text().is_empty()) && summary.documents() > 0 {
            eprintln!(
                "isnad: no record has a field {by:?}: every document is in one group; \
                 the records keep the input's fields (id, outlet, …) but not \"text\""
            );
        }
    }
    std::fs::create_dir_all(&config.out).map_err(|e| format!("cannot create {}: {e}", config.out.display()))?;
    let inputs = files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ");
    let speakers = summary.speakers();
    let groups = summary.groups();
    write(&config.out.join("speakers.csv"), &csv_of(&speakers))?;
    write(&config.out.join("groups.csv"), &csv_of(&groups))?;
    write(&config.out.join("report.html"), report::html(&summary, &inputs).as_bytes())?;
    eprintln!(
        "isnad: {} documents ({} error records left out): {} speakers, {} groups; wrote speakers.csv, \
         groups.csv and report.html in {}",
        super::jsonl::thousands(summary.documents()),
        super::jsonl::thousands(summary.errors()),
        super::jsonl::thousands(speakers.rows.len() as u64),
        groups.rows.len(),
        config.out.display()
    );
    Ok(())
}

/// A table as RFC 4180 CSV, with a header row, as `--format csv` writes statements.
fn csv_of(t: &Table) -> Vec<u8> {
    let mut out = Vec::new();
    csv::write_row(&mut out, t.columns.iter().cloned());
    for row in &t.rows {
        csv::write_row(&mut out, row.iter().map(|c| c.text()));
    }
    out
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
