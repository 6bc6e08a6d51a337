//! Fuzz target: arbitrary bytes through `isms_fuzz::sheet`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| isms_fuzz::sheet(data));
