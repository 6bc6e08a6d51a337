//! The organisation's context: issues (4.1) and interested parties (4.2).

use isms_core::context::{self, ContextIssue, InterestedParty, IssueKind};
use isms_core::{ErrorCode, history};

use crate::support::{Scratch, stamp};

#[test]
fn issues_and_parties_are_kept_with_history() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let issue = ContextIssue {
        id: 0,
        kind: IssueKind::External,
        title: "NIS2 applies to our largest customers".into(),
        description: "They will pass security requirements down the supply chain.".into(),
    };
    let mut issue = context::create_issue(&mut vault, stamp(1), issue).unwrap();
    context::create_issue(
        &mut vault,
        stamp(2),
        ContextIssue {
            id: 0,
            kind: IssueKind::Internal,
            title: "Remote-first staff".into(),
            description: String::new(),
        },
    )
    .unwrap();
    issue.title = "NIS2 applies to our three largest customers".into();
    context::update_issue(&mut vault, stamp(3), issue.clone()).unwrap();
    let kinds: Vec<IssueKind> = context::list_issues(vault.reader())
        .unwrap()
        .iter()
        .map(|i| i.kind)
        .collect();
    assert_eq!(
        kinds,
        [IssueKind::External, IssueKind::Internal],
        "external issues first, as 4.1 lists them"
    );

    let party = InterestedParty {
        id: 0,
        name: "Customers".into(),
        requirements: "Availability of 99.9 %; GDPR processing terms.".into(),
    };
    let party = context::create_party(&mut vault, stamp(4), party).unwrap();
    context::delete_party(&mut vault, stamp(5), party.id).unwrap();
    assert!(context::list_parties(vault.reader()).unwrap().is_empty());
    assert_eq!(
        history::list(vault.reader(), Some("context_issues"), 10)
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        history::list(vault.reader(), Some("interested_parties"), 10)
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_title_is_required() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let err = context::create_issue(
        &mut vault,
        stamp(1),
        ContextIssue {
            id: 0,
            kind: IssueKind::Internal,
            title: "  ".into(),
            description: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "title")
    );
    let err = context::create_party(
        &mut vault,
        stamp(1),
        InterestedParty {
            id: 0,
            name: String::new(),
            requirements: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(err.fields[0].field, "name");
}
