//! The vault's everyday costs on the large demo company topped up to 10,000 risks: unlocking
//! (and the key derivation with the first page alone, on a bare SQLCipher connection), listing
//! every risk and serialising the list as the IPC does, saving one record (an update with its
//! history row, committed), and searching every record for words. Medians over repeated runs,
//! in a release build, printed as table rows: `make bench` (or `cargo bench -p isms-core
//! --bench vault`).

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::{Passphrase, Stamp, Vault, risks, search};

const PASS: &str = "benchmark passphrase";

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn stamp(minute: u32) -> Stamp {
    let at = Utc
        .with_ymd_and_hms(2026, 6, 15, 10, minute % 60, 0)
        .unwrap();
    Stamp::new(at, "bench")
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("large.isms");
    let backups = dir.path().join("backups");
    let mut vault = demo::create(
        &path,
        Passphrase::new(PASS.into()),
        DemoPoint::Stage2Ready,
        DemoScale::Large,
        today,
    )
    .expect("the large demo vault");
    let existing = risks::list(vault.reader()).expect("risks");
    let extra: Vec<_> = existing
        .iter()
        .cycle()
        .take(10_000usize.saturating_sub(existing.len()))
        .cloned()
        .collect();
    vault
        .write(stamp(0), |tx| {
            for mut risk in extra {
                risk.id = 0;
                risk.reference = String::new();
                risks::create_in(tx, risk)?;
            }
            Ok(())
        })
        .expect("topped up to 10,000 risks");
    vault.close().expect("closed");

    let unlock = timed(5, || {
        Vault::open(&path, Passphrase::new(PASS.into()), &backups, &stamp(1))
            .expect("unlocks")
            .close()
            .expect("closes")
    });
    let kdf = timed(5, || {
        let conn = rusqlite::Connection::open(&path).expect("opens");
        conn.pragma_update(None, "key", PASS).expect("keyed");
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .expect("the first page decrypts")
    });

    let mut vault =
        Vault::open(&path, Passphrase::new(PASS.into()), &backups, &stamp(2)).expect("unlocks");
    let mut count = 0;
    let list = timed(20, || {
        let all = risks::list(vault.reader()).expect("risks");
        count = all.len();
        all
    });
    let all = risks::list(vault.reader()).expect("risks");
    let json = timed(20, || serde_json::to_vec(&all).expect("serialises"));
    let bytes = serde_json::to_vec(&all).expect("serialises").len();

    let mut one = all[all.len() / 2].clone();
    let mut n = 0;
    let save = timed(20, || {
        n += 1;
        one.title = format!("Benchmark edit {n}");
        one = risks::update(&mut vault, stamp(3 + n), one.clone()).expect("saved");
    });

    let mut records = 0;
    let found = timed(10, || {
        let results = search::search(vault.reader(), "deleted by mistake", 200).expect("searched");
        records = results.total;
        results
    });
    let nothing = timed(10, || {
        search::search(vault.reader(), "zyzzyva", 200).expect("searched")
    });

    println!(
        "| unlock the vault (key derivation, checks, open) | {} |",
        ms(unlock)
    );
    println!(
        "| key derivation and first page alone (bare SQLCipher) | {} |",
        ms(kdf)
    );
    println!("| list all {count} risks | {} |", ms(list));
    println!(
        "| serialise them as the IPC does ({:.1} MiB of JSON) | {} |",
        bytes as f64 / 1_048_576.0,
        ms(json)
    );
    println!(
        "| save one risk (update, history row, commit) | {} |",
        ms(save)
    );
    println!(
        "| search every record for three words (\"deleted by mistake\", {records} records match) | {} |",
        ms(found)
    );
    println!(
        "| search every record for a word found nowhere (reads all their text) | {} |",
        ms(nothing)
    );
}
