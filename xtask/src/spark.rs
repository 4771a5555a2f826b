//! `cargo xtask test spark`: a local Spark job over an archive, two ways — `RDD.pipe` through
//! the CLI as the README says, and `mapPartitions` with the Python package — each compared with
//! one `isnad --jsonl` run (tests/spark/test_spark.py, under pytest).
//!
//! Installs what it needs when missing: Java 17 or newer (Debian's default-jre-headless with
//! apt-get, as root; otherwise it says what to install), and pyspark at the version of
//! bindings/python/requirements-spark.txt into the Python tests' venv, target/py-venv.

use crate::python;
use crate::tools;
use crate::util::{run, which};
use std::process::Command;

const REQUIREMENTS: &str = "bindings/python/requirements-spark.txt";
const TESTS: &str = "tests/spark";
/// The oldest Java that pyspark 4 runs on.
const JAVA_MIN: u32 = 17;

/// `cargo xtask setup`'s part: Java and pyspark, without building anything.
pub fn setup() -> Result<(), String> {
    java()?;
    python::install_pinned(&python::venv()?, REQUIREMENTS)
}

pub fn test() -> Result<(), String> {
    java()?;
    let python = python::install()?;
    python::install_pinned(&python, REQUIREMENTS)?;
    // -s: the test prints how long each way took, and how many records it compared.
    python::pytest(TESTS, &["-s"])
}

/// The major version of `java` on PATH (`java -version` prints `openjdk version "17.0.15" …` on
/// standard error; Java 8 wrote "1.8.0").
fn java_version() -> Option<u32> {
    let out = Command::new("java").arg("-version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let quoted = text.split('"').nth(1)?;
    let mut parts = quoted.split(['.', '-', '+']);
    match parts.next()?.parse().ok()? {
        1 => parts.next()?.parse().ok(),
        n => Some(n),
    }
}

/// Java 17 or newer on PATH, installed from Debian when missing and we are root.
fn java() -> Result<(), String> {
    match java_version() {
        Some(v) if v >= JAVA_MIN => return Ok(()),
        Some(v) => eprintln!("xtask: java on PATH is Java {v}; pyspark 4 needs {JAVA_MIN} or newer"),
        None => eprintln!("xtask: no java on PATH; Spark needs a Java runtime ({JAVA_MIN} or newer)"),
    }
    let hint = format!(
        "install a Java runtime, {JAVA_MIN} or newer, e.g. on Debian: sudo apt-get install default-jre-headless \
         (xtask installs it itself only when run as root on a system with apt-get)"
    );
    if !(tools::is_root() && which("apt-get").is_some()) {
        return Err(hint);
    }
    eprintln!("xtask: installing Debian's default-jre-headless with apt-get");
    run(Command::new("apt-get").arg("update"), &hint)?;
    run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "default-jre-headless"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        &hint,
    )?;
    match java_version() {
        Some(v) if v >= JAVA_MIN => Ok(()),
        Some(v) => Err(format!("Debian's default-jre-headless is Java {v}, older than {JAVA_MIN}: {hint}")),
        None => Err(format!("java is still not on PATH after installing default-jre-headless: {hint}")),
    }
}
