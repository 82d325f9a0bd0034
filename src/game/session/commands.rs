//! The commands players give the session (start, continue, open, replay, join, save, quit…) and the opening of a
//! game. Each feature runs the commands of its own family, in `SessionStep::Commands`, after the gate of
//! `keeping` has admitted them: the setup screen starts games, the load dialog continues and opens saves, the replay
//! viewer replays and branches, the join screen sits at class tables, hot reload reloads, the pause menu saves
//! under a name, and the session itself quits. A feature that puts a game on the table does it with [`GameOpener`].

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use std::path::PathBuf;

use super::keeping::{Keeping, SaveStatus};
use super::setup::GameSetup;
use super::turns::{Agents, WatchClock};
use super::{Session, SessionStep, first_screen};
use crate::game::LaunchOptions;
use crate::game::navigation::{Navigate, Screen};
use crate::game::saves::SaveBook;
use crate::net::class_client::TableClient;
use tradetable_core::classroom::record::GameRecord;

/// Commands, their gate, the title's notices, and quitting.
pub fn plugin(app: &mut App) {
    app.add_message::<GameCommand>()
        .add_message::<AdmittedCommand>()
        .add_message::<GameOpened>()
        .init_resource::<TitleNotice>()
        .add_systems(Startup, start_from_launch_options)
        .add_systems(Update, leave_the_game.in_set(SessionStep::Commands));
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
    pub fn drops_the_game(&self) -> bool {
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

/// A command the gate of `keeping` let through, for the feature whose family it belongs to.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct AdmittedCommand(pub GameCommand);

/// A game was put on the table (started, continued, loaded, joined or branched): every screen's state of the
/// previous game is rebuilt for it.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct GameOpened;

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

/// What a feature needs to put a game on the table, or to send the player to the title with why it could not.
#[derive(SystemParam)]
pub struct GameOpener<'w, 's> {
    /// To insert the game (and any view of it).
    pub commands: Commands<'w, 's>,
    /// Where games are saved, the launch options, and the save status.
    pub keeping: Keeping<'w>,
    /// The title's notice.
    pub notice: ResMut<'w, TitleNotice>,
    /// The next screen.
    pub navigate: MessageWriter<'w, Navigate>,
    agents: NonSendMut<'w, Agents>,
    watch: ResMut<'w, WatchClock>,
    opened: MessageWriter<'w, GameOpened>,
}

impl GameOpener<'_, '_> {
    /// The saves of this game's data directory.
    pub fn book(&self) -> SaveBook {
        self.keeping.book()
    }

    /// The scenario folders the title lists.
    pub fn scenario_dirs(&self) -> &[PathBuf] {
        &self.keeping.options.scenario_dirs
    }

    /// Puts `opened` on the table with its AI seats, on its first screen (its results if it is over); or, if it or
    /// one of its AI seats cannot be had, sends the player to the title with why.
    pub fn open(&mut self, opened: Result<Session, String>) {
        let seated = opened.and_then(|session| Ok((Agents::for_setup(&session.scenario, &session.setup)?, session)));
        match seated {
            Ok((seated, mut opened)) => {
                self.notice.0 = None;
                *self.agents = seated;
                *self.watch = WatchClock::default();
                self.keeping.status.reset(opened.state.moves.len());
                if self.keeping.options.autoplay {
                    opened.save_to = None;
                }
                self.navigate.write(Navigate::To(if opened.state.is_over() {
                    Screen::Results
                } else {
                    first_screen(&opened)
                }));
                self.opened.write(GameOpened);
                self.commands.insert_resource(opened);
            }
            Err(error) => self.fail(error),
        }
    }

    /// Sends the player to the title with `error`, a file that failed to load.
    pub fn fail(&mut self, error: String) {
        warn!("{error}");
        self.notice.0 = Some(error);
        self.notice.1 = NoticeKind::LoadError;
        self.navigate.write(Navigate::To(Screen::Title));
    }
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

/// Takes the game off the table for "Quit to title" and "Quit the game" (the gate has saved it, or the player has
/// chosen to lose its last moves). At a networked table the seat is left for the host to keep.
fn leave_the_game(
    mut admitted: MessageReader<AdmittedCommand>,
    session: Option<Res<Session>>,
    mut client: Option<ResMut<TableClient>>,
    mut commands: Commands,
    mut status: ResMut<SaveStatus>,
    mut navigate: MessageWriter<Navigate>,
    mut exit: MessageWriter<AppExit>,
) {
    for AdmittedCommand(command) in admitted.read() {
        if !matches!(command, GameCommand::QuitToTitle | GameCommand::QuitGame) {
            continue;
        }
        if let Some(client) = client.as_mut()
            && session.as_ref().is_some_and(|s| s.is_remote())
        {
            // The seat waits at the host: joining again with the same code takes it back.
            client.leave();
        }
        commands.remove_resource::<Session>();
        status.reset(0);
        if *command == GameCommand::QuitGame {
            exit.write(AppExit::Success);
        } else {
            navigate.write(Navigate::To(Screen::Title));
        }
    }
}
