//! What the import wizard shows before anything is checked against the vault: the sheets of the
//! file, the header row, each column with the field it fills, the kind's fields, and the first
//! data rows as the spreadsheet shows them. [`choose`] turns the user's choices (a header row
//! and a field per column) into a [`Mapping`], refusing choices that name no column or no
//! field of the kind, or give one field to two columns. The importer itself checks that every
//! required field is mapped, so the wizard and the CLI get the same message.

use isms_core::{CoreError, FieldError, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cell::column_letters;
use super::fields::Kind;
use super::header::headers_of;
use super::mapping::{Column, Mapping};
use super::rows::rows;
use super::{Format, Workbook};

/// Data rows a preview shows.
pub const PREVIEW_ROWS: usize = 8;

/// One field of a kind, as the wizard lists it in each column's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SheetField")]
pub struct FieldInfo {
    pub name: String,
    pub label: String,
    pub required: bool,
    /// A cell may hold several values.
    pub many: bool,
}

/// One column of the header row and the field it fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SheetColumn")]
pub struct ColumnInfo {
    /// 0-based.
    pub index: u32,
    pub letter: String,
    pub header: String,
    pub field: Option<String>,
}

/// A data row of the preview: its number as the spreadsheet shows it, and each column's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SheetRow")]
pub struct PreviewRow {
    pub row: u32,
    pub cells: Vec<String>,
}

/// A sheet as the wizard shows it, under a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SheetPreview")]
pub struct Preview {
    /// `xlsx` or `csv`.
    pub format: String,
    pub sheet: String,
    pub sheets: Vec<String>,
    /// A CSV's encoding and delimiter as detected, in words: "UTF-8, semicolon-separated".
    pub detected: Option<String>,
    /// 1-based.
    pub header_row: u32,
    /// Rows of the sheet, to bound the header row picker.
    pub sheet_rows: u32,
    pub columns: Vec<ColumnInfo>,
    pub fields: Vec<FieldInfo>,
    /// Labels of required fields no column fills.
    pub missing: Vec<String>,
    /// Data rows below the header (blank and note rows skipped).
    pub data_rows: u32,
    pub rows: Vec<PreviewRow>,
}

/// The user's choice for one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "SheetChoice")]
pub struct Choice {
    /// 0-based.
    pub index: u32,
    pub field: Option<String>,
}

/// The preview of `workbook` under `mapping`.
pub fn preview(workbook: &Workbook, mapping: &Mapping) -> Preview {
    let data = rows(workbook, mapping);
    let width = mapping.columns.len();
    let shown = data
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| PreviewRow {
            row: r.row,
            cells: (0..width)
                .map(|c| workbook.cell(r.row as usize - 1, c).display())
                .collect(),
        })
        .collect();
    Preview {
        format: match workbook.format {
            Format::Xlsx => "xlsx".into(),
            Format::Csv => "csv".into(),
        },
        sheet: workbook.sheet.clone(),
        sheets: workbook.sheets.clone(),
        detected: detected(workbook),
        header_row: mapping.header_row,
        sheet_rows: workbook.rows.len() as u32,
        columns: mapping
            .columns
            .iter()
            .map(|c| ColumnInfo {
                index: c.index as u32,
                letter: c.letter.clone(),
                header: c.header.clone(),
                field: c.field.map(str::to_owned),
            })
            .collect(),
        fields: mapping
            .kind
            .fields()
            .iter()
            .map(|f| FieldInfo {
                name: f.name.into(),
                label: f.label.into(),
                required: f.required,
                many: f.many,
            })
            .collect(),
        missing: mapping
            .missing_required()
            .into_iter()
            .map(|f| f.label.to_owned())
            .collect(),
        data_rows: data.len() as u32,
        rows: shown,
    }
}

fn detected(workbook: &Workbook) -> Option<String> {
    let encoding = workbook.encoding.as_ref()?;
    let delimiter = match workbook.delimiter {
        Some(',') => ", comma-separated",
        Some(';') => ", semicolon-separated",
        Some('\t') => ", tab-separated",
        _ => "",
    };
    Some(format!("{encoding}{delimiter}"))
}

/// A proposed mapping: fields proposed from the headers of `header_row` (1-based), or, with
/// none, from the header row found as [`super::detect`] finds it; a sheet where no row names a
/// field is shown from row 1 with nothing mapped, so the user can pick the row.
///
/// Errors: `Validation` for a header row outside the sheet.
pub fn propose(workbook: &Workbook, kind: Kind, header_row: Option<u32>) -> Result<Mapping> {
    let row = match header_row {
        Some(row) => row,
        None => match super::find_header(workbook, kind) {
            Ok(found) => found.row,
            Err(_) => return choose(workbook, kind, 1, &[]),
        },
    };
    let mut mapping = choose(workbook, kind, row, &[])?;
    let headers: Vec<String> = mapping.columns.iter().map(|c| c.header.clone()).collect();
    let proposed = super::propose_mapping(&headers, kind);
    for (column, field) in mapping.columns.iter_mut().zip(proposed.columns) {
        column.field = field.field;
    }
    Ok(mapping)
}

/// The mapping the user chose: row `header_row` (1-based) holds the headers, and each listed
/// column fills its field (columns not listed fill none).
///
/// Errors: `Validation` listing every problem: a header row outside the sheet, a column the
/// header row does not have, a field not of `kind`, one field given to two columns.
pub fn choose(
    workbook: &Workbook,
    kind: Kind,
    header_row: u32,
    choices: &[Choice],
) -> Result<Mapping> {
    let mut errors = Vec::new();
    if header_row == 0 || header_row as usize > workbook.rows.len() {
        return Err(CoreError::validation(vec![FieldError::new(
            "header_row",
            format!(
                "The header row must be between 1 and {}, the rows of “{}”.",
                workbook.rows.len().max(1),
                workbook.sheet
            ),
        )]));
    }
    let headers = headers_of(workbook, header_row as usize - 1);
    let width = headers.len().max(workbook.width());
    let mut columns: Vec<Column> = (0..width)
        .map(|index| Column {
            index,
            letter: column_letters(index),
            header: headers.get(index).cloned().unwrap_or_default(),
            field: None,
        })
        .collect();
    for choice in choices {
        let Some(name) = &choice.field else { continue };
        let at = format!("columns.{}", choice.index);
        let Some(field) = kind.field(name) else {
            errors.push(FieldError::new(
                &at,
                format!("{} has no field “{name}”.", kind.as_str()),
            ));
            continue;
        };
        if let Some(other) = columns.iter().find(|c| c.field == Some(field.name)) {
            errors.push(FieldError::new(
                &at,
                format!(
                    "{} is already filled from column {}; a field comes from one column.",
                    field.label, other.letter
                ),
            ));
            continue;
        }
        match columns.get_mut(choice.index as usize) {
            Some(column) => column.field = Some(field.name),
            None => errors.push(FieldError::new(
                &at,
                format!(
                    "There is no column {} in row {header_row}.",
                    column_letters(choice.index as usize)
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::validation(errors));
    }
    // Trailing columns with neither header nor field add nothing to a preview.
    while columns
        .last()
        .is_some_and(|c| c.header.is_empty() && c.field.is_none())
    {
        columns.pop();
    }
    Ok(Mapping {
        values: Default::default(),
        kind,
        header_row,
        columns,
    })
}
