//! The domain layer's registry: which [`Domain`] each table belongs to (so a write can say what
//! it changed without its caller naming it), and the hooks every domain runs when a vault is
//! opened for writing or created. The `db` layer calls these; it names no domain itself.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::db::WriteTx;
use crate::error::Result;

/// A part of the ISMS whose records the UI shows and refreshes together; what `data-changed`
/// names. Spelled as the UI's query keys (`risks`, `soa`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Domain {
    Acknowledgements,
    Assets,
    Audits,
    Changes,
    Clauses,
    Competence,
    Context,
    Documents,
    Evidence,
    Incidents,
    Measures,
    Objectives,
    Organisation,
    People,
    Requirements,
    Reviews,
    Risks,
    Soa,
    Suppliers,
    Tracker,
    Training,
}

impl Domain {
    /// The domain whose records `table` holds; `None` for the vault's own tables (`history`).
    /// A table added by a migration must be added here: a test opens a fresh vault and fails
    /// for any table without a domain.
    pub fn of_table(table: &str) -> Option<Domain> {
        Some(match table {
            "acknowledgements" => Domain::Acknowledgements,
            "assets" => Domain::Assets,
            "audits" => Domain::Audits,
            "changes" => Domain::Changes,
            "clause_notes" => Domain::Clauses,
            "roles" | "role_assignments" | "competence_evidence" => Domain::Competence,
            "context_issues" | "interested_parties" => Domain::Context,
            "documents" | "document_versions" => Domain::Documents,
            "evidence" | "evidence_contents" | "evidence_chunks" => Domain::Evidence,
            "incidents" => Domain::Incidents,
            "measures" | "measure_results" => Domain::Measures,
            "objectives" => Domain::Objectives,
            "organisation" => Domain::Organisation,
            "people" => Domain::People,
            "requirements" => Domain::Requirements,
            "reviews" => Domain::Reviews,
            "risks" | "risk_actions" | "risk_approvals" | "risk_method" => Domain::Risks,
            "soa_entries" | "soa_versions" => Domain::Soa,
            "suppliers" | "supplier_reviews" | "supplier_certificates" => Domain::Suppliers,
            "tracker_items" | "tracker_notes" => Domain::Tracker,
            "courses" | "completions" => Domain::Training,
            _ => return None,
        })
    }
}

/// Tables that belong to the vault itself, not to a domain.
pub const VAULT_TABLES: &[&str] = &["history"];

/// Work a domain does when a vault is created, and when it is opened for writing if its check
/// says there is work (so an open that has nothing to do writes nothing): bringing the domain's
/// records up to what this version expects.
pub struct OpenHook {
    /// Whether the hook has work to do in this vault.
    pub pending: fn(&Connection) -> Result<bool>,
    /// The work, in the open's write transaction.
    pub run: fn(&mut WriteTx<'_>) -> Result<()>,
}

/// The open hooks, in the order they run. A domain that needs one adds it here.
const OPEN_HOOKS: &[OpenHook] = &[
    // The Statement of Applicability has one entry per Annex A control.
    OpenHook {
        pending: |conn| Ok(crate::soa::missing_count(conn)? > 0),
        run: |tx| crate::soa::seed_missing(tx).map(drop),
    },
];

/// Whether any open hook has work to do in the vault behind `conn`.
pub(crate) fn open_hooks_pending(conn: &Connection) -> Result<bool> {
    for hook in OPEN_HOOKS {
        if (hook.pending)(conn)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Runs every open hook in `tx`; with `only_pending`, only those with work to do.
pub(crate) fn run_open_hooks(tx: &mut WriteTx<'_>, only_pending: bool) -> Result<()> {
    for hook in OPEN_HOOKS {
        if !only_pending || (hook.pending)(tx.reader())? {
            (hook.run)(tx)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::MIGRATIONS;

    fn schema_tables() -> Vec<String> {
        let conn = Connection::open_in_memory().unwrap();
        for migration in MIGRATIONS {
            conn.execute_batch(migration.sql).unwrap();
        }
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn every_table_of_the_schema_belongs_to_a_domain() {
        let tables = schema_tables();
        assert!(tables.len() > 20, "the schema was read: {tables:?}");
        let orphans: Vec<&String> = tables
            .iter()
            .filter(|t| Domain::of_table(t).is_none() && !VAULT_TABLES.contains(&t.as_str()))
            .collect();
        assert!(orphans.is_empty(), "tables without a domain: {orphans:?}");
        assert!(VAULT_TABLES.iter().all(|t| tables.iter().any(|s| s == t)));
    }

    #[test]
    fn a_domain_is_spelled_as_the_ui_keys_it() {
        assert_eq!(serde_json::to_value(Domain::Soa).unwrap(), "soa");
        assert_eq!(
            serde_json::to_value(Domain::Acknowledgements).unwrap(),
            "acknowledgements"
        );
        assert_eq!(Domain::of_table("risk_method"), Some(Domain::Risks));
        assert_eq!(Domain::of_table("history"), None);
    }
}
