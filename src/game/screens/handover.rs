//! The hotseat handover: between two teams' turns, a screen that shows nothing private — no reservation values,
//! no drafts, no adviser's hints — until the next team clicks to continue.

use std::borrow::Borrow;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::{numbers, t};
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::session::Session;
use crate::game::theme::{self, UiSet};
use tradetable_core::Side;
use tradetable_core::rules::negotiation::{Event, EventKind};

/// What the team at the handover chose.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoverAction {
    /// Sit down at the table.
    Continue,
    /// Open the pause menu.
    Pause,
}

/// The handover screen.
pub fn plugin(app: &mut App) {
    app.add_message::<HandoverAction>()
        .add_systems(Update, apply_handover_actions.in_set(Flow::Actions))
        .add_systems(
            EguiPrimaryContextPass,
            draw_handover.in_set(UiSet::Screen).run_if(in_state(Screen::Handover)),
        );
}

/// The public headlines since `side` last moved: what the other team did, and what happened at the round's end.
pub fn since_last_turn<E: Borrow<Event>>(news: &[E], side: Side) -> Vec<&Event> {
    let start = news
        .iter()
        .rposition(|e| match e.borrow().kind {
            EventKind::Action(s)
            | EventKind::Offered(s)
            | EventKind::Accepted(s)
            | EventKind::Rejected(s)
            | EventKind::Passed(s)
            | EventKind::WalkedAway(s) => s == side,
            _ => false,
        })
        .map_or(0, |i| i + 1);
    news[start..]
        .iter()
        .map(|e| e.borrow())
        .filter(|e| !matches!(e.kind, EventKind::RoundEnded))
        .collect()
}

/// The handover's contents; returns true when the next team continues.
pub fn handover_panel(ui: &mut egui::Ui, session: &Session) -> bool {
    let names = session.scenario.names();
    let state = &session.state;
    let side = state.to_move;
    let mut go = false;
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.08).min(60.0));
        ui.label(
            egui::RichText::new(t!(
                "screens-handover-round",
                round = state.round.min(session.scenario.rounds),
                rounds = session.scenario.rounds,
                month = numbers::month(&session.scenario.month_of_round(state.round))
            ))
            .size(18.0)
            .color(theme::MUTED),
        );
        ui.add_space(8.0);
        ui.label(
            egui::RichText::new(t!(
                "screens-handover-to-move",
                side = crate::game::i18n::side_name(names, side)
            ))
            .size(34.0)
            .strong()
            .color(theme::side_color(side)),
        );
        ui.add_space(6.0);
        ui.label(
            egui::RichText::new(t!(
                "screens-handover-look-away",
                other = names.label(side.other()),
                side = crate::game::i18n::side_name(names, side)
            ))
            .size(17.0),
        );
        ui.add_space(16.0);
        theme::card().show(ui, |ui| {
            ui.set_max_width(640.0);
            ui.label(egui::RichText::new(t!("screens-handover-since")).strong());
            let news = since_last_turn(&state.news, side);
            if news.is_empty() {
                theme::note(ui, t!("screens-handover-nothing"));
            }
            for event in news.iter().rev().take(8).rev() {
                ui.label(&event.text);
            }
        });
        ui.add_space(16.0);
        if ui
            .add(
                egui::Button::new(
                    egui::RichText::new(t!(
                        "screens-handover-continue",
                        side = crate::game::i18n::side_name(names, side)
                    ))
                    .size(20.0),
                )
                .fill(theme::side_color(side).gamma_multiply(0.25))
                .min_size(egui::vec2(320.0, 48.0)),
            )
            .clicked()
        {
            go = true;
        }
    });
    go
}

fn draw_handover(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<HandoverAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(session) = session else {
        return Ok(());
    };
    let keys = [
        (egui::Key::Escape, HandoverAction::Pause),
        (egui::Key::Enter, HandoverAction::Continue),
    ];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| {
        handover_panel(ui, &session).then_some(HandoverAction::Continue)
    });
    Ok(())
}

/// Carries out the handover's choices; with no game to hand over, back to the title.
fn apply_handover_actions(
    mut actions: MessageReader<HandoverAction>,
    session: Option<Res<Session>>,
    screen: Res<State<Screen>>,
    mut navigate: MessageWriter<Navigate>,
) {
    if *screen.get() == Screen::Handover && session.is_none() {
        navigate.write(Navigate::To(Screen::Title));
    }
    for action in actions.read() {
        navigate.write(match action {
            HandoverAction::Continue => Navigate::To(Screen::Table),
            HandoverAction::Pause => Navigate::Overlay(Menu::Pause),
        });
    }
}
