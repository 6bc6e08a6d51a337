//! The fuzz corpora on the stable toolchain: every seed in `fuzz/corpus/<target>/` runs
//! through its harness, then deterministic mutations of each (bits flipped, bytes set to
//! what parsers trip on, cuts, repeated and inserted runs). `make fuzz` runs the real fuzzer;
//! this keeps every seed, and every crash the fuzzer once found (saved as a seed), passing in
//! `make test`. `ISMS_FUZZ_MUTATIONS` sets the mutations per seed (default 60).

use std::path::{Path, PathBuf};

/// Bytes that parsers of JSON, CSV and ZIP treat specially.
const INTERESTING: &[u8] = b"\0\xff\x7f\"{}[],;\n\r\\:PK\x03\x04\x05\x06-+.e0";

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(6) {
            0 if len > 0 => data[rng.below(len)] ^= 1 << rng.below(8),
            1 if len > 0 => data[rng.below(len)] = INTERESTING[rng.below(INTERESTING.len())],
            2 => data.truncate(rng.below(len + 1)),
            3 if len > 0 => {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(64)).min(len);
                let run = data[from..to].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, run);
            }
            4 => {
                let at = rng.below(len + 1);
                let run: Vec<u8> = (0..1 + rng.below(16))
                    .map(|_| INTERESTING[rng.below(INTERESTING.len())])
                    .collect();
                data.splice(at..at, run);
            }
            _ if len > 0 => {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(256)).min(len);
                data.drain(from..to);
            }
            _ => data.push(INTERESTING[rng.below(INTERESTING.len())]),
        }
    }
    data
}

fn seeds(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn run(target: &str, harness: fn(&[u8]), min_seeds: usize) {
    let files = seeds(target);
    assert!(
        files.len() >= min_seeds,
        "{target}: {} seeds, expected at least {min_seeds}",
        files.len()
    );
    let mutations: usize = std::env::var("ISMS_FUZZ_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    for (i, file) in files.iter().enumerate() {
        let seed = std::fs::read(file).unwrap();
        harness(&seed);
        let mut rng = Rng(0x0002_7001 + i as u64);
        for m in 0..mutations {
            let input = mutate(&seed, &mut rng);
            let outcome = std::panic::catch_unwind(|| harness(&input));
            if let Err(panic) = outcome {
                let saved = std::env::temp_dir().join(format!("{target}-crash-{i}-{m}"));
                std::fs::write(&saved, &input).unwrap();
                std::panic::resume_unwind(Box::new(format!(
                    "{target}: mutation {m} of {} panicked (input saved to {}): {:?}",
                    file.display(),
                    saved.display(),
                    panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                )));
            }
        }
    }
}

#[test]
fn snapshot_seeds_and_their_mutations() {
    run("snapshot", isms_fuzz::snapshot, 3);
}

#[test]
fn sheet_seeds_and_their_mutations() {
    run("sheet", isms_fuzz::sheet, 6);
}

#[test]
fn bundle_seeds_and_their_mutations() {
    run("bundle", isms_fuzz::bundle, 2);
}
