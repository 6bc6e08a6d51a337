//! Fuzz target: arbitrary bytes through `isms_fuzz::bundle`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| isms_fuzz::bundle(data));
