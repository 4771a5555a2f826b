//! Tokenization: words, numbers, punctuation, quote marks and paragraph ends, each with its byte
//! range in the original text and, for words, its folded form.
//!
//! Proclitics (و ف ل ب سـ) stay inside the word token here: Arabic writes them joined, and whether
//! a leading و is a clitic or part of the stem (وزارة, وصف) is only known against a lexicon, so the
//! tagger (`lexicon::tag`) splits them off by trying each reading. `normalize::skip_letters` maps
//! a split back to original offsets.

use crate::normalize::{fold_char, fold_into, is_arabic_letter, is_invisible};
use compact_str::CompactString;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// Sentence-final punctuation: . ! ? ؟ …
    End,
    /// Clause punctuation: ، , ؛ ; and dashes.
    Comma,
    Colon,
    /// A quotation mark; which side it opens or closes is decided by `quotes`.
    Quote(QuoteMark),
    /// ( [ { and ) ] }.
    Open,
    Close,
    /// A line break: the end of a paragraph (and of a sentence).
    Para,
    /// Anything else: symbols, emoji, stray marks.
    Other,
}

/// The shape of a quotation mark, which fixes what it can pair with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMark {
    /// « (opens) — pairs with ».
    GuillemetOpen,
    /// » (closes).
    GuillemetClose,
    /// “ ” „ ‟ ″ and the straight " — paired by position.
    Double,
    /// ‘ ’ ‚ ‹ › and the straight ' — paired by position.
    Single,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Folded form (see `normalize`); for non-words, the character itself. Kept inline (no
    /// allocation) up to 24 bytes, 12 Arabic letters: nearly every word.
    pub norm: CompactString,
    /// The word (after a و or ف) begins with أل or إل as written: ألكسندر، إليزابيث، وألمانيا.
    /// Folding makes that «ال», but the article is never written with a hamza, so such a word
    /// is not definite (`mentions::definite`). Hamza-less spellings (الكسندر) stay ambiguous.
    pub hamza_lam: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

fn is_word_char(c: char) -> bool {
    is_arabic_letter(c)
        || fold_char(c).is_none()
        || c == '\u{200C}'
        || c == '\u{200D}'
        || crate::normalize::is_alphabetic(c)
}

fn classify(c: char) -> Option<TokKind> {
    Some(match c {
        '.' | '!' | '?' | '؟' | '…' | '۔' => TokKind::End,
        '،' | ',' | '؛' | ';' | '–' | '—' | '-' | '_' => TokKind::Comma,
        ':' => TokKind::Colon,
        '«' => TokKind::Quote(QuoteMark::GuillemetOpen),
        '»' => TokKind::Quote(QuoteMark::GuillemetClose),
        '"' | '“' | '”' | '„' | '‟' | '″' | '＂' => TokKind::Quote(QuoteMark::Double),
        '\'' | '‘' | '’' | '‚' | '‹' | '›' => TokKind::Quote(QuoteMark::Single),
        '(' | '[' | '{' => TokKind::Open,
        ')' | ']' | '}' => TokKind::Close,
        '\n' | '\u{2029}' => TokKind::Para,
        _ => return None,
    })
}

/// True when `c` at byte `i` is the mark of a hashtag: a `#` right before a letter, or a `_`
/// joining the words of one (a letter on both sides, the one before ending the last token).
fn hashtag_mark(text: &str, tokens: &[Token], i: usize, c: char) -> bool {
    let letter_after = || text[i + c.len_utf8()..].chars().next().is_some_and(crate::normalize::is_alphabetic);
    match c {
        '#' => letter_after(),
        '_' => tokens.last().is_some_and(|t| t.kind == TokKind::Word && t.end == i) && letter_after(),
        _ => false,
    }
}

/// True when the dot at byte `end` joins letters spelled out into one abbreviation: «شركة
/// بي.بي»، «بنك اي.سي.بي.سي»، «(بي.إف.في)» — at most three letters on either side of it, no
/// space —, so it ends no sentence (Reuters' Arabic writes every Latin acronym so).
fn abbreviation_dot(text: &str, segment: usize, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix('.') else { return false };
    let is_letter = |c: char| is_arabic_letter(c) || crate::normalize::is_alphabetic(c);
    let before = text[segment..end].chars().count();
    let after = rest.chars().take_while(|&c| is_letter(c)).count();
    (1..=3).contains(&before) && (1..=3).contains(&after)
}

/// Splits `text` into tokens. Whitespace (other than line breaks) separates tokens and is not one;
/// several line breaks in a row give one `Para` token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    // A text that writes the final ى anywhere tells the preposition على from the name علي.
    let tells_alif_maqsura = text.contains('ى');
    let mut chars = text.char_indices().peekable();
    let mut scratch = String::new();
    while let Some((i, c)) = chars.next() {
        if is_arabic_letter(c) || crate::normalize::is_alphabetic(c) {
            let mut end = i + c.len_utf8();
            let mut segment = i;
            loop {
                while let Some(&(j, d)) = chars.peek() {
                    // An apostrophe between letters belongs to the word (Latin names: O'Brien).
                    if is_word_char(d) && !d.is_ascii_digit() {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                if !abbreviation_dot(text, segment, end) {
                    break;
                }
                chars.next();
                end += 1;
                segment = end;
            }
            // (Folded into one buffer for the whole text, then copied inline into the token.)
            scratch.clear();
            for d in text[i..end].chars() {
                fold_into(d, &mut scratch);
            }
            // «آن» (the name Anne, or «the time» in آن الأوان) folds to «ان», the spelling of
            // إن / أن without hamza; with the madda written it is never the complementizer.
            let norm = if c == 'آ' && scratch == "ان" {
                CompactString::const_new("آن")
            } else if tells_alif_maqsura && matches!(&text[i..end], "علي" | "وعلي") {
                // Folding writes the preposition «على» as «علي», the name Ali (عليّ): in a text
                // that spells «على» with its ى, «علي» as written is the name — «وقال محمد علي
                // إن …»، «علي عبد الله صالح» —, so it gets the name's own form, with its shadda.
                // (Written with vowels or a Persian ی it is left alone: «عليّ» is as often «on
                // me», and Persian-keyboard texts write the preposition «علی».)
                // (The preposition with a pronoun, «عليّ أن أقول», I must say, is read as the name
                // too: excluding «علي أن أ…» lost «وبين خالد علي أن أبراج …» over the corpus and
                // gained one other.)
                CompactString::from(if scratch.starts_with('و') { "وعليّ" } else { "عليّ" })
            } else {
                CompactString::from(scratch.as_str())
            };
            // «د. محمد الجفري»، «وأضاف د. الجفري»: the abbreviation of دكتور, dot included, is
            // the title itself (one token, so the dot neither ends the sentence nor the name).
            // Only before a word on the same line: «فيتامين د.» ends its sentence.
            if &text[i..end] == "د" && text[end..].starts_with(". ") {
                let after = text[end + 2..].chars().next();
                if after.is_some_and(is_arabic_letter) {
                    chars.next();
                    tokens.push(Token {
                        kind: TokKind::Word,
                        start: i,
                        end: end + 1,
                        norm: CompactString::const_new("دكتور"),
                        hamza_lam: false,
                    });
                    continue;
                }
            }
            let written = text[i..end].strip_prefix(['و', 'ف']).unwrap_or(&text[i..end]);
            let hamza_lam = written.starts_with("أل") || written.starts_with("إل");
            tokens.push(Token { kind: TokKind::Word, start: i, end, norm, hamza_lam });
        } else if c.is_numeric() {
            let mut end = i + c.len_utf8();
            let mut norm = CompactString::default();
            norm.extend(fold_char(c));
            while let Some(&(j, d)) = chars.peek() {
                let inner_sep = matches!(d, '.' | ',' | '٫' | '٬' | '/')
                    && text[j + d.len_utf8()..].chars().next().is_some_and(|n| n.is_numeric());
                if d.is_numeric() || inner_sep {
                    norm.extend(fold_char(d));
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token { kind: TokKind::Number, start: i, end, norm, hamza_lam: false });
        } else if hashtag_mark(text, &tokens, i, c) {
            // «أعلنت وزارة #الداخلية_البريطانية»: the words of a hashtag are words of the
            // sentence; its marks separate nothing (a `_` read as a comma cut the name short).
            continue;
        } else if is_invisible(c) {
            continue;
        } else if let Some(kind) = classify(c) {
            if kind == TokKind::Para && tokens.last().is_some_and(|t| t.kind == TokKind::Para) {
                tokens.last_mut().unwrap().end = i + c.len_utf8();
                continue;
            }
            tokens.push(Token {
                kind,
                start: i,
                end: i + c.len_utf8(),
                norm: CompactString::from(&*c.encode_utf8(&mut [0; 4])),
                hamza_lam: false,
            });
        } else if c.is_whitespace() {
            continue;
        } else if fold_char(c).is_none() {
            // A mark with no letter before it (after a space): attach it to nothing.
            continue;
        } else {
            tokens.push(Token {
                kind: TokKind::Other,
                start: i,
                end: i + c.len_utf8(),
                norm: CompactString::from(&*c.encode_utf8(&mut [0; 4])),
                hamza_lam: false,
            });
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokKind, String)> {
        tokenize(text).into_iter().map(|t| (t.kind, text[t.start..t.end].to_string())).collect()
    }

    /// «علي» is the name only where the text writes the preposition «على» with its ى; where it
    /// writes no ى at all, «علي» may be either, and keeps the preposition's folded form.
    #[test]
    fn ali_is_the_name_where_the_text_writes_alif_maqsura() {
        let norms = |text: &str| tokenize(text).into_iter().map(|t| t.norm.to_string()).collect::<Vec<_>>();
        assert_eq!(norms("قال علي وعلي على"), ["قال", "عليّ", "وعليّ", "علي"]);
        assert_eq!(norms("قال علي علي"), ["قال", "علي", "علي"]);
        assert_eq!(norms("فعلي على"), ["فعلي", "علي"]);
        // Only as written without vowels: «عليّ» with its shadda is as often «on me» (عليَّ).
        assert_eq!(norms("قال عليّ على"), ["قال", "علي", "علي"]);
    }

    /// Letters spelled out and joined by dots are one word; a dot after a longer word, or before
    /// one, still ends the sentence (a missing space after a full stop is common).
    #[test]
    fn an_abbreviation_with_dots_is_one_word() {
        let text = "لشركة بي.بي وبنك اي.سي.بي.سي. وقال الله.خلف";
        let toks = tokenize(text);
        let shown: Vec<(&str, TokKind)> = toks.iter().map(|t| (&text[t.start..t.end], t.kind)).collect();
        assert_eq!(
            shown,
            [
                ("لشركة", TokKind::Word),
                ("بي.بي", TokKind::Word),
                ("وبنك", TokKind::Word),
                ("اي.سي.بي.سي", TokKind::Word),
                (".", TokKind::End),
                ("وقال", TokKind::Word),
                ("الله", TokKind::Word),
                (".", TokKind::End),
                ("خلف", TokKind::Word),
            ]
        );
    }

    #[test]
    fn words_punctuation_and_quotes_keep_original_offsets() {
        let text = "وقال بيسكوف، للصحفيين: «لا علاقة لنا».";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().filter(|t| t.is_word()).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["وقال", "بيسكوف", "للصحفيين", "لا", "علاقة", "لنا"]);
        assert_eq!(toks[2].kind, TokKind::Comma);
        assert_eq!(toks[4].kind, TokKind::Colon);
        assert_eq!(toks[5].kind, TokKind::Quote(QuoteMark::GuillemetOpen));
        assert_eq!(toks.last().unwrap().kind, TokKind::End);
    }

    /// A direction mark or a zero-width space copied from a web page is no token: «للمعارض
    /// \u{200F}والمؤتمرات» is two words side by side, as the reader sees them.
    #[test]
    fn direction_marks_are_no_tokens() {
        let text = "للمعارض \u{200F}والمؤتمرات\u{200E} طارق\u{200B} العيسى";
        let toks = tokenize(text);
        let shown: Vec<(&str, TokKind)> = toks.iter().map(|t| (&text[t.start..t.end], t.kind)).collect();
        assert_eq!(
            shown,
            [
                ("للمعارض", TokKind::Word),
                ("والمؤتمرات", TokKind::Word),
                ("طارق", TokKind::Word),
                ("العيسى", TokKind::Word)
            ]
        );
    }

    #[test]
    fn diacritics_and_tatweel_stay_in_the_word_but_not_in_its_fold() {
        let toks = tokenize("مُشِيراً إلـى");
        assert_eq!(toks.len(), 2);
        assert_eq!(toks[0].norm, "مشيرا");
        assert_eq!(toks[1].norm, "الي");
    }

    #[test]
    fn hashtags_are_their_words() {
        let t = "أعلنت وزارة #الداخلية_البريطانية أن _ # و#";
        let words: Vec<_> = tokenize(t).into_iter().filter(|t| t.is_word()).map(|t| t.norm.to_string()).collect();
        assert_eq!(words, ["اعلنت", "وزاره", "الداخليه", "البريطانيه", "ان", "و"]);
        // A lone `_` or `#` is kept as the mark it is.
        assert_eq!(tokenize(t).iter().filter(|t| t.kind == TokKind::Comma).count(), 1);
        let start = t.find("الداخلية").unwrap();
        assert!(tokenize(t).iter().any(|k| k.start == start && &t[k.start..k.end] == "الداخلية"));
    }

    #[test]
    fn numbers_emoji_and_paragraphs() {
        let k = kinds("عام 2009 😀\n\nثم");
        assert_eq!(k[1], (TokKind::Number, "2009".into()));
        assert_eq!(k[2].0, TokKind::Other);
        assert_eq!(k[3], (TokKind::Para, "\n\n".into()));
        assert_eq!(k[4].0, TokKind::Word);
    }

    #[test]
    fn every_quote_style_is_a_quote_token() {
        for q in ["«", "»", "\"", "“", "”", "‘", "’", "„"] {
            assert!(matches!(tokenize(q)[0].kind, TokKind::Quote(_)), "{q}");
        }
    }

    #[test]
    fn the_doctor_abbreviation_is_one_title_token() {
        let text = "قال د. محمد";
        let toks = tokenize(text);
        assert_eq!(toks.len(), 3);
        assert_eq!((toks[1].norm.as_str(), &text[toks[1].start..toks[1].end]), ("دكتور", "د."));
        // At a sentence's end the dot stays a full stop.
        let toks = tokenize("فيتامين د.");
        assert_eq!(toks.last().map(|t| t.kind), Some(TokKind::End));
    }
}
