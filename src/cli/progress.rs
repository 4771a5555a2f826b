//! The progress bar of a batch run, on standard error when it is a terminal and nowhere
//! otherwise: under a pipeline, a scheduler or a test, standard error stays free for messages.
//!
//! It counts input bytes (a bar with an ETA when the inputs are files of known size, a spinner
//! on standard input) and shows the documents done in its message.

pub use super::jsonl::thousands;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

pub struct Progress {
    bar: ProgressBar,
    visible: bool,
    /// Standard output is the same terminal: output must not be drawn over by the bar.
    stdout_is_terminal: bool,
    started: Instant,
}

impl Progress {
    /// `total`: the input's size in bytes, when known.
    pub fn new(total: Option<u64>) -> Progress {
        let visible = std::io::stderr().is_terminal();
        let bar = if !visible {
            ProgressBar::hidden()
        } else {
            let (bar, template) = match total {
                Some(n) => (
                    ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
                    "{elapsed_precise} [{wide_bar}] {percent:>3}% {decimal_bytes}/{decimal_total_bytes} \
                     {decimal_bytes_per_sec}, eta {eta} · {msg}",
                ),
                None => (
                    ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
                    "{spinner} {elapsed_precise} {decimal_bytes} read, {decimal_bytes_per_sec} · {msg}",
                ),
            };
            let style = ProgressStyle::with_template(template).expect("a valid template").progress_chars("=> ");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Progress { bar, visible, stdout_is_terminal: std::io::stdout().is_terminal(), started: Instant::now() }
    }

    /// Counts `bytes` more input read and `docs` documents done in all.
    pub fn advance(&self, bytes: u64, docs: u64) {
        if self.visible {
            self.bar.inc(bytes);
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            self.bar.set_message(format!("{}, {}/s", documents(docs), thousands((docs as f64 / secs) as u64)));
        }
    }

    /// Runs `write`, the writing of output, with the bar out of the way if they share a terminal.
    pub fn around_output<T>(&self, write: impl FnOnce() -> T) -> T {
        if self.visible && self.stdout_is_terminal {
            self.bar.suspend(write)
        } else {
            write()
        }
    }

    /// Prints a line on standard error, above the bar if it is there.
    pub fn message(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Removes the bar and, on a terminal only, says what was done.
    pub fn finish(&self, docs: u64, bytes: u64) {
        if self.visible {
            self.bar.finish_and_clear();
            let secs = self.started.elapsed().as_secs_f64();
            eprintln!(
                "isnad: {}, {:.1} MB in {secs:.1} s ({} documents/s, {:.1} MB/s)",
                documents(docs),
                bytes as f64 / 1e6,
                thousands((docs as f64 / secs.max(1e-3)) as u64),
                bytes as f64 / 1e6 / secs.max(1e-3)
            );
        }
    }
}

/// "1 document", "1,234 documents".
pub fn documents(n: u64) -> String {
    format!("{} document{}", thousands(n), if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(1234567), "1,234,567");
        assert_eq!(super::documents(1), "1 document");
        assert_eq!(super::documents(2000), "2,000 documents");
    }
}
