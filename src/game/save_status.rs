//! Whether the game on the table is safely on disk: a failed save is shown in a banner over the table and the results
//! (and the hotseat handover) that stays until a save succeeds (with "Try again"), and anything that would drop a game with unsaved moves asks
//! first, in the pause menu.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::i18n::t;
use super::navigation::{Flow, Menu, Screen};
use super::session::{GameCommand, SaveStatus, Session};
use super::theme::{self, UiSet};

/// The banner's button.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetrySave;

/// The save status and its banner.
pub fn plugin(app: &mut App) {
    app.add_message::<RetrySave>()
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
                if ui.button(t!("menus-banner-try-again")).clicked() {
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
