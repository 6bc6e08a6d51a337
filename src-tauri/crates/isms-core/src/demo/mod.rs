//! A fictional company, Northwind Analytics Ltd, written into a new vault at a chosen point of its
//! certification journey: empty, Stage 1 with gaps, ready for Stage 1, operating a month after
//! Stage 1, or ready for Stage 2; at small scale (the company as it is) or large (plus thousands
//! of generated records for benchmarks). Used by `isms demo`, by tests and by screenshots.
//!
//! Invariants: the same arguments always give the same vault contents. Every date of the story
//! is counted from the `today` handed in, history stamps are those story dates, and the bulk
//! records come from a seeded PRNG ([`rng`]); nothing reads a clock. Records go through the
//! domains' own validation and write paths, so a demo vault is one a user could have made.
//! Which readiness rules each point passes or fails (as of `today`) is stated on
//! [`DemoPoint`]; `tests/acceptance/demo.rs` holds the demo to it. The story's calendar is
//! [`Story`]; the company is in [`company`], risks and SoA in [`register`], documents and
//! objectives in [`records`], training, audits, the change and the review in [`operating`],
//! the tracker in [`findings`], roles and competence evidence in [`competence`], monitoring
//! and measurement in [`measures`], suppliers, incidents and requirements in [`registers`], the
//! files the records rest on (audit reports, review minutes, treatment and tracker evidence) in
//! [`attached`], and the bulk records of a large vault in [`bulk`] and [`bulk_risks`].

mod attached;
mod bulk;
mod bulk_risks;
mod company;
mod competence;
mod files;
mod findings;
mod measures;
mod operating;
mod records;
mod register;
mod registers;
mod rng;

use std::path::Path;

use chrono::{Duration, Months, NaiveDate, NaiveTime};

use crate::db::{Action, Passphrase, Stamp, Vault};
use crate::error::{CoreError, FieldError, Result};
use crate::organisation::{self, Organisation};

/// The company's name in every demo vault.
pub const COMPANY: &str = "Northwind Analytics Ltd";
/// Who the history says made the demo's changes.
pub const ACTOR: &str = "demo";

/// Where on its way to the certificate the demo company stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DemoPoint {
    /// Just the organisation's name, as `isms new` makes it: most Stage 1 rules fail.
    Empty,
    /// Documentation about half done, Stage 1 in ten weeks: the scope and risk assessment
    /// process are drafts, three risks lack an owner (two also scores), one a treatment
    /// decision, four plans are unapproved, a quarter of the SoA is undecided and unapproved,
    /// no objectives, manual and procedures missing, one risk owner without the role and
    /// another without competence evidence, and a requirements register holding only UK GDPR,
    /// never reviewed. Context and policy pass.
    Stage1Gaps,
    /// Every Stage 1 rule passes without warning; Stage 1 is two weeks ahead and three
    /// internal audits are planned for the months after it.
    Stage1Ready,
    /// A month after Stage 1: still Stage 1 ready, but the first internal audit (clause 9) was
    /// done by the ISMS owner (S2-INDEPENDENCE fails), its nonconformity has no root cause yet
    /// (S2-FINDINGS), a Stage 1 OFI awaits a decision, red risks are still being treated, not
    /// everyone is trained or has acknowledged the policies, no management review is held, and
    /// the phishing simulation of the Stage 1 month has no result (it was postponed). The ISMS
    /// owner's CISSP certificate lapsed the month before (their lead-implementer certificate
    /// still counts). The payroll bureau, a critical supplier, has not been reviewed
    /// (S2-SUPPLIERS fails) and the cloud outage was closed without lessons learned
    /// (S2-INCIDENTS fails).
    Operating,
    /// About three months after Stage 1: every rule of both stages passes without warning.
    Stage2Ready,
}

impl DemoPoint {
    pub const ALL: [DemoPoint; 5] = [
        DemoPoint::Empty,
        DemoPoint::Stage1Gaps,
        DemoPoint::Stage1Ready,
        DemoPoint::Operating,
        DemoPoint::Stage2Ready,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DemoPoint::Empty => "empty",
            DemoPoint::Stage1Gaps => "stage1-gaps",
            DemoPoint::Stage1Ready => "stage1-ready",
            DemoPoint::Operating => "operating",
            DemoPoint::Stage2Ready => "stage2-ready",
        }
    }

    /// Parses `empty`, `stage1-gaps`, `stage1-ready`, `operating` or `stage2-ready`.
    pub fn parse(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == s.trim())
            .ok_or_else(|| {
                CoreError::validation(vec![FieldError::new(
                    "point",
                    format!(
                        "{s:?} is not a point of the journey; choose one of empty, stage1-gaps, \
                         stage1-ready, operating, stage2-ready."
                    ),
                )])
            })
    }
}

impl std::str::FromStr for DemoPoint {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

/// How many records: the company as it is, or with bulk records for benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemoScale {
    Small,
    /// Totals of exactly [`bulk::LARGE`]: 5,000 risks, 1,000 documents, 500 people, 50,000
    /// tracker items and 1,000 evidence files.
    Large,
}

impl DemoScale {
    pub fn as_str(self) -> &'static str {
        match self {
            DemoScale::Small => "small",
            DemoScale::Large => "large",
        }
    }

    /// Parses `small` or `large`.
    pub fn parse(s: &str) -> Result<Self> {
        match s.trim() {
            "small" => Ok(DemoScale::Small),
            "large" => Ok(DemoScale::Large),
            other => Err(CoreError::validation(vec![FieldError::new(
                "scale",
                format!("{other:?} is not a scale; choose small or large."),
            )])),
        }
    }
}

impl std::str::FromStr for DemoScale {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

pub use bulk::{LARGE, LargeCounts};
pub use rng::Rng;

/// Creates a new vault at `path` (never over an existing file) holding the demo company at
/// `point`, with `today` as the story's now. A large empty vault is refused: there is no
/// company to scale up.
pub fn create(
    path: &Path,
    passphrase: Passphrase,
    point: DemoPoint,
    scale: DemoScale,
    today: NaiveDate,
) -> Result<Vault> {
    if point == DemoPoint::Empty && scale == DemoScale::Large {
        return Err(CoreError::validation(vec![FieldError::new(
            "scale",
            "An empty vault has nothing to scale up; choose another point for a large demo.",
        )]));
    }
    let story = Story::new(point, today);
    let name = Organisation::named(COMPANY);
    let mut vault = Vault::create(path, passphrase, story.stamp(story.start_day()), |tx| {
        organisation::create(tx, name, Action::Create).map(|_| ())
    })?;
    let filled = fill(&mut vault, &story, scale);
    if let Err(err) = filled {
        // The file is ours and half made: remove it, as a failed `Vault::create` does.
        let path = vault.path().to_owned();
        let _ = vault.close();
        for suffix in ["", "-wal", "-shm"] {
            let mut os = path.as_os_str().to_owned();
            os.push(suffix);
            let _ = std::fs::remove_file(std::path::PathBuf::from(os));
        }
        return Err(err);
    }
    Ok(vault)
}

fn fill(vault: &mut Vault, story: &Story, scale: DemoScale) -> Result<()> {
    if story.point == DemoPoint::Empty {
        return Ok(());
    }
    let staff = company::write(vault, story)?;
    let reg = register::write(vault, story, &staff)?;
    let docs = records::write(vault, story, &staff)?;
    operating::write(vault, story, &staff, &reg, &docs)?;
    measures::write(vault, story, &staff)?;
    competence::write(vault, story, &staff)?;
    registers::write(vault, story, &staff)?;
    operating::review(vault, story, &staff)?;
    attached::write(vault, story)?;
    if scale == DemoScale::Large {
        bulk::write(vault, story, &staff, &docs)?;
    }
    Ok(())
}

/// The story's calendar: every date the demo writes is one of these, or counted from them.
#[derive(Debug, Clone)]
pub(crate) struct Story {
    pub point: DemoPoint,
    pub today: NaiveDate,
    pub isms_start: NaiveDate,
    pub stage1: NaiveDate,
    pub stage2: NaiveDate,
}

fn plus_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(day + Duration::days(i64::from(months) * 30))
}

fn minus_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(months))
        .unwrap_or(day - Duration::days(i64::from(months) * 30))
}

impl Story {
    pub fn new(point: DemoPoint, today: NaiveDate) -> Self {
        let stage1 = match point {
            DemoPoint::Empty | DemoPoint::Stage1Gaps => today + Duration::days(70),
            DemoPoint::Stage1Ready => today + Duration::days(14),
            DemoPoint::Operating => minus_months(today, 1),
            DemoPoint::Stage2Ready => minus_months(today, 3),
        };
        // The ISMS started four months before Stage 1; with gaps, two months before today.
        let isms_start = match point {
            DemoPoint::Empty | DemoPoint::Stage1Gaps => minus_months(today, 2),
            _ => minus_months(stage1, 4),
        };
        let stage2 = match point {
            DemoPoint::Stage2Ready => today + Duration::days(14),
            _ => plus_months(stage1, 3) + Duration::days(14),
        };
        Self {
            point,
            today,
            isms_start,
            stage1,
            stage2,
        }
    }

    /// The day the vault was made: the ISMS start (today for an empty vault).
    pub fn start_day(&self) -> NaiveDate {
        if self.point == DemoPoint::Empty {
            self.today
        } else {
            self.isms_start
        }
    }

    /// `n` days into the preparation (counted from the ISMS start; at most 55, so every
    /// preparation date is before today at every point).
    pub fn prep(&self, n: i64) -> NaiveDate {
        self.isms_start + Duration::days(n.min(55))
    }

    /// `n` days after the Stage 1 audit.
    pub fn after_stage1(&self, n: i64) -> NaiveDate {
        self.stage1 + Duration::days(n)
    }

    /// Whether the story has reached `point`.
    pub fn reached(&self, point: DemoPoint) -> bool {
        self.point >= point
    }

    /// The history stamp of a change made on `day` (09:00 UTC).
    pub fn stamp(&self, day: NaiveDate) -> Stamp {
        let nine = NaiveTime::MIN + Duration::hours(9);
        Stamp::new(day.and_time(nine).and_utc(), ACTOR)
    }
}

/// `YYYY-MM` of a day, as audits are planned.
pub(crate) fn month_of(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}
