//! `tradetable schema [--out FILE]`: the scenario reference (every field, its type, meaning and the validator's
//! rules), generated from the code; docs/scenario-reference.md is this output.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use tradetable_core::authoring::schema::reference_markdown;

/// Options of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the reference to this file (docs/scenario-reference.md in the source tree) instead of printing it.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Prints or writes the reference.
pub fn run(args: &SchemaArgs) -> ExitCode {
    let text = reference_markdown();
    match &args.out {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match crate::storage::Storage::real().write(path, text.as_bytes()) {
            Ok(()) => {
                println!("{}: the scenario reference", path.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
    }
}
