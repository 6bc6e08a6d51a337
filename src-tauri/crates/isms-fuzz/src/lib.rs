//! Fuzz harnesses: each takes arbitrary bytes and runs them through one of ISMS Desk's parsers
//! of outside files, the way the app does: a snapshot parsed and imported into a fresh vault,
//! a register read as XLSX or CSV, mapped and checked against a vault (a dry run), and a ZIP
//! verified as an evidence bundle. A harness returns normally whatever the input; a panic, a
//! hang or an abort is the defect the fuzzer looks for. An `Internal` error (a bug, by the
//! core's own definition) also fails.
//!
//! The vaults are made once per process in a temporary folder (the key derivation costs a
//! fifth of a second), so a run costs milliseconds per input. The cargo-fuzz targets in
//! `fuzz/` call these functions; `tests/seeds.rs` runs every seed of `fuzz/corpus/` and
//! mutations of them on the stable toolchain.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};

use chrono::{NaiveDate, TimeZone, Utc};
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::organisation::{self, Organisation};
use isms_core::{CoreError, ErrorCode, Passphrase, Stamp, Vault, db::Action, snapshot};
use isms_sheets::import::{self, Mode, unwatched};
use isms_sheets::read::{self, Kind, Limits};

/// The register kinds a spreadsheet can be imported as, picked by an input's first byte.
pub const SHEET_KINDS: [Kind; 8] = [
    Kind::Risks,
    Kind::Soa,
    Kind::People,
    Kind::Assets,
    Kind::Tracker,
    Kind::Documents,
    Kind::Training,
    Kind::Acknowledgements,
];

struct World {
    dir: tempfile::TempDir,
    /// The demo company, for dry-run register imports to be checked against.
    demo: Vault,
    /// A vault fresh from "new", for snapshot imports; replaced after one succeeds.
    fresh: Vault,
    made: u32,
}

const PASS: &str = "fuzzing passphrase 2026";

fn stamp() -> Stamp {
    Stamp::new(Utc.with_ymd_and_hms(2026, 6, 15, 9, 0, 0).unwrap(), "fuzz")
}

fn fresh(dir: &std::path::Path, n: u32) -> Vault {
    Vault::create(
        &dir.join(format!("fresh-{n}.isms")),
        Passphrase::new(PASS.into()),
        stamp(),
        |tx| organisation::create(tx, Organisation::named("Fuzz Ltd"), Action::Create).map(|_| ()),
    )
    .expect("a fresh vault")
}

fn world() -> MutexGuard<'static, World> {
    static WORLD: OnceLock<Mutex<World>> = OnceLock::new();
    let lock = WORLD.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        let demo = demo::create(
            &dir.path().join("demo.isms"),
            Passphrase::new(PASS.into()),
            DemoPoint::Operating,
            DemoScale::Small,
            today,
        )
        .expect("the demo vault");
        let fresh = fresh(dir.path(), 0);
        Mutex::new(World {
            dir,
            demo,
            fresh,
            made: 0,
        })
    });
    // A panic in one input (what the fuzzer reports) must not hide the next one's.
    lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Fails on an error the core calls a bug; every other error is a fair answer to bad input.
fn judge<T>(what: &str, result: Result<T, CoreError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(err) => {
            assert_ne!(err.code, ErrorCode::Internal, "{what}: {err:?}");
            assert!(
                !err.message.is_empty(),
                "{what}: an error without a message"
            );
            None
        }
    }
}

fn input_file(world: &World, name: &str, data: &[u8]) -> PathBuf {
    let path = world.dir.path().join(name);
    std::fs::write(&path, data).expect("the input file");
    path
}

/// A snapshot: parsed, then imported into a fresh vault (all or nothing). An import that
/// succeeds is exported again, and that export must parse.
pub fn snapshot(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(parsed) = judge("snapshot parse", snapshot::parse(text)) else {
        return;
    };
    let mut world = world();
    let imported = snapshot::import(&mut world.fresh, stamp(), parsed);
    if judge("snapshot import", imported).is_some() {
        let again = snapshot::export(&world.fresh).expect("an imported vault exports");
        let json = snapshot::to_json(&again).expect("and serialises");
        snapshot::parse(&json).expect("its own export parses");
        world.made += 1;
        let n = world.made;
        let next = fresh(world.dir.path(), n);
        world.fresh = next;
    }
}

/// A register: the first byte picks the kind, the rest is the file (read as XLSX when it is
/// a ZIP, else as CSV), then the header is found, the columns mapped and every row checked
/// against the demo company in a dry run.
pub fn sheet(data: &[u8]) {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let kind = SHEET_KINDS[pick as usize % SHEET_KINDS.len()];
    let mut world = world();
    let name = if file.starts_with(b"PK") {
        "input.xlsx"
    } else {
        "input.csv"
    };
    let path = input_file(&world, name, file);
    let Some(book) = judge("sheet read", read::open(&path, None, Limits::default())) else {
        return;
    };
    let Some(mapping) = judge("sheet mapping", read::detect(&book, kind)) else {
        return;
    };
    let checked = import::import(
        &mut world.demo,
        stamp(),
        kind,
        &book,
        &mapping,
        Mode::DryRun,
        &mut unwatched,
    );
    judge("sheet import", checked);
}

/// A bundle: the bytes as a ZIP, verified against its own manifest.
pub fn bundle(data: &[u8]) {
    let world = world();
    let path = input_file(&world, "input.zip", data);
    drop(world);
    if let Some(report) = judge("bundle verify", isms_export::bundle::verify(&path)) {
        // A report agrees with itself: no more verified than listed, all of them when fine.
        assert!(report.verified <= report.listed, "{report:?}");
        if report.ok() {
            assert_eq!(report.verified, report.listed, "{report:?}");
        }
    }
}
