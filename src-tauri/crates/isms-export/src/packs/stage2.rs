//! The `stage2` pack: everything of the `stage1` pack, then the ISMS in operation as the
//! certification body audits it at Stage 2. The cover gives both stages' verdicts; the Stage 2
//! readiness result comes first, then the Stage 1 result and the documentation sections, then
//! the internal audit programme and each audit's report with its independence statement, the
//! ISMS tracker, management reviews, changes, suppliers, incidents, the training matrix and the
//! acknowledgement matrix.

use isms_core::readiness::Stage;

use super::records::Records;
use super::stage1::{cover, documentation_sections};
use super::{CONFIDENTIALITY, generated_by};
use super::{audit, awareness, operation, registers, tracker, verdict};
use crate::model::Pack;

pub(crate) const TITLE: &str = "Stage 2 evidence pack";

pub(crate) fn pack(r: &Records) -> Pack {
    let stage2 = verdict::report(r, Stage::Two);
    let stage1 = verdict::report(r, Stage::One);
    let mut sections = vec![verdict::section(&stage2), verdict::section(&stage1)];
    sections.extend(documentation_sections(r, true));
    sections.extend([
        audit::programme(r),
        audit::reports(r),
        tracker::section(r),
        operation::reviews(r),
        operation::changes(r),
        registers::suppliers(r),
        registers::incidents(r),
        awareness::training(r),
        awareness::acknowledgements(r),
    ]);
    Pack {
        title: TITLE.into(),
        company: r.facts.organisation.name.clone(),
        confidentiality: CONFIDENTIALITY.into(),
        as_of: r.as_of,
        version: generated_by(),
        cover: cover(r, &[&stage1, &stage2]),
        sections,
        evidence_sha256: None,
    }
}
