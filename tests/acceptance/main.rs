//! Acceptance tests: whole ISMS workflows driven through the core, as the app and the CLI
//! drive it, against real encrypted vault files. One module per workflow.

mod demo;
mod foundation;
mod operating;
mod registers;
mod stage1;
mod workbook;
