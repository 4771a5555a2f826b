//! Property tests: for any text, `analyze` returns, and its analysis keeps the contract of
//! `tests/invariants/mod.rs` (spans in bounds, on character boundaries and equal to their slice in
//! bytes, code points and UTF-16 units; speakers and statements that refer to each other; a cue
//! outside its own content; the same output for the same input).
//!
//! The generators build texts from what the analyzer reacts to — real cue words, complementizers,
//! titles and names, quotation marks of every style — mixed with what real pasted text carries and
//! what breaks naive offset code: diacritics, tatweel, bidi controls, zero-width joiners, emoji and
//! other astral characters, digits, Latin, newlines, NUL and any character at all.
//!
//! 256 cases per property by default (a few seconds in a debug build); set `PROPTEST_CASES` to
//! run more, e.g. `PROPTEST_CASES=20000 cargo test --release --test properties`. A failure is
//! shrunk to a small text and saved in `proptest-regressions/`, which should be committed with
//! the fix so the case is re-run first from then on.

#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, FileFailurePersistence, TestRng, TestRunner};

/// Cue words and phrases, with the clitics and spellings news text uses (with and without
/// hamza, tanween and tatweel).
const CUES: &[&str] = &[
    "قال",
    "وقال",
    "فقال",
    "قالت",
    "وقالت",
    "يقول",
    "قائلا",
    "قائلاً",
    "أكد",
    "وأكد",
    "اكد",
    "أكدت",
    "نفى",
    "ونفى",
    "نفت",
    "ينفي",
    "وأضاف",
    "واضاف",
    "وأضافت",
    "مشيراً",
    "مشيرا إلى",
    "مشيرةً",
    "بحسب",
    "وبحسب",
    "بحسب ما",
    "حسب",
    "وفقا لـ",
    "وفقاً لـ",
    "وفقا ل",
    "نقلا عن",
    "نقلاً عن",
    "أعلن",
    "وأعلنت",
    "صرح",
    "وصرّح",
    "أوضح",
    "ذكر",
    "وذكرت",
    "أفاد",
    "أفادت",
    "كشف",
    "زعم",
    "أشار",
    "وتابع",
    "رأى",
    "اعتبر",
    "وجاء في",
    "قـــال",
    "نـفـى",
];

/// Complementizers and what follows a cue.
const LINKS: &[&str] = &["إن", "أن", "بأن", "ان", "إنّ", "أنه", "إنه", "أنها", ":", "،", "إلى أن", "عن"];

/// Titles, organizations, outlets, anonymous sources and names.
const SUBJECTS: &[&str] = &[
    "الرئيس",
    "الرئيس الأمريكي جو بايدن",
    "الوزير",
    "وزير الخارجية",
    "وزير الخارجية الروسي سيرغي لافروف",
    "المتحدث باسم الوزارة",
    "المتحدث الرسمي باسم الرئاسة الروسية، دميتري بيسكوف،",
    "بيسكوف",
    "مصدر مطلع",
    "المصدر",
    "مصادر",
    "وكالة رويترز",
    "صحيفة الغارديان",
    "الحكومة",
    "وزارة الصحة",
    "الدكتور أحمد سالم",
    "أحمد",
    "محمد بن سلمان",
    "عبد الله",
    "العقيد تامر الرفاعي",
    "الأمين العام للأمم المتحدة",
    "هي",
    "هو",
    "مسؤول",
    "بيان صادر عن الوزارة",
];

/// Words a content is made of, denial words among them.
const WORDS: &[&str] = &[
    "الاجتماع",
    "سيعقد",
    "غدا",
    "الأمر",
    "مهم",
    "لا",
    "صحة",
    "لهذه",
    "الأنباء",
    "عار",
    "عن",
    "الصحة",
    "لم",
    "لن",
    "ليس",
    "نتراجع",
    "روسيا",
    "علاقة",
    "لها",
    "بها",
    "في",
    "على",
    "من",
    "إلى",
    "التي",
    "الذي",
    "هذه",
    "الاتهامات",
    "القرار",
    "و",
    "ف",
    "ل",
    "ب",
    "الـ",
    "ال",
    "عبر",
    "بين",
    "كل",
    "من نسج الخيال",
    "لا تمت للحقيقة بصلة",
];

/// Quotation marks of every style the tokenizer might meet, paired and stray.
const QUOTES: &[&str] = &["«", "»", "\"", "“", "”", "‘", "’", "„", "‹", "›", "'", "「", "」", "‚", "«", "»"];

const PUNCT: &[&str] = &["،", ".", ":", "؛", "؟", "!", "(", ")", "-", "…", ",", "..", "د.", "\u{066B}", "\u{06D4}"];

const LATIN: &[&str] = &["Reuters", "AFP", "said", "Mr.", "x", "CNN", "e.g.", "COVID-19"];

/// Characters that change nothing visible but live inside words and between them.
const INVISIBLE: &[&str] = &[
    "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
    "\u{2068}", "\u{2069}", "\u{200D}", "\u{200C}", "\u{200B}", "\u{FEFF}", "\u{061C}", "\u{00AD}",
];

const SPACES: &[&str] = &[" ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u{00A0}", "\u{2009}", "\u{3000}"];

const EMOJI: &[&str] = &["😀", "👍🏽", "👨‍👩‍👧", "🇸🇦", "𝕏", "🕌", "❤️", "𐎀", "\u{10FFFF}", "🔥"];

/// One piece of text: a word, a mark or a character of some odd kind.
fn piece() -> impl Strategy<Value = String> {
    let s = |list: &'static [&'static str]| select(list).prop_map(String::from);
    prop_oneof![
        6 => s(CUES),
        3 => s(LINKS),
        5 => s(SUBJECTS),
        8 => s(WORDS),
        4 => s(QUOTES),
        3 => s(PUNCT),
        8 => s(SPACES),
        2 => s(LATIN),
        2 => s(INVISIBLE),
        2 => s(EMOJI),
        // Arabic letters, alone or as made-up words.
        3 => proptest::collection::vec(proptest::char::range('\u{0621}', '\u{064A}'), 1..7)
            .prop_map(|cs| cs.into_iter().collect()),
        // Diacritics (fathatan … sukun, dagger alif) and tatweel.
        2 => proptest::char::range('\u{064B}', '\u{0652}').prop_map(String::from),
        1 => Just("\u{0670}".to_string()),
        1 => Just("ـ".to_string()),
        // Digits: ASCII, Arabic-Indic, Extended (Persian).
        2 => proptest::char::range('0', '9').prop_map(String::from),
        1 => proptest::char::range('\u{0660}', '\u{0669}').prop_map(String::from),
        1 => proptest::char::range('\u{06F0}', '\u{06F9}').prop_map(String::from),
        1 => Just("\0".to_string()),
        1 => proptest::char::range('\u{10000}', '\u{10FFFF}').prop_map(String::from),
        2 => any::<char>().prop_map(String::from),
    ]
}

/// A soup of pieces, spaces between them most of the time (text without spaces is a case too).
fn soup() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), prop::bool::weighted(0.7)), 0..60).prop_map(|parts| {
        let mut text = String::new();
        for (p, space) in parts {
            text.push_str(&p);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// A sentence shaped like reported speech — cue, subject, link, maybe a quotation, content, end —
/// so that statements are found and their spans checked, not only the empty analysis.
fn sentence() -> impl Strategy<Value = String> {
    let quote_pair = select(&[("«", "»"), ("\"", "\""), ("“", "”"), ("‘", "’"), ("„", "“"), ("", ""), ("«", "")][..]);
    let content =
        proptest::collection::vec(prop_oneof![4 => select(WORDS), 1 => select(EMOJI), 1 => select(INVISIBLE)], 1..10);
    let end = select(&[".", ".\n", "\n\n", "،", "", " ", ":", "؟"][..]);
    (select(CUES), select(SUBJECTS), select(LINKS), quote_pair, content, end, prop::bool::ANY).prop_map(
        |(cue, subject, link, (open, close), words, end, subject_first)| {
            let body = words.join(" ");
            if subject_first {
                format!("{subject} {cue} {link} {open}{body}{close}{end}")
            } else {
                format!("{cue} {subject} {link} {open}{body}{close}{end}")
            }
        },
    )
}

/// A few sentences with noise between them: several speakers, continuation cues (وأضاف) and
/// quotations that run across sentences.
fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![3 => sentence(), 1 => soup()], 1..8).prop_map(|parts| parts.join(" "))
}

/// 256 cases unless `PROPTEST_CASES` says otherwise; failures saved beside this file (cargo runs
/// tests from the package root).
fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    let failure_persistence =
        Some(Box::new(FileFailurePersistence::Direct("tests/properties.proptest-regressions")) as _);
    Config { cases, failure_persistence, ..Config::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string_keeps_the_invariants(text in any::<String>()) {
        invariants::check(&text);
    }

    #[test]
    fn soups_of_arabic_marks_and_odd_characters_keep_the_invariants(text in soup()) {
        invariants::check(&text);
    }

    #[test]
    fn articles_of_reported_speech_keep_the_invariants(text in article()) {
        invariants::check(&text);
    }

    /// Inserting invisible characters (bidi controls, joiners) into a text may change what is
    /// found, but never breaks offsets — they are where naive code splits a character.
    #[test]
    fn invisible_characters_anywhere_keep_the_invariants(
        text in sentence(),
        inserts in proptest::collection::vec((any::<prop::sample::Index>(), select(INVISIBLE)), 1..6),
    ) {
        let mut text = text;
        for (at, ch) in inserts {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            text.insert_str(bounds[at.index(bounds.len())], ch);
        }
        invariants::check(&text);
    }
}

/// Each speaker's mentions come in text order and do not overlap (README: «every place the text
/// names or refers to the speaker, in text order»).
///
/// Found by these tests: for this text speaker 0's mentions were [9..24 «بن سلمان», 0..24 «محمد
/// بن سلمان», 66..90]: one passage listed twice, overlapping, out of order. Fixed in `speakers`.
#[test]
fn mentions_are_in_text_order() {
    invariants::check_mention_order("محمد بن سلمان اكد إن «الاجتماع». قال محمد بن سلمان إن «الاجتماع».");
    let mut runner = TestRunner::new_with_rng(config(), TestRng::deterministic_rng(config().rng_algorithm));
    runner
        .run(&article(), |text| {
            invariants::check_mention_order(&text);
            Ok(())
        })
        .unwrap();
}

/// The sentence generator is not vacuous: most of its texts do yield statements, so the
/// statement checks above run on real statements, not only on empty analyses.
#[test]
fn generated_sentences_mostly_yield_statements() {
    let mut runner =
        TestRunner::new_with_rng(Config::default(), TestRng::deterministic_rng(Config::default().rng_algorithm));
    let strategy = article();
    let (mut with, total) = (0, 200);
    for _ in 0..total {
        let text = strategy.new_tree(&mut runner).expect("a text").current();
        if !isnad::analyze(&text, isnad::OffsetUnit::Byte).statements.is_empty() {
            with += 1;
        }
    }
    assert!(with * 2 > total, "only {with} of {total} generated articles yield a statement");
}

/// The real texts of the repository keep the invariants too (the seeds and our own articles).
#[test]
fn repository_texts_keep_the_invariants() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut n = 0;
    for dir in ["seeds", "tests/data/articles"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).expect("the folder exists") {
            let path = entry.expect("a readable entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("UTF-8 text");
                let a = isnad::analyze(&text, isnad::OffsetUnit::Byte);
                assert!(!a.statements.is_empty(), "{} yields no statement", path.display());
                invariants::check(&text);
                n += 1;
            }
        }
    }
    assert!(n >= 2, "found only {n} texts");
}
