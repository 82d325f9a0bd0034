//! Windowless apps for the host, the bot laptops and the tests: Bevy's minimal plugins paced at the network's update
//! rate, made ready the way `run()` would, so an app driven by `update()` works the same.

use std::time::Duration;

use bevy::app::ScheduleRunnerPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

/// How often a headless app built here updates when it is `run()` rather than driven by `update()`: the host has no
/// screen to pace it, and a loop without a pause would take a whole core.
pub const HEADLESS_UPDATE_INTERVAL: Duration = Duration::from_micros(16_667);

/// An app without a window, updating at [`HEADLESS_UPDATE_INTERVAL`] when run, with states; add the network's
/// plugins, then call [`make_ready`].
pub fn windowless_app() -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.set(ScheduleRunnerPlugin::run_loop(HEADLESS_UPDATE_INTERVAL)),
        StatesPlugin,
    ));
    app
}

/// Finishes the plugins' set-up: `run()` would do this; an app driven by `update()` must, or replicon builds no send
/// and receive systems.
pub fn make_ready(app: &mut App) {
    app.finish();
    app.cleanup();
}
