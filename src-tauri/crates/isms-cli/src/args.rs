//! The command line, as clap parses it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "isms",
    version,
    about = "ISMS Desk from the command line: create, inspect, back up and move encrypted ISMS vaults."
)]
pub struct Cli {
    /// Folder for automatic backups (default: the desktop app's backup folder).
    #[arg(long, global = true, env = "ISMS_BACKUP_DIR", value_name = "DIR")]
    pub backup_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault holding a fictional demo company at a point of its journey.
    /// Every date is counted from --today, so the same command always makes the same vault.
    Demo {
        vault: PathBuf,
        /// empty, stage1-gaps, stage1-ready, operating or stage2-ready.
        #[arg(long = "at", value_name = "POINT", value_parser = parse_point)]
        at: isms_core::demo::DemoPoint,
        /// small (the company) or large (plus thousands of records, for benchmarks).
        #[arg(long, value_name = "SCALE", default_value = "small", value_parser = parse_scale)]
        scale: isms_core::demo::DemoScale,
        /// The story's today (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", default_value = "2026-06-15")]
        today: chrono::NaiveDate,
    },
    /// Create a new, empty vault for an organisation.
    New {
        vault: PathBuf,
        /// The organisation's name.
        #[arg(long)]
        org: String,
    },
    /// Show the organisation, schema version and record counts.
    Info {
        vault: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Change the vault's passphrase (a backup with the old one is written first).
    Passwd { vault: PathBuf },
    /// Check the vault's integrity (SQLite quick_check and SQLCipher's page HMACs).
    Check { vault: PathBuf },
    /// Write a verified, encrypted copy of the vault.
    Backup {
        vault: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Export or import the whole vault as one JSON document.
    #[command(subcommand)]
    Snapshot(SnapshotCommand),
    /// Import a register from a spreadsheet (XLSX or CSV), training completions or
    /// acknowledgements among them; all or nothing, every bad row listed.
    Import {
        vault: PathBuf,
        /// `risks`, `soa`, `people`, `assets`, `tracker`, `documents`, `audits`, `competence`,
        /// `measures`, `suppliers`, `incidents`, `requirements`, `training` (e-mail, course,
        /// date) or `acknowledgements` (e-mail, document, version, date, method); columns
        /// recognised by their headers. The sheets an export writes beside a register are
        /// read too (document Versions, measure Results, Supplier reviews and certificates,
        /// Role holders). `all` rebuilds a new vault from a workbook written by
        /// `export-sheet all` (a vault already holding exactly it is left unchanged).
        kind: String,
        file: PathBuf,
        /// The workbook's sheet to read (default: the mapping file's, else the first sheet
        /// whose headers serve the kind, else the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// A JSON mapping of headers to fields instead of the proposed one, like
        /// {"header_row": 3, "columns": {"Control": "control_id", "Notes": null}}.
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
        /// Show what would be created and updated; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// With `all`: the folder of evidence files the export wrote (each checked against
        /// its SHA-256).
        #[arg(long, value_name = "DIR")]
        evidence_dir: Option<PathBuf>,
        /// training: create the courses the rows name that the vault lacks (and every course a
        /// workbook's Courses sheet lists, as it defines them); acknowledgements:
        /// create the document versions they name (approved outside the app, on the earliest
        /// day acknowledged). Created in the same all-or-nothing write; listed by --dry-run.
        #[arg(long)]
        create_missing: bool,
    },
    /// The risk method (6.1.2): the matrix, its labels and thresholds. A risk import needs one.
    #[command(subcommand)]
    Method(MethodCommand),
    /// Store evidence files in the vault, or get them back.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// What still stands between the company and a Stage 1 or Stage 2 pass, rule by rule.
    /// Exits 0 whether ready or not.
    Readiness {
        vault: PathBuf,
        /// 1 (documentation) or 2 (implementation).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=2))]
        stage: u8,
        /// Evaluate as of this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<chrono::NaiveDate>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// What falls due in the next days (30 unless --days says) and what is overdue, as of a
    /// day: treatment actions, tracker items, document reviews, training renewals, audits, the
    /// management review, supplier reviews and certificates, competence evidence, measures'
    /// results and the Stage 1 and 2 audits, each with its owner and the readiness rule it
    /// breaks if missed.
    Agenda(crate::agenda::AgendaArgs),
    /// Render an evidence pack for the certification body as of a day: a PDF, or (for a .zip
    /// out) the PDF with its evidence files and a manifest. Never overwrites a file.
    Export {
        vault: PathBuf,
        /// stage1, stage2, soa, cap or gaps.
        #[arg(long, value_name = "PACK")]
        pack: isms_export::packs::PackKind,
        /// The file to write: .pdf, or .zip for the bundle.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The stage of the gap report: 1 (default) or 2. The stage packs are their own stage.
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=2))]
        stage: Option<u8>,
        /// Evaluate as of this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Write a register to an XLSX workbook as of a day (frozen headers, filters, real dates;
    /// text that could run as a formula stays text). Never overwrites a file.
    ExportSheet {
        vault: PathBuf,
        /// risks, soa, assets, people, tracker, documents, audits, training, acknowledgements,
        /// competence, measures, suppliers, incidents, requirements, or `all`: every register
        /// of the vault in one workbook, which `isms import <vault> all` reads back.
        #[arg(value_parser = sheet_kind)]
        kind: String,
        /// The workbook to write (.xlsx).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// With `all`: write each evidence file into this folder (made if missing), named by
        /// its SHA-256.
        #[arg(long, value_name = "DIR")]
        evidence_dir: Option<PathBuf>,
        /// Statuses as of this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Monitoring and measurement (9.1).
    #[command(subcommand)]
    Measure(MeasureCommand),
    /// Check an evidence bundle (.zip) against its manifest: every file's size and SHA-256,
    /// and nothing missing or added. Needs no vault and no passphrase. Exits 14 if anything
    /// differs.
    Verify { bundle: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum MethodCommand {
    /// Set the risk method: --common for the common 5×5 (Rare … Almost certain, Negligible …
    /// Severe; acceptable up to 6, red from 15), or --size, both label lists, --acceptance and
    /// --red. Flags given with --common change that part of it. Risks that no longer fit are
    /// flagged for review.
    Set {
        vault: PathBuf,
        /// The common 5×5 matrix.
        #[arg(long)]
        common: bool,
        /// Likelihood levels × impact levels, 3 to 5 each: 5x5, 4x4, 5x3 …
        #[arg(long, value_name = "LxI")]
        size: Option<String>,
        /// One label per likelihood level, lowest first, separated by commas.
        #[arg(long, value_name = "LABELS")]
        likelihood_labels: Option<String>,
        /// One label per impact level, lowest first, separated by commas.
        #[arg(long, value_name = "LABELS")]
        impact_labels: Option<String>,
        /// A score (likelihood × impact) at or below this is acceptable.
        #[arg(long, value_name = "N")]
        acceptance: Option<u32>,
        /// A score at or above this is a red risk.
        #[arg(long, value_name = "N")]
        red: Option<u32>,
        /// A sheet or CSV of the levels instead of --size and the labels: columns Scale
        /// (Likelihood or Impact), Level (1, 2 …), Label and Meaning.
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
    },
    /// Show the risk method, or say that none is set.
    Show {
        vault: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Add a file as evidence; prints its id and SHA-256.
    Add {
        vault: PathBuf,
        file: PathBuf,
        /// A record it supports: a risk or an Annex A control (5.1). Repeatable.
        #[arg(long = "link", value_name = "REF")]
        links: Vec<String>,
        /// The date the evidence is about (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        effective: Option<chrono::NaiveDate>,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Write an evidence file back out, byte for byte.
    Get {
        vault: PathBuf,
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Record a result of a measure: a computed measure's value as the vault gives it on the
    /// day, or a manual measure's --value. Every result needs its evaluation (--note); a missed
    /// target needs --raise (a tracker item) or --follow-up (why none is needed).
    Record {
        vault: PathBuf,
        /// The measure's reference (M-001).
        measure: String,
        /// The day measured (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<chrono::NaiveDate>,
        /// The value; required for a manual measure, overrides a computed one.
        #[arg(long, value_name = "N")]
        value: Option<f64>,
        /// The evaluation: what the result means.
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
        /// When the target is missed and no tracker item is raised: why none is needed.
        #[arg(long, value_name = "TEXT", default_value = "")]
        follow_up: String,
        /// When the target is missed: raise a tracker item of this kind (action or minor-nc).
        #[arg(long, value_name = "KIND", value_parser = parse_raise)]
        raise: Option<isms_core::tracker::ItemKind>,
    },
}

fn parse_raise(s: &str) -> Result<isms_core::tracker::ItemKind, String> {
    match s {
        "action" => Ok(isms_core::tracker::ItemKind::Action),
        "minor-nc" | "minor_nc" => Ok(isms_core::tracker::ItemKind::MinorNc),
        _ => Err("action or minor-nc".into()),
    }
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Write the vault as a snapshot (to stdout unless --out is given).
    Export {
        vault: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Import a snapshot into a vault fresh from `isms new` (refused if it holds records).
    Import { vault: PathBuf, file: PathBuf },
}

fn parse_point(s: &str) -> Result<isms_core::demo::DemoPoint, String> {
    isms_core::demo::DemoPoint::parse(s).map_err(|e| {
        e.fields
            .first()
            .map_or(e.message.clone(), |f| f.message.clone())
    })
}

fn parse_scale(s: &str) -> Result<isms_core::demo::DemoScale, String> {
    isms_core::demo::DemoScale::parse(s).map_err(|e| {
        e.fields
            .first()
            .map_or(e.message.clone(), |f| f.message.clone())
    })
}

/// A register `export-sheet` writes, or `all`; anything else is a usage error.
fn sheet_kind(word: &str) -> std::result::Result<String, String> {
    if word.trim().eq_ignore_ascii_case(isms_sheets::whole::KIND) {
        return Ok(isms_sheets::whole::KIND.to_owned());
    }
    word.parse::<isms_sheets::write::SheetKind>()
        .map(|k| k.as_str().to_owned())
        .map_err(|e| format!("{e} Or all, for every register in one workbook."))
}
