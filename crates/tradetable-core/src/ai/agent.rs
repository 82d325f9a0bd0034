//! The negotiating agent: a bidding strategy, an acceptance strategy and an opponent model, each replaceable, with a
//! side's preferences and its moves away from the table.

use super::acceptance::Acceptance;
use super::bidding::{Bid, Bidding};
use super::context::{Context, EPSILON};
use super::negotiator::Negotiator;
use super::opponent_model::{FrequencyModel, OpponentModel};
use super::preferences::{Preferences, Valuation};
use super::reasons;
use super::tactics::{self, Observation};
use crate::rules::moves::Move;
use crate::rules::negotiation::GameState;
use crate::scenario::schema::{Gesture, Scenario, Side};

/// Utility added to an agent's target for each hostile act it answers (tit-for-tat on threats).
pub const RETALIATION_PER_ACT: f64 = 0.04;

/// Where an agent's opponent model starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelPrior {
    /// Only which way each issue cuts.
    Uninformed,
    /// The scenario's public objectives for the opponent.
    PublicObjectives,
}

/// What an agent would do now, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The offer it would make.
    pub bid: Bid,
    /// The other side's offer on the table and its utility to the agent, if there is one.
    pub offered: Option<f64>,
    /// Whether it accepts that offer.
    pub accept: bool,
    /// Its reservation value now.
    pub reserve: f64,
    /// The opponent model's estimate of the opponent's issue weights.
    pub opponent_weights: Vec<f64>,
    /// The least an offer must be worth to it to be accepted now.
    pub threshold: f64,
    /// Why it accepts or makes its offer, in one or two plain sentences from the figures above.
    pub reasons: Vec<String>,
}

/// A move away from the table planned for the turn, with why.
type PlannedMove = (Move, Vec<String>);

/// A negotiating agent for one side.
pub struct Agent {
    name: String,
    side: Side,
    preferences: Preferences,
    bidding: Box<dyn Bidding>,
    acceptance: Box<dyn Acceptance>,
    prior: ModelPrior,
    gestures: Vec<Gesture>,
    reciprocates: bool,
    seen: Option<Observation>,
    turn: Option<(u32, Vec<PlannedMove>)>,
    reasons: Vec<String>,
}

impl Agent {
    /// An agent for `side` from its parts; no preferences beyond the side's objectives, no gestures, no
    /// reciprocity, an uninformed opponent model.
    pub fn new(name: &str, side: Side, bidding: Box<dyn Bidding>, acceptance: Box<dyn Acceptance>) -> Self {
        Agent {
            name: name.to_string(),
            side,
            preferences: Preferences::default(),
            bidding,
            acceptance,
            prior: ModelPrior::Uninformed,
            gestures: Vec::new(),
            reciprocates: false,
            seen: None,
            turn: None,
            reasons: Vec::new(),
        }
    }

    /// With a personality's preferences.
    pub fn with_preferences(mut self, preferences: Preferences) -> Self {
        self.preferences = preferences;
        self
    }

    /// With an opponent model starting from `prior`.
    pub fn with_model_prior(mut self, prior: ModelPrior) -> Self {
        self.prior = prior;
        self
    }

    /// With a calendar of unilateral moves.
    pub fn with_gestures(mut self, gestures: Vec<Gesture>) -> Self {
        self.gestures = gestures;
        self
    }

    /// Answering threats and gestures in kind.
    pub fn reciprocating(mut self, reciprocates: bool) -> Self {
        self.reciprocates = reciprocates;
        self
    }

    /// The side it plays.
    pub fn side(&self) -> Side {
        self.side
    }

    /// Whether it answers threats and gestures in kind.
    pub fn reciprocates(&self) -> bool {
        self.reciprocates
    }

    /// How it values packages beyond its side's objectives.
    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// What the agent would do at `state` if it were to end its turn now: its next bid, and whether it accepts the
    /// offer on the table instead. Calling it does not change the agent.
    pub fn decide(&self, scenario: &Scenario, state: &GameState) -> Decision {
        let mut ctx = Context::new(scenario, state, self.side, &self.preferences);
        if self.reciprocates
            && let Some(seen) = &self.seen
        {
            let hostile = tactics::read(self.side, seen, state).hostile;
            ctx.retaliation = RETALIATION_PER_ACT * f64::from(hostile);
        }
        let mut model = self.model(&ctx.valuation);
        model.observe(&ctx.offers_from(self.side.other()));
        let bid = self.bidding.bid(&ctx, model.as_ref());
        let offered = state.offer_to(self.side).map(|o| ctx.utility(&o.package));
        let accept = offered.is_some_and(|u| self.acceptance.accepts(&ctx, u, &bid));
        let threshold = self.acceptance.threshold(&ctx, &bid);
        let opponent_weights = model.issue_weights().to_vec();
        let grounds = reasons::Grounds {
            bid: &bid,
            offered,
            accept,
            threshold,
            opponent_weights: &opponent_weights,
        };
        let reasons = reasons::explain(&ctx, &self.preferences, &grounds);
        Decision {
            bid,
            offered,
            accept,
            reserve: ctx.reserve,
            opponent_weights,
            threshold,
            reasons,
        }
    }

    fn model(&self, valuation: &Valuation) -> Box<dyn OpponentModel> {
        match self.prior {
            ModelPrior::Uninformed => Box::new(FrequencyModel::uninformed(
                valuation.valuer().space(),
                self.side.other(),
            )),
            ModelPrior::PublicObjectives => Box::new(FrequencyModel::from_public_objectives(valuation)),
        }
    }

    /// Whether the other side's latest offer is worth less to this agent than its offer before.
    fn opponent_retracted(&self, scenario: &Scenario, state: &GameState) -> bool {
        let theirs: Vec<_> = state
            .offers
            .iter()
            .filter(|r| r.offer.from == self.side.other())
            .map(|r| &r.offer.package)
            .collect();
        let [.., before, latest] = theirs.as_slice() else {
            return false;
        };
        let valuation = Valuation::new(scenario, state, self.side, &self.preferences);
        valuation.utility(latest) + EPSILON < valuation.utility(before)
    }
}

impl Negotiator for Agent {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn reasons(&self) -> Vec<String> {
        self.reasons.clone()
    }

    fn next_move(&mut self, scenario: &Scenario, state: &GameState) -> Move {
        let turn = state.round;
        if state.actions_this_turn == 0 && self.turn.as_ref().is_none_or(|(round, _)| *round != turn) {
            let answer = if self.reciprocates {
                self.seen.as_ref().map(|seen| tactics::read(self.side, seen, state))
            } else {
                None
            };
            let retracted = self.reciprocates && self.opponent_retracted(scenario, state);
            let calendar = tactics::calendar(&self.gestures, turn);
            let actions = tactics::plan(scenario, state, &self.gestures, answer, retracted)
                .into_iter()
                .map(|action| {
                    let why = match tactics::counter_tariff_reason(scenario, state, &action) {
                        Some(why) => vec![why],
                        None => reasons::explain_tactic(&action, turn, &calendar, answer, retracted),
                    };
                    (action, why)
                })
                .collect();
            self.turn = Some((turn, actions));
        }
        if let Some((_, actions)) = &self.turn
            && let Some((action, why)) = actions.get(state.actions_this_turn as usize)
        {
            self.reasons.clone_from(why);
            return action.clone();
        }
        let decision = self.decide(scenario, state);
        self.seen = Some(Observation::of(state));
        self.reasons = decision.reasons;
        if decision.accept {
            Move::Accept
        } else {
            Move::Propose(decision.bid.package)
        }
    }
}
