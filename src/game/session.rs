//! The game in progress: the scenario and the core's `GameState` in a `Resource`, who sits in each seat, and the
//! systems that start games and turn player and AI moves into the core's `apply` — the only way the state changes.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::LaunchOptions;
use super::menus::Menu;
use super::navigation::{Flow, Navigate};
use super::save_status::SaveStatus;
use super::saves::{GameStorage, SaveBook};
use super::screens::Screen;
use super::screens::join::JoinView;
use super::screens::replay::ReplayView;
use crate::net::class_client::TableClient;
use tradetable_core::Names;
use tradetable_core::ai::Negotiator;
use tradetable_core::ai::Opponent;
use tradetable_core::classroom::class::TableCode;
use tradetable_core::classroom::record::{GameRecord, ScenarioRef, Seat};
use tradetable_core::network::protocol::{SeatPresence, TableView};
use tradetable_core::rules::negotiation::{Event, GameState};
use tradetable_core::scenario::library;
use tradetable_core::{Move, MoveError, PerSide, Scenario, Side, apply};

/// Who plays which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Mode {
    /// A player is the United States; the AI plays Japan.
    #[default]
    PlayUs,
    /// A player is Japan; the AI plays the United States.
    PlayPartner,
    /// Two teams on one screen, taking turns.
    Hotseat,
    /// Two AIs; the player watches.
    Watch,
}

impl Mode {
    /// Every mode, in the order the setup screen lists them.
    pub const ALL: [Mode; 4] = [Mode::PlayUs, Mode::PlayPartner, Mode::Hotseat, Mode::Watch];

    /// The setup screen's label.
    pub fn label(self, names: Names) -> String {
        match self {
            Mode::PlayUs => "Play the United States".to_string(),
            Mode::PlayPartner => format!("Play {}", names.label(Side::Partner)),
            Mode::Hotseat => "Two teams on one screen".to_string(),
            Mode::Watch => "Watch AI vs AI".to_string(),
        }
    }

    /// Whether a person plays `side`.
    pub fn is_human(self, side: Side) -> bool {
        match self {
            Mode::PlayUs => side == Side::Us,
            Mode::PlayPartner => side == Side::Partner,
            Mode::Hotseat => true,
            Mode::Watch => false,
        }
    }

    /// The mode in which people play the sides marked `true` and the computer the others.
    pub fn with_people(people: PerSide<bool>) -> Mode {
        match (people.us, people.partner) {
            (true, true) => Mode::Hotseat,
            (true, false) => Mode::PlayUs,
            (false, true) => Mode::PlayPartner,
            (false, false) => Mode::Watch,
        }
    }

    /// Parses `us`, `partner` (or `japan`, its name before scenarios named their partner), `hotseat` or `watch`.
    pub fn parse(s: &str) -> Result<Mode, String> {
        match s {
            "us" => Ok(Mode::PlayUs),
            "partner" | "japan" => Ok(Mode::PlayPartner),
            "hotseat" => Ok(Mode::Hotseat),
            "watch" => Ok(Mode::Watch),
            _ => Err(format!("unknown side \"{s}\"; expected us, partner, hotseat or watch")),
        }
    }
}

/// Where a scenario comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ScenarioSource {
    /// The scenario built into the program.
    #[default]
    Builtin,
    /// Another scenario shipped inside the program, by name.
    Shipped(String),
    /// A scenario file.
    File(PathBuf),
}

impl ScenarioSource {
    /// How the picker shows it.
    pub fn label(&self) -> String {
        match self {
            ScenarioSource::Builtin => format!(
                "{} (built in)",
                tradetable_core::scenario::parse::DEFAULT_SCENARIO_LABEL
            ),
            ScenarioSource::Shipped(name) => format!("{name} (built in)"),
            ScenarioSource::File(path) => path.display().to_string(),
        }
    }

    /// Loads and validates the scenario; the error is the core's located `FILE:LINE:COL: message` text.
    pub fn load(&self) -> Result<Scenario, String> {
        match self {
            ScenarioSource::Builtin => Scenario::builtin(),
            ScenarioSource::Shipped(name) => match library::shipped(name) {
                Some(shipped) => shipped.load(),
                None => return Err(format!("no scenario called \"{name}\" is built into this version")),
            },
            ScenarioSource::File(path) => crate::storage::load_scenario(path),
        }
        .map_err(|e| e.to_string())
    }
}

/// The choices of the setup screen.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameSetup {
    /// The scenario.
    pub source: ScenarioSource,
    /// Who plays which side.
    pub mode: Mode,
    /// The AI on each side, used where an AI plays it.
    pub ai: PerSide<Opponent>,
    /// The seed of the random events, shown so a class can share one.
    pub seed: u64,
}

impl GameSetup {
    /// The setup of a recorded game: who sat where decides the mode; computer seats keep their player.
    pub fn from_record(source: ScenarioSource, record: &GameRecord) -> GameSetup {
        let mode = Mode::with_people(record.seats.as_ref().map(Seat::is_people));
        let ai = record.seats.clone().map(|seat| match seat {
            Seat::Computer(opponent) => opponent,
            Seat::People(_) => Opponent::default(),
        });
        GameSetup {
            source,
            mode,
            ai,
            seed: record.seed,
        }
    }

    /// Who sits where, for a record, with the scenario's names for the teams.
    pub fn seats(&self, names: Names) -> PerSide<Seat> {
        PerSide::from_fn(|side| {
            if self.mode.is_human(side) {
                Seat::People(format!("{} team", names.label(side)))
            } else {
                Seat::Computer(self.ai[side].clone())
            }
        })
    }
}

/// Every scenario this computer has, as the title's picker lists them: the shipped ones (built into the program),
/// then the files of the scenario folders (the working folder's `scenarios/`, the user's own folder, `--scenario-dir`)
/// that are not exact copies of a shipped one.
pub fn scenario_sources(folders: &[PathBuf]) -> Vec<ScenarioSource> {
    let mut sources = vec![ScenarioSource::Builtin];
    sources.extend(
        library::SHIPPED
            .iter()
            .skip(1)
            .map(|s| ScenarioSource::Shipped(s.name().to_string())),
    );
    for file in crate::storage::scenario_files(folders) {
        let copy = crate::storage::read_bounded(&file).is_ok_and(|text| library::is_shipped_text(&text));
        if !copy {
            sources.push(ScenarioSource::File(file));
        }
    }
    sources
}

/// Every scenario this computer has that loads, with where it came from.
pub fn scenario_library(folders: &[PathBuf]) -> Vec<(ScenarioSource, Scenario)> {
    scenario_sources(folders)
        .into_iter()
        .filter_map(|source| source.load().ok().map(|scenario| (source, scenario)))
        .collect()
}

/// The scenario (in the version) a record or table was made with, from `preferred` or the library, or a sentence
/// saying it is not on this computer.
pub fn find_scenario(
    folders: &[PathBuf],
    reference: &ScenarioRef,
    preferred: &ScenarioSource,
) -> Result<(ScenarioSource, Scenario), String> {
    if let Ok(scenario) = preferred.load()
        && reference.matches(&scenario)
    {
        return Ok((preferred.clone(), scenario));
    }
    scenario_library(folders)
        .into_iter()
        .find(|(_, scenario)| reference.matches(scenario))
        .ok_or_else(|| {
            format!(
                "the game was played on \"{}\" ({}, version {}), which is not on this computer in that version; put its \
                 file in the scenarios folder",
                reference.title,
                reference.id,
                reference.short_hash()
            )
        })
}

impl Default for GameSetup {
    fn default() -> Self {
        GameSetup {
            source: ScenarioSource::Builtin,
            mode: Mode::PlayUs,
            ai: PerSide::default(),
            seed: 2025,
        }
    }
}

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
    /// The scenario.
    pub scenario: Arc<Scenario>,
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
            scenario,
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
    fn record_label(&self) -> String {
        match &self.table {
            Some(code) => format!("Class table {code}"),
            None if self.state.is_over() => format!("Finished {}", crate::clock::now()),
            None => format!("{} — in progress", self.scenario.title),
        }
    }

    /// Keeps the game on disk where it saves itself: a game in progress in its own file, a finished game as
    /// finished (after which there is nothing more to save). Updates `status`, which the banner and the pause menu
    /// show; on failure the file on disk is as it was.
    pub fn keep(&mut self, book: &SaveBook, status: &mut SaveStatus) -> Result<(), String> {
        let Some(save_to) = self.save_to.clone() else {
            return Ok(());
        };
        if self.is_remote() {
            return Ok(());
        }
        let record = self.to_record(&self.record_label());
        let result = if self.state.is_over() {
            book.finish(&save_to, &record).map(|_kept| self.save_to = None)
        } else {
            book.write(&save_to, &record)
        };
        match result {
            Ok(()) => {
                status.saved(self.state.moves.len());
                Ok(())
            }
            Err(error) => {
                warn!("{error}");
                let message = error.to_string();
                status.failed(message.clone());
                Err(message)
            }
        }
    }
}

/// The scenario chosen on the title, loaded for the setup screen's summary.
#[derive(Resource, Debug, Clone)]
pub struct ScenarioPreview {
    /// Where it was loaded from.
    pub source: ScenarioSource,
    /// The scenario (the last version that loaded).
    pub scenario: Arc<Scenario>,
    /// The located error of an edit of the file that does not load, shown over the last good version.
    pub edit_error: Option<String>,
}

/// What became of the last "Save as…", for the pause menu.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveNotice(pub Option<String>);

/// A message for the title screen: a scenario or save that failed to load, with its located error, or why a
/// networked table ended.
#[derive(Resource, Debug, Clone, Default)]
pub struct TitleNotice(pub Option<String>, pub NoticeKind);

/// What a title notice is about, for its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoticeKind {
    /// A file that failed to load.
    #[default]
    LoadError,
    /// The team is off a networked table: the class ended, or the link did not come back.
    LeftTable,
}

/// The AI seats (none where a person plays). Negotiators need not be `Send`, so they live in the world's non-send
/// storage.
#[derive(Default)]
pub struct Agents(pub PerSide<Option<Box<dyn Negotiator>>>);

impl Agents {
    /// The agents a setup calls for, or why one of them cannot sit at this scenario's table (a personality the
    /// scenario lacks, or one that plays the other side): the game refuses it rather than seat someone else.
    pub fn for_setup(scenario: &Scenario, setup: &GameSetup) -> Result<Agents, String> {
        let mut seats = PerSide::default();
        for side in Side::BOTH {
            if !setup.mode.is_human(side) {
                let agent = setup.ai[side]
                    .agent(scenario, side)
                    .map_err(|error| format!("{}: {error}", scenario.title))?;
                seats[side] = Some(agent);
            }
        }
        Ok(Agents(seats))
    }

    fn get(&mut self, side: Side) -> Option<&mut Box<dyn Negotiator>> {
        self.0[side].as_mut()
    }
}

/// A move chosen by a player, to be applied through the core.
#[derive(Message, Debug, Clone)]
pub struct PlayerMove {
    /// The side the player plays.
    pub side: Side,
    /// The move.
    pub mv: Move,
}

/// What the title, setup and menus ask of the session.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum GameCommand {
    /// Load the chosen scenario and show the setup screen (or the title with the error).
    OpenSetup,
    /// Start a game with the current [`GameSetup`].
    Start,
    /// Continue the autosaved game.
    Continue,
    /// Open a saved game (a save, a class result) and play on from where it stopped.
    Open(PathBuf),
    /// Open a saved or finished game in the replay viewer.
    Replay(PathBuf),
    /// Restart the game on the edited scenario file, with the same seed, replaying the moves so far where they are
    /// still legal.
    Reload,
    /// Open the game being played (or just finished) in the replay viewer.
    ReplayCurrent,
    /// Start a game from a recorded game's first `moves` moves ("Branch from here" in the replay viewer).
    Branch {
        /// The recorded game.
        record: Box<GameRecord>,
        /// How many of its moves to keep.
        moves: usize,
    },
    /// Sit down at a class table, by its code.
    JoinTable(String),
    /// Save the game under a name, beside the autosave.
    SaveAs(String),
    /// Save the game (unless it is over) and go back to the title.
    QuitToTitle,
    /// Save the game and close the program.
    QuitGame,
    /// Try the save that failed again (the banner's and the pause menu's "Try again").
    SaveNow,
    /// Go on with the command that waits for the player's word, losing the moves that could not be saved.
    Discard,
    /// Forget the command that waits: the game stays on the table.
    KeepPlaying,
    /// Sit down at a class table whose saved game cannot be read: the damaged file is moved aside and the table starts
    /// afresh.
    JoinTableAfresh(String),
}

impl GameCommand {
    /// Whether the command takes the game off the table (so its unsaved moves would be lost).
    fn drops_the_game(&self) -> bool {
        matches!(
            self,
            GameCommand::Start
                | GameCommand::Continue
                | GameCommand::Open(_)
                | GameCommand::Branch { .. }
                | GameCommand::JoinTable(_)
                | GameCommand::JoinTableAfresh(_)
                | GameCommand::QuitToTitle
                | GameCommand::QuitGame
        )
    }
}

/// How long an AI opponent takes per move, so a player can follow what it does (0 in tests: all at once).
#[derive(Resource, Debug, Clone, Copy)]
pub struct AiPace {
    /// Seconds per AI move.
    pub seconds_per_move: f32,
}

impl Default for AiPace {
    fn default() -> Self {
        AiPace { seconds_per_move: 0.5 }
    }
}

/// The watch mode's controls: play, pause, step and speed.
#[derive(Resource, Debug, Clone)]
pub struct WatchClock {
    /// Whether moves play on their own.
    pub playing: bool,
    /// Moves per second while playing.
    pub moves_per_second: f32,
    /// Moves asked for by the step button (or autoplay), played at once.
    pub pending_steps: u32,
    carry: f32,
}

impl Default for WatchClock {
    fn default() -> Self {
        WatchClock {
            playing: true,
            moves_per_second: 2.0,
            pending_steps: 0,
            carry: 0.0,
        }
    }
}

impl WatchClock {
    /// Speeds the slider offers, moves per second.
    pub const SPEEDS: [f32; 5] = [0.5, 1.0, 2.0, 5.0, 20.0];
}

/// A game was put on the table (started, continued, loaded, joined or branched): every screen's state of the
/// previous game is rebuilt for it.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct GameOpened;

/// Where games are saved, and whether the last save worked.
#[derive(SystemParam)]
pub struct Keeping<'w> {
    options: Res<'w, LaunchOptions>,
    storage: Res<'w, GameStorage>,
    status: ResMut<'w, SaveStatus>,
}

impl Keeping<'_> {
    /// The saves of this game's data directory.
    pub fn book(&self) -> SaveBook {
        SaveBook::new(&self.options.data_dir, self.storage.0.clone())
    }

    /// Keeps `session` on disk (nothing in autoplay), updating the status.
    fn keep(&mut self, session: &mut Session) -> Result<(), String> {
        if self.options.autoplay {
            return Ok(());
        }
        let book = self.book();
        session.keep(&book, &mut self.status)
    }
}

/// Sessions, seats and moves.
pub fn plugin(app: &mut App) {
    app.add_message::<PlayerMove>()
        .add_message::<GameCommand>()
        .add_message::<GameOpened>()
        .init_resource::<GameStorage>()
        .init_resource::<GameSetup>()
        .init_resource::<TitleNotice>()
        .init_resource::<SaveNotice>()
        .init_resource::<AiPace>()
        .init_resource::<WatchClock>()
        .init_non_send::<Agents>()
        .add_systems(Startup, start_from_launch_options)
        .add_systems(
            Update,
            (
                run_game_commands,
                super::remote::follow_the_host.run_if(resource_exists::<TableClient>),
                apply_player_moves,
                play_ai_turns
                    .run_if(in_state(Screen::Table))
                    .run_if(in_state(Menu::None)),
                follow_the_game,
            )
                .chain()
                .in_set(Flow::Session),
        );
}

fn start_from_launch_options(
    options: Res<LaunchOptions>,
    mut setup: ResMut<GameSetup>,
    mut commands: MessageWriter<GameCommand>,
) {
    *setup = options.setup.clone();
    if options.straight_to_table && !options.autoplay {
        commands.write(GameCommand::Start);
    }
}

/// The join screen and the pause menu, which the session tells what became of a command.
#[derive(SystemParam)]
pub struct CommandReplies<'w> {
    notice: ResMut<'w, TitleNotice>,
    saved: ResMut<'w, SaveNotice>,
    join: ResMut<'w, JoinView>,
    exit: MessageWriter<'w, AppExit>,
    opened: MessageWriter<'w, GameOpened>,
}

/// Loads scenarios and saves for the title and setup screens, and starts games; a file that fails to load sends
/// the player to the title with its located error instead of crashing. A command that would take a game with unsaved
/// moves off the table waits for the player's word in the pause menu.
#[allow(clippy::too_many_arguments)]
fn run_game_commands(
    mut commands_in: MessageReader<GameCommand>,
    mut commands: Commands,
    setup: Res<GameSetup>,
    preview: Option<Res<ScenarioPreview>>,
    mut session: Option<ResMut<Session>>,
    mut keeping: Keeping,
    mut replies: CommandReplies,
    mut agents: NonSendMut<Agents>,
    mut navigate: MessageWriter<Navigate>,
    mut watch: ResMut<WatchClock>,
    mut client: Option<ResMut<TableClient>>,
) {
    let mut queue: std::collections::VecDeque<GameCommand> = commands_in.read().cloned().collect();
    // Set when the player chose to go on without the moves that could not be saved.
    let mut losing_accepted = false;
    while let Some(command) = queue.pop_front() {
        if command.drops_the_game()
            && !losing_accepted
            && let Some(session) = session.as_mut()
            && (command == GameCommand::QuitToTitle
                || command == GameCommand::QuitGame
                || keeping.status.failure.is_some())
            && keeping.keep(session).is_err()
        {
            keeping.status.pending = Some(command);
            navigate.write(Navigate::Overlay(Menu::Pause));
            continue;
        }
        let book = keeping.book();
        let options = &keeping.options;
        let opened = match command {
            GameCommand::OpenSetup => {
                match setup.source.load() {
                    Ok(scenario) => {
                        commands.insert_resource(ScenarioPreview {
                            source: setup.source.clone(),
                            scenario: Arc::new(scenario),
                            edit_error: None,
                        });
                        navigate.write(Navigate::To(Screen::Setup));
                    }
                    Err(error) => fail_to_title(&mut replies.notice, &mut navigate, error),
                }
                continue;
            }
            GameCommand::Start => {
                let scenario = match &preview {
                    Some(p) if p.source == setup.source => Ok(p.scenario.clone()),
                    _ => setup.source.load().map(Arc::new),
                };
                scenario.map(|scenario| {
                    let file = book.new_game_file(&crate::clock::now(), &scenario.id);
                    Session::new(scenario, setup.clone()).saving_to(file)
                })
            }
            GameCommand::Continue => match book.latest_in_progress() {
                Some(entry) => open_record(&book, &options.scenario_dirs, &entry.path, &setup.source),
                None => Err("there is no game in progress to continue".to_string()),
            },
            GameCommand::Open(path) => open_record(&book, &options.scenario_dirs, &path, &setup.source),
            GameCommand::Replay(path) => {
                match ReplayView::open(&book, &options.scenario_dirs, &path, &setup.source) {
                    Ok(view) => {
                        replies.notice.0 = None;
                        commands.insert_resource(view);
                        navigate.write(Navigate::To(Screen::Replay));
                    }
                    Err(error) => fail_to_title(&mut replies.notice, &mut navigate, error),
                }
                continue;
            }
            GameCommand::Reload => match session.as_deref() {
                // A networked table's scenario is the host's.
                Some(session) if session.is_remote() => continue,
                Some(session) => session.setup.source.load().map(|scenario| {
                    let start = tradetable_core::ai::play::fresh_like(&scenario, &session.state);
                    let state = tradetable_core::ai::play::replay(&scenario, start, &session.state.moves);
                    // The edited scenario is another version: a class table's code no longer fits it, so the game
                    // goes on in a file of its own rather than over the table's record.
                    let file = match (&session.table, &session.save_to) {
                        (None, Some(file)) => file.clone(),
                        _ => book.new_game_file(&crate::clock::now(), &scenario.id),
                    };
                    Session::resume(Arc::new(scenario), session.setup.clone(), state, None).saving_to(file)
                }),
                None => continue,
            },
            GameCommand::ReplayCurrent => {
                if let Some(session) = session.as_deref() {
                    let record = session.to_record(&session.table.clone().unwrap_or_else(|| "This game".to_string()));
                    match ReplayView::from_record(record, &session.scenario) {
                        Ok(view) => {
                            commands.insert_resource(ReplayView {
                                back_to: Screen::Results,
                                ..view
                            });
                            navigate.write(Navigate::To(Screen::Replay));
                        }
                        Err(error) => fail_to_title(&mut replies.notice, &mut navigate, error),
                    }
                }
                continue;
            }
            GameCommand::Branch { record, moves } => {
                find_scenario(&options.scenario_dirs, &record.scenario, &setup.source).and_then(|(source, scenario)| {
                    let state = record.replay_to(&scenario, moves).map_err(|e| e.to_string())?;
                    let setup = GameSetup::from_record(source, &record);
                    let file = book.new_game_file(&crate::clock::now(), &scenario.id);
                    Ok(Session::resume(Arc::new(scenario), setup, state, None).saving_to(file))
                })
            }
            GameCommand::JoinTable(code) => {
                match join_table(&book, &options.scenario_dirs, &code, &setup.source, false) {
                    Err(JoinError::Damaged(why)) => {
                        // The table's saved game cannot be read: the join screen offers a fresh start.
                        replies.join.damaged = Some(why);
                        continue;
                    }
                    other => other.map_err(|e| e.to_string()),
                }
            }
            GameCommand::JoinTableAfresh(code) => {
                join_table(&book, &options.scenario_dirs, &code, &setup.source, true).map_err(|e| e.to_string())
            }
            GameCommand::SaveAs(name) => {
                replies.saved.0 = Some(match session.as_deref() {
                    Some(session) if session.is_remote() => "The host keeps this table's game for the teacher.".into(),
                    Some(session) => match book.save_as(&name, &session.to_record(name.trim())) {
                        Ok((_, true)) => format!("Saved as \"{}\" (replacing its earlier save)", name.trim()),
                        Ok((path, false)) => format!(
                            "Saved as \"{}\" ({})",
                            name.trim(),
                            path.file_name()
                                .map_or(String::new(), |n| n.to_string_lossy().to_string())
                        ),
                        Err(error) => error.to_string(),
                    },
                    None => continue,
                });
                continue;
            }
            GameCommand::SaveNow => {
                if let Some(session) = session.as_mut() {
                    let _ = keeping.keep(session);
                }
                continue;
            }
            GameCommand::Discard => {
                if let Some(pending) = keeping.status.pending.take() {
                    losing_accepted = true;
                    keeping.status.failure = None;
                    queue.push_front(pending);
                }
                navigate.write(Navigate::Overlay(Menu::None));
                continue;
            }
            GameCommand::KeepPlaying => {
                keeping.status.pending = None;
                navigate.write(Navigate::Overlay(Menu::None));
                continue;
            }
            GameCommand::QuitToTitle | GameCommand::QuitGame => {
                if let Some(client) = client.as_mut()
                    && session.as_ref().is_some_and(|s| s.is_remote())
                {
                    // The seat waits at the host: joining again with the same code takes it back.
                    client.leave();
                }
                commands.remove_resource::<Session>();
                session = None;
                keeping.status.reset(0);
                if command == GameCommand::QuitGame {
                    replies.exit.write(AppExit::Success);
                } else {
                    navigate.write(Navigate::To(Screen::Title));
                }
                continue;
            }
        };
        let seated = opened.and_then(|session| Ok((Agents::for_setup(&session.scenario, &session.setup)?, session)));
        match seated {
            Ok((seated, mut opened)) => {
                replies.notice.0 = None;
                replies.join.damaged = None;
                *agents = seated;
                *watch = WatchClock::default();
                keeping.status.reset(opened.state.moves.len());
                if keeping.options.autoplay {
                    opened.save_to = None;
                }
                navigate.write(Navigate::To(if opened.state.is_over() {
                    Screen::Results
                } else {
                    first_screen(&opened)
                }));
                replies.opened.write(GameOpened);
                commands.insert_resource(opened);
                // Later commands of this frame act on the game just opened only from the next frame on.
                session = None;
            }
            Err(error) => fail_to_title(&mut replies.notice, &mut navigate, error),
        }
    }
}

/// The game a record holds, replayed by the core on the scenario it was played on; it saves itself where the saves'
/// rules say (a copy never over the file it came from).
fn open_record(
    book: &SaveBook,
    folders: &[PathBuf],
    path: &std::path::Path,
    preferred: &ScenarioSource,
) -> Result<Session, String> {
    let record = book.read(path)?;
    let (source, scenario) = find_scenario(folders, &record.scenario, preferred)?;
    let state = record.replay(&scenario).map_err(|e| e.to_string())?;
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

/// Why a class table could not be sat at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinError {
    /// The code or its scenario is wrong.
    Refused(String),
    /// The table's saved game on this computer cannot be read or replayed.
    Damaged(DamagedTable),
}

impl std::fmt::Display for JoinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JoinError::Refused(why) => f.write_str(why),
            JoinError::Damaged(damaged) => f.write_str(&damaged.reason),
        }
    }
}

/// A class table whose saved game on this computer cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedTable {
    /// The file.
    pub path: PathBuf,
    /// Why it cannot be opened.
    pub reason: String,
}

/// A class table's game: its saved result if this computer has one (a student coming back to the table), else a
/// new game as the code sets it. `afresh`: a saved game that cannot be opened is moved aside (kept, never deleted)
/// and the table starts again.
fn join_table(
    book: &SaveBook,
    folders: &[PathBuf],
    typed: &str,
    preferred: &ScenarioSource,
    afresh: bool,
) -> Result<Session, JoinError> {
    let table = ClassTable::find(folders, typed, preferred).map_err(JoinError::Refused)?;
    let code = table.code.encode();
    let saved = book.class_path(&code);
    if saved.is_file() {
        match open_record(book, folders, &saved, &table.source) {
            Ok(session) => return Ok(session),
            Err(reason) if !afresh => return Err(JoinError::Damaged(DamagedTable { path: saved, reason })),
            Err(_) => {
                let aside = book.set_aside(&saved).map_err(|e| JoinError::Refused(e.to_string()))?;
                warn!("the damaged record of table {code} is kept as {}", aside.display());
            }
        }
    }
    let state = GameState::with_injects(&table.scenario, table.code.seed, table.code.inject_ids(&table.scenario));
    Ok(Session::resume(Arc::new(table.scenario), table.setup, state, Some(code)).saving_to(saved))
}

/// A class table found from its typed code: the scenario it was made with and the game's setup.
#[derive(Debug, Clone)]
pub struct ClassTable {
    /// The decoded code.
    pub code: TableCode,
    /// Where its scenario was found.
    pub source: ScenarioSource,
    /// The scenario.
    pub scenario: Scenario,
    /// The setup the code fixes.
    pub setup: GameSetup,
}

impl ClassTable {
    /// Decodes a typed code and finds its scenario among `preferred` and the library, or says why not.
    pub fn find(folders: &[PathBuf], typed: &str, preferred: &ScenarioSource) -> Result<ClassTable, String> {
        let code = TableCode::decode(typed).map_err(|e| e.to_string())?;
        let mut library = scenario_library(folders);
        if let Ok(scenario) = preferred.load() {
            library.insert(0, (preferred.clone(), scenario));
        }
        let scenarios: Vec<Scenario> = library.iter().map(|(_, s)| s.clone()).collect();
        let found = code.find_scenario(&scenarios).map_err(|e| e.to_string())?;
        let (source, scenario) = library
            .into_iter()
            .find(|(_, s)| s.text_hash == found.text_hash)
            .expect("found among the library");
        let setup = GameSetup {
            source: source.clone(),
            mode: Mode::with_people(code.seats.map(|seat| seat.opponent().is_none())),
            ai: code.seats.map(|seat| seat.opponent().unwrap_or_default()),
            seed: code.seed,
        };
        Ok(ClassTable {
            code,
            source,
            scenario,
            setup,
        })
    }
}

fn fail_to_title(notice: &mut TitleNotice, navigate: &mut MessageWriter<Navigate>, error: String) {
    warn!("{error}");
    notice.0 = Some(error);
    notice.1 = NoticeKind::LoadError;
    navigate.write(Navigate::To(Screen::Title));
}

/// The screen a game (re)starts on: the handover first in hotseat, so the first team sits down knowingly.
fn first_screen(session: &Session) -> Screen {
    if session.setup.mode == Mode::Hotseat {
        Screen::Handover
    } else {
        Screen::Table
    }
}

/// Applies the players' moves through the core; a move for the wrong side or an AI's seat is refused. At a
/// networked table the move goes to the host instead, and the state changes when the host's next view arrives.
fn apply_player_moves(
    mut moves: MessageReader<PlayerMove>,
    session: Option<ResMut<Session>>,
    mut client: Option<ResMut<TableClient>>,
) {
    let Some(mut session) = session else {
        moves.clear();
        return;
    };
    for PlayerMove { side, mv } in moves.read() {
        if session.state.is_over() {
            break;
        }
        if *side != session.state.to_move || !session.setup.mode.is_human(*side) {
            session.refused = Some(format!("it is not {}'s turn", session.scenario.names().label(*side)));
            continue;
        }
        if let Some(remote) = &session.remote {
            let refusal = if remote.paused {
                Some("the teacher has paused this table".to_string())
            } else if remote.awaiting {
                Some("the last move has not reached the host yet".to_string())
            } else {
                match client.as_mut().map(|client| client.send_move(mv)) {
                    Some(Ok(())) => None,
                    Some(Err(why)) => Some(why.to_string()),
                    None => Some("this game cannot reach the host".to_string()),
                }
            };
            match refusal {
                Some(why) => session.refused = Some(format!("{mv}: {why}")),
                None => {
                    session.refused = None;
                    if let Some(remote) = session.remote.as_mut() {
                        remote.awaiting = true;
                    }
                }
            }
            // One move at a time: the next waits for the host's answer.
            break;
        }
        let _ = session.play(mv);
    }
    moves.clear();
}

/// Lets the AI seats move: paced for a player to follow, or by the watch clock (play, pause, step, speed).
fn play_ai_turns(
    session: Option<ResMut<Session>>,
    mut agents: NonSendMut<Agents>,
    mut watch: ResMut<WatchClock>,
    pace: Res<AiPace>,
    time: Res<Time>,
    mut waited: Local<f32>,
) {
    let Some(mut session) = session else {
        return;
    };
    // At a networked table nobody here plays the other side: the host seats its team or its computer.
    if session.state.is_over() || session.human_to_move() || session.is_remote() {
        *waited = 0.0;
        return;
    }
    let budget = if session.setup.mode == Mode::Watch {
        let mut moves = std::mem::take(&mut watch.pending_steps);
        if watch.playing {
            watch.carry += time.delta_secs() * watch.moves_per_second;
            let whole = watch.carry.floor();
            watch.carry -= whole;
            moves += whole as u32;
        }
        moves
    } else if pace.seconds_per_move <= 0.0 {
        u32::MAX
    } else {
        *waited += time.delta_secs();
        if *waited >= pace.seconds_per_move {
            *waited = 0.0;
            1
        } else {
            0
        }
    };
    // A turn has at most MAX_ACTIONS_PER_TURN + 1 moves; this bounds a runaway agent.
    let limit = budget.min(64);
    for _ in 0..limit {
        if session.state.is_over() || session.human_to_move() {
            break;
        }
        let side = session.state.to_move;
        let Some(agent) = agents.get(side) else {
            break;
        };
        let mv = agent.next_move(&session.scenario, &session.state);
        if session.play(&mv).is_err() {
            // As in the core's own game loop: a move an agent gets wrong becomes a pass.
            let _ = session.play(&Move::Pass);
        }
    }
}

/// Moves between the table, the hotseat handover and the results as the game goes on, and autosaves it.
fn follow_the_game(
    session: Option<ResMut<Session>>,
    screen: Res<State<Screen>>,
    mut keeping: Keeping,
    mut navigate: MessageWriter<Navigate>,
    mut last_seen: Local<Option<(Side, u32)>>,
) {
    let Some(mut session) = session else {
        *last_seen = None;
        return;
    };
    if !session.is_changed() {
        return;
    }
    let here = *screen.get();
    if here != Screen::Table {
        *last_seen = Some((session.state.to_move, session.state.round));
        return;
    }
    if let Some(remote) = &session.remote
        && !remote.finished
    {
        // The results wait for the host's finished game, which reveals what the other side was scored on.
        return;
    }
    // Saving changes only where the game saves itself, not what the screens show.
    let session = session.bypass_change_detection();
    if session.state.is_over() {
        // A finished game stays to replay and debrief: a class table's result under its code, any other game as a
        // save named for when it ended; its file in progress goes only once that is on disk. A failure shows.
        let _ = keeping.keep(session);
        navigate.write(Navigate::To(Screen::Results));
        return;
    }
    let now = (session.state.to_move, session.state.round);
    let turn_changed = last_seen.is_some_and(|seen| seen != now);
    *last_seen = Some(now);
    // Players' games are saved after every move; a watched game at each turn. A game with no move yet has nothing
    // to lose, so it gets no file until its first move.
    if !session.state.moves.is_empty() && (session.setup.mode != Mode::Watch || turn_changed) {
        let _ = keeping.keep(session);
    }
    if turn_changed && session.setup.mode == Mode::Hotseat {
        navigate.write(Navigate::To(Screen::Handover));
    }
}
