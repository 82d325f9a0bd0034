//! The screens of the game (the `Screen` state of `navigation`): title, setup, the table, the hotseat handover, the results and
//! the about-the-model view; joining a networked table, and the teacher's console of a hosted class.
//! The watch mode is the table with play, pause, step and speed in its top bar.

pub mod about;
pub mod console;
pub mod debrief;
pub mod handover;
pub mod join;
pub mod join_network;
pub mod replay;
pub mod results;
pub mod saves;
pub mod setup;
pub mod table;
pub mod title;

use bevy::prelude::*;

/// The screens.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        title::plugin,
        setup::plugin,
        table::plugin,
        handover::plugin,
        results::plugin,
        about::plugin,
        saves::plugin,
        join::plugin,
        join_network::plugin,
        console::plugin,
        replay::plugin,
        debrief::plugin,
    ));
}
