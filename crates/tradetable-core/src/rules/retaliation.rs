//! The partner's counter-tariff moves: setting a rate now, announcing one for a later round, threatening one, and
//! suspending one for some months — a suspension lapses by itself at its end, with a news item — and what a deal
//! does to them (settles threats and announcements, and suspends a negotiable one for `deal_suspends_months` when
//! the package says so). The model prices them (`model::retaliation`); `negotiation::apply` calls in here.

use std::fmt;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::model::economy::Policy;
use crate::model::retaliation;
use crate::scenario::format;
use crate::scenario::partner_tariffs::MAX_SUSPENSION_MONTHS;
use crate::scenario::schema::{PartnerTariff, Scenario, Side};

/// A move of the partner's on one of its counter-tariffs (`Move::CounterTariff`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CounterTariffMove {
    /// Set the rate now (one of its options); a suspension in force ends.
    Set {
        /// The counter-tariff's id.
        tariff: String,
        /// The new rate.
        rate: f64,
    },
    /// Announce that the rate rises to `rate` in a later round, unless a deal settles it first.
    Announce {
        /// The counter-tariff's id.
        tariff: String,
        /// The rate.
        rate: f64,
        /// The round it applies from (after the current one).
        round: u32,
    },
    /// Threaten a rate above the one in force, without a date.
    Threaten {
        /// The counter-tariff's id.
        tariff: String,
        /// The threatened rate.
        rate: f64,
    },
    /// Suspend the rate set for some months from this one; it applies again by itself when they are over.
    Suspend {
        /// The counter-tariff's id.
        tariff: String,
        /// Months of suspension, this one included.
        months: u32,
    },
}

impl CounterTariffMove {
    /// The counter-tariff the move is about.
    pub fn tariff(&self) -> &str {
        match self {
            CounterTariffMove::Set { tariff, .. }
            | CounterTariffMove::Announce { tariff, .. }
            | CounterTariffMove::Threaten { tariff, .. }
            | CounterTariffMove::Suspend { tariff, .. } => tariff,
        }
    }
}

impl fmt::Display for CounterTariffMove {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CounterTariffMove::Set { tariff, rate } => {
                write!(f, "set counter-tariff {tariff} to {}%", format::percent(*rate))
            }
            CounterTariffMove::Announce { tariff, rate, round } => write!(
                f,
                "announce counter-tariff {tariff} at {}% from round {round}",
                format::percent(*rate)
            ),
            CounterTariffMove::Threaten { tariff, rate } => {
                write!(f, "threaten counter-tariff {tariff} at {}%", format::percent(*rate))
            }
            CounterTariffMove::Suspend { tariff, months } => {
                write!(f, "suspend counter-tariff {tariff} for {months} month(s)")
            }
        }
    }
}

/// A rate announced for a later round.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Announced {
    /// The rate.
    pub rate: f64,
    /// The round it applies from.
    pub round: u32,
}

/// Where one counter-tariff stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CounterTariffState {
    /// The rate set: what applies whenever it is not suspended.
    pub rate: f64,
    /// While suspended, the round it applies again from.
    pub suspended_until: Option<u32>,
    /// A rise announced for a later round.
    pub announced: Option<Announced>,
    /// A rate threatened without a date.
    pub threatened: Option<f64>,
}

impl CounterTariffState {
    /// The rate in force: the rate set, or nothing while suspended.
    pub fn in_force(&self) -> f64 {
        if self.suspended_until.is_some() { 0.0 } else { self.rate }
    }

    /// The highest rate the partner has set, announced or threatened: what applies if talks fail.
    pub fn if_talks_fail(&self) -> f64 {
        let mut rate = self.in_force();
        if let Some(a) = self.announced {
            rate = rate.max(a.rate);
        }
        if let Some(t) = self.threatened {
            rate = rate.max(t);
        }
        rate
    }

    /// Whether anything is set, announced, threatened or suspended: whether the dashboard has anything to show.
    pub fn is_active(&self) -> bool {
        self.rate > 0.0 || self.announced.is_some() || self.threatened.is_some()
    }
}

/// Why a counter-tariff move was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CounterTariffError {
    /// No counter-tariff has this id.
    #[error("unknown counter-tariff \"{0}\"")]
    Unknown(String),
    /// The rate is not among its options.
    #[error("{rate} is not an option of \"{tariff}\"; options are {options:?}")]
    NotAnOption {
        /// The counter-tariff.
        tariff: String,
        /// The rate given.
        rate: f64,
        /// What is allowed.
        options: Vec<f64>,
    },
    /// The move would change nothing.
    #[error("{0}")]
    NoChange(String),
    /// A round or a number of months out of range.
    #[error("{0}")]
    OutOfRange(String),
}

/// What one counter-tariff allows now: the partner's lever panel is built from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CounterTariffMoves {
    /// The counter-tariff's index.
    pub tariff: usize,
    /// Rates it can be set to now (its options other than the rate in force).
    pub set_rates: Vec<f64>,
    /// Rates it can be threatened at (its options above what is set, announced or threatened).
    pub threat_rates: Vec<f64>,
    /// Rates that can be announced for a later round (its options above the rate in force), if any round is left.
    pub announce_rates: Vec<f64>,
    /// Rounds a rate can be announced for.
    pub announce_rounds: RangeInclusive<u32>,
    /// Months it can be suspended for, when a rate is set and not already suspended.
    pub suspend_months: Option<RangeInclusive<u32>>,
}

/// Each counter-tariff as the scenario starts it: its rate set, suspended until its `suspended_until` month if any.
pub fn initial(scenario: &Scenario) -> Vec<CounterTariffState> {
    scenario
        .partner_tariffs
        .iter()
        .map(|tariff| CounterTariffState {
            rate: tariff.rate_now,
            suspended_until: retaliation::suspended_until_round(scenario, tariff),
            announced: None,
            threatened: None,
        })
        .collect()
}

/// Fills in the counter-tariffs a game saved before they existed: as the scenario starts them, and in the policy
/// at their rates in force.
pub fn ensure(scenario: &Scenario, states: &mut Vec<CounterTariffState>, policy: &mut Policy) {
    let wanted = scenario.partner_tariffs.len();
    if states.len() != wanted {
        let fresh = initial(scenario);
        states.truncate(wanted);
        states.extend(fresh.into_iter().skip(states.len()));
    }
    sync(states, policy);
}

/// Puts each counter-tariff's rate in force into the policy.
fn sync(states: &[CounterTariffState], policy: &mut Policy) {
    policy.counter_tariffs = states.iter().map(CounterTariffState::in_force).collect();
}

/// The months a counter-tariff can be suspended for by a move.
pub fn suspension_months(scenario: &Scenario) -> RangeInclusive<u32> {
    1..=MAX_SUSPENSION_MONTHS.min(scenario.rounds.max(1))
}

/// What each counter-tariff allows in `round`.
pub fn available(scenario: &Scenario, states: &[CounterTariffState], round: u32) -> Vec<CounterTariffMoves> {
    scenario
        .partner_tariffs
        .iter()
        .zip(states)
        .enumerate()
        .map(|(c, (tariff, state))| {
            let in_force = state.in_force();
            let pending = state.if_talks_fail();
            let rounds = round + 1..=scenario.rounds;
            CounterTariffMoves {
                tariff: c,
                set_rates: tariff.options.iter().copied().filter(|&r| r != in_force).collect(),
                threat_rates: tariff.options.iter().copied().filter(|&r| r > pending).collect(),
                announce_rates: if rounds.is_empty() {
                    Vec::new()
                } else {
                    tariff.options.iter().copied().filter(|&r| r > in_force).collect()
                },
                announce_rounds: rounds,
                suspend_months: (state.rate > 0.0 && state.suspended_until.is_none())
                    .then(|| suspension_months(scenario)),
            }
        })
        .collect()
}

/// Applies a counter-tariff move in `round`, returning the headline for the news.
pub fn apply(
    scenario: &Scenario,
    states: &mut Vec<CounterTariffState>,
    policy: &mut Policy,
    round: u32,
    mv: &CounterTariffMove,
) -> Result<String, CounterTariffError> {
    ensure(scenario, states, policy);
    let c = scenario
        .partner_tariff_index(mv.tariff())
        .ok_or_else(|| CounterTariffError::Unknown(mv.tariff().to_string()))?;
    let tariff = &scenario.partner_tariffs[c];
    let option = |rate: f64| {
        if tariff.options.contains(&rate) {
            Ok(())
        } else {
            Err(CounterTariffError::NotAnOption {
                tariff: tariff.id.clone(),
                rate,
                options: tariff.options.clone(),
            })
        }
    };
    let who = scenario.names().subject(Side::Partner);
    let state = &mut states[c];
    let headline = match mv {
        CounterTariffMove::Set { rate, .. } => {
            option(*rate)?;
            if state.in_force() == *rate {
                return Err(CounterTariffError::NoChange(format!(
                    "\"{}\" is already at {}%",
                    tariff.id,
                    format::percent(*rate)
                )));
            }
            state.rate = *rate;
            state.suspended_until = None;
            // A threat or announcement the rate now meets is carried out, or superseded.
            state.threatened = state.threatened.filter(|&t| t > *rate);
            state.announced = state.announced.filter(|a| a.rate > *rate);
            if *rate > 0.0 {
                format!(
                    "{who} puts its {} into force at {}% on {} of US goods{}",
                    tariff.name,
                    format::percent(*rate),
                    format::bn(tariff.basket_bn),
                    hits(tariff)
                )
            } else {
                format!("{who} lifts its {}", tariff.name)
            }
        }
        CounterTariffMove::Announce { rate, round: when, .. } => {
            option(*rate)?;
            if !(round + 1..=scenario.rounds).contains(when) {
                return Err(CounterTariffError::OutOfRange(format!(
                    "round {when} is not between the next round and the last round ({})",
                    scenario.rounds
                )));
            }
            if *rate <= state.in_force() {
                return Err(CounterTariffError::NoChange(format!(
                    "an announced rate must be above the rate in force ({}%)",
                    format::percent(state.in_force())
                )));
            }
            state.announced = Some(Announced {
                rate: *rate,
                round: *when,
            });
            format!(
                "{who} announces its {} at {}% from {}{}",
                tariff.name,
                format::percent(*rate),
                format::month(&scenario.month_of_round(*when)),
                hits(tariff)
            )
        }
        CounterTariffMove::Threaten { rate, .. } => {
            option(*rate)?;
            if *rate <= state.if_talks_fail() {
                return Err(CounterTariffError::NoChange(format!(
                    "a threat must be above what is set, announced or threatened ({}%)",
                    format::percent(state.if_talks_fail())
                )));
            }
            state.threatened = Some(*rate);
            format!(
                "{who} threatens its {} at {}% on {} of US goods{}",
                tariff.name,
                format::percent(*rate),
                format::bn(tariff.basket_bn),
                hits(tariff)
            )
        }
        CounterTariffMove::Suspend { months, .. } => {
            if !suspension_months(scenario).contains(months) {
                return Err(CounterTariffError::OutOfRange(format!(
                    "a suspension is {} to {} months, not {months}",
                    suspension_months(scenario).start(),
                    suspension_months(scenario).end()
                )));
            }
            if state.rate <= 0.0 || state.suspended_until.is_some() {
                return Err(CounterTariffError::NoChange(format!(
                    "\"{}\" has no rate set to suspend, or is suspended already",
                    tariff.id
                )));
            }
            state.suspended_until = Some(round + months);
            format!(
                "{who} suspends its {} for {months} month(s), until {}",
                tariff.name,
                format::month(&scenario.month_of_round(round + months))
            )
        }
    };
    sync(states, policy);
    Ok(headline)
}

/// ", hitting Iowa and Kentucky": the states a counter-tariff hits, for a headline.
fn hits(tariff: &PartnerTariff) -> String {
    match tariff.us_states.as_slice() {
        [] => String::new(),
        [one] => format!(", hitting {one}"),
        [rest @ .., last] => format!(", hitting {} and {last}", rest.join(", ")),
    }
}

/// At the end of `round`: the announced rates that fall due apply, and the suspensions that end lapse, each with
/// its headline. A rate that applies again after a suspension does so by itself: no move is needed.
pub fn take_due(
    scenario: &Scenario,
    states: &mut Vec<CounterTariffState>,
    policy: &mut Policy,
    round: u32,
) -> Vec<String> {
    ensure(scenario, states, policy);
    let mut headlines = Vec::new();
    for (tariff, state) in scenario.partner_tariffs.iter().zip(states.iter_mut()) {
        if state.suspended_until.is_some_and(|until| until <= round) {
            state.suspended_until = None;
            if state.rate > 0.0 {
                headlines.push(format!(
                    "The suspension of {} {} ends: {}% applies again on {} of US goods{}",
                    scenario.names().possessive(Side::Partner),
                    tariff.name,
                    format::percent(state.rate),
                    format::bn(tariff.basket_bn),
                    hits(tariff)
                ));
            }
        }
        if let Some(due) = state.announced.filter(|a| a.round <= round) {
            state.announced = None;
            if state.suspended_until.is_none() && due.rate > state.rate {
                state.rate = due.rate;
                state.threatened = state.threatened.filter(|&t| t > due.rate);
                headlines.push(format!(
                    "{} {} takes effect at {}%{}",
                    scenario.names().possessive_subject(Side::Partner),
                    tariff.name,
                    format::percent(due.rate),
                    hits(tariff)
                ));
            }
        }
    }
    sync(states, policy);
    headlines
}

/// A deal signed in `round`: the partner's threats and announcements are settled, and each negotiable counter-tariff
/// the package suspends (`suspended[c]`) is suspended for its `deal_suspends_months` from this month; returns the
/// headlines.
pub fn sign(
    scenario: &Scenario,
    states: &mut Vec<CounterTariffState>,
    policy: &mut Policy,
    round: u32,
    suspended: &[bool],
) -> Vec<String> {
    ensure(scenario, states, policy);
    let who = scenario.names().subject(Side::Partner);
    let mut headlines = Vec::new();
    for (c, (tariff, state)) in scenario.partner_tariffs.iter().zip(states.iter_mut()).enumerate() {
        state.threatened = None;
        state.announced = None;
        if suspended.get(c).copied().unwrap_or(false) && tariff.negotiable {
            let until = round + tariff.deal_suspends_months;
            state.suspended_until = Some(state.suspended_until.map_or(until, |u| u.max(until)));
            headlines.push(format!(
                "Under the deal, {who} suspends its {} for {} months, until {}",
                tariff.name,
                tariff.deal_suspends_months,
                format::month(&scenario.month_of_round(until))
            ));
        }
    }
    sync(states, policy);
    headlines
}

/// The counter-tariff rates to value the month a package is judged by (`valuation_months` after signing): a
/// counter-tariff the deal suspends for fewer months than that counts for the share of them it is back in force,
/// as the valued month stands for the months after signing.
pub fn valued_after_deal(scenario: &Scenario, states: &[CounterTariffState], suspended: &[bool]) -> Vec<f64> {
    let horizon = scenario.dynamics.valuation_months.max(1) as f64;
    scenario
        .partner_tariffs
        .iter()
        .zip(states)
        .enumerate()
        .map(|(c, (tariff, state))| {
            if suspended.get(c).copied().unwrap_or(false) && tariff.negotiable {
                let back = (1.0 - f64::from(tariff.deal_suspends_months) / horizon).max(0.0);
                state.rate * back
            } else {
                state.in_force()
            }
        })
        .collect()
}
