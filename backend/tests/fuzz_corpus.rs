//! Replays the committed fuzz corpus of the backend targets (`fuzz/corpus/<target>/`, and any
//! crash regressions kept in `fuzz/artifacts/<target>/`) through the very checks the fuzz
//! targets run (`fuzz/src/backend_checks.rs`, included here), so that `cargo test` on stable
//! keeps every input the fuzzer ever found interesting passing. See `fuzz/README.md`.

#[path = "../../fuzz/src/backend_checks.rs"]
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
fn every_request_body_of_the_corpus_is_parsed_or_refused_with_a_400_and_never_panics() {
    replay("backend_request", checks::backend_request);
}

#[test]
fn no_webhook_of_the_corpus_is_accepted_unless_genuine_and_every_genuine_one_is() {
    replay("webhook_verify", checks::webhook_verify);
}
