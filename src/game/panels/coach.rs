//! The tutorial's coach (for a scenario with `coaching` notes): the scenario's note for the round, and lessons
//! taught by doing — one task for each of the player's groups of levers in turn, then a proposal read off the
//! preview and sent. Each lesson is answered with what the player actually did (the rate they set, the month they
//! announced, the offer's fate and the other side's reasons) and the proposal's with the model's numbers.
//! Progress is read from the game itself (its moves, the draft and the preview), so a loaded or continued tutorial
//! picks up where it was, and nothing of one game reaches the next.

use bevy_egui::egui;

use crate::game::i18n::{numbers, t};
use crate::game::panels::levers::LeverGroup;
use crate::game::panels::preview::Preview;
use crate::game::panels::side_in_sentence;
use crate::game::session::Viewer;
use crate::game::theme;
use tradetable_core::model::economy::auto_tariff_total;
use tradetable_core::model::politics::auto_tariff_above_line;
use tradetable_core::rules::negotiation::{GameState, OfferFate, PlayedMove};
use tradetable_core::rules::package::Package;
use tradetable_core::{Move, Scenario, Side};

/// One lesson: what the coach asks, and once it is done, what the coach makes of what the player did.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// A short name, for the list of steps.
    pub name: String,
    /// What to do.
    pub ask: String,
    /// What the coach says of what the player did; `None` until it is done.
    pub reply: Option<String>,
    /// When it was done, for showing the latest reply: the index of its move.
    done_at: usize,
}

impl Lesson {
    /// Whether the player has done it.
    pub fn done(&self) -> bool {
        self.reply.is_some()
    }
}

/// What the coach shows this frame.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoachView {
    /// The scenario's notes for this round and viewer.
    pub notes: Vec<String>,
    /// The viewer's lessons, in order (none when watching).
    pub lessons: Vec<Lesson>,
}

impl CoachView {
    /// The coach of a tutorial scenario (one with coaching notes); `None` for any other scenario.
    pub fn of(
        scenario: &Scenario,
        state: &GameState,
        viewer: Viewer,
        draft: Option<&Package>,
        preview: Option<&Preview>,
    ) -> Option<CoachView> {
        if scenario.coaching.is_empty() {
            return None;
        }
        let notes = scenario
            .coaching_for(state.round, viewer.side())
            .into_iter()
            .map(str::to_string)
            .collect();
        let preview = preview.filter(|p| p.viewer == viewer && p.round == state.round);
        let lessons = viewer
            .side()
            .map(|side| lessons(scenario, state, side, draft, preview))
            .unwrap_or_default();
        Some(CoachView { notes, lessons })
    }

    /// The lesson to do now: the first not done.
    pub fn current(&self) -> Option<&Lesson> {
        self.lessons.iter().find(|lesson| !lesson.done())
    }

    /// The reply to what the player did last.
    pub fn latest_reply(&self) -> Option<&str> {
        self.lessons
            .iter()
            .filter(|lesson| lesson.done())
            .max_by_key(|lesson| lesson.done_at)
            .and_then(|lesson| lesson.reply.as_deref())
    }
}

/// The lessons of `side`: one for each group of levers but the trade agreement's (suspending it is taught by its
/// consequence, not by doing it), then a proposal, its consequence read off the preview as it is drafted, sent.
pub fn lessons(
    scenario: &Scenario,
    state: &GameState,
    side: Side,
    draft: Option<&Package>,
    preview: Option<&Preview>,
) -> Vec<Lesson> {
    let groups = LeverGroup::of(scenario, side);
    let mine: Vec<(usize, &PlayedMove)> = state
        .moves
        .iter()
        .enumerate()
        .filter(|(_, played)| played.side == side)
        .map(|(k, played)| (k, played.as_ref()))
        .collect();
    let first = |group: LeverGroup| mine.iter().find(|(_, played)| in_group(&played.mv) == Some(group));
    let mut lessons: Vec<Lesson> = groups
        .iter()
        .enumerate()
        .filter(|(_, group)| !matches!(group, LeverGroup::TradeAgreement | LeverGroup::CounterTariffs))
        .map(|(k, &group)| {
            let done = first(group);
            Lesson {
                name: group.label(scenario),
                ask: group_ask(scenario, group, k + 1),
                reply: done.map(|(_, played)| move_reply(scenario, state, played)),
                done_at: done.map_or(0, |(at, _)| *at),
            }
        })
        .collect();
    let proposed = mine
        .iter()
        .rev()
        .find(|(_, played)| matches!(played.mv, Move::Propose(_)));
    let names = scenario.names();
    let other = side_in_sentence(names, side.other(), names.with_article(side.other()));
    lessons.push(Lesson {
        name: t!("panels-coach-your-proposal"),
        ask: t!(
            "panels-coach-proposal-ask",
            consequence = consequence(scenario, side, draft, preview),
            other = other
        ),
        reply: proposed.map(|(at, _)| {
            format!(
                "{} {}",
                answer_reply(scenario, state, side, *at),
                consequence(scenario, side, draft, preview)
            )
        }),
        done_at: proposed.map_or(0, |(at, _)| *at),
    });
    lessons
}

/// The group of levers a move belongs to, if it is a lever's move.
fn in_group(mv: &Move) -> Option<LeverGroup> {
    match mv {
        Move::SetTariff { .. } => Some(LeverGroup::Tariffs),
        Move::Threaten { .. } | Move::ScheduleTariff { .. } => Some(LeverGroup::Threats),
        Move::Delay { .. } | Move::SetQuota { .. } | Move::Exempt { .. } => Some(LeverGroup::Goodwill),
        Move::Implement { .. } => Some(LeverGroup::Concessions),
        Move::CounterTariff(_) => Some(LeverGroup::CounterTariffs),
        Move::SuspendTradeAgreement | Move::RestoreTradeAgreement | Move::TerminateTradeAgreement => {
            Some(LeverGroup::TradeAgreement)
        }
        Move::Propose(_) | Move::Accept | Move::Pass | Move::WalkAway => None,
    }
}

/// What the coach asks of a group of levers, with its number key.
fn group_ask(scenario: &Scenario, group: LeverGroup, key: usize) -> String {
    let names = scenario.names();
    let partner = side_in_sentence(names, Side::Partner, names.with_article(Side::Partner));
    let label = group.label(scenario);
    let task = match group {
        LeverGroup::Tariffs => t!("panels-coach-task-tariffs", partner = partner),
        LeverGroup::Threats => t!("panels-coach-task-threats"),
        LeverGroup::Goodwill => t!("panels-coach-task-goodwill"),
        LeverGroup::Concessions => t!(
            "panels-coach-task-concessions",
            us = side_in_sentence(names, Side::Us, names.with_article(Side::Us))
        ),
        LeverGroup::CounterTariffs => t!("panels-coach-task-counter-tariffs"),
        LeverGroup::TradeAgreement => t!(
            "panels-coach-task-trade-agreement",
            agreement = scenario.agreement_name()
        ),
    };
    t!("panels-coach-group-ask", label = label, key = key, task = task)
}

/// The coach's answer to a lever's move: what it did, in the scenario's names and figures.
fn move_reply(scenario: &Scenario, state: &GameState, played: &PlayedMove) -> String {
    let names = scenario.names();
    let partner = side_in_sentence(names, Side::Partner, names.with_article(Side::Partner));
    let instrument = |id: &str| {
        scenario
            .instrument_index(id)
            .map_or(id.to_string(), |k| scenario.us_instruments[k].name.clone())
    };
    // The rates as the round began: the record of the round before.
    let before = state
        .history
        .get((played.round as usize).saturating_sub(1))
        .map(|record| &record.policy);
    match &played.mv {
        Move::SetTariff { instrument: id, rate } => {
            let was = scenario
                .instrument_index(id)
                .and_then(|k| before.map(|policy| policy.us_rates[k]))
                .unwrap_or(*rate);
            let name = instrument(id);
            let mut reply = if *rate > was {
                t!(
                    "panels-coach-raised",
                    name = name,
                    from = numbers::rate(was),
                    to = numbers::rate(*rate),
                    partner = partner.as_str()
                )
            } else {
                t!(
                    "panels-coach-cut",
                    name = name,
                    from = numbers::rate(was),
                    to = numbers::rate(*rate)
                )
            };
            if let Some(rules) = scenario.suspension()
                && auto_tariff_above_line(scenario, auto_tariff_total(scenario, &state.policy))
            {
                reply.push(' ');
                reply.push_str(&t!(
                    "panels-coach-suspension-risk",
                    threshold = numbers::rate(rules.auto_tariff_threshold),
                    partner = partner.as_str(),
                    legislature = names.partner().legislature.as_str(),
                    agreement = scenario.agreement_name()
                ));
            }
            reply
        }
        Move::Threaten { instrument: id, rate } => t!(
            "panels-coach-threatened",
            name = instrument(id),
            rate = numbers::rate(*rate),
            partner = partner.as_str()
        ),
        Move::ScheduleTariff {
            instrument: id,
            rate,
            round,
        } => t!(
            "panels-coach-announced",
            name = instrument(id),
            rate = numbers::rate(*rate),
            month = numbers::month(&scenario.month_of_round(*round))
        ),
        Move::Delay { instrument: id, months } => t!("panels-coach-delayed", name = instrument(id), months = *months),
        Move::SetQuota {
            instrument: id,
            quota_bn,
        } => t!(
            "panels-coach-quota",
            amount = numbers::bn(*quota_bn),
            name = instrument(id),
            partner = partner.as_str()
        ),
        Move::Exempt {
            instrument: id,
            sector,
            exempt,
        } => {
            let sector = scenario
                .sector_index(sector)
                .map_or(sector.clone(), |k| scenario.sectors[k].name.clone());
            if *exempt {
                t!("panels-coach-exempted", sector = sector, name = instrument(id))
            } else {
                t!("panels-coach-unexempted", sector = sector, name = instrument(id))
            }
        }
        Move::Implement { lever, level } => {
            let (name, level) = scenario
                .lever_index(lever)
                .map_or((lever.clone(), level.to_string()), |k| {
                    let lever = &scenario.partner_levers[k];
                    (lever.name.clone(), numbers::lever_level(lever.unit, *level))
                });
            t!(
                "panels-coach-implemented",
                name = name,
                level = level,
                us = side_in_sentence(names, Side::Us, names.with_article(Side::Us))
            )
        }
        other => t!("panels-coach-other-move", move = other.to_string()),
    }
}

/// The consequence of the proposal as it stands, in the model's numbers: the deficit a year on against no deal and
/// now, and what it is worth to the player against no deal. Read off the preview, so it follows every edit.
fn consequence(scenario: &Scenario, side: Side, draft: Option<&Package>, preview: Option<&Preview>) -> String {
    let (Some(_), Some(preview)) = (draft, preview) else {
        return String::new();
    };
    let Some(figures) = &preview.draft else {
        return String::new();
    };
    let mut text = t!(
        "panels-coach-consequence",
        draft = numbers::bn(figures.deficit),
        no_deal = numbers::bn(preview.no_deal.deficit),
        now = numbers::bn(preview.now.deficit)
    );
    if let Some(values) = preview.values.iter().find(|values| values.side == side)
        && let Some(worth) = values.draft
    {
        let names = scenario.names();
        let verdict = if worth > values.walk_away {
            t!(
                "panels-coach-better",
                other = side_in_sentence(names, side.other(), names.with_article(side.other()))
            )
        } else {
            t!("panels-coach-no-better")
        };
        text.push(' ');
        text.push_str(&t!(
            "panels-coach-worth",
            worth = numbers::one_decimal(worth),
            walk_away = numbers::one_decimal(values.walk_away),
            verdict = verdict
        ));
    }
    text
}

/// What became of the player's latest proposal, and the other side's reasons if it gave any.
fn answer_reply(scenario: &Scenario, state: &GameState, side: Side, proposal: usize) -> String {
    let names = scenario.names();
    let other = side_in_sentence(names, side.other(), names.subject(side.other()));
    let fate = state
        .offers
        .iter()
        .rev()
        .find(|record| record.offer.from == side)
        .map(|record| record.fate);
    let mut reply = match fate {
        Some(OfferFate::Pending) | None => t!("panels-coach-pending", other = other),
        Some(OfferFate::Accepted) => t!("panels-coach-accepted", other = other),
        Some(OfferFate::Countered) => t!("panels-coach-countered", other = other),
        Some(OfferFate::Rejected) => t!("panels-coach-rejected", other = other),
        Some(OfferFate::Lapsed) => t!("panels-coach-lapsed"),
    };
    let answer = state.moves.iter().skip(proposal + 1).find(|played| played.side != side);
    if let Some(reason) = answer.and_then(|played| played.reasons.first()) {
        reply.push(' ');
        reply.push_str(&t!("panels-coach-why", reason = reason.as_str()));
    }
    reply
}

/// Draws the coach: the reply to what the player did last, the lesson to do now with the steps done so far, and the
/// scenario's note for the round.
pub fn coach_panel(ui: &mut egui::Ui, view: &CoachView) {
    theme::card()
        .fill(egui::Color32::from_rgb(234, 241, 250))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(t!("panels-coach-title"))
                        .strong()
                        .color(theme::ACCENT),
                );
                if !view.lessons.is_empty() {
                    let done = view.lessons.iter().filter(|lesson| lesson.done()).count();
                    let progress = t!("panels-coach-progress", done = done, total = view.lessons.len());
                    ui.label(egui::RichText::new(progress).small().color(theme::MUTED))
                        .on_hover_text(steps_text(view));
                }
            });
            if let Some(reply) = view.latest_reply() {
                ui.label(egui::RichText::new(reply).color(theme::INK));
            }
            match view.current() {
                Some(lesson) => {
                    ui.label(
                        egui::RichText::new(t!(
                            "panels-coach-now",
                            name = lesson.name.as_str(),
                            ask = lesson.ask.as_str()
                        ))
                        .strong(),
                    );
                }
                None if !view.lessons.is_empty() => {
                    ui.label(egui::RichText::new(t!("panels-coach-all-done")).strong());
                }
                None => {}
            }
            for note in &view.notes {
                theme::note(ui, note);
            }
        });
    ui.add_space(4.0);
}

/// The steps, for the tooltip of the progress.
fn steps_text(view: &CoachView) -> String {
    view.lessons
        .iter()
        .enumerate()
        .map(|(k, lesson)| {
            format!(
                "{}. {} ({})",
                k + 1,
                lesson.name,
                if lesson.done() {
                    t!("panels-coach-step-done")
                } else {
                    t!("panels-coach-step-to-do")
                }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use crate::game::i18n::{Language, t, with_language};

    #[test]
    fn a_delay_counts_its_months_in_each_language() {
        let delayed = |months: u32| t!("panels-coach-delayed", name = "RTT reciprocal tariff", months = months);
        with_language(Language::English, || {
            assert_eq!(
                delayed(1),
                "You delayed the rise of the RTT reciprocal tariff by 1 month: the temperature drops, and you keep \
                 the tariff to trade in a deal."
            );
            assert!(delayed(3).contains(" by 3 months: "), "{}", delayed(3));
        });
        with_language(Language::Japanese, || {
            assert!(
                delayed(3).starts_with("RTT reciprocal tariffの引き上げを3か月延期しました。"),
                "{}",
                delayed(3)
            );
        });
    }
}
