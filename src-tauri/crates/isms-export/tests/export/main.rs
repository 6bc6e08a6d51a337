//! isms-export's integration tests, one module per part of `src/`: the layout layer rendered
//! and read back with the PDF tools a user has (qpdf, poppler's pdftotext and pdfinfo), and the
//! packs built from the demo company's vault.

mod common;
mod file;
mod packs;
mod pdf;
mod scripts;
