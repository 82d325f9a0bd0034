//! `tradetable debrief RESULTS... --out debrief.html [--csv scores.csv]`: a class's game records (files, or folders
//! of them) replayed and set side by side on one self-contained page to project or print, with a CSV for a gradebook.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::load_scenario;
use crate::sim::debrief::{Debrief, gather_records};
use crate::sim::record;

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

/// Writes the debrief.
pub fn run(args: &DebriefArgs) -> ExitCode {
    match debrief(args) {
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

fn debrief(args: &DebriefArgs) -> Result<String, String> {
    let scenario = load_scenario(args.scenario.as_ref()).map_err(|e| e.to_string())?;
    let gathered = gather_records(&args.results)?;
    for note in &gathered.skipped {
        eprintln!("{note}");
    }
    let records = gathered.records;
    let debrief = Debrief::from_records(&scenario, &records)?;
    let page = debrief.html();
    record::write_atomically(&args.out, |file| file.write_all(page.as_bytes())).map_err(|e| e.to_string())?;
    let mut written = vec![args.out.display().to_string()];
    if let Some(path) = &args.csv {
        let csv = debrief.csv();
        record::write_atomically(path, |file| file.write_all(csv.as_bytes())).map_err(|e| e.to_string())?;
        written.push(path.display().to_string());
    }
    Ok(format!(
        "debrief of {} tables ({} signed a deal): {}",
        debrief.tables.len(),
        debrief.deals(),
        written.join(", ")
    ))
}
