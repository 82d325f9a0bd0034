//! Keeping the game on disk: where games are saved, whether the last save worked, and the gate before every
//! command — one that would take a game with unsaved moves off the table waits for the player's word in the pause
//! menu ("Try again", "Discard", "Keep playing").

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::commands::{AdmittedCommand, GameCommand};
use super::game::Session;
use crate::game::i18n::t;
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Menu, Navigate, SessionStep};
use crate::game::saves::{GameStorage, SaveBook};
use crate::storage::StorageError;

/// The save status and the gate of commands.
pub fn plugin(app: &mut App) {
    app.init_resource::<SaveStatus>()
        .add_systems(Update, admit_game_commands.in_set(SessionStep::Admit));
}

/// What became of the game's last save.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveStatus {
    /// Why the last save failed, while no save has succeeded since.
    pub failure: Option<String>,
    /// How many of the game's moves are on disk.
    pub saved_moves: usize,
    /// A command that would drop the game while its last moves are not on disk, waiting for the player to say
    /// whether to go on and lose them.
    pub pending: Option<GameCommand>,
}

impl SaveStatus {
    /// A save of a game with `moves` moves succeeded.
    pub fn saved(&mut self, moves: usize) {
        self.failure = None;
        self.saved_moves = moves;
    }

    /// A save failed, for `why`.
    pub fn failed(&mut self, why: String) {
        self.failure = Some(why);
    }

    /// A new game is on the table: nothing failed yet; its first `moves` moves are on disk where it came from.
    pub fn reset(&mut self, moves: usize) {
        *self = SaveStatus {
            saved_moves: moves,
            ..SaveStatus::default()
        };
    }

    /// How many of `session`'s moves would be lost if it were dropped now (0 when its last save succeeded).
    pub fn unsaved_moves(&self, session: &Session) -> usize {
        if self.failure.is_none() {
            0
        } else {
            session.state.moves.len().saturating_sub(self.saved_moves).max(1)
        }
    }

    /// The banner's sentence, while a save is failing.
    pub fn banner(&self, session: &Session) -> Option<String> {
        let why = self.failure.as_ref()?;
        let moves = self.unsaved_moves(session);
        let what = if session.state.is_over() {
            t!("menus-banner-finished-not-saved")
        } else {
            t!("menus-banner-moves-not-saved", count = moves)
        };
        Some(t!("menus-banner", what = what, why = why.as_str()))
    }
}

/// Where games are saved, and whether the last save worked.
#[derive(SystemParam)]
pub struct Keeping<'w> {
    /// How the game was started: its data directory, and whether it autoplays.
    pub options: Res<'w, LaunchOptions>,
    storage: Res<'w, GameStorage>,
    /// Whether the last save worked.
    pub status: ResMut<'w, SaveStatus>,
}

impl Keeping<'_> {
    /// The saves of this game's data directory.
    pub fn book(&self) -> SaveBook {
        SaveBook::new(&self.options.data_dir, self.storage.0.clone())
    }

    /// Keeps `session` on disk (nothing in autoplay), updating the status.
    pub fn keep(&mut self, session: &mut Session) -> Result<(), StorageError> {
        if self.options.autoplay {
            return Ok(());
        }
        let book = self.book();
        Keeping::keep_in(&book, session, &mut self.status)
    }

    /// Keeps the game on disk where it saves itself: a game in progress in its own file, a finished game as
    /// finished (after which there is nothing more to save). Updates `status`, which the banner and the pause menu
    /// show; on failure the file on disk is as it was.
    fn keep_in(book: &SaveBook, session: &mut Session, status: &mut SaveStatus) -> Result<(), StorageError> {
        let Some(save_to) = session.save_to.clone() else {
            return Ok(());
        };
        if session.is_remote() {
            return Ok(());
        }
        let record = session.to_record(&session.record_label());
        let result = if session.state.is_over() {
            book.finish(&save_to, &record).map(|_kept| session.save_to = None)
        } else {
            book.write(&save_to, &record)
        };
        match result {
            Ok(()) => {
                status.saved(session.state.moves.len());
                Ok(())
            }
            Err(error) => {
                warn!("{error}");
                status.failed(error.to_string());
                Err(error)
            }
        }
    }
}

/// Admits the commands asked for this frame, in order. A command that would take the game off the table while its
/// last moves are not on disk (or quit, whose save fails) waits in the save status for the player's word, shown in
/// the pause menu; "Discard" lets it go on, losing the moves, and "Keep playing" forgets it. "Try again" saves now.
fn admit_game_commands(
    mut asked: MessageReader<GameCommand>,
    mut session: Option<ResMut<Session>>,
    mut keeping: Keeping,
    mut admitted: MessageWriter<AdmittedCommand>,
    mut navigate: MessageWriter<Navigate>,
) {
    let mut queue: std::collections::VecDeque<GameCommand> = asked.read().cloned().collect();
    // Set when the player chose to go on without the moves that could not be saved.
    let mut losing_accepted = false;
    while let Some(command) = queue.pop_front() {
        match command {
            GameCommand::SaveNow => {
                if let Some(session) = session.as_mut() {
                    let _ = keeping.keep(session);
                }
            }
            GameCommand::Discard => {
                if let Some(pending) = keeping.status.pending.take() {
                    losing_accepted = true;
                    keeping.status.failure = None;
                    queue.push_front(pending);
                }
                navigate.write(Navigate::Overlay(Menu::None));
            }
            GameCommand::KeepPlaying => {
                keeping.status.pending = None;
                navigate.write(Navigate::Overlay(Menu::None));
            }
            command => {
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
                admitted.write(AdmittedCommand(command));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::game::i18n::{Language, with_language};
    use crate::game::session::GameSetup;
    use tradetable_core::Scenario;

    #[test]
    fn the_banner_says_how_many_moves_are_only_in_the_window_in_each_language() {
        let session = Session::new(
            Arc::new(Scenario::builtin().expect("the built-in scenario")),
            GameSetup::default(),
        );
        let mut status = SaveStatus::default();
        assert_eq!(status.banner(&session), None, "nothing failed");
        status.failed("the disk is full".to_string());
        let english = with_language(Language::English, || status.banner(&session));
        assert_eq!(
            english.as_deref(),
            Some(
                "Not saved: the last 1 move are only in this window. the disk is full. Free some space or fix the \
                 folder, then try again."
            )
        );
        let japanese = with_language(Language::Japanese, || status.banner(&session)).unwrap_or_default();
        assert!(japanese.starts_with("保存されていません：直前の1手"), "{japanese}");
    }
}
