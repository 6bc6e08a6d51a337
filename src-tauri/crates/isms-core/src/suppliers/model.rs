//! What the supplier register holds: a supplier, its dated reviews and its certificates, and the
//! checks a supplier must pass before it is written.

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

/// How much the company depends on a supplier for the security of its information.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Criticality {
    Low,
    Medium,
    High,
    Critical,
}

crate::text_enum!(Criticality {
    Low => "low",
    Medium => "medium",
    High => "high",
    Critical => "critical",
});

/// What a supplier review concluded (A.5.22).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewOutcome {
    Satisfactory,
    ActionsNeeded,
    Unsatisfactory,
}

crate::text_enum!(ReviewOutcome {
    Satisfactory => "satisfactory",
    ActionsNeeded => "actions_needed",
    Unsatisfactory => "unsatisfactory",
});

/// A supplier of the company (A.5.19–5.22): its reviews and certificates are listed with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Supplier {
    #[serde(default)]
    pub id: i64,
    pub name: String,
    /// What they provide, e.g. "Cloud hosting of the production platform".
    #[serde(default)]
    pub service: String,
    /// The information they handle for the company.
    #[serde(default)]
    pub information: String,
    /// The assets of the inventory they handle or host.
    #[serde(default)]
    pub asset_ids: Vec<i64>,
    #[serde(default)]
    pub criticality: Option<Criticality>,
    /// Whether the contract holds information security requirements (A.5.20).
    #[serde(default)]
    pub contract_requirements: bool,
    /// Where they are: the contract, its clause or schedule.
    #[serde(default)]
    pub contract_reference: String,
    #[serde(default)]
    pub owner_id: Option<i64>,
    /// How often the supplier is reviewed, in months.
    #[serde(default = "twelve")]
    pub review_months: u32,
    #[serde(default)]
    pub notes: String,
    /// Its reviews, oldest first (written with their own commands).
    #[serde(default)]
    pub reviews: Vec<SupplierReview>,
    /// Its certificates and reports (written with their own commands).
    #[serde(default)]
    pub certificates: Vec<Certificate>,
}

fn twelve() -> u32 {
    12
}

/// One review of a supplier: when, what it concluded, what was noted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct SupplierReview {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub supplier_id: i64,
    pub reviewed_on: NaiveDate,
    pub outcome: ReviewOutcome,
    #[serde(default)]
    pub note: String,
}

/// A certificate or attestation report of a supplier (an ISO/IEC 27001 certificate, a SOC 2
/// report), with when it lapses and the file that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Certificate {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub supplier_id: i64,
    pub title: String,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    #[serde(default)]
    pub expires_on: Option<NaiveDate>,
    #[serde(default)]
    pub evidence_id: Option<i64>,
}

impl Supplier {
    pub fn named(name: &str) -> Self {
        Self {
            id: 0,
            name: name.to_owned(),
            service: String::new(),
            information: String::new(),
            asset_ids: Vec::new(),
            criticality: None,
            contract_requirements: false,
            contract_reference: String::new(),
            owner_id: None,
            review_months: 12,
            notes: String::new(),
            reviews: Vec::new(),
            certificates: Vec::new(),
        }
    }

    /// The last review held on or before `day`.
    pub fn last_review(&self, day: NaiveDate) -> Option<&SupplierReview> {
        self.reviews
            .iter()
            .filter(|r| r.reviewed_on <= day)
            .max_by_key(|r| (r.reviewed_on, r.id))
    }

    /// When the next review is due after the last one held on or before `day`; `None` when it
    /// was never reviewed by then.
    pub fn review_due(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.last_review(day).and_then(|r| {
            r.reviewed_on
                .checked_add_months(Months::new(self.review_months))
        })
    }

    /// Reviewed within its interval as of `day`: a review on or before `day` whose next due
    /// date is not before `day` (due on `day` is not overdue).
    pub fn reviewed_in_time(&self, day: NaiveDate) -> bool {
        self.review_due(day).is_some_and(|due| due >= day)
    }

    /// The certificates issued on or before `day` (or undated) that had lapsed by `day`.
    pub fn expired_certificates(&self, day: NaiveDate) -> Vec<&Certificate> {
        self.certificates
            .iter()
            .filter(|c| c.issued_on.is_none_or(|i| i <= day))
            .filter(|c| c.expires_on.is_some_and(|e| e < day))
            .collect()
    }

    /// Trims text, orders and de-duplicates links, and checks what every supplier needs: a name
    /// and a review interval of 1 to 60 months. Criticality, owner and contract are what
    /// readiness asks of a supplier, not what recording one needs.
    pub fn validated(mut self) -> Result<Self> {
        self.name = self.name.trim().to_owned();
        self.service = self.service.trim().to_owned();
        self.information = self.information.trim().to_owned();
        self.contract_reference = self.contract_reference.trim().to_owned();
        self.notes = self.notes.trim().to_owned();
        self.asset_ids.sort_unstable();
        self.asset_ids.dedup();
        let mut errors = Vec::new();
        if self.name.is_empty() {
            errors.push(FieldError::new("name", "Name the supplier."));
        }
        if !(1..=60).contains(&self.review_months) {
            errors.push(FieldError::new(
                "review_months",
                "Review a supplier at least every 60 months (5 years), at most every month.",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

impl SupplierReview {
    pub fn validated(mut self) -> Self {
        self.note = self.note.trim().to_owned();
        self
    }
}

impl Certificate {
    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "Say what it is, e.g. “ISO/IEC 27001 certificate” or “SOC 2 Type II report”.",
            ));
        }
        if let (Some(issued), Some(expires)) = (self.issued_on, self.expires_on)
            && expires < issued
        {
            errors.push(FieldError::new(
                "expires_on",
                "It cannot lapse before it was issued.",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
