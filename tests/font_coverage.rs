//! Every character the game can show from what it ships — the message files of every language, the shipped scenarios
//! and the texts written in the sources — has a glyph in the fonts the game installs into egui. A character without
//! one would show as a box (tofu); when this test fails, run `scripts/subset-fonts.py` (it says how) and commit the
//! new subset.
#![cfg(feature = "gui")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bevy_egui::egui::FontFamily;
use skrifa::{FontRef, MetadataProvider};
use tradetable::game::{fonts, icons};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files under `dir` whose name ends with `extension`, recursively, in a stable order.
fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(files(&path, extension));
        } else if path.extension().is_some_and(|ext| ext == extension) {
            found.push(path);
        }
    }
    found
}

/// The characters of the message files' messages (not their comments).
fn message_characters() -> Vec<(char, String)> {
    let mut found = Vec::new();
    for path in files(&repo().join("assets/locales"), "ftl") {
        let text = std::fs::read_to_string(&path).expect("a message file");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            found.extend(line.chars().map(|c| (c, format!("{}:{}", path.display(), n + 1))));
        }
    }
    found
}

/// The characters of the shipped scenarios' strings (a RON comment is not shown, but a scenario's text is read whole
/// by the game's editor view, so the whole file counts).
fn scenario_characters() -> Vec<(char, String)> {
    let mut found = Vec::new();
    for path in files(&repo().join("scenarios"), "ron") {
        let text = std::fs::read_to_string(&path).expect("a scenario");
        for (n, line) in text.lines().enumerate() {
            found.extend(line.chars().map(|c| (c, format!("{}:{}", path.display(), n + 1))));
        }
    }
    found
}

/// The non-ASCII characters inside the string literals of the sources (the core's prose and the shell's), with
/// `\u{…}` escapes read as the characters they are (the icons).
fn source_characters() -> Vec<(char, String)> {
    let mut found = Vec::new();
    for dir in [repo().join("src"), repo().join("crates/tradetable-core/src")] {
        for path in files(&dir, "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                let place = || format!("{}:{}", path.display(), n + 1);
                let mut in_string = false;
                let mut chars = code.chars().peekable();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => in_string = !in_string,
                        '\\' if in_string => {
                            if chars.peek() == Some(&'u') {
                                chars.next();
                                let escape: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                                if let Some(c) = u32::from_str_radix(&escape, 16).ok().and_then(char::from_u32) {
                                    found.push((c, place()));
                                }
                            } else {
                                chars.next();
                            }
                        }
                        c if in_string && !c.is_ascii() => found.push((c, place())),
                        _ => {}
                    }
                }
            }
        }
    }
    found
}

/// Whether any font of the game's proportional family (in egui's order) has a glyph for `c`.
fn drawn(fonts: &[(String, &'static [u8])], c: char) -> bool {
    fonts.iter().any(|(_, bytes)| {
        FontRef::from_index(bytes, 0)
            .map(|font| font.charmap().map(c).is_some_and(|glyph| glyph.to_u32() != 0))
            .unwrap_or(false)
    })
}

#[test]
fn every_character_the_game_ships_has_a_glyph() {
    let definitions = fonts::definitions();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let family_fonts = fonts::family_fonts(&definitions, &family);
        assert!(family_fonts.len() >= 3, "{family:?}: {} fonts", family_fonts.len());
        let mut missing = BTreeSet::new();
        let mut checked = 0;
        for (c, place) in message_characters()
            .into_iter()
            .chain(scenario_characters())
            .chain(source_characters())
        {
            if c.is_whitespace() || c.is_control() || c == '\u{feff}' {
                continue;
            }
            checked += 1;
            if !drawn(&family_fonts, c) {
                missing.insert(format!("U+{:04X} {c:?} (first at {place})", u32::from(c)));
            }
        }
        assert!(
            checked > 10_000,
            "only {checked} characters were checked: are the files there?"
        );
        assert!(
            missing.is_empty(),
            "{family:?}: {} characters have no glyph in the game's fonts; run scripts/subset-fonts.py:\n{}",
            missing.len(),
            missing.into_iter().collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn the_japanese_font_draws_kana_kanji_and_the_icons_draw_from_the_icon_font() {
    let japanese = FontRef::new(fonts::JAPANESE_FONT).expect("the Japanese font parses");
    for c in "日本語の交渉テーブル、米国と相手国。合意なし（決裂）2025年7月 685億ドル".chars()
    {
        assert!(japanese.charmap().map(c).is_some(), "{c:?} is not in the Japanese font");
    }
    let icon_font = FontRef::new(fonts::ICON_FONT).expect("the icon font parses");
    for icon in icons::ALL {
        assert!(
            icon_font.charmap().map(icon).is_some(),
            "icon U+{:04X} is not in the icon font",
            u32::from(icon)
        );
    }
    // The subset is small enough to build into the binary.
    assert!(
        fonts::JAPANESE_FONT.len() < 3_000_000,
        "{} bytes",
        fonts::JAPANESE_FONT.len()
    );
}
