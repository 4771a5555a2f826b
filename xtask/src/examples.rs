//! dist/examples/: the ways to embed isnad in a CMS (examples/, see its README.md), served from
//! the same origin as the package they load (dist/npm/), with the rich-text editor of the editor
//! example (Quill) copied from node_modules into dist/examples/vendor/: nothing comes from a CDN.

use crate::util::{self, root};
use std::path::Path;

/// Quill's ready browser build (a UMD script defining `window.Quill`), its theme and its licences.
const QUILL: &[(&str, &str)] = &[
    ("node_modules/quill/dist/quill.js", "vendor/quill/quill.js"),
    ("node_modules/quill/dist/quill.js.LICENSE.txt", "vendor/quill/quill.js.LICENSE.txt"),
    ("node_modules/quill/dist/quill.snow.css", "vendor/quill/quill.snow.css"),
    ("node_modules/quill/LICENSE", "vendor/quill/LICENSE.txt"),
];

/// Writes dist/examples/; returns how many files it holds.
pub fn examples(dist: &Path) -> Result<u64, String> {
    let out = dist.join("examples");
    let mut n = util::copy_dir(&root().join("examples"), &out)?;
    let missing: Vec<&str> = QUILL.iter().map(|f| f.0).filter(|f| !root().join(f).is_file()).collect();
    if !missing.is_empty() {
        eprintln!(
            "xtask: warning: {} missing (npm package quill): the rich-text editor example will not work; \
             run `npm ci` in {}",
            missing.join(", "),
            root().display()
        );
        return Ok(n);
    }
    std::fs::create_dir_all(out.join("vendor/quill"))
        .map_err(|e| format!("cannot create dist/examples/vendor: {e}"))?;
    for (from, to) in QUILL {
        std::fs::copy(root().join(from), out.join(to)).map_err(|e| format!("cannot copy {from}: {e}"))?;
        n += 1;
    }
    Ok(n)
}
