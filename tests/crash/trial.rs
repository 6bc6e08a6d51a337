//! One crash trial, parent side: a copy of the template vault, the child started and killed,
//! and the vault checked against the model of the ledgered commits. A failing trial keeps its
//! folder (printed) for a look at the files.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use isms_core::training::{self, Course, CourseKind};
use isms_core::{ErrorCode, Passphrase, Vault, evidence, organisation, people};

use crate::child::stamp;
use crate::plan::{self, COURSE, Model, Op, PASSPHRASES, Rng};

/// What a passing trial saw, for the summary.
pub struct Report {
    pub killed_mid_plan: bool,
    pub unreported_commit: bool,
    pub passphrase_changed_or_changing: bool,
    pub big_evidence: bool,
}

/// The vault every trial starts from: an organisation and the course the import names.
pub fn template(root: &Path) -> PathBuf {
    let path = root.join("template.isms");
    let mut vault = Vault::create(
        &path,
        Passphrase::new(PASSPHRASES[0].into()),
        stamp(0),
        |tx| {
            organisation::create(
                tx,
                organisation::Organisation::named("Crash Test Ltd"),
                isms_core::db::Action::Create,
            )
            .map(|_| ())
        },
    )
    .expect("template vault");
    let course = Course {
        id: 0,
        title: COURSE.into(),
        kind: CourseKind::Awareness,
        validity_months: Some(12),
    };
    training::create_course(&mut vault, stamp(0), course).expect("course");
    assert_eq!(
        organisation::get(vault.reader()).unwrap().scope,
        Model::default().scope,
        "the model starts from the template's empty scope"
    );
    vault.close().expect("close template");
    path
}

pub fn run(template: &Path, root: &Path, seed: u64) -> Result<Report, String> {
    let dir = root.join(format!("trial-{seed}"));
    std::fs::create_dir(&dir).map_err(|e| e.to_string())?;
    std::fs::copy(template, dir.join("vault.isms")).map_err(|e| e.to_string())?;
    let outcome = kill_and_check(&dir, seed);
    match &outcome {
        Ok(_) => {
            let _ = std::fs::remove_dir_all(&dir);
        }
        Err(_) => {
            let kept = std::env::temp_dir().join(format!("isms-crash-trial-{seed}"));
            let _ = std::fs::remove_dir_all(&kept);
            if std::fs::rename(&dir, &kept).is_ok() {
                eprintln!("trial {seed}: its files are kept in {}", kept.display());
            }
        }
    }
    outcome
}

fn kill_and_check(dir: &Path, seed: u64) -> Result<Report, String> {
    let ops = plan::plan(seed);
    // The kill comes 0.15 to 2 s after the start: the child's open takes about 0.2 s of that,
    // and its plan about as long as the rest, so kills land all through it.
    let delay = Duration::from_millis(150 + Rng::new(seed ^ 0x4B11).below(1850));
    let log = std::fs::File::create(dir.join("child.log")).map_err(|e| e.to_string())?;
    let mut child = Command::new(std::env::current_exe().map_err(|e| e.to_string())?)
        .env("ISMS_CRASH_CHILD", dir)
        .env("ISMS_CRASH_TRIAL_SEED", seed.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("cannot start the child: {e}"))?;
    let started = Instant::now();
    while started.elapsed() < delay {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let log = std::fs::read_to_string(dir.join("child.log")).unwrap_or_default();
            return Err(format!("the child ended by itself ({status}): {log}"));
        }
        std::thread::sleep(Duration::from_millis(5).min(delay - started.elapsed().min(delay)));
    }
    child
        .kill()
        .map_err(|e| format!("cannot kill the child: {e}"))?;
    child.wait().map_err(|e| e.to_string())?;

    let ledger = std::fs::read_to_string(dir.join("ledger")).unwrap_or_default();
    let reported = reported_commits(&ledger)?;
    let before = Model::after(&ops, reported);
    let next = (reported < ops.len()).then(|| Model::after(&ops, reported + 1));

    let path = dir.join("vault.isms");
    let backups = dir.join("backups-after");
    let mut opened_with = Vec::new();
    let mut found = None;
    for (i, pass) in PASSPHRASES.iter().enumerate() {
        match open_when_free(&path, pass, &backups) {
            Ok(vault) => {
                opened_with.push(i);
                let report = vault.check().map_err(|e| format!("check: {e:?}"))?;
                if !report.ok {
                    return Err(format!("integrity checks failed: {:?}", report.messages));
                }
                found = Some(read(&vault).map_err(|e| format!("reading: {e:?}"))?);
                vault.close().map_err(|e| format!("close: {e:?}"))?;
            }
            Err(err) if err.code == ErrorCode::WrongPassphraseOrDamaged => {}
            Err(err) => return Err(format!("open with passphrase {i}: {err:?}")),
        }
    }
    let [pass] = opened_with[..] else {
        return Err(format!(
            "the vault opened with passphrases {opened_with:?}, not exactly one of the two"
        ));
    };
    let found = found.expect("read when opened");
    let matches = |m: &Model| m.passphrase == pass && found.matches(m);
    let unreported_commit = if matches(&before) {
        false
    } else if next.as_ref().is_some_and(matches) {
        true
    } else {
        return Err(format!(
            "after {reported} reported commits the vault (opened with passphrase {pass}) holds \
             {}, expected {}{}",
            found.describe(),
            describe_model(&before),
            next.as_ref()
                .map(|m| format!(" or {}", describe_model(m)))
                .unwrap_or_default()
        ));
    };
    let pass_at = ops.iter().position(|op| matches!(op, Op::Passphrase));
    Ok(Report {
        killed_mid_plan: reported < ops.len() && !ledger.contains("done"),
        unreported_commit,
        passphrase_changed_or_changing: pass_at.is_some_and(|p| reported >= p),
        big_evidence: found
            .evidence
            .values()
            .any(|bytes| bytes.len() >= 2_000_000),
    })
}

/// The number of whole ledger lines `0`, `1`, … in order; a torn last line is not counted.
fn reported_commits(ledger: &str) -> Result<usize, String> {
    let mut n = 0;
    for line in ledger.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
        let line = line.trim_end();
        if line == "done" {
            break;
        }
        if line != n.to_string() {
            return Err(format!("ledger line {n} reads {line:?}"));
        }
        n += 1;
    }
    Ok(n)
}

/// What the reopened vault holds.
struct Found {
    people: std::collections::BTreeMap<String, String>,
    scope: String,
    evidence: std::collections::BTreeMap<String, Vec<u8>>,
    trained: std::collections::BTreeSet<String>,
}

fn read(vault: &Vault) -> isms_core::Result<Found> {
    let conn = vault.reader();
    let everyone = people::list(conn)?;
    let mut files = std::collections::BTreeMap::new();
    for e in evidence::list(conn)? {
        let mut bytes = Vec::new();
        evidence::write_content(conn, e.id, &mut bytes)?;
        files.insert(e.file_name, bytes);
    }
    let trained = training::list_completions(conn)?
        .into_iter()
        .filter_map(|c| everyone.iter().find(|p| p.id == c.person_id))
        .map(|p| p.email.clone())
        .collect();
    Ok(Found {
        people: everyone.into_iter().map(|p| (p.email, p.name)).collect(),
        scope: organisation::get(conn)?.scope,
        evidence: files,
        trained,
    })
}

impl Found {
    fn matches(&self, m: &Model) -> bool {
        self.people == m.people
            && self.scope == m.scope
            && self.trained == m.trained
            && self.evidence.len() == m.evidence.len()
            && m.evidence.iter().all(|(name, (n, len))| {
                self.evidence
                    .get(name)
                    .is_some_and(|bytes| *bytes == plan::evidence_bytes(*n, *len))
            })
    }

    fn describe(&self) -> String {
        format!(
            "{} people, scope {:?}, {} evidence files, {} trained",
            self.people.len(),
            self.scope,
            self.evidence.len(),
            self.trained.len()
        )
    }
}

fn describe_model(m: &Model) -> String {
    format!(
        "{} people, scope {:?}, {} evidence files, {} trained (passphrase {})",
        m.people.len(),
        m.scope,
        m.evidence.len(),
        m.trained.len(),
        m.passphrase
    )
}

/// Opens the vault, waiting out an `InUse` of up to five seconds. The other trial thread's
/// child, between its fork and its exec, holds a copy of every descriptor of this process,
/// the vault's lock among them (flock locks follow the open file, and close-on-exec only
/// closes them at the exec). On a loaded machine that moment can last long enough for this
/// open to meet the lock; the killed child itself is dead and reaped by now.
fn open_when_free(path: &Path, pass: &str, backups: &Path) -> isms_core::Result<Vault> {
    let mut waited = Duration::ZERO;
    loop {
        match Vault::open(path, Passphrase::new(pass.into()), backups, &stamp(999)) {
            Err(err) if err.code == ErrorCode::InUse && waited < Duration::from_secs(5) => {
                std::thread::sleep(Duration::from_millis(50));
                waited += Duration::from_millis(50);
            }
            other => return other,
        }
    }
}
