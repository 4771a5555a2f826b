//! Installing the tools the build and the tests need, each only when it is missing, so that a
//! machine with only Rust (rustup), node and npm can run `cargo xtask serve` and `cargo xtask test`.

use crate::util::{self, output, root, run, which};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// `cargo xtask setup`: everything, up front.
pub fn setup_all() -> Result<(), String> {
    wasm_target()?;
    wasm_bindgen()?;
    npm_packages()?;
    chromium()?;
    crate::python::venv()?;
    crate::spark::setup()?;
    eprintln!("xtask: every tool is installed");
    Ok(())
}

/// The wasm32 target of the active toolchain.
pub fn wasm_target() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => Ok(()),
        Some(_) => run(
            Command::new("rustup").args(["target", "add", WASM_TARGET]),
            "install the target by hand: rustup target add wasm32-unknown-unknown",
        ),
        None => {
            // No rustup: the target may still be there (e.g. a distro Rust with its std for wasm).
            let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]));
            let have = sysroot.is_some_and(|s| Path::new(s.trim()).join("lib/rustlib").join(WASM_TARGET).is_dir());
            if have {
                Ok(())
            } else {
                Err(format!(
                    "the Rust target {WASM_TARGET} is missing and rustup is not available to add it\n  \
                     install Rust with rustup (https://rustup.rs), then: rustup target add {WASM_TARGET}"
                ))
            }
        }
    }
}

/// The version of the `wasm-bindgen` crate that Cargo.lock pins: the CLI must be the same.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock_path = root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!(
        "no wasm-bindgen package in {}; run `cargo generate-lockfile` or `cargo build --target {WASM_TARGET}` first",
        lock_path.display()
    ))
}

/// A cargo-installed binary: in $CARGO_INSTALL_ROOT/bin if set, on PATH, or in $CARGO_HOME/bin
/// even when that is not on PATH.
pub fn cargo_bin(name: &str) -> PathBuf {
    if let Some(root) = std::env::var_os("CARGO_INSTALL_ROOT") {
        let p = PathBuf::from(root).join("bin").join(name);
        if p.is_file() {
            return p;
        }
    }
    if let Some(p) = which(name) {
        return p;
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    match home {
        Some(h) if h.join("bin").join(name).is_file() => h.join("bin").join(name),
        _ => PathBuf::from(name),
    }
}

fn tool_version(path: &Path) -> Option<String> {
    let out = output(Command::new(path).arg("--version"))?;
    // "wasm-bindgen 0.2.130" / "wasm-bindgen-test-runner 0.2.130"
    out.split_whitespace().nth(1).map(str::to_string)
}

/// wasm-bindgen and wasm-bindgen-test-runner at the Cargo.lock version; returns the CLI's path.
pub fn wasm_bindgen() -> Result<PathBuf, String> {
    let want = locked_wasm_bindgen_version()?;
    let have_cli = tool_version(&cargo_bin("wasm-bindgen"));
    let have_runner = tool_version(&cargo_bin("wasm-bindgen-test-runner"));
    if have_cli.as_deref() == Some(want.as_str()) && have_runner.as_deref() == Some(want.as_str()) {
        return Ok(cargo_bin("wasm-bindgen"));
    }
    eprintln!(
        "xtask: installing wasm-bindgen-cli {want} (found wasm-bindgen {}, wasm-bindgen-test-runner {}); \
         this compiles it and takes a few minutes the first time",
        have_cli.as_deref().unwrap_or("none"),
        have_runner.as_deref().unwrap_or("none"),
    );
    // Not --locked: the CLI's own lockfile may name dependency versions the registry lacks.
    run(
        util::cargo().args(["install", "wasm-bindgen-cli", "--version", &want, "--force"]),
        &format!("install it by hand: cargo install wasm-bindgen-cli --version {want}"),
    )?;
    let cli = cargo_bin("wasm-bindgen");
    match tool_version(&cli) {
        Some(v) if v == want => Ok(cli),
        got => Err(format!(
            "installed wasm-bindgen-cli {want}, but `{} --version` says {}; is another wasm-bindgen earlier on PATH?",
            cli.display(),
            got.as_deref().unwrap_or("nothing")
        )),
    }
}

/// The test runner installed with the CLI (call `wasm_bindgen()` first).
pub fn wasm_bindgen_test_runner() -> PathBuf {
    cargo_bin("wasm-bindgen-test-runner")
}

pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

/// Debian's chromium and chromium-driver at /usr/bin (apt-get, when we are root).
pub fn chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    let what = "Chromium and its WebDriver (/usr/bin/chromium, /usr/bin/chromedriver)";
    if !is_root() || which("apt-get").is_none() {
        return Err(format!(
            "{what} are needed for the browser tests but missing\n  \
             install them, e.g. on Debian: sudo apt-get install chromium chromium-driver\n  \
             (xtask installs them itself only when run as root on a system with apt-get)"
        ));
    }
    eprintln!("xtask: installing {what} with apt-get");
    let hint = "install them by hand: apt-get update && apt-get install -y chromium chromium-driver";
    run(Command::new("apt-get").arg("update"), hint)?;
    run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        hint,
    )?;
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        Ok(())
    } else {
        Err(format!("apt-get installed chromium, but {CHROMIUM} or {CHROMEDRIVER} is still missing"))
    }
}

/// The npm packages of package.json (binaryen's wasm-opt, playwright-core, axe-core, typescript,
/// quill, @mozilla/readability) in node_modules/.
/// `npm ci` when node_modules is missing or older than package-lock.json.
pub fn npm_packages() -> Result<(), String> {
    let top = root();
    let lock = top.join("package-lock.json");
    let stamp = top.join("node_modules/.package-lock.json");
    let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (mtime(&stamp), mtime(&lock)) {
        (Some(s), Some(l)) => s >= l,
        (Some(_), None) => true,
        _ => false,
    };
    let complete = [
        "binaryen/package.json",
        "playwright-core/package.json",
        "axe-core/package.json",
        "typescript/package.json",
        "quill/package.json",
        "@mozilla/readability/package.json",
    ]
    .iter()
    .all(|p| top.join("node_modules").join(p).is_file());
    if fresh && complete {
        return Ok(());
    }
    if which("npm").is_none() || which("node").is_none() {
        return Err("node and npm are needed (for wasm-opt and the end-to-end tests) but not on PATH\n  \
                    install Node.js 18 or newer with npm, e.g. apt-get install nodejs npm"
            .into());
    }
    let sub = if lock.is_file() { "ci" } else { "install" };
    run(
        Command::new("npm").args([sub, "--no-audit", "--no-fund"]).current_dir(&top),
        &format!("run it by hand in {}: npm {sub}", top.display()),
    )
}

/// binaryen's wasm-opt from node_modules (not Debian's binaryen: its output fails at runtime).
pub fn wasm_opt() -> Option<PathBuf> {
    let p = root().join("node_modules/.bin/wasm-opt");
    p.is_file().then_some(p)
}
