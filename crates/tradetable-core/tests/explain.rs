//! Why events happened, one rule per test: the Diet's suspension traced to the auto tariff that put the whole auto
//! tariff above its line (the calendar's, or the one the US set), a tariff taking effect traced to who announced
//! it, an election to the approval it judged, and cards that read the same whenever they are read.

use std::collections::BTreeMap;

use tradetable_core::ai::play::{Scripted, play_from, play_no_deal};
use tradetable_core::rules::explain::{Cause, EventCard, Unit, cards, explain};
use tradetable_core::rules::negotiation::{Event, EventKind};
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::{GameState, Move, Scenario, Side, apply};

fn scenario() -> Scenario {
    Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025").expect("the shipped scenario is valid")
}

/// The first event of this kind in the game's news.
fn first(state: &GameState, kind: &EventKind) -> Event {
    state
        .news
        .iter()
        .map(|e| e.as_ref().clone())
        .find(|e| e.kind == *kind)
        .unwrap_or_else(|| panic!("no {kind:?} in the game"))
}

fn card_of(scenario: &Scenario, state: &GameState, event: &Event) -> EventCard {
    explain(scenario, state, event).expect("the event opens a card")
}

#[test]
fn the_diets_suspension_is_traced_to_the_calendars_25_percent_auto_tariff_of_round_3() {
    let scenario = scenario();
    let state = play_no_deal(&scenario, 2025);
    let event = first(&state, &EventKind::TradeAgreementSuspended);
    let card = card_of(&scenario, &state, &event);
    assert_eq!(
        card.cause,
        Cause::AutoTariff {
            instrument: "s232_autos".to_string(),
            rate: 0.25,
            since: 3,
            origin: Box::new(Cause::Calendar { due: 3 }),
        }
    );
    assert!(
        card.why.contains("25% Section 232 tariff on autos and parts"),
        "{}",
        card.why
    );
    assert!(card.why.contains("round 3 (Apr 2025)"), "{}", card.why);
    assert!(card.why.contains("line of 15%"), "{}", card.why);
    assert!(card.title.contains("Diet"), "{}", card.title);
    // The chance of the vote, before and after, is the records' own.
    let hazard = card
        .changes
        .iter()
        .find(|c| c.unit == Unit::Chance && c.what.starts_with("Chance of suspension"))
        .expect("the card shows the chance of suspension");
    let record = |r: u32| state.history.iter().find(|h| h.round == r).expect("a record");
    assert_eq!(hazard.after, record(event.round).trade_agreement_hazard);
    assert_eq!(hazard.before, record(event.round - 1).trade_agreement_hazard);
    // And what it does at once: Japan's farm tariffs go back to their rates without the agreement.
    let farm = card
        .changes
        .iter()
        .find(|c| c.what.contains("farm goods"))
        .expect("the card shows the farm tariff");
    assert!(farm.after > farm.before, "{farm:?}");
}

#[test]
fn an_auto_tariff_the_us_sets_itself_is_the_cause_of_the_suspension() {
    let scenario = scenario();
    let set = Move::SetTariff {
        instrument: "s232_autos".to_string(),
        rate: 0.25,
    };
    let mut us = Scripted {
        plan: BTreeMap::from([(1, set.clone())]),
    };
    let mut partner = Scripted { plan: BTreeMap::new() };
    let state = play_from(&scenario, GameState::new(&scenario, 2025), &mut us, &mut partner);
    let event = first(&state, &EventKind::TradeAgreementSuspended);
    let card = card_of(&scenario, &state, &event);
    let set_at = state
        .moves
        .iter()
        .position(|m| m.mv == set)
        .expect("the US set the tariff");
    assert_eq!(
        card.cause,
        Cause::AutoTariff {
            instrument: "s232_autos".to_string(),
            rate: 0.25,
            since: 1,
            origin: Box::new(Cause::Move(set_at)),
        }
    );
    assert!(card.why.contains("which the US set in round 1"), "{}", card.why);
}

#[test]
fn a_tariff_taking_effect_names_who_announced_it() {
    let scenario = scenario();
    // The calendar's tariffs: the autos of round 3.
    let calendar = play_no_deal(&scenario, 2025);
    let autos = calendar
        .news
        .iter()
        .find(|e| e.kind == EventKind::TariffTookEffect && e.text.contains("autos"))
        .expect("the auto tariff takes effect");
    let card = card_of(&scenario, &calendar, autos);
    assert_eq!(card.cause, Cause::Calendar { due: 3 });
    assert!(card.why.contains("calendar"), "{}", card.why);
    assert!(
        card.changes
            .iter()
            .any(|c| c.unit == Unit::Rate && c.before == 0.0 && c.after == 0.25)
    );
    assert!(
        card.outlook.contains("above the Diet's line of 15%"),
        "{}",
        card.outlook
    );

    // A rate the US announced itself in round 1 for round 2.
    let announce = Move::ScheduleTariff {
        instrument: "s232_chips_pharma".to_string(),
        rate: 0.25,
        round: 2,
    };
    let mut us = Scripted {
        plan: BTreeMap::from([(1, announce.clone())]),
    };
    let mut partner = Scripted { plan: BTreeMap::new() };
    let state = play_from(&scenario, GameState::new(&scenario, 2025), &mut us, &mut partner);
    // The script announces again until the turn is full: the last announcement is the one in force.
    let announced_at = state.moves.iter().rposition(|m| m.mv == announce);
    let Some(announced_at) = announced_at else {
        panic!("the US could not announce {announce:?}")
    };
    let event = state
        .news
        .iter()
        .find(|e| e.kind == EventKind::TariffTookEffect && e.round == 2 && !e.text.contains("steel"))
        .expect("the announced tariff takes effect");
    let card = card_of(&scenario, &state, event);
    assert_eq!(card.cause, Cause::Move(announced_at));
    assert!(card.why.contains("which the US announced in round 1"), "{}", card.why);
}

#[test]
fn a_lost_election_names_the_approval_and_the_threshold() {
    let scenario = scenario();
    let state = play_no_deal(&scenario, 2025);
    let event = state
        .news
        .iter()
        .find(|e| matches!(e.kind, EventKind::Election { .. }))
        .expect("the calendar holds an election");
    let EventKind::Election { side, held } = event.kind else {
        unreachable!()
    };
    let card = card_of(&scenario, &state, event);
    let Cause::Approval {
        side: s,
        approval,
        line,
    } = card.cause
    else {
        panic!("{:?}", card.cause)
    };
    assert_eq!((s, line), (side, 38.0));
    assert_eq!(held, approval >= line, "approval {approval} against {line}");
    assert_eq!(side, Side::Partner);
}

#[test]
fn a_card_reads_the_same_when_it_opens_and_at_the_end_of_the_game() {
    let scenario = scenario();
    let mut state = GameState::new(&scenario, 2025);
    let mut opened = Vec::new();
    while !state.is_over() {
        let applied = apply(&scenario, &state, &Move::Pass).expect("passing is legal");
        state = applied.state;
        opened.extend(applied.events.iter().filter_map(|e| explain(&scenario, &state, e)));
    }
    assert!(opened.len() >= 5, "{opened:?}");
    assert_eq!(opened, cards(&scenario, &state));
}

#[test]
fn moves_and_round_ends_open_no_card() {
    let scenario = scenario();
    let state = play_no_deal(&scenario, 2025);
    for event in &state.news {
        let opens = explain(&scenario, &state, event).is_some();
        let expected = !matches!(
            event.kind,
            EventKind::Passed(_) | EventKind::RoundEnded | EventKind::GameOver(_) | EventKind::Action(_)
        );
        assert_eq!(opens, expected, "{event:?}");
    }
}
