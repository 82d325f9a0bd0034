//! The state of a game and what is recorded as it goes: the policies in force, the calendar of tariffs and
//! threats, approvals, offers, the outcome, one record per month, the news and the moves played. It changes only
//! through `negotiation::apply`; `available` says what a side may do next.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::economy::{self, Conditions, Economy, Policy, starting_additional};
use crate::model::politics::{self, Approvals};
use crate::rules::moves::{
    self, Available, InstrumentMoves, LeverMoves, MAX_ACTIONS_PER_TURN, Move, TradeAgreementMoves,
};
use crate::rules::package::Package;
use crate::rules::retaliation::{self, CounterTariffState};
use crate::scenario::schema::{PerSide, Scenario, Side};

/// A package put on the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// Who proposed it.
    pub from: Side,
    /// In which round.
    pub round: u32,
    /// The terms.
    pub package: Package,
}

/// What became of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OfferFate {
    /// Still on the table.
    Pending,
    /// Accepted: the deal.
    Accepted,
    /// Rejected without a counter-offer.
    Rejected,
    /// Answered with a counter-offer.
    Countered,
    /// Left unanswered when the talks ended.
    Lapsed,
}

/// An offer and its fate, for the history of offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferRecord {
    /// The offer.
    pub offer: Offer,
    /// What became of it.
    pub fate: OfferFate,
}

/// A tariff rise announced for a later round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduledTariff {
    /// Index of the instrument.
    pub instrument: usize,
    /// The rate it rises to.
    pub rate: f64,
    /// The round it takes effect in.
    pub round: u32,
    /// For a deal's cut that is back-dated, the round it applies from: the duties paid above the new rate since then
    /// are refunded when it takes effect (`rules::back_dating`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_dated_from: Option<u32>,
}

/// A tariff threatened without a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Threat {
    /// Index of the instrument.
    pub instrument: usize,
    /// The threatened rate.
    pub rate: f64,
}

/// How a game ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// A package was signed.
    Deal,
    /// The deadline passed, or a side walked away.
    NoDeal,
    /// The USJTA was terminated or a government fell.
    Collapse,
}

impl OutcomeKind {
    /// How the outcome reads on screen and in transcripts.
    pub fn label(self) -> &'static str {
        match self {
            OutcomeKind::Deal => "deal",
            OutcomeKind::NoDeal => "no deal",
            OutcomeKind::Collapse => "collapse",
        }
    }
}

/// The end of a game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// How it ended.
    pub kind: OutcomeKind,
    /// In which round.
    pub round: u32,
    /// Why, in a sentence.
    pub reason: String,
    /// The package signed, for a deal.
    pub package: Option<Package>,
}

/// Everything recorded at the end of a round (round 0: the position before any move).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    /// The round.
    pub round: u32,
    /// Its month, `YYYY-MM`.
    pub month: String,
    /// The economy that month.
    pub economy: Economy,
    /// The policies in force at the end of the round.
    pub policy: Policy,
    /// Constituency approvals.
    pub approvals: Approvals,
    /// Each side's overall approval (0–100).
    pub approval: PerSide<f64>,
    /// This month's chance that the Diet suspends the USJTA.
    pub trade_agreement_hazard: f64,
}

/// What kind of thing happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    /// A unilateral action.
    Action(Side),
    /// A package put on the table.
    Offered(Side),
    /// A package accepted.
    Accepted(Side),
    /// An offer rejected without a counter.
    Rejected(Side),
    /// A side passed with nothing to answer.
    Passed(Side),
    /// A side walked away.
    WalkedAway(Side),
    /// A scheduled tariff took effect.
    TariffTookEffect,
    /// An election was held; `held` says whether the government kept its ground.
    Election {
        /// Whose election.
        side: Side,
        /// Whether approval was above the threshold.
        held: bool,
    },
    /// A random event fired.
    Random(String),
    /// A class inject fired.
    Inject(String),
    /// One of the partner's counter-tariffs changed without a move: an announced rate took effect, a suspension
    /// lapsed, or a deal suspended it.
    CounterTariff,
    /// The USJTA was suspended.
    TradeAgreementSuspended,
    /// The USJTA was restored.
    TradeAgreementRestored,
    /// The USJTA was terminated.
    TradeAgreementTerminated,
    /// A government fell.
    GovernmentFell(Side),
    /// A round ended.
    RoundEnded,
    /// The game ended.
    GameOver(OutcomeKind),
}

/// Something that happened, with its headline for the news feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The round it happened in.
    pub round: u32,
    /// What kind of thing.
    pub kind: EventKind,
    /// The headline.
    pub text: String,
}

/// The whole state of a game. It changes only through [`apply`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameState {
    /// The seed of the random events.
    pub seed: u64,
    /// The round being played (past the last round once the game is over).
    pub round: u32,
    /// Whose turn it is.
    pub to_move: Side,
    /// Unilateral actions taken in this turn.
    pub actions_this_turn: u32,
    /// The policies in force.
    pub policy: Policy,
    /// Exchange rate, shocks, uncertainty and ages.
    pub conditions: Conditions,
    /// Tariff rises announced for later rounds.
    pub scheduled: Vec<ScheduledTariff>,
    /// Open threats.
    pub threats: Vec<Threat>,
    /// Constituency approvals now.
    pub approvals: Approvals,
    /// Lasting approval shocks from events.
    pub shocks: Approvals,
    /// Consecutive months with the auto tariff above the USJTA threshold.
    pub trade_agreement_pressure_months: u32,
    /// Months the USJTA has been suspended with the auto tariff above the threshold.
    pub trade_agreement_suspended_months: u32,
    /// The offer on the table.
    pub offer: Option<Offer>,
    /// Every offer made, with its fate.
    pub offers: Vec<OfferRecord>,
    /// How the game ended, once it has.
    pub outcome: Option<Outcome>,
    /// One record per round played, starting with round 0. Shared, so cloning a state copies no records.
    #[serde(with = "shared_list")]
    pub history: Vec<Arc<RoundRecord>>,
    /// Everything that happened, in order. Shared, like the records.
    #[serde(with = "shared_list")]
    pub news: Vec<Arc<Event>>,
    /// Every move accepted, in order: replaying them on the same scenario and seed gives this state again.
    #[serde(with = "shared_list", default)]
    pub moves: Vec<Arc<PlayedMove>>,
    /// The class injects switched on for this game, by id (see `Scenario::injects`).
    #[serde(default)]
    pub injects: Vec<String>,
    /// Injects a teacher fired during the game, each at the end of the round it was fired in.
    #[serde(default)]
    pub fired_injects: Vec<FiredInject>,
    /// Where each of the partner's counter-tariffs stands, in scenario order (`rules::retaliation`); empty in a
    /// game saved before them, which reads as the scenario starts them.
    #[serde(default)]
    pub counter_tariffs: Vec<CounterTariffState>,
}

/// An inject a teacher fired at a table during the game: it takes effect at the end of `round`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiredInject {
    /// The round it fires at the end of.
    pub round: u32,
    /// The inject's id (see `Scenario::injects`).
    pub id: String,
}

/// Why a teacher's inject was not fired at a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InjectError {
    /// The game at the table has ended.
    #[error("the game is over")]
    GameOver,
    /// The scenario has no inject of this id.
    #[error("the scenario has no inject \"{id}\" (it has: {known})")]
    Unknown {
        /// The id asked for.
        id: String,
        /// The scenario's injects, for the message.
        known: String,
    },
    /// The inject is already on at the table (switched on by the class, or fired before).
    #[error("\"{id}\" is already on at this table")]
    AlreadyOn {
        /// The inject.
        id: String,
    },
}

/// A move as it was played.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlayedMove {
    /// The round it was played in.
    pub round: u32,
    /// Who played it.
    pub side: Side,
    /// The move.
    pub mv: Move,
    /// Why a computer player made it, in plain sentences; empty for a person's move (and in records written before
    /// players explained themselves).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

/// A move's result: the next state and what happened.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The state after the move.
    pub state: GameState,
    /// What happened, in order.
    pub events: Vec<Event>,
}

impl GameState {
    /// A new game at round 1, the US to move, with the scenario's calendar of tariffs.
    pub fn new(scenario: &Scenario, seed: u64) -> GameState {
        GameState::with_injects(scenario, seed, Vec::new())
    }

    /// A new game with the given class injects switched on (ids of `scenario.injects`; others are ignored).
    pub fn with_injects(scenario: &Scenario, seed: u64, injects: Vec<String>) -> GameState {
        let policy = Policy::initial(scenario);
        let conditions = Conditions::initial(scenario);
        let start = starting_additional(scenario);
        let economy = economy::evaluate(scenario, &start, &policy, &conditions);
        let approvals = politics::initial_approvals(scenario);
        let scheduled = scenario
            .scheduled_events
            .iter()
            .filter_map(|ev| match &ev.kind {
                crate::scenario::schema::ScheduledKind::TariffTakesEffect { instrument, rate } => {
                    Some(ScheduledTariff {
                        instrument: scenario.instrument_index(instrument)?,
                        rate: *rate,
                        round: ev.round,
                        back_dated_from: None,
                    })
                }
                _ => None,
            })
            .collect();
        let record = RoundRecord {
            round: 0,
            month: scenario.month_of_round(0),
            approval: PerSide::new(
                politics::overall(scenario, Side::Us, &approvals.us),
                politics::overall(scenario, Side::Partner, &approvals.partner),
            ),
            economy,
            policy: policy.clone(),
            approvals: approvals.clone(),
            trade_agreement_hazard: 0.0,
        };
        let mut state = GameState {
            seed,
            round: 1,
            to_move: Side::Us,
            actions_this_turn: 0,
            policy,
            conditions,
            scheduled,
            threats: Vec::new(),
            shocks: politics::zero_approvals(scenario),
            approvals,
            trade_agreement_pressure_months: 0,
            trade_agreement_suspended_months: 0,
            offer: None,
            offers: Vec::new(),
            outcome: None,
            history: vec![Arc::new(record)],
            news: Vec::new(),
            moves: Vec::new(),
            injects: injects
                .into_iter()
                .filter(|id| scenario.injects.iter().any(|i| &i.id == id))
                .collect(),
            fired_injects: Vec::new(),
            counter_tariffs: retaliation::initial(scenario),
        };
        state.conditions.uncertainty = state.uncertainty(scenario);
        state
    }

    /// Fires one of the scenario's injects now, on a teacher's word: it takes effect at the end of this round, and
    /// a replay of the game's record fires it there again. Refused when the game is over, when the scenario has no
    /// such inject, or when it is already on for this game.
    pub fn fire_inject(&mut self, scenario: &Scenario, id: &str) -> Result<(), InjectError> {
        if self.is_over() {
            return Err(InjectError::GameOver);
        }
        if !scenario.injects.iter().any(|i| i.id == id) {
            let known: Vec<&str> = scenario.injects.iter().map(|i| i.id.as_str()).collect();
            return Err(InjectError::Unknown {
                id: id.to_string(),
                known: known.join(", "),
            });
        }
        if self.injects.iter().any(|i| i == id) || self.fired_injects.iter().any(|f| f.id == id) {
            return Err(InjectError::AlreadyOn { id: id.to_string() });
        }
        self.fired_injects.push(FiredInject {
            round: self.round,
            id: id.to_string(),
        });
        Ok(())
    }

    /// Whether the game has ended.
    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }

    /// The economy before any move.
    pub fn start_economy(&self) -> &Economy {
        &self.history[0].economy
    }

    /// The latest round record.
    pub fn latest(&self) -> &RoundRecord {
        self.history.last().expect("a game always has its round-0 record")
    }

    /// The offer on the table from the other side of `side`, if any.
    pub fn offer_to(&self, side: Side) -> Option<&Offer> {
        self.offer.as_ref().filter(|o| o.from != side)
    }

    /// What `side` may do now besides proposing, accepting, passing and walking away: the rules `apply` checks,
    /// as lists the game builds its controls from.
    pub fn available(&self, scenario: &Scenario, side: Side) -> Available {
        let actions_left = MAX_ACTIONS_PER_TURN.saturating_sub(self.actions_this_turn);
        let can_act = !self.is_over() && self.to_move == side && actions_left > 0;
        let instruments = if side == Side::Us {
            (0..scenario.us_instruments.len())
                .map(|i| {
                    let options = &scenario.us_instruments[i].options;
                    let rounds = moves::schedulable_rounds(scenario, self.round);
                    let pending = self.scheduled.iter().any(|s| s.instrument == i)
                        || self.threats.iter().any(|t| t.instrument == i);
                    InstrumentMoves {
                        instrument: i,
                        set_rates: options
                            .iter()
                            .copied()
                            .filter(|&rate| rate != self.policy.us_rates[i])
                            .collect(),
                        threat_rates: moves::threat_rates(scenario, &self.policy, i),
                        schedule_rates: if rounds.is_empty() { Vec::new() } else { options.clone() },
                        schedule_rounds: rounds,
                        delay_months: pending.then(|| moves::delay_months(scenario)),
                        quota_ceiling_bn: moves::covered_imports_bn(scenario, i),
                        exemptable: moves::covered_sectors(scenario, i),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let levers = if side == Side::Partner {
            (0..scenario.partner_levers.len())
                .map(|k| LeverMoves {
                    lever: k,
                    levels: scenario.partner_levers[k]
                        .options
                        .iter()
                        .copied()
                        .filter(|&level| level != self.policy.concessions[k])
                        .collect(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let counter_tariffs = if side == Side::Partner {
            let mut states = self.counter_tariffs.clone();
            let mut policy = self.policy.clone();
            retaliation::ensure(scenario, &mut states, &mut policy);
            retaliation::available(scenario, &states, self.round)
        } else {
            Vec::new()
        };
        Available {
            side,
            can_act,
            actions_left,
            instruments,
            levers,
            counter_tariffs,
            trade_agreement: TradeAgreementMoves::of(scenario, self.policy.trade_agreement),
            can_accept: self.offer_to(side).is_some(),
        }
    }

    /// The round's share of the negotiation time, 0 at round 1 and 1 at the last round.
    pub fn time_share(&self, scenario: &Scenario) -> f64 {
        if scenario.rounds <= 1 {
            return 1.0;
        }
        (self.round.saturating_sub(1) as f64 / (scenario.rounds - 1) as f64).clamp(0.0, 1.0)
    }

    /// Keeps why the last move was made with it (a computer player's reasons); nothing happens before any move.
    pub fn explain_last_move(&mut self, reasons: Vec<String>) {
        if reasons.is_empty() {
            return;
        }
        if let Some(last) = self.moves.last_mut() {
            Arc::make_mut(last).reasons = reasons;
        }
    }
}

impl GameState {
    /// Uncertainty, 0–1: nothing once a deal is signed; before, the scenario's unsettled level plus the threats and
    /// announced rises still open (`economy::uncertainty`).
    pub fn uncertainty(&self, scenario: &Scenario) -> f64 {
        if matches!(&self.outcome, Some(o) if o.kind == OutcomeKind::Deal) {
            return 0.0;
        }
        let pending: Vec<(usize, f64)> = self
            .scheduled
            .iter()
            .map(|s| (s.instrument, s.rate))
            .chain(self.threats.iter().map(|t| (t.instrument, t.rate)))
            .collect();
        economy::uncertainty(
            scenario,
            &self.policy,
            &pending,
            scenario.investment.unsettled_uncertainty,
        )
    }
}

/// Serialises a list of shared items as a plain list (serde's own `Arc` support would change the features of a
/// crate the whole Bevy build depends on).
mod shared_list {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(items: &[Arc<T>], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(items.iter().map(|item| &**item))
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Arc<T>>, D::Error> {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().map(Arc::new).collect())
    }
}
