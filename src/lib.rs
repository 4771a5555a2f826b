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

/// What `cargo xtask train` learns from: the analysis by the rules alone (offsets in code points,
/// as the CLI gives them), each unnamed subject's candidates with their features, and each
/// statement's features for the statement filter.
pub struct Training {
    pub analysis: Analysis,
    pub candidates: Vec<speakers::Candidates>,
    pub statements: Vec<Vec<String>>,
}

/// The analysis by the rules alone, with the features the learned decisions see (`Training`).
/// Native only: compiled to wasm, the pipeline never records (see `pipeline`), so this gives the
/// analysis `analyze` gives and no features.
pub fn analyze_for_training(text: &str) -> Training {
    let (mut analysis, candidates, statements) = pipeline(text, speakers::Choose::Record);
    analysis.convert_offsets(text, OffsetUnit::CodePoint);
    Training { analysis, candidates, statements }
}

/// The pipeline, with byte offsets.
fn analyze_bytes(text: &str) -> Analysis {
    pipeline(text, speakers::Choose::Learned).0
}

/// The pipeline; when recording (training), no learned decision is taken and each statement's
/// features are returned as well.
fn pipeline(text: &str, choose: speakers::Choose) -> (Analysis, Vec<speakers::Candidates>, Vec<Vec<String>>) {
    // (The wasm never records: training runs natively. A constant here lets the compiler leave
    // the recording code — every feature written as a string — out of the wasm.)
    #[cfg(target_arch = "wasm32")]
    let choose = {
        let _ = choose;
        speakers::Choose::Learned
    };
    let lex = lexicon::Lexicon::get();
    let tokens = tokenize::tokenize(text);
    let tagged = lexicon::tag(&tokens, lex);
    let quotes = quotes::find_quotes(text, &tokens);
    let found = statements::find(text, &tokens, &tagged, &quotes, lex);
    let record = matches!(choose, speakers::Choose::Record);
    let (mut analysis, features) = speakers::resolve(text, &tokens, found, lex, choose);
    let (kept, dropped) = if record {
        (learn::statement_features(text, &analysis), false)
    } else {
        (vec![], learn::filter(text, &mut analysis))
    };
    let passed_on = chains::link(&mut analysis);
    rejects::link(text, &tokens, &tagged, lex, &mut analysis);
    if dropped || passed_on {
        learn::prune_speakers(&mut analysis);
    }
    if !text.chars().any(normalize::is_arabic_letter) && !text.trim().is_empty() {
        analysis.diagnostics.push("the text has no Arabic letters: isnad reads Arabic news text".into());
    }
    if quotes.unclosed > 0 {
        analysis.diagnostics.push(format!(
            "{} quotation mark(s) are never closed or opened; those passages are read as narration",
            quotes.unclosed
        ));
    }
    (analysis, features, kept)
}

/// A plain-text account of each statement: its cue, the rule that found it and why its speaker
/// was chosen, the chain it came through and what a denial answers (the CLI's `--explain`).
pub fn explain(analysis: &Analysis) -> String {
    use std::fmt::Write;
    let name = |s: usize| analysis.speakers.get(s).map_or("?", |sp| sp.name.as_str());
    let mut out = String::new();
    for st in &analysis.statements {
        let sp = &analysis.speakers[st.speaker];
        let gender = match sp.gender {
            Some(Gender::Female) => ", female",
            Some(Gender::Male) => ", male",
            None => "",
        };
        let _ = writeln!(
            out,
            "#{} {:?} {:?} by «{}» ({:?}{gender}) cue «{}» at {}..{} confidence {:.2}\n   content: «{}»",
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
        );
        if let Some(chain) = &st.chain {
            let parties: Vec<String> = chain.iter().map(|&s| format!("«{}»", name(s))).collect();
            let _ = writeln!(out, "   chain: {} (heard through, outermost first)", parties.join(" ← "));
        }
        if let Some(t) = &st.rejects {
            let whose = match t.statement {
                Some(o) => format!("the content of #{o} by «{}»", name(analysis.statements[o].speaker)),
                None => "an accusation in the journalist's words".to_string(),
            };
            let _ = writeln!(out, "   answers {whose} at {}..{}: «{}»", t.start, t.end, t.text);
        }
        let _ = writeln!(out, "   why: {}", st.explain.as_deref().unwrap_or("-"));
    }
    if !analysis.speakers.is_empty() {
        let s = &analysis.sources;
        let _ = writeln!(
            out,
            "sources: {} persons, {} bodies, {} media, {} anonymous",
            s.person, s.organization, s.media, s.anonymous
        );
    }
    out
}
