//! `isnad` — the command line: the analysis of one Arabic news text as JSON, CSV or an
//! explanation, or of an archive of JSON lines on all cores. The code is in `src/cli/`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI reads files and runs threads, and its dependencies are native only (Cargo.toml); the
/// wasm build has the JS API instead (`src/wasm.rs`). This stub lets `cargo test --target
/// wasm32-unknown-unknown` build the binary target it builds for every test run.
#[cfg(target_arch = "wasm32")]
fn main() {}
