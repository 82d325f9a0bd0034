//! How long the AI takes to decide one move on the shipped scenario (the budget is 5 ms), how long a whole
//! AI-vs-AI game takes, and the valuation every decision is built on.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tradetable::cli::DEFAULT_SCENARIO;
use tradetable_core::ai::play::play;
use tradetable_core::ai::{Difficulty, Negotiator, Strategy, build_opponent};
use tradetable_core::rules::score::Valuer;
use tradetable_core::{GameState, Scenario, Side, apply};

fn scenario() -> Scenario {
    Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025").expect("the shipped scenario is valid")
}

/// A mid-game position with an offer on the table: two linear agents play until `side` is to move in round 5.
fn mid_game(scenario: &Scenario, side: Side) -> GameState {
    let mut us = Strategy::Boulware.agent(Side::Us);
    let mut partner = Strategy::Boulware.agent(Side::Partner);
    let mut state = GameState::new(scenario, 2025);
    while !(state.round == 5 && state.to_move == side) {
        let mv = match state.to_move {
            Side::Us => us.next_move(scenario, &state),
            Side::Partner => partner.next_move(scenario, &state),
        };
        state = apply(scenario, &state, &mv)
            .expect("Boulware agents make legal moves, and are still talking in round 5")
            .state;
    }
    state
}

fn decisions(c: &mut Criterion) {
    let s = scenario();
    let mut group = c.benchmark_group("ai_decision");
    for side in Side::BOTH {
        let state = mid_game(&s, side);
        let label = match side {
            Side::Us => "us",
            Side::Partner => "partner",
        };
        for difficulty in Difficulty::ALL {
            let agent = build_opponent(&s, side, difficulty, None).expect("builds");
            group.bench_function(format!("{difficulty}/{label}"), |b| {
                b.iter(|| agent.decide(&s, black_box(&state)))
            });
        }
        for strategy in [Strategy::Boulware, Strategy::TitForTat, Strategy::Modelling] {
            let agent = strategy.build(side);
            group.bench_function(format!("{strategy}/{label}"), |b| {
                b.iter(|| agent.decide(&s, black_box(&state)))
            });
        }
    }
    // The US ultimatum of a hard agent in the last round is the largest search it makes.
    let mut last = mid_game(&s, Side::Us);
    while last.round < s.rounds {
        last = apply(&s, &last, &tradetable_core::Move::Pass).unwrap().state;
    }
    let hard_us = build_opponent(&s, Side::Us, Difficulty::Hard, None).expect("builds");
    group.bench_function("hard/us/last_round", |b| {
        b.iter(|| hard_us.decide(&s, black_box(&last)))
    });
    group.finish();
}

fn games(c: &mut Criterion) {
    let s = scenario();
    let mut group = c.benchmark_group("game");
    group.sample_size(10);
    for (us, partner) in [
        (Difficulty::Normal, Difficulty::Normal),
        (Difficulty::Hard, Difficulty::Hard),
    ] {
        group.bench_function(format!("{us}_vs_{partner}"), |b| {
            b.iter(|| {
                let mut u: Box<dyn Negotiator> = Box::new(build_opponent(&s, Side::Us, us, None).unwrap());
                let mut j: Box<dyn Negotiator> = Box::new(build_opponent(&s, Side::Partner, partner, None).unwrap());
                play(&s, black_box(7), u.as_mut(), j.as_mut())
            })
        });
    }
    group.finish();
}

fn valuation(c: &mut Criterion) {
    let s = scenario();
    let state = GameState::new(&s, 2025);
    let valuer = Valuer::new(&s, &state);
    let package = valuer.space().best_for(Side::Partner);
    c.bench_function("valuer_utility", |b| {
        b.iter(|| valuer.utility(Side::Us, black_box(&package)))
    });
}

criterion_group!(benches, decisions, games, valuation);
criterion_main!(benches);
