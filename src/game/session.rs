//! The game in progress: the scenario and the core's `GameState` in a `Resource`, who sits in each seat, and the
//! systems that start games and turn player and AI moves into the core's `apply` — the only way the state changes.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::LaunchOptions;
use super::menus::Menu;
use super::navigation::{Flow, Navigate};
use super::saves::{self, SaveFile};
use super::screens::Screen;
use crate::sim::ai::Negotiator;
use crate::sim::ai::Opponent;
use crate::sim::negotiation::{Event, GameState};
use crate::sim::{Move, MoveError, PerSide, Scenario, Side, apply};

/// Who plays which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Mode {
    /// A player is the United States; the AI plays Japan.
    #[default]
    PlayUs,
    /// A player is Japan; the AI plays the United States.
    PlayJapan,
    /// Two teams on one screen, taking turns.
    Hotseat,
    /// Two AIs; the player watches.
    Watch,
}

impl Mode {
    /// Every mode, in the order the setup screen lists them.
    pub const ALL: [Mode; 4] = [Mode::PlayUs, Mode::PlayJapan, Mode::Hotseat, Mode::Watch];

    /// The setup screen's label.
    pub fn label(self) -> &'static str {
        match self {
            Mode::PlayUs => "Play the United States",
            Mode::PlayJapan => "Play Japan",
            Mode::Hotseat => "Two teams on one screen",
            Mode::Watch => "Watch AI vs AI",
        }
    }

    /// Whether a person plays `side`.
    pub fn is_human(self, side: Side) -> bool {
        match self {
            Mode::PlayUs => side == Side::Us,
            Mode::PlayJapan => side == Side::Japan,
            Mode::Hotseat => true,
            Mode::Watch => false,
        }
    }

    /// Parses `us`, `japan`, `hotseat` or `watch`.
    pub fn parse(s: &str) -> Result<Mode, String> {
        match s {
            "us" => Ok(Mode::PlayUs),
            "japan" => Ok(Mode::PlayJapan),
            "hotseat" => Ok(Mode::Hotseat),
            "watch" => Ok(Mode::Watch),
            _ => Err(format!("unknown side \"{s}\"; expected us, japan, hotseat or watch")),
        }
    }
}

/// Where a scenario comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ScenarioSource {
    /// The scenario built into the program.
    #[default]
    Builtin,
    /// A scenario file.
    File(PathBuf),
}

impl ScenarioSource {
    /// How the picker shows it.
    pub fn label(&self) -> String {
        match self {
            ScenarioSource::Builtin => format!("{} (built in)", crate::sim::scenario::DEFAULT_SCENARIO_LABEL),
            ScenarioSource::File(path) => path.display().to_string(),
        }
    }

    /// Loads and validates the scenario; the error is the core's located `FILE:LINE:COL: message` text.
    pub fn load(&self) -> Result<Scenario, String> {
        let path = match self {
            ScenarioSource::Builtin => None,
            ScenarioSource::File(path) => Some(path),
        };
        Scenario::load_or_builtin(path.map(PathBuf::as_path)).map_err(|e| e.to_string())
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
}

impl Session {
    /// A new game.
    pub fn new(scenario: Arc<Scenario>, setup: GameSetup) -> Session {
        let state = GameState::new(&scenario, setup.seed);
        Session {
            scenario,
            setup,
            state,
            refused: None,
            seated: Side::Us,
        }
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

    /// Whether a person is to move now.
    pub fn human_to_move(&self) -> bool {
        !self.state.is_over() && self.setup.mode.is_human(self.state.to_move)
    }

    /// Whose private information the table shows: in hotseat, only the team at the controls.
    pub fn viewer(&self) -> Viewer {
        match self.setup.mode {
            Mode::PlayUs => Viewer::Side(Side::Us),
            Mode::PlayJapan => Viewer::Side(Side::Japan),
            Mode::Hotseat => Viewer::Side(self.seated),
            Mode::Watch => Viewer::Both,
        }
    }

    /// What the game is saved as.
    pub fn to_save(&self) -> SaveFile {
        SaveFile {
            version: saves::SAVE_VERSION,
            setup: self.setup.clone(),
            state: self.state.clone(),
        }
    }
}

/// The scenario chosen on the title, loaded for the setup screen's summary.
#[derive(Resource, Debug, Clone)]
pub struct ScenarioPreview {
    /// Where it was loaded from.
    pub source: ScenarioSource,
    /// The scenario.
    pub scenario: Arc<Scenario>,
}

/// A message for the title screen: a scenario or save that failed to load, with its located error.
#[derive(Resource, Debug, Clone, Default)]
pub struct TitleNotice(pub Option<String>);

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
    /// Continue the saved game.
    Continue,
    /// Save the game (unless it is over) and go back to the title.
    QuitToTitle,
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

/// Sessions, seats and moves.
pub fn plugin(app: &mut App) {
    app.add_message::<PlayerMove>()
        .add_message::<GameCommand>()
        .init_resource::<GameSetup>()
        .init_resource::<TitleNotice>()
        .init_resource::<AiPace>()
        .init_resource::<WatchClock>()
        .init_non_send::<Agents>()
        .add_systems(Startup, start_from_launch_options)
        .add_systems(
            Update,
            (
                run_game_commands,
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

/// Loads scenarios and saves for the title and setup screens, and starts games; a file that fails to load sends
/// the player to the title with its located error instead of crashing.
#[allow(clippy::too_many_arguments)]
fn run_game_commands(
    mut commands_in: MessageReader<GameCommand>,
    mut commands: Commands,
    setup: Res<GameSetup>,
    preview: Option<Res<ScenarioPreview>>,
    session: Option<Res<Session>>,
    options: Res<LaunchOptions>,
    mut notice: ResMut<TitleNotice>,
    mut agents: NonSendMut<Agents>,
    mut navigate: MessageWriter<Navigate>,
    mut watch: ResMut<WatchClock>,
) {
    for command in commands_in.read() {
        match command {
            GameCommand::OpenSetup => match setup.source.load() {
                Ok(scenario) => {
                    notice.0 = None;
                    commands.insert_resource(ScenarioPreview {
                        source: setup.source.clone(),
                        scenario: Arc::new(scenario),
                    });
                    navigate.write(Navigate::To(Screen::Setup));
                }
                Err(error) => fail_to_title(&mut notice, &mut navigate, error),
            },
            GameCommand::Start => {
                let scenario = match &preview {
                    Some(p) if p.source == setup.source => Ok(p.scenario.clone()),
                    _ => setup.source.load().map(Arc::new),
                };
                match scenario {
                    Ok(scenario) => match Agents::for_setup(&scenario, &setup) {
                        Ok(seated) => {
                            notice.0 = None;
                            let session = Session::new(scenario, setup.clone());
                            *agents = seated;
                            *watch = WatchClock::default();
                            navigate.write(Navigate::To(first_screen(&session)));
                            commands.insert_resource(session);
                        }
                        Err(error) => fail_to_title(&mut notice, &mut navigate, error),
                    },
                    Err(error) => fail_to_title(&mut notice, &mut navigate, error),
                }
            }
            GameCommand::Continue => match saves::read(&options.data_dir) {
                Ok(save) => match save.setup.source.load().and_then(|scenario| {
                    let seated = Agents::for_setup(&scenario, &save.setup)?;
                    Ok((scenario, seated))
                }) {
                    Ok((scenario, seated)) => {
                        notice.0 = None;
                        let session = Session {
                            scenario: Arc::new(scenario),
                            setup: save.setup,
                            seated: save.state.to_move,
                            state: save.state,
                            refused: None,
                        };
                        *agents = seated;
                        *watch = WatchClock::default();
                        navigate.write(Navigate::To(if session.state.is_over() {
                            Screen::Results
                        } else {
                            first_screen(&session)
                        }));
                        commands.insert_resource(session);
                    }
                    Err(error) => fail_to_title(&mut notice, &mut navigate, error),
                },
                Err(error) => fail_to_title(&mut notice, &mut navigate, error),
            },
            GameCommand::QuitToTitle => {
                if let Some(session) = &session
                    && !session.state.is_over()
                    && !options.autoplay
                {
                    saves::write(&options.data_dir, &session.to_save());
                }
                commands.remove_resource::<Session>();
                navigate.write(Navigate::To(Screen::Title));
            }
        }
    }
}

fn fail_to_title(notice: &mut TitleNotice, navigate: &mut MessageWriter<Navigate>, error: String) {
    warn!("{error}");
    notice.0 = Some(error);
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

/// Applies the players' moves through the core; a move for the wrong side or an AI's seat is refused.
fn apply_player_moves(mut moves: MessageReader<PlayerMove>, session: Option<ResMut<Session>>) {
    let Some(mut session) = session else {
        moves.clear();
        return;
    };
    for PlayerMove { side, mv } in moves.read() {
        if session.state.is_over() {
            break;
        }
        if *side != session.state.to_move || !session.setup.mode.is_human(*side) {
            session.refused = Some(format!("it is not {}'s turn", side.label()));
            continue;
        }
        let _ = session.play(mv);
    }
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
    if session.state.is_over() || session.human_to_move() {
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
    session: Option<Res<Session>>,
    screen: Res<State<Screen>>,
    options: Res<LaunchOptions>,
    mut navigate: MessageWriter<Navigate>,
    mut last_seen: Local<Option<(Side, u32)>>,
) {
    let Some(session) = session else {
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
    if session.state.is_over() {
        if !options.autoplay {
            saves::remove(&options.data_dir);
        }
        navigate.write(Navigate::To(Screen::Results));
        return;
    }
    let now = (session.state.to_move, session.state.round);
    let turn_changed = last_seen.is_some_and(|seen| seen != now);
    *last_seen = Some(now);
    // Players' games are saved after every move; a watched game at each turn.
    if !options.autoplay && (session.setup.mode != Mode::Watch || turn_changed) {
        saves::write(&options.data_dir, &session.to_save());
    }
    if turn_changed && session.setup.mode == Mode::Hotseat {
        navigate.write(Navigate::To(Screen::Handover));
    }
}
