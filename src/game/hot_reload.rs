//! Hot reload for scenario authors: the game watches the scenario folders (with the `notify` crate). An edited file
//! updates the title's list and the setup screen at once; at the table, "Reload" restarts the game on the new file
//! with the same seed and replays the moves so far where they are still legal; a broken edit shows its located error
//! and the game goes on with the version it loaded.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use notify::{EventKind, RecursiveMode, Watcher};

use super::launch::LaunchOptions;
use super::navigation::{Flow, SessionStep};
use super::redraw::Waker;
use super::session::{AdmittedCommand, GameCommand, GameOpener, GameSetup, ScenarioPreview, ScenarioSource, Session};

/// The folder watcher and what it has seen (none if watching failed: the game goes on without hot reload).
#[derive(Resource)]
pub struct ScenarioWatcher {
    _watcher: Option<notify::RecommendedWatcher>,
    events: Mutex<Receiver<notify::Result<notify::Event>>>,
}

/// A scenario file was created, changed or removed.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ScenarioFileChanged(pub PathBuf);

/// What an edit did to the scenario being played: a newer version is ready to reload, or the edit broke the file.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct ScenarioEdit(pub Option<Result<(), String>>, String);

impl ScenarioEdit {
    /// Whether an edit is waiting: `Some(Ok)` a newer version to reload, `Some(Err)` a broken edit.
    pub fn pending(&self) -> Option<&Result<(), String>> {
        self.0.as_ref()
    }
}

/// Hot reload.
pub fn plugin(app: &mut App) {
    app.add_message::<ScenarioFileChanged>()
        .init_resource::<ScenarioEdit>()
        .add_systems(Startup, start_watching)
        .add_systems(
            Update,
            (report_changes, refresh_setup, notice_at_table)
                .chain()
                .before(Flow::Actions),
        )
        .add_systems(Update, reload_the_game.in_set(SessionStep::Commands));
}

/// The folders and file to watch: the scenario folders that exist, and the folder of the scenario file chosen.
fn watched(options: &LaunchOptions) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = options.scenario_dirs.iter().filter(|d| d.is_dir()).cloned().collect();
    if let ScenarioSource::File(file) = &options.setup.source
        && let Some(parent) = file.parent()
    {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if parent.is_dir() && !folders.iter().any(|f| f == parent) {
            folders.push(parent.to_path_buf());
        }
    }
    folders
}

fn start_watching(options: Res<LaunchOptions>, waker: Option<Res<Waker>>, mut commands: Commands) {
    let (sender, events) = channel();
    // The window sleeps while idle: the watcher's thread wakes it, so an edit shows without waiting for input.
    let waker = waker.map(|waker| waker.clone());
    let handler = move |event: notify::Result<notify::Event>| {
        // The receiver goes only with the game.
        let _ = sender.send(event);
        if let Some(waker) = &waker {
            waker.wake();
        }
    };
    let watcher = notify::recommended_watcher(handler).and_then(|mut watcher| {
        for folder in watched(&options) {
            watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        }
        Ok(watcher)
    });
    let watcher = match watcher {
        Ok(watcher) => Some(watcher),
        Err(error) => {
            warn!("scenario files are not watched (edits need a restart): {error}");
            None
        }
    };
    commands.insert_resource(ScenarioWatcher {
        _watcher: watcher,
        events: Mutex::new(events),
    });
}

/// Turns the watcher's events into one message per changed scenario file.
fn report_changes(watcher: Option<Res<ScenarioWatcher>>, mut changed: MessageWriter<ScenarioFileChanged>) {
    let Some(watcher) = watcher else {
        return;
    };
    let Ok(events) = watcher.events.lock() else {
        return;
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    while let Ok(event) = events.try_recv() {
        let Ok(event) = event else {
            continue;
        };
        if !matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        ) {
            continue;
        }
        for path in event.paths {
            if path.extension().is_some_and(|ext| ext == "ron") && !paths.contains(&path) {
                paths.push(path);
            }
        }
    }
    for path in paths {
        changed.write(ScenarioFileChanged(path));
    }
}

/// Whether a change to `changed` concerns `source`.
fn concerns(source: &ScenarioSource, changed: &Path) -> bool {
    match source {
        ScenarioSource::File(file) => same_file(file, changed),
        _ => false,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.file_name() == b.file_name() && a.ends_with(b.file_name().unwrap_or_default()),
    }
}

/// The setup screen shows the edited scenario at once, or the edit's located error over the last good version.
fn refresh_setup(
    mut changed: MessageReader<ScenarioFileChanged>,
    preview: Option<ResMut<ScenarioPreview>>,
    mut title: ResMut<crate::game::screens::title::TitleView>,
    options: Res<LaunchOptions>,
    setup: Res<GameSetup>,
) {
    let changes: Vec<PathBuf> = changed.read().map(|c| c.0.clone()).collect();
    if changes.is_empty() {
        return;
    }
    crate::game::screens::title::refresh_scenarios(&mut title, &options, &setup);
    if let Some(mut preview) = preview
        && changes.iter().any(|path| concerns(&preview.source, path))
    {
        match preview.source.load() {
            Ok(scenario) => {
                preview.scenario = std::sync::Arc::new(scenario);
                preview.edit_error = None;
            }
            Err(error) => preview.edit_error = Some(error.to_string()),
        }
    }
}

/// At the table, an edit of the scenario being played is offered for reload, or its error shown.
fn notice_at_table(
    mut changed: MessageReader<ScenarioFileChanged>,
    session: Option<Res<Session>>,
    mut edit: ResMut<ScenarioEdit>,
) {
    let Some(session) = session else {
        changed.clear();
        return;
    };
    // A new game, or the same game reloaded on another version: what was pending concerned the old one.
    if edit.1 != session.scenario.text_hash {
        edit.0 = None;
        edit.1 = session.scenario.text_hash.clone();
    }
    if !changed.read().any(|c| concerns(&session.setup.source, &c.0)) {
        return;
    }
    edit.0 = match session.setup.source.load() {
        Ok(scenario) if scenario.text_hash == session.scenario.text_hash => None,
        Ok(_) => Some(Ok(())),
        Err(error) => Some(Err(error.to_string())),
    };
}

/// Restarts the game on the edited scenario file, with the same seed, replaying the moves so far where they are
/// still legal. A networked table's scenario is the host's: it is not reloaded.
fn reload_the_game(
    mut admitted: MessageReader<AdmittedCommand>,
    session: Option<Res<Session>>,
    mut opener: GameOpener,
) {
    for AdmittedCommand(command) in admitted.read() {
        if *command != GameCommand::Reload {
            continue;
        }
        let Some(session) = session.as_deref().filter(|session| !session.is_remote()) else {
            continue;
        };
        let book = opener.book();
        opener.open(session.setup.source.load().map(|scenario| {
            let start = tradetable_core::ai::play::fresh_like(&scenario, &session.state);
            let state = tradetable_core::ai::play::replay(&scenario, start, &session.state.moves);
            // The edited scenario is another version: a class table's code no longer fits it, so the game goes on in
            // a file of its own rather than over the table's record.
            let file = match (&session.table, &session.save_to) {
                (None, Some(file)) => file.clone(),
                _ => book.new_game_file(&crate::clock::now(), &scenario.id),
            };
            Session::resume(Arc::new(scenario), session.setup.clone(), state, None).saving_to(file)
        }));
    }
}
