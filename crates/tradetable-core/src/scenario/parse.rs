//! Reading a scenario: RON text (or bytes, checked to be UTF-8) to a validated `Scenario`, with every problem located
//! at its line and column and a help line where there is a likely fix (a renamed field, a near miss); the built-in
//! default scenario; the hash that names a version of a scenario's text.

use std::fmt;

use serde::Serialize;

use crate::scenario::ron_spans::{Position, SpanIndex};
use crate::scenario::schema::{MAX_FILE_BYTES, Scenario};
use crate::scenario::validate::did_you_mean;

/// One problem found in a scenario file, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Where the offending value starts, when it could be found.
    pub position: Option<Position>,
    /// The field path of the offending value (empty for syntax errors).
    pub path: String,
    /// What is wrong, and what was expected.
    pub message: String,
    /// How to fix it, when there is a likely fix: "did you mean `us_import_elasticity`?".
    pub help: Option<String>,
}

/// The one-line form, `LINE:COL: path: message; help`, for a small box such as the game's title screen; the
/// command line renders problems with their source line (`authoring::diagnostics`).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(position) = &self.position {
            write!(f, "{position}: ")?;
        }
        if !self.path.is_empty() || self.position.is_none() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
    /// The file is over the size limit.
    #[error("{path}: file is {bytes} bytes; scenario files are limited to {MAX_FILE_BYTES} bytes")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        bytes: u64,
    },
    /// The file was read but is not a valid scenario.
    #[error("{}", render_problems(.path, .problems))]
    Invalid {
        /// The file (or a label for text not from a file).
        path: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

fn render_problems(path: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match &p.position {
            Some(_) => format!("{path}:{p}"),
            None => format!("{path}: {p}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The default scenario, built into the program so it runs from anywhere.
pub const DEFAULT_SCENARIO: &str = include_str!("../../../../scenarios/spring-2025.ron");
/// The label the built-in scenario is reported under.
pub const DEFAULT_SCENARIO_LABEL: &str = "scenarios/spring-2025.ron";

impl Scenario {
    /// The built-in default scenario.
    pub fn builtin() -> Result<Scenario, ScenarioError> {
        Scenario::from_ron_str(DEFAULT_SCENARIO, DEFAULT_SCENARIO_LABEL)
    }

    /// Parses and validates scenario bytes: text that is not UTF-8 is refused at the line and column of its first
    /// invalid byte.
    pub fn from_ron_bytes(bytes: &[u8], label: &str) -> Result<Scenario, ScenarioError> {
        let text = decode_utf8(bytes, label)?;
        Scenario::from_ron_str(text, label)
    }

    /// Parses and validates scenario text; `label` names the text in error messages.
    pub fn from_ron_str(text: &str, label: &str) -> Result<Scenario, ScenarioError> {
        let invalid = |problems| ScenarioError::Invalid {
            path: label.to_string(),
            problems,
        };
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(ScenarioError::TooLarge {
                path: label.to_string(),
                bytes: text.len() as u64,
            });
        }
        // A byte-order mark is no content: a file of nothing else is as empty as one of nothing at all.
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(invalid(vec![Problem {
                position: Some(Position { line: 1, col: 1 }),
                path: String::new(),
                message: format!("the file is empty; {NO_SCENARIO}"),
                help: Some(NEW_SCENARIO_HELP.to_string()),
            }]));
        }
        let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let mut scenario: Scenario = options.from_str(text).map_err(|e| {
            let position = Position {
                line: e.span.start.line,
                col: e.span.start.col,
            };
            // Nothing but comments (or attributes) before the end: the file never begins a scenario.
            let no_scenario = matches!(e.code, ron::Error::ExpectedNamedStructLike("Scenario"))
                && text_after(text, position).trim().is_empty();
            invalid(vec![if no_scenario {
                Problem {
                    position: Some(position),
                    path: String::new(),
                    message: NO_SCENARIO.to_string(),
                    help: Some(NEW_SCENARIO_HELP.to_string()),
                }
            } else {
                Problem {
                    position: Some(position),
                    path: String::new(),
                    message: e.code.to_string(),
                    help: syntax_help(&e.code),
                }
            }])
        })?;
        scenario.text_hash = text_hash(text);
        let found = scenario.problems();
        if found.is_empty() {
            return Ok(scenario);
        }
        let index = SpanIndex::new(text);
        let problems = found
            .into_iter()
            .map(|finding| Problem {
                position: index.locate_nearest(&finding.path),
                path: finding.path.to_string(),
                message: finding.message,
                help: finding.help,
            })
            .collect();
        Err(invalid(problems))
    }
}

/// What a file that holds no scenario is told, in rustc's words for a thing missing where a file ends.
const NO_SCENARIO: &str = "expected a scenario `( ... )`, found the end of the file";

/// Where to start instead of from an empty file.
const NEW_SCENARIO_HELP: &str = "`tradetable new-scenario NAME` writes a copy of a shipped scenario to start from";

/// The text from a 1-based line and character column on (empty past the end).
fn text_after(text: &str, position: Position) -> &str {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(position.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[line_start..];
    let within = rest
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .nth(position.col.saturating_sub(1))
        .map_or_else(|| rest.find('\n').unwrap_or(rest.len()), |(at, _)| at);
    &rest[within..]
}

/// The BLAKE3 hash of a scenario file's text, in lowercase hex.
pub fn text_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// The text of `bytes`, or a problem at the line and column of the first byte that is not UTF-8.
pub fn decode_utf8<'b>(bytes: &'b [u8], label: &str) -> Result<&'b str, ScenarioError> {
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    let valid = &bytes[..error.valid_up_to()];
    // The prefix up to the bad byte is valid by definition, so the lossy view of it is exact.
    let before = String::from_utf8_lossy(valid);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    let byte = bytes.get(error.valid_up_to()).copied().unwrap_or_default();
    Err(ScenarioError::Invalid {
        path: label.to_string(),
        problems: vec![Problem {
            position: Some(Position { line, col }),
            path: String::new(),
            message: format!(
                "the file must be UTF-8 text; byte 0x{byte:02X} at offset {} is not valid UTF-8",
                error.valid_up_to()
            ),
            help: Some("save the file as UTF-8 (most editors offer it under \"Save with encoding\")".to_string()),
        }],
    })
}

/// Names the scenario format used before it named the partner, with what replaced each: a file written for the
/// older format is told what to rename, not only that a field is unknown.
const RENAMED: &[(&str, &str)] = &[
    ("japan_levers", "partner_levers"),
    ("japan_tariff", "partner_tariff"),
    ("japan_mfn_tariff", "partner_mfn_tariff"),
    ("japan_import_elasticity", "partner_import_elasticity"),
    ("japan_cost_per_unit", "cost_per_unit"),
    ("yen_per_dollar", "currency_per_dollar"),
    ("base_yen_per_dollar", "base_currency_per_dollar"),
    (
        "usjta",
        "trade_agreement (with `name`, `full_name` and its rules under `suspension`)",
    ),
    ("japan", "partner"),
    ("Japan", "Partner"),
    ("Usjta", "TradeAgreement"),
    ("UsjtaInForce", "TradeAgreementInForce"),
    ("UsjtaLapsed", "TradeAgreementLapsed"),
    ("JapanApproval", "PartnerApproval"),
    ("JapanExportLossBn", "PartnerExportLossBn"),
    ("Yen", "Partner"),
];

/// A help line for a syntax or type error, where one follows from the error: the new name of a renamed field or
/// variant, or the field or variant probably meant.
fn syntax_help(code: &ron::Error) -> Option<String> {
    let (expected, found) = match code {
        ron::Error::MissingStructField { field: "partner", .. } => {
            return Some(
                "name the country across the table: `partner: (name: \"Japan\", legislature: \"Diet\", currency: \
                 (name: \"yen\", code: \"JPY\"))` (see docs/scenario-authoring.md)"
                    .to_string(),
            );
        }
        ron::Error::NoSuchStructField { expected, found, .. } => (*expected, found.as_str()),
        ron::Error::NoSuchEnumVariant { expected, found, .. } => (*expected, found.as_str()),
        _ => return None,
    };
    if let Some((_, new)) = RENAMED.iter().find(|(old, _)| *old == found) {
        return Some(format!(
            "`{found}` was renamed `{new}` when scenarios began to name their partner (see docs/scenario-authoring.md)"
        ));
    }
    did_you_mean(found, expected.iter().copied()).map(|closest| format!("did you mean `{closest}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one problem of a scenario text that does not load.
    fn only_problem(text: &str) -> Problem {
        match Scenario::from_ron_str(text, "test.ron") {
            Err(ScenarioError::Invalid { mut problems, .. }) if problems.len() == 1 => problems.remove(0),
            other => panic!("expected one problem, got {other:?}"),
        }
    }

    #[test]
    fn an_empty_or_blank_file_is_refused_at_its_first_line_and_column() {
        for text in ["", "  \n\n", "\u{feff}", "\u{feff}\n  "] {
            let problem = only_problem(text);
            assert_eq!(problem.position, Some(Position { line: 1, col: 1 }), "{text:?}");
            assert_eq!(
                problem.message,
                "the file is empty; expected a scenario `( ... )`, found the end of the file"
            );
            assert_eq!(problem.help.as_deref(), Some(NEW_SCENARIO_HELP));
            assert_eq!(
                problem.to_string(),
                "1:1: the file is empty; expected a scenario `( ... )`, found the end of the file; `tradetable \
                 new-scenario NAME` writes a copy of a shipped scenario to start from"
            );
        }
    }

    #[test]
    fn a_file_of_only_comments_is_refused_where_it_ends() {
        let problem = only_problem("// a scenario, one day\n/* not yet */\n");
        assert_eq!(problem.position, Some(Position { line: 2, col: 14 }));
        assert_eq!(problem.message, NO_SCENARIO);
    }

    #[test]
    fn a_file_cut_short_keeps_the_readers_own_message() {
        let problem = only_problem("Scenario(id: \"cut\",");
        assert_ne!(problem.message, NO_SCENARIO);
        assert!(problem.position.is_some());
    }

    #[test]
    fn text_after_a_position_counts_characters_not_bytes() {
        let text = "é1\nab";
        assert_eq!(text_after(text, Position { line: 1, col: 2 }), "1\nab");
        assert_eq!(text_after(text, Position { line: 2, col: 3 }), "");
        assert_eq!(text_after(text, Position { line: 9, col: 1 }), "");
    }
}
