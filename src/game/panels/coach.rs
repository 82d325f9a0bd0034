//! The tutorial's coach (for a scenario with `coaching` notes): the scenario's note for the round, and lessons
//! taught by doing — one task for each of the player's groups of levers in turn, then a proposal read off the
//! preview and sent. Each lesson is answered with what the player actually did (the rate they set, the month they
//! announced, the offer's fate and the other side's reasons) and the proposal's with the model's numbers.
//! Progress is read from the game itself (its moves, the draft and the preview), so a loaded or continued tutorial
//! picks up where it was, and nothing of one game reaches the next.

use bevy_egui::egui;

use crate::game::panels::levers::LeverGroup;
use crate::game::panels::preview::Preview;
use crate::game::session::Viewer;
use crate::game::theme;
use tradetable_core::model::economy::auto_tariff_total;
use tradetable_core::model::politics::auto_tariff_above_line;
use tradetable_core::rules::negotiation::{GameState, OfferFate, PlayedMove};
use tradetable_core::rules::package::Package;
use tradetable_core::scenario::format;
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
                name: group.label(scenario).to_string(),
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
    let other = scenario.names().with_article(side.other()).to_string();
    lessons.push(Lesson {
        name: "Your proposal".to_string(),
        ask: format!(
            "In the middle, set the terms of your proposal and watch the preview on the right. {} Then send it \
             (Enter): it ends your turn, and {other} answers.",
            consequence(scenario, side, draft, preview)
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
    let partner = names.with_article(Side::Partner);
    let label = group.label(scenario);
    let task = match group {
        LeverGroup::Tariffs => {
            format!("set a tariff now: raise one to put pressure on {partner}, or cut one as goodwill, and press Set.")
        }
        LeverGroup::Threats => {
            "threaten a rate, or announce one for a later month: a threat costs nothing today but weighs on \
             the other side."
                .to_string()
        }
        LeverGroup::Goodwill => {
            "delay an announced rise, open a tariff-free quota or exempt a sector: a gesture that gives no term \
             of the deal away."
                .to_string()
        }
        LeverGroup::Concessions => format!(
            "put a concession into force now, as a gesture to {}: a purchase or a pledge.",
            names.with_article(Side::Us)
        ),
        LeverGroup::CounterTariffs => "threaten or set a counter-tariff on US goods, or suspend one.".to_string(),
        LeverGroup::TradeAgreement => format!("read what {} does.", scenario.agreement_name()),
    };
    format!("On the left, open {label} (key {key}) and {task}")
}

/// The coach's answer to a lever's move: what it did, in the scenario's names and figures.
fn move_reply(scenario: &Scenario, state: &GameState, played: &PlayedMove) -> String {
    let names = scenario.names();
    let partner = names.with_article(Side::Partner);
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
                format!(
                    "You raised the {name} from {} to {}. It is in force now: US buyers pay more and {partner}'s \
                     sellers lose sales — pressure on {partner}, and a cost at home (the preview's consumer cost).",
                    format::rate(was),
                    format::rate(*rate)
                )
            } else {
                format!(
                    "You cut the {name} from {} to {}: goodwill, and cheaper goods for US buyers — but pressure you \
                     could have traded for a concession in a deal.",
                    format::rate(was),
                    format::rate(*rate)
                )
            };
            if let Some(rules) = scenario.suspension()
                && auto_tariff_above_line(scenario, auto_tariff_total(scenario, &state.policy))
            {
                reply.push_str(&format!(
                    " With cars above {} all-in, {partner}'s {} may suspend {}: its risk is in the preview. \
                     Suspending it is the last group of levers, and hurts US farm exports.",
                    format::rate(rules.auto_tariff_threshold),
                    names.partner().legislature,
                    scenario.agreement_name()
                ));
            }
            reply
        }
        Move::Threaten { instrument: id, rate } => format!(
            "You threatened the {} at {} without a date. Nothing changes in trade yet, but the uncertainty holds back \
             {partner}'s investment in the US, and the other side takes note.",
            instrument(id),
            format::rate(*rate)
        ),
        Move::ScheduleTariff {
            instrument: id,
            rate,
            round,
        } => format!(
            "You announced the {} at {} from {}. It takes effect then unless you delay it or a deal settles it: \
             the top bar's calendar shows it counting down.",
            instrument(id),
            format::rate(*rate),
            format::month(&scenario.month_of_round(*round))
        ),
        Move::Delay { instrument: id, months } => format!(
            "You delayed the rise of the {} by {months} month{}: the temperature drops, and you keep the tariff to \
             trade in a deal.",
            instrument(id),
            if *months == 1 { "" } else { "s" }
        ),
        Move::SetQuota {
            instrument: id,
            quota_bn,
        } => format!(
            "You let {} a year in free of the {}: {partner}'s sellers gain, and the tariff still bites above it.",
            format::bn(*quota_bn),
            instrument(id)
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
                format!(
                    "You exempted {sector} from the {}: goodwill that costs little.",
                    instrument(id)
                )
            } else {
                format!("You ended the exemption of {sector} from the {}.", instrument(id))
            }
        }
        Move::Implement { lever, level } => {
            let (name, level) = scenario
                .lever_index(lever)
                .map_or((lever.clone(), level.to_string()), |k| {
                    let lever = &scenario.partner_levers[k];
                    (lever.name.clone(), format::lever_level(lever.unit, *level))
                });
            format!(
                "You put \"{name}\" into force at {level}, before any deal. It costs you now and may soften {}, but \
                 it is given: you cannot trade it again for a lower tariff.",
                names.with_article(Side::Us)
            )
        }
        other => format!("You chose to {other}."),
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
    let mut text = format!(
        "With your proposal as it stands, the goods deficit a year on would be {} — against {} with no deal, and {} \
         now.",
        format::bn(figures.deficit),
        format::bn(preview.no_deal.deficit),
        format::bn(preview.now.deficit)
    );
    if let Some(values) = preview.values.iter().find(|values| values.side == side)
        && let Some(worth) = values.draft
    {
        let verdict = if worth > values.walk_away {
            format!(
                "better than no deal for you; would {} sign it?",
                scenario.names().with_article(side.other())
            )
        } else {
            "no better than no deal for you: ask for more".to_string()
        };
        text.push_str(&format!(
            " It is worth {} to you against {} for no deal: {verdict}",
            format::one_decimal(worth),
            format::one_decimal(values.walk_away)
        ));
    }
    text
}

/// What became of the player's latest proposal, and the other side's reasons if it gave any.
fn answer_reply(scenario: &Scenario, state: &GameState, side: Side, proposal: usize) -> String {
    let names = scenario.names();
    let other = names.subject(side.other());
    let fate = state
        .offers
        .iter()
        .rev()
        .find(|record| record.offer.from == side)
        .map(|record| record.fate);
    let mut reply = match fate {
        Some(OfferFate::Pending) | None => format!("Your proposal is on the table; {other} answers next."),
        Some(OfferFate::Accepted) => format!("{other} accepted: the deal is signed."),
        Some(OfferFate::Countered) => format!(
            "{other} answered with a counter-offer: it is in the column of their offer. Compare what it is worth \
             to you with no deal, then accept it (A), counter it, or reject it (R)."
        ),
        Some(OfferFate::Rejected) => {
            format!("{other} rejected it without a counter-offer. Ask the adviser (H) what would do better.")
        }
        Some(OfferFate::Lapsed) => "The talks ended before an answer.".to_string(),
    };
    let answer = state.moves.iter().skip(proposal + 1).find(|played| played.side != side);
    if let Some(reason) = answer.and_then(|played| played.reasons.first()) {
        reply.push_str(&format!(" Why: {reason}"));
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
                ui.label(egui::RichText::new("Coach").strong().color(theme::ACCENT));
                if !view.lessons.is_empty() {
                    let done = view.lessons.iter().filter(|lesson| lesson.done()).count();
                    let progress = format!("{done} of {} steps done", view.lessons.len());
                    ui.label(egui::RichText::new(progress).small().color(theme::MUTED))
                        .on_hover_text(steps_text(view));
                }
            });
            if let Some(reply) = view.latest_reply() {
                ui.label(egui::RichText::new(reply).color(theme::INK));
            }
            match view.current() {
                Some(lesson) => {
                    ui.label(egui::RichText::new(format!("Now — {}: {}", lesson.name, lesson.ask)).strong());
                }
                None if !view.lessons.is_empty() => {
                    ui.label(
                        egui::RichText::new(
                            "You have used every group of levers and put a package on the table. Play on to the \
                             end: the results compare your deal with no deal and explain each score.",
                        )
                        .strong(),
                    );
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
                if lesson.done() { "done" } else { "to do" }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
