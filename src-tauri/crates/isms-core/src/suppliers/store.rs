//! Reading and writing `suppliers`, `supplier_reviews` and `supplier_certificates`, with
//! history. A supplier is listed with its reviews and certificates; owners must be people of the
//! vault, assets must be in the inventory, certificate files must be evidence of the vault.

use std::collections::BTreeMap;

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::{Certificate, Supplier, SupplierReview};
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

fn json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

impl Record for Supplier {
    const TABLE: &'static str = "suppliers";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "service",
        "information",
        "asset_ids",
        "criticality",
        "contract_requirements",
        "contract_reference",
        "owner_id",
        "review_months",
        "notes",
    ];
    const ORDER: &'static str = "name COLLATE NOCASE, id";
    const NOUN: &'static str = "supplier";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.name,
            &self.service,
            &self.information,
            json(&self.asset_ids),
            &self.criticality,
            &self.contract_requirements,
            &self.contract_reference,
            &self.owner_id,
            &self.review_months,
            &self.notes,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let assets: String = row.get(4)?;
        Ok(Supplier {
            id: row.get(0)?,
            name: row.get(1)?,
            service: row.get(2)?,
            information: row.get(3)?,
            asset_ids: serde_json::from_str(&assets).unwrap_or_default(),
            criticality: row.get(5)?,
            contract_requirements: row.get(6)?,
            contract_reference: row.get(7)?,
            owner_id: row.get(8)?,
            review_months: row.get(9)?,
            notes: row.get(10)?,
            reviews: Vec::new(),
            certificates: Vec::new(),
        })
    }
}

impl Record for SupplierReview {
    const TABLE: &'static str = "supplier_reviews";
    const COLUMNS: &'static [&'static str] = &["supplier_id", "reviewed_on", "outcome", "note"];
    const ORDER: &'static str = "supplier_id, reviewed_on, id";
    const NOUN: &'static str = "supplier review";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.supplier_id,
            &self.reviewed_on,
            &self.outcome,
            &self.note
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(SupplierReview {
            id: row.get(0)?,
            supplier_id: row.get(1)?,
            reviewed_on: row.get(2)?,
            outcome: row.get(3)?,
            note: row.get(4)?,
        })
    }
}

impl Record for Certificate {
    const TABLE: &'static str = "supplier_certificates";
    const COLUMNS: &'static [&'static str] = &[
        "supplier_id",
        "title",
        "issued_on",
        "expires_on",
        "evidence_id",
    ];
    const ORDER: &'static str = "supplier_id, expires_on IS NULL, expires_on, id";
    const NOUN: &'static str = "certificate";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.supplier_id,
            &self.title,
            &self.issued_on,
            &self.expires_on,
            &self.evidence_id,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Certificate {
            id: row.get(0)?,
            supplier_id: row.get(1)?,
            title: row.get(2)?,
            issued_on: row.get(3)?,
            expires_on: row.get(4)?,
            evidence_id: row.get(5)?,
        })
    }
}

/// Every supplier, by name, each with its reviews (oldest first) and certificates.
pub fn list(conn: &Connection) -> Result<Vec<Supplier>> {
    let mut reviews: BTreeMap<i64, Vec<SupplierReview>> = BTreeMap::new();
    for review in record::list::<SupplierReview>(conn)? {
        reviews.entry(review.supplier_id).or_default().push(review);
    }
    let mut certificates: BTreeMap<i64, Vec<Certificate>> = BTreeMap::new();
    for certificate in record::list::<Certificate>(conn)? {
        certificates
            .entry(certificate.supplier_id)
            .or_default()
            .push(certificate);
    }
    let mut suppliers = record::list::<Supplier>(conn)?;
    for supplier in &mut suppliers {
        supplier.reviews = reviews.remove(&supplier.id).unwrap_or_default();
        supplier.certificates = certificates.remove(&supplier.id).unwrap_or_default();
    }
    Ok(suppliers)
}

pub fn get(conn: &Connection, id: i64) -> Result<Supplier> {
    let mut supplier: Supplier = record::get(conn, id)?;
    supplier.reviews = record::list_where(conn, "supplier_id = ?1", [id])?;
    supplier.certificates = record::list_where(conn, "supplier_id = ?1", [id])?;
    Ok(supplier)
}

pub fn create(vault: &mut Vault, stamp: Stamp, supplier: Supplier) -> Result<Supplier> {
    vault.write(stamp, |tx| insert(tx, supplier, Action::Create))
}

/// Writes a supplier without its reviews and certificates (an import adds those itself).
pub(crate) fn insert(tx: &mut WriteTx<'_>, supplier: Supplier, action: Action) -> Result<Supplier> {
    let mut supplier = supplier.validated()?;
    check(tx.reader(), &supplier)?;
    supplier.reviews.clear();
    supplier.certificates.clear();
    record::insert(tx, supplier, action)
}

/// Imports a supplier with its reviews and certificates, keeping their ids (a snapshot, a
/// workbook of the register).
pub(crate) fn import(tx: &mut WriteTx<'_>, supplier: Supplier) -> Result<Supplier> {
    let reviews = supplier.reviews.clone();
    let certificates = supplier.certificates.clone();
    let id = insert(tx, supplier, Action::Import)?.id;
    for review in reviews {
        let review = SupplierReview {
            supplier_id: id,
            ..review.validated()
        };
        record::insert(tx, review, Action::Import)?;
    }
    for certificate in certificates {
        let certificate = Certificate {
            supplier_id: id,
            ..certificate.validated()?
        };
        require_evidence(tx.reader(), certificate.evidence_id)?;
        record::insert(tx, certificate, Action::Import)?;
    }
    get(tx.reader(), id)
}

/// Updates a supplier's own fields; its reviews and certificates are kept as they are.
pub fn update(vault: &mut Vault, stamp: Stamp, supplier: Supplier) -> Result<Supplier> {
    vault.write(stamp, |tx| update_in(tx, supplier))
}

/// [`create`] inside a write the caller holds (a spreadsheet import adds many in one).
pub fn create_in(tx: &mut WriteTx<'_>, supplier: Supplier) -> Result<Supplier> {
    let id = insert(tx, supplier, Action::Create)?.id;
    get(tx.reader(), id)
}

/// [`update`] inside a write the caller holds.
pub fn update_in(tx: &mut WriteTx<'_>, supplier: Supplier) -> Result<Supplier> {
    let mut supplier = supplier.validated()?;
    check(tx.reader(), &supplier)?;
    supplier.reviews.clear();
    supplier.certificates.clear();
    let id = supplier.id;
    record::replace(tx, supplier)?;
    get(tx.reader(), id)
}

/// Deletes a supplier with its reviews and certificates (their files stay among the evidence);
/// refused while an incident names it.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let incidents: Vec<String> = tx
            .reader()
            .prepare(
                "SELECT reference FROM incidents WHERE EXISTS \
                 (SELECT 1 FROM json_each(incidents.supplier_ids) WHERE value = ?1) ORDER BY id",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !incidents.is_empty() {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "Incidents {} name this supplier; remove it from them first.",
                    incidents.join(", ")
                ),
            ));
        }
        let supplier = get(tx.reader(), id)?;
        for review in supplier.reviews {
            record::remove::<SupplierReview>(tx, review.id)?;
        }
        for certificate in supplier.certificates {
            record::remove::<Certificate>(tx, certificate.id)?;
        }
        record::remove::<Supplier>(tx, id)
    })
}

/// Records a review of a supplier.
pub fn add_review(vault: &mut Vault, stamp: Stamp, review: SupplierReview) -> Result<Supplier> {
    vault.write(stamp, |tx| add_review_in(tx, review))
}

/// [`add_review`] inside a write the caller holds.
pub fn add_review_in(tx: &mut WriteTx<'_>, review: SupplierReview) -> Result<Supplier> {
    let review = review.validated();
    let supplier_id = review.supplier_id;
    get(tx.reader(), supplier_id)?;
    record::insert(tx, SupplierReview { id: 0, ..review }, Action::Create)?;
    get(tx.reader(), supplier_id)
}

/// Removes a review recorded by mistake.
pub fn remove_review(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<Supplier> {
    vault.write(stamp, |tx| {
        let review: SupplierReview = record::get(tx.reader(), id)?;
        record::remove::<SupplierReview>(tx, id)?;
        get(tx.reader(), review.supplier_id)
    })
}

/// Adds a certificate to a supplier, or updates one (`id` not 0).
pub fn save_certificate(
    vault: &mut Vault,
    stamp: Stamp,
    certificate: Certificate,
) -> Result<Supplier> {
    vault.write(stamp, |tx| save_certificate_in(tx, certificate))
}

/// [`save_certificate`] inside a write the caller holds.
pub fn save_certificate_in(tx: &mut WriteTx<'_>, certificate: Certificate) -> Result<Supplier> {
    let certificate = certificate.validated()?;
    let supplier_id = certificate.supplier_id;
    get(tx.reader(), supplier_id)?;
    require_evidence(tx.reader(), certificate.evidence_id)?;
    if certificate.id == 0 {
        record::insert(tx, certificate, Action::Create)?;
    } else {
        let stored: Certificate = record::get(tx.reader(), certificate.id)?;
        if stored.supplier_id != supplier_id {
            return Err(CoreError::validation(vec![FieldError::new(
                "supplier_id",
                "A certificate stays with its supplier.",
            )]));
        }
        record::replace(tx, certificate)?;
    }
    get(tx.reader(), supplier_id)
}

/// Removes a certificate; its file stays among the evidence.
pub fn remove_certificate(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<Supplier> {
    vault.write(stamp, |tx| {
        let certificate: Certificate = record::get(tx.reader(), id)?;
        record::remove::<Certificate>(tx, id)?;
        get(tx.reader(), certificate.supplier_id)
    })
}

fn check(conn: &Connection, supplier: &Supplier) -> Result<()> {
    crate::people::require_person(conn, "owner_id", supplier.owner_id)?;
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM suppliers WHERE name = ?1 AND id <> ?2",
            params![supplier.name, supplier.id],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(CoreError::validation(vec![FieldError::new(
            "name",
            "A supplier of that name is already in the register.",
        )]));
    }
    for id in &supplier.asset_ids {
        if crate::assets::get(conn, *id).is_err() {
            return Err(CoreError::validation(vec![FieldError::new(
                "asset_ids",
                format!("No asset with id {id}."),
            )]));
        }
    }
    Ok(())
}

pub(crate) fn require_evidence(conn: &Connection, id: Option<i64>) -> Result<()> {
    match id {
        Some(id) if crate::evidence::get(conn, id).is_err() => {
            Err(CoreError::validation(vec![FieldError::new(
                "evidence_id",
                "The evidence file is not in the vault.",
            )]))
        }
        _ => Ok(()),
    }
}
