//! The `isnad` command line: one document (`isnad FILE`, this file), an archive
//! (`isnad --jsonl`, [`batch`]), or what an archive's analyses say (`isnad summarize`,
//! [`summarize`]). Native only: nothing here reaches the wasm.

mod args;
mod batch;
mod csv;
mod jsonl;
mod lines;
mod progress;
mod report;
mod summarize;
mod summary;

use args::{Mode, OneFormat};
use std::path::Path;
use std::process::ExitCode;

/// Exit status 0 when done, 2 with a message on standard error when not (see `isnad --help`).
pub fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("isnad: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    match args::parse()? {
        None => Ok(()),
        Some(Mode::One { file, format }) => one(&file, format),
        Some(Mode::Batch { files, format, threads }) => batch::run(batch::Config { files, format, threads }),
        Some(Mode::Summarize { files, by, out }) => summarize::run(summarize::Config { files, by, out }),
    }
}

/// One document: the whole file (or standard input) is the text.
fn one(file: &Path, format: OneFormat) -> Result<(), String> {
    let stdin = file.as_os_str() == "-";
    let bytes = if stdin {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let what = if stdin { "standard input".to_string() } else { file.display().to_string() };
        format!(
            "{what} is not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8 first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })?;
    let analysis = isnad::analyze(&text, isnad::OffsetUnit::CodePoint);
    let out = match format {
        OneFormat::Explain => isnad::explain(&analysis).into_bytes(),
        OneFormat::Json { pretty } => {
            let json = if pretty { serde_json::to_string_pretty(&analysis) } else { serde_json::to_string(&analysis) };
            (json.map_err(|e| format!("cannot write JSON: {e}"))? + "\n").into_bytes()
        }
        OneFormat::Csv => {
            let mut out = Vec::new();
            csv::write_header(&mut out);
            csv::write_statements(&file.display().to_string(), &analysis, &mut out);
            out
        }
    };
    write_stdout(&out)
}

/// Writes to standard output; a reader that stopped reading (`isnad f | head`) is no error.
fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the output: {e}")),
        _ => Ok(()),
    }
}
