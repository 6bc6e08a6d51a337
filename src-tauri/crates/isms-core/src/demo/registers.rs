//! The demo company's registers beside the SoA: ten legal, regulatory and contractual
//! requirements (one per interested party at least), eight suppliers with their reviews and
//! certificates, and the incidents of the story.
//!
//! With gaps, the requirements register holds only UK GDPR, never reviewed, and no supplier or
//! incident is recorded yet. Ready for Stage 1, every requirement is owned and reviewed during
//! the preparation, and every supplier rated, owned and (the critical ones) reviewed. A month
//! after Stage 1 (`Operating`), the payroll bureau, rated critical after its contract renewal,
//! has not been reviewed (S2-SUPPLIERS fails) and the cloud outage of the Stage 1 month was
//! closed without lessons learned (S2-INCIDENTS fails); a mis-sent client report raised a
//! minor NC. Ready for Stage 2, all of that is done and a fifth incident was handled.

use chrono::NaiveDate;

use super::company::Staff;
use super::files;
use super::{DemoPoint, Story};
use crate::context;
use crate::db::{Action, Vault};
use crate::error::Result;
use crate::incidents::{self, Incident, IncidentCategory, IncidentStatus};
use crate::requirements::{self, Requirement, RequirementSource};
use crate::suppliers::{self, Certificate, Criticality, ReviewOutcome, Supplier, SupplierReview};
use crate::tracker::{ItemKind, ItemSource, ItemStatus, TrackerItem};

pub(crate) fn write(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    requirements_register(vault, story, staff)?;
    if !story.reached(DemoPoint::Stage1Ready) {
        return Ok(());
    }
    supplier_register(vault, story, staff)?;
    if story.reached(DemoPoint::Operating) {
        incident_log(vault, story, staff)?;
    }
    Ok(())
}

/// (source, title, what it requires, words of the party's name, controls).
type Req = (
    RequirementSource,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const REQUIREMENTS: [Req; 10] = [
    (
        RequirementSource::Law,
        "UK GDPR",
        "Process client and staff personal data lawfully, securely and only as instructed by clients; keep records of processing; report personal data breaches to the ICO within 72 hours.",
        "Information Commissioner",
        &["5.34", "5.31", "5.24"],
    ),
    (
        RequirementSource::Law,
        "Data Protection Act 2018",
        "The UK's data protection law beside the UK GDPR: exemptions, special category data, the ICO's powers.",
        "Information Commissioner",
        &["5.34", "5.31"],
    ),
    (
        RequirementSource::Law,
        "Computer Misuse Act 1990",
        "Access to systems only as authorised; misuse by staff is a criminal offence, which the acceptable use policy tells them.",
        "",
        &["5.31", "5.10"],
    ),
    (
        RequirementSource::Regulation,
        "Privacy and Electronic Communications Regulations 2003",
        "Consent for marketing e-mails and for non-essential cookies on the company's websites.",
        "",
        &["5.31", "5.34"],
    ),
    (
        RequirementSource::Contract,
        "Client master services agreement: security schedule",
        "ISO/IEC 27001 certification, encryption of client data at rest and in transit, breach notice within 24 hours, 99.5 % availability of the dashboards.",
        "Clients",
        &["5.20", "5.24", "8.24", "8.14"],
    ),
    (
        RequirementSource::Contract,
        "Client data processing agreements",
        "Process client data only on documented instructions, with approved sub-processors, and help clients answer data subjects' requests.",
        "Clients",
        &["5.34", "5.21"],
    ),
    (
        RequirementSource::Contract,
        "Employment contracts and staff handbook",
        "Staff confidentiality duties during and after employment; protection of HR and payroll records.",
        "Staff",
        &["6.2", "6.6", "5.34"],
    ),
    (
        RequirementSource::Contract,
        "Cloud hosting customer agreement and acceptable use policy",
        "Use the platform within its acceptable use policy; the customer's side of the shared responsibility model (identities, configuration, data).",
        "Cloud hosting",
        &["5.23", "5.20"],
    ),
    (
        RequirementSource::Contract,
        "Shareholders' agreement: information undertakings",
        "ISO/IEC 27001 certification within the year; report any reportable breach to the board and the investors.",
        "Investors",
        &["5.31", "5.24"],
    ),
    (
        RequirementSource::Standard,
        "Certification body's scheme rules",
        "Keep the ISMS conforming to ISO/IEC 27001:2022; host surveillance audits each year; tell the certification body of significant changes.",
        "",
        &["5.36"],
    ),
];

fn requirements_register(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    let parties = context::list_parties(vault.reader())?;
    let ready = story.reached(DemoPoint::Stage1Ready);
    let defs: &[Req] = if ready {
        &REQUIREMENTS
    } else {
        &REQUIREMENTS[..1]
    };
    vault.write(story.stamp(story.prep(30)), |tx| {
        for (source, title, requires, party, controls) in defs {
            let party_id = (!party.is_empty())
                .then(|| {
                    parties
                        .iter()
                        .find(|p| p.name.contains(party))
                        .map(|p| p.id)
                })
                .flatten();
            requirements::insert(
                tx,
                Requirement {
                    requires: (*requires).into(),
                    party_id,
                    owner_id: Some(if source.is_legal() {
                        staff.owner
                    } else {
                        staff.ceo
                    }),
                    controls: controls.iter().map(|c| (*c).to_owned()).collect(),
                    reviewed_on: ready.then(|| story.prep(30)),
                    ..Requirement::new(*source, title)
                },
                Action::Create,
            )?;
        }
        Ok(())
    })
}

/// (name, service, information, assets, criticality, contract reference, owner, months).
type Sup = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    Criticality,
    &'static str,
    fn(&Staff) -> i64,
    u32,
);

const SUPPLIERS: [Sup; 8] = [
    (
        "Nimbus Cloud Services",
        "Cloud hosting of the analytics platform and the data warehouse",
        "All client data, the platform's code and its backups",
        &["platform", "warehouse", "backups"],
        Criticality::Critical,
        "Customer agreement v7, data processing addendum and security annex",
        |s| s.cto,
        12,
    ),
    (
        "Microsoft 365",
        "E-mail, calendars and office files",
        "Staff e-mail and documents, some client correspondence",
        &["office365"],
        Criticality::High,
        "Online services terms and data protection addendum",
        |s| s.it,
        12,
    ),
    (
        "Ledgerline Payroll Bureau",
        "Monthly payroll and pensions",
        "Staff names, addresses, salaries and bank details",
        &["hr"],
        Criticality::Critical,
        "Payroll services agreement, schedule 4 (data security)",
        |s| s.people_lead,
        12,
    ),
    (
        "Codehaven",
        "Source code hosting and build pipelines",
        "The platform's source code and build secrets",
        &["code"],
        Criticality::High,
        "Enterprise terms and security exhibit",
        |s| s.cto,
        12,
    ),
    (
        "Brightdesk IT Support",
        "Laptop provisioning and second-line IT support",
        "Access to staff laptops during repairs",
        &["laptops"],
        Criticality::Medium,
        "Managed services contract, clause 12 (confidentiality)",
        |s| s.it,
        24,
    ),
    (
        "Sterling Bank",
        "Business banking and payments",
        "Company accounts and payment approvals",
        &["finance"],
        Criticality::High,
        "Business banking terms",
        |s| s.finance,
        24,
    ),
    (
        "Clearview Office Cleaning",
        "Cleaning of the London office, evenings",
        "Unescorted access to the office after hours (no system access)",
        &["office"],
        Criticality::Low,
        "",
        |s| s.office,
        24,
    ),
    (
        "Shredwise",
        "Collection and certified destruction of paper and disks",
        "Paper records and retired disks awaiting destruction",
        &[],
        Criticality::Medium,
        "Destruction services agreement with certificate of destruction per collection",
        |s| s.office,
        24,
    ),
];

fn supplier_register(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    // The payroll bureau's review falls after Stage 1: missing a month in, done by Stage 2.
    let payroll_reviewed = story.reached(DemoPoint::Stage2Ready);
    for (name, service, information, assets, criticality, contract, owner, months) in SUPPLIERS {
        let supplier = Supplier {
            service: service.into(),
            information: information.into(),
            asset_ids: assets.iter().flat_map(|a| staff.asset(a)).collect(),
            criticality: Some(criticality),
            contract_requirements: !contract.is_empty(),
            contract_reference: contract.into(),
            owner_id: Some(owner(staff)),
            review_months: months,
            ..Supplier::named(name)
        };
        let saved = suppliers::create(vault, story.stamp(story.prep(25)), supplier)?;
        let payroll = name.starts_with("Ledgerline");
        let review_day = if payroll {
            payroll_reviewed.then(|| story.after_stage1(50))
        } else if criticality >= Criticality::High {
            Some(story.prep(35))
        } else {
            None
        };
        if let Some(day) = review_day {
            suppliers::add_review(
                vault,
                story.stamp(day),
                SupplierReview {
                    id: 0,
                    supplier_id: saved.id,
                    reviewed_on: day,
                    outcome: ReviewOutcome::Satisfactory,
                    note: review_note(name).into(),
                },
            )?;
        }
        if let Some(title) = certificate_of(name) {
            let issued = story.prep(0) - chrono::Duration::days(200);
            let expires = story.stage2 + chrono::Duration::days(700);
            vault.write(story.stamp(story.prep(35)), |tx| {
                let file = files::store(
                    tx,
                    &format!("{name} - {title}.txt"),
                    &format!("{name}\n{title}\nIssued {issued}, valid until {expires}.\n"),
                    issued,
                    title,
                    &["5.19"],
                )?;
                suppliers::save_certificate_in(
                    tx,
                    Certificate {
                        id: 0,
                        supplier_id: saved.id,
                        title: title.into(),
                        issued_on: Some(issued),
                        expires_on: Some(expires),
                        evidence_id: Some(file),
                    },
                )
                .map(|_| ())
            })?;
        }
    }
    Ok(())
}

fn review_note(name: &str) -> &'static str {
    match name {
        "Nimbus Cloud Services" => {
            "Read the ISO/IEC 27001 certificate and the SOC 2 Type II report: no exceptions relevant to us. Availability 99.97 % over the year; the shared responsibility model walked through with the platform team."
        }
        "Ledgerline Payroll Bureau" => {
            "Contract renewed with the data security schedule; visited their office, saw access control and clear desk in practice; their Cyber Essentials Plus certificate is current."
        }
        _ => {
            "Service as agreed; their security terms and certificate checked; nothing to follow up."
        }
    }
}

fn certificate_of(name: &str) -> Option<&'static str> {
    match name {
        "Nimbus Cloud Services" => Some("ISO/IEC 27001:2022 certificate"),
        "Microsoft 365" => Some("ISO/IEC 27001 certificate and SOC 2 Type II report"),
        "Codehaven" => Some("SOC 2 Type II report"),
        "Ledgerline Payroll Bureau" => Some("Cyber Essentials Plus certificate"),
        _ => None,
    }
}

/// One incident of the story: when, what, and what it became by today.
struct Inc {
    reported: NaiveDate,
    title: &'static str,
    category: IncidentCategory,
    severity: Criticality,
    personal_data: bool,
    response: &'static str,
    /// Closed on, with the lessons learned recorded (empty: closed without them).
    closed: Option<(NaiveDate, &'static str)>,
    raises_nc: bool,
    supplier: Option<&'static str>,
    /// A file kept with the incident (its name and text).
    evidence: Option<(&'static str, &'static str)>,
}

fn story_incidents(story: &Story) -> Vec<Inc> {
    let ready = story.reached(DemoPoint::Stage2Ready);
    let mut out = vec![
        Inc {
            reported: story.prep(20),
            title: "Phishing e-mail asking finance to change a supplier's bank details",
            category: IncidentCategory::Phishing,
            severity: Criticality::Low,
            personal_data: false,
            response: "Reported by the finance lead through the report button; nobody clicked; the sender blocked and all staff warned the same day.",
            closed: Some((story.prep(21), "Bank detail changes are now confirmed by phone on a known number; the next awareness session uses this e-mail as its example.")),
            raises_nc: false,
            supplier: None,
            evidence: None,
        },
        Inc {
            reported: story.prep(41),
            title: "Laptop left on a train",
            category: IncidentCategory::DataLoss,
            severity: Criticality::Medium,
            personal_data: false,
            response: "Disk encryption confirmed in the device console; the laptop locked and wiped remotely within the hour; passwords of the user's accounts changed.",
            closed: Some((story.prep(43), "Encryption and remote wipe worked as planned; no change needed beyond a reminder on the travel guidance.")),
            raises_nc: false,
            supplier: None,
            evidence: None,
        },
        Inc {
            reported: story.after_stage1(9),
            title: "Cloud region outage: client dashboards unavailable for three hours",
            category: IncidentCategory::Availability,
            severity: Criticality::High,
            personal_data: false,
            response: "Failed over the warehouse to the second region after 40 minutes; clients told through the status page; the provider's incident report obtained.",
            closed: Some((
                story.after_stage1(12),
                if ready {
                    "Fail-over is now automatic and tested each quarter; the provider's outage was within its SLA, reviewed in the supplier review."
                } else {
                    ""
                },
            )),
            raises_nc: false,
            supplier: Some("Nimbus Cloud Services"),
            evidence: Some(("Nimbus incident report - region outage.txt", "Nimbus Cloud Services: post-incident report. Region eu-west-2 storage outage, 02:10 to 05:05 UTC; root cause a failed configuration change; within the availability SLA.\n")),
        },
        Inc {
            reported: story.after_stage1(18),
            title: "Client report e-mailed to the wrong recipient",
            category: IncidentCategory::DataLoss,
            severity: Criticality::Medium,
            personal_data: true,
            response: "The recipient, another client's analyst, confirmed deletion in writing; the client told within 24 hours; assessed with the DPO as not reportable to the ICO.",
            closed: ready.then_some((
                story.after_stage1(40),
                "Reports now go out through the platform's share links, not e-mail attachments; the NC's corrective action is in place.",
            )),
            raises_nc: true,
            supplier: None,
            evidence: Some(("Deletion confirmation from the recipient.txt", "From the recipient's analyst: I confirm that the report sent to me in error has been deleted from my mailbox and from the deleted items, and was not opened beyond the first page or shared.\n")),
        },
    ];
    if ready {
        out.push(Inc {
            reported: story.after_stage1(55),
            title: "Malware blocked on a developer laptop",
            category: IncidentCategory::Malware,
            severity: Criticality::Low,
            personal_data: false,
            response: "The endpoint protection quarantined a malicious browser extension; the laptop scanned clean; the extension blocked for everyone.",
            closed: Some((story.after_stage1(56), "Browser extensions are now allowed from an approved list only.")),
            raises_nc: false,
            supplier: None,
            evidence: None,
        });
    }
    out
}

fn incident_log(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    let suppliers = suppliers::list(vault.reader())?;
    for inc in story_incidents(story) {
        let supplier_ids = inc
            .supplier
            .and_then(|name| suppliers.iter().find(|s| s.name == name))
            .map(|s| vec![s.id])
            .unwrap_or_default();
        let reported = Incident {
            reported_by: Some(staff.owner),
            category: inc.category,
            severity: Some(inc.severity),
            supplier_ids,
            personal_data: inc.personal_data,
            response: inc.response.into(),
            status: IncidentStatus::Assessed,
            raises_nc: inc.raises_nc,
            ..Incident::reported(inc.title, inc.reported)
        };
        let mut saved = incidents::create(vault, story.stamp(inc.reported), reported)?;
        if inc.raises_nc {
            nc_of(vault, story, staff, &saved)?;
        }
        saved = match inc.closed {
            Some((on, lessons)) => Incident {
                status: IncidentStatus::Closed,
                closed_on: Some(on),
                lessons: lessons.into(),
                ..saved
            },
            None => Incident {
                status: IncidentStatus::Contained,
                ..saved
            },
        };
        let day = saved.closed_on.unwrap_or(inc.reported);
        vault.write(story.stamp(day), |tx| {
            if let Some((file_name, text)) = inc.evidence {
                let id = files::store(tx, file_name, text, day, inc.title, &["5.24"])?;
                saved.evidence_ids.push(id);
            }
            incidents::update_in(tx, saved).map(|_| ())
        })?;
    }
    Ok(())
}

/// The minor NC the mis-sent report raised, closed with its effectiveness review by Stage 2.
fn nc_of(vault: &mut Vault, story: &Story, staff: &Staff, incident: &Incident) -> Result<()> {
    let raised_on = incident.reported_on + chrono::Duration::days(1);
    let mut item = TrackerItem {
        owner_id: Some(staff.success),
        description: "Client reports were sent as e-mail attachments, so one mistyped address disclosed a client's data (A.5.14, A.8.12).".into(),
        controls: vec!["5.14".into(), "8.12".into()],
        due_on: Some(story.after_stage1(45)),
        correction: "The recipient deleted the report and confirmed it in writing.".into(),
        root_cause: "Reports had no channel of their own: e-mail auto-complete chose the wrong contact.".into(),
        corrective_action: "Send reports through the platform's expiring share links; remove the attachment step from the reporting procedure.".into(),
        ..TrackerItem::new(
            ItemKind::MinorNc,
            "Client report disclosed by e-mail to the wrong recipient",
            ItemSource::Incident,
            raised_on,
        )
    };
    item.status = ItemStatus::InProgress;
    let saved = incidents::raise_item(vault, story.stamp(raised_on), incident.id, item)?;
    let noted = raised_on + chrono::Duration::days(2);
    if noted <= story.today {
        crate::tracker::add_note(
            vault,
            story.stamp(noted),
            saved.id,
            noted,
            "Deletion confirmed with the client; share links being set up for every client's reports.",
        )?;
    }
    if story.reached(DemoPoint::Stage2Ready) {
        let on = story.after_stage1(44);
        crate::tracker::add_note(
            vault,
            story.stamp(on),
            saved.id,
            on,
            "Every report now goes through a share link; effectiveness reviewed and the item closed.",
        )?;
        let closed = TrackerItem {
            status: ItemStatus::Closed,
            effectiveness_on: Some(on),
            effectiveness_result:
                "Three weeks of reports all went through share links; no report was e-mailed."
                    .into(),
            closed_on: Some(on),
            ..saved
        };
        crate::tracker::update(vault, story.stamp(on), closed)?;
    }
    Ok(())
}
