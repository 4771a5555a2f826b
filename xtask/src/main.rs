//! `cargo xtask`: build, serve and test isnad's web page. Dependency-free on purpose: it only
//! runs other tools (cargo, wasm-bindgen, wasm-opt, node) and serves files with std.
//!
//!   cargo xtask dist            build the page into dist/ (with the npm package, the examples and the
//!                               browser extension), the Python wheel into dist/python/
//!   cargo xtask serve           dist, then serve dist/ at http://127.0.0.1:8080 (PORT to change)
//!   cargo xtask test [STEP..]   every test: native, python, spark, wasm-node, wasm-browser, e2e,
//!                               extension
//!   cargo xtask bench           the browser benchmark and dist/ sizes (see BENCHMARKS.md)
//!   cargo xtask train           learn model/*.tsv from the annotated real articles
//!   cargo xtask mine            candidate lexicon rows from ../shared/corpus, into lexicons/mined/
//!
//! Each tool is installed only when missing (see `tools.rs`).

mod bench;
mod dist;
mod examples;
mod extension;
mod join;
mod mine;
mod npm;
mod python;
mod serve;
mod spark;
mod test;
mod tools;
mod train;
mod util;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  dist                 build the page into dist/ (wasm + bindings + www/ + seeds/), the npm
                       package into dist/npm/, the embedding examples into dist/examples/, the
                       browser extension into dist/extension/ (and its zip) and the Python wheel
                       into dist/python/
  serve [--no-dist]    build dist/ (unless --no-dist), then serve it at http://127.0.0.1:8080
                       (set PORT to change the port); runs until Ctrl-C
  test [STEP...]       run every test, or only the given steps:
                         native        cargo test --workspace
                         python        the Python package's wheel, installed in target/py-venv
                                       (with maturin and pytest), under pytest
                         spark         a local Spark job (pyspark, Java) over an archive drawn from
                                       ../shared/corpus: RDD.pipe through the CLI and
                                       mapPartitions with the package, against isnad --jsonl
                         wasm-node     tests/wasm.rs in node (wasm-bindgen-test-runner)
                         wasm-browser  tests/wasm.rs in headless Chromium
                         e2e           cargo xtask dist, then tests/e2e/ in headless Chromium (the
                                       page, the examples, the npm package and its types)
                         extension     cargo xtask dist, then tests/extension/: the extension loaded
                                       into headless Chromium, on saved news pages
  setup                install every missing tool (wasm target, wasm-bindgen CLI, Chromium, npm
                       packages, the Python venv with maturin, pytest and pyspark, Java)
  bench [--no-dist] [--runs N] [--cold N] [--native [FILE] | --native-only [FILE]]
                       dist, then time the JS API in headless Chromium (first analyses in fresh
                       contexts, steady median) and size dist/; --native: the CLI on one core over
                       a whole corpus collection, MB/s (BENCHMARKS.md)
  mine [CORPUS_DIR]    derive candidate lexicon rows (titles), with counts and an example each,
                       from the corpus (default ../shared/corpus) into lexicons/mined/
  train [--check]      learn the weights in model/ from tests/data/real/ (model/train.py), after
                       measuring them on batches held out; --check: measure only, write nothing

Tools are installed only when missing: the wasm32 target (rustup), wasm-bindgen-cli at the
version in Cargo.lock (cargo install), Chromium and its driver (apt-get, as root), the npm
packages of package.json (npm ci), and a venv in target/py-venv with maturin and pytest at the
versions of bindings/python/requirements-dev.txt (pip; Debian's python3-venv with apt-get, as root),
and for the Spark tests pyspark at the version of bindings/python/requirements-spark.txt in the
same venv and Java 17 or newer (Debian's default-jre-headless with apt-get, as root).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") if args.len() == 1 => dist::dist().and_then(|d| python::dist(&d)).map(|_| ()),
        Some("serve") => match &args[1..] {
            [] => serve::serve_cmd(true),
            [flag] if flag == "--no-dist" => serve::serve_cmd(false),
            _ => Err(format!("unknown arguments to serve: {:?}\n\n{USAGE}", &args[1..])),
        },
        Some("test") => test::test_cmd(&args[1..]),
        Some("setup") if args.len() == 1 => tools::setup_all(),
        Some("bench") => bench::bench_cmd(&args[1..]),
        Some("train") => train::train_cmd(&args[1..]),
        Some("mine") => mine::mine_cmd(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        None => Err(format!("no command given\n\n{USAGE}")),
        Some(_) => Err(format!("unknown command: {}\n\n{USAGE}", args.join(" "))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("\nxtask: error: {msg}");
            ExitCode::FAILURE
        }
    }
}
