//! The one path by which the game changes screen or overlay, and the order in which a frame handles what players
//! asked for.
//!
//! Draw systems only draw: each writes the action its buttons and keys chose (a `TitleAction`, a `TableAction`, …)
//! as a message. In the next `Update`, the screen's apply system turns the action into its effects — a
//! `GameCommand` for the session, a move for the core, or a [`Navigate`] — and
//! [`navigate`] alone sets the next screen and overlay. Headless tests write the same actions and check the effects,
//! so every button's effect is tested without a window.

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
    /// The list of keys (F1 or ?).
    Help,
}

/// A change of screen or overlay.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Navigate {
    /// Show a screen (closing any overlay).
    To(Screen),
    /// Open "About the model", coming back to `from` when it is closed.
    About {
        /// The screen to return to.
        from: Screen,
    },
    /// Close "About the model", back to the screen it was opened from.
    BackFromAbout,
    /// Show an overlay over the screen, or none.
    Overlay(Menu),
}

/// The screen "About the model" goes back to.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct AboutReturn(pub Screen);

/// The phases of a frame's `Update` that act on what players asked for, in order: screens' actions become commands,
/// moves and navigation; the session runs commands and moves; navigation sets the next screen.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flow {
    /// Screens and menus apply the actions their draw systems wrote.
    Actions,
    /// The session starts, continues and saves games, and applies moves.
    Session,
    /// [`navigate`] applies the screen and overlay changes.
    Navigate,
}

/// The steps of the session's part of a frame (`Flow::Session`), in order.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionStep {
    /// Commands that would drop a game with unsaved moves wait for the player's word; the others are admitted.
    Admit,
    /// Each feature runs the admitted commands of its own family.
    Commands,
    /// A networked table's host is followed.
    Host,
    /// Players' and the AI's moves are applied; the game is followed to the next screen and saved.
    Moves,
}

/// The screen and overlay states, navigation between them, and the order of a frame.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_state::<Menu>()
        .add_message::<Navigate>()
        .insert_resource(AboutReturn(Screen::Title))
        .configure_sets(Update, (Flow::Actions, Flow::Session, Flow::Navigate).chain())
        .add_systems(Update, navigate.in_set(Flow::Navigate));
}

/// Applies every change of screen or overlay asked for this frame, in the order asked.
pub fn navigate(
    mut requests: MessageReader<Navigate>,
    mut about: ResMut<AboutReturn>,
    mut screen: ResMut<NextState<Screen>>,
    mut menu: ResMut<NextState<Menu>>,
) {
    for request in requests.read() {
        match *request {
            Navigate::To(target) => {
                screen.set(target);
                menu.set(Menu::None);
            }
            Navigate::About { from } => {
                about.0 = from;
                screen.set(Screen::About);
                menu.set(Menu::None);
            }
            Navigate::BackFromAbout => {
                screen.set(about.0);
                menu.set(Menu::None);
            }
            Navigate::Overlay(overlay) => menu.set(overlay),
        }
    }
}
