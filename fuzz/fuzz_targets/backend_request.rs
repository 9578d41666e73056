#![no_main]
//! See `paykka_fuzz::backend_checks::backend_request` for what is checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| paykka_fuzz::backend_checks::backend_request(data));
