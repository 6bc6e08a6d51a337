//! Spreadsheets in and out. [`read`] opens a real-world register (XLSX through calamine, CSV
//! with its delimiter and encoding detected) safely and bounded, finds the header row, and
//! cleans the messy values people type (control ids as `A.5.1`, yes/no, European dates, Excel
//! serial dates, several values in one cell); [`write`] exports every register of the vault to
//! XLSX with frozen headers, filters, widths and real dates, neutralising anything that could
//! run as a formula. No Tauri here; the CLI and the shell call in.

pub mod import;
pub mod read;
pub mod whole;
pub mod write;
