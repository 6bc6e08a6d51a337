//! Value cleaners: pure functions from a messy cell to the value a register keeps. Each says
//! what it expected in plain words when it cannot read a cell (the row reader adds the sheet,
//! row and column). Blank markers (`#N/A`, `#REF!`, "N/A", "-") read as nothing, so an optional
//! field may be left so; whether nothing is acceptable is the importer's decision, not ours.
//! Dates live in `dates`; the risk method's levels, closed lists (a status, a treatment) and
//! whole numbers here.

use isms_core::reference;
use isms_core::vocabulary::{Vocabulary, normalized};

use super::cell::{Cell, number_text, trim};

/// The text of a cell, trimmed of (non-breaking) spaces; `None` when blank or a blank marker:
/// an error value (`#N/A`, `#REF!` …), "N/A", "n/a", "NA", "-", "–", "—".
pub fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty | Cell::Error(_) => None,
        Cell::Text(t) => {
            let t = trim(t);
            (!t.is_empty() && !is_blank_marker(t)).then(|| t.to_owned())
        }
        other => Some(other.display()),
    }
}

fn is_blank_marker(t: &str) -> bool {
    let upper = t.to_uppercase();
    matches!(upper.as_str(), "N/A" | "NA" | "-" | "–" | "—" | "--")
        || (upper.starts_with('#')
            && matches!(
                upper.as_str(),
                "#N/A"
                    | "#REF!"
                    | "#VALUE!"
                    | "#DIV/0!"
                    | "#NAME?"
                    | "#NULL!"
                    | "#NUM!"
                    | "#GETTING_DATA"
                    | "#N/A!"
            ))
}

/// Several values in one cell, split on newlines, semicolons, commas and pipes, each trimmed;
/// blanks dropped. Nothing for a blank cell.
pub fn split(cell: &Cell) -> Vec<String> {
    let Some(t) = text(cell) else {
        return Vec::new();
    };
    t.split(['\n', '\r', ';', ',', '|'])
        .map(trim)
        .filter(|v| !v.is_empty() && !is_blank_marker(v))
        .map(str::to_owned)
        .collect()
}

/// A yes/no answer: yes/no, y/n, true/false, 1/0, applicable/not applicable, included/excluded,
/// x or ✓ for yes. `None` for a blank cell (an "x" column leaves its no's blank: the importer
/// reads `None` as no there). "N/A" in a yes/no column means "not applicable", so it is no.
pub fn flag(cell: &Cell) -> Result<Option<bool>, String> {
    match cell {
        Cell::Bool(b) => return Ok(Some(*b)),
        Cell::Number(n) if *n == 1.0 => return Ok(Some(true)),
        Cell::Number(n) if *n == 0.0 => return Ok(Some(false)),
        Cell::Empty | Cell::Error(_) => return Ok(None),
        _ => {}
    }
    let raw = cell.display();
    let t = trim(&raw).to_lowercase();
    let t = t.trim_end_matches(['.', '!']);
    let answer = match t {
        "" => return Ok(None),
        "yes" | "y" | "true" | "1" | "x" | "✓" | "✔" | "applicable" | "included" | "include"
        | "in scope" | "selected" | "ja" | "oui" => true,
        "no" | "n" | "false" | "0" | "not applicable" | "n/a" | "na" | "excluded" | "exclude"
        | "not included" | "out of scope" | "not selected" | "nein" | "non" | "-" => false,
        _ => {
            return Err(format!(
                "“{}” is not a yes or no: write yes/no, Y/N, true/false, 1/0, applicable/not \
                 applicable, included/excluded, or x for yes.",
                trim(&raw)
            ));
        }
    };
    Ok(Some(answer))
}

/// An Annex A control id as the vault keeps it ("5.1" … "8.34"), from `A.5.1`, `A 5.1`, `5.1`,
/// `5.01`, `A.05.01`, `27001:2022-5.01`, `Annex A 5.1`, or an id followed by the control's
/// title ("A.5.1 Policies for information security"). A cell typed as a number is refused
/// when it could be two controls: Excel turned "5.10" into 5.1, and 5.1 exists too.
pub fn control_id(cell: &Cell) -> Result<String, String> {
    let raw = match cell {
        Cell::Number(n) => {
            let id = number_text(*n);
            if let Some((theme, minor)) = id.split_once('.')
                && minor.len() == 1
                && reference::control(&format!("{theme}.{minor}0")).is_some()
            {
                return Err(format!(
                    "{id} is stored as a number, so it may be {id} or {id}0; format the column as \
                     text and write the control id again."
                ));
            }
            id
        }
        other => text(other).ok_or_else(|| "A control id is needed here.".to_owned())?,
    };
    parse_control(&raw).ok_or_else(|| {
        format!(
            "“{}” is not an Annex A control of ISO/IEC 27001:2022: write it like 5.1, A.5.1 or \
             8.34 (5.1 to 5.37, 6.1 to 6.8, 7.1 to 7.14, 8.1 to 8.34).",
            trim(&raw)
        )
    })
}

fn parse_control(raw: &str) -> Option<String> {
    let mut s = trim(raw).to_uppercase();
    // "ISO/IEC 27001:2022-5.01", "27001:2022 A.5.1": drop everything up to the edition.
    if let Some(at) = s.find("27001") {
        let after = &s[at + 5..];
        let after = after
            .strip_prefix(":2022")
            .or_else(|| after.strip_prefix(":2013"))
            .unwrap_or(after);
        s = after.to_owned();
    }
    let mut rest = s.trim_start_matches(|c: char| c == '-' || c == ':' || c.is_whitespace());
    rest = rest.strip_prefix("ANNEX").unwrap_or(rest).trim_start();
    if let Some(r) = rest.strip_prefix('A') {
        rest = r.trim_start_matches(|c: char| c == '.' || c == '-' || c.is_whitespace());
    }
    let theme_len = rest.find(|c: char| !c.is_ascii_digit())?;
    let theme: u32 = rest[..theme_len].parse().ok()?;
    let rest = &rest[theme_len..];
    let rest = rest.strip_prefix(['.', ' ', '-'])?;
    let minor_len = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let minor: u32 = rest[..minor_len].parse().ok()?;
    let tail = &rest[minor_len..];
    // A title may follow after a space or a dash, never another number part ("5.1.2").
    if !(tail.is_empty() || tail.starts_with([' ', '\t', '-', '–', ':', '\n'])) {
        return None;
    }
    let id = format!("{theme}.{minor}");
    reference::control(&id).map(|c| c.id.clone())
}

/// A likelihood or impact level `1..=labels.len()`: a number, or one of the risk method's
/// labels ignoring case ("High"), or both ("3 - Possible"). `what` names the scale in the
/// message: "likelihood" or "impact". `None` for a blank cell.
pub fn level(cell: &Cell, labels: &[String], what: &str) -> Result<Option<u32>, String> {
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let max = labels.len() as u32;
    let fail = || {
        format!(
            "“{t}” is not {} {what}: 1–{max} or {}",
            if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            },
            labels.join(", ")
        )
    };
    if let Some(i) = labels.iter().position(|l| trim(l).eq_ignore_ascii_case(&t)) {
        return Ok(Some(i as u32 + 1));
    }
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, tail) = t.split_at(digits);
    let tail = tail.trim_start_matches(['.', '0']);
    let tail =
        trim(tail.trim_start_matches([' ', '-', '–', ':', '(', ')', '='])).trim_end_matches(')');
    match number.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => {
            let label_ok = tail.is_empty()
                || labels
                    .get(n as usize - 1)
                    .is_some_and(|l| trim(l).eq_ignore_ascii_case(tail));
            if label_ok { Ok(Some(n)) } else { Err(fail()) }
        }
        _ => Err(fail()),
    }
}

/// One value of a list of the core's vocabulary (a treatment, a status, a document kind): its
/// label, its name (`in_progress`) or one of the other words that mean it, compared ignoring
/// case, surrounding spaces, and `_`, `-` or several spaces between words ("In-progress", "in
/// progress"). `what` names the list in the message, which shows every label: "an
/// implementation status". `None` for a blank cell.
pub fn word<T: Vocabulary>(cell: &Cell, what: &str) -> Result<Option<T>, String> {
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    T::from_word(&t)
        .map(Some)
        .ok_or_else(|| format!("“{t}” is not {what}: {}.", T::labels().join(", ")))
}

/// One of a closed list of values given as a table: `options` pairs each value with the words
/// that mean it, the first being the one the message shows; words compare as in [`word`]. The
/// core's lists go through [`word`]; this serves a list of the sheets' own.
pub fn choice<T: Copy>(
    cell: &Cell,
    what: &str,
    options: &[(T, &[&str])],
) -> Result<Option<T>, String> {
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let wanted = normalized(&t);
    for (value, names) in options {
        if names.iter().any(|n| normalized(n) == wanted) {
            return Ok(Some(*value));
        }
    }
    let shown: Vec<&str> = options
        .iter()
        .filter_map(|(_, n)| n.first().copied())
        .collect();
    Err(format!("“{t}” is not {what}: {}.", shown.join(", ")))
}

/// A whole number of at least 0 ("12", 12, "12 months"); `what` names it in the message.
/// `None` for a blank cell.
pub fn whole(cell: &Cell, what: &str) -> Result<Option<u32>, String> {
    if let Cell::Number(n) = cell {
        return if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) {
            Ok(Some(*n as u32))
        } else {
            Err(format!(
                "{} is not {what}: a whole number.",
                number_text(*n)
            ))
        };
    }
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let digits = t.split_whitespace().next().unwrap_or_default();
    digits
        .parse::<u32>()
        .map(Some)
        .map_err(|_| format!("“{t}” is not {what}: a whole number."))
}
