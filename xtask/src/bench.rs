//! `cargo xtask bench`: the browser benchmark (tests/bench/browser.mjs) on a fresh dist/.
//!
//! Builds dist/ (unless `--no-dist`), writes the benchmark documents to target/bench/ — made by
//! the same code as the native benchmarks' (benches/support/corpus.rs), so both measure the same
//! text — and runs the JS API in headless Chromium. It prints the figures BENCHMARKS.md records
//! and writes them all to target/bench/browser.json. The native benchmarks are
//! `cargo bench --bench pipeline`. Neither is part of `cargo xtask test`: timings are not tests.

#[path = "../../benches/support/corpus.rs"]
mod corpus;

use crate::util::{root, run};
use crate::{dist, tools};
use std::process::Command;

pub fn bench_cmd(args: &[String]) -> Result<(), String> {
    let mut build = true;
    let mut pass = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--no-dist" => build = false,
            "--runs" | "--cold" => {
                let v = it.next().ok_or_else(|| format!("{a} needs a number, e.g. {a} 100"))?;
                v.parse::<u32>().map_err(|_| format!("{a} needs a whole number, not {v:?}"))?;
                pass.push(a.clone());
                pass.push(v.clone());
            }
            _ => return Err(format!("unknown argument to bench: {a:?} (known: --no-dist, --runs N, --cold N)")),
        }
    }
    if build {
        dist::dist()?;
    } else if !dist::dist_dir().join("pkg/isnad_bg.wasm").is_file() {
        return Err("dist/ has no pkg/isnad_bg.wasm: run `cargo xtask bench` without --no-dist".into());
    }
    tools::npm_packages()?;
    tools::chromium()?;

    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let corpus = corpus::Corpus::load(&root())?;
    eprintln!("xtask: benchmark documents from {}", corpus.describe());
    for n in corpus::SIZES {
        let path = out.join(format!("doc-{n}.txt"));
        std::fs::write(&path, corpus.document(n)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    run(
        Command::new("node")
            .arg(root().join("tests/bench/browser.mjs"))
            .arg("--docs")
            .arg(&out)
            .arg("--out")
            .arg(out.join("browser.json"))
            .args(&pass)
            .current_dir(root()),
        "the browser benchmark failed; its message is above",
    )
}
