//! `tradetable debrief RESULTS... --out debrief.html [--csv scores.csv]`: a class's game records (files, or folders
//! of them) replayed and set side by side on one self-contained page to project or print, with a CSV for a gradebook.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::error::CliError;
use super::{load_scenario, scenario_not_found};
use crate::results::gather_records;
use crate::storage::Storage;
use tradetable_core::Scenario;
use tradetable_core::classroom::debrief::{Debrief, NothingToDebrief, Skipped};
use tradetable_core::classroom::record::{GameRecord, ScenarioRef};

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
    /// The scenario file the games were played on; records of another scenario or version are left out (default:
    /// the version most records name, found among the shipped scenarios and the scenario folders, `scenarios/` and
    /// your own).
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
    let gathered = gather_records(storage, &args.results)?;
    let nothing = |reason| {
        let named: Vec<String> = args.results.iter().map(|p| p.display().to_string()).collect();
        CliError::NothingToDebrief {
            named: named.join(", "),
            reason,
        }
    };
    // A scenario given is taken as it is: records of other scenarios are left out, each named.
    let scenario = match &args.scenario {
        Some(given) => load_scenario(Some(given))?,
        None if gathered.records.is_empty() => load_scenario(None)?,
        None => match records_scenario(&gathered.records) {
            Ok(scenario) => scenario,
            Err(missing) => {
                let mut skipped = gathered.skipped;
                skipped.extend(missing);
                return Err(nothing(NothingToDebrief { skipped }));
            }
        },
    };
    let debrief = Debrief::from_records(&scenario, &gathered.records, gathered.skipped).map_err(nothing)?;
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

/// The scenario (and version) most records name, the first met first among equals, found among the shipped scenarios
/// and the scenario folders — or the next most named if that one is not on this computer. When none is, every record
/// is left out, saying which scenario it needs.
fn records_scenario(records: &[(PathBuf, GameRecord)]) -> Result<Scenario, Vec<Skipped>> {
    let mut counts: Vec<(&ScenarioRef, usize)> = Vec::new();
    for (_, record) in records {
        match counts
            .iter_mut()
            .find(|(reference, _)| reference.id == record.scenario.id && reference.hash == record.scenario.hash)
        {
            Some((_, n)) => *n += 1,
            None => counts.push((&record.scenario, 1)),
        }
    }
    // A stable sort keeps the first met first among equals.
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let folders = crate::places::scenario_folders();
    if let Some(scenario) = counts
        .iter()
        .find_map(|(reference, _)| crate::storage::find_scenario(&folders, reference))
    {
        return Ok(scenario);
    }
    Err(records
        .iter()
        .map(|(path, record)| Skipped {
            file: path.display().to_string(),
            reason: scenario_not_found(&record.scenario, &folders),
        })
        .collect())
}
