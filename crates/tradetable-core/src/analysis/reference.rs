//! Reference outcomes that show whether the scores discriminate: no deal, the deal that really happened and its
//! variants, escalation without a deal, and each side's best package — played on one seed and scored, with what
//! each side thought of the real deal against no deal in the month it was signed.

use serde::Serialize;

use crate::ai::context::best_package;
use crate::ai::play::{actual_deal_package, pass_while, play_deal, play_no_deal};
use crate::ai::preferences::{Preferences, Valuation};
use crate::rules::moves::Move;
use crate::rules::negotiation::{GameState, apply};
use crate::rules::package::Package;
use crate::rules::score::{SideScore, Valuer, score_game};
use crate::scenario::schema::{PerSide, Scenario, Side};

/// One reference game and both sides' scores.
#[derive(Debug, Clone, Serialize)]
pub struct ReferenceOutcome {
    /// A short id: `no_deal`, `actual_deal`, `actual_without_investment`, `actual_with_autos_25`,
    /// `escalation`, `best_for_us`, `best_for_partner`.
    pub id: String,
    /// What the game is, in words.
    pub description: String,
    /// Each side's score.
    pub scores: PerSide<SideScore>,
}

/// What each side thought of the real deal in the month it was signed.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct DealAtSigning {
    /// The round it was signed in.
    pub round: u32,
    /// Each side's utility of the deal and of no deal (its reservation value).
    pub utilities: PerSide<(f64, f64)>,
}

impl DealAtSigning {
    /// How much more than no deal the deal was worth to a side (negative: less).
    pub fn margin(&self, side: Side) -> f64 {
        let (deal, no_deal) = self.utilities[side];
        deal - no_deal
    }
}

/// The position in the no-deal game at the start of `round`.
pub fn no_deal_position(scenario: &Scenario, seed: u64, round: u32) -> GameState {
    pass_while(scenario, GameState::new(scenario, seed), |s| s.round < round)
}

/// Both sides' utility of the real deal and of no deal at the start of the round it was signed in.
pub fn deal_at_signing(scenario: &Scenario, seed: u64) -> Option<DealAtSigning> {
    let deal = scenario.actual_deal.as_ref()?;
    let package = actual_deal_package(scenario)?;
    let state = no_deal_position(scenario, seed, deal.round);
    let valuer = Valuer::new(scenario, &state);
    let of = |side| (valuer.utility(side, &package), valuer.reservation(side));
    Some(DealAtSigning {
        round: deal.round,
        utilities: PerSide::from_fn(of),
    })
}

/// The game in which the US raises every instrument to its highest option in the first round and nobody signs.
pub fn play_escalation(scenario: &Scenario, seed: u64) -> GameState {
    let mut state = GameState::new(scenario, seed);
    for instrument in &scenario.us_instruments {
        let Some(&rate) = instrument.options.last() else {
            continue;
        };
        let mv = Move::SetTariff {
            instrument: instrument.id.clone(),
            rate,
        };
        if let Ok(applied) = apply(scenario, &state, &mv) {
            state = applied.state;
        }
    }
    pass_while(scenario, state, |_| true)
}

/// The package a side values most in the month the real deal was signed (a hill-climb from its ideal terms).
pub fn best_package_for(scenario: &Scenario, seed: u64, side: Side) -> Option<Package> {
    let round = signing_round(scenario);
    let state = no_deal_position(scenario, seed, round);
    let valuation = Valuation::new(scenario, &state, side, &Preferences::default());
    Some(best_package(&valuation).0)
}

/// The round reference deals are signed in: the real deal's, or the middle of the game for a scenario without one.
pub fn signing_round(scenario: &Scenario) -> u32 {
    scenario
        .actual_deal
        .as_ref()
        .map_or(scenario.rounds.div_ceil(2).max(1), |deal| deal.round)
}

/// Every reference outcome the scenario allows (the deal variants need an `actual_deal`; without one, each side's
/// best package is signed in the middle of the game).
pub fn reference_outcomes(scenario: &Scenario, seed: u64) -> Vec<ReferenceOutcome> {
    let score = |id: &str, description: &str, state: GameState| ReferenceOutcome {
        id: id.to_string(),
        description: description.to_string(),
        scores: PerSide::from_fn(|side| score_game(scenario, &state, side)),
    };
    let mut outcomes = vec![score(
        "no_deal",
        "no deal: every scheduled tariff takes effect",
        play_no_deal(scenario, seed),
    )];
    let (Some(deal), Some(package)) = (scenario.actual_deal.as_ref(), actual_deal_package(scenario)) else {
        outcomes.push(score(
            "escalation",
            "escalation: every US tariff at its highest, no deal",
            play_escalation(scenario, seed),
        ));
        let round = signing_round(scenario);
        for (side, id) in [(Side::Us, "best_for_us"), (Side::Partner, "best_for_partner")] {
            if let Some(best) = best_package_for(scenario, seed, side) {
                outcomes.push(score(
                    id,
                    &format!(
                        "the package {} values most, signed mid-game",
                        scenario.names().with_article(side)
                    ),
                    play_deal(scenario, seed, round, best),
                ));
            }
        }
        return outcomes;
    };
    let space = crate::rules::package::PackageSpace::of(scenario);
    let variant = |id: &str, value: f64| {
        let mut terms = space.terms(&package);
        terms.insert(id.to_string(), value);
        space.with_terms(&package, &terms)
    };
    outcomes.push(score(
        "actual_deal",
        "the deal that really happened, signed when it was",
        play_deal(scenario, seed, deal.round, package.clone()),
    ));
    if let Some(without) = scenario
        .lever_index("investment")
        .and_then(|_| variant("investment", 0.0))
    {
        outcomes.push(score(
            "actual_without_investment",
            "the real deal without the investment pledge",
            play_deal(scenario, seed, deal.round, without),
        ));
    }
    if let Some(autos) = scenario.instrument_index("s232_autos").and_then(|i| {
        let highest = *scenario.us_instruments[i].options.last()?;
        variant("s232_autos", highest)
    }) {
        outcomes.push(score(
            "actual_with_autos_25",
            "the real deal with the auto tariff at its highest",
            play_deal(scenario, seed, deal.round, autos),
        ));
    }
    outcomes.push(score(
        "escalation",
        "escalation: every US tariff at its highest, no deal",
        play_escalation(scenario, seed),
    ));
    for (side, id) in [(Side::Us, "best_for_us"), (Side::Partner, "best_for_partner")] {
        if let Some(best) = best_package_for(scenario, seed, side) {
            outcomes.push(score(
                id,
                &format!(
                    "the package {} values most, signed when the real deal was",
                    scenario.names().with_article(side)
                ),
                play_deal(scenario, seed, deal.round, best),
            ));
        }
    }
    outcomes
}
