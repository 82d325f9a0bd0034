//! The title screen: "Start here" (the tutorial, with its coach), new game, continue (once a save exists), the
//! scenario picker (every scenario by its title), settings and quit — and the located error of a scenario or save
//! that failed to load.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::flags::Flag;
use crate::game::i18n::{CurrentLanguage, t};
use crate::game::identity;
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::perf::PerfLog;
use crate::game::saves::{GameStorage, SaveBook};
use crate::game::session::{GameCommand, GameSetup, Mode, NoticeKind, ScenarioSource, TitleNotice, scenario_sources};
use crate::game::theme::{self, UiSet};
use tradetable_core::{Names, Scenario, Side};

/// What the title screen lists, read when it opens.
#[derive(Resource, Debug, Clone, Default)]
pub struct TitleView {
    /// The built-in scenario and every `.ron` file in `scenarios/`.
    pub scenarios: Vec<ScenarioSource>,
    /// How the picker names each of `scenarios`: its title (and, for a file, the file's name).
    pub names: Vec<String>,
    /// The partner's flag of each of `scenarios` (a badge for a file that does not load).
    pub flags: Vec<Flag>,
    /// A line about the saved game, if there is one.
    pub save: Option<String>,
}

/// What the player chose on the title.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum TitleAction {
    /// Start here: the tutorial with its coach, as the United States against the computer.
    StartTutorial,
    /// New game: on to the setup.
    NewGame,
    /// Continue the saved game.
    Continue,
    /// The load dialog: saves, finished games and class results.
    Load,
    /// Join a class table with its code.
    Join,
    /// Join a table of a class hosted over the network.
    JoinNetwork,
    /// Debrief a folder of class results.
    Debrief,
    /// Pick this scenario.
    Pick(ScenarioSource),
    /// Open the settings.
    Settings,
    /// About the model: the backtest of 2025.
    About,
    /// Quit.
    Quit,
    /// Dismiss the error.
    Dismiss,
}

/// The title screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<TitleView>()
        .init_resource::<SetupBeforeTutorial>()
        .add_message::<TitleAction>()
        .add_systems(OnEnter(Screen::Title), (restore_setup, read_title_view).chain())
        .add_systems(Update, apply_title_actions.in_set(Flow::Actions))
        // The picker's names and the line about the save are words: read again in a language chosen on the title.
        .add_systems(
            Update,
            read_title_view
                .run_if(in_state(Screen::Title))
                .run_if(resource_changed::<CurrentLanguage>),
        )
        .add_systems(
            EguiPrimaryContextPass,
            draw_title.in_set(UiSet::Screen).run_if(in_state(Screen::Title)),
        );
}

/// Lists the scenarios again (on opening the title, and when a scenario file changes).
pub fn refresh_scenarios(view: &mut TitleView, options: &LaunchOptions, setup: &GameSetup) {
    let mut scenarios = scenario_sources(&options.scenario_dirs);
    if !scenarios.contains(&setup.source) {
        scenarios.push(setup.source.clone());
    }
    // Each scenario is read once for both its name and its partner's flag.
    let loaded: Vec<_> = scenarios.iter().map(|source| (source, source.load())).collect();
    view.names = loaded
        .iter()
        .map(|(source, scenario)| name_of_loaded(source, scenario.as_ref().ok()))
        .collect();
    view.flags = loaded
        .iter()
        .map(|(_, scenario)| partner_flag(scenario.as_ref().ok()))
        .collect();
    view.scenarios = scenarios;
}

/// The scenario the tutorial of "Start here" is.
pub const TUTORIAL: &str = "tutorial";

/// The setup chosen before "Start here", put back when the title shows again: the tutorial is a detour, and the
/// next "New game" is the one the player had set up.
#[derive(Resource, Debug, Clone, Default)]
pub struct SetupBeforeTutorial(pub Option<GameSetup>);

/// How the picker names a scenario: its title; a file's also with the file's name (a copy of a shipped scenario may
/// keep its title); a file that does not load by its path.
pub fn scenario_name(source: &ScenarioSource) -> String {
    name_of_loaded(source, source.load().ok().as_ref())
}

/// [`scenario_name`] of a scenario already loaded from `source` (`None`: it did not load).
fn name_of_loaded(source: &ScenarioSource, scenario: Option<&Scenario>) -> String {
    // The title in the language in play, where the scenario translates it.
    let title = scenario.map(|scenario| crate::game::i18n::in_play(scenario).title);
    match (title, source) {
        (Some(title), ScenarioSource::File(path)) => match path.file_name() {
            Some(file) => format!("{title} · {}", file.to_string_lossy()),
            None => title,
        },
        (Some(title), _) => title,
        (None, _) => t!("screens-title-scenario-broken", scenario = source.label()),
    }
}

/// The flag of a loaded scenario's partner, for the title's banner; Japan's for a file that does not load (the
/// game's own table).
fn partner_flag(scenario: Option<&Scenario>) -> Flag {
    match scenario {
        Some(scenario) => Flag::of(Names::new(&scenario.partner), Side::Partner),
        None => Flag::Japan,
    }
}

impl TitleView {
    /// The picker's name of `source`.
    pub fn name_of(&self, source: &ScenarioSource) -> String {
        self.scenarios
            .iter()
            .position(|s| s == source)
            .and_then(|k| self.names.get(k).cloned())
            .unwrap_or_else(|| scenario_name(source))
    }
}

fn restore_setup(mut before: ResMut<SetupBeforeTutorial>, mut setup: ResMut<GameSetup>) {
    if let Some(previous) = before.0.take() {
        *setup = previous;
    }
}

fn read_title_view(
    mut view: ResMut<TitleView>,
    options: Res<LaunchOptions>,
    setup: Res<GameSetup>,
    storage: Res<GameStorage>,
) {
    refresh_scenarios(&mut view, &options, &setup);
    // The newest game in progress, a class table's included: what Continue picks up.
    let book = SaveBook::new(&options.data_dir, storage.0.clone());
    view.save = book
        .latest_in_progress()
        .and_then(|entry| entry.record.ok())
        .map(|record| format!("{}: {}", record.label, super::saves::describe(&record)));
}

/// The title's contents; returns what the player chose.
pub fn title_panel(
    ui: &mut egui::Ui,
    view: &TitleView,
    chosen: &ScenarioSource,
    notice: Option<(&str, NoticeKind)>,
) -> Option<TitleAction> {
    let mut action = None;
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.04).min(22.0));
        let partner = view
            .scenarios
            .iter()
            .position(|s| s == chosen)
            .and_then(|k| view.flags.get(k).cloned())
            .unwrap_or(Flag::Japan);
        identity::title_banner(ui, &t!("screens-title-name"), &partner, &t!("screens-title-tagline"));
        ui.add_space(16.0);
        if let Some((error, kind)) = notice {
            let heading = match kind {
                NoticeKind::LoadError => t!("screens-title-load-error"),
                NoticeKind::LeftTable => t!("screens-title-left-table"),
            };
            theme::card()
                .fill(egui::Color32::from_rgb(253, 236, 230))
                .show(ui, |ui| {
                    ui.set_max_width(720.0);
                    ui.label(egui::RichText::new(heading).strong().color(theme::BAD));
                    egui::ScrollArea::vertical().max_height(140.0).show(ui, |ui| {
                        let text = egui::RichText::new(error);
                        ui.label(if kind == NoticeKind::LoadError {
                            text.monospace()
                        } else {
                            text
                        });
                    });
                    if ui.button(t!("screens-title-dismiss")).clicked() {
                        action = Some(TitleAction::Dismiss);
                    }
                });
            ui.add_space(10.0);
        }
        if start_here(ui) {
            action = Some(TitleAction::StartTutorial);
        }
        ui.add_space(10.0);
        if theme::big_button(ui, true, &t!("screens-title-new-game")).clicked() {
            action = Some(TitleAction::NewGame);
        }
        let cont = theme::big_button(ui, view.save.is_some(), &t!("screens-title-continue"));
        if cont.clicked() {
            action = Some(TitleAction::Continue);
        }
        if let Some(save) = &view.save {
            theme::note(ui, save);
        }
        if theme::big_button(ui, true, &t!("screens-title-load")).clicked() {
            action = Some(TitleAction::Load);
        }
        if theme::big_button(ui, true, &t!("screens-title-join")).clicked() {
            action = Some(TitleAction::Join);
        }
        if theme::big_button(ui, true, &t!("screens-title-join-network")).clicked() {
            action = Some(TitleAction::JoinNetwork);
        }
        if theme::big_button(ui, true, &t!("screens-title-debrief")).clicked() {
            action = Some(TitleAction::Debrief);
        }
        ui.add_space(8.0);
        ui.label(t!("screens-title-scenario"));
        ui.horizontal(|ui| {
            let width = 460.0_f32.min(ui.available_width());
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            egui::ComboBox::from_id_salt("scenario")
                .width(width)
                .selected_text(view.name_of(chosen))
                .show_ui(ui, |ui| {
                    for (source, name) in view.scenarios.iter().zip(&view.names) {
                        if ui
                            .selectable_label(source == chosen, name)
                            .on_hover_text(source.label())
                            .clicked()
                        {
                            action = Some(TitleAction::Pick(source.clone()));
                        }
                    }
                })
                .response
                .on_hover_text(chosen.label());
        });
        ui.add_space(8.0);
        // One row, so the title fits 1280×720 with "Start here" above.
        let row = [
            (t!("screens-about-title"), TitleAction::About),
            (t!("screens-title-settings"), TitleAction::Settings),
            (t!("screens-title-quit"), TitleAction::Quit),
        ];
        let button = egui::vec2(170.0, 36.0);
        ui.horizontal(|ui| {
            let width = button.x * 3.0 + ui.spacing().item_spacing.x * 2.0;
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            for (label, chosen) in row {
                let text = egui::RichText::new(label).size(17.0);
                if ui.add(egui::Button::new(text).min_size(button)).clicked() {
                    action = Some(chosen);
                }
            }
        });
        ui.add_space(12.0);
        theme::note(ui, t!("screens-title-about-game"));
    });
    action
}

/// "Start here": the tutorial, first and in the accent colour, for a player who has never played; true when pressed.
fn start_here(ui: &mut egui::Ui) -> bool {
    let mut pressed = false;
    theme::card()
        .fill(egui::Color32::from_rgb(234, 241, 250))
        .stroke(egui::Stroke::new(1.5, theme::ACCENT))
        .show(ui, |ui| {
            ui.set_max_width(460.0);
            ui.vertical_centered(|ui| {
                ui.label(
                    egui::RichText::new(t!("screens-title-new-here"))
                        .strong()
                        .color(theme::ACCENT),
                );
                let button = egui::Button::new(
                    egui::RichText::new(t!("screens-title-start-here"))
                        .size(20.0)
                        .strong()
                        .color(egui::Color32::WHITE),
                )
                .fill(theme::ACCENT)
                .min_size(egui::vec2(300.0, 46.0));
                pressed = ui
                    .add(button)
                    .on_hover_text(t!("screens-title-start-here-hover"))
                    .clicked();
                theme::note(ui, t!("screens-title-start-here-note"));
            });
        });
    pressed
}

/// What the title shows: the scenarios, the chosen one, and a notice.
#[derive(SystemParam)]
struct TitleSources<'w> {
    view: Res<'w, TitleView>,
    setup: Res<'w, GameSetup>,
    notice: Res<'w, TitleNotice>,
    options: Res<'w, LaunchOptions>,
}

fn draw_title(
    mut contexts: EguiContexts,
    sources: TitleSources,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<TitleAction>,
    mut perf: ResMut<PerfLog>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    perf.title_shown(sources.options.launched);
    let notice = &sources.notice;
    let keys = [(egui::Key::Enter, TitleAction::NewGame)];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| {
        egui::ScrollArea::vertical()
            .show(ui, |ui| {
                title_panel(
                    ui,
                    &sources.view,
                    &sources.setup.source,
                    notice.0.as_deref().map(|text| (text, notice.1)),
                )
            })
            .inner
    });
    Ok(())
}

/// Carries out what the player chose on the title.
fn apply_title_actions(
    mut actions: MessageReader<TitleAction>,
    mut setup: ResMut<GameSetup>,
    mut before: ResMut<SetupBeforeTutorial>,
    mut notice: ResMut<TitleNotice>,
    mut commands: MessageWriter<GameCommand>,
    mut navigate: MessageWriter<Navigate>,
    mut exit: MessageWriter<AppExit>,
) {
    for action in actions.read() {
        match action {
            TitleAction::StartTutorial => {
                // The player's own setup comes back with the title; the tutorial is played as the United States
                // against the default computer player, on the seed already chosen.
                before.0.get_or_insert_with(|| setup.clone());
                *setup = GameSetup {
                    source: ScenarioSource::Shipped(TUTORIAL.to_string()),
                    mode: Mode::PlayUs,
                    ai: Default::default(),
                    seed: setup.seed,
                };
                commands.write(GameCommand::Start);
            }
            TitleAction::NewGame => {
                commands.write(GameCommand::OpenSetup);
            }
            TitleAction::Continue => {
                commands.write(GameCommand::Continue);
            }
            TitleAction::Load => {
                navigate.write(Navigate::To(Screen::Saves));
            }
            TitleAction::Join => {
                navigate.write(Navigate::To(Screen::Join));
            }
            TitleAction::JoinNetwork => {
                navigate.write(Navigate::To(Screen::JoinNetwork));
            }
            TitleAction::Debrief => {
                navigate.write(Navigate::To(Screen::Debrief));
            }
            TitleAction::Pick(source) => setup.source = source.clone(),
            TitleAction::Settings => {
                navigate.write(Navigate::Overlay(Menu::Settings));
            }
            TitleAction::About => {
                navigate.write(Navigate::About { from: Screen::Title });
            }
            TitleAction::Quit => {
                exit.write(AppExit::Success);
            }
            TitleAction::Dismiss => notice.0 = None,
        }
    }
}
