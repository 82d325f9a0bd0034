//! The teacher's console of a class hosted over the network (`tradetable host`): the address teams type, a live grid
//! of every table — round, whose move, the latest offer, the deficit and each side's approval, how long since the
//! last move, who is in each seat, paused or over — and the teacher's controls: pause and resume a table or all,
//! seat the computer where a team is missing, fire one of the scenario's injects at a table or at all, end the class,
//! and debrief it. The log of the host runs along the bottom.
//!
//! Everything shown is read from the core's `network::host::Host::overview`; every control is a
//! [`TeacherCommand`](crate::net::class_host::TeacherCommand) the class host carries out.

use std::net::{IpAddr, SocketAddr};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::debrief::{DebriefAction, DebriefView};
use crate::game::i18n::{numbers, t};
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Flow, Navigate, Screen};
use crate::game::theme::{self, UiSet};
use crate::net::class_host::{self, ClassHost, TeacherCommand};
use tradetable_core::ai::{Difficulty, Opponent};
use tradetable_core::network::host::TableStatus;
use tradetable_core::network::protocol::SeatPresence;
use tradetable_core::{Names, Side};

/// Where the console hosts its class, opened at startup.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsoleAddress(pub SocketAddr);

/// What the console keeps between frames.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsoleView {
    /// The address teams type, once the class is open.
    pub address: Option<String>,
    /// Why the class could not be opened.
    pub open_error: Option<String>,
    /// The inject picked to fire (by id).
    pub inject: Option<String>,
    /// Asking to confirm the end of the class.
    pub confirm_end: bool,
}

/// What the teacher did on the console.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum ConsoleAction {
    /// Pause one table, or every table.
    Pause(Option<u32>),
    /// Resume one table, or every table.
    Resume(Option<u32>),
    /// Seat the computer (normal difficulty) where a team has not come, or has gone.
    SeatComputer {
        /// The table.
        table: u32,
        /// The side.
        side: Side,
    },
    /// Pick the inject to fire.
    PickInject(String),
    /// Fire the inject picked at one table, or at every table.
    FireInject(Option<u32>),
    /// Ask to end the class.
    AskToEnd,
    /// Do not end the class after all.
    KeepClass,
    /// End the class: every laptop is told, unfinished games are kept as they stand.
    EndClass,
    /// Open the debrief of the class's results.
    Debrief,
    /// Disconnect one laptop, by its connection: its seat waits for its token.
    Kick(u64),
    /// Free a seat: its token no longer takes it, and its laptop is disconnected.
    FreeSeat {
        /// The table.
        table: u32,
        /// The side.
        side: Side,
    },
}

/// The console screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<ConsoleView>()
        .add_message::<ConsoleAction>()
        .add_systems(Startup, open_console)
        .add_systems(
            Update,
            apply_console_actions
                .in_set(Flow::Actions)
                .run_if(resource_exists::<ClassHost>),
        )
        .add_systems(
            EguiPrimaryContextPass,
            draw_console
                .in_set(UiSet::Screen)
                .run_if(in_state(Screen::Console))
                .run_if(resource_exists::<ClassHost>),
        );
}

fn open_console(options: Res<LaunchOptions>, mut navigate: MessageWriter<Navigate>) {
    if options.console {
        navigate.write(Navigate::To(Screen::Console));
    }
}

/// Opens the class on the [`ConsoleAddress`] (a startup system): the address teams type shows on the console, and
/// on the terminal with every table's code; a port that cannot be opened shows as an error on the console.
pub fn open_server(world: &mut World) {
    let Some(ConsoleAddress(addr)) = world.get_resource::<ConsoleAddress>().copied() else {
        return;
    };
    let opened = class_host::open(world, addr);
    match opened {
        Ok(bound) => {
            if let Some(class) = world.get_resource::<ClassHost>() {
                print!("{}", crate::net::class_host::joining_instructions(class, bound));
            }
            world.resource_mut::<ConsoleView>().address = Some(teams_address(bound).to_string());
        }
        Err(error) => {
            let why = t!(
                "class-console-open-error",
                port = addr.port().to_string(),
                error = error.to_string()
            );
            error!("{why}");
            world.resource_mut::<ConsoleView>().open_error = Some(why);
        }
    }
}

/// The address teams type for a server bound to `bound`: this machine's address on its network when it listens on
/// every network.
pub fn teams_address(bound: SocketAddr) -> SocketAddr {
    let ip: IpAddr = if bound.ip().is_unspecified() {
        crate::net::class_host::lan_address()
    } else {
        bound.ip()
    };
    SocketAddr::new(ip, bound.port())
}

/// Carries out what the teacher did: the class host's commands, and the way to the debrief.
fn apply_console_actions(
    mut actions: MessageReader<ConsoleAction>,
    mut view: ResMut<ConsoleView>,
    class: Res<ClassHost>,
    mut teacher: MessageWriter<TeacherCommand>,
    mut debrief: ResMut<DebriefView>,
    mut debrief_actions: MessageWriter<DebriefAction>,
    mut navigate: MessageWriter<Navigate>,
) {
    for action in actions.read() {
        match action {
            ConsoleAction::Pause(table) => {
                teacher.write(TeacherCommand::Pause(*table));
            }
            ConsoleAction::Resume(table) => {
                teacher.write(TeacherCommand::Resume(*table));
            }
            ConsoleAction::SeatComputer { table, side } => {
                teacher.write(TeacherCommand::SeatComputer {
                    table: *table,
                    side: *side,
                    opponent: Opponent::Difficulty(Difficulty::Normal),
                });
            }
            ConsoleAction::PickInject(id) => view.inject = Some(id.clone()),
            ConsoleAction::FireInject(table) => {
                if let Some(id) = picked_inject(&view, &class) {
                    teacher.write(TeacherCommand::FireInject { table: *table, id });
                }
            }
            ConsoleAction::AskToEnd => view.confirm_end = true,
            ConsoleAction::KeepClass => view.confirm_end = false,
            ConsoleAction::EndClass => {
                view.confirm_end = false;
                if !class.ended {
                    teacher.write(TeacherCommand::EndClass);
                }
            }
            ConsoleAction::Kick(peer) => {
                teacher.write(TeacherCommand::Kick(crate::net::transport::PeerId(*peer)));
            }
            ConsoleAction::FreeSeat { table, side } => {
                teacher.write(TeacherCommand::FreeSeat {
                    table: *table,
                    side: *side,
                });
            }
            ConsoleAction::Debrief => {
                debrief.folder = class.results.display().to_string();
                debrief.back_to = Screen::Console;
                debrief_actions.write(DebriefAction::Open);
                navigate.write(Navigate::To(Screen::Debrief));
            }
        }
    }
}

/// The inject picked, or the scenario's first.
fn picked_inject(view: &ConsoleView, class: &ClassHost) -> Option<String> {
    let injects = &class.host.scenario().injects;
    view.inject
        .clone()
        .filter(|id| injects.iter().any(|i| &i.id == id))
        .or_else(|| injects.first().map(|i| i.id.clone()))
}

/// The words for a seat.
fn presence(seat: SeatPresence) -> (String, egui::Color32) {
    match seat {
        SeatPresence::Waiting => (t!("class-console-seat-waiting"), theme::MUTED),
        SeatPresence::Connected => (t!("class-console-seat-connected"), theme::GOOD),
        SeatPresence::Disconnected => (t!("class-console-seat-disconnected"), theme::BAD),
        SeatPresence::Computer => (t!("class-console-seat-computer"), theme::ACCENT),
    }
}

/// Seconds as "12 s", "3 min", "1 h 5 min".
fn since(seconds: u64) -> String {
    match seconds {
        s if s < 60 => t!("class-console-seconds", s = s),
        s if s < 3600 => t!("class-console-minutes", m = s / 60),
        s => t!("class-console-hours", h = s / 3600, m = (s % 3600) / 60),
    }
}

/// The class's top: where teams join and the class-wide controls.
fn header(ui: &mut egui::Ui, class: &ClassHost, view: &ConsoleView) -> Option<ConsoleAction> {
    let mut action = None;
    let scenario = class.host.scenario();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(t!("class-console-title")).size(24.0).strong());
        ui.label(
            egui::RichText::new(t!(
                "class-console-subtitle",
                scenario = scenario.title.as_str(),
                count = class.class.tables.len()
            ))
            .size(17.0)
            .color(theme::MUTED),
        );
    });
    match (&view.address, &view.open_error) {
        (_, Some(error)) => {
            theme::card()
                .fill(egui::Color32::from_rgb(253, 236, 230))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(egui::RichText::new(error).color(theme::BAD).strong());
                });
        }
        (Some(address), None) => {
            theme::card().show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(t!("class-console-join-at")).size(18.0));
                    ui.label(
                        egui::RichText::new(address)
                            .size(24.0)
                            .strong()
                            .monospace()
                            .color(theme::ACCENT),
                    );
                    ui.label(egui::RichText::new(t!("class-console-join-how")).size(15.0));
                    ui.label(
                        // not UI text: a command line, typed as it is in every language
                        egui::RichText::new(format!("tradetable play --join {address} --code CODE"))
                            .monospace()
                            .size(14.0),
                    );
                });
            });
        }
        (None, None) => theme::note(ui, t!("class-console-opening")),
    }
    ui.add_space(4.0);
    let live = !class.ended;
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(live, egui::Button::new(t!("class-console-pause-all")))
            .clicked()
        {
            action = Some(ConsoleAction::Pause(None));
        }
        if ui
            .add_enabled(live, egui::Button::new(t!("class-console-resume-all")))
            .clicked()
        {
            action = Some(ConsoleAction::Resume(None));
        }
        ui.separator();
        let injects = &scenario.injects;
        if injects.is_empty() {
            theme::note(ui, t!("class-console-no-injects"));
        } else {
            ui.label(t!("class-console-inject"));
            let picked = picked_inject(view, class);
            let shown = injects
                .iter()
                .find(|i| Some(&i.id) == picked.as_ref())
                .map_or(String::new(), |i| short(&i.news, 48));
            egui::ComboBox::from_id_salt("inject")
                .width(320.0)
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for inject in injects {
                        let chosen = Some(&inject.id) == picked.as_ref();
                        if ui
                            .selectable_label(chosen, short(&inject.news, 70))
                            .on_hover_text(&inject.news)
                            .clicked()
                        {
                            action = Some(ConsoleAction::PickInject(inject.id.clone()));
                        }
                    }
                });
            if ui
                .add_enabled(live, egui::Button::new(t!("class-console-fire-all")))
                .on_hover_text(t!("class-console-fire-all-hint"))
                .clicked()
            {
                action = Some(ConsoleAction::FireInject(None));
            }
        }
        ui.separator();
        if ui
            .add_enabled(
                live,
                egui::Button::new(egui::RichText::new(t!("class-console-end-class")).color(theme::BAD)),
            )
            .clicked()
        {
            action = Some(ConsoleAction::AskToEnd);
        }
        let can_debrief = class.ended || class.host.all_over();
        if ui
            .add_enabled(
                can_debrief,
                egui::Button::new(egui::RichText::new(t!("class-console-debrief")).strong()),
            )
            .on_hover_text(t!(
                "class-console-debrief-hint",
                folder = class.results.display().to_string()
            ))
            .on_disabled_hover_text(t!("class-console-debrief-disabled"))
            .clicked()
        {
            action = Some(ConsoleAction::Debrief);
        }
        if class.ended {
            ui.label(
                egui::RichText::new(t!("class-console-ended"))
                    .strong()
                    .color(theme::BAD),
            );
        }
    });
    action
}

/// A label that never wraps inside a grid cell (the grid scrolls instead).
fn cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).extend())
}

/// What a table is doing, in a word or two.
fn state_of(names: Names, table: &TableStatus, ended: bool) -> (String, egui::Color32) {
    if table.outcome.is_some() {
        return (t!("class-console-state-over"), theme::MUTED);
    }
    if ended {
        return (t!("class-console-state-stopped"), theme::MUTED);
    }
    if table.paused {
        return (t!("class-console-state-paused"), theme::BAD);
    }
    let side = names.short(table.to_move);
    match table.seats[table.to_move] {
        SeatPresence::Waiting => (t!("class-console-state-waiting", side = side), theme::MUTED),
        SeatPresence::Disconnected => (t!("class-console-state-disconnected", side = side), theme::BAD),
        SeatPresence::Connected | SeatPresence::Computer => (t!("class-console-state-playing"), theme::GOOD),
    }
}

/// The grid of tables: one row each, the teacher's buttons for it at the end.
///
/// `rounds` is the round each table shows: the round a finished game ended in, else the round being played.
fn tables_grid(
    ui: &mut egui::Ui,
    names: Names,
    tables: &[TableStatus],
    rounds: &[u32],
    ended: bool,
) -> Option<ConsoleAction> {
    let mut action = None;
    let pair = format!("{} / {}", names.short(Side::Us), names.short(Side::Partner));
    egui::Grid::new("console_tables")
        .striped(true)
        .spacing(egui::vec2(14.0, 6.0))
        .min_row_height(40.0)
        .show(ui, |ui| {
            for heading in [
                t!("class-console-col-table"),
                t!("class-console-col-round"),
                t!("class-console-col-to-move"),
                t!("class-console-col-latest-offer"),
                t!("class-console-col-deficit"),
                t!("class-console-col-approval", pair = pair.as_str()),
                t!("class-console-col-last-move"),
                t!("class-console-col-seats", pair = pair.as_str()),
                t!("class-console-col-state"),
                String::new(),
            ] {
                cell(ui, egui::RichText::new(heading).strong());
            }
            ui.end_row();
            for (table, round) in tables.iter().zip(rounds) {
                table_row(ui, names, table, *round, ended);
                let live = table.outcome.is_none() && !ended;
                if let Some(chosen) = table_controls(ui, names, table, live) {
                    action = Some(chosen);
                }
                ui.end_row();
            }
        });
    action
}

/// A table's row of the grid, up to its controls: number and code, round, who moves, the latest offer, the deficit,
/// the approvals, the last move, the seats and the state.
fn table_row(ui: &mut egui::Ui, names: Names, table: &TableStatus, round: u32, ended: bool) {
    let over = table.outcome.is_some();
    ui.vertical(|ui| {
        cell(
            ui,
            egui::RichText::new(t!("class-console-table", number = table.number)).strong(),
        );
        cell(
            ui,
            egui::RichText::new(&table.code)
                .monospace()
                .size(11.0)
                .color(theme::MUTED),
        );
    });
    cell(ui, round.to_string());
    if over {
        cell(ui, "–");
    } else {
        cell(ui, theme::side_text(names, table.to_move));
    }
    cell(
        ui,
        match table.latest_offer {
            Some((side, round)) => t!("class-console-latest-offer", side = names.short(side), round = round),
            None => t!("class-console-no-offer"),
        },
    );
    cell(ui, numbers::bn(table.deficit_bn));
    cell(
        ui,
        format!(
            "{} / {}",
            numbers::whole_percent(table.approval[Side::Us]),
            numbers::whole_percent(table.approval[Side::Partner])
        ),
    );
    cell(ui, t!("class-console-ago", time = since(table.idle_seconds)));
    ui.vertical(|ui| {
        for side in Side::BOTH {
            let (word, color) = presence(table.seats[side]);
            cell(
                ui,
                egui::RichText::new(t!("class-console-seat", side = names.short(side), presence = word)).color(color),
            );
        }
    });
    let (state, color) = state_of(names, table, ended);
    ui.vertical(|ui| {
        cell(ui, egui::RichText::new(state).strong().color(color));
        if let Some(outcome) = &table.outcome {
            cell(
                ui,
                egui::RichText::new(short(outcome, 30)).size(12.0).color(theme::MUTED),
            )
            .on_hover_text(outcome);
        }
    });
}

/// A table's controls: pause or resume, fire the inject here, and seat the computer where a team is missing.
fn table_controls(ui: &mut egui::Ui, names: Names, table: &TableStatus, live: bool) -> Option<ConsoleAction> {
    let mut action = None;
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let (label, pause) = if table.paused {
                (t!("class-console-resume"), ConsoleAction::Resume(Some(table.number)))
            } else {
                (t!("class-console-pause"), ConsoleAction::Pause(Some(table.number)))
            };
            if ui.add_enabled(live, egui::Button::new(label)).clicked() {
                action = Some(pause);
            }
            if ui
                .add_enabled(live, egui::Button::new(t!("class-console-fire-here")))
                .on_hover_text(t!("class-console-fire-here-hint"))
                .clicked()
            {
                action = Some(ConsoleAction::FireInject(Some(table.number)));
            }
        });
        let missing: Vec<Side> = Side::BOTH
            .into_iter()
            .filter(|side| matches!(table.seats[*side], SeatPresence::Waiting | SeatPresence::Disconnected))
            .collect();
        if !missing.is_empty() && live {
            ui.horizontal(|ui| {
                cell(ui, t!("class-console-seat-computer-label"));
                for side in missing {
                    if ui
                        .small_button(names.short(side))
                        .on_hover_text(t!("class-console-seat-computer-hint", side = names.with_article(side)))
                        .clicked()
                    {
                        action = Some(ConsoleAction::SeatComputer {
                            table: table.number,
                            side,
                        });
                    }
                }
            });
        }
    });
    action
}

/// A text cut to at most `max` characters, with an ellipsis.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Every connected laptop: where from, its seat, how long it has been connected, its refused messages, and the
/// buttons to disconnect it or free its seat.
fn laptops_list(ui: &mut egui::Ui, class: &ClassHost) -> Option<ConsoleAction> {
    let laptops = class.host.laptops(class.now_ms());
    let mut action = None;
    egui::CollapsingHeader::new(t!("class-console-laptops", count = laptops.len()))
        .id_salt("console_laptops")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("console_laptops_list")
                .max_height(160.0)
                .show(ui, |ui| {
                    egui::Grid::new("laptops").striped(true).show(ui, |ui| {
                        for heading in [
                            t!("class-console-col-connection"),
                            t!("class-console-col-address"),
                            t!("class-console-col-seat"),
                            t!("class-console-col-connected"),
                            t!("class-console-col-refused"),
                            String::new(),
                        ] {
                            ui.strong(heading);
                        }
                        ui.end_row();
                        for laptop in &laptops {
                            ui.label(laptop.peer.to_string());
                            ui.label(
                                class
                                    .addresses
                                    .get(&laptop.peer)
                                    .map_or("?".to_string(), |addr| addr.to_string()),
                            );
                            ui.label(match laptop.seat {
                                Some((table, side)) => {
                                    t!("class-console-laptop-seat", table = table, side = side.key())
                                }
                                None => t!("class-console-laptop-no-seat"),
                            });
                            ui.label(since(laptop.connected_seconds));
                            ui.label(laptop.strikes.to_string());
                            ui.horizontal(|ui| {
                                if ui
                                    .button(t!("class-console-disconnect"))
                                    .on_hover_text(t!("class-console-disconnect-hint"))
                                    .clicked()
                                {
                                    action = Some(ConsoleAction::Kick(laptop.peer));
                                }
                                if let Some((table, side)) = laptop.seat
                                    && ui
                                        .button(t!("class-console-free-seat"))
                                        .on_hover_text(t!("class-console-free-seat-hint"))
                                        .clicked()
                                {
                                    action = Some(ConsoleAction::FreeSeat { table, side });
                                }
                            });
                            ui.end_row();
                        }
                    });
                });
        });
    action
}

/// The screen's contents: the top, the grid, and the log; returns what the teacher did.
pub fn console_panel(ui: &mut egui::Ui, class: &ClassHost, view: &ConsoleView) -> Option<ConsoleAction> {
    let mut action = header(ui, class, view);
    ui.add_space(6.0);
    let tables = class.host.overview(class.now_ms());
    let rounds: Vec<u32> = tables
        .iter()
        .map(|table| {
            class
                .host
                .game(table.number)
                .and_then(|game| game.outcome.as_ref())
                .map_or(table.round, |outcome| outcome.round)
        })
        .collect();
    let names = class.host.scenario().names();
    let log_height = (ui.available_height() * 0.3).clamp(90.0, 220.0);
    let grid_height = (ui.available_height() - log_height - 30.0).max(120.0);
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::ScrollArea::both()
            .id_salt("console_grid")
            .max_height(grid_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if let Some(chosen) = tables_grid(ui, names, &tables, &rounds, class.ended) {
                    action = Some(chosen);
                }
            });
    });
    ui.add_space(6.0);
    if let Some(chosen) = laptops_list(ui, class) {
        action = Some(chosen);
    }
    if let Some(error) = &class.persist_error {
        ui.colored_label(
            egui::Color32::from_rgb(0xd0, 0x40, 0x40),
            t!("class-console-not-kept", error = error.to_string()),
        );
    }
    ui.add_space(6.0);
    theme::section(ui, &t!("class-console-log"));
    egui::ScrollArea::vertical()
        .id_salt("console_log")
        .auto_shrink([false, false])
        .stick_to_bottom(true)
        .max_height(log_height)
        .show(ui, |ui| {
            for line in &class.log {
                ui.label(egui::RichText::new(line).monospace().size(12.0));
            }
        });
    action
}

fn draw_console(
    mut contexts: EguiContexts,
    class: Res<ClassHost>,
    view: Res<ConsoleView>,
    mut actions: MessageWriter<ConsoleAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = theme::root_ui(ctx);
    let mut action = None;
    egui::CentralPanel::default()
        .frame(theme::page_frame())
        .show(&mut root, |ui| action = console_panel(ui, &class, &view));
    if view.confirm_end {
        let modal = egui::Modal::new("end_class".into()).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading(t!("class-console-end-title"));
            ui.label(t!("class-console-end-text"));
            ui.add_space(8.0);
            let mut choice = None;
            ui.horizontal(|ui| {
                if ui
                    .button(egui::RichText::new(t!("class-console-end-confirm")).color(theme::BAD))
                    .clicked()
                {
                    choice = Some(ConsoleAction::EndClass);
                }
                if ui.button(t!("class-console-keep-playing")).clicked() {
                    choice = Some(ConsoleAction::KeepClass);
                }
            });
            choice
        });
        match modal.inner {
            Some(choice) => action = Some(choice),
            None if modal.should_close() => action = Some(ConsoleAction::KeepClass),
            None => {}
        }
    }
    actions.write_batch(action);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_headlines_are_cut_with_an_ellipsis() {
        assert_eq!(short("short", 10), "short");
        assert_eq!(short("a long headline indeed", 8), "a long…");
    }

    #[test]
    fn idle_time_reads_in_seconds_minutes_and_hours() {
        assert_eq!(since(12), "12 s");
        assert_eq!(since(125), "2 min");
        assert_eq!(since(3_900), "1 h 5 min");
    }

    #[test]
    fn idle_time_reads_in_japanese_too() {
        use crate::game::i18n::{Language, with_language};
        with_language(Language::Japanese, || {
            assert_eq!(since(12), "12秒");
            assert_eq!(since(3_900), "1時間5分");
            assert_eq!(t!("class-console-ago", time = since(125)), "2分前");
        });
    }
}
