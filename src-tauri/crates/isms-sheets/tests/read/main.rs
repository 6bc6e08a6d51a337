//! The reading half of the spreadsheets crate: cleaners, CSV and XLSX reading, header
//! detection, mapping, rows, and hostile files. Every fixture is built here, in the suite:
//! XLSX with rust_xlsxwriter, CSV as text or bytes, zip bombs with the zip crate.

mod bounds;
mod clean;
mod csv;
mod dates;
mod fixtures;
mod headers;
mod hostile;
mod mapping;
mod notes;
mod preview;
mod values;
mod xlsx;
