//! Writing the file: an existing file is refused and left as it was, a name that is not
//! `.xlsx` is refused, and no temporary file stays behind.

use isms_core::ErrorCode;
use isms_sheets::write::{self, SheetKind};

use super::{demo_vault, today};

#[test]
fn an_existing_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let out = dir.path().join("risks.xlsx");
    std::fs::write(&out, b"mine").unwrap();
    let err = write::export(&vault, SheetKind::Risks, today(), &out).unwrap_err();
    assert_eq!(err.code, ErrorCode::AlreadyExists, "{}", err.message);
    assert_eq!(std::fs::read(&out).unwrap(), b"mine", "left as it was");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(names.is_empty(), "no temporary file left: {names:?}");
}

#[test]
fn only_xlsx_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let out = dir.path().join("risks.csv");
    let err = write::export(&vault, SheetKind::Risks, today(), &out).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation, "{}", err.message);
    assert!(!out.exists(), "nothing written");
}

#[test]
fn kinds_are_parsed_from_their_words() {
    for kind in SheetKind::ALL {
        assert_eq!(SheetKind::parse(kind.as_str()).unwrap(), kind);
    }
    assert_eq!(
        SheetKind::parse(" SoA ").unwrap(),
        SheetKind::Soa,
        "any case"
    );
    let err = SheetKind::parse("pack").unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("acknowledgements"), "{}", err.message);
}
