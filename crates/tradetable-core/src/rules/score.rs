//! Scores: each side's 0–100 score against its objectives over a whole game, and what a package is worth to a side
//! now (its utility), both read off the same economic and political model the game runs on.

use serde::{Deserialize, Serialize};

use crate::model::economy::{self, Economy, Policy, TradeAgreementStatus, starting_additional};
use crate::model::politics::{self, Readings};
use crate::rules::moves::{Move, MoveError};
use crate::rules::negotiation::{GameState, Offer, OutcomeKind, apply};
use crate::rules::package::{Package, PackageSpace};
use crate::rules::{back_dating, retaliation};
use crate::scenario::schema::{Objective, PerSide, Scenario, Side, Variant};

/// A figure under the low, central and high parameter sets of the scenario's `sensitivity`, in that order.
pub type Band = [f64; 3];

/// The smallest and largest of a band (low and high need not bracket in that order).
pub fn band_range(band: &Band) -> (f64, f64) {
    (
        band.iter().copied().fold(f64::INFINITY, f64::min),
        band.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    )
}

/// What a package (or no deal) is projected to do under each parameter set: the deficit and each side's utility.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ProjectionBand {
    /// The US goods deficit in the valued month, $bn a year.
    pub deficit_bn: Band,
    /// Each side's utility, 0–1; none for a side whose objectives the scenario does not hold (a networked team's
    /// copy leaves out the other side's, see `protocol::scenario_for`).
    pub utility: PerSide<Option<Band>>,
}

/// The band of signing `package` now, or of no deal when `package` is `None`.
pub fn projection_band(scenario: &Scenario, state: &GameState, package: Option<&Package>) -> ProjectionBand {
    let mut deficit_bn = [0.0; 3];
    let mut utility = PerSide::from_fn(|side| (!scenario.objectives[side].is_empty()).then_some([0.0; 3]));
    for (k, variant) in Variant::ALL.into_iter().enumerate() {
        let scenario = scenario.variant(variant);
        let valuer = Valuer::new(&scenario, state);
        let projection = match package {
            Some(package) => valuer.project_deal(package),
            None => valuer.project_no_deal(),
        };
        deficit_bn[k] = projection.economy.goods_deficit_bn;
        for side in Side::BOTH {
            if let Some(band) = utility[side].as_mut() {
                band[k] = valuer.utility_of(side, &projection);
            }
        }
    }
    ProjectionBand { deficit_bn, utility }
}

/// One line of a score breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveScore {
    /// The objective's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The indicator's mean over the rounds.
    pub value: f64,
    /// 0–100 on this objective.
    pub score: f64,
    /// Its weight as a share of the side's weights.
    pub weight: f64,
}

/// A side's score and how it was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideScore {
    /// The side.
    pub side: Side,
    /// 0–100.
    pub total: f64,
    /// Per objective.
    pub breakdown: Vec<ObjectiveScore>,
}

/// Where `value` falls between an objective's worst (0) and best (1), clamped; past best, for a target with
/// `beyond_best`, it falls back to 0 at that value.
pub fn normalise(objective: &Objective, value: f64) -> f64 {
    let towards_best = (value - objective.worst) / (objective.best - objective.worst);
    match objective.beyond_best {
        Some(beyond) if towards_best > 1.0 => ((beyond - value) / (beyond - objective.best)).clamp(0.0, 1.0),
        _ => towards_best.clamp(0.0, 1.0),
    }
}

/// One month a score counts: the figures indicators are read from.
struct ScoredMonth {
    economy: Economy,
    policy: Policy,
    deal_signed: bool,
    approval: PerSide<f64>,
}

impl ScoredMonth {
    fn readings<'a>(&'a self, start: &'a Economy) -> Readings<'a> {
        Readings {
            economy: &self.economy,
            start,
            policy: &self.policy,
            deal_signed: self.deal_signed,
            approval: self.approval,
        }
    }
}

/// The months a game is scored on: rounds 1 to the last, then the `valuation_months` after the game, in which the
/// policy left in place (and any rate still due under a signed deal) carries on with no more moves or events — so
/// a deal signed late counts for what it leaves behind, not only for its first weeks.
fn scored_months(scenario: &Scenario, state: &GameState) -> Vec<ScoredMonth> {
    let deal_round = match &state.outcome {
        Some(o) if o.kind == OutcomeKind::Deal => Some(o.round),
        _ => None,
    };
    let mut months: Vec<ScoredMonth> = state
        .history
        .iter()
        .skip(1)
        .map(|record| ScoredMonth {
            economy: record.economy.clone(),
            policy: record.policy.clone(),
            deal_signed: deal_round.is_some_and(|r| record.round >= r),
            approval: record.approval,
        })
        .collect();
    let start = starting_additional(scenario);
    let mut policy = state.policy.clone();
    let mut conditions = state.conditions.clone();
    let mut approvals = state.approvals.clone();
    let mut counter_tariffs = state.counter_tariffs.clone();
    let mut imports = back_dating::sector_imports(&state.latest().economy);
    let last = state.latest().round;
    for round in last + 1..=last + scenario.dynamics.valuation_months {
        let mut refund_bn = 0.0;
        for due in state.scheduled.iter().filter(|s| s.round == round) {
            let before = policy.clone();
            policy.us_rates[due.instrument] = due.rate;
            if let Some(from) = due.back_dated_from {
                let months = due.round.saturating_sub(from);
                refund_bn += back_dating::refund_bn(scenario, &before, &policy, &imports, months);
            }
        }
        // A counter-tariff's suspension runs out after the game as it would in it (the news is not kept).
        retaliation::take_due(scenario, &mut counter_tariffs, &mut policy, round);
        conditions.advance(scenario, &policy);
        let mut economy = economy::evaluate(scenario, &start, &policy, &conditions);
        back_dating::book(&mut economy, refund_bn);
        imports = back_dating::sector_imports(&economy);
        let readings = Readings {
            economy: &economy,
            start: state.start_economy(),
            policy: &policy,
            deal_signed: deal_round.is_some(),
            approval: PerSide::new(0.0, 0.0),
        };
        for side in Side::BOTH {
            let targets = politics::approval_targets(scenario, side, &state.shocks[side], &readings);
            approvals[side] = politics::step_approvals(scenario, side, &approvals[side], &targets);
        }
        months.push(ScoredMonth {
            approval: PerSide::from_fn(|side| politics::overall(scenario, side, &approvals[side])),
            economy,
            policy: policy.clone(),
            deal_signed: deal_round.is_some(),
        });
    }
    months
}

/// A side's score over a game: each objective's indicator averaged over the scored months (the rounds and the
/// year after), normalised, weighted.
pub fn score_game(scenario: &Scenario, state: &GameState, side: Side) -> SideScore {
    let months = scored_months(scenario, state);
    let start = state.start_economy();
    let objectives = scenario.objectives.side(side);
    let total_weight: f64 = objectives.iter().map(|o| o.weight).sum();
    let mut total = 0.0;
    let mut breakdown = Vec::with_capacity(objectives.len());
    for objective in objectives {
        let mut sum = 0.0;
        for month in &months {
            sum += politics::indicator(scenario, &objective.indicator, &month.readings(start));
        }
        let value = sum / months.len().max(1) as f64;
        let score = normalise(objective, value) * 100.0;
        let weight = objective.weight / total_weight;
        total += weight * score;
        breakdown.push(ObjectiveScore {
            id: objective.id.clone(),
            name: objective.name.clone(),
            value,
            score,
            weight,
        });
    }
    SideScore { side, total, breakdown }
}

/// What the model projects for next month if a package were signed now, or if talks failed: the economy and where
/// each side's approval is heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// The economy.
    pub economy: Economy,
    /// The policies in force.
    pub policy: Policy,
    /// Approval targets of each side's constituencies.
    pub constituencies: PerSide<Vec<f64>>,
    /// Each side's overall approval target.
    pub approval: PerSide<f64>,
    /// Chance the Diet suspends the USJTA next month.
    pub trade_agreement_hazard: f64,
    /// Whether a deal is in force in the projection.
    pub deal_signed: bool,
}

/// Values packages for one game position; built once per decision so the fixed parts are computed once.
pub struct Valuer<'a> {
    scenario: &'a Scenario,
    state: &'a GameState,
    space: PackageSpace,
    start: Vec<f64>,
}

impl<'a> Valuer<'a> {
    /// A valuer for this position.
    pub fn new(scenario: &'a Scenario, state: &'a GameState) -> Self {
        Self {
            scenario,
            state,
            space: PackageSpace::of(scenario),
            start: starting_additional(scenario),
        }
    }

    /// The package space.
    pub fn space(&self) -> &PackageSpace {
        &self.space
    }

    /// Projects the month the sides judge a package by (`valuation_months` from now, the scenario's `dynamics`)
    /// with `policy` in force from next month on.
    pub fn project_policy(&self, policy: Policy, uncertainty: f64, deal_signed: bool) -> Projection {
        let scenario = self.scenario;
        let mut conditions = self.state.conditions.clone();
        conditions.uncertainty = uncertainty;
        conditions.advance(scenario, &policy);
        conditions.age_by(scenario.dynamics.valuation_months.saturating_sub(1));
        let economy = economy::evaluate(scenario, &self.start, &policy, &conditions);
        let readings = Readings {
            economy: &economy,
            start: self.state.start_economy(),
            policy: &policy,
            deal_signed,
            approval: PerSide::new(0.0, 0.0),
        };
        let constituencies =
            PerSide::from_fn(|side| politics::approval_targets(scenario, side, &self.state.shocks[side], &readings));
        let approval = PerSide::from_fn(|side| politics::overall(scenario, side, &constituencies[side]));
        let trade_agreement_hazard = if policy.trade_agreement.in_force() {
            politics::trade_agreement_hazard(scenario, economy.auto_tariff_total, approval.partner)
        } else {
            0.0
        };
        Projection {
            economy,
            policy,
            constituencies,
            approval,
            trade_agreement_hazard,
            deal_signed,
        }
    }

    /// Next month if `package` were signed now, or why the package cannot be valued here: a package that does not
    /// fit this scenario (one kept from another game) is refused, never read out of bounds.
    pub fn project_package(&self, package: &Package) -> Result<Projection, MoveError> {
        if !self.space.contains(package) {
            return Err(MoveError::MalformedPackage);
        }
        Ok(self.project_deal(package))
    }

    /// Next month if `package` were signed now (a package of this scenario's space: see
    /// [`Valuer::project_package`] for one from elsewhere).
    pub fn project_deal(&self, package: &Package) -> Projection {
        let mut policy = self.space.apply_to(package, &self.state.policy);
        let mut states = self.state.counter_tariffs.clone();
        retaliation::ensure(self.scenario, &mut states, &mut policy);
        let suspended = self.space.suspends(self.scenario, package);
        policy.counter_tariffs = retaliation::valued_after_deal(self.scenario, &states, &suspended);
        if policy.trade_agreement == TradeAgreementStatus::Suspended {
            policy.trade_agreement = TradeAgreementStatus::InForce;
        }
        self.project_policy(policy, 0.0, true)
    }

    /// The valued month if talks failed now: every scheduled and threatened tariff carried out, the rates still
    /// unsettled.
    pub fn project_no_deal(&self) -> Projection {
        let mut policy = self.state.policy.clone();
        for s in &self.state.scheduled {
            policy.us_rates[s.instrument] = policy.us_rates[s.instrument].max(s.rate);
        }
        for t in &self.state.threats {
            policy.us_rates[t.instrument] = policy.us_rates[t.instrument].max(t.rate);
        }
        // The partner's announced and threatened counter-tariffs are carried out too.
        let mut states = self.state.counter_tariffs.clone();
        retaliation::ensure(self.scenario, &mut states, &mut policy);
        policy.counter_tariffs = states.iter().map(|s| s.if_talks_fail()).collect();
        if policy.trade_agreement.in_force()
            && politics::auto_tariff_above_line(self.scenario, economy::auto_tariff_total(self.scenario, &policy))
        {
            // Talks failing with auto tariffs above the line: the Diet's suspension is to be expected.
            policy.trade_agreement = TradeAgreementStatus::Suspended;
        }
        self.project_policy(policy, self.scenario.investment.unsettled_uncertainty, false)
    }

    /// A side's utility (0–1) of a projection: its objectives, scored on the projected month.
    pub fn utility_of(&self, side: Side, projection: &Projection) -> f64 {
        let weights: Vec<f64> = self.scenario.objectives.side(side).iter().map(|o| o.weight).collect();
        self.utility_with_weights(side, projection, &weights)
    }

    /// A side's utility of a projection with its objectives re-weighted (`weights` in the order of the side's
    /// objectives); with the scenario's own weights the result is bit-identical to [`Valuer::utility_of`].
    pub fn utility_with_weights(&self, side: Side, projection: &Projection, weights: &[f64]) -> f64 {
        let readings = Readings {
            economy: &projection.economy,
            start: self.state.start_economy(),
            policy: &projection.policy,
            deal_signed: projection.deal_signed,
            approval: PerSide::new(projection.approval.us, projection.approval.partner),
        };
        let objectives = self.scenario.objectives.side(side);
        let total: f64 = weights.iter().sum();
        objectives
            .iter()
            .zip(weights)
            .map(|(o, w)| w * normalise(o, politics::indicator(self.scenario, &o.indicator, &readings)))
            .sum::<f64>()
            / total
    }

    /// The position being valued.
    pub fn state(&self) -> &'a GameState {
        self.state
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &'a Scenario {
        self.scenario
    }

    /// A side's utility of signing `package` now.
    pub fn utility(&self, side: Side, package: &Package) -> f64 {
        self.utility_of(side, &self.project_deal(package))
    }

    /// A side's reservation utility: what failing to agree is worth to it.
    pub fn reservation(&self, side: Side) -> f64 {
        self.utility_of(side, &self.project_no_deal())
    }
}

/// The final score `side` would get if talks ended in this round: with `package` signed now (accepted by the side
/// whose turn it is), or with no deal (`None`: that side walks away). The game is played on to its end with no more
/// moves — the calendar's tariffs and elections, the scenario's random events on the game's seed and the class's
/// injects as they would come — and scored as the results screen scores it; so it is the score the results will
/// show if the talks end here, unless a teacher fires an inject later. Refused for a game already over or a
/// package of another scenario.
pub fn score_if_ended_now(
    scenario: &Scenario,
    state: &GameState,
    package: Option<&Package>,
    side: Side,
) -> Result<SideScore, MoveError> {
    if state.is_over() {
        return Err(MoveError::GameOver);
    }
    let ended = match package {
        Some(package) => {
            if !PackageSpace::of(scenario).contains(package) {
                return Err(MoveError::MalformedPackage);
            }
            let mut signing = state.clone();
            signing.offer = Some(Offer {
                from: state.to_move.other(),
                round: state.round,
                package: package.clone(),
            });
            apply(scenario, &signing, &Move::Accept)?.state
        }
        None => apply(scenario, state, &Move::WalkAway)?.state,
    };
    Ok(score_game(scenario, &ended, side))
}

/// Why a side's final score differs from what the deal was worth to it when it was signed: the worth ("worth to
/// you" at the table) scores one projected month, `valuation_months` after signing, with approval where it is
/// heading; the score averages every scored month, the ones played before the deal included.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreGap {
    /// The side.
    pub side: Side,
    /// The round the deal was signed in.
    pub signed_round: u32,
    /// What the deal was worth to the side just before it was signed, 0–100.
    pub worth_at_signing: f64,
    /// The side's final score, 0–100.
    pub final_score: f64,
    /// How many months the score averages.
    pub months_scored: usize,
    /// How many of them were played before the deal was signed.
    pub months_before_deal: usize,
    /// How many months after signing the worth looked at (the scenario's `valuation_months`).
    pub valuation_months: u32,
    /// Per objective, what it added to the gap; the points add up to `worth_at_signing − final_score`.
    pub objectives: Vec<ObjectiveGap>,
}

/// One objective's part in a [`ScoreGap`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveGap {
    /// The objective's name.
    pub name: String,
    /// Its weight as a share of the side's weights.
    pub weight: f64,
    /// The indicator in the month the worth projected.
    pub at_signing: f64,
    /// The indicator's mean over the scored months.
    pub averaged: f64,
    /// Worth points less score points on this objective (positive: the worth promised more than the score gave).
    pub points: f64,
}

/// The gap between a deal's worth at signing and the final score, for a game that ended in a deal (none
/// otherwise, or when the moves no longer replay on this scenario).
pub fn score_gap(scenario: &Scenario, state: &GameState, side: Side) -> Option<ScoreGap> {
    let outcome = state.outcome.as_ref().filter(|o| o.kind == OutcomeKind::Deal)?;
    let package = outcome.package.as_ref()?;
    let accepted = state.moves.iter().rposition(|m| m.mv == Move::Accept)?;
    let before = replay_moves(scenario, state, accepted)?;
    let valuer = Valuer::new(scenario, &before);
    let projection = valuer.project_deal(package);
    let score = score_game(scenario, state, side);
    let readings = Readings {
        economy: &projection.economy,
        start: before.start_economy(),
        policy: &projection.policy,
        deal_signed: projection.deal_signed,
        approval: projection.approval,
    };
    let objectives: Vec<ObjectiveGap> = scenario
        .objectives
        .side(side)
        .iter()
        .zip(&score.breakdown)
        .map(|(objective, scored)| {
            let at_signing = politics::indicator(scenario, &objective.indicator, &readings);
            ObjectiveGap {
                name: objective.name.clone(),
                weight: scored.weight,
                at_signing,
                averaged: scored.value,
                points: scored.weight * (normalise(objective, at_signing) * 100.0 - scored.score),
            }
        })
        .collect();
    let months_scored = scored_months(scenario, state).len();
    Some(ScoreGap {
        side,
        signed_round: outcome.round,
        worth_at_signing: valuer.utility_of(side, &projection) * 100.0,
        final_score: score.total,
        months_scored,
        months_before_deal: outcome.round.saturating_sub(1) as usize,
        valuation_months: scenario.dynamics.valuation_months,
        objectives,
    })
}

/// The game's state after its first `moves` moves, played again from the start on the same seed and injects.
fn replay_moves(scenario: &Scenario, state: &GameState, moves: usize) -> Option<GameState> {
    let mut replayed = GameState::with_injects(scenario, state.seed, state.injects.clone());
    replayed.fired_injects = state.fired_injects.clone();
    for played in state.moves.iter().take(moves) {
        replayed = apply(scenario, &replayed, &played.mv).ok()?.state;
    }
    Some(replayed)
}
