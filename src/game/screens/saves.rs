//! The load dialog: every saved game on this computer — the autosave, named saves, finished games and class
//! results — with its scenario, sides, round and date; play on from where it stopped, replay it move by move, or
//! delete it (after asking). A file that cannot be read is listed with its error rather than hidden.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::t;
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Flow, Menu, Navigate, Screen, SessionStep};
use crate::game::saves::{GameStorage, SaveBook, SaveEntry};
use crate::game::session::{AdmittedCommand, GameCommand, GameOpener, GameSetup, OpenError, open_record};
use crate::game::theme::{self, UiSet};
use tradetable_core::Side;
use tradetable_core::classroom::record::GameRecord;
use tradetable_core::classroom::record::Seat;

/// The saves listed, read when the dialog opens.
#[derive(Resource, Debug, Clone, Default)]
pub struct SavesView {
    /// Every save, newest first.
    pub entries: Vec<SaveEntry>,
    /// The save the player asked to delete, waiting for "Yes, delete".
    pub confirm_delete: Option<PathBuf>,
    /// What became of the last deletion.
    pub note: Option<String>,
}

/// What the player chose in the load dialog.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum SavesAction {
    /// Play on from where the game stopped.
    PlayOn(PathBuf),
    /// Move through the game.
    Replay(PathBuf),
    /// Ask to delete a save.
    AskDelete(PathBuf),
    /// Delete it (the player said yes).
    Delete(PathBuf),
    /// Keep it after all.
    KeepIt,
    /// Back to the title.
    Back,
}

/// The load dialog.
pub fn plugin(app: &mut App) {
    app.init_resource::<SavesView>()
        .add_message::<SavesAction>()
        .add_systems(OnEnter(Screen::Saves), read_saves)
        .add_systems(Update, apply_saves_actions.in_set(Flow::Actions))
        .add_systems(Update, run_save_commands.in_set(SessionStep::Commands))
        .add_systems(
            EguiPrimaryContextPass,
            draw_saves.in_set(UiSet::Screen).run_if(in_state(Screen::Saves)),
        );
}

fn read_saves(mut view: ResMut<SavesView>, options: Res<LaunchOptions>, storage: Res<GameStorage>) {
    *view = SavesView {
        entries: SaveBook::new(&options.data_dir, storage.0.clone()).list(),
        ..SavesView::default()
    };
}

/// One line about a recorded game: sides, how far it went, when it was saved.
pub fn describe(record: &GameRecord) -> String {
    let round = record.moves.last().map_or(1, |m| m.round);
    let name = |side: Side| match side {
        Side::Us => t!("screens-saves-us"),
        Side::Partner => record.scenario.partner.clone(),
    };
    let seats = |side: Side| match &record.seats[side] {
        Seat::People(_) => t!("screens-saves-people", side = name(side)),
        Seat::Computer(opponent) => t!("screens-saves-computer", side = name(side), opponent = opponent.name()),
    };
    t!(
        "screens-saves-describe",
        us = seats(Side::Us),
        partner = seats(Side::Partner),
        round = round,
        moves = record.moves.len(),
        saved = when(&record.saved_at)
    )
}

/// An RFC 3339 time as `2026-11-29 04:20 UTC`.
fn when(saved_at: &str) -> String {
    match (saved_at.get(..10), saved_at.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => saved_at.to_string(),
    }
}

/// The dialog's contents; returns what was chosen.
pub fn saves_panel(ui: &mut egui::Ui, view: &SavesView) -> Option<SavesAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading(t!("screens-saves-title"));
        if ui.button(t!("screens-back")).clicked() {
            action = Some(SavesAction::Back);
        }
    });
    theme::note(ui, t!("screens-saves-intro"));
    ui.add_space(6.0);
    if view.entries.is_empty() {
        theme::note(ui, t!("screens-saves-none"));
    }
    if let Some(note) = &view.note {
        theme::note(ui, note);
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("saves")
            .striped(true)
            .num_columns(5)
            .spacing(egui::vec2(14.0, 8.0))
            .show(ui, |ui| {
                let headings = [
                    t!("screens-saves-game"),
                    t!("screens-saves-kind"),
                    t!("screens-saves-scenario"),
                    t!("screens-saves-sides"),
                    String::new(),
                ];
                for heading in headings {
                    ui.label(egui::RichText::new(heading).strong());
                }
                ui.end_row();
                for entry in &view.entries {
                    match &entry.record {
                        Ok(record) => {
                            ui.label(egui::RichText::new(&record.label).strong());
                            ui.label(entry.kind.label());
                            ui.label(&record.scenario.title);
                            ui.label(describe(record));
                            ui.horizontal(|ui| {
                                if ui
                                    .button(if record.over {
                                        t!("screens-saves-results")
                                    } else {
                                        t!("screens-saves-play-on")
                                    })
                                    .clicked()
                                {
                                    action = Some(SavesAction::PlayOn(entry.path.clone()));
                                }
                                if ui.button(t!("screens-saves-replay")).clicked() {
                                    action = Some(SavesAction::Replay(entry.path.clone()));
                                }
                                if let Some(chosen) = delete_buttons(ui, view, &entry.path) {
                                    action = Some(chosen);
                                }
                            });
                        }
                        Err(error) => {
                            ui.label(
                                entry
                                    .path
                                    .file_name()
                                    .map_or(String::new(), |n| n.to_string_lossy().to_string()),
                            );
                            ui.label(entry.kind.label());
                            ui.colored_label(theme::BAD, t!("screens-saves-unreadable"));
                            ui.label(egui::RichText::new(error).small().color(theme::MUTED));
                            ui.horizontal(|ui| {
                                if let Some(chosen) = delete_buttons(ui, view, &entry.path) {
                                    action = Some(chosen);
                                }
                            });
                        }
                    }
                    ui.end_row();
                }
            });
    });
    action
}

/// "Delete", or while it is being asked, "Yes, delete" and "Keep".
fn delete_buttons(ui: &mut egui::Ui, view: &SavesView, path: &std::path::Path) -> Option<SavesAction> {
    if view.confirm_delete.as_deref() == Some(path) {
        if ui
            .button(egui::RichText::new(t!("screens-saves-yes-delete")).color(theme::BAD))
            .clicked()
        {
            return Some(SavesAction::Delete(path.to_path_buf()));
        }
        if ui.button(t!("screens-saves-keep")).clicked() {
            return Some(SavesAction::KeepIt);
        }
    } else if ui.button(t!("screens-saves-delete")).clicked() {
        return Some(SavesAction::AskDelete(path.to_path_buf()));
    }
    None
}

fn draw_saves(
    mut contexts: EguiContexts,
    view: Res<SavesView>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<SavesAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let keys = [(egui::Key::Escape, SavesAction::Back)];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| saves_panel(ui, &view));
    Ok(())
}

fn apply_saves_actions(
    mut actions: MessageReader<SavesAction>,
    mut view: ResMut<SavesView>,
    options: Res<LaunchOptions>,
    storage: Res<GameStorage>,
    mut commands: MessageWriter<GameCommand>,
    mut navigate: MessageWriter<Navigate>,
) {
    for action in actions.read() {
        match action {
            SavesAction::PlayOn(path) => {
                commands.write(GameCommand::Open(path.clone()));
            }
            SavesAction::Replay(path) => {
                commands.write(GameCommand::Replay(path.clone()));
            }
            SavesAction::AskDelete(path) => view.confirm_delete = Some(path.clone()),
            SavesAction::KeepIt => view.confirm_delete = None,
            SavesAction::Delete(path) => {
                let book = SaveBook::new(&options.data_dir, storage.0.clone());
                let note = match book.delete(path) {
                    Ok(()) => t!(
                        "screens-saves-deleted",
                        file = path
                            .file_name()
                            .map_or(String::new(), |n| n.to_string_lossy().to_string())
                    ),
                    Err(error) => error.to_string(),
                };
                *view = SavesView {
                    entries: book.list(),
                    confirm_delete: None,
                    note: Some(note),
                };
            }
            SavesAction::Back => {
                navigate.write(Navigate::To(Screen::Title));
            }
        }
    }
}

/// Continues the game in progress, or opens a saved one to play on from where it stopped.
fn run_save_commands(mut admitted: MessageReader<AdmittedCommand>, setup: Res<GameSetup>, mut opener: GameOpener) {
    for AdmittedCommand(command) in admitted.read() {
        let path = match command {
            GameCommand::Continue => match opener.book().latest_in_progress() {
                Some(entry) => entry.path,
                None => {
                    opener.open(Err(OpenError::NothingToContinue));
                    continue;
                }
            },
            GameCommand::Open(path) => path.clone(),
            _ => continue,
        };
        let opened = open_record(&opener.book(), opener.scenario_dirs(), &path, &setup.source);
        opener.open(opened);
    }
}
