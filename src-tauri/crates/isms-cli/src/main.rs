//! `isms`: headless jobs over the ISMS Desk core, for scripts, CI and recovery. It opens the same
//! vault files as the desktop app and shares its backup folder. The passphrase comes from
//! `ISMS_PASSPHRASE` (a new one from `ISMS_NEW_PASSPHRASE`), else from a prompt without echo;
//! it is never printed or logged. Errors: one line on stderr, exit status by error code.

mod args;
mod exit;
mod export;
mod measures;
mod readiness;
mod run;
mod sheets;
mod verify;

use clap::Parser;

fn main() {
    let cli = args::Cli::parse();
    if let Err(err) = run::run(cli) {
        eprintln!("isms: {}", err.message);
        for field in &err.fields {
            // A spreadsheet import's message already begins with the cell's address.
            if field.message.starts_with(&field.field) {
                eprintln!("isms:   {}", field.message);
            } else {
                eprintln!("isms:   {}: {}", field.field, field.message);
            }
        }
        std::process::exit(exit::code_for(&err));
    }
}
