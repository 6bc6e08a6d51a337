//! The export's headers are the importer's words: each header of a register's sheet names at
//! most one field of that kind (the one it ranks best for), no field twice, every required
//! field present. This is what lets a register exported and imported again map itself.

use std::collections::BTreeMap;

use isms_sheets::read::fields::{Kind, rank};
use isms_sheets::write::SheetKind;

use super::{demo_vault, export, headers};

fn sheet_of(kind: Kind) -> (SheetKind, &'static str) {
    match kind {
        Kind::Risks => (SheetKind::Risks, "Risks"),
        Kind::Soa => (SheetKind::Soa, "SoA"),
        Kind::Assets => (SheetKind::Assets, "Assets"),
        Kind::People => (SheetKind::People, "People"),
        Kind::Tracker => (SheetKind::Tracker, "Tracker"),
        Kind::Documents => (SheetKind::Documents, "Documents"),
        Kind::Training => (SheetKind::Training, "Completions"),
        Kind::Acknowledgements => (SheetKind::Acknowledgements, "Acknowledgements"),
        Kind::Competence => (SheetKind::Competence, "Competence"),
        Kind::Measures => (SheetKind::Measures, "Measures"),
        Kind::Suppliers => (SheetKind::Suppliers, "Suppliers"),
        Kind::Incidents => (SheetKind::Incidents, "Incidents"),
        Kind::Requirements => (SheetKind::Requirements, "Requirements"),
        Kind::RiskActions => (SheetKind::Risks, "Actions"),
        Kind::RiskApprovals => (SheetKind::Risks, "Approvals"),
        Kind::Audits => (SheetKind::Audits, "Audits"),
    }
}

#[test]
fn every_header_maps_to_its_own_field() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    for kind in Kind::ALL.into_iter().chain(Kind::PARTS) {
        let (sheet_kind, sheet) = sheet_of(kind);
        let out = dir.path().join(format!("{}.xlsx", sheet_kind.as_str()));
        if !out.exists() {
            export(&vault, sheet_kind, dir.path());
        }
        let mut mapped: BTreeMap<&str, String> = BTreeMap::new();
        for h in headers(&out, sheet) {
            let best = kind
                .fields()
                .iter()
                .filter_map(|f| rank(f, &h).map(|r| (r, f.name)))
                .min();
            if let Some((_, field)) = best
                && let Some(other) = mapped.insert(field, h.clone())
            {
                panic!("{sheet}: “{h}” and “{other}” both name {field}");
            }
        }
        for f in kind.fields().iter().filter(|f| f.required) {
            assert!(
                mapped.contains_key(f.name),
                "{sheet}: no header for {}",
                f.name
            );
        }
        let wanted: &[(&str, &str)] = match kind {
            Kind::Risks => &[
                ("reference", "Reference"),
                ("title", "Title"),
                ("owner", "Owner"),
                ("likelihood", "Likelihood"),
                ("impact", "Impact"),
                ("treatment", "Treatment"),
                ("residual_likelihood", "Residual likelihood"),
                ("residual_impact", "Residual impact"),
            ],
            Kind::Soa => &[
                ("control_id", "Control ID"),
                ("title", "Control title"),
                ("applicable", "Applicable"),
                ("justification", "Justification"),
                ("status", "Status"),
                ("owner", "Owner"),
            ],
            Kind::Documents => &[
                ("review_months", "Review interval (months)"),
                ("version", "Version"),
            ],
            Kind::Competence => &[
                ("email", "E-mail"),
                ("roles", "Roles"),
                ("kind", "Kind"),
                ("title", "Title"),
                ("obtained_on", "Obtained"),
                ("expires_on", "Expires"),
            ],
            Kind::Suppliers => &[
                ("name", "Supplier"),
                ("criticality", "Criticality"),
                ("contract_requirements", "Security requirements in contract"),
                ("last_review", "Last review"),
                ("review_outcome", "Review outcome"),
                ("certificate_expiry", "Certificate expiry"),
            ],
            Kind::Incidents => &[
                ("reported_on", "Reported on"),
                ("reported_by_email", "E-mail"),
                ("lessons", "Lessons learned"),
                ("raises_nc", "Raises a nonconformity"),
            ],
            Kind::Requirements => &[
                ("source", "Source"),
                ("requires", "What it requires"),
                ("party", "Interested party"),
                ("reviewed_on", "Last reviewed"),
            ],
            Kind::RiskActions => &[
                ("reference", "Reference"),
                ("title", "Action"),
                ("owner", "Owner"),
                ("owner_email", "E-mail"),
                ("due_date", "Due date"),
                ("status", "Status"),
                ("done_date", "Done date"),
                ("controls", "Controls"),
            ],
            Kind::RiskApprovals => &[
                ("reference", "Reference"),
                ("kind", "Kind"),
                ("approved_by", "Approved by"),
                ("approved_by_email", "E-mail"),
                ("approved_on", "Approved on"),
                ("note", "Note"),
                ("holds", "Holds"),
            ],
            Kind::Audits => &[
                ("reference", "Reference"),
                ("title", "Title"),
                ("planned_month", "Planned month"),
                ("clauses", "Clauses"),
                ("controls", "Controls"),
                ("auditor", "Auditor"),
                ("auditor_email", "E-mail"),
                ("external_auditor", "External auditor"),
                ("status", "Status"),
                ("started_on", "Started on"),
                ("completed_on", "Completed on"),
                ("summary", "Summary"),
            ],
            Kind::Tracker => &[
                ("reference", "Reference"),
                ("kind", "Type"),
                ("description", "Description"),
                ("effectiveness_result", "Effectiveness review"),
                ("notes", "Progress notes"),
            ],
            _ => &[],
        };
        for (field, header) in wanted {
            assert_eq!(
                mapped.get(field).map(String::as_str),
                Some(*header),
                "{sheet}: {field}"
            );
        }
    }
}
