//! Properties: no sequence of moves panics or breaks an invariant (flows ≥ 0, approvals in range, finite figures),
//! `apply` accepts a unilateral move exactly when the legality query offers it, and replaying the same moves gives
//! the same game.

mod common;

use proptest::prelude::*;
use tradetable_core::{GameState, Move, PackageSpace, Scenario, apply};

/// Turns three random bytes into a move that is often, but not always, legal.
fn pick_move(scenario: &Scenario, state: &GameState, kind: u8, a: u8, b: u8) -> Move {
    let instruments = &scenario.us_instruments;
    let levers = &scenario.partner_levers;
    let instrument = &instruments[a as usize % instruments.len()];
    let rate = instrument.options[b as usize % instrument.options.len()];
    let lever = &levers[a as usize % levers.len()];
    let level = lever.options[b as usize % lever.options.len()];
    let space = PackageSpace::of(scenario);
    match kind % 15 {
        0 => Move::SetTariff {
            instrument: instrument.id.clone(),
            rate,
        },
        1 => Move::ScheduleTariff {
            instrument: instrument.id.clone(),
            rate,
            round: state.round + 1 + (b as u32 % 3),
        },
        2 => Move::Threaten {
            instrument: instrument.id.clone(),
            rate,
        },
        3 => Move::Delay {
            instrument: instrument.id.clone(),
            months: 1 + b as u32 % 3,
        },
        4 => Move::SetQuota {
            instrument: instrument.id.clone(),
            quota_bn: b as f64 / 10.0,
        },
        5 => Move::Implement {
            lever: lever.id.clone(),
            level,
        },
        6 => Move::SuspendTradeAgreement,
        7 => Move::RestoreTradeAgreement,
        8 => Move::TerminateTradeAgreement,
        9 | 10 => {
            let choice = space
                .issues
                .iter()
                .enumerate()
                .map(|(k, issue)| ((a as usize * 31 + b as usize * 7 + k * 13) % issue.options.len()) as u8)
                .collect();
            Move::Propose(tradetable_core::Package { choice })
        }
        11 => Move::Accept,
        14 => Move::Exempt {
            instrument: instrument.id.clone(),
            sector: scenario.sectors[b as usize % scenario.sectors.len()].id.clone(),
            exempt: a.is_multiple_of(2),
        },
        12 => Move::WalkAway,
        _ => Move::Pass,
    }
}

/// Whether the legality query (`GameState::available`, which the game's controls are built from) offers `mv` to
/// the side to move; `None` for moves it does not cover (proposals, accepting, passing, walking away, quotas and
/// exemptions, which the query bounds but does not enumerate).
fn offered_by_query(scenario: &Scenario, state: &GameState, mv: &Move) -> Option<bool> {
    let side = mv.only_for().unwrap_or(state.to_move);
    let available = state.available(scenario, side);
    let acting = available.can_act && side == state.to_move;
    let instrument = |id: &str| {
        let i = scenario.instrument_index(id)?;
        available.instruments.iter().find(|m| m.instrument == i)
    };
    let offered = match mv {
        Move::SetTariff { instrument: id, rate } => instrument(id).is_some_and(|m| m.set_rates.contains(rate)),
        Move::Threaten { instrument: id, rate } => instrument(id).is_some_and(|m| m.threat_rates.contains(rate)),
        Move::ScheduleTariff {
            instrument: id,
            rate,
            round,
        } => instrument(id).is_some_and(|m| m.schedule_rates.contains(rate) && m.schedule_rounds.contains(round)),
        Move::Delay { instrument: id, months } => {
            instrument(id).is_some_and(|m| m.delay_months.as_ref().is_some_and(|r| r.contains(months)))
        }
        Move::Implement { lever, level } => scenario
            .partner_levers
            .iter()
            .position(|l| &l.id == lever)
            .and_then(|k| available.levers.iter().find(|m| m.lever == k))
            .is_some_and(|m| m.levels.contains(level)),
        Move::SuspendTradeAgreement => available.trade_agreement.suspend,
        Move::RestoreTradeAgreement => available.trade_agreement.restore,
        Move::TerminateTradeAgreement => available.trade_agreement.terminate,
        _ => return None,
    };
    Some(acting && offered)
}

fn check_invariants(state: &GameState) {
    for record in &state.history {
        let e = &record.economy;
        for flow in &e.sectors {
            assert!(flow.us_imports_bn >= 0.0 && flow.us_imports_bn.is_finite(), "{flow:?}");
            assert!(flow.us_exports_bn >= 0.0 && flow.us_exports_bn.is_finite(), "{flow:?}");
        }
        for x in [
            e.goods_deficit_bn,
            e.goods_deficit_base_fx_bn,
            e.tariff_revenue_bn,
            e.consumer_cost_bn,
        ] {
            assert!(x.is_finite());
        }
        assert!(e.investment_inflow_bn >= 0.0);
        assert!((0.0..=1.0).contains(&e.uncertainty));
        for a in record.approvals.us.iter().chain(&record.approvals.partner) {
            assert!((0.0..=100.0).contains(a), "approval {a}");
        }
        assert!((0.0..=100.0).contains(&record.approval.us));
        assert!((0.0..=100.0).contains(&record.approval.partner));
        assert!((0.0..=1.0).contains(&record.trade_agreement_hazard));
    }
}

fn run(scenario: &Scenario, seed: u64, script: &[(u8, u8, u8)]) -> GameState {
    let mut state = GameState::new(scenario, seed);
    for &(kind, a, b) in script {
        if state.is_over() {
            break;
        }
        let mv = pick_move(scenario, &state, kind, a, b);
        match apply(scenario, &state, &mv) {
            Ok(applied) => state = applied.state,
            Err(_) => {
                let again = apply(scenario, &state, &mv);
                assert!(again.is_err(), "refusal is deterministic");
                state = apply(scenario, &state, &Move::Pass).expect("passing is legal").state;
            }
        }
        check_invariants(&state);
    }
    while !state.is_over() {
        state = apply(scenario, &state, &Move::Pass).unwrap().state;
    }
    check_invariants(&state);
    state
}

proptest! {
#![proptest_config(ProptestConfig::with_cases(96))]

#[test]
fn no_sequence_of_moves_panics_or_breaks_an_invariant(
    seed in any::<u64>(),
    script in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 0..80),
) {
    let scenario = common::spring_2025();
    let state = run(&scenario, seed, &script);
    prop_assert!(state.is_over());
    prop_assert_eq!(state.history.len() as u32, scenario.rounds + 1);
    let replay = run(&scenario, seed, &script);
    prop_assert_eq!(serde_json::to_string(&state).unwrap(), serde_json::to_string(&replay).unwrap());
}

#[test]
fn apply_accepts_a_unilateral_move_exactly_when_the_query_offers_it(
    kind in any::<u8>(), a in any::<u8>(), b in any::<u8>(), passes in 0usize..12
) {
    let scenario = common::spring_2025();
    let mut state = GameState::new(&scenario, 5);
    for _ in 0..passes {
        if state.is_over() { break; }
        state = apply(&scenario, &state, &Move::Pass).unwrap().state;
    }
    let mv = pick_move(&scenario, &state, kind, a, b);
    if let Some(offered) = offered_by_query(&scenario, &state, &mv) {
        let accepted = apply(&scenario, &state, &mv);
        prop_assert_eq!(accepted.is_ok(), offered, "{} in round {}: {:?}", mv, state.round, accepted.err());
    }
}}
