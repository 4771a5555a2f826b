//! The language data: reporting verbs, attributions, speaker heads, function words and denial
//! phrases, read from the TSV files in `lexicons/` (compiled into the binary with `include_str!`)
//! and turned into lookup tables once, on first use.
//!
//! Verb inflections are generated here from three stems per verb (past, present, participle), so
//! a linguist adds one row to get قال، قالت، قالوا، يقول، تقول، يقولون، قائلاً، قائلة … The
//! proclitics و ف ل سـ and object pronouns are stripped at lookup (`cue_at`).

use crate::fastmap::FastMap as HashMap;
use crate::normalize::fold;
use crate::tokenize::{TokKind, Token};
use std::sync::OnceLock;

const CUES: (&str, &str) = ("lexicons/cues.tsv", include_str!("../lexicons/cues.tsv"));
const ATTRIBUTIONS: (&str, &str) = ("lexicons/attributions.tsv", include_str!("../lexicons/attributions.tsv"));
const ENTITIES: (&str, &str) = ("lexicons/entities.tsv", include_str!("../lexicons/entities.tsv"));
const GRAMMAR: (&str, &str) = ("lexicons/grammar.tsv", include_str!("../lexicons/grammar.tsv"));
const DENIALS: (&str, &str) = ("lexicons/denials.tsv", include_str!("../lexicons/denials.tsv"));

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
    /// Everything after the subject, a بأن clause included (نفى الاتهامات بأنها …).
    Np,
    /// Like `That`, with the original speaker after the preposition: «ونقلت الصحيفة عن رايت
    /// قولها …» — the one quoted is the speaker.
    Relay,
    /// Like `That`, but only a clause or a quotation counts: verbs whose other senses are common
    /// (بيّن is also «between»).
    Clause,
}

#[derive(Clone, Debug)]
pub struct CueEntry {
    pub lemma: String,
    pub kind: CueKind,
    pub frame: Frame,
    /// Folded preposition the verb takes before its content (إلى in أشار إلى), if any.
    pub prep: Option<String>,
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

/// A reporting verb found in a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    pub entry: usize,
    pub infl: Inflection,
    /// The token carried a conjunction و or ف (وقال، فقال): it continues a clause, so its subject
    /// cannot stand before it.
    pub conj: bool,
    /// The token carried an object pronoun (أبلغه، نشرته).
    pub enclitic: bool,
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
}

// `word_classes` keeps one bit per class in a u32: a class past the 32nd must widen it.
const _: () = assert!((Gram::Quantity as u32) < 32);

/// A word sequence; `joined_l` when its last word is the preposition لـ written onto the next word.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub words: Vec<String>,
    pub joined_l: bool,
    /// Attributions only: what must follow for the phrase to attribute.
    pub needs: Needs,
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

pub struct Lexicon {
    pub cues: Vec<CueEntry>,
    cue_forms: HashMap<String, (usize, Inflection)>,
    pub attributions: Vec<Phrase>,
    entities: Vec<(Phrase, EntityInfo)>,
    grammar: Vec<(Phrase, Gram)>,
    pub denials: Vec<Phrase>,
    /// First folded word → indices into `entities` / `grammar`, longest phrase first.
    entity_index: HashMap<String, Vec<usize>>,
    grammar_index: HashMap<String, Vec<usize>>,
    /// First folded word → indices into `attributions` / `denials`, in file order.
    attribution_index: HashMap<String, Vec<usize>>,
    denial_index: HashMap<String, Vec<usize>>,
    /// Single-word grammar rows: folded word → bit set of its classes (bit = `Gram as u32`).
    word_classes: HashMap<String, u32>,
}

/// A problem in a lexicon file, pointing at its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The rows of a TSV file: (line number, columns), skipping comments and blank lines.
fn rows<'a>(
    file: &'a (&str, &str),
    columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), LexiconError>> + 'a {
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

fn phrase(text: &str) -> Phrase {
    let mut words: Vec<String> = text.split_whitespace().map(fold).collect();
    let mut joined_l = false;
    if words.last().is_some_and(|w| w == "ل") {
        words.pop();
        joined_l = true;
    }
    Phrase { words, joined_l, needs: Needs::Nothing }
}

/// Sound plurals of one-word titles, as unnamed groups: «مندوبين في التحالف»، «محللون»،
/// «ناشطات». A row of entities.tsv for the same form wins (it is listed first).
fn add_plurals_of_titles(entities: &mut Vec<(Phrase, EntityInfo)>) {
    let known: std::collections::HashSet<String> =
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
                    Phrase { words: vec![f], joined_l: false, needs: Needs::Nothing },
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

impl Lexicon {
    /// The lexicons compiled into this build. Their validity is checked by the test suite, so a
    /// broken row cannot ship; should one slip through, analysis runs with what did load.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::load().unwrap_or_else(|_| Lexicon::empty()))
    }

    fn empty() -> Lexicon {
        Lexicon {
            cues: vec![],
            cue_forms: HashMap::default(),
            attributions: vec![],
            entities: vec![],
            grammar: vec![],
            denials: vec![],
            entity_index: HashMap::default(),
            grammar_index: HashMap::default(),
            attribution_index: HashMap::default(),
            denial_index: HashMap::default(),
            word_classes: HashMap::default(),
        }
    }

    /// Parses every lexicon file; the first error names the file and line.
    pub fn load() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::empty();
        for row in rows(&CUES, 7) {
            let (line, c) = row?;
            let kind = match c[3] {
                "claim" => CueKind::Claim,
                "denial" => CueKind::Denial,
                "question" => CueKind::Question,
                "reject" => CueKind::Reject,
                k => {
                    return Err(LexiconError(format!(
                        "{}:{line}: unknown kind \"{k}\" (expected claim, denial, question or reject)",
                        CUES.0
                    )))
                }
            };
            let frame = match c[4] {
                "that" => Frame::That,
                "np" => Frame::Np,
                "clause" => Frame::Clause,
                "relay" => Frame::Relay,
                f => {
                    return Err(LexiconError(format!(
                        "{}:{line}: unknown frame \"{f}\" (expected that, np, clause or relay)",
                        CUES.0
                    )))
                }
            };
            let idx = lex.cues.len();
            lex.cues.push(CueEntry {
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
        for row in rows(&ATTRIBUTIONS, 2) {
            let (line, c) = row?;
            let mut p = phrase(c[0]);
            p.needs = match c[1] {
                "document" => Needs::Document,
                "verb" => Needs::Verb,
                "-" => Needs::Nothing,
                n => {
                    return Err(LexiconError(format!(
                        "{}:{line}: unknown needs \"{n}\" (expected document, verb or -)",
                        ATTRIBUTIONS.0
                    )))
                }
            };
            lex.attributions.push(p);
        }
        for row in rows(&ENTITIES, 3) {
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
                        ENTITIES.0
                    )))
                }
            };
            let g = gender(ENTITIES.0, line, c[2])?;
            lex.entities.push((phrase(c[0]), EntityInfo { class, gender: g }));
        }
        for row in rows(&GRAMMAR, 2) {
            let (line, c) = row?;
            let class = match c[1] {
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
                k => return Err(LexiconError(format!("{}:{line}: unknown class \"{k}\"", GRAMMAR.0))),
            };
            lex.grammar.push((phrase(c[0]), class));
        }
        for row in rows(&DENIALS, 1) {
            let (_, c) = row?;
            lex.denials.push(phrase(c[0]));
        }
        for (p, class) in &lex.grammar {
            if p.words.len() == 1 {
                *lex.word_classes.entry(p.words[0].clone()).or_default() |= 1u32 << *class as u32;
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

    /// The reporting verb in folded word `w`, trying proclitics and object pronouns.
    pub fn cue(&self, w: &str) -> Option<CueMatch> {
        for (pre, conj) in [
            ("", false),
            ("و", true),
            ("ف", true),
            ("ل", false),
            ("س", false),
            ("وس", true),
            ("فس", true),
            ("ول", true),
        ] {
            let Some(rest) = w.strip_prefix(pre) else { continue };
            if rest.chars().count() < 2 {
                continue;
            }
            let via_l_or_s = pre.ends_with('ل') || pre.ends_with('س');
            for enc in ["", "ه", "ها", "هم", "هما", "هن", "ني", "نا"] {
                let Some(stem) = rest.strip_suffix(enc) else { continue };
                if stem.chars().count() < 2 {
                    continue;
                }
                // The plural's silent alif drops before a pronoun: أخبروه = أخبروا + ـه.
                let restored = (!enc.is_empty() && stem.ends_with('و')).then(|| format!("{stem}ا"));
                let found =
                    self.cue_forms.get(stem).or_else(|| restored.as_deref().and_then(|r| self.cue_forms.get(r)));
                if let Some(&(entry, infl)) = found {
                    if via_l_or_s && infl.form != VerbForm::Present {
                        continue;
                    }
                    return Some(CueMatch { entry, infl, conj, enclitic: !enc.is_empty() });
                }
            }
        }
        None
    }

    /// The entity phrase starting at token `i` (its first word may carry و ف ل ب), if any:
    /// (its information, the index after its last token, the letters of proclitic on its first word).
    pub fn entity_at(&self, toks: &[Token], i: usize) -> Option<(EntityInfo, usize, usize)> {
        let t = toks.get(i).filter(|t| t.is_word())?;
        let mut found = None;
        for_variants(&t.norm, &mut |first, pre| {
            let Some(cands) = self.entity_index.get(first) else { return false };
            for &c in cands {
                let (p, info) = &self.entities[c];
                if let Some(end) = match_rest(toks, i, p) {
                    found = Some((*info, end, pre));
                    return true;
                }
            }
            false
        });
        found
    }

    /// The class of the one-word entity `w` (folded, without the article), if it is one.
    pub fn entity_index_has(&self, w: &str) -> Option<EntityClass> {
        self.entity_index
            .get(w)?
            .iter()
            .map(|&i| &self.entities[i])
            .find(|(p, _)| p.words.len() == 1)
            .map(|(_, e)| e.class)
    }

    /// True when two title heads name the same office (متحدث and ناطق).
    pub fn synonyms(&self, a: &str, b: &str) -> bool {
        a == b || self.is(a, Gram::Spokesman) && self.is(b, Gram::Spokesman)
    }

    /// The lexicon form of a head word as written (والدتها → والده، المحامي → محامي), for
    /// comparing titles; the word itself when it is no head.
    pub fn head_form(&self, w: &str) -> String {
        let mut form = None;
        for_variants(w, &mut |s, pre| {
            let hit = pre == 0 && self.entity_index.contains_key(s);
            if hit {
                form = Some(s.to_string());
            }
            hit
        });
        form.unwrap_or_else(|| w.strip_prefix("ال").unwrap_or(w).to_string())
    }

    /// The grammar phrase of class `class` starting at token `i` (a leading و ف stripped), if any:
    /// the index after it.
    pub fn gram_at(&self, toks: &[Token], i: usize, class: Gram) -> Option<usize> {
        let t = toks.get(i).filter(|t| t.is_word())?;
        let firsts = [Some(t.norm.as_str()), t.norm.strip_prefix('و'), t.norm.strip_prefix('ف')];
        for first in firsts.into_iter().flatten() {
            let Some(cands) = self.grammar_index.get(first) else { continue };
            for &c in cands {
                let (p, cl) = &self.grammar[c];
                if *cl == class {
                    if let Some(end) = match_rest(toks, i, p) {
                        return Some(end);
                    }
                }
            }
        }
        None
    }

    /// True when folded word `w` (or `w` without a leading و ف) is in grammar class `class`.
    pub fn is(&self, w: &str, class: Gram) -> bool {
        let bit = 1u32 << class as u32;
        let firsts = [Some(w), w.strip_prefix('و'), w.strip_prefix('ف')];
        firsts.into_iter().flatten().any(|f| self.word_classes.get(f).is_some_and(|m| m & bit != 0))
    }

    /// A complementizer (إن، أن، بأن) with or without a pronoun suffix (أنه، بأنها).
    /// Returns Some(true) when it carries a pronoun.
    pub fn complementizer(&self, w: &str) -> Option<bool> {
        let w = w.strip_prefix('و').filter(|r| r.starts_with("ان") || r.starts_with("بان")).unwrap_or(w);
        if self.is(w, Gram::That) && !w.starts_with('و') && !w.starts_with('ف') {
            return Some(false);
        }
        for suf in ["ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي"] {
            if let Some(base) = w.strip_suffix(suf) {
                if matches!(base, "ان" | "بان") {
                    return Some(true);
                }
            }
        }
        None
    }

    /// The attribution phrase starting at token `i`: (the index after it, whether its last word
    /// is a لـ joined to the next token).
    pub fn attribution_at(&self, toks: &[Token], i: usize) -> Option<(usize, bool, Needs)> {
        let t = toks.get(i).filter(|t| t.is_word())?;
        let firsts = [Some(t.norm.as_str()), t.norm.strip_prefix('و'), t.norm.strip_prefix('ف')];
        // Rows in file order, so that longer phrases listed first win.
        let mut rows: Vec<usize> =
            firsts.iter().flatten().filter_map(|f| self.attribution_index.get(*f)).flatten().copied().collect();
        rows.sort_unstable();
        for r in rows {
            let p = &self.attributions[r];
            let Some(end) = match_rest(toks, i, p) else { continue };
            // A joined لـ must start the next word.
            if !p.joined_l || toks.get(end).is_some_and(|n| n.is_word() && n.norm.starts_with('ل')) {
                return Some((end, p.joined_l, p.needs));
            }
        }
        None
    }

    /// True when the folded words of `content` hold a denial phrase or a denial verb.
    pub fn has_denial_phrase(&self, words: &[&str]) -> bool {
        for (i, first) in words.iter().enumerate() {
            // The first word may carry و or ف (فلا علاقة لنا); any word may carry the article or
            // بـ with it: «الادعاءات الباطلة» matches «ادعاءات باطلة»، «بالأكاذيب» «أكاذيب».
            let firsts = [Some(*first), first.strip_prefix('و'), first.strip_prefix('ف')];
            for p in firsts
                .iter()
                .flatten()
                .filter_map(|f| self.denial_index.get(without_article(f)))
                .flatten()
                .map(|&r| &self.denials[r])
            {
                if words.len() < i + p.words.len() {
                    continue;
                }
                let mut ok = words[i + 1..i + p.words.len()]
                    .iter()
                    .zip(&p.words[1..])
                    .all(|(a, b)| without_article(a) == without_article(b));
                if ok && p.joined_l {
                    ok = words.get(i + p.words.len()).is_some_and(|n| n.starts_with('ل'));
                }
                if ok {
                    return true;
                }
            }
        }
        false
    }
}

/// A folded word without the article or بـ + the article (الأكاذيب، بالأكاذيب → أكاذيب).
fn without_article(w: &str) -> &str {
    let r = w.strip_prefix("بال").or_else(|| w.strip_prefix("ال")).unwrap_or(w);
    if r.chars().count() >= 3 {
        r
    } else {
        w
    }
}

/// Calls `f` with each reading of a word as a head, until `f` returns true: the word itself,
/// without a proclitic (و ف ب ل and pairs), without a possessive pronoun (صديقته → صديقة،
/// والده → والد) and without the article (الرئيس → رئيس), with the letters of proclitic
/// stripped. Allocates only for the two spellings that change a letter (لل → ال، ـته → ـة).
fn for_variants(w: &str, f: &mut dyn FnMut(&str, usize) -> bool) -> bool {
    fn with_article_and_possessive(s: &str, n: usize, f: &mut dyn FnMut(&str, usize) -> bool) -> bool {
        fn bare(x: &str) -> Option<&str> {
            x.strip_prefix("ال").filter(|r| r.chars().count() >= 2)
        }
        if f(s, n) || bare(s).is_some_and(|r| f(r, n)) {
            return true;
        }
        for suf in ["ه", "ها", "هم", "هما"] {
            let Some(base) = s.strip_suffix(suf).filter(|b| b.chars().count() >= 3) else { continue };
            let hit = match base.strip_suffix('ت') {
                Some(b) => {
                    let fem = format!("{b}ه");
                    f(&fem, n) || bare(&fem).is_some_and(|r| f(r, n))
                }
                None => f(base, n) || bare(base).is_some_and(|r| f(r, n)),
            };
            if hit {
                return true;
            }
        }
        false
    }
    if with_article_and_possessive(w, 0, f) {
        return true;
    }
    for pre in ["و", "ف", "ب", "ل", "وب", "ول", "فب"] {
        let Some(rest) = w.strip_prefix(pre).filter(|r| r.chars().count() >= 2) else { continue };
        let n = pre.chars().count();
        if with_article_and_possessive(rest, n, f) {
            return true;
        }
        // لـ + ال is written لل: للولايات = ل + الولايات.
        if pre.ends_with('ل') && rest.starts_with('ل') && with_article_and_possessive(&format!("ا{rest}"), n, f) {
            return true;
        }
    }
    // The accusative ending (مصدراً مسؤولاً، after أن or كان): the alef of the tanween.
    if let Some(base) = w.strip_suffix('ا').filter(|b| b.chars().count() >= 3 && !b.ends_with('ا')) {
        return f(base, 0);
    }
    false
}

/// Matches the words of `p` after the first against the tokens after `i`; the index after the match.
fn match_rest(toks: &[Token], i: usize, p: &Phrase) -> Option<usize> {
    let mut j = i + 1;
    for w in &p.words[1..] {
        let t = toks.get(j)?;
        if !t.is_word()
            || (t.norm != *w && t.norm.strip_prefix("ال") != Some(w.as_str()) && w.strip_prefix("ال") != Some(&t.norm))
        {
            return None;
        }
        j += 1;
    }
    Some(j)
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
fn inflect(past: &str, present: &str, participle: &str, extra: &[&str]) -> Vec<(String, Inflection)> {
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

/// What the tagger knows of one token.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tag {
    pub cue: Option<CueMatch>,
    /// A complementizer; `Some(true)` when it carries a pronoun (أنه).
    pub that: Option<bool>,
}

/// Tags every token: reporting verbs and complementizers.
pub fn tag(toks: &[Token], lex: &Lexicon) -> Vec<Tag> {
    toks.iter()
        .map(|t| {
            if t.kind != TokKind::Word {
                return Tag::default();
            }
            Tag { cue: lex.cue(&t.norm), that: lex.complementizer(&t.norm) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_file_loads() {
        if let Err(e) = Lexicon::load() {
            panic!("{e}");
        }
    }

    fn cue(w: &str) -> Option<(String, Inflection, bool)> {
        let lex = Lexicon::get();
        lex.cue(&fold(w)).map(|m| (lex.cues[m.entry].lemma.clone(), m.infl, m.conj))
    }

    #[test]
    fn verbs_are_found_in_every_person_tense_and_with_clitics() {
        for (w, lemma) in [
            ("قال", "قال"),
            ("قالت", "قال"),
            ("قالوا", "قال"),
            ("يقول", "قال"),
            ("تقول", "قال"),
            ("وقال", "قال"),
            ("فقال", "قال"),
            ("وقالت", "قال"),
            ("وأضاف", "أضاف"),
            ("وأضافت", "أضاف"),
            ("وتابع", "تابع"),
            ("يؤكد", "أكد"),
            ("مؤكداً", "أكد"),
            ("مؤكدة", "أكد"),
            ("مشيراً", "أشار"),
            ("لافتاً", "لفت"),
            ("سيقول", "قال"),
            ("نفى", "نفى"),
            ("نفت", "نفى"),
            ("ونفى", "نفى"),
            ("ينفي", "نفى"),
            ("تنفي", "نفى"),
            ("نفاه", "نفى"),
            ("اعتبرته", "اعتبر"),
            ("ووصفت", "وصف"),
            ("يدعو", "دعا"),
            ("دعت", "دعا"),
            ("وأفادت", "أفاد"),
            ("قائلاً", "قال"),
            ("قلت", "قال"),
            ("أخبروه", "أخبر"),
            ("أبلغوها", "أبلغ"),
        ] {
            assert_eq!(cue(w).map(|c| c.0), Some(lemma.to_string()), "{w}");
        }
    }

    #[test]
    fn inflection_carries_gender_and_conjunction() {
        let (_, infl, conj) = cue("وأضافت").unwrap();
        assert_eq!(infl.gender, Gender::Fem);
        assert!(conj);
        let (_, infl, conj) = cue("مشيراً").unwrap();
        assert_eq!(infl.form, VerbForm::Participle);
        assert!(!conj);
    }

    #[test]
    fn words_that_only_look_like_verbs_are_not_cues() {
        for w in ["قالب", "وزارة", "المتحدث", "التقارير", "القول", "مشير"] {
            assert!(cue(w).is_none(), "{w}");
        }
    }

    #[test]
    fn complementizers_with_and_without_pronouns() {
        let lex = Lexicon::get();
        assert_eq!(lex.complementizer(&fold("أن")), Some(false));
        assert_eq!(lex.complementizer(&fold("بأن")), Some(false));
        assert_eq!(lex.complementizer(&fold("إنه")), Some(true));
        assert_eq!(lex.complementizer(&fold("بأنها")), Some(true));
        assert_eq!(lex.complementizer(&fold("إنما")), None);
        assert_eq!(lex.complementizer(&fold("انتهى")), None);
    }

    #[test]
    fn entities_match_with_clitics_and_article() {
        let lex = Lexicon::get();
        let text = "للولايات المتحدة والرئيس وكالة";
        let toks = crate::tokenize::tokenize(text);
        let (info, end, pre) = lex.entity_at(&toks, 0).unwrap();
        assert_eq!((info.class, end, pre), (EntityClass::Place, 2, 1));
        assert_eq!(lex.entity_at(&toks, 2).unwrap().0.class, EntityClass::Title);
        assert_eq!(lex.entity_at(&toks, 3).unwrap().0.class, EntityClass::Media);
    }
}
