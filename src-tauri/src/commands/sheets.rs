//! Commands of the spreadsheet registers (isms-sheets): the import wizard reads a file chosen
//! with the native open dialog (or dropped on the window; either way the page holds a handle,
//! never a path, `handles.rs`) into a preview under a
//! proposed or chosen mapping, then imports it all or nothing with progress over a channel
//! (`sheets_cancel` stops it at its next row; a cancelled import writes nothing); and each
//! register screen exports its register to an XLSX chosen with the native save dialog (`all`,
//! from the Export screen: the whole vault in one workbook, its evidence files in a folder
//! named after it beside it). The file is read again on every call, outside the vault's lock,
//! so a large sheet never blocks the other commands. A risk register chosen from a workbook
//! that also holds its actions and approvals sheets brings them along (`read::parts`); the
//! report says they were read.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use isms_core::{CoreError, organisation};
use isms_sheets::import::{self, Beside, ImportProgress, ImportReport, Mode, UnresolvedValue};
use isms_sheets::read::{self, Choice, Kind, Limits, Mapping, Preview, Workbook};
use isms_sheets::whole;
use isms_sheets::write::{self, SheetKind};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::write as write_vault;
use crate::dialog::{self, Ask};
use crate::error::{IpcError, IpcResult};
use crate::handles::{FileRef, Purpose};
use crate::state::AppState;

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SheetExported {
    /// For display; `export_reveal` takes `handle`.
    pub path: String,
    pub handle: String,
    pub bytes: f64,
}

fn kind_of(word: &str) -> IpcResult<Kind> {
    Kind::parse(word).ok_or_else(|| IpcError::from(Kind::unknown(word)))
}

/// Reads the file behind handle `file`, once the vault is known to be unlocked (a locked app
/// reads nothing) and the handle to be one the shell gave out: `sheet`, or without one the
/// first sheet that holds `kind`'s data (a training export's completions behind its matrix),
/// as the CLI reads it.
pub fn open(state: &AppState, file: &str, sheet: Option<&str>, kind: Kind) -> IpcResult<Workbook> {
    state.require_unlocked()?;
    let path = state.handles.resolve(file, Purpose::Read)?;
    Ok(read::open_for(&path, sheet, kind, Limits::default())?)
}

/// The sheets read with `book` imported as `kind`, as the command line reads them: a risk
/// register's actions and approvals, a document register's versions, the measures' results,
/// supplier reviews and certificates, role holders.
fn beside(state: &AppState, file: &str, book: &Workbook, kind: Kind) -> IpcResult<Beside> {
    let path = state.handles.resolve(file, Purpose::Read)?;
    Ok(import::beside(&path, book, kind, false)?)
}

/// Asks for an XLSX or CSV file; `null` when cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn sheets_choose_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> IpcResult<Option<FileRef>> {
    super::choose_to_read(
        &app,
        &state,
        Ask::new("Choose a spreadsheet").filter("Spreadsheets", &["xlsx", "xlsm", "csv", "txt"]),
    )
}

/// The preview of `sheet` (the first if `null`) of the file behind `file` as `kind`: with
/// `header_row` and `columns`, under that choice; with `header_row` alone, with fields proposed
/// from that row's headers; with neither, with the header row found and its fields proposed.
#[tauri::command(async, rename_all = "snake_case")]
pub fn sheets_preview(
    state: State<'_, AppState>,
    file: String,
    kind: String,
    sheet: Option<String>,
    header_row: Option<u32>,
    columns: Option<Vec<Choice>>,
) -> IpcResult<Preview> {
    let kind = kind_of(&kind)?;
    let book = open(&state, &file, sheet.as_deref(), kind)?;
    let mapping = match (header_row, columns) {
        (Some(row), Some(choices)) => read::choose(&book, kind, row, &choices)?,
        (row, _) => read::preview::propose(&book, kind, row)?,
    };
    Ok(read::preview(&book, &mapping))
}

/// What cell values mean, per field: field → (value as the sheet writes it → meaning), such
/// as owner "Head of Sales" → "ann@example.com".
pub type Values = BTreeMap<String, BTreeMap<String, String>>;

/// The chosen mapping, with the values' meanings when given.
fn chosen(
    book: &Workbook,
    kind: Kind,
    header_row: u32,
    columns: &[Choice],
    values: Option<&Values>,
) -> IpcResult<Mapping> {
    let mut mapping = read::choose(book, kind, header_row, columns)?;
    if let Some(values) = values {
        mapping.set_values(values)?;
    }
    Ok(mapping)
}

/// The values of the sheet's rows that name no record of the vault (owners nobody is called),
/// each once with the cells that hold it, under the chosen mapping and `values`: what the
/// wizard asks the user to map to a person.
#[allow(clippy::too_many_arguments)]
#[tauri::command(async, rename_all = "snake_case")]
pub fn sheets_unresolved(
    state: State<'_, AppState>,
    file: String,
    kind: String,
    sheet: Option<String>,
    header_row: u32,
    columns: Vec<Choice>,
    values: Option<BTreeMap<String, BTreeMap<String, String>>>,
) -> IpcResult<Vec<UnresolvedValue>> {
    let kind = kind_of(&kind)?;
    let book = open(&state, &file, sheet.as_deref(), kind)?;
    let mapping = chosen(&book, kind, header_row, &columns, values.as_ref())?;
    state.with_vault(|vault| import::unresolved(vault, kind, &book, &mapping))
}

/// Imports (or, with `dry_run`, checks) `sheet` of the file behind `file` as `kind` under the
/// chosen header row, columns and `values`, all or nothing, reporting progress on
/// `on_progress`.
#[allow(clippy::too_many_arguments)]
#[tauri::command(async, rename_all = "snake_case")]
pub fn sheets_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file: String,
    kind: String,
    sheet: Option<String>,
    header_row: u32,
    columns: Vec<Choice>,
    values: Option<BTreeMap<String, BTreeMap<String, String>>>,
    dry_run: bool,
    on_progress: Channel<ImportProgress>,
) -> IpcResult<ImportReport> {
    let kind = kind_of(&kind)?;
    let book = open(&state, &file, sheet.as_deref(), kind)?;
    let mapping = chosen(&book, kind, header_row, &columns, values.as_ref())?;
    let Beside { parts, options } = beside(&state, &file, &book, kind)?;
    let backups = state.paths.backups_dir.clone();
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Write { backups: &backups }
    };
    let mut watch = progress_watch(&state, &on_progress);
    write_vault(&app, &state, |vault, stamp| {
        let job = import::Job {
            kind,
            workbook: &book,
            mapping: &mapping,
            options,
            parts: Some(&parts),
        };
        import::import_with(vault, stamp, job, mode, &mut watch)
    })
}

/// The import's progress callback: sends about a hundred updates over the run (every row
/// would flood the channel on a large file) and answers whether to go on, which turns false
/// once `sheets_cancel` is called. Starting a run clears an earlier cancel.
pub(crate) fn progress_watch<'a>(
    state: &'a AppState,
    on_progress: &'a Channel<ImportProgress>,
) -> impl FnMut(ImportProgress) -> bool + 'a {
    state.import_cancel.store(false, Ordering::SeqCst);
    let pace = test_pace();
    move |progress: ImportProgress| {
        if let Some(pause) = pace {
            std::thread::sleep(pause);
        }
        let every = (progress.total / 100).max(1);
        if progress.done.is_multiple_of(every) || progress.done == progress.total {
            // A closed channel (the page went away) must not stop the import.
            let _ = on_progress.send(progress);
        }
        !state.import_cancel.load(Ordering::SeqCst)
    }
}

/// In the `e2e` build only: while `$HOME/.isms-e2e-slow-import` exists as an import starts, each
/// row waits a millisecond, so the end-to-end suite can cancel a long import at a moment it
/// chooses (checking 30,000 rows takes well under a second). The users' build never pauses.
#[cfg(feature = "e2e")]
fn test_pace() -> Option<std::time::Duration> {
    let home = std::env::var_os("HOME")?;
    let switch = std::path::Path::new(&home).join(".isms-e2e-slow-import");
    switch
        .exists()
        .then_some(std::time::Duration::from_millis(1))
}

#[cfg(not(feature = "e2e"))]
fn test_pace() -> Option<std::time::Duration> {
    None
}

/// Asks the running import, if any, to stop at its next row.
#[tauri::command(rename_all = "snake_case")]
pub fn sheets_cancel(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::SeqCst);
}

/// Asks where to save register `kind` as an XLSX; `null` when cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn sheets_choose_destination<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: String,
    as_of: NaiveDate,
) -> IpcResult<Option<FileRef>> {
    let kind = word_of(&kind)?;
    let company = state.with_vault(|vault| Ok(organisation::get(vault.reader())?.name))?;
    let mut ask = Ask::new("Export to a spreadsheet")
        .file_name(suggested_name(&company, kind, as_of))
        .filter("Excel workbook", &["xlsx"]);
    if let Some(documents) = dirs::document_dir() {
        ask = ask.directory(documents);
    }
    Ok(dialog::save_file(&app, ask).map(|p| {
        state
            .handles
            .register(&super::export::with_extension(p, "xlsx"), Purpose::Save)
    }))
}

/// Writes register `kind` as of `as_of` to the destination behind `file` (.xlsx), never
/// replacing a file.
#[tauri::command(async, rename_all = "snake_case")]
pub fn sheets_export(
    state: State<'_, AppState>,
    kind: String,
    as_of: NaiveDate,
    file: String,
) -> IpcResult<SheetExported> {
    export(&state, &kind, as_of, &file)
}

/// `sheets_export` without the webview.
pub fn export(
    state: &AppState,
    kind: &str,
    as_of: NaiveDate,
    file: &str,
) -> IpcResult<SheetExported> {
    let kind = word_of(kind)?;
    state.require_unlocked()?;
    let out = state.handles.resolve(file, Purpose::Save)?;
    state.with_vault(|vault| match SheetKind::parse(kind) {
        Ok(kind) => write::export(vault, kind, as_of, &out),
        // The whole vault: its evidence files go into a folder beside the workbook.
        Err(_) => whole::export(vault, as_of, &out, Some(&evidence_dir(&out))).map(drop),
    })?;
    let shown = out.display().to_string();
    let bytes = std::fs::metadata(&out)
        .map_err(|e| IpcError::from(CoreError::io(&format!("Cannot read {shown}"), &e)))?
        .len();
    Ok(SheetExported {
        path: shown,
        handle: state.handles.register(&out, Purpose::Written).handle,
        bytes: bytes as f64,
    })
}

/// A register's word (`risks`), or `all` for the whole vault in one workbook.
fn word_of(kind: &str) -> IpcResult<&'static str> {
    if kind.trim().eq_ignore_ascii_case(whole::KIND) {
        return Ok(whole::KIND);
    }
    Ok(SheetKind::parse(kind)?.as_str())
}

/// "isms.xlsx" → "isms evidence/": where a whole-vault export puts the evidence files.
fn evidence_dir(out: &std::path::Path) -> std::path::PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!("{stem} evidence"))
}

/// "Northwind Analytics Ltd - risks 2026-06-15.xlsx".
fn suggested_name(company: &str, kind: &str, as_of: NaiveDate) -> String {
    let company = super::export::plain_name(company);
    format!("{company} - {kind} {as_of}.xlsx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_says_company_register_and_day() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        assert_eq!(
            suggested_name("Søren & Co: IT", "soa", day),
            "Søren & Co- IT - soa 2026-06-15.xlsx"
        );
        assert_eq!(
            word_of("ALL").unwrap(),
            "all",
            "the whole vault is a choice too"
        );
        assert!(word_of("everything").is_err());
        assert_eq!(
            evidence_dir(std::path::Path::new("/tmp/isms.xlsx")),
            std::path::Path::new("/tmp/isms evidence")
        );
    }
}
