//! The game's own errors: why a scenario, a saved game or a class table could not be put on the table, and a side the
//! command line does not know. The title (or the join screen) shows them as sentences, in the language in play (the
//! core's and the storage's sentences inside them stay as they come).

use crate::game::i18n::t;

/// Why a scenario, a saved game or a class table could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// A scenario that does not load or validate: the core's located `FILE:LINE:COL: message` text.
    Scenario(String),
    /// A scenario asked for by name that is not built into this version.
    NotShipped(String),
    /// The scenario a game was played on is not on this computer in that version.
    ScenarioMissing {
        /// The scenario's title.
        title: String,
        /// Its id.
        id: String,
        /// The short hash of its text.
        version: String,
    },
    /// "Continue" with no game in progress.
    NothingToContinue,
    /// A saved game that cannot be read or moved aside: the storage layer's sentence, naming the file.
    Record(String),
    /// A recorded game whose moves the rules refuse on its scenario.
    Replay(String),
    /// An AI seat that cannot sit at this scenario's table (a personality it lacks, or one of the other side).
    Seat {
        /// The scenario's title.
        scenario: String,
        /// Why the seat is refused.
        reason: String,
    },
    /// A class table's code that is mistyped, or names a scenario this computer lacks.
    TableCode(String),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Scenario(text)
            | OpenError::Record(text)
            | OpenError::Replay(text)
            | OpenError::TableCode(text) => f.write_str(text),
            OpenError::NotShipped(name) => f.write_str(&t!("menus-error-not-shipped", name = name.as_str())),
            OpenError::ScenarioMissing { title, id, version } => f.write_str(&t!(
                "menus-error-scenario-missing",
                title = title.as_str(),
                id = id.as_str(),
                version = version.as_str()
            )),
            OpenError::NothingToContinue => f.write_str(&t!("menus-error-nothing-to-continue")),
            OpenError::Seat { scenario, reason } => write!(f, "{scenario}: {reason}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// A side the command line does not know (the command line speaks English: it is read before any language is set).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown side \"{0}\"; expected us, partner, hotseat or watch")]
pub struct UnknownSide(pub String);
