//! Join a class table: the student types the table's code from the class sheet; the screen says at once which
//! table, scenario and seats it opens — or why it does not (a typing mistake, a scenario this computer lacks or has in
//! another version) — and "Sit down" starts that game, or picks it up where the table left it.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::t;
use crate::game::navigation::{Flow, Menu, Navigate, Screen, SessionStep};
use crate::game::saves::SaveBook;
use crate::game::session::{
    AdmittedCommand, GameCommand, GameOpener, GameSetup, Mode, OpenError, ScenarioSource, Session, open_record,
    scenario_library,
};
use crate::game::theme::{self, UiSet};
use tradetable_core::classroom::class::TableCode;
use tradetable_core::rules::negotiation::GameState;
use tradetable_core::{Scenario, Side};

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
        .add_systems(Update, sit_at_class_tables.in_set(SessionStep::Commands))
        .add_systems(
            EguiPrimaryContextPass,
            draw_join.in_set(UiSet::Screen).run_if(in_state(Screen::Join)),
        );
}

fn summarise(table: &ClassTable) -> TableSummary {
    let names = table.scenario.names();
    let seat = |side: Side| match table.code.seats[side].opponent() {
        None => t!(
            "screens-join-students",
            side = crate::game::i18n::side_name(names, side)
        ),
        Some(opponent) => t!(
            "screens-join-computer",
            side = crate::game::i18n::side_name(names, side),
            opponent = opponent.name()
        ),
    };
    TableSummary {
        table: t!("screens-join-table", table = table.code.table.to_string()),
        scenario: table.scenario.title.clone(),
        seats: format!("{} · {}", seat(Side::Us), seat(Side::Partner)),
        injects: table
            .code
            .inject_ids(&table.scenario)
            .iter()
            .filter_map(|id| table.scenario.injects.iter().find(|i| &i.id == id))
            .map(|i| t!("screens-join-inject", round = i.round, news = i.news.as_str()))
            .collect(),
    }
}

/// The screen's contents; returns what was done.
pub fn join_panel(ui: &mut egui::Ui, view: &JoinView) -> Option<JoinAction> {
    let mut action = None;
    ui.vertical_centered(|ui| {
        ui.add_space(30.0);
        ui.heading(t!("screens-join-title"));
        theme::note(ui, t!("screens-join-intro"));
        ui.add_space(10.0);
        let mut typed = view.typed.clone();
        let edit = ui.add(
            egui::TextEdit::singleline(&mut typed)
                .hint_text("XXXX-XXXX-XXXXX") // not UI text: the shape of a code, the same in every language
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
                        ui.label(egui::RichText::new(t!("screens-join-injects")).strong());
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
                    egui::RichText::new(t!("screens-join-damaged"))
                        .strong()
                        .color(theme::BAD),
                );
                ui.label(egui::RichText::new(&damaged.reason).small());
                theme::note(ui, t!("screens-join-damaged-note"));
                if ui.button(t!("screens-join-afresh")).clicked() {
                    action = Some(JoinAction::StartAfresh);
                }
            });
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 300.0).max(0.0) / 2.0);
            if theme::big_button(ui, ready, &t!("screens-join-sit-down")).clicked() {
                action = Some(JoinAction::SitDown);
            }
        });
        if ui.button(t!("screens-back")).clicked() {
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
    let mut keys = Vec::new();
    if matches!(view.table, Some(Ok(_))) {
        keys.push((egui::Key::Enter, JoinAction::SitDown));
    }
    keys.push((egui::Key::Escape, JoinAction::Back));
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| join_panel(ui, &view));
    Ok(())
}

fn apply_join_actions(
    mut actions: MessageReader<JoinAction>,
    mut view: ResMut<JoinView>,
    setup: Res<GameSetup>,
    options: Res<crate::game::launch::LaunchOptions>,
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
                    ClassTable::find(&options.scenario_dirs, typed, &setup.source)
                        .map(|table| summarise(&table))
                        .map_err(|e| e.to_string())
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

/// Sits down at a class table by its code; a table whose saved game on this computer cannot be read stays on the join
/// screen, which offers to start it afresh.
fn sit_at_class_tables(
    mut admitted: MessageReader<AdmittedCommand>,
    setup: Res<GameSetup>,
    mut view: ResMut<JoinView>,
    mut opener: GameOpener,
) {
    for AdmittedCommand(command) in admitted.read() {
        let (code, afresh) = match command {
            GameCommand::JoinTable(code) => (code, false),
            GameCommand::JoinTableAfresh(code) => (code, true),
            _ => continue,
        };
        let book = opener.book();
        match join_table(&book, opener.scenario_dirs(), code, &setup.source, afresh) {
            Err(JoinError::Damaged(why)) => view.damaged = Some(why),
            Err(JoinError::Refused(refused)) => opener.open(Err(refused)),
            Ok(session) => {
                view.damaged = None;
                opener.open(Ok(session));
            }
        }
    }
}

/// Why a class table could not be sat at.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    /// The code or its scenario is wrong, or the damaged game cannot be moved aside.
    #[error(transparent)]
    Refused(#[from] OpenError),
    /// The table's saved game on this computer cannot be read or replayed.
    #[error("{}", .0.reason)]
    Damaged(DamagedTable),
}

/// A class table whose saved game on this computer cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedTable {
    /// The file.
    pub path: PathBuf,
    /// Why it cannot be opened.
    pub reason: String,
}

/// A class table's game: its saved result if this computer has one (a student coming back to the table), else a
/// new game as the code sets it. `afresh`: a saved game that cannot be opened is moved aside (kept, never deleted)
/// and the table starts again.
pub fn join_table(
    book: &SaveBook,
    folders: &[PathBuf],
    typed: &str,
    preferred: &ScenarioSource,
    afresh: bool,
) -> Result<Session, JoinError> {
    let table = ClassTable::find(folders, typed, preferred)?;
    let code = table.code.encode();
    let saved = book.class_path(&code);
    if saved.is_file() {
        match open_record(book, folders, &saved, &table.source) {
            Ok(session) => return Ok(session),
            Err(error) if !afresh => {
                return Err(JoinError::Damaged(DamagedTable {
                    path: saved,
                    reason: error.to_string(),
                }));
            }
            Err(_) => {
                let aside = book.set_aside(&saved).map_err(|e| OpenError::Record(e.to_string()))?;
                warn!("the damaged record of table {code} is kept as {}", aside.display());
            }
        }
    }
    let state = GameState::with_injects(&table.scenario, table.code.seed, table.code.inject_ids(&table.scenario));
    Ok(Session::resume(Arc::new(table.scenario), table.setup, state, Some(code)).saving_to(saved))
}

/// A class table found from its typed code: the scenario it was made with and the game's setup.
#[derive(Debug, Clone)]
pub struct ClassTable {
    /// The decoded code.
    pub code: TableCode,
    /// Where its scenario was found.
    pub source: ScenarioSource,
    /// The scenario.
    pub scenario: Scenario,
    /// The setup the code fixes.
    pub setup: GameSetup,
}

impl ClassTable {
    /// Decodes a typed code and finds its scenario among `preferred` and the library, or says why not.
    pub fn find(folders: &[PathBuf], typed: &str, preferred: &ScenarioSource) -> Result<ClassTable, OpenError> {
        let code = TableCode::decode(typed).map_err(|e| OpenError::TableCode(e.to_string()))?;
        let mut library = scenario_library(folders);
        if let Ok(scenario) = preferred.load() {
            library.insert(0, (preferred.clone(), scenario));
        }
        let scenarios: Vec<Scenario> = library.iter().map(|(_, s)| s.clone()).collect();
        let found = code
            .find_scenario(&scenarios)
            .map_err(|e| OpenError::TableCode(e.to_string()))?;
        let (source, scenario) = library
            .into_iter()
            .find(|(_, s)| s.text_hash == found.text_hash)
            .ok_or_else(|| OpenError::TableCode(t!("screens-join-not-in-library")))?;
        let setup = GameSetup {
            source: source.clone(),
            mode: Mode::with_people(code.seats.map(|seat| seat.opponent().is_none())),
            ai: code.seats.map(|seat| seat.opponent().unwrap_or_default()),
            seed: code.seed,
        };
        Ok(ClassTable {
            code,
            source,
            scenario,
            setup,
        })
    }
}
