//! Commands of the acknowledgements domain.

use chrono::NaiveDate;
use isms_core::acknowledgements::{self, AckStatus, Acknowledgement, status};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

/// Every acknowledgement, and who has or has not acknowledged each communicated document.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AcknowledgementsView {
    pub acknowledgements: Vec<Acknowledgement>,
    pub status: Vec<AckStatus>,
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn acknowledgements_list(
    state: State<'_, AppState>,
    as_of: NaiveDate,
) -> IpcResult<AcknowledgementsView> {
    state.with_vault(|vault| {
        let conn = vault.reader();
        let acks = acknowledgements::list(conn)?;
        let st = status(
            &isms_core::documents::list(conn)?,
            &isms_core::people::list(conn)?,
            &acks,
            as_of,
        );
        Ok(AcknowledgementsView {
            acknowledgements: acks,
            status: st,
        })
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn acknowledgements_add<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ack: Acknowledgement,
) -> IpcResult<Acknowledgement> {
    write(&app, &state, |vault, stamp| {
        acknowledgements::add(vault, stamp, ack)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn acknowledgements_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        acknowledgements::delete(vault, stamp, id)
    })
}
