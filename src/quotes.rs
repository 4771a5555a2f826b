//! Quotations: pairs each opening quotation mark with its closing one.
//!
//! « » say which side they are on; the other marks (" “ ” ‘ ’ „) are written inconsistently, so
//! their side is read from their neighbours: a mark after a space and before a letter opens, one
//! after a letter and before a space or punctuation closes. A quotation may run over several
//! paragraphs (up to `MAX_PARAGRAPHS`); a mark at the start of a paragraph that continues an open
//! quotation is skipped, as typesetters repeat it there. Marks left unpaired are reported, not
//! guessed at.

use crate::tokenize::{QuoteMark, TokKind, Token};

/// A quotation that stays open longer than this many paragraph breaks was never closed.
const MAX_PARAGRAPHS: usize = 4;

/// One quotation: token indices of its marks, and the byte range of the text inside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub close: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default)]
pub struct Quotes {
    /// Outermost quotations, in text order.
    pub quotes: Vec<Quote>,
    /// For every token, the index of the outermost quotation it lies inside (marks excluded).
    pub inside: Vec<Option<usize>>,
    /// Number of quotation marks left unpaired.
    pub unclosed: usize,
    /// For every token that opens or closes a quotation, its index in `quotes`.
    mark_of: Vec<Option<usize>>,
}

impl Quotes {
    /// The quotation whose opening mark is token `i`.
    pub fn opening_at(&self, i: usize) -> Option<&Quote> {
        let q = &self.quotes[(*self.mark_of.get(i)?)?];
        (q.open == i).then_some(q)
    }

    /// The quotation whose closing mark is token `i`.
    pub fn closing_at(&self, i: usize) -> Option<&Quote> {
        let q = &self.quotes[(*self.mark_of.get(i)?)?];
        (q.close == i).then_some(q)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Open,
    Close,
    Either,
}

fn family(m: QuoteMark) -> u8 {
    match m {
        QuoteMark::GuillemetOpen | QuoteMark::GuillemetClose => 0,
        QuoteMark::Double => 1,
        QuoteMark::Single => 2,
    }
}

fn side(text: &str, toks: &[Token], i: usize, m: QuoteMark) -> Side {
    match m {
        QuoteMark::GuillemetOpen => return Side::Open,
        QuoteMark::GuillemetClose => return Side::Close,
        _ => {}
    }
    let t = &toks[i];
    let before = text[..t.start].chars().next_back();
    let after = text[t.end..].chars().next();
    let letterish = |c: Option<char>| {
        c.is_some_and(|c| crate::normalize::is_alphanumeric(c) || crate::normalize::fold_char(c).is_none())
    };
    let space_or_edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
    // A one-letter proclitic before the mark («و"وجهت»، «بـ"») opens, like a space would.
    let after_clitic = i > 0
        && toks[i - 1].is_word()
        && toks[i - 1].end == t.start
        && matches!(toks[i - 1].norm.as_str(), "و" | "ف" | "ب" | "ل" | "ك");
    let raw = match (t.norm.as_str(), letterish(before), letterish(after)) {
        ("“" | "„" | "‘" | "‚", _, _) if !letterish(before) => Side::Open,
        ("”" | "’", _, _) if !letterish(after) => Side::Close,
        (_, false, true) => Side::Open,
        (_, true, false) => Side::Close,
        _ => Side::Either,
    };
    let opens_after = after_clitic || space_or_edge(before) || matches!(before, Some(':' | '(' | '،' | ','));
    // A mark a stray space keeps from its last word still closes when punctuation that ends a
    // clause follows it: «كما أضافت زاخاروفا "لم يفوض … والجلاد ". مؤكدة أن "موقفنا …"».
    let ends_clause = after.is_some_and(|c| matches!(c, '.' | '،' | ',' | '؛' | ';' | ')' | '!' | '?' | '؟'));
    if raw != Side::Close
        && opens_after
        && !ends_clause
        && (letterish(after) || after.is_some_and(|c| !c.is_whitespace()))
    {
        return Side::Open;
    }
    if after_clitic && raw == Side::Either {
        return Side::Open;
    }
    raw
}

/// Pairs the quotation marks of `toks`.
pub fn find_quotes(text: &str, toks: &[Token]) -> Quotes {
    let mut out = Quotes { inside: vec![None; toks.len()], mark_of: vec![None; toks.len()], ..Default::default() };
    // Stack of open marks: (token index, mark family, paragraph count at opening).
    let mut stack: Vec<(usize, u8, usize)> = Vec::new();
    let mut paragraphs = 0;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut para_start = true;
    for (i, t) in toks.iter().enumerate() {
        let TokKind::Quote(m) = t.kind else {
            if t.kind == TokKind::Para {
                paragraphs += 1;
                para_start = true;
                // Quotations open for too long were never closed.
                while stack.first().is_some_and(|&(_, _, p)| paragraphs - p > MAX_PARAGRAPHS) {
                    stack.remove(0);
                    out.unclosed += 1;
                }
            } else {
                para_start = false;
            }
            continue;
        };
        let fam = family(m);
        let s = side(text, toks, i, m);
        let open_same = stack.iter().rposition(|&(_, f, _)| f == fam);
        match (s, open_same) {
            // A paragraph that opens with the mark of a quotation still open continues it.
            (Side::Open, Some(_)) if para_start => {}
            (Side::Open, Some(k)) => {
                // A second opening of the same family: the earlier one was stray.
                stack.truncate(k);
                out.unclosed += 1;
                stack.push((i, fam, paragraphs));
            }
            (Side::Open, _) => stack.push((i, fam, paragraphs)),
            (Side::Close | Side::Either, Some(k)) => {
                let (o, _, _) = stack[k];
                out.unclosed += stack.len() - k - 1;
                stack.truncate(k);
                pairs.push((o, i));
            }
            (Side::Either, None) => stack.push((i, fam, paragraphs)),
            (Side::Close, None) => out.unclosed += 1,
        }
        para_start = false;
    }
    out.unclosed += stack.len();
    pairs.sort();
    // Keep the outermost pairs only.
    let mut last_close = None;
    for (o, c) in pairs {
        if last_close.is_some_and(|lc| o < lc) {
            continue;
        }
        let q = Quote { open: o, close: c, start: toks[o].end, end: toks[c].start };
        let qi = out.quotes.len();
        for slot in &mut out.inside[o + 1..c] {
            *slot = Some(qi);
        }
        out.mark_of[o] = Some(qi);
        out.mark_of[c] = Some(qi);
        out.quotes.push(q);
        last_close = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn quoted(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        find_quotes(text, &toks).quotes.iter().map(|q| text[q.start..q.end].to_string()).collect()
    }

    #[test]
    fn every_style_pairs() {
        assert_eq!(quoted("قال: «نعم» ثم"), ["نعم"]);
        assert_eq!(quoted("قال \"لا\" ثم"), ["لا"]);
        assert_eq!(quoted("قال “أي إجراء ضروري” لوقف"), ["أي إجراء ضروري"]);
        assert_eq!(quoted("قال „نعم“ و‘لا’"), ["نعم", "لا"]);
    }

    #[test]
    fn a_quotation_runs_over_paragraphs() {
        let text = "وقال: \"أولا.\nثانيا\".\nبعد";
        assert_eq!(quoted(text), ["أولا.\nثانيا"]);
        let text = "وقال: «أولا.\n«ثانيا».\nبعد";
        assert_eq!(quoted(text), ["أولا.\n«ثانيا"]);
    }

    #[test]
    fn a_mark_before_a_full_stop_closes() {
        assert_eq!(
            quoted("كما أضافت \"لم يفوض أحد والجلاد \". مؤكدة أن \"موقفنا واضح\"."),
            ["لم يفوض أحد والجلاد ", "موقفنا واضح"]
        );
    }

    #[test]
    fn a_quote_after_a_proclitic_opens() {
        assert_eq!(quoted("وأنشأت مجموعة و\"وجهت مقترحا\"."), ["وجهت مقترحا"]);
    }

    #[test]
    fn stray_marks_are_counted_not_paired() {
        let text = "قال إن \"الأمر\nانتهى\nتماما\nحقا\nنعم\nلا\nبعد";
        let toks = tokenize(text);
        let q = find_quotes(text, &toks);
        assert!(q.quotes.is_empty());
        assert_eq!(q.unclosed, 1);
    }

    #[test]
    fn nested_quotes_keep_the_outer_one() {
        assert_eq!(quoted("قال: «إنه “بطل” حقا»"), ["إنه “بطل” حقا"]);
    }
}
