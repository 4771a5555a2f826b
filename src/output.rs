//! The analysis JSON: the one format shared by the CLI, the JS API and the page.
//!
//! The pipeline works in byte offsets of the user's text; this module is the only place that
//! turns them into the offsets a consumer indexes with: Unicode code points for the CLI (Python's
//! `text[start:end]`) and UTF-16 code units for JavaScript (`text.slice(start, end)`).

use serde::Serialize;

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
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    Media,
    Anonymous,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    Claim,
    Denial,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The content is a quotation.
    Direct,
    /// The content is reported in the journalist's words (إن / أن clause, noun phrase).
    Indirect,
    /// An indirect clause that also carries quoted words.
    Mixed,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    pub id: usize,
    /// The most complete name the text gives.
    pub name: String,
    /// Titles and appositions, e.g. «المتحدث الرسمي باسم الرئاسة الروسية»; empty when none.
    pub role: String,
    pub kind: SpeakerKind,
    /// Every place the text names or refers to this speaker, in text order.
    pub mentions: Vec<Span>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    pub id: usize,
    /// Index into `speakers`.
    pub speaker: usize,
    pub kind: StatementKind,
    pub form: Form,
    pub cue: Span,
    pub content: Span,
    /// 0..1: how strong the evidence for this attribution is.
    pub confidence: f32,
    /// Which rule produced it and why its speaker was chosen (for `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub speakers: Vec<Speaker>,
    pub statements: Vec<Statement>,
    /// Notes on odd input (no Arabic, unclosed quotes, …). Analysis never fails; it says so here.
    pub diagnostics: Vec<String>,
}

impl Analysis {
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
                kind: StatementKind::Claim,
                form: Form::Direct,
                cue: Span { start, end: text.len(), text: "قال".into() },
                content: Span { start, end: text.len(), text: "قال".into() },
                confidence: 1.0,
                explain: None,
            }],
            diagnostics: vec![],
        };
        let mut cp = mk();
        cp.convert_offsets(text, OffsetUnit::CodePoint);
        assert_eq!((cp.statements[0].cue.start, cp.statements[0].cue.end), (2, 5));
        let mut u16 = mk();
        u16.convert_offsets(text, OffsetUnit::Utf16);
        assert_eq!((u16.statements[0].cue.start, u16.statements[0].cue.end), (3, 6));
    }
}
