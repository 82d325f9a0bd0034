//! The commands players give the session (start, continue, open, replay, join, save, quit…). Each feature runs the commands of its own family, in `SessionStep::Commands`, after the gate of
//! `keeping` has admitted them: the setup screen starts games, the load dialog continues and opens saves, the replay
//! viewer replays and branches, the join screen sits at class tables, hot reload reloads, the pause menu saves
//! under a name, and the session itself quits. A feature that puts a game on the table does it with `opening::GameOpener`.

use std::path::PathBuf;

use bevy::prelude::*;

use tradetable_core::classroom::record::GameRecord;

/// The commands, and the title's notices.
pub fn plugin(app: &mut App) {
    app.add_message::<GameCommand>()
        .add_message::<AdmittedCommand>()
        .add_message::<GameOpened>()
        .init_resource::<TitleNotice>();
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
