//! What a crash-harness child does, as plain data: a list of operations drawn from the trial's
//! seed, and the model of the vault after the first `n` of them. The child performs the list
//! through the core; the parent replays the model to know what the vault must hold.

use std::collections::{BTreeMap, BTreeSet};

pub const PASSPHRASES: [&str; 2] = [
    "crash harness passphrase zero",
    "crash harness passphrase one!",
];
pub const COURSE: &str = "Security awareness";
const OPS: usize = 60;

#[derive(Clone, Debug)]
pub enum Op {
    AddPerson(usize),
    Rename(usize, usize),
    Scope(usize),
    /// Evidence file `n` of `len` bytes, its content drawn from [`evidence_bytes`].
    Evidence(usize, usize),
    /// A training import (CSV) of a completion for everyone added so far.
    Import,
    /// From `PASSPHRASES[0]` to `PASSPHRASES[1]`.
    Passphrase,
}

/// The trial's operations. Every fourth seed adds one evidence file of 2–20 MB; the other
/// files are small so that a trial stays short.
pub fn plan(seed: u64) -> Vec<Op> {
    let mut rng = Rng::new(seed);
    let pass_at = 5 + rng.below(40) as usize;
    let big_at = seed
        .is_multiple_of(4)
        .then(|| rng.below(OPS as u64) as usize);
    let (mut people, mut files, mut revision, mut ops) = (0, 0, 0, Vec::new());
    for i in 0..OPS {
        let op = if i == pass_at {
            Op::Passphrase
        } else if Some(i) == big_at {
            files += 1;
            Op::Evidence(files, 2_000_000 + rng.below(18_000_001) as usize)
        } else {
            match rng.below(10) {
                _ if people < 3 => {
                    people += 1;
                    Op::AddPerson(people)
                }
                0..=3 => {
                    people += 1;
                    Op::AddPerson(people)
                }
                4 | 5 => {
                    revision += 1;
                    Op::Rename(1 + rng.below(people as u64) as usize, revision)
                }
                6 => {
                    revision += 1;
                    Op::Scope(revision)
                }
                7 | 8 => {
                    files += 1;
                    Op::Evidence(files, 1 + rng.below(300_000) as usize)
                }
                _ => Op::Import,
            }
        };
        ops.push(op);
    }
    ops
}

pub fn email(person: usize) -> String {
    format!("p{person}@crash.example")
}

pub fn file_name(n: usize) -> String {
    format!("evidence-{n}.bin")
}

/// The bytes of evidence file `n`: the same for every trial and every run.
pub fn evidence_bytes(n: usize, len: usize) -> Vec<u8> {
    let mut rng = Rng::new(0xE71D_0000 + n as u64);
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        out.extend_from_slice(&rng.next_u64().to_le_bytes());
    }
    out.truncate(len);
    out
}

/// What the vault holds: people by e-mail, the scope, evidence (name → bytes' file and
/// length), who has a training completion, and which passphrase opens it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Model {
    pub people: BTreeMap<String, String>,
    pub scope: String,
    pub evidence: BTreeMap<String, (usize, usize)>,
    pub trained: BTreeSet<String>,
    pub passphrase: usize,
}

impl Model {
    /// The model after the first `n` operations of `ops`.
    pub fn after(ops: &[Op], n: usize) -> Model {
        let mut m = Model::default();
        for op in &ops[..n] {
            match op {
                Op::AddPerson(p) => {
                    m.people.insert(email(*p), format!("Person {p}"));
                }
                Op::Rename(p, r) => {
                    m.people
                        .insert(email(*p), format!("Person {p} revision {r}"));
                }
                Op::Scope(r) => m.scope = format!("Scope revision {r}"),
                Op::Evidence(f, len) => {
                    m.evidence.insert(file_name(*f), (*f, *len));
                }
                Op::Import => m.trained.extend(m.people.keys().cloned()),
                Op::Passphrase => m.passphrase = 1,
            }
        }
        m
    }
}

/// SplitMix64, the same small generator as the demo company's (which the core keeps to
/// itself): the same seed gives the same plan on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}
