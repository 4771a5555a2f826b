//! The seed articles: the statements a reader of each must see.

use isnad::{analyze, Analysis, OffsetUnit, SpeakerKind, StatementKind};

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn by<'a>(a: &'a Analysis, speaker_part: &str) -> Vec<&'a isnad::Statement> {
    a.statements.iter().filter(|s| a.speakers[s.speaker].name.contains(speaker_part)).collect()
}

#[test]
fn seed_000_peskov_denies_and_kosachev_claims() {
    let text = seed("000_04b6d5a339be90df.txt");
    let a = analyze(&text, OffsetUnit::Byte);
    let peskov = a.speakers.iter().find(|s| s.name == "دميتري بيسكوف").expect("Peskov is a speaker");
    assert_eq!(peskov.kind, SpeakerKind::Person);
    assert_eq!(peskov.role, "المتحدث الرسمي باسم الرئاسة الروسية");
    let p = by(&a, "بيسكوف");
    assert!(p.len() >= 3, "Peskov's statements: {p:#?}");
    let denial = p.iter().find(|s| s.kind == StatementKind::Denial).expect("Peskov denies");
    assert_eq!(denial.cue.text, "أعلن");
    assert_eq!(denial.content.text, "روسيا لا علاقة لها بها");
    let k = by(&a, "كوساتشوف");
    assert_eq!(k.len(), 1);
    assert!(k[0].content.text.starts_with("الولايات المتحدة تحاول استخدام"));
    assert_eq!(k[0].kind, StatementKind::Claim);
    // One entity, one speaker: «بيسكوف» alone is not a second speaker.
    assert_eq!(a.speakers.iter().filter(|s| s.name.contains("بيسكوف")).count(), 1);
}

#[test]
fn seed_000_direct_quote_over_two_paragraphs() {
    let text = seed("000_04b6d5a339be90df.txt");
    let a = analyze(&text, OffsetUnit::Byte);
    let q = by(&a, "بيسكوف").into_iter().find(|s| s.cue.text == "وقال").expect("وقال بيسكوف");
    assert_eq!(q.form, isnad::Form::Direct);
    assert!(q.content.text.starts_with("يمكنني تفنيد"));
    assert!(q.content.text.ends_with("ردًا في الولايات المتحدة"));
    assert_eq!(q.kind, StatementKind::Denial, "تفنيد هذه الاتهامات is a denial");
}

#[test]
fn seed_002_white_house_and_nested_biden() {
    let text = seed("002_df66d1c33c88f395.txt");
    let a = analyze(&text, OffsetUnit::Byte);
    let wh = by(&a, "البيت الأبيض");
    assert!(!wh.is_empty(), "{a:#?}");
    assert!(wh[0].content.text.starts_with("الرئيس الأمريكي جو بايدن"));
    let biden = by(&a, "بايدن");
    assert!(biden.iter().any(|s| s.cue.text == "أبلغ" && s.content.text.starts_with("الولايات المتحدة ستتخذ")));
    // «قال الرئيس الديمقراطي» is Biden, not a new speaker.
    assert!(!a.speakers.iter().any(|s| s.name.contains("الديمقراطي")));
    let moscow = by(&a, "موسكو");
    assert_eq!(moscow.first().map(|s| s.kind), Some(StatementKind::Denial));
}

#[test]
fn spans_slice_the_original_text_in_every_unit() {
    let text = format!("😀 {}", seed("000_04b6d5a339be90df.txt"));
    let bytes = analyze(&text, OffsetUnit::Byte);
    for s in &bytes.statements {
        assert_eq!(&text[s.content.start..s.content.end], s.content.text);
        assert_eq!(&text[s.cue.start..s.cue.end], s.cue.text);
    }
    let cps = analyze(&text, OffsetUnit::CodePoint);
    let chars: Vec<char> = text.chars().collect();
    for s in &cps.statements {
        let got: String = chars[s.content.start..s.content.end].iter().collect();
        assert_eq!(got, s.content.text);
    }
    let u16s = analyze(&text, OffsetUnit::Utf16);
    let units: Vec<u16> = text.encode_utf16().collect();
    for sp in &u16s.speakers {
        for m in &sp.mentions {
            assert_eq!(String::from_utf16(&units[m.start..m.end]).unwrap(), m.text);
        }
    }
    assert_eq!(bytes.statements.len(), u16s.statements.len());
}
