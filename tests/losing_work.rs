//! The game keeps players' work through ordinary mishaps, headless: a new game after another starts clean, a failed
//! save shows and asks before anything is lost, a failed final save keeps the game in progress, every game keeps its
//! own save, a copy of a class table never writes over the table's record, and Continue and a damaged class record
//! are handled. Faults are injected with the storage layer's failing disk.
#![cfg(feature = "gui")]

use std::path::PathBuf;
use std::sync::Arc;
use tradetable::game::navigation::{Menu, Screen};

use bevy::prelude::*;
use tradetable::game::menus::pause::PauseAction;
use tradetable::game::panels::preview::Preview;
use tradetable::game::saves::{GameStorage, SaveBook, SaveKind};
use tradetable::game::screens::join::{JoinAction, JoinView};
use tradetable::game::screens::results::ResultsAction;
use tradetable::game::screens::saves::SavesAction;
use tradetable::game::screens::setup::SetupAction;
use tradetable::game::screens::table::{Drafts, TableAction};
use tradetable::game::screens::title::{TitleAction, TitleView};
use tradetable::game::session::SaveStatus;
use tradetable::game::session::{GameCommand, GameSetup, Mode, ScenarioSource, Session};
use tradetable::game::testing::{menu, minimal_app, options, press, screen, temp_dir};
use tradetable::storage::{Fault, FaultyDisk, Storage};
use tradetable_core::classroom::class::{ClassFile, ClassSeat};
use tradetable_core::{Move, PackageSpace, PerSide, Scenario, Side};

/// The game on a disk that fails when told to, with saves in a fresh folder.
fn app(name: &str) -> (App, PathBuf, Arc<FaultyDisk>) {
    let dir = temp_dir(name);
    let setup = GameSetup {
        mode: Mode::PlayUs,
        seed: 5,
        ..GameSetup::default()
    };
    let mut app = minimal_app(options(setup, dir.clone()));
    let disk = FaultyDisk::new();
    app.insert_resource(GameStorage(Storage::on(disk.clone())));
    app.update();
    (app, dir, disk)
}

fn session(app: &App) -> &Session {
    app.world().resource::<Session>()
}

fn status(app: &App) -> &SaveStatus {
    app.world().resource::<SaveStatus>()
}

fn book(dir: &std::path::Path) -> SaveBook {
    SaveBook::new(dir, Storage::real())
}

fn start(app: &mut App, source: ScenarioSource) {
    press(app, TitleAction::Pick(source));
    press(app, TitleAction::NewGame);
    assert_eq!(screen(app), Screen::Setup);
    press(app, SetupAction::Start);
    assert_eq!(screen(app), Screen::Table);
}

/// The US passes; the computer answers.
fn pass(app: &mut App) {
    press(
        app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::Pass,
        },
    );
}

fn in_progress(dir: &std::path::Path) -> Vec<PathBuf> {
    book(dir)
        .list()
        .into_iter()
        .filter(|e| e.kind == SaveKind::InProgress)
        .map(|e| e.path)
        .collect()
}

#[test]
fn a_new_game_after_the_tutorial_starts_clean_and_a_foreign_draft_is_refused() {
    let (mut app, _dir, _disk) = app("after-tutorial");
    start(&mut app, ScenarioSource::Shipped("tutorial".into()));
    // A proposal with the third option of the tutorial's widest issue: an index the other scenario may not have.
    let space = PackageSpace::of(&session(&app).scenario);
    let widest = (0..space.issues.len())
        .max_by_key(|&k| space.issues[k].options.len())
        .unwrap();
    let mut package = space.from_policy(&session(&app).state.policy);
    package.choice[widest] = (space.issues[widest].options.len() - 1) as u8;
    // And more issues than any scenario has, as a package kept from another game can.
    package.choice.extend([7; 40]);
    press(
        &mut app,
        TableAction::Draft {
            side: Side::Us,
            package: package.clone(),
        },
    );
    assert!(app.world().resource::<Drafts>().get(Side::Us).is_some());
    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::WalkAway,
        },
    );
    assert_eq!(screen(&app), Screen::Results);

    // Another game replaces this one directly (as "Play again" or a new game with the old one still loaded).
    app.world_mut().resource_mut::<GameSetup>().source = ScenarioSource::Builtin;
    press(&mut app, GameCommand::Start);
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(session(&app).scenario.id, Scenario::builtin().unwrap().id);
    assert!(
        app.world().resource::<Drafts>().get(Side::Us).is_none(),
        "the new game has no draft of the old one"
    );
    for _ in 0..5 {
        app.update();
    }

    // The core refuses the old game's package rather than read past the scenario's options.
    let scenario = session(&app).scenario.clone();
    let state = session(&app).state.clone();
    let valuer = tradetable_core::rules::score::Valuer::new(&scenario, &state);
    assert!(valuer.project_package(&package).is_err());
    assert!(tradetable_core::apply(&scenario, &state, &Move::Propose(package.clone())).is_err());
    let preview = Preview::compute(
        &scenario,
        &state,
        tradetable::game::session::Viewer::Side(Side::Us),
        Some(&package),
    );
    assert!(preview.draft.is_none(), "a draft that does not fit is not valued");
}

#[test]
fn a_failed_save_stays_on_screen_until_a_save_works_and_quitting_asks_first() {
    let (mut app, dir, disk) = app("failed-save");
    start(&mut app, ScenarioSource::Builtin);
    pass(&mut app);
    let file = session(&app).save_to.clone().expect("a game in progress saves itself");
    let saved = book(&dir).read(&file).unwrap();
    assert!(status(&app).failure.is_none());

    disk.set(Some(Fault::DiskFull));
    pass(&mut app);
    let why = status(&app)
        .failure
        .clone()
        .expect("the failure is kept for the banner");
    assert!(why.contains("disk is full"), "{why}");
    let banner = status(&app).banner(session(&app)).unwrap();
    assert!(banner.contains("Not saved"), "{banner}");
    assert_eq!(
        book(&dir).read(&file).unwrap(),
        saved,
        "the last good save is untouched"
    );

    // "Save and quit" does not quit: it asks, in the pause menu.
    press(&mut app, TableAction::Pause);
    press(&mut app, PauseAction::QuitToTitle);
    assert_eq!((screen(&app), menu(&app)), (Screen::Table, Menu::Pause));
    assert!(status(&app).pending.is_some());
    // Back to the game: nothing lost, still not saved.
    press(&mut app, PauseAction::KeepPlaying);
    assert_eq!((screen(&app), menu(&app)), (Screen::Table, Menu::None));
    assert!(status(&app).failure.is_some(), "the banner stays until a save works");

    // The disk has room again: "Try again" saves and the banner goes.
    disk.set(None);
    press(&mut app, GameCommand::SaveNow);
    assert!(status(&app).failure.is_none());
    assert_eq!(
        book(&dir).read(&file).unwrap().moves.len(),
        session(&app).state.moves.len()
    );

    // Failing again, the player can choose to lose the moves.
    disk.set(Some(Fault::ReadOnly));
    pass(&mut app);
    assert!(status(&app).failure.as_deref().is_some_and(|w| w.contains("read-only")));
    press(&mut app, TableAction::Pause);
    press(&mut app, PauseAction::QuitToTitle);
    assert_eq!(screen(&app), Screen::Table, "asked first");
    press(&mut app, PauseAction::Discard);
    assert_eq!((screen(&app), menu(&app)), (Screen::Title, Menu::None));
    assert!(status(&app).failure.is_none());
    disk.set(None);
    assert!(
        book(&dir).read(&file).is_ok(),
        "the earlier save is still there to continue"
    );
}

#[test]
fn finishing_on_a_failing_disk_keeps_the_game_in_progress() {
    let (mut app, dir, disk) = app("failed-finish");
    start(&mut app, ScenarioSource::Builtin);
    pass(&mut app);
    let file = session(&app).save_to.clone().unwrap();
    let before = std::fs::read(&file).unwrap();
    disk.set(Some(Fault::InterruptedRename));
    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::WalkAway,
        },
    );
    assert_eq!(screen(&app), Screen::Results);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the game in progress is still on disk"
    );
    assert!(
        status(&app)
            .banner(session(&app))
            .is_some_and(|b| b.contains("finished game is not saved"))
    );
    assert!(
        book(&dir).list().iter().all(|e| e.kind != SaveKind::Finished),
        "no finished record was written"
    );
    // Leaving the results asks first.
    press(&mut app, ResultsAction::Title);
    assert_eq!(screen(&app), Screen::Results);
    assert_eq!(menu(&app), Menu::Pause);
    press(&mut app, PauseAction::KeepPlaying);

    disk.set(None);
    press(&mut app, GameCommand::SaveNow);
    assert!(status(&app).failure.is_none());
    let entries = book(&dir).list();
    let finished: Vec<_> = entries.iter().filter(|e| e.kind == SaveKind::Finished).collect();
    assert_eq!(finished.len(), 1, "the finished game is kept");
    assert_eq!(
        finished[0].record.as_ref().unwrap().moves.len(),
        session(&app).state.moves.len()
    );
    assert!(
        !file.exists(),
        "its file in progress goes once the finished record is on disk"
    );
    press(&mut app, ResultsAction::Title);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn every_unfinished_game_keeps_its_own_save() {
    let (mut app, dir, _disk) = app("two-games");
    start(&mut app, ScenarioSource::Builtin);
    pass(&mut app);
    let first = session(&app).state.clone();
    press(&mut app, GameCommand::QuitToTitle);
    start(&mut app, ScenarioSource::Shipped("tutorial".into()));
    pass(&mut app);
    press(&mut app, GameCommand::QuitToTitle);
    let files = in_progress(&dir);
    assert_eq!(files.len(), 2, "two games in progress, two saves: {files:?}");
    assert!(
        app.world().resource::<TitleView>().save.is_some(),
        "Continue is offered"
    );
    // Continue takes the newest; the other is in the load dialog.
    press(&mut app, TitleAction::Continue);
    assert_eq!(session(&app).scenario.id, "tutorial");
    press(&mut app, GameCommand::QuitToTitle);
    let spring = files
        .iter()
        .find(|path| book(&dir).read(path).unwrap().scenario.id != "tutorial")
        .unwrap()
        .clone();
    press(&mut app, TitleAction::Load);
    press(&mut app, SavesAction::PlayOn(spring.clone()));
    assert_eq!(session(&app).state, first, "the first game is as it was left");
    assert_eq!(
        session(&app).save_to.as_ref(),
        Some(&spring),
        "and goes on in its own file"
    );

    // Deleting a save asks, then removes only that file.
    press(&mut app, GameCommand::QuitToTitle);
    press(&mut app, TitleAction::Load);
    press(&mut app, SavesAction::AskDelete(spring.clone()));
    assert!(spring.exists(), "asking deletes nothing");
    press(&mut app, SavesAction::Delete(spring.clone()));
    assert!(!spring.exists());
    assert_eq!(in_progress(&dir).len(), 1);
}

fn class_code() -> String {
    let scenario = Scenario::builtin().unwrap();
    let class = ClassFile::new(
        &scenario,
        2,
        77,
        PerSide::new(
            ClassSeat::People,
            ClassSeat::Computer(tradetable_core::ai::Difficulty::Normal),
        ),
        &[],
        String::new(),
    )
    .unwrap();
    class.tables[0].code.clone()
}

fn join(app: &mut App, code: &str) {
    press(app, TitleAction::Join);
    press(app, JoinAction::Type(code.to_string()));
    press(app, JoinAction::SitDown);
}

#[test]
fn a_copy_of_a_class_table_never_writes_over_the_tables_record_and_continue_finds_the_table() {
    let code = class_code();
    let (mut app, dir, _disk) = app("class-copy");
    join(&mut app, &code);
    assert_eq!(screen(&app), Screen::Table);
    pass(&mut app);
    let record_file = book(&dir).class_path(&code);
    assert_eq!(session(&app).save_to.as_ref(), Some(&record_file));
    press(&mut app, TableAction::Pause);
    press(&mut app, PauseAction::Name("my copy".into()));
    press(&mut app, PauseAction::SaveAs);
    press(&mut app, PauseAction::QuitToTitle);

    // Continue picks up the class table (it is the game in progress).
    assert!(
        app.world().resource::<TitleView>().save.is_some(),
        "Continue is not greyed out"
    );
    press(&mut app, TitleAction::Continue);
    assert_eq!(session(&app).table.as_deref(), Some(code.as_str()));
    press(&mut app, GameCommand::QuitToTitle);
    // The table's record as its own game left it. Read here, not before Continue: quitting the table's game may save
    // it again, and the record's `saved_at` then moves on by a second whenever the clock ticks over in between (a
    // slow machine made this test fail now and then).
    let table_record = std::fs::read(&record_file).unwrap();

    // Playing on from the copy is a branch: the table's record stays as it was.
    let copy = book(&dir).named_path("my copy");
    press(&mut app, TitleAction::Load);
    press(&mut app, SavesAction::PlayOn(copy.clone()));
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(session(&app).table, None, "a copy is no longer the table's game");
    assert_ne!(session(&app).save_to.as_ref(), Some(&record_file));
    assert_ne!(
        session(&app).save_to.as_ref(),
        Some(&copy),
        "nor does it write over the copy"
    );
    pass(&mut app);
    pass(&mut app);
    press(&mut app, GameCommand::QuitToTitle);
    assert_eq!(
        std::fs::read(&record_file).unwrap(),
        table_record,
        "the table's record is untouched"
    );
}

#[test]
fn a_damaged_class_record_offers_a_fresh_start_and_keeps_the_file() {
    let code = class_code();
    let (mut app, dir, _disk) = app("class-damaged");
    let record_file = book(&dir).class_path(&code);
    std::fs::create_dir_all(record_file.parent().unwrap()).unwrap();
    std::fs::write(
        &record_file,
        b"{\"format\": \"tradetable-record\", \"version\": 2, \"scen",
    )
    .unwrap();
    join(&mut app, &code);
    assert_eq!(
        screen(&app),
        Screen::Join,
        "the table is not opened on a damaged record"
    );
    let damaged = app
        .world()
        .resource::<JoinView>()
        .damaged
        .clone()
        .expect("the screen says so");
    assert!(
        damaged.reason.contains("cut short") || damaged.reason.contains("ends too soon"),
        "{}",
        damaged.reason
    );
    press(&mut app, JoinAction::StartAfresh);
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(session(&app).table.as_deref(), Some(code.as_str()));
    assert!(session(&app).state.moves.is_empty(), "the table starts again");
    let aside = record_file.with_file_name(format!("{code}.damaged.json"));
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        b"{\"format\": \"tradetable-record\", \"version\": 2, \"scen",
        "the damaged file is kept aside"
    );
    pass(&mut app);
    assert!(
        book(&dir).read(&record_file).is_ok(),
        "the fresh game saves under the code"
    );
    assert!(
        book(&dir).list().iter().all(|e| e.path != aside),
        "the file set aside is not listed as a game"
    );
}
