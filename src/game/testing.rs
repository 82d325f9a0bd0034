//! Builders for headless tests of the game: the whole game plugin on `MinimalPlugins` and `StatesPlugin`, with no
//! window, renderer or egui — screens, sessions and moves run; drawing does not. A networked game and the teacher's
//! console are the same with the transport's player or host half.

use std::net::SocketAddr;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use super::launch::LaunchOptions;
use super::plugin;
use super::session::{AiPace, GameSetup};

/// Launch options for a test: the title screen, the given setup, saves in `data_dir`.
pub fn options(setup: GameSetup, data_dir: PathBuf) -> LaunchOptions {
    LaunchOptions {
        setup,
        data_dir,
        // The tests read English whatever the machine's language.
        language: Some(super::i18n::Language::English),
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

/// The game as `run` opens it, able to join networked tables (driven by `update()`, so the transport is finished
/// here as `run()` would).
pub fn networked_app(options: LaunchOptions) -> App {
    let mut app = minimal_app(options);
    app.add_plugins(crate::net::class_client::plugin);
    app.finish();
    app.cleanup();
    app
}

/// The teacher's console hosting `class` on `addr` (port 0: any free one), opened at the first `update()`.
pub fn console_app(options: LaunchOptions, class: crate::net::class_host::ClassHost, addr: SocketAddr) -> App {
    let mut app = minimal_app(LaunchOptions {
        console: true,
        ..options
    });
    super::hosting(&mut app, class, addr);
    app.finish();
    app.cleanup();
    app
}

/// A fresh, empty directory for a test's saves.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradetable-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes an action as its draw system would, and runs the two frames that carry it out (the action, then the
/// command or navigation it asks for).
pub fn press<M: Message>(app: &mut App, action: M) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

/// The screen shown.
pub fn screen(app: &App) -> super::navigation::Screen {
    *app.world().resource::<State<super::navigation::Screen>>().get()
}

/// The overlay shown.
pub fn menu(app: &App) -> super::navigation::Menu {
    *app.world().resource::<State<super::navigation::Menu>>().get()
}
