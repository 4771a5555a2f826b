//! The documents of the native criterion benchmarks (`benches/pipeline.rs`): exactly 200, 2,000
//! and 20,000 words of real Arabic news, cycled from the repository's articles. (The browser
//! benchmark, `cargo xtask bench`, uses the corpus articles of `benches/texts/` instead, and
//! measures native throughput over a whole corpus collection.)
//!
//! The articles come from the repository, so a fresh clone can run the benchmarks: `seeds/*.txt`
//! and `tests/data/articles/*.txt`. When `../shared/eval/dev` exists beside the repository (the
//! dev set, not committed here), its articles are added too, for more variety; `Corpus::sources`
//! says which were used, and BENCHMARKS.md records it beside the figures.
//!
//! A document is the articles in file-name order, whole, separated by a blank line, cycled until
//! the word count is reached; the last article is cut after the word that reaches it. Cycling
//! keeps the text realistic (every speaker and quotation is a real one) while letting the size
//! grow, which is what the linearity check needs.

use std::path::{Path, PathBuf};

/// The sizes measured, in words (whitespace-separated).
pub const SIZES: [usize; 3] = [200, 2_000, 20_000];

pub struct Corpus {
    /// The articles' texts, in the order they are cycled.
    pub articles: Vec<String>,
    /// The directories the articles came from, with how many each gave.
    pub sources: Vec<(PathBuf, usize)>,
}

impl Corpus {
    /// Reads the articles under `root` (the repository's top directory).
    pub fn load(root: &Path) -> Result<Corpus, String> {
        let mut articles = Vec::new();
        let mut sources = Vec::new();
        let dev = root.join("../shared/eval/dev");
        let dirs = [root.join("seeds"), root.join("tests/data/articles"), dev.clone()];
        for dir in dirs {
            if dir == dev && !dir.is_dir() {
                continue; // optional: only on machines that have the shared dev set
            }
            let texts = read_txt(&dir)?;
            sources.push((dir, texts.len()));
            articles.extend(texts);
        }
        if articles.is_empty() {
            return Err(format!("no .txt articles under {}/seeds", root.display()));
        }
        Ok(Corpus { articles, sources })
    }

    /// A document of exactly `words` whitespace-separated words.
    pub fn document(&self, words: usize) -> String {
        let mut doc = String::new();
        let mut left = words;
        for article in self.articles.iter().cycle() {
            if left == 0 {
                break;
            }
            let n = article.split_whitespace().count();
            if n == 0 {
                continue;
            }
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            if n <= left {
                doc.push_str(article.trim());
                left -= n;
            } else {
                doc.push_str(&article.trim()[..end_of_word(article.trim(), left)]);
                left = 0;
            }
        }
        doc
    }

    /// A one-line account of where the articles came from, for the benchmarks' output.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self.sources.iter().map(|(d, n)| format!("{n} from {}", d.display())).collect();
        format!("{} articles ({})", self.articles.len(), parts.join(", "))
    }
}

/// The `.txt` files of `dir`, sorted by name.
fn read_txt(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))).collect()
}

/// The byte offset just after the `n`-th whitespace-separated word of `s` (n ≥ 1).
fn end_of_word(s: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s.len()
}
