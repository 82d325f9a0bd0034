//! Overlays on top of the screens, as a second `States` enum: the pause menu (Esc at the table) and settings.

pub mod pause;
pub mod settings;

use bevy::prelude::*;

/// The overlay shown, if any.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Menu {
    /// No overlay.
    #[default]
    None,
    /// Resume, settings, save and quit.
    Pause,
    /// UI scale and window mode.
    Settings,
}

/// The overlays.
pub fn plugin(app: &mut App) {
    app.init_state::<Menu>().add_plugins((pause::plugin, settings::plugin));
}
