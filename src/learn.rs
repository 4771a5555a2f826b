//! Learned decisions: which earlier entity an unnamed subject (وأضاف، مشيراً) refers to, and
//! which of the rules' statements to keep.
//!
//! The rules in `speakers` list the candidates for an unnamed subject — titled persons seen in
//! the sentence, the subject of the clause the verb continues, the entities the text has been
//! following (most recent first), a body named just before — and choose one of them. On real
//! news that choice is where most wrong speakers come from. Here a linear ranker over features
//! the pipeline already has (where the candidate comes from, how recent it is, whether its gender
//! agrees with the verb's, what kind of entity it is and what its name looks like, which rule
//! found the statement) may choose another. Its weights are learned from the annotated real
//! articles (`tests/data/real/`) by `cargo xtask train` (an averaged perceptron, deterministic);
//! `model/antecedent.tsv` holds them and `model/antecedent.meta.json` says how they were made and
//! what they did on batches they were not learned from.
//!
//! `build.rs` compiles the weights into a sorted static table, so nothing is parsed at run time.
//! The rules' own choice is one of the features, and it wins every tie: with no weights, the
//! ranker is the rules.
//!
//! The second decision (`filter`): the rules find more statements than a reader would mark, and
//! which of them are wrong shows in what the rules already know — the rule that found it, the
//! verb and its tense, how long the content is, how far back the speaker was last named and who
//! was named since. A logistic model over those features (`statement_features`), learned from
//! the same articles (`model/keep.tsv`, `model/keep.meta.json`), drops a claim whose score is
//! below zero (denials are always kept). With no weights, every statement is kept.

use crate::lexicon::Gender;
use crate::normalize::fold;
use crate::output::{Analysis, Sources, SpeakerKind, StatementKind};
use crate::statements::Found;

include!(concat!(env!("OUT_DIR"), "/antecedent_weights.rs"));
include!(concat!(env!("OUT_DIR"), "/keep_weights.rs"));

/// One candidate for an unnamed subject, as the ranker sees it.
pub struct Candidate<'a> {
    /// Where it comes from: `seen`, `continues`, `recent`, `body`.
    pub route: &'static str,
    /// Its place in that list, most recent 0.
    pub rank: usize,
    pub name: &'a str,
    pub gender: Gender,
    /// The gender the verb shows.
    pub verb: Gender,
    pub kind: SpeakerKind,
    /// Whether a proper name is known.
    pub named: bool,
    /// Where the text last mentioned it (byte offset of the mention's end).
    pub last_end: Option<usize>,
    /// Whether the rules choose it.
    pub rule: bool,
}

/// The features of a candidate, as strings `name=value` (the weight file's keys).
pub fn candidate_features(text: &str, f: &Found, c: &Candidate) -> Vec<String> {
    let mut out = Vec::with_capacity(24);
    // How the rules read the statement, without the words they quote: «participle continuing
    // the current speaker», «no named subject: the current speaker».
    let how: Vec<String> = f.rule.split("; ").skip(1).map(mask).collect();
    let how = how.join("; ");
    let gender = match (c.verb, c.gender) {
        (Gender::Unknown, _) | (_, Gender::Unknown) => "unknown",
        (a, b) if a == b => "agree",
        _ => "disagree",
    };
    let rank = c.rank.min(4);
    if c.rule {
        out.push("rule".to_string());
        out.push(format!("rule|{how}"));
    }
    out.push(format!("route={}", c.route));
    out.push(format!("route.rank={}|{rank}", c.route));
    out.push(format!("route.rank.how={}|{rank}|{how}", c.route));
    out.push(format!("gender={gender}"));
    out.push(format!("route.gender={}|{gender}", c.route));
    out.push(format!("kind={:?}", c.kind));
    out.push(format!("route.kind={}|{:?}", c.route, c.kind));
    if c.named {
        out.push("named".to_string());
    }
    if let Some(end) = c.last_end {
        let since = f.cue.0.saturating_sub(end);
        out.push(format!("since={}", Bucket(since, &[60, 200, 600, 2000])));
        if end >= f.sentence {
            out.push("in_sentence".to_string());
        }
    }
    let key: Vec<String> = c.name.split_whitespace().map(fold).collect();
    out.push(format!("words={}", Bucket(key.len(), &[1, 2, 3, 4])));
    words_shape(&mut out, &key);
    let cue = fold(&text[f.cue.0..f.cue.1]);
    if cue.starts_with('و') || cue.starts_with('ف') {
        out.push(format!("joined.route.rank={}|{rank}", c.route));
    }
    out
}

/// Whether the statement filter has weights (`cargo xtask train` writes none when it does not
/// beat the rules on held-out batches).
pub const HAS_KEEP_WEIGHTS: bool = !KEEP_WEIGHTS.is_empty();

/// What every statement's features share in one analysis, computed once: how many statements
/// each speaker has, and where the headline ends (if the text has one).
struct DocFacts {
    said: Vec<usize>,
    headline_end: Option<usize>,
}

/// The most paragraph breaks, sentence ends or other speakers named that a feature tells apart
/// (its buckets end at 5): breaks and sentence ends are counted only up to there, and mentions
/// found by halves, so a speaker named far back in a long text (an archive pasted whole) costs
/// no more than one named a page before.
const COUNT_CAP: usize = 5;

impl DocFacts {
    fn of(text: &str, a: &Analysis) -> DocFacts {
        let mut said = vec![0; a.speakers.len()];
        for st in &a.statements {
            said[st.speaker] += 1;
        }
        // A headline: the first line of several, short, not ending as a sentence does (of the
        // 1,960 real articles' first lines, 4 end with a full stop; a pasted paragraph is no
        // headline).
        let headline_end = text.find('\n').filter(|&nl| {
            let first = text[..nl].trim_end();
            first.split_whitespace().count() <= 30 && !first.ends_with('.') && !text[nl..].trim().is_empty()
        });
        DocFacts { said, headline_end }
    }
}

/// The features of each statement of `a` (byte offsets into `text`, before chains and targets are
/// linked), as strings `name=value` (the keys of `model/keep.tsv`): what `cargo xtask train`
/// learns from.
pub fn statement_features(text: &str, a: &Analysis) -> Vec<Vec<String>> {
    let facts = DocFacts::of(text, a);
    (0..a.statements.len())
        .map(|k| {
            let mut out = Vec::with_capacity(32);
            each_feature(text, a, k, &facts, &mut |f| out.push(f.to_string()));
            out
        })
        .collect()
}

/// Calls `emit` with each feature of statement `k`, written into one reused buffer (the filter
/// looks each up and keeps no string).
fn each_feature(text: &str, a: &Analysis, k: usize, facts: &DocFacts, emit: &mut dyn FnMut(&str)) {
    use std::fmt::Write;
    let mut buf = String::with_capacity(96);
    let mut put = |args: std::fmt::Arguments| {
        buf.clear();
        let _ = buf.write_fmt(args);
        emit(&buf);
    };
    let st = &a.statements[k];
    let sp = &a.speakers[st.speaker];
    let explain = st.explain.as_deref().unwrap_or("");
    let mut parts = explain.split("; ");
    let first = parts.next().unwrap_or("");
    // «verb «قال» (Indirect)»: what found it and, for a verb, its lemma.
    let finder = first.split(' ').next().unwrap_or("");
    let lemma = first.split('«').nth(1).and_then(|r| r.split('»').next()).unwrap_or("-");
    let rule = parts.next().map(mask).unwrap_or_default();
    let tense = if finder == "verb" { tense(&st.cue.text, lemma) } else { "-" };
    let content_words = st.content.text.split_whitespace().count();
    let name_words = sp.name.split_whitespace().count();
    let headline = facts.headline_end.is_some_and(|nl| st.cue.start < nl);
    let (kind, sk, form) = (st.kind, sp.kind, st.form);
    put(format_args!("bias"));
    put(format_args!("rule={rule}"));
    put(format_args!("finder={finder}"));
    put(format_args!("lemma={lemma}"));
    put(format_args!("lemma.tense={lemma}|{tense}"));
    put(format_args!("tense={tense}"));
    put(format_args!("form={form:?}"));
    put(format_args!("kind={kind:?}"));
    put(format_args!("speaker={sk:?}"));
    // (In hundredths, as `speakers` rounds it: «0.75», «0.80». Written by integer formatting,
    // the float formatting code stays out of the wasm.)
    let hundredths = (st.confidence * 100.0).round() as u32;
    put(format_args!("confidence={}.{:02}", hundredths / 100, hundredths % 100));
    put(format_args!("content={}", Bucket(content_words, &[2, 3, 5, 9, 17, 33, 65])));
    put(format_args!("name={}", Bucket(name_words, &[2, 3, 4, 6])));
    put(format_args!("mentions={}", Bucket(sp.mentions.len(), &[1, 2, 3, 5])));
    put(format_args!("said={}", Bucket(facts.said[st.speaker], &[2, 3, 5, 9])));
    put(format_args!("headline={headline}"));
    put(format_args!("rule.lemma={rule}|{lemma}"));
    put(format_args!("rule.speaker={rule}|{sk:?}"));
    put(format_args!("role={}", !sp.role.is_empty()));
    put(format_args!("form.content={form:?}|{}", Bucket(content_words, &[3, 5, 9])));
    // How far back the speaker was last named, and who was named since.
    let cue = st.cue.start;
    // (Mentions are in text order: the last one before the cue is found by halves.)
    let before = sp.mentions.partition_point(|m| m.start < cue);
    match before.checked_sub(1).map(|k| sp.mentions[k].start) {
        None => put(format_args!("named_before=false")),
        Some(last) => {
            let (paragraphs, sentences) = breaks_and_sentences(&text[last..cue]);
            // (Each speaker's mentions are in text order: those between are a range, found by
            // halves, not a walk over all of them.)
            let others: usize = (a.speakers.iter().enumerate())
                .filter(|&(j, _)| j != st.speaker)
                .map(|(_, o)| {
                    o.mentions.partition_point(|m| m.start < cue) - o.mentions.partition_point(|m| m.start <= last)
                })
                .sum::<usize>()
                .min(COUNT_CAP);
            put(format_args!("paragraphs={}", Bucket(paragraphs, &[1, 2, 3, 5])));
            put(format_args!("sentences={}", Bucket(sentences, &[1, 2, 3, 5])));
            put(format_args!("others={}", Bucket(others, &[1, 2, 3, 5])));
            put(format_args!("rule.others={rule}|{}", Bucket(others, &[1, 2, 4])));
            put(format_args!("rule.paragraphs={rule}|{}", Bucket(paragraphs, &[1, 2, 4])));
        }
    }
    // Does the cue open its sentence?
    let before = text[..cue].trim_end_matches([' ', '\t']);
    let opens = before.is_empty() || before.ends_with(['\n', '.', ':', '،']);
    put(format_args!("opens={opens}"));
    // The words between the cue and the content, and whether a complementizer ends them.
    let gap = text.get(st.cue.end..st.content.start).unwrap_or("");
    put(format_args!("gap={}", Bucket(gap.split_whitespace().count(), &[1, 2, 3, 5, 9])));
    let last = gap.split_whitespace().last().map(fold).unwrap_or_default();
    let that = ["ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "لان", "وان"].contains(&last.as_str());
    put(format_args!("that={that}"));
}

/// A count as a feature value: `<B` for the first bound it is below, `>=L` past the last (written
/// where it is formatted, with no string of its own).
struct Bucket<'b>(usize, &'b [usize]);

impl std::fmt::Display for Bucket<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1.iter().find(|&&b| self.0 < b) {
            Some(b) => write!(f, "<{b}"),
            None => write!(f, ">={}", self.1.last().copied().unwrap_or(0)),
        }
    }
}

/// Past, present or participle, from the cue as written and its lemma (both folded): «ويؤكد»
/// of أكد is present, «مؤكدا» a participle.
fn tense(cue: &str, lemma: &str) -> &'static str {
    let (cue, lemma) = (fold(cue), fold(lemma));
    let cue = cue.strip_prefix(['و', 'ف']).unwrap_or(&cue);
    let cue = match cue.strip_prefix(['س', 'ل']) {
        Some(rest) if rest.starts_with(['ي', 'ت']) => rest,
        _ => cue,
    };
    let (c, l) = (cue.chars().next(), lemma.chars().next());
    if c == Some('م') && l != Some('م') {
        "participle"
    } else if c.is_some_and(|c| matches!(c, 'ي' | 'ت' | 'ن')) && c != l {
        "present"
    } else {
        "past"
    }
}

/// The score of statement `k` under the keep weights: kept at zero or above.
fn keep_score(text: &str, a: &Analysis, k: usize, facts: &DocFacts) -> f32 {
    let mut sum = 0.0;
    each_feature(text, a, k, facts, &mut |f| sum += lookup(KEEP_WEIGHTS, f).unwrap_or(0.0));
    sum
}

/// Drops the claims the learned model scores below zero; ids are renumbered in order. Runs before
/// chains and targets are linked; says whether it dropped any (then `prune_speakers` must run
/// once they are).
pub fn filter(text: &str, a: &mut Analysis) -> bool {
    if !HAS_KEEP_WEIGHTS || a.statements.is_empty() {
        return false;
    }
    // A denial is always kept: it is what a fact-checker looks for first (on held-out batches,
    // keeping them all costs 0.0002 of statements F1).
    let facts = DocFacts::of(text, a);
    let keep: Vec<bool> = (0..a.statements.len())
        .map(|k| a.statements[k].kind == StatementKind::Denial || keep_score(text, a, k, &facts) >= 0.0)
        .collect();
    a.keep_statements(&keep)
}

/// Removes the speakers no statement is by and no chain goes through (those whose statements the
/// filter dropped), renumbering the rest in order.
pub fn prune_speakers(a: &mut Analysis) {
    let mut used = vec![false; a.speakers.len()];
    for st in &a.statements {
        used[st.speaker] = true;
        for &s in st.chain.iter().flatten() {
            used[s] = true;
        }
    }
    let mut new_index = vec![usize::MAX; a.speakers.len()];
    let mut n = 0;
    for (s, &u) in used.iter().enumerate() {
        if u {
            new_index[s] = n;
            n += 1;
        }
    }
    crate::output::retain_flagged(&mut a.speakers, &used);
    for (i, sp) in a.speakers.iter_mut().enumerate() {
        sp.id = i;
    }
    for st in &mut a.statements {
        st.speaker = new_index[st.speaker];
        if let Some(chain) = st.chain.as_mut() {
            for s in chain.iter_mut() {
                *s = new_index[*s];
            }
        }
    }
    a.sources = Sources::of(&a.speakers);
}

/// Whether any weight was learned (`cargo xtask train` writes none when the rules do better).
pub const HAS_WEIGHTS: bool = !ANTECEDENT_WEIGHTS.is_empty();

/// The score of a candidate: the sum of the weights of its features (unknown ones weigh 0).
pub fn score(features: &[String]) -> f32 {
    features.iter().filter_map(|f| weight(f)).sum()
}

fn weight(feature: &str) -> Option<f32> {
    lookup(ANTECEDENT_WEIGHTS, feature)
}

fn lookup(table: &[(&str, f32)], feature: &str) -> Option<f32> {
    table.binary_search_by(|(k, _)| (*k).cmp(feature)).ok().map(|i| table[i].1)
}

/// What the subject phrase's words look like: its first and last word, and the shape of the
/// first (a preposition glued to it, a possessive ending, the accusative alef, a plural).
fn words_shape(out: &mut Vec<String>, key: &[String]) {
    let Some(w0) = key.first() else { return };
    out.push(format!("w0={w0}"));
    if let Some(last) = key.last().filter(|_| key.len() > 1) {
        out.push(format!("wl={last}"));
    }
    let shape = if w0.starts_with("ال") {
        "def"
    } else if w0.starts_with("لل") || (w0.starts_with('ل') && w0.chars().count() > 3) {
        "l-prefix"
    } else if w0.starts_with("ب") && w0.chars().count() > 3 {
        "b-prefix"
    } else {
        "plain"
    };
    out.push(format!("w0.shape={shape}"));
    for (suffix, name) in
        [("ها", "poss"), ("ه", "poss"), ("هم", "poss"), ("ات", "pl"), ("ون", "pl"), ("ين", "pl"), ("ا", "alef")]
    {
        if w0.ends_with(suffix) && w0.chars().count() > suffix.chars().count() + 2 {
            out.push(format!("w0.end={name}"));
            break;
        }
    }
}

/// «…» masked: the rule's wording without the words it quotes.
fn mask(seg: &str) -> String {
    let mut out = String::with_capacity(seg.len());
    let mut inside = false;
    for c in seg.chars() {
        match c {
            '«' => {
                inside = true;
                out.push_str("«*");
            }
            '»' => {
                inside = false;
                out.push('»');
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The paragraph breaks and sentence ends in `s`, each up to `COUNT_CAP`. A run of line breaks,
/// blank lines and all, counts once, so that a text pasted with blank lines between its
/// paragraphs reads as the same text.
fn breaks_and_sentences(s: &str) -> (usize, usize) {
    let (mut breaks, mut sentences, mut in_break) = (0, 0, false);
    for c in s.chars() {
        if c == '\n' {
            breaks += usize::from(!in_break);
            in_break = true;
        } else if !c.is_whitespace() {
            in_break = false;
            sentences += usize::from(matches!(c, '.' | '!' | '?' | '؟'));
        }
        if breaks >= COUNT_CAP && sentences >= COUNT_CAP {
            break;
        }
    }
    (breaks.min(COUNT_CAP), sentences.min(COUNT_CAP))
}

#[cfg(test)]
mod tests {
    /// Blank lines between paragraphs change nothing the filter reads (the page's test pastes the
    /// same article with them and expects the same statements).
    #[test]
    fn blank_lines_between_paragraphs_are_one_break() {
        assert_eq!(super::breaks_and_sentences("أ\nب"), (1, 0));
        assert_eq!(super::breaks_and_sentences("أ.\n\n \nب\nج"), (2, 1));
        assert_eq!(super::breaks_and_sentences("أ ب"), (0, 0));
        // Counting stops at the cap (the features' buckets end there).
        assert_eq!(super::breaks_and_sentences(&"جملة.\n".repeat(100)), (5, 5));
        let text = include_str!("../benches/texts/ant-2000.txt");
        let spaced = text.replace('\n', "\n\n");
        let count = |t: &str| crate::analyze(t, crate::OffsetUnit::Byte).statements.len();
        assert_eq!(count(text), count(&spaced));
    }

    use super::*;

    #[test]
    fn the_weight_table_is_sorted_and_unique() {
        assert!(ANTECEDENT_WEIGHTS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn unknown_features_weigh_nothing() {
        assert_eq!(weight("no such feature"), None);
        let f = vec!["no such feature".to_string()];
        assert_eq!(score(&f), 0.0);
    }

    /// The feature dumper sees what the analyzer does (when no weights overrule the rules), and
    /// records the candidates of an unnamed subject, the rules' choice among them.
    #[test]
    fn training_sees_the_rules_and_their_candidates() {
        let text = "قال وزير الخارجية سامح شكري إن المحادثات مثمرة. وأضاف أن الجولة المقبلة ستعقد في القاهرة.";
        let t = crate::analyze_for_training(text);
        let (a, cands) = (t.analysis, t.candidates);
        assert_eq!(t.statements.len(), a.statements.len());
        if !HAS_WEIGHTS && !HAS_KEEP_WEIGHTS {
            assert_eq!(a, crate::analyze(text, crate::OffsetUnit::CodePoint));
        }
        assert_eq!(a.statements.len(), 2);
        assert!(cands[0].is_empty(), "a named subject has no candidates");
        let (name, features) = cands[1].iter().find(|(_, f)| f.iter().any(|x| x == "rule")).expect("the rules choose");
        assert!(name.contains("سامح شكري"), "{name}");
        assert!(features.iter().any(|f| f == "route=recent"));
    }

    #[test]
    fn masks_quoted_words() {
        assert_eq!(mask("verb «قال» (Direct)"), "verb «*» (Direct)");
        assert_eq!(Bucket(3, &[2, 4]).to_string(), "<4");
        assert_eq!(Bucket(9, &[2, 4]).to_string(), ">=4");
    }
}
