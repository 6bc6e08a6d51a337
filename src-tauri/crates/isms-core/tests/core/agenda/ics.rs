//! The agenda as an iCalendar file, read back by a small reader written here from RFC 5545
//! (unfold, split properties, unescape text), independent of the writer.

use chrono::{TimeZone, Utc};
use isms_core::agenda::ics;

use super::{D, agenda_on, company};
use crate::support::Scratch;

/// The file's content lines, unfolded, after checking every physical line: CRLF-terminated,
/// no longer than 75 octets, and valid UTF-8 on its own (a fold never splits a character).
fn unfold(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"));
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    for l in &physical {
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        assert!(!l.contains('\n') && !l.contains('\r'), "{l:?}");
    }
    let mut lines: Vec<String> = Vec::new();
    for l in physical {
        match l.strip_prefix(' ').or_else(|| l.strip_prefix('\t')) {
            Some(rest) => lines
                .last_mut()
                .expect("a fold continues a line")
                .push_str(rest),
            None => lines.push(l.to_owned()),
        }
    }
    lines
}

fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ';' | ',')) => out.push(c),
            other => panic!("bad escape \\{other:?} in {v:?}"),
        }
    }
    out
}

/// Each event as (property name with its parameters, value) pairs.
fn events(lines: &[String]) -> Vec<Vec<(String, String)>> {
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    let mut out = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for l in lines {
        let (name, value) = l.split_once(':').expect("name:value");
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => out.push(current.take().expect("an open event")),
            _ => {
                if let Some(e) = current.as_mut() {
                    e.push((name.to_owned(), value.to_owned()));
                }
            }
        }
    }
    assert!(current.is_none());
    out
}

fn get<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

#[test]
fn the_agenda_as_icalendar_reads_back_with_stable_uids_and_all_day_dates() {
    let s = Scratch::new();
    let (v, owner, _) = company(&s);
    let mut entries = agenda_on(&v, D, 400);
    // A title long enough to fold, with characters of several octets and every special one.
    entries[0].what = format!(
        "Renew Ørsted’s “key, lock; and \\ safe”\nthen report {}",
        "é".repeat(60)
    );
    let who = |id: Option<i64>| (id == Some(owner)).then(|| "owner@acme.example".to_owned());
    let first = Utc
        .with_ymd_and_hms(2026, 6, 20, 8, 30, 0)
        .single()
        .unwrap();
    let text = ics::calendar(&entries, "acme-ltd", "Acme, agenda", first, &who);
    let lines = unfold(&text);
    assert!(lines.contains(&"X-WR-CALNAME:Acme\\, agenda".to_owned()));
    assert!(text.contains("\r\n "), "the long title is folded");
    let read = events(&lines);
    assert_eq!(read.len(), entries.len());
    for (event, entry) in read.iter().zip(&entries) {
        assert_eq!(unescape(get(event, "SUMMARY")), entry.what);
        assert_eq!(
            get(event, "DTSTART;VALUE=DATE"),
            entry.due.format("%Y%m%d").to_string()
        );
        let next = entry.due.succ_opt().unwrap();
        assert_eq!(
            get(event, "DTEND;VALUE=DATE"),
            next.format("%Y%m%d").to_string()
        );
        assert_eq!(get(event, "DTSTAMP"), "20260620T083000Z");
        assert_eq!(get(event, "UID"), format!("{}@acme-ltd", entry.key));
        let description = unescape(get(event, "DESCRIPTION"));
        assert!(
            description.starts_with(&entry.record.reference),
            "{description}"
        );
        assert_eq!(
            description.contains("Owner: owner@acme.example"),
            entry.owner_id == Some(owner)
        );
        assert!(
            !event.iter().any(|(n, _)| n.starts_with("DTSTART:")),
            "dates, not times"
        );
    }
    let mut uids: Vec<&str> = read.iter().map(|e| get(e, "UID")).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), entries.len(), "UIDs are unique");

    // Exported again a day later: the same events under the same UIDs, only the stamp moves.
    let later = Utc.with_ymd_and_hms(2026, 6, 21, 7, 0, 0).single().unwrap();
    let again = ics::calendar(
        &agenda_on(&v, "2026-06-21", 399),
        "acme-ltd",
        "Acme, agenda",
        later,
        &who,
    );
    let again = events(&unfold(&again));
    let uid_set = |evs: &[Vec<(String, String)>]| {
        let mut u: Vec<String> = evs.iter().map(|e| get(e, "UID").to_owned()).collect();
        u.sort();
        u
    };
    assert_eq!(uid_set(&again), uid_set(&read));
    assert!(
        again
            .iter()
            .all(|e| get(e, "DTSTAMP") == "20260621T070000Z")
    );
}
