//! The analysis JSON: the one format shared by the CLI, the JS API and the page.
//!
//! The pipeline works in byte offsets of the user's text; this module is the only place that
//! turns them into the offsets a consumer indexes with: Unicode code points for the CLI (Python's
//! `text[start:end]`) and UTF-16 code units for JavaScript (`text.slice(start, end)`).

use serde::Serialize;

// On wasm32, each type also derives `tsify::Tsify`: a TypeScript declaration of exactly the JSON
// serde writes (field names, optional fields, string unions, offsets as `number`), which
// wasm-bindgen puts in isnad.d.ts. It adds no code to the .wasm; the core still knows no JS.

/// What an offset counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust's `&text[start..end]`).
    Byte,
    /// Unicode scalar values (Python's `text[start:end]`).
    CodePoint,
    /// UTF-16 code units (JavaScript's `text.slice(start, end)`).
    Utf16,
}

/// A range of the text the user gave, with the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Span {
    /// First unit of the span: UTF-16 code units in JavaScript, code points in the CLI.
    pub start: usize,
    /// One past the last unit, so `text.slice(start, end) === span.text` in JavaScript.
    pub end: usize,
    /// The text the span covers.
    pub text: String,
}

/// Who the speaker is: a person, an organization, a media outlet, or `anonymous`, an unnamed
/// source («مصدر مطلع»).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    Media,
    Anonymous,
}

/// A speaker's gender where Arabic says it: the verb that agrees with them (قالت، وأضافت) or a
/// feminine title (الوزيرة، المتحدثة). Only for persons and unnamed individual sources; absent
/// when the text does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
}

/// Whether the speaker asserted the content or denied it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Asserted.
    Claim,
    /// Denied or refuted.
    Denial,
}

/// How the content is reported: `direct` (a quotation), `indirect` (in the journalist's words) or
/// `mixed` (reported, with quoted words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The content is a quotation.
    Direct,
    /// The content is reported in the journalist's words (إن / أن clause, noun phrase).
    Indirect,
    /// An indirect clause that also carries quoted words.
    Mixed,
}

/// Someone a statement is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Speaker {
    /// Its index in `speakers`.
    pub id: usize,
    /// The most complete name the text gives.
    pub name: String,
    /// Titles and appositions, e.g. «المتحدث الرسمي باسم الرئاسة الروسية»; empty when none.
    pub role: String,
    pub kind: SpeakerKind,
    /// `female` or `male` where the text marks it (see [`Gender`]); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Every place the text names or refers to this speaker, in text order.
    pub mentions: Vec<Span>,
}

/// One claim or denial: who said it, the cue that introduces it and what was said.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Statement {
    /// Its index in `statements`, which are in text order.
    pub id: usize,
    /// Index into `speakers`.
    pub speaker: usize,
    /// The isnad, when the text gives the words through someone else: indices into `speakers`
    /// from the party that reports them to the one they started from, `speaker` among them
    /// («ذكرت رويترز نقلاً عن مصادر» → [رويترز، مصادر]; «قال البيت الأبيض إن بايدن أبلغ بوتين
    /// أن …» → the inner statement's [البيت الأبيض، بايدن]). Absent for words heard directly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<Vec<usize>>,
    pub kind: StatementKind,
    pub form: Form,
    /// The verb or phrase that introduces the speech (قال، نفى، بحسب …).
    pub cue: Span,
    /// What was said.
    pub content: Span,
    /// For a denial: the claim or accusation it answers, when the text states it outside the
    /// denial's own content. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejects: Option<Target>,
    /// 0..1: how strong the evidence for this attribution is.
    pub confidence: f32,
    /// Which rule produced it and why its speaker was chosen (for `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
}

/// What a denial answers: the words of the text that state the claim or accusation, and the
/// statement whose content they are, when they are one («ذكرت رويترز أن …» … «ونفى الكرملين …»);
/// none when it is the journalist's own words («ووجهت لها تهمة التآمر …، وهو ما نفته عائلتها»).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Target {
    /// First unit of the answered words, as in [`Span`].
    pub start: usize,
    /// One past the last unit.
    pub end: usize,
    /// The answered words.
    pub text: String,
    /// Index into `statements`: the statement whose content this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<usize>,
}

impl Target {
    /// The answered words as a [`Span`].
    pub fn span(&self) -> Span {
        Span { start: self.start, end: self.end, text: self.text.clone() }
    }
}

/// How many speakers of each kind the text quotes: named persons, bodies, outlets and
/// anonymous sources (every party of a chain included).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Sources {
    pub person: usize,
    pub organization: usize,
    pub media: usize,
    pub anonymous: usize,
}

impl Sources {
    /// The counts of `speakers`.
    pub fn of(speakers: &[Speaker]) -> Sources {
        let mut s = Sources::default();
        for sp in speakers {
            *match sp.kind {
                SpeakerKind::Person => &mut s.person,
                SpeakerKind::Organization => &mut s.organization,
                SpeakerKind::Media => &mut s.media,
                SpeakerKind::Anonymous => &mut s.anonymous,
            } += 1;
        }
        s
    }
}

/// Who spoke and what each claimed or denied, with every span pointing into the analyzed text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Analysis {
    /// Everyone a statement is attributed to.
    pub speakers: Vec<Speaker>,
    /// What was said, in text order.
    pub statements: Vec<Statement>,
    /// How many speakers of each kind.
    pub sources: Sources,
    /// Notes on odd input (no Arabic, unclosed quotes, …). Analysis never fails; it says so here.
    pub diagnostics: Vec<String>,
}

/// Keeps the items of `v` whose flag (by position) is set.
pub(crate) fn retain_flagged<T>(v: &mut Vec<T>, flags: &[bool]) {
    let mut i = 0;
    v.retain(|_| {
        i += 1;
        flags[i - 1]
    });
}

impl Analysis {
    /// Keeps the statements whose flag (by position) is set, numbering them again in order; true
    /// when one was dropped. (Before denials' targets are linked: ids are not referred to yet.)
    pub(crate) fn keep_statements(&mut self, keep: &[bool]) -> bool {
        if keep.iter().all(|&k| k) {
            return false;
        }
        retain_flagged(&mut self.statements, keep);
        for (i, st) in self.statements.iter_mut().enumerate() {
            st.id = i;
        }
        true
    }

    /// Rewrites every span from byte offsets into `unit`, for the same `text` the analysis came from.
    pub fn convert_offsets(&mut self, text: &str, unit: OffsetUnit) {
        if unit == OffsetUnit::Byte {
            return;
        }
        let conv = OffsetMap::new(text, unit);
        for sp in &mut self.speakers {
            for m in &mut sp.mentions {
                conv.apply(m);
            }
        }
        for st in &mut self.statements {
            conv.apply(&mut st.cue);
            conv.apply(&mut st.content);
            if let Some(t) = &mut st.rejects {
                (t.start, t.end) = (conv.to_unit(t.start), conv.to_unit(t.end));
            }
        }
    }
}

/// Byte offset → code point or UTF-16 offset, by binary search over the char starts.
struct OffsetMap {
    /// (byte offset, unit offset) of every char start, plus the end of the text.
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    fn new(text: &str, unit: OffsetUnit) -> OffsetMap {
        let mut points = Vec::with_capacity(text.len() / 2 + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            points.push((b, u));
            u += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
        }
        points.push((text.len(), u));
        OffsetMap { points }
    }

    fn to_unit(&self, byte: usize) -> usize {
        match self.points.binary_search_by_key(&byte, |p| p.0) {
            Ok(i) => self.points[i].1,
            // Not a char boundary: cannot happen for spans the pipeline makes; round down.
            Err(i) => self.points[i.saturating_sub(1)].1,
        }
    }

    fn apply(&self, span: &mut Span) {
        span.start = self.to_unit(span.start);
        span.end = self.to_unit(span.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_code_points_and_utf16_units() {
        let text = "😀 قال";
        let start = text.find('ق').unwrap();
        let mk = || Analysis {
            speakers: vec![],
            statements: vec![Statement {
                id: 0,
                speaker: 0,
                chain: None,
                kind: StatementKind::Claim,
                form: Form::Direct,
                cue: Span { start, end: text.len(), text: "قال".into() },
                content: Span { start, end: text.len(), text: "قال".into() },
                rejects: Some(Target { start, end: text.len(), text: "قال".into(), statement: None }),
                confidence: 1.0,
                explain: None,
            }],
            sources: Sources::default(),
            diagnostics: vec![],
        };
        let mut cp = mk();
        cp.convert_offsets(text, OffsetUnit::CodePoint);
        assert_eq!((cp.statements[0].cue.start, cp.statements[0].cue.end), (2, 5));
        let target = cp.statements[0].rejects.as_ref().unwrap();
        assert_eq!((target.start, target.end), (2, 5));
        let mut u16 = mk();
        u16.convert_offsets(text, OffsetUnit::Utf16);
        assert_eq!((u16.statements[0].cue.start, u16.statements[0].cue.end), (3, 6));
    }
}
