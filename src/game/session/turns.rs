//! The turns: players' moves applied through the core (or sent to a networked table's host), the AI seats' moves,
//! the watch mode's clock, and the game followed from the table to the handover and the results, saved as it goes.

use bevy::prelude::*;

use super::error::OpenError;
use super::game::Session;
use super::keeping::Keeping;
use super::setup::{GameSetup, Mode};
use crate::game::i18n::t;
use crate::game::navigation::{Menu, Navigate, Screen, SessionStep};
use crate::net::class_client::TableClient;
use tradetable_core::ai::Negotiator;
use tradetable_core::{Move, PerSide, Scenario, Side};

/// Moves, the AI seats and the watch clock.
pub fn plugin(app: &mut App) {
    app.add_message::<PlayerMove>()
        .init_resource::<AiPace>()
        .init_resource::<WatchClock>()
        .init_non_send::<Agents>()
        .add_systems(
            Update,
            (
                apply_player_moves,
                play_ai_turns
                    .run_if(in_state(Screen::Table))
                    .run_if(in_state(Menu::None)),
                follow_the_game,
            )
                .chain()
                .in_set(SessionStep::Moves),
        );
}

/// The AI seats (none where a person plays). Negotiators need not be `Send`, so they live in the world's non-send
/// storage.
#[derive(Default)]
pub struct Agents(pub PerSide<Option<Box<dyn Negotiator>>>);

impl Agents {
    /// The agents a setup calls for, or why one of them cannot sit at this scenario's table (a personality the
    /// scenario lacks, or one that plays the other side): the game refuses it rather than seat someone else.
    pub fn for_setup(scenario: &Scenario, setup: &GameSetup) -> Result<Agents, OpenError> {
        let mut seats = PerSide::default();
        for side in Side::BOTH {
            if !setup.mode.is_human(side) {
                let agent = setup.ai[side].agent(scenario, side).map_err(|error| OpenError::Seat {
                    scenario: scenario.title.clone(),
                    reason: error.to_string(),
                })?;
                seats[side] = Some(agent);
            }
        }
        Ok(Agents(seats))
    }

    fn get(&mut self, side: Side) -> Option<&mut Box<dyn Negotiator>> {
        self.0[side].as_mut()
    }
}

/// A move chosen by a player, to be applied through the core.
#[derive(Message, Debug, Clone)]
pub struct PlayerMove {
    /// The side the player plays.
    pub side: Side,
    /// The move.
    pub mv: Move,
}

/// How long an AI opponent takes per move, so a player can follow what it does (0 in tests: all at once).
#[derive(Resource, Debug, Clone, Copy)]
pub struct AiPace {
    /// Seconds per AI move.
    pub seconds_per_move: f32,
}

impl Default for AiPace {
    fn default() -> Self {
        AiPace { seconds_per_move: 0.5 }
    }
}

/// The watch mode's controls: play, pause, step and speed.
#[derive(Resource, Debug, Clone)]
pub struct WatchClock {
    /// Whether moves play on their own.
    pub playing: bool,
    /// Moves per second while playing.
    pub moves_per_second: f32,
    /// Moves asked for by the step button (or autoplay), played at once.
    pub pending_steps: u32,
    carry: f32,
}

impl Default for WatchClock {
    fn default() -> Self {
        WatchClock {
            playing: true,
            moves_per_second: 2.0,
            pending_steps: 0,
            carry: 0.0,
        }
    }
}

impl WatchClock {
    /// Speeds the slider offers, moves per second.
    pub const SPEEDS: [f32; 5] = [0.5, 1.0, 2.0, 5.0, 20.0];
}

/// Applies the players' moves through the core; a move for the wrong side or an AI's seat is refused. At a
/// networked table the move goes to the host instead, and the state changes when the host's next view arrives.
fn apply_player_moves(
    mut moves: MessageReader<PlayerMove>,
    session: Option<ResMut<Session>>,
    mut client: Option<ResMut<TableClient>>,
) {
    let Some(mut session) = session else {
        moves.clear();
        return;
    };
    for PlayerMove { side, mv } in moves.read() {
        if session.state.is_over() {
            break;
        }
        if *side != session.state.to_move || !session.setup.mode.is_human(*side) {
            session.refused = Some(t!(
                "menus-refused-not-your-turn",
                side = crate::game::i18n::side_name(session.scenario.names(), *side)
            ));
            continue;
        }
        if let Some(remote) = &session.remote {
            let refusal = if remote.paused {
                Some(t!("menus-refused-table-paused"))
            } else if remote.awaiting {
                Some(t!("menus-refused-awaiting-host"))
            } else {
                match client.as_mut().map(|client| client.send_move(mv)) {
                    Some(Ok(())) => None,
                    Some(Err(why)) => Some(why.to_string()),
                    None => Some(t!("menus-refused-no-host")),
                }
            };
            match refusal {
                Some(why) => session.refused = Some(format!("{mv}: {why}")),
                None => {
                    session.refused = None;
                    if let Some(remote) = session.remote.as_mut() {
                        remote.awaiting = true;
                    }
                }
            }
            // One move at a time: the next waits for the host's answer.
            break;
        }
        let _ = session.play(mv);
    }
    moves.clear();
}

/// Lets the AI seats move: paced for a player to follow, or by the watch clock (play, pause, step, speed).
fn play_ai_turns(
    session: Option<ResMut<Session>>,
    mut agents: NonSendMut<Agents>,
    mut watch: ResMut<WatchClock>,
    pace: Res<AiPace>,
    time: Res<Time>,
    mut waited: Local<f32>,
) {
    let Some(mut session) = session else {
        return;
    };
    // At a networked table nobody here plays the other side: the host seats its team or its computer.
    if session.state.is_over() || session.human_to_move() || session.is_remote() {
        *waited = 0.0;
        return;
    }
    let budget = if session.setup.mode == Mode::Watch {
        let mut moves = std::mem::take(&mut watch.pending_steps);
        if watch.playing {
            watch.carry += time.delta_secs() * watch.moves_per_second;
            let whole = watch.carry.floor();
            watch.carry -= whole;
            moves += whole as u32;
        }
        moves
    } else if pace.seconds_per_move <= 0.0 {
        u32::MAX
    } else {
        *waited += time.delta_secs();
        if *waited >= pace.seconds_per_move {
            *waited = 0.0;
            1
        } else {
            0
        }
    };
    // A turn has at most MAX_ACTIONS_PER_TURN + 1 moves; this bounds a runaway agent.
    let limit = budget.min(64);
    for _ in 0..limit {
        if session.state.is_over() || session.human_to_move() {
            break;
        }
        let side = session.state.to_move;
        let Some(agent) = agents.get(side) else {
            break;
        };
        let mv = agent.next_move(&session.scenario, &session.state);
        if session.play(&mv).is_ok() {
            session.state.explain_last_move(agent.reasons());
        } else {
            // As in the core's own game loop: a move an agent gets wrong becomes a pass.
            let _ = session.play(&Move::Pass);
        }
    }
}

/// Moves between the table, the hotseat handover and the results as the game goes on, and autosaves it.
fn follow_the_game(
    session: Option<ResMut<Session>>,
    screen: Res<State<Screen>>,
    mut keeping: Keeping,
    mut navigate: MessageWriter<Navigate>,
    mut last_seen: Local<Option<(Side, u32)>>,
) {
    let Some(mut session) = session else {
        *last_seen = None;
        return;
    };
    if !session.is_changed() {
        return;
    }
    let here = *screen.get();
    if here != Screen::Table {
        *last_seen = Some((session.state.to_move, session.state.round));
        return;
    }
    if let Some(remote) = &session.remote
        && !remote.finished
    {
        // The results wait for the host's finished game, which reveals what the other side was scored on.
        return;
    }
    // Saving changes only where the game saves itself, not what the screens show.
    let session = session.bypass_change_detection();
    if session.state.is_over() {
        // A finished game stays to replay and debrief: a class table's result under its code, any other game as a
        // save named for when it ended; its file in progress goes only once that is on disk. A failure shows.
        let _ = keeping.keep(session);
        navigate.write(Navigate::To(Screen::Results));
        return;
    }
    let now = (session.state.to_move, session.state.round);
    let turn_changed = last_seen.is_some_and(|seen| seen != now);
    *last_seen = Some(now);
    // Players' games are saved after every move; a watched game at each turn. A game with no move yet has nothing
    // to lose, so it gets no file until its first move.
    if !session.state.moves.is_empty() && (session.setup.mode != Mode::Watch || turn_changed) {
        let _ = keeping.keep(session);
    }
    if turn_changed && session.setup.mode == Mode::Hotseat {
        navigate.write(Navigate::To(Screen::Handover));
    }
}
