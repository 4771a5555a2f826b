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
    for text in ["وقع الاتفاق بين الطرفين في جنيف.", "وسائل الإعلام نشرت الخبر.", "وبعد الكشف عليها تبين أنها توفيت قبل وصولها."] {
        let a = analyze(text, OffsetUnit::Byte);
        assert!(a.statements.is_empty(), "{text}: {:?}", a.statements);
    }
}
