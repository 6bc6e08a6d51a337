//! What each subcommand does: open the vault, call the core, print the result.

use std::path::{Path, PathBuf};

use isms_core::clock::{Clock, SystemClock};
use isms_core::db::Action;
use isms_core::organisation::{self, Organisation};
use isms_core::{CoreError, ErrorCode, Passphrase, Result, Stamp, Vault, snapshot};

use crate::args::{Cli, Command, EvidenceCommand, MeasureCommand, MethodCommand, SnapshotCommand};
use crate::exit;
use crate::show::{self, sayln, warnln};

const ACTOR: &str = "cli";

fn stamp() -> Stamp {
    Stamp::new(SystemClock.now(), ACTOR)
}

/// The desktop app's (release) backup folder, so both surfaces keep backups in one place.
fn default_backup_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("app.ismsdesk.desktop")
        .join("backups")
}

fn passphrase(var: &str, prompt: &str, confirm: bool) -> Result<Passphrase> {
    if let Ok(value) = std::env::var(var) {
        return Ok(Passphrase::new(value));
    }
    let read = |p: &str| {
        rpassword::prompt_password(p).map_err(|e| {
            CoreError::new(
                ErrorCode::Io,
                format!("Cannot read the passphrase ({e}); set {var} instead."),
            )
        })
    };
    let first = Passphrase::new(read(prompt)?);
    if confirm && !first.matches(&Passphrase::new(read("Repeat it: ")?)) {
        return Err(CoreError::new(
            ErrorCode::Validation,
            "The two passphrases differ.",
        ));
    }
    Ok(first)
}

fn open(vault: &Path, backups: &Path) -> Result<Vault> {
    let pass = passphrase(
        "ISMS_PASSPHRASE",
        &format!(
            "Passphrase for {}: ",
            show::value(&vault.display().to_string())
        ),
        false,
    )?;
    Vault::open(vault, pass, backups, &stamp()).map(say_if_read_only)
}

/// Opens `vault` for a command that writes: `ReadOnly` before any work when it cannot be written.
fn open_for_writing(vault: &Path, backups: &Path) -> Result<Vault> {
    let open = open(vault, backups)?;
    open.refuse_read_only()?;
    Ok(open)
}

/// A vault that cannot be written opens read-only; commands that only read still work, so say
/// it once on stderr (stdout stays the command's output). Writes then fail with `ReadOnly`.
fn say_if_read_only(vault: Vault) -> Vault {
    if vault.read_only() {
        show::warn(&format!(
            "isms: {} cannot be written here (read-only file, folder or disk); opened read-only.\n",
            vault.path().display()
        ));
    }
    vault
}

pub fn run(cli: Cli) -> Result<()> {
    let backups = cli.backup_dir.unwrap_or_else(default_backup_dir);
    match cli.command {
        Command::New { vault, org } => {
            let org = Organisation::named(&org).validated()?;
            let pass = passphrase(
                "ISMS_PASSPHRASE",
                "New passphrase (12 characters or more): ",
                true,
            )?;
            let created = Vault::create(&vault, pass, stamp(), |tx| {
                organisation::create(tx, org, Action::Create).map(|_| ())
            })?;
            created.close()?;
            sayln!("Created {}", vault.display())?;
        }
        Command::Demo {
            vault,
            at,
            scale,
            today,
        } => {
            let pass = passphrase(
                "ISMS_PASSPHRASE",
                "New passphrase (12 characters or more): ",
                true,
            )?;
            let created = isms_core::demo::create(&vault, pass, at, scale, today)?;
            created.close()?;
            sayln!(
                "Created {} ({} at {}, {} scale, today {today})",
                vault.display(),
                isms_core::demo::COMPANY,
                at.as_str(),
                scale.as_str()
            )?;
        }
        Command::Info { vault, json } => {
            let info = open(&vault, &backups)?.info()?;
            if json {
                let text = serde_json::to_string_pretty(&info)?;
                show::write_raw(&format!("{}\n", show::json(&text)))?;
            } else {
                sayln!("Vault          {}", info.path)?;
                sayln!("Organisation   {}", info.organisation_name)?;
                sayln!("Schema         {}", info.schema_version)?;
                if info.read_only {
                    sayln!("Access         read-only")?;
                }
                let counts: Vec<String> = info
                    .counts
                    .iter()
                    .map(|(t, n)| format!("{t} {n}"))
                    .collect();
                sayln!("Records        {}", counts.join(", "))?;
            }
        }
        Command::Passwd { vault } => {
            let prompt = format!(
                "Current passphrase for {}: ",
                show::value(&vault.display().to_string())
            );
            let current = passphrase("ISMS_PASSPHRASE", &prompt, false)?;
            let mut open =
                say_if_read_only(Vault::open(&vault, current.clone(), &backups, &stamp())?);
            open.refuse_read_only()?;
            let new = passphrase(
                "ISMS_NEW_PASSPHRASE",
                "New passphrase (12 characters or more): ",
                true,
            )?;
            open.change_passphrase(&current, new, &backups, &stamp())?;
            open.close()?;
            sayln!(
                "Passphrase changed. Backups written before today still open with the old one."
            )?;
        }
        Command::Check { vault } => {
            let report = open(&vault, &backups)?.check()?;
            if report.ok {
                sayln!("ok")?;
            } else {
                for message in &report.messages {
                    sayln!("{message}")?;
                }
                warnln!("isms: the vault is damaged; restore the newest backup that checks ok.");
                std::process::exit(exit::CHECK_FAILED);
            }
        }
        Command::Backup { vault, out } => {
            let info = open(&vault, &backups)?.backup_to(&out)?;
            sayln!(
                "Backup written and verified: {} ({} bytes)",
                info.path,
                info.bytes
            )?;
        }
        Command::Snapshot(SnapshotCommand::Export { vault, out }) => {
            let text = snapshot::to_json(&snapshot::export(&open(&vault, &backups)?)?)?;
            match out {
                Some(path) => crate::snapshot::write_new_file(&path, &text)?,
                None => show::write_raw(&show::json(&text))?,
            }
        }
        Command::Snapshot(SnapshotCommand::Import { vault, file }) => {
            let snap = snapshot::read_file(&file, snapshot::MAX_SNAPSHOT_BYTES)?;
            let mut open = open_for_writing(&vault, &backups)?;
            snapshot::import(&mut open, stamp(), snap)?;
            open.close()?;
            sayln!("Imported {} into {}", file.display(), vault.display())?;
        }
        Command::Import {
            vault,
            kind,
            file,
            sheet,
            mapping,
            dry_run,
            evidence_dir,
            create_missing,
        } => {
            if kind.trim().eq_ignore_ascii_case(isms_sheets::whole::KIND) {
                crate::sheets::import_all(
                    &file,
                    evidence_dir.as_deref(),
                    dry_run,
                    &backups,
                    || open_for_writing(&vault, &backups),
                    stamp(),
                )?;
                return Ok(());
            }
            let job = crate::sheets::Job {
                kind: &kind,
                file: &file,
                sheet,
                mapping,
                dry_run,
                create_missing,
                backups: &backups,
            };
            crate::sheets::import(job, || open(&vault, &backups), stamp())?;
        }
        Command::Method(MethodCommand::Set {
            vault,
            common,
            size,
            likelihood_labels,
            impact_labels,
            acceptance,
            red,
            from,
        }) => {
            let given = crate::method::Given {
                common,
                size,
                likelihood_labels,
                impact_labels,
                acceptance,
                red,
                from,
            };
            // A bad flag is said before the passphrase is asked for.
            let method = crate::method::method(&given)?;
            let mut open = open_for_writing(&vault, &backups)?;
            let flagged = crate::method::set(&mut open, stamp(), method.clone())?;
            open.close()?;
            sayln!(
                "Risk method set: {}×{}, acceptable up to {}, red from {}; {flagged} risk{} flagged for review.",
                method.likelihood_levels,
                method.impact_levels,
                method.acceptance_threshold,
                method.red_threshold,
                if flagged == 1 { "" } else { "s" }
            )?;
        }
        Command::Method(MethodCommand::Show { vault, json }) => {
            let open = open(&vault, &backups)?;
            let method = isms_core::risks::get_method(open.reader())?;
            open.close()?;
            if json {
                let text = serde_json::to_string_pretty(&method)?;
                show::write_raw(&format!("{}\n", show::json(&text)))?;
            } else {
                show::say(&crate::method::describe(method.as_ref()))?;
            }
        }
        Command::Evidence(EvidenceCommand::Add {
            vault,
            file,
            links,
            effective,
            description,
        }) => {
            let mut open = open_for_writing(&vault, &backups)?;
            let new = isms_core::evidence::NewEvidence {
                file_name: None,
                effective_date: effective,
                description,
                links,
            };
            let added = isms_core::evidence::add_file(&mut open, stamp(), &file, new)?;
            open.close()?;
            sayln!("{}\t{}", added.id, added.sha256)?;
        }
        Command::Readiness {
            vault,
            stage,
            as_of,
            json,
        } => {
            let open = open(&vault, &backups)?;
            let stage = isms_core::readiness::Stage::from_number(stage)
                .ok_or_else(|| CoreError::new(ErrorCode::Validation, "The stage is 1 or 2."))?;
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            let report = isms_core::readiness::evaluate_vault(open.reader(), stage, as_of)?;
            let name = organisation::get(open.reader())?.name;
            open.close()?;
            if json {
                let text = serde_json::to_string_pretty(&report)
                    .map_err(|e| CoreError::new(ErrorCode::Internal, e.to_string()))?;
                show::write_raw(&format!("{}\n", show::json(&text)))?;
            } else {
                show::say(&crate::readiness::describe(&name, &report))?;
            }
        }
        Command::Agenda(args) => crate::agenda::run(&args, open(&args.vault, &backups)?)?,
        Command::Export {
            vault,
            pack,
            out,
            stage,
            as_of,
        } => {
            crate::export::target(&out)?;
            let open = open(&vault, &backups)?;
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            let stage = crate::export::stage(pack, stage);
            let done = crate::export::export(&open, pack, stage, as_of, &out)?;
            open.close()?;
            sayln!("{done}")?;
        }
        Command::ExportSheet {
            vault,
            kind,
            out,
            as_of,
            evidence_dir,
        } => {
            let all = kind.trim().eq_ignore_ascii_case(isms_sheets::whole::KIND);
            let kind = if all {
                None
            } else {
                Some(isms_sheets::write::SheetKind::parse(&kind)?)
            };
            isms_sheets::write::check_target(&out)?;
            let open = open(&vault, &backups)?;
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            let Some(kind) = kind else {
                let done = isms_sheets::whole::export(&open, as_of, &out, evidence_dir.as_deref())?;
                open.close()?;
                crate::sheets::say_exported(&out, &done, evidence_dir.as_deref())?;
                return Ok(());
            };
            isms_sheets::write::export(&open, kind, as_of, &out)?;
            open.close()?;
            let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or_default();
            sayln!(
                "Wrote {} ({bytes} bytes): {kind}, as of {as_of}",
                out.display()
            )?;
        }
        Command::Verify { bundle } => {
            if !crate::verify::verify(&bundle)? {
                std::process::exit(exit::BUNDLE_MISMATCH);
            }
        }
        Command::Measure(MeasureCommand::Record {
            vault,
            measure,
            as_of,
            value,
            note,
            follow_up,
            raise,
        }) => {
            let mut open = open_for_writing(&vault, &backups)?;
            let on = as_of
                .unwrap_or_else(|| SystemClock.now().with_timezone(&chrono::Local).date_naive());
            let entry = crate::measures::Entry {
                on,
                value,
                note,
                follow_up,
                raise,
            };
            let line = crate::measures::record(&mut open, stamp(), &measure, entry)?;
            open.close()?;
            sayln!("{line}")?;
        }
        Command::Evidence(EvidenceCommand::Get { vault, id, out }) => {
            let open = open(&vault, &backups)?;
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&out)
                .map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        CoreError::new(
                            ErrorCode::AlreadyExists,
                            format!("{} already exists.", out.display()),
                        )
                    } else {
                        CoreError::io(&format!("Cannot write {}", out.display()), &e)
                    }
                })?;
            let written = isms_core::evidence::write_content(open.reader(), id, &mut file);
            let synced = file.sync_all();
            match (written, synced) {
                (Ok(bytes), Ok(())) => warnln!("Wrote {bytes} bytes to {}", out.display()),
                (Err(err), _) => {
                    let _ = std::fs::remove_file(&out);
                    return Err(err);
                }
                (_, Err(e)) => {
                    return Err(CoreError::io(
                        &format!("Cannot write {}", out.display()),
                        &e,
                    ));
                }
            }
        }
    }
    Ok(())
}
