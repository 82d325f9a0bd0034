//! The setup screen: the scenario's summary, who plays which side (the US, Japan, two teams on one screen, or
//! watch two AIs), the AI opponent, and the seed — shown and editable, so a class can share one.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::flags;
use crate::game::i18n::{Language, numbers, t};
use crate::game::navigation::{Flow, Menu, Navigate, Screen, SessionStep};
use crate::game::session::{AdmittedCommand, GameCommand, GameOpener, GameSetup, Mode, ScenarioPreview, Session};
use crate::game::theme::{self, UiSet};
use tradetable_core::ai::{Difficulty, Opponent, Strategy};
use tradetable_core::{Scenario, Side};

/// What the player chose on the setup screen.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum SetupAction {
    /// Change the choices: sides, opponents, seed.
    Edit(GameSetup),
    /// Start the game.
    Start,
    /// Back to the title.
    Back,
}

/// The setup screen.
pub fn plugin(app: &mut App) {
    app.add_message::<SetupAction>()
        .add_systems(Update, apply_setup_actions.in_set(Flow::Actions))
        .add_systems(Update, run_setup_commands.in_set(SessionStep::Commands))
        .add_systems(
            EguiPrimaryContextPass,
            draw_setup.in_set(UiSet::Screen).run_if(in_state(Screen::Setup)),
        );
}

/// A computer player's name in the language in play: a difficulty's or a strategy's from the message files, a
/// personality's from the scenario (in its translation).
pub fn opponent_name(opponent: &Opponent, scenario: &Scenario) -> String {
    match built_in_opponent(opponent) {
        Some(id) => t!(id),
        None => opponent.display_name(scenario),
    }
}

/// What a computer player does, in the language in play.
pub fn opponent_about(opponent: &Opponent, scenario: &Scenario) -> String {
    match built_in_opponent(opponent) {
        Some(id) => crate::game::i18n::tr(&format!("{id}.about")),
        None => opponent.describe(scenario),
    }
}

/// The message of a difficulty or strategy; none for a scenario's personality.
fn built_in_opponent(opponent: &Opponent) -> Option<&'static str> {
    Some(match opponent {
        Opponent::Difficulty(Difficulty::Easy) => "screens-opponent-easy",
        Opponent::Difficulty(Difficulty::Normal) => "screens-opponent-normal",
        Opponent::Difficulty(Difficulty::Hard) => "screens-opponent-hard",
        Opponent::Strategy(Strategy::Hardliner) => "screens-opponent-hardliner",
        Opponent::Strategy(Strategy::Boulware) => "screens-opponent-boulware",
        Opponent::Strategy(Strategy::Linear) => "screens-opponent-linear",
        Opponent::Strategy(Strategy::Conceder) => "screens-opponent-conceder",
        Opponent::Strategy(Strategy::TitForTat) => "screens-opponent-tit-for-tat",
        Opponent::Strategy(Strategy::Modelling) => "screens-opponent-modelling",
        Opponent::Personality(_) => return None,
    })
}

/// A short description of a mode.
fn mode_note(scenario: &Scenario, mode: Mode) -> String {
    match mode {
        Mode::PlayUs => t!("screens-setup-mode-us"),
        Mode::PlayPartner => match scenario.suspension() {
            Some(_) => t!(
                "screens-setup-mode-partner-agreement",
                agreement = scenario.agreement_name()
            ),
            None => t!("screens-setup-mode-partner"),
        },
        Mode::Hotseat => t!("screens-setup-mode-hotseat"),
        Mode::Watch => t!("screens-setup-mode-watch"),
    }
}

/// The scenario's summary.
pub fn scenario_summary(ui: &mut egui::Ui, scenario: &Scenario) {
    ui.label(egui::RichText::new(&scenario.title).size(20.0).strong());
    ui.label(
        egui::RichText::new(t!(
            "screens-setup-summary",
            rounds = scenario.rounds,
            start = numbers::month(&scenario.start),
            sectors = scenario.sectors.len(),
            instruments = scenario.us_instruments.len(),
            concessions = scenario.partner_levers.len(),
            partner = scenario.names().with_article(Side::Partner)
        ))
        .color(theme::MUTED),
    );
    ui.add_space(6.0);
    ui.label(&scenario.description);
    if let Some(deal) = &scenario.actual_deal {
        ui.add_space(6.0);
        theme::note(ui, t!("screens-setup-compare", deal = deal.description.as_str()));
    }
}

/// The setup's controls, editing `setup`; returns what was chosen.
pub fn setup_panel(ui: &mut egui::Ui, scenario: &Scenario, setup: &mut GameSetup) -> Option<SetupAction> {
    let mut action = None;
    let wide = ui.available_width() > 900.0;
    let summary = |ui: &mut egui::Ui| {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            scenario_summary(ui, scenario);
        });
    };
    let mut choices = |ui: &mut egui::Ui, setup: &mut GameSetup| {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            theme::section(ui, &t!("screens-setup-who-plays"));
            for mode in Mode::ALL {
                let label = mode.label(scenario.names());
                ui.radio_value(&mut setup.mode, mode, label.as_str());
                ui.indent(mode, |ui| theme::note(ui, mode_note(scenario, mode)));
            }
            ui.add_space(6.0);
            let ai_sides: Vec<Side> = Side::BOTH.into_iter().filter(|s| !setup.mode.is_human(*s)).collect();
            if !ai_sides.is_empty() {
                theme::section(ui, &t!("screens-setup-ai-opponent"));
                for side in ai_sides {
                    ui.horizontal(|ui| {
                        flags::side_flag(ui, scenario.names(), side, 14.0);
                        ui.label(theme::side_text(scenario.names(), side));
                        let current = setup.ai[side].clone();
                        let mut chosen = current.clone();
                        egui::ComboBox::from_id_salt(("opponent", side))
                            .selected_text(opponent_name(&current, scenario))
                            .show_ui(ui, |ui| {
                                for opponent in Opponent::all(scenario, side) {
                                    let label = opponent_name(&opponent, scenario);
                                    let about = opponent_about(&opponent, scenario);
                                    ui.selectable_value(&mut chosen, opponent, label).on_hover_text(about);
                                }
                            });
                        theme::note(ui, opponent_about(&chosen, scenario));
                        setup.ai[side] = chosen;
                    });
                    if let Err(refusal) = setup.ai[side].check(scenario, side) {
                        ui.colored_label(theme::BAD, refusal.to_string());
                    }
                }
            }
            ui.add_space(6.0);
            theme::section(ui, &t!("screens-setup-seed"));
            ui.horizontal(|ui| {
                ui.add(egui::DragValue::new(&mut setup.seed).speed(1.0));
                if ui.button(t!("screens-setup-new-seed")).clicked() {
                    setup.seed = fresh_seed();
                }
            });
            theme::note(ui, t!("screens-setup-seed-note"));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let seats_valid = Side::BOTH
                    .into_iter()
                    .all(|side| setup.mode.is_human(side) || setup.ai[side].check(scenario, side).is_ok());
                if ui
                    .add_enabled(
                        seats_valid,
                        egui::Button::new(egui::RichText::new(t!("screens-setup-start")).size(18.0))
                            .min_size(egui::vec2(160.0, 38.0)),
                    )
                    .clicked()
                {
                    action = Some(SetupAction::Start);
                }
                if ui
                    .add(
                        egui::Button::new(egui::RichText::new(t!("screens-back")).size(18.0))
                            .min_size(egui::vec2(120.0, 38.0)),
                    )
                    .clicked()
                {
                    action = Some(SetupAction::Back);
                }
            });
        });
    };
    ui.heading(t!("screens-setup-title"));
    ui.add_space(6.0);
    if wide {
        ui.columns(2, |columns| {
            summary(&mut columns[0]);
            choices(&mut columns[1], setup);
        });
    } else {
        summary(ui);
        ui.add_space(8.0);
        choices(ui, setup);
    }
    action
}

/// A seed from the clock, for the "New seed" button.
fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() % 100_000)
        .unwrap_or(2025)
}

fn draw_setup(
    mut contexts: EguiContexts,
    preview: Option<Res<ScenarioPreview>>,
    setup: Res<GameSetup>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<SetupAction>,
    mut shown: Local<Option<(Arc<Scenario>, Language, Scenario)>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(preview) = preview else {
        return Ok(());
    };
    // The scenario in the language in play, translated again only when the scenario or the language changes.
    let language = crate::game::i18n::language();
    if shown
        .as_ref()
        .is_none_or(|(scenario, spoken, _)| !Arc::ptr_eq(scenario, &preview.scenario) || *spoken != language)
    {
        *shown = Some((
            preview.scenario.clone(),
            language,
            crate::game::i18n::in_play(&preview.scenario),
        ));
    }
    let Some((_, _, shown)) = shown.as_ref() else {
        return Ok(());
    };
    let keys = [
        (egui::Key::Escape, SetupAction::Back),
        (egui::Key::Enter, SetupAction::Start),
    ];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, actions| {
        let mut edited = setup.clone();
        let action = egui::ScrollArea::vertical()
            .show(ui, |ui| {
                if let Some(error) = &preview.edit_error {
                    edit_error_card(ui, error);
                }
                setup_panel(ui, shown, &mut edited)
            })
            .inner;
        if edited != *setup {
            actions.write(SetupAction::Edit(edited));
        }
        action
    });
    Ok(())
}

/// The located error of an edit of the scenario file, over the last version that loaded.
fn edit_error_card(ui: &mut egui::Ui, error: &str) {
    theme::card()
        .fill(egui::Color32::from_rgb(253, 236, 230))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(t!("screens-setup-edit-error"))
                    .strong()
                    .color(theme::BAD),
            );
            ui.label(egui::RichText::new(error).monospace());
        });
    ui.add_space(6.0);
}

/// Carries out the setup screen's choices; without a loaded scenario it sends the player back to the title.
fn apply_setup_actions(
    mut actions: MessageReader<SetupAction>,
    preview: Option<Res<ScenarioPreview>>,
    screen: Res<State<Screen>>,
    mut setup: ResMut<GameSetup>,
    mut commands: MessageWriter<GameCommand>,
    mut navigate: MessageWriter<Navigate>,
) {
    if *screen.get() == Screen::Setup && preview.is_none() {
        navigate.write(Navigate::To(Screen::Title));
    }
    for action in actions.read() {
        match action {
            SetupAction::Edit(edited) => *setup = edited.clone(),
            SetupAction::Start => {
                commands.write(GameCommand::Start);
            }
            SetupAction::Back => {
                navigate.write(Navigate::To(Screen::Title));
            }
        }
    }
}

/// Opens the setup screen on the chosen scenario (or the title with why it does not load), and starts a game with the
/// setup, in a file of its own.
fn run_setup_commands(
    mut admitted: MessageReader<AdmittedCommand>,
    setup: Res<GameSetup>,
    preview: Option<Res<ScenarioPreview>>,
    mut opener: GameOpener,
) {
    for AdmittedCommand(command) in admitted.read() {
        match command {
            GameCommand::OpenSetup => match setup.source.load() {
                Ok(scenario) => {
                    opener.commands.insert_resource(ScenarioPreview {
                        source: setup.source.clone(),
                        scenario: Arc::new(scenario),
                        edit_error: None,
                    });
                    opener.navigate.write(Navigate::To(Screen::Setup));
                }
                Err(error) => opener.fail(error),
            },
            GameCommand::Start => {
                let scenario = match &preview {
                    Some(p) if p.source == setup.source => Ok(p.scenario.clone()),
                    _ => setup.source.load().map(Arc::new),
                };
                let book = opener.book();
                opener.open(scenario.map(|scenario| {
                    let file = book.new_game_file(&crate::clock::now(), &scenario.id);
                    Session::new(scenario, setup.clone()).saving_to(file)
                }));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::i18n::{Language, has_message, with_language};

    #[test]
    fn every_computer_player_is_named_and_described_in_both_languages_and_english_as_the_core_says() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        for side in Side::BOTH {
            for opponent in Opponent::all(&scenario, side) {
                if let Some(id) = built_in_opponent(&opponent) {
                    for language in Language::ALL {
                        assert!(has_message(language, id), "{id} in {}", language.code());
                        assert!(
                            has_message(language, &format!("{id}.about")),
                            "{id}.about in {}",
                            language.code()
                        );
                    }
                }
                with_language(Language::English, || {
                    assert_eq!(opponent_name(&opponent, &scenario), opponent.display_name(&scenario));
                    assert_eq!(opponent_about(&opponent, &scenario), opponent.describe(&scenario));
                });
            }
        }
        let japanese = with_language(Language::Japanese, || {
            opponent_name(&Opponent::Difficulty(Difficulty::Normal), &scenario)
        });
        assert_eq!(japanese, "ふつう");
    }
}
