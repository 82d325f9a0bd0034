//! `tradetable simulate`: one AI-vs-AI game, as a transcript or a JSON document; the same seed gives the same bytes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Format, load_scenario, parse_strategy};
use crate::sim::Side;
use crate::sim::ai::Strategy;
use crate::sim::play::play;
use crate::sim::report::GameReport;

/// Options of `simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Scenario file (default: the built-in spring-2025 scenario).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Seed of the random events.
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
    /// Strategy of the US side: hardliner, boulware, linear or conceder.
    #[arg(long, value_parser = parse_strategy, default_value = "boulware")]
    pub us: Strategy,
    /// Strategy of Japan's side.
    #[arg(long, value_parser = parse_strategy, default_value = "linear")]
    pub japan: Strategy,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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
    let mut us = args.us.agent(Side::Us);
    let mut japan = args.japan.agent(Side::Japan);
    let state = play(&scenario, args.seed, us.as_mut(), japan.as_mut());
    let report = GameReport::new(&scenario, &state, args.us.as_str(), args.japan.as_str());
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
