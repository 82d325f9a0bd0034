//! Saved games on this computer, as the core's game records, and the rules that keep every one of them: each game in
//! progress has its own file (written after every move, picked up by "Continue"), named saves ("Save as…" in the
//! pause menu) never replace another game, finished games are kept under the time they ended, and class tables keep
//! their game under their code. Every write goes through the storage layer, so a failed write leaves the previous
//! file whole; a game's file in progress is removed only once its finished record is safely on disk.
//!
//! The data directory holds `games/` (games in progress), `saves/` (named saves and finished games), `class/` (class
//! tables) and, from earlier versions, `autosave.json` (listed and continued like a game in progress).

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::game::i18n::t;
use crate::storage::{Storage, StorageError};
use tradetable_core::classroom::record::{GameRecord, MAX_RECORD_BYTES, RecordError};

/// The single autosave of earlier versions, in the data directory: still listed and continued.
pub const AUTOSAVE: &str = "autosave.json";

/// The folder of games in progress in the data directory: one file per game.
pub const GAMES_DIR: &str = "games";

/// The folder of named saves and finished games in the data directory.
pub const SAVES_DIR: &str = "saves";

/// The folder of class results in the data directory.
pub const CLASS_DIR: &str = "class";

/// Where saves and settings live (see [`crate::places::data_dir`]).
pub fn default_data_dir() -> PathBuf {
    crate::places::data_dir()
}

/// The storage the game writes through: the real disk, or in tests one that fails on demand.
#[derive(Resource, Debug, Clone, Default)]
pub struct GameStorage(pub Storage);

/// What kind of save an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    /// A game in progress, saved after every move.
    InProgress,
    /// A save the player named.
    Named,
    /// A game that has ended.
    Finished,
    /// A class table's game, under its code.
    Class,
}

impl SaveKind {
    /// How the kind reads in the list.
    pub fn label(self) -> String {
        match self {
            SaveKind::InProgress => t!("menus-save-kind-in-progress"),
            SaveKind::Named => t!("menus-save-kind-named"),
            SaveKind::Finished => t!("menus-save-kind-finished"),
            SaveKind::Class => t!("menus-save-kind-class"),
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
    /// When the file was last written, to order saves written within the same second.
    pub modified: Option<std::time::SystemTime>,
}

impl SaveEntry {
    /// When it was saved (empty for an unreadable file), for sorting newest first.
    pub fn saved_at(&self) -> &str {
        self.record.as_ref().map_or("", |r| r.saved_at.as_str())
    }

    /// Whether "Continue" can pick it up: a readable game in progress or class table that has not ended.
    pub fn can_continue(&self) -> bool {
        matches!(self.kind, SaveKind::InProgress | SaveKind::Class) && self.record.as_ref().is_ok_and(|r| !r.over)
    }
}

/// Where a game opened from a file goes on saving itself, and under which class table code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayOn {
    /// The file the game writes after every move.
    pub save_to: PathBuf,
    /// The class table code it keeps, if it is that table's own game.
    pub table: Option<String>,
}

/// The saved games of one data directory, and the rules for writing them.
#[derive(Debug, Clone)]
pub struct SaveBook {
    /// The data directory.
    pub dir: PathBuf,
    /// What every write goes through.
    pub storage: Storage,
}

impl SaveBook {
    /// The saves of `dir`, written through `storage`.
    pub fn new(dir: &Path, storage: Storage) -> SaveBook {
        SaveBook {
            dir: dir.to_path_buf(),
            storage,
        }
    }

    /// The autosave of earlier versions.
    pub fn legacy_autosave(&self) -> PathBuf {
        self.dir.join(AUTOSAVE)
    }

    /// A file of its own for a new game in progress, not used by any other game: `games/<when>-<scenario>.json`.
    pub fn new_game_file(&self, started: &str, scenario_id: &str) -> PathBuf {
        let stamp: String = started.chars().filter(|c| c.is_ascii_digit() || *c == 'T').collect();
        let name = format!("{}-{}", stamp, slug(scenario_id));
        self.unused(self.dir.join(GAMES_DIR).join(format!("{name}.json")))
    }

    /// The file a save named `name` goes to first (see [`SaveBook::save_as`] for when another is chosen).
    pub fn named_path(&self, name: &str) -> PathBuf {
        self.dir.join(SAVES_DIR).join(format!("{}.json", slug(name)))
    }

    /// The file of a class table's game.
    pub fn class_path(&self, code: &str) -> PathBuf {
        self.dir.join(CLASS_DIR).join(format!("{code}.json"))
    }

    /// Reads a record, bounded in size; the error is a sentence for the screen, naming the file.
    pub fn read(&self, path: &Path) -> Result<GameRecord, String> {
        let bytes = match self.storage.read_bounded(path, MAX_RECORD_BYTES) {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(bytes)) => {
                return Err(RecordError::TooLarge {
                    path: path.to_path_buf(),
                    bytes,
                    limit: MAX_RECORD_BYTES,
                }
                .to_string());
            }
            Err(error) => return Err(error.to_string()),
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            RecordError::NotARecord {
                path: path.to_path_buf(),
                reason: "it is not text".to_string(),
            }
            .to_string()
        })?;
        GameRecord::from_json(&text, path).map_err(|error| error.to_string())
    }

    /// Writes a record atomically; on failure the file is as it was.
    pub fn write(&self, path: &Path, record: &GameRecord) -> Result<(), StorageError> {
        self.storage.write(path, record.to_json().as_bytes())
    }

    /// Saves a named copy: into the name's file when it is free or holds an earlier save of this same game under the
    /// same name, else into a file of its own (`name-2.json`, …), so a save never replaces another game or a save
    /// of another name. Returns the file and whether it replaced an earlier save of this game.
    pub fn save_as(&self, name: &str, record: &GameRecord) -> Result<(PathBuf, bool), StorageError> {
        let path = self.named_path(name);
        let replaces = match self.read(&path) {
            Ok(earlier) => (earlier.label == record.label && record.continues(&earlier)).then_some(true),
            Err(_) if !path.exists() => Some(false),
            Err(_) => None,
        };
        let (path, replaced) = match replaces {
            Some(replaced) => (path, replaced),
            None => (self.unused(path), false),
        };
        self.write(&path, record)?;
        Ok((path, replaced))
    }

    /// Keeps a finished game: a class table's in its own file; any other under the time it ended, in a file of its
    /// own. Only once that is on disk is the file it played in (`playing_in`) removed, so a failed write keeps it.
    pub fn finish(&self, playing_in: &Path, record: &GameRecord) -> Result<PathBuf, StorageError> {
        if record.table.is_some() && self.is_class_file(playing_in) {
            self.write(playing_in, record)?;
            return Ok(playing_in.to_path_buf());
        }
        let kept = self.unused(self.named_path(&record.label));
        self.write(&kept, record)?;
        if self.is_game_in_progress_file(playing_in)
            && let Err(error) = self.storage.remove(playing_in)
        {
            // The finished game is safe; the old file only lingers in the list.
            warn!("{error}");
        }
        Ok(kept)
    }

    /// Where a game opened from `path` saves itself: a game in progress and a class table go on in their own file;
    /// a named save or a finished game is a copy, so playing on from it starts a file of its own (and a copy of a
    /// class table is no longer that table's game) — it never writes over the file it came from.
    pub fn play_on(&self, path: &Path, record: &GameRecord) -> PlayOn {
        if self.is_game_in_progress_file(path) {
            return PlayOn {
                save_to: path.to_path_buf(),
                table: record.table.clone(),
            };
        }
        if self.is_class_file(path) && record.table.is_some() {
            return PlayOn {
                save_to: path.to_path_buf(),
                table: record.table.clone(),
            };
        }
        PlayOn {
            save_to: self.new_game_file(&crate::clock::now(), &record.scenario.id),
            table: None,
        }
    }

    /// Deletes a saved game (the player asked to, in the load dialog).
    pub fn delete(&self, path: &Path) -> Result<(), StorageError> {
        self.storage.remove(path)
    }

    /// Moves a damaged file aside (`CODE.damaged-1.json`, …) so a fresh start does not write over it; returns where
    /// it went.
    pub fn set_aside(&self, path: &Path) -> Result<PathBuf, StorageError> {
        let stem = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().to_string());
        let aside = self.unused(path.with_file_name(format!("{stem}.damaged.json")));
        self.storage.rename(path, &aside)?;
        Ok(aside)
    }

    /// Every saved game in the data directory, newest first: games in progress, named saves and finished games, and
    /// class tables (a class table's file set aside as damaged is not listed).
    pub fn list(&self) -> Vec<SaveEntry> {
        let mut entries = Vec::new();
        let legacy = self.legacy_autosave();
        if legacy.is_file() {
            entries.push(SaveEntry {
                record: self.read(&legacy),
                modified: modified(&legacy),
                path: legacy,
                kind: SaveKind::InProgress,
            });
        }
        for folder in [GAMES_DIR, SAVES_DIR, CLASS_DIR] {
            let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.join(folder))
                .into_iter()
                .flatten()
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .filter(|path| !is_set_aside(path))
                .collect();
            files.sort();
            for path in files {
                let record = self.read(&path);
                let kind = match folder {
                    GAMES_DIR => SaveKind::InProgress,
                    CLASS_DIR => SaveKind::Class,
                    _ if record.as_ref().is_ok_and(|r| r.over) => SaveKind::Finished,
                    _ => SaveKind::Named,
                };
                entries.push(SaveEntry {
                    record,
                    modified: modified(&path),
                    path,
                    kind,
                });
            }
        }
        entries.sort_by(|a, b| (b.saved_at(), b.modified).cmp(&(a.saved_at(), a.modified)));
        entries
    }

    /// The game "Continue" picks up: the most recently saved game in progress or unfinished class table.
    pub fn latest_in_progress(&self) -> Option<SaveEntry> {
        self.list().into_iter().find(SaveEntry::can_continue)
    }

    fn is_game_in_progress_file(&self, path: &Path) -> bool {
        path == self.legacy_autosave() || path.parent() == Some(self.dir.join(GAMES_DIR).as_path())
    }

    fn is_class_file(&self, path: &Path) -> bool {
        path.parent() == Some(self.dir.join(CLASS_DIR).as_path())
    }

    /// `path`, or the first of `stem-2.json`, `stem-3.json`, … that does not exist.
    fn unused(&self, path: PathBuf) -> PathBuf {
        if !path.exists() {
            return path;
        }
        let stem = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().to_string());
        let extension = path
            .extension()
            .map_or(String::new(), |e| e.to_string_lossy().to_string());
        (2..)
            .map(|n| path.with_file_name(format!("{stem}-{n}.{extension}")))
            .find(|candidate| !candidate.exists())
            .unwrap_or(path)
    }
}

/// When a file was last written, if the system says.
fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// A file name made of a name: letters, digits, `-` and `_` kept, anything else `-`.
fn slug(name: &str) -> String {
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
    if slug.is_empty() {
        "game".to_string()
    } else {
        slug.to_string()
    }
}

/// Whether a file is one [`SaveBook::set_aside`] moved aside (`….damaged.json`, `….damaged-2.json`).
fn is_set_aside(path: &Path) -> bool {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .is_some_and(|stem| stem.ends_with(".damaged") || stem.rsplit_once(".damaged-").is_some())
}
