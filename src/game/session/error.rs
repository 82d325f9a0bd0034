//! The game's own errors: why a scenario, a saved game or a class table could not be put on the table, and a side the
//! command line does not know. The title (or the join screen) shows them as sentences.

/// Why a scenario, a saved game or a class table could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// A scenario that does not load or validate: the core's located `FILE:LINE:COL: message` text.
    #[error("{0}")]
    Scenario(String),
    /// A scenario asked for by name that is not built into this version.
    #[error("no scenario called \"{0}\" is built into this version")]
    NotShipped(String),
    /// The scenario a game was played on is not on this computer in that version.
    #[error(
        "the game was played on \"{title}\" ({id}, version {version}), which is not on this computer in that \
         version; put its file in the scenarios folder"
    )]
    ScenarioMissing {
        /// The scenario's title.
        title: String,
        /// Its id.
        id: String,
        /// The short hash of its text.
        version: String,
    },
    /// "Continue" with no game in progress.
    #[error("there is no game in progress to continue")]
    NothingToContinue,
    /// A saved game that cannot be read or moved aside: the storage layer's sentence, naming the file.
    #[error("{0}")]
    Record(String),
    /// A recorded game whose moves the rules refuse on its scenario.
    #[error("{0}")]
    Replay(String),
    /// An AI seat that cannot sit at this scenario's table (a personality it lacks, or one of the other side).
    #[error("{scenario}: {reason}")]
    Seat {
        /// The scenario's title.
        scenario: String,
        /// Why the seat is refused.
        reason: String,
    },
    /// A class table's code that is mistyped, or names a scenario this computer lacks.
    #[error("{0}")]
    TableCode(String),
}

/// A side the command line does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown side \"{0}\"; expected us, partner, hotseat or watch")]
pub struct UnknownSide(pub String);
