//! `isms agenda` on the demo company: the window, overdue days, the owner filter, text and JSON.

use chrono::NaiveDate;
use serde_json::Value;

use super::{PASS, isms, stderr, stdout};

fn agenda(d: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["agenda", "demo.isms", "--json"];
    args.extend_from_slice(extra);
    let out = isms(d, &args, PASS);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn date(v: &Value) -> NaiveDate {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn agenda_lists_what_is_due_in_the_window_and_what_is_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(
        d,
        &[
            "demo",
            "demo.isms",
            "--at",
            "operating",
            "--today",
            "2026-06-15",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));

    // Six weeks on, some of what was due is overdue by exactly the days since its due date.
    let as_of = "2026-07-27";
    let day: NaiveDate = as_of.parse().unwrap();
    let all = agenda(d, &["--as-of", as_of]);
    assert_eq!(all["as_of"], as_of);
    assert_eq!(all["days"], 30);
    let entries = all["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    let mut overdue = 0;
    for e in entries {
        let due = date(&e["due"]);
        assert!(due <= day + chrono::Days::new(30), "{e}");
        match e["overdue_days"].as_u64() {
            Some(n) => {
                overdue += 1;
                assert_eq!(n as i64, (day - due).num_days(), "{e}");
            }
            None => assert!(due >= day, "{e}"),
        }
    }
    assert!(overdue > 0, "the demo has something overdue six weeks on");
    let dues: Vec<NaiveDate> = entries.iter().map(|e| date(&e["due"])).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "sorted by due date");

    // A shorter window keeps what is overdue and drops what is due later.
    let week = agenda(d, &["--as-of", as_of, "--days", "3"]);
    let week = week["entries"].as_array().unwrap();
    assert!(week.len() < entries.len());
    assert!(
        week.iter()
            .all(|e| date(&e["due"]) <= day + chrono::Days::new(3))
    );
    assert_eq!(week.as_slice(), &entries[..week.len()]);

    // One owner's agenda is exactly their entries.
    let email = entries[0]["owner"].as_str().unwrap().to_uppercase();
    let theirs = agenda(d, &["--as-of", as_of, "--owner", &email]);
    let theirs = theirs["entries"].as_array().unwrap();
    let expected: Vec<&Value> = entries
        .iter()
        .filter(|e| e["owner"].as_str().map(str::to_uppercase) == Some(email.clone()))
        .collect();
    assert_eq!(theirs.iter().collect::<Vec<_>>(), expected);
    assert!(theirs.len() < entries.len());

    // As text: a heading with the counts, then one line per entry.
    let out = isms(d, &["agenda", "demo.isms", "--as-of", as_of], PASS);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "Agenda of Northwind Analytics Ltd as of {as_of}, the next 30 days: {overdue} overdue, {} due\n",
            entries.len() - overdue
        )),
        "{text}"
    );
    assert_eq!(text.lines().count(), entries.len() + 1);
    assert_eq!(text.matches("OVERDUE").count(), overdue);

    // Someone not in the vault is an error naming the option.
    let out = isms(
        d,
        &["agenda", "demo.isms", "--owner", "nobody@example.com"],
        PASS,
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("owner: No one in the vault has the e-mail nobody@example.com."));
}

#[test]
fn agenda_writes_an_icalendar_file_with_stable_uids_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(
        d,
        &[
            "demo",
            "demo.isms",
            "--at",
            "operating",
            "--today",
            "2026-06-15",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let as_of = "2026-07-27";
    let entries = agenda(d, &["--as-of", as_of]);
    let entries = entries["entries"].as_array().unwrap();
    let write = |file: &str| {
        isms(
            d,
            &[
                "agenda",
                "demo.isms",
                "--as-of",
                as_of,
                "--ics",
                "--out",
                file,
            ],
            PASS,
        )
    };
    let out = write("a.ics");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&format!("Wrote a.ics ({} events)", entries.len())));
    let a = std::fs::read_to_string(d.join("a.ics")).unwrap();
    assert!(a.starts_with("BEGIN:VCALENDAR\r\n") && a.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(a.matches("\r\nBEGIN:VEVENT\r\n").count(), entries.len());
    assert_eq!(
        a.matches('\n').count(),
        a.matches("\r\n").count(),
        "CRLF only"
    );
    for e in entries {
        let key = e["key"].as_str().unwrap();
        assert!(
            a.contains(&format!(
                "\r\nUID:{key}@northwind-analytics-ltd.isms-desk\r\n"
            )),
            "{key}"
        );
        let due = e["due"].as_str().unwrap().replace('-', "");
        assert!(a.contains(&format!("\r\nDTSTART;VALUE=DATE:{due}\r\n")));
    }
    // Written again: the same file but for the time it was made.
    assert!(write("b.ics").status.success());
    let b = std::fs::read_to_string(d.join("b.ics")).unwrap();
    let without_stamp = |t: &str| -> Vec<String> {
        t.split("\r\n")
            .filter(|l| !l.starts_with("DTSTAMP:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(without_stamp(&a), without_stamp(&b));
    // An existing file is refused and left as it was.
    let out = write("a.ics");
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(d.join("a.ics")).unwrap(), a);
    // --ics needs --out.
    let out = isms(d, &["agenda", "demo.isms", "--ics"], PASS);
    assert_eq!(out.status.code(), Some(2));
}
