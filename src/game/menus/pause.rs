//! The pause menu (Esc at the table): resume, settings, save and quit to the title, quit the game.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Menu;
use crate::game::LaunchOptions;
use crate::game::navigation::{Flow, Navigate};
use crate::game::saves;
use crate::game::session::{GameCommand, Session};
use crate::game::theme::{self, UiSet};

/// What the pause menu asks for.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseAction {
    /// Back to the game.
    Resume,
    /// Open the settings.
    Settings,
    /// Save and go back to the title.
    QuitToTitle,
    /// Save and close the game.
    Quit,
}

/// The pause menu.
pub fn plugin(app: &mut App) {
    app.add_message::<PauseAction>()
        .add_systems(Update, apply_pause_actions.in_set(Flow::Actions))
        .add_systems(
            EguiPrimaryContextPass,
            draw_pause_menu.in_set(UiSet::Overlay).run_if(in_state(Menu::Pause)),
        );
}

/// The menu's buttons; returns what was chosen.
pub fn pause_menu(ui: &mut egui::Ui, in_game: bool) -> Option<PauseAction> {
    let mut action = None;
    ui.set_width(300.0);
    ui.vertical_centered(|ui| {
        ui.heading("Paused");
        ui.add_space(8.0);
        if theme::big_button(ui, true, "Resume (Esc)").clicked() {
            action = Some(PauseAction::Resume);
        }
        if theme::big_button(ui, true, "Settings").clicked() {
            action = Some(PauseAction::Settings);
        }
        let label = if in_game {
            "Save and quit to title"
        } else {
            "Quit to title"
        };
        if theme::big_button(ui, true, label).clicked() {
            action = Some(PauseAction::QuitToTitle);
        }
        if theme::big_button(ui, true, "Quit the game").clicked() {
            action = Some(PauseAction::Quit);
        }
        if in_game {
            ui.add_space(6.0);
            theme::note(
                ui,
                "The game is saved after every move; Continue on the title picks it up.",
            );
        }
    });
    action
}

fn draw_pause_menu(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    mut actions: MessageWriter<PauseAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let in_game = session.as_ref().is_some_and(|s| !s.state.is_over());
    let mut action = egui::Modal::new("pause".into())
        .show(ctx, |ui| pause_menu(ui, in_game))
        .inner;
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        action = Some(PauseAction::Resume);
    }
    actions.write_batch(action);
    Ok(())
}

fn apply_pause_actions(
    mut actions: MessageReader<PauseAction>,
    session: Option<Res<Session>>,
    options: Res<LaunchOptions>,
    mut navigate: MessageWriter<Navigate>,
    mut commands: MessageWriter<GameCommand>,
    mut exit: MessageWriter<AppExit>,
) {
    for action in actions.read() {
        match action {
            PauseAction::Resume => {
                navigate.write(Navigate::Overlay(Menu::None));
            }
            PauseAction::Settings => {
                navigate.write(Navigate::Overlay(Menu::Settings));
            }
            PauseAction::QuitToTitle => {
                navigate.write(Navigate::Overlay(Menu::None));
                commands.write(GameCommand::QuitToTitle);
            }
            PauseAction::Quit => {
                if let Some(session) = &session
                    && !session.state.is_over()
                    && !options.autoplay
                {
                    saves::write(&options.data_dir, &session.to_save());
                }
                exit.write(AppExit::Success);
            }
        }
    }
}
