//! The lexicons' source: the TSV files of `lexicons/` read into tables, with every verb
//! inflection and title plural generated. Shared by `build.rs`, which runs it at build time and
//! writes the tables out as Rust statics (so a malformed row fails the build, naming its file and
//! line), and by the crate (`lexicon.rs`), which uses its types and, in tests, checks the compiled
//! tables against a fresh read. Nothing here runs when the library analyzes text.
//!
//! This file is compiled twice, as `crate::lexicon::source` and as `build.rs`'s `source`; it may
//! use only `std` and `crate::normalize` (which `build.rs` includes too).

// The reading code is used by build.rs and the tests, not by the library itself.
#![allow(dead_code)]

use crate::normalize::fold;
use std::collections::{BTreeMap, HashSet};

/// What a reporting verb says about its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    Claim,
    Denial,
    /// سأل، تساءل: not a claim.
    Question,
    /// رفض: a denial when it rejects an accusation, no statement otherwise.
    Reject,
}

/// Where a verb's content is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// The إن / أن clause; the noun phrase after the subject when there is none.
    That,
    /// Like `That`, and the noun phrase counts even when no subject is named: a verb of
    /// asserting, whose object is what was asserted («مؤكداً استمرار دعمها»، «وشدد على ضرورة …»).
    Assert,
    /// Like `Assert` in the past and the participle only («وأشار إلى ضرورة …»، «مشيراً إلى أهمية
    /// …»): in the present the verb more often says what a thing points to («وتشير التقديرات إلى
    /// …»، «ويشير بأصبعه»).
    AssertPast,
    /// Everything after the subject, a بأن clause included (نفى الاتهامات بأنها …).
    Np,
    /// Like `That`, with the original speaker after the preposition: «ونقلت الصحيفة عن رايت
    /// قولها …» — the one quoted is the speaker.
    Relay,
    /// Like `That`, but only a clause or a quotation counts: verbs whose other senses are common
    /// (بيّن is also «between»).
    Clause,
    /// Like `Clause`, and only with its subject named: verbs that say what someone believes
    /// («وتعتقد الشرطة أن …»), whose unnamed subject is as often the writer as the current speaker.
    Named,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masc,
    Fem,
    /// First person, or a form that does not say.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    Past,
    Present,
    /// The circumstantial participle (مشيراً، مؤكدةً): continues the current speaker.
    Participle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inflection {
    pub form: VerbForm,
    pub gender: Gender,
    pub plural: bool,
    /// First person (قلت، نقول): the journalist or a quoted speaker talking of themself.
    pub first_person: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityClass {
    Title,
    Organization,
    Media,
    Anonymous,
    Place,
    Document,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityInfo {
    pub class: EntityClass,
    pub gender: Gender,
}

/// Classes of function words and fixed phrases (grammar.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gram {
    That,
    Time,
    Stop,
    Conj,
    Aux,
    Narration,
    Anon,
    Accusation,
    Issued,
    Side,
    Adj,
    Prep,
    /// Titles that name the same office (متحدث، ناطق).
    Spokesman,
    /// Honorifics that stand right before a name (الدكتور، المهندس، الشيخ).
    Honorific,
    /// Second words of compound given names (نور الدين، عبد الله): the name goes on after them.
    Compound,
    /// Verbs that open a source's request for anonymity (طلب، فضّل، مشترطاً …).
    Withhold,
    /// The name or identity withheld (اسمه، هويتها، اسميهما).
    Identity,
    /// Quantities before a group (عدد من، بعض، عشرات): the group is an unnamed source.
    Quantity,
    /// Words whose first ل is their own letter, not the preposition لـ (لافروف، لندن، لاعب):
    /// never an addressee. Mined from the corpus (`cargo xtask mine`).
    Lword,
    /// Frequent words the news never uses as a word of a name (عدم، اعتزاله، سيكون): never the
    /// continuation of a speaker's name or title. Mined from the corpus (`cargo xtask mine`,
    /// `lexicons/mined/commons.tsv`).
    Common,
    /// Words that accuse or allege (اتهم، زعم، اتهام، تهمة): what a denial answers.
    Allege,
    /// Words the news writes with the accusative tanween (مخاطباً، مازحاً، جميعاً): never a later
    /// word of a name. Mined from the corpus (`cargo xtask mine`, `lexicons/mined/accusatives.tsv`).
    Accusative,
    /// Words that point back to something said (هذه، ذلك، هو in «وهو ما نفته»).
    Pointer,
    /// What a denial of involvement names without saying what (علاقة، دور، صلة): «نفت أي علاقة
    /// بالأمر» answers the accusation just before it.
    Involve,
    /// Where or how words were said (مؤتمر، مقابلة، تصريح): «… تركي المالكي في مؤتمر صحفي: …»
    /// ends the name before «في».
    Venue,
    /// Particles that may stand between a clause's conjunction and its verb (لم، لن):
    /// «ولم تحصل سارة على …، وتقول …» still opens with a verb whose subject is named.
    Particle,
    /// Verbs followed by a verbal noun (تم، يمكن، يواصل): «تم نقل المصابين»، «سيواصل حث البيت
    /// الأبيض» — a cue word right after one is that verbal noun, not a verb.
    Masdar,
    /// Words that join the next one into a single name (عبد، أبو، بن، آل): the word after one is a
    /// name, even one spelled like a reporting verb (علي بن أبي طالب).
    Link,
    /// Words that join a name but are other words too (أبي: «my father», Abiy, Abe; أم: «or»):
    /// the word after one is surely a name only after another link (علي بن أبي طالب).
    WeakLink,
    /// Words that stand for the speaker the text follows, never a name: honorific pronouns
    /// (معاليه، سموه) and his words as a verb's object (حديثه، كلامه).
    SelfRef,
    /// Honorifics of address before a title or name (معالي، سمو، فضيلة): no part of the name.
    Address,
    /// Words for one unnamed source (مصدر، مسؤول): «وأضاف المصدر»، «وأوضح المسؤول» may stand for a
    /// person the text named; a plural one (الخبراء، الباحثون) never does.
    OneSource,
    /// Given names spelled like a word with the article (الحبيب، الباجي، الكسيس): a name after
    /// a title, not its adjective («رئيس الحكومة الحبيب الصيد»).
    Given,
}

// `word_classes` keeps one bit per class in a u64: a class past the 64th must widen it.
const _: () = assert!((Gram::Given as u32) < 64);

/// The class names of grammar.tsv's second column.
fn gram_class(k: &str) -> Option<Gram> {
    Some(match k {
        "that" => Gram::That,
        "time" => Gram::Time,
        "stop" => Gram::Stop,
        "conj" => Gram::Conj,
        "aux" => Gram::Aux,
        "narration" => Gram::Narration,
        "anon" => Gram::Anon,
        "accusation" => Gram::Accusation,
        "issued" => Gram::Issued,
        "side" => Gram::Side,
        "adj" => Gram::Adj,
        "prep" => Gram::Prep,
        "spokesman" => Gram::Spokesman,
        "honorific" => Gram::Honorific,
        "compound" => Gram::Compound,
        "withhold" => Gram::Withhold,
        "identity" => Gram::Identity,
        "quantity" => Gram::Quantity,
        "lword" => Gram::Lword,
        "common" => Gram::Common,
        "allege" => Gram::Allege,
        "accusative" => Gram::Accusative,
        "pointer" => Gram::Pointer,
        "involve" => Gram::Involve,
        "venue" => Gram::Venue,
        "particle" => Gram::Particle,
        "masdar" => Gram::Masdar,
        "link" => Gram::Link,
        "weaklink" => Gram::WeakLink,
        "selfref" => Gram::SelfRef,
        "address" => Gram::Address,
        "onesource" => Gram::OneSource,
        "given" => Gram::Given,
        _ => return None,
    })
}

/// What must follow an attribution phrase (attributions.tsv, column `needs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The speaker follows at once (وفقاً لـ …).
    Nothing,
    /// A document and its issuer (وجاء في بيان …).
    Document,
    /// A reporting verb, then the speaker (بحسب ما أفاد مصدر …).
    Verb,
}

/// A problem in a lexicon file, pointing at its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One lexicon file: its path as shown in errors (`lexicons/cues.tsv`) and its text.
pub type File<'a> = (&'a str, &'a str);

/// The five lexicon files, as read from `lexicons/`.
pub struct Files<'a> {
    pub cues: File<'a>,
    pub attributions: File<'a>,
    pub entities: File<'a>,
    pub grammar: File<'a>,
    pub denials: File<'a>,
    /// Rows of grammar classes mined from the corpus (`lexicons/mined/*.tsv` that the build
    /// reads, each row `word<TAB>class<TAB># counts`), after grammar.tsv's own.
    pub mined: &'a [File<'a>],
}

/// A word sequence, folded; `joined_l` when its last word is the preposition لـ written onto the
/// next word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseRow {
    pub words: Vec<String>,
    pub joined_l: bool,
    /// Attributions only: what must follow for the phrase to attribute.
    pub needs: Needs,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueRow {
    pub lemma: String,
    pub kind: CueKind,
    pub frame: Frame,
    /// Folded preposition the verb takes before its content, if any.
    pub prep: Option<String>,
}

/// Every table the lexicon looks words up in. The maps are sorted by key (`BTreeMap`) so that
/// the generated code is the same from one build to the next.
#[derive(Debug, Default)]
pub struct Tables {
    pub cues: Vec<CueRow>,
    /// Folded verb form → (index into `cues`, what the form says); the first row wins.
    pub cue_forms: BTreeMap<String, (usize, Inflection)>,
    pub attributions: Vec<PhraseRow>,
    /// The rows of entities.tsv, then the generated plurals of one-word titles.
    pub entities: Vec<(PhraseRow, EntityInfo)>,
    pub grammar: Vec<(PhraseRow, Gram)>,
    pub denials: Vec<PhraseRow>,
    /// First folded word → indices into `entities` / `grammar`, longest phrase first.
    pub entity_index: BTreeMap<String, Vec<usize>>,
    pub grammar_index: BTreeMap<String, Vec<usize>>,
    /// First folded word → indices into `attributions` / `denials` (the denials' first word
    /// without its article), in file order.
    pub attribution_index: BTreeMap<String, Vec<usize>>,
    pub denial_index: BTreeMap<String, Vec<usize>>,
    /// Single-word grammar rows: folded word → bit set of its classes (bit = `Gram as u64`).
    pub word_classes: BTreeMap<String, u64>,
    /// The mined words of class `common` (`SortedWords`).
    pub common: SortedWords,
    /// The mined words of class `accusative`, kept the same way.
    pub accusative: SortedWords,
}

/// Thousands of mined words kept as one string, sorted, each followed by a line break
/// (`sorted_lines_contain`), not as map keys, so that the wasm pays for their letters only; with
/// a bit per hash bucket in front (`filter_bits`, `filter_bit`): a word whose bit is clear is
/// none of them, so most words skip the search.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SortedWords {
    pub lines: String,
    pub filter: Vec<u64>,
}

impl SortedWords {
    fn new(mut words: Vec<&str>) -> SortedWords {
        words.sort_unstable();
        words.dedup();
        let bits = filter_bits(words.len());
        let mut filter = vec![0; bits / 64];
        for w in &words {
            let b = filter_bit(w, bits);
            filter[b / 64] |= 1 << (b % 64);
        }
        SortedWords { lines: words.iter().map(|w| format!("{w}\n")).collect(), filter }
    }
}

/// The rows of a TSV file: (line number, columns), skipping comments and blank lines.
fn rows<'a>(file: File<'a>, columns: usize) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), LexiconError>> + 'a {
    let name = file.0;
    file.1.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < columns {
            return Some(Err(LexiconError(format!(
                "{name}:{}: expected {columns} tab-separated columns, found {} (check for spaces where a tab belongs)",
                i + 1,
                cols.len()
            ))));
        }
        Some(Ok((i + 1, cols)))
    })
}

/// The most words a row of denials.tsv may have.
pub const MAX_DENIAL_WORDS: usize = 8;

fn phrase(text: &str) -> PhraseRow {
    let mut words: Vec<String> = text.split_whitespace().map(fold).collect();
    let mut joined_l = false;
    if words.last().is_some_and(|w| w == "ل") {
        words.pop();
        joined_l = true;
    }
    PhraseRow { words, joined_l, needs: Needs::Nothing }
}

/// A folded word without the article or بـ + the article (الأكاذيب، بالأكاذيب → أكاذيب).
pub fn without_article(w: &str) -> &str {
    let r = w.strip_prefix("بال").or_else(|| w.strip_prefix("ال")).unwrap_or(w);
    if r.chars().count() >= 3 {
        r
    } else {
        w
    }
}

/// Sound plurals of one-word titles, as unnamed groups: «مندوبين في التحالف»، «محللون»،
/// «ناشطات». A row of entities.tsv for the same form wins (it is listed first).
fn add_plurals_of_titles(entities: &mut Vec<(PhraseRow, EntityInfo)>) {
    let known: HashSet<String> =
        entities.iter().filter(|(p, _)| p.words.len() == 1).map(|(p, _)| p.words[0].clone()).collect();
    let mut plurals = Vec::new();
    for (p, info) in entities.iter() {
        let person = matches!(info.class, EntityClass::Title | EntityClass::Anonymous);
        if !person || p.words.len() != 1 || p.words[0].chars().count() < 3 {
            continue;
        }
        let w = &p.words[0];
        // Feminine plural and dual; masculine plural, dual (مصدران، مصدرين) and construct.
        let forms: Vec<(String, Gender)> = match w.strip_suffix('ه') {
            Some(stem) => vec![
                (format!("{stem}ات"), Gender::Fem),
                (format!("{stem}تان"), Gender::Fem),
                (format!("{stem}تين"), Gender::Fem),
            ],
            // محامي → محامون، محامين
            // and the construct plural: «كبير محللي أسواق الطاقة»، «ممثلي الشركات».
            None => {
                let stem = w.strip_suffix('ي').filter(|_| w.ends_with("امي")).unwrap_or(w);
                let mut v = vec![
                    (format!("{stem}ون"), Gender::Masc),
                    (format!("{stem}ين"), Gender::Masc),
                    (format!("{stem}ان"), Gender::Masc),
                ];
                if !w.ends_with('ي') {
                    v.push((format!("{stem}ي"), Gender::Masc));
                    v.push((format!("{stem}و"), Gender::Masc));
                }
                v
            }
        };
        for (f, g) in forms {
            if !known.contains(&f) {
                plurals.push((
                    PhraseRow { words: vec![f], joined_l: false, needs: Needs::Nothing },
                    EntityInfo { class: EntityClass::Anonymous, gender: g },
                ));
            }
        }
    }
    entities.extend(plurals);
}

fn gender(name: &str, line: usize, s: &str) -> Result<Gender, LexiconError> {
    match s {
        "m" => Ok(Gender::Masc),
        "f" => Ok(Gender::Fem),
        "-" => Ok(Gender::Unknown),
        _ => Err(LexiconError(format!("{name}:{line}: unknown gender \"{s}\" (expected m, f or -)"))),
    }
}

/// Reads every lexicon file into the tables; the first error names the file and line.
pub fn load(files: &Files) -> Result<Tables, LexiconError> {
    let mut lex = Tables::default();
    for row in rows(files.cues, 7) {
        let (line, c) = row?;
        let kind = match c[3] {
            "claim" => CueKind::Claim,
            "denial" => CueKind::Denial,
            "question" => CueKind::Question,
            "reject" => CueKind::Reject,
            k => {
                return Err(LexiconError(format!(
                    "{}:{line}: unknown kind \"{k}\" (expected claim, denial, question or reject)",
                    files.cues.0
                )))
            }
        };
        let frame = match c[4] {
            "that" => Frame::That,
            "assert" => Frame::Assert,
            "assert-past" => Frame::AssertPast,
            "np" => Frame::Np,
            "clause" => Frame::Clause,
            "relay" => Frame::Relay,
            "named" => Frame::Named,
            f => {
                return Err(LexiconError(format!(
                    "{}:{line}: unknown frame \"{f}\" (expected that, assert, assert-past, np, clause, named or relay)",
                    files.cues.0
                )))
            }
        };
        let idx = lex.cues.len();
        lex.cues.push(CueRow {
            lemma: if c[0] != "-" { c[0].to_string() } else { c[1].to_string() },
            kind,
            frame,
            prep: (c[5] != "-").then(|| fold(c[5])),
        });
        let extra: Vec<&str> = if c[6] == "-" { vec![] } else { c[6].split(',').map(str::trim).collect() };
        for (form, infl) in inflect(c[0], c[1], c[2], &extra) {
            lex.cue_forms.entry(form).or_insert((idx, infl));
        }
    }
    for row in rows(files.attributions, 2) {
        let (line, c) = row?;
        let mut p = phrase(c[0]);
        p.needs = match c[1] {
            "document" => Needs::Document,
            "verb" => Needs::Verb,
            "-" => Needs::Nothing,
            n => {
                return Err(LexiconError(format!(
                    "{}:{line}: unknown needs \"{n}\" (expected document, verb or -)",
                    files.attributions.0
                )))
            }
        };
        lex.attributions.push(p);
    }
    for row in rows(files.entities, 3) {
        let (line, c) = row?;
        let class = match c[1] {
            "title" => EntityClass::Title,
            "organization" => EntityClass::Organization,
            "media" => EntityClass::Media,
            "anonymous" => EntityClass::Anonymous,
            "place" => EntityClass::Place,
            "document" => EntityClass::Document,
            k => {
                return Err(LexiconError(format!(
                "{}:{line}: unknown class \"{k}\" (expected title, organization, media, anonymous, place or document)",
                files.entities.0
            )))
            }
        };
        let g = gender(files.entities.0, line, c[2])?;
        lex.entities.push((phrase(c[0]), EntityInfo { class, gender: g }));
    }
    // Mined rows are single words, known by `word_classes` alone: thousands of them in the
    // phrase tables too would double the wasm's lexicon for nothing.
    let mut mined_words = Vec::new();
    for (k, &file) in std::iter::once(&files.grammar).chain(files.mined).enumerate() {
        for row in rows(file, 2) {
            let (line, c) = row?;
            let Some(class) = gram_class(c[1]) else {
                return Err(LexiconError(format!("{}:{line}: unknown class \"{}\"", file.0, c[1])));
            };
            let p = phrase(c[0]);
            match (k, p.words.len()) {
                (0, _) => lex.grammar.push((p, class)),
                (_, 1) => mined_words.push((p, class)),
                _ => return Err(LexiconError(format!("{}:{line}: a mined row is one word", file.0))),
            }
        }
    }
    for row in rows(files.denials, 1) {
        let (line, c) = row?;
        let p = phrase(c[0]);
        // (`Lexicon::denial_at` reads this many words after a phrase's first.)
        if p.words.len() > MAX_DENIAL_WORDS {
            return Err(LexiconError(format!(
                "{}:{line}: a denial phrase is at most {MAX_DENIAL_WORDS} words",
                files.denials.0
            )));
        }
        lex.denials.push(p);
    }
    let of_class =
        |class: Gram| mined_words.iter().filter(|(_, c)| *c == class).map(|(p, _)| p.words[0].as_str()).collect();
    lex.common = SortedWords::new(of_class(Gram::Common));
    lex.accusative = SortedWords::new(of_class(Gram::Accusative));
    let as_string = |c: &Gram| matches!(c, Gram::Common | Gram::Accusative);
    for (p, class) in lex.grammar.iter().chain(mined_words.iter().filter(|(_, c)| !as_string(c))) {
        if p.words.len() == 1 {
            *lex.word_classes.entry(p.words[0].clone()).or_default() |= 1u64 << *class as u64;
        }
    }
    for (i, p) in lex.attributions.iter().enumerate() {
        lex.attribution_index.entry(p.words[0].clone()).or_default().push(i);
    }
    for (i, p) in lex.denials.iter().enumerate() {
        lex.denial_index.entry(without_article(&p.words[0]).to_string()).or_default().push(i);
    }
    add_plurals_of_titles(&mut lex.entities);
    for (i, (p, _)) in lex.entities.iter().enumerate() {
        lex.entity_index.entry(p.words[0].clone()).or_default().push(i);
    }
    for (i, (p, _)) in lex.grammar.iter().enumerate() {
        lex.grammar_index.entry(p.words[0].clone()).or_default().push(i);
    }
    let ents = &lex.entities;
    for v in lex.entity_index.values_mut() {
        v.sort_by_key(|&i| std::cmp::Reverse(ents[i].0.words.len()));
    }
    let gram = &lex.grammar;
    for v in lex.grammar_index.values_mut() {
        v.sort_by_key(|&i| std::cmp::Reverse(gram[i].0.words.len()));
    }
    Ok(lex)
}

/// One row of a paradigm: the affixes around a stem, and what the form says of its subject.
struct Slot {
    prefix: &'static str,
    suffix: &'static str,
    gender: Gender,
    plural: bool,
    first_person: bool,
}

const fn slot(prefix: &'static str, suffix: &'static str, gender: Gender, plural: bool, first_person: bool) -> Slot {
    Slot { prefix, suffix, gender, plural, first_person }
}

use Gender::{Fem as F, Masc as M, Unknown as U};

/// Past tense of a sound verb, on the 3rd masc. sing. (قال → قالت، قالوا …).
const PAST: &[Slot] = &[
    slot("", "", M, false, false),
    slot("", "ت", F, false, false),
    slot("", "وا", M, true, false),
    slot("", "ا", M, true, false),
    slot("", "تا", F, true, false),
    slot("", "ن", F, true, false),
    slot("", "نا", U, true, true),
];
/// Past tense of a verb ending in ى or ا, on the stem without it (نفى → نفت، نفوا، نفا+ه). No
/// dual: «نفيا» is spelled like the verbal noun of «نفى نفياً قاطعاً».
const PAST_DEFECTIVE: &[Slot] =
    &[slot("", "ت", F, false, false), slot("", "وا", M, true, false), slot("", "ا", M, false, false)];
/// Present tense, on the stem after the prefix ي (يقول → تقول، يقولون …); `~` marks the plural
/// stem, which drops a final ي or و (ينفي → ينفون).
const PRESENT: &[Slot] = &[
    slot("ي", "", M, false, false),
    slot("ت", "", F, false, false),
    slot("ا", "", U, false, true),
    slot("ن", "", U, true, true),
    slot("ي", "~ون", M, true, false),
    slot("ي", "ان", M, true, false),
    slot("ت", "ان", F, true, false),
    slot("ي", "ن", F, true, false),
];
/// The circumstantial participle, on its stem without the accusative ا (مشير → مشيراً، مشيرة …).
/// The bare stem is left out: as a cue the participle is accusative, and bare stems collide with
/// nouns (وسائل = و + سائل).
const PARTICIPLE: &[Slot] = &[
    slot("", "ا", M, false, false),
    slot("", "ه", F, false, false),
    slot("", "ين", M, true, false),
    slot("", "ون", M, true, false),
];

/// Every inflected form of one verb, folded, with what it says about its subject.
pub fn inflect(past: &str, present: &str, participle: &str, extra: &[&str]) -> Vec<(String, Inflection)> {
    let mut out = Vec::new();
    let mut add = |stem: &str, plural_stem: &str, slots: &[Slot], form: VerbForm| {
        for sl in slots {
            let (stem, suffix) = match sl.suffix.strip_prefix('~') {
                Some(suf) => (plural_stem, suf),
                None => (stem, sl.suffix),
            };
            let infl = Inflection { form, gender: sl.gender, plural: sl.plural, first_person: sl.first_person };
            out.push((format!("{}{stem}{suffix}", sl.prefix), infl));
        }
    };
    if past != "-" {
        let l = fold(past);
        match l.strip_suffix('ي').or_else(|| l.strip_suffix('ا')) {
            Some(stem) => {
                add(&l, &l, &PAST[..1], VerbForm::Past);
                add(stem, stem, PAST_DEFECTIVE, VerbForm::Past);
            }
            None => add(&l, &l, PAST, VerbForm::Past),
        }
    }
    if present != "-" {
        let p = fold(present);
        if let Some(r) = p.strip_prefix('ي') {
            let r_pl = r.strip_suffix('ي').or_else(|| r.strip_suffix('و')).unwrap_or(r);
            add(r, r_pl, PRESENT, VerbForm::Present);
        }
    }
    if participle != "-" {
        let q = fold(participle);
        let stem = q.strip_suffix('ا').unwrap_or(&q);
        add(stem, stem, PARTICIPLE, VerbForm::Participle);
    }
    for e in extra {
        out.push((fold(e), Inflection { form: VerbForm::Past, gender: U, plural: false, first_person: true }));
    }
    out
}

/// The hash of the compiled maps' keys: 8 bytes at a time (a multiply and a rotation each, as
/// FxHash), then a final mix so that the low bits, which pick the slot, depend on every byte.
/// Not DoS-resistant, which does not matter: the keys come from the lexicons, not from the text
/// analyzed. Computed in u64 on every target, so build.rs and the wasm agree.
#[inline]
pub fn key_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w: [u8; 8] = c.try_into().unwrap_or_default();
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The last bytes, little-endian, as if padded with zeros (byte by byte: a copy of a
        // slice of unknown length is a library call).
        let w = rest.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    h = (h ^ (h >> 32)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// The slots of an open-addressing hash table (linear probing) over `keys`: a power of two at
/// least twice their number, each 0 (empty) or 1 + the index of the key that lives there. The
/// lexicon's `StaticMap::get` probes it in the same order.
pub fn hash_slots(keys: &[&str]) -> Vec<u16> {
    let size = (keys.len() * 2).next_power_of_two().max(2);
    let mask = (size - 1) as u64;
    // (Two bytes a slot: the tables are in the wasm, and no lexicon has 65,535 keys.)
    let mut slots = vec![0u16; size];
    for (i, k) in keys.iter().enumerate() {
        let mut s = (key_hash(k.as_bytes()) & mask) as usize;
        while slots[s] != 0 {
            s = (s + 1) & (size - 1);
        }
        slots[s] = u16::try_from(i + 1).expect("fewer than 65,536 keys in a lexicon table");
    }
    slots
}

/// Buckets of the filter in front of a list of `SortedWords`: a power of two of at least four
/// bits a word — 32,768 bits (4 KB) for the 6,000 `common` words, 8,192 (1 KB) for the 2,000
/// accusatives —, so that about one other word in five needs the search, and the wasm pays only
/// for bits that do work.
pub fn filter_bits(words: usize) -> usize {
    (words * 4).next_power_of_two().max(64)
}

/// The filter bucket of folded word `w` in a filter of `bits` bits (a power of two).
pub fn filter_bit(w: &str, bits: usize) -> usize {
    (key_hash(w.as_bytes()) >> 17) as usize % bits
}

/// Whether `lines` — words sorted bytewise, each followed by `\n` — holds `w`: a binary search
/// over the bytes, backing up to the start of the line it lands in.
pub fn sorted_lines_contain(lines: &str, w: &str) -> bool {
    let b = lines.as_bytes();
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let start = b[lo..mid].iter().rposition(|&c| c == b'\n').map_or(lo, |k| lo + k + 1);
        let end = start + b[start..].iter().position(|&c| c == b'\n').unwrap_or(b.len() - start);
        match b[start..end].cmp(w.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::sorted_lines_contain;

    #[test]
    fn sorted_lines_find_every_word_and_no_other() {
        let words = ["ا", "اب", "ابد", "بعد", "عدم", "يصل"];
        let lines: String = words.iter().map(|w| format!("{w}\n")).collect();
        for w in words {
            assert!(sorted_lines_contain(&lines, w), "{w}");
        }
        for w in ["", "ب", "ابدا", "عد", "فيصل", "ي", "zz"] {
            assert!(!sorted_lines_contain(&lines, w), "{w}");
        }
        assert!(!sorted_lines_contain("", "عدم"));
    }
}
