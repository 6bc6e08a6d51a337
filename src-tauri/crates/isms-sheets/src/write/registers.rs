//! The registers beside the SoA as sheets: suppliers (one row each, with their last review on
//! the day and their certificates, a second sheet of every review with its note, a third of
//! every certificate with the days it was issued and expires), incidents (one row each
//! by reference) and requirements (one row each by reference, with the party it comes from and
//! the controls and documents that meet it). The headers are the words the importer reads.

use chrono::NaiveDate;
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value, by_reference};

pub const SUPPLIERS: &str = "Suppliers";
pub const SUPPLIER_REVIEWS: &str = "Supplier reviews";
pub const SUPPLIER_CERTIFICATES: &str = "Supplier certificates";
pub const INCIDENTS: &str = "Incidents";
pub const REQUIREMENTS: &str = "Requirements";

pub(super) fn suppliers(vault: &Vault, people: &People, as_of: NaiveDate) -> Result<Vec<Sheet>> {
    let suppliers = isms_core::suppliers::list(vault.reader())?;
    let assets = isms_core::assets::list(vault.reader())?;
    let asset_name = |id: &i64| {
        assets
            .iter()
            .find(|a| a.id == *id)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    };
    let mut sheet = Sheet::new(
        SUPPLIERS,
        &[
            "Supplier",
            "Service",
            "Information handled",
            "Assets",
            "Criticality",
            "Security requirements in contract",
            "Contract reference",
            "Owner",
            "E-mail",
            "Review interval (months)",
            "Last review",
            "Review outcome",
            "Next review due",
            "Certificates",
            "Certificate expiry",
            "Notes",
        ],
    );
    let mut reviews = Sheet::new(
        SUPPLIER_REVIEWS,
        &["Supplier", "Reviewed on", "Outcome", "Note"],
    );
    let mut certificates_sheet = Sheet::new(
        SUPPLIER_CERTIFICATES,
        &["Supplier", "Certificate", "Issued on", "Expires on"],
    );
    for s in &suppliers {
        for c in &s.certificates {
            certificates_sheet.push(vec![
                Value::text(&s.name),
                Value::text(&c.title),
                Value::date(c.issued_on),
                Value::date(c.expires_on),
            ]);
        }
        let last = s.last_review(as_of);
        let names: Vec<String> = s.asset_ids.iter().map(asset_name).collect();
        let certificates: Vec<&str> = s.certificates.iter().map(|c| c.title.as_str()).collect();
        let expiry = s.certificates.iter().filter_map(|c| c.expires_on).min();
        sheet.push(vec![
            Value::text(&s.name),
            Value::text(&s.service),
            Value::text(&s.information),
            Value::list(&names),
            Value::text(s.criticality.map(|c| c.label()).unwrap_or_default()),
            Value::yes_no(s.contract_requirements),
            Value::text(&s.contract_reference),
            people.name(s.owner_id),
            people.email(s.owner_id),
            Value::number(Some(s.review_months)),
            Value::date(last.map(|r| r.reviewed_on)),
            Value::text(last.map(|r| r.outcome.label()).unwrap_or_default()),
            Value::date(s.review_due(as_of)),
            Value::list(&certificates),
            Value::date(expiry),
            Value::text(&s.notes),
        ]);
        for r in &s.reviews {
            reviews.push(vec![
                Value::text(&s.name),
                Value::Date(r.reviewed_on),
                Value::text(r.outcome.label()),
                Value::text(&r.note),
            ]);
        }
    }
    Ok(vec![sheet, reviews, certificates_sheet])
}

pub(super) fn incidents(vault: &Vault, people: &People) -> Result<Vec<Sheet>> {
    let mut incidents = isms_core::incidents::list(vault.reader())?;
    incidents.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let assets = isms_core::assets::list(vault.reader())?;
    let suppliers = isms_core::suppliers::list(vault.reader())?;
    let mut sheet = Sheet::new(
        INCIDENTS,
        &[
            "Reference",
            "Title",
            "Reported on",
            "Reported by",
            "E-mail",
            "Category",
            "Severity",
            "Assets",
            "Suppliers",
            "Personal data",
            "Response",
            "Status",
            "Closed on",
            "Lessons learned",
            "Raises a nonconformity",
        ],
    );
    for i in &incidents {
        let asset_names: Vec<String> = i
            .asset_ids
            .iter()
            .filter_map(|id| assets.iter().find(|a| a.id == *id).map(|a| a.name.clone()))
            .collect();
        let supplier_names: Vec<String> = i
            .supplier_ids
            .iter()
            .filter_map(|id| {
                suppliers
                    .iter()
                    .find(|s| s.id == *id)
                    .map(|s| s.name.clone())
            })
            .collect();
        sheet.push(vec![
            Value::text(&i.reference),
            Value::text(&i.title),
            Value::Date(i.reported_on),
            people.name(i.reported_by),
            people.email(i.reported_by),
            Value::text(i.category.label()),
            Value::text(i.severity.map(|s| s.label()).unwrap_or_default()),
            Value::list(&asset_names),
            Value::list(&supplier_names),
            Value::yes_no(i.personal_data),
            Value::text(&i.response),
            Value::text(i.status.label()),
            Value::date(i.closed_on),
            Value::text(&i.lessons),
            Value::yes_no(i.raises_nc),
        ]);
    }
    Ok(vec![sheet])
}

pub(super) fn requirements(vault: &Vault, people: &People) -> Result<Vec<Sheet>> {
    let mut requirements = isms_core::requirements::list(vault.reader())?;
    requirements.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let parties = isms_core::context::list_parties(vault.reader())?;
    let documents = isms_core::documents::list(vault.reader())?;
    let mut sheet = Sheet::new(
        REQUIREMENTS,
        &[
            "Reference",
            "Source",
            "Title",
            "What it requires",
            "Interested party",
            "Owner",
            "E-mail",
            "Controls",
            "Documents",
            "Last reviewed",
        ],
    );
    for r in &requirements {
        let party = r
            .party_id
            .and_then(|id| parties.iter().find(|p| p.id == id))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let docs: Vec<String> = r
            .document_ids
            .iter()
            .filter_map(|id| {
                documents
                    .iter()
                    .find(|d| d.id == *id)
                    .map(|d| d.reference.clone())
            })
            .collect();
        sheet.push(vec![
            Value::text(&r.reference),
            Value::text(r.source.label()),
            Value::text(&r.title),
            Value::text(&r.requires),
            Value::text(party),
            people.name(r.owner_id),
            people.email(r.owner_id),
            Value::list(&r.controls),
            Value::list(&docs),
            Value::date(r.reviewed_on),
        ]);
    }
    Ok(vec![sheet])
}
