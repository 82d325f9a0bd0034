//! TradeTable: a negotiation game at the US–Japan trade table of 2025.
//!
//! The rules and the economic model are the core crate's (`tradetable_core`), which knows nothing of any engine and
//! touches no file; this crate is the shell around it. `cli` drives the core from a terminal; `game` (feature `gui`)
//! is the Bevy desktop game; `net` (feature `gui`) carries frames between a host and its players; `places` says
//! where the user's files live, for both; `clock` reads the wall clock the core never reads; `storage` reads and writes every file they keep, writes atomically;
//! `results` reads a class's game records for a debrief.
#![forbid(unsafe_code)]

pub mod cli;
pub mod clock;
#[cfg(feature = "gui")]
pub mod game;
#[cfg(feature = "gui")]
pub mod net;
pub mod places;
pub mod results;
pub mod storage;
