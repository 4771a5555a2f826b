//! The page's ES modules joined into one script, for dist/isnad.html: a page opened from
//! `file://` cannot import a module (browsers load no module script from a file URL), so the
//! single file needs the page's script in one piece. Served, the page loads the modules as they
//! are (www/ has no build step); this step exists for the single file only.
//!
//! The modules keep to a subset of ES module syntax, checked here (an error says what to change):
//! - imports are `import { a, b as c } from './file.js';` with a relative path, at the start of
//!   a line, one or more lines long; no default or namespace imports, no `import()`;
//! - exports are `export function`, `export async function`, `export class` or `export const`
//!   with one name, at the start of a line; no `export let` (an importer would keep a stale copy),
//!   no export lists, no `export default`;
//! - no cycles between modules.
//!
//! Each module becomes a function scope that returns its exports, in the order the entry's
//! imports reach them (dependencies first), so module-private names never clash; its imports
//! become `const { a, b: c } = …;` of the modules they name, where its first import was. The
//! entry comes last, in a block.

use std::collections::HashMap;
use std::path::{Component, Path};

/// One module as read: its path (relative to the root, `/`-separated), its imports (path, and
/// the names as `name` or `name: local`), its exported names, and its body with both removed;
/// the imports go back in where the first one was (after the header comment).
struct Module {
    path: String,
    imports: Vec<(String, Vec<String>)>,
    imports_at: usize,
    exports: Vec<String>,
    body: String,
}

/// Joins `entry` (a path under `root`) and every module it imports into one script.
pub fn join(root: &Path, entry: &str) -> Result<String, String> {
    let mut order: Vec<Module> = Vec::new();
    let mut visiting: Vec<String> = Vec::new();
    visit(root, entry.to_string(), &mut order, &mut visiting)?;
    let mut vars: HashMap<&str, String> = HashMap::new();
    for m in &order {
        let var = var_name(&m.path);
        if let Some((other, _)) = vars.iter().find(|(_, v)| **v == var) {
            return Err(format!("{other} and {} would share the variable {var}; rename one", m.path));
        }
        vars.insert(&m.path, var);
    }
    let mut out = String::new();
    let last = order.len() - 1;
    for (i, m) in order.iter().enumerate() {
        out.push_str(&format!("// {}\n", m.path));
        if i == last {
            out.push_str("{\n");
        } else {
            out.push_str(&format!("const {} = (() => {{\n", vars[m.path.as_str()]));
        }
        out.push_str(&m.body[..m.imports_at]);
        for (from, names) in &m.imports {
            out.push_str(&format!("const {{ {} }} = {};\n", names.join(", "), vars[from.as_str()]));
        }
        out.push_str(&m.body[m.imports_at..]);
        if i == last {
            out.push_str("}\n");
        } else {
            out.push_str(&format!("return {{ {} }};\n}})();\n\n", m.exports.join(", ")));
        }
    }
    Ok(out)
}

/// Reads `path` and, first, every module it imports (depth first, so dependencies come first).
fn visit(root: &Path, path: String, order: &mut Vec<Module>, visiting: &mut Vec<String>) -> Result<(), String> {
    if order.iter().any(|m| m.path == path) {
        return Ok(());
    }
    if let Some(at) = visiting.iter().position(|p| *p == path) {
        let cycle = [&visiting[at..], std::slice::from_ref(&path)].concat().join(" → ");
        return Err(format!("the page's modules import in a cycle ({cycle}); isnad.html cannot join them"));
    }
    let text = std::fs::read_to_string(root.join(&path)).map_err(|e| format!("cannot read {path}: {e}"))?;
    let module = parse(&path, &text)?;
    visiting.push(path);
    for (dep, _) in &module.imports {
        visit(root, dep.clone(), order, visiting)?;
    }
    visiting.pop();
    order.push(module);
    Ok(())
}

fn parse(path: &str, text: &str) -> Result<Module, String> {
    let mut module =
        Module { path: path.to_string(), imports: Vec::new(), imports_at: 0, exports: Vec::new(), body: String::new() };
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let at = |what: &str| format!("{path}:{}: {what}", i + 1);
        if line.starts_with("import ") {
            let mut stmt = line.to_string();
            while !stmt.trim_end().ends_with(';') {
                let (_, more) = lines.next().ok_or_else(|| at("an import without its closing `;`"))?;
                stmt.push(' ');
                stmt.push_str(more);
            }
            let (names, from) = parse_import(&stmt).ok_or_else(|| {
                at("only `import { a, b as c } from './file.js';` can be joined into isnad.html (no default, namespace or side-effect imports)")
            })?;
            let from =
                resolve(path, &from).ok_or_else(|| at(&format!("`{from}`: import by a relative path, ./ or ../")))?;
            if module.imports.is_empty() {
                module.imports_at = module.body.len();
            }
            module.imports.push((from, names));
            continue;
        }
        if line.contains("import(") || line.contains("import.meta") {
            return Err(at("`import()` and `import.meta` cannot be joined into isnad.html; use a static import"));
        }
        if let Some(rest) = line.strip_prefix("export ") {
            let name = ["async function ", "function ", "class ", "const "]
                .iter()
                .find_map(|kw| rest.strip_prefix(kw))
                .map(|r| r.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).next().unwrap_or(""))
                .filter(|n| !n.is_empty())
                .ok_or_else(|| {
                    at("only `export function|async function|class|const NAME` can be joined into isnad.html (no `export let`, lists or defaults)")
                })?;
            module.exports.push(name.to_string());
            module.body.push_str(rest);
            module.body.push('\n');
            continue;
        }
        if line.starts_with("export") {
            return Err(at("only `export function|async function|class|const NAME` can be joined into isnad.html"));
        }
        module.body.push_str(line);
        module.body.push('\n');
    }
    Ok(module)
}

/// `import { a, b as c } from './x.js';` → (["a", "b: c"], "./x.js").
fn parse_import(stmt: &str) -> Option<(Vec<String>, String)> {
    let rest = stmt.strip_prefix("import")?.trim_start().strip_prefix('{')?;
    let (list, rest) = rest.split_once('}')?;
    let rest = rest.trim_start().strip_prefix("from")?.trim();
    let rest = rest.strip_suffix(';')?.trim_end();
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let from = rest.strip_prefix(quote)?.strip_suffix(quote)?;
    let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    let mut names = Vec::new();
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let words: Vec<&str> = item.split_whitespace().collect();
        match words[..] {
            [name] if ident(name) => names.push(name.to_string()),
            [name, "as", local] if ident(name) && ident(local) => names.push(format!("{name}: {local}")),
            _ => return None,
        }
    }
    (!names.is_empty()).then(|| (names, from.to_string()))
}

/// The path of `spec` imported from `from`, both relative to the root; None unless `spec` is
/// relative (./ or ../) and stays inside the root.
fn resolve(from: &str, spec: &str) -> Option<String> {
    if !(spec.starts_with("./") || spec.starts_with("../")) {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    let joined = Path::new(from).parent().unwrap_or(Path::new("")).join(spec);
    for c in joined.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// `app/i18n.js` → `__isnad_app_i18n`.
fn var_name(path: &str) -> String {
    let stem = path.strip_suffix(".js").unwrap_or(path);
    let tail: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    format!("__isnad_{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The files in a fresh directory of their own (tests run in parallel).
    fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("isnad-join-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (p, text) in files {
            let f = dir.join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, text).unwrap();
        }
        dir
    }

    #[test]
    fn modules_become_scopes_in_dependency_order() {
        let dir = tree(
            "order",
            &[
                (
                    "app.js",
                    "// entry\nimport { b } from './m/b.js';\nimport {\n  a as aa,\n} from \"./m/a.js\";\nb(aa);\n",
                ),
                ("m/a.js", "const x = 1;\nexport const a = x;\n"),
                (
                    "m/b.js",
                    "import { a } from './a.js';\nconst x = 2;\nexport function b(y) {\n  return a + x + y;\n}\n",
                ),
            ],
        );
        let js = join(&dir, "app.js").unwrap();
        assert_eq!(
            js,
            "// m/a.js\nconst __isnad_m_a = (() => {\nconst x = 1;\nconst a = x;\nreturn { a };\n})();\n\n\
             // m/b.js\nconst __isnad_m_b = (() => {\nconst { a } = __isnad_m_a;\nconst x = 2;\nfunction b(y) {\n  return a + x + y;\n}\nreturn { b };\n})();\n\n\
             // app.js\n{\n// entry\nconst { b } = __isnad_m_b;\nconst { a: aa } = __isnad_m_a;\nb(aa);\n}\n"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn what_cannot_be_joined_is_an_error_that_says_where() {
        let cases: &[(&str, &str)] = &[
            ("export let n = 1;\n", "app.js:1: only `export function|async function|class|const NAME`"),
            ("export { a };\n", "app.js:1: only `export function|async function|class|const NAME`"),
            ("export default 1;\n", "app.js:1: only `export function|async function|class|const NAME`"),
            ("export const { a } = b;\n", "app.js:1: only `export function|async function|class|const NAME`"),
            ("\nimport x from './x.js';\n", "app.js:2: only `import { a, b as c } from './file.js';`"),
            ("import * as x from './x.js';\n", "app.js:1: only `import { a, b as c } from './file.js';`"),
            ("import { a } from 'x';\n", "app.js:1: `x`: import by a relative path"),
            ("const m = await import('./x.js');\n", "app.js:1: `import()` and `import.meta`"),
            ("import { a } from './x.js'\n", "app.js:1: an import without its closing `;`"),
        ];
        for (text, want) in cases {
            let dir = tree("errors", &[("app.js", text)]);
            let err = join(&dir, "app.js").unwrap_err();
            assert!(err.starts_with(want), "{text:?}: {err}");
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn a_cycle_is_named() {
        let dir = tree(
            "cycle",
            &[
                ("app.js", "import { a } from './a.js';\n"),
                ("a.js", "import { b } from './b.js';\nexport const a = 1;\n"),
                ("b.js", "import { a } from './a.js';\nexport const b = 2;\n"),
            ],
        );
        let err = join(&dir, "app.js").unwrap_err();
        assert!(err.contains("(a.js → b.js → a.js)"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_page_joins_and_every_module_in_www_app_is_reached() {
        let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www");
        let js = format!("\n{}", join(&www, "app.js").unwrap());
        for e in std::fs::read_dir(www.join("app")).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            assert!(js.contains(&format!("\n// app/{name}\n")), "www/app/{name} is not imported by the page");
        }
    }

    #[test]
    fn relative_paths_resolve_inside_the_root() {
        assert_eq!(resolve("app.js", "./app/i18n.js").as_deref(), Some("app/i18n.js"));
        assert_eq!(resolve("app/reading.js", "./dom.js").as_deref(), Some("app/dom.js"));
        assert_eq!(resolve("app/reading.js", "../files.js").as_deref(), Some("files.js"));
        assert_eq!(resolve("app.js", "../x.js"), None);
        assert_eq!(resolve("app.js", "/x.js"), None);
        assert_eq!(var_name("app/i18n.js"), "__isnad_app_i18n");
    }
}
