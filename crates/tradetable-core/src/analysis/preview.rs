//! A move before it is sent: what it changes (the figures if talks failed, a year on, before and after it; the
//! whole auto tariff and the legislature's monthly chance of suspending the trade agreement), the rules it would
//! set off with their thresholds — an auto tariff above the line, an announcement that will cross it, a threat in
//! the last round, a suspension, the end of the talks — and what the computer opponent would likely make of it,
//! read off that opponent's own agent (its acceptance rule and reasons for a package, its tit-for-tat for a move
//! away from the table). One pure function, [`preview_move`], for the game, the CLI and the tests alike.

use serde::Serialize;

use crate::ai::agent::{Agent, RETALIATION_PER_ACT};
use crate::ai::catalogue::Opponent;
use crate::ai::preferences::Valuation;
use crate::ai::tactics::{self, Observation};
use crate::model::economy::{self, Policy, TradeAgreementStatus};
use crate::model::politics;
use crate::rules::moves::{CounterTariffMove, Move};
use crate::rules::negotiation::{GameState, Offer, apply};
use crate::rules::package::Package;
use crate::rules::score::{Projection, Valuer};
use crate::scenario::format;
use crate::scenario::schema::{PerSide, Scenario, Side};

/// Changes smaller than this are no change (a rate on the line, a hazard that did not move).
const EPSILON: f64 = 1e-9;

/// The figures a move is judged by: the month a year on if talks failed, as the no-deal column of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// US goods deficit, $bn a year.
    pub deficit_bn: f64,
    /// US tariff revenue, $bn a year.
    pub tariff_revenue_bn: f64,
    /// What the tariffs above the starting rates cost US buyers, $bn a year.
    pub consumer_cost_bn: f64,
    /// US farm exports to the partner, $bn a year.
    pub farm_exports_bn: f64,
    /// The partner's direct investment into the US, $bn a year.
    pub investment_bn: f64,
    /// Where each side's approval is heading.
    pub approval: PerSide<f64>,
    /// What no deal is worth to the side previewing the move, 0–100 (none where the scenario holds no objectives
    /// for it).
    pub worth_to_viewer: Option<f64>,
}

impl Figures {
    fn of(valuer: &Valuer, projection: &Projection, viewer: Side) -> Figures {
        let e = &projection.economy;
        let worth = !valuer.scenario().objectives[viewer].is_empty();
        Figures {
            deficit_bn: e.goods_deficit_bn,
            tariff_revenue_bn: e.tariff_revenue_bn,
            consumer_cost_bn: e.consumer_cost_bn,
            farm_exports_bn: e.farm_exports_bn,
            investment_bn: e.investment_inflow_bn,
            approval: projection.approval,
            worth_to_viewer: worth.then(|| valuer.utility_of(viewer, projection) * 100.0),
        }
    }
}

/// How much a rule a move sets off matters before sending it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; the move is sent at once.
    Note,
    /// The move sets off a rule that changes the game: the player confirms before it is sent.
    Warning,
}

/// A rule of the game a move would set off, with its threshold and the figures that cross it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// The whole auto tariff in force would be above the line the partner's legislature tolerates: its monthly
    /// chance of suspending the trade agreement rises, and after `certain_after` more months above the line
    /// suspension is certain (0: at the end of this month).
    AutoTariffAboveLine {
        /// The whole auto tariff after the move (fraction).
        auto_tariff: f64,
        /// The line (fraction).
        line: f64,
        /// The monthly chance of suspension before the move.
        hazard_before: f64,
        /// And after it.
        hazard_after: f64,
        /// Months above the line, this one included, until suspension is certain.
        certain_after: u32,
    },
    /// The agreement is suspended and the move raises the auto tariff above the line: after `months_left` more
    /// months so the legislature terminates it, and the talks collapse.
    TerminationCountdown {
        /// The whole auto tariff after the move.
        auto_tariff: f64,
        /// The line.
        line: f64,
        /// Months, this one included, until termination.
        months_left: u32,
    },
    /// An announced rate that would take the whole auto tariff above the line when it takes effect.
    AnnouncedAboveLine {
        /// The whole auto tariff once it takes effect.
        auto_tariff: f64,
        /// The line.
        line: f64,
        /// The month it takes effect, `YYYY-MM`.
        month: String,
    },
    /// A threat that, carried out, would take the whole auto tariff above the line (a threat alone sets nothing).
    ThreatAboveLine {
        /// The whole auto tariff if it were carried out.
        auto_tariff: f64,
        /// The line.
        line: f64,
    },
    /// A threat in the last round: it can no longer be announced for a date before the deadline.
    LateThreat {
        /// The last round.
        last_round: u32,
    },
    /// A delay that pushes an announced rise past the deadline: it then falls due after the talks, if no deal
    /// settles it.
    PastDeadline {
        /// The month it would take effect, `YYYY-MM`.
        month: String,
    },
    /// Suspending the agreement: the partner's MFN tariffs apply to US goods until it is restored or a deal signed.
    Suspension {
        /// US farm exports a year on with the policies in force, before the move.
        farm_exports_before: f64,
        /// And after it.
        farm_exports_after: f64,
        /// Months of suspension above the auto-tariff line after which the legislature terminates it, when the
        /// auto tariff is above the line now.
        terminated_after: Option<u32>,
    },
    /// The move ends the talks (terminating the agreement, walking away).
    EndsTalks,
    /// The package is worth less to the side than no deal.
    BelowWalkAway {
        /// What the package is worth to the side, 0–100.
        worth: f64,
        /// What no deal is worth to it.
        walk_away: f64,
    },
    /// Passing rejects the offer on the table.
    RejectsOffer,
}

/// One rule a move would set off, as the player reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// The rule and its figures.
    pub trigger: Trigger,
    /// Whether the move needs confirming.
    pub severity: Severity,
    /// A few words for next to the button: "Auto tariff 27.5%, above the 15% line".
    pub headline: String,
    /// One sentence saying what happens and why.
    pub text: String,
}

/// What the computer opponent would likely make of the move, from its own agent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reaction {
    /// Who reacts: "Japan's AI (Normal)".
    pub who: String,
    /// For a package: whether it would accept it now.
    pub accepts: Option<bool>,
    /// The reaction in a sentence.
    pub summary: String,
    /// The agent's own reasons, as it would give them.
    pub reasons: Vec<String>,
}

/// A move's preview: what [`preview_move`] returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MovePreview {
    /// The move in words.
    pub title: String,
    /// Why the rules would refuse it, if they would; nothing else is filled in then.
    pub refused: Option<String>,
    /// If talks failed, a year on, before the move (moves away from the table only).
    pub before: Option<Figures>,
    /// And after it.
    pub after: Option<Figures>,
    /// The whole auto tariff in force before and after the move, when suspension is in play.
    pub auto_tariff: Option<(f64, f64)>,
    /// The legislature's chance of suspending the agreement this month, before and after the move, when suspension
    /// is in play.
    pub suspension_hazard: Option<(f64, f64)>,
    /// The rules it would set off.
    pub checks: Vec<Check>,
    /// The computer opponent's likely reaction, when the other side is a computer player that can say.
    pub reaction: Option<Reaction>,
}

impl MovePreview {
    /// Whether the move sets off a rule the player should confirm before sending it.
    pub fn needs_confirmation(&self) -> bool {
        self.checks.iter().any(|c| c.severity == Severity::Warning)
    }

    /// The warnings, most serious first as they were found.
    pub fn warnings(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.severity == Severity::Warning)
    }
}

/// Previews `mv` by `viewer` at `state`: the figures before and after, the rules it would set off, and — when
/// `opponent` is the computer player on the other side — its likely reaction. Pure and deterministic: the same
/// inputs give the same preview, and nothing is played.
pub fn preview_move(
    scenario: &Scenario,
    state: &GameState,
    mv: &Move,
    viewer: Side,
    opponent: Option<&Opponent>,
) -> MovePreview {
    let mut preview = MovePreview {
        title: describe(scenario, mv),
        refused: None,
        before: None,
        after: None,
        auto_tariff: None,
        suspension_hazard: None,
        checks: Vec::new(),
        reaction: None,
    };
    if state.to_move != viewer && !state.is_over() {
        preview.refused = Some("it is not your turn".to_string());
        return preview;
    }
    let next = match apply(scenario, state, mv) {
        Ok(applied) => applied.state,
        Err(error) => {
            preview.refused = Some(error.to_string());
            return preview;
        }
    };
    let agent = opponent
        .filter(|_| !scenario.objectives[viewer.other()].is_empty())
        .and_then(|o| o.build(scenario, viewer.other()).ok().map(|agent| (o, agent)));
    let valuer = Valuer::new(scenario, state);
    if mv.ends_turn() {
        preview.checks = turn_checks(scenario, &valuer, mv, viewer);
        preview.reaction = match (mv, &agent) {
            (Move::Propose(package), Some((o, agent))) => {
                Some(package_reaction(scenario, state, package, viewer, o, agent))
            }
            _ => None,
        };
        return preview;
    }
    let no_deal_before = valuer.project_no_deal();
    let after_valuer = Valuer::new(scenario, &next);
    let no_deal_after = after_valuer.project_no_deal();
    let before = Figures::of(&valuer, &no_deal_before, viewer);
    let after = Figures::of(&after_valuer, &no_deal_after, viewer);
    if scenario.suspension().is_some() {
        let tariff = |policy: &Policy| economy::auto_tariff_total(scenario, policy);
        let approval = state.latest().approval.partner;
        let hazard = |policy: &Policy| {
            if policy.trade_agreement.in_force() {
                politics::trade_agreement_hazard(scenario, tariff(policy), approval)
            } else {
                0.0
            }
        };
        preview.auto_tariff = Some((tariff(&state.policy), tariff(&next.policy)));
        preview.suspension_hazard = Some((hazard(&state.policy), hazard(&next.policy)));
    }
    preview.checks = action_checks(scenario, state, &next, mv);
    preview.reaction = agent.map(|(o, agent)| action_reaction(scenario, state, &next, viewer, o, &agent));
    preview.before = Some(before);
    preview.after = Some(after);
    preview
}

/// The move in words, with the scenario's names: "Raise the Section 232 tariff on autos and parts to 25% now".
pub fn describe(scenario: &Scenario, mv: &Move) -> String {
    let instrument = |id: &str| {
        scenario
            .instrument_index(id)
            .map_or_else(|| id.to_string(), |i| scenario.us_instruments[i].name.clone())
    };
    let agreement = scenario.agreement_name();
    match mv {
        Move::SetTariff { instrument: id, rate } => format!("Set the {} to {}", instrument(id), format::rate(*rate)),
        Move::ScheduleTariff {
            instrument: id,
            rate,
            round,
        } => format!(
            "Announce the {} at {} from {}",
            instrument(id),
            format::rate(*rate),
            format::month(&scenario.month_of_round(*round))
        ),
        Move::Threaten { instrument: id, rate } => {
            format!("Threaten the {} at {}", instrument(id), format::rate(*rate))
        }
        Move::Delay { instrument: id, months } => format!("Delay the {} by {months} month(s)", instrument(id)),
        Move::SetQuota {
            instrument: id,
            quota_bn,
        } => {
            format!(
                "Open a {} tariff-free quota under the {}",
                format::bn(*quota_bn),
                instrument(id)
            )
        }
        Move::Exempt {
            instrument: id,
            sector,
            exempt,
        } => {
            let sector = scenario
                .sector_index(sector)
                .map_or_else(|| sector.clone(), |k| scenario.sectors[k].name.clone());
            if *exempt {
                format!("Exempt {sector} from the {}", instrument(id))
            } else {
                format!("End the exemption of {sector} from the {}", instrument(id))
            }
        }
        Move::Implement { lever, level } => match scenario.lever_index(lever) {
            Some(k) => {
                let l = &scenario.partner_levers[k];
                format!("Put into force: {} ({})", l.name, format::lever_level(l.unit, *level))
            }
            None => format!("Put into force: {lever} at {level}"),
        },
        Move::CounterTariff(action) => describe_counter_tariff(scenario, action),
        Move::SuspendTradeAgreement => format!("Suspend the {agreement}"),
        Move::RestoreTradeAgreement => format!("Restore the {agreement}"),
        Move::TerminateTradeAgreement => format!("Terminate the {agreement}"),
        Move::Propose(_) => "Propose your package".to_string(),
        Move::Accept => "Accept the package on the table".to_string(),
        Move::Pass => "Pass".to_string(),
        Move::WalkAway => "Walk away".to_string(),
    }
}

/// A counter-tariff move in words: "Threaten the EU countermeasures at 25%".
fn describe_counter_tariff(scenario: &Scenario, action: &CounterTariffMove) -> String {
    let name = scenario.partner_tariff_index(action.tariff()).map_or_else(
        || action.tariff().to_string(),
        |c| scenario.partner_tariffs[c].name.clone(),
    );
    match action {
        CounterTariffMove::Set { rate, .. } if *rate > 0.0 => {
            format!("Put the {name} into force at {}", format::rate(*rate))
        }
        CounterTariffMove::Set { .. } => format!("Lift the {name}"),
        CounterTariffMove::Announce { rate, round, .. } => format!(
            "Announce the {name} at {} from {}",
            format::rate(*rate),
            format::month(&scenario.month_of_round(*round))
        ),
        CounterTariffMove::Threaten { rate, .. } => format!("Threaten the {name} at {}", format::rate(*rate)),
        CounterTariffMove::Suspend { months, .. } => format!("Suspend the {name} for {months} month(s)"),
    }
}

/// Points out of 100, as the game shows worth.
fn points(utility: f64) -> String {
    format!("{:.0}", utility)
}

/// The rules a move that ends the turn would set off.
fn turn_checks(scenario: &Scenario, valuer: &Valuer, mv: &Move, viewer: Side) -> Vec<Check> {
    let state = valuer.state();
    let mut checks = Vec::new();
    let worth_check = |package: &Package, severity: Severity, what: &str| {
        if scenario.objectives[viewer].is_empty() {
            return None;
        }
        let worth = valuer.utility(viewer, package) * 100.0;
        let walk_away = valuer.reservation(viewer) * 100.0;
        (worth + EPSILON < walk_away).then(|| Check {
            trigger: Trigger::BelowWalkAway { worth, walk_away },
            severity,
            headline: format!("Worth {} to you, below no deal's {}", points(worth), points(walk_away)),
            text: format!(
                "{what} is worth {} to you, below the {} of no deal: signed, it leaves you worse off than walking \
                 away.",
                points(worth),
                points(walk_away)
            ),
        })
    };
    match mv {
        Move::Propose(package) => checks.extend(worth_check(package, Severity::Note, "This package")),
        Move::Accept => {
            if let Some(offer) = state.offer_to(viewer) {
                checks.extend(worth_check(&offer.package, Severity::Warning, "The offer on the table"));
            }
        }
        Move::Pass if state.offer_to(viewer).is_some() => checks.push(Check {
            trigger: Trigger::RejectsOffer,
            severity: Severity::Note,
            headline: "Rejects the offer on the table".to_string(),
            text: "Passing rejects the offer on the table.".to_string(),
        }),
        Move::WalkAway => checks.push(Check {
            trigger: Trigger::EndsTalks,
            severity: Severity::Warning,
            headline: "Ends the talks".to_string(),
            text: "The talks end without a deal; every announced and threatened tariff stays on the calendar."
                .to_string(),
        }),
        _ => {}
    }
    checks
}

/// The rules a move away from the table would set off, from the state before (`state`) and after (`next`) it.
fn action_checks(scenario: &Scenario, state: &GameState, next: &GameState, mv: &Move) -> Vec<Check> {
    let mut checks = Vec::new();
    // The suspension's own effect: the policies in force carried on, with and without the agreement (the no-deal
    // figures may already expect the legislature to suspend it).
    let in_force = |s: &GameState| {
        Valuer::new(scenario, s)
            .project_policy(s.policy.clone(), s.conditions.uncertainty, false)
            .economy
            .farm_exports_bn
    };
    let (farm_exports_before, farm_exports_after) = match mv {
        Move::SuspendTradeAgreement => (in_force(state), in_force(next)),
        _ => (0.0, 0.0),
    };
    let names = scenario.names();
    let legislature = format!(
        "{} {}",
        names.possessive_subject(Side::Partner),
        scenario.partner.legislature
    );
    let agreement = scenario.agreement_name();
    if let Some(rules) = scenario.suspension() {
        let line = rules.auto_tariff_threshold;
        let tariff_before = economy::auto_tariff_total(scenario, &state.policy);
        let tariff_after = economy::auto_tariff_total(scenario, &next.policy);
        let above_after = politics::auto_tariff_above_line(scenario, tariff_after);
        let raised = tariff_after > tariff_before + EPSILON;
        let approval = state.latest().approval.partner;
        match next.policy.trade_agreement {
            TradeAgreementStatus::InForce if above_after => {
                let hazard_before = if state.policy.trade_agreement.in_force() {
                    politics::trade_agreement_hazard(scenario, tariff_before, approval)
                } else {
                    0.0
                };
                let hazard_after = politics::trade_agreement_hazard(scenario, tariff_after, approval);
                let certain_after = rules
                    .rounds_to_certain_suspension
                    .saturating_sub(state.trade_agreement_pressure_months + 1);
                let when = if certain_after == 0 {
                    "suspension is certain at the end of this month".to_string()
                } else {
                    format!("after {certain_after} more month(s) above it suspension is certain")
                };
                checks.push(Check {
                    trigger: Trigger::AutoTariffAboveLine {
                        auto_tariff: tariff_after,
                        line,
                        hazard_before,
                        hazard_after,
                        certain_after,
                    },
                    // Restoring the agreement under tariffs already above the line is worth knowing, not confirming.
                    severity: if raised { Severity::Warning } else { Severity::Note },
                    headline: format!(
                        "Auto tariff {}, above the {} line: suspension risk from {} to {} a month",
                        format::rate(tariff_after),
                        format::rate(line),
                        format::chance(hazard_before),
                        format::chance(hazard_after)
                    ),
                    text: format!(
                        "The whole auto tariff would be {}, above the {} line {legislature} tolerates: its chance of \
                         suspending the {agreement} goes from {} to {} a month, and {when}.",
                        format::rate(tariff_after),
                        format::rate(line),
                        format::chance(hazard_before),
                        format::chance(hazard_after)
                    ),
                });
            }
            TradeAgreementStatus::Suspended if above_after && raised => {
                let months_left = rules
                    .terminate_after_rounds
                    .saturating_sub(state.trade_agreement_suspended_months + 1);
                checks.push(Check {
                    trigger: Trigger::TerminationCountdown {
                        auto_tariff: tariff_after,
                        line,
                        months_left,
                    },
                    severity: Severity::Warning,
                    headline: format!(
                        "The suspended {agreement} is terminated in {} month(s)",
                        months_left.max(1)
                    ),
                    text: format!(
                        "The {agreement} is suspended and the whole auto tariff would be {}, above the {} line: \
                         {legislature} terminates it after {} more month(s) like this, and the talks collapse.",
                        format::rate(tariff_after),
                        format::rate(line),
                        months_left.max(1)
                    ),
                });
            }
            _ => {}
        }
        match mv {
            Move::ScheduleTariff {
                instrument,
                rate,
                round,
            } => {
                if let Some(i) = scenario.instrument_index(instrument) {
                    let mut policy = next.policy.clone();
                    policy.us_rates[i] = *rate;
                    let carried_out = economy::auto_tariff_total(scenario, &policy);
                    if politics::auto_tariff_above_line(scenario, carried_out) && carried_out > tariff_after + EPSILON {
                        let month = scenario.month_of_round(*round);
                        checks.push(Check {
                            text: format!(
                                "From {} the whole auto tariff would be {}, above the {} line: unless it is delayed \
                                 or settled, {legislature} may suspend the {agreement}.",
                                format::month(&month),
                                format::rate(carried_out),
                                format::rate(line)
                            ),
                            trigger: Trigger::AnnouncedAboveLine {
                                auto_tariff: carried_out,
                                line,
                                month,
                            },
                            severity: Severity::Warning,
                            headline: format!(
                                "From {}: auto tariff {}, above the {} line",
                                format::month(&scenario.month_of_round(*round)),
                                format::rate(carried_out),
                                format::rate(line)
                            ),
                        });
                    }
                }
            }
            Move::Threaten { instrument, rate } => {
                if let Some(i) = scenario.instrument_index(instrument) {
                    let mut policy = next.policy.clone();
                    policy.us_rates[i] = *rate;
                    let carried_out = economy::auto_tariff_total(scenario, &policy);
                    if politics::auto_tariff_above_line(scenario, carried_out) {
                        checks.push(Check {
                            trigger: Trigger::ThreatAboveLine {
                                auto_tariff: carried_out,
                                line,
                            },
                            severity: Severity::Note,
                            headline: format!("Carried out: auto tariff {}, above the line", format::rate(carried_out)),
                            text: format!(
                                "Carried out, it would take the whole auto tariff to {}, above the {} line; the \
                                 threat alone does not count towards it.",
                                format::rate(carried_out),
                                format::rate(line)
                            ),
                        });
                    }
                }
            }
            Move::SuspendTradeAgreement => checks.push(Check {
                trigger: Trigger::Suspension {
                    farm_exports_before,
                    farm_exports_after,
                    terminated_after: politics::auto_tariff_above_line(scenario, tariff_after)
                        .then_some(rules.terminate_after_rounds),
                },
                severity: Severity::Warning,
                headline: format!("{} MFN tariffs hit US goods", names.possessive_subject(Side::Partner)),
                text: {
                    let mut text = format!(
                        "{} MFN tariffs apply to US goods until it is restored or a deal is signed: with the \
                         policies now in force, US farm exports a year on go from {} to {}.",
                        names.possessive_subject(Side::Partner),
                        format::bn(farm_exports_before),
                        format::bn(farm_exports_after)
                    );
                    if politics::auto_tariff_above_line(scenario, tariff_after) {
                        text.push_str(&format!(
                            " With the whole auto tariff above the {} line, {legislature} terminates it after {} \
                             months, and the talks collapse.",
                            format::rate(line),
                            rules.terminate_after_rounds
                        ));
                    }
                    text
                },
            }),
            _ => {}
        }
    }
    match mv {
        Move::Threaten { .. } if state.round >= scenario.rounds => checks.push(Check {
            trigger: Trigger::LateThreat {
                last_round: scenario.rounds,
            },
            severity: Severity::Warning,
            headline: "Last round: it cannot take effect before the deadline".to_string(),
            text: format!(
                "This is the last round ({} of {}): the threat can no longer take effect before the deadline, yet \
                 investors and the other side count it, and it is carried out if talks fail.",
                state.round, scenario.rounds
            ),
        }),
        Move::Delay { instrument, .. } => {
            let i = scenario.instrument_index(instrument);
            let late = next
                .scheduled
                .iter()
                .filter(|s| Some(s.instrument) == i && s.round > scenario.rounds)
                .map(|s| s.round)
                .min();
            if let Some(round) = late {
                let month = scenario.month_of_round(round);
                checks.push(Check {
                    text: format!(
                        "The rise moves past the deadline, to {}: it still takes effect then if no deal settles it.",
                        format::month(&month)
                    ),
                    trigger: Trigger::PastDeadline { month },
                    severity: Severity::Note,
                    headline: "The rise moves past the deadline".to_string(),
                });
            }
        }
        Move::TerminateTradeAgreement => checks.push(Check {
            trigger: Trigger::EndsTalks,
            severity: Severity::Warning,
            headline: "Ends the talks at once".to_string(),
            text: format!("Terminating the {agreement} ends the talks at once: the game is a collapse."),
        }),
        _ => {}
    }
    checks
}

/// The opponent's name as the preview gives it: "Japan's AI (Normal)".
fn who(scenario: &Scenario, side: Side, opponent: &Opponent) -> String {
    format!(
        "{} AI ({})",
        scenario.names().possessive(side),
        opponent.display_name(scenario)
    )
}

/// What the opponent's agent would make of `package` on the table now: its decision, as if it were its turn.
fn package_reaction(
    scenario: &Scenario,
    state: &GameState,
    package: &Package,
    viewer: Side,
    opponent: &Opponent,
    agent: &Agent,
) -> Reaction {
    let them = viewer.other();
    let mut tabled = state.clone();
    tabled.offer = Some(Offer {
        from: viewer,
        round: state.round,
        package: package.clone(),
    });
    tabled.to_move = them;
    tabled.actions_this_turn = 0;
    let decision = agent.decide(scenario, &tabled);
    let who = who(scenario, them, opponent);
    let worth = decision.offered.unwrap_or(0.0) * 100.0;
    let threshold = decision.threshold * 100.0;
    let reserve = decision.reserve * 100.0;
    let summary = if decision.accept {
        format!(
            "{who} would likely accept this: it is worth {} to it, against the {} it would settle for now.",
            points(worth),
            points(threshold)
        )
    } else {
        format!(
            "{who} would likely reject this: it is worth {} to it, below the {} it would settle for now (no deal \
             is worth {} to it).",
            points(worth),
            points(threshold),
            points(reserve)
        )
    };
    Reaction {
        who,
        accepts: Some(decision.accept),
        summary,
        reasons: decision.reasons,
    }
}

/// What the opponent's agent would make of a move away from the table: whether it reads it as hostile or friendly,
/// what it would answer with (its tit-for-tat, if it reciprocates), and how the move changes no deal's worth to it.
fn action_reaction(
    scenario: &Scenario,
    state: &GameState,
    next: &GameState,
    viewer: Side,
    opponent: &Opponent,
    agent: &Agent,
) -> Reaction {
    let them = viewer.other();
    let who = who(scenario, them, opponent);
    let reading = tactics::read(them, &Observation::of(state), next);
    let mut their_turn = next.clone();
    their_turn.to_move = them;
    their_turn.actions_this_turn = 0;
    let answers = if agent.reciprocates() {
        tactics::plan(scenario, &their_turn, &[], Some(reading), false)
    } else {
        Vec::new()
    };
    let answer_text = answers
        .iter()
        .map(|mv| lowercase_first(&describe(scenario, mv)))
        .collect::<Vec<_>>()
        .join("; ");
    let mut summary = if reading.hostile > 0 && agent.reciprocates() {
        let mut text = format!(
            "{who} reads this as hostile and answers in kind: it will likely ask {} points more of any deal",
            points(RETALIATION_PER_ACT * f64::from(reading.hostile) * 100.0)
        );
        if !answer_text.is_empty() {
            text.push_str(&format!(" and {answer_text}"));
        }
        text.push('.');
        text
    } else if reading.friendly > 0 && agent.reciprocates() {
        if answer_text.is_empty() {
            format!("{who} reads this as goodwill, but has nothing to give back now.")
        } else {
            format!("{who} reads this as goodwill and will likely answer: {answer_text}.")
        }
    } else if reading.hostile + reading.friendly > 0 {
        format!("{who} does not answer moves away from the table in kind.")
    } else {
        format!("{who} will likely not answer this move in kind.")
    };
    let before = Valuation::new(scenario, state, them, agent.preferences()).reservation() * 100.0;
    let after = Valuation::new(scenario, next, them, agent.preferences()).reservation() * 100.0;
    if (after - before).abs() >= 0.5 {
        summary.push_str(&format!(
            " No deal becomes worth {} to it (was {}): {}.",
            points(after),
            points(before),
            if after < before {
                "a deal looks better to it than before"
            } else {
                "it can afford to wait"
            }
        ));
    }
    Reaction {
        who,
        accepts: None,
        summary,
        reasons: Vec::new(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ai::Difficulty;

    fn game() -> (Scenario, GameState) {
        let scenario = Scenario::builtin().expect("the shipped scenario loads");
        let state = GameState::new(&scenario, 7);
        (scenario, state)
    }

    fn normal() -> Opponent {
        Opponent::Difficulty(Difficulty::Normal)
    }

    fn set(instrument: &str, rate: f64) -> Move {
        Move::SetTariff {
            instrument: instrument.to_string(),
            rate,
        }
    }

    #[test]
    fn an_auto_tariff_above_the_diets_line_is_flagged_with_its_threshold() {
        let (scenario, state) = game();
        let preview = preview_move(&scenario, &state, &set("s232_autos", 0.25), Side::Us, Some(&normal()));
        assert!(preview.refused.is_none(), "{preview:?}");
        assert!(preview.needs_confirmation(), "{preview:?}");
        let Some(Check {
            trigger:
                Trigger::AutoTariffAboveLine {
                    auto_tariff,
                    line,
                    hazard_before,
                    hazard_after,
                    ..
                },
            ..
        }) = preview.warnings().next()
        else {
            panic!("no auto-tariff warning: {preview:?}");
        };
        assert_eq!(*line, 0.15);
        assert!(*auto_tariff > 0.27 && *auto_tariff < 0.28, "{auto_tariff}");
        assert!(hazard_after > hazard_before, "{hazard_before} → {hazard_after}");
        let (tariff_before, tariff_after) = preview.auto_tariff.expect("suspension is in play");
        assert!(tariff_after > tariff_before);
    }

    #[test]
    fn an_auto_tariff_on_the_line_and_other_tariffs_are_not_flagged() {
        let (scenario, state) = game();
        for mv in [
            set("s232_autos", 0.125),
            set("s232_steel", 0.25),
            set("aftp_blanket", 0.1),
        ] {
            let preview = preview_move(&scenario, &state, &mv, Side::Us, Some(&normal()));
            assert!(preview.refused.is_none(), "{mv}: {preview:?}");
            assert!(!preview.needs_confirmation(), "{mv}: {:?}", preview.checks);
            assert!(preview.before.is_some() && preview.after.is_some());
        }
    }

    #[test]
    fn cutting_a_tariff_back_below_the_line_is_not_flagged() {
        let (scenario, state) = game();
        let state = apply(&scenario, &state, &set("s232_autos", 0.25)).expect("legal").state;
        let preview = preview_move(&scenario, &state, &set("s232_autos", 0.0), Side::Us, None);
        assert!(!preview.needs_confirmation(), "{:?}", preview.checks);
        assert!(preview.checks.is_empty(), "{:?}", preview.checks);
    }

    #[test]
    fn an_announcement_that_will_cross_the_line_is_flagged_with_its_month() {
        let (scenario, state) = game();
        let mv = Move::ScheduleTariff {
            instrument: "s232_autos".into(),
            rate: 0.25,
            round: 3,
        };
        let preview = preview_move(&scenario, &state, &mv, Side::Us, None);
        assert!(
            preview
                .warnings()
                .any(|c| matches!(&c.trigger, Trigger::AnnouncedAboveLine { month, .. } if *month == scenario.month_of_round(3))),
            "{:?}",
            preview.checks
        );
    }

    #[test]
    fn a_threat_in_the_last_round_is_flagged_and_an_early_one_is_not() {
        let (scenario, state) = game();
        let threat = Move::Threaten {
            instrument: "aftp_blanket".into(),
            rate: 0.2,
        };
        assert!(!preview_move(&scenario, &state, &threat, Side::Us, None).needs_confirmation());
        let last = crate::ai::play::pass_while(&scenario, state, |s| s.round < scenario.rounds);
        let preview = preview_move(&scenario, &last, &threat, Side::Us, None);
        assert!(
            preview
                .warnings()
                .any(|c| matches!(c.trigger, Trigger::LateThreat { .. })),
            "{:?}",
            preview.checks
        );
    }

    #[test]
    fn suspending_and_terminating_the_agreement_are_flagged() {
        let (scenario, state) = game();
        let suspend = preview_move(&scenario, &state, &Move::SuspendTradeAgreement, Side::Us, None);
        let Some(Check {
            trigger:
                Trigger::Suspension {
                    farm_exports_before,
                    farm_exports_after,
                    ..
                },
            ..
        }) = suspend.warnings().next()
        else {
            panic!("no suspension warning: {:?}", suspend.checks);
        };
        assert!(farm_exports_after < farm_exports_before);
        let terminate = preview_move(&scenario, &state, &Move::TerminateTradeAgreement, Side::Us, None);
        assert!(terminate.warnings().any(|c| c.trigger == Trigger::EndsTalks));
    }

    #[test]
    fn a_japanese_gesture_is_harmless_and_the_us_ai_answers_it_in_kind() {
        let (scenario, state) = game();
        let state = apply(
            &scenario,
            &state,
            &Move::ScheduleTariff {
                instrument: "s232_autos".into(),
                rate: 0.125,
                round: 3,
            },
        )
        .expect("legal")
        .state;
        let state = apply(&scenario, &state, &Move::Pass).expect("legal").state;
        let lever = &scenario.partner_levers[0];
        let mv = Move::Implement {
            lever: lever.id.clone(),
            level: lever.options[1],
        };
        let preview = preview_move(&scenario, &state, &mv, Side::Partner, Some(&normal()));
        assert!(preview.refused.is_none(), "{preview:?}");
        assert!(!preview.needs_confirmation(), "{:?}", preview.checks);
        let reaction = preview.reaction.expect("the US AI can say");
        assert!(reaction.summary.contains("goodwill"), "{}", reaction.summary);
        assert!(reaction.summary.contains("delay"), "{}", reaction.summary);
    }

    #[test]
    fn a_raise_reads_as_hostile_to_a_normal_ai_and_not_to_an_easy_one() {
        let (scenario, state) = game();
        let mv = set("aftp_blanket", 0.1);
        let normal = preview_move(&scenario, &state, &mv, Side::Us, Some(&normal()));
        let reaction = normal.reaction.expect("the AI can say");
        assert_eq!(reaction.who, "Japan's AI (Normal)");
        assert!(reaction.summary.contains("4 points more"), "{}", reaction.summary);
        let easy = preview_move(
            &scenario,
            &state,
            &mv,
            Side::Us,
            Some(&Opponent::Difficulty(Difficulty::Easy)),
        );
        let reaction = easy.reaction.expect("the AI can say");
        assert!(reaction.summary.contains("does not answer"), "{}", reaction.summary);
    }

    #[test]
    fn raising_the_auto_tariff_before_its_announced_date_reads_as_hostile() {
        let (scenario, state) = game();
        let preview = preview_move(&scenario, &state, &set("s232_autos", 0.25), Side::Us, Some(&normal()));
        let reaction = preview.reaction.expect("the AI can say");
        assert!(reaction.summary.contains("hostile"), "{}", reaction.summary);
    }

    #[test]
    fn a_package_preview_says_what_the_ai_would_do_with_its_own_acceptance_rule() {
        let (scenario, state) = game();
        let space = crate::rules::package::PackageSpace::of(&scenario);
        let mut agent = normal().build(&scenario, Side::Partner).expect("builds");
        for (package, expected) in [(space.best_for(Side::Us), false), (space.best_for(Side::Partner), true)] {
            let preview = preview_move(
                &scenario,
                &state,
                &Move::Propose(package.clone()),
                Side::Us,
                Some(&normal()),
            );
            let reaction = preview.reaction.expect("the AI can say");
            assert_eq!(reaction.accepts, Some(expected), "{}", reaction.summary);
            // The same agent, asked at its turn with the package on the table, decides the same.
            let tabled = apply(&scenario, &state, &Move::Propose(package)).expect("legal").state;
            let played = crate::ai::Negotiator::next_move(&mut agent, &scenario, &tabled);
            assert_eq!(played == Move::Accept, expected);
        }
    }

    #[test]
    fn the_preview_is_deterministic_and_refuses_what_the_rules_refuse() {
        let (scenario, state) = game();
        let mv = set("s232_autos", 0.25);
        assert_eq!(
            preview_move(&scenario, &state, &mv, Side::Us, Some(&normal())),
            preview_move(&scenario, &state, &mv, Side::Us, Some(&normal()))
        );
        let refused = preview_move(&scenario, &state, &set("s232_autos", 0.3), Side::Us, None);
        assert!(refused.refused.is_some() && refused.checks.is_empty());
        let not_yours = preview_move(&scenario, &state, &Move::Pass, Side::Partner, None);
        assert!(not_yours.refused.is_some());
    }
}
