//! Value cleaners: pure functions from a messy cell to the value a register keeps. Each says
//! what it expected in plain words when it cannot read a cell (the row reader adds the sheet,
//! row and column). Blank markers (`#N/A`, `#REF!`, "N/A", "-") read as nothing, so an optional
//! field may be left so; whether nothing is acceptable is the importer's decision, not ours.
//! Dates live in `dates`; the risk method's levels, closed lists (a status, a treatment) and
//! whole numbers here.

use isms_core::vocabulary::{Vocabulary, normalized};

use super::cell::{Cell, number_text, trim};
pub use super::controls::{control_id, controls};

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

/// The words of a yes/no answer in English, German and French, compared as [`word`] compares:
/// x, ✓ and ✔ for yes (an "x" column leaves its no's blank), "N/A" and "not applicable" for no.
pub const FLAG_WORDS: [(bool, &[&str]); 2] = [
    (
        true,
        &[
            "yes",
            "y",
            "true",
            "1",
            "x",
            "✓",
            "✔",
            "☑",
            "applicable",
            "included",
            "include",
            "in scope",
            "selected",
            "ja",
            "j",
            "wahr",
            "anwendbar",
            "enthalten",
            "ausgewählt",
            "relevant",
            "oui",
            "o",
            "vrai",
            "inclus",
            "retenu",
            "sélectionné",
        ],
    ),
    (
        false,
        &[
            "no",
            "n",
            "false",
            "0",
            "not applicable",
            "n/a",
            "na",
            "n.a",
            "excluded",
            "exclude",
            "not included",
            "out of scope",
            "not selected",
            "not relevant",
            "✗",
            "✘",
            "☐",
            "nein",
            "falsch",
            "nicht anwendbar",
            "ausgeschlossen",
            "nicht relevant",
            "entfällt",
            "non",
            "faux",
            "non applicable",
            "exclu",
            "non retenu",
            "sans objet",
        ],
    ),
];

/// A yes/no answer: one of [`FLAG_WORDS`] ignoring case, accents and a trailing `.` or `!`.
/// `None` for a blank cell (an "x" column leaves its no's blank: the importer reads `None` as
/// no there). "N/A" in a yes/no column means "not applicable", so it is no, and so is "-".
pub fn flag(cell: &Cell) -> Result<Option<bool>, String> {
    match cell {
        Cell::Bool(b) => return Ok(Some(*b)),
        Cell::Number(n) if *n == 1.0 => return Ok(Some(true)),
        Cell::Number(n) if *n == 0.0 => return Ok(Some(false)),
        Cell::Empty | Cell::Error(_) => return Ok(None),
        _ => {}
    }
    let raw = cell.display();
    let t = trim(&raw).trim_end_matches(['.', '!']);
    if t.is_empty() {
        return Ok(None);
    }
    if matches!(t, "-" | "–" | "—" | "--") {
        return Ok(Some(false));
    }
    let wanted = normalized(t);
    FLAG_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| normalized(w) == wanted))
        .map(|(answer, _)| Some(*answer))
        .ok_or_else(|| {
            format!(
                "“{}” is not a yes or no: write yes/no, Y/N, true/false, 1/0, applicable/not \
                 applicable, included/excluded, ja/nein, oui/non, or x for yes.",
                trim(&raw)
            )
        })
}

/// Whether a cell says the control does not apply: "Not applicable", "N/A", "Nicht
/// anwendbar", "Non applicable", "Excluded" … — in an SoA's status column that is the
/// decision to exclude the control, not a status.
pub fn not_applicable(cell: &Cell) -> bool {
    let raw = cell.display();
    let wanted = normalized(trim(&raw).trim_end_matches(['.', '!']));
    [
        "not applicable",
        "n/a",
        "na",
        "n.a",
        "n. a",
        "excluded",
        "not relevant",
        "nicht anwendbar",
        "ausgeschlossen",
        "nicht relevant",
        "entfällt",
        "non applicable",
        "exclu",
        "sans objet",
    ]
    .iter()
    .any(|w| normalized(w) == wanted)
}

/// A likelihood or impact level `1..=labels.len()`: a number, or one of the risk method's
/// labels ignoring case ("High"), or both ("3 - Possible"). `what` names the scale in the
/// message: "likelihood" or "impact". `None` for a blank cell.
pub fn level(cell: &Cell, labels: &[String], what: &str) -> Result<Option<u32>, String> {
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let max = labels.len() as u32;
    // "3,0" or "3.0": a whole number a locale or a formula wrote with decimals.
    let t = match t.split_once([',', '.']) {
        Some((n, zeros))
            if !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
                && !zeros.is_empty()
                && zeros.bytes().all(|b| b == b'0') =>
        {
            n.to_owned()
        }
        _ => t,
    };
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
    let wanted = normalized(&t);
    if let Some(i) = labels.iter().position(|l| normalized(l) == wanted) {
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
                    .is_some_and(|l| normalized(l) == normalized(tail));
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

/// A number as registers write it: `3.5`, `3,5` (a decimal comma), `1,234.5` or `1.234,5`
/// (thousands grouped), `75 %`; `what` names it in the message. `None` for a blank cell.
pub fn number(cell: &Cell, what: &str) -> Result<Option<f64>, String> {
    if let Cell::Number(n) = cell {
        return Ok(Some(*n));
    }
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let s: String = t
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    // The last of `.` and `,` is the decimal mark when both are there; a lone comma is one.
    let s = match (s.rfind('.'), s.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => s.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => s.replace(',', ""),
        (None, Some(_)) if s.matches(',').count() == 1 => s.replace(',', "."),
        _ => s,
    };
    s.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(Some)
        .ok_or_else(|| format!("“{t}” is not {what}."))
}

/// A value of a core list said with a note after it: "Accept with monitoring", "Transfer
/// (insurance)", "Mitigate – patch monthly", "Reduzieren durch MFA", "Réduire : chiffrement".
/// The whole cell is tried first, as [`word`] reads it; failing that, the words before a
/// bracket, a dash, a colon, a comma or a semicolon, or before "with", "by", "via",
/// "through", "mit", "durch", "avec" or "par". The value and whether a note followed it are
/// returned, so the importer can keep the note. Used for a risk's treatment, where registers
/// write such phrases; the other lists take only their words.
pub fn phrase<T: Vocabulary>(cell: &Cell, what: &str) -> Result<Option<(T, bool)>, String> {
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    if let Some(value) = T::from_word(&t) {
        return Ok(Some((value, false)));
    }
    // ASCII lower case keeps every byte where it was, so `cut` is a place in `t` too.
    let lower = t.to_ascii_lowercase();
    let mut cut = lower
        .find(['(', '[', '–', '—', ':', ',', ';', '/'])
        .unwrap_or(lower.len());
    for joint in [
        " - ",
        " with ",
        " by ",
        " via ",
        " through ",
        " mit ",
        " durch ",
        " avec ",
        " par ",
    ] {
        if let Some(at) = lower.find(joint) {
            cut = cut.min(at);
        }
    }
    let head = trim(&t[..cut]);
    match T::from_word(head) {
        Some(value) if cut < t.len() => Ok(Some((value, true))),
        _ => Err(format!(
            "“{t}” is not {what}: {}, or one of them followed by a note (“Accept with \
             monitoring”).",
            T::labels().join(", ")
        )),
    }
}
