//! Writing registers to XLSX: filled in by the export work of issue 7.
