//! Normalization: the folding of Arabic spelling variants that lets one lexicon entry match every
//! way a word is written.
//!
//! Folding drops diacritics (tashkeel, Quranic marks) and tatweel, unifies the alef/hamza forms
//! (أ إ آ ٱ → ا, ؤ → و, ئ → ي), ى → ي and ة → ه, and maps Persian letters to Arabic ones. It is the
//! same folding the evaluation applies. The folded form of a token lives beside its offsets into
//! the original text (see `tokenize`), so nothing downstream ever needs an offset into folded text.

/// True for marks that folding drops: harakat, tanween, shadda, sukun, dagger alef, Quranic
/// annotation signs and tatweel.
pub fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}')
}

/// True for a character that only steers how text is shown: the bidirectional marks and
/// embeddings (RLM, LRM, RLE … PDF, the isolates), the zero-width space, the byte-order mark and
/// the soft hyphen. Texts copied from web pages carry them between words («للمعارض \u{200F}والمؤتمرات»:
/// 442 articles of the corpus have an RLM); they separate nothing a reader sees, so they are no
/// token (one left in a speaker phrase cut it short).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// True for an Arabic letter (not a mark, digit or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}'
        | '\u{06FA}'..='\u{06FC}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

/// `char::is_alphabetic` with the common cases first: ASCII, the core Arabic letters, and the
/// punctuation and spaces of Arabic news (`is_alphabetic` looks every other character up in a
/// table, which the tokenizer did for each comma of every text). Same answer for every `char`.
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c {
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        '\u{00A0}'
        | '\u{00AB}'
        | '\u{00BB}'
        | '\u{060C}'
        | '\u{061B}'
        | '\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '\u{06D4}'
        | '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, the same way (Arabic-Indic digits are numeric: they go to the table).
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alphabetic(c) || c.is_numeric()
}

/// The folded form of one character; `None` when folding drops it.
pub fn fold_char(c: char) -> Option<char> {
    // Fast path: most of the text is Arabic letters that fold to themselves, or ASCII.
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        && !matches!(c, 'أ' | 'إ' | 'آ' | 'ى' | 'ئ' | 'ة' | 'ؤ')
    {
        return Some(c);
    }
    if is_dropped(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ې' => 'ي',
        'ة' | 'ۀ' | 'ۃ' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        'ھ' => 'ه',
        // Arabic-Indic and extended digits to ASCII, so «٢٠٢١» and «2021» are one number.
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c.to_lowercase().next().unwrap_or(c),
    })
}

/// The base letter of an Arabic presentation form (U+FE80–U+FEF4: the isolated, final, initial
/// and medial shapes that text copied out of a PDF is written in, «ﻗﺎﻟﺖ» for «قالت»).
fn presentation_base(c: char) -> Option<char> {
    // Each letter's shapes in Unicode order, from U+FE80; a letter that joins on both sides has
    // four shapes, one that joins only on the right has two, hamza alone has one.
    const LETTERS: [(char, u32); 36] = [
        ('ء', 1),
        ('آ', 2),
        ('أ', 2),
        ('ؤ', 2),
        ('إ', 2),
        ('ئ', 4),
        ('ا', 2),
        ('ب', 4),
        ('ة', 2),
        ('ت', 4),
        ('ث', 4),
        ('ج', 4),
        ('ح', 4),
        ('خ', 4),
        ('د', 2),
        ('ذ', 2),
        ('ر', 2),
        ('ز', 2),
        ('س', 4),
        ('ش', 4),
        ('ص', 4),
        ('ض', 4),
        ('ط', 4),
        ('ظ', 4),
        ('ع', 4),
        ('غ', 4),
        ('ف', 4),
        ('ق', 4),
        ('ك', 4),
        ('ل', 4),
        ('م', 4),
        ('ن', 4),
        ('ه', 4),
        ('و', 2),
        ('ى', 2),
        ('ي', 4),
    ];
    let mut at = 0xFE80;
    for (base, shapes) in LETTERS {
        if (at..at + shapes).contains(&(c as u32)) {
            return Some(base);
        }
        at += shapes;
    }
    None
}

/// Folds one character into `out`: nothing, one character, or two for a lam-alef ligature
/// («ﻻ» is «لا»). Presentation forms fold as the letters they shape.
pub fn fold_into(c: char, out: &mut String) {
    match c as u32 {
        0xFE70..=0xFE7F => {} // harakat in their presentation forms
        0xFE80..=0xFEF4 => {
            if let Some(f) = presentation_base(c).and_then(fold_char) {
                out.push(f);
            }
        }
        0xFEF5..=0xFEFC => {
            out.push('ل');
            out.push('ا');
        }
        // (`push`, not `extend` with an `Option`: this runs for every character of the text.)
        _ => {
            if let Some(f) = fold_char(c) {
                out.push(f);
            }
        }
    }
}

/// Folds a whole string (lexicon entries and tokens alike go through this one function).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// The byte offset in `original` just after its first `n` letters (dropped marks that follow a
/// letter stay with it). Used to split a proclitic such as و or لـ off a word in the original text.
pub fn skip_letters(original: &str, n: usize) -> usize {
    let mut seen = 0;
    for (i, c) in original.char_indices() {
        if fold_char(c).is_none() {
            continue;
        }
        if seen == n {
            return i;
        }
        seen += 1;
    }
    original.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_alphabetic_agrees_with_std_for_every_char() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn folds_diacritics_hamza_ya_and_ta_marbuta() {
        assert_eq!(fold("أَعْلَنَ"), "اعلن");
        assert_eq!(fold("مُشِيراً"), "مشيرا");
        assert_eq!(fold("نفى"), "نفي");
        assert_eq!(fold("الرئاسة"), "الرياسه");
        assert_eq!(fold("مسؤول"), "مسوول");
        assert_eq!(fold("قـــال"), "قال");
        assert_eq!(fold("٢٠٢١"), "2021");
    }

    #[test]
    fn presentation_forms_fold_as_their_letters() {
        assert_eq!(fold("ﻗﺎﻟﺖ ﺍﻟﻠﺠﻨﺔ"), "قالت اللجنه");
        assert_eq!(fold("ﻭﺃﺿﺎﻓﺖ"), "واضافت");
        assert_eq!(fold("ﻻ ﻳﻮﺟﺪ"), "لا يوجد");
        assert_eq!(fold("ﺀ"), "ء");
        assert_eq!(fold("ﻲ"), "ي");
    }

    #[test]
    fn skip_letters_keeps_marks_with_their_letter() {
        let w = "وَقَالَ";
        let cut = skip_letters(w, 1);
        assert_eq!(&w[cut..], "قَالَ");
        assert_eq!(skip_letters("لل", 5), 4);
    }
}
