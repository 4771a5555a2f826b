//! dist/extension/: the browser extension (Manifest V3), ready to load unpacked, and the same
//! files zipped for a store, dist/isnad-extension-VERSION.zip.
//!
//! extension/*                         copied as they are: manifest.json, _locales/, icons/, the
//!                                     service worker, the side panel (html, css, js, words)
//! content.js                          one classic script: npm/editor-text.js, npm/highlights.js
//!                                     and extension/content.js in one function (chrome.scripting
//!                                     injects files, not modules)
//! isnad/                              the npm package's JS and wasm (dist/npm/), which the side
//!                                     panel imports: the analysis runs in the extension
//! vendor/readability/                 Mozilla's Readability (node_modules/@mozilla/readability,
//!                                     pinned in package.json), which finds the article

use crate::util::{self, root};
use std::path::{Path, PathBuf};

/// The npm package's files the extension needs: the module, the worker, the element, the wasm.
const FROM_NPM: &[&str] = &[
    "index.js",
    "isnad.js",
    "isnad_bg.wasm",
    "runner.js",
    "warm.js",
    "worker.js",
    "element.js",
    "editor-text.js",
    "highlights.js",
    "panel.js",
    "element-style.js",
    "element-words.js",
];

/// Readability's browser script (it defines the global `Readability`) and its licence.
const READABILITY: &[(&str, &str)] = &[
    ("node_modules/@mozilla/readability/Readability.js", "vendor/readability/Readability.js"),
    ("node_modules/@mozilla/readability/LICENSE.md", "vendor/readability/LICENSE.md"),
];

/// The parts of content.js, in order: each becomes part of one function's body.
const CONTENT_PARTS: &[&str] = &["npm/editor-text.js", "npm/highlights.js", "extension/content.js"];

/// What `cargo xtask dist` wrote: the directory, its file count and the zip.
pub struct Built {
    pub files: u64,
    pub zip: PathBuf,
    pub zip_size: u64,
}

/// Writes dist/extension/ and its zip from extension/, dist/npm/ and Readability; None (with a
/// warning) when node_modules lacks Readability, as on a machine without npm.
pub fn extension(dist: &Path) -> Result<Option<Built>, String> {
    let missing: Vec<&str> = READABILITY.iter().map(|f| f.0).filter(|f| !root().join(f).is_file()).collect();
    if !missing.is_empty() {
        eprintln!(
            "xtask: warning: {} missing (npm package @mozilla/readability): the browser extension is not built; \
             run `npm ci` in {}",
            missing.join(", "),
            root().display()
        );
        return Ok(None);
    }
    let out = dist.join("extension");
    let mut files = util::copy_dir(&root().join("extension"), &out)?;
    std::fs::write(out.join("content.js"), content_script()?).map_err(|e| format!("cannot write content.js: {e}"))?;

    std::fs::create_dir_all(out.join("isnad")).map_err(|e| format!("cannot create dist/extension/isnad: {e}"))?;
    for name in FROM_NPM {
        std::fs::copy(dist.join("npm").join(name), out.join("isnad").join(name))
            .map_err(|e| format!("cannot copy dist/npm/{name} into dist/extension/isnad/: {e}"))?;
        files += 1;
    }
    std::fs::create_dir_all(out.join("vendor/readability"))
        .map_err(|e| format!("cannot create dist/extension/vendor: {e}"))?;
    for (from, to) in READABILITY {
        std::fs::copy(root().join(from), out.join(to)).map_err(|e| format!("cannot copy {from}: {e}"))?;
        files += 1;
    }

    let manifest = std::fs::read_to_string(out.join("manifest.json")).map_err(|e| format!("manifest.json: {e}"))?;
    let version = crate::npm::json_or_toml_version(&manifest, "\"version\": \"")
        .ok_or("extension/manifest.json has no \"version\"")?;
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    let crate_version = crate::npm::json_or_toml_version(&cargo, "version = \"").unwrap_or_default();
    if version != crate_version {
        return Err(format!(
            "extension/manifest.json says version {version} but Cargo.toml says {crate_version}: set the same version in both"
        ));
    }

    let zip = dist.join(format!("isnad-extension-{version}.zip"));
    let entries = list_files(&out)?;
    let mut members = Vec::with_capacity(entries.len());
    for rel in &entries {
        let data = std::fs::read(out.join(rel)).map_err(|e| format!("cannot read dist/extension/{rel}: {e}"))?;
        members.push((rel.clone(), data));
    }
    let bytes = zip_stored(&members)?;
    std::fs::write(&zip, &bytes).map_err(|e| format!("cannot write {}: {e}", zip.display()))?;
    Ok(Some(Built { files, zip, zip_size: bytes.len() as u64 }))
}

/// dist/extension/content.js: the parts inside one function that returns at once when the
/// reader is already in the page's isolated world (the panel injects it on every read, and a
/// second copy would answer the port twice). `export` before a declaration is dropped; an
/// `import` is refused, since nothing would resolve it.
fn content_script() -> Result<String, String> {
    let mut out = String::from(
        "// Built by `cargo xtask dist` (xtask/src/extension.rs) from npm/editor-text.js, npm/highlights.js\n\
         // and extension/content.js: edit those, not this file.\n\
         (() => {\n\
         if (globalThis.__isnadReader) return;\n\
         globalThis.__isnadReader = true;\n",
    );
    for part in CONTENT_PARTS {
        let text = std::fs::read_to_string(root().join(part)).map_err(|e| format!("cannot read {part}: {e}"))?;
        out.push_str(&format!("\n// ---- {part}\n"));
        for (i, line) in text.lines().enumerate() {
            if line.starts_with("import ") {
                return Err(format!(
                    "{part}:{}: an import, which the content script cannot have: it is one classic script \
                     (see xtask/src/extension.rs)",
                    i + 1
                ));
            }
            out.push_str(line.strip_prefix("export ").unwrap_or(line));
            out.push('\n');
        }
    }
    out.push_str("})();\n");
    Ok(out)
}

/// Every file under `dir`, as paths relative to it with `/`, sorted (so the zip is the same on
/// every machine).
fn list_files(dir: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let ty = entry.file_type().map_err(|e| format!("{name}: {e}"))?;
            if ty.is_dir() {
                walk(&entry.path(), &format!("{prefix}{name}/"), out)?;
            } else if ty.is_file() {
                out.push(format!("{prefix}{name}"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort();
    Ok(out)
}

/// CRC-32 (IEEE 802.3, as zip uses it).
fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *slot = c;
    }
    !data.iter().fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

/// A zip archive of `members` (path, bytes), stored without compression (xtask has no
/// dependencies, and the stores take stored members), dated 1980-01-01 so that the same files
/// give the same bytes. Paths are ASCII; files under 4 GiB.
fn zip_stored(members: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = 1 << 5 | 1; // 1980-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (name, data) in members {
        if !name.is_ascii() {
            return Err(format!("{name}: the extension's file names must be ASCII"));
        }
        let size = u32::try_from(data.len()).map_err(|_| format!("{name} is too big for a zip without zip64"))?;
        let offset = u32::try_from(out.len()).map_err(|_| "the zip is too big for a zip without zip64".to_string())?;
        let crc = crc32(data);
        // Local file header.
        le32(&mut out, 0x0403_4b50);
        le16(&mut out, 20); // version needed: 2.0
        le16(&mut out, 0); // flags
        le16(&mut out, 0); // method: stored
        le16(&mut out, DOS_TIME);
        le16(&mut out, DOS_DATE);
        le32(&mut out, crc);
        le32(&mut out, size);
        le32(&mut out, size);
        le16(&mut out, name.len() as u16);
        le16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry.
        le32(&mut central, 0x0201_4b50);
        le16(&mut central, 3 << 8 | 20); // made by: Unix, 2.0 (so the mode below counts)
        le16(&mut central, 20);
        le16(&mut central, 0);
        le16(&mut central, 0);
        le16(&mut central, DOS_TIME);
        le16(&mut central, DOS_DATE);
        le32(&mut central, crc);
        le32(&mut central, size);
        le32(&mut central, size);
        le16(&mut central, name.len() as u16);
        le16(&mut central, 0); // extra
        le16(&mut central, 0); // comment
        le16(&mut central, 0); // disk
        le16(&mut central, 0); // internal attributes
        le32(&mut central, 0o100644 << 16); // external: a regular file, rw-r--r--
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    let count = u16::try_from(members.len()).map_err(|_| "too many files for a zip without zip64".to_string())?;
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, count);
    le16(&mut out, count);
    le32(&mut out, central.len() as u32);
    le32(&mut out, central_offset);
    le16(&mut out, 0); // comment length
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_zip_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn a_stored_zip_lists_its_members_and_holds_their_bytes() {
        let zip = zip_stored(&[("a.txt".into(), b"hello".to_vec()), ("d/b.bin".into(), vec![0, 1, 2])]).unwrap();
        // The end record: two entries, the central directory right after the data.
        let end = &zip[zip.len() - 22..];
        assert_eq!(&end[..4], &0x0605_4b50u32.to_le_bytes());
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
        let central_offset = u32::from_le_bytes([end[16], end[17], end[18], end[19]]) as usize;
        assert_eq!(central_offset, (30 + 5 + 5) + (30 + 7 + 3));
        // The first member's data follows its local header and name.
        assert_eq!(&zip[30 + 5..30 + 5 + 5], b"hello");
        assert_eq!(&zip[central_offset..central_offset + 4], &0x0201_4b50u32.to_le_bytes());
        assert!(zip_stored(&[("é.txt".into(), vec![])]).is_err());
    }

    #[test]
    fn the_content_script_is_one_function_without_exports() {
        let script = content_script().unwrap();
        assert!(script.contains("function readText(") && script.contains("function setMarks("));
        assert!(!script.lines().any(|l| l.starts_with("export ") || l.starts_with("import ")));
        assert!(script.trim_end().ends_with("})();"));
    }
}
