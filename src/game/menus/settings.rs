//! The settings dialog: UI scale for a classroom projector, window or full screen, the language, and the sound cues'
//! volume and mute.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::{Language, t};
use crate::game::icons;
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::saves::GameStorage;
use crate::game::settings::Settings;
use crate::game::theme::{self, UiSet};

/// What the player did in the settings dialog.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum SettingsAction {
    /// Use these settings (and keep them for next time).
    Change(Settings),
    /// Close the dialog: back to the pause menu at the table, else to no overlay.
    Close,
}

/// The settings dialog.
pub fn plugin(app: &mut App) {
    app.add_message::<SettingsAction>()
        .init_resource::<SettingsProblem>()
        .add_systems(Update, apply_settings_actions.in_set(Flow::Actions))
        .add_systems(
            EguiPrimaryContextPass,
            draw_settings.in_set(UiSet::Overlay).run_if(in_state(Menu::Settings)),
        );
}

/// The dialog's controls, editing `settings`; returns true when the player closes it.
pub fn settings_panel(ui: &mut egui::Ui, settings: &mut Settings) -> bool {
    let mut close = false;
    ui.set_width(380.0);
    ui.heading(t!("menus-settings-title"));
    ui.add_space(6.0);
    theme::section(ui, &t!("menus-settings-scale"));
    theme::note(ui, t!("menus-settings-scale-note"));
    ui.horizontal_wrapped(|ui| {
        for scale in Settings::SCALES {
            ui.selectable_value(&mut settings.ui_scale, scale, format!("{:.0}%", scale * 100.0));
        }
    });
    theme::section(ui, &t!("menus-settings-window"));
    ui.horizontal(|ui| {
        ui.selectable_value(&mut settings.fullscreen, false, t!("menus-settings-windowed"));
        ui.selectable_value(&mut settings.fullscreen, true, t!("menus-settings-fullscreen"));
    });
    theme::section(ui, &icons::with(icons::LANGUAGE, &t!("menus-settings-language")));
    ui.horizontal(|ui| {
        // Each language by its own name, so that a player who cannot read the language in play finds theirs.
        for language in Language::ALL {
            ui.selectable_value(&mut settings.language, language, language.own_name());
        }
    });
    theme::section(ui, &t!("menus-settings-sound"));
    ui.horizontal(|ui| {
        let icon = if settings.muted {
            icons::SOUND_OFF
        } else {
            icons::SOUND_ON
        };
        ui.checkbox(&mut settings.muted, icons::with(icon, &t!("menus-settings-mute")));
        ui.add_enabled(
            !settings.muted,
            egui::Slider::new(&mut settings.volume, 0.0..=1.0)
                .show_value(false)
                .text(t!("menus-settings-volume")),
        );
    });
    theme::note(ui, t!("menus-settings-sound-note"));
    ui.add_space(10.0);
    ui.vertical_centered(|ui| {
        if theme::big_button(ui, true, &t!("menus-settings-close")).clicked() {
            close = true;
        }
    });
    close
}

/// Why the settings could not be saved, shown in the settings window until a save works.
#[derive(Resource, Debug, Clone, Default)]
pub struct SettingsProblem(pub Option<String>);

fn draw_settings(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    problem: Res<SettingsProblem>,
    mut actions: MessageWriter<SettingsAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut edited = settings.clone();
    let mut close = egui::Modal::new("settings".into())
        .show(ctx, |ui| {
            let close = settings_panel(ui, &mut edited);
            if let Some(problem) = &problem.0 {
                ui.colored_label(theme::BAD, problem);
            }
            close
        })
        .inner;
    close |= ctx.input(|i| i.key_pressed(egui::Key::Escape));
    if edited != *settings {
        actions.write(SettingsAction::Change(edited));
    }
    if close {
        actions.write(SettingsAction::Close);
    }
    Ok(())
}

fn apply_settings_actions(
    mut actions: MessageReader<SettingsAction>,
    mut settings: ResMut<Settings>,
    options: Res<LaunchOptions>,
    storage: Res<GameStorage>,
    mut problem: ResMut<SettingsProblem>,
    screen: Res<State<Screen>>,
    mut navigate: MessageWriter<Navigate>,
) {
    for action in actions.read() {
        match action {
            SettingsAction::Change(edited) => {
                *settings = edited.clone();
                if !options.autoplay {
                    problem.0 = settings.save(&storage.0, &options.data_dir).err().map(|error| {
                        warn!("{error}");
                        t!("menus-settings-not-saved", error = error.to_string())
                    });
                }
            }
            SettingsAction::Close => {
                navigate.write(Navigate::Overlay(if *screen.get() == Screen::Table {
                    Menu::Pause
                } else {
                    Menu::None
                }));
            }
        }
    }
}
