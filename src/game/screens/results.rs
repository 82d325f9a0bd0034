//! The results: how the talks ended and the verdict in words, both scores and their breakdown (with, for a deal, why
//! each score differs from the deal's worth at signing), the comparison with "no deal" and with the
//! deal that really happened in July 2025 (both played by the core on the same seed), the signed terms, and the
//! charts of the whole game.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::panels::dashboard::dashboard;
use crate::game::panels::short_name;
use crate::game::saves::GameStorage;
use crate::game::session::{GameCommand, Mode, Session};
use crate::game::theme::{self, UiSet};
use crate::net::class_client::TableClient;
use tradetable_core::analysis::report::{Counterfactual, GameReport};
use tradetable_core::network::protocol::SeatPresence;
use tradetable_core::rules::negotiation::OutcomeKind;
use tradetable_core::rules::package::PackageSpace;
use tradetable_core::rules::score::{Band, ScoreGap, SideScore, band_range, score_game, score_gap};
use tradetable_core::scenario::format;
use tradetable_core::scenario::side::capitalised;
use tradetable_core::{PerSide, Scenario, Side};

/// The results, computed once when the screen opens.
#[derive(Resource, Debug, Clone)]
pub struct ResultsView {
    /// The core's report of the game, with the counterfactuals.
    pub report: GameReport,
    /// Each side's score with its breakdown.
    pub scores: PerSide<SideScore>,
    /// For a deal, why each side's score differs from what the deal was worth to it at signing.
    pub gaps: PerSide<Option<ScoreGap>>,
    /// The folder typed for "Export result".
    pub export_folder: String,
    /// What became of the last export.
    pub export_note: Option<String>,
}

/// What the player chose on the results screen.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum ResultsAction {
    /// Move through this game in the replay viewer.
    Replay,
    /// Type the folder to export the game's record to.
    ExportFolder(String),
    /// Copy the game's record to the folder typed (a class's shared folder, a USB stick).
    Export,
    /// The same setup again.
    PlayAgain,
    /// Back to the title.
    Title,
    /// About the model.
    About,
}

/// The results screen.
pub fn plugin(app: &mut App) {
    app.add_message::<ResultsAction>()
        .add_systems(Update, apply_results_actions.in_set(Flow::Actions))
        .add_systems(OnEnter(Screen::Results), compute_results)
        .add_systems(OnExit(Screen::Results), |mut commands: Commands| {
            commands.remove_resource::<ResultsView>();
        })
        .add_systems(
            EguiPrimaryContextPass,
            draw_results.in_set(UiSet::Screen).run_if(in_state(Screen::Results)),
        );
}

fn player_name(session: &Session, side: Side) -> String {
    let names = session.scenario.names();
    if let Some(remote) = &session.remote {
        return if side == remote.side {
            "your team".to_string()
        } else if remote.seats[side] == SeatPresence::Computer {
            "the computer".to_string()
        } else {
            "the other team".to_string()
        };
    }
    if session.setup.mode.is_human(side) {
        match session.setup.mode {
            Mode::Hotseat => format!("{} team", names.label(side)),
            _ => "player".to_string(),
        }
    } else {
        format!("AI, {}", session.setup.ai[side].name())
    }
}

fn compute_results(session: Option<Res<Session>>, mut commands: Commands, mut navigate: MessageWriter<Navigate>) {
    let Some(session) = session else {
        navigate.write(Navigate::To(Screen::Title));
        return;
    };
    let scenario = &session.scenario;
    let state = &session.state;
    let report = GameReport::new(
        scenario,
        state,
        &player_name(&session, Side::Us),
        &player_name(&session, Side::Partner),
    );
    commands.insert_resource(ResultsView {
        report,
        scores: PerSide::from_fn(|side| score_game(scenario, state, side)),
        gaps: PerSide::from_fn(|side| score_gap(scenario, state, side)),
        export_folder: String::new(),
        export_note: None,
    });
}

fn headline(kind: OutcomeKind) -> (&'static str, egui::Color32) {
    match kind {
        OutcomeKind::Deal => ("A deal is signed", theme::GOOD),
        OutcomeKind::NoDeal => ("No deal", theme::BAD),
        OutcomeKind::Collapse => ("The talks collapsed", theme::BAD),
    }
}

fn score_card(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    score: &SideScore,
    gap: Option<&ScoreGap>,
    band: &Band,
    player: &str,
) {
    let names = scenario.names();
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(theme::side_text(names, score.side).size(20.0));
            ui.label(egui::RichText::new(format!("({player})")).color(theme::MUTED));
        });
        ui.label(
            egui::RichText::new(format!("{:.1} / 100", score.total))
                .size(30.0)
                .strong()
                .color(theme::side_color(score.side)),
        );
        let (low, high) = band_range(band);
        ui.label(
            egui::RichText::new(format!("{low:.1}–{high:.1} with the low and high parameter sets")).color(theme::MUTED),
        )
        .on_hover_text(
            "The same moves played again with the scenario's low and high trade elasticities, pass-through and \
                 speed of adjustment (see About the model). A lead smaller than this range is not robust.",
        );
        egui::Grid::new(("breakdown", score.side))
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                ui.label(egui::RichText::new("Objective").strong());
                ui.label(egui::RichText::new("Average").strong());
                ui.label(egui::RichText::new("Score").strong());
                ui.label(egui::RichText::new("Weight").strong());
                ui.end_row();
                for line in &score.breakdown {
                    crate::game::glossary::label(ui, line.name.as_str(), "");
                    ui.label(format!("{:.1}", line.value));
                    ui.add(
                        egui::ProgressBar::new((line.score / 100.0) as f32)
                            .text(format!("{:.0}", line.score))
                            .desired_width(90.0),
                    );
                    ui.label(format!("{:.0}%", line.weight * 100.0));
                    ui.end_row();
                }
            });
        if let Some(gap) = gap {
            ui.add_space(6.0);
            worth_against_score(ui, scenario, gap);
        }
    });
}

/// What the deal was worth to the side at signing against its final score, and why the two differ, objective by
/// objective (the core's `score_gap`).
fn worth_against_score(ui: &mut egui::Ui, scenario: &Scenario, gap: &ScoreGap) {
    let difference = gap.final_score - gap.worth_at_signing;
    ui.label(
        egui::RichText::new(format!(
            "Worth at signing {:.1}, final score {:.1} ({}{:.1})",
            gap.worth_at_signing,
            gap.final_score,
            if difference < 0.0 { "−" } else { "+" },
            difference.abs()
        ))
        .strong(),
    )
    .on_hover_text("'Worth' is the figure the table showed while you bargained; the score is what the game counts.");
    let after = gap.months_scored.saturating_sub(gap.months_before_deal);
    ui.label(format!(
        "Worth scored one month, {} months after signing in round {} ({}), with approval where it was heading. The \
         score averages all {} months: {} played before the deal and {} from the signing on, the year after \
         included.",
        gap.valuation_months,
        gap.signed_round,
        format::month(&scenario.month_of_round(gap.signed_round)),
        gap.months_scored,
        gap.months_before_deal,
        after,
    ));
    let mut largest: Vec<_> = gap.objectives.iter().filter(|o| o.points.abs() >= 0.05).collect();
    largest.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()));
    if !largest.is_empty() {
        theme::note(
            ui,
            "Where the score fell short of the worth (−) or beat it (+), largest first:",
        );
    }
    for objective in largest.into_iter().take(3) {
        theme::note(
            ui,
            format!(
                "{}: {:.1} at signing, {:.1} averaged: {}{:.1} points",
                objective.name,
                objective.at_signing,
                objective.averaged,
                if objective.points > 0.0 { "−" } else { "+" },
                objective.points.abs()
            ),
        );
    }
}

fn comparison(ui: &mut egui::Ui, scenario: &Scenario, view: &ResultsView) {
    let o = &view.report.outcome;
    let real_deal = capitalised(scenario.real_deal_label().unwrap_or("the real deal"));
    let mut rows: Vec<(&str, &Counterfactual)> = vec![("This game", &o.this_game), ("No deal", &o.no_deal)];
    if let Some(actual) = &o.actual_deal {
        rows.push((&real_deal, actual));
    }
    type Metric = (String, fn(&Counterfactual) -> String);
    let mut metrics: Vec<Metric> = vec![
        ("Outcome".into(), |c| headline(c.kind).0.to_string()),
        ("US score".into(), |c| format!("{:.1}", c.scores.us)),
        (format!("{} score", scenario.names().short(Side::Partner)), |c| {
            format!("{:.1}", c.scores.partner)
        }),
        ("Mean deficit".into(), |c| format::bn(c.mean_goods_deficit_bn)),
        ("Final deficit".into(), |c| format::bn(c.final_goods_deficit_bn)),
    ];
    if scenario.suspension().is_some() {
        metrics.push((format!("{} survived", scenario.agreement_name()), |c| {
            (if c.trade_agreement_survived { "yes" } else { "no" }).to_string()
        }));
    }
    egui::Grid::new("comparison")
        .striped(true)
        .num_columns(rows.len() + 1)
        .spacing(egui::vec2(16.0, 4.0))
        .show(ui, |ui| {
            ui.label("");
            for (label, _) in &rows {
                ui.label(egui::RichText::new(*label).strong());
            }
            ui.end_row();
            for (name, value) in metrics {
                ui.label(egui::RichText::new(&name).strong());
                for (_, c) in &rows {
                    ui.label(value(c));
                }
                ui.end_row();
                if name == "Mean deficit" {
                    let (low, high) = band_range(&o.band.mean_deficit_bn);
                    ui.label(egui::RichText::new("…low–high").color(theme::MUTED))
                        .on_hover_text(
                            "This game's mean deficit with the scenario's low and high parameter sets (the same moves \
                         played again; see About the model).",
                        );
                    ui.label(
                        egui::RichText::new(format!("{}–{}", format::bn(low), format::bn(high))).color(theme::MUTED),
                    );
                    ui.end_row();
                }
            }
        });
}

fn terms(ui: &mut egui::Ui, scenario: &Scenario, view: &ResultsView) {
    let space = PackageSpace::of(scenario);
    let signed = view.report.outcome.terms.as_ref();
    let actual = scenario.actual_deal.as_ref().map(|d| &d.terms);
    if signed.is_none() && actual.is_none() {
        return;
    }
    egui::Grid::new("terms_compared")
        .striped(true)
        .num_columns(3)
        .spacing(egui::vec2(16.0, 3.0))
        .show(ui, |ui| {
            ui.label(egui::RichText::new("Issue").strong());
            ui.label(egui::RichText::new("Your deal").strong());
            ui.label(egui::RichText::new(capitalised(scenario.real_deal_label().unwrap_or("the real deal"))).strong());
            ui.end_row();
            for issue in &space.issues {
                let text = |terms: Option<&std::collections::BTreeMap<String, f64>>| {
                    terms
                        .and_then(|t| t.get(&issue.id))
                        .and_then(|v| issue.options.iter().position(|o| o == v))
                        .map_or("–".to_string(), |k| issue.option_text(scenario, k))
                };
                crate::game::glossary::label(ui, short_name(&issue.name), &issue.name);
                ui.label(text(signed));
                ui.label(text(actual));
                ui.end_row();
            }
        });
}

/// The line to export the game's record (a game played on this computer).
fn export_line(ui: &mut egui::Ui, session: &Session, view: &ResultsView, action: &mut Option<ResultsAction>) {
    ui.horizontal_wrapped(|ui| {
        match &session.table {
            Some(code) => ui.label(format!("Class table {code}: the result is saved under its code.")),
            None => ui.label("Export the game's record:"),
        };
        let mut folder = view.export_folder.clone();
        ui.add(
            egui::TextEdit::singleline(&mut folder)
                .hint_text("folder, e.g. a USB stick or the class's shared folder")
                .desired_width(340.0),
        );
        if folder != view.export_folder {
            *action = Some(ResultsAction::ExportFolder(folder));
        }
        if ui
            .add_enabled(
                !view.export_folder.trim().is_empty(),
                egui::Button::new("Export result"),
            )
            .clicked()
        {
            *action = Some(ResultsAction::Export);
        }
        if let Some(note) = &view.export_note {
            theme::note(ui, note);
        }
    });
}

/// The verdict against no deal and the real deal: "You beat no deal by …" for the one side a person played, and
/// both sides by name when people played both or neither.
pub fn verdict_lines(mode: Mode, report: &GameReport) -> Vec<String> {
    let people: Vec<Side> = Side::BOTH.into_iter().filter(|&side| mode.is_human(side)).collect();
    match people.as_slice() {
        [side] => vec![report.verdict[*side].said_of("You")],
        _ => Side::BOTH
            .iter()
            .map(|&side| report.verdict[side].sentence.clone())
            .collect(),
    }
}

/// The results' contents; returns what the player chose.
pub fn results_panel(ui: &mut egui::Ui, session: &Session, view: &ResultsView) -> Option<ResultsAction> {
    let mut action = None;
    let scenario = &session.scenario;
    let o = &view.report.outcome;
    let (title, color) = headline(o.kind);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(title).size(30.0).strong().color(color));
        ui.label(
            egui::RichText::new(format!(
                "in round {} ({}) — {}",
                o.round,
                format::month(&scenario.month_of_round(o.round)),
                o.reason
            ))
            .size(17.0),
        );
    });
    for verdict in verdict_lines(session.setup.mode, &view.report) {
        ui.label(egui::RichText::new(verdict).size(19.0).strong());
    }
    ui.horizontal(|ui| {
        let again = if session.is_remote() {
            "Join another table (Enter)"
        } else {
            "Play again (Enter)"
        };
        if ui
            .add(egui::Button::new(egui::RichText::new(again).size(17.0)))
            .clicked()
        {
            action = Some(ResultsAction::PlayAgain);
        }
        if ui
            .add(egui::Button::new(egui::RichText::new("Back to title (Esc)").size(17.0)))
            .clicked()
        {
            action = Some(ResultsAction::Title);
        }
        if ui
            .add(egui::Button::new(egui::RichText::new("About the model").size(17.0)))
            .clicked()
        {
            action = Some(ResultsAction::About);
        }
        if ui
            .add(egui::Button::new(egui::RichText::new("Replay").size(17.0)))
            .on_hover_text("Move through this game, move by move")
            .clicked()
        {
            action = Some(ResultsAction::Replay);
        }
        theme::note(ui, format!("Seed {} · {}", session.setup.seed, scenario.title));
    });
    match &session.remote {
        Some(remote) => theme::note(
            ui,
            format!(
                "Networked table {} ({}): the teacher's computer keeps the result for the class debrief.",
                remote.table, remote.code
            ),
        ),
        None => export_line(ui, session, view, &mut action),
    }
    ui.add_space(8.0);
    let wide = ui.available_width() > 900.0;
    let players = &view.report.players;
    let card = |ui: &mut egui::Ui, side: Side| {
        score_card(
            ui,
            &session.scenario,
            &view.scores[side],
            view.gaps[side].as_ref(),
            &o.band.scores[side],
            &players[side],
        )
    };
    if wide {
        ui.columns(2, |columns| {
            for (column, side) in columns.iter_mut().zip(Side::BOTH) {
                card(column, side);
            }
        });
    } else {
        for side in Side::BOTH {
            card(ui, side);
        }
    }
    ui.add_space(8.0);
    let compared = |ui: &mut egui::Ui| {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            theme::section(ui, "Compared with no deal and with what really happened");
            egui::ScrollArea::horizontal()
                .id_salt("cmp")
                .show(ui, |ui| comparison(ui, &session.scenario, view));
            if let Some(deal) = &scenario.actual_deal {
                ui.add_space(4.0);
                theme::note(ui, &deal.description);
            }
            ui.add_space(6.0);
            terms(ui, scenario, view);
        });
    };
    let charts = |ui: &mut egui::Ui, columns: usize| {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            theme::section(ui, "The whole game");
            dashboard(ui, scenario, &session.state.history, columns, 130.0);
        });
    };
    if wide {
        ui.columns(2, |c| {
            compared(&mut c[0]);
            charts(&mut c[1], 2);
        });
    } else {
        compared(ui);
        ui.add_space(8.0);
        charts(ui, if ui.available_width() > 600.0 { 2 } else { 1 });
    }
    action
}

fn draw_results(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    view: Option<Res<ResultsView>>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<ResultsAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (Some(session), Some(view)) = (session, view) else {
        return Ok(());
    };
    let keys = [
        (egui::Key::Escape, ResultsAction::Title),
        (egui::Key::Enter, ResultsAction::PlayAgain),
    ];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| results_panel(ui, &session, &view))
            .inner
    });
    Ok(())
}

fn apply_results_actions(
    mut actions: MessageReader<ResultsAction>,
    session: Option<Res<Session>>,
    view: Option<ResMut<ResultsView>>,
    mut commands: MessageWriter<GameCommand>,
    mut navigate: MessageWriter<Navigate>,
    mut client: Option<ResMut<TableClient>>,
    storage: Res<GameStorage>,
) {
    let mut view = view;
    for action in actions.read() {
        match action {
            ResultsAction::PlayAgain if session.as_ref().is_some_and(|s| s.is_remote()) => {
                if let Some(client) = client.as_mut() {
                    client.leave();
                }
                navigate.write(Navigate::To(Screen::JoinNetwork));
            }
            ResultsAction::PlayAgain => {
                commands.write(GameCommand::Start);
            }
            ResultsAction::Title => {
                // Through the session, which leaves a networked table and asks first if the game is not saved.
                commands.write(GameCommand::QuitToTitle);
            }
            ResultsAction::Replay => {
                commands.write(GameCommand::ReplayCurrent);
            }
            ResultsAction::ExportFolder(folder) => {
                if let Some(view) = view.as_mut() {
                    view.export_folder = folder.clone();
                }
            }
            ResultsAction::Export => {
                if let (Some(session), Some(view)) = (&session, view.as_mut()) {
                    let name = session
                        .table
                        .clone()
                        .unwrap_or_else(|| format!("game-seed-{}", session.setup.seed));
                    let path = std::path::Path::new(view.export_folder.trim()).join(format!("{name}.json"));
                    let json = session.to_record(&name).to_json();
                    view.export_note = Some(match storage.0.write(&path, json.as_bytes()) {
                        Ok(()) => format!("Saved to {}", path.display()),
                        Err(error) => error.to_string(),
                    });
                }
            }
            ResultsAction::About => {
                navigate.write(Navigate::About { from: Screen::Results });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradetable_core::ai::Strategy;
    use tradetable_core::ai::play::play;

    fn report() -> GameReport {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let mut us = Strategy::Boulware.agent(Side::Us);
        let mut partner = Strategy::Linear.agent(Side::Partner);
        let state = play(&scenario, 7, us.as_mut(), partner.as_mut());
        GameReport::new(&scenario, &state, "boulware", "linear")
    }

    #[test]
    fn the_verdict_speaks_to_the_one_side_people_played() {
        let report = report();
        let lines = verdict_lines(Mode::PlayPartner, &report);
        assert_eq!(lines, vec![report.verdict.partner.said_of("You")]);
        assert!(
            lines[0].starts_with("You ") && lines[0].contains("no deal"),
            "{lines:?}"
        );
    }

    #[test]
    fn a_watched_game_gives_both_sides_verdicts_by_name() {
        let report = report();
        let lines = verdict_lines(Mode::Watch, &report);
        assert_eq!(
            lines,
            vec![
                report.verdict.us.sentence.clone(),
                report.verdict.partner.sentence.clone()
            ]
        );
    }
}
