//! `cargo xtask dist`: the page, ready to serve, in dist/.
//!
//! dist/index.html, app.js, style.css   copied from www/
//! dist/pkg/isnad.js, isnad_bg.wasm      wasm-bindgen `web` output, wasm-opt -Oz'd
//! dist/seeds/*.txt, seeds/index.json    the seed articles and their list, for the page's buttons

use crate::tools;
use crate::util::{self, kb, root, run};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Features the wasm that rustc and wasm-bindgen emit uses; wasm-opt must be told, or it rejects
/// the module (reference types: wasm-bindgen's externref table; the rest: rustc's defaults).
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => root().join(d),
        None => root().join("target"),
    }
}

pub fn dist() -> Result<PathBuf, String> {
    let t0 = Instant::now();
    tools::wasm_target()?;
    let wasm_bindgen = tools::wasm_bindgen()?;
    let npm = tools::npm_packages();
    if let Err(e) = &npm {
        eprintln!("xtask: warning: {e}\n  the wasm will not be optimized with wasm-opt");
    }

    run(
        util::cargo()
            .args(["build", "--release", "--lib", "--target", tools::WASM_TARGET])
            // `strip = true` would drop the target_features section wasm-bindgen reads to know
            // which wasm features are on; keep it (wasm-opt drops the rest: same final size).
            .env("CARGO_PROFILE_RELEASE_STRIP", "debuginfo"),
        "the library does not build for wasm32; fix the compile errors above",
    )?;
    let wasm_in = target_dir().join(tools::WASM_TARGET).join("release/isnad.wasm");
    if !wasm_in.is_file() {
        return Err(format!("cargo built no {}; is crate-type cdylib still set?", wasm_in.display()));
    }

    let dist = dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("cannot remove old {}: {e}", dist.display()))?;
    }
    let pkg = dist.join("pkg");
    run(
        Command::new(&wasm_bindgen)
            .args(["--target", "web", "--out-name", "isnad", "--out-dir"])
            .arg(&pkg)
            .arg(&wasm_in),
        "wasm-bindgen failed; check that its version equals the wasm-bindgen crate's in Cargo.lock",
    )?;
    let wasm = pkg.join("isnad_bg.wasm");
    let raw = size(&wasm)?;

    let optimized = match (npm.is_ok(), tools::wasm_opt()) {
        (true, Some(wasm_opt)) => {
            let tmp = pkg.join("isnad_bg.opt.wasm");
            run(
                Command::new(&wasm_opt)
                    .arg("-Oz")
                    .args(WASM_OPT_FEATURES)
                    .arg(&wasm)
                    .arg("-o")
                    .arg(&tmp),
                "wasm-opt (npm package binaryen) failed; `cargo xtask dist` works without it if you delete node_modules/.bin/wasm-opt",
            )?;
            std::fs::rename(&tmp, &wasm).map_err(|e| format!("cannot move {}: {e}", tmp.display()))?;
            true
        }
        _ => {
            eprintln!("xtask: warning: wasm-opt not found in node_modules; the wasm is not optimized");
            false
        }
    };

    let n = util::copy_dir(&root().join("www"), &dist)?;
    let seeds = copy_seeds(&root().join("seeds"), &dist.join("seeds"))?;

    let final_size = size(&wasm)?;
    let gz = gzip_size(&wasm);
    eprintln!(
        "\nxtask: dist/ ready in {:.1} s: {n} files from www/, {seeds} seed articles",
        t0.elapsed().as_secs_f64()
    );
    eprintln!(
        "xtask: dist/pkg/isnad_bg.wasm: {} raw{}, {} gzipped",
        kb(final_size),
        if optimized { format!(" (wasm-bindgen output {}, then wasm-opt -Oz)", kb(raw)) } else { String::new() },
        gz.map_or("?".to_string(), kb),
    );
    Ok(dist)
}

fn size(p: &Path) -> Result<u64, String> {
    std::fs::metadata(p).map(|m| m.len()).map_err(|e| format!("{}: {e}", p.display()))
}

/// The gzip -9 size, by `gzip` or else node's zlib (no compressor in std).
fn gzip_size(p: &Path) -> Option<u64> {
    let count = |cmd: &mut Command| -> Option<u64> {
        let out = cmd.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
        out.status.success().then_some(out.stdout.len() as u64)
    };
    count(Command::new("gzip").args(["-9", "-c"]).arg(p)).or_else(|| {
        let n = util::output(
            Command::new("node")
                .args(["-e", "process.stdout.write(String(require('zlib').gzipSync(require('fs').readFileSync(process.argv[1]),{level:9}).length))"])
                .arg(p),
        )?;
        n.trim().parse().ok()
    })
}

/// Copies seeds/*.txt and writes seeds/index.json: `[{"file": "...", "title": "..."}]`, the
/// title being the article's first words.
fn copy_seeds(from: &Path, to: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let mut names: Vec<String> = std::fs::read_dir(from)
        .map_err(|e| format!("cannot read {}: {e}", from.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut json = String::from("[\n");
    for (i, name) in names.iter().enumerate() {
        let text = std::fs::read_to_string(from.join(name)).map_err(|e| format!("cannot read seed {name}: {e}"))?;
        std::fs::write(to.join(name), &text).map_err(|e| format!("cannot write seed {name}: {e}"))?;
        let title: Vec<&str> = text.split_whitespace().take(8).collect();
        json.push_str(&format!(
            "  {{\"file\": {}, \"title\": {}}}{}\n",
            json_str(name),
            json_str(&(title.join(" ") + " …")),
            if i + 1 < names.len() { "," } else { "" }
        ));
    }
    json.push_str("]\n");
    std::fs::write(to.join("index.json"), json).map_err(|e| format!("cannot write seeds/index.json: {e}"))?;
    Ok(names.len())
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(super::json_str("a\"b\\c\nd"), "\"a\\\"b\\\\c\\u000ad\"");
        assert_eq!(super::json_str("قال"), "\"قال\"");
    }
}
