//! The child of a crash trial: performs the trial's plan through the core, one commit per
//! operation, and after each commit appends the operation's number to the ledger and fsyncs
//! it. Then it waits to be killed. It never decides anything the parent cannot replay.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use chrono::{Duration, TimeZone, Utc};
use isms_core::evidence::{self, NewEvidence};
use isms_core::people::{self, Person};
use isms_core::{Passphrase, Result, Stamp, Vault, organisation};
use isms_sheets::import::{self, Mode, unwatched};
use isms_sheets::read::{self, Kind, Limits};

use crate::plan::{self, COURSE, Op, PASSPHRASES};

pub fn stamp(minutes: i64) -> Stamp {
    let base = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().unwrap();
    Stamp::new(base + Duration::minutes(minutes), "crash")
}

pub fn run(dir: &Path, seed: u64) -> Result<()> {
    let ops = plan::plan(seed);
    let path = dir.join("vault.isms");
    let backups = dir.join("backups");
    let mut vault = Vault::open(
        &path,
        Passphrase::new(PASSPHRASES[0].into()),
        &backups,
        &stamp(0),
    )?;
    let mut ledger = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("ledger"))
        .expect("ledger");
    for (i, op) in ops.iter().enumerate() {
        perform(&mut vault, dir, &backups, i as i64 + 1, op)?;
        writeln!(ledger, "{i}").expect("ledger write");
        ledger.sync_all().expect("ledger fsync");
    }
    writeln!(ledger, "done").expect("ledger write");
    ledger.sync_all().expect("ledger fsync");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

fn perform(vault: &mut Vault, dir: &Path, backups: &Path, at: i64, op: &Op) -> Result<()> {
    match op {
        Op::AddPerson(p) => {
            people::create(
                vault,
                stamp(at),
                Person::new(&format!("Person {p}"), &plan::email(*p)),
            )?;
        }
        Op::Rename(p, r) => {
            let mut person = people::list(vault.reader())?
                .into_iter()
                .find(|x| x.email == plan::email(*p))
                .expect("the person was added first");
            person.name = format!("Person {p} revision {r}");
            people::update(vault, stamp(at), person)?;
        }
        Op::Scope(r) => {
            let mut org = organisation::get(vault.reader())?;
            org.scope = format!("Scope revision {r}");
            organisation::update(vault, stamp(at), org)?;
        }
        Op::Evidence(f, len) => {
            let source = dir.join(plan::file_name(*f));
            std::fs::write(&source, plan::evidence_bytes(*f, *len)).expect("evidence source");
            evidence::add_file(vault, stamp(at), &source, NewEvidence::default())?;
            std::fs::remove_file(&source).expect("evidence source");
        }
        Op::Import => {
            let mut csv = String::from("email,course,date\n");
            for person in people::list(vault.reader())? {
                csv.push_str(&format!("{},{COURSE},2026-03-02\n", person.email));
            }
            let file = dir.join("completions.csv");
            std::fs::write(&file, csv).expect("the completions file");
            let book = read::open(&file, None, Limits::default())?;
            let mapping = read::detect(&book, Kind::Training)?;
            let mode = Mode::Write { backups };
            import::import(
                vault,
                stamp(at),
                Kind::Training,
                &book,
                &mapping,
                mode,
                &mut unwatched,
            )?;
        }
        Op::Passphrase => vault.change_passphrase(
            &Passphrase::new(PASSPHRASES[0].into()),
            Passphrase::new(PASSPHRASES[1].into()),
            backups,
            &stamp(at),
        )?,
    }
    Ok(())
}
