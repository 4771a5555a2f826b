//! `cargo xtask train [--check]`: learns the weights of `src/learn.rs` from the annotated real
//! articles (model/train.py says how), after building the feature dumper it reads.

use crate::util::{cargo, root, run};
use std::process::Command;

pub fn train_cmd(args: &[String]) -> Result<(), String> {
    let check = match args {
        [] => false,
        [a] if a == "--check" => true,
        _ => return Err(format!("unknown arguments to train: {args:?} (only --check)")),
    };
    run(
        cargo().args(["build", "--release", "--example", "features"]),
        "the feature dumper (model/features.rs) must build",
    )?;
    let mut py = Command::new("python3");
    py.current_dir(root()).arg("model/train.py");
    if check {
        py.arg("--check");
    }
    run(&mut py, "training needs python3 and ../shared/eval/score.py (the scorer's matching)")
}
