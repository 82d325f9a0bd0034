//! Putting a game on the table — with its AI seats, a fresh watch clock and save status, on its first screen — or
//! sending the player to the title with why it could not be opened; the first game of the launch options; and
//! quitting.

use std::path::PathBuf;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::commands::{AdmittedCommand, GameCommand, GameOpened, NoticeKind, TitleNotice};
use super::error::OpenError;
use super::game::{Session, first_screen};
use super::keeping::{Keeping, SaveStatus};
use super::setup::GameSetup;
use super::turns::{Agents, WatchClock};
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Navigate, Screen, SessionStep};
use crate::game::saves::SaveBook;
use crate::net::class_client::TableClient;

/// The first game of the launch options, and quitting.
pub fn plugin(app: &mut App) {
    app.add_systems(Startup, start_from_launch_options)
        .add_systems(Update, leave_the_game.in_set(SessionStep::Commands));
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
    pub fn open(&mut self, opened: Result<Session, OpenError>) {
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
    pub fn fail(&mut self, error: OpenError) {
        warn!("{error}");
        self.notice.0 = Some(error.to_string());
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
