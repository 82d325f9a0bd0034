//! `tradetable backtest`: the scenario's history played through the model, beside what was observed.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::load_scenario;
use tradetable_core::model::backtest;

/// Output formats of the backtest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BacktestFormat {
    /// Readable tables.
    Text,
    /// One JSON document.
    Json,
    /// One CSV table (a row per month and per observation).
    Csv,
}

/// Options of `backtest`.
#[derive(Debug, Args)]
pub struct BacktestArgs {
    /// Scenario file with a `history` (default: the built-in spring-2025 scenario).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BacktestFormat::Text)]
    pub format: BacktestFormat,
}

/// Runs the backtest and prints it.
pub fn run(args: &BacktestArgs) -> ExitCode {
    let scenario = match load_scenario(args.scenario.as_ref()) {
        Ok(s) => s,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let result = backtest::run(&scenario)
        .map_err(|e| e.to_string())
        .and_then(|report| match args.format {
            BacktestFormat::Text => Ok(report.text()),
            BacktestFormat::Json => serde_json::to_string_pretty(&report)
                .map(|json| json + "\n")
                .map_err(|e| e.to_string()),
            BacktestFormat::Csv => report.csv().map_err(|e| e.to_string()),
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
