//! The help overlay (F1 or ?, on any screen): every key of the game, listed from the one table of bindings
//! (`keys::BINDINGS`) that the screens read, with the keys that reach any control without a mouse. Esc, F1 or ? close it.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::t;
use crate::game::keys::{self, BINDINGS, CONTROL_KEYS, KeyAction, Place};
use crate::game::navigation::{Flow, Menu, Navigate};
use crate::game::theme::{self, UiSet};

/// What the player did with the help overlay.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpAction {
    /// Show the keys.
    Open,
    /// Hide them.
    Close,
}

/// The help overlay and its keys.
pub fn plugin(app: &mut App) {
    app.add_message::<HelpAction>()
        .add_systems(Update, apply_help_actions.in_set(Flow::Actions))
        .add_systems(
            EguiPrimaryContextPass,
            (
                read_help_keys.run_if(in_state(Menu::None).or_else(in_state(Menu::Help))),
                draw_help.run_if(in_state(Menu::Help)),
            )
                .chain()
                .in_set(UiSet::Overlay),
        );
}

/// What the help overlay does with a key of [`Place::Everywhere`]: `None` for a key it does not handle.
pub fn help_key(action: KeyAction, open: bool) -> Option<HelpAction> {
    match action {
        KeyAction::Help if open => Some(HelpAction::Close),
        KeyAction::Help => Some(HelpAction::Open),
        _ => None,
    }
}

/// One line of the overlay: where, which keys, what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The heading it is listed under.
    pub heading: String,
    /// The keys, as shown: `F1 or ?`.
    pub keys: String,
    /// The id of the message saying what they do (the binding's).
    pub what: &'static str,
}

/// Every line of the overlay, in order: the bindings by place, then the keys that reach any control.
pub fn help_rows() -> Vec<HelpRow> {
    let places = [Place::Everywhere, Place::Table, Place::Watch];
    let mut rows: Vec<HelpRow> = places
        .iter()
        .flat_map(|&place| {
            BINDINGS
                .iter()
                .filter(move |binding| binding.place == place)
                .map(move |binding| HelpRow {
                    heading: place.heading(),
                    keys: keys::keys_label(binding),
                    what: binding.what,
                })
        })
        .collect();
    rows.extend(CONTROL_KEYS.iter().map(|&what| HelpRow {
        heading: t!("menus-help-controls"),
        keys: t!(&format!("{what}.keys")),
        what,
    }));
    rows
}

/// Opens the overlay on F1 or ?, and closes it on them (or Esc) when it is open.
fn read_help_keys(
    mut contexts: EguiContexts,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<HelpAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let open = *menu.get() == Menu::Help;
    let typing = ctx.egui_wants_keyboard_input();
    let pressed = ctx.input(|input| keys::pressed(input, Place::Everywhere, typing, false));
    if let Some(action) = pressed.into_iter().find_map(|action| help_key(action, open)) {
        actions.write(action);
    } else if open && ctx.input(|input| input.key_pressed(egui::Key::Escape)) {
        actions.write(HelpAction::Close);
    }
    Ok(())
}

/// The list of keys, in two columns: the table's on the left; the rest on the right. It scrolls when the window is
/// too small for it (a projector's scale).
fn draw_help(mut contexts: EguiContexts, mut actions: MessageWriter<HelpAction>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let rows = help_rows();
    let screen = ctx.content_rect().size();
    let modal = egui::Modal::new("help".into()).show(ctx, |ui| {
        ui.set_width((screen.x - 60.0).clamp(300.0, 880.0));
        ui.horizontal(|ui| {
            ui.heading(t!("menus-help-title"));
            theme::note(ui, t!("menus-help-note"));
        });
        egui::ScrollArea::vertical()
            .max_height((screen.y - 140.0).max(120.0))
            .show(ui, |ui| {
                let table = Place::Table.heading();
                ui.columns(2, |columns| {
                    for (column, ui) in columns.iter_mut().enumerate() {
                        let mine = |row: &&HelpRow| (row.heading == table) == (column == 0);
                        let mut headings: Vec<&str> =
                            rows.iter().filter(mine).map(|row| row.heading.as_str()).collect();
                        headings.dedup();
                        for heading in headings {
                            theme::section(ui, heading);
                            egui::Grid::new(("keys", heading))
                                .num_columns(2)
                                .spacing(egui::vec2(10.0, 3.0))
                                .show(ui, |ui| {
                                    for row in rows.iter().filter(|row| row.heading == heading) {
                                        ui.label(egui::RichText::new(&row.keys).strong().color(theme::ACCENT));
                                        ui.add(egui::Label::new(t!(row.what)).wrap());
                                        ui.end_row();
                                    }
                                });
                        }
                    }
                });
            });
        ui.add_space(6.0);
        ui.vertical_centered(|ui| ui.button(t!("menus-help-close")).clicked())
            .inner
    });
    if modal.inner || modal.should_close() {
        actions.write(HelpAction::Close);
    }
    Ok(())
}

/// Opens and closes the overlay.
fn apply_help_actions(mut actions: MessageReader<HelpAction>, mut navigate: MessageWriter<Navigate>) {
    for action in actions.read() {
        let menu = match action {
            HelpAction::Open => Menu::Help,
            HelpAction::Close => Menu::None,
        };
        navigate.write(Navigate::Overlay(menu));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_is_listed_under_its_place() {
        let rows = help_rows();
        for binding in BINDINGS {
            let row = HelpRow {
                heading: binding.place.heading(),
                keys: keys::keys_label(binding),
                what: binding.what,
            };
            assert!(rows.contains(&row), "{row:?} is not listed");
        }
        assert_eq!(rows.len(), BINDINGS.len() + CONTROL_KEYS.len());
    }

    #[test]
    fn every_key_of_everywhere_is_handled_by_the_overlay() {
        for binding in BINDINGS.iter().filter(|b| b.place == Place::Everywhere) {
            assert_eq!(help_key(binding.action, false), Some(HelpAction::Open));
            assert_eq!(help_key(binding.action, true), Some(HelpAction::Close));
        }
    }
}
