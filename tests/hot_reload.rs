//! Hot reload, headless: an edited scenario file updates the title and the setup screen; a broken edit shows its
//! located error and the game goes on; at the table "Reload" restarts on the new file with the moves so far.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use tradetable::game::hot_reload::ScenarioEdit;
use tradetable::game::navigation::Screen;
use tradetable::game::screens::table::TableAction;
use tradetable::game::screens::title::TitleView;
use tradetable::game::session::{GameCommand, GameSetup, Mode, ScenarioPreview, ScenarioSource, Session};
use tradetable::game::testing::{minimal_app, options, temp_dir};
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::{Move, Side};

const TITLE: &str = "title: \"Spring 2025: tariffs on the table\"";

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// Runs frames until `done` holds, for at most ten seconds (file events arrive from the operating system).
fn until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let started = Instant::now();
    while !done(app) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn edits_reach_the_title_the_setup_and_the_table_and_broken_edits_do_not_stop_the_game() {
    let dir = temp_dir("hot-reload");
    let folder = dir.join("scenarios");
    std::fs::create_dir_all(&folder).unwrap();
    let file: PathBuf = folder.join("mine.ron");
    let text = DEFAULT_SCENARIO.replacen("id: \"spring-2025\"", "id: \"mine\"", 1);
    write(&file, &text);
    let mut launch = options(
        GameSetup {
            source: ScenarioSource::File(file.clone()),
            mode: Mode::PlayUs,
            seed: 4,
            ..GameSetup::default()
        },
        dir.join("data"),
    );
    launch.scenario_dirs = vec![folder.clone()];
    let mut app = minimal_app(launch);
    app.update();
    assert!(
        app.world()
            .resource::<TitleView>()
            .scenarios
            .contains(&ScenarioSource::File(file.clone()))
    );

    // A new file in the folder appears on the title.
    let other = folder.join("other.ron");
    write(&other, &text.replacen("id: \"mine\"", "id: \"other\"", 1));
    until(&mut app, "the title to list the new file", |app| {
        app.world()
            .resource::<TitleView>()
            .scenarios
            .contains(&ScenarioSource::File(other.clone()))
    });

    app.world_mut().write_message(GameCommand::OpenSetup);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Setup);

    write(&file, &text.replacen(TITLE, "title: \"Edited while open\"", 1));
    until(&mut app, "the setup to show the edit", |app| {
        app.world().resource::<ScenarioPreview>().scenario.title == "Edited while open"
    });

    write(&file, &text.replacen("rounds: 8", "rounds: -8", 1));
    until(&mut app, "the setup to show the broken edit's error", |app| {
        app.world().resource::<ScenarioPreview>().edit_error.is_some()
    });
    let error = app.world().resource::<ScenarioPreview>().edit_error.clone().unwrap();
    assert!(error.contains("mine.ron"), "the error names the file: {error}");
    assert_eq!(screen(&app), Screen::Setup, "the game goes on");
    assert_eq!(
        app.world().resource::<ScenarioPreview>().scenario.title,
        "Edited while open"
    );

    write(&file, &text);
    until(&mut app, "the fixed file to load", |app| {
        app.world().resource::<ScenarioPreview>().edit_error.is_none()
    });
    app.world_mut().write_message(GameCommand::Start);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Table);
    app.world_mut().write_message(tradetable::game::session::PlayerMove {
        side: Side::Us,
        mv: Move::Pass,
    });
    app.update();
    app.update();
    let moves = app.world().resource::<Session>().state.moves.len();
    assert!(moves >= 2, "the US passed and the computer answered");

    write(&file, &text.replacen(TITLE, "title: \"Edited at the table\"", 1));
    until(&mut app, "the table to offer a reload", |app| {
        app.world().resource::<ScenarioEdit>().pending() == Some(&Ok(()))
    });
    app.world_mut().write_message(TableAction::Reload);
    app.update();
    app.update();
    app.update();
    let session = app.world().resource::<Session>();
    assert_eq!(session.scenario.title, "Edited at the table");
    assert_eq!(session.state.moves.len(), moves, "the moves so far are replayed");
    assert_eq!(session.state.seed, 4);
    app.update();
    assert_eq!(
        app.world().resource::<ScenarioEdit>().pending(),
        None,
        "nothing left to reload"
    );

    write(&file, "not ron at all (");
    until(&mut app, "the table to show the broken edit", |app| {
        matches!(app.world().resource::<ScenarioEdit>().pending(), Some(Err(_)))
    });
    assert_eq!(screen(&app), Screen::Table, "the game goes on with the version loaded");
    assert_eq!(app.world().resource::<Session>().scenario.title, "Edited at the table");
}
