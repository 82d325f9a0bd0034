//! The table, the main screen: the top bar, your levers on the left, the offer table with the preview in the
//! middle, the dashboard, news and offer history on the right (as tabs when the window is narrow), and a status
//! line. In watch mode the top bar carries play, pause, step and speed, and the levers give way to what is in
//! force. Keyboard: Enter sends the proposal, Esc opens the menu, 1–4 pick a lever group, Space and → drive the
//! watch mode.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::game::glossary;
use crate::game::hot_reload::ScenarioEdit;
use crate::game::menus::Menu;
use crate::game::navigation::{Flow, Navigate};
use crate::game::panels::dashboard::dashboard;
use crate::game::panels::levers::{LeverGroup, LeverInputs, LeverView, lever_panel, policy_panel};
use crate::game::panels::news::{latest_headline, news_feed, offer_history};
use crate::game::panels::offer::{OfferAction, OfferView, offer_panel};
use crate::game::panels::preview::{Preview, initial_draft, preview_panel};
use crate::game::panels::top_bar::{TopBarAction, TopBarView, top_bar};
use crate::game::perf::PerfLog;
use crate::game::remote::{RemoteStatus, remote_status};
use crate::game::session::{GameCommand, GameOpened, Mode, PlayerMove, Session, Viewer, WatchClock};
use crate::game::theme::{self, UiSet};
use crate::net::class_client::TableClient;
use tradetable_core::Names;
use tradetable_core::ai::Opponent;
use tradetable_core::rules::package::{Package, PackageSpace};
use tradetable_core::scenario::schema::Brief;
use tradetable_core::{Move, PerSide, Side};

/// Each side's proposal in the making. Only the viewer's is ever drawn.
#[derive(Resource, Debug, Clone, Default)]
pub struct Drafts(pub PerSide<Option<Package>>);

impl Drafts {
    /// A side's draft, if it has one.
    pub fn get(&self, side: Side) -> Option<&Package> {
        self.0[side].as_ref()
    }
}

/// What a player did at the table. Choosing a tab or a lever group, typing in a lever's box and opening the
/// glossary or a confirmation are the panel's own state; everything with an effect beyond the panel is an action.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum TableAction {
    /// Play a move for `side` (the session refuses it if it is not that side's human turn).
    Play {
        /// The side playing.
        side: Side,
        /// The move.
        mv: Move,
    },
    /// Replace `side`'s draft proposal.
    Draft {
        /// Whose draft.
        side: Side,
        /// The new draft.
        package: Package,
    },
    /// Ask the adviser what `side` should do now.
    AskAdviser(Side),
    /// Play or pause the watched game.
    PlayPause,
    /// One move of the watched game.
    Step,
    /// Moves per second of the watched game.
    Speed(f32),
    /// Open the pause menu.
    Pause,
    /// Restart on the edited scenario file.
    Reload,
}

/// The adviser's hint for the team to move: private, removed when the table is left.
#[derive(Resource, Debug, Clone)]
pub struct Advice {
    /// For whom.
    pub side: Side,
    /// In which round and after how many actions (a hint is stale after any move).
    pub at: (u32, u32, Side),
    /// The hint.
    pub text: String,
    /// The package it suggests, if any.
    pub package: Option<Package>,
}

/// The right-hand (or tabbed) views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// The offer table (a tab only in narrow windows).
    Table,
    /// What the model projects for the packages on the table.
    #[default]
    Preview,
    /// The charts.
    Dashboard,
    /// The news feed.
    News,
    /// The offers so far.
    History,
    /// The side's confidential brief (only to that side).
    Brief,
}

/// The table's UI state that lives between frames.
#[derive(Resource, Debug, Clone)]
pub struct TableUi {
    /// The lever group of each side.
    pub groups: PerSide<LeverGroup>,
    /// Each side's lever inputs.
    pub inputs: PerSide<LeverInputs>,
    /// The tab shown.
    pub tab: Tab,
    /// Asking to confirm a walk-away.
    pub confirm_walk_away: bool,
    /// The glossary window is open.
    pub glossary: bool,
}

impl Default for TableUi {
    fn default() -> Self {
        TableUi {
            groups: PerSide::new(LeverGroup::Tariffs, LeverGroup::Concessions),
            inputs: Default::default(),
            tab: Tab::Preview,
            confirm_walk_away: false,
            glossary: false,
        }
    }
}

/// The table screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<Drafts>()
        .init_resource::<TableUi>()
        .add_message::<TableAction>()
        .add_systems(Update, apply_table_actions.in_set(Flow::Actions))
        .add_systems(
            Update,
            (reset_for_new_game, update_preview.run_if(in_state(Screen::Table)))
                .chain()
                .after(Flow::Session),
        )
        .add_systems(OnEnter(Screen::Table), seat_the_team)
        .add_systems(OnExit(Screen::Table), hide_private_view)
        .add_systems(
            EguiPrimaryContextPass,
            draw_table.in_set(UiSet::Screen).run_if(in_state(Screen::Table)),
        );
}

/// Rebuilds the table's state for each game put on the table, however it got there (a new game after another, a
/// load, a class table, a branch), so nothing of one game's drafts or tabs reaches the next.
fn reset_for_new_game(
    mut opened: MessageReader<GameOpened>,
    session: Option<Res<Session>>,
    mut drafts: ResMut<Drafts>,
    mut ui: ResMut<TableUi>,
    mut commands: Commands,
) {
    if opened.read().count() > 0
        && let Some(session) = session
    {
        *drafts = Drafts::default();
        *ui = TableUi::default();
        if session.setup.mode == Mode::Watch {
            ui.tab = Tab::Dashboard;
        }
        commands.remove_resource::<Advice>();
        commands.remove_resource::<Preview>();
    }
}

/// Recomputes the preview when the game, the draft or the viewer changes.
fn update_preview(
    session: Option<Res<Session>>,
    drafts: Res<Drafts>,
    preview: Option<Res<Preview>>,
    mut commands: Commands,
) {
    let Some(session) = session else {
        return;
    };
    let viewer = session.viewer();
    let stale = preview
        .as_ref()
        .is_none_or(|p| p.viewer != viewer || p.round != session.state.round);
    if !(stale || session.is_changed() || drafts.is_changed()) {
        return;
    }
    let draft = viewer.side().and_then(|side| drafts.get(side));
    commands.insert_resource(Preview::compute(&session.scenario, &session.state, viewer, draft));
}

/// In hotseat, the team that continued past the handover takes the controls.
fn seat_the_team(session: Option<ResMut<Session>>) {
    if let Some(mut session) = session
        && session.setup.mode == Mode::Hotseat
        && session.seated != session.state.to_move
    {
        session.seated = session.state.to_move;
    }
}

/// Leaving the table (to the hotseat handover, the results or the title) takes the private view with it.
fn hide_private_view(mut commands: Commands, mut ui: ResMut<TableUi>) {
    commands.remove_resource::<Preview>();
    commands.remove_resource::<Advice>();
    ui.confirm_walk_away = false;
}

fn advice_text(mv: &Move) -> String {
    match mv {
        Move::Propose(_) => "Put this package on the table (load it into your proposal to look at it).".to_string(),
        Move::Accept => "Accept the offer on the table: it beats what you can expect later.".to_string(),
        Move::Pass => "Pass this round: nothing better is within reach yet.".to_string(),
        Move::WalkAway => "Walk away: no deal looks better than anything on offer.".to_string(),
        other => format!("Take an action: {other}."),
    }
}

/// Draws the status line: a refused move, or the latest headline; at a networked table, the seats first.
fn status_line(
    ui: &mut egui::Ui,
    session: &Session,
    edit: &ScenarioEdit,
    remote: Option<&RemoteStatus>,
) -> Option<TableAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        match edit.pending() {
            Some(Ok(())) => {
                ui.label(
                    egui::RichText::new("The scenario file has changed.")
                        .color(theme::ACCENT)
                        .strong(),
                );
                if ui
                    .button("Reload")
                    .on_hover_text("Restart on the edited file with the same seed, replaying the moves so far")
                    .clicked()
                {
                    action = Some(TableAction::Reload);
                }
                return;
            }
            Some(Err(error)) => {
                ui.label(
                    egui::RichText::new("The edited scenario has an error; the game goes on with the version loaded:")
                        .color(theme::BAD)
                        .strong(),
                )
                .on_hover_text(error);
                ui.label(egui::RichText::new(error.lines().next().unwrap_or_default()).monospace());
                return;
            }
            None => {}
        }
        if let Some(remote) = remote {
            ui.label(egui::RichText::new(&remote.seats).color(theme::ACCENT));
            ui.separator();
        }
        if let Some(refused) = &session.refused {
            ui.label(
                egui::RichText::new(format!("Refused: {refused}"))
                    .color(theme::BAD)
                    .strong(),
            );
        } else if let Some(event) = latest_headline(&session.state.news) {
            ui.label(egui::RichText::new("Latest:").color(theme::MUTED));
            ui.label(&event.text);
        } else {
            ui.label(egui::RichText::new("Enter: send · Esc: menu · 1–4: lever groups").color(theme::MUTED));
        }
    });
    action
}

#[allow(clippy::too_many_arguments)]
fn draw_table(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    drafts: Res<Drafts>,
    preview: Option<Res<Preview>>,
    advice: Option<Res<Advice>>,
    mut table_ui: ResMut<TableUi>,
    watch: Res<WatchClock>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<TableAction>,
    mut perf: ResMut<PerfLog>,
    edit: Res<ScenarioEdit>,
    client: Option<Res<TableClient>>,
) -> Result {
    let started = std::time::Instant::now();
    let ctx = contexts.ctx_mut()?;
    let Some(session) = session else {
        return Ok(());
    };
    let scenario = session.scenario.clone();
    let state = &session.state;
    let mode = session.setup.mode;
    let viewer = session.viewer();
    let space = PackageSpace::of(&scenario);
    let remote = remote_status(&session, client.as_deref());
    let can_act =
        session.human_to_move() && viewer.side() == Some(state.to_move) && remote.as_ref().is_none_or(|r| r.can_send);
    let paused = session.remote.as_ref().is_some_and(|r| r.paused);
    let mut played: Option<Move> = None;
    let mut offer_action: Option<OfferAction> = None;
    let mut bar_action = None;
    let ui_state = &mut *table_ui;

    let mut root = theme::root_ui(ctx);
    let width = root.available_width();
    let wide = width >= 1150.0;

    egui::Panel::top("top_bar")
        .frame(theme::panel_frame())
        .show(&mut root, |ui| {
            bar_action = top_bar(
                ui,
                &TopBarView {
                    scenario: &scenario,
                    state,
                    mode,
                    watch: (mode == Mode::Watch).then_some(&*watch),
                    remote: remote.as_ref(),
                },
            );
        });
    egui::Panel::bottom("status")
        .frame(theme::panel_frame())
        .show(&mut root, |ui| {
            if let Some(chosen) = status_line(ui, &session, &edit, remote.as_ref()) {
                actions.write(chosen);
            }
        });
    let left_width = (width * 0.22).clamp(230.0, 320.0);
    egui::Panel::left("levers")
        .frame(theme::panel_frame())
        .resizable(false)
        .exact_size(left_width)
        .show(&mut root, |ui| match viewer {
            Viewer::Side(side) => {
                let view = LeverView {
                    scenario: &scenario,
                    state,
                    side,
                    can_act,
                    paused,
                };
                let (groups, inputs) = (&mut ui_state.groups, &mut ui_state.inputs);
                if let Some(mv) = lever_panel(ui, &view, &mut groups[side], &mut inputs[side]) {
                    played = Some(mv);
                }
            }
            Viewer::Both => policy_panel(ui, &scenario, state),
        });
    // The brief is private: only the team whose view it is sees its own.
    let brief = match (&scenario.briefs, viewer) {
        (Some(briefs), Viewer::Side(side)) => Some((side, briefs[side].clone())),
        _ => None,
    };
    let side_tabs = |ui: &mut egui::Ui, tab: &mut Tab, with_table: bool| {
        ui.horizontal_wrapped(|ui| {
            if with_table {
                ui.selectable_value(tab, Tab::Table, "Table");
            }
            if brief.is_some() {
                ui.selectable_value(tab, Tab::Brief, "Your brief")
                    .on_hover_text("Your side's confidential brief: goals, walk-away, what to keep to yourselves");
            }
            ui.selectable_value(tab, Tab::Preview, "Preview")
                .on_hover_text("What the model projects a year on");
            ui.selectable_value(tab, Tab::Dashboard, "Charts");
            ui.selectable_value(tab, Tab::News, "News");
            ui.selectable_value(tab, Tab::History, "Offers");
        });
        ui.separator();
    };
    let offer_view = OfferView {
        scenario: &scenario,
        space: &space,
        state,
        viewer,
        can_act,
        paused,
    };
    let draw_side = |ui: &mut egui::Ui, tab: Tab, columns: usize| {
        egui::ScrollArea::both()
            .id_salt("side_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| match tab {
                Tab::Preview => {
                    theme::note(
                        ui,
                        "What the model projects a year on if a package is signed now, or if talks fail; …low–high: the same with the low and high parameter sets.",
                    );
                    match &preview {
                        Some(preview) => preview_panel(ui, &scenario, preview),
                        None => theme::note(ui, "Working it out…"),
                    }
                }
                Tab::Dashboard | Tab::Table => dashboard(ui, &scenario, &state.history, columns, 140.0),
                Tab::News => news_feed(ui, &scenario, &state.news),
                Tab::History => offer_history(ui, &offer_view, &state.offers),
                Tab::Brief => match &brief {
                    Some((side, brief)) => brief_panel(ui, scenario.names(), *side, brief),
                    None => theme::note(ui, "This scenario has no confidential briefs."),
                },
            });
    };
    if wide {
        if ui_state.tab == Tab::Table {
            ui_state.tab = Tab::Preview;
        }
        let right_width = (width * 0.30).clamp(360.0, 520.0);
        egui::Panel::right("side")
            .frame(theme::panel_frame())
            .resizable(false)
            .exact_size(right_width)
            .show(&mut root, |ui| {
                side_tabs(ui, &mut ui_state.tab, false);
                draw_side(ui, ui_state.tab, 1);
            });
    }
    egui::CentralPanel::default()
        .frame(theme::page_frame())
        .show(&mut root, |ui| {
            if !wide {
                side_tabs(ui, &mut ui_state.tab, true);
                if ui_state.tab != Tab::Table {
                    let columns = if ui.available_width() > 700.0 { 2 } else { 1 };
                    draw_side(ui, ui_state.tab, columns);
                    return;
                }
            }
            egui::ScrollArea::both()
                .id_salt("table_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // Read the draft without touching it, so the preview is recomputed only when it really changes.
                    let draft = viewer.side().map(|side| {
                        drafts
                            .get(side)
                            .filter(|draft| space.contains(draft))
                            .cloned()
                            .unwrap_or_else(|| initial_draft(&space, state))
                    });
                    let mut edited = draft.clone();
                    let notes = scenario.coaching_for(state.round, viewer.side());
                    if !notes.is_empty() {
                        theme::card()
                            .fill(egui::Color32::from_rgb(234, 241, 250))
                            .show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(egui::RichText::new("Coach").strong().color(theme::ACCENT));
                                for note in notes {
                                    ui.label(note);
                                }
                            });
                        ui.add_space(4.0);
                    }
                    theme::card().show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        offer_action = offer_panel(ui, &offer_view, edited.as_mut());
                        if let Some(advice) = advice.as_ref().filter(|a| {
                            Some(a.side) == viewer.side()
                                && a.at == (state.round, state.actions_this_turn, state.to_move)
                        }) {
                            ui.add_space(4.0);
                            ui.horizontal_wrapped(|ui| {
                                ui.label(egui::RichText::new("Adviser:").strong().color(theme::ACCENT));
                                ui.label(&advice.text);
                                if let Some(package) = &advice.package
                                    && ui.small_button("Load into my proposal").clicked()
                                {
                                    offer_action = Some(OfferAction::Draft(package.clone()));
                                }
                            });
                        }
                    });
                    if let (Some(side), Some(edited)) = (viewer.side(), edited)
                        && (Some(&edited) != draft.as_ref() || drafts.get(side).is_none())
                    {
                        actions.write(TableAction::Draft { side, package: edited });
                    }
                });
        });

    if ui_state.confirm_walk_away {
        let modal = egui::Modal::new("walk_away".into()).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.heading("Walk away from the table?");
            ui.label("The talks end without a deal; every announced tariff takes effect.");
            ui.add_space(8.0);
            let mut choice = None;
            ui.horizontal(|ui| {
                if ui.button(egui::RichText::new("Walk away").color(theme::BAD)).clicked() {
                    choice = Some(true);
                }
                if ui.button("Stay at the table").clicked() {
                    choice = Some(false);
                }
            });
            choice
        });
        match modal.inner {
            Some(true) => {
                ui_state.confirm_walk_away = false;
                played = Some(Move::WalkAway);
            }
            Some(false) => ui_state.confirm_walk_away = false,
            None if modal.should_close() => ui_state.confirm_walk_away = false,
            None => {}
        }
    }
    if ui_state.glossary {
        let mut open = true;
        egui::Window::new("Glossary")
            .open(&mut open)
            .vscroll(true)
            .default_width(440.0)
            .default_height(420.0)
            .show(ctx, |ui| glossary::glossary(ui, &scenario));
        ui_state.glossary = open;
    }

    // Keyboard, when no overlay has it.
    if *menu.get() == Menu::None && !ui_state.confirm_walk_away {
        let groups = viewer
            .side()
            .map(|side| LeverGroup::of(&scenario, side))
            .unwrap_or_default();
        ctx.input(|i| {
            if i.key_pressed(egui::Key::Escape) {
                bar_action = Some(TopBarAction::Menu);
            }
            if i.key_pressed(egui::Key::Enter)
                && can_act
                && let Some(side) = viewer.side()
                && let Some(draft) = drafts.get(side)
            {
                played = Some(Move::Propose(draft.clone()));
            }
            let digits = [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3, egui::Key::Num4];
            for (k, key) in digits.iter().enumerate() {
                if i.key_pressed(*key)
                    && let (Some(side), Some(group)) = (viewer.side(), groups.get(k))
                {
                    ui_state.groups[side] = *group;
                }
            }
            if mode == Mode::Watch {
                if i.key_pressed(egui::Key::Space) {
                    bar_action = Some(TopBarAction::PlayPause);
                }
                if i.key_pressed(egui::Key::ArrowRight) {
                    bar_action = Some(TopBarAction::Step);
                }
            }
        });
    }

    match bar_action {
        Some(TopBarAction::Menu) => {
            actions.write(TableAction::Pause);
        }
        Some(TopBarAction::Glossary) => ui_state.glossary = !ui_state.glossary,
        Some(TopBarAction::PlayPause) => {
            actions.write(TableAction::PlayPause);
        }
        Some(TopBarAction::Step) => {
            actions.write(TableAction::Step);
        }
        Some(TopBarAction::Speed(speed)) => {
            actions.write(TableAction::Speed(speed));
        }
        None => {}
    }
    match offer_action {
        Some(OfferAction::Play(mv)) => played = Some(mv),
        Some(OfferAction::ConfirmWalkAway) => ui_state.confirm_walk_away = true,
        Some(OfferAction::Draft(package)) => {
            if let Some(side) = viewer.side() {
                actions.write(TableAction::Draft { side, package });
            }
        }
        Some(OfferAction::AskAdviser) => {
            if let Some(side) = viewer.side() {
                actions.write(TableAction::AskAdviser(side));
            }
        }
        None => {}
    }
    if let (Some(mv), Some(side)) = (played, viewer.side())
        && can_act
    {
        actions.write(TableAction::Play { side, mv });
    }
    perf.table_ui.push(started.elapsed());
    Ok(())
}

/// Carries out what players did at the table.
#[allow(clippy::too_many_arguments)]
fn apply_table_actions(
    mut actions: MessageReader<TableAction>,
    session: Option<Res<Session>>,
    mut drafts: ResMut<Drafts>,
    mut watch: ResMut<WatchClock>,
    mut moves: MessageWriter<PlayerMove>,
    mut navigate: MessageWriter<Navigate>,
    mut game_commands: MessageWriter<GameCommand>,
    mut commands: Commands,
) {
    for action in actions.read() {
        match action {
            TableAction::Play { side, mv } => {
                moves.write(PlayerMove {
                    side: *side,
                    mv: mv.clone(),
                });
            }
            TableAction::Draft { side, package } => drafts.0[*side] = Some(package.clone()),
            TableAction::AskAdviser(side) => {
                let Some(session) = &session else {
                    continue;
                };
                let state = &session.state;
                let mv = Opponent::adviser(*side).next_move(&session.scenario, state);
                let package = match &mv {
                    Move::Propose(p) => Some(p.clone()),
                    _ => None,
                };
                commands.insert_resource(Advice {
                    side: *side,
                    at: (state.round, state.actions_this_turn, state.to_move),
                    text: advice_text(&mv),
                    package,
                });
            }
            TableAction::PlayPause => watch.playing = !watch.playing,
            TableAction::Step => {
                watch.playing = false;
                watch.pending_steps += 1;
            }
            TableAction::Speed(speed) => watch.moves_per_second = *speed,
            TableAction::Pause => {
                navigate.write(Navigate::Overlay(Menu::Pause));
            }
            TableAction::Reload => {
                game_commands.write(GameCommand::Reload);
            }
        }
    }
}

/// A side's confidential brief.
pub fn brief_panel(ui: &mut egui::Ui, names: Names, side: Side, brief: &Brief) {
    ui.label(
        egui::RichText::new(format!("Confidential: {} team only", names.label(side)))
            .strong()
            .color(theme::side_color(side)),
    );
    for (heading, text) in [
        ("What you want", &brief.goals),
        ("When to walk away", &brief.walk_away),
        ("Keep to yourselves", &brief.keep_private),
    ] {
        theme::section(ui, heading);
        ui.label(text);
    }
}
