//! Learned decisions: which earlier entity an unnamed subject (وأضاف، مشيراً) refers to.
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

use crate::lexicon::Gender;
use crate::normalize::fold;
use crate::output::SpeakerKind;
use crate::statements::Found;

include!(concat!(env!("OUT_DIR"), "/antecedent_weights.rs"));

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
        out.push(format!("since={}", bucket(since, &[60, 200, 600, 2000])));
        if end >= f.sentence {
            out.push("in_sentence".to_string());
        }
    }
    let key: Vec<String> = c.name.split_whitespace().map(fold).collect();
    out.push(format!("words={}", bucket(key.len(), &[1, 2, 3, 4])));
    words_shape(&mut out, &key);
    let cue = fold(&text[f.cue.0..f.cue.1]);
    if cue.starts_with('و') || cue.starts_with('ف') {
        out.push(format!("joined.route.rank={}|{rank}", c.route));
    }
    out
}

/// Whether any weight was learned (`cargo xtask train` writes none when the rules do better).
pub const HAS_WEIGHTS: bool = !ANTECEDENT_WEIGHTS.is_empty();

/// The score of a candidate: the sum of the weights of its features (unknown ones weigh 0).
pub fn score(features: &[String]) -> f32 {
    features.iter().filter_map(|f| weight(f)).sum()
}

fn weight(feature: &str) -> Option<f32> {
    ANTECEDENT_WEIGHTS.binary_search_by(|(k, _)| (*k).cmp(feature)).ok().map(|i| ANTECEDENT_WEIGHTS[i].1)
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

/// The first bound `n` is below, as `<B`, or `>=L` past the last.
fn bucket(n: usize, bounds: &[usize]) -> String {
    match bounds.iter().find(|&&b| n < b) {
        Some(b) => format!("<{b}"),
        None => format!(">={}", bounds.last().copied().unwrap_or(0)),
    }
}

#[cfg(test)]
mod tests {
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
        let (a, cands) = crate::analyze_for_training(text);
        if !HAS_WEIGHTS {
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
        assert_eq!(bucket(3, &[2, 4]), "<4");
        assert_eq!(bucket(9, &[2, 4]), ">=4");
    }
}
