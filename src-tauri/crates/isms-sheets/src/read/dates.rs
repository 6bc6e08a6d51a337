//! Dates as people type them: ISO (2026-03-31), European day first (31/03/2026, 31.03.2026,
//! 31-03-2026), the month as a word in English, German or French (15-Mar-2026, 15 Mar 2026,
//! March 15, 2026, 15. März 2026, 15 mars 2026, 1er avril 2026), an Excel serial number
//! (46112), or a cell the workbook typed as a date; a time after the date (a form's
//! timestamp, "15/03/2026 14:32:10") is dropped. A slash date whose second part cannot be a
//! month (03/31/2026) is refused as American rather than guessed, and so is a two-digit year:
//! the message says how to write it.

use chrono::{Days, NaiveDate};

use super::cell::{Cell, trim};
use super::clean::text;

/// Serial numbers read as dates: 1910-01-01 to 2199-12-31. Outside that range a number in a
/// date column is a mistake (a year, a count), not a date.
const SERIALS: std::ops::RangeInclusive<f64> = 3_654.0..=109_574.0;

/// A date, or `None` for a blank cell.
pub fn date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    match cell {
        Cell::Date(d) => return Ok(Some(d.date())),
        Cell::Number(n) => return serial(*n).map(Some),
        _ => {}
    }
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    parse(&t).map(Some)
}

/// An Excel serial day number of the 1900 date system (the default; calamine converts cells
/// of a 1904-system workbook itself when they are typed as dates). The time of day is dropped.
pub fn serial(n: f64) -> Result<NaiveDate, String> {
    if !SERIALS.contains(&n) {
        return Err(format!(
            "{} is not a date: write it like 2026-03-31 or 31/03/2026.",
            super::cell::number_text(n)
        ));
    }
    // Day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was; every serial
    // in range is past it, so counting from 1899-12-30 is right.
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date");
    base.checked_add_days(Days::new(n.trunc() as u64))
        .ok_or_else(|| format!("{n} is not a date."))
}

/// A date written as text, in any of the ways [`date`] reads a text cell.
pub fn day(text: &str) -> Result<NaiveDate, String> {
    parse(text)
}

/// A month as `YYYY-MM`, or `None` for a blank cell: "2026-03", "03/2026", "03.2026",
/// "March 2026", "Mär 2026", "mars 2026", or any date of that month (a cell the workbook typed
/// as a date, as Excel does with "2026-03" typed in).
pub fn month(cell: &Cell) -> Result<Option<String>, String> {
    let of = |d: NaiveDate| d.format("%Y-%m").to_string();
    match cell {
        Cell::Date(d) => return Ok(Some(of(d.date()))),
        Cell::Number(n) => return serial(*n).map(|d| Some(of(d))),
        _ => {}
    }
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let parts: Vec<&str> = t.split(['-', '/', '.']).map(str::trim).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let numbered = match parts.as_slice() {
        [y, m] if y.len() == 4 && m.len() <= 2 && digits(y) && digits(m) => Some((*y, *m)),
        [m, y] if y.len() == 4 && m.len() <= 2 && digits(y) && digits(m) => Some((*y, *m)),
        _ => None,
    };
    let first = match numbered {
        Some((y, m)) => format!("{y}-{m:0>2}-01"),
        // "March 2026" is the first of March 2026 with its day left out.
        None if t.chars().any(char::is_alphabetic) => format!("1 {t}"),
        None => t.clone(),
    };
    parse(&first)
        .map(|d| Some(of(d)))
        .map_err(|_| format!("“{t}” is not a month: write it like 2026-03 or March 2026."))
}

fn parse(raw: &str) -> Result<NaiveDate, String> {
    let t = trim(raw);
    let numeric = numbers(t);
    if numeric.is_ok() || !t.chars().any(char::is_alphabetic) {
        return numeric;
    }
    // "3/15/2026 2:32 PM": the date is numbers, and what is wrong with it is said as such.
    let first = t.split(' ').next().unwrap_or(t);
    if first.len() >= 8
        && first
            .bytes()
            .all(|b| b.is_ascii_digit() || b"-/.".contains(&b))
    {
        return numeric;
    }
    worded(t)
}

/// A date of numbers only: ISO, day first, or a serial number.
fn numbers(t: &str) -> Result<NaiveDate, String> {
    // A date-time written out: keep the date ("2026-03-31 14:00", "2026-03-31T14:00:00").
    let day = t.split(['T', ' ']).next().unwrap_or(t);
    let invalid =
        || format!("“{t}” is not a date: write it like 2026-03-31 or 31/03/2026 (day first).");
    if day.len() >= 4 && day.bytes().all(|b| b.is_ascii_digit()) {
        let n: f64 = day.parse().map_err(|_| invalid())?;
        return serial(n).map_err(|_| invalid());
    }
    let sep = day
        .chars()
        .find(|c| matches!(c, '-' | '/' | '.'))
        .ok_or_else(invalid)?;
    let parts: Vec<&str> = day.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(invalid());
    };
    let num = |s: &str| -> Result<u32, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        s.parse().map_err(|_| invalid())
    };
    let (year, month, day_of) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else {
        if c.len() != 4 {
            return Err(format!(
                "“{t}” has a two-digit year; write the year in full, like 31/03/2026."
            ));
        }
        let (d, m) = (num(a)?, num(b)?);
        if m > 12 && d <= 12 {
            return Err(format!(
                "“{t}” reads as month first (American); write day first, like {m:02}/{d:02}/{c}, or as {c}-{d:02}-{m:02}."
            ));
        }
        (num(c)?, m, d)
    };
    NaiveDate::from_ymd_opt(year as i32, month, day_of)
        .ok_or_else(|| format!("“{t}” is not a real date."))
}

/// Months as English, German and French write them, full or short, accents dropped: the
/// number of the month each word means.
const MONTHS: [(u32, &[&str]); 12] = [
    (
        1,
        &["jan", "january", "januar", "janner", "janvier", "janv"],
    ),
    (2, &["feb", "february", "februar", "fevrier", "fev", "fevr"]),
    (3, &["mar", "march", "marz", "maerz", "mars"]),
    (4, &["apr", "april", "avril", "avr"]),
    (5, &["may", "mai"]),
    (6, &["jun", "june", "juni", "juin"]),
    (7, &["jul", "july", "juli", "juillet", "juil"]),
    (8, &["aug", "august", "aout"]),
    (9, &["sep", "sept", "september", "septembre"]),
    (10, &["oct", "october", "okt", "oktober", "octobre"]),
    (11, &["nov", "november", "novembre"]),
    (12, &["dec", "december", "dez", "dezember", "decembre"]),
];

/// A date with its month as a word: a day, a month and a four-digit year in any order the
/// three languages use ("15 Mar 2026", "March 15, 2026", "15. März 2026"); words and
/// numbers may be separated by spaces, dashes, dots, commas or slashes.
fn worded(t: &str) -> Result<NaiveDate, String> {
    let invalid = || {
        format!(
            "“{t}” is not a date: write it like 2026-03-31, 31/03/2026 (day first) or 31 March \
             2026."
        )
    };
    let folded = isms_core::vocabulary::folded(t);
    let mut parts = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | ',' | '/'))
        .filter(|p| !p.is_empty())
        // A time after the date ("14:32", "2:30 pm") is not part of it.
        .take_while(|p| !p.contains(':'));
    let (mut day, mut month, mut year): (Option<u32>, Option<u32>, Option<u32>) =
        (None, None, None);
    for part in parts.by_ref().take(3) {
        let digits = part
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(part.len());
        let (number, suffix) = part.split_at(digits);
        if let Some((m, _)) = MONTHS.iter().find(|(_, words)| words.contains(&part)) {
            if month.replace(*m).is_some() {
                return Err(invalid());
            }
        } else if number.len() == 4 && suffix.is_empty() && year.is_none() {
            year = number.parse().ok();
        } else if (1..=2).contains(&number.len())
            // An ordinal: "15th", "1st", French "1er".
            && matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er")
            && day.is_none()
        {
            day = number.parse().ok();
        } else {
            return Err(invalid());
        }
    }
    let (Some(day), Some(month), Some(year)) = (day, month, year) else {
        return Err(invalid());
    };
    if parts.next().is_some_and(|p| !matches!(p, "am" | "pm")) {
        return Err(invalid());
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
        .ok_or_else(|| format!("“{t}” is not a real date."))
}
