//! Annex A control ids as registers write them: one in an SoA row ([`control_id`]), or a list
//! in a risk's, a finding's or a requirement's cell ([`controls`]) — separated by commas or
//! lines, or only by spaces ("A 5.17 A 8.5"), every control kept.

use isms_core::reference;

use super::cell::{Cell, number_text, trim};
use super::clean::{split, text};

/// An Annex A control id as the vault keeps it ("5.1" … "8.34"), from `A.5.1`, `A 5.1`, `5.1`,
/// `5.01`, `A.05.01`, `27001:2022-5.01`, `Annex A 5.1`, or an id followed by the control's
/// title ("A.5.1 Policies for information security"). A cell typed as a number is refused
/// when it could be two controls: Excel turned "5.10" into 5.1, and 5.1 exists too.
/// A cell naming several controls ("A 5.17 A 8.5") is refused: it is one control here.
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
    let ids = listed(&raw);
    if ids.len() > 1 {
        let shown: Vec<&str> = ids.iter().map(|t| trim_id(t)).collect();
        return Err(format!(
            "“{}” names {} controls ({}); give one control here.",
            trim(&raw),
            ids.len(),
            shown.join(", ")
        ));
    }
    parse_control(&raw).ok_or_else(|| not_a_control(&raw))
}

fn not_a_control(raw: &str) -> String {
    format!(
        "“{}” is not an Annex A control of ISO/IEC 27001:2022: write it like 5.1, A.5.1 or \
         8.34 (5.1 to 5.37, 6.1 to 6.8, 7.1 to 7.14, 8.1 to 8.34).",
        trim(raw)
    )
}

/// Every Annex A control a cell lists, in order: split on newlines, `;`, `,` and `|`, and a
/// piece holding more than one id split at each ("A 5.17 A 8.5", "A.5.17 A.8.5",
/// "5.17 8.5", "5.1 Policies 5.2 Roles"), so no control is lost to a title. An id followed by
/// its title ("A.5.1 Policies for information security") is one control. A number cell is
/// read as [`control_id`] reads it. Nothing for a blank cell; every piece that is not a
/// control is named in the one message.
pub fn controls(cell: &Cell) -> Result<Vec<String>, String> {
    if let Cell::Number(_) = cell {
        return control_id(cell).map(|id| vec![id]);
    }
    let mut ids = Vec::new();
    let mut wrong = Vec::new();
    for piece in split(cell) {
        let tokens = listed(&piece);
        if tokens.len() > 1 {
            for token in tokens {
                match parse_control(trim_id(token)) {
                    Some(id) => ids.push(id),
                    None => wrong.push(not_a_control(trim_id(token))),
                }
            }
        } else {
            match parse_control(&piece) {
                Some(id) => ids.push(id),
                None => wrong.push(not_a_control(&piece)),
            }
        }
    }
    if !wrong.is_empty() {
        return Err(wrong.join(" "));
    }
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    Ok(ids)
}

/// The words of `piece` that look like a control id (`5.17`, `A.5.17`, `A5.17`, `A-8.5`),
/// a lone "A" or "Annex" before one left out.
fn listed(piece: &str) -> Vec<&str> {
    piece
        .split_whitespace()
        .filter(|w| looks_like_id(w))
        .collect()
}

fn looks_like_id(word: &str) -> bool {
    let w = trim_id(word);
    let w = w
        .strip_prefix(['A', 'a'])
        .map(|r| r.trim_start_matches(['.', '-']))
        .unwrap_or(w);
    let Some((theme, minor)) = w.split_once('.') else {
        return false;
    };
    (1..=2).contains(&theme.len())
        && (1..=2).contains(&minor.len())
        && theme.bytes().all(|b| b.is_ascii_digit())
        && minor.bytes().all(|b| b.is_ascii_digit())
}

/// A word without the punctuation that may follow an id in a list ("5.1:", "(8.5)").
fn trim_id(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, ':' | '(' | ')' | '[' | ']' | '–' | '-' | '.'))
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
