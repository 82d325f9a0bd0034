//! Headless tests of the game's plugins (`MinimalPlugins` + `StatesPlugin`, no window): starting a game from
//! setup, a player's move reaching the core, the round advancing, the hotseat handover hiding the private view,
//! the results screen being reached, a broken scenario returning to the title with its error, and autoplay.
#![cfg(feature = "gui")]

use std::path::PathBuf;

use bevy::prelude::*;
use tradetable::game::navigation::{Menu, Screen};
use tradetable::game::panels::preview::Preview;
use tradetable::game::saves::SaveBook;
use tradetable::game::screens::handover::HandoverAction;
use tradetable::game::screens::results::ResultsView;
use tradetable::game::screens::table::{Advice, TableAction};
use tradetable::game::session::{
    GameCommand, GameSetup, Mode, PlayerMove, ScenarioPreview, ScenarioSource, Session, TitleNotice, Viewer, WatchClock,
};
use tradetable::game::testing::{minimal_app, options, temp_dir};
use tradetable::storage::Storage;
use tradetable_core::rules::negotiation::OutcomeKind;
use tradetable_core::{Move, Side};

fn setup(mode: Mode) -> GameSetup {
    GameSetup {
        mode,
        seed: 11,
        ..GameSetup::default()
    }
}

fn app_with(mode: Mode, name: &str) -> App {
    let mut app = minimal_app(options(setup(mode), temp_dir(name)));
    app.update();
    app
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn session(app: &App) -> &Session {
    app.world().resource::<Session>()
}

fn send(app: &mut App, command: GameCommand) {
    app.world_mut().write_message(command);
    app.update();
    app.update();
}

fn play(app: &mut App, side: Side, mv: Move) {
    app.world_mut().write_message(PlayerMove { side, mv });
    app.update();
    app.update();
}

fn start(mode: Mode, name: &str) -> App {
    let mut app = app_with(mode, name);
    send(&mut app, GameCommand::OpenSetup);
    send(&mut app, GameCommand::Start);
    app
}

#[test]
fn new_game_goes_from_title_through_setup_to_the_table() {
    let mut app = app_with(Mode::PlayUs, "setup");
    assert_eq!(screen(&app), Screen::Title);
    send(&mut app, GameCommand::OpenSetup);
    assert_eq!(screen(&app), Screen::Setup);
    assert_eq!(app.world().resource::<ScenarioPreview>().scenario.id, "spring-2025");
    send(&mut app, GameCommand::Start);
    assert_eq!(screen(&app), Screen::Table);
    let s = session(&app);
    assert_eq!((s.state.round, s.state.to_move, s.setup.seed), (1, Side::Us, 11));
    assert!(
        app.world().get_resource::<Preview>().is_some(),
        "the table shows a preview"
    );
}

#[test]
fn a_players_tariff_reaches_the_core() {
    let mut app = start(Mode::PlayUs, "tariff");
    play(
        &mut app,
        Side::Us,
        Move::SetTariff {
            instrument: "s232_autos".to_string(),
            rate: 0.25,
        },
    );
    let s = session(&app);
    let i = s.scenario.instrument_index("s232_autos").unwrap();
    assert_eq!(s.state.policy.us_rates[i], 0.25);
    assert_eq!(s.state.actions_this_turn, 1);
    assert!(s.state.news.iter().any(|e| e.text.contains("US sets")));
}

#[test]
fn a_move_for_the_ai_side_is_refused_and_changes_nothing() {
    let mut app = start(Mode::PlayUs, "refused");
    let before = session(&app).state.clone();
    play(&mut app, Side::Partner, Move::Pass);
    let s = session(&app);
    assert_eq!(s.state, before);
    assert!(s.refused.is_some());
}

#[test]
fn the_round_advances_once_the_ai_has_answered() {
    let mut app = start(Mode::PlayUs, "round");
    let space = tradetable_core::PackageSpace::of(&session(&app).scenario);
    play(&mut app, Side::Us, Move::Propose(space.best_for(Side::Us)));
    let s = session(&app);
    assert_eq!(s.state.round, 2, "Japan's AI moved and the round ended");
    assert_eq!(s.state.to_move, Side::Us);
    assert_eq!(s.state.history.len(), 2);
    assert_eq!(s.state.offers[0].offer.from, Side::Us);
}

#[test]
fn hotseat_handover_hides_one_teams_view_from_the_other() {
    let mut app = start(Mode::Hotseat, "hotseat");
    // The first team sits down behind the handover.
    assert_eq!(screen(&app), Screen::Handover);
    assert!(app.world().get_resource::<Preview>().is_none());
    app.world_mut().write_message(HandoverAction::Continue);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Table);
    let preview = app.world().resource::<Preview>();
    assert_eq!(preview.viewer, Viewer::Side(Side::Us));
    assert!(
        preview.values.iter().all(|v| v.side == Side::Us),
        "only the US values are shown"
    );

    // The US team drafts, asks nothing, and ends its turn.
    let space = tradetable_core::PackageSpace::of(&session(&app).scenario);
    app.world_mut().write_message(TableAction::Draft {
        side: Side::Us,
        package: space.best_for(Side::Us),
    });
    app.update();
    play(&mut app, Side::Us, Move::Propose(space.best_for(Side::Us)));
    assert_eq!(screen(&app), Screen::Handover);
    assert!(
        app.world().get_resource::<Preview>().is_none(),
        "no reservation values on the handover"
    );
    assert!(
        app.world().get_resource::<Advice>().is_none(),
        "no hints on the handover"
    );

    app.world_mut().write_message(HandoverAction::Continue);
    app.update();
    app.update();
    let preview = app.world().resource::<Preview>();
    assert_eq!(preview.viewer, Viewer::Side(Side::Partner));
    assert!(
        preview.values.iter().all(|v| v.side == Side::Partner),
        "Japan sees only its own values"
    );
    assert_eq!(session(&app).viewer(), Viewer::Side(Side::Partner));
}

#[test]
fn walking_away_reaches_the_results_with_the_counterfactuals() {
    let mut app = start(Mode::PlayPartner, "walk");
    // The US AI has moved already; it is Japan's turn.
    assert_eq!(session(&app).state.to_move, Side::Partner);
    play(&mut app, Side::Partner, Move::WalkAway);
    assert_eq!(screen(&app), Screen::Results);
    let view = app.world().resource::<ResultsView>();
    assert_eq!(view.report.outcome.kind, OutcomeKind::NoDeal);
    assert!(
        view.report.outcome.actual_deal.is_some(),
        "compared with the July 2025 deal"
    );
    assert_eq!(
        view.scores.us.breakdown.len(),
        session(&app).scenario.objectives.us.len()
    );
}

#[test]
fn watching_two_ais_plays_to_the_results() {
    let mut app = start(Mode::Watch, "watch");
    for _ in 0..400 {
        if screen(&app) == Screen::Results {
            break;
        }
        app.world_mut().resource_mut::<WatchClock>().pending_steps = 4;
        app.update();
    }
    assert_eq!(screen(&app), Screen::Results);
    assert!(session(&app).state.is_over());
}

#[test]
fn a_broken_scenario_returns_to_the_title_with_its_located_error() {
    let path = PathBuf::from("tests/fixtures/game_broken.ron");
    let mut launch = options(
        GameSetup {
            source: ScenarioSource::File(path),
            ..setup(Mode::PlayUs)
        },
        temp_dir("broken"),
    );
    launch.straight_to_table = true;
    let mut app = minimal_app(launch);
    app.update();
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    assert!(app.world().get_resource::<Session>().is_none());
    let notice = app
        .world()
        .resource::<TitleNotice>()
        .0
        .clone()
        .expect("an error on the title");
    assert!(notice.starts_with("tests/fixtures/game_broken.ron:4:"), "{notice}");
}

#[test]
fn continue_picks_up_the_autosaved_game() {
    let mut app = start(Mode::PlayUs, "continue");
    play(&mut app, Side::Us, Move::Pass);
    let saved = session(&app).state.clone();
    send(&mut app, GameCommand::QuitToTitle);
    assert_eq!(screen(&app), Screen::Title);
    let dir = app
        .world()
        .resource::<tradetable::game::LaunchOptions>()
        .data_dir
        .clone();
    assert!(SaveBook::new(&dir, Storage::real()).latest_in_progress().is_some());
    send(&mut app, GameCommand::Continue);
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(session(&app).state.round, saved.round);
    assert_eq!(session(&app).state.offers, saved.offers);
}

#[test]
fn the_pause_menu_stops_the_watch_clock() {
    let mut app = start(Mode::Watch, "pause");
    app.world_mut().write_message(TableAction::Pause);
    app.update();
    app.update();
    assert_eq!(*app.world().resource::<State<Menu>>().get(), Menu::Pause);
    let before = session(&app).state.clone();
    app.world_mut().resource_mut::<WatchClock>().pending_steps = 5;
    app.update();
    assert_eq!(session(&app).state, before);
}

#[test]
#[cfg(feature = "dev")]
fn autoplay_runs_every_screen_and_exits_successfully() {
    let mut launch = options(setup(Mode::Watch), temp_dir("autoplay"));
    launch.autoplay = true;
    let mut app = minimal_app(launch);
    let mut seen = Vec::new();
    // The debrief is worked out on a thread (about a second): frames go on meanwhile, a millisecond apart, for at
    // most two minutes.
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(120) {
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(1));
        let here = screen(&app);
        if seen.last() != Some(&here) {
            seen.push(here);
        }
        if let Some(exit) = app.should_exit() {
            assert_eq!(exit, AppExit::Success);
            break;
        }
    }
    assert!(app.should_exit().is_some(), "autoplay finished; screens seen: {seen:?}");
    assert_eq!(
        seen,
        [
            Screen::Title,
            Screen::Setup,
            Screen::Table,
            Screen::Results,
            Screen::About,
            Screen::Replay,
            Screen::Saves,
            Screen::Join,
            Screen::Debrief
        ]
    );
}

#[test]
fn about_the_model_shows_the_backtest_of_the_chosen_scenario_and_goes_back() {
    use tradetable::game::navigation::AboutReturn;
    use tradetable::game::screens::about::{AboutAction, AboutView};
    use tradetable::game::screens::title::TitleAction;
    let mut app = minimal_app(options(setup(Mode::Watch), temp_dir("about")));
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    app.world_mut().write_message(TitleAction::About);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::About);
    let view = app.world().resource::<AboutView>();
    let backtest = view.backtest.as_ref().expect("the default scenario has a history");
    assert_eq!(backtest.months.len(), 12);
    assert_eq!(app.world().resource::<AboutReturn>().0, Screen::Title);
    app.world_mut().write_message(AboutAction::Back);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Title);
}
