//! Your levers: the unilateral actions of the side to move, in groups the number keys select — the US's tariffs,
//! threats and calendar, goodwill gestures and the USJTA; Japan's concessions put into force early and the
//! USJTA. Each lever carries its explanation and a tooltip for every term. Every control is built from the core's
//! legality query (`GameState::available`): the panel knows no rule of its own, and `offered_moves` lists every
//! move its controls can make, for the test that the core accepts each of them.

use std::collections::HashMap;

use bevy_egui::egui;

use super::short_name;
use crate::game::glossary;
use crate::game::theme;
use tradetable_core::rules::moves::Available;
use tradetable_core::rules::negotiation::GameState;
use tradetable_core::scenario::format::{self, percent};
use tradetable_core::scenario::side::capitalised;
use tradetable_core::{Move, Scenario, Side, TradeAgreementStatus};

/// A group of levers; the number keys 1–4 pick one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeverGroup {
    /// US: set rates now.
    Tariffs,
    /// US: threaten a rate, or announce one for a later month.
    Threats,
    /// US: delay a scheduled rise, open a tariff-free quota.
    Goodwill,
    /// Japan: put concessions into force now.
    Concessions,
    /// Either side: suspend, restore or terminate the agreement.
    TradeAgreement,
}

impl LeverGroup {
    /// The groups of a side, in number-key order. The trade agreement's group only where the scenario puts its
    /// suspension in play.
    pub fn of(scenario: &Scenario, side: Side) -> Vec<LeverGroup> {
        let mut groups = match side {
            Side::Us => vec![LeverGroup::Tariffs, LeverGroup::Threats, LeverGroup::Goodwill],
            Side::Partner => vec![LeverGroup::Concessions],
        };
        if scenario.suspension().is_some() {
            groups.push(LeverGroup::TradeAgreement);
        }
        groups
    }

    /// The tab's label.
    pub fn label(self, scenario: &Scenario) -> &str {
        match self {
            LeverGroup::Tariffs => "Tariffs",
            LeverGroup::Threats => "Threats",
            LeverGroup::Goodwill => "Goodwill",
            LeverGroup::Concessions => "Gestures",
            LeverGroup::TradeAgreement => scenario.agreement_name(),
        }
    }

    /// What the group is for.
    pub fn about(self, scenario: &Scenario) -> String {
        let names = scenario.names();
        let text = match self {
            LeverGroup::Tariffs => {
                "Set a tariff now: raise it to add pressure, cut or lift it as goodwill. Rates in force change the \
                 economy at the end of the round."
            }
            LeverGroup::Threats => {
                "Threaten a rate without a date, or announce one for a later month. Threats weigh on the partner's \
                 investment and on the other side; announced rates take effect unless delayed or settled by a deal."
            }
            LeverGroup::Goodwill => {
                "Delay an announced rise, or let some imports in tariff-free under a quota: gestures that lower the \
                 temperature without giving away a term of the deal."
            }
            LeverGroup::Concessions => {
                "Put a concession into force now, before any deal, as a goodwill gesture. It costs you at once and \
                 may soften the US — a deal can still set it differently."
            }
            LeverGroup::TradeAgreement => {
                return format!(
                    "{} opened {} to US goods. Suspending it hurts US exporters such as farmers (and {} consumers); \
                     terminating it ends the talks.",
                    capitalised(
                        scenario
                            .trade_agreement
                            .as_ref()
                            .map_or("the agreement", |a| a.full_name.as_str())
                    ),
                    names.with_article(Side::Partner),
                    names.possessive(Side::Partner)
                );
            }
        };
        text.to_string()
    }
}

/// Inputs the lever panel keeps between frames (the rate picked, the round, the months…).
#[derive(Debug, Clone, Default)]
pub struct LeverInputs {
    rate: HashMap<usize, usize>,
    round: HashMap<usize, u32>,
    months: HashMap<usize, u32>,
    quota: HashMap<usize, f64>,
    level: HashMap<usize, usize>,
    terminate_armed: bool,
}

/// What the lever panel shows.
pub struct LeverView<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The state.
    pub state: &'a GameState,
    /// The side whose levers these are.
    pub side: Side,
    /// Whether that side may act now.
    pub can_act: bool,
    /// Whether the teacher has paused the table (a networked one): then that, not the turn, locks the levers.
    pub paused: bool,
}

impl LeverView<'_> {
    /// What the side may do now, from the core.
    fn available(&self) -> Available {
        self.state.available(self.scenario, self.side)
    }
}

/// Every move the lever panel's controls can make for `available` (quotas at none, half and all of the covered
/// imports, as the quota control's ends and middle): each is accepted by `apply`, and every legal action that
/// changes something has a control here.
pub fn offered_moves(scenario: &Scenario, state: &GameState, available: &Available) -> Vec<Move> {
    let mut offered = Vec::new();
    for m in &available.instruments {
        let id = &scenario.us_instruments[m.instrument].id;
        for &rate in &m.set_rates {
            offered.push(Move::SetTariff {
                instrument: id.clone(),
                rate,
            });
        }
        for &rate in &m.threat_rates {
            offered.push(Move::Threaten {
                instrument: id.clone(),
                rate,
            });
        }
        for &rate in &m.schedule_rates {
            for round in m.schedule_rounds.clone() {
                offered.push(Move::ScheduleTariff {
                    instrument: id.clone(),
                    rate,
                    round,
                });
            }
        }
        for months in m.delay_months.clone().into_iter().flatten() {
            offered.push(Move::Delay {
                instrument: id.clone(),
                months,
            });
        }
        for quota_bn in [0.0, quota_step(m.quota_ceiling_bn / 2.0), m.quota_ceiling_bn] {
            if quota_bn != state.policy.us_quotas_bn[m.instrument] {
                offered.push(Move::SetQuota {
                    instrument: id.clone(),
                    quota_bn,
                });
            }
        }
        for &sector in &m.exemptable {
            offered.push(Move::Exempt {
                instrument: id.clone(),
                sector: scenario.sectors[sector].id.clone(),
                exempt: !state.policy.us_exemptions[m.instrument].contains(&sector),
            });
        }
    }
    for m in &available.levers {
        for &level in &m.levels {
            offered.push(Move::Implement {
                lever: scenario.partner_levers[m.lever].id.clone(),
                level,
            });
        }
    }
    if available.trade_agreement.suspend {
        offered.push(Move::SuspendTradeAgreement);
    }
    if available.trade_agreement.restore {
        offered.push(Move::RestoreTradeAgreement);
    }
    if available.trade_agreement.terminate {
        offered.push(Move::TerminateTradeAgreement);
    }
    offered
}

/// A quota as the control sends it: to a tenth of a $bn, never above `x`.
fn quota_step(x: f64) -> f64 {
    (x * 10.0).floor() / 10.0
}

/// Draws the group tabs and the chosen group; returns a move to apply.
pub fn lever_panel(
    ui: &mut egui::Ui,
    view: &LeverView,
    group: &mut LeverGroup,
    inputs: &mut LeverInputs,
) -> Option<Move> {
    let groups = LeverGroup::of(view.scenario, view.side);
    if !groups.contains(group) {
        *group = groups[0];
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Your levers").size(17.0).strong());
        ui.label(theme::side_text(view.scenario.names(), view.side));
    });
    ui.horizontal_wrapped(|ui| {
        for (k, g) in groups.iter().enumerate() {
            ui.selectable_value(group, *g, format!("{} {}", k + 1, g.label(view.scenario)))
                .on_hover_text(format!("Key {}", k + 1));
        }
    });
    ui.separator();
    glossary::label(
        ui,
        egui::RichText::new(group.about(view.scenario))
            .small()
            .color(theme::MUTED),
        "",
    );
    // The seat may act (the game's view) and the core allows it (its turn, actions left).
    let can_act = view.can_act && view.available().can_act;
    // Always one line here, so the levers stay put when the turn changes.
    if !can_act {
        let why = if view.paused {
            "The teacher has paused the table: the levers are locked."
        } else {
            "Not your turn: the levers are locked."
        };
        theme::cut_label(ui, egui::RichText::new(why).color(theme::BAD), "");
    } else {
        theme::cut_label(
            ui,
            egui::RichText::new("Your turn: a lever acts at once.").color(theme::GOOD),
            "",
        );
    }
    ui.add_space(4.0);
    let mut chosen = None;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_enabled_ui(can_act, |ui| {
            chosen = match group {
                LeverGroup::Tariffs => tariffs(ui, view, inputs),
                LeverGroup::Threats => threats(ui, view, inputs),
                LeverGroup::Goodwill => goodwill(ui, view, inputs),
                LeverGroup::Concessions => concessions(ui, view, inputs),
                LeverGroup::TradeAgreement => trade_agreement(ui, view, inputs),
            };
        });
    });
    chosen
}

fn instrument_header(ui: &mut egui::Ui, view: &LeverView, i: usize) {
    let ins = &view.scenario.us_instruments[i];
    let rate = view.state.policy.us_rates[i];
    let mut status = format!("in force {}%", percent(rate));
    for s in view.state.scheduled.iter().filter(|s| s.instrument == i) {
        status.push_str(&format!(
            " · {}% from {}",
            percent(s.rate),
            format::month(&view.scenario.month_of_round(s.round))
        ));
    }
    for t in view.state.threats.iter().filter(|t| t.instrument == i) {
        status.push_str(&format!(" · threatened {}%", percent(t.rate)));
    }
    if view.state.policy.us_quotas_bn[i] > 0.0 {
        status.push_str(&format!(" · quota ${:.1}bn", view.state.policy.us_quotas_bn[i]));
    }
    glossary::label(
        ui,
        egui::RichText::new(short_name(&ins.name)).strong(),
        &format!("{}\n\n{}", ins.name, ins.explanation),
    );
    ui.label(egui::RichText::new(status).small().color(theme::MUTED));
}

fn rate_picker(ui: &mut egui::Ui, view: &LeverView, i: usize, picked: &mut usize) {
    let options = &view.scenario.us_instruments[i].options;
    *picked = (*picked).min(options.len() - 1);
    for (k, o) in options.iter().enumerate() {
        ui.selectable_value(picked, k, format!("{}%", percent(*o)));
    }
}

fn tariffs(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs) -> Option<Move> {
    let mut chosen = None;
    let available = view.available();
    for (i, ins) in view.scenario.us_instruments.iter().enumerate() {
        ui.push_id(("tariff", i), |ui| {
            instrument_header(ui, view, i);
            let current = view.state.policy.us_rates[i];
            let default = ins.options.iter().position(|o| *o == current).unwrap_or(0);
            let picked = inputs.rate.entry(i).or_insert(default);
            ui.horizontal_wrapped(|ui| {
                rate_picker(ui, view, i, picked);
                let rate = ins.options[*picked];
                let verb = if rate > current {
                    "Raise"
                } else if rate < current {
                    "Cut"
                } else {
                    "Set"
                };
                if ui
                    .add_enabled(
                        available.instruments[i].set_rates.contains(&rate),
                        egui::Button::new(format!("{verb} now")),
                    )
                    .clicked()
                {
                    chosen = Some(Move::SetTariff {
                        instrument: ins.id.clone(),
                        rate,
                    });
                }
            });
            ui.separator();
        });
    }
    chosen
}

fn threats(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs) -> Option<Move> {
    let mut chosen = None;
    let available = view.available();
    for (i, ins) in view.scenario.us_instruments.iter().enumerate() {
        ui.push_id(("threat", i), |ui| {
            instrument_header(ui, view, i);
            let allowed = &available.instruments[i];
            let default = ins.options.len() - 1;
            let picked = inputs.rate.entry(i).or_insert(default);
            ui.horizontal_wrapped(|ui| rate_picker(ui, view, i, picked));
            let rate = ins.options[*picked];
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(allowed.threat_rates.contains(&rate), egui::Button::new("Threaten"))
                    .on_hover_text("A threat without a date: it does nothing by itself, but unsettles investors.")
                    .clicked()
                {
                    chosen = Some(Move::Threaten {
                        instrument: ins.id.clone(),
                        rate,
                    });
                }
                let rounds = allowed.schedule_rounds.clone();
                let first = *rounds.start();
                let round = inputs.round.entry(i).or_insert(first);
                if !rounds.contains(round) {
                    *round = first;
                }
                let can_schedule = allowed.schedule_rates.contains(&rate) && !rounds.is_empty();
                if ui
                    .add_enabled(can_schedule, egui::Button::new("Announce for"))
                    .clicked()
                {
                    chosen = Some(Move::ScheduleTariff {
                        instrument: ins.id.clone(),
                        rate,
                        round: *round,
                    });
                }
                egui::ComboBox::from_id_salt("round")
                    .width(90.0)
                    .selected_text(format::month(&view.scenario.month_of_round(*round)))
                    .show_ui(ui, |ui| {
                        for r in rounds.clone() {
                            ui.selectable_value(round, r, format::month(&view.scenario.month_of_round(r)));
                        }
                    });
            });
            ui.separator();
        });
    }
    chosen
}

fn goodwill(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs) -> Option<Move> {
    let mut chosen = None;
    let available = view.available();
    for (i, ins) in view.scenario.us_instruments.iter().enumerate() {
        ui.push_id(("goodwill", i), |ui| {
            instrument_header(ui, view, i);
            let allowed = &available.instruments[i];
            let pending = allowed.delay_months.is_some();
            let delays = allowed.delay_months.clone().unwrap_or(1..=1);
            ui.horizontal_wrapped(|ui| {
                let months = inputs.months.entry(i).or_insert(1);
                *months = (*months).clamp(*delays.start(), *delays.end());
                if ui
                    .add_enabled(pending, egui::Button::new("Delay"))
                    .on_hover_text("Push back announced rises of this tariff and drop its threat.")
                    .clicked()
                {
                    chosen = Some(Move::Delay {
                        instrument: ins.id.clone(),
                        months: *months,
                    });
                }
                ui.add_enabled(pending, egui::DragValue::new(months).range(delays).suffix(" month(s)"));
            });
            let covered = allowed.quota_ceiling_bn;
            let quota = inputs.quota.entry(i).or_insert(view.state.policy.us_quotas_bn[i]);
            *quota = quota.clamp(0.0, covered);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(
                        *quota != view.state.policy.us_quotas_bn[i],
                        egui::Button::new("Open quota"),
                    )
                    .on_hover_text("This many $bn a year of covered imports pay no tariff under this instrument.")
                    .clicked()
                {
                    chosen = Some(Move::SetQuota {
                        instrument: ins.id.clone(),
                        quota_bn: quota_step(*quota),
                    });
                }
                ui.add(
                    egui::DragValue::new(quota)
                        .range(0.0..=covered)
                        .speed(0.5)
                        .fixed_decimals(1)
                        .prefix("$")
                        .suffix(format!("bn of {covered:.1}")),
                );
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new("Exempt:").small().color(theme::MUTED))
                    .on_hover_text("Take a sector out of this tariff (or put it back).");
                for &sector in &allowed.exemptable {
                    let exempted = view.state.policy.us_exemptions[i].contains(&sector);
                    let name = short_name(&view.scenario.sectors[sector].name);
                    if ui.selectable_label(exempted, name).clicked() {
                        chosen = Some(Move::Exempt {
                            instrument: ins.id.clone(),
                            sector: view.scenario.sectors[sector].id.clone(),
                            exempt: !exempted,
                        });
                    }
                }
            });
            ui.separator();
        });
    }
    chosen
}

fn concessions(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs) -> Option<Move> {
    let mut chosen = None;
    let available = view.available();
    for (i, lever) in view.scenario.partner_levers.iter().enumerate() {
        ui.push_id(("lever", i), |ui| {
            let current = view.state.policy.concessions[i];
            glossary::label(ui, egui::RichText::new(&lever.name).strong(), &lever.explanation);
            ui.label(
                egui::RichText::new(format!(
                    "in force: {}",
                    format::lever_level(view.scenario.partner_levers[i].unit, current)
                ))
                .small()
                .color(theme::MUTED),
            );
            let default = lever.options.iter().position(|o| *o == current).unwrap_or(0);
            let picked = inputs.level.entry(i).or_insert(default);
            *picked = (*picked).min(lever.options.len() - 1);
            ui.horizontal_wrapped(|ui| {
                for (k, o) in lever.options.iter().enumerate() {
                    ui.selectable_value(picked, k, format::lever_level(view.scenario.partner_levers[i].unit, *o));
                }
                let level = lever.options[*picked];
                if ui
                    .add_enabled(
                        available.levers[i].levels.contains(&level),
                        egui::Button::new("Put into force"),
                    )
                    .clicked()
                {
                    chosen = Some(Move::Implement {
                        lever: lever.id.clone(),
                        level,
                    });
                }
            });
            ui.separator();
        });
    }
    chosen
}

fn trade_agreement(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs) -> Option<Move> {
    let mut chosen = None;
    let allowed = view.available().trade_agreement;
    let status = view.state.policy.trade_agreement;
    let (Some(agreement), Some(rules)) = (&view.scenario.trade_agreement, view.scenario.suspension()) else {
        return None;
    };
    let names = view.scenario.names();
    let (text, color) = match status {
        TradeAgreementStatus::InForce => ("In force", theme::GOOD),
        TradeAgreementStatus::Suspended => ("Suspended", theme::BAD),
        TradeAgreementStatus::Terminated => ("Terminated", theme::BAD),
    };
    ui.horizontal(|ui| {
        glossary::label(ui, egui::RichText::new(format!("{}:", agreement.name)).strong(), "");
        ui.label(egui::RichText::new(text).strong().color(color));
    });
    ui.label(format!(
        "Chance the {} suspends it this month: {}",
        view.scenario.partner.legislature,
        format::chance(view.state.latest().trade_agreement_hazard)
    ));
    ui.label(format!(
        "Months with the whole auto tariff above {}%: {} (suspension is certain after {})",
        percent(rules.auto_tariff_threshold),
        view.state.trade_agreement_pressure_months,
        rules.rounds_to_certain_suspension
    ));
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(allowed.suspend, egui::Button::new("Suspend"))
            .on_hover_text(format!(
                "{} MFN tariffs then apply to US goods until it is restored.",
                names.possessive_subject(Side::Partner)
            ))
            .clicked()
        {
            chosen = Some(Move::SuspendTradeAgreement);
        }
        if ui.add_enabled(allowed.restore, egui::Button::new("Restore")).clicked() {
            chosen = Some(Move::RestoreTradeAgreement);
        }
    });
    ui.add_space(6.0);
    ui.checkbox(&mut inputs.terminate_armed, "I understand terminating ends the talks");
    if ui
        .add_enabled(
            inputs.terminate_armed && allowed.terminate,
            egui::Button::new(egui::RichText::new(format!("Terminate the {}", agreement.name)).color(theme::BAD)),
        )
        .clicked()
    {
        inputs.terminate_armed = false;
        chosen = Some(Move::TerminateTradeAgreement);
    }
    chosen
}

/// The policies in force on both sides, read-only (the watch mode's left panel).
pub fn policy_panel(ui: &mut egui::Ui, scenario: &Scenario, state: &GameState) {
    ui.label(egui::RichText::new("In force").size(17.0).strong());
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.label(theme::side_text(scenario.names(), Side::Us));
        for (i, ins) in scenario.us_instruments.iter().enumerate() {
            let view = LeverView {
                scenario,
                state,
                side: Side::Us,
                can_act: false,
                paused: false,
            };
            let _ = ins;
            instrument_header(ui, &view, i);
        }
        ui.separator();
        ui.label(theme::side_text(scenario.names(), Side::Partner));
        let space = tradetable_core::PackageSpace::of(scenario);
        let in_force = space.from_policy(&state.policy);
        for (k, issue) in space.issues.iter().enumerate() {
            if let tradetable_core::rules::package::IssueTarget::Lever(i) = issue.target {
                let lever = &scenario.partner_levers[i];
                glossary::label(ui, lever.name.as_str(), &lever.explanation);
                ui.label(
                    egui::RichText::new(format!(
                        "in force {}",
                        issue.option_text(scenario, in_force.choice[k] as usize)
                    ))
                    .small()
                    .color(theme::MUTED),
                );
            }
        }
        if let Some(agreement) = &scenario.trade_agreement {
            ui.separator();
            let status = match state.policy.trade_agreement {
                TradeAgreementStatus::InForce => "in force",
                TradeAgreementStatus::Suspended => "suspended",
                TradeAgreementStatus::Terminated => "terminated",
            };
            glossary::label(ui, format!("{}: {status}", agreement.name), "");
        }
    });
}
