//! The results: how the talks ended and the verdict in words, both scores and their breakdown (with, for a deal, why
//! each score differs from the deal's worth at signing), the comparison with "no deal" and with the
//! deal that really happened in July 2025 (both played by the core on the same seed), the signed terms, and the
//! charts of the whole game.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::flags;
use crate::game::i18n::{Language, language, numbers, side_name, t};
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::panels::dashboard::dashboard;
use crate::game::panels::short_name;
use crate::game::saves::GameStorage;
use crate::game::session::{GameCommand, Mode, Session};
use crate::game::theme::{self, UiSet};
use crate::net::class_client::TableClient;
use tradetable_core::analysis::report::{Counterfactual, GameReport};
use tradetable_core::analysis::verdict::Verdict;
use tradetable_core::network::protocol::SeatPresence;
use tradetable_core::rules::negotiation::{EventKind, GameState, OutcomeKind};
use tradetable_core::rules::package::PackageSpace;
use tradetable_core::rules::score::{Band, ScoreGap, SideScore, band_range, score_game, score_gap};
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
            t!("screens-results-player-your-team")
        } else if remote.seats[side] == SeatPresence::Computer {
            t!("screens-results-player-computer")
        } else {
            t!("screens-results-player-other-team")
        };
    }
    if session.setup.mode.is_human(side) {
        match session.setup.mode {
            Mode::Hotseat => t!(
                "screens-results-player-team",
                side = crate::game::i18n::side_name(names, side)
            ),
            _ => t!("screens-results-player"),
        }
    } else {
        // English names the computer player by its id, as the command line does; another language by its name there.
        let opponent = &session.setup.ai[side];
        let name = if language() == Language::English {
            opponent.name()
        } else {
            super::setup::opponent_name(opponent, &session.scenario)
        };
        t!("screens-results-player-ai", name = name)
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

fn headline(kind: OutcomeKind) -> (String, egui::Color32) {
    match kind {
        OutcomeKind::Deal => (t!("screens-results-deal"), theme::GOOD),
        OutcomeKind::NoDeal => (t!("screens-results-no-deal"), theme::BAD),
        OutcomeKind::Collapse => (t!("screens-results-collapse"), theme::BAD),
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
            flags::side_flag(ui, names, score.side, 18.0);
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
            egui::RichText::new(t!(
                "screens-results-band",
                low = format!("{low:.1}"),
                high = format!("{high:.1}")
            ))
            .color(theme::MUTED),
        )
        .on_hover_text(t!("screens-results-band-hover"));
        egui::Grid::new(("breakdown", score.side))
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                ui.label(egui::RichText::new(t!("screens-results-objective")).strong());
                ui.label(egui::RichText::new(t!("screens-results-average")).strong());
                ui.label(egui::RichText::new(t!("screens-results-score")).strong());
                ui.label(egui::RichText::new(t!("screens-results-weight")).strong());
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
        egui::RichText::new(t!(
            "screens-results-worth",
            worth = format!("{:.1}", gap.worth_at_signing),
            score = format!("{:.1}", gap.final_score),
            sign = if difference < 0.0 { "−" } else { "+" },
            difference = format!("{:.1}", difference.abs())
        ))
        .strong(),
    )
    .on_hover_text(t!("screens-results-worth-hover"));
    let after = gap.months_scored.saturating_sub(gap.months_before_deal);
    ui.label(t!(
        "screens-results-worth-months",
        valuation = gap.valuation_months,
        round = gap.signed_round,
        month = numbers::month(&scenario.month_of_round(gap.signed_round)),
        scored = gap.months_scored,
        before = gap.months_before_deal,
        after = after,
    ));
    let mut largest: Vec<_> = gap.objectives.iter().filter(|o| o.points.abs() >= 0.05).collect();
    largest.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()));
    if !largest.is_empty() {
        theme::note(ui, t!("screens-results-gaps"));
    }
    for objective in largest.into_iter().take(3) {
        theme::note(
            ui,
            t!(
                "screens-results-gap",
                objective = objective.name.as_str(),
                signing = format!("{:.1}", objective.at_signing),
                averaged = format!("{:.1}", objective.averaged),
                sign = if objective.points > 0.0 { "−" } else { "+" },
                points = format!("{:.1}", objective.points.abs())
            ),
        );
    }
}

fn comparison(ui: &mut egui::Ui, scenario: &Scenario, view: &ResultsView) {
    let o = &view.report.outcome;
    let real_deal = real_deal_label(scenario);
    let (this_game, no_deal) = (t!("screens-results-this-game"), t!("screens-results-no-deal"));
    let mut rows: Vec<(&str, &Counterfactual)> = vec![(&this_game, &o.this_game), (&no_deal, &o.no_deal)];
    if let Some(actual) = &o.actual_deal {
        rows.push((&real_deal, actual));
    }
    type Metric = (String, fn(&Counterfactual) -> String);
    let mean_deficit = t!("screens-results-mean-deficit");
    let mut metrics: Vec<Metric> = vec![
        (t!("screens-results-outcome"), |c| headline(c.kind).0),
        (t!("screens-results-us-score"), |c| format!("{:.1}", c.scores.us)),
        (
            t!(
                "screens-results-side-score",
                side = scenario.names().short(Side::Partner)
            ),
            |c| format!("{:.1}", c.scores.partner),
        ),
        (mean_deficit.clone(), |c| numbers::bn(c.mean_goods_deficit_bn)),
        (t!("screens-results-final-deficit"), |c| {
            numbers::bn(c.final_goods_deficit_bn)
        }),
    ];
    if scenario.suspension().is_some() {
        metrics.push((
            t!("screens-results-survived", agreement = scenario.agreement_name()),
            |c| {
                if c.trade_agreement_survived {
                    t!("common-yes")
                } else {
                    t!("common-no")
                }
            },
        ));
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
                if name == mean_deficit {
                    let (low, high) = band_range(&o.band.mean_deficit_bn);
                    ui.label(egui::RichText::new(t!("screens-results-low-high")).color(theme::MUTED))
                        .on_hover_text(t!("screens-results-low-high-hover"));
                    ui.label(
                        egui::RichText::new(format!("{}–{}", numbers::bn(low), numbers::bn(high))).color(theme::MUTED),
                    );
                    ui.end_row();
                }
            }
        });
}

/// The real deal's name with a capital, from the scenario, or "The real deal".
fn real_deal_label(scenario: &Scenario) -> String {
    match scenario.real_deal_label() {
        Some(label) => capitalised(label),
        None => capitalised(&t!("screens-results-real-deal")),
    }
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
            ui.label(egui::RichText::new(t!("screens-results-issue")).strong());
            ui.label(egui::RichText::new(t!("screens-results-your-deal")).strong());
            ui.label(egui::RichText::new(real_deal_label(scenario)).strong());
            ui.end_row();
            for issue in &space.issues {
                let text = |terms: Option<&std::collections::BTreeMap<String, f64>>| {
                    terms
                        .and_then(|t| t.get(&issue.id))
                        .and_then(|v| issue.options.iter().position(|o| o == v))
                        .map_or("–".to_string(), |k| {
                            crate::game::panels::offer::option_text(scenario, issue, k)
                        })
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
            Some(code) => ui.label(t!("screens-results-class-table", code = code.as_str())),
            None => ui.label(t!("screens-results-export-label")),
        };
        let mut folder = view.export_folder.clone();
        ui.add(
            egui::TextEdit::singleline(&mut folder)
                .hint_text(t!("screens-results-export-hint"))
                .desired_width(340.0),
        );
        if folder != view.export_folder {
            *action = Some(ResultsAction::ExportFolder(folder));
        }
        if ui
            .add_enabled(
                !view.export_folder.trim().is_empty(),
                egui::Button::new(t!("screens-results-export")),
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
pub fn verdict_lines(mode: Mode, report: &GameReport, scenario: &Scenario) -> Vec<String> {
    let people: Vec<Side> = Side::BOTH.into_iter().filter(|&side| mode.is_human(side)).collect();
    if language() != Language::English {
        // The core writes the verdict in English; in another language it is said again from its figures.
        let said = |side: Side, subject: String| said_in_language_in_play(&report.verdict[side], subject, scenario);
        return match people.as_slice() {
            [side] => vec![said(*side, t!("screens-results-verdict-you"))],
            _ => Side::BOTH
                .iter()
                .map(|&side| said(side, side_name(scenario.names(), side)))
                .collect(),
        };
    }
    match people.as_slice() {
        // The core's English sentence (the command line and the transcripts say the same), said of the player.
        [side] => vec![report.verdict[*side].said_of("You")],
        _ => Side::BOTH
            .iter()
            .map(|&side| report.verdict[side].sentence.clone())
            .collect(),
    }
}

/// How the talks ended: the core's sentence in English; in another language said again from the game's news (who
/// accepted, who walked away, what ended the talks).
fn ending(kind: OutcomeKind, reason: &str, state: &GameState, scenario: &Scenario) -> String {
    if language() == Language::English {
        return reason.to_string();
    }
    let names = scenario.names();
    let last = |wanted: fn(&EventKind) -> Option<Side>| state.news.iter().rev().find_map(|e| wanted(&e.kind));
    let accepted = last(|kind| match kind {
        EventKind::Accepted(side) => Some(*side),
        _ => None,
    });
    let walked = last(|kind| match kind {
        EventKind::WalkedAway(side) => Some(*side),
        _ => None,
    });
    let fell = last(|kind| match kind {
        EventKind::GovernmentFell(side) => Some(*side),
        _ => None,
    });
    let terminated = state.news.iter().any(|e| e.kind == EventKind::TradeAgreementTerminated);
    match (kind, accepted, walked, fell) {
        (OutcomeKind::Deal, Some(side), _, _) => t!(
            "screens-results-ending-accepted",
            side = side_name(names, side),
            other = side_name(names, side.other())
        ),
        (OutcomeKind::NoDeal, _, Some(side), _) => {
            t!("screens-results-ending-walked-away", side = side_name(names, side))
        }
        (OutcomeKind::NoDeal, _, None, _) => t!("screens-results-ending-deadline"),
        (OutcomeKind::Collapse, _, _, Some(side)) => {
            t!("screens-results-ending-government-fell", side = side_name(names, side))
        }
        (OutcomeKind::Collapse, _, _, None) if terminated => t!(
            "screens-results-ending-terminated",
            agreement = scenario.agreement_name().to_string()
        ),
        // Nothing in the news says more: the core's own words.
        _ => reason.to_string(),
    }
}

/// A verdict in the language in play: `subject` against no deal, and against the scenario's real deal if it has one.
fn said_in_language_in_play(verdict: &Verdict, subject: String, scenario: &Scenario) -> String {
    // As the core reads a difference: to a tenth of a point.
    let comparison = |difference: f64| {
        let tenths = (difference * 10.0).round();
        let way = if tenths > 0.0 {
            "beat"
        } else if tenths < 0.0 {
            "short"
        } else {
            "matched"
        };
        (way, format!("{:.1}", tenths.abs() / 10.0))
    };
    let clause = |id: &str, difference: f64, what: String| {
        let (way, by) = comparison(difference);
        t!(id, way = way, what = what, by = by)
    };
    let no_deal = t!("screens-results-verdict-no-deal");
    let clauses = match (verdict.vs_real_deal, scenario.real_deal_label()) {
        (Some(real), Some(label)) => t!(
            "screens-results-verdict-joined",
            first = clause("screens-results-verdict-clause", verdict.vs_no_deal, no_deal),
            second = clause("screens-results-verdict-clause-final", real, label.to_string())
        ),
        _ => clause("screens-results-verdict-clause-final", verdict.vs_no_deal, no_deal),
    };
    t!("screens-results-verdict", subject = subject, clauses = clauses)
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
            egui::RichText::new(t!(
                "screens-results-when",
                round = o.round,
                month = numbers::month(&scenario.month_of_round(o.round)),
                reason = ending(o.kind, &o.reason, &session.state, scenario)
            ))
            .size(17.0),
        );
    });
    for verdict in verdict_lines(session.setup.mode, &view.report, scenario) {
        ui.label(egui::RichText::new(verdict).size(19.0).strong());
    }
    // Wrapped: at a projector's scale the buttons and the seed line are wider than the window in Japanese.
    ui.horizontal_wrapped(|ui| {
        let again = if session.is_remote() {
            t!("screens-results-join-another")
        } else {
            t!("screens-results-play-again")
        };
        if ui
            .add(egui::Button::new(egui::RichText::new(again).size(17.0)))
            .clicked()
        {
            action = Some(ResultsAction::PlayAgain);
        }
        if ui
            .add(egui::Button::new(
                egui::RichText::new(t!("screens-results-to-title")).size(17.0),
            ))
            .clicked()
        {
            action = Some(ResultsAction::Title);
        }
        if ui
            .add(egui::Button::new(
                egui::RichText::new(t!("screens-about-title")).size(17.0),
            ))
            .clicked()
        {
            action = Some(ResultsAction::About);
        }
        if ui
            .add(egui::Button::new(
                egui::RichText::new(t!("screens-results-replay")).size(17.0),
            ))
            .on_hover_text(t!("screens-results-replay-hover"))
            .clicked()
        {
            action = Some(ResultsAction::Replay);
        }
        theme::note(
            ui,
            t!(
                "screens-results-seed",
                seed = session.setup.seed.to_string(),
                scenario = scenario.title.as_str()
            ),
        );
    });
    match &session.remote {
        Some(remote) => theme::note(
            ui,
            t!(
                "screens-results-networked",
                table = remote.table.to_string(),
                code = remote.code.to_string()
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
            theme::section(ui, &t!("screens-results-compared"));
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
            theme::section(ui, &t!("screens-results-whole-game"));
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
                        Ok(()) => t!("screens-results-exported", path = path.display().to_string()),
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
    use crate::game::i18n::with_language;
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
        let lines = verdict_lines(
            Mode::PlayPartner,
            &report,
            &Scenario::builtin().expect("the built-in scenario"),
        );
        assert_eq!(lines, vec![report.verdict.partner.said_of("You")]);
        assert!(
            lines[0].starts_with("You ") && lines[0].contains("no deal"),
            "{lines:?}"
        );
    }

    #[test]
    fn the_verdict_reads_in_japanese_from_its_figures() {
        let report = report();
        let scenario = Scenario::builtin().expect("the built-in scenario").in_language("ja");
        let verdict = &report.verdict.partner;
        let lines = with_language(Language::Japanese, || {
            verdict_lines(Mode::PlayPartner, &report, &scenario)
        });
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        assert!(line.starts_with("あなたは合意なしを"), "{line}");
        assert!(line.ends_with("。"), "{line}");
        assert!(line.contains(&format!("{:.1}", verdict.vs_no_deal.abs())), "{line}");
        let real = verdict.vs_real_deal.expect("spring-2025 has a real deal");
        assert!(line.contains(&format!("{:.1}", real.abs())), "{line}");
        assert!(line.contains(scenario.real_deal_label().expect("a label")), "{line}");
        let watched = with_language(Language::Japanese, || verdict_lines(Mode::Watch, &report, &scenario));
        assert!(watched[0].starts_with("米国は"), "{watched:?}");
    }

    #[test]
    fn how_the_talks_ended_reads_in_japanese_from_the_news() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let mut us = Strategy::Boulware.agent(Side::Us);
        let mut partner = Strategy::Linear.agent(Side::Partner);
        let state = play(&scenario, 7, us.as_mut(), partner.as_mut());
        let outcome = state.outcome.clone().expect("the game ended");
        assert_eq!(outcome.kind, OutcomeKind::Deal, "this seed ends in a deal");
        let english = with_language(Language::English, || {
            ending(outcome.kind, &outcome.reason, &state, &scenario)
        });
        assert_eq!(english, outcome.reason);
        let japanese_scenario = scenario.in_language("ja");
        let japanese = with_language(Language::Japanese, || {
            ending(outcome.kind, &outcome.reason, &state, &japanese_scenario)
        });
        assert!(japanese.ends_with("の提案を受け入れました"), "{japanese}");
        assert!(japanese.contains("米国") && japanese.contains("日本"), "{japanese}");
    }

    #[test]
    fn a_watched_game_gives_both_sides_verdicts_by_name() {
        let report = report();
        let lines = verdict_lines(
            Mode::Watch,
            &report,
            &Scenario::builtin().expect("the built-in scenario"),
        );
        assert_eq!(
            lines,
            vec![
                report.verdict.us.sentence.clone(),
                report.verdict.partner.sentence.clone()
            ]
        );
    }
}
