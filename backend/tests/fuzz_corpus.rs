//! Replays the committed fuzz corpus of the backend targets (`fuzz/corpus/<target>/`, and any
//! crash regressions kept in `fuzz/artifacts/<target>/`) through the very checks the fuzz
//! targets run (`fuzz/src/backend_checks.rs`, included here), so that `cargo test` on stable
//! keeps every input the fuzzer ever found interesting passing. See `fuzz/README.md`.

#[path = "../../fuzz/src/backend_checks.rs"]
mod checks;

#[path = "../../fuzz/src/replay.rs"]
mod replay;

use replay::replay;

#[test]
fn every_request_body_of_the_corpus_is_parsed_or_refused_with_a_400_and_never_panics() {
    replay("backend_request", checks::backend_request);
}

#[test]
fn no_webhook_of_the_corpus_is_accepted_unless_genuine_and_every_genuine_one_is() {
    replay("webhook_verify", checks::webhook_verify);
}
