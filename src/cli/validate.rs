//! `tradetable validate FILE...`: every problem of every file rendered as rustc renders its errors, or with
//! `--format json` one JSON document for editors and CI; `--lint` adds the linter's warnings and `--summary` what
//! the numbers add up to.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use tradetable_core::Scenario;
use tradetable_core::authoring::diagnostics::{self, CheckedFile};
use tradetable_core::authoring::lint::lint_scenario;
use tradetable_core::authoring::summary::{SUMMARY_SEED, ScenarioSummary};
use tradetable_core::scenario::library;
use tradetable_core::scenario::parse::{Problem, ScenarioError};
use tradetable_core::scenario::ron_spans::{FieldPath, SpanIndex};

/// How `validate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    /// Each problem with its source line underlined, on standard error (coloured on a terminal).
    Text,
    /// One JSON document on standard output: per file, `ok` and its problems.
    Json,
}

/// Whether to lint valid files, whether their warnings fail the run, and whether to summarise them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lints {
    /// Lint every valid file.
    pub lint: bool,
    /// Warnings fail the run.
    pub deny_warnings: bool,
    /// Print each valid file's summary (`authoring::summary`).
    pub summary: bool,
}

/// The JSON report: every file, and whether all are valid.
#[derive(Debug, Serialize)]
struct Report {
    ok: bool,
    files: Vec<FileReport>,
}

/// One file of the JSON report.
#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    ok: bool,
    problems: Vec<ProblemReport>,
    warnings: Vec<WarningReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<ScenarioSummary>,
}

/// One linter warning of the JSON report.
#[derive(Debug, Serialize)]
struct WarningReport {
    check: &'static str,
    line: Option<usize>,
    column: Option<usize>,
    path: String,
    message: String,
}

/// One problem of the JSON report; `line` and `column` are 1-based, null when the problem has no place in the text
/// (an unreadable file).
#[derive(Debug, Serialize)]
struct ProblemReport {
    line: Option<usize>,
    column: Option<usize>,
    path: String,
    message: String,
    help: Option<String>,
}

/// Checks the scenario file at `path`; a name that is no file but a shipped scenario's (`spring-2025`, `tutorial.ron`)
/// checks the copy built into the program, so an installed `tradetable validate tutorial` needs no source tree.
fn check_file_or_shipped(path: &std::path::Path) -> CheckedFile {
    if !path.exists()
        && let Some(shipped) = path.to_str().and_then(library::shipped)
    {
        let label = format!("scenarios/{} (built in)", shipped.file);
        return CheckedFile {
            result: Scenario::from_ron_str(shipped.text, &label),
            text: Some(shipped.text.to_string()),
            label,
        };
    }
    crate::storage::check_scenario_file(path)
}

/// Validates each file; exit code 0 only if all are valid.
pub fn run(files: &[PathBuf], format: ValidateFormat, lints: Lints) -> ExitCode {
    let checked: Vec<CheckedFile> = files.iter().map(|file| check_file_or_shipped(file)).collect();
    let warnings: Vec<Vec<Problem>> = checked
        .iter()
        .map(|file| match (&file.result, lints.lint) {
            (Ok(scenario), true) => lint_problems(scenario, file.text.as_deref().unwrap_or_default()),
            _ => Vec::new(),
        })
        .collect();
    let warned = warnings.iter().filter(|w| !w.is_empty()).count();
    let failed =
        checked.iter().filter(|file| file.result.is_err()).count() + if lints.deny_warnings { warned } else { 0 };
    let summaries: Vec<Option<ScenarioSummary>> = checked
        .iter()
        .map(|file| match (&file.result, lints.summary) {
            (Ok(scenario), true) => Some(ScenarioSummary::of(scenario, SUMMARY_SEED)),
            _ => None,
        })
        .collect();
    match format {
        ValidateFormat::Text => {
            print_text(&checked, &warnings);
            for (file, summary) in checked.iter().zip(&summaries) {
                if let (Ok(scenario), Some(summary)) = (&file.result, summary) {
                    println!("\n{}", summary.text(scenario));
                }
            }
        }
        ValidateFormat::Json => {
            let report = Report {
                ok: failed == 0,
                files: checked
                    .iter()
                    .zip(&warnings)
                    .zip(summaries)
                    .map(|((file, w), summary)| file_report(file, w, summary))
                    .collect(),
            };
            match serde_json::to_string_pretty(&report) {
                Ok(json) => println!("{json}"),
                Err(error) => {
                    eprintln!("error: cannot write JSON: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The linter's findings on a valid scenario, located in its text like problems (the check's name leads the
/// message).
fn lint_problems(scenario: &tradetable_core::Scenario, text: &str) -> Vec<Problem> {
    let index = SpanIndex::new(text);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    lint_scenario(scenario, threads)
        .into_iter()
        .map(|lint| Problem {
            position: FieldPath::parse(&lint.path).and_then(|path| index.locate_nearest(&path)),
            path: lint.path,
            message: format!("{} [{}]", lint.message, lint.check),
            help: None,
        })
        .collect()
}

fn print_text(checked: &[CheckedFile], warnings: &[Vec<Problem>]) {
    let renderer = diagnostics::renderer(std::io::stderr().is_terminal());
    let mut failed = 0;
    for (file, warnings) in checked.iter().zip(warnings) {
        for warning in warnings {
            eprintln!(
                "{}\n",
                diagnostics::render_warning(
                    &file.label,
                    file.text.as_deref().unwrap_or_default(),
                    warning,
                    &renderer
                )
            );
        }
        match &file.result {
            Ok(scenario) if !warnings.is_empty() => println!(
                "{}: valid, {} warning(s) ({}, {} rounds)",
                file.label,
                warnings.len(),
                scenario.id,
                scenario.rounds
            ),
            Ok(scenario) => println!("{}: ok ({}, {} rounds)", file.label, scenario.id, scenario.rounds),
            Err(error) => {
                failed += 1;
                eprintln!(
                    "{}\n",
                    diagnostics::render_error(error, file.text.as_deref(), &renderer)
                );
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} file(s) invalid", checked.len());
    }
}

fn file_report(file: &CheckedFile, warnings: &[Problem], summary: Option<ScenarioSummary>) -> FileReport {
    let problems = match &file.result {
        Ok(_) => Vec::new(),
        Err(ScenarioError::Invalid { problems, .. }) => problems
            .iter()
            .map(|problem| ProblemReport {
                line: problem.position.map(|p| p.line),
                column: problem.position.map(|p| p.col),
                path: problem.path.clone(),
                message: problem.message.clone(),
                help: problem.help.clone(),
            })
            .collect(),
        Err(ScenarioError::TooLarge { bytes, .. }) => vec![ProblemReport {
            line: None,
            column: None,
            path: String::new(),
            message: format!(
                "the file is {bytes} bytes; scenario files are limited to {} bytes",
                tradetable_core::scenario::schema::MAX_FILE_BYTES
            ),
            help: None,
        }],
        Err(ScenarioError::Io { source, .. }) => vec![ProblemReport {
            line: None,
            column: None,
            path: String::new(),
            message: format!("cannot read the file: {source}"),
            help: None,
        }],
    };
    FileReport {
        file: file.label.clone(),
        ok: file.result.is_ok(),
        problems,
        warnings: warnings
            .iter()
            .map(|w| WarningReport {
                check: w.message.rsplit_once(" [").map_or("", |(_, check)| {
                    tradetable_core::authoring::lint::CHECKS
                        .iter()
                        .find(|name| check.trim_end_matches(']') == **name)
                        .copied()
                        .unwrap_or("")
                }),
                line: w.position.map(|p| p.line),
                column: w.position.map(|p| p.col),
                path: w.path.clone(),
                message: w.message.clone(),
            })
            .collect(),
        summary,
    }
}
