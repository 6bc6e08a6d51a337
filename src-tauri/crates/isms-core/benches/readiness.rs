//! How long readiness takes on the large demo company (5,000 risks, 1,000 documents, 500
//! people, 50,000 tracker items): loading the vault's records once, then evaluating both
//! stages and taking the agenda of the next 30 days, timed over repeated runs. The target is
//! under 50 ms for evaluating both stages with the agenda in a release build. Run with `make bench` (or `cargo bench -p isms-core --bench readiness`).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use isms_core::Passphrase;
use isms_core::agenda;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::readiness::{self, Facts, Stage, View};

const RUNS: usize = 20;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("large.isms");
    let started = Instant::now();
    let vault = demo::create(
        &path,
        Passphrase::new("benchmark passphrase".into()),
        DemoPoint::Stage2Ready,
        DemoScale::Large,
        today,
    )
    .expect("the large demo vault");
    let created = started.elapsed();

    let mut loads = Vec::new();
    let mut evaluations = Vec::new();
    let mut agendas = Vec::new();
    let mut rules = 0;
    let mut entries = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let facts = Facts::load(vault.reader()).expect("facts");
        loads.push(t.elapsed());
        let t = Instant::now();
        let view = View::new(facts, today);
        let one = readiness::evaluate(&view, Stage::One);
        let two = readiness::evaluate(&view, Stage::Two);
        evaluations.push(t.elapsed());
        rules = one.rules.len() + two.rules.len();
        let t = Instant::now();
        let due = agenda::of(&view, agenda::DEFAULT_DAYS);
        agendas.push(t.elapsed());
        entries = due.len();
        std::hint::black_box((one, two, due));
    }
    let facts = Facts::load(vault.reader()).expect("facts");
    let with_agenda: Vec<Duration> = evaluations
        .iter()
        .zip(&agendas)
        .map(|(e, a)| *e + *a)
        .collect();
    let evaluate = median(evaluations);
    println!(
        "| create the large demo vault ({} risks, {} documents, {} people, {} tracker items) | {:.1} s |",
        facts.risks.len(),
        facts.documents.len(),
        facts.people.len(),
        facts.tracker.len(),
        created.as_secs_f64()
    );
    println!(
        "| load the vault's records for readiness (median of {RUNS}) | {} |",
        ms(median(loads))
    );
    println!(
        "| build the view as of the day and evaluate readiness of both stages, {rules} rules (median of {RUNS}; target under 50 ms) | {} |",
        ms(evaluate)
    );
    println!(
        "| the agenda of the next 30 days on the same view, {entries} entries (median of {RUNS}) | {} |",
        ms(median(agendas))
    );
    println!(
        "| readiness of both stages and the agenda (median of {RUNS}; target under 50 ms) | {} |",
        ms(median(with_agenda))
    );
}
