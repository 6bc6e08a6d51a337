//! Commands of the training domain: courses, completions and everyone's awareness status.

use chrono::NaiveDate;
use isms_core::training::{self, AwarenessStatus, Completion, Course, awareness_status};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonAwareness {
    pub person_id: i64,
    pub status: AwarenessStatus,
}

/// Courses, completions, and each person's awareness status as of `as_of`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TrainingView {
    pub courses: Vec<Course>,
    pub completions: Vec<Completion>,
    pub awareness: Vec<PersonAwareness>,
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn training_list(state: State<'_, AppState>, as_of: NaiveDate) -> IpcResult<TrainingView> {
    state.with_vault(|vault| {
        let conn = vault.reader();
        let courses = training::list_courses(conn)?;
        let completions = training::list_completions(conn)?;
        let awareness = isms_core::people::list(conn)?
            .iter()
            .map(|p| PersonAwareness {
                person_id: p.id,
                status: awareness_status(p.id, &courses, &completions, as_of),
            })
            .collect();
        Ok(TrainingView {
            courses,
            completions,
            awareness,
        })
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn training_create_course<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course: Course,
) -> IpcResult<Course> {
    write(&app, &state, |vault, stamp| {
        training::create_course(vault, stamp, course)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn training_update_course<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    course: Course,
) -> IpcResult<Course> {
    write(&app, &state, |vault, stamp| {
        training::update_course(vault, stamp, course)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn training_add_completion<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    completion: Completion,
) -> IpcResult<Completion> {
    write(&app, &state, |vault, stamp| {
        training::add_completion(vault, stamp, completion)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn training_delete_completion<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        training::delete_completion(vault, stamp, id)
    })
}
