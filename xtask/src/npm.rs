//! dist/npm/: the npm package `isnad`, ready for `npm pack` or `npm publish`.
//!
//! npm/*                     copied as they are: package.json, README.md, the entry point
//!                           (index.js), the worker of analyzeAsync, the custom element, their .d.ts
//! isnad.js, isnad_bg.wasm   the same wasm-bindgen `web` output and optimized wasm as dist/pkg/
//! isnad.d.ts                its types: the analysis types generated from the Rust types (tsify)

use crate::util::{self, root};
use std::path::Path;

/// Writes dist/npm/ from npm/ and dist/pkg/; returns how many files it holds.
pub fn npm_package(dist: &Path) -> Result<u64, String> {
    let out = dist.join("npm");
    let mut n = util::copy_dir(&root().join("npm"), &out)?;
    for name in ["isnad.js", "isnad.d.ts", "isnad_bg.wasm"] {
        std::fs::copy(dist.join("pkg").join(name), out.join(name))
            .map_err(|e| format!("cannot copy dist/pkg/{name} into dist/npm/: {e}"))?;
        n += 1;
    }

    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let types = read(&out.join("isnad.d.ts"))?;
    for decl in ["export interface Analysis", "export interface Statement", "export type StatementKind"] {
        if !types.contains(decl) {
            return Err(format!(
                "dist/npm/isnad.d.ts has no `{decl}`: the tsify derives in src/output.rs did not reach wasm-bindgen's output"
            ));
        }
    }
    let crate_version = json_or_toml_version(&read(&root().join("Cargo.toml"))?, "version = \"")
        .ok_or("Cargo.toml has no `version = \"…\"` line")?;
    let npm_version = json_or_toml_version(&read(&root().join("npm/package.json"))?, "\"version\": \"")
        .ok_or("npm/package.json has no \"version\"")?;
    if npm_version != crate_version {
        return Err(format!(
            "npm/package.json says version {npm_version} but Cargo.toml says {crate_version}: set the same version in both"
        ));
    }
    Ok(n)
}

/// The value after the first `key` (`version = "` in Cargo.toml's [package], `"version": "` in
/// package.json), up to the closing quote.
pub(crate) fn json_or_toml_version(text: &str, key: &str) -> Option<String> {
    let line = text.lines().find(|l| l.trim_start().starts_with(key))?;
    let rest = &line.trim_start()[key.len()..];
    Some(rest[..rest.find('"')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::json_or_toml_version as v;

    #[test]
    fn versions_are_read_from_cargo_toml_and_package_json() {
        assert_eq!(v("[package]\nname = \"isnad\"\nversion = \"0.1.0\"\n", "version = \"").as_deref(), Some("0.1.0"));
        assert_eq!(
            v("{\n  \"name\": \"isnad\",\n  \"version\": \"1.2.3\",\n", "\"version\": \"").as_deref(),
            Some("1.2.3")
        );
        assert_eq!(v("rust-version = \"1.85\"\n", "version = \""), None);
    }
}
