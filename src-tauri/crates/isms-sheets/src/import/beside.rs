//! Everything an import reads beside its data sheet, gathered in one place so the command
//! line, the app's wizard and the tests read a workbook alike: a risk register's Actions and
//! Approvals ([`crate::read::parts`]), the sheets of [`super::sheets_beside`] (versions,
//! results, supplier reviews and certificates, role holders) and, when missing courses are to
//! be created, a training workbook's own Courses sheet ([`super::courses_sheet`]).

use std::path::Path;

use isms_core::Result;

use super::{Options, courses_sheet, sheets_beside};
use crate::read::{self, Kind, Limits, Parts, Workbook};

/// What an import of a data sheet reads with it: the parts for [`super::Job::parts`] and the
/// options for [`super::Job::options`].
#[derive(Debug, Default)]
pub struct Beside {
    pub parts: Parts,
    pub options: Options,
}

/// What an import of `book` (the data sheet read from `path`) as `kind` reads beside it;
/// `create_missing` as [`Options::create_missing`]. A CSV has nothing beside it.
///
/// Errors: the reader's for a sheet the workbook lists but cannot give, and a Courses sheet's
/// bad cells, each named.
pub fn beside(path: &Path, book: &Workbook, kind: Kind, create_missing: bool) -> Result<Beside> {
    let courses = if create_missing && kind == Kind::Training {
        courses_sheet(path, book)?
    } else {
        Vec::new()
    };
    Ok(Beside {
        parts: read::parts(path, book, kind, Limits::default())?,
        options: Options {
            create_missing,
            courses,
            sheets: sheets_beside(path, book, kind)?,
        },
    })
}
