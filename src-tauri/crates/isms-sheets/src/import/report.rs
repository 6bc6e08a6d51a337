//! What an import tells its user: a refusal counting the rows refused (not the problems), an
//! unresolved value said once with every cell that holds it and how to map it, a mapping
//! that cannot serve the kind, and a report as lines for the terminal.

use isms_core::{CoreError, FieldError, Result};

use super::{ImportReport, UnresolvedValue};
use crate::read::{Kind, Mapping};

pub(super) fn check_mapping(kind: Kind, mapping: &Mapping) -> Result<()> {
    if mapping.kind != kind {
        return Err(CoreError::validation(vec![FieldError::new(
            "mapping",
            format!(
                "The mapping is for {}, not {}.",
                mapping.kind.as_str(),
                kind.as_str()
            ),
        )]));
    }
    let missing: Vec<FieldError> = mapping
        .missing_required()
        .into_iter()
        .map(|f| {
            if kind.by_row() {
                FieldError::new(
                    &format!("row {}", mapping.header_row),
                    format!("The header row has no “{}” column.", f.label),
                )
            } else {
                FieldError::new(
                    "mapping",
                    format!("No column is mapped to {}, which every row needs.", f.label),
                )
            }
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(CoreError::validation(missing))
    }
}

/// The row a problem's field names: "row 3.email" → "row 3", "Risks!D7" → "Risks!7" (the
/// sheets read with a register have rows of their own).
fn row_of(kind: Kind, field: &str) -> String {
    if kind.by_row() {
        return field.split('.').next().unwrap_or_default().to_owned();
    }
    let (sheet, cell) = field.rsplit_once('!').unwrap_or(("", field));
    let row = cell.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    format!("{sheet}!{row}")
}

/// The validation error of a refused import: its message counts the rows refused (not the
/// problems); an unresolved value is one problem naming every cell that holds it.
pub(super) fn fail(
    kind: Kind,
    mut errors: Vec<FieldError>,
    unresolved: Vec<UnresolvedValue>,
) -> CoreError {
    let mut rows: std::collections::BTreeSet<String> =
        errors.iter().map(|e| row_of(kind, &e.field)).collect();
    for value in unresolved {
        rows.extend(value.cells.iter().map(|c| row_of(kind, c)));
        errors.push(unresolved_error(&value));
    }
    let n = rows.len();
    let s = if n == 1 { "" } else { "s" };
    let mut err = CoreError::validation(errors);
    err.message = if kind.by_row() {
        format!("{n} row{s} cannot be imported; nothing was written.")
    } else {
        let p = err.fields.len();
        format!(
            "{p} problem{} in {n} row{s}; nothing was imported.",
            if p == 1 { "" } else { "s" }
        )
    };
    err
}

/// "Risks!F2, F5 (Owner): Nobody in the vault is called “ISO” (2 rows). Add them to People,
/// or map the value to a person in the mapping's values: …".
fn unresolved_error(value: &UnresolvedValue) -> FieldError {
    const SHOWN: usize = 5;
    let first = value.cells.first().cloned().unwrap_or_default();
    let mut cells: Vec<String> = value
        .cells
        .iter()
        .take(SHOWN)
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.clone()
            } else {
                c.rsplit_once('!').map_or(c.clone(), |(_, a)| a.to_owned())
            }
        })
        .collect();
    if value.cells.len() > SHOWN {
        cells.push(format!("and {} more", value.cells.len() - SHOWN));
    }
    let header = if value.header.is_empty() {
        String::new()
    } else {
        format!(" ({})", value.header)
    };
    let n = value.cells.len();
    let example = serde_json::json!({"values": {value.field.as_str(): {value.value.as_str(): "someone@example.com"}}});
    FieldError::new(
        &first,
        format!(
            "{}{header}: {} ({n} row{}). Add them to People, or map the value to a person (by \
             e-mail or name) in the mapping's values: {example}.",
            cells.join(", "),
            value.reason.trim_end_matches('.'),
            if n == 1 { "" } else { "s" }
        ),
    )
}

/// A report as lines for the terminal.
pub fn describe(report: &ImportReport) -> String {
    let mut out = report.lines.join("\n");
    if report.kind.by_row() {
        let verb = if report.dry_run {
            "would import"
        } else {
            "imported"
        };
        // Rows that state a status, not a record ("Missing" acknowledgements), are read and
        // skipped: what is left once the rows imported and already recorded are counted.
        let skipped = report
            .rows
            .saturating_sub(report.created + report.updated + report.unchanged);
        let skipped = if skipped > 0 {
            format!(", {skipped} skipped (a status, not a record)")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "\n{} rows: {verb} {}, {} already recorded{skipped}{}\n",
            report.rows,
            report.created,
            report.unchanged,
            if report.dry_run {
                " (dry run: nothing written)"
            } else {
                ""
            }
        ));
        if let Some(path) = &report.backup {
            out.push_str(&format!("Backup written first: {path}\n"));
        }
        return out;
    }
    let (verb, tail) = if report.dry_run {
        ("would create", " (dry run: nothing written)")
    } else {
        ("created", "")
    };
    out.push_str(&format!(
        "\n{} rows of {}: {verb} {}, {} {}, {} unchanged{tail}\n",
        report.rows,
        report.kind.as_str(),
        report.created,
        if report.dry_run {
            "would update"
        } else {
            "updated"
        },
        report.updated,
        report.unchanged,
    ));
    if let Some(path) = &report.backup {
        out.push_str(&format!("Backup written first: {path}\n"));
    }
    out
}
