//! The pause menu (Esc at the table): resume, settings, save and quit to the title, quit the game — and, when the
//! game cannot be saved, why, with "Try again", and a question before anything that would lose its last moves.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::t;
use crate::game::navigation::{Flow, Menu, Navigate, SessionStep};
use crate::game::session::{AdmittedCommand, GameCommand, Keeping, SaveStatus, Session};
use crate::game::theme::{self, UiSet};

/// What the pause menu asks for.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum PauseAction {
    /// Type the name to save under.
    Name(String),
    /// Save the game under the name typed, beside the autosave.
    SaveAs,
    /// Back to the game.
    Resume,
    /// Open the settings.
    Settings,
    /// Save and go back to the title.
    QuitToTitle,
    /// Save and close the game.
    Quit,
    /// Try the failed save again.
    RetrySave,
    /// Go on with quitting (or leaving the game) though its last moves are not saved.
    Discard,
    /// Stay with the game that could not be saved.
    KeepPlaying,
}

/// The game's save is failing: what the menu says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    /// Why the save failed.
    pub why: String,
    /// How many moves would be lost.
    pub moves: usize,
    /// Whether the player asked to leave the game and the menu asks before losing the moves.
    pub asking: bool,
}

/// The pause menu.
pub fn plugin(app: &mut App) {
    app.add_message::<PauseAction>()
        .init_resource::<SaveAsName>()
        .init_resource::<SaveNotice>()
        .add_systems(Update, apply_pause_actions.in_set(Flow::Actions))
        .add_systems(Update, save_under_a_name.in_set(SessionStep::Commands))
        .add_systems(
            EguiPrimaryContextPass,
            draw_pause_menu.in_set(UiSet::Overlay).run_if(in_state(Menu::Pause)),
        );
}

/// The name typed for "Save as", and what became of the last save.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveAsName(pub String);

/// The menu's buttons; returns what was chosen.
/// At a networked table (`remote`) there is nothing to save here: the host keeps the game, and leaving takes the
/// team off the table until it joins again.
pub fn pause_menu(
    ui: &mut egui::Ui,
    in_game: bool,
    remote: bool,
    name: &str,
    saved: Option<&str>,
    unsaved: Option<&Unsaved>,
) -> Option<PauseAction> {
    let mut action = None;
    ui.set_width(300.0);
    ui.vertical_centered(|ui| {
        if let Some(unsaved) = unsaved.filter(|u| u.asking) {
            let moves = unsaved.moves;
            ui.heading(t!("menus-pause-unsaved-title"));
            ui.add_space(6.0);
            ui.label(t!("menus-pause-unsaved-why", why = unsaved.why.as_str()));
            ui.label(t!("menus-pause-unsaved-loses", count = moves));
            ui.add_space(8.0);
            if theme::big_button(ui, true, &t!("menus-pause-try-saving-again")).clicked() {
                action = Some(PauseAction::RetrySave);
            }
            if theme::big_button(ui, true, &t!("menus-pause-back-to-game")).clicked() {
                action = Some(PauseAction::KeepPlaying);
            }
            if ui
                .button(egui::RichText::new(t!("menus-pause-leave-anyway", count = moves)).color(theme::BAD))
                .clicked()
            {
                action = Some(PauseAction::Discard);
            }
            return;
        }
        ui.heading(t!("menus-pause-title"));
        ui.add_space(8.0);
        if theme::big_button(ui, true, &t!("menus-pause-resume")).clicked() {
            action = Some(PauseAction::Resume);
        }
        if theme::big_button(ui, true, &t!("menus-pause-settings")).clicked() {
            action = Some(PauseAction::Settings);
        }
        if in_game && !remote {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let mut typed = name.to_string();
                ui.add(
                    egui::TextEdit::singleline(&mut typed)
                        .hint_text(t!("menus-pause-save-name-hint"))
                        .desired_width(170.0),
                );
                if typed != name {
                    action = Some(PauseAction::Name(typed));
                }
                if ui
                    .add_enabled(!name.trim().is_empty(), egui::Button::new(t!("menus-pause-save-as")))
                    .clicked()
                {
                    action = Some(PauseAction::SaveAs);
                }
            });
            if let Some(saved) = saved {
                theme::note(ui, saved);
            }
            ui.add_space(4.0);
        }
        let label = if remote {
            t!("menus-pause-leave-table")
        } else if in_game {
            t!("menus-pause-save-and-quit")
        } else {
            t!("menus-pause-quit-to-title")
        };
        if theme::big_button(ui, true, &label).clicked() {
            action = Some(PauseAction::QuitToTitle);
        }
        if theme::big_button(ui, true, &t!("menus-pause-quit-game")).clicked() {
            action = Some(PauseAction::Quit);
        }
        if remote {
            ui.add_space(6.0);
            theme::note(ui, t!("menus-pause-remote-note"));
        } else if let Some(unsaved) = unsaved {
            ui.add_space(6.0);
            ui.colored_label(theme::BAD, t!("menus-pause-not-saved", why = unsaved.why.as_str()));
            if ui.button(t!("menus-pause-try-saving-again")).clicked() {
                action = Some(PauseAction::RetrySave);
            }
        } else if in_game {
            ui.add_space(6.0);
            theme::note(ui, t!("menus-pause-saved-note"));
        }
    });
    action
}

fn draw_pause_menu(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    name: Res<SaveAsName>,
    saved: Res<SaveNotice>,
    status: Res<SaveStatus>,
    mut actions: MessageWriter<PauseAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let in_game = session.as_ref().is_some_and(|s| !s.state.is_over());
    let remote = session.as_ref().is_some_and(|s| s.is_remote());
    let unsaved = session.as_deref().and_then(|session| {
        Some(Unsaved {
            why: status.failure.clone()?,
            moves: status.unsaved_moves(session),
            asking: status.pending.is_some(),
        })
    });
    let mut action = egui::Modal::new("pause".into())
        .show(ctx, |ui| {
            pause_menu(ui, in_game, remote, &name.0, saved.0.as_deref(), unsaved.as_ref())
        })
        .inner;
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        action = Some(PauseAction::Resume);
    }
    actions.write_batch(action);
    Ok(())
}

fn apply_pause_actions(
    mut actions: MessageReader<PauseAction>,
    mut name: ResMut<SaveAsName>,
    status: Res<SaveStatus>,
    mut navigate: MessageWriter<Navigate>,
    mut commands: MessageWriter<GameCommand>,
) {
    for action in actions.read() {
        match action {
            PauseAction::Name(typed) => name.0 = typed.clone(),
            PauseAction::SaveAs => {
                if !name.0.trim().is_empty() {
                    commands.write(GameCommand::SaveAs(name.0.trim().to_string()));
                }
            }
            PauseAction::Resume if status.pending.is_some() => {
                commands.write(GameCommand::KeepPlaying);
            }
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
                commands.write(GameCommand::QuitGame);
            }
            PauseAction::RetrySave => {
                commands.write(GameCommand::SaveNow);
            }
            PauseAction::Discard => {
                commands.write(GameCommand::Discard);
            }
            PauseAction::KeepPlaying => {
                commands.write(GameCommand::KeepPlaying);
            }
        }
    }
}

/// What became of the last "Save as…", for the pause menu.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveNotice(pub Option<String>);

/// Saves the game under a name, beside the file it saves itself to; says in the pause menu what became of it.
fn save_under_a_name(
    mut admitted: MessageReader<AdmittedCommand>,
    session: Option<Res<Session>>,
    keeping: Keeping,
    mut notice: ResMut<SaveNotice>,
) {
    for AdmittedCommand(command) in admitted.read() {
        let GameCommand::SaveAs(name) = command else {
            continue;
        };
        let Some(session) = session.as_deref() else {
            continue;
        };
        notice.0 = Some(if session.is_remote() {
            t!("menus-pause-host-keeps")
        } else {
            match keeping.book().save_as(name, &session.to_record(name.trim())) {
                Ok((_, true)) => t!("menus-pause-saved-replacing", name = name.trim()),
                Ok((path, false)) => t!(
                    "menus-pause-saved-as",
                    name = name.trim(),
                    file = path
                        .file_name()
                        .map_or(String::new(), |n| n.to_string_lossy().to_string())
                ),
                Err(error) => error.to_string(),
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::game::i18n::{Language, t, with_language};

    #[test]
    fn the_moves_a_player_would_lose_read_as_before_in_english() {
        with_language(Language::English, || {
            assert_eq!(
                t!("menus-pause-unsaved-loses", count = 1),
                "Leaving the game now loses its last move."
            );
            assert_eq!(
                t!("menus-pause-leave-anyway", count = 3),
                "Leave anyway and lose its last 3 moves"
            );
            assert_eq!(
                t!("menus-pause-saved-as", name = "Round two", file = "round-two.json"),
                "Saved as \"Round two\" (round-two.json)"
            );
        });
        with_language(Language::Japanese, || {
            assert_eq!(
                t!("menus-pause-unsaved-loses", count = 3),
                "今ゲームを離れると、直前の3手が失われます。"
            );
        });
    }
}
