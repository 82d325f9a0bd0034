//! Builders for headless tests of the game: the whole game plugin on `MinimalPlugins` and `StatesPlugin`, with no
//! window, renderer or egui — screens, sessions and moves run; drawing does not.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use super::session::{AiPace, GameSetup};
use super::{LaunchOptions, plugin};

/// Launch options for a test: the title screen, the given setup, saves in `data_dir`.
pub fn options(setup: GameSetup, data_dir: PathBuf) -> LaunchOptions {
    LaunchOptions {
        setup,
        data_dir,
        ..LaunchOptions::title()
    }
}

/// The game without a window; the AI moves at once. Call `update()` to run frames.
pub fn minimal_app(options: LaunchOptions) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(options)
        .insert_resource(AiPace { seconds_per_move: 0.0 })
        .add_plugins(plugin);
    app
}

/// A fresh, empty directory for a test's saves.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradetable-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
