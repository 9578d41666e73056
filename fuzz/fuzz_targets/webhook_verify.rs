#![no_main]
//! See `paykka_fuzz::backend_checks::webhook_verify` for what is checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| paykka_fuzz::backend_checks::webhook_verify(data));
