//! Mines candidate person titles from real news: definite words that stand between a reporting
//! verb and a name, as «الأميرال» in «وقال الأميرال جون ريتشاردسون إن …», and that no lexicon
//! knows yet. Reads JSON lines `{"text": …}` on standard input; writes, on standard output, one
//! row per candidate: the word, how often it stood so, how often it occurs at all, and an example.
//! Run by `cargo xtask mine` over ../shared/corpus/ (see lexicons/README.md); the rows it writes
//! are candidates for a linguist to review, not lexicon rows.

use isnad::lexicon::{self, Gram, Lexicon};
use isnad::tokenize::{tokenize, TokKind, Token};
use std::collections::HashMap;
use std::io::BufRead;

/// Classes of grammar.tsv a title word cannot be in.
const NOT_A_TITLE: [Gram; 14] = [
    Gram::That,
    Gram::Time,
    Gram::Stop,
    Gram::Conj,
    Gram::Aux,
    Gram::Narration,
    Gram::Anon,
    Gram::Accusation,
    Gram::Issued,
    Gram::Side,
    Gram::Adj,
    Gram::Prep,
    Gram::Honorific,
    Gram::Quantity,
];

/// A word that could be part of a name: no article, no function word, no verb of saying.
fn name_like(lex: &Lexicon, t: &Token) -> bool {
    let w = t.norm.as_str();
    t.kind == TokKind::Word
        && !w.starts_with("ال")
        && !w.starts_with('و')
        && w.chars().count() >= 2
        && lex.cue(w).is_none()
        && lex.complementizer(w).is_none()
        && !NOT_A_TITLE.iter().any(|&g| lex.is(w, g))
        && lex.entity_index_has(w).is_none()
}

/// What may follow a speaker's name: a complementizer, a comma, a colon, a quotation mark.
fn boundary(lex: &Lexicon, t: &Token) -> bool {
    matches!(t.kind, TokKind::Comma | TokKind::Colon | TokKind::Quote(_))
        || (t.kind == TokKind::Word && lex.complementizer(&t.norm).is_some())
}

fn main() {
    let lex = Lexicon::get();
    let mut hits: HashMap<String, (usize, String)> = HashMap::new();
    let mut total: HashMap<String, usize> = HashMap::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("standard input is readable");
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
        let toks = tokenize(text);
        let tags = lexicon::tag(&toks, lex);
        for t in &toks {
            if t.kind == TokKind::Word && t.norm.starts_with("ال") {
                *total.entry(t.norm.clone()).or_default() += 1;
            }
        }
        for i in 0..toks.len().saturating_sub(3) {
            // (بين and عبر are also prepositions: «بين الهلال والأهلي».)
            if tags[i].cue.is_none() || ["بين", "وبين", "عبر", "وعبر"].contains(&toks[i].norm.as_str()) {
                continue;
            }
            let w = &toks[i + 1];
            let bare = w.norm.strip_prefix("ال").unwrap_or("");
            // The article as written (أليكس folds to اليكس, a name).
            if w.kind != TokKind::Word
                || !text[w.start..w.end].starts_with("ال")
                || bare.chars().count() < 3
                || lex.entity_at(&toks, i + 1).is_some()
                || lex.entity_index_has(&w.norm).is_some()
                || NOT_A_TITLE.iter().any(|&g| lex.is(&w.norm, g) || lex.is(bare, g))
                || lex.cue(&w.norm).is_some()
            {
                continue;
            }
            // One to three name-like words, then where a name ends.
            let mut j = i + 2;
            while j < toks.len() && j < i + 5 && name_like(lex, &toks[j]) {
                j += 1;
            }
            if j == i + 2 || j >= toks.len() || !boundary(lex, &toks[j]) {
                continue;
            }
            let e = hits.entry(w.norm.clone()).or_insert_with(|| (0, String::new()));
            e.0 += 1;
            if e.1.is_empty() {
                e.1 = text[toks[i].start..toks[j].end].replace(['\t', '\n'], " ");
            }
        }
    }
    let mut rows: Vec<_> = hits.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    println!("# word\tbefore a name\toccurrences\texample");
    for (w, (n, ex)) in rows {
        let all = total.get(&w).copied().unwrap_or(n);
        println!("{w}\t{n}\t{all}\t{ex}");
    }
}
