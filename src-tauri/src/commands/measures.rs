//! Commands of monitoring and measurement (9.1): measures with their results, recording a
//! result (with the value the vault computes proposed first).

use chrono::NaiveDate;
use isms_core::measures::{self, Measure, MeasureResult, MeasureWithResults, NewResult};
use isms_core::readiness::View;
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

/// Every measure with its results, and the periods overdue or open on `as_of`.
#[tauri::command(async, rename_all = "snake_case")]
pub fn measures_list(
    state: State<'_, AppState>,
    as_of: NaiveDate,
) -> IpcResult<Vec<MeasureWithResults>> {
    state.with_vault(|vault| measures::list_with_results(vault.reader(), as_of))
}

/// Creates a measure (id 0) or saves an existing one.
#[tauri::command(async, rename_all = "snake_case")]
pub fn measures_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    measure: Measure,
) -> IpcResult<Measure> {
    write(&app, &state, |vault, stamp| {
        if measure.id == 0 {
            measures::create(vault, stamp, measure)
        } else {
            measures::update(vault, stamp, measure)
        }
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn measures_remove<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        measures::delete(vault, stamp, id)
    })
}

/// The value the vault computes for the measure on `on`; none for a manual measure.
#[tauri::command(async, rename_all = "snake_case")]
pub fn measures_propose(
    state: State<'_, AppState>,
    id: i64,
    on: NaiveDate,
) -> IpcResult<Option<f64>> {
    state.with_vault(|vault| {
        let measure = measures::get(vault.reader(), id)?;
        let view = View::load(vault.reader(), on)?;
        Ok(measures::propose(&view, &measure))
    })
}

/// Records a result; a tracker item raised with it is announced too (its write says so).
#[tauri::command(async, rename_all = "snake_case")]
pub fn measures_record<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    measure_id: i64,
    result: NewResult,
) -> IpcResult<MeasureResult> {
    write(&app, &state, |vault, stamp| {
        measures::record_result(vault, stamp, measure_id, result)
    })
}
