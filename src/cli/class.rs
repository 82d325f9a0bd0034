//! `tradetable class`: set up a class — a class file with one code per table and a class sheet to print or project
//! — and, to rehearse a debrief, play every table of a class by the computer.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::error::CliError;
use super::{load_scenario, scenario_of};
use crate::storage::Storage;
use tradetable_core::PerSide;
use tradetable_core::classroom::class::{ClassFile, ClassSeat, class_sheet_html, rehearse};

/// The class subcommands.
#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Write a class file and a class sheet (codes, how to join, each side's brief) into a folder.
    New(NewArgs),
    /// Play every table of a class by the computer, writing one game record per table (to rehearse a debrief).
    Simulate(SimulateClassArgs),
}

/// Options of `class new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Scenario file (default: the built-in spring-2025 scenario).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Number of tables (1 to 127).
    #[arg(long)]
    pub tables: u32,
    /// The seed every table plays (at most 16777215), so every table meets the same events.
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
    /// Who plays the US at every table: people (students), or the computer at easy, normal or hard.
    #[arg(long, default_value = "people", value_parser = ClassSeat::parse)]
    pub us: ClassSeat,
    /// Who plays the partner (Japan, in the default scenario), as for --us. `--japan` is accepted too.
    #[arg(long, alias = "japan", default_value = "people", value_parser = ClassSeat::parse)]
    pub partner: ClassSeat,
    /// Switch on one of the scenario's class injects (repeat for more).
    #[arg(long = "inject")]
    pub injects: Vec<String>,
    /// The folder to write class.json and class-sheet.html into.
    #[arg(long)]
    pub out: PathBuf,
}

/// Options of `class simulate`.
#[derive(Debug, Args)]
pub struct SimulateClassArgs {
    /// The class file.
    #[arg(long)]
    pub class: PathBuf,
    /// Scenario file the class was made with, which must be the class's version (default: found by that version
    /// among the shipped scenarios and the scenario folders, `scenarios/` and your own).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// The folder to write one record per table into.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs a class subcommand.
pub fn run(command: &ClassCommand) -> ExitCode {
    let result = match command {
        ClassCommand::New(args) => new(args),
        ClassCommand::Simulate(args) => simulate(args),
    };
    match result {
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

fn new(args: &NewArgs) -> Result<String, CliError> {
    let scenario = load_scenario(args.scenario.as_ref())?;
    let class = ClassFile::new(
        &scenario,
        args.tables,
        args.seed,
        PerSide::new(args.us, args.partner),
        &args.injects,
        crate::clock::now(),
    )?;
    let storage = Storage::real();
    let class_path = args.out.join("class.json");
    storage.write(&class_path, class.to_json().as_bytes())?;
    let sheet_path = args.out.join("class-sheet.html");
    storage.write(&sheet_path, class_sheet_html(&class, &scenario).as_bytes())?;
    let mut out = format!(
        "{} tables of \"{}\" (seed {}): {} and {}\n",
        class.tables.len(),
        scenario.title,
        class.seed,
        class_path.display(),
        sheet_path.display()
    );
    for table in &class.tables {
        out.push_str(&format!("  table {:>3}  {}\n", table.number, table.code));
    }
    Ok(out.trim_end().to_string())
}

fn simulate(args: &SimulateClassArgs) -> Result<String, CliError> {
    let class = crate::storage::read_class_file(&args.class)?;
    let scenario = scenario_of(args.scenario.as_ref(), &class.scenario, &args.class)?;
    let records = rehearse(&class, &scenario, &crate::clock::now())?;
    let storage = Storage::real();
    for record in &records {
        let code = record.table.clone().unwrap_or_default();
        storage.write(&args.out.join(format!("{code}.json")), record.to_json().as_bytes())?;
    }
    let written = records.len();
    Ok(format!("{written} table records in {}", args.out.display()))
}
