#![no_main]
//! See `paykka_fuzz::core_checks::frame_message` for what is checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| paykka_fuzz::core_checks::frame_message(data));
