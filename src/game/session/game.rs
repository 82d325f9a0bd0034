//! The game on the table: the scenario and the core's `GameState` in the [`Session`] resource, changed only through
//! the core's `apply`; a seat at a networked table; whose private information the screen may show; and opening a
//! recorded game.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use bevy::prelude::*;

use super::error::OpenError;
use super::setup::{GameSetup, Mode, ScenarioSource, find_scenario};
use crate::game::i18n;
use crate::game::navigation::Screen;
use crate::game::saves::SaveBook;
use tradetable_core::classroom::record::GameRecord;
use tradetable_core::network::protocol::{SeatPresence, TableView};
use tradetable_core::rules::negotiation::{Event, GameState};
use tradetable_core::{Move, MoveError, PerSide, Scenario, Side, apply};

/// Whose private information (reservation values, the adviser's hints, the draft) the screen may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// One side's team.
    Side(Side),
    /// Both (watching two AIs).
    Both,
}

impl Viewer {
    /// Whether `side`'s private information may be shown.
    pub fn sees(self, side: Side) -> bool {
        match self {
            Viewer::Side(s) => s == side,
            Viewer::Both => true,
        }
    }

    /// The side the viewer plays, if one.
    pub fn side(self) -> Option<Side> {
        match self {
            Viewer::Side(s) => Some(s),
            Viewer::Both => None,
        }
    }
}

/// The game being played.
#[derive(Resource, Debug, Clone)]
pub struct Session {
    /// The scenario in the language in play (`original` with its translation), for everything the table shows; the
    /// model reads it exactly as `original`.
    pub scenario: Arc<Scenario>,
    /// The scenario as its file gives it, in its own language: what the language in play is applied to.
    pub original: Arc<Scenario>,
    /// How it was set up.
    pub setup: GameSetup,
    /// The core's state; changed only by [`Session::play`], which calls the core's `apply`.
    pub state: GameState,
    /// Why the last move was refused, for the status line.
    pub refused: Option<String>,
    /// In hotseat, the team at the controls: set when it continues past the handover, so the other team's view
    /// never shows, not even for the frame in which the turn passes.
    pub seated: Side,
    /// The class table code, for a class table's game: its record is saved under the code.
    pub table: Option<String>,
    /// For a networked table: the seat and what the host last said of the table. The host owns the game: the state
    /// changes only when its views arrive, and nothing is saved here.
    pub remote: Option<RemoteTable>,
    /// The file this game saves itself to after every move (its own file in progress, or its class table's), or
    /// `None` when nothing is to be saved here (a networked table's game, a finished game already kept, autoplay).
    pub save_to: Option<PathBuf>,
}

/// A seat at a networked class table, as the game shows it.
#[derive(Debug, Clone)]
pub struct RemoteTable {
    /// The side the team plays.
    pub side: Side,
    /// The table's number in the class.
    pub table: u32,
    /// The table's code.
    pub code: String,
    /// Whether the teacher has paused the table.
    pub paused: bool,
    /// Who is in each seat.
    pub seats: PerSide<SeatPresence>,
    /// Seconds the side to move had left when the view arrived.
    pub turn_seconds_left: Option<u64>,
    /// When the last view arrived, to count the turn's time down.
    pub received: Instant,
    /// A move was sent and the host has not answered yet: the controls wait.
    pub awaiting: bool,
    /// The host sent the finished game, with both sides' objectives: the results can be shown.
    pub finished: bool,
}

impl RemoteTable {
    /// The seat at a table, from the host's first view.
    pub fn new(side: Side, table: u32, code: String, view: &TableView) -> RemoteTable {
        RemoteTable {
            side,
            table,
            code,
            paused: view.paused,
            seats: view.seats,
            turn_seconds_left: view.turn_seconds_left,
            received: Instant::now(),
            awaiting: false,
            finished: false,
        }
    }

    /// Takes in a view of the table (the state is the session's).
    pub fn follow(&mut self, view: &TableView) {
        self.paused = view.paused;
        self.seats = view.seats;
        self.turn_seconds_left = view.turn_seconds_left;
        self.received = Instant::now();
        self.awaiting = false;
    }

    /// The seconds left on the turn's clock now, if the class has one.
    pub fn seconds_left(&self) -> Option<u64> {
        self.turn_seconds_left
            .map(|left| left.saturating_sub(self.received.elapsed().as_secs()))
    }
}

impl Session {
    /// A new game.
    pub fn new(scenario: Arc<Scenario>, setup: GameSetup) -> Session {
        let state = GameState::new(&scenario, setup.seed);
        Session::resume(scenario, setup, state, None)
    }

    /// A game at a given state (a loaded save, a class table, a branch from a replay).
    pub fn resume(scenario: Arc<Scenario>, setup: GameSetup, state: GameState, table: Option<String>) -> Session {
        Session {
            seated: state.to_move,
            scenario: Arc::new(i18n::in_play(&scenario)),
            original: scenario,
            setup,
            state,
            refused: None,
            table,
            remote: None,
            save_to: None,
        }
    }

    /// The same game, saving itself to `save_to`.
    pub fn saving_to(self, save_to: PathBuf) -> Session {
        Session {
            save_to: Some(save_to),
            ..self
        }
    }

    /// A game at a networked table: the host's scenario and first view, played from `side`'s seat.
    pub fn at_networked_table(scenario: Scenario, side: Side, table: u32, code: String, view: TableView) -> Session {
        let setup = GameSetup {
            mode: match side {
                Side::Us => Mode::PlayUs,
                Side::Partner => Mode::PlayPartner,
            },
            seed: view.state.seed,
            ..GameSetup::default()
        };
        let remote = RemoteTable::new(side, table, code, &view);
        Session {
            remote: Some(remote),
            ..Session::resume(Arc::new(scenario), setup, view.state, None)
        }
    }

    /// Shows the scenario's texts in the language in play again (after the player changed it).
    pub fn speak_language_in_play(&mut self) {
        self.scenario = Arc::new(i18n::in_play(&self.original));
    }

    /// Replaces the scenario (a networked table's host sent its own at the end), shown in the language in play.
    pub fn replace_scenario(&mut self, scenario: Scenario) {
        self.original = Arc::new(scenario);
        self.speak_language_in_play();
    }

    /// Whether the game is played at a networked table (the host owns it).
    pub fn is_remote(&self) -> bool {
        self.remote.is_some()
    }

    /// Applies a move by the side to move through the core; the state is unchanged if the core refuses it.
    pub fn play(&mut self, mv: &Move) -> Result<Vec<Event>, MoveError> {
        match apply(&self.scenario, &self.state, mv) {
            Ok(applied) => {
                self.state = applied.state;
                self.refused = None;
                Ok(applied.events)
            }
            Err(error) => {
                self.refused = Some(format!("{mv}: {error}"));
                Err(error)
            }
        }
    }

    /// Whether a person is to move now (at a networked table: and the table is not paused, and no move is on its
    /// way to the host).
    pub fn human_to_move(&self) -> bool {
        !self.state.is_over()
            && self.setup.mode.is_human(self.state.to_move)
            && self.remote.as_ref().is_none_or(|r| !r.paused && !r.awaiting)
    }

    /// Whose private information the table shows: in hotseat, only the team at the controls.
    pub fn viewer(&self) -> Viewer {
        match self.setup.mode {
            Mode::PlayUs => Viewer::Side(Side::Us),
            Mode::PlayPartner => Viewer::Side(Side::Partner),
            Mode::Hotseat => Viewer::Side(self.seated),
            Mode::Watch => Viewer::Both,
        }
    }

    /// The game's record, under `label`.
    pub fn to_record(&self, label: &str) -> GameRecord {
        GameRecord::of(
            &self.scenario,
            &self.state,
            self.setup.seats(self.scenario.names()),
            self.table.clone(),
            label,
            crate::clock::now(),
        )
    }

    /// The name its record is saved under while it is played.
    pub fn record_label(&self) -> String {
        match &self.table {
            Some(code) => format!("Class table {code}"),
            None if self.state.is_over() => format!("Finished {}", crate::clock::now()),
            None => format!("{} — in progress", self.scenario.title),
        }
    }
}

/// The game a record holds, replayed by the core on the scenario it was played on; it saves itself where the saves'
/// rules say (a copy never over the file it came from).
pub fn open_record(
    book: &SaveBook,
    folders: &[PathBuf],
    path: &std::path::Path,
    preferred: &ScenarioSource,
) -> Result<Session, OpenError> {
    let record = book.read(path).map_err(OpenError::Record)?;
    let (source, scenario) = find_scenario(folders, &record.scenario, preferred)?;
    let state = record.replay(&scenario).map_err(|e| OpenError::Replay(e.to_string()))?;
    let setup = GameSetup::from_record(source, &record);
    let play_on = book.play_on(path, &record);
    let session = Session::resume(Arc::new(scenario), setup, state, play_on.table);
    // A finished game opens on its results: there is nothing more to save.
    Ok(if record.over {
        session
    } else {
        session.saving_to(play_on.save_to)
    })
}

/// The screen a game (re)starts on: the handover first in hotseat, so the first team sits down knowingly.
pub fn first_screen(session: &Session) -> Screen {
    if session.setup.mode == Mode::Hotseat {
        Screen::Handover
    } else {
        Screen::Table
    }
}
