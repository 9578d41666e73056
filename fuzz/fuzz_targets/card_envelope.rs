#![no_main]
//! See `paykka_fuzz::core_checks::card_envelope` for what is checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| paykka_fuzz::core_checks::card_envelope(data));
