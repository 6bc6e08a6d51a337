//! A tracker item's progress notes in one cell, the one format both ways. The export writes a
//! note per line, oldest first, starting with its day: `2026-03-02: Supplier contacted`; a
//! note of several lines goes on over lines indented by two spaces, so a later line that itself
//! starts with a date is never taken for a note of its own. Read back, a line that starts with
//! a day the importer reads (ISO, day first, the month as a word, a time after it allowed)
//! followed by `:` opens a note; an indented line, and in a hand-made cell any line that does
//! not start with a day, goes on with the note before. A first line without its day is refused,
//! never guessed.

use chrono::NaiveDate;

use super::cell::Cell;
use super::{clean, dates};

/// What starts each further line of a note of several lines.
pub const INDENT: &str = "  ";

/// The notes as one cell's text: `DAY: note` per note, further lines indented.
pub fn joined<'a>(notes: impl IntoIterator<Item = (NaiveDate, &'a str)>) -> String {
    let mut out = Vec::new();
    for (day, note) in notes {
        let mut lines = note.split('\n');
        out.push(format!("{day}: {}", lines.next().unwrap_or_default()));
        out.extend(lines.map(|l| format!("{INDENT}{l}")));
    }
    out.join("\n")
}

/// The notes of a cell, each with its day and its text (lines joined by a newline, trimmed);
/// nothing for a blank cell.
///
/// Errors: a first line that does not start with a day, and a day with no note after it, said
/// in words the importer puts after the cell's address.
pub fn notes(cell: &Cell) -> Result<Vec<(NaiveDate, String)>, String> {
    let Some(text) = clean::text(cell) else {
        return Ok(Vec::new());
    };
    let mut notes: Vec<(NaiveDate, Vec<&str>)> = Vec::new();
    for line in text.split('\n').map(|l| l.trim_end_matches('\r')) {
        let indented = line.starts_with([' ', '\t', '\u{a0}']);
        match (indented, opening(line)) {
            (false, Some((day, note))) => notes.push((day, vec![note.trim()])),
            _ => match notes.last_mut() {
                Some((_, lines)) => {
                    lines.push(line.strip_prefix(INDENT).unwrap_or(line.trim_start()));
                }
                None if line.trim().is_empty() => {}
                None => {
                    return Err(format!(
                        "“{}” does not start with the day of its note: write each progress \
                         note on a line of its own, like 2026-03-02: Supplier contacted.",
                        line.trim()
                    ));
                }
            },
        }
    }
    notes
        .into_iter()
        .map(|(day, lines)| {
            let note = lines.join("\n").trim().to_owned();
            if note.is_empty() {
                Err(format!(
                    "The progress note of {day} says nothing: write what happened after the day."
                ))
            } else {
                Ok((day, note))
            }
        })
        .collect()
}

/// The day a line opens a note with, and the rest of the line: the text before a `:` (one not
/// inside a time such as 14:30) read as a day. A number alone ("2026: budget") is no day.
fn opening(line: &str) -> Option<(NaiveDate, &str)> {
    for (at, _) in line.match_indices(':') {
        let (before, rest) = (&line[..at], &line[at + 1..]);
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let before = before.trim();
        if before.is_empty() || before.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return dates::day(before).ok().map(|day| (day, rest));
    }
    None
}
