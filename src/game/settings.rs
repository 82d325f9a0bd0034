//! Player settings: the UI scale (for a classroom projector) and the window mode, kept in `settings.json` in the
//! data directory and applied as they change.

use std::path::Path;

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use serde::{Deserialize, Serialize};

use super::LaunchOptions;

/// The settings.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// UI scale: 1 for a laptop, 1.5 or more for a projector.
    pub ui_scale: f32,
    /// Borderless full screen instead of a window.
    pub fullscreen: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ui_scale: 1.0,
            fullscreen: false,
        }
    }
}

impl Settings {
    /// The scales the settings screen offers.
    pub const SCALES: [f32; 5] = [1.0, 1.25, 1.5, 1.75, 2.0];

    /// The settings file in `dir`, or the defaults.
    pub fn load(dir: &Path) -> Settings {
        std::fs::read_to_string(dir.join("settings.json"))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the settings file; a failure is logged.
    pub fn save(&self, dir: &Path) {
        let result = std::fs::create_dir_all(dir).and_then(|()| {
            let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
            std::fs::write(dir.join("settings.json"), json)
        });
        if let Err(error) = result {
            warn!("cannot save settings in {}: {error}", dir.display());
        }
    }
}

/// Loads the settings at startup and applies the window mode when it changes.
pub fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .add_systems(PreStartup, load_settings)
        .add_systems(Update, apply_window_mode.run_if(resource_changed::<Settings>));
}

fn load_settings(options: Res<LaunchOptions>, mut settings: ResMut<Settings>) {
    let mut loaded = if options.autoplay {
        Settings::default()
    } else {
        Settings::load(&options.data_dir)
    };
    if let Some(scale) = options.ui_scale {
        loaded.ui_scale = scale.clamp(0.5, 3.0);
    }
    if options.fullscreen {
        loaded.fullscreen = true;
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
