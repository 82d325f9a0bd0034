//! Why something happened and what it changed: the card the game opens for an event that changes the game (the
//! trade agreement suspended, a tariff taking effect, an election, an inject), worked out from the game's state —
//! the moves played, the scenario's calendar and the month-end records — so the game computes no rule itself.
//!
//! An event of round `r` is explained from the moves and records up to round `r` only: the card reads the same
//! when it opens, in the news later in the game and in a replay.

use crate::model::economy::{self, Policy, TradeAgreementStatus};
use crate::model::politics;
use crate::rules::moves::Move;
use crate::rules::state::{Event, EventKind, GameState, OutcomeKind, RoundRecord};
use crate::scenario::format;
use crate::scenario::schema::{EventEffect, Scenario, ScheduledKind, SectorFlag, Side};

/// An event explained: what happened, why, and what it changed in the model's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCard {
    /// The round it happened in.
    pub round: u32,
    /// A short title: "Japan's Diet suspends the agreement".
    pub title: String,
    /// What happened: the news headline.
    pub what: String,
    /// Why it happened, in a sentence or two naming the move or rule that triggered it.
    pub why: String,
    /// What set it off, for tests and for the game to tell a player's own move from the rest.
    pub cause: Cause,
    /// What it changed at once, in the model's numbers, before → after.
    pub changes: Vec<Change>,
    /// The month's figures, the month before → the event's month: everything that happened in the month moved
    /// them, this event with the rest (empty for an event in the middle of a round).
    pub month: Vec<Change>,
    /// What it means from here on, in a sentence (empty when the numbers say it all).
    pub outlook: String,
}

/// What set an event off.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    /// A move played: its index in `GameState::moves`.
    Move(usize),
    /// A tariff on the scenario's calendar (announced before the talks): the round it was due in.
    Calendar {
        /// The round the calendar set.
        due: u32,
    },
    /// The deal signed in this round, whose implementing order took effect later.
    Deal(u32),
    /// A US tariff: the move that raised it (index in `GameState::moves`) or the calendar that did, and since when
    /// it has stood above the partner legislature's line.
    AutoTariff {
        /// The instrument whose rise crossed the line.
        instrument: String,
        /// Its rate.
        rate: f64,
        /// The round it rose in (0: in force before the talks).
        since: u32,
        /// How it came in force.
        origin: Box<Cause>,
    },
    /// Approval against a line: an election threshold or the fall line.
    Approval {
        /// Whose.
        side: Side,
        /// Overall approval at the end of the month.
        approval: f64,
        /// The line.
        line: f64,
    },
    /// A random event of the scenario, drawn with this chance a month.
    Chance(f64),
    /// A class inject: switched on for the class, or fired by the teacher in this round.
    Inject {
        /// Whether the teacher fired it during the game (rather than switching it on for the class).
        fired: bool,
    },
    /// Months under a rule: the agreement left suspended with the auto tariff above the line.
    Months(u32),
    /// Nothing the records can name.
    Unknown,
}

/// One figure before and after an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What the figure is: "US goods deficit".
    pub what: String,
    /// Its value before.
    pub before: f64,
    /// Its value after.
    pub after: f64,
    /// How to read it.
    pub unit: Unit,
}

/// How a figure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Billions of dollars a year.
    BillionsPerYear,
    /// A rate (0.25 reads 25%).
    Rate,
    /// Points on a 0–100 scale (approval).
    Points,
    /// A chance, 0–1.
    Chance,
    /// Currency units per dollar.
    PerDollar,
}

impl EventCard {
    /// The card with the month's figures.
    fn with_month(mut self, month: Vec<Change>) -> EventCard {
        self.month = month;
        self
    }
}

impl Change {
    /// Whether the figure moved as it reads: a change lost in the rounding is no change to show.
    pub fn moved(&self) -> bool {
        self.show(self.before) != self.show(self.after)
    }

    fn show(&self, x: f64) -> String {
        match self.unit {
            Unit::BillionsPerYear => format::bn(x),
            Unit::Rate => format::rate(x),
            Unit::Points => format!("{x:.1}%"),
            Unit::Chance => format::chance(x),
            Unit::PerDollar => format!("{x:.1}"),
        }
    }

    /// The change in words: "US goods deficit: from $56.2bn to $56.6bn a year".
    pub fn text(&self) -> String {
        let show = |x: f64| self.show(x);
        let tail = if self.unit == Unit::BillionsPerYear {
            " a year"
        } else {
            ""
        };
        format!(
            "{}: from {} to {}{tail}",
            self.what,
            show(self.before),
            show(self.after)
        )
    }
}

/// Whether an event changes the game enough to open a card: a rule or event, not a move at the table, a round's
/// end or the end of the game (the results screen says that).
pub fn opens_card(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::TariffTookEffect
            | EventKind::Election { .. }
            | EventKind::Random(_)
            | EventKind::Inject(_)
            | EventKind::TradeAgreementSuspended
            | EventKind::TradeAgreementRestored
            | EventKind::TradeAgreementTerminated
            | EventKind::GovernmentFell(_)
    )
}

/// The card of an event of `state`'s game, or `None` for an event that opens none (see [`opens_card`]).
pub fn explain(scenario: &Scenario, state: &GameState, event: &Event) -> Option<EventCard> {
    if !opens_card(&event.kind) {
        return None;
    }
    let facts = Facts::of(scenario, state, event.round);
    let card = match &event.kind {
        EventKind::TariffTookEffect => facts.tariff_took_effect(event),
        EventKind::Election { side, held } => facts.election(*side, *held, event),
        EventKind::Random(id) => facts.random(id, event),
        EventKind::Inject(id) => facts.inject(id, event),
        EventKind::TradeAgreementSuspended => facts.suspended(event),
        EventKind::TradeAgreementRestored => facts.restored(event),
        EventKind::TradeAgreementTerminated => facts.terminated(event),
        EventKind::GovernmentFell(side) => facts.government_fell(*side, event),
        _ => return None,
    };
    Some(card)
}

/// The cards of every event of the game that opens one, in the order they happened.
pub fn cards(scenario: &Scenario, state: &GameState) -> Vec<EventCard> {
    state
        .news
        .iter()
        .filter_map(|event| explain(scenario, state, event))
        .collect()
}

/// What the explanations read: the scenario, the game, the round and its records.
struct Facts<'a> {
    scenario: &'a Scenario,
    state: &'a GameState,
    round: u32,
    /// The record of the month before the event's (the start, for round 1).
    before: Option<&'a RoundRecord>,
    /// The record of the event's month, once the month has ended.
    after: Option<&'a RoundRecord>,
}

impl<'a> Facts<'a> {
    fn of(scenario: &'a Scenario, state: &'a GameState, round: u32) -> Facts<'a> {
        let record = |r: u32| state.history.iter().map(|h| h.as_ref()).find(|h| h.round == r);
        Facts {
            scenario,
            state,
            round,
            before: record(round.saturating_sub(1)),
            after: record(round),
        }
    }

    /// "round 3 (Apr 2025)".
    fn when(&self, round: u32) -> String {
        format!(
            "round {round} ({})",
            format::month(&self.scenario.month_of_round(round))
        )
    }

    fn card(&self, title: String, event: &Event, why: String, cause: Cause, changes: Vec<Change>) -> EventCard {
        EventCard {
            round: self.round,
            title,
            what: event.text.clone(),
            why,
            cause,
            changes,
            month: Vec::new(),
            outlook: String::new(),
        }
    }

    /// The month's figures before and after, for the measures listed.
    fn month_changes(&self, measures: &[Measure]) -> Vec<Change> {
        let (Some(before), Some(after)) = (self.before, self.after) else {
            return Vec::new();
        };
        measures
            .iter()
            .filter(|m| !matches!(m, Measure::Hazard) || after.policy.trade_agreement.in_force())
            .map(|m| m.change(self.scenario, before, after))
            .filter(|c| c.moved())
            .collect()
    }

    /// The moves played in the event's round, with their index in the game's moves.
    fn moves_in_round(&self) -> impl Iterator<Item = (usize, &'a crate::rules::state::PlayedMove)> + '_ {
        let round = self.round;
        self.state
            .moves
            .iter()
            .enumerate()
            .map(|(k, m)| (k, m.as_ref()))
            .filter(move |(_, m)| m.round == round)
    }

    fn tariff_took_effect(&self, event: &Event) -> EventCard {
        let scenario = self.scenario;
        let found = self.after.and_then(|after| {
            (0..scenario.us_instruments.len()).find_map(|i| {
                let rate = after.policy.us_rates[i];
                (event.text == took_effect_text(scenario, i, rate)).then_some((i, rate))
            })
        });
        let Some((i, rate)) = found else {
            let mut card = self.card(
                "A tariff takes effect".to_string(),
                event,
                "An announced tariff fell due.".to_string(),
                Cause::Unknown,
                Vec::new(),
            );
            card.month = self.month_changes(&TARIFF_MEASURES);
            return card;
        };
        let instrument = &scenario.us_instruments[i];
        let cause = self.origin_of_due_tariff(i, rate, self.round);
        let why = format!(
            "{} at {}, {}.",
            instrument.name,
            format::rate(rate),
            self.origin_clause(&cause, i, self.round)
        );
        let mut changes = Vec::new();
        let mut raises_autos = false;
        if let (Some(before), Some(after)) = (self.before, self.after) {
            changes.push(Change {
                what: instrument.name.clone(),
                before: before.policy.us_rates[i],
                after: rate,
                unit: Unit::Rate,
            });
            let mut without = after.policy.clone();
            without.us_rates[i] = before.policy.us_rates[i];
            raises_autos = economy::auto_tariff_total(scenario, &after.policy)
                > economy::auto_tariff_total(scenario, &without) + 1e-12;
        }
        let mut card = self.card(format!("{} takes effect", instrument.name), event, why, cause, changes);
        card.month = self.month_changes(&TARIFF_MEASURES);
        if let Some(after) = self.after
            && let Some(rules) = scenario.suspension()
            && raises_autos
            && after.policy.trade_agreement.in_force()
            && politics::auto_tariff_above_line(scenario, after.economy.auto_tariff_total)
        {
            card.outlook = format!(
                "The whole US tariff on autos and parts is now {}, above the {}'s line of {}: each month the {} may \
                 suspend {} (a {} chance this month), and it does for certain after {} months above the line.",
                format::rate(after.economy.auto_tariff_total),
                scenario.partner.legislature,
                format::rate(rules.auto_tariff_threshold),
                scenario.partner.legislature,
                agreement_full_name(scenario),
                format::chance(after.trade_agreement_hazard),
                rules.rounds_to_certain_suspension
            );
        }
        card
    }

    /// How a tariff that fell due in `round` came to be due: an announcement by the US, the deal, or the calendar.
    fn origin_of_due_tariff(&self, instrument: usize, rate: f64, round: u32) -> Cause {
        let scenario = self.scenario;
        let id = &scenario.us_instruments[instrument].id;
        let announced = self.state.moves.iter().enumerate().rev().find(|(_, m)| {
            m.round < round
                && matches!(&m.mv, Move::ScheduleTariff { instrument: i, rate: r, .. } if i == id && *r == rate)
        });
        if let Some((k, _)) = announced {
            return Cause::Move(k);
        }
        if let Some(outcome) = &self.state.outcome
            && outcome.kind == OutcomeKind::Deal
            && outcome.round < round
        {
            return Cause::Deal(outcome.round);
        }
        let calendar = scenario.scheduled_events.iter().find(
            |e| matches!(&e.kind, ScheduledKind::TariffTakesEffect { instrument: i, rate: r } if i == id && *r == rate),
        );
        match calendar {
            Some(e) => Cause::Calendar { due: e.round },
            None => Cause::Unknown,
        }
    }

    /// Where a tariff's rate came from, as a clause after its name: "which the US announced in round 2 (Mar 2025)",
    /// "on the scenario's calendar since before the talks".
    fn origin_clause(&self, cause: &Cause, instrument: usize, took_effect: u32) -> String {
        let names = self.scenario.names();
        match cause {
            Cause::Move(k) => match self.state.moves.get(*k) {
                Some(m) => {
                    let verb = match m.mv {
                        Move::SetTariff { .. } => "set",
                        _ => "announced",
                    };
                    format!(
                        "which {} {verb} in {}",
                        names.short_with_article(m.side),
                        self.when(m.round)
                    )
                }
                None => "in force".to_string(),
            },
            Cause::Calendar { due: 0 } => "in force before the talks began".to_string(),
            Cause::Calendar { due } if *due < took_effect => format!(
                "on the scenario's calendar since before the talks, for {}, and delayed by the US",
                self.when(*due)
            ),
            Cause::Calendar { .. } => "on the scenario's calendar since before the talks".to_string(),
            Cause::Deal(round) => {
                let lag = self.scenario.us_instruments[instrument].deal_lag_rounds;
                format!(
                    "the rate of the deal signed in {} (the order implementing it takes effect {lag} month(s) after \
                     signing)",
                    self.when(*round)
                )
            }
            _ => "in force".to_string(),
        }
    }

    fn election(&self, side: Side, held: bool, event: &Event) -> EventCard {
        let scenario = self.scenario;
        let names = scenario.names();
        let rule = scenario.scheduled_events.iter().find_map(|e| match &e.kind {
            ScheduledKind::Election {
                side: s,
                threshold,
                loss,
            } if *s == side && e.round == self.round => Some((*threshold, *loss)),
            _ => None,
        });
        let (threshold, loss) = rule.unwrap_or((0.0, 0.0));
        // The approval the voters judged: the month's, before any loss (the record holds it after the loss).
        let approval = self.after.map_or(0.0, |a| a.approval[side]) + if held { 0.0 } else { loss };
        let why = if held {
            format!(
                "An election on the scenario's calendar: {} government needed {threshold:.0}% approval to hold its \
                 ground and had about {approval:.0}%.",
                names.possessive(side)
            )
        } else {
            format!(
                "An election on the scenario's calendar: {} government needed {threshold:.0}% approval to hold its \
                 ground and had only {approval:.0}%, so every constituency lost {loss:.0} points.",
                names.possessive(side)
            )
        };
        let mut card = self
            .card(
                format!("{} election", names.possessive_subject(side)),
                event,
                why,
                Cause::Approval {
                    side,
                    approval,
                    line: threshold,
                },
                Vec::new(),
            )
            .with_month(self.month_changes(&[Measure::Approval(side)]));
        if !held {
            let fall = scenario.politics.side(side).fall_below;
            card.outlook = format!(
                "Below {fall:.0}% approval at the end of a month {} government falls and the talks collapse.",
                names.possessive(side)
            );
        }
        card
    }

    fn random(&self, id: &str, event: &Event) -> EventCard {
        let Some(ev) = self.scenario.random_events.iter().find(|e| e.id == id) else {
            return self.card("News".to_string(), event, String::new(), Cause::Unknown, Vec::new());
        };
        let month = |round: u32| format::month(&self.scenario.month_of_round(round));
        let why = format!(
            "Chance: this scenario gives it a chance of {} each month from {} to {}, and it came up this month; no \
             move caused it.",
            format::chance(ev.probability),
            month(ev.from_round),
            month(ev.to_round),
        );
        self.card(
            "News".to_string(),
            event,
            why,
            Cause::Chance(ev.probability),
            Vec::new(),
        )
        .with_month(self.effect_changes(&ev.effect))
    }

    fn inject(&self, id: &str, event: &Event) -> EventCard {
        let Some(inject) = self.scenario.injects.iter().find(|i| i.id == id) else {
            return self.card(
                "Teacher's event".to_string(),
                event,
                String::new(),
                Cause::Unknown,
                Vec::new(),
            );
        };
        let fired = self
            .state
            .fired_injects
            .iter()
            .any(|f| f.id == id && f.round == self.round);
        let why = if fired {
            format!("Your teacher fired this event during {}.", self.when(self.round))
        } else {
            format!(
                "An event your teacher switched on for the class, set for {}.",
                self.when(inject.round)
            )
        };
        self.card(
            "Teacher's event".to_string(),
            event,
            why,
            Cause::Inject { fired },
            Vec::new(),
        )
        .with_month(self.effect_changes(&inject.effect))
    }

    /// The figures an event's effect moves.
    fn effect_changes(&self, effect: &EventEffect) -> Vec<Change> {
        let measures: &[Measure] = match effect {
            EventEffect::Fx { .. } => &[Measure::Currency, Measure::Deficit, Measure::Approval(Side::Partner)],
            EventEffect::Investment { .. } => &[Measure::Investment, Measure::Approval(Side::Us)],
            EventEffect::Approval { side: Side::Us, .. } => &[Measure::Approval(Side::Us)],
            EventEffect::Approval {
                side: Side::Partner, ..
            } => &[Measure::Approval(Side::Partner), Measure::Hazard],
        };
        self.month_changes(measures)
    }

    fn suspended(&self, event: &Event) -> EventCard {
        let scenario = self.scenario;
        let names = scenario.names();
        let legislature = legislature(scenario);
        let by_move = self
            .moves_in_round()
            .find(|(_, m)| matches!(m.mv, Move::SuspendTradeAgreement));
        let mut changes = self.partner_tariff_change(TradeAgreementStatus::Suspended);
        if let Some((k, played)) = by_move {
            let why = format!(
                "{} chose to suspend it in {}.",
                names.subject(played.side),
                self.when(self.round)
            );
            let mut card = self.card(
                format!("{} suspended", scenario.agreement_name()),
                event,
                why,
                Cause::Move(k),
                changes,
            );
            card.outlook = suspension_outlook(scenario);
            return card;
        }
        let cause = self.auto_tariff_cause();
        let line = scenario.suspension().map_or(0.0, |rules| rules.auto_tariff_threshold);
        let total = self.after.map_or(0.0, |a| a.economy.auto_tariff_total);
        let mut why = match &cause {
            Cause::AutoTariff {
                instrument,
                rate,
                since,
                origin,
            } => match scenario.instrument_index(instrument) {
                Some(i) => format!(
                    "The {} {}, {}, took effect in {} and put the whole US tariff on autos and parts at {}, above \
                     the {}'s line of {}.",
                    format::rate(*rate),
                    scenario.us_instruments[i].name,
                    self.origin_clause(origin, i, *since),
                    self.when(*since),
                    format::rate(total),
                    scenario.partner.legislature,
                    format::rate(line),
                ),
                None => String::new(),
            },
            _ => format!(
                "The whole US tariff on autos and parts stood at {} against the {}'s line of {}.",
                format::rate(total),
                scenario.partner.legislature,
                format::rate(line),
            ),
        };
        if let (Some(after), Some(rules)) = (self.after, scenario.suspension()) {
            let months = self.months_above_line();
            let weak = if after.approval.partner < rules.approval_floor {
                format!(
                    ", raised by a weak cabinet: {} approval {:.0}%, below {:.0}%",
                    names.possessive(Side::Partner),
                    after.approval.partner,
                    rules.approval_floor
                )
            } else {
                String::new()
            };
            if months >= rules.rounds_to_certain_suspension {
                why.push_str(&format!(
                    " After {months} months above the line the {} suspends for certain (the chance this month was \
                     {}{weak}).",
                    scenario.partner.legislature,
                    format::chance(after.trade_agreement_hazard),
                ));
            } else {
                why.push_str(&format!(
                    " After {months} month(s) above the line the chance of a vote to suspend this month was {}{weak}; \
                     it is certain after {}.",
                    format::chance(after.trade_agreement_hazard),
                    rules.rounds_to_certain_suspension
                ));
            }
        }
        if let (Some(before), Some(after)) = (self.before, self.after) {
            changes.push(Change {
                what: "Chance of suspension, a month".to_string(),
                before: before.trade_agreement_hazard,
                after: after.trade_agreement_hazard,
                unit: Unit::Chance,
            });
        }
        let mut card = self.card(
            format!("{legislature} suspends the {}", scenario.agreement_name()),
            event,
            why,
            cause,
            changes,
        );
        card.month = self.month_changes(&[Measure::Deficit, Measure::Approval(Side::Partner)]);
        card.outlook = suspension_outlook(scenario);
        card
    }

    fn restored(&self, event: &Event) -> EventCard {
        let scenario = self.scenario;
        let names = scenario.names();
        let by_move = self
            .moves_in_round()
            .find(|(_, m)| matches!(m.mv, Move::RestoreTradeAgreement));
        let (why, cause) = match by_move {
            Some((k, played)) => (
                format!(
                    "{} chose to restore it in {}.",
                    names.subject(played.side),
                    self.when(self.round)
                ),
                Cause::Move(k),
            ),
            None => ("The agreement was restored.".to_string(), Cause::Unknown),
        };
        let mut card = self.card(
            format!("{} restored", scenario.agreement_name()),
            event,
            why,
            cause,
            self.partner_tariff_change(TradeAgreementStatus::InForce),
        );
        card.outlook = format!(
            "US farm goods covered by {} pay the agreement's tariffs again.",
            agreement_full_name(scenario)
        );
        card
    }

    fn terminated(&self, event: &Event) -> EventCard {
        let scenario = self.scenario;
        let names = scenario.names();
        let by_move = self
            .moves_in_round()
            .find(|(_, m)| matches!(m.mv, Move::TerminateTradeAgreement));
        let (why, cause) = match (by_move, scenario.suspension()) {
            (Some((k, played)), _) => (
                format!(
                    "{} chose to terminate it in {}.",
                    names.subject(played.side),
                    self.when(self.round)
                ),
                Cause::Move(k),
            ),
            (None, Some(rules)) => (
                format!(
                    "The agreement stayed suspended with the US auto tariff above the {}'s line of {} for {} months: \
                     the {} terminates it after {}.",
                    scenario.partner.legislature,
                    format::rate(rules.auto_tariff_threshold),
                    self.state_months_suspended(),
                    scenario.partner.legislature,
                    rules.terminate_after_rounds
                ),
                Cause::Months(self.state_months_suspended()),
            ),
            (None, None) => ("The agreement was terminated.".to_string(), Cause::Unknown),
        };
        let mut card = self
            .card(
                format!("{} terminated", scenario.agreement_name()),
                event,
                why,
                cause,
                Vec::new(),
            )
            .with_month(self.month_changes(&[Measure::FarmExports, Measure::Approval(Side::Partner)]));
        card.outlook = "The talks collapse: the game ends with no deal.".to_string();
        card
    }

    fn government_fell(&self, side: Side, event: &Event) -> EventCard {
        let scenario = self.scenario;
        let names = scenario.names();
        let fall = scenario.politics.side(side).fall_below;
        let approval = self.after.map_or(0.0, |a| a.approval[side]);
        let why = format!(
            "{} overall approval ended the month at {approval:.1}%, below the {fall:.0}% at which a government falls.",
            names.possessive_subject(side)
        );
        let mut card = self
            .card(
                format!("The {} government falls", names.label(side)),
                event,
                why,
                Cause::Approval {
                    side,
                    approval,
                    line: fall,
                },
                Vec::new(),
            )
            .with_month(self.month_changes(&[Measure::Approval(side)]));
        card.outlook = "The talks collapse: the game ends with no deal.".to_string();
        card
    }

    /// The partner's tariff on the US goods the agreement covers, trade-weighted, with the agreement in force and in
    /// `status`: what suspending or restoring it changes at once.
    fn partner_tariff_change(&self, status: TradeAgreementStatus) -> Vec<Change> {
        let scenario = self.scenario;
        let Some(before) = self.before else {
            return Vec::new();
        };
        let mut with = before.policy.clone();
        with.trade_agreement = status;
        let mut without = before.policy.clone();
        without.trade_agreement = if status.in_force() {
            TradeAgreementStatus::Suspended
        } else {
            TradeAgreementStatus::InForce
        };
        let (Some(was), Some(now)) = (
            covered_partner_tariff(scenario, &without),
            covered_partner_tariff(scenario, &with),
        ) else {
            return Vec::new();
        };
        let names = scenario.names();
        vec![Change {
            what: format!(
                "{} tariff on the US farm goods the {} covers",
                names.possessive_subject(Side::Partner),
                scenario.agreement_name()
            ),
            before: was,
            after: now,
            unit: Unit::Rate,
        }]
    }

    /// The US auto tariff that put the whole auto tariff above the line, and since when.
    fn auto_tariff_cause(&self) -> Cause {
        let scenario = self.scenario;
        let history = &self.state.history;
        let above = |r: &RoundRecord| politics::auto_tariff_above_line(scenario, r.economy.auto_tariff_total);
        // The first month of the run of months above the line that ends in the event's month.
        let mut since = self.round;
        while since > 0 {
            match history.iter().find(|h| h.round == since - 1) {
                Some(h) if above(h) => since -= 1,
                _ => break,
            }
        }
        let record = |r: u32| history.iter().find(|h| h.round == r);
        let (Some(at), prior) = (record(since), since.checked_sub(1).and_then(record)) else {
            return Cause::Unknown;
        };
        // The instrument that adds most to the whole auto tariff of that month against the month before (before
        // the talks: against no instrument at all).
        let total = economy::auto_tariff_total(scenario, &at.policy);
        let mut best: Option<(usize, f64)> = None;
        for i in 0..scenario.us_instruments.len() {
            let mut without = at.policy.clone();
            without.us_rates[i] = prior.map_or(0.0, |p| p.policy.us_rates[i]);
            let contribution = total - economy::auto_tariff_total(scenario, &without);
            if contribution > 1e-12 && best.is_none_or(|(_, c)| contribution > c) {
                best = Some((i, contribution));
            }
        }
        let Some((i, _)) = best else {
            return Cause::Unknown;
        };
        let rate = at.policy.us_rates[i];
        let id = scenario.us_instruments[i].id.clone();
        let origin = if since == 0 {
            Cause::Calendar { due: 0 }
        } else {
            let set = self.state.moves.iter().enumerate().rev().find(|(_, m)| {
                m.round == since
                    && matches!(&m.mv, Move::SetTariff { instrument, rate: r } if *instrument == id && *r == rate)
            });
            match set {
                Some((k, _)) => Cause::Move(k),
                None => self.origin_of_due_tariff(i, rate, since),
            }
        };
        Cause::AutoTariff {
            instrument: id,
            rate,
            since,
            origin: Box::new(origin),
        }
    }

    /// Months in a row, up to the event's, that the whole auto tariff stood above the line.
    fn months_above_line(&self) -> u32 {
        let scenario = self.scenario;
        let mut months = 0;
        let mut round = self.round;
        while round > 0 {
            match self.state.history.iter().find(|h| h.round == round) {
                Some(h) if politics::auto_tariff_above_line(scenario, h.economy.auto_tariff_total) => months += 1,
                _ => break,
            }
            round -= 1;
        }
        months
    }

    /// Months up to the event's that the agreement stood suspended with the auto tariff above the line.
    fn state_months_suspended(&self) -> u32 {
        let scenario = self.scenario;
        let mut months = 0;
        let mut round = self.round;
        while round > 0 {
            match self.state.history.iter().find(|h| h.round == round) {
                Some(h)
                    if !h.policy.trade_agreement.in_force()
                        && politics::auto_tariff_above_line(scenario, h.economy.auto_tariff_total) =>
                {
                    months += 1
                }
                _ => break,
            }
            round -= 1;
        }
        months
    }
}

/// What suspension does from here on, in the model.
fn suspension_outlook(scenario: &Scenario) -> String {
    let terminate = scenario
        .suspension()
        .map(|rules| {
            format!(
                " Left suspended with the auto tariff above the line for {} months, it is terminated and the talks \
                 collapse.",
                rules.terminate_after_rounds
            )
        })
        .unwrap_or_default();
    format!(
        "US farm exports lose their tariff advantage from next month, as the higher tariff passes through. A deal \
         restores the agreement.{terminate}"
    )
}

/// The figures a month's record holds that a card may show.
#[derive(Debug, Clone, Copy)]
enum Measure {
    Deficit,
    TariffRevenue,
    ConsumerCost,
    FarmExports,
    Investment,
    Currency,
    Hazard,
    Approval(Side),
}

/// What a tariff taking effect moves in the month.
const TARIFF_MEASURES: [Measure; 5] = [
    Measure::Deficit,
    Measure::TariffRevenue,
    Measure::ConsumerCost,
    Measure::Hazard,
    Measure::Approval(Side::Partner),
];

impl Measure {
    fn change(self, scenario: &Scenario, before: &RoundRecord, after: &RoundRecord) -> Change {
        let names = scenario.names();
        let (what, unit) = match self {
            Measure::Deficit => ("US goods deficit".to_string(), Unit::BillionsPerYear),
            Measure::TariffRevenue => ("US tariff revenue".to_string(), Unit::BillionsPerYear),
            Measure::ConsumerCost => ("Cost to US buyers".to_string(), Unit::BillionsPerYear),
            Measure::FarmExports => ("US farm exports".to_string(), Unit::BillionsPerYear),
            Measure::Investment => (
                format!("{} investment in the US", names.possessive_subject(Side::Partner)),
                Unit::BillionsPerYear,
            ),
            Measure::Currency => ("Exchange rate, per dollar".to_string(), Unit::PerDollar),
            Measure::Hazard => ("Chance of suspension, a month".to_string(), Unit::Chance),
            Measure::Approval(side) => (format!("{} approval", names.possessive_subject(side)), Unit::Points),
        };
        Change {
            what,
            before: self.read(before),
            after: self.read(after),
            unit,
        }
    }

    /// The figure in a month's record.
    fn read(self, record: &RoundRecord) -> f64 {
        let e = &record.economy;
        match self {
            Measure::Deficit => e.goods_deficit_bn,
            Measure::TariffRevenue => e.tariff_revenue_bn,
            Measure::ConsumerCost => e.consumer_cost_bn,
            Measure::FarmExports => e.farm_exports_bn,
            Measure::Investment => e.investment_inflow_bn,
            Measure::Currency => e.currency_per_dollar,
            Measure::Hazard => record.trade_agreement_hazard,
            Measure::Approval(side) => record.approval[side],
        }
    }
}

/// The headline of a tariff taking effect; the news and the explanation share it, so they cannot drift apart.
pub(crate) fn took_effect_text(scenario: &Scenario, instrument: usize, rate: f64) -> String {
    format!(
        "{} at {}% takes effect",
        scenario.us_instruments[instrument].name,
        format::percent(rate)
    )
}

/// The partner's legislature as news names it: "Japan's Diet".
pub(crate) fn legislature(scenario: &Scenario) -> String {
    scenario.names().legislature_subject()
}

/// The trade agreement's full name in a sentence: "the US–Japan Trade Agreement".
pub(crate) fn agreement_full_name(scenario: &Scenario) -> &str {
    scenario
        .trade_agreement
        .as_ref()
        .map_or("the trade agreement", |agreement| agreement.full_name.as_str())
}

/// The partner's tariff on the US goods the trade agreement covers, weighted by US exports; none when it covers none.
fn covered_partner_tariff(scenario: &Scenario, policy: &Policy) -> Option<f64> {
    let mut weighted = 0.0;
    let mut exports = 0.0;
    for (s, sector) in scenario.sectors.iter().enumerate() {
        if sector.has(SectorFlag::TradeAgreement) {
            weighted += sector.us_exports_bn * economy::partner_tariff(scenario, s, policy);
            exports += sector.us_exports_bn;
        }
    }
    (exports > 0.0).then(|| weighted / exports)
}
