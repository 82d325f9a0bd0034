//! Game records: a game as its scenario (id and the hash of its text), seed, seats, class injects and moves, from
//! which the core recomputes every state by replaying. Saves, replays, class results and the debrief all use them.
//!
//! Records are versioned JSON files; the shell reads and writes them through its storage layer (`storage` in the
//! `tradetable` crate), bounded in size and atomically, so an interrupted write leaves the previous file as it was.
//! Parsing checks the format and version before anything else, and every error names the file and what was
//! expected — never a panic.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ai::Opponent;
use crate::rules::moves::MoveError;
use crate::rules::negotiation::{GameState, PlayedMove, apply};
use crate::rules::state::FiredInject;
use crate::scenario::schema::{PerSide, Scenario, Side};

/// What every record file says it is, so a foreign JSON file is told apart from a damaged record.
pub const RECORD_FORMAT: &str = "tradetable-record";

/// The version of the record format this program writes and reads.
/// Format 2 named the partner generically (`partner` for `japan`) and records the partner's name.
pub const RECORD_VERSION: u32 = 2;

/// Which scenario, and which version of its file, a game was played on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRef {
    /// The scenario's id.
    pub id: String,
    /// Its title, for lists.
    pub title: String,
    /// The BLAKE3 hash of its file's text.
    pub hash: String,
    /// The partner's short name ("Japan"), so lists of games can name the sides without loading the scenario.
    pub partner: String,
}

impl ScenarioRef {
    /// The reference to `scenario` as loaded.
    pub fn of(scenario: &Scenario) -> ScenarioRef {
        ScenarioRef {
            id: scenario.id.clone(),
            title: scenario.title.clone(),
            hash: scenario.text_hash.clone(),
            partner: scenario.names().short(Side::Partner).to_string(),
        }
    }

    /// Whether `scenario` is this scenario, in this version.
    pub fn matches(&self, scenario: &Scenario) -> bool {
        self.id == scenario.id && self.hash == scenario.text_hash
    }

    /// The first characters of the hash, enough to tell versions apart in a message.
    pub fn short_hash(&self) -> &str {
        &self.hash[..self.hash.len().min(10)]
    }
}

/// Who sat in a seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Seat {
    /// People: a team at the keyboard (its name, e.g. "United States team" or a table's team name).
    People(String),
    /// A computer player from the catalogue.
    Computer(Opponent),
}

impl Seat {
    /// Whether people played this seat.
    pub fn is_people(&self) -> bool {
        matches!(self, Seat::People(_))
    }

    /// How the seat reads in lists and transcripts: the team's name, or `AI, normal`.
    pub fn label(&self) -> String {
        match self {
            Seat::People(name) => name.clone(),
            Seat::Computer(opponent) => format!("AI, {}", opponent.name()),
        }
    }
}

/// A whole game, to save, replay, collect and debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GameRecord {
    /// Always [`RECORD_FORMAT`].
    pub format: String,
    /// [`RECORD_VERSION`] when written by this program.
    pub version: u32,
    /// The scenario and its version.
    pub scenario: ScenarioRef,
    /// The seed of the random events.
    pub seed: u64,
    /// Who played each side.
    pub seats: PerSide<Seat>,
    /// The class injects switched on for the game.
    pub injects: Vec<String>,
    /// The injects a teacher fired during the game, with their rounds.
    #[serde(default)]
    pub fired_injects: Vec<FiredInject>,
    /// The class table code the game was played under, if any.
    pub table: Option<String>,
    /// The name of the save (the autosave, a player's name for it, or the table code).
    pub label: String,
    /// When it was written, RFC 3339 in UTC.
    pub saved_at: String,
    /// Every move accepted so far, in order: the game is these moves replayed from the start.
    pub moves: Vec<PlayedMove>,
    /// Whether the game had ended when it was written, so lists and "Continue" can tell a game in progress from a
    /// finished one without replaying it. Written only when true, so a game in progress stays readable by earlier
    /// versions of format 2.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub over: bool,
}

/// Why a record cannot be read, written or replayed. Every message names the file (or the record's label).
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The file could not be read or written.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
    /// Larger than any record this program writes.
    #[error("{path}: {bytes} bytes is too large for a game record (at most {limit})")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// Not JSON, or JSON that is not a TradeTable record.
    #[error("{path}: not a TradeTable game record ({reason})")]
    NotARecord {
        /// The file.
        path: PathBuf,
        /// What was found instead.
        reason: String,
    },
    /// Written by a newer TradeTable.
    #[error(
        "{path}: record format {version} was written by a newer TradeTable; this version reads format {RECORD_VERSION}"
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its version.
        version: u32,
    },
    /// A record of an older format this version cannot read.
    #[error("{path}: record format {version} is older than this version reads (format {RECORD_VERSION})")]
    Older {
        /// The file.
        path: PathBuf,
        /// Its version.
        version: u32,
    },
    /// A record whose fields are damaged or cut short.
    #[error("{path}:{line}:{column}: damaged game record: {message}")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What the reader expected.
        message: String,
    },
    /// The record was played on another scenario, or another version of it.
    #[error(
        "{label}: this game was played on \"{}\" ({}, version {}), but the scenario given is \"{}\" ({}, version {})",
        .wanted.title, .wanted.id, .wanted.short_hash(), .found.title, .found.id, .found.short_hash()
    )]
    OtherScenario {
        /// The record's label or file.
        label: String,
        /// The record's scenario.
        wanted: Box<ScenarioRef>,
        /// The scenario given.
        found: Box<ScenarioRef>,
    },
    /// A move of the record is refused when replayed: the record was edited or is damaged.
    #[error(
        "{label}: move {index} ({}, {}, round {}) is refused on replay: {error}",
        .played.mv, .played.side.role(), .played.round
    )]
    MoveRefused {
        /// The record's label or file.
        label: String,
        /// The move's position, from 1.
        index: usize,
        /// The move as recorded.
        played: Box<PlayedMove>,
        /// Why it is refused.
        error: Box<MoveError>,
    },
}

impl GameRecord {
    /// The record of `state`, a game of `scenario` with these seats.
    pub fn of(
        scenario: &Scenario,
        state: &GameState,
        seats: PerSide<Seat>,
        table: Option<String>,
        label: &str,
        saved_at: String,
    ) -> GameRecord {
        GameRecord {
            format: RECORD_FORMAT.to_string(),
            version: RECORD_VERSION,
            scenario: ScenarioRef::of(scenario),
            seed: state.seed,
            seats,
            injects: state.injects.clone(),
            fired_injects: state.fired_injects.clone(),
            table,
            label: label.to_string(),
            saved_at,
            moves: state.moves.iter().map(|m| (**m).clone()).collect(),
            over: state.is_over(),
        }
    }

    /// Whether this record is the same game as `earlier`, further on (or as far): the same scenario version, seed,
    /// seats and injects, and `earlier`'s moves are the first moves of this one. Writing this record over `earlier`
    /// loses nothing of it; writing it over any other record would lose another game.
    pub fn continues(&self, earlier: &GameRecord) -> bool {
        self.scenario.hash == earlier.scenario.hash
            && self.scenario.id == earlier.scenario.id
            && self.seed == earlier.seed
            && self.seats == earlier.seats
            && self.injects == earlier.injects
            && self.table == earlier.table
            && earlier.moves.len() <= self.moves.len()
            && self.moves[..earlier.moves.len()] == earlier.moves[..]
    }

    /// Checks that `scenario` is the one (and the version) the game was played on.
    pub fn check_scenario(&self, scenario: &Scenario) -> Result<(), RecordError> {
        if self.scenario.matches(scenario) {
            return Ok(());
        }
        Err(RecordError::OtherScenario {
            label: self.label.clone(),
            wanted: Box::new(self.scenario.clone()),
            found: Box::new(ScenarioRef::of(scenario)),
        })
    }

    /// The states of the game after each of its first `moves` moves, by replaying them: the state at the start,
    /// then one per move. Every move must be accepted, as it was when it was played.
    pub fn states(&self, scenario: &Scenario, moves: usize) -> Result<Vec<GameState>, RecordError> {
        self.check_scenario(scenario)?;
        let mut start = GameState::with_injects(scenario, self.seed, self.injects.clone());
        start.fired_injects = self.fired_injects.clone();
        let mut states = vec![start];
        for (index, played) in self.moves.iter().take(moves).enumerate() {
            let state = states.last().expect("the start is always there");
            let refused = |error| RecordError::MoveRefused {
                label: self.label.clone(),
                index: index + 1,
                played: Box::new(played.clone()),
                error: Box::new(error),
            };
            if state.to_move != played.side || state.round != played.round {
                return Err(refused(MoveError::WrongSide(state.to_move)));
            }
            let mut next = apply(scenario, state, &played.mv).map_err(refused)?.state;
            next.explain_last_move(played.reasons.clone());
            states.push(next);
        }
        Ok(states)
    }

    /// The game's state now: every move replayed from the start.
    pub fn replay(&self, scenario: &Scenario) -> Result<GameState, RecordError> {
        self.replay_to(scenario, self.moves.len())
    }

    /// The game's state after its first `moves` moves.
    pub fn replay_to(&self, scenario: &Scenario, moves: usize) -> Result<GameState, RecordError> {
        let mut states = self.states(scenario, moves)?;
        Ok(states.pop().expect("the start is always there"))
    }

    /// The record as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a record always serialises")
    }

    /// Reads a record from JSON text; `path` names it in errors.
    pub fn from_json(text: &str, path: &Path) -> Result<GameRecord, RecordError> {
        let limit = MAX_RECORD_BYTES;
        if text.len() as u64 > limit {
            return Err(RecordError::TooLarge {
                path: path.to_path_buf(),
                bytes: text.len() as u64,
                limit,
            });
        }
        // The format and version first, so a foreign or newer file gets that message rather than a field error.
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
        }
        let not_a_record = |reason: String| RecordError::NotARecord {
            path: path.to_path_buf(),
            reason,
        };
        let header: Header = match serde_json::from_str(text) {
            Ok(header) => header,
            Err(e) if e.is_eof() => {
                return Err(RecordError::Damaged {
                    path: path.to_path_buf(),
                    line: e.line(),
                    column: e.column(),
                    message: "the file ends too soon (was it cut short while being copied?)".to_string(),
                });
            }
            Err(e) if e.is_syntax() => return Err(not_a_record(format!("not JSON at line {}: {e}", e.line()))),
            Err(e) => return Err(not_a_record(format!("expected a JSON object: {e}"))),
        };
        match (header.format.as_deref(), header.version) {
            (Some(RECORD_FORMAT), Some(RECORD_VERSION)) => {}
            (Some(RECORD_FORMAT), Some(version)) if version > RECORD_VERSION => {
                return Err(RecordError::Newer {
                    path: path.to_path_buf(),
                    version,
                });
            }
            (Some(RECORD_FORMAT), Some(version)) => {
                return Err(RecordError::Older {
                    path: path.to_path_buf(),
                    version,
                });
            }
            (Some(RECORD_FORMAT), None) => return Err(not_a_record("it has no \"version\"".to_string())),
            (Some(other), _) => return Err(not_a_record(format!("its \"format\" is \"{other}\""))),
            (None, _) => return Err(not_a_record(format!("it has no \"format\": \"{RECORD_FORMAT}\""))),
        }
        serde_json::from_str(text).map_err(|e| RecordError::Damaged {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    }
}

/// Records larger than this are refused before they are parsed (a game of 60 rounds with every action is far
/// smaller). The same limit as scenario files.
pub const MAX_RECORD_BYTES: u64 = crate::scenario::schema::MAX_FILE_BYTES;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_tells_versions_of_a_scenario_apart() {
        let scenario = Scenario::builtin().unwrap();
        let reference = ScenarioRef::of(&scenario);
        assert_eq!(reference.hash.len(), 64);
        assert!(reference.matches(&scenario));
        let text = crate::scenario::parse::DEFAULT_SCENARIO.replacen("rounds: 8", "rounds: 9", 1);
        let edited = Scenario::from_ron_str(&text, "edited").unwrap();
        assert!(!reference.matches(&edited));
    }
}
