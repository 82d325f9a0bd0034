//! Join a networked table: the team types the host's address (as the teacher's console shows it), the table code
//! the teacher's console shows for it, and the side it was given, and joins. The screen says what is happening (connecting, asking
//! for a seat) and, when joining fails, why in words: a mistyped address, no answer, the host refusing the code or
//! the side, the class being over. Once the host seats the team, the game opens at the table.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::i18n::t;
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::theme::{self, UiSet};
use crate::net::class_client::{Phase, TableClient, parse_host_address};
use tradetable_core::Side;

/// What is typed and chosen on the join screen.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct NetJoinView {
    /// The host's address as typed.
    pub address: String,
    /// The table code as typed.
    pub code: String,
    /// The side asked for; any free one when none.
    pub side: Option<Side>,
    /// What is wrong with what was typed, before anything is sent.
    pub problem: Option<String>,
}

/// What the team did on the join screen.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum NetJoinAction {
    /// The address box changed.
    Address(String),
    /// The code box changed.
    Code(String),
    /// The side chosen (none: either).
    Side(Option<Side>),
    /// Connect and ask for the seat.
    Join,
    /// Stop trying to join.
    Cancel,
    /// Back to the title.
    Back,
}

/// The join screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<NetJoinView>()
        .add_message::<NetJoinAction>()
        .add_systems(Startup, join_from_launch_options)
        .add_systems(Update, apply_net_join_actions.in_set(Flow::Actions))
        .add_systems(
            EguiPrimaryContextPass,
            draw_net_join
                .in_set(UiSet::Screen)
                .run_if(in_state(Screen::JoinNetwork)),
        );
}

/// `play --join ADDRESS --code CODE`: the join screen, filled in, joining at once.
fn join_from_launch_options(
    options: Res<LaunchOptions>,
    mut view: ResMut<NetJoinView>,
    mut navigate: MessageWriter<Navigate>,
    mut actions: MessageWriter<NetJoinAction>,
) {
    if let Some(join) = &options.join {
        view.address = join.address.clone();
        view.code = join.code.clone();
        view.side = join.side;
        navigate.write(Navigate::To(Screen::JoinNetwork));
        actions.write(NetJoinAction::Join);
    }
}

/// The side choices before the host has said which scenario is played: its names are not known yet.
fn sides() -> [(Option<Side>, String); 3] {
    [
        (None, t!("screens-net-either")),
        (Some(Side::Us), t!("screens-net-us")),
        (Some(Side::Partner), t!("screens-net-partner")),
    ]
}

/// The address, the code and the side.
fn form(ui: &mut egui::Ui, view: &NetJoinView, joining: bool, action: &mut Option<NetJoinAction>) {
    egui::Grid::new("net_join")
        .num_columns(2)
        .spacing(egui::vec2(12.0, 10.0))
        .show(ui, |ui| {
            ui.label(t!("screens-net-address"));
            let mut address = view.address.clone();
            ui.add_enabled(
                !joining,
                egui::TextEdit::singleline(&mut address)
                    .hint_text(format!("192.168.1.20:{}", crate::net::class_host::DEFAULT_PORT))
                    .font(egui::TextStyle::Monospace)
                    .desired_width(300.0),
            );
            if address != view.address {
                *action = Some(NetJoinAction::Address(address));
            }
            ui.end_row();
            ui.label(t!("screens-net-code"));
            let mut code = view.code.clone();
            ui.add_enabled(
                !joining,
                egui::TextEdit::singleline(&mut code)
                    .hint_text("XXXX-XXXX-XXXXX") // not UI text: the shape of a code, the same in every language
                    .font(egui::TextStyle::Monospace)
                    .desired_width(300.0),
            );
            if code != view.code {
                *action = Some(NetJoinAction::Code(code));
            }
            ui.end_row();
            ui.label(t!("screens-net-side"));
            ui.horizontal(|ui| {
                for (side, label) in sides() {
                    if ui
                        .add_enabled(!joining, egui::Button::selectable(view.side == side, label))
                        .clicked()
                    {
                        *action = Some(NetJoinAction::Side(side));
                    }
                }
            });
            ui.end_row();
        });
}

/// The screen's contents; returns what was done.
pub fn net_join_panel(ui: &mut egui::Ui, view: &NetJoinView, client: Option<&TableClient>) -> Option<NetJoinAction> {
    let mut action = None;
    let joining = client.is_some_and(TableClient::is_joining);
    ui.vertical_centered(|ui| {
        ui.add_space(30.0);
        ui.heading(t!("screens-net-title"));
        theme::note(ui, t!("screens-net-intro"));
        ui.add_space(12.0);
        // The form is about 440 points wide: centred like the rest of the screen.
        ui.horizontal(|ui| {
            ui.add_space(((ui.available_width() - 440.0) / 2.0).max(0.0));
            form(ui, view, joining, &mut action);
        });
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 300.0).max(0.0) / 2.0);
            if theme::big_button(ui, client.is_some() && !joining, &t!("screens-net-join")).clicked() {
                action = Some(NetJoinAction::Join);
            }
        });
        ui.add_space(8.0);
        match client {
            Some(client) if joining => {
                let host = client.host.map_or(String::new(), |h| h.to_string());
                ui.horizontal(|ui| {
                    ui.add_space((ui.available_width() - 420.0).max(0.0) / 2.0);
                    ui.spinner();
                    ui.label(match client.phase {
                        Phase::Connecting => t!("screens-net-connecting", host = host.as_str()),
                        _ => t!("screens-net-asking", code = client.code.to_string()),
                    });
                    if ui.button(t!("common-cancel")).clicked() {
                        action = Some(NetJoinAction::Cancel);
                    }
                });
            }
            Some(client) => {
                if let Some(problem) = view.problem.as_ref().or(client.error.as_ref()) {
                    theme::card()
                        .fill(egui::Color32::from_rgb(253, 236, 230))
                        .show(ui, |ui| {
                            ui.set_max_width(640.0);
                            ui.label(egui::RichText::new(t!("screens-net-failed")).strong().color(theme::BAD));
                            ui.label(problem);
                        });
                }
            }
            None => {
                ui.colored_label(theme::BAD, t!("screens-net-cannot"));
            }
        }
        ui.add_space(12.0);
        if ui.button(t!("screens-back")).clicked() {
            action = Some(NetJoinAction::Back);
        }
        ui.add_space(12.0);
        theme::note(
            ui,
            t!(
                "screens-net-address-note",
                port = crate::net::class_host::DEFAULT_PORT.to_string()
            ),
        );
    });
    action
}

fn draw_net_join(
    mut contexts: EguiContexts,
    view: Res<NetJoinView>,
    client: Option<Res<TableClient>>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<NetJoinAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let joining = client.as_deref().is_some_and(TableClient::is_joining);
    let keys = if joining {
        vec![(egui::Key::Escape, NetJoinAction::Cancel)]
    } else {
        vec![
            (egui::Key::Enter, NetJoinAction::Join),
            (egui::Key::Escape, NetJoinAction::Back),
        ]
    };
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| {
        egui::ScrollArea::vertical()
            .show(ui, |ui| net_join_panel(ui, &view, client.as_deref()))
            .inner
    });
    Ok(())
}

fn apply_net_join_actions(
    mut actions: MessageReader<NetJoinAction>,
    mut view: ResMut<NetJoinView>,
    mut client: Option<ResMut<TableClient>>,
    mut navigate: MessageWriter<Navigate>,
) {
    for action in actions.read() {
        match action {
            NetJoinAction::Address(address) => {
                view.address = address.clone();
                view.problem = None;
            }
            NetJoinAction::Code(code) => {
                view.code = code.clone();
                view.problem = None;
            }
            NetJoinAction::Side(side) => view.side = *side,
            NetJoinAction::Join => {
                let Some(client) = client.as_mut() else {
                    view.problem = Some(t!("screens-net-cannot"));
                    continue;
                };
                client.error = None;
                let code = view.code.trim();
                view.problem = match parse_host_address(&view.address, crate::net::class_host::DEFAULT_PORT) {
                    Err(problem) => Some(capitalised(&problem.to_string())),
                    Ok(_) if code.chars().filter(char::is_ascii_alphanumeric).count() == 0 => {
                        Some(t!("screens-net-no-code"))
                    }
                    Ok(host) => {
                        client.join(host, code, view.side);
                        None
                    }
                };
            }
            NetJoinAction::Cancel => {
                if let Some(client) = client.as_mut() {
                    client.leave();
                }
            }
            NetJoinAction::Back => {
                if let Some(client) = client.as_mut()
                    && client.is_joining()
                {
                    client.leave();
                }
                navigate.write(Navigate::To(Screen::Title));
            }
        }
    }
}

fn capitalised(text: &str) -> String {
    tradetable_core::scenario::side::capitalised(text)
}
