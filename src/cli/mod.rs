//! The command line: validate scenario files, simulate AI-vs-AI games, run AI tournaments, and (with the `gui`
//! feature) start the game.

mod backtest;
#[cfg(feature = "gui")]
pub mod bots;
pub mod check;
mod class;
mod debrief;
pub mod error;
#[cfg(feature = "gui")]
pub mod host;
mod negotiate;
mod new_scenario;
#[cfg(feature = "gui")]
pub mod play;
mod replay;
mod schema;
mod simulate;
pub mod tournament;
mod validate;
pub mod version;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use error::CliError;
use tradetable_core::Scenario;
use tradetable_core::ai::Strategy;
use tradetable_core::classroom::record::ScenarioRef;

pub use tradetable_core::scenario::parse::{DEFAULT_SCENARIO, DEFAULT_SCENARIO_LABEL};

/// TradeTable: negotiate a trade deal between the United States and a partner (Japan in 2025 by default, or any
/// scenario's), with an economic model that scores every outcome.
#[derive(Debug, Parser)]
#[command(name = "tradetable", version)]
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
    /// Check scenario files; prints every problem with its file, line, column and source line, or JSON.
    Validate {
        /// Scenario files (RON), or the names of built-in scenarios (`tutorial`).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `text`: each problem with its source line underlined; `json`: one document with every file's problems.
        #[arg(long, value_enum, default_value_t = validate::ValidateFormat::Text)]
        format: validate::ValidateFormat,
        /// Also lint valid files: warnings about what makes a poor game (no zone of agreement, idle issues, events
        /// that never fire, saturated objectives, red lines that rule out every deal, vague sources).
        #[arg(long)]
        lint: bool,
        /// With --lint: treat warnings as errors (exit non-zero).
        #[arg(long, requires = "lint")]
        deny_warnings: bool,
        /// Also print each valid file's summary: the totals before any move, and every objective's value and score
        /// under no deal, the real deal and each side's ideal package, with saturated objectives flagged.
        #[arg(long)]
        summary: bool,
    },
    /// Play one game between two AI strategies and print what happened.
    Simulate(simulate::SimulateArgs),
    /// Run one negotiation on a plain multi-issue domain (the engine checked against NegMAS).
    Negotiate(negotiate::NegotiateArgs),
    /// Play the policy really in force through the model and compare it with what was observed.
    Backtest(backtest::BacktestArgs),
    /// Play every US strategy and personality against every one of the partner's on N seeds and compare the outcomes.
    Tournament(tournament::TournamentArgs),
    /// The scenario reference generated from the code: every field, its type, meaning and the validator's rules.
    Schema(schema::SchemaArgs),
    /// Write a copy of a shipped scenario to start a new one from, into your own scenario folder.
    NewScenario(new_scenario::NewScenarioArgs),
    /// Print a recorded game (a save, a class result, or `simulate --record`) as `simulate` prints a game.
    Replay(replay::ReplayArgs),
    /// Set up a class (table codes, a class sheet to print) and, for rehearsal, play its tables by the computer.
    #[command(subcommand)]
    Class(class::ClassCommand),
    /// Debrief a class: its game records side by side on one page to project or print, and a CSV for a gradebook.
    Debrief(debrief::DebriefArgs),
    /// Check that this computer can run TradeTable: the version, the data folder (can files be saved there?), the
    /// built-in scenarios and the graphics adapters; exits non-zero with advice when something would stop a class.
    Check(check::CheckArgs),
    /// Open the game straight at the table.
    #[cfg(feature = "gui")]
    Play(play::PlayArgs),
    /// Host a class over the network: teams join its tables from their own laptops; the teacher's console shows
    /// every table (`--headless`: no window, a log on the terminal).
    #[cfg(feature = "gui")]
    Host(host::HostArgs),
    /// Computer laptops over the network: two bots at each table whose join code is given play it to its end, to
    /// rehearse a hosted class on the school network; prints each move's time back from the host.
    #[cfg(feature = "gui")]
    Bots(bots::BotsArgs),
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    // `--version` also names the file formats and the network protocol, which clap's derived version cannot.
    let matches = Cli::command().long_version(version::long_version()).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match cli.command {
        Some(Command::Validate {
            files,
            format,
            lint,
            deny_warnings,
            summary,
        }) => validate::run(
            &files,
            format,
            validate::Lints {
                lint,
                deny_warnings,
                summary,
            },
        ),
        Some(Command::Simulate(args)) => simulate::run(&args),
        Some(Command::Negotiate(args)) => negotiate::run(&args),
        Some(Command::Tournament(args)) => tournament::run(&args),
        Some(Command::Backtest(args)) => backtest::run(&args),
        Some(Command::Replay(args)) => replay::run(&args),
        Some(Command::NewScenario(args)) => new_scenario::run(&args),
        Some(Command::Schema(args)) => schema::run(&args),
        Some(Command::Class(command)) => class::run(&command),
        Some(Command::Debrief(args)) => debrief::run(&args),
        Some(Command::Check(args)) => check::run(&args),
        #[cfg(feature = "gui")]
        Some(Command::Play(args)) => play::run(&args, true),
        #[cfg(feature = "gui")]
        Some(Command::Host(args)) => host::run(&args),
        #[cfg(feature = "gui")]
        Some(Command::Bots(args)) => bots::run(&args),
        #[cfg(feature = "gui")]
        None => play::run(&play::PlayArgs::default(), false),
        #[cfg(not(feature = "gui"))]
        None => simulate::run(&simulate::SimulateArgs {
            scenario: None,
            seed: 2025,
            us: Strategy::Boulware.as_str().to_string(),
            partner: Strategy::Linear.as_str().to_string(),
            format: Format::Text,
            record: None,
        }),
    }
}

/// Loads the scenario at `path` (a file, or the name of a shipped scenario), or the built-in default when none is
/// given.
pub fn load_scenario(path: Option<&PathBuf>) -> Result<Scenario, tradetable_core::ScenarioError> {
    match path {
        Some(path) => crate::storage::load_scenario_or_shipped(path),
        None => Scenario::builtin(),
    }
}

/// The scenario a record or class file (`named_in`) was made with: the one `--scenario` gives, which must be that
/// version, else the shipped scenario or the file of the scenario folders (the working folder's `scenarios/` and the
/// user's own) with its id and hash.
pub fn scenario_of(given: Option<&PathBuf>, reference: &ScenarioRef, named_in: &Path) -> Result<Scenario, CliError> {
    let Some(path) = given else {
        let folders = crate::places::scenario_folders();
        return crate::storage::find_scenario(&folders, reference).ok_or_else(|| CliError::ScenarioNotFound {
            path: named_in.to_path_buf(),
            reason: scenario_not_found(reference, &folders),
        });
    };
    let scenario = crate::storage::load_scenario_or_shipped(path)?;
    if reference.matches(&scenario) {
        return Ok(scenario);
    }
    Err(CliError::OtherScenario {
        path: named_in.to_path_buf(),
        wanted_id: reference.id.clone(),
        wanted_hash: reference.short_hash().to_string(),
        id: scenario.id.clone(),
        hash: ScenarioRef::of(&scenario).short_hash().to_string(),
    })
}

/// Why a record's or class's scenario was not found: which one, in which version, where it was looked for, and that
/// `--scenario` gives it.
pub fn scenario_not_found(reference: &ScenarioRef, folders: &[PathBuf]) -> String {
    let folders: Vec<String> = folders.iter().map(|folder| format!("{}/", folder.display())).collect();
    format!(
        "its scenario, \"{}\" ({}, version {}), is neither a shipped scenario nor a file in {}; give its file with \
         --scenario FILE",
        reference.title,
        reference.id,
        reference.short_hash(),
        folders.join(" or ")
    )
}

/// Parses a strategy name for clap.
pub fn parse_strategy(s: &str) -> Result<Strategy, tradetable_core::ai::OpponentError> {
    s.parse()
}
