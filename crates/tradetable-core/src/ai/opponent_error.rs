//! Why a computer opponent could not be built or named: an unknown personality, strategy, difficulty or name, or a
//! player for the other side.

use crate::scenario::schema::Side;

/// Why an opponent could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpponentError {
    /// No personality of the scenario has this id.
    #[error("unknown personality \"{id}\"; the scenario defines {known}")]
    UnknownPersonality {
        /// The id asked for.
        id: String,
        /// The ids the scenario defines, for the message.
        known: String,
    },
    /// The personality plays the other side.
    #[error("personality \"{id}\" plays {}, not {}", .plays.role(), .wanted.role())]
    WrongSide {
        /// The personality.
        id: String,
        /// The side it plays.
        plays: Side,
        /// The side asked for.
        wanted: Side,
    },
    /// A player that cannot take the side, with the players that can.
    #[error("{reason}; for {side} choose one of: {choices}")]
    NotForSide {
        /// Why the player cannot take the side.
        reason: Box<OpponentError>,
        /// The side, as the scenario names it.
        side: String,
        /// The names of the players that can take it.
        choices: String,
    },
    /// A name that is no strategy.
    #[error("unknown strategy \"{name}\"; expected one of {strategies}")]
    UnknownStrategy {
        /// The name as written.
        name: String,
        /// The strategies' names, for the message.
        strategies: String,
    },
    /// A name that is no difficulty.
    #[error("unknown difficulty \"{name}\"; expected one of easy, normal, hard")]
    UnknownDifficulty {
        /// The name as written.
        name: String,
    },
    /// A name that is no difficulty or strategy and cannot be a personality's id.
    #[error(
        "unknown player \"{name}\"; expected a difficulty (easy, normal, hard), a strategy ({strategies}) or a \
         personality id of the scenario"
    )]
    UnknownName {
        /// The name as written.
        name: String,
        /// The strategies' names, for the message.
        strategies: String,
    },
    /// A name that is no strategy, difficulty or personality of the scenario.
    #[error(
        "unknown player \"{name}\"; expected a strategy ({strategies}), a difficulty (easy, normal, hard) or a \
         personality of the scenario ({personalities})"
    )]
    UnknownPlayer {
        /// The name as written.
        name: String,
        /// The strategies' names, for the message.
        strategies: String,
        /// The scenario's personalities, for the message.
        personalities: String,
    },
}
