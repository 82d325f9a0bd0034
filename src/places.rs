//! Where the user's files live on this computer: the data directory (saves, settings, class results) and the user's
//! own scenario folder in it. Shared by the game and the command line; the pure core does no file-system lookups.

use std::path::PathBuf;

/// The folder of the user's own scenarios inside the data directory.
pub const SCENARIOS_DIR: &str = "scenarios";

/// Where saves, settings and the user's scenarios live: `$TRADETABLE_DATA_DIR`, else the platform's data directory
/// (from the `directories` crate: `~/.local/share/tradetable` on Linux, `~/Library/Application
/// Support/org.TradeTable.TradeTable` on macOS, `%APPDATA%\\TradeTable\\TradeTable\\data` on Windows), else a folder in
/// the working directory.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TRADETABLE_DATA_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "TradeTable", "TradeTable")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("tradetable-data"))
}

/// The user's own scenario folder.
pub fn user_scenarios() -> PathBuf {
    data_dir().join(SCENARIOS_DIR)
}

/// The folders of scenario files listed after the shipped scenarios: the working folder's `scenarios/` (for authors
/// working in a checkout) and the user's own folder.
pub fn scenario_folders() -> Vec<PathBuf> {
    vec![PathBuf::from("scenarios"), user_scenarios()]
}
