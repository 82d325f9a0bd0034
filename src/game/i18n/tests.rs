//! The languages' checks: both languages have the same messages, attributes and variables; every message the sources
//! ask for exists; no text shown to players is written in the sources; numbers read as each language writes them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use tradetable_core::scenario::format::LeverUnit;

use super::*;

/// A message file's messages (`id`) and attributes (`id.attribute`), each with the variables it uses.
type Signature = BTreeMap<String, BTreeSet<String>>;

fn signature(language: Language) -> Signature {
    let mut messages = Signature::new();
    for (file, text) in language.message_sources() {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{}/{file} does not parse: {errors:?}", language.code()));
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(message) => (message.id.name.to_string(), message.value, message.attributes),
                ast::Entry::Term(term) => (format!("-{}", term.id.name), Some(term.value), term.attributes),
                _ => continue,
            };
            let mut add = |key: String, pattern: Option<&ast::Pattern<&str>>| {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = pattern {
                    pattern_variables(pattern, &mut variables);
                }
                let previous = messages.insert(key.clone(), variables);
                assert!(previous.is_none(), "{}/{file}: {key} is defined twice", language.code());
            };
            add(id.clone(), value.as_ref());
            for attribute in &attributes {
                add(format!("{id}.{}", attribute.id.name), Some(&attribute.value));
            }
        }
    }
    messages
}

fn pattern_variables(pattern: &ast::Pattern<&str>, variables: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, variables: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, variables);
            for variant in variants {
                pattern_variables(&variant.value, variables);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, variables),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, variables: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => arguments_variables(arguments, variables),
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments_variables(arguments, variables),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, variables),
        _ => {}
    }
}

fn arguments_variables(arguments: &ast::CallArguments<&str>, variables: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        inline_variables(positional, variables);
    }
    for named in &arguments.named {
        inline_variables(&named.value, variables);
    }
}

#[test]
fn english_and_japanese_have_the_same_messages_attributes_and_variables() {
    let english = signature(Language::English);
    let japanese = signature(Language::Japanese);
    let mut problems = Vec::new();
    for (id, variables) in &english {
        match japanese.get(id) {
            None => problems.push(format!("{id}: in en, not in ja")),
            Some(other) if other != variables => {
                problems.push(format!("{id}: en uses {variables:?}, ja uses {other:?}"))
            }
            Some(_) => {}
        }
    }
    for id in japanese.keys().filter(|id| !english.contains_key(*id)) {
        problems.push(format!("{id}: in ja, not in en"));
    }
    assert!(problems.is_empty(), "the languages differ:\n{}", problems.join("\n"));
    assert!(english.contains_key("language-own-name"));
}

#[test]
fn every_message_file_loads_into_its_bundle_without_errors() {
    for language in Language::ALL {
        let mut bundle = FluentBundle::new_concurrent(vec![language.identifier()]);
        for (file, text) in language.message_sources() {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, errors)| panic!("{}/{file}: {errors:?}", language.code()));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("{}/{file}: {errors:?}", language.code()));
        }
    }
}

/// The Rust files under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The string literal that starts at `text[start..]` (at its `"`): its contents (escapes as written) and the offset
/// just past its closing quote.
fn string_literal(text: &str, start: usize) -> (&str, usize) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    (&text[start + 1..i.min(text.len())], i + 1)
}

/// The ids the sources pass to `t!`, `tr` and `tr_with`, with where they are.
fn ids_used() -> Vec<(String, String)> {
    let mut used = Vec::new();
    for path in rust_files(&crate_dir().join("src")) {
        if path.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        for call in ["t!(", "tr(", "tr_with("] {
            for (at, _) in text.match_indices(call) {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                if text[line_start..at].trim_start().starts_with("//") {
                    continue;
                }
                let rest = &text[at + call.len()..];
                let skipped = rest.len() - rest.trim_start().len();
                if !rest.trim_start().starts_with('"') {
                    continue;
                }
                let (id, _) = string_literal(&text, at + call.len() + skipped);
                let line = text[..at].lines().count();
                used.push((id.to_string(), format!("{}:{line}", path.display())));
            }
        }
    }
    used
}

#[test]
fn every_message_the_sources_ask_for_exists_in_every_language() {
    let used = ids_used();
    assert!(
        used.iter().any(|(id, _)| id == "menus-settings-title"),
        "the scan finds the settings' title"
    );
    let mut missing = Vec::new();
    for (id, place) in &used {
        for language in Language::ALL {
            if !has_message(language, id) {
                missing.push(format!("{place}: {id} is not in {}", language.code()));
            }
        }
    }
    assert!(missing.is_empty(), "messages missing:\n{}", missing.join("\n"));
}

/// The calls that show their text arguments to players: egui's widgets and the game's own (`theme`).
const SHOWING_CALLS: &[&str] = &[
    "label",
    "button",
    "heading",
    "small_button",
    "selectable_label",
    "selectable_value",
    "checkbox",
    "radio",
    "radio_value",
    "toggle_value",
    "colored_label",
    "hyperlink_to",
    "on_hover_text",
    "on_hover_text_at_pointer",
    "on_disabled_hover_text",
    "collapsing",
    "menu_button",
    "hint_text",
    "from_label",
    "selected_text",
    "weak",
    "strong",
    "small",
    "monospace",
    "RichText::new",
    "Button::new",
    "Label::new",
    "Window::new",
    "CollapsingHeader::new",
    "section",
    "note",
    "big_button",
    "cut_label",
    "column_name",
];

/// The marker that lets a line pass a text to a showing call: an id, a key's name, a debugging aid.
const NOT_UI_TEXT: &str = "// not UI text:";

/// Whether `literal` (as written, escapes included) has words in it: a letter outside the `{…}` of a format string
/// and outside an escape (`\n`). `"{:.0}%"`, `"—"` and `"{}\n\n{more}"` have none.
fn has_words(literal: &str) -> bool {
    let mut chars = literal.chars();
    let mut depth = 0;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => depth -= 1_i32.min(depth),
            c if depth == 0 && c.is_alphabetic() => return true,
            _ => {}
        }
    }
    false
}

/// The byte range of the arguments of the call whose `(` is at `open`: up to the matching `)`, past strings, char
/// literals and comments.
fn arguments(text: &str, open: usize) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0_usize, open);
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return open + 1..i;
                }
            }
            b'"' => {
                i = string_literal(text, i).1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i += text[i..].find('\n').unwrap_or(text.len() - i);
                continue;
            }
            b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 2,
            _ => {}
        }
        i += 1;
    }
    open + 1..text.len()
}

/// Where `text` (a source file, its tests cut off) passes words to a showing call: (line, the literal).
fn texts_written_in(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let line_of = |offset: usize| text[..offset].matches('\n').count();
    let marked = |line: usize| {
        lines.get(line).is_some_and(|l| l.contains(NOT_UI_TEXT))
            || line
                .checked_sub(1)
                .and_then(|above| lines.get(above))
                .is_some_and(|l| l.trim_start().starts_with(NOT_UI_TEXT))
    };
    let mut found = BTreeMap::new();
    for call in SHOWING_CALLS {
        let pattern = format!("{call}(");
        for (at, _) in text.match_indices(&pattern) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            if text[line_start..at].trim_start().starts_with("//") || text[line_start..at].contains("fn ") {
                continue;
            }
            let span = arguments(text, at + pattern.len() - 1);
            let mut i = span.start;
            while i < span.end {
                let rest = &text[i..span.end];
                if rest.starts_with("//") {
                    i += rest.find('\n').unwrap_or(rest.len());
                    continue;
                }
                if rest.starts_with('"') {
                    let (literal, end) = string_literal(text, i);
                    let introduced = text[..i].trim_end();
                    // `format!(` ends with `t!(` too: an id call is a whole word.
                    let is_id = ["t!(", "tr(", "tr_with(", "Id::new(", "id_salt("].iter().any(|call| {
                        introduced.strip_suffix(call).is_some_and(|head| {
                            !head
                                .chars()
                                .next_back()
                                .is_some_and(|c| c.is_alphanumeric() || c == '_')
                        })
                    });
                    let line = line_of(i);
                    if !is_id && has_words(literal) && !marked(line) && !marked(line_of(at)) {
                        found.insert(i, (line + 1, literal.to_string()));
                    }
                    i = end;
                    continue;
                }
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    found.into_values().collect()
}

/// A source file without its unit tests (a `#[cfg(test)]` module at its end), which show nothing to players.
fn without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    }
}

#[test]
fn the_scan_for_written_texts_finds_them_and_passes_ids_formats_and_marked_lines() {
    let source = r#"
fn draw(ui: &mut egui::Ui) {
    ui.label("Paused");
    ui.label(t!("menus-pause-title"));
    ui.selectable_value(&mut scale, 1.0, format!("{:.0}%", 100.0));
    theme::note(
        ui,
        format!("Saved at {when}"),
    );
    ui.heading(egui::RichText::new(format!("{}\n\n{more}", x)).strong());
    ui.label("debug"); // not UI text: a test aid
    ui.push_id("row", |ui| ui.label(x));
    // ui.label("in a comment");
}
"#;
    let found = texts_written_in(source);
    assert_eq!(
        found,
        vec![(3, "Paused".to_string()), (8, "Saved at {when}".to_string())],
        "{found:?}"
    );
}

/// Every text the game shows to players is a message of the message files; a line that passes words to a showing
/// call for another reason says so with `// not UI text: <why>`. Lists each text written in the sources, with a count
/// per file.
#[test]
fn no_text_shown_to_players_is_written_outside_the_message_files() {
    let game = crate_dir().join("src").join("game");
    let mut report = Vec::new();
    let mut counts = Vec::new();
    for path in rust_files(&game) {
        if path.starts_with(game.join("i18n")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        let found = texts_written_in(without_tests(&text));
        let shown = path.strip_prefix(crate_dir()).unwrap_or(&path).display().to_string();
        if !found.is_empty() {
            counts.push(format!("{:>4}  {shown}", found.len()));
        }
        for (line, literal) in found {
            report.push(format!("{shown}:{line}: \"{literal}\""));
        }
    }
    assert!(
        report.is_empty(),
        "{} texts shown to players are written in the sources, not in assets/locales (move each to a message and \
         show it with t!, or mark a line that shows no words to players with `{NOT_UI_TEXT} <why>`):\n{}\n\nper \
         file:\n{}",
        report.len(),
        report.join("\n"),
        counts.join("\n")
    );
}

#[test]
fn money_months_and_counts_read_as_each_language_writes_them() {
    with_language(Language::English, || {
        assert_eq!(numbers::bn(68.54), "$68.5bn");
        assert_eq!(numbers::bn(-3.0), "−$3.0bn");
        assert_eq!(numbers::bn_per_year(68.5), "$68.5bn/yr");
        assert_eq!(numbers::lever_level(LeverUnit::BillionsPerYear, 7.0), "$7bn/yr");
        assert_eq!(numbers::lever_level(LeverUnit::Billions, 550.0), "$550bn");
        assert_eq!(numbers::lever_level(LeverUnit::YesNo, 1.0), "yes");
        assert_eq!(numbers::month("2025-07"), "Jul 2025");
        assert_eq!(numbers::rate(0.275), "27.5%");
        assert_eq!(numbers::count(1_234_567), "1,234,567");
    });
    with_language(Language::Japanese, || {
        assert_eq!(numbers::bn(68.54), "685億ドル");
        assert_eq!(numbers::bn(-3.0), "−30億ドル");
        assert_eq!(numbers::bn(1200.0), "1兆2000億ドル");
        assert_eq!(numbers::bn(2000.0), "2兆ドル");
        assert_eq!(numbers::bn(0.04), "0億ドル");
        assert_eq!(numbers::bn_per_year(68.5), "年685億ドル");
        assert_eq!(numbers::lever_level(LeverUnit::BillionsPerYear, 7.0), "年70億ドル");
        assert_eq!(numbers::lever_level(LeverUnit::Billions, 550.0), "5500億ドル");
        assert_eq!(numbers::lever_level(LeverUnit::Billions, 0.25), "2.5億ドル");
        assert_eq!(numbers::lever_level(LeverUnit::Share, 0.75), "75%");
        assert_eq!(numbers::lever_level(LeverUnit::YesNo, 0.0), "いいえ");
        assert_eq!(numbers::month("2025-07"), "2025年7月");
        assert_eq!(numbers::month("spring"), "spring");
        assert_eq!(numbers::rate(0.275), "27.5%");
        assert_eq!(numbers::count(1_234_567), "1,234,567");
    });
}

#[test]
fn a_message_reads_in_the_language_asked_for_with_its_arguments() {
    let english = with_language(Language::English, || {
        (
            t!("menus-settings-title"),
            t!("menus-settings-not-saved", error = "disk full"),
        )
    });
    assert_eq!(english.0, "Settings");
    // No bidi isolation marks around the argument: egui would show them as boxes.
    assert_eq!(english.1, "These settings hold until the game closes: disk full");
    let japanese = with_language(Language::Japanese, || t!("menus-settings-title"));
    assert_eq!(japanese, "設定");
    assert_eq!(Language::Japanese.own_name(), "日本語");
    assert_eq!(Language::English.own_name(), "English");
}

#[test]
fn a_missing_message_shows_its_id_and_the_thread_language_comes_back_after_an_override() {
    let before = language();
    with_language(Language::Japanese, || {
        assert_eq!(language(), Language::Japanese);
        assert_eq!(tr("no-such-message"), "no-such-message");
        assert_eq!(
            tr("language-own-name.no-such-attribute"),
            "language-own-name.no-such-attribute"
        );
    });
    assert_eq!(language(), before);
}

#[test]
fn languages_parse_from_codes_and_locales_and_settings_keep_theirs() {
    assert_eq!(Language::parse("en"), Ok(Language::English));
    assert_eq!(Language::parse("ja"), Ok(Language::Japanese));
    assert_eq!(Language::parse("ja_JP.UTF-8"), Ok(Language::Japanese));
    assert_eq!(Language::parse("JA-jp"), Ok(Language::Japanese));
    assert_eq!(Language::parse("en-GB"), Ok(Language::English));
    assert!(Language::parse("fr").is_err());
    assert!(Language::parse("").is_err());
    for language in Language::ALL {
        assert_eq!(Language::parse(language.code()), Ok(language));
    }
    let saved = Settings {
        language: Language::Japanese,
        ..Settings::default()
    };
    let json = serde_json::to_string(&saved).expect("settings serialise");
    assert!(json.contains(r#""language":"ja""#), "{json}");
    assert_eq!(
        serde_json::from_str::<Settings>(&json).expect("settings read back"),
        saved
    );
    let older: Settings = serde_json::from_str(r#"{"ui_scale": 1.5, "fullscreen": false}"#).expect("older settings");
    assert_eq!(older.language, Language::system());
    assert_eq!(older.ui_scale, 1.5);
}
