//! The teams' laptops of the console's autoplay: bots of `net::bot`, each a headless player app joining one seat
//! and playing its side with `Strategy::Linear` on the scenario the host sent it, driven from the console's frames
//! at a slow pace, so the console shows a class at work.

use std::net::SocketAddr;

use bevy::prelude::*;

use crate::net::bot::{Bot, BotConfig};
use crate::net::error::NetError;
use tradetable_core::Side;
use tradetable_core::ai::Strategy;

/// The least time between two moves of one laptop, in milliseconds: slow enough that the console shows games in
/// progress.
pub const MOVE_PACE_MS: u64 = 700;

/// One team's laptop.
pub struct Laptop {
    app: App,
}

impl Laptop {
    /// A laptop connecting to `host`, to play `side` at the table with `code`.
    pub fn new(host: SocketAddr, code: &str, side: Side) -> Result<Laptop, NetError> {
        let app = BotConfig::new(host, code, Some(side), Strategy::Linear)
            .pace_ms(MOVE_PACE_MS)
            .app()?;
        Ok(Laptop { app })
    }

    /// Whether the host has seated it.
    pub fn seated(&self) -> bool {
        Bot::state(self.app.world()).welcomes > 0
    }

    /// Whether its game is over, or the host closed the class.
    pub fn done(&self) -> bool {
        let state = Bot::state(self.app.world());
        state.finished.is_some() || state.closed.is_some()
    }
}

/// The laptops of the console's autoplay, driven from its frames.
#[derive(Default)]
pub struct Laptops(pub Vec<Laptop>);

/// Runs one frame of every laptop.
pub fn drive_laptops(mut laptops: NonSendMut<Laptops>) {
    for laptop in &mut laptops.0 {
        laptop.app.update();
    }
}
