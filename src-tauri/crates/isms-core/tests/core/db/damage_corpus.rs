//! The damaged-vault corpus: more than a thousand damaged copies of two small vaults, each
//! opened through `Vault::open` with the right passphrase. Every copy must give a coded error
//! or open and read back exactly a state that was committed (never a panic, a hang or data
//! that no commit wrote), and a copy that fails to open must be left byte for byte as it was.
//!
//! One vault was closed cleanly (no write-ahead log); it gets bit flips, truncation at every
//! page boundary of its first pages, zeroed, swapped and duplicated pages, appended garbage and
//! a 0-byte file. The other was copied as a crash leaves it, with committed frames in its
//! `-wal`; it gets a missing, stale, torn, flipped or foreign WAL and damage to the main file
//! under the WAL. A missing or stale WAL legitimately shows an earlier commit; a WAL from an
//! older generation of the same file (before a later checkpoint) is not in the corpus, since
//! nothing in SQLite ties a WAL to one checkpoint of its database. The cases come from a fixed
//! SplitMix64 seed and run on two threads, since each open pays the real key derivation.
//! `damage.rs` keeps the small, named cases.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use isms_core::demo::Rng;
use isms_core::evidence::{self, NewEvidence};
use isms_core::people::{self, Person};
use isms_core::{ErrorCode, Vault, organisation};
use sha2::{Digest, Sha256};

use crate::support::{PASS, Scratch, stamp};

const PAGE: usize = 4096;
const WAL_HEADER: usize = 32;
const FRAME: usize = 24 + PAGE;
/// Truncation at every boundary and a flip at three places of each of the first pages.
const FIRST_PAGES: usize = 24;
const SEED: u64 = 0x2700_1DA3_A6ED;
/// Far beyond the slowest open (two key derivations, well under a second each).
const HANG: Duration = Duration::from_secs(60);

/// What a reader sees: the organisation's scope, every person, every evidence file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    scope: String,
    people: BTreeMap<String, String>,
    evidence: BTreeMap<String, String>,
}

fn read_state(vault: &Vault) -> isms_core::Result<State> {
    let conn = vault.reader();
    let scope = organisation::get(conn)?.scope;
    let people = people::list(conn)?
        .into_iter()
        .map(|p| (p.email, p.name))
        .collect();
    let mut files = BTreeMap::new();
    for e in evidence::list(conn)? {
        let mut bytes = Vec::new();
        evidence::write_content(conn, e.id, &mut bytes)?;
        files.insert(e.file_name, hex::encode(Sha256::digest(&bytes)));
    }
    Ok(State {
        scope,
        people,
        evidence: files,
    })
}

/// A scope long enough to spill onto an overflow page, so overflow chains are in the corpus.
fn scope(rev: usize) -> String {
    format!(
        "Scope revision {rev}: {}",
        "development and hosting; ".repeat(220)
    )
}

fn add_person(vault: &mut Vault, i: usize) {
    let person = Person::new(
        &format!("Person {i:03} Łukasz"),
        &format!("p{i:03}@example.org"),
    );
    people::create(vault, stamp(i as i64), person).unwrap();
}

fn add_evidence(s: &Scratch, vault: &mut Vault, name: &str, len: usize, seed: u64) {
    let mut rng = Rng::new(seed);
    let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
    let path = s.path(name);
    std::fs::write(&path, bytes).unwrap();
    let new = NewEvidence {
        file_name: None,
        effective_date: None,
        description: "corpus".into(),
        links: Vec::new(),
    };
    evidence::add_file(vault, stamp(1), &path, new).unwrap();
}

/// The clean image: the vault's bytes after a close, and what it holds.
fn clean_image(s: &Scratch) -> (Vec<u8>, State) {
    let mut vault = s.vault("clean.isms");
    for i in 0..30 {
        add_person(&mut vault, i);
    }
    for rev in 0..6 {
        let mut org = organisation::get(vault.reader()).unwrap();
        org.scope = scope(rev);
        organisation::update(&mut vault, stamp(100 + rev as i64), org).unwrap();
    }
    add_evidence(s, &mut vault, "clean-evidence.bin", 3 * PAGE + 1234, 1);
    let state = read_state(&vault).unwrap();
    vault.close().unwrap();
    (std::fs::read(s.path("clean.isms")).unwrap(), state)
}

/// The crash image: a main file plus a WAL holding several commits, copied while the vault is
/// open. `commits[k]` is (WAL length, state) after the k-th commit; `commits[0]` is the
/// checkpointed state with an empty WAL.
struct Crash {
    main: Vec<u8>,
    wal: Vec<u8>,
    commits: Vec<(usize, State)>,
}

fn crash_image(s: &Scratch) -> Crash {
    let mut vault = s.vault("live.isms");
    for i in 0..12 {
        add_person(&mut vault, i);
    }
    add_evidence(s, &mut vault, "wal-evidence.bin", 2 * PAGE + 77, 2);
    vault.close().unwrap();
    let mut vault = s.reopen("live.isms", PASS).unwrap();
    let main = std::fs::read(s.path("live.isms")).unwrap();
    let wal_len = || std::fs::metadata(s.path("live.isms-wal")).map_or(0, |m| m.len() as usize);
    let mut commits = vec![(wal_len(), read_state(&vault).unwrap())];
    for k in 0..8 {
        if k % 3 == 2 {
            let mut org = organisation::get(vault.reader()).unwrap();
            org.scope = scope(50 + k);
            organisation::update(&mut vault, stamp(200 + k as i64), org).unwrap();
        } else {
            add_person(&mut vault, 100 + k);
        }
        commits.push((wal_len(), read_state(&vault).unwrap()));
    }
    let wal = std::fs::read(s.path("live.isms-wal")).unwrap();
    assert_eq!(
        std::fs::read(s.path("live.isms")).unwrap(),
        main,
        "the commits are in the WAL only (no checkpoint ran)"
    );
    assert!(
        commits.windows(2).all(|w| w[0].0 < w[1].0),
        "every commit appended frames"
    );
    drop(vault);
    Crash { main, wal, commits }
}

/// What an open of a case may give.
enum Expect {
    /// A coded error, or exactly this state.
    ErrorOr(State),
    /// Exactly this state (an undamaged or legitimately shorter WAL).
    Exactly(State),
    /// A coded error, or one of the committed states.
    ErrorOrOneOf(Vec<State>),
}

struct Case {
    name: String,
    main: Vec<u8>,
    wal: Option<Vec<u8>>,
    expect: Expect,
}

impl Case {
    fn new(name: String, main: Vec<u8>, wal: Option<Vec<u8>>, expect: Expect) -> Self {
        Self {
            name,
            main,
            wal,
            expect,
        }
    }
}

fn clean_cases(good: &[u8], state: &State, rng: &mut Rng) -> Vec<Case> {
    let pages = good.len() / PAGE;
    assert_eq!(good.len() % PAGE, 0, "a closed vault is whole pages");
    assert!(pages >= 20, "the sample spans {pages} pages");
    let mut cases = Vec::new();
    let mut push = |name: String, bytes: Vec<u8>| {
        cases.push(Case::new(name, bytes, None, Expect::ErrorOr(state.clone())));
    };
    push("empty file".into(), Vec::new());
    for k in 1..=FIRST_PAGES {
        push(format!("cut at page {k}"), good[..k * PAGE].to_vec());
    }
    for _ in 0..12 {
        let len = rng.below(good.len() as u64) as usize;
        push(format!("cut at byte {len}"), good[..len].to_vec());
    }
    // Every page's first, middle and last byte (the last is in its HMAC), then random bits.
    for p in 0..FIRST_PAGES {
        for at in [p * PAGE, p * PAGE + PAGE / 2, p * PAGE + PAGE - 1] {
            let mut bad = good.to_vec();
            bad[at] ^= 0x01;
            push(format!("bit 0 flipped at {at}"), bad);
        }
    }
    for _ in 0..460 {
        let at = rng.below(good.len() as u64) as usize;
        let bit = rng.below(8);
        let mut bad = good.to_vec();
        bad[at] ^= 1 << bit;
        push(format!("bit {bit} flipped at {at}"), bad);
    }
    for i in 0..FIRST_PAGES + 8 {
        let p = if i < FIRST_PAGES {
            i
        } else {
            rng.below(pages as u64) as usize
        };
        let mut bad = good.to_vec();
        bad[p * PAGE..(p + 1) * PAGE].fill(0);
        push(format!("page {} zeroed", p + 1), bad);
    }
    for _ in 0..25 {
        let (a, b) = (
            rng.below(pages as u64) as usize,
            rng.below(pages as u64) as usize,
        );
        if a == b {
            continue;
        }
        let mut bad = good.to_vec();
        for i in 0..PAGE {
            bad.swap(a * PAGE + i, b * PAGE + i);
        }
        push(format!("pages {} and {} swapped", a + 1, b + 1), bad);
        let mut bad = good.to_vec();
        bad.copy_within(a * PAGE..(a + 1) * PAGE, b * PAGE);
        push(format!("page {} copied over page {}", a + 1, b + 1), bad);
    }
    for len in [1, 15, 16, 100, PAGE - 1, PAGE, PAGE + 1, 3 * PAGE + 7] {
        for zeros in [false, true] {
            let mut bad = good.to_vec();
            bad.extend((0..len).map(|_| if zeros { 0 } else { rng.next_u64() as u8 }));
            let kind = if zeros { "zero" } else { "random" };
            push(format!("{len} {kind} bytes appended"), bad);
        }
    }
    cases
}

/// The state a WAL cut to `len` bytes shows: the last commit wholly inside it.
fn state_at(commits: &[(usize, State)], len: usize) -> State {
    commits
        .iter()
        .rev()
        .find(|(end, _)| *end <= len)
        .map_or_else(|| commits[0].1.clone(), |(_, s)| s.clone())
}

fn crash_cases(c: &Crash, foreign_wal: &[u8], rng: &mut Rng) -> Vec<Case> {
    let last = c.commits.last().unwrap().1.clone();
    let base = c.commits[0].1.clone();
    let all: Vec<State> = c.commits.iter().map(|(_, s)| s.clone()).collect();
    let frames = (c.wal.len() - WAL_HEADER) / FRAME;
    assert_eq!(
        (c.wal.len() - WAL_HEADER) % FRAME,
        0,
        "the WAL is whole frames"
    );
    let mut cases = vec![
        Case::new(
            "the crash image as it is".into(),
            c.main.clone(),
            Some(c.wal.clone()),
            Expect::Exactly(last.clone()),
        ),
        Case::new(
            "the WAL missing".into(),
            c.main.clone(),
            None,
            Expect::Exactly(base.clone()),
        ),
        Case::new(
            "a 0-byte WAL".into(),
            c.main.clone(),
            Some(Vec::new()),
            Expect::Exactly(base.clone()),
        ),
        Case::new(
            "another vault's WAL".into(),
            c.main.clone(),
            Some(foreign_wal.to_vec()),
            Expect::ErrorOr(base.clone()),
        ),
    ];
    for (k, (end, state)) in c.commits.iter().enumerate().skip(1) {
        cases.push(Case::new(
            format!("a stale WAL, as it was after commit {k}"),
            c.main.clone(),
            Some(c.wal[..*end].to_vec()),
            Expect::Exactly(state.clone()),
        ));
    }
    for f in 0..frames {
        let cut = WAL_HEADER + f * FRAME + rng.below(FRAME as u64) as usize;
        cases.push(Case::new(
            format!("the WAL torn at byte {cut}"),
            c.main.clone(),
            Some(c.wal[..cut].to_vec()),
            Expect::Exactly(state_at(&c.commits, cut)),
        ));
    }
    for len in [1, 100, FRAME, 2 * FRAME + 5] {
        let mut wal = c.wal.clone();
        wal.extend((0..len).map(|_| rng.next_u64() as u8));
        cases.push(Case::new(
            format!("{len} random bytes appended to the WAL"),
            c.main.clone(),
            Some(wal),
            Expect::Exactly(last.clone()),
        ));
    }
    for i in 0..150 {
        let at = if i < 8 {
            i * 4
        } else {
            rng.below(c.wal.len() as u64) as usize
        };
        let bit = rng.below(8);
        let mut wal = c.wal.clone();
        wal[at] ^= 1 << bit;
        // A frame that fails its checksum ends the log: only the commits before it count.
        let valid = if at < WAL_HEADER {
            0
        } else {
            WAL_HEADER + (at - WAL_HEADER) / FRAME * FRAME
        };
        cases.push(Case::new(
            format!("WAL bit {bit} flipped at {at}"),
            c.main.clone(),
            Some(wal),
            Expect::ErrorOr(state_at(&c.commits, valid)),
        ));
    }
    for _ in 0..120 {
        let at = rng.below(c.main.len() as u64) as usize;
        let bit = rng.below(8);
        let mut main = c.main.clone();
        main[at] ^= 1 << bit;
        cases.push(Case::new(
            format!("main file bit {bit} flipped at {at}, under the WAL"),
            main,
            Some(c.wal.clone()),
            Expect::ErrorOrOneOf(all.clone()),
        ));
    }
    for _ in 0..24 {
        let p = rng.below((c.main.len() / PAGE) as u64) as usize;
        let mut main = c.main.clone();
        main[p * PAGE..(p + 1) * PAGE].fill(0);
        cases.push(Case::new(
            format!("main file page {} zeroed, under the WAL", p + 1),
            main,
            Some(c.wal.clone()),
            Expect::ErrorOrOneOf(all.clone()),
        ));
    }
    cases
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut os = path.as_os_str().to_owned();
    os.push(suffix);
    PathBuf::from(os)
}

/// Writes the case into its own folder, opens it, and returns what went wrong, if anything.
fn run(dir: &Path, n: usize, case: &Case) -> Option<String> {
    let folder = dir.join(format!("case{n}"));
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("damaged.isms");
    std::fs::write(&path, &case.main).unwrap();
    if let Some(wal) = &case.wal {
        std::fs::write(sidecar(&path, "-wal"), wal).unwrap();
    }
    let opened = Vault::open(
        &path,
        isms_core::Passphrase::new(PASS.into()),
        &folder.join("backups"),
        &stamp(0),
    );
    let open_failed = opened.is_err();
    let outcome = opened.and_then(|vault| {
        let state = read_state(&vault);
        vault.close()?;
        state
    });
    let wal_now = std::fs::read(sidecar(&path, "-wal")).ok();
    let main_now = std::fs::read(&path).unwrap_or_default();
    let problem = match (&outcome, &case.expect) {
        (Err(err), Expect::Exactly(_)) => Some(format!("expected to open, got {err:?}")),
        (Err(err), _) if err.code == ErrorCode::Internal => Some(format!("{err:?}")),
        // Once open, a vault may checkpoint its log on close; one that failed to open may not.
        (Err(_), _) if open_failed && (main_now != case.main || wal_now != case.wal) => {
            Some("the vault failed to open and its files changed".into())
        }
        (Err(_), _) => None,
        (Ok(got), Expect::Exactly(want) | Expect::ErrorOr(want)) if got != want => Some(format!(
            "opened with data no commit wrote: {}",
            diff(got, want)
        )),
        (Ok(got), Expect::ErrorOrOneOf(wants)) if !wants.contains(got) => Some(format!(
            "opened with data no commit wrote: {}",
            diff(got, wants.last().unwrap())
        )),
        (Ok(_), _) if case.wal.is_none() && main_now != case.main => {
            Some("a clean vault changed by opening and reading it".into())
        }
        (Ok(_), _) => None,
    };
    std::fs::remove_dir_all(&folder).unwrap();
    problem
}

fn diff(got: &State, want: &State) -> String {
    let mut out = Vec::new();
    if got.scope != want.scope {
        out.push(format!(
            "scope {:?}… vs {:?}…",
            got.scope.chars().take(24).collect::<String>(),
            want.scope.chars().take(24).collect::<String>()
        ));
    }
    if got.people != want.people {
        out.push(format!(
            "{} people vs {}",
            got.people.len(),
            want.people.len()
        ));
    }
    if got.evidence != want.evidence {
        out.push(format!(
            "evidence {:?} vs {:?}",
            got.evidence, want.evidence
        ));
    }
    out.join("; ")
}

#[test]
fn a_thousand_damaged_vaults_give_a_coded_error_or_committed_data() {
    let s = Scratch::new();
    let mut rng = Rng::new(SEED);
    let (clean, clean_state) = clean_image(&s);
    let crash = crash_image(&s);
    let foreign = {
        let mut other = s.vault("other.isms");
        add_person(&mut other, 7);
        let wal = std::fs::read(s.path("other.isms-wal")).unwrap();
        drop(other);
        wal
    };
    let mut cases = clean_cases(&clean, &clean_state, &mut rng);
    cases.extend(crash_cases(&crash, &foreign, &mut rng));
    assert!(cases.len() >= 1000, "{} cases", cases.len());

    let next = AtomicUsize::new(0);
    let running: Mutex<Vec<Option<(usize, Instant)>>> = Mutex::new(vec![None; 2]);
    let failures = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|scope| {
        for worker in 0..2 {
            let (cases, next, running, failures, dir) =
                (&cases, &next, &running, &failures, s.dir.path());
            scope.spawn(move || {
                loop {
                    let n = next.fetch_add(1, Ordering::SeqCst);
                    let Some(case) = cases.get(n) else { break };
                    running.lock().unwrap()[worker] = Some((n, Instant::now()));
                    let problem = catch_unwind(AssertUnwindSafe(|| run(dir, n, case)))
                        .unwrap_or_else(|_| Some("panicked".into()));
                    if let Some(problem) = problem {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{}: {problem}", case.name));
                    }
                    running.lock().unwrap()[worker] = None;
                }
            });
        }
        // A watchdog: a case that hangs cannot be joined, so it ends the test process.
        scope.spawn(|| {
            while next.load(Ordering::SeqCst) < cases.len()
                || running.lock().unwrap().iter().any(Option::is_some)
            {
                for (n, since) in running.lock().unwrap().iter().flatten() {
                    if since.elapsed() > HANG {
                        eprintln!("damage corpus: {:?} hung for {HANG:?}", cases[*n].name);
                        std::process::exit(101);
                    }
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        });
    });
    let failures = failures.into_inner().unwrap();
    eprintln!(
        "damage corpus: {} cases in {:.0?}",
        cases.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} of {} damaged vaults misbehaved:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
