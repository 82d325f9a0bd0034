//! The top bar: round and month, the deadlines counting down, whose move it is, the watch controls, and the
//! buttons for the glossary and the menu.

use bevy_egui::egui;

use super::{short_name, side_in_sentence};
use crate::game::flags;
use crate::game::i18n::{numbers, t};
use crate::game::remote::RemoteStatus;
use crate::game::session::{Mode, WatchClock};
use crate::game::theme;
use tradetable_core::Scenario;
use tradetable_core::rules::negotiation::GameState;
use tradetable_core::scenario::schema::ScheduledKind;

/// Something due in a later (or this) round.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    /// What happens.
    pub label: String,
    /// The round it happens at the end of.
    pub round: u32,
    /// Rounds left before it: 0 means at the end of this round.
    pub rounds_left: u32,
}

/// What is coming, soonest first: scheduled tariffs (as delayed by the US), elections, and the end of the talks.
pub fn deadlines(scenario: &Scenario, state: &GameState) -> Vec<Deadline> {
    let mut list = Vec::new();
    let mut add = |label: String, round: u32| {
        if round >= state.round {
            list.push(Deadline {
                label,
                round,
                rounds_left: round - state.round,
            });
        }
    };
    for s in &state.scheduled {
        let name = short_name(&scenario.us_instruments[s.instrument].name);
        add(
            t!(
                "panels-top-bar-deadline-rate",
                name = name,
                rate = numbers::rate(s.rate)
            ),
            s.round,
        );
    }
    for ev in &scenario.scheduled_events {
        if let ScheduledKind::Election { .. } = ev.kind {
            add(ev.news.clone(), ev.round);
        }
    }
    add(t!("panels-top-bar-deadline-end"), scenario.rounds);
    list.sort_by_key(|d| d.round);
    list
}

/// What the top bar shows.
pub struct TopBarView<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The state.
    pub state: &'a GameState,
    /// Who plays.
    pub mode: Mode,
    /// The watch clock, in watch mode.
    pub watch: Option<&'a WatchClock>,
    /// At a networked table: the turn, the clock and who sits across.
    pub remote: Option<&'a RemoteStatus>,
}

/// What the top bar asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TopBarAction {
    /// Open the pause menu.
    Menu,
    /// Show or hide the glossary.
    Glossary,
    /// Watch: play or pause.
    PlayPause,
    /// Watch: one move.
    Step,
    /// Watch: moves per second.
    Speed(f32),
}

/// The height of a row of the top bar: its largest text's.
const TOP_ROW_HEIGHT: f32 = 28.0;

/// Draws the top bar.
pub fn top_bar(ui: &mut egui::Ui, view: &TopBarView) -> Option<TopBarAction> {
    let names = view.scenario.names();
    let mut action = None;
    let state = view.state;
    let scenario = view.scenario;
    let round = state.round.min(scenario.rounds);
    // Narrow (a small window, or a projector's large UI scale), the bar says the same in fewer words, on one line.
    let narrow = ui.available_width() < 1000.0;
    // The buttons first, at the right; what the round is wraps in the width they leave, so nothing hides under them.
    let row = egui::vec2(ui.available_width(), TOP_ROW_HEIGHT);
    ui.allocate_ui_with_layout(row, egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let menu = if narrow {
            t!("panels-top-bar-menu")
        } else {
            t!("panels-top-bar-menu-key")
        };
        // not UI text: a key's name
        if ui.button(menu).on_hover_text("Esc").clicked() {
            action = Some(TopBarAction::Menu);
        }
        if ui.button(t!("panels-top-bar-glossary")).clicked() {
            action = Some(TopBarAction::Glossary);
        }
        let rest = egui::vec2(ui.available_width(), TOP_ROW_HEIGHT);
        let wrapping = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
        ui.allocate_ui_with_layout(rest, wrapping, |ui| {
            ui.label(
                egui::RichText::new(t!(
                    "panels-top-bar-round",
                    round = round,
                    rounds = scenario.rounds,
                    month = numbers::month(&scenario.month_of_round(round))
                ))
                .size(19.0)
                .strong(),
            );
            ui.separator();
            if state.is_over() {
                ui.label(egui::RichText::new(t!("panels-top-bar-over")).strong());
            } else {
                let side = state.to_move;
                if !narrow {
                    ui.label(t!("panels-top-bar-to-move"));
                }
                flags::side_flag(ui, view.scenario.names(), side, 15.0);
                ui.label(theme::side_text(view.scenario.names(), side).size(17.0));
                let who = if view.mode.is_human(side) {
                    match view.mode {
                        Mode::Hotseat => t!(
                            "panels-top-bar-team",
                            team = side_in_sentence(names, side, names.short(side))
                        ),
                        _ => t!("panels-top-bar-you"),
                    }
                } else if let Some(remote) = view.remote {
                    format!("({})", remote.across)
                } else {
                    t!("panels-top-bar-ai")
                };
                ui.label(who);
                if view.mode.is_human(side) {
                    let left =
                        tradetable_core::rules::moves::MAX_ACTIONS_PER_TURN.saturating_sub(state.actions_this_turn);
                    let of = tradetable_core::rules::moves::MAX_ACTIONS_PER_TURN;
                    let text = if narrow {
                        t!("panels-top-bar-actions-short", left = left, of = of)
                    } else {
                        t!("panels-top-bar-actions", left = left, of = of)
                    };
                    ui.label(egui::RichText::new(text).color(theme::MUTED))
                        .on_hover_text(t!("panels-top-bar-actions-hover"));
                }
            }
            if let Some(remote) = view.remote {
                ui.separator();
                let clock = remote.seconds_left.map_or(String::new(), |left| {
                    format!(
                        " · {}",
                        t!("panels-top-bar-time-left", time = crate::game::remote::clock(left))
                    )
                });
                ui.label(
                    egui::RichText::new(format!("{}{clock}", remote.headline))
                        .size(17.0)
                        .strong()
                        .color(remote.color),
                )
                .on_hover_text(t!("panels-top-bar-remote-hover"));
            }
            if let Some(watch) = view.watch {
                ui.separator();
                let play = if watch.playing {
                    t!("panels-top-bar-pause")
                } else {
                    t!("panels-top-bar-play")
                };
                // not UI text: a key's name
                if ui.button(play).on_hover_text("Space").clicked() {
                    action = Some(TopBarAction::PlayPause);
                }
                if ui
                    .button(t!("panels-top-bar-step"))
                    .on_hover_text(t!("panels-top-bar-step-hover"))
                    .clicked()
                {
                    action = Some(TopBarAction::Step);
                }
                ui.label(t!("panels-top-bar-speed"));
                for speed in WatchClock::SPEEDS {
                    let label = format!("{speed}×");
                    if ui
                        .selectable_label((watch.moves_per_second - speed).abs() < 1e-3, label)
                        .on_hover_text(t!("panels-top-bar-speed-hover", speed = speed.to_string()))
                        .clicked()
                    {
                        action = Some(TopBarAction::Speed(speed));
                    }
                }
            }
        });
    });
    coming_up(ui, scenario, state);
    action
}

/// "Coming up": the deadlines as chips on one line, soonest first; those that do not fit are listed on the hover of
/// a "+N more" at its end, so the bar is as tall in every round.
fn coming_up(ui: &mut egui::Ui, scenario: &Scenario, state: &GameState) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(t!("panels-top-bar-coming-up")).color(theme::MUTED));
        let chips: Vec<(egui::RichText, String)> = deadlines(scenario, state)
            .iter()
            .map(|d| {
                let when = match d.rounds_left {
                    0 => t!("panels-top-bar-end-of-round"),
                    n => t!("panels-top-bar-in-rounds", count = n),
                };
                let urgent = d.rounds_left == 0;
                let text = egui::RichText::new(format!(" {} · {when} ", d.label))
                    .color(if urgent { theme::BAD } else { theme::INK })
                    .background_color(if urgent {
                        theme::CHANGED
                    } else {
                        egui::Color32::from_rgb(236, 232, 222)
                    });
                let hover = format!(
                    "{} ({}), {when}",
                    d.label,
                    numbers::month(&scenario.month_of_round(d.round))
                );
                (text, hover)
            })
            .collect();
        let width_of = |ui: &egui::Ui, text: egui::RichText| {
            egui::WidgetText::from(text)
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Body,
                )
                .size()
                .x
        };
        let widths: Vec<f32> = chips.iter().map(|(text, _)| width_of(ui, text.clone())).collect();
        let more_width = width_of(ui, egui::RichText::new(t!("panels-top-bar-more", count = chips.len())));
        let gap = ui.spacing().item_spacing.x;
        let shown = theme::items_that_fit(&widths, gap, ui.available_width(), more_width);
        for (text, hover) in &chips[..shown] {
            // A chip never wraps inside itself.
            ui.add(egui::Label::new(text.clone()).extend())
                .on_hover_text(crate::game::glossary::hover_text(hover, ""));
        }
        let rest = &chips[shown..];
        if !rest.is_empty() {
            let list: Vec<&str> = rest.iter().map(|(_, hover)| hover.as_str()).collect();
            ui.add(
                egui::Label::new(
                    egui::RichText::new(t!("panels-top-bar-more", count = rest.len())).color(theme::ACCENT),
                )
                .extend(),
            )
            .on_hover_text(list.join("\n"));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheduled_auto_tariff_counts_down_to_round_three() {
        let scenario = tradetable_core::Scenario::builtin().unwrap();
        let state = GameState::new(&scenario, 1);
        let list = deadlines(&scenario, &state);
        let autos = list
            .iter()
            .find(|d| d.label.contains("autos"))
            .expect("auto tariff scheduled");
        assert_eq!(autos.round, 3);
        assert_eq!(autos.rounds_left, 2);
        assert_eq!(list.last().unwrap().round, scenario.rounds);
    }

    #[test]
    fn the_deadlines_read_in_each_language_with_english_unchanged() {
        use crate::game::i18n::{Language, with_language};
        let scenario = tradetable_core::Scenario::builtin().unwrap();
        let state = GameState::new(&scenario, 1);
        with_language(Language::English, || {
            assert_eq!(t!("panels-top-bar-in-rounds", count = 0_u32), "in 0 rounds");
            assert_eq!(t!("panels-top-bar-in-rounds", count = 1_u32), "in 1 round");
            assert_eq!(t!("panels-top-bar-in-rounds", count = 2_u32), "in 2 rounds");
            let list = deadlines(&scenario, &state);
            assert!(
                list.iter().any(|d| d.label == "232: autos and parts to 25%"),
                "{list:?}"
            );
            assert_eq!(list.last().unwrap().label, "Deadline: end of the talks");
        });
        with_language(Language::Japanese, || {
            assert_eq!(t!("panels-top-bar-in-rounds", count = 2_u32), "2ラウンド後");
            let list = deadlines(&scenario, &state);
            assert!(
                list.iter().any(|d| d.label == "232: autos and partsを25%に"),
                "{list:?}"
            );
            assert_eq!(list.last().unwrap().label, "期限：交渉の終わり");
        });
    }
}
