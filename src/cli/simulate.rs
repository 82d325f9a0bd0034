//! `tradetable simulate`: one AI-vs-AI game, as a transcript or a JSON document; the same seed gives the same bytes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Format, load_scenario};
use tradetable_core::ai::Opponent;
use tradetable_core::ai::play::play;
use tradetable_core::analysis::report::GameReport;
use tradetable_core::classroom::record::{GameRecord, Seat};
use tradetable_core::{PerSide, Side};

/// Options of `simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Scenario file (default: the built-in spring-2025 scenario).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Seed of the random events.
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
    /// Who plays the US: a strategy (hardliner, boulware, linear, conceder, tit_for_tat, modelling), a difficulty
    /// (easy, normal, hard) or a personality of the scenario.
    #[arg(long, default_value = "boulware")]
    pub us: String,
    /// Who plays the partner (Japan, in the default scenario), as for `--us`. `--japan` is accepted too.
    #[arg(long, alias = "japan", default_value = "linear")]
    pub partner: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also write the game's record to this file (`tradetable replay FILE` prints the same transcript).
    #[arg(long)]
    pub record: Option<PathBuf>,
}

/// Plays the game and prints it.
pub fn run(args: &SimulateArgs) -> ExitCode {
    let scenario = match load_scenario(args.scenario.as_ref()) {
        Ok(s) => s,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let players = Opponent::parse(&args.us, &scenario).and_then(|us| {
        let partner = Opponent::parse(&args.partner, &scenario)?;
        let agent = |entrant: &Opponent, side| entrant.agent(&scenario, side);
        let seats = PerSide::new(Seat::Computer(us.clone()), Seat::Computer(partner.clone()));
        Ok((agent(&us, Side::Us)?, agent(&partner, Side::Partner)?, seats))
    });
    let (mut us, mut partner, seats) = match players {
        Ok(agents) => agents,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let state = play(&scenario, args.seed, us.as_mut(), partner.as_mut());
    if let Some(path) = &args.record {
        let record = GameRecord::of(&scenario, &state, seats, None, "simulate", crate::clock::now());
        if let Err(error) = crate::storage::Storage::real().write(path, record.to_json().as_bytes()) {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    }
    let report = GameReport::new(&scenario, &state, &args.us, &args.partner);
    match args.format {
        Format::Text => print!("{}", report.transcript(&scenario)),
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("cannot write the report: {error}");
                return ExitCode::FAILURE;
            }
        },
    }
    ExitCode::SUCCESS
}
