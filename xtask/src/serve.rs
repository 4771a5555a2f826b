//! A tiny static file server for dist/: GET and HEAD only, one thread per connection, no
//! keep-alive, never outside its root, `Cache-Control: no-cache` so a rebuilt page is picked up.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// `cargo xtask serve`.
pub fn serve_cmd(build: bool) -> Result<(), String> {
    let dir = if build { crate::dist::dist()? } else { crate::dist::dist_dir() };
    if !dir.join("index.html").is_file() {
        return Err(format!("{} has no index.html; run `cargo xtask dist` first", dir.display()));
    }
    let port: u16 = match std::env::var("PORT") {
        Ok(p) => p.parse().map_err(|_| format!("PORT={p} is not a port number"))?,
        Err(_) => 8080,
    };
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        format!(
            "cannot listen on 127.0.0.1:{port}: {e}\n  is another server running there? set PORT to use another port"
        )
    })?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("\nisnad: serving {} at http://{addr}/  (Ctrl-C to stop)", dir.display());
    serve(listener, dir, true)
}

/// Serves `root` on `listener` until the process ends. `log`: one line per request on stderr.
pub fn serve(listener: TcpListener, root: PathBuf, log: bool) -> Result<(), String> {
    let root = root.canonicalize().map_err(|e| format!("cannot serve {}: {e}", root.display()))?;
    for conn in listener.incoming() {
        let Ok(stream) = conn else { continue };
        let root = root.clone();
        std::thread::spawn(move || {
            if let Err(e) = handle(stream, &root, log) {
                if log {
                    eprintln!("serve: {e}");
                }
            }
        });
    }
    Ok(())
}

/// Starts a server for `root` on a free port in a background thread; returns its base URL.
pub fn spawn_background(root: PathBuf) -> Result<String, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || serve(listener, root, false));
    Ok(format!("http://{addr}"))
}

fn handle(mut stream: TcpStream, root: &Path, log: bool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.by_ref().take(8192).read_line(&mut request_line)?;
    // Drain the headers (bounded) so the client is not reset before it reads our answer.
    let mut header_bytes = 0;
    loop {
        let mut line = String::new();
        let n = reader.by_ref().take(8192).read_line(&mut line)?;
        header_bytes += n;
        if n == 0 || line == "\r\n" || line == "\n" || header_bytes > 64 * 1024 {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let head = method == "HEAD";
    let (status, mime, body) = if method != "GET" && !head {
        (405, "text/plain; charset=utf-8", b"405 method not allowed\n".to_vec())
    } else {
        match resolve(root, target) {
            Some(path) => match std::fs::read(&path) {
                Ok(bytes) => (200, mime_type(&path), bytes),
                Err(_) => not_found(),
            },
            None => not_found(),
        }
    };
    if log {
        eprintln!("{status} {method} {target}");
    }
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n{}\r\n",
        body.len(),
        if status == 405 { "Allow: GET, HEAD\r\n" } else { "" },
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn not_found() -> (u16, &'static str, Vec<u8>) {
    (404, "text/plain; charset=utf-8", b"404 not found\n".to_vec())
}

/// The file a request target names under `root`, or `None` (missing, or outside `root`).
/// A directory means its index.html.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    let mut out = root.to_path_buf();
    for seg in decoded.split('/') {
        if seg.is_empty() || seg == "." {
            continue;
        }
        // One plain name per segment: no "..", no backslashes, no drive letters or NULs.
        let mut comps = Path::new(seg).components();
        match (comps.next(), comps.next()) {
            (Some(Component::Normal(_)), None) if !seg.contains(['\\', '\0', ':']) => out.push(seg),
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    // Symlinks must not lead out of root either.
    let real = out.canonicalize().ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn mime_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "wasm" => "application/wasm",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "map" => "application/json",
        "ts" => "text/plain; charset=utf-8", // wasm-bindgen's .d.ts: readable, never executed
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp_root() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("pkg/isnad_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(dir.join("a b.txt"), "x").unwrap();
        dir.canonicalize().unwrap()
    }

    #[test]
    fn resolves_files_and_directories() {
        let root = tmp_root();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/index.html?x=1#y"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/pkg/isnad_bg.wasm"), Some(root.join("pkg/isnad_bg.wasm")));
        assert_eq!(resolve(&root, "/a%20b.txt"), Some(root.join("a b.txt")));
        assert_eq!(resolve(&root, "/missing.js"), None);
    }

    #[test]
    fn never_leaves_the_root() {
        let root = tmp_root();
        for t in [
            "/../Cargo.toml",
            "/pkg/../../x",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2fetc/passwd",
            "/pkg%5c..%5c..%5cx",
            "//etc/passwd",
            "/%00",
            "/%zz",
            "http://example.com/",
            "",
        ] {
            let r = resolve(&root, t);
            assert!(r.is_none() || r.as_ref().unwrap().starts_with(&root), "{t:?} -> {r:?}");
        }
        assert_eq!(resolve(&root, "//etc/passwd"), None);
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_type(Path::new("x.wasm")), "application/wasm");
        assert_eq!(mime_type(Path::new("x.js")), "text/javascript; charset=utf-8");
        assert_eq!(mime_type(Path::new("x.css")), "text/css; charset=utf-8");
        assert_eq!(mime_type(Path::new("x.json")), "application/json");
        assert_eq!(mime_type(Path::new("x.webmanifest")), "application/manifest+json");
    }

    #[test]
    fn serves_over_http() {
        let root = tmp_root();
        let base = spawn_background(root).unwrap();
        let addr = base.trim_start_matches("http://");
        let get = |path: &str| {
            let mut s = TcpStream::connect(addr).unwrap();
            write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut resp = String::new();
            s.read_to_string(&mut resp).unwrap();
            resp
        };
        let r = get("/pkg/isnad_bg.wasm");
        assert!(r.starts_with("HTTP/1.1 200"), "{r}");
        assert!(r.contains("Content-Type: application/wasm\r\n"), "{r}");
        assert!(r.contains("Cache-Control: no-cache\r\n"), "{r}");
        assert!(get("/nope").starts_with("HTTP/1.1 404"));
        assert!(get("/../../etc/passwd").starts_with("HTTP/1.1 404"));
    }
}
