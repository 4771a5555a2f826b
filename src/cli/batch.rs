//! `isnad --jsonl`: an archive analyzed on all cores, streamed in input order, in bounded memory.
//!
//! Three stages, each on its own thread, joined by channels that hold one batch each:
//!
//! ```text
//! reader ─batch─► analysis (rayon pool, the batch in parallel) ─results─► writer
//! ```
//!
//! A batch is a run of consecutive lines, at most [`DOCS_PER_THREAD`] documents or
//! [`BYTES_PER_THREAD`] bytes for each analysis thread. Its results are collected in its own
//! order, so the output is in input order whatever thread finished first, and at most a few
//! batches are in memory at once (one being read, one waiting, one analyzed, one waiting, one
//! written): memory depends on the number of threads, never on the size of the input. The cost
//! of the order is a wait at the end of each batch for its slowest document, small when a batch
//! holds dozens of documents per thread.
//!
//! A line that gives no analysis gets an error record (JSON) or a message on standard error
//! (CSV), and the run goes on; a document the analyzer failed on (a bug) gets one too.

use super::args::Format;
use super::lines::{Line, LineReader, MAX_LINE};
use super::progress::{thousands, Progress};
use super::{csv, jsonl};
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

/// Documents per analysis thread in a batch: enough that the wait for a batch's slowest
/// document is a small part of the batch's time.
const DOCS_PER_THREAD: usize = 64;
/// Input bytes per analysis thread in a batch (a line longer than this is a batch of its own).
const BYTES_PER_THREAD: usize = 1 << 20;
/// In CSV mode, how many bad lines are named on standard error before the rest are only counted.
const MAX_MESSAGES: u64 = 20;

pub struct Config {
    /// The JSON-lines files, read one after the other; empty or `-`: standard input.
    pub files: Vec<PathBuf>,
    pub format: Format,
    /// Analysis threads; `None`: rayon's default (one per core, or `RAYON_NUM_THREADS`).
    pub threads: Option<usize>,
}

/// An input, opened only when its turn comes (an archive may be thousands of shards).
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name in error records and messages; `None` for standard input.
    fn name(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            Input::File(p) => Some(p.display().to_string()),
        }
    }
}

/// One line to analyze.
struct Job {
    input: usize,
    number: u64,
    line: Line,
}

struct Batch {
    jobs: Vec<Job>,
    /// Input bytes the batch took, line breaks included (for the progress bar).
    bytes: u64,
}

/// What one line gave.
#[derive(Default)]
struct Done {
    /// Its output: a JSON line, CSV rows, an error record, or nothing.
    out: Vec<u8>,
    /// Why it gave no analysis, with where it is ("a.jsonl:3: …", "line 3: …").
    error: Option<String>,
    /// A document was read from it (not a blank line).
    document: bool,
}

struct DoneBatch {
    done: Vec<Done>,
    bytes: u64,
}

#[derive(Default)]
struct Totals {
    /// Documents read (blank lines are not documents).
    lines: u64,
    errors: u64,
    bytes: u64,
    /// The output was closed before the end (`isnad … | head`).
    closed: bool,
}

/// Runs the batch; `Err` is a one-line message (exit status 2).
pub fn run(config: Config) -> Result<(), String> {
    let inputs = check_inputs(config.files)?;
    let total = total_size(&inputs);
    let names: Vec<Option<String>> = inputs.iter().map(Input::name).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.unwrap_or(0))
        .thread_name(|i| format!("isnad-{i}"))
        .build()
        .map_err(|e| format!("cannot start the analysis threads: {e}; try fewer with --threads"))?;
    let threads = pool.current_num_threads();
    let limits = (DOCS_PER_THREAD * threads, BYTES_PER_THREAD * threads);
    let format = config.format;
    let progress = Progress::new(total);
    if inputs.iter().any(|i| matches!(i, Input::Stdin)) && io::stdin().is_terminal() {
        progress.message("isnad: reading JSON lines from the terminal; end with Ctrl-D, or give the archive's files");
    }

    let (batch_tx, batch_rx) = sync_channel::<Result<Batch, String>>(1);
    let (done_tx, done_rx) = sync_channel::<DoneBatch>(1);
    // Not joined: once the output is closed, the reader may be waiting on an input that never
    // ends (`tail -f … | isnad --jsonl | head`); it stops at its next batch, or with the process.
    std::thread::spawn(move || read(inputs, limits, batch_tx));
    let (read_error, written) = std::thread::scope(|s| {
        let writer = s.spawn(|| write(done_rx, format, &progress));
        let mut read_error = None;
        for batch in batch_rx {
            let batch = match batch {
                Ok(b) => b,
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            };
            let done = pool.install(|| batch.jobs.into_par_iter().map(|job| analyze(job, format, &names)).collect());
            if done_tx.send(DoneBatch { done, bytes: batch.bytes }).is_err() {
                break; // the writer stopped: the reader of our output went away, or a write failed
            }
        }
        drop(done_tx);
        let written = writer.join().unwrap_or_else(|_| Err("the output thread failed".into()));
        (read_error, written)
    });
    let totals = written?;
    if let Some(e) = read_error {
        return Err(e);
    }
    if totals.closed {
        return Ok(());
    }
    progress.finish(totals.lines - totals.errors, totals.bytes);
    if totals.errors > 0 {
        let where_ = match format {
            Format::Json => "their records in the output have \"error\" and \"line\"",
            Format::Csv => "see the messages above",
        };
        let mut msg = format!(
            "isnad: {} of {} lines were not analyzed; {where_}",
            thousands(totals.errors),
            thousands(totals.lines)
        );
        if totals.errors == totals.lines {
            msg.push_str(
                "; is the input JSON lines, one object {\"id\": …, \"text\": \"…\"} per line? \
                 (a plain text file needs no --jsonl)",
            );
        }
        progress.message(&msg);
    }
    Ok(())
}

/// Fails at once, before any output, on an input that cannot be read.
fn check_inputs(files: Vec<PathBuf>) -> Result<Vec<Input>, String> {
    if files.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let mut inputs = Vec::with_capacity(files.len());
    for path in files {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                return Err(format!(
                    "{} is a directory; give the JSON-lines files in it, e.g. {}/*.jsonl",
                    path.display(),
                    path.display()
                ))
            }
            _ => {
                File::open(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            }
        }
        inputs.push(Input::File(path));
    }
    Ok(inputs)
}

/// The input's size in bytes, when all of it is regular files.
fn total_size(inputs: &[Input]) -> Option<u64> {
    inputs.iter().try_fold(0u64, |sum, input| match input {
        Input::File(p) => std::fs::metadata(p).ok().filter(|m| m.is_file()).map(|m| sum + m.len()),
        Input::Stdin => None,
    })
}

/// The reader: lines into batches, until the input ends, a read fails, or nobody listens.
fn read(inputs: Vec<Input>, (max_docs, max_bytes): (usize, usize), tx: SyncSender<Result<Batch, String>>) {
    let mut batch = Batch { jobs: Vec::new(), bytes: 0 };
    for (i, input) in inputs.iter().enumerate() {
        let (source, what): (Box<dyn Read>, String) = match input {
            Input::Stdin => (Box::new(io::stdin().lock()), "standard input".into()),
            Input::File(p) => match File::open(p) {
                Ok(f) => (Box::new(f), p.display().to_string()),
                Err(e) => {
                    let _ = tx.send(Err(format!("cannot read {}: {e}", p.display())));
                    return;
                }
            },
        };
        let mut lines = LineReader::new(BufReader::with_capacity(256 << 10, source), MAX_LINE);
        loop {
            let (number, line, len) = match lines.next_line() {
                Ok(Some(l)) => l,
                Ok(None) => break,
                Err(e) => {
                    let _ = tx.send(Err(format!("cannot read {what}: {e}")));
                    return;
                }
            };
            batch.jobs.push(Job { input: i, number, line });
            batch.bytes += len;
            if batch.jobs.len() >= max_docs || batch.bytes >= max_bytes as u64 {
                let full = std::mem::replace(&mut batch, Batch { jobs: Vec::new(), bytes: 0 });
                if tx.send(Ok(full)).is_err() {
                    return;
                }
            }
        }
    }
    if !batch.jobs.is_empty() {
        let _ = tx.send(Ok(batch));
    }
}

/// One line → its output. Runs on the analysis threads.
fn analyze(job: Job, format: Format, names: &[Option<String>]) -> Done {
    let file = names[job.input].as_deref();
    let outcome = match job.line {
        Line::Text(bytes) => jsonl::analyze_line(&bytes),
        Line::TooLong(n) => jsonl::Outcome::Failed(jsonl::too_long(n, MAX_LINE)),
    };
    let mut out = Vec::new();
    match outcome {
        jsonl::Outcome::Blank => Done::default(),
        jsonl::Outcome::Analyzed(doc, analysis) => {
            match format {
                Format::Json => jsonl::write_record(&doc, &analysis, &mut out),
                Format::Csv => csv::write_statements(&jsonl::id_cell(doc.id()), &analysis, &mut out),
            }
            Done { out, error: None, document: true }
        }
        jsonl::Outcome::Failed(e) => {
            if format == Format::Json {
                jsonl::write_error(&e, file, job.number, &mut out);
            }
            let place = match file {
                Some(f) => format!("{f}:{}", job.number),
                None => format!("line {}", job.number),
            };
            Done { out, error: Some(format!("{place}: {}", e.message)), document: true }
        }
    }
}

/// The writer: results to standard output in order, one flush per batch so that a consumer
/// downstream sees output as it comes. A closed output ends the run without error.
fn write(rx: Receiver<DoneBatch>, format: Format, progress: &Progress) -> Result<Totals, String> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(256 << 10, stdout.lock());
    let mut totals = Totals::default();
    let mut result = Ok(());
    if format == Format::Csv {
        let mut header = Vec::new();
        csv::write_header(&mut header);
        result = progress.around_output(|| out.write_all(&header));
    }
    for batch in rx.iter() {
        if result.is_err() {
            break;
        }
        for done in &batch.done {
            totals.lines += u64::from(done.document);
            if let Some(e) = &done.error {
                totals.errors += 1;
                if format == Format::Csv && totals.errors <= MAX_MESSAGES {
                    progress.message(&format!("isnad: {e}"));
                } else if format == Format::Csv && totals.errors == MAX_MESSAGES + 1 {
                    progress.message("isnad: more lines were not analyzed; only the first 20 are named");
                }
            }
        }
        result = progress
            .around_output(|| batch.done.iter().try_for_each(|d| out.write_all(&d.out)).and_then(|()| out.flush()));
        totals.bytes += batch.bytes;
        progress.advance(batch.bytes, totals.lines - totals.errors);
    }
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Totals { closed: true, ..totals }),
        Err(e) => Err(format!("cannot write the output: {e}")),
        Ok(()) => Ok(totals),
    }
}
