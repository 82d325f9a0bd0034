//! `tradetable replay FILE`: a recorded game (a save, a class result, `simulate --record`) replayed by the core and
//! printed as `simulate` prints a game — the same transcript or JSON document.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Format, load_scenario};
use tradetable_core::analysis::report::GameReport;
use tradetable_core::classroom::record::Seat;

/// Options of `replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// The game record (JSON).
    pub file: PathBuf,
    /// The scenario file the game was played on (default: the built-in spring-2025 scenario); it must be the same
    /// version as the record's.
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

/// Replays the record and prints it.
pub fn run(args: &ReplayArgs) -> ExitCode {
    let result = crate::storage::read_record(&args.file)
        .map_err(|e| e.to_string())
        .and_then(|record| {
            let scenario = load_scenario(args.scenario.as_ref()).map_err(|e| e.to_string())?;
            let state = record.replay(&scenario).map_err(|e| e.to_string())?;
            let report = GameReport::new(
                &scenario,
                &state,
                &player_name(&record.seats.us),
                &player_name(&record.seats.partner),
            );
            Ok(match args.format {
                Format::Text => report.transcript(&scenario),
                Format::Json => format!(
                    "{}\n",
                    serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write the report: {e}"))?
                ),
            })
        });
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
