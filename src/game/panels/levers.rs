//! Your levers: the unilateral actions of the side to move, in groups the number keys select — the US's tariffs,
//! threats and calendar, goodwill gestures and the USJTA; Japan's concessions put into force early and the
//! USJTA. Each lever carries its explanation and a tooltip for every term. Every control is built from the core's
//! legality query (`GameState::available`): the panel knows no rule of its own, and `offered_moves` lists every
//! move its controls can make, for the test that the core accepts each of them. The move a button would send is
//! previewed at the foot of the panel (the core's `preview_move`); a move that sets off a rule is marked on its
//! button, with its warning next to it, and is sent only on a second click or Enter.

use std::collections::HashMap;

use bevy_egui::egui;

use super::preview::{move_preview_card, publish_move_preview};
use super::{short_name, side_in_sentence};
use crate::game::flags;
use crate::game::glossary;
use crate::game::i18n::{numbers, t};
use crate::game::icons;
use crate::game::theme;
use tradetable_core::ai::Opponent;
use tradetable_core::analysis::preview::{MovePreview, preview_move};
use tradetable_core::rules::moves::{Available, CounterTariffMove};
use tradetable_core::rules::negotiation::GameState;
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
    /// The partner: set, announce, threaten or suspend its counter-tariffs on US goods.
    CounterTariffs,
    /// Either side: suspend, restore or terminate the agreement.
    TradeAgreement,
}

impl LeverGroup {
    /// The groups of a side, in number-key order. The trade agreement's group only where the scenario puts its
    /// suspension in play.
    pub fn of(scenario: &Scenario, side: Side) -> Vec<LeverGroup> {
        let mut groups = match side {
            Side::Us => vec![LeverGroup::Tariffs, LeverGroup::Threats, LeverGroup::Goodwill],
            Side::Partner if scenario.partner_tariffs.is_empty() => vec![LeverGroup::Concessions],
            Side::Partner => vec![LeverGroup::Concessions, LeverGroup::CounterTariffs],
        };
        if scenario.suspension().is_some() {
            groups.push(LeverGroup::TradeAgreement);
        }
        groups
    }

    /// The tab's icon.
    pub fn icon(self) -> char {
        match self {
            LeverGroup::Tariffs => icons::TARIFFS,
            LeverGroup::Threats => icons::THREATS,
            LeverGroup::Goodwill => icons::GOODWILL,
            LeverGroup::Concessions => icons::GESTURES,
            LeverGroup::CounterTariffs => icons::COUNTER_TARIFFS,
            LeverGroup::TradeAgreement => icons::AGREEMENT,
        }
    }

    /// The tab's label.
    pub fn label(self, scenario: &Scenario) -> String {
        match self {
            LeverGroup::Tariffs => t!("panels-levers-group-tariffs"),
            LeverGroup::Threats => t!("panels-levers-group-threats"),
            LeverGroup::Goodwill => t!("panels-levers-group-goodwill"),
            LeverGroup::Concessions => t!("panels-levers-group-concessions"),
            LeverGroup::CounterTariffs => t!("panels-levers-group-counter-tariffs"),
            LeverGroup::TradeAgreement => scenario.agreement_name().to_string(),
        }
    }

    /// What the group is for.
    pub fn about(self, scenario: &Scenario) -> String {
        let names = scenario.names();
        match self {
            LeverGroup::Tariffs => t!("panels-levers-about-tariffs"),
            LeverGroup::Threats => t!("panels-levers-about-threats"),
            LeverGroup::Goodwill => t!("panels-levers-about-goodwill"),
            LeverGroup::Concessions => t!("panels-levers-about-concessions"),
            LeverGroup::CounterTariffs => t!(
                "panels-levers-about-counter-tariffs",
                partner = side_in_sentence(names, Side::Partner, names.possessive(Side::Partner))
            ),
            LeverGroup::TradeAgreement => {
                let agreement = scenario
                    .trade_agreement
                    .as_ref()
                    .map_or_else(|| t!("panels-levers-the-agreement"), |a| a.full_name.clone());
                t!(
                    "panels-levers-about-trade-agreement",
                    agreement = capitalised(&agreement),
                    partner = side_in_sentence(names, Side::Partner, names.with_article(Side::Partner)),
                    partner_possessive = side_in_sentence(names, Side::Partner, names.possessive(Side::Partner))
                )
            }
        }
    }
}

/// Inputs the lever panel keeps between frames (the rate picked, the round, the months…), the move previewed and
/// a move waiting for its confirmation.
#[derive(Debug, Clone, Default)]
pub struct LeverInputs {
    rate: HashMap<usize, usize>,
    round: HashMap<usize, u32>,
    months: HashMap<usize, u32>,
    quota: HashMap<usize, f64>,
    level: HashMap<usize, usize>,
    terminate_armed: bool,
    /// The move the preview shows: the last button pointed at, or the last rate picked.
    focus: Option<Move>,
    /// A move that sets off a rule, clicked once in this group at this position: a second click or Enter sends it.
    armed: Option<(LeverGroup, Move, PositionKey)>,
    /// The previews worked out for the position `previews_at`, by move.
    previews: Vec<(Move, MovePreview)>,
    previews_at: Option<PositionKey>,
}

/// What identifies a position for the previews worked out at it: moves played, round, side to move, actions taken,
/// news.
type PositionKey = (usize, u32, Side, u32, usize);

fn position_key(state: &GameState) -> PositionKey {
    (
        state.moves.len(),
        state.round,
        state.to_move,
        state.actions_this_turn,
        state.news.len(),
    )
}

/// Previews kept for one position at most (the controls of a group offer far fewer).
const MAX_PREVIEWS: usize = 64;

impl LeverInputs {
    /// Shows `mv` in the preview and asks for its confirmation at `state`, as if its rate had been picked and its
    /// button clicked once: how a warned move looks before it is sent (autoplay's screenshot of it).
    pub fn stage(&mut self, scenario: &Scenario, state: &GameState, group: LeverGroup, mv: Move) {
        if let Move::SetTariff { instrument, rate } = &mv
            && let Some(i) = scenario.instrument_index(instrument)
            && let Some(k) = scenario.us_instruments[i].options.iter().position(|o| o == rate)
        {
            self.rate.insert(i, k);
        }
        self.focus = Some(mv.clone());
        self.armed = Some((group, mv, position_key(state)));
    }

    /// Forgets the move previewed and any confirmation asked for.
    pub fn unstage(&mut self) {
        self.focus = None;
        self.armed = None;
    }

    /// The move waiting for its confirmation at `state` (a confirmation is for the position it was asked in).
    fn armed_at(&self, state: &GameState) -> Option<&Move> {
        self.armed
            .as_ref()
            .filter(|(_, _, at)| *at == position_key(state))
            .map(|(_, mv, _)| mv)
    }

    /// The core's preview of `mv` for the panel's side, worked out once per position.
    fn preview(&mut self, view: &LeverView, mv: &Move) -> &MovePreview {
        let at = position_key(view.state);
        if self.previews_at != Some(at) {
            self.previews.clear();
            self.previews_at = Some(at);
        }
        let found = self.previews.iter().position(|(m, _)| m == mv);
        let index = match found {
            Some(index) => index,
            None => {
                if self.previews.len() >= MAX_PREVIEWS {
                    self.previews.remove(0);
                }
                let preview = preview_move(view.scenario, view.state, mv, view.side, view.opponent);
                self.previews.push((mv.clone(), preview));
                self.previews.len() - 1
            }
        };
        &self.previews[index].1
    }

    /// Whether `mv` sets off a rule the player confirms before it is sent.
    fn needs_confirmation(&mut self, view: &LeverView, mv: &Move) -> bool {
        self.preview(view, mv).needs_confirmation()
    }

    /// A click on the button of `mv` in `group`: sends it, or, for a move that sets off a rule, asks for a second
    /// click first.
    fn press(&mut self, view: &LeverView, group: LeverGroup, mv: Move) -> Option<Move> {
        self.focus = Some(mv.clone());
        if self.armed_at(view.state) == Some(&mv) {
            self.armed = None;
            return Some(mv);
        }
        if self.needs_confirmation(view, &mv) {
            self.armed = Some((group, mv, position_key(view.state)));
            return None;
        }
        self.armed = None;
        Some(mv)
    }
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
    /// The computer player on the other side, whose likely reaction the preview gives (none against people).
    pub opponent: Option<&'a Opponent>,
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
    for m in &available.counter_tariffs {
        let tariff = scenario.partner_tariffs[m.tariff].id.clone();
        for &rate in &m.set_rates {
            offered.push(Move::CounterTariff(CounterTariffMove::Set {
                tariff: tariff.clone(),
                rate,
            }));
        }
        for &rate in &m.threat_rates {
            offered.push(Move::CounterTariff(CounterTariffMove::Threaten {
                tariff: tariff.clone(),
                rate,
            }));
        }
        for &rate in &m.announce_rates {
            for round in m.announce_rounds.clone() {
                offered.push(Move::CounterTariff(CounterTariffMove::Announce {
                    tariff: tariff.clone(),
                    rate,
                    round,
                }));
            }
        }
        for months in m.suspend_months.clone().into_iter().flatten() {
            offered.push(Move::CounterTariff(CounterTariffMove::Suspend {
                tariff: tariff.clone(),
                months,
            }));
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
        ui.label(egui::RichText::new(t!("panels-levers-title")).size(17.0).strong());
        flags::side_flag(ui, view.scenario.names(), view.side, 13.0);
        ui.label(theme::side_text(view.scenario.names(), view.side));
    });
    ui.horizontal_wrapped(|ui| {
        for (k, g) in groups.iter().enumerate() {
            ui.selectable_value(group, *g, format!("{} {} {}", k + 1, g.icon(), g.label(view.scenario)))
                .on_hover_text(t!("panels-levers-key", number = k + 1));
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
            t!("panels-levers-locked-paused")
        } else {
            t!("panels-levers-locked-turn")
        };
        theme::cut_label(ui, egui::RichText::new(why).color(theme::BAD), "");
    } else {
        theme::cut_label(
            ui,
            egui::RichText::new(t!("panels-levers-your-turn")).color(theme::GOOD),
            "",
        );
    }
    if inputs.armed.as_ref().is_some_and(|(g, _, _)| g != group) || inputs.armed_at(view.state).is_none() {
        // A confirmation belongs to the group and the position it was asked in.
        inputs.armed = None;
    }
    // Enter confirms a move waiting for it (before the table reads Enter as "send the proposal").
    if can_act
        && inputs.armed.is_some()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        && let Some((_, mv, _)) = inputs.armed.take()
    {
        return Some(mv);
    }
    ui.add_space(4.0);
    // The preview keeps the foot of the panel, the same height whatever it shows, so nothing jumps.
    let preview_height = (ui.available_height() * 0.3).clamp(110.0, 240.0);
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .id_salt("levers")
        .auto_shrink([false, false])
        .max_height((ui.available_height() - preview_height).max(80.0))
        .show(ui, |ui| {
            ui.add_enabled_ui(can_act, |ui| {
                chosen = match group {
                    LeverGroup::Tariffs => tariffs(ui, view, inputs),
                    LeverGroup::Threats => threats(ui, view, inputs),
                    LeverGroup::Goodwill => goodwill(ui, view, inputs),
                    LeverGroup::Concessions => concessions(ui, view, inputs),
                    LeverGroup::CounterTariffs => counter_tariffs(ui, view, inputs),
                    LeverGroup::TradeAgreement => trade_agreement(ui, view, inputs),
                };
            });
        });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("move_preview")
        .auto_shrink([false, false])
        .show(ui, |ui| match inputs.focus.clone() {
            Some(mv) if can_act => {
                let armed = inputs.armed_at(view.state) == Some(&mv);
                let preview = inputs.preview(view, &mv).clone();
                move_preview_card(ui, &preview, armed, false);
                // The preview tab, drawn later in the frame, shows it with its figures.
                publish_move_preview(ui.ctx(), &preview, armed);
            }
            _ => theme::note(ui, t!("panels-levers-preview-hint")),
        });
    chosen
}

/// The button that sends `mv` from `group`: pointing at it previews the move; a move that sets off a rule is marked
/// and needs a second click (or Enter), and its warning shows under the button row (see [`warning_line`]).
fn send_button(
    ui: &mut egui::Ui,
    view: &LeverView,
    inputs: &mut LeverInputs,
    group: LeverGroup,
    enabled: bool,
    label: &str,
    mv: Move,
) -> (egui::Response, Option<Move>) {
    let warned = enabled && view.can_act && inputs.needs_confirmation(view, &mv);
    let armed = inputs.armed_at(view.state) == Some(&mv);
    let text = if armed {
        egui::RichText::new(t!("panels-levers-confirm", label = label))
            .strong()
            .color(theme::BAD)
    } else if warned {
        egui::RichText::new(format!("⚠ {label}")).color(theme::BAD)
    } else {
        egui::RichText::new(label)
    };
    let response = ui.add_enabled(enabled, egui::Button::new(text));
    if enabled && (response.hovered() || response.has_focus()) {
        inputs.focus = Some(mv.clone());
    }
    let sent = if response.clicked() {
        inputs.press(view, group, mv)
    } else {
        None
    };
    (response, sent)
}

/// Under a row of buttons: the warning of whichever of `moves` sets off a rule — its headline before the first
/// click, the whole sentence and how to confirm after it.
fn warning_line(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs, moves: &[Move]) {
    if !view.can_act {
        return;
    }
    for mv in moves {
        let armed = inputs.armed_at(view.state) == Some(mv);
        let preview = inputs.preview(view, mv);
        let Some(warning) = preview.warnings().next() else {
            continue;
        };
        let text = if armed {
            t!("panels-levers-warning-armed", warning = warning.text.as_str())
        } else {
            format!("⚠ {}", warning.headline)
        };
        ui.label(egui::RichText::new(text).small().color(theme::BAD))
            .on_hover_text(&warning.text);
        return;
    }
}

fn instrument_header(ui: &mut egui::Ui, view: &LeverView, i: usize) {
    let ins = &view.scenario.us_instruments[i];
    let rate = view.state.policy.us_rates[i];
    let mut status = t!("panels-levers-in-force-rate", rate = numbers::rate(rate));
    for s in view.state.scheduled.iter().filter(|s| s.instrument == i) {
        status.push_str(" · ");
        status.push_str(&t!(
            "panels-levers-scheduled",
            rate = numbers::rate(s.rate),
            month = numbers::month(&view.scenario.month_of_round(s.round))
        ));
    }
    for threat in view.state.threats.iter().filter(|t| t.instrument == i) {
        status.push_str(" · ");
        status.push_str(&t!("panels-levers-threatened", rate = numbers::rate(threat.rate)));
    }
    if view.state.policy.us_quotas_bn[i] > 0.0 {
        status.push_str(" · ");
        status.push_str(&t!(
            "panels-levers-quota",
            amount = numbers::bn(view.state.policy.us_quotas_bn[i])
        ));
    }
    glossary::label(
        ui,
        egui::RichText::new(short_name(&ins.name)).strong(),
        &format!("{}\n\n{}", ins.name, ins.explanation),
    );
    ui.label(egui::RichText::new(status).small().color(theme::MUTED));
}

/// The month a rate is announced for, among `rounds`, as a drop-down of months.
fn month_picker(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    salt: &str,
    rounds: std::ops::RangeInclusive<u32>,
    round: &mut u32,
) {
    egui::ComboBox::from_id_salt(salt)
        .width(90.0)
        .selected_text(numbers::month(&scenario.month_of_round(*round)))
        .show_ui(ui, |ui| {
            for r in rounds {
                ui.selectable_value(round, r, numbers::month(&scenario.month_of_round(r)));
            }
        });
}

/// The rate chips of an instrument; whether the pick changed.
fn rate_picker(ui: &mut egui::Ui, view: &LeverView, i: usize, picked: &mut usize) -> bool {
    let options = &view.scenario.us_instruments[i].options;
    *picked = (*picked).min(options.len() - 1);
    let mut changed = false;
    for (k, o) in options.iter().enumerate() {
        changed |= ui.selectable_value(picked, k, numbers::rate(*o)).changed();
    }
    changed
}

fn tariffs(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs) -> Option<Move> {
    let mut chosen = None;
    let available = view.available();
    for (i, ins) in view.scenario.us_instruments.iter().enumerate() {
        ui.push_id(("tariff", i), |ui| {
            instrument_header(ui, view, i);
            let current = view.state.policy.us_rates[i];
            let default = ins.options.iter().position(|o| *o == current).unwrap_or(0);
            let mut picked = *inputs.rate.entry(i).or_insert(default);
            let mut candidate = None;
            ui.horizontal_wrapped(|ui| {
                let changed = rate_picker(ui, view, i, &mut picked);
                let rate = ins.options[picked];
                let label = if rate > current {
                    t!("panels-levers-raise-now")
                } else if rate < current {
                    t!("panels-levers-cut-now")
                } else {
                    t!("panels-levers-set-now")
                };
                let mv = Move::SetTariff {
                    instrument: ins.id.clone(),
                    rate,
                };
                let enabled = available.instruments[i].set_rates.contains(&rate);
                if changed && enabled {
                    inputs.focus = Some(mv.clone());
                }
                let (_, sent) = send_button(ui, view, inputs, LeverGroup::Tariffs, enabled, &label, mv.clone());
                chosen = chosen.take().or(sent);
                candidate = enabled.then_some(mv);
            });
            inputs.rate.insert(i, picked);
            warning_line(ui, view, inputs, candidate.as_slice());
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
            let mut picked = *inputs.rate.entry(i).or_insert(default);
            let changed = ui.horizontal_wrapped(|ui| rate_picker(ui, view, i, &mut picked)).inner;
            inputs.rate.insert(i, picked);
            let rate = ins.options[picked];
            let mut candidates = Vec::new();
            ui.horizontal_wrapped(|ui| {
                let threat = Move::Threaten {
                    instrument: ins.id.clone(),
                    rate,
                };
                let can_threaten = allowed.threat_rates.contains(&rate);
                if changed && can_threaten {
                    inputs.focus = Some(threat.clone());
                }
                let (response, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::Threats,
                    can_threaten,
                    &t!("panels-levers-threaten"),
                    threat.clone(),
                );
                response.on_hover_text(t!("panels-levers-threaten-hover"));
                chosen = chosen.take().or(sent);
                if can_threaten {
                    candidates.push(threat);
                }
                let rounds = allowed.schedule_rounds.clone();
                let first = *rounds.start();
                let round = *inputs.round.entry(i).or_insert(first);
                let mut round = if rounds.contains(&round) { round } else { first };
                let can_schedule = allowed.schedule_rates.contains(&rate) && !rounds.is_empty();
                let announce = Move::ScheduleTariff {
                    instrument: ins.id.clone(),
                    rate,
                    round,
                };
                let (_, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::Threats,
                    can_schedule,
                    &t!("panels-levers-announce-for"),
                    announce.clone(),
                );
                chosen = chosen.take().or(sent);
                if can_schedule {
                    candidates.push(announce);
                }
                month_picker(ui, view.scenario, "round", rounds.clone(), &mut round);
                inputs.round.insert(i, round);
            });
            warning_line(ui, view, inputs, &candidates);
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
            let mut candidates = Vec::new();
            ui.horizontal_wrapped(|ui| {
                let mut months = (*inputs.months.entry(i).or_insert(1)).clamp(*delays.start(), *delays.end());
                let delay = Move::Delay {
                    instrument: ins.id.clone(),
                    months,
                };
                let (response, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::Goodwill,
                    pending,
                    &t!("panels-levers-delay"),
                    delay.clone(),
                );
                response.on_hover_text(t!("panels-levers-delay-hover"));
                chosen = chosen.take().or(sent);
                if pending {
                    candidates.push(delay);
                }
                ui.add_enabled(
                    pending,
                    egui::DragValue::new(&mut months)
                        .range(delays)
                        .suffix(t!("panels-levers-delay-months")),
                );
                inputs.months.insert(i, months);
            });
            let covered = allowed.quota_ceiling_bn;
            let in_force = view.state.policy.us_quotas_bn[i];
            let mut quota = inputs.quota.get(&i).copied().unwrap_or(in_force).clamp(0.0, covered);
            ui.horizontal_wrapped(|ui| {
                let open = Move::SetQuota {
                    instrument: ins.id.clone(),
                    quota_bn: quota_step(quota),
                };
                let (response, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::Goodwill,
                    quota != in_force,
                    &t!("panels-levers-open-quota"),
                    open,
                );
                response.on_hover_text(t!("panels-levers-open-quota-hover"));
                chosen = chosen.take().or(sent);
                ui.add(
                    egui::DragValue::new(&mut quota)
                        .range(0.0..=covered)
                        .speed(0.5)
                        .fixed_decimals(1)
                        .prefix("$")
                        .suffix(t!("panels-levers-quota-of", covered = format!("{covered:.1}"))),
                );
            });
            inputs.quota.insert(i, quota);
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(t!("panels-levers-exempt"))
                        .small()
                        .color(theme::MUTED),
                )
                .on_hover_text(t!("panels-levers-exempt-hover"));
                for &sector in &allowed.exemptable {
                    let exempted = view.state.policy.us_exemptions[i].contains(&sector);
                    let name = short_name(&view.scenario.sectors[sector].name);
                    let mv = Move::Exempt {
                        instrument: ins.id.clone(),
                        sector: view.scenario.sectors[sector].id.clone(),
                        exempt: !exempted,
                    };
                    let response = ui.selectable_label(exempted, name);
                    if response.hovered() || response.has_focus() {
                        inputs.focus = Some(mv.clone());
                    }
                    if inputs.armed_at(view.state) == Some(&mv) {
                        candidates.push(mv.clone());
                    }
                    if response.clicked() {
                        chosen = chosen.take().or(inputs.press(view, LeverGroup::Goodwill, mv));
                    }
                }
            });
            warning_line(ui, view, inputs, &candidates);
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
                egui::RichText::new(t!(
                    "panels-levers-concession-in-force",
                    level = numbers::lever_level(view.scenario.partner_levers[i].unit, current)
                ))
                .small()
                .color(theme::MUTED),
            );
            let default = lever.options.iter().position(|o| *o == current).unwrap_or(0);
            let mut picked = (*inputs.level.entry(i).or_insert(default)).min(lever.options.len() - 1);
            let mut candidate = None;
            ui.horizontal_wrapped(|ui| {
                let mut changed = false;
                for (k, o) in lever.options.iter().enumerate() {
                    changed |= ui
                        .selectable_value(
                            &mut picked,
                            k,
                            numbers::lever_level(view.scenario.partner_levers[i].unit, *o),
                        )
                        .changed();
                }
                let level = lever.options[picked];
                let mv = Move::Implement {
                    lever: lever.id.clone(),
                    level,
                };
                let enabled = available.levers[i].levels.contains(&level);
                if changed && enabled {
                    inputs.focus = Some(mv.clone());
                }
                let (_, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::Concessions,
                    enabled,
                    &t!("panels-levers-put-into-force"),
                    mv.clone(),
                );
                chosen = chosen.take().or(sent);
                candidate = enabled.then_some(mv);
            });
            inputs.level.insert(i, picked);
            warning_line(ui, view, inputs, candidate.as_slice());
            ui.separator();
        });
    }
    chosen
}

/// Where a counter-tariff stands, for its header: the rate set, a suspension, an announced rise, a threat.
fn counter_tariff_status(view: &LeverView, c: usize) -> String {
    let Some(standing) = view.state.counter_tariffs.get(c) else {
        return String::new();
    };
    let mut status = match standing.suspended_until {
        Some(round) => t!(
            "panels-levers-suspended-until",
            rate = numbers::rate(standing.rate),
            month = numbers::month(&view.scenario.month_of_round(round))
        ),
        None => t!("panels-levers-in-force-rate", rate = numbers::rate(standing.rate)),
    };
    if let Some(announced) = &standing.announced {
        status.push_str(" · ");
        status.push_str(&t!(
            "panels-levers-scheduled",
            rate = numbers::rate(announced.rate),
            month = numbers::month(&view.scenario.month_of_round(announced.round))
        ));
    }
    if let Some(rate) = standing.threatened {
        status.push_str(" · ");
        status.push_str(&t!("panels-levers-threatened", rate = numbers::rate(rate)));
    }
    status
}

fn counter_tariffs(ui: &mut egui::Ui, view: &LeverView, inputs: &mut LeverInputs) -> Option<Move> {
    let mut chosen = None;
    let available = view.available();
    for allowed in &available.counter_tariffs {
        let c = allowed.tariff;
        let tariff = &view.scenario.partner_tariffs[c];
        // Keys apart from the instruments' and levers' inputs, which share the maps.
        let key = 1000 + c;
        ui.push_id(("counter_tariff", c), |ui| {
            glossary::label(
                ui,
                egui::RichText::new(capitalised(&tariff.name)).strong(),
                &format!(
                    "{}\n\n{}",
                    tariff.explanation,
                    t!(
                        "panels-levers-basket",
                        amount = numbers::bn(tariff.basket_bn),
                        states = tariff.us_states.join(", ")
                    )
                ),
            );
            ui.label(
                egui::RichText::new(counter_tariff_status(view, c))
                    .small()
                    .color(theme::MUTED),
            );
            let default = tariff.options.len() - 1;
            let mut picked = (*inputs.rate.entry(key).or_insert(default)).min(tariff.options.len() - 1);
            let changed = ui
                .horizontal_wrapped(|ui| {
                    let mut changed = false;
                    for (k, o) in tariff.options.iter().enumerate() {
                        changed |= ui.selectable_value(&mut picked, k, numbers::rate(*o)).changed();
                    }
                    changed
                })
                .inner;
            inputs.rate.insert(key, picked);
            let rate = tariff.options[picked];
            let mut candidates = Vec::new();
            ui.horizontal_wrapped(|ui| {
                let set = Move::CounterTariff(CounterTariffMove::Set {
                    tariff: tariff.id.clone(),
                    rate,
                });
                let can_set = allowed.set_rates.contains(&rate);
                if changed && can_set {
                    inputs.focus = Some(set.clone());
                }
                let (_, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::CounterTariffs,
                    can_set,
                    &t!("panels-levers-set-now"),
                    set.clone(),
                );
                chosen = chosen.take().or(sent);
                if can_set {
                    candidates.push(set);
                }
                let threat = Move::CounterTariff(CounterTariffMove::Threaten {
                    tariff: tariff.id.clone(),
                    rate,
                });
                let can_threaten = allowed.threat_rates.contains(&rate);
                let (_, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::CounterTariffs,
                    can_threaten,
                    &t!("panels-levers-threaten"),
                    threat.clone(),
                );
                chosen = chosen.take().or(sent);
                if can_threaten {
                    candidates.push(threat);
                }
                let rounds = allowed.announce_rounds.clone();
                let first = *rounds.start();
                let round = *inputs.round.entry(key).or_insert(first);
                let mut round = if rounds.contains(&round) { round } else { first };
                let can_announce = allowed.announce_rates.contains(&rate) && !rounds.is_empty();
                let announce = Move::CounterTariff(CounterTariffMove::Announce {
                    tariff: tariff.id.clone(),
                    rate,
                    round,
                });
                let (_, sent) = send_button(
                    ui,
                    view,
                    inputs,
                    LeverGroup::CounterTariffs,
                    can_announce,
                    &t!("panels-levers-announce-for"),
                    announce.clone(),
                );
                chosen = chosen.take().or(sent);
                if can_announce {
                    candidates.push(announce);
                }
                month_picker(ui, view.scenario, "counter_round", rounds.clone(), &mut round);
                inputs.round.insert(key, round);
            });
            if let Some(range) = allowed.suspend_months.clone() {
                ui.horizontal_wrapped(|ui| {
                    let months =
                        (*inputs.months.entry(key).or_insert(*range.start())).clamp(*range.start(), *range.end());
                    let mut months = months;
                    let suspend = Move::CounterTariff(CounterTariffMove::Suspend {
                        tariff: tariff.id.clone(),
                        months,
                    });
                    let (_, sent) = send_button(
                        ui,
                        view,
                        inputs,
                        LeverGroup::CounterTariffs,
                        true,
                        &t!("panels-levers-suspend-for"),
                        suspend.clone(),
                    );
                    chosen = chosen.take().or(sent);
                    candidates.push(suspend);
                    ui.add(
                        egui::DragValue::new(&mut months)
                            .range(range)
                            .suffix(t!("panels-levers-months")),
                    );
                    inputs.months.insert(key, months);
                });
            }
            warning_line(ui, view, inputs, &candidates);
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
        TradeAgreementStatus::InForce => (t!("panels-levers-agreement-in-force"), theme::GOOD),
        TradeAgreementStatus::Suspended => (t!("panels-levers-agreement-suspended"), theme::BAD),
        TradeAgreementStatus::Terminated => (t!("panels-levers-agreement-terminated"), theme::BAD),
    };
    ui.horizontal(|ui| {
        glossary::label(ui, egui::RichText::new(format!("{}:", agreement.name)).strong(), "");
        ui.label(egui::RichText::new(text).strong().color(color));
    });
    ui.label(t!(
        "panels-levers-suspension-chance",
        legislature = view.scenario.partner.legislature.as_str(),
        chance = numbers::chance(view.state.latest().trade_agreement_hazard)
    ));
    ui.label(t!(
        "panels-levers-pressure-months",
        threshold = numbers::rate(rules.auto_tariff_threshold),
        months = view.state.trade_agreement_pressure_months,
        certain = rules.rounds_to_certain_suspension
    ));
    ui.add_space(6.0);
    let group = LeverGroup::TradeAgreement;
    let mut candidates = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let (response, sent) = send_button(
            ui,
            view,
            inputs,
            group,
            allowed.suspend,
            &t!("panels-levers-suspend"),
            Move::SuspendTradeAgreement,
        );
        response.on_hover_text(t!(
            "panels-levers-suspend-hover",
            partner = side_in_sentence(names, Side::Partner, names.possessive_subject(Side::Partner))
        ));
        chosen = chosen.take().or(sent);
        if allowed.suspend {
            candidates.push(Move::SuspendTradeAgreement);
        }
        let (_, sent) = send_button(
            ui,
            view,
            inputs,
            group,
            allowed.restore,
            &t!("panels-levers-restore"),
            Move::RestoreTradeAgreement,
        );
        chosen = chosen.take().or(sent);
        if allowed.restore {
            candidates.push(Move::RestoreTradeAgreement);
        }
    });
    warning_line(ui, view, inputs, &candidates);
    ui.add_space(6.0);
    ui.checkbox(&mut inputs.terminate_armed, t!("panels-levers-terminate-understood"));
    let terminate = egui::Button::new(
        egui::RichText::new(t!("panels-levers-terminate", agreement = agreement.name.as_str())).color(theme::BAD),
    );
    let response = ui.add_enabled(inputs.terminate_armed && allowed.terminate, terminate);
    if allowed.terminate && (response.hovered() || response.has_focus()) {
        inputs.focus = Some(Move::TerminateTradeAgreement);
    }
    // The checkbox is this move's confirmation.
    if response.clicked() {
        inputs.terminate_armed = false;
        chosen = Some(Move::TerminateTradeAgreement);
    }
    chosen
}

/// The policies in force on both sides, read-only (the watch mode's left panel).
pub fn policy_panel(ui: &mut egui::Ui, scenario: &Scenario, state: &GameState) {
    ui.label(
        egui::RichText::new(t!("panels-levers-policy-title"))
            .size(17.0)
            .strong(),
    );
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.label(theme::side_text(scenario.names(), Side::Us));
        for (i, ins) in scenario.us_instruments.iter().enumerate() {
            let view = LeverView {
                scenario,
                state,
                side: Side::Us,
                can_act: false,
                paused: false,
                opponent: None,
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
                    egui::RichText::new(t!(
                        "panels-levers-policy-level",
                        level = crate::game::panels::offer::option_text(scenario, issue, in_force.choice[k] as usize)
                    ))
                    .small()
                    .color(theme::MUTED),
                );
            }
        }
        if !scenario.partner_tariffs.is_empty() {
            let view = LeverView {
                scenario,
                state,
                side: Side::Partner,
                can_act: false,
                paused: false,
                opponent: None,
            };
            for (c, tariff) in scenario.partner_tariffs.iter().enumerate() {
                glossary::label(ui, capitalised(&tariff.name), &tariff.explanation);
                ui.label(
                    egui::RichText::new(counter_tariff_status(&view, c))
                        .small()
                        .color(theme::MUTED),
                );
            }
        }
        if let Some(agreement) = &scenario.trade_agreement {
            ui.separator();
            let status = match state.policy.trade_agreement {
                TradeAgreementStatus::InForce => t!("panels-levers-status-in-force"),
                TradeAgreementStatus::Suspended => t!("panels-levers-status-suspended"),
                TradeAgreementStatus::Terminated => t!("panels-levers-status-terminated"),
            };
            glossary::label(ui, format!("{}: {status}", agreement.name), "");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradetable_core::ai::Difficulty;

    fn view<'a>(scenario: &'a Scenario, state: &'a GameState, opponent: &'a Opponent) -> LeverView<'a> {
        LeverView {
            scenario,
            state,
            side: Side::Us,
            can_act: true,
            paused: false,
            opponent: Some(opponent),
        }
    }

    fn raise_autos() -> Move {
        Move::SetTariff {
            instrument: "s232_autos".to_string(),
            rate: 0.25,
        }
    }

    #[test]
    fn a_move_that_sets_off_a_rule_is_sent_on_the_second_click_and_a_harmless_one_on_the_first() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let state = GameState::new(&scenario, 7);
        let opponent = Opponent::Difficulty(Difficulty::Normal);
        let view = view(&scenario, &state, &opponent);
        let mut inputs = LeverInputs::default();
        assert_eq!(inputs.press(&view, LeverGroup::Tariffs, raise_autos()), None);
        assert_eq!(inputs.armed_at(&state), Some(&raise_autos()));
        assert_eq!(
            inputs.press(&view, LeverGroup::Tariffs, raise_autos()),
            Some(raise_autos())
        );
        assert_eq!(inputs.armed_at(&state), None);
        let harmless = Move::SetTariff {
            instrument: "s232_steel".to_string(),
            rate: 0.25,
        };
        assert_eq!(
            inputs.press(&view, LeverGroup::Tariffs, harmless.clone()),
            Some(harmless)
        );
    }

    #[test]
    fn enter_sends_the_move_waiting_for_confirmation_and_only_in_its_position() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let state = GameState::new(&scenario, 7);
        let opponent = Opponent::Difficulty(Difficulty::Normal);
        let view = view(&scenario, &state, &opponent);
        let ctx = egui::Context::default();
        let enter = egui::RawInput {
            events: vec![egui::Event::Key {
                key: egui::Key::Enter,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }],
            ..Default::default()
        };
        let draw = |inputs: &mut LeverInputs, input: egui::RawInput| {
            let mut group = LeverGroup::Tariffs;
            let mut sent = None;
            let mut output = ctx.run_ui(input, |ui| sent = lever_panel(ui, &view, &mut group, inputs));
            // Nothing is painted: the font textures are not needed.
            output.textures_delta.clear();
            sent
        };
        let mut inputs = LeverInputs::default();
        assert_eq!(
            draw(&mut inputs, enter.clone()),
            None,
            "nothing waits: Enter is the table's"
        );
        inputs.stage(&scenario, &state, LeverGroup::Tariffs, raise_autos());
        assert_eq!(draw(&mut inputs, egui::RawInput::default()), None);
        assert_eq!(draw(&mut inputs, enter.clone()), Some(raise_autos()));
        // A confirmation asked for at another position is not sent.
        let later = tradetable_core::apply(&scenario, &state, &Move::Pass)
            .expect("passing is legal")
            .state;
        let mut inputs = LeverInputs::default();
        inputs.stage(&scenario, &later, LeverGroup::Tariffs, raise_autos());
        assert_eq!(draw(&mut inputs, enter), None);
    }

    #[test]
    fn every_group_is_named_and_explained_in_each_language() {
        use crate::game::i18n::{Language, with_language};
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let groups: Vec<LeverGroup> = [Side::Us, Side::Partner]
            .into_iter()
            .flat_map(|side| LeverGroup::of(&scenario, side))
            .collect();
        let english = with_language(Language::English, || {
            groups
                .iter()
                .map(|g| (g.label(&scenario), g.about(&scenario)))
                .collect::<Vec<_>>()
        });
        assert_eq!(english[0].0, "Tariffs");
        assert!(english.iter().any(|(label, _)| label == "Gestures"));
        let japanese = with_language(Language::Japanese, || {
            groups
                .iter()
                .map(|g| (g.label(&scenario), g.about(&scenario)))
                .collect::<Vec<_>>()
        });
        assert_eq!(japanese[0].0, "関税");
        for ((label, about), (en_label, en_about)) in japanese.iter().zip(&english) {
            assert!(!about.starts_with("panels-") && about != en_about, "{label}: {about}");
            assert!(label != en_label || label == scenario.agreement_name(), "{label}");
        }
    }

    #[test]
    fn the_lever_panel_draws_every_group_in_japanese() {
        use crate::game::i18n::{Language, with_language};
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let state = GameState::new(&scenario, 7);
        let opponent = Opponent::Difficulty(Difficulty::Normal);
        let ctx = egui::Context::default();
        with_language(Language::Japanese, || {
            for side in [Side::Us, Side::Partner] {
                let view = LeverView {
                    side,
                    ..view(&scenario, &state, &opponent)
                };
                for mut group in LeverGroup::of(&scenario, side) {
                    let mut inputs = LeverInputs::default();
                    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                        lever_panel(ui, &view, &mut group, &mut inputs);
                        policy_panel(ui, &scenario, &state);
                    });
                    output.textures_delta.clear();
                }
            }
        });
    }
}
