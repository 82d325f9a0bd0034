//! The replay viewer: a recorded game (a save, a finished game, a class table) replayed by the core and shown move
//! by move and round by round — slider, ←/→ for a move, PgUp/PgDn for a round, Space to play and pause — with the
//! table, the preview, the charts, the news and the negotiation dance of that moment, each offer labelled as the
//! negotiation literature does. "Branch from here" starts a new game from any moment.

use std::path::Path;
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, Plot, Points};

use crate::game::i18n::{numbers, t};
use crate::game::navigation::{Flow, Menu, Navigate, Screen, SessionStep};
use crate::game::panels::dashboard::dashboard;
use crate::game::panels::news::news_feed;
use crate::game::panels::offer::{OfferView, offer_panel};
use crate::game::panels::preview::{Preview, preview_panel};
use crate::game::saves::SaveBook;
use crate::game::session::{
    AdmittedCommand, GameCommand, GameOpener, GameSetup, OpenError, ScenarioSource, Session, Viewer, find_scenario,
};
use crate::game::theme::{self, UiSet};
use tradetable_core::analysis::game::{MoveLabel, OfferStep, dance, opening_position};
use tradetable_core::analysis::outcome_space::Point;
use tradetable_core::classroom::palette::side_look;
use tradetable_core::classroom::record::GameRecord;
use tradetable_core::rules::negotiation::GameState;
use tradetable_core::rules::package::PackageSpace;
use tradetable_core::rules::score::Valuer;
use tradetable_core::{Scenario, Side};

/// Seconds per move when the replay plays.
const SECONDS_PER_MOVE: f32 = 0.7;

/// A recorded game opened for replay: every state from the start to the last move, and where the viewer is.
#[derive(Resource, Debug, Clone)]
pub struct ReplayView {
    /// The record.
    pub record: GameRecord,
    /// The scenario it was played on.
    pub scenario: Arc<Scenario>,
    /// The state after each number of moves: `states[0]` is the start, `states[k]` follows move `k`.
    pub states: Vec<GameState>,
    /// Every offer of the game as a point on the two sides' utilities, labelled against the same side's previous
    /// offer, in the order of the final state's offers: the negotiation dance.
    pub steps: Vec<OfferStep>,
    /// No deal on the same utilities.
    pub no_deal: Point,
    /// How many moves are shown (0: the start).
    pub at: usize,
    /// Whether it plays on by itself.
    pub playing: bool,
    /// Time since the last move while playing.
    pub clock: f32,
    /// The preview of the moment shown.
    pub preview: Option<Preview>,
    /// The tab on the right.
    pub tab: ReplayTab,
    /// Where "Back" goes: the load dialog, or the results of the game just played.
    pub back_to: Screen,
}

/// The views beside the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReplayTab {
    /// The offers on the two sides' utilities.
    #[default]
    Dance,
    /// What the model projects.
    Preview,
    /// The charts up to the moment.
    Charts,
    /// The news up to the moment.
    News,
}

impl ReplayView {
    /// Opens a record: reads it, finds its scenario (in the version it was played on) and replays every move.
    pub fn open(
        book: &SaveBook,
        folders: &[std::path::PathBuf],
        path: &Path,
        preferred: &ScenarioSource,
    ) -> Result<ReplayView, OpenError> {
        let record = book.read(path).map_err(OpenError::Record)?;
        let (_, scenario) = find_scenario(folders, &record.scenario, preferred)?;
        ReplayView::from_record(record, &scenario)
    }

    /// Replays a record on its scenario (already found).
    pub fn from_record(record: GameRecord, scenario: &Scenario) -> Result<ReplayView, OpenError> {
        let scenario = scenario.clone();
        let states = record
            .states(&scenario, record.moves.len())
            .map_err(|e| OpenError::Replay(e.to_string()))?;
        let last = states.last().expect("the start is always there");
        // Valued at the opening, as the debrief values them, so a class's replays and its debrief agree.
        let opening = opening_position(&scenario);
        let valuer = Valuer::new(&scenario, &opening);
        let steps = dance(&valuer, &last.offers);
        let no_deal = Point {
            us: valuer.reservation(Side::Us),
            partner: valuer.reservation(Side::Partner),
        };
        let at = states.len() - 1;
        let mut view = ReplayView {
            record,
            scenario: Arc::new(scenario),
            states,
            steps,
            no_deal,
            at,
            playing: false,
            clock: 0.0,
            preview: None,
            tab: ReplayTab::Dance,
            back_to: Screen::Saves,
        };
        view.refresh();
        Ok(view)
    }

    /// The state shown.
    pub fn state(&self) -> &GameState {
        &self.states[self.at]
    }

    /// The number of moves in the record.
    pub fn moves(&self) -> usize {
        self.states.len() - 1
    }

    /// Moves to `at` (clamped) and recomputes the preview.
    pub fn seek(&mut self, at: usize) {
        let at = at.min(self.moves());
        if at != self.at || self.preview.is_none() {
            self.at = at;
            self.refresh();
        }
    }

    /// The first move of the round before (−1) or after (+1) the one shown.
    pub fn round_step(&self, direction: i32) -> usize {
        let round = self.state().round;
        let moves = &self.record.moves;
        if direction < 0 {
            // Back to the start of this round, or of the one before if already there.
            let start_of = |r: u32| moves.iter().position(|m| m.round >= r).unwrap_or(moves.len());
            let here = start_of(round);
            if here < self.at {
                here
            } else {
                start_of(round.saturating_sub(1))
            }
        } else {
            moves.iter().position(|m| m.round > round).unwrap_or(moves.len())
        }
    }

    fn refresh(&mut self) {
        self.preview = Some(Preview::compute(&self.scenario, self.state(), Viewer::Both, None));
    }

    /// Why the move that led to the state shown was made, if a computer player said.
    pub fn move_reasons(&self) -> Option<String> {
        let played = self.record.moves.get(self.at.checked_sub(1)?)?;
        (!played.reasons.is_empty()).then(|| played.reasons.join(" "))
    }

    /// The move that led to the state shown, in words, with its label if it was an offer.
    pub fn move_text(&self) -> String {
        let names = self.scenario.names();
        if self.at == 0 {
            return t!("class-replay-start");
        }
        let played = &self.record.moves[self.at - 1];
        let offers_before = self.states[self.at - 1].offers.len();
        let label = (self.state().offers.len() > offers_before)
            .then(|| self.steps.get(offers_before).and_then(|step| step.label))
            .flatten();
        let mv = match &played.mv {
            tradetable_core::Move::Propose(_) => t!("class-replay-propose"),
            tradetable_core::Move::Accept => t!("class-replay-accept"),
            other => other.to_string(),
        };
        match label {
            Some(label) => t!(
                "class-replay-move-labelled",
                side = names.label(played.side),
                action = mv,
                label = label.name()
            ),
            None => t!("class-replay-move", side = names.label(played.side), action = mv),
        }
    }
}

/// What the viewer did.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayAction {
    /// Show the state after this many moves.
    Seek(usize),
    /// One move back or forward.
    Step(i32),
    /// One round back or forward.
    Round(i32),
    /// Play or pause.
    PlayPause,
    /// Show another tab.
    Tab(ReplayTab),
    /// Start a new game from the moment shown.
    Branch,
    /// Back to the load dialog.
    Back,
}

/// The replay viewer.
pub fn plugin(app: &mut App) {
    app.add_message::<ReplayAction>()
        .add_systems(
            Update,
            (apply_replay_actions, play_on)
                .chain()
                .in_set(Flow::Actions)
                .run_if(in_state(Screen::Replay)),
        )
        .add_systems(Update, run_replay_commands.in_set(SessionStep::Commands))
        .add_systems(OnExit(Screen::Replay), |mut commands: Commands| {
            commands.remove_resource::<ReplayView>();
        })
        .add_systems(
            EguiPrimaryContextPass,
            draw_replay.in_set(UiSet::Screen).run_if(in_state(Screen::Replay)),
        );
}

fn play_on(view: Option<ResMut<ReplayView>>, time: Res<Time>) {
    let Some(mut view) = view else {
        return;
    };
    if !view.playing {
        return;
    }
    view.clock += time.delta_secs();
    if view.clock >= SECONDS_PER_MOVE {
        view.clock = 0.0;
        let next = view.at + 1;
        view.seek(next);
        if view.at == view.moves() {
            view.playing = false;
        }
    }
}

fn apply_replay_actions(
    mut actions: MessageReader<ReplayAction>,
    view: Option<ResMut<ReplayView>>,
    mut commands: MessageWriter<GameCommand>,
    mut navigate: MessageWriter<Navigate>,
) {
    let Some(mut view) = view else {
        if !actions.is_empty() {
            actions.clear();
            navigate.write(Navigate::To(Screen::Saves));
        }
        return;
    };
    for action in actions.read() {
        match *action {
            ReplayAction::Seek(at) => view.seek(at),
            ReplayAction::Step(direction) => {
                let at = view.at.saturating_add_signed(direction as isize);
                view.seek(at);
            }
            ReplayAction::Round(direction) => {
                let at = view.round_step(direction);
                view.seek(at);
            }
            ReplayAction::PlayPause => {
                if view.at == view.moves() {
                    view.seek(0);
                }
                view.playing = !view.playing;
            }
            ReplayAction::Tab(tab) => view.tab = tab,
            ReplayAction::Branch => {
                commands.write(GameCommand::Branch {
                    record: Box::new(view.record.clone()),
                    moves: view.at,
                });
            }
            ReplayAction::Back => {
                navigate.write(Navigate::To(view.back_to));
            }
        }
    }
}

/// The dance chart: each side's offers on the two utilities, the no-deal point, and the offer shown.
fn dance_chart(ui: &mut egui::Ui, view: &ReplayView) {
    let names = view.scenario.names();
    let offers_now = view.state().offers.len();
    let mut plot = Plot::new("dance")
        .legend(Legend::default())
        .x_axis_label(t!("class-replay-x-axis"))
        .y_axis_label(t!("class-replay-y-axis", partner = names.with_article(Side::Partner)))
        .height(ui.available_height().max(220.0));
    plot = plot.data_aspect(1.0);
    plot.show(ui, |plot_ui| {
        for side in Side::BOTH {
            let points: Vec<[f64; 2]> = view.steps[..offers_now.min(view.steps.len())]
                .iter()
                .filter(|step| step.from == side)
                .map(|step| [step.point.us * 100.0, step.point.partner * 100.0])
                .collect();
            if points.is_empty() {
                continue;
            }
            // Each side's own stroke and marker as well as its colour, so the two are told apart without colour.
            let look = side_look(side);
            plot_ui.line(
                Line::new(t!("class-replay-offers", side = names.short(side)), points.clone())
                    .color(theme::side_color(side))
                    .style(theme::line_style(look.dash))
                    .width(2.0),
            );
            plot_ui.points(
                Points::new(t!("class-replay-offers", side = names.short(side)), points)
                    .color(theme::side_color(side))
                    .shape(theme::marker_shape(look.marker))
                    .filled(true)
                    .radius(4.5),
            );
        }
        plot_ui.points(
            Points::new(
                t!("class-replay-no-deal"),
                vec![[view.no_deal.us * 100.0, view.no_deal.partner * 100.0]],
            )
            .color(theme::MUTED)
            .shape(egui_plot::MarkerShape::Square)
            // Hollow, as on the debrief page, so it is not read as one of the partner's filled squares.
            .filled(false)
            .radius(6.0),
        );
    });
}

/// The replay's contents; returns what the viewer did.
pub fn replay_panel(ui: &mut egui::Ui, view: &ReplayView) -> Option<ReplayAction> {
    let mut action = None;
    let state = view.state();
    ui.horizontal_wrapped(|ui| {
        ui.heading(t!("class-replay-title", label = view.record.label.as_str()));
        theme::note(
            ui,
            t!(
                "class-replay-subtitle",
                scenario = view.scenario.title.as_str(),
                seed = view.record.seed.to_string()
            ),
        );
    });
    ui.horizontal_wrapped(|ui| {
        // After the end the remaining months play out; the round that matters is the one the talks ended in.
        let round = state
            .outcome
            .as_ref()
            .map_or(state.round, |o| o.round)
            .min(view.scenario.rounds);
        ui.label(
            egui::RichText::new(t!(
                "class-replay-position",
                at = view.at,
                moves = view.moves(),
                round = round,
                month = numbers::month(&view.scenario.month_of_round(round))
            ))
            .strong(),
        );
        ui.label(view.move_text());
    });
    if let Some(reasons) = view.move_reasons() {
        ui.label(egui::RichText::new(reasons).italics());
    }
    ui.horizontal(|ui| {
        if ui.button(t!("class-replay-round-back")).clicked() {
            action = Some(ReplayAction::Round(-1));
        }
        if ui.button(t!("class-replay-move-back")).clicked() {
            action = Some(ReplayAction::Step(-1));
        }
        if ui
            .button(if view.playing {
                t!("class-replay-pause")
            } else {
                t!("class-replay-play")
            })
            .clicked()
        {
            action = Some(ReplayAction::PlayPause);
        }
        if ui.button(t!("class-replay-move-forward")).clicked() {
            action = Some(ReplayAction::Step(1));
        }
        if ui.button(t!("class-replay-round-forward")).clicked() {
            action = Some(ReplayAction::Round(1));
        }
        let mut at = view.at;
        ui.add(egui::Slider::new(&mut at, 0..=view.moves()).text(t!("class-replay-slider")));
        if at != view.at {
            action = Some(ReplayAction::Seek(at));
        }
        if ui
            .button(t!("class-replay-branch"))
            .on_hover_text(t!("class-replay-branch-hint"))
            .clicked()
        {
            action = Some(ReplayAction::Branch);
        }
        if ui.button(t!("class-replay-back")).clicked() {
            action = Some(ReplayAction::Back);
        }
    });
    ui.separator();
    let space = PackageSpace::of(&view.scenario);
    let offer_view = OfferView {
        scenario: &view.scenario,
        space: &space,
        state,
        viewer: Viewer::Both,
        can_act: false,
        paused: false,
        opponent: None,
    };
    ui.columns(2, |columns| {
        egui::ScrollArea::both()
            .id_salt("replay_table")
            .auto_shrink([false, false])
            .show(&mut columns[0], |ui| {
                theme::card().show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let _ = offer_panel(ui, &offer_view, None);
                });
            });
        let ui = &mut columns[1];
        ui.horizontal(|ui| {
            for (tab, name) in [
                (ReplayTab::Dance, t!("class-replay-tab-dance")),
                (ReplayTab::Preview, t!("class-replay-tab-preview")),
                (ReplayTab::Charts, t!("class-replay-tab-charts")),
                (ReplayTab::News, t!("class-replay-tab-news")),
            ] {
                if ui.selectable_label(view.tab == tab, name).clicked() {
                    action = Some(ReplayAction::Tab(tab));
                }
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("replay_side")
            .auto_shrink([false, false])
            .show(ui, |ui| match view.tab {
                ReplayTab::Dance => {
                    theme::note(ui, t!("class-replay-dance-note"));
                    dance_chart(ui, view);
                    label_counts(ui, view);
                }
                ReplayTab::Preview => match &view.preview {
                    Some(preview) => preview_panel(ui, &view.scenario, preview),
                    None => theme::note(ui, t!("class-replay-working")),
                },
                ReplayTab::Charts => dashboard(ui, &view.scenario, &state.history, 1, 140.0),
                ReplayTab::News => news_feed(ui, &view.scenario, state),
            });
    });
    action
}

/// How many offers of each kind each side made up to the moment shown.
fn label_counts(ui: &mut egui::Ui, view: &ReplayView) {
    let offers = &view.state().offers;
    egui::Grid::new("labels").striped(true).show(ui, |ui| {
        ui.label(egui::RichText::new(t!("class-replay-offers-heading")).strong());
        for side in Side::BOTH {
            ui.label(theme::side_text(view.scenario.names(), side));
        }
        ui.end_row();
        for label in MoveLabel::ALL {
            ui.label(label.name()).on_hover_text(label.meaning());
            for side in Side::BOTH {
                let count = offers
                    .iter()
                    .enumerate()
                    .filter(|(k, o)| {
                        o.offer.from == side && view.steps.get(*k).and_then(|step| step.label) == Some(label)
                    })
                    .count();
                ui.label(count.to_string());
            }
            ui.end_row();
        }
    });
}

fn draw_replay(
    mut contexts: EguiContexts,
    view: Option<Res<ReplayView>>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<ReplayAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(view) = view else {
        return Ok(());
    };
    let keys = [
        (egui::Key::ArrowLeft, ReplayAction::Step(-1)),
        (egui::Key::ArrowRight, ReplayAction::Step(1)),
        (egui::Key::PageUp, ReplayAction::Round(-1)),
        (egui::Key::PageDown, ReplayAction::Round(1)),
        (egui::Key::Space, ReplayAction::PlayPause),
        (egui::Key::Escape, ReplayAction::Back),
    ];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| replay_panel(ui, &view));
    Ok(())
}

/// Opens a saved or finished game, or the game just played, in the replay viewer; and starts a new game from a moment
/// of a recorded one ("Branch from here").
fn run_replay_commands(
    mut admitted: MessageReader<AdmittedCommand>,
    setup: Res<GameSetup>,
    session: Option<Res<Session>>,
    mut opener: GameOpener,
) {
    for AdmittedCommand(command) in admitted.read() {
        match command {
            GameCommand::Replay(path) => {
                match ReplayView::open(&opener.book(), opener.scenario_dirs(), path, &setup.source) {
                    Ok(view) => {
                        opener.notice.0 = None;
                        opener.commands.insert_resource(view);
                        opener.navigate.write(Navigate::To(Screen::Replay));
                    }
                    Err(error) => opener.fail(error),
                }
            }
            GameCommand::ReplayCurrent => {
                let Some(session) = session.as_deref() else {
                    continue;
                };
                let record = session.to_record(&session.table.clone().unwrap_or_else(|| t!("class-replay-this-game")));
                match ReplayView::from_record(record, &session.scenario) {
                    Ok(view) => {
                        opener.commands.insert_resource(ReplayView {
                            back_to: Screen::Results,
                            ..view
                        });
                        opener.navigate.write(Navigate::To(Screen::Replay));
                    }
                    Err(error) => opener.fail(error),
                }
            }
            GameCommand::Branch { record, moves } => {
                let book = opener.book();
                let branched = find_scenario(opener.scenario_dirs(), &record.scenario, &setup.source).and_then(
                    |(source, scenario)| {
                        let state = record
                            .replay_to(&scenario, *moves)
                            .map_err(|e| OpenError::Replay(e.to_string()))?;
                        let setup = GameSetup::from_record(source, record);
                        let file = book.new_game_file(&crate::clock::now(), &scenario.id);
                        Ok(Session::resume(Arc::new(scenario), setup, state, None).saving_to(file))
                    },
                );
                opener.open(branched);
            }
            _ => {}
        }
    }
}
