//! Speed of the core: one model evaluation, one AI decision, one whole AI-vs-AI game (figures in docs/performance.md).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use tradetable_core::ai::Strategy;
use tradetable_core::ai::play::play;
use tradetable_core::model::economy::starting_additional;
use tradetable_core::model::economy::{self, Conditions, Policy};
use tradetable_core::{GameState, Move, Scenario, Side, apply};

fn scenario() -> Scenario {
    tradetable::storage::load_scenario(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/spring-2025.ron"
    )))
    .unwrap()
}

fn model_evaluation(c: &mut Criterion) {
    let s = scenario();
    let start = starting_additional(&s);
    let mut policy = Policy::initial(&s);
    policy.us_rates[0] = 0.25;
    let conditions = Conditions::initial(&s);
    c.bench_function("model evaluation (one month, all sectors)", |b| {
        b.iter(|| economy::evaluate(black_box(&s), &start, black_box(&policy), &conditions))
    });
}

fn ai_decision(c: &mut Criterion) {
    let s = scenario();
    // Mid-game, with offers on the table from both sides: the agent must value, search and answer.
    let mut state = GameState::new(&s, 3);
    let mut us = Strategy::Boulware.agent(Side::Us);
    let mut partner = Strategy::Linear.agent(Side::Partner);
    while state.round < 4 {
        let mv = match state.to_move {
            Side::Us => us.next_move(&s, &state),
            Side::Partner => partner.next_move(&s, &state),
        };
        state = apply(&s, &state, &mv).unwrap().state;
    }
    assert!(!state.is_over());
    c.bench_function("AI decision (linear, round 4)", |b| {
        let mut agent = Strategy::Linear.agent(state.to_move);
        b.iter(|| agent.next_move(black_box(&s), black_box(&state)))
    });
}

fn whole_game(c: &mut Criterion) {
    let s = scenario();
    c.bench_function("whole game, no moves (8 rounds)", |b| {
        b.iter(|| {
            let mut state = GameState::new(&s, black_box(9));
            while !state.is_over() {
                state = apply(&s, &state, &Move::Pass).unwrap().state;
            }
            state
        })
    });
    c.bench_function("whole game, boulware vs linear", |b| {
        b.iter(|| {
            let mut us = Strategy::Boulware.agent(Side::Us);
            let mut partner = Strategy::Linear.agent(Side::Partner);
            play(&s, black_box(9), us.as_mut(), partner.as_mut())
        })
    });
}

criterion_group!(benches, model_evaluation, ai_decision, whole_game);
criterion_main!(benches);
