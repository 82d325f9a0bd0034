//! TradeTable: a negotiation game at the US–Japan trade table of 2025.
//!
//! `sim` holds the rules and the economic model and knows nothing of any engine; `cli` drives it from a terminal;
//! `game` (feature `gui`) is the Bevy desktop game; `net` (feature `gui`) carries frames between a host and its
//! players; `places` says where the user's files live, for both; `storage` writes every file they keep, atomically;
//! `results` reads a class's game records for a debrief.
#![forbid(unsafe_code)]

pub mod cli;
#[cfg(feature = "gui")]
pub mod game;
#[cfg(feature = "gui")]
pub mod net;
pub mod places;
pub mod results;
pub mod sim;
pub mod storage;
