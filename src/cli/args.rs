//! The command line's arguments: their definition (clap), the help text with examples, and the
//! checks clap cannot express, each failing with a message that says what to do instead.

use clap::error::ErrorKind;
use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// The two ways to run isnad, as `--help` and every usage error show them.
const USAGE_LINES: &str = "isnad [--pretty | --explain | --format csv] FILE
       isnad --jsonl [--format csv] [--threads N] [FILE...]
       isnad summarize [--by FIELD] --out DIR [ANALYSES...]";

const EXAMPLES: &str = "\
Examples:
  isnad article.txt                        the analysis of one article, as JSON
  isnad --explain article.txt              each statement with the rule that found it
  isnad --format csv article.txt > st.csv  its statements, one CSV row each
  isnad --jsonl archive.jsonl > out.jsonl  an archive of {\"id\": …, \"text\": …} lines, on all cores
  zcat part-*.jsonl.gz | isnad --jsonl --format csv > statements.csv
  isnad --jsonl --threads 1                a filter on one core (for Spark's RDD.pipe, GNU parallel)
  isnad summarize --by outlet --out summary/ out.jsonl
                                           what the analyses say: summary/speakers.csv, groups.csv
                                           (anonymous sources per outlet) and report.html

With --jsonl, each output line is the input line's object without \"text\" and with \"analysis\"
added; a line that cannot be analyzed gives {\"line\": N, \"error\": \"…\"} instead, and the run
goes on. Offsets count Unicode code points (Python's text[start:end]).

Exit status: 0 when every input was read and every result written, even if some lines got error
records; 2 on a usage error, an input that cannot be read or an output that cannot be written
(a reader that stops early, as in `isnad … | head`, is not an error).";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The analysis as JSON (one line per document with --jsonl).
    Json,
    /// One row per statement, RFC 4180, with a header row.
    Csv,
}

#[derive(Debug, Parser)]
#[command(
    name = "isnad",
    version,
    about = "Who said what in Arabic news text: speakers, their claims and their denials.",
    override_usage = USAGE_LINES,
    help_template = "{about}\n\nusage: {usage}\n\n{all-args}{after-help}",
    after_help = EXAMPLES,
)]
pub struct Args {
    /// A UTF-8 text file, or - for standard input; with --jsonl, JSON-lines files (default: -)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Read JSON lines {"id": …, "text": …}; write one line per document, in order
    #[arg(long)]
    pub jsonl: bool,

    /// json (the analysis; the default) or csv (one row per statement)
    #[arg(long, value_enum, default_value_t = Format::Json, value_name = "FORMAT", hide_possible_values = true)]
    #[arg(hide_default_value = true)]
    pub format: Format,

    /// With --jsonl: analysis threads (default: all cores, or RAYON_NUM_THREADS)
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,

    /// Indent the JSON of one document
    #[arg(long)]
    pub pretty: bool,

    /// Print, per statement, the cue, the rule and why its speaker was chosen
    #[arg(long)]
    pub explain: bool,
}

/// The most `--threads` accepts: batches grow with the thread count (see `batch.rs`), so a typo
/// like `--threads 40000` would ask for gigabytes.
const MAX_THREADS: usize = 1024;

fn parse_threads(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!(
            "give a number of threads from 1 to {MAX_THREADS} (e.g. --threads 4); leave the option out to use every core"
        )),
    }
}

/// `isnad summarize`: its own options (see `summarize.rs`).
#[derive(Debug, Parser)]
#[command(
    name = "isnad summarize",
    about = "Summarize analyses (the output of isnad --jsonl): each speaker with its documents, claims and \
             denials, and per group of documents the share of anonymous sources; as CSV and an HTML report.",
    override_usage = "isnad summarize [--by FIELD] --out DIR [ANALYSES...]",
    help_template = "{about}\n\nusage: {usage}\n\n{all-args}{after-help}",
    after_help = SUMMARIZE_EXAMPLES,
)]
pub struct SummarizeArgs {
    /// JSON lines written by isnad --jsonl (default: -, standard input)
    #[arg(value_name = "ANALYSES")]
    pub files: Vec<PathBuf>,

    /// Group documents by this field of the input lines (outlet, year, …), kept in each record
    #[arg(long, value_name = "FIELD")]
    pub by: Option<String>,

    /// The folder to write speakers.csv, groups.csv and report.html into (created if missing)
    #[arg(long, value_name = "DIR", required = true)]
    pub out: PathBuf,
}

const SUMMARIZE_EXAMPLES: &str = "\
Examples:
  isnad --jsonl archive.jsonl > out.jsonl && isnad summarize --by outlet --out summary/ out.jsonl
  zcat part-*.jsonl.gz | isnad --jsonl | isnad summarize --by outlet --out summary/
  isnad summarize --out summary/ spark-output/part-*    the part files of a Spark job

speakers.csv: one row per speaker (its name folded, and its kind): documents, statements, claims,
denials, and gender when the analyses carry it. groups.csv: one row per value of --by (or one
row, all): documents, statements, sources by kind, the share of anonymous sources. report.html:
plots of both, one file with nothing to load from elsewhere.";

/// What to do, once the arguments make sense together.
pub enum Mode {
    /// `isnad FILE`: one document; `-` is standard input.
    One { file: PathBuf, format: OneFormat },
    /// `isnad --jsonl [FILE...]`: an archive; no files means standard input.
    Batch { files: Vec<PathBuf>, format: Format, threads: Option<usize> },
    /// `isnad summarize --out DIR [ANALYSES...]`.
    Summarize { files: Vec<PathBuf>, by: Option<String>, out: PathBuf },
}

pub enum OneFormat {
    Json { pretty: bool },
    Explain,
    Csv,
}

/// A usage error: what was wrong, then the usage lines.
fn usage_error(what: &str) -> String {
    format!("{what}\nusage: {USAGE_LINES}\nRun 'isnad --help' for the options and examples.")
}

/// Parses the process's arguments. `Ok(None)`: `--help` or `--version` was printed, nothing to do.
pub fn parse() -> Result<Option<Mode>, String> {
    parse_from(std::env::args_os())
}

fn parse_from<I, T>(argv: I) -> Result<Option<Mode>, String>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let argv: Vec<std::ffi::OsString> = argv.into_iter().map(Into::into).collect();
    if argv.get(1).is_some_and(|a| a == "summarize") {
        let args = argv.iter().skip(1);
        return match SummarizeArgs::try_parse_from(args) {
            Ok(a) => Ok(Some(Mode::Summarize { files: a.files, by: a.by, out: a.out })),
            Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
                let _ = e.print();
                Ok(None)
            }
            Err(e) => Err(usage_error(&clap_message(&e))),
        };
    }
    let args = match Args::try_parse_from(argv) {
        Ok(args) => args,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            // A closed standard output (`isnad --help | head -1`) is no error.
            let _ = e.print();
            return Ok(None);
        }
        Err(e) => return Err(usage_error(&clap_message(&e))),
    };
    args.mode().map(Some)
}

/// clap's error without "error: " and without its own usage block and "For more information"
/// line (ours replace them); its tips and possible values stay.
fn clap_message(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let lines = text.lines().take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"));
    let kept: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    kept.join("\n").trim_start_matches("error: ").to_string()
}

impl Args {
    fn mode(self) -> Result<Mode, String> {
        if self.jsonl {
            if self.pretty {
                return Err(usage_error(
                    "--pretty would break the one-line-per-document output of --jsonl; \
                     to read a record indented, pipe it through `jq .`",
                ));
            }
            if self.explain {
                return Err(usage_error("--explain works on one document (isnad --explain FILE), not with --jsonl"));
            }
            return Ok(Mode::Batch { files: self.files, format: self.format, threads: self.threads });
        }
        if self.threads.is_some() {
            return Err(usage_error("--threads applies to --jsonl; one document is analyzed on one core"));
        }
        let format = match (self.format, self.explain, self.pretty) {
            (Format::Csv, true, _) => {
                return Err(usage_error("--explain and --format csv are two formats; choose one"))
            }
            (Format::Csv, _, true) => return Err(usage_error("--pretty indents JSON; drop it with --format csv")),
            (Format::Csv, false, false) => OneFormat::Csv,
            (Format::Json, true, _) => OneFormat::Explain,
            (Format::Json, false, pretty) => OneFormat::Json { pretty },
        };
        let mut files = self.files.into_iter();
        match (files.next(), files.next()) {
            (None, _) => Err(usage_error("no input file given (- reads standard input)")),
            (Some(file), None) => Ok(Mode::One { file, format }),
            (Some(_), Some(_)) => {
                Err(usage_error("give one file only, or use --jsonl to analyze an archive of many documents"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(args: &[&str]) -> Result<Option<Mode>, String> {
        parse_from(std::iter::once("isnad").chain(args.iter().copied()))
    }

    #[test]
    fn the_two_modes() {
        assert!(matches!(mode(&["a.txt"]), Ok(Some(Mode::One { format: OneFormat::Json { pretty: false }, .. }))));
        assert!(matches!(mode(&["--format", "csv", "-"]), Ok(Some(Mode::One { format: OneFormat::Csv, .. }))));
        assert!(matches!(
            mode(&["--explain", "--pretty", "a"]),
            Ok(Some(Mode::One { format: OneFormat::Explain, .. }))
        ));
        match mode(&["--jsonl", "--threads", "3", "--format", "csv", "a", "b"]) {
            Ok(Some(Mode::Batch { files, format: Format::Csv, threads: Some(3) })) => assert_eq!(files.len(), 2),
            _ => panic!("batch mode with two files"),
        }
        assert!(matches!(mode(&["--jsonl"]), Ok(Some(Mode::Batch { threads: None, .. }))));
        match mode(&["summarize", "--by", "outlet", "--out", "d", "a.jsonl", "b.jsonl"]) {
            Ok(Some(Mode::Summarize { files, by: Some(by), out })) => {
                assert_eq!((files.len(), by.as_str(), out.to_str()), (2, "outlet", Some("d")))
            }
            _ => panic!("summarize with two files"),
        }
        let err = mode(&["summarize", "a.jsonl"]).err().expect("summarize needs --out");
        assert!(err.contains("--out") && err.contains("usage: isnad"), "{err}");
    }

    #[test]
    fn conflicting_options_say_what_to_do() {
        for (args, says) in [
            (&["--jsonl", "--pretty"][..], "jq"),
            (&["--jsonl", "--explain"][..], "one document"),
            (&["--threads", "2", "a"][..], "--jsonl"),
            (&["--format", "csv", "--pretty", "a"][..], "drop it"),
            (&["--format", "csv", "--explain", "a"][..], "choose one"),
            (&["--jsonl", "--threads", "0"][..], "from 1 to"),
            (&["--jsonl", "--threads", "5000"][..], "from 1 to"),
            (&["--format", "xml", "a"][..], "xml"),
            (&["a", "b"][..], "--jsonl"),
        ] {
            let err = mode(args).err().unwrap_or_else(|| panic!("{args:?} should be refused"));
            assert!(err.contains(says), "{args:?}: {err}");
            assert!(err.contains("usage: isnad"), "{args:?}: {err}");
        }
    }
}
