//! The negotiation as a state machine: `apply(scenario, state, move)` checks a move, returns the next state and
//! what happened, and runs the end of each round (tariffs take effect, events fire, the economy and politics
//! update, end conditions are checked). Nothing else changes a game's state.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::economy::{self, Conditions, Economy, Policy, UsjtaStatus};
use super::events;
use super::moves::{self, Available, InstrumentMoves, LeverMoves, MAX_ACTIONS_PER_TURN, Move, MoveError, UsjtaMoves};
use super::package::{Package, PackageSpace};
use super::politics::{self, Approvals, Readings};
use super::scenario::{ConcessionEffect, Scenario, Side};

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
    /// US overall approval.
    pub us_approval: f64,
    /// Japan's overall approval.
    pub japan_approval: f64,
    /// This month's chance that the Diet suspends the USJTA.
    pub usjta_hazard: f64,
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
    /// The USJTA was suspended.
    UsjtaSuspended,
    /// The USJTA was restored.
    UsjtaRestored,
    /// The USJTA was terminated.
    UsjtaTerminated,
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
    pub usjta_pressure_months: u32,
    /// Months the USJTA has been suspended with the auto tariff above the threshold.
    pub usjta_suspended_months: u32,
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
        let policy = Policy::initial(scenario);
        let conditions = Conditions::initial(scenario);
        let start = starting_additional(scenario);
        let economy = economy::evaluate(scenario, &start, &policy, &conditions);
        let approvals = Approvals::initial(scenario);
        let scheduled = scenario
            .scheduled_events
            .iter()
            .filter_map(|ev| match &ev.kind {
                super::scenario::ScheduledKind::TariffTakesEffect { instrument, rate } => Some(ScheduledTariff {
                    instrument: scenario.instrument_index(instrument)?,
                    rate: *rate,
                    round: ev.round,
                }),
                _ => None,
            })
            .collect();
        let record = RoundRecord {
            round: 0,
            month: scenario.month_of_round(0),
            us_approval: politics::overall(scenario, Side::Us, &approvals.us),
            japan_approval: politics::overall(scenario, Side::Japan, &approvals.japan),
            economy,
            policy: policy.clone(),
            approvals: approvals.clone(),
            usjta_hazard: 0.0,
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
            shocks: Approvals::zero(scenario),
            approvals,
            usjta_pressure_months: 0,
            usjta_suspended_months: 0,
            offer: None,
            offers: Vec::new(),
            outcome: None,
            history: vec![Arc::new(record)],
            news: Vec::new(),
            moves: Vec::new(),
        };
        state.conditions.uncertainty = uncertainty(scenario, &state);
        state
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
        let levers = if side == Side::Japan {
            (0..scenario.japan_levers.len())
                .map(|k| LeverMoves {
                    lever: k,
                    levels: scenario.japan_levers[k]
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
        Available {
            side,
            can_act,
            actions_left,
            instruments,
            levers,
            usjta: UsjtaMoves::of(self.policy.usjta),
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
}

/// The additional US tariff on each sector at the start (the rates at which the scenario's flows were measured).
pub fn starting_additional(scenario: &Scenario) -> Vec<f64> {
    economy::us_additional_rates(scenario, &Policy::initial(scenario))
}

/// Applies a move by the side whose turn it is; the state is left as it was if the move is refused.
pub fn apply(scenario: &Scenario, state: &GameState, mv: &Move) -> Result<Applied, MoveError> {
    if state.is_over() {
        return Err(MoveError::GameOver);
    }
    let side = state.to_move;
    if let Some(owner) = mv.only_for()
        && owner != side
    {
        return Err(MoveError::WrongSide(owner));
    }
    if !mv.ends_turn() && state.actions_this_turn >= MAX_ACTIONS_PER_TURN {
        return Err(MoveError::TooManyActions);
    }
    let mut next = state.clone();
    let mut events = Vec::new();
    let round = state.round;
    let say = |events: &mut Vec<Event>, kind: EventKind, text: String| {
        events.push(Event { round, kind, text });
    };
    match mv {
        Move::SetTariff { instrument, rate } => {
            let i = instrument_option(scenario, instrument, *rate)?;
            next.policy.us_rates[i] = *rate;
            next.threats.retain(|t| t.instrument != i || t.rate > *rate);
            // An announced rate at or below the one set now would lower it when it fell due: it is superseded.
            next.scheduled.retain(|s| s.instrument != i || s.rate > *rate);
            let name = &scenario.us_instruments[i].name;
            say(
                &mut events,
                EventKind::Action(side),
                format!("US sets {name} at {}%", percent(*rate)),
            );
        }
        Move::ScheduleTariff {
            instrument,
            rate,
            round: when,
        } => {
            let i = instrument_option(scenario, instrument, *rate)?;
            if !moves::schedulable_rounds(scenario, round).contains(when) {
                return Err(MoveError::BadRound {
                    round: *when,
                    last: scenario.rounds,
                });
            }
            next.scheduled.retain(|s| s.instrument != i);
            next.scheduled.push(ScheduledTariff {
                instrument: i,
                rate: *rate,
                round: *when,
            });
            let name = &scenario.us_instruments[i].name;
            say(
                &mut events,
                EventKind::Action(side),
                format!(
                    "US announces {name} at {}% from {}",
                    percent(*rate),
                    scenario.month_of_round(*when)
                ),
            );
        }
        Move::Threaten { instrument, rate } => {
            let i = instrument_option(scenario, instrument, *rate)?;
            if !moves::threat_rates(scenario, &next.policy, i).contains(rate) {
                return Err(MoveError::OutOfRange(format!(
                    "a threat must be above the rate in force ({}%)",
                    percent(next.policy.us_rates[i])
                )));
            }
            next.threats.retain(|t| t.instrument != i);
            next.threats.push(Threat {
                instrument: i,
                rate: *rate,
            });
            let name = &scenario.us_instruments[i].name;
            say(
                &mut events,
                EventKind::Action(side),
                format!("US threatens {name} at {}%", percent(*rate)),
            );
        }
        Move::Delay { instrument, months } => {
            let i = find_instrument(scenario, instrument)?;
            if !moves::delay_months(scenario).contains(months) {
                return Err(MoveError::OutOfRange(format!(
                    "a delay is 1 to {} months, not {months}",
                    scenario.rounds
                )));
            }
            if !next.scheduled.iter().any(|s| s.instrument == i) && !next.threats.iter().any(|t| t.instrument == i) {
                return Err(MoveError::OutOfRange(format!(
                    "nothing is scheduled or threatened under \"{instrument}\""
                )));
            }
            for s in next.scheduled.iter_mut().filter(|s| s.instrument == i) {
                s.round += months;
            }
            next.threats.retain(|t| t.instrument != i);
            let name = &scenario.us_instruments[i].name;
            say(
                &mut events,
                EventKind::Action(side),
                format!("US delays {name} by {months} month(s)"),
            );
        }
        Move::SetQuota { instrument, quota_bn } => {
            let i = find_instrument(scenario, instrument)?;
            let covered = moves::covered_imports_bn(scenario, i);
            if !quota_bn.is_finite() || *quota_bn < 0.0 || *quota_bn > covered {
                return Err(MoveError::OutOfRange(format!(
                    "a quota is from 0 to the covered imports (${covered:.1}bn a year), not {quota_bn}"
                )));
            }
            next.policy.us_quotas_bn[i] = *quota_bn;
            let name = &scenario.us_instruments[i].name;
            say(
                &mut events,
                EventKind::Action(side),
                format!("US opens a ${quota_bn:.1}bn tariff-free quota under {name}"),
            );
        }
        Move::Exempt {
            instrument,
            sector,
            exempt,
        } => {
            let i = find_instrument(scenario, instrument)?;
            let k = scenario.sector_index(sector).ok_or_else(|| MoveError::Unknown {
                what: "sector",
                id: sector.clone(),
            })?;
            if !moves::covered_sectors(scenario, i).contains(&k) {
                return Err(MoveError::OutOfRange(format!(
                    "\"{instrument}\" does not cover \"{sector}\""
                )));
            }
            let list = &mut next.policy.us_exemptions[i];
            list.retain(|&s| s != k);
            if *exempt {
                list.push(k);
                list.sort_unstable();
            }
            let (what, name) = (&scenario.sectors[k].name, &scenario.us_instruments[i].name);
            let text = if *exempt {
                format!("US exempts {what} from {name}")
            } else {
                format!("US ends the exemption of {what} from {name}")
            };
            say(&mut events, EventKind::Action(side), text);
        }
        Move::Implement { lever, level } => {
            let k = scenario.lever_index(lever).ok_or_else(|| MoveError::Unknown {
                what: "lever",
                id: lever.clone(),
            })?;
            let options = &scenario.japan_levers[k].options;
            if !options.contains(level) {
                return Err(MoveError::NotAnOption {
                    id: lever.clone(),
                    value: *level,
                    options: options.clone(),
                });
            }
            next.policy.concessions[k] = *level;
            let l = &scenario.japan_levers[k];
            say(
                &mut events,
                EventKind::Action(side),
                format!("Japan puts into force: {} ({})", l.name, level_text(l, *level)),
            );
        }
        Move::SuspendUsjta => {
            if !UsjtaMoves::of(next.policy.usjta).suspend {
                return Err(MoveError::Usjta("the USJTA is not in force"));
            }
            next.policy.usjta = UsjtaStatus::Suspended;
            say(
                &mut events,
                EventKind::UsjtaSuspended,
                format!("{} suspends the US–Japan Trade Agreement", side.subject()),
            );
        }
        Move::RestoreUsjta => {
            if !UsjtaMoves::of(next.policy.usjta).restore {
                return Err(MoveError::Usjta("the USJTA is not suspended"));
            }
            next.policy.usjta = UsjtaStatus::InForce;
            next.usjta_suspended_months = 0;
            say(
                &mut events,
                EventKind::UsjtaRestored,
                format!("{} restores the US–Japan Trade Agreement", side.subject()),
            );
        }
        Move::TerminateUsjta => {
            if !UsjtaMoves::of(next.policy.usjta).terminate {
                return Err(MoveError::Usjta("the USJTA is already terminated"));
            }
            next.policy.usjta = UsjtaStatus::Terminated;
            say(
                &mut events,
                EventKind::UsjtaTerminated,
                format!("{} terminates the US–Japan Trade Agreement", side.subject()),
            );
            lapse_offer(&mut next);
            end_game(
                &mut next,
                &mut events,
                OutcomeKind::Collapse,
                format!("{} terminated the USJTA", side.with_article()),
                None,
            );
        }
        Move::Propose(package) => {
            let space = PackageSpace::of(scenario);
            if !space.contains(package) {
                return Err(MoveError::MalformedPackage);
            }
            if next.offer_to(side).is_some() {
                set_fate(&mut next, OfferFate::Countered);
            }
            let offer = Offer {
                from: side,
                round,
                package: package.clone(),
            };
            next.offer = Some(offer.clone());
            next.offers.push(OfferRecord {
                offer,
                fate: OfferFate::Pending,
            });
            say(
                &mut events,
                EventKind::Offered(side),
                format!("{} puts a package on the table", side.subject()),
            );
        }
        Move::Accept => {
            let offer = next.offer_to(side).cloned().ok_or(MoveError::NothingToAccept)?;
            set_fate(&mut next, OfferFate::Accepted);
            next.offer = None;
            sign(scenario, &mut next, &offer.package, round);
            say(
                &mut events,
                EventKind::Accepted(side),
                format!("{} accepts: the deal is signed", side.subject()),
            );
            end_game(
                &mut next,
                &mut events,
                OutcomeKind::Deal,
                format!(
                    "{} accepted the offer of {}",
                    side.with_article(),
                    offer.from.with_article()
                ),
                Some(offer.package),
            );
        }
        Move::Pass => {
            if next.offer_to(side).is_some() {
                set_fate(&mut next, OfferFate::Rejected);
                next.offer = None;
                say(
                    &mut events,
                    EventKind::Rejected(side),
                    format!("{} rejects the package on the table", side.subject()),
                );
            } else {
                say(
                    &mut events,
                    EventKind::Passed(side),
                    format!("{} makes no offer", side.subject()),
                );
            }
        }
        Move::WalkAway => {
            lapse_offer(&mut next);
            say(
                &mut events,
                EventKind::WalkedAway(side),
                format!("{} walks away from the table", side.subject()),
            );
            end_game(
                &mut next,
                &mut events,
                OutcomeKind::NoDeal,
                format!("{} walked away", side.with_article()),
                None,
            );
        }
    }

    if next.is_over() {
        // The rest of this round is skipped.
        end_round(scenario, &mut next, &mut events);
    } else if mv.ends_turn() {
        match side {
            Side::Us => {
                next.to_move = Side::Japan;
                next.actions_this_turn = 0;
            }
            Side::Japan => end_round(scenario, &mut next, &mut events),
        }
    } else {
        next.actions_this_turn += 1;
    }
    if next.is_over() {
        // The rest of the horizon plays out with no more moves, so every game is scored over the same months.
        while next.round <= scenario.rounds {
            end_round(scenario, &mut next, &mut events);
        }
    }
    next.conditions.uncertainty = uncertainty(scenario, &next);
    next.news.extend(events.iter().cloned().map(Arc::new));
    next.moves.push(Arc::new(PlayedMove {
        round,
        side,
        mv: mv.clone(),
    }));
    Ok(Applied { state: next, events })
}

fn find_instrument(scenario: &Scenario, id: &str) -> Result<usize, MoveError> {
    scenario.instrument_index(id).ok_or_else(|| MoveError::Unknown {
        what: "instrument",
        id: id.to_string(),
    })
}

fn instrument_option(scenario: &Scenario, id: &str, rate: f64) -> Result<usize, MoveError> {
    let i = find_instrument(scenario, id)?;
    let options = &scenario.us_instruments[i].options;
    if !options.contains(&rate) {
        return Err(MoveError::NotAnOption {
            id: id.to_string(),
            value: rate,
            options: options.clone(),
        });
    }
    Ok(i)
}

fn set_fate(state: &mut GameState, fate: OfferFate) {
    if let Some(last) = state.offers.iter_mut().rev().find(|r| r.fate == OfferFate::Pending) {
        last.fate = fate;
    }
}

fn lapse_offer(state: &mut GameState) {
    if state.offer.take().is_some() {
        set_fate(state, OfferFate::Lapsed);
    }
}

/// Puts a signed package into force: its concessions at once, each new tariff rate when the order implementing it
/// takes effect (`deal_lag_rounds` after signing), threats and earlier schedules settled, the USJTA restored.
fn sign(scenario: &Scenario, state: &mut GameState, package: &Package, round: u32) {
    let space = PackageSpace::of(scenario);
    let agreed = space.apply_to(package, &state.policy);
    state.scheduled.clear();
    state.threats.clear();
    let mut policy = agreed.clone();
    for (i, instrument) in scenario.us_instruments.iter().enumerate() {
        if instrument.deal_lag_rounds > 0 && agreed.us_rates[i] != state.policy.us_rates[i] {
            policy.us_rates[i] = state.policy.us_rates[i];
            policy.us_quotas_bn[i] = state.policy.us_quotas_bn[i];
            state.scheduled.push(ScheduledTariff {
                instrument: i,
                rate: agreed.us_rates[i],
                round: round + instrument.deal_lag_rounds,
            });
        }
    }
    state.policy = policy;
    if state.policy.usjta == UsjtaStatus::Suspended {
        state.policy.usjta = UsjtaStatus::InForce;
        state.usjta_suspended_months = 0;
    }
}

fn end_game(
    state: &mut GameState,
    events: &mut Vec<Event>,
    kind: OutcomeKind,
    reason: String,
    package: Option<Package>,
) {
    if state.outcome.is_some() {
        return;
    }
    events.push(Event {
        round: state.round,
        kind: EventKind::GameOver(kind),
        text: format!("Talks end: {reason}"),
    });
    state.outcome = Some(Outcome {
        kind,
        round: state.round,
        reason,
        package,
    });
}

/// Uncertainty, 0–1: while no deal settles the rates, the scenario's unsettled level plus the trade-weighted
/// threatened tariff above the rates in force as a share of the level that makes uncertainty total.
fn uncertainty(scenario: &Scenario, state: &GameState) -> f64 {
    if matches!(&state.outcome, Some(o) if o.kind == OutcomeKind::Deal) {
        return 0.0;
    }
    threat_uncertainty(scenario, state, scenario.investment.unsettled_uncertainty)
}

/// `base` plus the uncertainty of the threats and schedules still open, capped at 1.
pub fn threat_uncertainty(scenario: &Scenario, state: &GameState, base: f64) -> f64 {
    let total: f64 = scenario.sectors.iter().map(|s| s.us_imports_bn).sum();
    if total <= 0.0 {
        return base.min(1.0);
    }
    let mut points = 0.0;
    for (i, ins) in scenario.us_instruments.iter().enumerate() {
        let threatened = state
            .scheduled
            .iter()
            .filter(|s| s.instrument == i)
            .map(|s| s.rate)
            .chain(state.threats.iter().filter(|t| t.instrument == i).map(|t| t.rate))
            .fold(0.0_f64, f64::max);
        let gap = threatened - state.policy.us_rates[i];
        if gap > 0.0 {
            let covered: f64 = scenario
                .sectors
                .iter()
                .filter(|s| ins.sectors.is_empty() || ins.sectors.contains(&s.id))
                .map(|s| s.us_imports_bn)
                .sum();
            points += gap * 100.0 * covered / total;
        }
    }
    (base + points / scenario.investment.full_uncertainty_points).min(1.0)
}

/// Closes the current round: tariffs take effect, events fire, the economy and politics move, and the USJTA and
/// both governments are put to the test.
fn end_round(scenario: &Scenario, state: &mut GameState, events: &mut Vec<Event>) {
    let round = state.round;
    let mut rng = events::round_rng(state.seed, round);

    // Announced tariffs that fall due.
    let (due, later): (Vec<_>, Vec<_>) = state.scheduled.drain(..).partition(|s| s.round <= round);
    state.scheduled = later;
    for s in due {
        state.policy.us_rates[s.instrument] = s.rate;
        state
            .threats
            .retain(|t| t.instrument != s.instrument || t.rate > s.rate);
        let name = &scenario.us_instruments[s.instrument].name;
        events.push(Event {
            round,
            kind: EventKind::TariffTookEffect,
            text: format!("{name} at {}% takes effect", percent(s.rate)),
        });
    }

    events::fire_random_events(scenario, state, &mut rng, events);

    // A month on: what changed this month (tariffs due, events, last month's USJTA vote) starts at age 0.
    state.conditions.advance(scenario, &state.policy);
    state.conditions.uncertainty = uncertainty(scenario, state);

    let start = starting_additional(scenario);
    let economy = economy::evaluate(scenario, &start, &state.policy, &state.conditions);
    let deal_signed = matches!(&state.outcome, Some(o) if o.kind == OutcomeKind::Deal);
    let readings = Readings {
        economy: &economy,
        start: state.start_economy(),
        policy: &state.policy,
        deal_signed,
        us_approval: 0.0,
        japan_approval: 0.0,
    };
    let stepped: Vec<(Side, Vec<f64>)> = Side::BOTH
        .into_iter()
        .map(|side| {
            let targets = politics::approval_targets(scenario, side, state.shocks.side(side), &readings);
            (
                side,
                politics::step_approvals(scenario, side, state.approvals.side(side), &targets),
            )
        })
        .collect();
    for (side, approvals) in stepped {
        *state.approvals.side_mut(side) = approvals;
    }

    events::hold_elections(scenario, state, events);

    let mut us_approval = politics::overall(scenario, Side::Us, &state.approvals.us);
    let mut japan_approval = politics::overall(scenario, Side::Japan, &state.approvals.japan);

    // The USJTA: pressure from the auto tariff and a weak cabinet.
    let rules = &scenario.usjta;
    let above = politics::auto_tariff_above_line(scenario, economy.auto_tariff_total);
    let hazard = politics::usjta_hazard(scenario, economy.auto_tariff_total, japan_approval);
    let draw: f64 = rand::RngExt::random(&mut rng);
    match state.policy.usjta {
        // A government that has just signed a deal does not walk out of the agreement the deal keeps.
        UsjtaStatus::InForce if deal_signed => state.usjta_pressure_months = 0,
        UsjtaStatus::InForce => {
            state.usjta_pressure_months = if above { state.usjta_pressure_months + 1 } else { 0 };
            let certain = above && state.usjta_pressure_months >= rules.rounds_to_certain_suspension;
            if certain || draw < hazard {
                state.policy.usjta = UsjtaStatus::Suspended;
                state.usjta_suspended_months = 0;
                events.push(Event {
                    round,
                    kind: EventKind::UsjtaSuspended,
                    text: "Japan's Diet suspends the US–Japan Trade Agreement over the auto tariffs".to_string(),
                });
            }
        }
        UsjtaStatus::Suspended => {
            state.usjta_suspended_months = if above { state.usjta_suspended_months + 1 } else { 0 };
            if state.usjta_suspended_months >= rules.terminate_after_rounds {
                state.policy.usjta = UsjtaStatus::Terminated;
                events.push(Event {
                    round,
                    kind: EventKind::UsjtaTerminated,
                    text: "Japan's Diet terminates the US–Japan Trade Agreement".to_string(),
                });
                end_game(
                    state,
                    events,
                    OutcomeKind::Collapse,
                    "Japan's Diet terminated the USJTA".to_string(),
                    None,
                );
            }
        }
        UsjtaStatus::Terminated => {}
    }

    us_approval = us_approval.clamp(0.0, 100.0);
    japan_approval = japan_approval.clamp(0.0, 100.0);
    state.history.push(Arc::new(RoundRecord {
        round,
        month: scenario.month_of_round(round),
        economy,
        policy: state.policy.clone(),
        approvals: state.approvals.clone(),
        us_approval,
        japan_approval,
        usjta_hazard: hazard,
    }));

    for (side, approval) in [(Side::Us, us_approval), (Side::Japan, japan_approval)] {
        if approval < scenario.politics.side(side).fall_below && state.outcome.is_none() {
            events.push(Event {
                round,
                kind: EventKind::GovernmentFell(side),
                text: format!("The {} government falls (approval {approval:.0}%)", side.label()),
            });
            lapse_offer(state);
            end_game(
                state,
                events,
                OutcomeKind::Collapse,
                format!("the {} government fell", side.label()),
                None,
            );
        }
    }
    if round >= scenario.rounds && state.outcome.is_none() {
        lapse_offer(state);
        end_game(
            state,
            events,
            OutcomeKind::NoDeal,
            "the deadline passed without a deal".to_string(),
            None,
        );
    }
    events.push(Event {
        round,
        kind: EventKind::RoundEnded,
        text: format!("End of round {round} ({})", scenario.month_of_round(round)),
    });
    state.round += 1;
    state.to_move = Side::Us;
    state.actions_this_turn = 0;
}

/// A lever's level as it reads on screen.
pub fn level_text(lever: &super::scenario::ConcessionLever, level: f64) -> String {
    match (&lever.effect, lever.unit.as_str()) {
        (_, "yes/no") | (ConcessionEffect::Cooperation, _) => (if level > 0.0 { "yes" } else { "no" }).to_string(),
        (_, "share") => format!("{}%", percent(level)),
        (_, unit) => format!("{level} {unit}"),
    }
}

/// A rate as a percentage without trailing zeros.
pub fn percent(rate: f64) -> String {
    let s = format!("{:.1}", rate * 100.0);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
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
