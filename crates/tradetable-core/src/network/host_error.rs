//! Why the host of a networked class refuses what a laptop sent or what the teacher asked, each reason worded for
//! the team or the teacher who reads it.

use crate::ai::OpponentError;
use crate::classroom::class::CodeError;
use crate::classroom::record::RecordError;
use crate::network::protocol::{PROTOCOL_VERSION, ProtocolError};
use crate::rules::moves::MoveError;
use crate::scenario::schema::Side;

/// Why the host refused a laptop's message or a teacher's command, or could not host a class or take a table
/// back. A refusal of a laptop's message is sent to it as it reads here, so each says what the team did wrong.
#[derive(Debug, thiserror::Error)]
pub enum HostError {
    /// The class file was made with another scenario, or another version of it.
    #[error("the class was made with \"{id}\" version {version}, not the scenario given")]
    OtherScenario {
        /// The class's scenario.
        id: String,
        /// The version of the class's scenario.
        version: String,
    },
    /// A table of the class file whose code does not read.
    #[error("table {table}: {source}")]
    TableCode {
        /// The table's number.
        table: u32,
        /// Why its code does not read.
        source: CodeError,
    },
    /// A computer seat's player cannot be built.
    #[error(transparent)]
    Opponent(#[from] OpponentError),
    /// The laptop's message could not be read.
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
    /// The laptop speaks another version of the protocol.
    #[error(
        "this laptop speaks version {protocol} of the class protocol; the host speaks {PROTOCOL_VERSION}: use the same \
         TradeTable on both"
    )]
    OtherProtocol {
        /// The laptop's version.
        protocol: u32,
    },
    /// The laptop asked to join a second table.
    #[error("this laptop already has a seat")]
    AlreadySeated,
    /// The team typed the class sheet's code, which a hosted class does not seat with.
    #[error(
        "{code} is the class sheet's code of a table; at a networked class, type the join code the teacher's \
         console shows for your table"
    )]
    ClassSheetCode {
        /// The code typed.
        code: String,
    },
    /// No table has this code.
    #[error("no table of this class has the code {code}")]
    UnknownCode {
        /// The code typed.
        code: String,
    },
    /// A seat token this table did not give.
    #[error("this seat token is not one of this table's")]
    UnknownToken,
    /// The side asked for is held by another team or the computer.
    #[error("the {} seat of this table is taken", .side.key())]
    SeatTaken {
        /// The side asked for.
        side: Side,
    },
    /// Both sides are held.
    #[error("both seats of this table are taken")]
    TableFull,
    /// A move from a laptop without a seat.
    #[error("join a table before making a move")]
    NotSeated,
    /// A move at a table the teacher has paused.
    #[error("the teacher has paused this table")]
    Paused,
    /// A move after the game ended.
    #[error("the game is over")]
    GameOver,
    /// A move by the side not to move.
    #[error("it is not your turn")]
    NotYourTurn,
    /// A move the rules refuse.
    #[error(transparent)]
    Move(#[from] MoveError),
    /// A teacher's command for a table the class does not have.
    #[error("there is no table {table}")]
    NoSuchTable {
        /// The number given.
        table: u32,
    },
    /// A kept table of another format or version.
    #[error("not a hosted table of this version ({format} version {version})")]
    NotASavedTable {
        /// The format it says it is.
        format: String,
        /// Its version.
        version: u32,
    },
    /// A kept table whose number and code are not a table of this class.
    #[error("table {table} ({code}) is not a table of this class")]
    NotOfThisClass {
        /// Its number.
        table: u32,
        /// Its code.
        code: String,
    },
    /// A kept table whose game does not replay on this scenario.
    #[error(transparent)]
    Replay(#[from] Box<RecordError>),
    /// The computer cannot take a seat its team holds while connected.
    #[error("the {} team of table {table} is connected (connection {peer})", .side.key())]
    TeamConnected {
        /// The side.
        side: Side,
        /// The table's number.
        table: u32,
        /// The team's connection, as the network shell numbers it.
        peer: u64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_word_for_word_as_laptops_and_the_console_show_them() {
        let cases = [
            // The game's status line recognises this one by its words.
            (HostError::Paused, "the teacher has paused this table".to_string()),
            (HostError::NotYourTurn, "it is not your turn".to_string()),
            (
                HostError::SeatTaken { side: Side::Us },
                "the us seat of this table is taken".to_string(),
            ),
            (
                HostError::OtherProtocol { protocol: 99 },
                format!(
                    "this laptop speaks version 99 of the class protocol; the host speaks {PROTOCOL_VERSION}: use the \
                     same TradeTable on both"
                ),
            ),
            (
                HostError::ClassSheetCode { code: "7K3Q".into() },
                "7K3Q is the class sheet's code of a table; at a networked class, type the join code the teacher's \
                 console shows for your table"
                    .to_string(),
            ),
            (
                HostError::TeamConnected {
                    side: Side::Partner,
                    table: 3,
                    peer: 12,
                },
                "the partner team of table 3 is connected (connection 12)".to_string(),
            ),
            (
                HostError::Protocol(ProtocolError::TooLarge { bytes: 20_000 }),
                "a message of 20000 bytes; at most 16384 are accepted".to_string(),
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }
}
