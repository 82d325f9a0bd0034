//! Moves away from the package table: a personality's calendar of threats and goodwill gestures, tit-for-tat on
//! such moves — noticing what the other side did since the agent's last turn, and answering in kind — and the
//! partner's counter-tariff threats once the US tariff passes the line the scenario says provokes them.

use crate::model::economy::{self, TradeAgreementStatus, starting_additional};
use crate::model::retaliation;
use crate::rules::moves::{CounterTariffMove, Move};
use crate::rules::negotiation::{GameState, apply};
use crate::scenario::schema::{Gesture, GestureKind, InstrumentKind, Scenario, Side};

/// What an agent saw at the end of its last turn, to tell what the other side has done since.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    threats: Vec<(usize, f64)>,
    scheduled: Vec<(usize, f64, u32)>,
    us_rates: Vec<f64>,
    concessions: Vec<f64>,
    trade_agreement: TradeAgreementStatus,
    counter_tariffs: Vec<f64>,
}

impl Observation {
    /// What `state` shows.
    pub fn of(state: &GameState) -> Self {
        Observation {
            threats: state.threats.iter().map(|t| (t.instrument, t.rate)).collect(),
            scheduled: state
                .scheduled
                .iter()
                .map(|s| (s.instrument, s.rate, s.round))
                .collect(),
            us_rates: state.policy.us_rates.clone(),
            concessions: state.policy.concessions.clone(),
            trade_agreement: state.policy.trade_agreement,
            counter_tariffs: state.counter_tariffs.iter().map(|c| c.if_talks_fail()).collect(),
        }
    }
}

/// The other side's moves since the agent's last turn, counted as hostile or friendly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// Threats, new or earlier tariff dates, unscheduled rises; for the US, a suspended USJTA.
    pub hostile: u32,
    /// Delays, dropped threats, tariff cuts; for the US, concessions put into force.
    pub friendly: u32,
}

/// What the other side of `side` did between `before` and `now`.
pub fn read(side: Side, before: &Observation, now: &GameState) -> Reading {
    let mut reading = Reading::default();
    match side {
        Side::Partner => {
            for t in &now.threats {
                if !before.threats.iter().any(|&(i, r)| i == t.instrument && r >= t.rate) {
                    reading.hostile += 1;
                }
            }
            for s in &now.scheduled {
                let known = before
                    .scheduled
                    .iter()
                    .any(|&(i, r, round)| i == s.instrument && r >= s.rate && round <= s.round);
                if !known {
                    reading.hostile += 1;
                }
            }
            for &(i, r, round) in &before.scheduled {
                let due = round < now.round;
                let still = now
                    .scheduled
                    .iter()
                    .any(|s| s.instrument == i && s.rate >= r && s.round <= round);
                // An announcement gone because its rate is already in force was brought forward, not dropped.
                let in_force = now.policy.us_rates[i] >= r;
                if !due && !still && !in_force {
                    reading.friendly += 1;
                }
            }
            for &(i, r) in &before.threats {
                if !now.threats.iter().any(|t| t.instrument == i) && now.policy.us_rates[i] < r {
                    reading.friendly += 1;
                }
            }
            for (i, (&was, &is)) in before.us_rates.iter().zip(&now.policy.us_rates).enumerate() {
                // A rise is expected only once its announced date has come: put into force before it, it is an
                // earlier date, and hostile.
                let announced = before
                    .scheduled
                    .iter()
                    .any(|&(k, r, round)| k == i && r >= is && round < now.round);
                if is > was && !announced {
                    reading.hostile += 1;
                } else if is < was {
                    reading.friendly += 1;
                }
            }
        }
        Side::Us => {
            if before.trade_agreement.in_force() && !now.policy.trade_agreement.in_force() {
                reading.hostile += 1;
            }
            for (&was, &is) in before.concessions.iter().zip(&now.policy.concessions) {
                if is > was {
                    reading.friendly += 1;
                }
            }
            // A counter-tariff set, announced or threatened higher than before is hostile; one lowered, friendly.
            for (was, now) in before.counter_tariffs.iter().zip(&now.counter_tariffs) {
                let is = now.if_talks_fail();
                if is > *was {
                    reading.hostile += 1;
                } else if is < *was {
                    reading.friendly += 1;
                }
            }
        }
    }
    reading
}

/// The moves a personality's calendar holds for `round`.
pub fn calendar(gestures: &[Gesture], round: u32) -> Vec<Move> {
    gestures
        .iter()
        .filter(|g| g.round == round)
        .map(|g| match &g.act {
            GestureKind::Threaten { instrument, rate } => Move::Threaten {
                instrument: instrument.clone(),
                rate: *rate,
            },
            GestureKind::Implement { lever, level } => Move::Implement {
                lever: lever.clone(),
                level: *level,
            },
        })
        .collect()
}

/// The unilateral moves to open a turn with: the personality's gestures for this round, then the answers to what
/// the other side did (if the agent reciprocates). Only moves legal in sequence are kept, so none is refused.
pub fn plan(
    scenario: &Scenario,
    state: &GameState,
    gestures: &[Gesture],
    answer: Option<Reading>,
    retracted: bool,
) -> Vec<Move> {
    let mut wanted = calendar(gestures, state.round);
    if let Some(reading) = answer {
        match state.to_move {
            Side::Us => {
                if reading.hostile > 0 || retracted {
                    wanted.extend(counter_threat(scenario, state));
                }
                if reading.friendly > 0 {
                    wanted.extend(reward_delay(scenario, state));
                }
            }
            Side::Partner => {
                if reading.friendly > 0 {
                    wanted.extend(goodwill_step(scenario, state));
                }
            }
        }
    }
    if state.to_move == Side::Partner {
        let escalate = answer.is_some_and(|reading| reading.hostile > 0);
        wanted.extend(counter_tariff_threats(scenario, state, escalate));
    }
    let mut legal = Vec::new();
    let mut position = state.clone();
    for mv in wanted {
        if let Ok(applied) = apply(scenario, &position, &mv) {
            position = applied.state;
            legal.push(mv);
        }
    }
    legal
}

/// The US answer to a hostile act: threaten the next rate up on the broadest instrument that has one — a
/// blanket tariff before a reciprocal one before a Section 232 tariff, in scenario order within each.
fn counter_threat(scenario: &Scenario, state: &GameState) -> Option<Move> {
    let rank = |kind: InstrumentKind| match kind {
        InstrumentKind::Blanket => 0,
        InstrumentKind::Reciprocal => 1,
        InstrumentKind::Section232 => 2,
    };
    let mut order: Vec<usize> = (0..scenario.us_instruments.len()).collect();
    order.sort_by_key(|&i| (rank(scenario.us_instruments[i].kind), i));
    order.into_iter().find_map(|i| {
        let instrument = &scenario.us_instruments[i];
        let floor = state
            .threats
            .iter()
            .filter(|t| t.instrument == i)
            .map(|t| t.rate)
            .fold(state.policy.us_rates[i], f64::max);
        let next = instrument.options.iter().copied().find(|&o| o > floor)?;
        Some(Move::Threaten {
            instrument: instrument.id.clone(),
            rate: next,
        })
    })
}

/// The US answer to a goodwill gesture: push back the next scheduled tariff by a month.
fn reward_delay(scenario: &Scenario, state: &GameState) -> Option<Move> {
    let next = state.scheduled.iter().min_by_key(|s| (s.round, s.instrument))?;
    Some(Move::Delay {
        instrument: scenario.us_instruments[next.instrument].id.clone(),
        months: 1,
    })
}

/// The US tariff on the partner's goods, in percentage points above the starting rates weighted by starting imports,
/// counting every threatened and announced rate as if carried out: what a counter-tariff's
/// `provoked_above_points` is compared with.
pub fn us_pressure_points(scenario: &Scenario, state: &GameState) -> f64 {
    let mut policy = state.policy.clone();
    for s in &state.scheduled {
        policy.us_rates[s.instrument] = policy.us_rates[s.instrument].max(s.rate);
    }
    for t in &state.threats {
        policy.us_rates[t.instrument] = policy.us_rates[t.instrument].max(t.rate);
    }
    let now = economy::us_additional_rates(scenario, &policy);
    retaliation::us_tariff_points(scenario, &now, &starting_additional(scenario))
}

/// The partner's counter-tariff threats: each counter-tariff whose provocation line the US tariff is above is
/// threatened at its lowest rate above what is set, announced or threatened — once while nothing is, and one step
/// further each time the US escalates again (`escalate`: a hostile US move since the agent's last turn).
fn counter_tariff_threats(scenario: &Scenario, state: &GameState, escalate: bool) -> Vec<Move> {
    let pressure = us_pressure_points(scenario, state);
    scenario
        .partner_tariffs
        .iter()
        .zip(&state.counter_tariffs)
        .filter(|(tariff, _)| pressure > tariff.provoked_above_points)
        .filter_map(|(tariff, standing)| {
            let pending = standing.if_talks_fail();
            if pending > 0.0 && !escalate {
                return None;
            }
            let rate = tariff.options.iter().copied().find(|&o| o > pending)?;
            Some(Move::CounterTariff(CounterTariffMove::Threaten {
                tariff: tariff.id.clone(),
                rate,
            }))
        })
        .collect()
}

/// Why the partner threatens a counter-tariff, in a sentence: the US tariff it answers and the line it crossed.
pub fn counter_tariff_reason(scenario: &Scenario, state: &GameState, mv: &Move) -> Option<String> {
    let Move::CounterTariff(CounterTariffMove::Threaten { tariff, rate }) = mv else {
        return None;
    };
    let tariff = &scenario.partner_tariffs[scenario.partner_tariff_index(tariff)?];
    let names = scenario.names();
    Some(format!(
        "Answers in kind: the US tariff on {} goods, counting its threats, is {:.1} points above the start, past the \
         {:.1} at which {} hits back; it threatens {}% on {} of US goods{}.",
        names.possessive(Side::Partner),
        us_pressure_points(scenario, state),
        tariff.provoked_above_points,
        names.short_with_article(Side::Partner),
        crate::scenario::format::percent(*rate),
        crate::scenario::format::bn(tariff.basket_bn),
        if tariff.us_states.is_empty() {
            String::new()
        } else {
            format!(", aimed at {}", tariff.us_states.join(", "))
        }
    ))
}

/// Japan's answer to a friendly US move: put into force the next level of the lever that costs Japan least.
fn goodwill_step(scenario: &Scenario, state: &GameState) -> Option<Move> {
    scenario
        .partner_levers
        .iter()
        .enumerate()
        .filter_map(|(k, lever)| {
            let level = lever
                .options
                .iter()
                .copied()
                .find(|&o| o > state.policy.concessions[k])?;
            let cost = (level - state.policy.concessions[k]) * lever.cost_per_unit;
            Some((cost, k, level))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        .map(|(_, k, level)| Move::Implement {
            lever: scenario.partner_levers[k].id.clone(),
            level,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ai::play::pass_while;

    fn auto_rise(scenario: &Scenario, state: &GameState) -> (usize, f64, u32) {
        let i = scenario
            .instrument_index("s232_autos")
            .expect("the scenario has an auto tariff");
        let s = state
            .scheduled
            .iter()
            .find(|s| s.instrument == i)
            .expect("an auto tariff rise is announced at the start");
        (i, s.rate, s.round)
    }

    #[test]
    fn an_announced_rise_put_into_force_early_is_hostile_and_on_its_date_is_not() {
        let scenario = Scenario::builtin().expect("the shipped scenario loads");
        let start = GameState::new(&scenario, 7);
        let (i, rate, round) = auto_rise(&scenario, &start);
        let seen = Observation::of(&start);
        let early = apply(
            &scenario,
            &start,
            &Move::SetTariff {
                instrument: scenario.us_instruments[i].id.clone(),
                rate,
            },
        )
        .expect("legal")
        .state;
        assert_eq!(
            read(Side::Partner, &seen, &early),
            Reading {
                hostile: 1,
                friendly: 0
            }
        );
        let on_time = pass_while(&scenario, start, |s| s.round <= round);
        assert_eq!(on_time.policy.us_rates[i], rate);
        assert_eq!(read(Side::Partner, &seen, &on_time).hostile, 0);
    }
}
