//! The game at a networked class table: a session built from the host's welcome, every view of the host replacing
//! the state, refused moves on the status line, the finished game on the results screen, and the end of the class
//! back at the title — and what the table shows of the link, the pause, the turn's clock and the other seat.
//!
//! The host owns the game: nothing here applies a move or plays the other side. `net::class_client` talks to the
//! host and checks what it sends; this module only turns its [`TableEvent`]s into the game's session and screens.

use bevy::prelude::*;
use bevy_egui::egui;

use super::i18n::t;
use super::launch::LaunchOptions;
use super::navigation::{Navigate, Screen, SessionStep};
use super::session::{Agents, NoticeKind, Session, TitleNotice};
use super::theme;
use crate::net::class_client::{Phase, RECONNECT_TRIES, Seated, TableClient, TableEvent};
use tradetable_core::Side;
use tradetable_core::network::protocol::SeatPresence;

/// Where a laptop keeps the seat tokens of the networked tables it joined, in the data folder.
pub const SEATS_FILE: &str = "network-seats.json";

/// The game's side of networked tables: the seat tokens kept in the data folder, and following the host in the
/// session's part of the frame.
pub fn plugin(app: &mut App) {
    app.add_systems(Startup, keep_seats_in_the_data_folder).add_systems(
        Update,
        follow_the_host
            .run_if(resource_exists::<TableClient>)
            .in_set(SessionStep::Host),
    );
}

fn keep_seats_in_the_data_folder(options: Res<LaunchOptions>, client: Option<ResMut<TableClient>>) {
    if let Some(mut client) = client {
        client.seats_file = Some(options.data_dir.join(SEATS_FILE));
    }
}

/// Follows the host: a seat opens a game at the table, views replace the state, a refusal shows on the status line,
/// the finished game goes to the results, and the end of the class (or a link that did not come back) to the title.
pub fn follow_the_host(
    mut events: MessageReader<TableEvent>,
    session: Option<ResMut<Session>>,
    mut commands: Commands,
    mut agents: NonSendMut<Agents>,
    mut notice: ResMut<TitleNotice>,
    mut navigate: MessageWriter<Navigate>,
) {
    let mut session = session;
    // A seat taken this frame: the views that follow it in the same frame apply to it.
    let mut seated: Option<Session> = None;
    for event in events.read() {
        if let TableEvent::Seated(welcome) = event {
            let Seated {
                seat,
                scenario,
                view,
                note,
            } = &**welcome;
            let mut session =
                Session::at_networked_table(scenario.clone(), seat.side, seat.table, seat.code.clone(), view.clone());
            session.refused = note.clone();
            seated = Some(session);
            *agents = Agents::default();
            notice.0 = None;
            navigate.write(Navigate::To(Screen::Table));
            continue;
        }
        let target = match (&mut seated, &mut session) {
            (Some(new), _) => Some(new),
            (None, Some(current)) if current.is_remote() => Some(&mut **current),
            _ => None,
        };
        let Some(target) = target else {
            continue;
        };
        let finished = target.remote.as_ref().is_some_and(|r| r.finished);
        match event {
            TableEvent::Seated(_) => {}
            TableEvent::View(view) => {
                if finished {
                    continue;
                }
                if target.state.moves.len() != view.state.moves.len() {
                    target.refused = None;
                }
                target.state = view.state.clone();
                if let Some(remote) = target.remote.as_mut() {
                    remote.follow(view);
                }
            }
            TableEvent::Refused(reason) => {
                target.refused = Some(reason.clone());
                if let Some(remote) = target.remote.as_mut() {
                    remote.awaiting = false;
                }
            }
            TableEvent::Finished { scenario, state } => {
                target.replace_scenario((**scenario).clone());
                target.state = (**state).clone();
                target.setup.seed = state.seed;
                if let Some(remote) = target.remote.as_mut() {
                    remote.finished = true;
                    remote.awaiting = false;
                }
            }
            TableEvent::Ended(reason) => {
                if finished {
                    continue;
                }
                seated = None;
                commands.remove_resource::<Session>();
                notice.0 = Some(reason.clone());
                notice.1 = NoticeKind::LeftTable;
                navigate.write(Navigate::To(Screen::Title));
            }
        }
    }
    if let Some(new) = seated {
        commands.insert_resource(new);
    }
}

/// What the table shows of a networked game: the line about the turn, the clock, and who sits across.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteStatus {
    /// "Your turn", "Waiting for the other team", "Paused by the teacher", "Reconnecting…".
    pub headline: String,
    /// Its colour.
    pub color: egui::Color32,
    /// Seconds left on the turn's clock, when the class has one.
    pub seconds_left: Option<u64>,
    /// Who plays the other side, as the top bar names them: "the other team", "the computer".
    pub across: String,
    /// The table and both seats, for the status line.
    pub seats: String,
    /// Whether a move can be sent now.
    pub can_send: bool,
}

/// The status of a networked game, or none for a game played on this computer.
pub fn remote_status(session: &Session, client: Option<&TableClient>) -> Option<RemoteStatus> {
    let remote = session.remote.as_ref()?;
    let names = session.scenario.names();
    let state = &session.state;
    let mine = remote.side;
    let other = mine.other();
    let link_up = client.is_none_or(TableClient::is_seated);
    let presence = |side: Side| -> String {
        if side == mine {
            return t!("class-remote-your-team");
        }
        match remote.seats[side] {
            SeatPresence::Waiting => t!("class-remote-other-waiting"),
            SeatPresence::Connected => t!("class-remote-other-team"),
            SeatPresence::Disconnected => t!("class-remote-other-disconnected"),
            SeatPresence::Computer => t!("class-remote-computer"),
        }
    };
    let across = match remote.seats[other] {
        SeatPresence::Computer => t!("class-remote-computer"),
        _ => t!("class-remote-other-team"),
    };
    let (headline, color) = match client.map(|c| &c.phase) {
        Some(Phase::Reconnecting { attempt }) => (
            t!("class-remote-reconnecting", attempt = *attempt, tries = RECONNECT_TRIES),
            theme::BAD,
        ),
        _ if state.is_over() && !remote.finished => (t!("class-remote-over-host-has-result"), theme::MUTED),
        _ if state.is_over() => (t!("class-remote-over"), theme::MUTED),
        _ if remote.paused => (t!("class-remote-paused"), theme::BAD),
        _ if remote.awaiting => (t!("class-remote-awaiting"), theme::MUTED),
        _ if state.to_move == mine => (t!("class-remote-your-turn"), theme::GOOD),
        _ => (
            match remote.seats[other] {
                SeatPresence::Waiting => t!("class-remote-waiting-join"),
                SeatPresence::Disconnected => t!("class-remote-waiting-disconnected"),
                SeatPresence::Computer => t!("class-remote-computer-deciding"),
                SeatPresence::Connected => t!("class-remote-waiting"),
            },
            theme::ACCENT,
        ),
    };
    let seats = t!(
        "class-remote-seats",
        table = remote.table,
        mine = names.short(mine),
        mine_presence = presence(mine),
        other = names.short(other),
        other_presence = presence(other)
    );
    Some(RemoteStatus {
        headline,
        color,
        seconds_left: (!state.is_over() && !remote.paused)
            .then(|| remote.seconds_left())
            .flatten(),
        across,
        seats,
        can_send: link_up && !remote.paused && !remote.awaiting && !state.is_over(),
    })
}

/// Seconds as the clock shows them: `1:05`.
pub fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_shows_minutes_and_seconds() {
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(0), "0:00");
    }
}
