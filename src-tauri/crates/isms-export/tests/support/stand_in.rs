//! Bundles of a stand-in pack: a few bytes in place of the PDF, carrying the evidence digest
//! of the bundle's plan as a real pack's PDF does, for the bundle tests that are about the
//! ZIP and not about the pack.

#![allow(dead_code)]

use std::path::Path;

use chrono::NaiveDate;
use isms_core::{Result, Vault};
use isms_export::bundle::{self, About, Manifest, PDF_KEY, PackFile, Plan};

/// The day the stand-in pack is as of.
pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

pub fn about() -> About {
    About {
        title: "Stage 2 evidence pack".into(),
        organisation: "Northwind Analytics Ltd".into(),
        as_of: day(),
    }
}

/// A stand-in PDF sealed with `plan`'s evidence digest.
pub fn pdf(plan: &Plan) -> Vec<u8> {
    format!(
        "%PDF-1.7\n% a stand-in for the pack\n<< /{PDF_KEY} ({}) >>\n%%EOF\n",
        plan.digest()
    )
    .into_bytes()
}

/// The plan of a bundle of `records` as of [`day`].
pub fn plan(vault: &Vault, records: &[&str]) -> Plan {
    let records: Vec<String> = records.iter().map(|r| (*r).to_owned()).collect();
    Plan::of(vault, day(), &records).unwrap()
}

/// Writes the bundle of a stand-in pack named `name` with `plan`'s evidence to `out`.
pub fn write(
    vault: &Vault,
    name: &str,
    plan: &Plan,
    out: &Path,
    watch: bundle::Watch<'_>,
) -> Result<Manifest> {
    let pdf = pdf(plan);
    let about = about();
    let pack = PackFile {
        name,
        pdf: &pdf,
        about: &about,
    };
    bundle::write_bundle(vault, &pack, plan, out, watch)
}
