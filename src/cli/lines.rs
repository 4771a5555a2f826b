//! Lines of an archive, read one at a time with a cap on their length, so that memory stays
//! bounded whatever the input: a file with no line breaks (a JSON array, a binary) costs at most
//! [`MAX_LINE`] bytes, not its size.

use std::io::{self, BufRead};

/// The longest line kept, in bytes: far above any news article (a long one is 50 KB), low enough
/// that a few in flight at once fit in memory. A longer line is skipped and reported.
pub const MAX_LINE: usize = 64 << 20;

/// One line, without its line break (`\n` or `\r\n`).
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Text(Vec<u8>),
    /// Longer than the cap: only its length was counted.
    TooLong(u64),
}

pub struct LineReader<R> {
    inner: R,
    /// The number of the last line returned, from 1.
    number: u64,
    max: usize,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R, max: usize) -> LineReader<R> {
        LineReader { inner, number: 0, max }
    }

    /// The next line with its number (from 1), and the bytes it took in the input (line break
    /// included); `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<(u64, Line, u64)>> {
        let mut buf = Vec::new();
        let mut len: u64 = 0;
        let mut too_long = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if len == 0 {
                    return Ok(None);
                }
                break;
            }
            let newline = available.iter().position(|&b| b == b'\n');
            let chunk = &available[..newline.map_or(available.len(), |i| i + 1)];
            len += chunk.len() as u64;
            if !too_long {
                if buf.len() + chunk.len() > self.max + 2 {
                    too_long = true;
                    buf = Vec::new(); // give the memory back now, not at the end of the line
                } else {
                    buf.extend_from_slice(chunk);
                }
            }
            let used = chunk.len();
            self.inner.consume(used);
            if newline.is_some() {
                break;
            }
        }
        self.number += 1;
        if too_long {
            return Ok(Some((self.number, Line::TooLong(len), len)));
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        if buf.len() > self.max {
            return Ok(Some((self.number, Line::TooLong(len), len)));
        }
        // A byte-order mark, as some Windows tools write at the start of a file.
        if self.number == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        Ok(Some((self.number, Line::Text(buf), len)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], max: usize, buffer: usize) -> Vec<(u64, Line, u64)> {
        let mut r = LineReader::new(io::BufReader::with_capacity(buffer, input), max);
        let mut out = Vec::new();
        while let Some(l) = r.next_line().unwrap() {
            out.push(l);
        }
        out
    }

    fn text(s: &str) -> Line {
        Line::Text(s.as_bytes().to_vec())
    }

    #[test]
    fn lines_with_and_without_a_final_break() {
        for buffer in [1, 3, 4096] {
            let got = all(b"\xEF\xBB\xBFab\r\n\ncd\nef", 10, buffer);
            assert_eq!(got, vec![(1, text("ab"), 7), (2, text(""), 1), (3, text("cd"), 3), (4, text("ef"), 2)]);
            assert!(all(b"", 10, buffer).is_empty());
        }
    }

    #[test]
    fn a_line_over_the_cap_is_counted_not_kept() {
        for buffer in [1, 5, 4096] {
            let got = all(b"12345\n123456789012\nxy\n1234567", 6, buffer);
            assert_eq!(
                got,
                vec![(1, text("12345"), 6), (2, Line::TooLong(13), 13), (3, text("xy"), 3), (4, Line::TooLong(7), 7)]
            );
        }
        // Exactly the cap, with a CRLF, is kept.
        assert_eq!(all(b"123456\r\n", 6, 2), vec![(1, text("123456"), 8)]);
    }
}
