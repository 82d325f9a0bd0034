//! The effect of every button and key of every screen and menu, headless: the draw systems only write actions, so
//! a test writes the same action and checks what it did — the screen or overlay reached, the session, the setup,
//! the settings, the save, the watch clock — without a window.
#![cfg(feature = "gui")]

use std::path::PathBuf;

use bevy::prelude::*;
use tradetable::game::menus::pause::PauseAction;
use tradetable::game::menus::settings::SettingsAction;
use tradetable::game::navigation::{AboutReturn, Menu, Screen};
use tradetable::game::saves::SaveBook;
use tradetable::game::screens::about::AboutAction;
use tradetable::game::screens::handover::HandoverAction;
use tradetable::game::screens::results::ResultsAction;
use tradetable::game::screens::setup::SetupAction;
use tradetable::game::screens::table::{Advice, Drafts, TableAction};
use tradetable::game::screens::title::TitleAction;
use tradetable::game::session::{GameSetup, Mode, ScenarioSource, Session, TitleNotice, WatchClock};
use tradetable::game::settings::Settings;
use tradetable::game::testing::{menu, minimal_app, options, press, screen, temp_dir};
use tradetable::storage::Storage;
use tradetable_core::ai::Opponent;
use tradetable_core::{Move, PackageSpace, PerSide, Side};

fn app(mode: Mode, name: &str) -> (App, PathBuf) {
    let dir = temp_dir(name);
    let setup = GameSetup {
        mode,
        seed: 5,
        ..GameSetup::default()
    };
    let mut app = minimal_app(options(setup, dir.clone()));
    app.update();
    (app, dir)
}

fn at_the_table(mode: Mode, name: &str) -> (App, PathBuf) {
    let (mut app, dir) = app(mode, name);
    press(&mut app, TitleAction::NewGame);
    assert_eq!(screen(&app), Screen::Setup);
    press(&mut app, SetupAction::Start);
    (app, dir)
}

#[test]
fn title_buttons() {
    let (mut app, _dir) = app(Mode::PlayUs, "title-buttons");
    assert_eq!(screen(&app), Screen::Title);

    let file = ScenarioSource::File(PathBuf::from("scenarios/spring-2025.ron"));
    press(&mut app, TitleAction::Pick(file.clone()));
    assert_eq!(app.world().resource::<GameSetup>().source, file);

    press(&mut app, TitleAction::Settings);
    assert_eq!(menu(&app), Menu::Settings);
    press(&mut app, SettingsAction::Close);
    assert_eq!(
        menu(&app),
        Menu::None,
        "closing settings on the title leaves no overlay"
    );

    press(&mut app, TitleAction::About);
    assert_eq!(screen(&app), Screen::About);
    assert_eq!(app.world().resource::<AboutReturn>().0, Screen::Title);
    press(&mut app, AboutAction::Back);
    assert_eq!(screen(&app), Screen::Title);

    press(&mut app, TitleAction::Continue);
    assert_eq!(screen(&app), Screen::Title, "nothing saved: nothing to continue");
    assert!(app.world().resource::<TitleNotice>().0.is_some(), "the title says why");
    press(&mut app, TitleAction::Dismiss);
    assert!(app.world().resource::<TitleNotice>().0.is_none());

    press(&mut app, TitleAction::JoinNetwork);
    assert_eq!(screen(&app), Screen::JoinNetwork);
    press(&mut app, tradetable::game::screens::join_network::NetJoinAction::Back);
    assert_eq!(screen(&app), Screen::Title);

    press(&mut app, TitleAction::NewGame);
    assert_eq!(screen(&app), Screen::Setup);

    press(&mut app, TitleAction::Quit);
    assert_eq!(app.should_exit(), Some(AppExit::Success));
}

#[test]
fn setup_buttons() {
    let (mut app, _dir) = app(Mode::PlayUs, "setup-buttons");
    press(&mut app, TitleAction::NewGame);
    let mut edited = app.world().resource::<GameSetup>().clone();
    edited.mode = Mode::PlayPartner;
    edited.seed = 77;
    press(&mut app, SetupAction::Edit(edited.clone()));
    assert_eq!(*app.world().resource::<GameSetup>(), edited);

    press(&mut app, SetupAction::Back);
    assert_eq!(screen(&app), Screen::Title);

    press(&mut app, TitleAction::NewGame);
    press(&mut app, SetupAction::Start);
    assert_eq!(screen(&app), Screen::Table);
    let session = app.world().resource::<Session>();
    assert_eq!((session.setup.mode, session.setup.seed), (Mode::PlayPartner, 77));
}

#[test]
fn a_personality_for_the_wrong_side_is_refused_not_replaced() {
    let (mut app, _dir) = app(Mode::PlayUs, "setup-refusal");
    press(&mut app, TitleAction::NewGame);
    let mut edited = app.world().resource::<GameSetup>().clone();
    // The AI plays Japan; deficit_hawk is a US personality.
    edited.ai[Side::Partner] = Opponent::Personality("deficit_hawk".to_string());
    press(&mut app, SetupAction::Edit(edited));
    press(&mut app, SetupAction::Start);
    assert!(app.world().get_resource::<Session>().is_none(), "no game started");
    assert_eq!(screen(&app), Screen::Title);
    let notice = app.world().resource::<TitleNotice>().0.clone().unwrap_or_default();
    assert!(
        notice.contains("deficit_hawk") && notice.contains("plays the US side"),
        "{notice}"
    );
}

#[test]
fn table_buttons() {
    let (mut app, dir) = at_the_table(Mode::PlayUs, "table-buttons");
    assert_eq!(screen(&app), Screen::Table);
    let space = PackageSpace::of(&app.world().resource::<Session>().scenario);

    let draft = space.best_for(Side::Us);
    press(
        &mut app,
        TableAction::Draft {
            side: Side::Us,
            package: draft.clone(),
        },
    );
    assert_eq!(app.world().resource::<Drafts>().get(Side::Us), Some(&draft));

    press(&mut app, TableAction::AskAdviser(Side::Us));
    let advice = app.world().get_resource::<Advice>().expect("the adviser answers");
    assert_eq!(advice.side, Side::Us);

    let instrument = app.world().resource::<Session>().scenario.us_instruments[0].id.clone();
    let rate = *app.world().resource::<Session>().scenario.us_instruments[0]
        .options
        .last()
        .unwrap();
    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::SetTariff { instrument, rate },
        },
    );
    assert_eq!(app.world().resource::<Session>().state.policy.us_rates[0], rate);

    press(&mut app, TableAction::Pause);
    assert_eq!(menu(&app), Menu::Pause);
    press(&mut app, PauseAction::Settings);
    assert_eq!(menu(&app), Menu::Settings);
    press(&mut app, SettingsAction::Close);
    assert_eq!(
        menu(&app),
        Menu::Pause,
        "settings close back to the pause menu at the table"
    );
    press(&mut app, PauseAction::Resume);
    assert_eq!(menu(&app), Menu::None);

    press(&mut app, TableAction::Pause);
    press(&mut app, PauseAction::QuitToTitle);
    assert_eq!((screen(&app), menu(&app)), (Screen::Title, Menu::None));
    let save = SaveBook::new(&dir, Storage::real())
        .latest_in_progress()
        .and_then(|entry| entry.record.ok())
        .expect("quitting to the title saves the game");
    let scenario = tradetable_core::Scenario::builtin().unwrap();
    assert_eq!(save.replay(&scenario).unwrap().policy.us_rates[0], rate);
}

#[test]
fn settings_are_changed_and_kept() {
    let (mut app, dir) = app(Mode::PlayUs, "settings-buttons");
    let mut settings = app.world().resource::<Settings>().clone();
    settings.ui_scale = *Settings::SCALES.last().unwrap();
    press(&mut app, SettingsAction::Change(settings.clone()));
    assert_eq!(*app.world().resource::<Settings>(), settings);
    assert_eq!(Settings::load(&Storage::real(), &dir), settings, "kept for next time");
}

#[test]
fn watch_controls() {
    let (mut app, _dir) = at_the_table(Mode::Watch, "watch-buttons");
    let playing = app.world().resource::<WatchClock>().playing;
    press(&mut app, TableAction::PlayPause);
    assert_eq!(app.world().resource::<WatchClock>().playing, !playing);
    press(&mut app, TableAction::Speed(4.0));
    assert_eq!(app.world().resource::<WatchClock>().moves_per_second, 4.0);
    let moves_before = app.world().resource::<Session>().state.moves.len();
    press(&mut app, TableAction::Step);
    assert!(!app.world().resource::<WatchClock>().playing, "a step pauses the game");
    assert!(
        app.world().resource::<Session>().state.moves.len() > moves_before,
        "a step plays a move"
    );
}

#[test]
fn handover_buttons() {
    let (mut app, _dir) = at_the_table(Mode::Hotseat, "handover-buttons");
    assert_eq!(screen(&app), Screen::Handover);
    press(&mut app, HandoverAction::Pause);
    assert_eq!(menu(&app), Menu::Pause);
    press(&mut app, PauseAction::Resume);
    press(&mut app, HandoverAction::Continue);
    assert_eq!(screen(&app), Screen::Table);
}

#[test]
fn results_buttons() {
    let (mut app, _dir) = at_the_table(Mode::PlayUs, "results-buttons");
    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::WalkAway,
        },
    );
    assert_eq!(screen(&app), Screen::Results);

    press(&mut app, ResultsAction::About);
    assert_eq!(screen(&app), Screen::About);
    press(&mut app, AboutAction::Back);
    assert_eq!(screen(&app), Screen::Results, "About goes back to where it was opened");

    press(&mut app, ResultsAction::PlayAgain);
    assert_eq!(screen(&app), Screen::Table);
    assert!(!app.world().resource::<Session>().state.is_over(), "a new game");

    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::WalkAway,
        },
    );
    press(&mut app, ResultsAction::Title);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn only_navigation_changes_the_screen_or_the_overlay() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/game");
    let mut stack = vec![root];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("navigation.rs") {
                files += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    !text.contains("NextState<"),
                    "{} changes the screen or overlay itself instead of writing a Navigate",
                    path.display()
                );
            }
        }
    }
    assert!(files > 10, "found the game's sources");
}

#[test]
fn saved_games_are_listed_replayed_branched_and_played_on() {
    use tradetable::game::screens::replay::{ReplayAction, ReplayView};
    use tradetable::game::screens::saves::{SavesAction, SavesView};
    let (mut app, dir) = at_the_table(Mode::PlayUs, "saves-dialog");
    let instrument = app.world().resource::<Session>().scenario.us_instruments[0].clone();
    let rate = *instrument.options.last().unwrap();
    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::SetTariff {
                instrument: instrument.id.clone(),
                rate,
            },
        },
    );
    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::Pass,
        },
    );
    let played = app.world().resource::<Session>().state.clone();
    assert!(played.moves.len() >= 3, "the US moved and the computer answered");
    assert_eq!(played.policy.us_rates[0], rate);
    press(&mut app, TableAction::Pause);
    press(&mut app, PauseAction::Name("Before the summit".into()));
    press(&mut app, PauseAction::SaveAs);
    let named = SaveBook::new(&dir, Storage::real()).named_path("Before the summit");
    assert!(named.is_file(), "Save as writes a named save");
    assert!(
        app.world()
            .resource::<tradetable::game::menus::pause::SaveNotice>()
            .0
            .as_deref()
            .is_some_and(|n| n.starts_with("Saved as")),
    );
    press(&mut app, PauseAction::QuitToTitle);

    press(&mut app, TitleAction::Load);
    assert_eq!(screen(&app), Screen::Saves);
    let entries = &app.world().resource::<SavesView>().entries;
    assert_eq!(entries.len(), 2, "the autosave and the named save");
    assert!(entries.iter().all(|e| e.record.is_ok()));

    press(&mut app, SavesAction::Replay(named.clone()));
    assert_eq!(screen(&app), Screen::Replay);
    let moves = app.world().resource::<ReplayView>().moves();
    assert_eq!(moves, played.moves.len());
    assert_eq!(
        app.world().resource::<ReplayView>().at,
        moves,
        "a replay opens at the end"
    );
    press(&mut app, ReplayAction::Seek(0));
    assert_eq!(app.world().resource::<ReplayView>().at, 0);
    press(&mut app, ReplayAction::Step(1));
    assert_eq!(app.world().resource::<ReplayView>().at, 1);
    assert_eq!(
        app.world().resource::<ReplayView>().state().policy.us_rates[0],
        rate,
        "the moment shown follows the first move"
    );
    press(&mut app, ReplayAction::Round(1));
    assert_eq!(
        app.world().resource::<ReplayView>().at,
        moves,
        "the next round has not started"
    );
    press(&mut app, ReplayAction::Seek(1));
    press(&mut app, ReplayAction::Branch);
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(
        app.world().resource::<Session>().state.moves.len(),
        1,
        "branched after the first move: {:?}",
        app.world().resource::<Session>().state.moves
    );

    press(&mut app, TableAction::Pause);
    press(&mut app, PauseAction::QuitToTitle);
    press(&mut app, TitleAction::Load);
    press(&mut app, SavesAction::PlayOn(named));
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(
        app.world().resource::<Session>().state,
        played,
        "playing on picks up the named save"
    );
}

#[test]
fn a_class_table_is_joined_by_its_code_and_its_result_kept_and_exported() {
    use tradetable::game::screens::join::{JoinAction, JoinView};
    use tradetable_core::classroom::class::{ClassFile, ClassSeat};
    let scenario = tradetable_core::Scenario::builtin().unwrap();
    let class = ClassFile::new(
        &scenario,
        4,
        321,
        PerSide::new(
            ClassSeat::People,
            ClassSeat::Computer(tradetable_core::ai::Difficulty::Normal),
        ),
        &["quarterly_review".to_string()],
        String::new(),
    )
    .unwrap();
    let code = class.tables[2].code.clone();
    let (mut app, dir) = app(Mode::Hotseat, "join");
    press(&mut app, TitleAction::Join);
    assert_eq!(screen(&app), Screen::Join);

    press(&mut app, JoinAction::Type("7K3Q-M2XD-0ABCE".into()));
    assert!(
        matches!(app.world().resource::<JoinView>().table, Some(Err(_))),
        "a wrong code says so"
    );
    press(&mut app, JoinAction::Type(code.to_lowercase()));
    let summary = app.world().resource::<JoinView>().table.clone().unwrap().unwrap();
    assert_eq!(summary.table, "Table 3");
    assert_eq!(summary.injects.len(), 1);

    press(&mut app, JoinAction::SitDown);
    assert_eq!(screen(&app), Screen::Table);
    let session = app.world().resource::<Session>();
    assert_eq!(session.table.as_deref(), Some(code.as_str()));
    assert_eq!((session.setup.mode, session.setup.seed), (Mode::PlayUs, 321));
    assert_eq!(session.state.injects, ["quarterly_review"]);

    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::WalkAway,
        },
    );
    assert_eq!(screen(&app), Screen::Results);
    let book = SaveBook::new(&dir, Storage::real());
    let record = book
        .read(&book.class_path(&code))
        .expect("the result is saved under the table's code");
    assert_eq!(record.table.as_deref(), Some(code.as_str()));

    let usb = dir.join("usb-stick");
    press(&mut app, ResultsAction::ExportFolder(usb.display().to_string()));
    press(&mut app, ResultsAction::Export);
    assert!(
        usb.join(format!("{code}.json")).is_file(),
        "exported to the folder typed"
    );
}

#[test]
fn the_debrief_screen_opens_a_folder_of_results_and_writes_the_page() {
    use tradetable::game::screens::debrief::{DebriefAction, DebriefView};
    use tradetable_core::classroom::class::{ClassFile, ClassSeat, rehearse};
    let (mut app, dir) = app(Mode::PlayUs, "debrief-screen");
    let scenario = tradetable_core::Scenario::builtin().unwrap();
    let class = ClassFile::new(
        &scenario,
        3,
        2025,
        PerSide::new(ClassSeat::People, ClassSeat::People),
        &[],
        String::new(),
    )
    .unwrap();
    let folder = dir.join("results");
    for record in rehearse(&class, &scenario, "").unwrap() {
        let code = record.table.clone().unwrap();
        tradetable::storage::Storage::real()
            .write(&folder.join(format!("{code}.json")), record.to_json().as_bytes())
            .unwrap();
    }
    press(&mut app, TitleAction::Debrief);
    assert_eq!(screen(&app), Screen::Debrief);
    press(&mut app, DebriefAction::Folder(folder.display().to_string()));
    press(&mut app, DebriefAction::Open);
    let started = std::time::Instant::now();
    while app.world().resource::<DebriefView>().result.is_none() && started.elapsed().as_secs() < 120 {
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let tables = match &app.world().resource::<DebriefView>().result {
        Some(Ok(debrief)) => debrief.tables.len(),
        other => panic!("no debrief: {:?}", other.as_ref().map(|r| r.as_ref().err())),
    };
    assert_eq!(tables, 3);
    press(&mut app, DebriefAction::WritePage);
    assert!(folder.join("debrief.html").is_file() && folder.join("scores.csv").is_file());

    // Two bad files among the good ones: the good tables are debriefed and both bad files are listed.
    std::fs::write(folder.join("empty.json"), "").unwrap();
    std::fs::write(
        folder.join("newer.json"),
        r#"{"format": "tradetable-record", "version": 99}"#,
    )
    .unwrap();
    let open = |app: &mut App| {
        press(app, DebriefAction::Open);
        let started = std::time::Instant::now();
        while app.world().resource::<DebriefView>().working() && started.elapsed().as_secs() < 120 {
            app.update();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    };
    open(&mut app);
    match &app.world().resource::<DebriefView>().result {
        Some(Ok(debrief)) => {
            assert_eq!(debrief.tables.len(), 3);
            let files: Vec<&str> = debrief.skipped.iter().map(|s| s.file.as_str()).collect();
            assert!(
                files.len() == 2 && files[0].ends_with("empty.json") && files[1].ends_with("newer.json"),
                "{files:?}"
            );
        }
        other => panic!("no debrief: {:?}", other.as_ref().map(|r| r.as_ref().err())),
    }
    // A folder of nothing but bad files names every one of them, not only the first.
    let bad = dir.join("bad-results");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("a-empty.json"), "").unwrap();
    std::fs::write(
        bad.join("b-newer.json"),
        r#"{"format": "tradetable-record", "version": 99}"#,
    )
    .unwrap();
    press(&mut app, DebriefAction::Folder(bad.display().to_string()));
    open(&mut app);
    match &app.world().resource::<DebriefView>().result {
        Some(Err(message)) => assert!(
            message.contains("a-empty.json") && message.contains("b-newer.json") && message.contains("newer"),
            "{message}"
        ),
        other => panic!("expected an error naming both files: {:?}", other.is_some()),
    }

    press(
        &mut app,
        DebriefAction::Folder(dir.join("nothing-here").display().to_string()),
    );
    press(&mut app, DebriefAction::Open);
    let started = std::time::Instant::now();
    while app.world().resource::<DebriefView>().working() && started.elapsed().as_secs() < 60 {
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        matches!(&app.world().resource::<DebriefView>().result, Some(Err(message)) if message.contains("nothing-here")),
        "a folder that cannot be read says so"
    );
}

#[test]
fn the_title_lists_the_shipped_scenarios_and_the_files_of_every_scenario_folder() {
    use tradetable::game::session::{ScenarioSource, scenario_sources};
    use tradetable_core::scenario::library::{SHIPPED, new_scenario_text};
    let dir = tradetable::game::testing::temp_dir("scenario-folders");
    let own = dir.join("own");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("korea-2025.ron"), new_scenario_text("korea-2025", &SHIPPED[0])).unwrap();
    // An exact copy of a shipped scenario is the shipped one: listed once.
    std::fs::write(own.join("copy.ron"), SHIPPED[0].text).unwrap();
    let sources = scenario_sources(&[own.clone(), dir.join("missing")]);
    assert_eq!(sources[0], ScenarioSource::Builtin);
    assert!(sources.contains(&ScenarioSource::File(own.join("korea-2025.ron"))));
    assert!(!sources.contains(&ScenarioSource::File(own.join("copy.ron"))));
    assert_eq!(
        ScenarioSource::File(own.join("korea-2025.ron")).load().unwrap().id,
        "korea-2025"
    );
}
