//! Brings a bot laptop whose link to the host went down back to its seat, as a team's laptop does: a handshake that
//! timed out (a busy host on a busy network), a dropped connection or a kick are followed, after a pause, by a new
//! connection and a join with the seat token the bot kept. Without it a rehearsal's bot that lost its link once sat
//! there until the rehearsal's timeout, and its table never ended.
//!
//! Opt-in (`retry_lost_links`), so tests that drop a bot's link on purpose keep it down until they reconnect it.

use std::time::{Duration, Instant};

use bevy::prelude::*;

use crate::net::bot::Bot;
use crate::net::transport::ClientLink;

/// Connections a bot tries again, in all, before it gives up.
pub const RECONNECT_TRIES: u32 = 10;

/// The pause between a link going down and the next try: a laptop's own (docs/classroom.md, "a laptop drops").
pub const RECONNECT_DELAY: Duration = Duration::from_secs(2);

/// What became of a bot's lost links.
#[derive(Resource, Debug, Default)]
pub struct BotRetries {
    /// Why each link went down before the bot's table ended, in order.
    pub lost: Vec<String>,
    /// Connections tried again.
    pub reconnects: u32,
    /// Why the bot stopped trying, if it did.
    pub gave_up: Option<String>,
    down_since: Option<Instant>,
}

impl BotRetries {
    /// The retries of the bot in `world` (none for an app without [`retry_lost_links`]).
    pub fn of(world: &World) -> Option<&BotRetries> {
        world.get_resource::<BotRetries>()
    }
}

/// Has the bot in `app` connect again whenever its link goes down before its table ends.
pub fn retry_lost_links(app: &mut App) {
    app.init_resource::<BotRetries>().add_systems(Last, reconnect_when_down);
}

fn reconnect_when_down(world: &mut World) {
    let Some(ClientLink::Disconnected(reason)) = world.get_resource::<ClientLink>().cloned() else {
        if let Some(mut retries) = world.get_resource_mut::<BotRetries>() {
            retries.down_since = None;
        }
        return;
    };
    let state = Bot::state(world);
    if state.finished.is_some() || state.closed.is_some() {
        return;
    }
    let Some(mut retries) = world.get_resource_mut::<BotRetries>() else {
        return;
    };
    if retries.gave_up.is_some() {
        return;
    }
    let Some(since) = retries.down_since else {
        retries.down_since = Some(Instant::now());
        retries.lost.push(reason);
        return;
    };
    if since.elapsed() < RECONNECT_DELAY {
        return;
    }
    if retries.reconnects >= RECONNECT_TRIES {
        retries.gave_up = Some(format!(
            "the link went down {} times; the last: {reason}",
            retries.lost.len()
        ));
        return;
    }
    retries.reconnects += 1;
    retries.down_since = None;
    if let Err(error) = Bot::reconnect(world)
        && let Some(mut retries) = world.get_resource_mut::<BotRetries>()
    {
        retries.gave_up = Some(format!("cannot connect again: {error}"));
    }
}
