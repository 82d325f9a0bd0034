//! The screens of the game, as a `States` enum: title, setup, the table, the hotseat handover, the results and
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

/// The screen shown.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// New game, continue, scenario picker, settings, quit.
    #[default]
    Title,
    /// Scenario summary, sides, opponent, seed.
    Setup,
    /// The negotiating table (also the watch mode).
    Table,
    /// Between hotseat turns: hides one team's view from the other.
    Handover,
    /// Scores, charts and the counterfactuals.
    Results,
    /// About the model: the backtest of 2025.
    About,
    /// The load dialog: saved, finished and class games, to play on or replay.
    Saves,
    /// Join a class table by its code.
    Join,
    /// Move through a recorded game.
    Replay,
    /// Every table of a class side by side.
    Debrief,
    /// Join a table of a class hosted over the network: the host's address, the table code, the side.
    JoinNetwork,
    /// The teacher's console of a hosted class: every table live, pause, injects, computer seats, end of class.
    Console,
}

/// The screens.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>().add_plugins((
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
