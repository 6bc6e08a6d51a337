//! `isms agenda`: what falls due in the next days and what is overdue, as of a day, as text for
//! a person (one line per entry, overdue first by date), as JSON for a script, or as an
//! iCalendar file (`--ics --out`) for a calendar application. Only reads the vault.

use std::io::Write;
use std::path::{Path, PathBuf};

use isms_core::agenda::{self, AgendaEntry, ics};
use isms_core::clock::{Clock, SystemClock};
use isms_core::view::View;
use isms_core::{CoreError, ErrorCode, FieldError, Result, Vault};
use serde::Serialize;

use crate::show;

#[derive(Debug, clap::Args)]
pub struct AgendaArgs {
    pub vault: PathBuf,
    /// The day the agenda is taken (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
    /// How many days ahead to look (the last one included).
    #[arg(long, value_name = "N", default_value_t = agenda::DEFAULT_DAYS)]
    pub days: u32,
    /// Only what this person owns (their e-mail).
    #[arg(long, value_name = "EMAIL")]
    pub owner: Option<String>,
    /// Print JSON instead of text.
    #[arg(long, conflicts_with = "ics")]
    pub json: bool,
    /// Write an iCalendar file (RFC 5545) to --out instead: one all-day event per entry, with
    /// UIDs that stay the same from one export to the next.
    #[arg(long, requires = "out")]
    pub ics: bool,
    /// The .ics file to write (never overwritten).
    #[arg(long, value_name = "FILE", requires = "ics")]
    pub out: Option<PathBuf>,
}

/// The agenda as JSON: its day, its window and its entries, each owner named by e-mail too.
#[derive(Serialize)]
struct Listing<'a> {
    organisation: &'a str,
    as_of: chrono::NaiveDate,
    days: u32,
    entries: Vec<Line<'a>>,
}

#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    entry: &'a AgendaEntry,
    owner: Option<&'a str>,
}

/// Reads the agenda from the open vault, closes it, and prints it.
pub fn run(args: &AgendaArgs, open: Vault) -> Result<()> {
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let view = View::load(open.reader(), as_of)?;
    open.close()?;
    let mut entries = agenda::of(&view, args.days);
    if let Some(email) = &args.owner {
        let person = view
            .people
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(email.trim()))
            .ok_or_else(|| {
                CoreError::validation(vec![FieldError::new(
                    "owner",
                    format!("No one in the vault has the e-mail {}.", email.trim()),
                )])
            })?;
        entries = agenda::owned_by(entries, person.id);
    }
    let email = |id: Option<i64>| {
        id.and_then(|id| view.people.iter().find(|p| p.id == id))
            .map(|p| p.email.as_str())
    };
    let lines: Vec<Line<'_>> = entries
        .iter()
        .map(|entry| Line {
            entry,
            owner: email(entry.owner_id),
        })
        .collect();
    let name = view.organisation.name.as_str();
    if let (true, Some(out)) = (args.ics, &args.out) {
        let owner = |id: Option<i64>| email(id).map(str::to_owned);
        let text = ics::calendar(
            &entries,
            &namespace(name),
            &format!("ISMS agenda of {name}"),
            SystemClock.now(),
            &owner,
        );
        write_new(out, &text)?;
        return show::say(&format!(
            "Wrote {} ({} events): the agenda of {name} as of {as_of}, the next {} days\n",
            out.display(),
            entries.len(),
            args.days
        ));
    }
    if args.json {
        let listing = Listing {
            organisation: name,
            as_of,
            days: args.days,
            entries: lines,
        };
        let text = serde_json::to_string_pretty(&listing)
            .map_err(|e| CoreError::new(ErrorCode::Internal, e.to_string()))?;
        show::write_raw(&format!("{}\n", show::json(&text)))
    } else {
        show::say(&describe(name, as_of, args.days, &lines))
    }
}

/// The calendar's UID namespace: the organisation's name in lower-case letters and digits
/// joined by dashes, so two vaults' events do not collide in one calendar.
fn namespace(organisation: &str) -> String {
    let words: Vec<String> = organisation
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "isms-desk".to_owned()
    } else {
        format!("{}.isms-desk", words.join("-"))
    }
}

/// Writes `text` to a new file at `out`; an existing file is refused, never replaced.
fn write_new(out: &Path, text: &str) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                CoreError::new(
                    ErrorCode::AlreadyExists,
                    format!("{} already exists; nothing was written.", out.display()),
                )
            } else {
                CoreError::io(&format!("Cannot write {}", out.display()), &e)
            }
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| CoreError::io(&format!("Cannot write {}", out.display()), &e))
}

/// The agenda for a terminal: a heading with the counts, then one line per entry.
fn describe(organisation: &str, as_of: chrono::NaiveDate, days: u32, lines: &[Line<'_>]) -> String {
    let overdue = lines
        .iter()
        .filter(|l| l.entry.overdue_days.is_some())
        .count();
    let mut out = format!(
        "Agenda of {organisation} as of {as_of}, the next {days} days: {overdue} overdue, {} due\n",
        lines.len() - overdue
    );
    if lines.is_empty() {
        out.push_str("Nothing is due.\n");
    }
    for l in lines {
        let e = l.entry;
        let when = match e.overdue_days {
            Some(1) => "OVERDUE 1 day ".to_owned(),
            Some(n) => format!("OVERDUE {n} days"),
            None if e.due == as_of => "due today".to_owned(),
            None => "due".to_owned(),
        };
        out.push_str(&format!(
            "{}  {when:<17} {}  {}",
            e.due, e.record.reference, e.what
        ));
        if let Some(owner) = l.owner {
            out.push_str(&format!("  · {owner}"));
        }
        if let Some(rule) = &e.rule {
            out.push_str(&format!("  [{rule}]"));
        }
        out.push('\n');
    }
    out
}
