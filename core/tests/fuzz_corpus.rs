//! Replays the committed fuzz corpus of the core targets (`fuzz/corpus/<target>/`, and any
//! crash regressions kept in `fuzz/artifacts/<target>/`) through the very checks the fuzz
//! targets run (`fuzz/src/core_checks/`, included here), so that `cargo test` on stable
//! keeps every input the fuzzer ever found interesting passing. See `fuzz/README.md`.

#[path = "../../fuzz/src/core_checks/mod.rs"]
mod checks;

#[path = "../../fuzz/src/replay.rs"]
mod replay;

use replay::replay;

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

#[test]
fn envelope_payloads_of_the_corpus_decode_totally_and_are_refused_anywhere_else() {
    replay("card_envelope", checks::card_envelope);
}
