//! `isms agenda`: what falls due in the next days and what is overdue, as of a day, as text for
//! a person (one line per entry, overdue first by date) or as JSON for a script. Only reads.

use std::path::PathBuf;

use isms_core::agenda::{self, AgendaEntry};
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
    #[arg(long)]
    pub json: bool,
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
