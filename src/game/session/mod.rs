//! The game in progress, the hub the features build on. It imports only the foundations (`navigation`, `saves`,
//! `settings`) and the network client, never a screen, a menu or a panel; its files import each other one way:
//! `setup` (who plays, which scenario) → `game` (the [`Session`] resource) → `commands` (what players ask) →
//! `keeping` (the game on disk, and the gate of commands) → `turns` (moves, the AI, following the game) → `opening`
//! (putting a game on the table, quitting). Each feature runs its own family of commands: see [`commands`].

pub mod commands;
pub mod error;
pub mod game;
pub mod keeping;
pub mod opening;
pub mod setup;
pub mod turns;

use bevy::prelude::*;

use super::i18n::CurrentLanguage;
use super::navigation::{Flow, SessionStep};
use super::saves::GameStorage;

pub use commands::{AdmittedCommand, GameCommand, GameOpened, NoticeKind, TitleNotice};
pub use error::{OpenError, UnknownSide};
pub use game::{RemoteTable, Session, Viewer, first_screen, open_record};
pub use keeping::{Keeping, SaveStatus};
pub use opening::GameOpener;
pub use setup::{GameSetup, Mode, ScenarioPreview, ScenarioSource, find_scenario, scenario_library, scenario_sources};
pub use turns::{Agents, AiPace, PlayerMove, WatchClock};

/// Sessions, seats and moves; the order of the session's part of a frame.
pub fn plugin(app: &mut App) {
    app.init_resource::<GameStorage>()
        .configure_sets(
            Update,
            (
                SessionStep::Admit,
                SessionStep::Commands,
                SessionStep::Host,
                SessionStep::Moves,
            )
                .chain()
                .in_set(Flow::Session),
        )
        .add_plugins((
            commands::plugin,
            keeping::plugin,
            opening::plugin,
            setup::plugin,
            turns::plugin,
        ))
        .add_systems(
            Update,
            speak_language_in_play.run_if(resource_exists_and_changed::<CurrentLanguage>),
        );
}

/// The game on the table shows its scenario's texts in the language the player just chose.
fn speak_language_in_play(session: Option<ResMut<Session>>) {
    if let Some(mut session) = session {
        session.speak_language_in_play();
    }
}
