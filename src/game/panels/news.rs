//! The news feed (events as they happen, newest first, each event card kept under its headline) and the history of
//! offers with their fates.

use std::borrow::Borrow;

use bevy_egui::egui;

use super::event_cards::card_view;
use super::offer::OfferView;
use super::{short_name, side_in_sentence};
use crate::game::i18n::{numbers, t};
use crate::game::theme;
use tradetable_core::rules::explain::explain;
use tradetable_core::rules::negotiation::{Event, EventKind, GameState, OfferFate, OfferRecord};
use tradetable_core::rules::package::PackageSpace;
use tradetable_core::{Scenario, Side};

/// The colour of a headline.
fn color_of(kind: &EventKind) -> egui::Color32 {
    match kind {
        EventKind::Action(side)
        | EventKind::Offered(side)
        | EventKind::Accepted(side)
        | EventKind::Rejected(side)
        | EventKind::Passed(side)
        | EventKind::WalkedAway(side) => theme::side_color(*side),
        EventKind::TariffTookEffect
        | EventKind::TradeAgreementSuspended
        | EventKind::TradeAgreementTerminated
        | EventKind::GovernmentFell(_) => theme::BAD,
        EventKind::TradeAgreementRestored => theme::GOOD,
        EventKind::Election { held, .. } => {
            if *held {
                theme::GOOD
            } else {
                theme::BAD
            }
        }
        EventKind::Random(_) => theme::INK,
        EventKind::Inject(_) | EventKind::CounterTariff => theme::ACCENT,
        EventKind::RoundEnded => theme::MUTED,
        EventKind::GameOver(_) => theme::INK,
    }
}

/// The news feed, newest first, by round; an event that opened a card keeps it, folded under its headline.
pub fn news_feed(ui: &mut egui::Ui, scenario: &Scenario, state: &GameState) {
    let news = &state.news;
    if news.is_empty() {
        theme::note(ui, t!("panels-news-none"));
        return;
    }
    let mut last_round = None;
    for (n, event) in news.iter().enumerate().rev() {
        let event: &Event = event;
        if last_round != Some(event.round) {
            last_round = Some(event.round);
            ui.add_space(4.0);
            ui.label(
                egui::RichText::new(t!(
                    "panels-round-month",
                    round = event.round,
                    month = numbers::month(&scenario.month_of_round(event.round))
                ))
                .small()
                .strong()
                .color(theme::MUTED),
            );
        }
        if matches!(event.kind, EventKind::RoundEnded) {
            continue;
        }
        let mut text = egui::RichText::new(&event.text).color(color_of(&event.kind));
        if matches!(
            event.kind,
            EventKind::GameOver(_)
                | EventKind::Accepted(_)
                | EventKind::TradeAgreementSuspended
                | EventKind::TariffTookEffect
        ) {
            text = text.strong();
        }
        match explain(scenario, state, event) {
            Some(card) => {
                egui::CollapsingHeader::new(text)
                    .id_salt(("news_card", n))
                    .show(ui, |ui| card_view(ui, scenario, &card, false));
            }
            None => {
                crate::game::glossary::label(ui, text, "");
            }
        }
    }
}

/// The latest headline, for the status line.
pub fn latest_headline<E: Borrow<Event>>(news: &[E]) -> Option<&Event> {
    news.iter()
        .rev()
        .map(|e| e.borrow())
        .find(|e| !matches!(e.kind, EventKind::RoundEnded))
}

/// What became of an offer, as the history names it.
fn fate_text(fate: OfferFate) -> String {
    match fate {
        OfferFate::Pending => t!("panels-news-fate-pending"),
        OfferFate::Accepted => t!("panels-news-fate-accepted"),
        OfferFate::Rejected => t!("panels-news-fate-rejected"),
        OfferFate::Countered => t!("panels-news-fate-countered"),
        OfferFate::Lapsed => t!("panels-news-fate-lapsed"),
    }
}

fn fate_color(fate: OfferFate) -> egui::Color32 {
    match fate {
        OfferFate::Accepted => theme::GOOD,
        OfferFate::Pending => theme::ACCENT,
        _ => theme::MUTED,
    }
}

/// The history of offers, newest first: who, when, what became of it, and the terms that differ from the
/// policies in force at the start.
pub fn offer_history(ui: &mut egui::Ui, view: &OfferView, offers: &[OfferRecord]) {
    let names = view.scenario.names();
    if offers.is_empty() {
        theme::note(ui, t!("panels-news-no-offers"));
        return;
    }
    let space: &PackageSpace = view.space;
    let start = space.from_policy(&view.state.history[0].policy);
    for (n, record) in offers.iter().enumerate().rev() {
        let from: Side = record.offer.from;
        let title = egui::RichText::new(t!(
            "panels-news-offer-title",
            number = n + 1,
            round = record.offer.round,
            side = side_in_sentence(names, from, names.label(from)),
            fate = fate_text(record.fate)
        ))
        .color(fate_color(record.fate));
        egui::CollapsingHeader::new(title)
            .id_salt(("offer", n))
            .default_open(n + 1 == offers.len())
            .show(ui, |ui| {
                let mut any = false;
                for (k, issue) in space.issues.iter().enumerate() {
                    let c = record.offer.package.choice[k] as usize;
                    if c != start.choice[k] as usize {
                        any = true;
                        ui.label(format!(
                            "{}: {}",
                            short_name(&issue.name),
                            crate::game::panels::offer::option_text(view.scenario, issue, c)
                        ));
                    }
                }
                if !any {
                    theme::note(ui, t!("panels-news-start-terms"));
                }
            });
    }
}
