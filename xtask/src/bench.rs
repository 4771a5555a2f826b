//! `cargo xtask bench`: the browser benchmark (tests/bench/browser.mjs) on a fresh dist/, and the
//! native throughput of the CLI over a whole corpus collection.
//!
//! Browser: builds dist/ (unless `--no-dist`) and runs the JS API in headless Chromium on the
//! texts of benches/texts/ (real articles of about 200, 2,000 and 20,000 words, committed, so
//! this runs without ../shared): init, the first analysis and the 2nd-10th in fresh browser
//! contexts, with and without init({ warm: true }), and the steady median. It prints the figures
//! BENCHMARKS.md records and writes them all to target/bench/browser.json.
//!
//! Native (`--native [FILE]`, or `--native-only`): `isnad --jsonl --threads 1` over a whole
//! collection (default ../shared/corpus/ant-2018.jsonl.gz, decompressed to target/bench/ first
//! so that gzip is not timed), output to /dev/null: MB/s of input on one core.
//! Neither is part of `cargo xtask test`: timings are not tests. The criterion benchmarks of
//! each stage are `cargo bench --bench pipeline`.

use crate::util::{cargo, root, run};
use crate::{dist, tools};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

const DEFAULT_COLLECTION: &str = "../shared/corpus/ant-2018.jsonl.gz";

pub fn bench_cmd(args: &[String]) -> Result<(), String> {
    let mut build = true;
    let mut browser = true;
    let mut native: Option<PathBuf> = None;
    let mut pass = Vec::new();
    let mut it = args.iter().peekable();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--no-dist" => build = false,
            "--native" | "--native-only" => {
                browser &= a == "--native";
                let file = match it.peek() {
                    Some(f) if !f.starts_with("--") => it.next().map(PathBuf::from),
                    _ => None,
                };
                native = Some(file.unwrap_or_else(|| root().join(DEFAULT_COLLECTION)));
            }
            "--runs" | "--cold" => {
                let v = it.next().ok_or_else(|| format!("{a} needs a number, e.g. {a} 100"))?;
                v.parse::<u32>().map_err(|_| format!("{a} needs a whole number, not {v:?}"))?;
                pass.push(a.clone());
                pass.push(v.clone());
            }
            _ => {
                return Err(format!(
                    "unknown argument to bench: {a:?} (known: --no-dist, --runs N, --cold N, --native [FILE], --native-only [FILE])"
                ))
            }
        }
    }
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    if browser {
        browser_bench(build, &pass, &out)?;
    }
    if let Some(file) = native {
        native_bench(&file, &out)?;
    }
    Ok(())
}

fn browser_bench(build: bool, pass: &[String], out: &std::path::Path) -> Result<(), String> {
    if build {
        dist::dist()?;
    } else if !dist::dist_dir().join("pkg/isnad_bg.wasm").is_file() {
        return Err("dist/ has no pkg/isnad_bg.wasm: run `cargo xtask bench` without --no-dist".into());
    }
    tools::npm_packages()?;
    tools::chromium()?;
    run(
        Command::new("node")
            .arg(root().join("tests/bench/browser.mjs"))
            .arg("--docs")
            .arg(root().join("benches/texts"))
            .arg("--out")
            .arg(out.join("browser.json"))
            .args(pass)
            .current_dir(root()),
        "the browser benchmark failed; its message is above",
    )
}

/// `isnad --jsonl --threads 1` over the whole collection `file` (.jsonl or .jsonl.gz), 3 runs.
fn native_bench(file: &std::path::Path, out: &std::path::Path) -> Result<(), String> {
    if !file.is_file() {
        return Err(format!("{} is missing: pass --native FILE (a .jsonl or .jsonl.gz collection)", file.display()));
    }
    run(cargo().args(["build", "--release", "--bin", "isnad"]), "the release build failed")?;
    let input = if file.extension().is_some_and(|e| e == "gz") {
        let plain = out.join(file.file_stem().map(PathBuf::from).unwrap_or_else(|| "collection.jsonl".into()));
        let f = std::fs::File::create(&plain).map_err(|e| format!("cannot create {}: {e}", plain.display()))?;
        let status = Command::new("gzip")
            .arg("-dc")
            .arg(file)
            .stdout(f)
            .status()
            .map_err(|e| format!("cannot run gzip: {e}"))?;
        if !status.success() {
            return Err(format!("gzip -dc {} failed", file.display()));
        }
        plain
    } else {
        file.to_path_buf()
    };
    let bytes = std::fs::metadata(&input).map_err(|e| format!("{}: {e}", input.display()))?.len();
    let bin = root().join("target/release/isnad");
    let mut times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let status = Command::new(&bin)
            .args(["--jsonl", "--threads", "1"])
            .arg(&input)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
        if !status.success() {
            return Err(format!("{} --jsonl failed on {}", bin.display(), input.display()));
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "\nnative, one core: isnad --jsonl --threads 1 {} > /dev/null\n  {mb:.1} MB in {:.2} s (median of 3; {:.2}-{:.2} s): {:.1} MB/s",
        file.display(),
        times[1],
        times[0],
        times[2],
        mb / times[1]
    );
    Ok(())
}
