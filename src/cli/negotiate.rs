//! `tradetable negotiate`: one alternating-offers negotiation on a plain multi-issue domain, the engine NegMAS is
//! checked against (benches/negmas/).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Format;
use crate::storage::{BoundedReadError, read_bounded};
use tradetable_core::bargaining::{BargainingError, Domain, MAX_STEPS, Strategy, negotiate};
use tradetable_core::scenario::schema::MAX_FILE_BYTES;

/// Options of `negotiate`.
#[derive(Debug, Args)]
pub struct NegotiateArgs {
    /// The domain file (RON): issues and both parties' linear additive utilities.
    #[arg(long)]
    pub domain: PathBuf,
    /// Party a's strategy (a opens): boulware, linear, conceder or hardliner.
    #[arg(long)]
    pub a: Strategy,
    /// Party b's strategy.
    #[arg(long)]
    pub b: Strategy,
    /// The deadline, in rounds: 1 to 100000 (every offer is kept for the trace, two a round).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_STEPS)))]
    pub steps: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs the negotiation and prints its trace.
pub fn run(args: &NegotiateArgs) -> ExitCode {
    let path = args.domain.display();
    let text = match read_bounded(&args.domain) {
        Ok(text) => text,
        Err(BoundedReadError::Io(error)) => {
            eprintln!("error: cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
        Err(BoundedReadError::TooLarge(bytes)) => {
            eprintln!("error: {path}: file is {bytes} bytes; domain files are limited to {MAX_FILE_BYTES} bytes");
            return ExitCode::FAILURE;
        }
    };
    let domain = match Domain::from_ron_str(&text) {
        Ok(domain) => domain,
        Err(BargainingError::Parse { line, column, message }) => {
            eprintln!("{path}:{line}:{column}: {message}");
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Clap holds `--steps` within the bound; this guards callers that build the arguments in code.
    if !(1..=MAX_STEPS).contains(&args.steps) {
        eprintln!("error: --steps must be from 1 to {MAX_STEPS}, found {}", args.steps);
        return ExitCode::FAILURE;
    }
    let trace = negotiate(&domain, args.a, args.b, args.steps);
    match args.format {
        Format::Text => print!("{trace}"),
        Format::Json => match serde_json::to_string_pretty(&trace) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("error: cannot write JSON: {error}");
                return ExitCode::FAILURE;
            }
        },
    }
    ExitCode::SUCCESS
}
