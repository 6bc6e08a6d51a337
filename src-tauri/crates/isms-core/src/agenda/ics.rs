//! The agenda as an iCalendar file (RFC 5545), written by hand: one all-day event per entry,
//! lines ended by CRLF and folded at 75 octets (never inside a character), text escaped
//! (`\\`, `\;`, `\,`, `\n`; other controls dropped). Each event's `UID` is the entry's stable
//! key within the calendar's namespace, so a calendar application that imports the file again
//! updates its events instead of adding them twice; `DTSTAMP` is the time passed in. The file
//! holds no personal data beyond the entries' titles and their owners' e-mails.

use chrono::{DateTime, Days, Utc};

use super::AgendaEntry;

/// The longest line, in octets, before it is folded (RFC 5545, 3.1).
const FOLD_AT: usize = 75;

/// `text` as an iCalendar TEXT value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line exceeds [`FOLD_AT`] octets.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > FOLD_AT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The calendar of `entries`. `namespace` makes UIDs unique across vaults (the caller picks
/// one that stays the same for a vault, e.g. derived from the organisation); `name` is shown
/// as the calendar's name; `stamp` is when the file is made. `owner` names an entry's owner.
pub fn calendar(
    entries: &[AgendaEntry],
    namespace: &str,
    name: &str,
    stamp: DateTime<Utc>,
    owner: &dyn Fn(Option<i64>) -> Option<String>,
) -> String {
    let mut out = String::new();
    for fixed in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ISMS Desk//Agenda//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, fixed);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in entries {
        let end = e.due.checked_add_days(Days::new(1)).unwrap_or(e.due);
        let mut about = format!("{} {}: {}", e.record.reference, e.record.title, e.what);
        if let Some(who) = owner(e.owner_id) {
            about.push_str(&format!("\nOwner: {who}"));
        }
        if let Some(rule) = &e.rule {
            about.push_str(&format!("\nReadiness rule if missed: {rule}"));
        }
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}@{}", e.key, escape(namespace)));
        line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", e.due.format("%Y%m%d")),
        );
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&e.what)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(&about)));
        line(&mut out, &format!("CATEGORIES:{}", e.kind.as_str()));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}
