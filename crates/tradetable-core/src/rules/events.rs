//! Scheduled and random events: the seeded generator of each round, random shocks (yen swings, leaks, market
//! drops), and elections.

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use crate::model::politics;
use crate::rules::state::{Event, EventKind, GameState};
use crate::scenario::schema::{EventEffect, Scenario, ScheduledKind};

/// The generator for one round of one game: it depends only on the seed and the round, so a round's draws do
/// not depend on how many moves were made before it.
pub fn round_rng(seed: u64, round: u32) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed ^ (round as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Draws every random event whose window includes the round, in scenario order, and applies those that fire.
pub fn fire_random_events(scenario: &Scenario, state: &mut GameState, rng: &mut ChaCha8Rng, events: &mut Vec<Event>) {
    let round = state.round;
    for ev in &scenario.random_events {
        let draw: f64 = rand::RngExt::random(rng);
        if round < ev.from_round || round > ev.to_round || draw >= ev.probability {
            continue;
        }
        apply_effect(scenario, state, &ev.effect);
        events.push(Event {
            round,
            kind: EventKind::Random(ev.id.clone()),
            text: ev.news.clone(),
        });
    }
}

/// Fires the class injects switched on for this game whose round it is, in scenario order, then those a teacher
/// fired this round, in the order they were fired.
pub fn fire_injects(scenario: &Scenario, state: &mut GameState, events: &mut Vec<Event>) {
    let round = state.round;
    let class = scenario
        .injects
        .iter()
        .filter(|i| i.round == round && state.injects.contains(&i.id));
    let fired = state
        .fired_injects
        .iter()
        .filter(|f| f.round == round)
        .filter_map(|f| scenario.injects.iter().find(|i| i.id == f.id));
    let due: Vec<_> = class.chain(fired).cloned().collect();
    for inject in due {
        apply_effect(scenario, state, &inject.effect);
        events.push(Event {
            round,
            kind: EventKind::Inject(inject.id.clone()),
            text: inject.news.clone(),
        });
    }
}

fn apply_effect(scenario: &Scenario, state: &mut GameState, effect: &EventEffect) {
    match effect {
        EventEffect::Fx { change_pct } => {
            state.conditions.currency_per_dollar *= 1.0 + change_pct / 100.0;
        }
        EventEffect::Investment { change_pct } => {
            state.conditions.investment_factor *= 1.0 + change_pct / 100.0;
        }
        EventEffect::Approval {
            side,
            constituency,
            delta,
        } => {
            let ids = &scenario.politics[*side].constituencies;
            for (k, c) in ids.iter().enumerate() {
                if constituency.as_ref().is_none_or(|id| *id == c.id) {
                    state.shocks[*side][k] += delta;
                    state.approvals[*side][k] = (state.approvals[*side][k] + delta).clamp(0.0, 100.0);
                }
            }
        }
    }
}

/// Holds the round's elections: a government below the threshold loses ground in every constituency.
pub fn hold_elections(scenario: &Scenario, state: &mut GameState, events: &mut Vec<Event>) {
    let round = state.round;
    for ev in scenario.scheduled_events.iter().filter(|e| e.round == round) {
        if let ScheduledKind::Election { side, threshold, loss } = &ev.kind {
            let approval = politics::overall(scenario, *side, state.approvals.side(*side));
            let held = approval >= *threshold;
            if !held {
                let shocks = state.shocks.side_mut(*side);
                for s in shocks.iter_mut() {
                    *s -= loss;
                }
                for a in state.approvals.side_mut(*side).iter_mut() {
                    *a = (*a - loss).clamp(0.0, 100.0);
                }
            }
            let verdict = if held {
                "the government holds its ground"
            } else {
                "the government loses ground"
            };
            events.push(Event {
                round,
                kind: EventKind::Election { side: *side, held },
                text: format!("{} ({verdict}, approval {approval:.0}%)", ev.news),
            });
        }
    }
}
