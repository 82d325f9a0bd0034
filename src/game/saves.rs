//! Saved games on this computer, as the core's game records: the autosave (written after every move, picked up by
//! "Continue"), named saves ("Save as…" in the pause menu) and class results (a class table's game, saved under its
//! code). All live in the data directory; the load dialog lists them, newest first, with their scenario, sides,
//! round and date. Writes are atomic, so a crash mid-save leaves the previous save whole.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::sim::record::GameRecord;

/// The name of the autosave in the data directory.
pub const AUTOSAVE: &str = "autosave.json";

/// The folder of named saves in the data directory.
pub const SAVES_DIR: &str = "saves";

/// The folder of class results in the data directory.
pub const CLASS_DIR: &str = "class";

/// Where saves and settings live (see [`crate::places::data_dir`]).
pub fn default_data_dir() -> PathBuf {
    crate::places::data_dir()
}

/// The autosave's path.
pub fn autosave_path(dir: &Path) -> PathBuf {
    dir.join(AUTOSAVE)
}

/// The path of a named save: the name made safe for a file name.
pub fn named_path(dir: &Path, name: &str) -> PathBuf {
    let slug: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "game" } else { slug };
    dir.join(SAVES_DIR).join(format!("{slug}.json"))
}

/// The path of a class table's result.
pub fn class_path(dir: &Path, code: &str) -> PathBuf {
    dir.join(CLASS_DIR).join(format!("{code}.json"))
}

/// Whether there is an autosave to continue.
pub fn exists(dir: &Path) -> bool {
    autosave_path(dir).is_file()
}

/// Writes a record; a failure is logged and returned as a sentence, never fatal.
pub fn write(path: &Path, record: &GameRecord) -> Result<(), String> {
    record.write(path).map_err(|error| {
        warn!("cannot save the game: {error}");
        error.to_string()
    })
}

/// Reads a record; the error is a sentence for the screen, naming the file.
pub fn read(path: &Path) -> Result<GameRecord, String> {
    GameRecord::read(path).map_err(|error| error.to_string())
}

/// Removes the autosave (the game it held has ended).
pub fn remove_autosave(dir: &Path) {
    let _ = std::fs::remove_file(autosave_path(dir));
}

/// What kind of save an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    /// The game in progress, saved after every move.
    Autosave,
    /// A save the player named.
    Named,
    /// A class table's game, under its code.
    Class,
}

impl SaveKind {
    /// How the kind reads in the list.
    pub fn label(self) -> &'static str {
        match self {
            SaveKind::Autosave => "autosave",
            SaveKind::Named => "saved",
            SaveKind::Class => "class table",
        }
    }
}

/// One saved game in the load dialog, or a file that could not be read (listed with its error, never hidden).
#[derive(Debug, Clone)]
pub struct SaveEntry {
    /// The file.
    pub path: PathBuf,
    /// Its kind.
    pub kind: SaveKind,
    /// The record, or why it cannot be read.
    pub record: Result<GameRecord, String>,
}

impl SaveEntry {
    /// When it was saved (empty for an unreadable file), for sorting newest first.
    pub fn saved_at(&self) -> &str {
        self.record.as_ref().map_or("", |r| r.saved_at.as_str())
    }
}

/// Every saved game in the data directory: the autosave, the named saves and the class results, newest first.
pub fn list(dir: &Path) -> Vec<SaveEntry> {
    let mut entries = Vec::new();
    if exists(dir) {
        let path = autosave_path(dir);
        entries.push(SaveEntry {
            record: read(&path),
            path,
            kind: SaveKind::Autosave,
        });
    }
    for (folder, kind) in [(SAVES_DIR, SaveKind::Named), (CLASS_DIR, SaveKind::Class)] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(folder))
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        for path in files {
            entries.push(SaveEntry {
                record: read(&path),
                path,
                kind,
            });
        }
    }
    entries.sort_by(|a, b| b.saved_at().cmp(a.saved_at()));
    entries
}
