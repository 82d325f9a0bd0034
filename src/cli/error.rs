//! What a command can fail with, as one typed error for the command line: each lower layer's error passes through
//! with its own words, and the command line's own refusals say which option to change.

use std::path::PathBuf;

use tradetable_core::ScenarioError;
use tradetable_core::ai::OpponentError;
use tradetable_core::classroom::class::ClassError;
use tradetable_core::classroom::record::RecordError;

use crate::results::TooManyFiles;
use crate::storage::{ClassFileError, JoinCodesFileError, StorageError};

/// Why a command did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The scenario could not be loaded.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// A class could not be made.
    #[error(transparent)]
    Class(#[from] ClassError),
    /// A class file could not be read.
    #[error(transparent)]
    ClassFile(#[from] ClassFileError),
    /// A host's join codes file could not be read.
    #[error(transparent)]
    JoinCodesFile(#[from] JoinCodesFileError),
    /// A file could not be written (the disk's words, naming the file).
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A game record could not be read or replayed.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// A computer player could not be built.
    #[error(transparent)]
    Opponent(#[from] OpponentError),
    /// A results folder with more files than a class writes.
    #[error(transparent)]
    TooManyFiles(#[from] TooManyFiles),
    /// The class network failed (a port taken, no connect token, a bot that cannot start).
    #[cfg(feature = "gui")]
    #[error(transparent)]
    Net(#[from] crate::net::error::NetError),
    /// A typed host address that is not one.
    #[cfg(feature = "gui")]
    #[error(transparent)]
    Address(#[from] crate::net::class_client::AddressError),
    /// The debrief found no game record to compare, in the folders or files named.
    #[error("{named}: {reason}")]
    NothingToDebrief {
        named: String,
        reason: tradetable_core::classroom::debrief::NothingToDebrief,
    },
    /// A JSON report could not be written.
    #[error("cannot write the report: {0}")]
    Report(serde_json::Error),
    /// `new-scenario` was given a name no file may have.
    #[error("\"{0}\" cannot name a scenario: use 1 to 64 letters, digits, `-` and `_`")]
    ScenarioName(String),
    /// `new-scenario --from` names no shipped scenario.
    #[error("no shipped scenario called \"{name}\"; the shipped ones are: {shipped}")]
    NotShipped { name: String, shipped: String },
    /// A file that would be overwritten.
    #[error("{} already exists; choose another name or remove it first", .0.display())]
    AlreadyExists(PathBuf),
    /// A record or class file whose scenario is another one (or another version) than the one `--scenario` gives.
    #[error(
        "{}: its scenario is \"{wanted_id}\" version {wanted_hash}, but --scenario gives \"{id}\" version {hash}; give \
         the file of that version with --scenario, or leave --scenario out to find it among the shipped scenarios and \
         the scenario folders",
        path.display()
    )]
    OtherScenario {
        path: PathBuf,
        wanted_id: String,
        wanted_hash: String,
        id: String,
        hash: String,
    },
    /// A record or class file whose scenario (in its version) is neither shipped nor in a scenario folder.
    #[error("{}: {reason}", path.display())]
    ScenarioNotFound {
        path: PathBuf,
        /// Which scenario is missing, where it was looked for, and that `--scenario` gives it.
        reason: String,
    },
    /// `--computer-pace` out of its range.
    #[error("--computer-pace {0} is not a number of seconds from 0 to 600")]
    ComputerPace(f64),
    /// `bots --tables` asks for more tables than the codes file holds from `--first-table`.
    #[error("{}: {found} table(s) from table {first}, not {wanted}", path.display())]
    TooFewTables {
        path: PathBuf,
        found: usize,
        first: u32,
        wanted: u32,
    },
    /// `bots` with no table to fill.
    #[error("no table to fill: give --code CODE (once per table) or --codes-file FILE")]
    NoTableToFill,
    /// A bot laptop could not start.
    #[cfg(feature = "gui")]
    #[error("a bot laptop cannot start: {0}")]
    BotStart(crate::net::error::NetError),
    /// A thread driving bot laptops ended by panicking.
    #[error("a thread of bot laptops failed")]
    BotThread,
}
