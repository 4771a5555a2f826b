//! Odd input never panics and always gives spans inside the text.

use isnad::{analyze, OffsetUnit};

fn check(text: &str) {
    let a = analyze(text, OffsetUnit::Byte);
    for s in &a.statements {
        assert!(s.speaker < a.speakers.len());
        for sp in [&s.cue, &s.content] {
            assert!(sp.start <= sp.end && sp.end <= text.len());
            assert_eq!(&text[sp.start..sp.end], sp.text);
        }
    }
    for sp in &a.speakers {
        for m in &sp.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
}

#[test]
fn hostile_inputs() {
    let big = "قال الوزير إن «الأمر ".repeat(27_000); // about 1 MB
    let cases: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\"\"\"«««»»»“”“”".into(),
        "قال: «".into(),
        "قال إن".into(),
        "وقال".into(),
        "\0قال\0 الوزير\0 إن \0".into(),
        "😀😀 قال 😀 إن 😀".into(),
        "ـــــ ً ٌ ٍ َ قال".into(),
        "\u{200F}قال\u{202B} الرئيس \u{202C}إن\u{200D} الأمر".into(),
        "Hello, world. He said \"yes\".".into(),
        "،،،،::::....".into(),
        "قال ".repeat(100_000),
        big,
        "وفقا ل".into(),
        "بحسب".into(),
        "نقلا عن".into(),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn no_arabic_says_so() {
    let a = analyze("Just English here.", OffsetUnit::Byte);
    assert!(a.statements.is_empty());
    assert!(a.diagnostics.iter().any(|d| d.contains("no Arabic")));
}

#[test]
fn unclosed_quote_is_reported() {
    let a = analyze("قال الوزير: «لن نتراجع\nثم\nثم\nثم\nثم\nثم", OffsetUnit::Byte);
    assert!(a.diagnostics.iter().any(|d| d.contains("quotation")), "{:?}", a.diagnostics);
}

#[test]
fn homographs_of_cues_are_not_statements() {
    // بين is «between» as often as «he showed»; a clause must follow for it to be speech.
    for text in
        ["وقع الاتفاق بين الطرفين في جنيف.", "وسائل الإعلام نشرت الخبر.", "وبعد الكشف عليها تبين أنها توفيت قبل وصولها."]
    {
        let a = analyze(text, OffsetUnit::Byte);
        assert!(a.statements.is_empty(), "{text}: {:?}", a.statements);
    }
}

/// Random soups of the words and marks the analyzer reacts to (a fixed seed, so a failure
/// reproduces). Found an out-of-bounds read at a text ending in «بحسب ما».
#[test]
fn random_soups_of_cue_words_and_marks() {
    let pieces = [
        "قال",
        "وقال",
        "إن",
        "أن",
        "بأن",
        "الرئيس",
        "«",
        "»",
        "\"",
        "“",
        "”",
        "،",
        ":",
        ".",
        "\n",
        "وفقا ل",
        "بحسب ما",
        "أفاد",
        "مصدر",
        "التي",
        "لم",
        "😀",
        "\u{200f}",
        "\u{064b}",
        "ـ",
        "نفى",
        "وأضاف",
        "مشيرا",
        "إلى",
        "ل",
        "لـ",
        "الوزير",
        "أحمد",
        "سالم",
        "صحيفة",
        "(",
        ")",
        "عبد",
        "ال",
        "و",
        "ف",
        "بيان",
        "صادر",
        "عن",
        "x",
        "1",
        "٢",
        "كل من",
        "هكذا",
        "وجاء في",
        "هذه",
        "المصدر",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let n = (next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            if next() % 4 != 0 {
                text.push(' ');
            }
        }
        check(&text);
        // Every unit slices the same text.
        let u = analyze(&text, OffsetUnit::Utf16);
        let units: Vec<u16> = text.encode_utf16().collect();
        for s in &u.statements {
            assert_eq!(String::from_utf16(&units[s.content.start..s.content.end]).unwrap(), s.content.text, "{text:?}");
        }
    }
}

/// Thousands of different speakers: each is found, and coreference does not compare every
/// mention with every speaker (it looks up speakers by the words of their names).
#[test]
fn thousands_of_distinct_speakers() {
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let mut state: u64 = 42;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut text = String::new();
    for i in 0..3000 {
        let first: String = (0..6).map(|_| letters[next() % letters.len()]).collect();
        let last: String = (0..5).map(|_| letters[next() % letters.len()]).collect();
        text.push_str(&format!("وقال الوزير {first} {last} إن الأمر {i} مهم.\n"));
    }
    let a = analyze(&text, OffsetUnit::Byte);
    assert_eq!(a.statements.len(), 3000);
    assert!(a.speakers.len() > 2900, "{} speakers", a.speakers.len());
    check(&text);
}
