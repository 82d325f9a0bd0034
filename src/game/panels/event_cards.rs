//! Event cards: when a rule or event changes the game (the trade agreement suspended, a tariff taking effect, an
//! election, an inject), a card opens over the table saying what happened, why and what it changed in the model's
//! numbers, all from the core's `rules::explain`. Cards queue and show one after another; Enter or "Next" closes
//! one, Esc or "Close all" closes every one waiting. The news tab keeps them all (`news`).

use std::collections::VecDeque;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::{Language, language, numbers, side_name, t};
use crate::game::icons;
use crate::game::navigation::{Flow, Menu, Screen};
use crate::game::session::{GameOpened, Session, Viewer};
use crate::game::theme::{self, UiSet};
use tradetable_core::Scenario;
use tradetable_core::rules::explain::{Cause, EventCard, explain};
use tradetable_core::rules::negotiation::{EventKind, GameState};

/// The cards waiting to be read, and how much of the game's news has been looked at for them.
#[derive(Resource, Debug, Default)]
pub struct EventCards {
    /// Cards not yet closed, the oldest first.
    pub queue: VecDeque<EventCard>,
    /// How many of the game's news items have been looked at.
    seen: usize,
    /// Whether a game was just put on the table: its past news opens no card.
    opened: bool,
}

impl EventCards {
    /// Closes every card waiting (autoplay does before a screenshot that should show the table itself).
    pub fn close_all(&mut self) {
        self.queue.clear();
    }

    /// Queues the cards of the news items not looked at yet, leaving out what the viewer's own move set off.
    pub fn follow(&mut self, scenario: &Scenario, state: &GameState, viewer: Viewer) {
        if self.opened || state.news.len() < self.seen {
            // A game put on the table (or another game than the one followed): its news so far is old news.
            self.opened = false;
            self.seen = state.news.len();
            self.queue.clear();
            return;
        }
        for event in &state.news[self.seen..] {
            if let Some(mut card) = explain(scenario, state, event)
                && !set_off_by(state, &card, viewer)
            {
                if let Some(title) = card_title(&event.kind, scenario) {
                    card.title = title;
                }
                self.queue.push_back(card);
            }
        }
        self.seen = state.news.len();
    }
}

/// A card's title in the language in play, from what kind of event it is; none in English, where the core's own title
/// (which can name the instrument or the legislature) stays.
pub fn card_title(kind: &EventKind, scenario: &Scenario) -> Option<String> {
    if language() == Language::English {
        return None;
    }
    let names = scenario.names();
    let agreement = || scenario.agreement_name().to_string();
    Some(match kind {
        EventKind::TariffTookEffect => t!("panels-cards-title-tariff"),
        EventKind::Election { side, .. } => t!("panels-cards-title-election", side = side_name(names, *side)),
        EventKind::Random(_) => t!("panels-cards-title-news"),
        EventKind::Inject(_) => t!("panels-cards-title-inject"),
        EventKind::TradeAgreementSuspended => t!("panels-cards-title-suspended", agreement = agreement()),
        EventKind::TradeAgreementRestored => t!("panels-cards-title-restored", agreement = agreement()),
        EventKind::TradeAgreementTerminated => t!("panels-cards-title-terminated", agreement = agreement()),
        EventKind::GovernmentFell(side) => t!("panels-cards-title-government-fell", side = side_name(names, *side)),
        _ => return None,
    })
}

/// Whether the card is about what the viewer did themselves (a team that suspends the agreement knows it has).
fn set_off_by(state: &GameState, card: &EventCard, viewer: Viewer) -> bool {
    match (&card.cause, viewer) {
        (Cause::Move(k), Viewer::Side(side)) => state.moves.get(*k).is_some_and(|m| m.side == side),
        _ => false,
    }
}

/// The cards: queued after the session's moves, drawn over the table before it reads its keys, so Enter and Esc
/// close a card and do nothing else.
pub fn plugin(app: &mut App) {
    app.init_resource::<EventCards>()
        .add_systems(Update, queue_event_cards.after(Flow::Session))
        .add_systems(
            EguiPrimaryContextPass,
            draw_event_cards
                .after(UiSet::Style)
                .before(UiSet::Screen)
                .run_if(in_state(Screen::Table))
                .run_if(in_state(Menu::None)),
        );
}

fn queue_event_cards(
    mut opened: MessageReader<GameOpened>,
    session: Option<Res<Session>>,
    mut cards: ResMut<EventCards>,
) {
    if opened.read().count() > 0 {
        cards.opened = true;
    }
    let Some(session) = session else {
        return;
    };
    if !session.is_changed() && !cards.opened {
        return;
    }
    let viewer = session.viewer();
    cards.follow(&session.scenario, &session.state, viewer);
}

/// What the player did with the card shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CardAction {
    Next,
    CloseAll,
}

fn draw_event_cards(
    mut contexts: EguiContexts,
    mut cards: ResMut<EventCards>,
    session: Option<Res<Session>>,
) -> Result {
    let (Some(card), Some(session)) = (cards.queue.front(), session) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let waiting = cards.queue.len() - 1;
    // The keys are the card's while it is open: taken here, before the table reads them.
    let mut action = ctx.input_mut(|i| {
        if i.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
            Some(CardAction::CloseAll)
        } else if i.consume_key(egui::Modifiers::NONE, egui::Key::Enter) {
            Some(CardAction::Next)
        } else {
            None
        }
    });
    let modal = egui::Modal::new("event_card".into()).show(ctx, |ui| {
        let width = (ui.ctx().content_rect().width() * 0.9).min(560.0);
        ui.set_width(width);
        card_view(ui, &session.scenario, card, true);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let next = if waiting > 0 {
                t!("panels-cards-next", count = waiting)
            } else {
                t!("common-ok")
            };
            let button =
                ui.add(egui::Button::new(egui::RichText::new(next).strong()).min_size(egui::vec2(120.0, 30.0)));
            if ui.memory(|m| m.focused().is_none()) {
                button.request_focus();
            }
            if button.clicked() {
                action = Some(CardAction::Next);
            }
            if waiting > 0 && ui.button(t!("panels-cards-close-all")).clicked() {
                action = Some(CardAction::CloseAll);
            }
            theme::note(ui, t!("panels-cards-keys"));
        });
    });
    if action.is_none() && modal.should_close() {
        action = Some(CardAction::Next);
    }
    match action {
        Some(CardAction::Next) => {
            cards.queue.pop_front();
        }
        Some(CardAction::CloseAll) => cards.close_all(),
        None => {}
    }
    Ok(())
}

/// A card's text: the title (when `with_title`), what happened, why, what it changed at once and in the month, and
/// what it means from here on. The news tab shows the same under the headline.
pub fn card_view(ui: &mut egui::Ui, scenario: &Scenario, card: &EventCard, with_title: bool) {
    if with_title {
        ui.label(
            egui::RichText::new(t!(
                "panels-round-month",
                round = card.round,
                month = numbers::month(&scenario.month_of_round(card.round))
            ))
            .small()
            .color(theme::MUTED),
        );
        ui.heading(icons::with(icons::EVENT, &card.title));
        ui.label(egui::RichText::new(&card.what).strong());
        ui.add_space(6.0);
    }
    if !card.why.is_empty() {
        labelled(ui, &t!("panels-cards-why"), &card.why);
    }
    if !card.changes.is_empty() {
        ui.add_space(4.0);
        heading(ui, &t!("panels-cards-changed"));
        for change in &card.changes {
            ui.label(format!("• {}", change.text()));
        }
    }
    if !card.month.is_empty() {
        ui.add_space(4.0);
        let months = t!(
            "panels-cards-month",
            from = numbers::month(&scenario.month_of_round(card.round.saturating_sub(1))),
            to = numbers::month(&scenario.month_of_round(card.round))
        );
        heading(ui, &months);
        for change in &card.month {
            ui.label(egui::RichText::new(format!("• {}", change.text())).small());
        }
    }
    if !card.outlook.is_empty() {
        ui.add_space(4.0);
        labelled(ui, &t!("panels-cards-from-here-on"), &card.outlook);
    }
}

fn labelled(ui: &mut egui::Ui, label: &str, text: &str) {
    heading(ui, label);
    ui.label(text);
}

fn heading(ui: &mut egui::Ui, label: &str) {
    ui.label(egui::RichText::new(label).small().strong().color(theme::MUTED));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::i18n::with_language;
    use tradetable_core::ai::play::play_no_deal;
    use tradetable_core::rules::explain::cards;
    use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
    use tradetable_core::{GameState, Move, Side, apply};

    fn scenario() -> Scenario {
        Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025").expect("the shipped scenario is valid")
    }

    #[test]
    fn following_a_game_queues_each_card_once_in_order() {
        let scenario = scenario();
        let mut state = GameState::new(&scenario, 2025);
        let mut cards = EventCards::default();
        cards.follow(&scenario, &state, Viewer::Side(Side::Us));
        while !state.is_over() {
            state = apply(&scenario, &state, &Move::Pass).expect("passing is legal").state;
            cards.follow(&scenario, &state, Viewer::Side(Side::Us));
            cards.follow(&scenario, &state, Viewer::Side(Side::Us));
        }
        let queued: Vec<_> = cards.queue.iter().cloned().collect();
        assert_eq!(queued, cards_of(&scenario, &state));
        assert!(queued.iter().any(|c| c.title.contains("Diet suspends")), "{queued:?}");
    }

    fn cards_of(scenario: &Scenario, state: &GameState) -> Vec<EventCard> {
        cards(scenario, state)
    }

    #[test]
    fn a_game_put_on_the_table_opens_no_card_for_its_past() {
        let scenario = scenario();
        let state = play_no_deal(&scenario, 2025);
        let mut cards = EventCards {
            opened: true,
            ..EventCards::default()
        };
        cards.follow(&scenario, &state, Viewer::Both);
        assert!(cards.queue.is_empty());
    }

    #[test]
    fn the_viewers_own_suspension_opens_no_card_but_the_others_does() {
        let scenario = scenario();
        let mut state = GameState::new(&scenario, 2025);
        state = apply(&scenario, &state, &Move::Pass).expect("the US passes").state;
        let mut japan = EventCards::default();
        let mut us = EventCards::default();
        japan.follow(&scenario, &state, Viewer::Side(Side::Partner));
        us.follow(&scenario, &state, Viewer::Side(Side::Us));
        state = apply(&scenario, &state, &Move::SuspendTradeAgreement)
            .expect("Japan may suspend")
            .state;
        japan.follow(&scenario, &state, Viewer::Side(Side::Partner));
        us.follow(&scenario, &state, Viewer::Side(Side::Us));
        let suspended = |cards: &EventCards| cards.queue.iter().any(|c| c.title.contains("suspended"));
        assert!(!suspended(&japan));
        assert!(suspended(&us));
    }

    #[test]
    fn a_card_is_titled_in_japanese_by_its_kind_and_keeps_the_core_s_title_in_english() {
        let scenario = scenario().in_language("ja");
        let kinds = [
            EventKind::TariffTookEffect,
            EventKind::Election {
                side: Side::Partner,
                held: true,
            },
            EventKind::Random("storm".to_string()),
            EventKind::Inject("inject".to_string()),
            EventKind::TradeAgreementSuspended,
            EventKind::TradeAgreementRestored,
            EventKind::TradeAgreementTerminated,
            EventKind::GovernmentFell(Side::Us),
        ];
        for kind in &kinds {
            assert!(rules_explain_opens(kind), "{kind:?} opens a card");
            assert_eq!(with_language(Language::English, || card_title(kind, &scenario)), None);
            let title = with_language(Language::Japanese, || card_title(kind, &scenario)).expect("a title");
            assert!(
                !title.is_empty() && !title.chars().any(|c| c.is_ascii_lowercase()),
                "{kind:?}: {title}"
            );
        }
        let election = with_language(Language::Japanese, || card_title(&kinds[1], &scenario));
        assert_eq!(election.as_deref(), Some("日本の選挙"));
    }

    fn rules_explain_opens(kind: &EventKind) -> bool {
        tradetable_core::rules::explain::opens_card(kind)
    }
}
