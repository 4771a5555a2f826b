//! `isnad FILE` — prints the analysis JSON of an Arabic news text (offsets in code points).

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: isnad [--pretty] [--explain] FILE
  FILE       a UTF-8 text file, or - for standard input
  --pretty   indent the JSON
  --explain  print, per statement, the cue, the rule and why its speaker was chosen

Prints the analysis as JSON; offsets count Unicode code points (Python's text[start:end]).";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("isnad: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut pretty = false;
    let mut explain = false;
    let mut file = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pretty" => pretty = true,
            "--explain" => explain = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--version" | "-V" => {
                println!("isnad {}", env!("CARGO_PKG_VERSION"));
                return Ok(());
            }
            a if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
            a => {
                if file.replace(a.to_string()).is_some() {
                    return Err(format!("give one file only\n{USAGE}"));
                }
            }
        }
    }
    let file = file.ok_or_else(|| format!("no input file given\n{USAGE}"))?;
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let what = if file == "-" { "standard input".to_string() } else { file.clone() };
        format!(
            "{what} is not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8 first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })?;
    let analysis = isnad::analyze(&text, isnad::OffsetUnit::CodePoint);
    let out = if explain {
        isnad::explain(&analysis)
    } else {
        let json = if pretty { serde_json::to_string_pretty(&analysis) } else { serde_json::to_string(&analysis) };
        json.map_err(|e| format!("cannot write JSON: {e}"))? + "\n"
    };
    write_stdout(&out)
}

/// Writes to standard output; a reader that stopped reading (`isnad f | head`) is no error.
fn write_stdout(s: &str) -> Result<(), String> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the output: {e}")),
        _ => Ok(()),
    }
}
