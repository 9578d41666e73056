//! Replays the committed fuzz corpus of the core targets (`fuzz/corpus/<target>/`, and any
//! crash regressions kept in `fuzz/artifacts/<target>/`) through the very checks the fuzz
//! targets run (`fuzz/src/core_checks.rs`, included here), so that `cargo test` on stable
//! keeps every input the fuzzer ever found interesting passing. See `fuzz/README.md`.

#[path = "../../fuzz/src/core_checks.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Runs `check` on every corpus and regression file of `target`; fails on an empty corpus.
fn replay(target: &str, check: fn(&[u8])) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let corpus = files(&fuzz.join("corpus").join(target));
    assert!(
        !corpus.is_empty(),
        "fuzz/corpus/{target} is missing or empty: nothing to replay"
    );
    let regressions = files(&fuzz.join("artifacts").join(target));
    let mut failed = Vec::new();
    for path in corpus.iter().chain(&regressions) {
        let data = std::fs::read(path).expect("read corpus file");
        if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} {target} inputs broke a check: {failed:#?}",
        failed.len(),
        corpus.len() + regressions.len()
    );
}

#[test]
fn card_numbers_security_codes_and_holder_names_of_the_corpus_keep_their_invariants() {
    replay("card_number", checks::card_number);
}

#[test]
fn the_card_number_and_security_code_formatting_of_the_corpus_keeps_digits_and_carets() {
    replay("card_format", checks::card_format);
}

#[test]
fn expiries_of_the_corpus_round_trip_through_their_display_form() {
    replay("expiry", checks::expiry);
}

#[test]
fn frame_messages_of_the_corpus_decode_to_what_they_encode_and_carry_no_card_number() {
    replay("frame_message", checks::frame_message);
}
