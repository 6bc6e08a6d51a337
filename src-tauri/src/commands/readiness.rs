//! Commands of readiness: both stages evaluated as of a day, for the dashboard.

use chrono::NaiveDate;
use isms_core::readiness::{self, Report, Stage, View};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::state::AppState;

/// Stage 1 and Stage 2 readiness as of a day, and the days left to the Stage 2 target.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ReadinessView {
    pub stage1: Report,
    pub stage2: Report,
    pub stage2_target: Option<NaiveDate>,
    /// From `as_of` to the Stage 2 target; negative once it has passed.
    pub days_to_stage2: Option<i64>,
}

/// Evaluates both stages on one view of the vault as of `as_of`.
#[tauri::command(async, rename_all = "snake_case")]
pub fn readiness_view(state: State<'_, AppState>, as_of: NaiveDate) -> IpcResult<ReadinessView> {
    state.with_vault(|vault| {
        let view = View::load(vault.reader(), as_of)?;
        let target = view.organisation.stage2_target;
        Ok(ReadinessView {
            stage1: readiness::evaluate(&view, Stage::One),
            stage2: readiness::evaluate(&view, Stage::Two),
            stage2_target: target,
            days_to_stage2: target.map(|t| (t - as_of).num_days()),
        })
    })
}
