//! `tradetable negotiate`: one alternating-offers negotiation on a plain multi-issue domain, the engine NegMAS is
//! checked against (benches/negmas/).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Format;
use crate::sim::bargaining::{BargainingError, Domain, Strategy, negotiate};
use crate::sim::scenario::{BoundedReadError, MAX_FILE_BYTES, read_bounded};

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
    /// The deadline, in rounds.
    #[arg(long, default_value_t = 20)]
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
