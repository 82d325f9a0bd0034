//! `tradetable validate FILE...`: every problem of every file as `FILE:LINE:COL: message`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::sim::Scenario;

/// Validates each file; exit code 0 only if all are valid.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut failed = 0;
    for file in files {
        match Scenario::load(file) {
            Ok(scenario) => println!("{}: ok ({}, {} rounds)", file.display(), scenario.id, scenario.rounds),
            Err(error) => {
                failed += 1;
                eprintln!("{error}");
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("{failed} of {} file(s) invalid", files.len());
        ExitCode::FAILURE
    }
}
