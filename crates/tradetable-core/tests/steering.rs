//! One measure to steer by: the final score the table shows as "if signed now" is the score the results show when
//! the deal is signed then, and the results explain, objective by objective, why the final score differs from what
//! the deal was worth at signing.

use tradetable_core::ai::play::play;
use tradetable_core::ai::{Opponent, Strategy};
use tradetable_core::rules::score::{Valuer, score_game, score_gap, score_if_ended_now};
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::{GameState, Move, OutcomeKind, Package, PackageSpace, Scenario, Side, apply};

fn scenario() -> Scenario {
    Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025").expect("the shipped scenario is valid")
}

/// Both sides pass until `round` starts.
fn passed_until(scenario: &Scenario, round: u32) -> GameState {
    let mut state = GameState::new(scenario, 2025);
    while state.round < round {
        state = apply(scenario, &state, &Move::Pass).expect("passing is legal").state;
    }
    state
}

/// A package between the start and the US's best: halfway on every issue.
fn middle_package(scenario: &Scenario, state: &GameState) -> Package {
    let space = PackageSpace::of(scenario);
    let mut package = space.from_policy(&state.policy);
    for (k, issue) in space.issues.iter().enumerate() {
        package.choice[k] = (issue.options.len() / 2) as _;
    }
    package
}

#[test]
fn the_score_if_signed_now_is_the_score_of_the_deal_really_signed_then() {
    let scenario = scenario();
    for round in [2, 4, 6] {
        let state = passed_until(&scenario, round);
        let package = middle_package(&scenario, &state);
        let forecast = Side::BOTH.map(|side| {
            score_if_ended_now(&scenario, &state, Some(&package), side)
                .expect("the game is on")
                .total
        });
        // The US puts it on the table and Japan accepts it in the same round.
        let proposed = apply(&scenario, &state, &Move::Propose(package.clone())).expect("a legal proposal");
        let signed = apply(&scenario, &proposed.state, &Move::Accept)
            .expect("Japan accepts")
            .state;
        assert_eq!(
            signed.outcome.as_ref().map(|o| (o.kind, o.round)),
            Some((OutcomeKind::Deal, round))
        );
        let scored = Side::BOTH.map(|side| score_game(&scenario, &signed, side).total);
        assert_eq!(forecast, scored, "round {round}");
    }
}

#[test]
fn the_score_if_talks_end_now_is_the_score_of_walking_away_now() {
    let scenario = scenario();
    let state = passed_until(&scenario, 3);
    let walked = apply(&scenario, &state, &Move::WalkAway)
        .expect("walking away is legal")
        .state;
    for side in Side::BOTH {
        let forecast = score_if_ended_now(&scenario, &state, None, side).expect("the game is on");
        assert_eq!(forecast, score_game(&scenario, &walked, side));
    }
    assert!(score_if_ended_now(&scenario, &walked, None, Side::Us).is_err());
}

#[test]
fn the_gap_between_worth_at_signing_and_final_score_adds_up_objective_by_objective() {
    let scenario = scenario();
    let agent = |strategy, side| Opponent::Strategy(strategy).agent(&scenario, side).expect("a strategy");
    let mut us = agent(Strategy::Boulware, Side::Us);
    let mut partner = agent(Strategy::Linear, Side::Partner);
    let game = play(&scenario, 2025, us.as_mut(), partner.as_mut());
    let outcome = game.outcome.clone().expect("the game ended");
    assert_eq!(outcome.kind, OutcomeKind::Deal);
    let package = outcome.package.clone().expect("a deal has a package");
    // The position the deal was signed in, played again up to the acceptance.
    let accepted = game
        .moves
        .iter()
        .rposition(|m| m.mv == Move::Accept)
        .expect("an acceptance");
    let mut before = GameState::new(&scenario, 2025);
    for played in &game.moves[..accepted] {
        before = apply(&scenario, &before, &played.mv).expect("the moves replay").state;
    }
    for side in Side::BOTH {
        let gap = score_gap(&scenario, &game, side).expect("a deal");
        let worth = Valuer::new(&scenario, &before).utility(side, &package) * 100.0;
        assert!(
            (gap.worth_at_signing - worth).abs() < 1e-9,
            "{side:?}: {gap:?} against {worth}"
        );
        assert_eq!(gap.final_score, score_game(&scenario, &game, side).total);
        let points: f64 = gap.objectives.iter().map(|o| o.points).sum();
        assert!(
            (points - (gap.worth_at_signing - gap.final_score)).abs() < 1e-9,
            "{side:?}: the objectives add up to {points}, the gap is {}",
            gap.worth_at_signing - gap.final_score
        );
        assert_eq!(gap.signed_round, outcome.round);
        assert_eq!(gap.months_before_deal, outcome.round as usize - 1);
        assert_eq!(
            gap.months_scored,
            (scenario.rounds + scenario.dynamics.valuation_months) as usize
        );
        // By design they measure different things: one month ahead against the average of every month.
        assert!(
            (gap.worth_at_signing - gap.final_score).abs() > 0.5,
            "{side:?}: {gap:?}"
        );
    }
}

#[test]
fn a_game_without_a_deal_has_no_gap_to_explain() {
    let scenario = scenario();
    let state = passed_until(&scenario, 3);
    let walked = apply(&scenario, &state, &Move::WalkAway)
        .expect("walking away is legal")
        .state;
    assert_eq!(score_gap(&scenario, &walked, Side::Us), None);
}
