//! `cargo xtask dist`: the page, ready to serve, in dist/.
//!
//! dist/index.html, app.js, app/*.js,  copied from www/ (all of it: the page, its modules, its
//!   style.css, worker.js, sw.js, …     worker, its service worker, manifest and icon)
//! dist/pkg/isnad.js, isnad_bg.wasm      wasm-bindgen `web` output, wasm-opt -Oz'd (the JS API)
//! dist/pkg/isnad_no_modules.js          the `no-modules` bindings of the same wasm, for the page's
//!                                       worker: a classic script, because module workers cannot
//!                                       start from a blob: URL in a page opened from file://
//! dist/seeds/*.txt, seeds/index.json    the seed articles and their list, for the page's buttons
//! dist/isnad.html                       all of the above in one file that works from file://
//! dist/npm/                             the npm package `isnad` (npm.rs)
//! dist/examples/                        the CMS embedding examples, with Quill (examples.rs)
//! dist/extension/, isnad-extension-*.zip the browser extension, unpacked and zipped (extension.rs)

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
    // The same wasm again, with classic-script bindings (a global `wasm_bindgen`); wasm-bindgen
    // emits an identical .wasm for both targets, so only the .js is kept.
    let classic = target_dir().join("isnad-no-modules");
    run(
        Command::new(&wasm_bindgen)
            .args(["--target", "no-modules", "--out-name", "isnad", "--out-dir"])
            .arg(&classic)
            .arg(&wasm_in),
        "wasm-bindgen --target no-modules failed",
    )?;
    std::fs::copy(classic.join("isnad.js"), pkg.join("isnad_no_modules.js"))
        .map_err(|e| format!("cannot copy the no-modules bindings: {e}"))?;
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

    let single = single_file(&dist)?;
    let npm_files = crate::npm::npm_package(&dist)?;
    let example_files = crate::examples::examples(&dist)?;
    let extension = crate::extension::extension(&dist)?;

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
    eprintln!("xtask: dist/isnad.html (single file, opens from disk): {}", kb(single));
    eprintln!("xtask: dist/npm/ (the npm package, {npm_files} files), dist/examples/ ({example_files} files)");
    if let Some(ext) = extension {
        eprintln!(
            "xtask: dist/extension/ (the browser extension, {} files; load it unpacked), {}: {}",
            ext.files,
            ext.zip.strip_prefix(&dist).unwrap_or(&ext.zip).display(),
            kb(ext.zip_size)
        );
    }
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

/// The Content-Security-Policy of dist/isnad.html: as strict as index.html's, with the one
/// inline script and the one inline style allowed by their hashes (there is no origin to name).
fn single_file_csp(script: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src 'sha256-{}' 'wasm-unsafe-eval'; worker-src blob:; style-src 'sha256-{}'; \
         img-src data:; base-uri 'none'; form-action 'none'",
        base64(&sha256(script.as_bytes())),
        base64(&sha256(style.as_bytes())),
    )
}

/// Replaces the one occurrence of `from` in `html`; an error names what www/index.html lacks.
fn replace_once(html: &str, from: &str, to: &str) -> Result<String, String> {
    match html.matches(from).count() {
        1 => Ok(html.replacen(from, to, 1)),
        n => Err(format!(
            "www/index.html has {n} copies of `{from}` (expected one): update single_file() in xtask/src/dist.rs to match the page"
        )),
    }
}

/// A `<script>` data block (never executed: its type is not JavaScript) holding `body`.
fn data_block(id: &str, ty: &str, body: &str) -> Result<String, String> {
    let lower = body.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        return Err(format!("{id} contains `</script` or `<!--` and cannot be inlined into isnad.html"));
    }
    Ok(format!("<script id=\"{id}\" type=\"{ty}\">{body}</script>\n"))
}

/// dist/isnad.html: index.html with the styles, the script (app.js and its modules joined into
/// one, join.rs), the bindings, the worker, the wasm (base64) and the seeds inlined, so that it
/// works opened straight from disk (file://), where a page can neither import a module nor fetch.
/// app/files.js finds the data blocks by id. Returns its size.
fn single_file(dist: &Path) -> Result<u64, String> {
    let read = |p: &str| std::fs::read_to_string(dist.join(p)).map_err(|e| format!("cannot read dist/{p}: {e}"));
    let html = read("index.html")?;
    let css = read("style.css")?;
    let app = crate::join::join(dist, "app.js")?;
    let wasm = std::fs::read(dist.join("pkg/isnad_bg.wasm")).map_err(|e| format!("cannot read the wasm: {e}"))?;

    let mut seeds = String::from("[");
    let mut names: Vec<String> = std::fs::read_dir(dist.join("seeds"))
        .map_err(|e| format!("cannot read dist/seeds: {e}"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for (i, name) in names.iter().enumerate() {
        let text = read(&format!("seeds/{name}"))?;
        let title: Vec<&str> = text.split_whitespace().take(8).collect();
        seeds.push_str(&format!(
            "{}{{\"file\": {}, \"title\": {}, \"text\": {}}}",
            if i > 0 { ", " } else { "" },
            json_str(name),
            json_str(&(title.join(" ") + " …")),
            json_str(&text)
        ));
    }
    seeds.push(']');

    if app.to_ascii_lowercase().contains("</script") {
        return Err("www/app.js or one of its modules contains `</script`: it cannot be inlined into isnad.html".into());
    }
    if css.to_ascii_lowercase().contains("</style") {
        return Err("www/style.css contains `</style` and cannot be inlined into isnad.html".into());
    }
    let blocks = [
        data_block("isnad-bindings", "text/plain", &read("pkg/isnad_no_modules.js")?)?,
        data_block("isnad-worker", "text/plain", &read("worker.js")?)?,
        data_block("isnad-wasm", "application/octet-stream", &base64(&wasm))?,
        data_block("isnad-seeds", "application/json", &seeds)?,
    ]
    .concat();

    let csp_start = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let at = html.find(csp_start).ok_or("www/index.html has no Content-Security-Policy meta tag")? + csp_start.len();
    let end = at + html[at..].find('"').ok_or("unterminated CSP meta tag in www/index.html")?;
    let mut out = format!("{}{}{}", &html[..at], single_file_csp(&app, &css), &html[end..]);
    out = replace_once(&out, "<link rel=\"manifest\" href=\"manifest.webmanifest\">\n", "")?;
    out = replace_once(&out, "<link rel=\"stylesheet\" href=\"style.css\">", &format!("<style>{css}</style>"))?;
    out = replace_once(
        &out,
        "<script type=\"module\" src=\"app.js\"></script>",
        &format!("{blocks}<script type=\"module\">{app}</script>"),
    )?;
    let path = dist.join("isnad.html");
    std::fs::write(&path, &out).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(out.len() as u64)
}

/// Standard base64 with padding (RFC 4648), for the inlined wasm and the CSP hashes.
fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 (FIPS 180-4), for the CSP hashes of isnad.html; xtask has no dependencies.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            // So that the JSON can sit inside a <script> block of isnad.html.
            '<' => out.push_str("\\u003c"),
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
        assert_eq!(super::json_str("</script>"), "\"\\u003c/script>\"");
    }

    #[test]
    fn sha256_and_base64_match_known_values() {
        // FIPS 180-4 examples, in the base64 form a CSP hash takes.
        assert_eq!(super::base64(&super::sha256(b"")), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(super::base64(&super::sha256(b"abc")), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(super::base64(&super::sha256(long)), "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
    }
}
