//! How long the AI takes to decide one move on the shipped scenario, and the valuation it is built on.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tradetable::cli::DEFAULT_SCENARIO;
use tradetable::sim::score::Valuer;
use tradetable::sim::{GameState, Scenario, Side};

fn valuation(c: &mut Criterion) {
    let scenario = Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025").expect("the shipped scenario is valid");
    let state = GameState::new(&scenario, 2025);
    let valuer = Valuer::new(&scenario, &state);
    let package = valuer.space().best_for(Side::Japan);
    c.bench_function("valuer_utility", |b| {
        b.iter(|| valuer.utility(Side::Us, black_box(&package)))
    });
}

criterion_group!(benches, valuation);
criterion_main!(benches);
