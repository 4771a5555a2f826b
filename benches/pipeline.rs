//! Native benchmarks of the whole pipeline and of each stage, on 200, 2,000 and 20,000-word
//! documents of real news text (see `support/corpus.rs`). Throughput is in bytes of UTF-8 input, so
//! criterion prints MB/s (MiB/s) for every line and the slow stage stands out.
//!
//!   cargo bench --bench pipeline                  everything (a few minutes)
//!   cargo bench --bench pipeline -- full          the full pipeline only
//!   cargo bench --bench pipeline -- 'stage/.*/2000'  every stage on 2,000 words
//!
//! Results are in BENCHMARKS.md. Each stage is measured on the output of the stages before it,
//! computed once outside the timed loop; a stage that consumes its input (speakers, offsets) gets
//! a fresh copy per iteration, made outside the timing by `iter_batched`.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{black_box, criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use isnad::lexicon::{self, Lexicon};
use isnad::{normalize, quotes, speakers, statements, tokenize, OffsetUnit};
use std::path::Path;
use std::time::Duration;

fn documents() -> Vec<(usize, String)> {
    let corpus = corpus::Corpus::load(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("cannot build the benchmark documents: {e}"));
    eprintln!("benchmark documents from {}", corpus.describe());
    corpus::SIZES
        .iter()
        .map(|&n| {
            let doc = corpus.document(n);
            assert_eq!(doc.split_whitespace().count(), n, "the {n}-word document has the wrong length");
            eprintln!("  {n} words: {} bytes", doc.len());
            (n, doc)
        })
        .collect()
}

/// `isnad::analyze` as the JS API (UTF-16 offsets) and the CLI (code points) call it.
fn full(c: &mut Criterion) {
    let docs = documents();
    let mut g = c.benchmark_group("full");
    for (words, doc) in &docs {
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze_utf16", words), doc, |b, doc| {
            b.iter(|| isnad::analyze(black_box(doc), OffsetUnit::Utf16))
        });
        // What the CLI does after analyzing: the JSON text.
        g.bench_with_input(BenchmarkId::new("analyze_json", words), doc, |b, doc| {
            b.iter(|| serde_json::to_string(&isnad::analyze(black_box(doc), OffsetUnit::CodePoint)).unwrap())
        });
    }
    g.finish();
}

/// One line per stage, in pipeline order, so their times add up to about `full/analyze_utf16`.
fn stages(c: &mut Criterion) {
    let docs = documents();
    let lex = Lexicon::get();
    let mut g = c.benchmark_group("stage");
    for (words, doc) in &docs {
        let text = doc.as_str();
        let tokens = tokenize::tokenize(text);
        let tags = lexicon::tag(&tokens, lex);
        let qs = quotes::find_quotes(text, &tokens);
        let events = statements::find(text, &tokens, &tags, &qs, lex);
        let analysis = speakers::resolve(text, &tokens, events.clone(), lex, speakers::Choose::Learned).0;
        g.throughput(Throughput::Bytes(text.len() as u64));

        // Folding alone (tokenize folds each word as it goes; this is the whole text at once).
        g.bench_with_input(BenchmarkId::new("1_normalize", words), &text, |b, t| {
            b.iter(|| normalize::fold(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("2_tokenize", words), &text, |b, t| {
            b.iter(|| tokenize::tokenize(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("3_tag", words), &tokens, |b, toks| {
            b.iter(|| lexicon::tag(black_box(toks), lex))
        });
        g.bench_with_input(BenchmarkId::new("4_quotes", words), &tokens, |b, toks| {
            b.iter(|| quotes::find_quotes(black_box(text), black_box(toks)))
        });
        g.bench_with_input(BenchmarkId::new("5_statements", words), &tokens, |b, toks| {
            b.iter(|| statements::find(black_box(text), toks, &tags, &qs, lex))
        });
        g.bench_with_input(BenchmarkId::new("6_speakers", words), &events, |b, ev| {
            b.iter_batched(
                || ev.clone(),
                |ev| speakers::resolve(black_box(text), &tokens, ev, lex, speakers::Choose::Learned),
                BatchSize::SmallInput,
            )
        });
        g.bench_with_input(BenchmarkId::new("7_offsets_utf16", words), &analysis, |b, a| {
            b.iter_batched(
                || a.clone(),
                |mut a| {
                    a.convert_offsets(black_box(text), OffsetUnit::Utf16);
                    a
                },
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

fn config() -> Criterion {
    // Short runs: the machine is shared and the documents are small; the noise is reported.
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

criterion_group! { name = benches; config = config(); targets = full, stages }
criterion_main!(benches);
