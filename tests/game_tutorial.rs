//! The tutorial, headless: "Start here" on the title puts the tutorial on the table with its coach; the coach asks
//! for each group of levers in turn and answers what the player did, and shows the proposal's consequence in the
//! model's numbers; a new game after finishing or leaving the tutorial starts cleanly on the player's own setup; and
//! the help overlay opens and closes from anywhere.
#![cfg(feature = "gui")]

use bevy::prelude::*;
use tradetable::game::menus::help::HelpAction;
use tradetable::game::navigation::{Menu, Screen};
use tradetable::game::panels::coach::CoachView;
use tradetable::game::panels::preview::Preview;
use tradetable::game::screens::results::ResultsAction;
use tradetable::game::screens::setup::SetupAction;
use tradetable::game::screens::table::{Drafts, TableAction};
use tradetable::game::screens::title::TitleAction;
use tradetable::game::session::{GameCommand, GameSetup, Mode, ScenarioSource, Session, Viewer};
use tradetable::game::testing::{menu, minimal_app, options, press, screen, temp_dir};
use tradetable_core::{Move, PackageSpace, Scenario, Side};

/// The game on the title, with a setup of the player's own: the built-in scenario, as Japan, seed 9.
fn app(name: &str) -> App {
    let setup = GameSetup {
        mode: Mode::PlayPartner,
        seed: 9,
        ..GameSetup::default()
    };
    let mut app = minimal_app(options(setup, temp_dir(name)));
    app.update();
    app
}

fn session(app: &App) -> &Session {
    app.world().resource::<Session>()
}

fn play(app: &mut App, mv: Move) {
    press(app, TableAction::Play { side: Side::Us, mv });
    assert_eq!(session(app).refused, None, "the move is legal");
}

/// The coach as the US player sees it now.
fn coach(app: &mut App) -> CoachView {
    // The preview is recomputed after the draft changes: let it catch up.
    app.update();
    let session = session(app);
    let drafts = app.world().resource::<Drafts>();
    let preview = app.world().get_resource::<Preview>();
    CoachView::of(
        &session.scenario,
        &session.state,
        Viewer::Side(Side::Us),
        drafts.get(Side::Us),
        preview,
    )
    .expect("the tutorial has a coach")
}

fn start_here(app: &mut App) {
    press(app, TitleAction::StartTutorial);
    assert_eq!(screen(app), Screen::Table);
    assert_eq!(session(app).scenario.id, "tutorial");
    assert_eq!(
        session(app).setup.mode,
        Mode::PlayUs,
        "the tutorial is played as the United States"
    );
}

#[test]
fn start_here_opens_the_tutorial_and_the_coach_teaches_each_lever_group_by_doing() {
    let mut app = app("tutorial-coach");
    start_here(&mut app);

    let view = coach(&mut app);
    let names: Vec<&str> = view.lessons.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Tariffs", "Threats", "Goodwill", "Your proposal"],
        "one lesson per group of levers, then the proposal"
    );
    assert!(view.lessons.iter().all(|l| !l.done()));
    assert!(view.current().unwrap().ask.contains("key 1"), "{:?}", view.current());
    assert!(!view.notes.is_empty(), "the scenario's note for round 1");

    // Tariffs: the car tariff to 25%. The coach says what was done, in the scenario's names and rates.
    play(
        &mut app,
        Move::SetTariff {
            instrument: "s232_autos".into(),
            rate: 0.25,
        },
    );
    let view = coach(&mut app);
    let reply = view.latest_reply().expect("a reply to the tariff");
    assert!(
        reply.contains("raised the Section 232 tariff on autos and parts from 0% to 25%"),
        "{reply}"
    );
    assert!(reply.contains("Diet may suspend USJTA"), "cars above the line: {reply}");
    assert_eq!(view.current().unwrap().name, "Threats");

    // Threats: threaten the reciprocal tariff.
    let scenario = session(&app).scenario.clone();
    let state = session(&app).state.clone();
    let reciprocal = scenario.instrument_index("rtt_reciprocal").unwrap();
    let rate = state.available(&scenario, Side::Us).instruments[reciprocal].threat_rates[0];
    play(
        &mut app,
        Move::Threaten {
            instrument: "rtt_reciprocal".into(),
            rate,
        },
    );
    let reply = coach(&mut app).latest_reply().unwrap().to_string();
    assert!(reply.contains("You threatened the RTT reciprocal tariff"), "{reply}");

    // Goodwill: delay what was threatened.
    play(
        &mut app,
        Move::Delay {
            instrument: "rtt_reciprocal".into(),
            months: 1,
        },
    );
    let view = coach(&mut app);
    assert!(
        view.latest_reply().unwrap().contains("You delayed the rise"),
        "{view:?}"
    );
    assert_eq!(view.current().unwrap().name, "Your proposal");
    // The table writes the draft it shows: what is in force.
    let space = PackageSpace::of(&scenario);
    let in_force = space.from_policy(&session(&app).state.policy);
    press(
        &mut app,
        TableAction::Draft {
            side: Side::Us,
            package: in_force.clone(),
        },
    );
    let before = coach(&mut app).current().unwrap().ask.clone();
    assert!(before.contains("the goods deficit a year on would be"), "{before}");

    // The proposal: change a term, and the coach reads the new consequence off the preview.
    let mut package = in_force;
    let issue = (0..space.issues.len())
        .find(|&k| space.issues[k].options.len() > 1)
        .unwrap();
    package.choice[issue] = u8::from(package.choice[issue] == 0);
    press(
        &mut app,
        TableAction::Draft {
            side: Side::Us,
            package: package.clone(),
        },
    );
    let view = coach(&mut app);
    let ask = &view.current().unwrap().ask;
    assert_ne!(ask, &before, "the consequence follows the edit");
    let preview = app.world().resource::<Preview>();
    let draft = preview.draft.as_ref().expect("the proposal's projection");
    let expected = format!(
        "the goods deficit a year on would be {} — against {} with no deal",
        tradetable_core::scenario::format::bn(draft.deficit),
        tradetable_core::scenario::format::bn(preview.no_deal.deficit)
    );
    assert!(ask.contains(&expected), "{ask}\nexpected: {expected}");
    assert!(ask.contains("to you against"), "{ask}");

    // Send it: the computer answers, and the coach says how.
    play(&mut app, Move::Propose(package));
    for _ in 0..5 {
        app.update();
    }
    let view = coach(&mut app);
    assert!(view.lessons.iter().all(|l| l.done()), "{view:?}");
    let reply = view.latest_reply().unwrap();
    assert!(
        ["accepted", "counter-offer", "rejected", "on the table"]
            .iter()
            .any(|fate| reply.contains(fate)),
        "{reply}"
    );
}

#[test]
fn the_coach_teaches_japan_its_gestures() {
    let scenario = tradetable_core::scenario::library::shipped("tutorial")
        .unwrap()
        .load()
        .unwrap();
    let state = tradetable_core::GameState::new(&scenario, 1);
    let state = tradetable_core::apply(&scenario, &state, &Move::Pass).unwrap().state;
    let lessons = tradetable::game::panels::coach::lessons(&scenario, &state, Side::Partner, None, None);
    assert_eq!(lessons[0].name, "Gestures");
    let lever = &scenario.partner_levers[0];
    let mv = Move::Implement {
        lever: lever.id.clone(),
        level: lever.options[1],
    };
    let state = tradetable_core::apply(&scenario, &state, &mv).unwrap().state;
    let lessons = tradetable::game::panels::coach::lessons(&scenario, &state, Side::Partner, None, None);
    let reply = lessons[0].reply.as_deref().expect("done");
    assert!(
        reply.contains(&format!("You put \"{}\" into force", lever.name)),
        "{reply}"
    );
}

#[test]
fn no_coach_outside_a_tutorial() {
    let scenario = Scenario::builtin().unwrap();
    let state = tradetable_core::GameState::new(&scenario, 1);
    assert!(CoachView::of(&scenario, &state, Viewer::Side(Side::Us), None, None).is_none());
}

#[test]
fn a_new_game_after_finishing_the_tutorial_starts_on_the_players_own_setup() {
    let mut app = app("after-tutorial-finished");
    start_here(&mut app);
    press(
        &mut app,
        TableAction::Play {
            side: Side::Us,
            mv: Move::WalkAway,
        },
    );
    assert_eq!(screen(&app), Screen::Results);
    press(&mut app, ResultsAction::Title);
    assert_eq!(screen(&app), Screen::Title);
    let setup = app.world().resource::<GameSetup>();
    assert_eq!(
        setup.source,
        ScenarioSource::Builtin,
        "the player's scenario is chosen again"
    );
    assert_eq!(setup.mode, Mode::PlayPartner, "and their side");

    press(&mut app, TitleAction::NewGame);
    assert_eq!(screen(&app), Screen::Setup);
    press(&mut app, SetupAction::Start);
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(session(&app).scenario.id, Scenario::builtin().unwrap().id);
    for _ in 0..10 {
        app.update();
    }
    assert!(session(&app).state.round >= 1);
    assert!(
        app.world().resource::<Drafts>().get(Side::Us).is_none(),
        "nothing of the tutorial's drafts"
    );
}

#[test]
fn a_new_game_after_leaving_the_tutorial_midway_starts_cleanly() {
    let mut app = app("after-tutorial-left");
    start_here(&mut app);
    play(
        &mut app,
        Move::SetTariff {
            instrument: "s232_autos".into(),
            rate: 0.25,
        },
    );
    press(&mut app, GameCommand::QuitToTitle);
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(app.world().resource::<GameSetup>().source, ScenarioSource::Builtin);
    // Start here again, then a new game straight from the results of another walk-away.
    start_here(&mut app);
    assert!(session(&app).state.moves.is_empty(), "the tutorial starts afresh");
    press(&mut app, GameCommand::QuitToTitle);
    press(&mut app, TitleAction::NewGame);
    press(&mut app, SetupAction::Start);
    assert_eq!(screen(&app), Screen::Table);
    assert_eq!(session(&app).setup.mode, Mode::PlayPartner);
    for _ in 0..10 {
        app.update();
    }
}

#[test]
fn the_list_of_keys_opens_from_the_title_and_the_table_and_closes() {
    let mut app = app("help-overlay");
    press(&mut app, HelpAction::Open);
    assert_eq!(menu(&app), Menu::Help);
    press(&mut app, HelpAction::Close);
    assert_eq!(menu(&app), Menu::None);
    start_here(&mut app);
    press(&mut app, TableAction::Keys);
    assert_eq!(menu(&app), Menu::Help);
    assert_eq!(screen(&app), Screen::Table, "over the table");
    press(&mut app, HelpAction::Close);
    assert_eq!(menu(&app), Menu::None);
}
