//! The checks the fuzz targets run, as ordinary functions: the same code runs under libFuzzer
//! (`fuzz_targets/`, nightly) and in the stable corpus replay of `cargo test`
//! (`core/tests/fuzz_corpus.rs` and `backend/tests/fuzz_corpus.rs` include these files with
//! `#[path]`). Each function takes the fuzzer's bytes, panics on a broken invariant and
//! returns quietly otherwise.

pub mod backend_checks;
pub mod core_checks;
