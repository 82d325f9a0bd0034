//! Drawing the table: the top bar, the status line and the levers around the edges, the side views (preview,
//! charts, news, offers, the brief) on the right or as tabs, the offer table in the middle, the walk-away
//! confirmation, the glossary and the keyboard. Each part draws from one [`TableFrame`] and reports what the player
//! chose; `draw_table` writes it as [`TableAction`]s.

use std::time::Instant;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::keys::{self, KeyFacts};
use super::state::{Advice, Drafts, Tab, TableAction, TableUi};
use crate::game::glossary;
use crate::game::hot_reload::ScenarioEdit;
use crate::game::i18n::t;
use crate::game::keys::Place;
use crate::game::navigation::Menu;
use crate::game::panels::coach::{CoachView, coach_panel};
use crate::game::panels::dashboard::dashboard;
use crate::game::panels::levers::{LeverGroup, LeverView, lever_panel, policy_panel};
use crate::game::panels::news::{latest_headline, news_feed, offer_history};
use crate::game::panels::offer::{OfferAction, OfferView, offer_actions, offer_terms};
use crate::game::panels::preview::{Preview, initial_draft, preview_panel};
use crate::game::panels::side_in_sentence;
use crate::game::panels::top_bar::{TopBarAction, TopBarView, top_bar};
use crate::game::perf::PerfLog;
use crate::game::remote::{RemoteStatus, remote_status};
use crate::game::session::{Mode, Session, Viewer, WatchClock};
use crate::game::theme;
use crate::net::class_client::TableClient;
use tradetable_core::ai::Opponent;
use tradetable_core::rules::negotiation::GameState;
use tradetable_core::rules::package::{Package, PackageSpace};
use tradetable_core::scenario::schema::Brief;
use tradetable_core::{Move, Names, Scenario, Side};

/// What the table is drawn from, besides its own UI state.
#[derive(SystemParam)]
pub(super) struct TableSources<'w> {
    session: Option<Res<'w, Session>>,
    drafts: Res<'w, Drafts>,
    preview: Option<Res<'w, Preview>>,
    advice: Option<Res<'w, Advice>>,
    watch: Res<'w, WatchClock>,
    edit: Res<'w, ScenarioEdit>,
    client: Option<Res<'w, TableClient>>,
    menu: Res<'w, State<Menu>>,
}

/// The facts of one frame of the table, worked out once for every part of it.
struct TableFrame<'a> {
    session: &'a Session,
    scenario: &'a Scenario,
    state: &'a GameState,
    mode: Mode,
    viewer: Viewer,
    space: PackageSpace,
    remote: Option<RemoteStatus>,
    /// Whether the viewer may move now.
    can_act: bool,
    /// Whether the teacher has paused this networked table.
    paused: bool,
    /// The viewer's confidential brief: only the team whose view it is sees its own.
    brief: Option<(Side, Brief)>,
    /// The computer player across the table, whose reactions the previews give (none against people).
    opponent: Option<Opponent>,
}

impl<'a> TableFrame<'a> {
    fn of(session: &'a Session, client: Option<&TableClient>) -> TableFrame<'a> {
        let scenario = &*session.scenario;
        let state = &session.state;
        let viewer = session.viewer();
        let remote = remote_status(session, client);
        let can_act = session.human_to_move()
            && viewer.side() == Some(state.to_move)
            && remote.as_ref().is_none_or(|r| r.can_send);
        let brief = match (&scenario.briefs, viewer) {
            (Some(briefs), Viewer::Side(side)) => Some((side, briefs[side].clone())),
            _ => None,
        };
        let opponent = viewer
            .side()
            .map(Side::other)
            .filter(|other| !session.setup.mode.is_human(*other) && session.remote.is_none())
            .map(|other| session.setup.ai[other].clone());
        TableFrame {
            opponent,
            session,
            scenario,
            state,
            mode: session.setup.mode,
            viewer,
            space: PackageSpace::of(scenario),
            remote,
            can_act,
            paused: session.remote.as_ref().is_some_and(|r| r.paused),
            brief,
        }
    }

    fn offer_view(&self) -> OfferView<'_> {
        OfferView {
            scenario: self.scenario,
            space: &self.space,
            state: self.state,
            viewer: self.viewer,
            can_act: self.can_act,
            paused: self.paused,
            opponent: self.opponent.as_ref(),
        }
    }
}

/// What the player chose while the table was drawn, written as actions at the end of the frame.
#[derive(Default)]
struct Chosen {
    played: Option<Move>,
    offer: Option<OfferAction>,
    bar: Option<TopBarAction>,
}

/// Draws the table and writes what the player did.
pub(super) fn draw_table(
    mut contexts: EguiContexts,
    sources: TableSources,
    mut table_ui: ResMut<TableUi>,
    mut actions: MessageWriter<TableAction>,
    mut perf: ResMut<PerfLog>,
) -> Result {
    let started = Instant::now();
    let ctx = contexts.ctx_mut()?;
    let Some(session) = sources.session.as_deref() else {
        return Ok(());
    };
    // A control focused as the frame begins takes Enter and Space (the keys are read after the table is drawn).
    let had_focus = ctx.memory(|memory| memory.focused()).is_some();
    let frame = TableFrame::of(session, sources.client.as_deref());
    let ui_state = &mut *table_ui;
    let mut chosen = Chosen::default();

    let mut root = theme::root_ui(ctx);
    let layout = TableLayout::for_width(root.available_width());
    let tabbed = layout == TableLayout::Tabs;
    if tabbed && !ui_state.tabbed {
        // Laid out as tabs, the table opens on the offer table.
        ui_state.tab = Tab::Table;
    }
    ui_state.tabbed = tabbed;
    edge_panels(&mut root, &frame, &sources, &mut chosen, &mut actions);
    match layout {
        TableLayout::SideBySide => {
            if matches!(ui_state.tab, Tab::Table | Tab::Levers) {
                ui_state.tab = Tab::Preview;
            }
            let width = root.available_width();
            let left_width = (width * 0.22).clamp(230.0, 320.0);
            egui::Panel::left("levers")
                .frame(theme::panel_frame())
                .resizable(false)
                .exact_size(left_width)
                .show(&mut root, |ui| levers_view(ui, &frame, ui_state, &mut chosen));
            let right_width = (width * 0.30).clamp(360.0, 520.0);
            egui::Panel::right("side")
                .frame(theme::panel_frame())
                .resizable(false)
                .exact_size(right_width)
                .show(&mut root, |ui| {
                    side_tabs(ui, &mut ui_state.tab, &frame, layout);
                    side_view(ui, &frame, sources.preview.as_deref(), ui_state.tab, 1);
                });
            egui::CentralPanel::default()
                .frame(theme::page_frame())
                .show(&mut root, |ui| {
                    offer_table(ui, &frame, &sources, &mut chosen, &mut actions)
                });
        }
        TableLayout::Tabs => {
            egui::CentralPanel::default()
                .frame(theme::page_frame())
                .show(&mut root, |ui| {
                    side_tabs(ui, &mut ui_state.tab, &frame, layout);
                    match ui_state.tab {
                        Tab::Table => offer_table(ui, &frame, &sources, &mut chosen, &mut actions),
                        Tab::Levers => levers_view(ui, &frame, ui_state, &mut chosen),
                        tab => {
                            let columns = if ui.available_width() > 700.0 { 2 } else { 1 };
                            side_view(ui, &frame, sources.preview.as_deref(), tab, columns);
                        }
                    }
                });
        }
    }

    if ui_state.confirm_walk_away
        && let Some(mv) = confirm_walk_away(ctx, ui_state)
    {
        chosen.played = Some(mv);
    }
    if ui_state.glossary {
        let mut open = true;
        egui::Window::new(t!("table-glossary"))
            .open(&mut open)
            .vscroll(true)
            .default_width(440.0)
            .default_height(420.0)
            .show(ctx, |ui| glossary::glossary(ui, frame.scenario));
        ui_state.glossary = open;
    }
    // Keyboard, when no overlay has it.
    if *sources.menu.get() == Menu::None && !ui_state.confirm_walk_away {
        let side = frame.viewer.side();
        let facts = KeyFacts {
            side,
            draft: side.and_then(|side| sources.drafts.get(side)),
            offer_to_me: side.is_some_and(|side| frame.state.offer_to(side).is_some()),
            groups: side
                .map(|side| LeverGroup::of(frame.scenario, side))
                .unwrap_or_default(),
            brief: frame.brief.is_some(),
        };
        let place = if frame.mode == Mode::Watch {
            Place::Watch
        } else {
            Place::Table
        };
        let (bar, offer) = (&mut chosen.bar, &mut chosen.offer);
        keys::read_table_keys(ctx, &facts, place, had_focus, ui_state, bar, offer);
    }
    write_chosen(chosen, &frame, ui_state, &mut actions);
    perf.table_ui.push(started.elapsed());
    Ok(())
}

/// How the table is laid out at a width (in points, after the UI scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TableLayout {
    /// The levers, the offer table and the side views side by side.
    SideBySide,
    /// One view at a time under a row of tabs (levers, table, preview, charts…): a narrow window, or a projector's
    /// large UI scale, where side by side each would get a sliver.
    Tabs,
}

impl TableLayout {
    /// The narrowest width the three columns fit in: the levers' 230, the offer table's 560 and the side views' 360.
    pub(super) const SIDE_BY_SIDE_FROM: f32 = 1150.0;

    /// The layout for a window `width` points wide.
    pub(super) fn for_width(width: f32) -> TableLayout {
        if width >= Self::SIDE_BY_SIDE_FROM {
            TableLayout::SideBySide
        } else {
            TableLayout::Tabs
        }
    }
}

/// The top bar and the status line.
fn edge_panels(
    root: &mut egui::Ui,
    frame: &TableFrame,
    sources: &TableSources,
    chosen: &mut Chosen,
    actions: &mut MessageWriter<TableAction>,
) {
    egui::Panel::top("top_bar")
        .frame(theme::panel_frame())
        .show(root, |ui| {
            chosen.bar = top_bar(
                ui,
                &TopBarView {
                    scenario: frame.scenario,
                    state: frame.state,
                    mode: frame.mode,
                    watch: (frame.mode == Mode::Watch).then_some(&*sources.watch),
                    remote: frame.remote.as_ref(),
                },
            );
        });
    egui::Panel::bottom("status")
        .frame(theme::panel_frame())
        .show(root, |ui| {
            if let Some(action) = status_line(ui, frame.session, &sources.edit, frame.remote.as_ref()) {
                actions.write(action);
            }
        });
}

/// The viewer's levers, or what is in force on both sides when watching.
fn levers_view(ui: &mut egui::Ui, frame: &TableFrame, ui_state: &mut TableUi, chosen: &mut Chosen) {
    match frame.viewer {
        Viewer::Side(side) => {
            let view = LeverView {
                scenario: frame.scenario,
                state: frame.state,
                side,
                can_act: frame.can_act,
                paused: frame.paused,
                opponent: frame.opponent.as_ref(),
            };
            let (groups, inputs) = (&mut ui_state.groups, &mut ui_state.inputs);
            if let Some(mv) = lever_panel(ui, &view, &mut groups[side], &mut inputs[side]) {
                chosen.played = Some(mv);
            }
        }
        Viewer::Both => policy_panel(ui, frame.scenario, frame.state),
    }
}

/// The tabs of the side views; laid out as tabs, the levers and the offer table come first.
fn side_tabs(ui: &mut egui::Ui, tab: &mut Tab, frame: &TableFrame, layout: TableLayout) {
    ui.horizontal_wrapped(|ui| {
        if layout == TableLayout::Tabs {
            let levers = match frame.viewer {
                Viewer::Side(_) => t!("table-tab-levers"),
                Viewer::Both => t!("table-tab-in-force"),
            };
            ui.selectable_value(tab, Tab::Levers, levers)
                .on_hover_text(t!("table-tab-levers.tip"));
            ui.selectable_value(tab, Tab::Table, t!("table-tab-table"))
                .on_hover_text(t!("table-tab-table.tip"));
        }
        if frame.brief.is_some() {
            ui.selectable_value(tab, Tab::Brief, t!("table-tab-brief"))
                .on_hover_text(t!("table-tab-brief.tip"));
        }
        ui.selectable_value(tab, Tab::Preview, t!("table-tab-preview"))
            .on_hover_text(t!("table-tab-preview.tip"));
        ui.selectable_value(tab, Tab::Dashboard, t!("table-tab-charts"));
        ui.selectable_value(tab, Tab::News, t!("table-tab-news"));
        ui.selectable_value(tab, Tab::History, t!("table-tab-offers"));
    });
    ui.separator();
}

/// The side view of `tab`, in `columns` columns of charts.
fn side_view(ui: &mut egui::Ui, frame: &TableFrame, preview: Option<&Preview>, tab: Tab, columns: usize) {
    let scenario = frame.scenario;
    let state = frame.state;
    egui::ScrollArea::both()
        .id_salt("side_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match tab {
            Tab::Preview => {
                theme::note(ui, t!("table-preview-note"));
                match preview {
                    Some(preview) => preview_panel(ui, scenario, preview),
                    None => theme::note(ui, t!("table-preview-working")),
                }
            }
            Tab::Dashboard | Tab::Table | Tab::Levers => dashboard(ui, scenario, &state.history, columns, 140.0),
            Tab::News => news_feed(ui, scenario, state),
            Tab::History => offer_history(ui, &frame.offer_view(), &state.offers),
            Tab::Brief => match &frame.brief {
                Some((side, brief)) => brief_panel(ui, scenario.names(), *side, brief),
                None => theme::note(ui, t!("table-brief-none")),
            },
        });
}

/// The coach's notes for the round, the offer table with the viewer's draft, and the adviser's hint; the buttons
/// that act on the draft stay in sight at the bottom while the terms scroll. An edited draft is written at once.
fn offer_table(
    ui: &mut egui::Ui,
    frame: &TableFrame,
    sources: &TableSources,
    chosen: &mut Chosen,
    actions: &mut MessageWriter<TableAction>,
) {
    let (state, viewer, drafts) = (frame.state, frame.viewer, &sources.drafts);
    // Read the draft without touching it, so the preview is recomputed only when it really changes.
    let draft = viewer.side().map(|side| {
        drafts
            .get(side)
            .filter(|draft| frame.space.contains(draft))
            .cloned()
            .unwrap_or_else(|| initial_draft(&frame.space, state))
    });
    let mut edited = draft.clone();
    egui::Panel::bottom("offer_actions")
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 6)))
        .resizable(false)
        .show(ui, |ui| {
            if let Some(action) = offer_actions(ui, &frame.offer_view(), draft.as_ref()) {
                chosen.offer = Some(action);
            }
            adviser_hint(ui, frame, sources, chosen);
        });
    egui::ScrollArea::both()
        .id_salt("table_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            coach_notes(ui, frame, draft.as_ref(), sources.preview.as_deref());
            theme::card().show(ui, |ui| {
                ui.set_width(ui.available_width());
                offer_terms(ui, &frame.offer_view(), edited.as_mut());
            });
        });
    if let (Some(side), Some(edited)) = (viewer.side(), edited)
        && (Some(&edited) != draft.as_ref() || drafts.get(side).is_none())
    {
        actions.write(TableAction::Draft { side, package: edited });
    }
}

/// The adviser's hint for this move, if the team asked for one.
fn adviser_hint(ui: &mut egui::Ui, frame: &TableFrame, sources: &TableSources, chosen: &mut Chosen) {
    let state = frame.state;
    let Some(advice) = sources.advice.as_deref().filter(|a| {
        Some(a.side) == frame.viewer.side() && a.at == (state.round, state.actions_this_turn, state.to_move)
    }) else {
        return;
    };
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(t!("table-adviser")).strong().color(theme::ACCENT));
        ui.label(&advice.text);
        if let Some(package) = &advice.package
            && ui.small_button(t!("table-adviser-load")).clicked()
        {
            chosen.offer = Some(OfferAction::Draft(package.clone()));
        }
    });
}

/// The tutorial's coach, in a tutorial scenario: the lesson to do now and what it makes of what the player did.
fn coach_notes(ui: &mut egui::Ui, frame: &TableFrame, draft: Option<&Package>, preview: Option<&Preview>) {
    if let Some(view) = CoachView::of(frame.scenario, frame.state, frame.viewer, draft, preview) {
        coach_panel(ui, &view);
    }
}

/// Asks to confirm a walk-away; the move, once confirmed.
fn confirm_walk_away(ctx: &egui::Context, ui_state: &mut TableUi) -> Option<Move> {
    let modal = egui::Modal::new("walk_away".into()).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading(t!("table-walk-away-title"));
        ui.label(t!("table-walk-away-text"));
        ui.add_space(8.0);
        let mut choice = None;
        ui.horizontal(|ui| {
            if ui
                .button(egui::RichText::new(t!("table-walk-away-confirm")).color(theme::BAD))
                .clicked()
            {
                choice = Some(true);
            }
            if ui.button(t!("table-walk-away-stay")).clicked() {
                choice = Some(false);
            }
        });
        choice
    });
    match modal.inner {
        Some(true) => {
            ui_state.confirm_walk_away = false;
            Some(Move::WalkAway)
        }
        Some(false) => {
            ui_state.confirm_walk_away = false;
            None
        }
        None if modal.should_close() => {
            ui_state.confirm_walk_away = false;
            None
        }
        None => None,
    }
}

/// Writes what the top bar, the offer table and the levers chose, in that order.
fn write_chosen(chosen: Chosen, frame: &TableFrame, ui_state: &mut TableUi, actions: &mut MessageWriter<TableAction>) {
    let viewer = frame.viewer;
    match chosen.bar {
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
    let mut played = chosen.played;
    match chosen.offer {
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
        && frame.can_act
    {
        actions.write(TableAction::Play { side, mv });
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
        if ui
            .small_button(t!("table-status-keys"))
            .on_hover_text(t!("table-status-keys.tip"))
            .clicked()
        {
            action = Some(TableAction::Keys);
        }
        match edit.pending() {
            Some(Ok(())) => {
                ui.label(
                    egui::RichText::new(t!("table-status-scenario-changed"))
                        .color(theme::ACCENT)
                        .strong(),
                );
                if ui
                    .button(t!("table-status-reload"))
                    .on_hover_text(t!("table-status-reload.tip"))
                    .clicked()
                {
                    action = Some(TableAction::Reload);
                }
                return;
            }
            Some(Err(error)) => {
                ui.label(
                    egui::RichText::new(t!("table-status-scenario-error"))
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
                egui::RichText::new(t!("table-status-refused", reason = refused.to_string()))
                    .color(theme::BAD)
                    .strong(),
            );
        } else if let Some(event) = latest_headline(&session.state.news) {
            ui.label(egui::RichText::new(t!("table-status-latest")).color(theme::MUTED));
            theme::cut_label(ui, &event.text, "");
        } else {
            ui.label(egui::RichText::new(t!("table-status-keys-hint")).color(theme::MUTED));
        }
    });
    action
}

/// A side's confidential brief.
pub fn brief_panel(ui: &mut egui::Ui, names: Names, side: Side, brief: &Brief) {
    ui.label(
        egui::RichText::new(t!(
            "table-brief-confidential",
            name = side_in_sentence(names, side, names.label(side))
        ))
        .strong()
        .color(theme::side_color(side)),
    );
    for (heading, text) in [
        (t!("table-brief-goals"), &brief.goals),
        (t!("table-brief-walk-away"), &brief.walk_away),
        (t!("table-brief-keep-private"), &brief.keep_private),
    ] {
        theme::section(ui, &heading);
        ui.label(text);
    }
}

#[cfg(test)]
mod tests {
    use super::TableLayout;

    /// The window's width in points at a UI scale, as egui lays it out.
    fn points(pixels: f32, scale: f32) -> f32 {
        pixels / scale
    }

    #[test]
    fn a_laptop_sees_the_panels_side_by_side_and_a_projector_sees_them_as_tabs() {
        assert_eq!(TableLayout::for_width(points(1280.0, 1.0)), TableLayout::SideBySide);
        assert_eq!(TableLayout::for_width(points(1920.0, 1.0)), TableLayout::SideBySide);
        assert_eq!(TableLayout::for_width(points(1920.0, 1.5)), TableLayout::SideBySide);
        assert_eq!(TableLayout::for_width(points(1280.0, 1.5)), TableLayout::Tabs);
        assert_eq!(TableLayout::for_width(points(1280.0, 1.75)), TableLayout::Tabs);
        assert_eq!(TableLayout::for_width(points(1920.0, 1.75)), TableLayout::Tabs);
        assert_eq!(TableLayout::for_width(points(1920.0, 2.0)), TableLayout::Tabs);
    }
}
