//! Mines language data from real news. Reads JSON lines `{"text": …}` on standard input and
//! writes rows with counts on standard output; `cargo xtask mine` runs it over ../shared/corpus/
//! (see lexicons/README.md, "Mined data").
//!
//! - `mine titles`: candidate person titles: definite words that stand between a reporting verb
//!   and a name, as «الأميرال» in «وقال الأميرال جون ريتشاردسون إن …», that no lexicon knows yet
//!   (the word, how often it stood so, how often it occurs at all, an example) — candidates for a
//!   linguist to review, not lexicon rows.
//! - `mine lwords`: words whose first ل is their own letter, not the preposition لـ: frequent
//!   words (30 times or more) whose rest without ل is 20 times rarer, with and without the
//!   article («لافروف» 671 times, «افروف» never; «لندن»; but not «لموزاييك», «موزاييك» being
//!   common) — lexicon rows of class `lword` (grammar.tsv), with their counts as a comment.
//! - `mine commons`: frequent words the news almost never writes as a name (`commons` below),
//!   rows of class `common` that the build reads as they are (lexicons/README.md).
//! - `mine accusatives`: words the news writes with the accusative tanween (ـاً) often enough
//!   to be adverbs or circumstantial participles, never a name's later word (`accusatives`
//!   below), rows of class `accusative`.

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
    match std::env::args().nth(1).as_deref() {
        Some("titles") => titles(),
        Some("lwords") => lwords(),
        Some("commons") => commons(),
        Some("accusatives") => accusatives(),
        _ => {
            eprintln!("usage: mine titles|lwords|commons|accusatives < corpus.jsonl");
            std::process::exit(2);
        }
    }
}

/// The texts of the JSON lines on standard input.
fn texts() -> impl Iterator<Item = String> {
    std::io::stdin().lock().lines().filter_map(|line| {
        let line = line.expect("standard input is readable");
        let v = serde_json::from_str::<serde_json::Value>(&line).ok()?;
        Some(v.get("text")?.as_str()?.to_string())
    })
}

fn lwords() {
    let lex = Lexicon::get();
    let mut count: HashMap<String, usize> = HashMap::new();
    for text in texts() {
        for t in tokenize(&text) {
            if t.kind == TokKind::Word {
                *count.entry(t.norm.to_string()).or_default() += 1;
            }
        }
    }
    let mut rows: Vec<(&String, usize, usize)> = count
        .iter()
        .filter(|(w, &n)| n >= 30 && w.starts_with('ل') && !w.starts_with("لل") && w.chars().count() >= 4)
        .filter_map(|(w, &n)| {
            let rest = &w['ل'.len_utf8()..];
            let n_rest = count.get(rest).copied().unwrap_or(0) + count.get(&format!("ال{rest}")).copied().unwrap_or(0);
            // (Words the lexicons know already — لكنه، لدى — need no row.)
            let known =
                lex.cue(w).is_some() || lex.complementizer(w).is_some() || NOT_A_TITLE.iter().any(|&g| lex.is(w, g));
            (n_rest * 20 <= n && !known).then_some((w, n, n_rest))
        })
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("# words whose first ل is their own letter: word<TAB>lword<TAB># times, times of the word without ل");
    for (w, n, n_rest) in rows {
        println!("{w}\tlword\t# {n}, {n_rest}");
    }
}

fn titles() {
    let lex = Lexicon::get();
    let mut hits: HashMap<String, (usize, String)> = HashMap::new();
    let mut total: HashMap<String, usize> = HashMap::new();
    for text in texts() {
        let text = text.as_str();
        let toks = tokenize(text);
        let tags = lexicon::tag(&toks, lex);
        for t in &toks {
            if t.kind == TokKind::Word && t.norm.starts_with("ال") {
                *total.entry(t.norm.to_string()).or_default() += 1;
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
            let e = hits.entry(w.norm.to_string()).or_insert_with(|| (0, String::new()));
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

/// Where a name would go: the name-like words right after a title or a body's head word, up to
/// three («الرئيس دونالد ترامب»، «وكالة فرانس برس»). Per token: (in a run that ends where a name
/// ends, «… ترامب إن», not an object running on after its subject, «أكدت الوزارة عدم وجود …»;
/// in any such run).
fn name_places(lex: &Lexicon, toks: &[Token], tags: &[lexicon::Tag]) -> (Vec<bool>, Vec<bool>) {
    let mut after_title = vec![false; toks.len() + 1];
    let mut after_any = vec![false; toks.len() + 1];
    for (i, tag) in tags.iter().enumerate() {
        if let Some(e) = tag.entity {
            if e.end > i && e.info.class != lexicon::EntityClass::Place {
                let mut k = e.end;
                while k < toks.len() && k < e.end + 3 && toks[k].kind == TokKind::Word && tags[k].word.name_like {
                    k += 1;
                }
                after_any[e.end..k].iter_mut().for_each(|b| *b = true);
                if k > e.end && (k == toks.len() || boundary(lex, &toks[k]) || tags[k].cue.is_some()) {
                    after_title[e.end..k].iter_mut().for_each(|b| *b = true);
                }
            }
        }
    }
    (after_title, after_any)
}

/// How often a word must occur to be listed as common: 130 (100 until 2026-12-07, when the wasm
/// passed its 250 KiB budget; the 1,200 words seen 100–129 times were some 5 KB of it, and
/// leaving them out cost 2 right statements and 5 false ones over 2,680 real articles).
const COMMON_MIN: usize = 130;

/// Frequent words shaped like names that the news almost never writes as one: a word seen
/// `COMMON_MIN` times or more, fewer than 1 in 100 of them in a run of one to three name-like words right
/// after a title or a body's head word that ends where a name ends (الرئيس دونالد ترامب إن …),
/// and no lexicon knows yet: «عدم»، «اعتزاله»، «سيكون». Rows of class `common` (read by the
/// build from lexicons/mined/commons.tsv): such a word never continues a speaker's name, so
/// «وأكد متحدث باسم جهاز الإطفاء عدم اندلاع حرائق» ends the speaker before «عدم».
fn commons() {
    // A word that stands alone between a verb of saying and its content in 1 of 50 of its
    // occurrences (5 at least) is someone speaking: a name titles seldom precede («نادال»،
    // «كومي»، «شتاينماير»), unless it ends in a pronoun («مراسلنا»، «بعضهم»، «سموه»).
    let speaks = |w: &str, n: usize, speaking: usize| {
        speaking >= 5 && speaking * 50 >= n && !["ه", "ها", "هم", "هما", "كم", "ك", "نا"].iter().any(|e| w.ends_with(e))
    };
    let lex = Lexicon::get();
    // word -> (occurrences, in a name's place after a title or a body, after one at all, as
    // the whole subject of a verb of saying)
    let mut count: HashMap<String, (usize, usize, usize, usize)> = HashMap::new();
    for text in texts() {
        let toks = tokenize(&text);
        let tags = lexicon::tag(&toks, lex);
        let (after_title, after_any) = name_places(lex, &toks, &tags);
        for (i, t) in toks.iter().enumerate() {
            if t.kind == TokKind::Word && tags[i].word.name_like && !t.norm.starts_with("ال") {
                let e = count.entry(t.norm.to_string()).or_default();
                e.0 += 1;
                e.1 += usize::from(after_title[i]);
                e.2 += usize::from(after_any[i]);
                // «وقال نادال إن …»، «وقال كومي: …»: a word standing alone between a verb of
                // saying and its content is the one speaking, a name the titles never precede.
                e.3 += usize::from(
                    i > 0 && tags[i - 1].cue.is_some() && toks.get(i + 1).is_some_and(|n| boundary(lex, n)),
                );
            }
        }
    }
    let mut rows: Vec<(&String, usize, usize, usize)> = count
        .iter()
        // (Only words that do stand where a name would go, once or more: the others never
        // reach the rule, and each row costs the wasm some 30 bytes.)
        .filter(|(w, &(n, titled, after, speaking))| {
            n >= COMMON_MIN
                && titled * 100 < n
                && after >= 1
                && !speaks(w, n, speaking)
                && lex.entity_index_has(w).is_none()
                && !lex.is(w, Gram::Lword)
        })
        .map(|(w, &(n, titled, after, _))| (w, n, titled, after))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!(
        "# frequent words never a name: word<TAB>common<TAB># times, times in a name's place after a title or a body, times right after one"
    );
    for (w, n, titled, after) in rows {
        println!("{w}\tcommon\t# {n}, {titled}, {after}");
    }
}

/// Words the news writes with the accusative tanween (ـاً، ـًا) in 15 % or more of their
/// occurrences (3 at least), that stand right after a title or a body's head word at least once
/// (where a name would go), and no lexicon knows yet: adverbs and circumstantial participles,
/// «مخاطباً»، «مازحاً»، «مبتسماً»، «جميعاً». A name never takes the tanween, so such a word ends a
/// name rather than continuing it («وقال المغرد عبدالله مخاطبا هذه الفئة» names عبدالله). Some
/// are also given names («ثريا», «سلفا»): the class only stops a name from going on, it never
/// stops one from starting. Rows of class `accusative`, read by the build as they are.
fn accusatives() {
    let lex = Lexicon::get();
    // word -> (occurrences, written with the tanween, right after a title or a body at all)
    let mut count: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for text in texts() {
        let toks = tokenize(&text);
        let tags = lexicon::tag(&toks, lex);
        let (_, after_any) = name_places(lex, &toks, &tags);
        for (i, t) in toks.iter().enumerate() {
            if t.kind == TokKind::Word && tags[i].word.name_like && !t.norm.starts_with("ال") {
                let e = count.entry(t.norm.to_string()).or_default();
                e.0 += 1;
                e.1 += usize::from(text[t.start..t.end].contains('\u{064B}'));
                e.2 += usize::from(after_any[i]);
            }
        }
    }
    let mut rows: Vec<(&String, usize, usize, usize)> = count
        .iter()
        .filter(|(w, &(n, tanween, after))| {
            tanween >= 3
                && tanween * 100 >= n * 15
                && after >= 1
                && lex.entity_index_has(w).is_none()
                && !lex.is(w, Gram::Lword)
                && !lex.word(w, None, false).is(Gram::Common)
        })
        .map(|(w, &(n, tanween, after))| (w, n, tanween, after))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("# words written with the accusative tanween, never a name's later word: word<TAB>accusative<TAB># times, times with the tanween, times right after a title or a body");
    for (w, n, tanween, after) in rows {
        println!("{w}\taccusative\t# {n}, {tanween}, {after}");
    }
}
