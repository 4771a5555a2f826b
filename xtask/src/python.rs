//! The Python package (bindings/python/): a venv of our own with maturin and pytest at the
//! versions of bindings/python/requirements-dev.txt, the abi3 wheel, and its pytest suite.
//!
//!   target/py-venv/        python3 -m venv, then pip install -r requirements-dev.txt (once)
//!   target/py-wheels/      the wheel `cargo xtask test python` installs into that venv
//!   dist/python/           the wheel `cargo xtask dist` builds, for `pip install`

use crate::tools;
use crate::util::{self, output, root, run, which};
use std::path::{Path, PathBuf};
use std::process::Command;

const MANIFEST: &str = "bindings/python/Cargo.toml";
const REQUIREMENTS: &str = "bindings/python/requirements-dev.txt";
const TESTS: &str = "bindings/python/tests";

pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => root().join(d),
        None => root().join("target"),
    }
}

fn venv_dir() -> PathBuf {
    target_dir().join("py-venv")
}

fn venv_python() -> PathBuf {
    venv_dir().join("bin/python")
}

/// `name==version` lines of a requirements file (`requirements`, relative to the root).
fn pins(requirements: &str) -> Result<Vec<(String, String)>, String> {
    let path = root().join(requirements);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| match l.split_once("==") {
            Some((n, v)) => Ok((n.trim().to_string(), v.trim().to_string())),
            None => Err(format!("{}: {l:?} is not pinned as name==version", path.display())),
        })
        .collect()
}

/// Whether `python` runs and is 3.10 or newer (the wheel is abi3-py310).
fn python_ok(python: &Path) -> bool {
    output(Command::new(python).args(["-c", "import sys; print(sys.version_info >= (3, 10))"]))
        .is_some_and(|s| s.trim() == "True")
}

/// `python3 -m venv target/py-venv`; on Debian, whose python3 has no venv module until the
/// python3-venv package is installed, installs it with apt-get when we are root (as Chromium).
fn create_venv(venv: &Path) -> Result<(), String> {
    let Some(python3) = which("python3") else {
        return Err(
            "python3 is not on PATH; install Python 3.10 or newer (e.g. apt-get install python3 python3-venv)".into()
        );
    };
    if !python_ok(&python3) {
        return Err(format!("{} is older than Python 3.10, which the package needs", python3.display()));
    }
    let has_venv = |p: &Path| output(Command::new(p).args(["-c", "import venv, ensurepip"])).is_some();
    if !has_venv(&python3) {
        let debian = python3.canonicalize().is_ok_and(|p| p.starts_with("/usr/bin")) && which("apt-get").is_some();
        if !(debian && tools::is_root()) {
            return Err(format!(
                "{} has no venv module (or no ensurepip), which the Python tests need for a venv of their own\n  \
                 install it, e.g. on Debian: sudo apt-get install python3-venv\n  \
                 (xtask installs it itself only when run as root on a system with apt-get)",
                python3.display()
            ));
        }
        eprintln!("xtask: installing Debian's python3-venv with apt-get");
        let hint = "install it by hand: apt-get update && apt-get install -y python3-venv";
        run(Command::new("apt-get").arg("update"), hint)?;
        run(
            Command::new("apt-get")
                .args(["install", "-y", "--no-install-recommends", "python3-venv"])
                .env("DEBIAN_FRONTEND", "noninteractive"),
            hint,
        )?;
    }
    if venv.exists() {
        std::fs::remove_dir_all(venv).map_err(|e| format!("cannot remove the broken venv {}: {e}", venv.display()))?;
    }
    run(
        Command::new(&python3).args(["-m", "venv"]).arg(venv),
        "create it by hand (python3 -m venv target/py-venv), or install python3-venv",
    )
}

/// The venv's python, with maturin and pytest at their pinned versions: creates the venv and
/// installs them only when missing or at another version.
pub fn venv() -> Result<PathBuf, String> {
    let python = venv_python();
    if !python_ok(&python) {
        create_venv(&venv_dir())?;
    }
    install_pinned(&python, REQUIREMENTS)?;
    Ok(python)
}

/// Installs the packages of `requirements` (pinned `name==version`, relative to the root) into
/// the venv of `python`, unless each is there at its version already.
pub fn install_pinned(python: &Path, requirements: &str) -> Result<(), String> {
    let pins = pins(requirements)?;
    let names: Vec<String> = pins.iter().map(|p| format!("{:?}", p.0)).collect();
    let script = format!(
        "import importlib.metadata as m\nfor n in [{}]:\n    try: print(n + '==' + m.version(n))\n    except m.PackageNotFoundError: print(n + '==none')",
        names.join(", ")
    );
    let have = output(Command::new(python).args(["-c", &script])).unwrap_or_default();
    let want: Vec<String> = pins.iter().map(|(n, v)| format!("{n}=={v}")).collect();
    if have.lines().map(str::trim).collect::<Vec<_>>() != want {
        eprintln!("xtask: installing {} into {}", want.join(", "), venv_dir().display());
        run(
            Command::new(python)
                .args(["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "-r"])
                .arg(root().join(requirements)),
            &format!("install them by hand: {} -m pip install -r {requirements}", python.display()),
        )?;
    }
    Ok(())
}

/// Builds the abi3 wheel into `out` (its older isnad wheels removed) and returns its path.
pub fn wheel(out: &Path) -> Result<PathBuf, String> {
    let python = venv()?;
    let is_wheel = |p: &Path| {
        p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("isnad-") && n.ends_with(".whl"))
    };
    let wheels = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| is_wheel(p)).collect())
            .unwrap_or_default()
    };
    for old in wheels(out) {
        std::fs::remove_file(&old).map_err(|e| format!("cannot remove {}: {e}", old.display()))?;
    }
    run(
        Command::new(venv_dir().join("bin/maturin"))
            .args(["build", "--release", "--manifest-path"])
            .arg(root().join(MANIFEST))
            .arg("--out")
            .arg(out)
            .arg("--interpreter")
            .arg(&python)
            .current_dir(root()),
        "the Python package does not build; fix the errors above",
    )?;
    match wheels(out).as_slice() {
        [one] => Ok(one.clone()),
        found => Err(format!("maturin built {} isnad wheels in {}, expected one", found.len(), out.display())),
    }
}

/// `cargo xtask dist`'s part: the wheel in dist/python/.
pub fn dist(dist: &Path) -> Result<PathBuf, String> {
    let out = dist.join("python");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let whl = wheel(&out)?;
    let size = std::fs::metadata(&whl).map(|m| m.len()).unwrap_or(0);
    eprintln!("xtask: {} (the Python package, abi3: CPython 3.10 and later), {}", whl.display(), util::kb(size));
    Ok(whl)
}

/// The CLI (the tests compare with it) and the wheel, installed into the venv; returns the
/// venv's python.
pub fn install() -> Result<PathBuf, String> {
    let python = venv()?;
    // Built with the binding crate in the same invocation, so that features are unified as in
    // maturin's build (PyO3's dependencies turn on features of crates the core shares): the two
    // builds then share the core's compiled code instead of rebuilding it in turn.
    run(
        util::cargo().args(["build", "--release", "-p", "isnad", "-p", "isnad-python", "--bin", "isnad"]),
        "the CLI does not build; fix the errors above",
    )?;
    let whl = wheel(&target_dir().join("py-wheels"))?;
    run(
        Command::new(&python)
            .args(["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "--no-deps", "--force-reinstall"])
            .arg(&whl),
        "",
    )?;
    Ok(python)
}

/// pytest from the venv on `tests` (relative to the root), with the CLI's path in `ISNAD_CLI`.
pub fn pytest(tests: &str, extra: &[&str]) -> Result<(), String> {
    run(
        // The venv's pytest script, not `python -m pytest`, which would put the working directory
        // first on sys.path: the tests import the installed wheel.
        Command::new(venv_dir().join("bin/pytest"))
            .args(["-p", "no:cacheprovider", "-q"])
            .args(extra)
            .arg(root().join(tests))
            .env("ISNAD_CLI", cli())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .current_dir(root()),
        "",
    )
}

/// The release CLI that `install` builds.
pub fn cli() -> PathBuf {
    target_dir().join("release/isnad")
}

/// `cargo xtask test python`: the CLI, the wheel, installed into the venv, then pytest on
/// bindings/python/tests.
pub fn test() -> Result<(), String> {
    install()?;
    pytest(TESTS, &[])
}
