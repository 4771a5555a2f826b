//! `cargo xtask test`: every test, each step run even when an earlier one fails, then a summary.

use crate::tools;
use crate::util::{self, root, run};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

/// A test step: its name, what it runs, and the function that runs it.
type Step = (&'static str, &'static str, fn() -> Result<(), String>);

const STEPS: &[Step] = &[
    ("native", "cargo test --workspace", native),
    ("python", "bindings/python: the wheel, installed in target/py-venv, under pytest", python),
    ("spark", "a local Spark job over an archive, by RDD.pipe and by mapPartitions, against isnad --jsonl", spark),
    ("wasm-node", "tests/wasm.rs under node", wasm_node),
    ("wasm-browser", "tests/wasm.rs in headless Chromium", wasm_browser),
    ("e2e", "dist/ in headless Chromium (node --test tests/e2e/): the page, the examples, the npm package", e2e),
    ("extension", "the browser extension in headless Chromium (node --test tests/extension/)", extension),
];

pub fn test_cmd(args: &[String]) -> Result<(), String> {
    for a in args {
        if !STEPS.iter().any(|s| s.0 == a) {
            let names: Vec<&str> = STEPS.iter().map(|s| s.0).collect();
            return Err(format!("unknown test step {a:?}; the steps are: {}", names.join(", ")));
        }
    }
    let t0 = Instant::now();
    let mut results = Vec::new();
    for (name, what, step) in STEPS {
        if !args.is_empty() && !args.iter().any(|a| a == name) {
            continue;
        }
        eprintln!("\n==== xtask test {name}: {what}");
        let t = Instant::now();
        let r = step();
        if let Err(e) = &r {
            eprintln!("\nxtask: test step {name} failed: {e}");
        }
        results.push((*name, r.is_ok(), t.elapsed()));
    }
    eprintln!("\n==== summary ({:.0} s)", t0.elapsed().as_secs_f64());
    for (name, ok, d) in &results {
        eprintln!("  {:<4} {name:<13} {:>6.1} s", if *ok { "ok" } else { "FAIL" }, d.as_secs_f64());
    }
    let failed: Vec<&str> = results.iter().filter(|r| !r.1).map(|r| r.0).collect();
    let passed = results.len() - failed.len();
    eprintln!("{passed} passed, {} failed", failed.len());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("test steps failed: {} (re-run one with `cargo xtask test {}`)", failed.join(", "), failed[0]))
    }
}

fn native() -> Result<(), String> {
    run(util::cargo().args(["test", "--workspace"]), "")
}

fn python() -> Result<(), String> {
    crate::python::test()
}

fn spark() -> Result<(), String> {
    crate::spark::test()
}

/// `cargo test --target wasm32-unknown-unknown --test wasm` with the wasm-bindgen test runner.
fn wasm_cargo_test(browser: bool) -> Result<(), String> {
    tools::wasm_target()?;
    tools::wasm_bindgen()?;
    let mut cmd = util::cargo();
    cmd.args(["test", "--target", tools::WASM_TARGET, "--test", "wasm"])
        // A quiet cargo (CARGO_TERM_QUIET=true, or `term.quiet = true` in a cargo config) passes
        // `--quiet` to the test runner, and wasm-bindgen-test-runner 0.2.130 rejects it
        // ("unexpected argument '--quiet'"). The environment overrides any config file, so this
        // one invocation is never quiet, whatever the user's cargo configuration.
        .env("CARGO_TERM_QUIET", "false")
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", tools::wasm_bindgen_test_runner())
        .env_remove("WASM_BINDGEN_USE_BROWSER")
        .env_remove("WASM_BINDGEN_USE_NODE_EXPERIMENTAL");
    if browser {
        tools::chromium()?;
        // wasm-bindgen-test-runner 0.2.130 picks the browser from this variable when the test
        // file has no `wasm_bindgen_test_configure!`, so one tests/wasm.rs runs in both places.
        cmd.env("WASM_BINDGEN_USE_BROWSER", "1").env("CHROMEDRIVER", tools::CHROMEDRIVER);
    }
    run(&mut cmd, "")
}

fn wasm_node() -> Result<(), String> {
    if util::which("node").is_none() {
        return Err("node is not on PATH; install Node.js 18 or newer".into());
    }
    wasm_cargo_test(false)
}

fn wasm_browser() -> Result<(), String> {
    wasm_cargo_test(true)
}

/// dist/, served by our own server on a free port, tested by tests/e2e/*.test.mjs: the page,
/// the embedding examples (dist/examples/), and the npm package (dist/npm/) packed, installed
/// into a TypeScript consumer and type-checked with tsc --strict (package.test.mjs).
fn e2e() -> Result<(), String> {
    tools::npm_packages()?;
    tools::chromium()?;
    let dist = dist_once()?;
    let base = crate::serve::spawn_background(dist)?;
    eprintln!("xtask: serving dist/ at {base}/ for the end-to-end tests");
    run(
        Command::new("node")
            .args(["--test", "tests/e2e/"])
            .env("ISNAD_BASE_URL", &base)
            .env("CHROMIUM", tools::CHROMIUM)
            .current_dir(root()),
        "",
    )
}

/// `cargo xtask dist`, once for all the steps of one run that test dist/.
fn dist_once() -> Result<PathBuf, String> {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    if let Some(d) = DIST.get() {
        return Ok(d.clone());
    }
    let d = crate::dist::dist()?;
    Ok(DIST.get_or_init(|| d).clone())
}

/// dist/extension/ loaded into headless Chromium (tests/extension/): saved news pages served
/// through a recording proxy, the toolbar button pressed through the DevTools protocol.
fn extension() -> Result<(), String> {
    tools::npm_packages()?;
    tools::chromium()?;
    let dist = dist_once()?;
    if !dist.join("extension/manifest.json").is_file() {
        return Err("cargo xtask dist wrote no dist/extension/ (see its warnings above)".into());
    }
    run(
        Command::new("node").args(["--test", "tests/extension/"]).env("CHROMIUM", tools::CHROMIUM).current_dir(root()),
        "",
    )
}
