//! Plays whole games between negotiators, and the counterfactual games a debrief compares against: no deal, and
//! the deal that really happened, both on the same seed.

use std::collections::BTreeMap;

use super::negotiator::Negotiator;
use crate::model::economy::Policy;
use crate::rules::moves::{MAX_ACTIONS_PER_TURN, Move};
use crate::rules::negotiation::{GameState, apply};
use crate::rules::package::PackageSpace;
use crate::rules::score::{Band, score_game};
use crate::scenario::schema::{PerSide, Scenario, Side, Variant};

/// Plays a game to its end; a move an agent gets wrong is replaced by a pass, so a game always finishes.
pub fn play(scenario: &Scenario, seed: u64, us: &mut dyn Negotiator, partner: &mut dyn Negotiator) -> GameState {
    play_from(scenario, GameState::new(scenario, seed), us, partner)
}

/// Plays a game from `state` (a new game with class injects, or a position to branch from) to its end.
pub fn play_from(
    scenario: &Scenario,
    mut state: GameState,
    us: &mut dyn Negotiator,
    partner: &mut dyn Negotiator,
) -> GameState {
    let limit = (scenario.rounds as usize + 1) * 2 * (MAX_ACTIONS_PER_TURN as usize + 1);
    for _ in 0..limit {
        if state.is_over() {
            break;
        }
        let agent: &mut dyn Negotiator = match state.to_move {
            Side::Us => us,
            Side::Partner => partner,
        };
        let mv = agent.next_move(scenario, &state);
        state = match apply(scenario, &state, &mv) {
            Ok(applied) => {
                let mut next = applied.state;
                next.explain_last_move(agent.reasons());
                next
            }
            Err(_) => {
                apply(scenario, &state, &Move::Pass)
                    .expect("passing is always legal in a game that is not over")
                    .state
            }
        };
    }
    state
}

/// Plays `moves` again from `start` (a new game on the same seed and class injects). A move the replay refuses (a different
/// parameter set can take the game elsewhere: the USJTA suspended in another month, a government fallen) is left
/// out, and the game runs to its end with passes, so the result is always a finished game if the original was.
pub fn replay(
    scenario: &Scenario,
    start: GameState,
    moves: &[std::sync::Arc<crate::rules::negotiation::PlayedMove>],
) -> GameState {
    let mut state = start;
    for played in moves {
        if state.is_over() {
            break;
        }
        // Keep the replay in step: a side whose turn it is not, or a round already past, is passed over.
        state = pass_while(scenario, state, |s| {
            s.round < played.round || (s.round == played.round && s.to_move != played.side)
        });
        if state.round != played.round || state.to_move != played.side {
            continue;
        }
        if let Ok(applied) = apply(scenario, &state, &played.mv) {
            state = applied.state;
            state.explain_last_move(played.reasons.clone());
        } else if played.mv.ends_turn()
            && let Ok(applied) = apply(scenario, &state, &Move::Pass)
        {
            state = applied.state;
        }
    }
    state
}

/// Both sides pass while `more` holds and the game is on (passing is always legal in a game that is not over).
pub fn pass_while(scenario: &Scenario, mut state: GameState, more: impl Fn(&GameState) -> bool) -> GameState {
    while !state.is_over() && more(&state) {
        match apply(scenario, &state, &Move::Pass) {
            Ok(applied) => state = applied.state,
            Err(_) => break,
        }
    }
    state
}

/// A negotiator that follows a fixed plan of turn-ending moves by round, and passes otherwise.
pub struct Scripted {
    /// The move to end each listed round's turn with.
    pub plan: BTreeMap<u32, Move>,
}

impl Negotiator for Scripted {
    fn name(&self) -> String {
        "scripted".to_string()
    }

    fn next_move(&mut self, _scenario: &Scenario, state: &GameState) -> Move {
        self.plan.get(&state.round).cloned().unwrap_or(Move::Pass)
    }
}

/// The game in which nobody moves: every scheduled tariff takes effect and no deal is signed.
pub fn play_no_deal(scenario: &Scenario, seed: u64) -> GameState {
    play_no_deal_from(scenario, GameState::new(scenario, seed))
}

/// The no-deal game from `start` (a new game, perhaps with class injects).
pub fn play_no_deal_from(scenario: &Scenario, start: GameState) -> GameState {
    let mut us = Scripted { plan: BTreeMap::new() };
    let mut partner = Scripted { plan: BTreeMap::new() };
    play_from(scenario, start, &mut us, &mut partner)
}

/// A new game like `state`'s: the same seed, class injects and injects fired by a teacher, no moves yet.
pub fn fresh_like(scenario: &Scenario, state: &GameState) -> GameState {
    let mut fresh = GameState::with_injects(scenario, state.seed, state.injects.clone());
    fresh.fired_injects = state.fired_injects.clone();
    fresh
}

/// The game in which nobody moves until the round the real deal was signed, and then it is signed.
pub fn play_actual_deal(scenario: &Scenario, seed: u64) -> Option<GameState> {
    let deal = scenario.actual_deal.as_ref()?;
    let package = actual_deal_package(scenario)?;
    Some(play_deal(scenario, seed, deal.round, package))
}

/// The real deal's game from `start` (a new game, perhaps with class injects).
pub fn play_actual_deal_from(scenario: &Scenario, start: GameState) -> Option<GameState> {
    let deal = scenario.actual_deal.as_ref()?;
    let package = actual_deal_package(scenario)?;
    let mut us = Scripted {
        plan: BTreeMap::from([(deal.round, Move::Propose(package))]),
    };
    let mut partner = Scripted {
        plan: BTreeMap::from([(deal.round, Move::Accept)]),
    };
    Some(play_from(scenario, start, &mut us, &mut partner))
}

/// The package of the deal that really happened.
pub fn actual_deal_package(scenario: &Scenario) -> Option<crate::rules::package::Package> {
    let deal = scenario.actual_deal.as_ref()?;
    let space = PackageSpace::of(scenario);
    let base = space.from_policy(&Policy::initial(scenario));
    space.with_terms(&base, &deal.terms)
}

/// The game in which nobody moves until `round`, when the US proposes `package` and Japan accepts it.
pub fn play_deal(scenario: &Scenario, seed: u64, round: u32, package: crate::rules::package::Package) -> GameState {
    let mut us = Scripted {
        plan: BTreeMap::from([(round, Move::Propose(package))]),
    };
    let mut partner = Scripted {
        plan: BTreeMap::from([(round, Move::Accept)]),
    };
    play(scenario, seed, &mut us, &mut partner)
}

/// A finished game's scores and mean deficit under the low, central and high parameter sets: the same moves played
/// again with each set (see [`replay`]).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ScoreBand {
    /// Mean US goods deficit over the rounds, $bn a year.
    pub mean_deficit_bn: Band,
    /// Each side's score.
    pub scores: PerSide<Band>,
}

/// The band of a game: its moves replayed under each parameter set and played to the end.
pub fn score_band(scenario: &Scenario, state: &GameState) -> ScoreBand {
    let mut band = ScoreBand {
        mean_deficit_bn: [0.0; 3],
        scores: PerSide::new([0.0; 3], [0.0; 3]),
    };
    for (k, variant) in Variant::ALL.into_iter().enumerate() {
        let scenario = scenario.variant(variant);
        let mut game = replay(&scenario, fresh_like(&scenario, state), &state.moves);
        game = pass_while(&scenario, game, |_| true);
        let played = &game.history[1..];
        band.mean_deficit_bn[k] =
            played.iter().map(|r| r.economy.goods_deficit_bn).sum::<f64>() / played.len().max(1) as f64;
        for side in Side::BOTH {
            band.scores[side][k] = score_game(&scenario, &game, side).total;
        }
    }
    band
}
