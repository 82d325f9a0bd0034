//! `tradetable replay FILE`: a recorded game (a save, a class result, `simulate --record`) replayed by the core and
//! printed as `simulate` prints a game — the same transcript or JSON document.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::error::CliError;
use super::{Format, scenario_of};
use tradetable_core::analysis::report::GameReport;
use tradetable_core::classroom::record::Seat;

/// Options of `replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// The game record (JSON).
    pub file: PathBuf,
    /// The scenario file the game was played on, which must be the record's version (default: found by that version
    /// among the shipped scenarios and the scenario folders, `scenarios/` and your own).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The name of a seat in a transcript: a computer player by its catalogue name, as `simulate` prints it.
pub fn player_name(seat: &Seat) -> String {
    match seat {
        Seat::People(name) => name.clone(),
        Seat::Computer(opponent) => opponent.name(),
    }
}

/// The record replayed, as the transcript or the JSON report asked for.
fn replay(args: &ReplayArgs) -> Result<String, CliError> {
    let record = crate::storage::read_record(&args.file)?;
    let scenario = scenario_of(args.scenario.as_ref(), &record.scenario, &args.file)?;
    let state = record.replay(&scenario)?;
    let report = GameReport::new(
        &scenario,
        &state,
        &player_name(&record.seats.us),
        &player_name(&record.seats.partner),
    );
    Ok(match args.format {
        Format::Text => report.transcript(&scenario),
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&report).map_err(CliError::Report)?),
    })
}

/// Replays the record and prints it.
pub fn run(args: &ReplayArgs) -> ExitCode {
    let result = replay(args);
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
