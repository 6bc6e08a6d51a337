//! The company itself: the organisation record with its certification path, its people (one of
//! them a leaver), the context of the organisation (4.1, 4.2) and the asset inventory. Who is
//! who ([`Staff`]) is what the rest of the demo hands ownership to.

use crate::assets::{self, Asset};
use crate::context::{self, ContextIssue, InterestedParty, IssueKind};
use crate::db::{Action, Vault};
use crate::error::Result;
use crate::organisation::{self, FindingPolicy};
use crate::people::{self, Person};

use super::{COMPANY, DemoPoint, Story};

pub(crate) const DOMAIN: &str = "northwind-analytics.example";
pub(crate) const CB: &str = "Albion Assurance Certification Ltd";
pub(crate) const EXTERNAL_AUDITOR: &str = "Priya Raman, Raman Audit Services";

/// The ids of the people the story gives roles to, and of the assets.
#[derive(Debug, Clone)]
pub(crate) struct Staff {
    /// Chief executive; top management; approves policies and the SoA.
    pub ceo: i64,
    /// Head of information security: the ISMS owner.
    pub owner: i64,
    /// Chief technology officer; top management.
    pub cto: i64,
    pub platform: i64,
    pub data_science: i64,
    pub people_lead: i64,
    pub data_eng: i64,
    pub success: i64,
    pub finance: i64,
    pub office: i64,
    pub it: i64,
    pub product: i64,
    /// Everyone active today, in creation order.
    pub active: Vec<i64>,
    /// Asset ids by short name.
    pub assets: Vec<(&'static str, i64)>,
}

/// A role of the story, for tables that name who owns what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Ceo,
    Owner,
    Cto,
    Platform,
    DataScience,
    PeopleLead,
    DataEng,
    Finance,
    Office,
    It,
}

impl Staff {
    pub fn of(&self, role: Role) -> i64 {
        match role {
            Role::Ceo => self.ceo,
            Role::Owner => self.owner,
            Role::Cto => self.cto,
            Role::Platform => self.platform,
            Role::DataScience => self.data_science,
            Role::PeopleLead => self.people_lead,
            Role::DataEng => self.data_eng,
            Role::Finance => self.finance,
            Role::Office => self.office,
            Role::It => self.it,
        }
    }

    pub fn asset(&self, key: &str) -> Vec<i64> {
        self.assets
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, id)| *id)
            .collect()
    }
}

struct Hire {
    name: &'static str,
    email: &'static str,
    title: &'static str,
    department: &'static str,
    top: bool,
    owner: bool,
}

const fn hire(
    name: &'static str,
    email: &'static str,
    title: &'static str,
    department: &'static str,
) -> Hire {
    Hire {
        name,
        email,
        title,
        department,
        top: false,
        owner: false,
    }
}

/// The staff, in the order of [`Staff`]'s fields; then the leaver.
const STAFF: [Hire; 13] = [
    Hire {
        top: true,
        ..hire(
            "Eleanor Whitfield",
            "eleanor.whitfield",
            "Chief Executive Officer",
            "Management",
        )
    },
    Hire {
        owner: true,
        ..hire(
            "Rahul Mehta",
            "rahul.mehta",
            "Head of Information Security",
            "Security",
        )
    },
    Hire {
        top: true,
        ..hire(
            "Zofia Kowalczyk",
            "zofia.kowalczyk",
            "Chief Technology Officer",
            "Engineering",
        )
    },
    hire(
        "Björn Håkansson",
        "bjorn.hakansson",
        "Lead Platform Engineer",
        "Engineering",
    ),
    hire(
        "Amara Okafor",
        "amara.okafor",
        "Head of Data Science",
        "Analytics",
    ),
    hire("Chloé Dubois", "chloe.dubois", "Head of People", "People"),
    hire(
        "Kenji Watanabe",
        "kenji.watanabe",
        "Senior Data Engineer",
        "Engineering",
    ),
    hire(
        "Lucía Fernández",
        "lucia.fernandez",
        "Customer Success Manager",
        "Customer Success",
    ),
    hire(
        "Oluwaseun Adeyemi",
        "oluwaseun.adeyemi",
        "Finance Manager",
        "Finance",
    ),
    hire(
        "Siobhán O'Connor",
        "siobhan.oconnor",
        "Office and Facilities Manager",
        "Operations",
    ),
    hire(
        "Mehmet Yılmaz",
        "mehmet.yilmaz",
        "IT Support Engineer",
        "Operations",
    ),
    hire("Nguyễn Thị Mai", "mai.nguyen", "Product Manager", "Product"),
    hire("Tomás Ruiz", "tomas.ruiz", "Data Analyst", "Analytics"),
];

const ISSUES: [(IssueKind, &str, &str); 5] = [
    (
        IssueKind::External,
        "Enterprise clients require ISO/IEC 27001 certification",
        "Three of the five largest clients ask for a certificate at contract renewal; tenders in \
         financial services score it.",
    ),
    (
        IssueKind::External,
        "UK GDPR and clients' data processing agreements",
        "Northwind processes clients' customer data as a processor: the clients' data \
         processing agreements ask for breach notice within 24 hours, so that they can meet \
         the ICO's 72 hours.",
    ),
    (
        IssueKind::External,
        "Ransomware campaigns against professional services firms",
        "The NCSC reports a rise in attacks on analytics and consulting suppliers.",
    ),
    (
        IssueKind::Internal,
        "Fully cloud-hosted platform on one provider",
        "The analytics platform and the data warehouse run on one public cloud provider in two \
         UK availability zones.",
    ),
    (
        IssueKind::Internal,
        "Hybrid working from the London office and from home",
        "Staff work from home three days a week on company laptops.",
    ),
];

const PARTIES: [(&str, &str); 5] = [
    (
        "Clients (retail and financial services)",
        "Confidentiality of their customer data; ISO/IEC 27001 certificate; breach notice within \
         24 hours; 99.5 % dashboard availability.",
    ),
    (
        "Information Commissioner's Office",
        "Compliance with UK GDPR and the Data Protection Act 2018.",
    ),
    (
        "Staff",
        "Clear rules for remote work; protection of their HR and payroll data.",
    ),
    (
        "Cloud hosting provider",
        "Compliance with its acceptable use policy and the shared responsibility model.",
    ),
    (
        "Investors",
        "Certification within the year; no reportable breach.",
    ),
];

/// Writes the organisation, people, context and assets; returns who is who.
pub(crate) fn write(vault: &mut Vault, story: &Story) -> Result<Staff> {
    let mut org = organisation::get(vault.reader())?;
    org.name = COMPANY.into();
    org.scope = "The design, development, hosting and support of the Northwind client analytics \
                 platform and the data warehouse it runs on, delivered by all staff from the \
                 London office (2nd floor, 18 Leman Street, London E1) and from home, including \
                 the cloud services that host them."
        .into();
    org.isms_start = Some(story.isms_start);
    org.stage1_date = Some(story.stage1);
    org.stage2_target = Some(story.stage2);
    org.certification_body = CB.into();
    org.finding_policy = FindingPolicy::NoMajorNc;
    org.audit_months = 3;
    if story.point == DemoPoint::Stage1Gaps {
        org.stage2_target = None;
    }
    organisation::update(vault, story.stamp(story.prep(1)), org)?;

    let leaver_ends = story.prep(30);
    let mut ids = Vec::new();
    vault.write(story.stamp(story.prep(2)), |tx| {
        for (i, h) in STAFF.iter().enumerate() {
            let mut p = Person::new(h.name, &format!("{}@{DOMAIN}", h.email));
            p.job_title = h.title.into();
            p.department = h.department.into();
            p.top_management = h.top;
            p.isms_owner = h.owner;
            // Joined over the years before the ISMS started; the analyst left a month in.
            p.start_date = Some(story.isms_start - chrono::Duration::days(200 + 97 * i as i64));
            if i == STAFF.len() - 1 {
                p.end_date = Some(leaver_ends);
            }
            ids.push(people::insert(tx, p, Action::Create)?.id);
        }
        Ok(())
    })?;
    let id = |i: usize| ids.get(i).copied().unwrap_or_default();

    let mut staff = Staff {
        ceo: id(0),
        owner: id(1),
        cto: id(2),
        platform: id(3),
        data_science: id(4),
        people_lead: id(5),
        data_eng: id(6),
        success: id(7),
        finance: id(8),
        office: id(9),
        it: id(10),
        product: id(11),
        active: ids[..ids.len().saturating_sub(1)].to_vec(),
        assets: Vec::new(),
    };

    vault.write(story.stamp(story.prep(3)), |tx| {
        for (kind, title, description) in ISSUES {
            context::insert_issue(
                tx,
                ContextIssue {
                    id: 0,
                    kind,
                    title: title.into(),
                    description: description.into(),
                },
                Action::Create,
            )?;
        }
        for (name, requirements) in PARTIES {
            context::insert_party(
                tx,
                InterestedParty {
                    id: 0,
                    name: name.into(),
                    requirements: requirements.into(),
                },
                Action::Create,
            )?;
        }
        let assets: [(&'static str, &str, &str, i64, &str); 9] = [
            (
                "platform",
                "Client analytics platform",
                "Service",
                staff.cto,
                "Confidential",
            ),
            (
                "warehouse",
                "Client data warehouse",
                "Information",
                staff.data_eng,
                "Restricted",
            ),
            (
                "code",
                "Source code repositories",
                "Software",
                staff.cto,
                "Confidential",
            ),
            (
                "laptops",
                "Staff laptops (34)",
                "Hardware",
                staff.it,
                "Internal",
            ),
            (
                "office365",
                "E-mail and office files (Microsoft 365)",
                "Service",
                staff.it,
                "Confidential",
            ),
            (
                "hr",
                "HR and payroll records",
                "Information",
                staff.people_lead,
                "Restricted",
            ),
            (
                "finance",
                "Finance system and bank access",
                "Service",
                staff.finance,
                "Confidential",
            ),
            (
                "backups",
                "Warehouse backups",
                "Information",
                staff.platform,
                "Restricted",
            ),
            ("office", "London office", "Site", staff.office, "Internal"),
        ];
        for (key, name, kind, owner, class) in assets {
            let saved = assets::insert(
                tx,
                Asset {
                    kind: kind.into(),
                    owner_id: Some(owner),
                    classification: class.into(),
                    ..Asset::named(name)
                },
                Action::Create,
            )?;
            staff.assets.push((key, saved.id));
        }
        Ok(())
    })?;
    Ok(staff)
}
