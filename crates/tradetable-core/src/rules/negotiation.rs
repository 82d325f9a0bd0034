//! The negotiation as a state machine: `apply(scenario, state, move)` checks a move by the rules of `moves`,
//! returns the next state and what happened, and closes each round phase by phase — the tariffs that fall due, the
//! month's events (`events`), the economy (`economy`), approval and elections (`politics`, `events`), the USJTA
//! vote (`usjta`), the fall of a government and the deadline. Nothing else changes a game's state (`state`).

use std::sync::Arc;

use crate::model::economy;
use crate::model::politics::{self, Readings};
use crate::rules::explain::{self, agreement_full_name, legislature};
use crate::rules::moves::{self, MAX_ACTIONS_PER_TURN, Move, MoveError, TradeAgreementMoves};
use crate::rules::package::{Package, PackageSpace};
use crate::rules::trade_agreement::{self, Vote};
use crate::rules::{back_dating, events, retaliation};
use crate::scenario::format;
use crate::scenario::schema::{PerSide, Scenario, Side};

use crate::model::economy::{TradeAgreementStatus, starting_additional};
pub use crate::rules::state::{
    Applied, Event, EventKind, GameState, Offer, OfferFate, OfferRecord, Outcome, OutcomeKind, PlayedMove, RoundRecord,
    ScheduledTariff, Threat,
};

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
    let turn = Turn {
        scenario,
        side,
        round: state.round,
    };
    match mv {
        Move::SetTariff { instrument, rate } => set_tariff(&turn, &mut next, &mut events, instrument, rate)?,
        Move::ScheduleTariff {
            instrument,
            rate,
            round: when,
        } => schedule_tariff(&turn, &mut next, &mut events, instrument, rate, when)?,
        Move::Threaten { instrument, rate } => threaten(&turn, &mut next, &mut events, instrument, rate)?,
        Move::Delay { instrument, months } => delay(&turn, &mut next, &mut events, instrument, months)?,
        Move::SetQuota { instrument, quota_bn } => set_quota(&turn, &mut next, &mut events, instrument, quota_bn)?,
        Move::Exempt {
            instrument,
            sector,
            exempt,
        } => exempt_sector(&turn, &mut next, &mut events, instrument, sector, exempt)?,
        Move::Implement { lever, level } => implement(&turn, &mut next, &mut events, lever, level)?,
        Move::CounterTariff(action) => counter_tariff(&turn, &mut next, &mut events, action)?,
        Move::SuspendTradeAgreement => suspend_trade_agreement(&turn, &mut next, &mut events)?,
        Move::RestoreTradeAgreement => restore_trade_agreement(&turn, &mut next, &mut events)?,
        Move::TerminateTradeAgreement => terminate_trade_agreement(&turn, &mut next, &mut events)?,
        Move::Propose(package) => propose(&turn, &mut next, &mut events, package)?,
        Move::Accept => accept(&turn, &mut next, &mut events)?,
        Move::Pass => pass(&turn, &mut next, &mut events)?,
        Move::WalkAway => walk_away(&turn, &mut next, &mut events)?,
    }

    if next.is_over() {
        // The rest of this round is skipped.
        end_round(scenario, &mut next, &mut events);
    } else if mv.ends_turn() {
        match side {
            Side::Us => {
                next.to_move = Side::Partner;
                next.actions_this_turn = 0;
            }
            Side::Partner => end_round(scenario, &mut next, &mut events),
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
    next.conditions.uncertainty = next.uncertainty(scenario);
    next.news.extend(events.iter().cloned().map(Arc::new));
    next.moves.push(Arc::new(PlayedMove {
        round: turn.round,
        side,
        mv: mv.clone(),
        reasons: Vec::new(),
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
/// takes effect (`deal_lag_rounds` after signing; a back-dated cut is refunded from its earlier date), threats and
/// earlier schedules settled on both sides, the counter-tariffs the package suspends suspended, the USJTA restored.
fn sign(scenario: &Scenario, state: &mut GameState, events: &mut Vec<Event>, package: &Package, round: u32) {
    let space = PackageSpace::of(scenario);
    let agreed = space.apply_to(package, &state.policy);
    state.scheduled.clear();
    state.threats.clear();
    let mut policy = agreed.clone();
    for (i, instrument) in scenario.us_instruments.iter().enumerate() {
        let (old, new) = (state.policy.us_rates[i], agreed.us_rates[i]);
        let due = round + instrument.deal_lag_rounds;
        let back_dated_from = back_dating::applies_from(scenario, i, old, new, due);
        if (instrument.deal_lag_rounds > 0 || back_dated_from.is_some()) && new != old {
            policy.us_rates[i] = old;
            policy.us_quotas_bn[i] = state.policy.us_quotas_bn[i];
            state.scheduled.push(ScheduledTariff {
                instrument: i,
                rate: new,
                round: due,
                back_dated_from,
            });
        }
    }
    let suspended = space.suspends(scenario, package);
    for text in retaliation::sign(scenario, &mut state.counter_tariffs, &mut policy, round, &suspended) {
        events.push(Event {
            round,
            kind: EventKind::CounterTariff,
            text,
        });
    }
    state.policy = policy;
    if state.policy.trade_agreement == TradeAgreementStatus::Suspended {
        state.policy.trade_agreement = TradeAgreementStatus::InForce;
        state.trade_agreement_suspended_months = 0;
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

/// Who is moving, in which round of which scenario: what every move's rule needs besides the state.
#[derive(Clone, Copy)]
struct Turn<'a> {
    scenario: &'a Scenario,
    side: Side,
    round: u32,
}

impl Turn<'_> {
    /// Records something that happened in this round.
    fn say(&self, events: &mut Vec<Event>, kind: EventKind, text: String) {
        events.push(Event {
            round: self.round,
            kind,
            text,
        });
    }
}

/// US: an instrument to one of its options now; a threat or announcement it meets or passes is dropped.
fn set_tariff(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    instrument: &str,
    rate: &f64,
) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let i = instrument_option(scenario, instrument, *rate)?;
    if next.policy.us_rates[i] == *rate {
        return Err(MoveError::NoChange {
            id: instrument.to_string(),
            value: *rate,
        });
    }
    next.policy.us_rates[i] = *rate;
    next.threats.retain(|t| t.instrument != i || t.rate > *rate);
    // An announced rate at or below the one set now would lower it when it fell due: it is superseded.
    next.scheduled.retain(|s| s.instrument != i || s.rate > *rate);
    let name = &scenario.us_instruments[i].name;
    t.say(
        events,
        EventKind::Action(side),
        format!("US sets {name} at {}%", format::percent(*rate)),
    );
    Ok(())
}

/// US: announces a rate for a later round (replacing an earlier announcement for the instrument).
fn schedule_tariff(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    instrument: &str,
    rate: &f64,
    when: &u32,
) -> Result<(), MoveError> {
    let Turn { scenario, side, round } = *t;
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
        back_dated_from: None,
    });
    let name = &scenario.us_instruments[i].name;
    t.say(
        events,
        EventKind::Action(side),
        format!(
            "US announces {name} at {}% from {}",
            format::percent(*rate),
            scenario.month_of_round(*when)
        ),
    );
    Ok(())
}

/// US: a rate above the one in force, without a date.
fn threaten(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    instrument: &str,
    rate: &f64,
) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let i = instrument_option(scenario, instrument, *rate)?;
    if !moves::threat_rates(scenario, &next.policy, i).contains(rate) {
        return Err(MoveError::OutOfRange(format!(
            "a threat must be above the rate in force ({}%)",
            format::percent(next.policy.us_rates[i])
        )));
    }
    next.threats.retain(|t| t.instrument != i);
    next.threats.push(Threat {
        instrument: i,
        rate: *rate,
    });
    let name = &scenario.us_instruments[i].name;
    t.say(
        events,
        EventKind::Action(side),
        format!("US threatens {name} at {}%", format::percent(*rate)),
    );
    Ok(())
}

/// US: pushes back the instrument's announced rises and drops its threat.
fn delay(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    instrument: &str,
    months: &u32,
) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
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
    t.say(
        events,
        EventKind::Action(side),
        format!("US delays {name} by {months} month(s)"),
    );
    Ok(())
}

/// US: a tariff-free quota, up to the covered imports.
fn set_quota(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    instrument: &str,
    quota_bn: &f64,
) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let i = find_instrument(scenario, instrument)?;
    let covered = moves::covered_imports_bn(scenario, i);
    if !quota_bn.is_finite() || *quota_bn < 0.0 || *quota_bn > covered {
        return Err(MoveError::OutOfRange(format!(
            "a quota is from 0 to the covered imports (${covered:.1}bn a year), not {quota_bn}"
        )));
    }
    next.policy.us_quotas_bn[i] = *quota_bn;
    let name = &scenario.us_instruments[i].name;
    t.say(
        events,
        EventKind::Action(side),
        format!("US opens a ${quota_bn:.1}bn tariff-free quota under {name}"),
    );
    Ok(())
}

/// US: takes a covered sector out of an instrument, or puts it back.
fn exempt_sector(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    instrument: &str,
    sector: &String,
    exempt: &bool,
) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
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
    t.say(events, EventKind::Action(side), text);
    Ok(())
}

/// Japan: a concession in force now, as a goodwill gesture.
fn implement(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    lever: &str,
    level: &f64,
) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let names = scenario.names();
    let k = scenario.lever_index(lever).ok_or_else(|| MoveError::Unknown {
        what: "lever",
        id: lever.to_string(),
    })?;
    let options = &scenario.partner_levers[k].options;
    if !options.contains(level) {
        return Err(MoveError::NotAnOption {
            id: lever.to_string(),
            value: *level,
            options: options.clone(),
        });
    }
    if next.policy.concessions[k] == *level {
        return Err(MoveError::NoChange {
            id: lever.to_string(),
            value: *level,
        });
    }
    next.policy.concessions[k] = *level;
    let l = &scenario.partner_levers[k];
    t.say(
        events,
        EventKind::Action(side),
        format!(
            "{} puts into force: {} ({})",
            names.subject(side),
            l.name,
            format::lever_level(l.unit, *level)
        ),
    );
    Ok(())
}

/// The partner sets, announces, threatens or suspends one of its counter-tariffs (`rules::retaliation`).
fn counter_tariff(
    t: &Turn,
    next: &mut GameState,
    events: &mut Vec<Event>,
    action: &retaliation::CounterTariffMove,
) -> Result<(), MoveError> {
    let headline = retaliation::apply(t.scenario, &mut next.counter_tariffs, &mut next.policy, t.round, action)?;
    t.say(events, EventKind::Action(t.side), headline);
    Ok(())
}

/// Either side suspends the trade agreement.
fn suspend_trade_agreement(t: &Turn, next: &mut GameState, events: &mut Vec<Event>) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let names = scenario.names();
    if !TradeAgreementMoves::of(scenario, next.policy.trade_agreement).suspend {
        return Err(MoveError::TradeAgreement("the trade agreement is not in force"));
    }
    next.policy.trade_agreement = TradeAgreementStatus::Suspended;
    t.say(
        events,
        EventKind::TradeAgreementSuspended,
        format!("{} suspends {}", names.subject(side), agreement_full_name(scenario)),
    );
    Ok(())
}

/// Either side restores a suspended trade agreement.
fn restore_trade_agreement(t: &Turn, next: &mut GameState, events: &mut Vec<Event>) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let names = scenario.names();
    if !TradeAgreementMoves::of(scenario, next.policy.trade_agreement).restore {
        return Err(MoveError::TradeAgreement("the trade agreement is not suspended"));
    }
    next.policy.trade_agreement = TradeAgreementStatus::InForce;
    next.trade_agreement_suspended_months = 0;
    t.say(
        events,
        EventKind::TradeAgreementRestored,
        format!("{} restores {}", names.subject(side), agreement_full_name(scenario)),
    );
    Ok(())
}

/// Either side terminates the trade agreement: the talks collapse.
fn terminate_trade_agreement(t: &Turn, next: &mut GameState, events: &mut Vec<Event>) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let names = scenario.names();
    if !TradeAgreementMoves::of(scenario, next.policy.trade_agreement).terminate {
        return Err(MoveError::TradeAgreement("the trade agreement is already terminated"));
    }
    next.policy.trade_agreement = TradeAgreementStatus::Terminated;
    t.say(
        events,
        EventKind::TradeAgreementTerminated,
        format!("{} terminates {}", names.subject(side), agreement_full_name(scenario)),
    );
    lapse_offer(next);
    end_game(
        next,
        events,
        OutcomeKind::Collapse,
        format!(
            "{} terminated the {}",
            names.with_article(side),
            scenario.agreement_name()
        ),
        None,
    );
    Ok(())
}

/// Puts a package on the table (countering an offer there).
fn propose(t: &Turn, next: &mut GameState, events: &mut Vec<Event>, package: &Package) -> Result<(), MoveError> {
    let Turn { scenario, side, round } = *t;
    let names = scenario.names();
    let space = PackageSpace::of(scenario);
    if !space.contains(package) {
        return Err(MoveError::MalformedPackage);
    }
    if next.offer_to(side).is_some() {
        set_fate(next, OfferFate::Countered);
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
    t.say(
        events,
        EventKind::Offered(side),
        format!("{} puts a package on the table", names.subject(side)),
    );
    Ok(())
}

/// Accepts the other side's offer: the deal is signed.
fn accept(t: &Turn, next: &mut GameState, events: &mut Vec<Event>) -> Result<(), MoveError> {
    let Turn { scenario, side, round } = *t;
    let names = scenario.names();
    let offer = next.offer_to(side).cloned().ok_or(MoveError::NothingToAccept)?;
    set_fate(next, OfferFate::Accepted);
    next.offer = None;
    sign(scenario, next, events, &offer.package, round);
    t.say(
        events,
        EventKind::Accepted(side),
        format!("{} accepts: the deal is signed", names.subject(side)),
    );
    end_game(
        next,
        events,
        OutcomeKind::Deal,
        format!(
            "{} accepted the offer of {}",
            names.with_article(side),
            names.with_article(offer.from)
        ),
        Some(offer.package),
    );
    Ok(())
}

/// Ends the turn without an offer, rejecting one on the table.
fn pass(t: &Turn, next: &mut GameState, events: &mut Vec<Event>) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let names = scenario.names();
    if next.offer_to(side).is_some() {
        set_fate(next, OfferFate::Rejected);
        next.offer = None;
        t.say(
            events,
            EventKind::Rejected(side),
            format!("{} rejects the package on the table", names.subject(side)),
        );
    } else {
        t.say(
            events,
            EventKind::Passed(side),
            format!("{} makes no offer", names.subject(side)),
        );
    }
    Ok(())
}

/// Ends the talks without a deal.
fn walk_away(t: &Turn, next: &mut GameState, events: &mut Vec<Event>) -> Result<(), MoveError> {
    let Turn { scenario, side, .. } = *t;
    let names = scenario.names();
    lapse_offer(next);
    t.say(
        events,
        EventKind::WalkedAway(side),
        format!("{} walks away from the table", names.subject(side)),
    );
    end_game(
        next,
        events,
        OutcomeKind::NoDeal,
        format!("{} walked away", names.with_article(side)),
        None,
    );
    Ok(())
}

/// Closes the current round, phase by phase: the tariffs that fall due, the month's random events, the economy,
/// approval and elections, the USJTA vote, the month's record, the fall of a government and the deadline.
fn end_round(scenario: &Scenario, state: &mut GameState, events: &mut Vec<Event>) {
    let round = state.round;
    let mut rng = events::round_rng(state.seed, round);
    let refund_bn = take_due_tariffs(scenario, state, events);
    for text in retaliation::take_due(scenario, &mut state.counter_tariffs, &mut state.policy, round) {
        events.push(Event {
            round,
            kind: EventKind::CounterTariff,
            text,
        });
    }
    events::fire_random_events(scenario, state, &mut rng, events);
    events::fire_injects(scenario, state, events);

    // A month on: what changed this month (tariffs due, events, last month's USJTA vote) starts at age 0.
    state.conditions.advance(scenario, &state.policy);
    state.conditions.uncertainty = state.uncertainty(scenario);
    let mut economy = economy::evaluate(
        scenario,
        &starting_additional(scenario),
        &state.policy,
        &state.conditions,
    );
    back_dating::book(&mut economy, refund_bn);
    let deal_signed = matches!(&state.outcome, Some(o) if o.kind == OutcomeKind::Deal);
    let approvals = politics::step_month(
        scenario,
        &state.approvals,
        &state.shocks,
        &Readings {
            economy: &economy,
            start: state.start_economy(),
            policy: &state.policy,
            deal_signed,
            approval: PerSide::new(0.0, 0.0),
        },
    );
    state.approvals = approvals;
    events::hold_elections(scenario, state, events);
    let approval = PerSide::from_fn(|side| politics::overall(scenario, side, &state.approvals[side]));

    let draw: f64 = rand::RngExt::random(&mut rng);
    let (hazard, vote) = trade_agreement::monthly_vote(
        scenario,
        state,
        economy.auto_tariff_total,
        approval.partner,
        deal_signed,
        draw,
    );
    match vote {
        Vote::Kept => {}
        Vote::Suspended => events.push(Event {
            round,
            kind: EventKind::TradeAgreementSuspended,
            text: format!(
                "{} suspends {} over the auto tariffs",
                legislature(scenario),
                agreement_full_name(scenario)
            ),
        }),
        Vote::Terminated => {
            events.push(Event {
                round,
                kind: EventKind::TradeAgreementTerminated,
                text: format!("{} terminates {}", legislature(scenario), agreement_full_name(scenario)),
            });
            end_game(
                state,
                events,
                OutcomeKind::Collapse,
                format!(
                    "{} terminated the {}",
                    scenario.names().legislature(),
                    scenario.agreement_name()
                ),
                None,
            );
        }
    }

    let approval = approval.map(|a| a.clamp(0.0, 100.0));
    state.history.push(Arc::new(RoundRecord {
        round,
        month: scenario.month_of_round(round),
        economy,
        policy: state.policy.clone(),
        approvals: state.approvals.clone(),
        approval,
        trade_agreement_hazard: hazard,
    }));
    topple_governments(scenario, state, events, approval);
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

/// The announced tariffs that fall due this round take effect, and the threats they meet are dropped; returns the
/// duties refunded for the back-dated cuts among them, $bn.
fn take_due_tariffs(scenario: &Scenario, state: &mut GameState, events: &mut Vec<Event>) -> f64 {
    let round = state.round;
    let (due, later): (Vec<_>, Vec<_>) = state.scheduled.drain(..).partition(|s| s.round <= round);
    state.scheduled = later;
    let mut refund_bn = 0.0;
    for s in due {
        let before = state.policy.clone();
        state.policy.us_rates[s.instrument] = s.rate;
        if let Some(from) = s.back_dated_from {
            let imports = back_dating::sector_imports(&state.latest().economy);
            let months = s.round.saturating_sub(from);
            refund_bn += back_dating::refund_bn(scenario, &before, &state.policy, &imports, months);
        }
        state
            .threats
            .retain(|t| t.instrument != s.instrument || t.rate > s.rate);
        events.push(Event {
            round,
            kind: EventKind::TariffTookEffect,
            text: explain::took_effect_text(scenario, s.instrument, s.rate),
        });
    }
    refund_bn
}

/// A government whose approval ended the month below its line falls, and the talks collapse.
fn topple_governments(scenario: &Scenario, state: &mut GameState, events: &mut Vec<Event>, approvals: PerSide<f64>) {
    let names = scenario.names();
    for (side, &approval) in approvals.iter() {
        if politics::falls(scenario, side, approval) && state.outcome.is_none() {
            events.push(Event {
                round: state.round,
                kind: EventKind::GovernmentFell(side),
                text: format!("The {} government falls (approval {approval:.0}%)", names.label(side)),
            });
            lapse_offer(state);
            end_game(
                state,
                events,
                OutcomeKind::Collapse,
                format!("the {} government fell", names.label(side)),
                None,
            );
        }
    }
}
