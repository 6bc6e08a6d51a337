//! Commands of the management reviews domain (9.3).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use isms_core::reviews::{self, Review};
use isms_core::tracker::TrackerItem;
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn reviews_list(state: State<'_, AppState>) -> IpcResult<Vec<Review>> {
    state.with_vault(|vault| reviews::list(vault.reader()))
}

/// Summaries the vault proposes for the review inputs, as of a day.
#[tauri::command(async, rename_all = "snake_case")]
pub fn reviews_proposed(
    state: State<'_, AppState>,
    as_of: NaiveDate,
) -> IpcResult<BTreeMap<String, String>> {
    state.with_vault(|vault| reviews::proposed_summaries(vault.reader(), as_of))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn reviews_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    review: Review,
) -> IpcResult<Review> {
    write(&app, &state, |vault, stamp| {
        reviews::create(vault, stamp, review)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn reviews_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    review: Review,
) -> IpcResult<Review> {
    write(&app, &state, |vault, stamp| {
        reviews::update(vault, stamp, review)
    })
}

/// Records an action decided in a review: a tracker item whose source is the review.
#[tauri::command(async, rename_all = "snake_case")]
pub fn reviews_raise_action<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    review_id: i64,
    item: TrackerItem,
) -> IpcResult<TrackerItem> {
    write(&app, &state, |vault, stamp| {
        reviews::raise_action(vault, stamp, review_id, item)
    })
}
