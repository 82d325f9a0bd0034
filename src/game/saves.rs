//! The autosave: the game in progress is written after every move, so "Continue" on the title picks it up; a
//! finished game removes it. Saves are JSON in the data directory, read with the core's size limit.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::session::GameSetup;
use crate::sim::negotiation::GameState;
use crate::sim::scenario::{BoundedReadError, read_bounded};

/// The version of the save format; a save of another version is refused with a message.
pub const SAVE_VERSION: u32 = 3;

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

/// Where saves and settings live: `$TRADETABLE_DATA_DIR`, else the platform's data directory (from the
/// `directories` crate: `~/.local/share/tradetable` on Linux, `~/Library/Application Support/org.TradeTable.TradeTable`
/// on macOS, `%APPDATA%\\TradeTable\\TradeTable\\data` on Windows), else a folder beside the program's working directory.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TRADETABLE_DATA_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "TradeTable", "TradeTable")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("tradetable-data"))
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
    // The version first, so a save of another version gets that message rather than a field error.
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    let located = |e: serde_json::Error| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column());
    let version: Version = serde_json::from_str(&text).map_err(located)?;
    if version.version != SAVE_VERSION {
        return Err(format!(
            "{}: save format {} is not supported (this version reads {SAVE_VERSION})",
            path.display(),
            version.version
        ));
    }
    serde_json::from_str(&text).map_err(located)
}

/// Removes the autosave (the game it held has ended).
pub fn remove(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(AUTOSAVE));
}
