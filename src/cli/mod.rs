//! The command line: validate scenario files, simulate AI-vs-AI games, run AI tournaments, and (with the `gui`
//! feature) start the game.

mod backtest;
mod class;
mod debrief;
mod negotiate;
#[cfg(feature = "gui")]
pub mod play;
mod replay;
mod simulate;
pub mod tournament;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::sim::Scenario;
use crate::sim::ai::Strategy;

pub use crate::sim::scenario::{DEFAULT_SCENARIO, DEFAULT_SCENARIO_LABEL};

/// TradeTable: negotiate the 2025 US–Japan trade deal.
#[derive(Debug, Parser)]
#[command(name = "tradetable", version, about)]
pub struct Cli {
    /// What to do; with none, the game opens at its title screen (without the `gui` feature: a game between two
    /// AIs is played on the default scenario and printed).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output formats of the simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable transcript.
    Text,
    /// One JSON document.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files; prints FILE:LINE:COL: message for every problem.
    Validate {
        /// Scenario files (RON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Play one game between two AI strategies and print what happened.
    Simulate(simulate::SimulateArgs),
    /// Run one negotiation on a plain multi-issue domain (the engine checked against NegMAS).
    Negotiate(negotiate::NegotiateArgs),
    /// Play the policy really in force through the model and compare it with what was observed.
    Backtest(backtest::BacktestArgs),
    /// Play every US strategy and personality against every Japanese one on N seeds and compare the outcomes.
    Tournament(tournament::TournamentArgs),
    /// Print a recorded game (a save, a class result, or `simulate --record`) as `simulate` prints a game.
    Replay(replay::ReplayArgs),
    /// Set up a class (table codes, a class sheet to print) and, for rehearsal, play its tables by the computer.
    #[command(subcommand)]
    Class(class::ClassCommand),
    /// Debrief a class: its game records side by side on one page to project or print, and a CSV for a gradebook.
    Debrief(debrief::DebriefArgs),
    /// Open the game straight at the table.
    #[cfg(feature = "gui")]
    Play(play::PlayArgs),
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Validate { files }) => validate::run(&files),
        Some(Command::Simulate(args)) => simulate::run(&args),
        Some(Command::Negotiate(args)) => negotiate::run(&args),
        Some(Command::Tournament(args)) => tournament::run(&args),
        Some(Command::Backtest(args)) => backtest::run(&args),
        Some(Command::Replay(args)) => replay::run(&args),
        Some(Command::Class(command)) => class::run(&command),
        Some(Command::Debrief(args)) => debrief::run(&args),
        #[cfg(feature = "gui")]
        Some(Command::Play(args)) => play::run(&args, true),
        #[cfg(feature = "gui")]
        None => play::run(&play::PlayArgs::default(), false),
        #[cfg(not(feature = "gui"))]
        None => simulate::run(&simulate::SimulateArgs {
            scenario: None,
            seed: 2025,
            us: Strategy::Boulware.as_str().to_string(),
            japan: Strategy::Linear.as_str().to_string(),
            format: Format::Text,
            record: None,
        }),
    }
}

/// Loads the scenario at `path`, or the built-in default when none is given.
pub fn load_scenario(path: Option<&PathBuf>) -> Result<Scenario, crate::sim::ScenarioError> {
    Scenario::load_or_builtin(path.map(PathBuf::as_path))
}

/// Parses a strategy name for clap.
pub fn parse_strategy(s: &str) -> Result<Strategy, String> {
    s.parse()
}
