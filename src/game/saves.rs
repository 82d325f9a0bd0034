//! The autosave: the game in progress is written after every move, so "Continue" on the title picks it up; a
//! finished game removes it. Saves are JSON in the data directory, read with the core's size limit.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::session::GameSetup;
use crate::sim::negotiation::GameState;
use crate::sim::scenario::{BoundedReadError, read_bounded};

/// The version of the save format; a save of another version is refused with a message.
pub const SAVE_VERSION: u32 = 1;

/// The name of the autosave in the data directory.
pub const AUTOSAVE: &str = "autosave.json";

/// A saved game: its setup (scenario, seats, seed) and the core's state.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SaveFile {
    /// [`SAVE_VERSION`].
    pub version: u32,
    /// How the game was set up.
    pub setup: GameSetup,
    /// The core's state.
    pub state: GameState,
}

/// Where saves and settings live: `$TRADETABLE_DATA_DIR`, else the platform's data directory.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TRADETABLE_DATA_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME") {
        return PathBuf::from(dir).join("tradetable");
    }
    if cfg!(windows)
        && let Some(dir) = std::env::var_os("APPDATA")
    {
        return PathBuf::from(dir).join("TradeTable");
    }
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        if cfg!(target_os = "macos") {
            return home.join("Library/Application Support/TradeTable");
        }
        return home.join(".local/share/tradetable");
    }
    PathBuf::from("tradetable-data")
}

/// Whether there is a game to continue.
pub fn exists(dir: &Path) -> bool {
    dir.join(AUTOSAVE).is_file()
}

/// Writes the autosave; a failure is logged, never fatal.
pub fn write(dir: &Path, save: &SaveFile) {
    let result = std::fs::create_dir_all(dir).and_then(|()| {
        let json = serde_json::to_string(save).map_err(std::io::Error::other)?;
        let tmp = dir.join(format!("{AUTOSAVE}.tmp"));
        std::fs::write(&tmp, json)?;
        std::fs::rename(tmp, dir.join(AUTOSAVE))
    });
    if let Err(error) = result {
        warn!("cannot write the autosave in {}: {error}", dir.display());
    }
}

/// Reads the autosave; the error is a sentence for the title screen.
pub fn read(dir: &Path) -> Result<SaveFile, String> {
    let path = dir.join(AUTOSAVE);
    let text = read_bounded(&path).map_err(|e| match e {
        BoundedReadError::Io(e) => format!("cannot read {}: {e}", path.display()),
        BoundedReadError::TooLarge(n) => format!("{}: {n} bytes is too large for a save", path.display()),
    })?;
    let save: SaveFile =
        serde_json::from_str(&text).map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))?;
    if save.version != SAVE_VERSION {
        return Err(format!(
            "{}: save format {} is not supported (this version reads {SAVE_VERSION})",
            path.display(),
            save.version
        ));
    }
    Ok(save)
}

/// Removes the autosave (the game it held has ended).
pub fn remove(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(AUTOSAVE));
}
