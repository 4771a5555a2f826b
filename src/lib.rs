//! isnad: who said what in Arabic news text.
//!
//! `analyze(text)` finds reported speech — the speakers, with their titles, and each statement
//! they made, claim or denial — and returns it as an [`Analysis`] whose spans point into `text`.
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! normalize → tokenize → lexicon tagging → quotes → statements → speakers → chains → rejects → output.
//!
//! ```
//! let text = "قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا.";
//! let analysis = isnad::analyze(text, isnad::OffsetUnit::Byte);
//! let st = &analysis.statements[0];
//! assert_eq!(st.cue.text, "قال");
//! assert_eq!(&text[st.content.start..st.content.end], st.content.text);
//! ```

pub mod chains;
mod fastmap;
pub mod learn;
pub mod lexicon;
pub mod mentions;
pub mod normalize;
pub mod output;
pub mod quotes;
pub mod rejects;
pub mod speakers;
pub mod statements;
pub mod tokenize;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use output::{
    Analysis, Form, Gender, OffsetUnit, Sources, Span, Speaker, SpeakerKind, Statement, StatementKind, Target,
};

/// Analyzes `text` and returns its speakers and statements with offsets in `unit`.
///
/// Never panics and never fails: odd input (no Arabic, broken quotes) gives an empty or partial
/// analysis with `diagnostics` saying why.
pub fn analyze(text: &str, unit: OffsetUnit) -> Analysis {
    let mut analysis = analyze_bytes(text);
    analysis.convert_offsets(text, unit);
    analysis
}

/// The analysis by the rules alone, with each unnamed subject's candidates and their features:
/// what `cargo xtask train` learns from (offsets in code points, as the CLI gives them).
pub fn analyze_for_training(text: &str) -> (Analysis, Vec<speakers::Candidates>) {
    let (mut analysis, features) = pipeline(text, speakers::Choose::Record);
    analysis.convert_offsets(text, OffsetUnit::CodePoint);
    (analysis, features)
}

/// The pipeline, with byte offsets.
fn analyze_bytes(text: &str) -> Analysis {
    pipeline(text, speakers::Choose::Learned).0
}

fn pipeline(text: &str, choose: speakers::Choose) -> (Analysis, Vec<speakers::Candidates>) {
    let lex = lexicon::Lexicon::get();
    let tokens = tokenize::tokenize(text);
    let tagged = lexicon::tag(&tokens, lex);
    let quotes = quotes::find_quotes(text, &tokens);
    let found = statements::find(text, &tokens, &tagged, &quotes, lex);
    let (mut analysis, features) = speakers::resolve(text, &tokens, found, lex, choose);
    chains::link(&mut analysis);
    rejects::link(text, &tokens, &tagged, lex, &mut analysis);
    if !text.chars().any(normalize::is_arabic_letter) && !text.trim().is_empty() {
        analysis.diagnostics.push("the text has no Arabic letters: isnad reads Arabic news text".into());
    }
    if quotes.unclosed > 0 {
        analysis.diagnostics.push(format!(
            "{} quotation mark(s) are never closed or opened; those passages are read as narration",
            quotes.unclosed
        ));
    }
    (analysis, features)
}

/// A plain-text account of each statement: its cue, the rule that found it and why its speaker
/// was chosen (the CLI's `--explain`).
pub fn explain(analysis: &Analysis) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for st in &analysis.statements {
        let sp = &analysis.speakers[st.speaker];
        let _ = writeln!(
            out,
            "#{} {:?} {:?} by «{}» ({:?}) cue «{}» at {}..{} confidence {:.2}\n   content: «{}»\n   why: {}",
            st.id,
            st.kind,
            st.form,
            sp.name,
            sp.kind,
            st.cue.text,
            st.cue.start,
            st.cue.end,
            st.confidence,
            st.content.text,
            st.explain.as_deref().unwrap_or("-")
        );
    }
    out
}
