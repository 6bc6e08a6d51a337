//! Reading real-world registers. `open` reads one sheet of an XLSX or CSV file into cells,
//! refusing hostile files (not a ZIP, zip bombs, DTDs, too many rows or cells) with a clear
//! validation error; `header` finds the header row; `mapping` proposes which column is which
//! field of a kind (or takes a mapping file); `rows` hands on each data row with its sheet
//! and row number; `clean` and `dates` turn messy cells into values. Writing to the vault is
//! the importer's job, elsewhere.

pub mod cell;
pub mod clean;
pub mod dates;
pub mod fields;

pub use cell::Cell;
pub use fields::{Field, Kind};
