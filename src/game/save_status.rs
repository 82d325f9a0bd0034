//! Whether the game on the table is safely on disk: a failed save is shown in a banner over the table and the results
//! (and the hotseat handover) that stays until a save succeeds (with "Try again"), and anything that would drop a game with unsaved moves asks
//! first, in the pause menu.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::menus::Menu;
use super::navigation::Flow;
use super::screens::Screen;
use super::session::{GameCommand, Session};
use super::theme::{self, UiSet};

/// What became of the game's last save.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveStatus {
    /// Why the last save failed, while no save has succeeded since.
    pub failure: Option<String>,
    /// How many of the game's moves are on disk.
    pub saved_moves: usize,
    /// A command that would drop the game while its last moves are not on disk, waiting for the player to say
    /// whether to go on and lose them.
    pub pending: Option<GameCommand>,
}

impl SaveStatus {
    /// A save of a game with `moves` moves succeeded.
    pub fn saved(&mut self, moves: usize) {
        self.failure = None;
        self.saved_moves = moves;
    }

    /// A save failed, for `why`.
    pub fn failed(&mut self, why: String) {
        self.failure = Some(why);
    }

    /// A new game is on the table: nothing failed yet; its first `moves` moves are on disk where it came from.
    pub fn reset(&mut self, moves: usize) {
        *self = SaveStatus {
            saved_moves: moves,
            ..SaveStatus::default()
        };
    }

    /// How many of `session`'s moves would be lost if it were dropped now (0 when its last save succeeded).
    pub fn unsaved_moves(&self, session: &Session) -> usize {
        if self.failure.is_none() {
            0
        } else {
            session.state.moves.len().saturating_sub(self.saved_moves).max(1)
        }
    }

    /// The banner's sentence, while a save is failing.
    pub fn banner(&self, session: &Session) -> Option<String> {
        let why = self.failure.as_ref()?;
        let moves = self.unsaved_moves(session);
        let what = if session.state.is_over() {
            "The finished game is not saved".to_string()
        } else {
            format!(
                "Not saved: the last {moves} move{} are only in this window",
                if moves == 1 { "" } else { "s" }
            )
        };
        Some(format!(
            "{what}. {why}. Free some space or fix the folder, then try again."
        ))
    }
}

/// The banner's button.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetrySave;

/// The save status and its banner.
pub fn plugin(app: &mut App) {
    app.init_resource::<SaveStatus>()
        .add_message::<RetrySave>()
        .add_systems(Update, apply_retry.in_set(Flow::Actions))
        .add_systems(
            EguiPrimaryContextPass,
            draw_save_banner.in_set(UiSet::Overlay).run_if(
                in_state(Screen::Table)
                    .or_else(in_state(Screen::Results))
                    .or_else(in_state(Screen::Handover)),
            ),
        );
}

fn apply_retry(mut retries: MessageReader<RetrySave>, mut commands: MessageWriter<GameCommand>) {
    if retries.read().count() > 0 {
        commands.write(GameCommand::SaveNow);
    }
}

/// Closing the window is "Quit the game": the game is saved first, and if that fails the pause menu asks before the
/// moves are lost (only in the windowed game; headless tests have no window).
pub fn quit_when_the_window_closes(
    mut requests: MessageReader<bevy::window::WindowCloseRequested>,
    mut commands: MessageWriter<GameCommand>,
) {
    if requests.read().count() > 0 {
        commands.write(GameCommand::QuitGame);
    }
}

/// The banner's contents; returns whether "Try again" was pressed.
pub fn save_banner(ui: &mut egui::Ui, text: &str) -> bool {
    let mut retry = false;
    egui::Frame::new()
        .fill(theme::BAD)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(900.0));
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(text).color(egui::Color32::WHITE).strong());
                if ui.button("Try again").clicked() {
                    retry = true;
                }
            });
        });
    retry
}

fn draw_save_banner(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    status: Res<SaveStatus>,
    menu: Res<State<Menu>>,
    mut retries: MessageWriter<RetrySave>,
) -> Result {
    // An open menu says the same in its own words; the banner would sit over it.
    if *menu.get() != Menu::None {
        return Ok(());
    }
    let Some(text) = session.as_deref().and_then(|session| status.banner(session)) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("save_banner".into())
        // At the foot of the window, over the status line, so the top bar's controls stay in reach.
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -8.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            if save_banner(ui, &text) {
                retries.write(RetrySave);
            }
        });
    Ok(())
}
