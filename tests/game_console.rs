//! The teacher's console, headless: every button writes the action its draw system would, and the test checks what
//! the class host did — a table paused in the overview, the computer in a seat, an inject in the log, the class
//! ended — and that the class's debrief opens on its results folder.
#![cfg(feature = "gui")]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use bevy::prelude::*;
use tradetable::game::navigation::Screen;
use tradetable::game::screens::console::{ConsoleAction, ConsoleView};
use tradetable::game::screens::debrief::{DebriefAction, DebriefView};
use tradetable::game::session::GameSetup;
use tradetable::game::testing::{console_app, options, temp_dir};
use tradetable::net::class_host::ClassHost;
use tradetable_core::classroom::class::{ClassFile, ClassSeat};
use tradetable_core::network::host::HostOptions;
use tradetable_core::network::protocol::SeatPresence;
use tradetable_core::{PerSide, Scenario, Side};

fn console(name: &str, tables: u32) -> App {
    let dir = temp_dir(name);
    let scenario = Scenario::builtin().unwrap();
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let class = ClassFile::new(&scenario, tables, 2025, people, &[], String::new()).unwrap();
    let host = ClassHost::new(Arc::new(scenario), class, HostOptions::default(), dir.join("results")).unwrap();
    std::fs::create_dir_all(dir.join("results")).unwrap();
    let mut app = console_app(
        options(GameSetup::default(), dir),
        host,
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
    );
    app.update();
    app.update();
    app
}

fn press(app: &mut App, action: ConsoleAction) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn class(app: &App) -> &ClassHost {
    app.world().resource::<ClassHost>()
}

fn paused(app: &App) -> Vec<bool> {
    let class = class(app);
    class.host.overview(class.now_ms()).iter().map(|t| t.paused).collect()
}

#[test]
fn the_console_opens_the_class_and_shows_where_teams_join() {
    let app = console("console-opens", 2);
    assert_eq!(screen(&app), Screen::Console);
    let view = app.world().resource::<ConsoleView>();
    assert_eq!(view.open_error, None);
    let address = view.address.clone().expect("the address teams type");
    let bound = class(&app).address.expect("the class is open");
    assert!(address.ends_with(&format!(":{}", bound.port())), "{address}");
}

#[test]
fn a_port_that_cannot_be_opened_shows_on_the_console() {
    let taken = std::net::UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let dir = temp_dir("console-port-taken");
    let scenario = Scenario::builtin().unwrap();
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let class = ClassFile::new(&scenario, 1, 2025, people, &[], String::new()).unwrap();
    let host = ClassHost::new(Arc::new(scenario), class, HostOptions::default(), dir.join("results")).unwrap();
    let mut app = console_app(options(GameSetup::default(), dir), host, taken.local_addr().unwrap());
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Console);
    let error = app.world().resource::<ConsoleView>().open_error.clone();
    assert!(
        error.as_deref().is_some_and(|e| e.contains("cannot be opened")),
        "{error:?}"
    );
}

#[test]
fn console_buttons_pause_seat_the_computer_fire_injects_and_end_the_class() {
    let mut app = console("console-buttons", 3);

    press(&mut app, ConsoleAction::Pause(Some(2)));
    assert_eq!(paused(&app), [false, true, false], "one table paused");
    press(&mut app, ConsoleAction::Resume(Some(2)));
    assert_eq!(paused(&app), [false, false, false]);
    press(&mut app, ConsoleAction::Pause(None));
    assert_eq!(paused(&app), [true, true, true], "every table paused");
    press(&mut app, ConsoleAction::Resume(None));
    assert_eq!(paused(&app), [false, false, false]);

    press(
        &mut app,
        ConsoleAction::SeatComputer {
            table: 1,
            side: Side::Partner,
        },
    );
    let seats = class(&app).host.overview(0)[0].seats;
    assert_eq!(seats[Side::Partner], SeatPresence::Computer);
    assert_eq!(seats[Side::Us], SeatPresence::Waiting);

    let injects = class(&app).host.scenario().injects.clone();
    let second = injects.get(1).unwrap_or(&injects[0]).id.clone();
    press(&mut app, ConsoleAction::PickInject(second.clone()));
    assert_eq!(
        app.world().resource::<ConsoleView>().inject.as_deref(),
        Some(second.as_str())
    );
    press(&mut app, ConsoleAction::FireInject(Some(3)));
    assert!(
        class(&app)
            .log
            .iter()
            .any(|line| line == &format!("table 3: inject \"{second}\" fired")),
        "{:?}",
        class(&app).log
    );
    press(&mut app, ConsoleAction::FireInject(None));
    let fired: Vec<&String> = class(&app).log.iter().filter(|l| l.contains("fired")).collect();
    assert_eq!(fired.len(), 3, "tables 1 and 2 too; table 3 only once: {fired:?}");

    press(&mut app, ConsoleAction::AskToEnd);
    assert!(app.world().resource::<ConsoleView>().confirm_end);
    press(&mut app, ConsoleAction::KeepClass);
    assert!(!app.world().resource::<ConsoleView>().confirm_end);
    assert!(!class(&app).ended, "kept playing");
    press(&mut app, ConsoleAction::AskToEnd);
    press(&mut app, ConsoleAction::EndClass);
    assert!(class(&app).ended);
    assert!(!app.world().resource::<ConsoleView>().confirm_end);

    // The computer at table 1 has played (the US seat waits for nobody: its turn), so one record at least.
    let written = class(&app).written.len();
    press(&mut app, ConsoleAction::Debrief);
    assert_eq!(screen(&app), Screen::Debrief);
    let results = class(&app).results.display().to_string();
    let view = app.world().resource::<DebriefView>();
    assert_eq!(view.folder, results);
    assert_eq!(view.back_to, Screen::Console);
    let started = std::time::Instant::now();
    while app.world().resource::<DebriefView>().working() && started.elapsed().as_secs() < 120 {
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    match (written, &app.world().resource::<DebriefView>().result) {
        (0, Some(Err(message))) => assert!(message.contains("no game records"), "{message}"),
        (n, Some(Ok(debrief))) => assert_eq!(debrief.tables.len(), n),
        (n, Some(Err(message))) => panic!("{n} results written, yet: {message}"),
        (_, None) => panic!("the debrief was not worked out"),
    }
    app.world_mut().write_message(DebriefAction::Back);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Console, "back to the console");
}

#[test]
fn the_console_lists_laptops_disconnects_one_and_frees_a_seat() {
    use tradetable_core::network::protocol::{ClientMessage, PROTOCOL_VERSION, encode_client};
    let mut app = console("console-laptops", 1);
    let code = class(&app).host.join_code(1).unwrap().to_string();
    for (peer, side) in [(5, Side::Us), (6, Side::Partner)] {
        let join = encode_client(&ClientMessage::Join {
            protocol: PROTOCOL_VERSION,
            code: code.clone(),
            side: Some(side),
            token: None,
        });
        app.world_mut().resource_mut::<ClassHost>().host.receive(peer, &join, 0);
    }
    let seats = |app: &App| {
        let class = class(app);
        class
            .host
            .laptops(class.now_ms())
            .iter()
            .map(|l| (l.peer, l.seat))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        seats(&app),
        vec![(5, Some((1, Side::Us))), (6, Some((1, Side::Partner)))]
    );

    press(&mut app, ConsoleAction::Kick(5));
    assert_eq!(seats(&app), vec![(6, Some((1, Side::Partner)))]);
    let overview = |app: &App| class(app).host.overview(class(app).now_ms())[0].seats;
    assert_eq!(
        overview(&app).us,
        SeatPresence::Disconnected,
        "a kicked team's seat waits for its token"
    );

    press(
        &mut app,
        ConsoleAction::FreeSeat {
            table: 1,
            side: Side::Partner,
        },
    );
    assert!(seats(&app).is_empty());
    assert_eq!(overview(&app).partner, SeatPresence::Waiting, "a freed seat is free");
    assert!(class(&app).log.iter().any(|l| l.contains("partner seat is free")));
}

#[test]
fn each_hosting_draws_its_own_secret_join_codes_that_no_class_file_or_seed_gives_away() {
    use tradetable_core::classroom::join_code::JoinCode;
    let scenario = Scenario::builtin().unwrap();
    let people = PerSide::new(ClassSeat::People, ClassSeat::People);
    let class = ClassFile::new(&scenario, 3, 2025, people, &[], String::new()).unwrap();
    let dir = temp_dir("console-join-codes");
    let hosted = |folder: &str| {
        ClassHost::new(
            Arc::new(scenario.clone()),
            class.clone(),
            HostOptions::default(),
            dir.join(folder),
        )
        .unwrap()
        .join_codes
    };
    let (first, second) = (hosted("a"), hosted("b"));
    assert_eq!(first.len(), 3);
    for table in &class.tables {
        let code = &first[&table.number];
        assert!(JoinCode::parse(code).is_ok(), "{code}");
        assert_ne!(code, &table.code, "not the class code");
        assert_ne!(
            code, &second[&table.number],
            "two hostings of one class file draw different codes"
        );
    }
}
