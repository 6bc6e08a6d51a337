//! Management reviews (9.3): when, who attended (top management among them), one note per
//! input of 9.3.2 from the embedded reference list, the outputs (decisions on improvement and
//! on changes needed), and actions that become tracker items whose source is the review. For
//! each input the vault proposes a factual summary the owner can keep or rewrite.

mod model;
mod summaries;

pub use model::Review;
pub use summaries::proposed_summaries;

use rusqlite::Connection;

use crate::db::record::{self};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::Result;
use crate::tracker::{self, ItemSource, TrackerItem};

pub fn list(conn: &Connection) -> Result<Vec<Review>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Review> {
    record::get(conn, id)
}

/// Records a review; the vault assigns its reference (MR-001…).
pub fn create(vault: &mut Vault, stamp: Stamp, review: Review) -> Result<Review> {
    vault.write(stamp, |tx| insert(tx, review, Action::Create))
}

pub(crate) fn insert(tx: &mut WriteTx<'_>, review: Review, action: Action) -> Result<Review> {
    let mut review = review.validated()?;
    for id in &review.attendee_ids {
        crate::people::require_person(tx.reader(), "attendee_ids", Some(*id))?;
    }
    if action != Action::Import || review.reference.is_empty() {
        review.reference = record::next_reference(tx.reader(), "reviews", "MR-")?;
    }
    record::insert(tx, review, action)
}

pub fn update(vault: &mut Vault, stamp: Stamp, review: Review) -> Result<Review> {
    let mut review = review.validated()?;
    vault.write(stamp, |tx| {
        for id in &review.attendee_ids {
            crate::people::require_person(tx.reader(), "attendee_ids", Some(*id))?;
        }
        review.reference = get(tx.reader(), review.id)?.reference;
        record::replace(tx, review)
    })
}

/// Records an action decided in the review: a tracker item whose source is the review.
pub fn raise_action(
    vault: &mut Vault,
    stamp: Stamp,
    review_id: i64,
    item: TrackerItem,
) -> Result<TrackerItem> {
    vault.write(stamp, |tx| {
        let review = get(tx.reader(), review_id)?;
        let item = TrackerItem {
            source: ItemSource::ManagementReview,
            source_ref: review.reference,
            ..item
        };
        tracker::insert(tx, item, Action::Create)
    })
}
