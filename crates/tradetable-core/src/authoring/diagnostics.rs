//! Scenario problems rendered as rustc renders its errors: the file, line and column, the source line with the
//! offending value underlined, the field path as a note and a help line where there is one.
//!
//! The rendering is `annotate-snippets`, rustc's own renderer, so the layout is the one Rust authors already read.
//! [`Problem`]'s `Display` stays the one-line form for places with no room for a snippet (the game's title screen).

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::scenario::parse::{Problem, ScenarioError};

use crate::scenario::schema::{MAX_FILE_BYTES, Scenario};

use crate::scenario::validate::show_number;

/// A scenario file as read and checked: its text (for the snippets) and the result.
#[derive(Debug)]
pub struct CheckedFile {
    /// The file as named in messages.
    pub label: String,
    /// The text, with any bytes that are not UTF-8 shown as `�`; absent if the file could not be read.
    pub text: Option<String>,
    /// The scenario, or why it is not one.
    pub result: Result<Scenario, ScenarioError>,
}

/// The renderer for a stream: coloured for a terminal, plain text otherwise (pipes, files, tests).
pub fn renderer(colour: bool) -> Renderer {
    if colour { Renderer::styled() } else { Renderer::plain() }
}

/// Every problem of `error` rendered in full, separated by blank lines; `text` is the file's text, for the snippets.
pub fn render_error(error: &ScenarioError, text: Option<&str>, renderer: &Renderer) -> String {
    match error {
        ScenarioError::Invalid { path, problems } => problems
            .iter()
            .map(|problem| render_problem(path, text.unwrap_or_default(), problem, renderer))
            .collect::<Vec<_>>()
            .join("\n\n"),
        ScenarioError::TooLarge { path, bytes } => {
            let report = [Group::with_title(Level::ERROR.primary_title(format!(
                "the file is {} bytes; scenario files are limited to {MAX_FILE_BYTES} bytes (1 MiB)",
                show_number(*bytes as f64)
            )))
            .element(Origin::path(path.as_str()))
            .element(Level::NOTE.message("large files are refused before they are read"))];
            renderer.render(&report)
        }
        ScenarioError::Io { path, source } => {
            let report = [
                Group::with_title(Level::ERROR.primary_title(format!("cannot read the file: {source}")))
                    .element(Origin::path(path.as_str())),
            ];
            renderer.render(&report)
        }
    }
}

/// One problem: `error: message`, `--> FILE:LINE:COL`, the source line with the value underlined, then the field
/// path as a note and the help line.
pub fn render_problem(label: &str, text: &str, problem: &Problem, renderer: &Renderer) -> String {
    render_at(Level::ERROR, label, text, problem, renderer)
}

/// A linter's finding, rendered as a problem is but as a warning.
pub fn render_warning(label: &str, text: &str, problem: &Problem, renderer: &Renderer) -> String {
    render_at(Level::WARNING, label, text, problem, renderer)
}

fn render_at(level: Level<'_>, label: &str, text: &str, problem: &Problem, renderer: &Renderer) -> String {
    let mut group = Group::with_title(level.primary_title(problem.message.as_str()));
    let located = problem
        .position
        .and_then(|position| Some((position, text.lines().nth(position.line.checked_sub(1)?)?)));
    group = match located {
        Some((position, line)) => group.element(
            Snippet::source(line)
                .line_start(position.line)
                .path(label)
                .annotation(AnnotationKind::Primary.span(value_span(line, position.col))),
        ),
        // A position without a source line to show (an empty file, or the end of one): still `FILE:LINE:COL`.
        None => match problem.position {
            Some(position) => group.element(
                Origin::path(label)
                    .line(position.line.max(1))
                    .char_column(position.col.max(1)),
            ),
            None => group.element(Origin::path(label)),
        },
    };
    if !problem.path.is_empty() {
        group = group.element(Level::NOTE.message(format!("in `{}`", problem.path)));
    }
    if let Some(help) = &problem.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

/// The bytes of `line` taken by the value starting at the 1-based character column `col`: a quoted string, a word
/// or number, or else the one character there (an opening bracket, a stray symbol). Past the end: the end.
fn value_span(line: &str, col: usize) -> Range<usize> {
    let Some((start, first)) = line.char_indices().nth(col.saturating_sub(1)) else {
        return line.len()..line.len();
    };
    let rest = &line[start..];
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+');
    let length = if first == '"' {
        let mut escaped = false;
        rest.char_indices()
            .skip(1)
            .find(|&(_, c)| {
                let closes = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                closes
            })
            .map_or(rest.len(), |(at, _)| at + 1)
    } else if is_word(first) {
        rest.find(|c: char| !is_word(c)).unwrap_or(rest.len())
    } else {
        first.len_utf8()
    };
    start..start + length
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_span_covers_a_number_a_string_or_one_bracket() {
        let line = r#"    us_exports_bn: -5.4, id: "a\"b", x: ("#;
        assert_eq!(&line[value_span(line, 20)], "-5.4");
        assert_eq!(&line[value_span(line, 30)], r#""a\"b""#);
        assert_eq!(&line[value_span(line, 41)], "(");
        assert_eq!(value_span(line, 99), line.len()..line.len());
    }
}
