//! Commands of the competence domain: roles, who holds them, and everyone's competence
//! evidence. Evidence files are added through the evidence commands (native dialog or drop)
//! and then linked here by their id.

use isms_core::competence::{self, Assignment, CompetenceEvidence, Role};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

/// Every role, every assignment and every piece of competence evidence.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CompetenceView {
    pub roles: Vec<Role>,
    pub assignments: Vec<Assignment>,
    pub evidence: Vec<CompetenceEvidence>,
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn competence_list(state: State<'_, AppState>) -> IpcResult<CompetenceView> {
    state.with_vault(|vault| {
        let conn = vault.reader();
        Ok(CompetenceView {
            roles: competence::list_roles(conn)?,
            assignments: competence::list_assignments(conn)?,
            evidence: competence::list_evidence(conn)?,
        })
    })
}

/// Adds a role (id 0) or saves one.
#[tauri::command(async, rename_all = "snake_case")]
pub fn competence_save_role<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    role: Role,
) -> IpcResult<Role> {
    write(&app, &state, |vault, stamp| {
        if role.id == 0 {
            competence::create_role(vault, stamp, role)
        } else {
            competence::update_role(vault, stamp, role)
        }
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn competence_remove_role<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        competence::remove_role(vault, stamp, id)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn competence_assign<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    assignment: Assignment,
) -> IpcResult<Assignment> {
    write(&app, &state, |vault, stamp| {
        competence::assign(vault, stamp, assignment)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn competence_unassign<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        competence::unassign(vault, stamp, id)
    })
}

/// Records a piece of competence evidence (id 0) or saves one.
#[tauri::command(async, rename_all = "snake_case")]
pub fn competence_save_evidence<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    evidence: CompetenceEvidence,
) -> IpcResult<CompetenceEvidence> {
    write(&app, &state, |vault, stamp| {
        if evidence.id == 0 {
            competence::create_evidence(vault, stamp, evidence)
        } else {
            competence::update_evidence(vault, stamp, evidence)
        }
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn competence_remove_evidence<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        competence::remove_evidence(vault, stamp, id)
    })
}
