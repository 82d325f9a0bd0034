//! `tradetable new-scenario NAME [--from ID]`: writes a copy of a shipped scenario, with its own id and a header on
//! what to change, into the user's scenario folder (listed on the title screen) or `--out DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::error::CliError;
use tradetable_core::scenario::library::{self, SHIPPED};

/// Options of `new-scenario`.
#[derive(Debug, Args)]
pub struct NewScenarioArgs {
    /// The new scenario's id and file name: letters, digits, `-` and `_`.
    pub name: String,
    /// The shipped scenario to copy (default: the default scenario).
    #[arg(long)]
    pub from: Option<String>,
    /// The folder to write NAME.ron into (default: your own scenario folder, which the game lists).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Writes the copy; an existing file is never overwritten.
pub fn run(args: &NewScenarioArgs) -> ExitCode {
    match new_scenario(args) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn new_scenario(args: &NewScenarioArgs) -> Result<String, CliError> {
    if !library::valid_id(&args.name) {
        return Err(CliError::ScenarioName(args.name.clone()));
    }
    let from = match &args.from {
        None => &SHIPPED[0],
        Some(name) => library::shipped(name).ok_or_else(|| {
            let names: Vec<&str> = SHIPPED.iter().map(|s| s.name()).collect();
            CliError::NotShipped {
                name: name.clone(),
                shipped: names.join(", "),
            }
        })?,
    };
    let folder = args.out.clone().unwrap_or_else(crate::places::user_scenarios);
    let path = folder.join(format!("{}.ron", args.name));
    if path.exists() {
        return Err(CliError::AlreadyExists(path));
    }
    let text = library::new_scenario_text(&args.name, from);
    crate::storage::Storage::real().write(&path, text.as_bytes())?;
    Ok(format!(
        "{}: a copy of \"{}\" to start from. Check it with: tradetable validate {}",
        path.display(),
        from.name(),
        path.display()
    ))
}
