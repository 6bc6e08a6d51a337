//! The crash harness: each trial copies a small vault, starts a child process (this binary
//! again, with `ISMS_CRASH_CHILD` set) that makes the trial's writes through the core (record
//! edits, evidence files, a training import, a passphrase change) and reports each commit in
//! a ledger it fsyncs, kills it with SIGKILL at a moment drawn from the trial's seed, and then
//! checks the vault: it opens with exactly one of the two passphrases, `quick_check` and
//! `cipher_integrity_check` pass, and it holds exactly what the ledgered commits wrote, or
//! that plus the one commit the child made but had no time to report.
//!
//! `ISMS_CRASH_TRIALS` (default 50) trials run on two threads; trial `t` has seed
//! `ISMS_CRASH_SEED + t` (default 27001), and a failing trial prints the seed that replays
//! its plan and kill time. `make crash-test TRIALS=1000` runs more.

mod child;
mod plan;
mod trial;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{name} must be a number"))
        })
        .unwrap_or(default)
}

fn main() {
    if let Ok(dir) = std::env::var("ISMS_CRASH_CHILD") {
        let seed = env_u64("ISMS_CRASH_TRIAL_SEED", 0);
        if let Err(err) = child::run(std::path::Path::new(&dir), seed) {
            eprintln!("child failed: {:?}: {}", err.code, err.message);
            std::process::exit(2);
        }
        return;
    }
    let trials = env_u64("ISMS_CRASH_TRIALS", 50);
    let first = env_u64("ISMS_CRASH_SEED", 27001);
    let root = tempfile::tempdir().expect("temp dir");
    let template = trial::template(root.path());
    let started = Instant::now();
    let next = AtomicU64::new(0);
    let outcomes = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let t = next.fetch_add(1, Ordering::SeqCst);
                    if t >= trials {
                        break;
                    }
                    let seed = first + t;
                    let outcome = trial::run(&template, root.path(), seed);
                    if let Err(problem) = &outcome {
                        eprintln!(
                            "trial with seed {seed} FAILED: {problem}\n  replay it: \
                             ISMS_CRASH_SEED={seed} ISMS_CRASH_TRIALS=1"
                        );
                    }
                    outcomes.lock().unwrap().push(outcome);
                }
            });
        }
    });
    let outcomes = outcomes.into_inner().unwrap();
    let passed: Vec<&trial::Report> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    let failed = outcomes.len() - passed.len();
    let count = |f: fn(&trial::Report) -> bool| passed.iter().filter(|r| f(r)).count();
    println!(
        "crash harness: {} trials (seeds {first}..{}) in {:.0?}: {failed} failed; of those that \
         passed, {} were killed before the end of their plan, {} had made a commit they had \
         not reported yet, {} were killed during or after the passphrase change, {} held a \
         2-20 MB evidence file",
        outcomes.len(),
        first + trials,
        started.elapsed(),
        count(|r| r.killed_mid_plan),
        count(|r| r.unreported_commit),
        count(|r| r.passphrase_changed_or_changing),
        count(|r| r.big_evidence),
    );
    if failed > 0 {
        std::process::exit(1);
    }
}
