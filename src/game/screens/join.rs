//! Join a class table: the student types the table's code from the class sheet; the screen says at once which
//! table, scenario and seats it opens — or why it does not (a typing mistake, a scenario this computer lacks or has in
//! another version) — and "Sit down" starts that game, or picks it up where the table left it.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::game::menus::Menu;
use crate::game::navigation::{Flow, Navigate};
use crate::game::session::{ClassTable, DamagedTable, GameCommand, GameSetup};
use crate::game::theme::{self, UiSet};
use tradetable_core::Side;

/// The code typed so far and what it opens.
#[derive(Resource, Debug, Clone, Default)]
pub struct JoinView {
    /// The text in the box.
    pub typed: String,
    /// The table it opens, or why not (nothing until something is typed).
    pub table: Option<Result<TableSummary, String>>,
    /// The table's saved game on this computer cannot be opened: the screen offers to start the table afresh.
    pub damaged: Option<DamagedTable>,
}

/// What a valid code opens, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSummary {
    /// `Table 7`.
    pub table: String,
    /// The scenario's title.
    pub scenario: String,
    /// Who sits where.
    pub seats: String,
    /// The class injects switched on, as headlines with their rounds.
    pub injects: Vec<String>,
}

/// What the student did on the join screen.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum JoinAction {
    /// The code box changed.
    Type(String),
    /// Start (or pick up) the table's game.
    SitDown,
    /// Start the table again, keeping its damaged saved game aside.
    StartAfresh,
    /// Back to the title.
    Back,
}

/// The join screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<JoinView>()
        .add_message::<JoinAction>()
        .add_systems(OnEnter(Screen::Join), |mut view: ResMut<JoinView>| {
            *view = JoinView::default()
        })
        .add_systems(Update, apply_join_actions.in_set(Flow::Actions))
        .add_systems(
            EguiPrimaryContextPass,
            draw_join.in_set(UiSet::Screen).run_if(in_state(Screen::Join)),
        );
}

fn summarise(table: &ClassTable) -> TableSummary {
    let names = table.scenario.names();
    let seat = |side: Side| match table.code.seats[side].opponent() {
        None => format!("{}: students", names.label(side)),
        Some(opponent) => format!("{}: the computer ({})", names.label(side), opponent.name()),
    };
    TableSummary {
        table: format!("Table {}", table.code.table),
        scenario: table.scenario.title.clone(),
        seats: format!("{} · {}", seat(Side::Us), seat(Side::Partner)),
        injects: table
            .code
            .inject_ids(&table.scenario)
            .iter()
            .filter_map(|id| table.scenario.injects.iter().find(|i| &i.id == id))
            .map(|i| format!("Round {}: {}", i.round, i.news))
            .collect(),
    }
}

/// The screen's contents; returns what was done.
pub fn join_panel(ui: &mut egui::Ui, view: &JoinView) -> Option<JoinAction> {
    let mut action = None;
    ui.vertical_centered(|ui| {
        ui.add_space(30.0);
        ui.heading("Join a class table");
        theme::note(
            ui,
            "Type the code of your table from the class sheet. Capitals, dashes and spaces do not matter.",
        );
        ui.add_space(10.0);
        let mut typed = view.typed.clone();
        let edit = ui.add(
            egui::TextEdit::singleline(&mut typed)
                .hint_text("XXXX-XXXX-XXXXX")
                .font(egui::TextStyle::Monospace)
                .desired_width(300.0),
        );
        if typed != view.typed {
            action = Some(JoinAction::Type(typed));
        }
        edit.request_focus();
        ui.add_space(10.0);
        let ready = matches!(view.table, Some(Ok(_)));
        match &view.table {
            Some(Ok(summary)) => {
                theme::card().show(ui, |ui| {
                    ui.set_max_width(600.0);
                    ui.label(egui::RichText::new(&summary.table).size(22.0).strong());
                    ui.label(&summary.scenario);
                    ui.label(&summary.seats);
                    if !summary.injects.is_empty() {
                        ui.label(egui::RichText::new("Class news to expect").strong());
                        for inject in &summary.injects {
                            ui.label(inject);
                        }
                    }
                });
            }
            Some(Err(error)) => {
                ui.colored_label(theme::BAD, error);
            }
            None => {}
        }
        if let Some(damaged) = &view.damaged {
            ui.add_space(10.0);
            theme::card().show(ui, |ui| {
                ui.set_max_width(600.0);
                ui.label(
                    egui::RichText::new("This table's saved game cannot be opened")
                        .strong()
                        .color(theme::BAD),
                );
                ui.label(egui::RichText::new(&damaged.reason).small());
                theme::note(
                    ui,
                    "You can start the table again from its first round. The damaged file is kept beside it (renamed, \
                     not deleted), so your teacher can still look at it.",
                );
                if ui.button("Start this table afresh").clicked() {
                    action = Some(JoinAction::StartAfresh);
                }
            });
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 300.0).max(0.0) / 2.0);
            if theme::big_button(ui, ready, "Sit down (Enter)").clicked() {
                action = Some(JoinAction::SitDown);
            }
        });
        if ui.button("Back (Esc)").clicked() {
            action = Some(JoinAction::Back);
        }
    });
    action
}

fn draw_join(
    mut contexts: EguiContexts,
    view: Res<JoinView>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<JoinAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = theme::root_ui(ctx);
    let mut action = None;
    egui::CentralPanel::default()
        .frame(theme::page_frame())
        .show(&mut root, |ui| action = join_panel(ui, &view));
    if *menu.get() == Menu::None {
        ctx.input(|i| {
            if i.key_pressed(egui::Key::Escape) {
                action = Some(JoinAction::Back);
            } else if i.key_pressed(egui::Key::Enter) && matches!(view.table, Some(Ok(_))) {
                action = Some(JoinAction::SitDown);
            }
        });
    }
    actions.write_batch(action);
    Ok(())
}

fn apply_join_actions(
    mut actions: MessageReader<JoinAction>,
    mut view: ResMut<JoinView>,
    setup: Res<GameSetup>,
    options: Res<crate::game::LaunchOptions>,
    mut commands: MessageWriter<GameCommand>,
    mut navigate: MessageWriter<Navigate>,
) {
    for action in actions.read() {
        match action {
            JoinAction::Type(typed) => {
                view.typed = typed.clone();
                view.damaged = None;
                let symbols = typed.chars().filter(|c| c.is_ascii_alphanumeric()).count();
                // Check once the whole code is there; a half-typed code is not yet a mistake.
                view.table = (symbols >= 13).then(|| {
                    ClassTable::find(&options.scenario_dirs, typed, &setup.source).map(|table| summarise(&table))
                });
            }
            JoinAction::SitDown => {
                if matches!(view.table, Some(Ok(_))) {
                    commands.write(GameCommand::JoinTable(view.typed.clone()));
                }
            }
            JoinAction::StartAfresh => {
                if view.damaged.is_some() {
                    commands.write(GameCommand::JoinTableAfresh(view.typed.clone()));
                }
            }
            JoinAction::Back => {
                navigate.write(Navigate::To(Screen::Title));
            }
        }
    }
}
