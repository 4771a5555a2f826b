//! Rejects: what each denial answers (GUIDELINES, «The chain and the denial's target»).
//!
//! A denial answers a claim the text states outside the denial's own content: another speaker's
//! statement («ذكرت واشنطن بوست أنه تم اتهام قراصنة روس …» … «أعلن بيسكوف أن روسيا لا علاقة لها
//! بها») or an accusation in the journalist's words («… معها بتهمة إهمال وثائق سرية …، ونفت أنها
//! أهملت في ذلك»). The candidates are the claims of everyone but the denier (and those the denier
//! passed on or was passed on by), and the accusations of the narration; the denial answers the
//! one that
//!
//! - shares its words: the rarer a word in the text, the more it says («وجود أي خطط لفرض هذا
//!   الحظر» answers «احتمال تطبيق السلطات حظرا …»);
//! - accuses or alleges (`allege` in grammar.tsv: اتهم، زعم، مزاعم، تهمة): what is denied is an
//!   accusation far more often than any other claim;
//! - comes right before it, when the denial points back («نفى تلك المزاعم»، «نفت ذلك»، `pointer`)
//!   or denies involvement without saying in what («تنفي أي علاقة بالأمر»، `involve`): then the
//!   nearest accusation, the narration's included («ألقت الحكومة باللوم على روسيا»، «متهم بـ…»);
//!
//! with none when no candidate has enough of these (then the denial states what it rejects
//! itself: «نفى أن يكون التقى …»). «…، وهو ما نفته الوزارة» answers the clause before it, which
//! `statements` already made its content: the accusation in it, or the statement inside it.

use crate::fastmap::FastMap;
use crate::lexicon::{Gram, Lexicon, Tag};
use crate::output::{Analysis, StatementKind, Target};
use crate::tokenize::{TokKind, Token};

/// How much evidence a candidate needs: two words said nowhere else, an accusation, or being what
/// a pointing denial points back to.
const ENOUGH: f32 = 0.75;

/// The most that shared words are worth: each counts one over the times the text says it (a word
/// said twice, here and in the candidate, is worth 0.5).
const SHARES: f32 = 1.5;

/// The most times the text may say a word for it to tell one claim from another.
const RARE: f32 = 3.0;

/// What accusing or alleging is worth, for a denial that names an accusation or has another
/// reason to answer the candidate.
const ACCUSES: f32 = 0.8;

/// … and by itself: not enough (a roundup's other story accuses someone else).
const ACCUSES_ALONE: f32 = 0.3;

/// What points back, by the rank of the candidate among those before the denial (nearest first).
const POINTED: [f32; 3] = [0.9, 0.6, 0.3];

/// What an allegation inside the denial's sentence is worth besides (the sentence names it).
const IN_SENTENCE: f32 = 0.5;

/// How close after a denial's content an allegation must follow to be part of its sentence, in
/// bytes (a few words).
const ADJACENT: usize = 40;

/// How many candidates either side of a denial it may answer (the stage stays linear in the
/// length of the text; a news article has fewer).
const WINDOW: usize = 64;

/// The most tokens an accusation in the narration runs over.
const MAX_ACCUSATION: usize = 40;

/// Something a denial may answer: a statement's content, or words of the narration.
struct Candidate {
    /// Byte range.
    span: (usize, usize),
    /// Token range.
    toks: (usize, usize),
    statement: Option<usize>,
    /// Where it is said: its cue, or its first token for the narration.
    at: usize,
    accuses: bool,
}

/// Gives each denial of `analysis` (byte offsets) the claim it answers.
pub fn link(text: &str, toks: &[Token], tags: &[Tag], lex: &Lexicon, analysis: &mut Analysis) {
    if !analysis.statements.iter().any(|s| s.kind == StatementKind::Denial) {
        return;
    }
    let reader = Reader { toks, tags, lex };
    let tok_range =
        |(a, b): (usize, usize)| (toks.partition_point(|t| t.start < a), toks.partition_point(|t| t.end <= b));
    // How often the text says each stem: a word said often tells no claim from another.
    // Each stem once, by number, with the times the text says it.
    let mut ids: FastMap<&str, u32> = FastMap::default();
    let mut words = Words::default();
    let stem_at: Vec<Option<u32>> = (0..toks.len())
        .map(|k| {
            reader.stem(k).map(|s| {
                let id = *ids.entry(s).or_insert_with(|| {
                    words.text.push(s);
                    words.freq.push(0.0);
                    (words.text.len() - 1) as u32
                });
                words.freq[id as usize] += 1.0;
                id
            })
        })
        .collect();
    let sts = &analysis.statements;
    let contents: Vec<(usize, usize)> = sts.iter().map(|s| tok_range((s.content.start, s.content.end))).collect();
    let claims: Vec<Candidate> = sts
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == StatementKind::Claim)
        .map(|(i, s)| {
            let cue = tok_range((s.cue.start, s.cue.end));
            let accuses = reader.accuses(cue.0, cue.1) || reader.accuses(contents[i].0, contents[i].1);
            Candidate {
                span: (s.content.start, s.content.end),
                toks: contents[i],
                statement: Some(i),
                at: s.cue.start,
                accuses,
            }
        })
        .collect();
    // Accusations of the narration, outside every statement's cue and content.
    let mut said = vec![false; toks.len()];
    for (s, &(a, b)) in sts.iter().zip(&contents) {
        let cue = tok_range((s.cue.start, s.cue.end));
        for k in (a..b).chain(cue.0..cue.1) {
            said[k] = true;
        }
    }
    let mut narration: Vec<Candidate> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !(reader.accusation_noun(k) || reader.accusing_cue(k)) || said[k] {
            k += 1;
            continue;
        }
        let limit = toks.len().min(k + MAX_ACCUSATION);
        let end = (k + 1..limit)
            .find(|&e| matches!(toks[e].kind, TokKind::Comma | TokKind::End | TokKind::Para) || tags[e].cue.is_some())
            .unwrap_or(limit);
        if end > k + 1 {
            let span = (toks[k].start, toks[end - 1].end);
            narration.push(Candidate { span, toks: (k, end), statement: None, at: span.0, accuses: true });
        }
        k = end;
    }
    // Both in text order (statements by their cues): merged, so is the whole.
    let mut candidates = Vec::with_capacity(claims.len() + narration.len());
    let (mut claims, mut narration) = (claims.into_iter().peekable(), narration.into_iter().peekable());
    while let Some(next) = match (claims.peek(), narration.peek()) {
        (Some(c), Some(n)) if n.at < c.at => narration.next(),
        (Some(_), _) => claims.next(),
        (None, _) => narration.next(),
    } {
        candidates.push(next);
    }

    let mut targets = Vec::with_capacity(sts.len());
    for (i, d) in sts.iter().enumerate() {
        targets.push(if d.kind == StatementKind::Denial {
            let denial = Denial { i, toks: contents[i], cue: tok_range((d.cue.start, d.cue.end)).0 };
            answer(&reader, sts, &candidates, &words, &stem_at, &tok_range, &denial).map(|c| {
                let c = &candidates[c];
                Target {
                    start: c.span.0,
                    end: c.span.1,
                    text: text[c.span.0..c.span.1].to_string(),
                    statement: c.statement,
                }
            })
        } else {
            None
        });
    }
    // «…، وهو ما نفته الوزارة»، «…، الأمر الذي ينفيه»: what the clause before the pointing words
    // says (from its sentence's start to their comma): the statement inside it («اتهمت الوزارة
    // السلطات …»), else its accusation, else the clause.
    for (i, d) in sts.iter().enumerate() {
        let cue = tok_range((d.cue.start, d.cue.end)).0;
        let Some(p) = crate::statements::pointer_start(toks, tags, cue).filter(|_| d.kind == StatementKind::Denial)
        else {
            continue;
        };
        let comma = p - 1;
        // (The sentence's start as `statements` found it for the cue, at most
        // `MAX_LOOKBACK` tokens back, so the search stays bounded in unpunctuated text.)
        let floor = cue.saturating_sub(crate::statements::MAX_LOOKBACK);
        let start = (floor..comma)
            .rev()
            .find(|&k| matches!(toks[k].kind, TokKind::End | TokKind::Para))
            .map_or(floor, |k| k + 1);
        let Some(clause) = (start..comma).find(|&k| toks[k].is_word()).map(|a| (toks[a].start, toks[comma - 1].end))
        else {
            continue;
        };
        let inside = candidates.iter().find(|c| {
            c.statement.is_some_and(|s| sts[s].speaker != d.speaker) && clause.0 <= c.span.0 && c.span.1 <= clause.1
        });
        let accusation = (start..comma).find(|&k| reader.accusation_noun(k)).map(|k| (toks[k].start, clause.1));
        let (a, b, statement) = match (inside, accusation) {
            (Some(c), _) => (c.span.0, c.span.1, c.statement),
            (None, Some((a, b))) => (a, b, None),
            (None, None) => (clause.0, clause.1, None),
        };
        targets[i] = Some(Target { start: a, end: b, text: text[a..b].to_string(), statement });
    }
    for (st, t) in analysis.statements.iter_mut().zip(targets) {
        st.rejects = t;
    }
}

/// The stems of a text, numbered in order of first use, with how often the text says each.
#[derive(Default)]
struct Words<'a> {
    text: Vec<&'a str>,
    freq: Vec<f32>,
}

impl Words<'_> {
    fn freq(&self, id: u32) -> f32 {
        self.freq[id as usize]
    }

    /// The same word (see `same_stem`).
    fn same(&self, a: u32, b: u32) -> bool {
        a == b || same_stem(self.text[a as usize], self.text[b as usize])
    }
}

/// The stems of tokens `a..b`, by number (a stem said twice is there twice).
fn stems(stem_at: &[Option<u32>], (a, b): (usize, usize)) -> impl Iterator<Item = u32> + '_ {
    stem_at[a..b].iter().flatten().copied()
}

/// A denial: its index, its content's tokens and its cue's first token.
struct Denial {
    i: usize,
    toks: (usize, usize),
    cue: usize,
}

/// The candidate denial `d` answers: the best scored of those near it, when it scores enough.
#[allow(clippy::too_many_arguments)] // one call, the stage's shared tables
fn answer<'a>(
    reader: &Reader<'a>,
    sts: &[crate::output::Statement],
    candidates: &[Candidate],
    words: &Words<'a>,
    stem_at: &[Option<u32>],
    tok_range: &dyn Fn((usize, usize)) -> (usize, usize),
    den: &Denial,
) -> Option<usize> {
    let d = &sts[den.i];
    let (a, b) = den.toks;
    let parties = d.chain.clone().unwrap_or_else(|| vec![d.speaker]);
    let within = |x: &crate::output::Span| d.content.start <= x.start && x.end <= d.content.end;
    // An allegation inside the denial's own content is what it answers («رفضها لاتهامات يويفا
    // التي … زعمت أن …»), whoever the text took its subject to be. So is one right after it in
    // its sentence («… التي استندت "…"، زعمت أن …»).
    let in_sentence = |c: &Candidate| {
        c.accuses
            && c.statement.is_some_and(|s| {
                let cue = &sts[s].cue;
                let (x, y) = tok_range((d.content.end, cue.start));
                within(cue)
                    || d.content.end <= cue.start
                        && cue.start - d.content.end < ADJACENT
                        && !reader.toks[x..y.max(x)].iter().any(|t| matches!(t.kind, TokKind::End | TokKind::Para))
            })
    };
    let eligible = |c: &Candidate| match c.statement {
        Some(s) => {
            let st = &sts[s];
            let others = st.chain.clone().unwrap_or_else(|| vec![st.speaker]);
            let apart = st.content.end <= d.content.start || d.content.end <= st.content.start;
            // (Not the statement that reports the denial: «قال فلان إن الكرملين نفى …».)
            let host = st.content.start <= d.cue.start && d.cue.end <= st.content.end;
            !host && (in_sentence(c) || !parties.iter().any(|p| others.contains(p)) && (apart || within(&st.cue)))
        }
        // Narration (outside every statement's content): not the denial's own words.
        None => c.span.1 <= d.content.start || d.content.end <= c.span.0,
    };
    // Those near it: a bounded window of candidates around the denial (the stage stays linear).
    let here = candidates.partition_point(|c| c.at < d.cue.start);
    let near: Vec<usize> = (here.saturating_sub(WINDOW)..candidates.len().min(here + WINDOW))
        .filter(|&c| eligible(&candidates[c]))
        .collect();
    // The denial's own words that say what it is about, each worth one over the times the text
    // says it. (Only words the text says a few times: «الولايات المتحدة» in a story about
    // Washington ties every claim to every other.)
    let mut own: Vec<(u32, f32)> = Vec::new();
    for s in stems(stem_at, (a, b)).filter(|&s| words.freq(s) <= RARE) {
        if !own.iter().any(|x| x.0 == s) {
            own.push((s, 1.0 / words.freq(s)));
        }
    }
    let shares = |c: usize| {
        let theirs = candidates[c].toks;
        let shared: f32 =
            own.iter().filter(|&&(s, _)| stems(stem_at, theirs).any(|t| words.same(s, t))).map(|x| x.1).sum();
        shared.min(SHARES)
    };
    // Pointing back: to the nearest claims before it; with a noun after the pointer that some of
    // them has («هذا الحظر»), to the nearest of those; to an accusation («هذه الاتهامات»), to the
    // nearest accusations.
    let pointer = reader.points_back(a, b);
    let named: Vec<u32> = reader.pointed_nouns(a, b).filter_map(|k| stem_at[k]).collect();
    let has_named = |c: usize| named.iter().any(|&n| stems(stem_at, candidates[c].toks).any(|t| words.same(n, t)));
    let mut before: Vec<usize> = near.iter().copied().filter(|&c| candidates[c].at < d.cue.start).collect();
    // «نفت أي علاقة بالأمر»: a denial of involvement points back to the accusation before it.
    let involvement = reader.denies_involvement(a, b);
    let pointer = pointer || involvement;
    if before.iter().any(|&c| has_named(c)) {
        before.retain(|&c| has_named(c));
    } else if (involvement || reader.points_to_accusation(a, b)) && before.iter().any(|&c| candidates[c].accuses) {
        before.retain(|&c| candidates[c].accuses);
    }
    before.reverse();
    // A denial that names an accusation, in its content or its sentence («أعلن بيسكوف، تعليقا على
    // تقارير …، أن روسيا لا علاقة لها بها»), answers one wherever it is; another needs more than
    // an accusation to answer it (a word of it, or pointing back to it).
    let names_accusation = reader.names_accusation(reader.sentence_start(den.cue.min(a)), b);
    let score = |c: usize| {
        let cand = &candidates[c];
        let pointed = if pointer {
            before.iter().position(|&x| x == c).and_then(|r| POINTED.get(r)).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        let shares = shares(c);
        // (An accusation of the narration is answered only when the denial points back to it or
        // shares its words: «الاتهامات التي وردت في بيان …» names a claim, it does not state one.)
        let accuses = if !cand.accuses || cand.statement.is_none() {
            0.0
        } else if names_accusation || shares > 0.0 || pointed > 0.0 {
            ACCUSES
        } else {
            ACCUSES_ALONE
        };
        shares + accuses + pointed + if in_sentence(cand) { IN_SENTENCE } else { 0.0 }
    };
    near.iter()
        .map(|&c| (score(c), c))
        .filter(|&(s, _)| s >= ENOUGH)
        // The highest score; of equals, the nearest.
        .max_by(|x, y| {
            let dist = |c: usize| candidates[c].at.abs_diff(d.cue.start);
            x.0.total_cmp(&y.0).then_with(|| dist(y.1).cmp(&dist(x.1)))
        })
        .map(|(_, c)| c)
}

/// The words of the text as this stage reads them.
struct Reader<'a> {
    toks: &'a [Token],
    tags: &'a [Tag],
    lex: &'a Lexicon,
}

impl<'a> Reader<'a> {
    /// The folded word at `k` without its conjunction, preposition and article, when it is a word
    /// that carries meaning (not a function word, at least three letters).
    fn stem(&self, k: usize) -> Option<&'a str> {
        let t = &self.toks[k];
        let w = self.tags[k].word;
        if !t.is_word()
            || w.is(Gram::Stop)
            || w.is(Gram::Prep)
            || w.is(Gram::That)
            || w.is(Gram::Conj)
            || w.is(Gram::Time)
            || w.is(Gram::Pointer)
            || self.tags[k].that.is_some()
        {
            return None;
        }
        let s = bare(&t.norm);
        // «لاتهامات»، «لكرة»: the preposition لـ, unless the word's ل is its own (لندن).
        let s = match s.strip_prefix('ل') {
            Some(r) if !w.is(Gram::Lword) && r.chars().count() >= 3 && s.len() == t.norm.len() => r,
            _ => s,
        };
        // Words about claims (اتهامات، مزاعم، تقارير) say that something is denied, not what.
        let g = self.lex.grams(s);
        if g.has(Gram::Allege) || g.has(Gram::Accusation) {
            return None;
        }
        // The accusative ending: «حظرا» is «حظر».
        let s = s.strip_suffix('ا').filter(|r| r.chars().count() >= 3).unwrap_or(s);
        (s.chars().count() >= 3).then_some(s)
    }

    /// An accusation noun at `k` (تهمة، بتهمة، الاتهامات), not a verb.
    fn accusation_noun(&self, k: usize) -> bool {
        self.toks[k].is_word() && self.tags[k].cue.is_none() && self.lex.is(bare(&self.toks[k].norm), Gram::Allege)
    }

    /// A verb that accuses (اتهم، زعم), which stated nothing when no statement holds it: the
    /// passive «اتُّهم أرنو بـ…» is the narration's accusation.
    fn accusing_cue(&self, k: usize) -> bool {
        self.tags[k]
            .cue
            .is_some_and(|c| self.lex.is(&crate::normalize::fold(self.lex.cues[c.entry].lemma), Gram::Allege))
    }

    /// A word of tokens `a..b` accuses or alleges: an accusation noun without the article (a
    /// definite one names an accusation made elsewhere: «لكسر صمته بشأن الاتهامات»), or a form of
    /// a verb listed by its past stem (متهمة، زعمت).
    fn accuses(&self, a: usize, b: usize) -> bool {
        (a..b.min(self.toks.len())).any(|k| {
            self.accusation_noun(k) && !bare_of_conj(&self.toks[k].norm).starts_with("ال") || self.accusing_cue(k)
        })
    }

    /// A content that points back to something said before it: a demonstrative (هذه الاتهامات،
    /// ذلك), or a few words naming an accusation (مزاعم روسيا، الاتهامات).
    fn points_back(&self, a: usize, b: usize) -> bool {
        let words: Vec<usize> = (a..b).filter(|&k| self.toks[k].is_word()).collect();
        words.iter().any(|&k| self.tags[k].word.is(Gram::Pointer))
            || words.len() <= 3
                && words.iter().any(|&k| {
                    let w = bare(&self.toks[k].norm);
                    self.lex.is(w, Gram::Allege) || self.lex.is(w, Gram::Accusation)
                })
    }

    /// A content that denies involvement without saying in what: «أي» and a word for it first
    /// (أي علاقة بالأمر، أي دور لها في الهجوم).
    fn denies_involvement(&self, a: usize, b: usize) -> bool {
        let mut words = (a..b).filter(|&k| self.toks[k].is_word());
        match (words.next(), words.next()) {
            (Some(x), Some(y)) => {
                bare_of_conj(&self.toks[x].norm) == "اي" && self.lex.is(bare(&self.toks[y].norm), Gram::Involve)
            }
            _ => false,
        }
    }

    /// The nouns right after a pointer in tokens `a..b` («هذا الحظر» → الحظر): what is meant,
    /// unless it is only a word for claims («هذه الاتهامات», which has no stem).
    fn pointed_nouns(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        (a..b.saturating_sub(1)).filter(|&k| self.tags[k].word.is(Gram::Pointer)).map(|k| k + 1)
    }

    /// The first token of the sentence of token `k` (at most `MAX_ACCUSATION` back).
    fn sentence_start(&self, k: usize) -> usize {
        let floor = k.saturating_sub(MAX_ACCUSATION);
        (floor..k).rev().find(|&j| matches!(self.toks[j].kind, TokKind::End | TokKind::Para)).map_or(floor, |j| j + 1)
    }

    /// A pointer before an accusation noun in tokens `a..b` («هذه الاتهامات»، «تلك المزاعم»).
    fn points_to_accusation(&self, a: usize, b: usize) -> bool {
        self.pointed_nouns(a, b).any(|k| self.names_accusation(k, k + 1))
    }

    /// Tokens `a..b` name an accusation or a claim (الاتهامات، المزاعم، التقارير).
    fn names_accusation(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| {
            let w = bare(&self.toks[k].norm);
            self.toks[k].is_word() && (self.lex.is(w, Gram::Allege) || self.lex.is(w, Gram::Accusation))
        })
    }
}

/// Folded word `w` without a conjunction و/ف.
fn bare_of_conj(w: &str) -> &str {
    ['و', 'ف'].iter().find_map(|c| w.strip_prefix(*c).filter(|r| r.chars().count() >= 3)).unwrap_or(w)
}

/// Two stems are the same word when equal, or when one is the other with up to two more letters
/// at its end (روس، روسيا; the light suffixes a stem keeps).
fn same_stem(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && short.chars().count() >= 3 && long.chars().count() - short.chars().count() <= 2
}

/// Folded word `w` without a conjunction و/ف, a preposition بـ/لـ/كـ before the article, and the
/// article: «وبالاتهامات» → «اتهامات»، «بتهمة» → «تهمة».
fn bare(w: &str) -> &str {
    let w = bare_of_conj(w);
    for p in ["بال", "لل", "كال", "ال", "ب"] {
        if let Some(r) = w.strip_prefix(p).filter(|r| r.chars().count() >= 3) {
            // «لل» is لـ + the article: للاتهامات → اتهامات.
            return r;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Analysis, OffsetUnit, StatementKind};

    /// The denial whose content starts with `words`, and the text it answers.
    fn answer<'a>(a: &'a Analysis, words: &str) -> Option<&'a str> {
        let d = a
            .statements
            .iter()
            .find(|s| s.kind == StatementKind::Denial && s.content.text.starts_with(words))
            .expect(words);
        d.rejects.as_ref().map(|t| t.text.as_str())
    }

    #[test]
    fn a_denial_answers_the_accusation_it_shares_words_with() {
        let a = analyze(
            "وذكرت صحيفة واشنطن بوست أن قراصنة روس اخترقوا شبكة وزارة الخزانة.\nوقال الوزير أحمد سالم إن الطقس معتدل.\nونفى الكرملين أن يكون قراصنة روس وراء اختراق الوزارة.",
            OffsetUnit::Byte,
        );
        assert_eq!(answer(&a, "أن يكون"), Some("قراصنة روس اخترقوا شبكة وزارة الخزانة"));
        let d = a.statements.iter().find(|s| s.kind == StatementKind::Denial).unwrap();
        let t = d.rejects.as_ref().unwrap();
        assert_eq!(a.statements[t.statement.unwrap()].content.text, t.text);
    }

    #[test]
    fn a_denial_that_points_back_answers_the_claim_before_it() {
        let a = analyze(
            "وقال المستشفى المصري إن كينغ توفي بسبب سكتة قلبية، لكن صديقته نيكولا رايت نفت ذلك.",
            OffsetUnit::Byte,
        );
        assert_eq!(answer(&a, "ذلك"), Some("كينغ توفي بسبب سكتة قلبية"));
    }

    #[test]
    fn an_accusation_in_the_narration_is_answered_too() {
        let a = analyze(
            "ردت هيلاري كلينتون على تحقيق مكتب التحقيقات معها بتهمة إهمال وثائق سرية للخارجية الأميركية، ونفت أنها أهملت في ذلك.",
            OffsetUnit::Byte,
        );
        let t = answer(&a, "أنها أهملت").expect("a target");
        assert!(t.contains("إهمال وثائق سرية"), "{t}");
    }

    #[test]
    fn a_denial_that_says_what_it_rejects_answers_nothing_else() {
        let a = analyze(
            "وقال الوزير أحمد سالم إن الطقس معتدل اليوم.\nونفى المتحدث باسم الجيش أن تكون القوات قد عبرت الحدود.",
            OffsetUnit::Byte,
        );
        assert_eq!(answer(&a, "أن تكون"), None);
    }
}
