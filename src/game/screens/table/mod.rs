//! The table, the main screen: the top bar, your levers on the left, the offer table with the preview in the
//! middle, the dashboard, news and offer history on the right (as tabs when the window is narrow), and a status
//! line. In watch mode the top bar carries play, pause, step and speed, and the levers give way to what is in
//! force. Keyboard: the table's bindings of `keys::BINDINGS` (Enter sends the proposal, Esc opens the menu, 1–4
//! pick a lever group, Space and → drive the watch mode, …), listed by the help overlay (F1).

mod draw;
mod keys;
mod state;

pub use draw::brief_panel;
pub use state::{Advice, Drafts, Tab, TableAction, TableUi};

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::game::i18n::t;
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::panels::preview::Preview;
use crate::game::session::{GameCommand, GameOpened, Mode, PlayerMove, Session, WatchClock};
use crate::game::theme::UiSet;
use tradetable_core::Move;
use tradetable_core::ai::Opponent;

/// The table screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<Drafts>()
        .init_resource::<TableUi>()
        .add_message::<TableAction>()
        .add_systems(Update, (apply_table_actions, drive_the_watch).in_set(Flow::Actions))
        .add_systems(
            Update,
            (reset_for_new_game, update_preview.run_if(in_state(Screen::Table)))
                .chain()
                .after(Flow::Session),
        )
        .add_systems(OnEnter(Screen::Table), seat_the_team)
        .add_systems(OnExit(Screen::Table), hide_private_view)
        .add_systems(
            EguiPrimaryContextPass,
            draw::draw_table.in_set(UiSet::Screen).run_if(in_state(Screen::Table)),
        );
}

/// Rebuilds the table's state for each game put on the table, however it got there (a new game after another, a
/// load, a class table, a branch), so nothing of one game's drafts or tabs reaches the next.
fn reset_for_new_game(
    mut opened: MessageReader<GameOpened>,
    session: Option<Res<Session>>,
    mut drafts: ResMut<Drafts>,
    mut ui: ResMut<TableUi>,
    mut commands: Commands,
) {
    if opened.read().count() > 0
        && let Some(session) = session
    {
        *drafts = Drafts::default();
        *ui = TableUi::default();
        if session.setup.mode == Mode::Watch {
            ui.tab = Tab::Dashboard;
        }
        commands.remove_resource::<Advice>();
        commands.remove_resource::<Preview>();
    }
}

/// Recomputes the preview when the game, the draft or the viewer changes.
fn update_preview(
    session: Option<Res<Session>>,
    drafts: Res<Drafts>,
    preview: Option<Res<Preview>>,
    mut commands: Commands,
) {
    let Some(session) = session else {
        return;
    };
    let viewer = session.viewer();
    let stale = preview
        .as_ref()
        .is_none_or(|p| p.viewer != viewer || p.round != session.state.round);
    if !(stale || session.is_changed() || drafts.is_changed()) {
        return;
    }
    let draft = viewer.side().and_then(|side| drafts.get(side));
    commands.insert_resource(Preview::compute(&session.scenario, &session.state, viewer, draft));
}

/// In hotseat, the team that continued past the handover takes the controls.
fn seat_the_team(session: Option<ResMut<Session>>) {
    if let Some(mut session) = session
        && session.setup.mode == Mode::Hotseat
        && session.seated != session.state.to_move
    {
        session.seated = session.state.to_move;
    }
}

/// Leaving the table (to the hotseat handover, the results or the title) takes the private view with it.
fn hide_private_view(mut commands: Commands, mut ui: ResMut<TableUi>) {
    commands.remove_resource::<Preview>();
    commands.remove_resource::<Advice>();
    ui.confirm_walk_away = false;
}

fn advice_text(mv: &Move) -> String {
    match mv {
        Move::Propose(_) => t!("table-advice-propose"),
        Move::Accept => t!("table-advice-accept"),
        Move::Pass => t!("table-advice-pass"),
        Move::WalkAway => t!("table-advice-walk-away"),
        other => t!("table-advice-action", action = other.to_string()),
    }
}

/// Carries out what players did at the table (the watch mode's controls are [`drive_the_watch`]'s).
fn apply_table_actions(
    mut actions: MessageReader<TableAction>,
    session: Option<Res<Session>>,
    mut drafts: ResMut<Drafts>,
    mut moves: MessageWriter<PlayerMove>,
    mut navigate: MessageWriter<Navigate>,
    mut game_commands: MessageWriter<GameCommand>,
    mut commands: Commands,
) {
    for action in actions.read() {
        match action {
            TableAction::Play { side, mv } => {
                moves.write(PlayerMove {
                    side: *side,
                    mv: mv.clone(),
                });
            }
            TableAction::Draft { side, package } => drafts.0[*side] = Some(package.clone()),
            TableAction::AskAdviser(side) => {
                let Some(session) = &session else {
                    continue;
                };
                let state = &session.state;
                let mv = Opponent::adviser(*side).next_move(&session.scenario, state);
                let package = match &mv {
                    Move::Propose(p) => Some(p.clone()),
                    _ => None,
                };
                commands.insert_resource(Advice {
                    side: *side,
                    at: (state.round, state.actions_this_turn, state.to_move),
                    text: advice_text(&mv),
                    package,
                });
            }
            TableAction::PlayPause | TableAction::Step | TableAction::Speed(_) => {}
            TableAction::Pause => {
                navigate.write(Navigate::Overlay(Menu::Pause));
            }
            TableAction::Reload => {
                game_commands.write(GameCommand::Reload);
            }
            TableAction::Keys => {
                navigate.write(Navigate::Overlay(Menu::Help));
            }
        }
    }
}

/// The watch mode's play, pause, step and speed.
fn drive_the_watch(mut actions: MessageReader<TableAction>, mut watch: ResMut<WatchClock>) {
    for action in actions.read() {
        match action {
            TableAction::PlayPause => watch.playing = !watch.playing,
            TableAction::Step => {
                watch.playing = false;
                watch.pending_steps += 1;
            }
            TableAction::Speed(speed) => watch.moves_per_second = *speed,
            _ => {}
        }
    }
}
