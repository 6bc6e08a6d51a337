//! Reading spreadsheets: filled in by the import work of issue 7.
