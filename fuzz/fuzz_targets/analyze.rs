//! Fuzz target: any bytes, read as lossy UTF-8 (what a page gets from a pasted or dropped file),
//! must analyze without panicking and keep every invariant of `tests/invariants/mod.rs` — the
//! same checks as the property tests (but determinism, and analyzing once rather than once per offset
//! unit, for speed), so a crash here is a failing property there.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_once(&text);
});
