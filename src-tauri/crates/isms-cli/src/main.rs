//! `isms`: headless jobs over the ISMS Desk core, for scripts, CI and recovery. It opens the same
//! vault files as the desktop app and shares its backup folder. The passphrase comes from
//! `ISMS_PASSPHRASE` (a new one from `ISMS_NEW_PASSPHRASE`), else from a prompt without echo;
//! it is never printed or logged. Errors: one line on stderr, exit status by error code.
//! Everything printed passes through [`show`], which escapes control characters from user
//! data; a reader closing the pipe ends the command quietly.

mod agenda;
mod args;
mod exit;
mod export;
mod measures;
mod method;
mod readiness;
mod run;
mod sheets;
mod show;
mod snapshot;
mod verify;

use clap::Parser;

fn main() {
    let cli = args::Cli::parse();
    if let Err(err) = run::run(cli) {
        if show::closed() {
            // The reader stopped reading (`isms info | head -1`): nothing to say.
            std::process::exit(exit::BROKEN_PIPE);
        }
        report(&err);
        std::process::exit(exit::code_for(&err));
    }
}

/// The error on stderr, each thing said once: a validation error's message is its single
/// field's own, so that field is named on the first line rather than repeated below it.
fn report(err: &isms_core::CoreError) {
    let line = |field: &isms_core::FieldError| {
        // A spreadsheet import's message already begins with the cell's address.
        if field.message.starts_with(&field.field) {
            field.message.clone()
        } else {
            format!("{}: {}", field.field, field.message)
        }
    };
    match err.fields.as_slice() {
        [one] if one.message == err.message => show::warnln!("isms: {}", line(one)),
        fields => {
            show::warnln!("isms: {}", err.message);
            for field in fields {
                show::warnln!("isms:   {}", line(field));
            }
        }
    }
}
