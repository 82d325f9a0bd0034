//! Player settings: the UI scale (for a classroom projector), the window mode, the language and the sound, kept in
//! `settings.json` in the data directory and applied as they change.

use std::path::Path;

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use serde::{Deserialize, Serialize};

use super::i18n::Language;
use super::launch::LaunchOptions;
use super::saves::GameStorage;
use crate::storage::{Storage, StorageError};

/// The settings.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// UI scale: 1 for a laptop, 1.5 or more for a projector.
    pub ui_scale: f32,
    /// Borderless full screen instead of a window.
    pub fullscreen: bool,
    /// The language of the UI. A settings file from before the game spoke Japanese has none: the system's.
    #[serde(default = "Language::system")]
    pub language: Language,
    /// The sound cues' volume, 0 to 1.
    #[serde(default = "default_volume")]
    pub volume: f32,
    /// No sound cues at all (the volume is kept for when they come back).
    #[serde(default)]
    pub muted: bool,
}

fn default_volume() -> f32 {
    Settings::DEFAULT_VOLUME
}

/// English, so that autoplay, the tests and the screenshots read the same on every machine; a player's first game
/// starts in the system's language instead ([`Settings::load`]).
impl Default for Settings {
    fn default() -> Self {
        Settings {
            ui_scale: 1.0,
            fullscreen: false,
            language: Language::English,
            volume: Settings::DEFAULT_VOLUME,
            muted: false,
        }
    }
}

impl Settings {
    /// The scales the settings screen offers.
    pub const SCALES: [f32; 5] = [1.0, 1.25, 1.5, 1.75, 2.0];

    /// The cues' volume on a first run: audible, below the level of a video call.
    pub const DEFAULT_VOLUME: f32 = 0.6;

    /// The settings file is far smaller than this; a larger one is not read.
    const MAX_FILE_BYTES: u64 = 64 * 1024;

    /// The settings file in `dir`, or the defaults in the system's language (for a missing, damaged or oversized
    /// file).
    pub fn load(storage: &Storage, dir: &Path) -> Settings {
        let first_run = || Settings {
            language: Language::system(),
            ..Settings::default()
        };
        match storage.read_bounded(&dir.join("settings.json"), Self::MAX_FILE_BYTES) {
            Ok(Ok(bytes)) => serde_json::from_slice::<Settings>(&bytes)
                .map(|mut settings| {
                    // A hand-edited file may say anything: keep the volume in range.
                    settings.volume = if settings.volume.is_finite() {
                        settings.volume.clamp(0.0, 1.0)
                    } else {
                        0.0
                    };
                    settings
                })
                .unwrap_or_else(|_| first_run()),
            _ => first_run(),
        }
    }

    /// Writes the settings file atomically; on failure the file is as it was.
    pub fn save(&self, storage: &Storage, dir: &Path) -> Result<(), StorageError> {
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        storage.write(&dir.join("settings.json"), json.as_bytes())
    }
}

/// The settings are loaded (at startup, with the command line's overrides): systems that read them at startup run
/// after this set.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SettingsLoaded;

/// Loads the settings at startup and applies the window mode when it changes.
pub fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .add_systems(PreStartup, load_settings.in_set(SettingsLoaded))
        .add_systems(Update, apply_window_mode.run_if(resource_changed::<Settings>));
}

fn load_settings(options: Res<LaunchOptions>, storage: Res<GameStorage>, mut settings: ResMut<Settings>) {
    let mut loaded = if options.autoplay {
        Settings::default()
    } else {
        Settings::load(&storage.0, &options.data_dir)
    };
    if let Some(scale) = options.ui_scale {
        loaded.ui_scale = scale.clamp(0.5, 3.0);
    }
    if options.fullscreen {
        loaded.fullscreen = true;
    }
    if let Some(language) = options.language {
        loaded.language = language;
    }
    *settings = loaded;
}

fn apply_window_mode(settings: Res<Settings>, mut windows: Query<&mut Window, With<PrimaryWindow>>) {
    for mut window in &mut windows {
        let mode = if settings.fullscreen {
            WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
        if window.mode != mode {
            window.mode = mode;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sound_settings_default_for_an_older_file_and_a_hand_edited_volume_is_kept_in_range() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let storage = Storage::real();
        // A settings file from before the game had sound.
        std::fs::write(
            dir.path().join("settings.json"),
            r#"{"ui_scale": 1.5, "fullscreen": false, "language": "ja"}"#,
        )
        .expect("write");
        let older = Settings::load(&storage, dir.path());
        assert_eq!((older.volume, older.muted), (Settings::DEFAULT_VOLUME, false));
        assert_eq!((older.ui_scale, older.language), (1.5, Language::Japanese));
        // Edited by hand: too loud, and muted.
        std::fs::write(
            dir.path().join("settings.json"),
            r#"{"ui_scale": 1.0, "fullscreen": false, "language": "en", "volume": 7.5, "muted": true}"#,
        )
        .expect("write");
        let edited = Settings::load(&storage, dir.path());
        assert_eq!((edited.volume, edited.muted), (1.0, true));
        // Saved and read back, the sound settings are kept.
        let chosen = Settings {
            volume: 0.25,
            muted: true,
            ..Settings::default()
        };
        chosen.save(&storage, dir.path()).expect("saved");
        assert_eq!(Settings::load(&storage, dir.path()), chosen);
    }
}
