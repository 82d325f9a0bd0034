//! Overlays on top of the screens (the `Menu` state of `navigation`): the pause menu (Esc at the table), settings,
//! and the list of keys (F1 or ?, anywhere).

pub mod help;
pub mod pause;
pub mod settings;

use bevy::prelude::*;

/// The overlays.
pub fn plugin(app: &mut App) {
    app.add_plugins((pause::plugin, settings::plugin, help::plugin));
}
