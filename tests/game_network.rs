//! A team's game at a networked table, headless over loopback: the teacher's console hosts a class in this process
//! and the game joins it through the join screen's actions, as a student would. The team sees only its own side's
//! objectives, its moves go to the host and come back in the host's views, the teacher's pause shows and blocks
//! moves, a dropped link comes back by itself, the finished game reaches the results, the end of the class the title,
//! and every failure to join is said in words.
//!
//! Every wait is bounded in updates (a few milliseconds each) and fails the test when its condition is not met.
#![cfg(feature = "gui")]

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use tradetable::game::navigation::Screen;
use tradetable::game::remote::remote_status;
use tradetable::game::screens::console::ConsoleAction;
use tradetable::game::screens::join_network::{NetJoinAction, NetJoinView};
use tradetable::game::screens::results::ResultsView;
use tradetable::game::screens::table::TableAction;
use tradetable::game::screens::title::TitleAction;
use tradetable::game::session::{GameSetup, NoticeKind, Session, TitleNotice};
use tradetable::game::testing::{console_app, networked_app, options, temp_dir};
use tradetable::net::class_client::{Phase, TableClient};
use tradetable::net::class_host::ClassHost;
use tradetable_core::ai::Difficulty;
use tradetable_core::classroom::class::{ClassFile, ClassSeat};
use tradetable_core::network::host::HostOptions;
use tradetable_core::network::protocol::SeatPresence;
use tradetable_core::{Move, PerSide, Scenario, Side};

/// The most updates of both apps any wait may take: with a 2 ms pause each, about 16 s at worst.
const MAX_UPDATES: usize = 8000;

/// A console hosting a class of `tables` tables seated `seats`, on a free loopback port, and a game beside it.
fn class_and_game(name: &str, tables: u32, seats: PerSide<ClassSeat>) -> (App, App, SocketAddr, Vec<String>, PathBuf) {
    timed_class_and_game(name, tables, seats, HostOptions::default())
}

/// As [`class_and_game`], hosted with `host_options` (a round timer, say).
fn timed_class_and_game(
    name: &str,
    tables: u32,
    seats: PerSide<ClassSeat>,
    host_options: HostOptions,
) -> (App, App, SocketAddr, Vec<String>, PathBuf) {
    let dir = temp_dir(name);
    let scenario = Scenario::builtin().unwrap();
    let class = ClassFile::new(&scenario, tables, 2025, seats, &[], String::new()).unwrap();
    let results = dir.join("results");
    std::fs::create_dir_all(&results).unwrap();
    let host = ClassHost::new(Arc::new(scenario), class, host_options, results).unwrap();
    let codes = host
        .class
        .tables
        .iter()
        .map(|t| host.host.join_code(t.number).unwrap().to_string())
        .collect();
    let mut console = console_app(
        options(GameSetup::default(), dir.join("teacher")),
        host,
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
    );
    console.update();
    let port = console.world().resource::<ClassHost>().address.expect("open").port();
    let game_dir = dir.join("student");
    let mut game = networked_app(options(GameSetup::default(), game_dir.clone()));
    game.world_mut().resource_mut::<TableClient>().retry_delay = Duration::from_millis(200);
    game.update();
    (
        console,
        game,
        SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
        codes,
        game_dir,
    )
}

/// Updates both apps until `done` holds of the game; panics naming `what` otherwise.
fn pump(console: &mut App, game: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..MAX_UPDATES {
        console.update();
        game.update();
        if done(game) {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("{what}: not seen within {MAX_UPDATES} updates");
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn session(app: &App) -> &Session {
    app.world().resource::<Session>()
}

fn join(game: &mut App, address: &str, code: &str, side: Option<Side>) {
    let world = game.world_mut();
    world.write_message(TitleAction::JoinNetwork);
    world.write_message(NetJoinAction::Address(address.to_string()));
    world.write_message(NetJoinAction::Code(code.to_string()));
    world.write_message(NetJoinAction::Side(side));
    game.update();
    game.world_mut().write_message(NetJoinAction::Join);
    game.update();
}

fn play(game: &mut App, side: Side, mv: Move) {
    game.world_mut().write_message(TableAction::Play { side, mv });
}

#[test]
fn a_team_joins_plays_its_side_through_the_host_and_sees_the_results() {
    let computer = ClassSeat::Computer(Difficulty::Normal);
    let (mut console, mut game, host, codes, game_dir) =
        class_and_game("net-play", 1, PerSide::new(computer, ClassSeat::People));
    join(
        &mut game,
        &host.to_string(),
        &codes[0].to_lowercase(),
        Some(Side::Partner),
    );
    assert_eq!(screen(&game), Screen::JoinNetwork);
    pump(&mut console, &mut game, "seated at the table", |g| {
        screen(g) == Screen::Table && g.world().contains_resource::<Session>()
    });

    let seated = session(&game);
    let remote = seated.remote.clone().expect("a networked table");
    assert_eq!((remote.side, remote.table), (Side::Partner, 1));
    assert_eq!(remote.seats[Side::Us], SeatPresence::Computer);
    assert!(
        seated.scenario.objectives.us.is_empty(),
        "the US's objectives stay with the host"
    );
    assert!(!seated.scenario.objectives.partner.is_empty());
    assert_eq!(seated.state.seed, 0, "the seed tells which events are coming: not sent");

    // The computer plays the US at the host; the team's turn comes in the host's view.
    pump(&mut console, &mut game, "the partner's turn", |g| {
        session(g).state.to_move == Side::Partner
    });
    let preview = game
        .world()
        .get_resource::<tradetable::game::panels::preview::Preview>()
        .expect("the preview of the team's side");
    assert_eq!(preview.values.len(), 1, "only the team's own side is valued");
    assert!(preview.values[0].walk_away.is_finite());
    let status = remote_status(session(&game), game.world().get_resource::<TableClient>()).unwrap();
    assert_eq!(status.headline, "Your turn");
    assert!(status.can_send);
    assert_eq!(status.seconds_left, None, "no round timer in this class");

    // The adviser works from the team's own objectives alone.
    game.world_mut().write_message(TableAction::AskAdviser(Side::Partner));
    game.update();
    game.update();
    let advice = game
        .world()
        .get_resource::<tradetable::game::screens::table::Advice>()
        .expect("the adviser answers at a networked table");
    assert_eq!(advice.side, Side::Partner);

    // A move goes to the host: nothing changes here until the host's view comes back.
    let before = session(&game).state.moves.len();
    play(&mut game, Side::Partner, Move::Pass);
    game.update();
    game.update();
    assert_eq!(session(&game).state.moves.len(), before, "not applied locally");
    assert!(session(&game).remote.as_ref().unwrap().awaiting);
    pump(&mut console, &mut game, "the host's answer", |g| {
        session(g).state.moves.len() > before
    });
    let host_moves = console
        .world()
        .resource::<ClassHost>()
        .host
        .game(1)
        .unwrap()
        .moves
        .len();
    assert!(host_moves > before);

    // A move out of turn is refused here, without bothering the host.
    pump(&mut console, &mut game, "the partner's turn again", |g| {
        session(g).state.to_move == Side::Partner && !session(g).remote.as_ref().unwrap().awaiting
    });
    play(&mut game, Side::Us, Move::Pass);
    game.update();
    game.update();
    let refused = session(&game).refused.clone();
    assert!(refused.as_deref().is_some_and(|r| r.contains("not")), "{refused:?}");

    // The team walks away: the host sends the finished game, with both sides' objectives, and the results show.
    play(&mut game, Side::Partner, Move::WalkAway);
    pump(&mut console, &mut game, "the results", |g| screen(g) == Screen::Results);
    let finished = session(&game);
    assert!(finished.remote.as_ref().unwrap().finished);
    assert!(!finished.scenario.objectives.us.is_empty(), "revealed at the end");
    assert_ne!(finished.state.seed, 0, "the whole game, with its seed");
    let view = game.world().resource::<ResultsView>();
    assert!(view.scores[Side::Us].total.is_finite() && view.scores[Side::Partner].total.is_finite());
    assert_eq!(
        json_files(&game_dir),
        1,
        "nothing saved on the laptop but its seat token: the host keeps the game"
    );
    assert!(game_dir.join(tradetable::game::remote::SEATS_FILE).is_file());
    assert_eq!(
        console.world().resource::<ClassHost>().written.len(),
        1,
        "the host wrote the table's result"
    );
}

#[test]
fn the_teachers_pause_shows_and_holds_moves_and_the_end_of_class_sends_the_team_to_the_title() {
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let timed = HostOptions {
        turn_seconds: Some(90),
        ..HostOptions::default()
    };
    let (mut console, mut game, host, codes, _) = timed_class_and_game("net-pause", 2, people, timed);
    join(&mut game, &host.to_string(), &codes[1], Some(Side::Us));
    pump(&mut console, &mut game, "seated", |g| screen(g) == Screen::Table);
    assert_eq!(
        session(&game).remote.as_ref().unwrap().seats[Side::Partner],
        SeatPresence::Waiting
    );
    let status = remote_status(session(&game), game.world().get_resource::<TableClient>()).unwrap();
    assert_eq!(status.headline, "Your turn", "the US moves first");
    assert!(status.seats.contains("not here yet"), "{}", status.seats);
    assert!(
        status.seconds_left.is_some_and(|left| left > 80 && left <= 90),
        "the round timer counts down: {:?}",
        status.seconds_left
    );

    console.world_mut().write_message(ConsoleAction::Pause(Some(2)));
    pump(&mut console, &mut game, "paused", |g| {
        session(g).remote.as_ref().unwrap().paused
    });
    let status = remote_status(session(&game), game.world().get_resource::<TableClient>()).unwrap();
    assert!(status.headline.contains("Paused by the teacher"));
    assert!(!status.can_send);
    play(&mut game, Side::Us, Move::Pass);
    game.update();
    game.update();
    assert!(
        session(&game).refused.as_deref().is_some_and(|r| r.contains("paused")),
        "{:?}",
        session(&game).refused
    );
    console.world_mut().write_message(ConsoleAction::Resume(None));
    pump(&mut console, &mut game, "resumed", |g| {
        !session(g).remote.as_ref().unwrap().paused
    });

    // A move the rules do not allow (nothing is on the table to accept) goes to the host, which refuses it: the
    // reason shows on the status line and the controls are free again.
    play(&mut game, Side::Us, Move::Accept);
    pump(&mut console, &mut game, "the host's refusal", |g| {
        let session = session(g);
        session.refused.is_some() && !session.remote.as_ref().unwrap().awaiting
    });
    assert!(session(&game).state.moves.is_empty(), "{:?}", session(&game).refused);

    console.world_mut().write_message(ConsoleAction::EndClass);
    pump(&mut console, &mut game, "back at the title", |g| {
        screen(g) == Screen::Title
    });
    let notice = game.world().resource::<TitleNotice>();
    assert_eq!(notice.1, NoticeKind::LeftTable);
    assert!(
        notice
            .0
            .as_deref()
            .is_some_and(|n| n.contains("the teacher ended the class")),
        "{:?}",
        notice.0
    );
    assert!(!game.world().contains_resource::<Session>());
}

#[test]
fn a_dropped_link_reconnects_by_itself_and_takes_the_seat_back() {
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let (mut console, mut game, host, codes, _) = class_and_game("net-reconnect", 1, people);
    join(&mut game, &host.to_string(), &codes[0], None);
    pump(&mut console, &mut game, "seated", |g| screen(g) == Screen::Table);
    let side = session(&game).remote.as_ref().unwrap().side;

    // The link drops under the game (as when the Wi-Fi goes).
    tradetable::net::transport::disconnect(game.world_mut());
    pump(&mut console, &mut game, "reconnecting", |g| {
        matches!(g.world().resource::<TableClient>().phase, Phase::Reconnecting { .. })
    });
    let status = remote_status(session(&game), game.world().get_resource::<TableClient>()).unwrap();
    assert!(status.headline.starts_with("Reconnecting"), "{}", status.headline);
    assert!(!status.can_send);
    pump(&mut console, &mut game, "back in the seat", |g| {
        g.world().resource::<TableClient>().phase == Phase::Seated
    });
    assert_eq!(screen(&game), Screen::Table, "the game never left the table");
    for _ in 0..MAX_UPDATES {
        console.update();
        game.update();
        if console_seats(&console)[side] == SeatPresence::Connected {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(
        console_seats(&console)[side],
        SeatPresence::Connected,
        "the host sees the team again"
    );
    // And it plays on: a move reaches the host.
    play(&mut game, side, Move::Pass);
    pump(&mut console, &mut game, "the move after reconnecting", |g| {
        !session(g).state.moves.is_empty()
    });
}

/// The JSON files under `dir`, however deep.
fn json_files(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .map(|path| {
            if path.is_dir() {
                json_files(&path)
            } else {
                usize::from(path.extension().is_some_and(|e| e == "json"))
            }
        })
        .sum()
}

fn console_seats(console: &App) -> PerSide<SeatPresence> {
    let class = console.world().resource::<ClassHost>();
    class.host.overview(class.now_ms())[0].seats
}

#[test]
fn failures_to_join_are_said_in_words_on_the_join_screen() {
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let (mut console, mut game, host, codes, _) = class_and_game("net-errors", 1, people);

    join(&mut game, "the teacher's laptop", &codes[0], None);
    let problem = game.world().resource::<NetJoinView>().problem.clone();
    assert!(
        problem.as_deref().is_some_and(|p| p.contains("not an address")),
        "{problem:?}"
    );

    join(&mut game, &host.to_string(), "", None);
    let problem = game.world().resource::<NetJoinView>().problem.clone();
    assert!(problem.as_deref().is_some_and(|p| p.contains("code")), "{problem:?}");

    // A code no table has gets no connect token: the host does not answer it, and the laptop says so.
    join(&mut game, &host.to_string(), "AAAA-BBBB-CCCCC", None);
    pump(&mut console, &mut game, "no token for the code", |g| {
        g.world().resource::<TableClient>().error.is_some()
    });
    let error = game.world().resource::<TableClient>().error.clone().unwrap();
    assert!(
        error.contains("No answer") && error.contains("for this join code"),
        "{error}"
    );
    assert_eq!(screen(&game), Screen::JoinNetwork);

    // Both seats taken: the third laptop is told so.
    let mut second = networked_app(options(GameSetup::default(), temp_dir("net-errors-second")));
    second.update();
    join(&mut game, &host.to_string(), &codes[0], Some(Side::Us));
    join(&mut second, &host.to_string(), &codes[0], Some(Side::Us));
    pump(&mut console, &mut game, "the first seated", |g| {
        screen(g) == Screen::Table
    });
    for _ in 0..MAX_UPDATES {
        console.update();
        game.update();
        second.update();
        if second.world().resource::<TableClient>().error.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let error = second.world().resource::<TableClient>().error.clone();
    assert!(error.as_deref().is_some_and(|e| e.contains("taken")), "{error:?}");
}

#[test]
fn a_host_that_does_not_answer_is_said_in_words() {
    // A port nobody hosts on: netcode gives up after its timeout of a few seconds.
    let silent = std::net::UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let address = silent.local_addr().unwrap();
    let mut game = networked_app(options(GameSetup::default(), temp_dir("net-silent")));
    game.update();
    join(&mut game, &address.to_string(), "AAAA-BBBB-CCCCC", None);
    for _ in 0..MAX_UPDATES {
        game.update();
        if game.world().resource::<TableClient>().error.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let error = game.world().resource::<TableClient>().error.clone();
    assert!(
        error.as_deref().is_some_and(|e| e.starts_with("No answer from")),
        "{error:?}"
    );
}

#[test]
fn play_join_opens_the_join_screen_filled_in_and_joins_at_once() {
    use tradetable::cli::play::{PlayArgs, launch_options};
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let (mut console, _, host, codes, _) = class_and_game("net-launch", 1, people);
    let args = PlayArgs {
        join: Some(host.to_string()),
        code: Some(codes[0].clone()),
        side: Some(tradetable::game::session::Mode::PlayPartner),
        ..PlayArgs::default()
    };
    let launch = launch_options(&args, true);
    assert!(!launch.straight_to_table, "the join screen, not a local game");
    let mut game = networked_app(tradetable::game::LaunchOptions {
        data_dir: temp_dir("net-launch-student"),
        ..launch
    });
    game.update();
    game.update();
    let view = game.world().resource::<NetJoinView>().clone();
    assert_eq!(
        (view.address, view.code, view.side),
        (host.to_string(), codes[0].clone(), Some(Side::Partner))
    );
    pump(&mut console, &mut game, "seated from the command line", |g| {
        screen(g) == Screen::Table && g.world().contains_resource::<Session>()
    });
    assert_eq!(session(&game).remote.as_ref().unwrap().side, Side::Partner);
}

#[test]
fn joining_again_while_seated_asks_on_the_new_link() {
    // The join for the new table must not go out on the old link, which still reads as connected in that frame.
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let (mut console, mut game, host, codes, _) = class_and_game("net-rejoin", 1, people);
    join(&mut game, &host.to_string(), &codes[0], None);
    pump(&mut console, &mut game, "seated", |g| screen(g) == Screen::Table);
    game.world_mut()
        .resource_mut::<TableClient>()
        .join(host, "AAAA-BBBB-CCCCC", None);
    pump(&mut console, &mut game, "the answer for the new code", |g| {
        g.world().resource::<TableClient>().error.is_some()
    });
    // The new code gets no connect token, so no new link: had the join gone out on the old link, the host would
    // have refused it there ("no table of this class").
    let error = game.world().resource::<TableClient>().error.clone().unwrap();
    assert!(
        error.contains("for this join code") && !error.contains("no table of this class"),
        "{error}"
    );
}

/// What the fake host answers a join with.
#[derive(Resource, Clone)]
struct Answers(Vec<Vec<u8>>);

fn answer_every_frame(
    mut received: MessageReader<tradetable::net::transport::Received>,
    answers: Res<Answers>,
    mut send: MessageWriter<tradetable::net::transport::SendToPeer>,
) {
    for frame in received.read() {
        for bytes in &answers.0 {
            send.write(tradetable::net::transport::SendToPeer {
                peer: frame.peer,
                bytes: bytes.clone(),
            });
        }
    }
}

/// Joins a fake host that answers with `answers`; returns the join screen's error.
fn join_a_host_that_answers(name: &str, answers: Vec<Vec<u8>>) -> String {
    use tradetable::net::transport::{JoinCodes, PROTOCOL_ID, headless_server_app, start_server};
    let mut host = headless_server_app();
    host.insert_resource(Answers(answers))
        .insert_resource(JoinCodes(["AAAA-BBBB-CCCCC".to_string()].into()))
        .add_systems(Update, answer_every_frame);
    let addr = start_server(
        host.world_mut(),
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        PROTOCOL_ID,
    )
    .unwrap();
    let mut game = networked_app(options(GameSetup::default(), temp_dir(name)));
    game.update();
    join(&mut game, &addr.to_string(), "AAAA-BBBB-CCCCC", None);
    pump(&mut host, &mut game, "the error", |g| {
        g.world().resource::<TableClient>().error.is_some()
    });
    assert_eq!(screen(&game), Screen::JoinNetwork, "still at the join screen");
    assert!(!game.world().contains_resource::<Session>());
    game.world().resource::<TableClient>().error.clone().unwrap()
}

#[test]
fn what_a_host_sends_is_checked_and_a_bad_message_is_said_not_a_panic() {
    use tradetable_core::network::protocol::{
        HostMessage, TableView, encode_host, public_state, scenario_for, scenario_text,
    };
    let error = join_a_host_that_answers("net-garbage", vec![b"\xff\x00 not json".to_vec()]);
    assert!(error.contains("cannot read"), "{error}");

    let scenario = Scenario::builtin().unwrap();
    let welcome = |scenario: &Scenario| {
        encode_host(&HostMessage::Welcome {
            side: Side::Us,
            code: "AAAA-BBBB-CCCCC".into(),
            table: 1,
            token: "t".into(),
            scenario: scenario_text(&scenario_for(scenario, Side::Us, false)),
            took_over: false,
        })
    };
    let mut broken = scenario.clone();
    broken.rounds = 0;
    let error = join_a_host_that_answers("net-bad-scenario", vec![welcome(&broken)]);
    assert!(error.contains("problem"), "{error}");

    let mut state = public_state(&tradetable_core::GameState::new(&scenario, 1));
    state.policy.us_rates.clear();
    let view = encode_host(&HostMessage::Table(Box::new(TableView {
        state,
        paused: false,
        seats: PerSide::new(SeatPresence::Connected, SeatPresence::Waiting),
        turn_seconds_left: None,
    })));
    let error = join_a_host_that_answers("net-bad-state", vec![welcome(&scenario), view]);
    assert!(error.contains("does not fit"), "{error}");
}

#[test]
fn a_laptop_closed_mid_game_takes_its_seat_back_with_the_token_it_kept() {
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let (mut console, mut game, host, codes, game_dir) = class_and_game("net-closed", 1, people);
    join(&mut game, &host.to_string(), &codes[0], Some(Side::Partner));
    pump(&mut console, &mut game, "seated", |g| screen(g) == Screen::Table);
    // The window is closed: the link goes with it.
    tradetable::net::transport::disconnect(game.world_mut());
    drop(game);

    // The same laptop, started again, joins the same table without saying which side.
    let mut again = networked_app(options(GameSetup::default(), game_dir));
    again.update();
    join(&mut again, &host.to_string(), &codes[0], None);
    pump(&mut console, &mut again, "seated again", |g| screen(g) == Screen::Table);
    assert_eq!(
        session(&again).remote.as_ref().unwrap().side,
        Side::Partner,
        "its own seat, not the first free one"
    );
    assert_eq!(console_seats(&console)[Side::Us], SeatPresence::Waiting);

    // A laptop without the token cannot take that seat.
    let mut stranger = networked_app(options(GameSetup::default(), temp_dir("net-closed-stranger")));
    stranger.update();
    join(&mut stranger, &host.to_string(), &codes[0], Some(Side::Partner));
    pump(&mut console, &mut stranger, "the stranger refused", |g| {
        g.world().resource::<TableClient>().error.is_some()
    });
    let error = stranger.world().resource::<TableClient>().error.clone().unwrap();
    assert!(error.contains("taken"), "{error}");
}

#[test]
fn a_kept_token_the_host_does_not_know_is_dropped_and_a_free_seat_asked_for() {
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let (mut console, mut game, host, codes, game_dir) = class_and_game("net-stale-token", 1, people);
    let code = codes[0].replace('-', "");
    std::fs::create_dir_all(&game_dir).unwrap();
    std::fs::write(
        game_dir.join(tradetable::game::remote::SEATS_FILE),
        format!(r#"[{{"host":"{host}","code":"{code}","side":"Partner","token":"from-another-class"}}]"#),
    )
    .unwrap();
    join(&mut game, &host.to_string(), &codes[0], Some(Side::Us));
    pump(&mut console, &mut game, "seated", |g| screen(g) == Screen::Table);
    assert_eq!(session(&game).remote.as_ref().unwrap().side, Side::Us);
    let kept = std::fs::read_to_string(game_dir.join(tradetable::game::remote::SEATS_FILE)).unwrap();
    assert!(
        !kept.contains("from-another-class"),
        "the stale token is forgotten: {kept}"
    );
}
