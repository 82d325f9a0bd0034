//! The rules of the table, one test each, named as the rule reads.

mod common;

use common::{pass_until, play};
use tradetable_core::rules::negotiation::{EventKind, OfferFate, OutcomeKind};
use tradetable_core::{GameState, Move, MoveError, PackageSpace, Side, TradeAgreementStatus, apply};

#[test]
fn the_us_moves_first_and_japan_answers_in_the_same_round() {
    let s = common::two_sectors();
    let state = GameState::new(&s, 1);
    assert_eq!((state.round, state.to_move), (1, Side::Us));
    let state = play(&s, &state, Move::Pass);
    assert_eq!((state.round, state.to_move), (1, Side::Partner));
    let state = play(&s, &state, Move::Pass);
    assert_eq!((state.round, state.to_move), (2, Side::Us));
    assert_eq!(state.history.len(), 2, "round 0 and round 1 are recorded");
}

#[test]
fn a_scheduled_tariff_takes_effect_in_its_round() {
    let s = common::two_sectors();
    let state = pass_until(&s, GameState::new(&s, 1), 3);
    assert_eq!(state.history[1].policy.us_rates[0], 0.0);
    assert_eq!(state.history[2].policy.us_rates[0], 0.2);
    assert!(
        state
            .news
            .iter()
            .any(|e| e.kind == EventKind::TariffTookEffect && e.round == 2)
    );
}

#[test]
fn a_delayed_tariff_takes_effect_later() {
    let s = common::two_sectors();
    let state = GameState::new(&s, 1);
    let state = play(
        &s,
        &state,
        Move::Delay {
            instrument: "cars_232".into(),
            months: 2,
        },
    );
    let state = pass_until(&s, state, 4);
    assert_eq!(state.history[2].policy.us_rates[0], 0.0);
    assert_eq!(state.history[3].policy.us_rates[0], 0.0);
    let state = pass_until(&s, state, 5);
    assert_eq!(state.history[4].policy.us_rates[0], 0.2);
}

#[test]
fn partner_suspends_usjta_when_auto_tariffs_stay_above_threshold() {
    // Hazards are zero in the fixture: only the certain-suspension rule can act, after 2 months above 10%.
    let s = common::two_sectors();
    let state = pass_until(&s, GameState::new(&s, 1), 5);
    assert_eq!(
        state.history[2].policy.trade_agreement,
        TradeAgreementStatus::InForce,
        "one month above the line is not enough"
    );
    assert_eq!(state.history[3].policy.trade_agreement, TradeAgreementStatus::Suspended);
    assert!(
        state
            .news
            .iter()
            .any(|e| e.kind == EventKind::TradeAgreementSuspended && e.round == 3)
    );
}

#[test]
fn auto_tariffs_at_the_threshold_do_not_threaten_the_trade_agreement() {
    let s = common::two_sectors_with(&[(
        "TariffTakesEffect(instrument: \"cars_232\", rate: 0.2)",
        "TariffTakesEffect(instrument: \"cars_232\", rate: 0.1)",
    )]);
    let state = pass_until(&s, GameState::new(&s, 1), 5);
    assert!(
        state
            .history
            .iter()
            .all(|r| r.policy.trade_agreement == TradeAgreementStatus::InForce)
    );
}

#[test]
fn a_suspension_that_drags_on_becomes_termination_and_collapses_the_talks() {
    let s = common::two_sectors_with(&[("rounds: 4,", "rounds: 8,")]);
    let state = pass_until(&s, GameState::new(&s, 1), 9);
    let outcome = state.outcome.clone().expect("the game ended");
    assert_eq!(outcome.kind, OutcomeKind::Collapse);
    // Suspended at the end of round 3, then 2 more months above the line.
    assert_eq!(outcome.round, 5);
    assert_eq!(state.latest().policy.trade_agreement, TradeAgreementStatus::Terminated);
}

#[test]
fn a_lapsed_usjta_cuts_us_farm_exports() {
    let s = common::two_sectors();
    let state = pass_until(&s, GameState::new(&s, 1), 5);
    let before = state.history[3].economy.farm_exports_bn;
    let after = state.history[4].economy.farm_exports_bn;
    assert_eq!(before, 20.0, "the suspension shows in the month after it");
    assert!((after - 15.6).abs() < 1e-9, "MFN rates cut farm exports to {after}");
}

#[test]
fn accepting_an_offer_signs_the_deal_and_puts_its_terms_in_force() {
    let s = common::two_sectors();
    let space = PackageSpace::of(&s);
    let mut package = space.best_for(Side::Partner);
    package.choice[0] = 1; // cars at 10%
    package.choice[2] = 1; // farm purchases
    let state = GameState::new(&s, 1);
    let state = play(&s, &state, Move::Propose(package.clone()));
    let state = play(&s, &state, Move::Accept);
    let outcome = state.outcome.clone().expect("the deal ends the talks");
    assert_eq!(outcome.kind, OutcomeKind::Deal);
    assert_eq!(outcome.package, Some(package));
    assert_eq!(state.offers[0].fate, OfferFate::Accepted);
    assert_eq!(
        state.latest().policy.us_rates[0],
        0.1,
        "the deal replaces the scheduled 20%"
    );
    assert_eq!(state.latest().policy.concessions[0], 4.0);
    assert_eq!(state.history.len(), 5, "the remaining months still play out");
    assert!(state.scheduled.is_empty());
}

#[test]
fn a_deal_lifts_the_uncertainty_that_holds_back_investment() {
    let s = common::two_sectors();
    let state = GameState::new(&s, 1);
    assert_eq!(state.conditions.uncertainty, 1.0, "a 20% car tariff is scheduled");
    let space = PackageSpace::of(&s);
    let state = play(&s, &state, Move::Propose(space.best_for(Side::Partner)));
    let state = play(&s, &state, Move::Accept);
    assert_eq!(state.latest().economy.uncertainty, 0.0);
    assert_eq!(state.latest().economy.investment_inflow_bn, 20.0);
}

#[test]
fn a_counter_offer_replaces_the_offer_on_the_table() {
    let s = common::two_sectors();
    let space = PackageSpace::of(&s);
    let state = GameState::new(&s, 1);
    let state = play(&s, &state, Move::Propose(space.best_for(Side::Us)));
    let state = play(&s, &state, Move::Propose(space.best_for(Side::Partner)));
    assert_eq!(state.offers[0].fate, OfferFate::Countered);
    assert_eq!(state.offer.as_ref().map(|o| o.from), Some(Side::Partner));
    let state = play(&s, &state, Move::Pass);
    assert_eq!(state.offers[1].fate, OfferFate::Rejected);
    assert!(state.offer.is_none());
}

#[test]
fn illegal_moves_are_refused_with_the_reason() {
    let s = common::two_sectors();
    let state = GameState::new(&s, 1);
    let cases = [
        (Move::Accept, MoveError::NothingToAccept),
        (
            Move::Implement {
                lever: "farm_buy".into(),
                level: 4.0,
            },
            MoveError::WrongSide(Side::Partner),
        ),
        (
            Move::SetTariff {
                instrument: "cars_232".into(),
                rate: 0.15,
            },
            MoveError::NotAnOption {
                id: "cars_232".into(),
                value: 0.15,
                options: vec![0.0, 0.1, 0.2],
            },
        ),
        (
            Move::SetTariff {
                instrument: "trucks".into(),
                rate: 0.1,
            },
            MoveError::Unknown {
                what: "instrument",
                id: "trucks".into(),
            },
        ),
        (
            Move::RestoreTradeAgreement,
            MoveError::TradeAgreement("the trade agreement is not suspended"),
        ),
        (
            Move::SetTariff {
                instrument: "cars_232".into(),
                rate: state.policy.us_rates[0],
            },
            MoveError::NoChange {
                id: "cars_232".into(),
                value: state.policy.us_rates[0],
            },
        ),
        (
            Move::ScheduleTariff {
                instrument: "cars_232".into(),
                rate: 0.1,
                round: 1,
            },
            MoveError::BadRound { round: 1, last: 4 },
        ),
        (
            Move::Propose(tradetable_core::Package {
                choice: vec![9, 0, 0, 0],
            }),
            MoveError::MalformedPackage,
        ),
    ];
    // (`apply` borrows the state immutably and returns a new one, so a refusal cannot change it: only the reason
    // needs checking.)
    for (mv, expected) in cases {
        assert_eq!(apply(&s, &state, &mv).unwrap_err(), expected, "{mv}");
    }
}

#[test]
fn a_turn_allows_a_bounded_number_of_actions() {
    let s = common::two_sectors();
    let mut state = GameState::new(&s, 1);
    // Raise and cut in turn: each is a real change, so each uses up an action.
    for k in 0..tradetable_core::rules::moves::MAX_ACTIONS_PER_TURN {
        state = play(
            &s,
            &state,
            Move::SetTariff {
                instrument: "reciprocal".into(),
                rate: if k % 2 == 0 { 0.1 } else { 0.0 },
            },
        );
    }
    let in_force = state.policy.us_rates[s.instrument_index("reciprocal").unwrap()];
    let refused = apply(
        &s,
        &state,
        &Move::SetTariff {
            instrument: "reciprocal".into(),
            rate: if in_force == 0.0 { 0.1 } else { 0.0 },
        },
    );
    assert_eq!(refused.unwrap_err(), MoveError::TooManyActions);
    assert!(
        apply(&s, &state, &Move::Pass).is_ok(),
        "ending the turn is still allowed"
    );
}

#[test]
fn terminating_the_usjta_collapses_the_talks() {
    let s = common::two_sectors();
    let state = play(&s, &GameState::new(&s, 1), Move::Pass);
    let state = play(&s, &state, Move::TerminateTradeAgreement);
    assert_eq!(state.outcome.as_ref().map(|o| o.kind), Some(OutcomeKind::Collapse));
    assert_eq!(apply(&s, &state, &Move::Pass).unwrap_err(), MoveError::GameOver);
}

#[test]
fn walking_away_ends_the_talks_without_a_deal() {
    let s = common::two_sectors();
    let state = play(&s, &GameState::new(&s, 1), Move::WalkAway);
    assert_eq!(state.outcome.as_ref().map(|o| o.kind), Some(OutcomeKind::NoDeal));
    assert_eq!(state.history.len(), 5);
}

#[test]
fn the_deadline_without_a_deal_ends_in_no_deal() {
    let s = common::two_sectors_with(&[("auto_tariff_threshold: 0.1", "auto_tariff_threshold: 0.5")]);
    let state = pass_until(&s, GameState::new(&s, 1), 99);
    let outcome = state.outcome.expect("over");
    assert_eq!((outcome.kind, outcome.round), (OutcomeKind::NoDeal, 4));
}

#[test]
fn a_government_falls_when_its_approval_drops_below_its_line() {
    // Japan's one constituency loses a point per $bn of lost exports; the 20% car tariff costs $28bn.
    let s = common::two_sectors_with(&[(
        "fall_below: 10.0,\n            constituencies: [\n                (id: \"all\", name: \"Everyone\", weight: 1.0, approval: 50.0, reactions: [(indicator: PartnerExportLossBn",
        "fall_below: 40.0,\n            constituencies: [\n                (id: \"all\", name: \"Everyone\", weight: 1.0, approval: 50.0, reactions: [(indicator: PartnerExportLossBn",
    )]);
    let state = pass_until(&s, GameState::new(&s, 1), 99);
    let outcome = state.outcome.clone().expect("over");
    assert_eq!(outcome.kind, OutcomeKind::Collapse);
    assert!(
        state
            .news
            .iter()
            .any(|e| e.kind == EventKind::GovernmentFell(Side::Partner))
    );
}

#[test]
fn approval_moves_part_of_the_way_to_its_target_each_month() {
    let s = common::two_sectors();
    let state = pass_until(&s, GameState::new(&s, 1), 3);
    // Round 2: Japan's target is 50 − 28 = 22; inertia 0.5 takes approval from 50 to 36.
    assert!((state.history[2].approval.partner - 36.0).abs() < 1e-9);
}

#[test]
fn an_election_below_the_threshold_costs_the_government_ground() {
    let s = common::spring_2025();
    let mut state = GameState::new(&s, 3);
    let space = PackageSpace::of(&s);
    // Japan gives everything away early: its approval sinks below the election threshold of round 6.
    state = play(&s, &state, Move::Pass);
    state = play(&s, &state, Move::Propose(space.best_for(Side::Us)));
    state = pass_until(&s, state, 7);
    let election = state
        .news
        .iter()
        .find(|e| matches!(e.kind, EventKind::Election { .. }))
        .expect("an election");
    assert_eq!(election.round, 6);
    assert_eq!(
        election.kind,
        EventKind::Election {
            side: Side::Partner,
            held: false
        }
    );
    assert!(
        state.shocks.partner.iter().all(|&shock| shock <= -6.0),
        "every constituency loses 6 points"
    );
}

#[test]
fn the_same_seed_and_moves_give_the_same_game() {
    let s = common::spring_2025();
    let run = || {
        let state = GameState::new(&s, 42);
        let state = play(
            &s,
            &state,
            Move::Threaten {
                instrument: "aftp_blanket".into(),
                rate: 0.2,
            },
        );
        pass_until(&s, state, 99)
    };
    let (a, b) = (run(), run());
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    let other = {
        let state = GameState::new(&s, 43);
        pass_until(&s, state, 99)
    };
    let headlines = |state: &GameState| state.news.iter().map(|e| e.text.clone()).collect::<Vec<_>>();
    assert_ne!(headlines(&a), headlines(&other), "another seed brings other events");
}

#[test]
fn the_us_can_exempt_a_covered_sector_but_not_one_the_instrument_misses() {
    let s = common::two_sectors();
    let state = GameState::new(&s, 1);
    let exempt = Move::Exempt {
        instrument: "reciprocal".into(),
        sector: "cars".into(),
        exempt: true,
    };
    let state = play(&s, &state, exempt);
    assert_eq!(state.policy.us_exemptions[1], vec![0]);
    let outside = Move::Exempt {
        instrument: "cars_232".into(),
        sector: "farm".into(),
        exempt: true,
    };
    assert!(matches!(apply(&s, &state, &outside), Err(MoveError::OutOfRange(_))));
    let state = play(
        &s,
        &state,
        Move::Exempt {
            instrument: "reciprocal".into(),
            sector: "cars".into(),
            exempt: false,
        },
    );
    assert!(state.policy.us_exemptions[1].is_empty());
}

#[test]
fn the_july_deal_puts_each_rate_in_force_when_it_really_took_effect() {
    let s = common::spring_2025();
    let state = tradetable_core::ai::play::play_actual_deal(&s, 2025).expect("the scenario has the real deal");
    let rate = |round: usize, id: &str| state.history[round].policy.us_rates[s.instrument_index(id).unwrap()];
    // Signed in round 6 (July 2025): the reciprocal 15% from August, autos at 15% all-in from September.
    assert_eq!(
        rate(6, "rtt_reciprocal"),
        0.1,
        "the April baseline until the deal's rate takes effect"
    );
    assert_eq!(rate(6, "s232_autos"), 0.25);
    assert_eq!(rate(7, "rtt_reciprocal"), 0.15);
    assert_eq!(rate(7, "s232_autos"), 0.25);
    assert_eq!(rate(8, "s232_autos"), 0.125);
    assert_eq!(state.history[8].month, "2025-09");
    // Japan's concessions are in force from signature and phase in: purchases reach US exports a twelfth a month.
    assert!(state.history[6].policy.concessions.iter().any(|&c| c > 0.0));
}

#[test]
fn steel_enters_the_game_untaxed_and_pays_25_percent_from_march() {
    let s = common::spring_2025();
    let steel = s.instrument_index("s232_steel").unwrap();
    let state = pass_until(&s, GameState::new(&s, 1), 3);
    assert_eq!(state.history[0].policy.us_rates[steel], 0.0);
    assert_eq!(state.history[1].policy.us_rates[steel], 0.0);
    assert_eq!(state.history[2].policy.us_rates[steel], 0.25);
    assert_eq!(state.history[2].month, "2025-03");
}

#[test]
fn purchases_signed_in_a_deal_phase_in_instead_of_arriving_at_once() {
    let s = common::spring_2025();
    let state = tradetable_core::ai::play::play_actual_deal(&s, 2025).unwrap();
    let exports = |round: usize| state.history[round].economy.us_exports_bn;
    let first_month = exports(6) - exports(5);
    assert!(
        first_month > 0.0 && first_month < 2.0,
        "US exports rose {first_month:.2} in the month of signing"
    );
    assert!(exports(8) > exports(6), "and keep rising as purchases phase in");
}

#[test]
fn replaying_a_games_moves_gives_the_same_game() {
    let s = common::spring_2025();
    let mut us = tradetable_core::ai::Strategy::Boulware.agent(Side::Us);
    let mut partner = tradetable_core::ai::Strategy::Linear.agent(Side::Partner);
    let state = tradetable_core::ai::play::play(&s, 7, us.as_mut(), partner.as_mut());
    assert!(!state.moves.is_empty());
    let again = tradetable_core::ai::play::replay(&s, GameState::new(&s, 7), &state.moves);
    assert_eq!(again, state);
}

#[test]
fn a_games_band_brackets_its_central_scores() {
    let s = common::spring_2025();
    let state = tradetable_core::ai::play::play_actual_deal(&s, 2025).unwrap();
    let band = tradetable_core::ai::play::score_band(&s, &state);
    let us = tradetable_core::rules::score::score_game(&s, &state, Side::Us).total;
    assert_eq!(band.scores.us[1], us, "the central set is the game itself");
    for figure in [band.scores.us, band.scores.partner, band.mean_deficit_bn] {
        let (low, high) = tradetable_core::rules::score::band_range(&figure);
        assert!(low <= figure[1] && figure[1] <= high && high > low, "{figure:?}");
    }
}
