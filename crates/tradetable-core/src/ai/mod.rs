//! Negotiating agents that play either side: the `Negotiator` interface the game, the CLI and tournaments use
//! (`negotiator`), the parts an agent is built from (bidding, acceptance, opponent model, as in the negotiation
//! literature), the built-in strategies (`strategy`), the difficulty levels (`difficulty`), the opponent built for a
//! difficulty and a scenario's personality (`build`, refusals in `opponent_error`), the one `catalogue` of players
//! the game, the CLI and tournaments name an [`Opponent`] from, and whole games played between negotiators (`play`).
//! It imports `scenario`, `model` and `rules`. This file only declares the files and re-exports their main names.

pub mod acceptance;
pub mod agent;
pub mod bidding;
pub mod build;
pub mod catalogue;
pub mod concession;
pub mod context;
pub mod difficulty;
pub mod negotiator;
pub mod opponent_error;
pub mod opponent_model;
pub mod play;
pub mod preferences;
pub mod reasons;
pub mod strategy;
pub mod tactics;

pub use build::{build_opponent, from_personality, opponent};
pub use catalogue::Opponent;
pub use difficulty::Difficulty;
pub use negotiator::Negotiator;
pub use opponent_error::OpponentError;
pub use strategy::Strategy;
