//! `tradetable debrief RESULTS... --out debrief.html [--csv scores.csv]`: a class's game records (files, or folders
//! of them) replayed and set side by side on one self-contained page to project or print, with a CSV for a gradebook.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::error::CliError;
use super::load_scenario;
use crate::results::gather_records;
use crate::storage::Storage;
use tradetable_core::classroom::debrief::Debrief;

/// Options of `debrief`.
#[derive(Debug, Args)]
pub struct DebriefArgs {
    /// Game records (JSON), or folders of them: every `*.json` in a folder that is a game record is read (the
    /// class file `class.json` and other JSON files are skipped).
    #[arg(required = true, value_name = "RESULTS")]
    pub results: Vec<PathBuf>,
    /// The page to write (HTML).
    #[arg(long)]
    pub out: PathBuf,
    /// Also write one row per table for a gradebook (CSV).
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// The scenario file the games were played on (default: the built-in spring-2025 scenario); it must be the
    /// same version as the records'.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
}

/// Writes the debrief. The exit code is 0 when at least one table was debriefed — the page and CSV are written, and
/// every file left out and every clash of tables is named on the terminal and in a box on the page — and 1 when no
/// table could be (nothing is written then) or the page could not be written.
pub fn run(args: &DebriefArgs) -> ExitCode {
    match debrief(args, &Storage::real()) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn debrief(args: &DebriefArgs, storage: &Storage) -> Result<String, CliError> {
    let scenario = load_scenario(args.scenario.as_ref())?;
    let gathered = gather_records(storage, &args.results)?;
    let debrief = Debrief::from_records(&scenario, &gathered.records, gathered.skipped).map_err(|reason| {
        let named: Vec<String> = args.results.iter().map(|p| p.display().to_string()).collect();
        CliError::NothingToDebrief {
            named: named.join(", "),
            reason,
        }
    })?;
    for skipped in &debrief.skipped {
        eprintln!("{skipped}");
    }
    for clash in &debrief.clashes {
        eprintln!("{clash}");
    }
    storage.write(&args.out, debrief.html().as_bytes())?;
    let mut written = vec![args.out.display().to_string()];
    if let Some(path) = &args.csv {
        storage.write(path, debrief.csv().as_bytes())?;
        written.push(path.display().to_string());
    }
    let mut message = format!(
        "debrief of {} tables ({} signed a deal): {}",
        debrief.tables.len(),
        debrief.deals(),
        written.join(", ")
    );
    if !debrief.skipped.is_empty() || !debrief.clashes.is_empty() {
        message.push_str(&format!(
            "\n{} file(s) left out and {} warning(s) about tables: listed above and at the top of the page",
            debrief.skipped.len(),
            debrief.clashes.len()
        ));
    }
    Ok(message)
}
