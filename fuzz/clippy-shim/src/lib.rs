//! `fuzz_target!` as a plain function over the input, so a target's body type-checks and is
//! linted exactly as written. Only the `|data: &[u8]| body` form, the one our targets use.

/// Wraps a fuzz target's body in a function that takes the fuzzer's bytes.
#[macro_export]
macro_rules! fuzz_target {
    (|$data:ident: &[u8]| $body:expr) => {
        /// What libFuzzer would call with each input.
        #[allow(dead_code)]
        fn fuzz_one_input($data: &[u8]) {
            $body
        }
    };
}
