//! A networked class over loopback UDP, played by headless bot laptops: a whole game over the network is the game
//! played locally; the bytes a laptop receives while it plays never hold the other side's objectives, brief or
//! personalities; a laptop killed mid-game comes back with its token on a new app and the game finishes; garbage,
//! moves out of turn and moves for the other side are refused and change nothing, and a laptop that keeps sending
//! garbage is dropped; and a bounded fuzz of random frames from raw clients leaves the host standing and its tables
//! as they were.
//!
//! One host app and its laptops live in the test's process, on 127.0.0.1 with ports the OS picks. Every wait is
//! bounded in updates and fails with a message; nothing asserts on time.
#![cfg(feature = "gui")]

#[path = "common/net.rs"]
mod net;

use std::net::SocketAddr;
use std::sync::Arc;

use bevy::prelude::*;
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tradetable::net::bot::{Bot, BotConfig};
use tradetable::net::transport::{
    self, ClientLink, ClientSend, MAX_FRAME_BYTES, PROTOCOL_ID, Received, TransportLimits,
};
use tradetable_core::ai::Strategy;
use tradetable_core::classroom::class::{ClassFile, TableCode};
use tradetable_core::classroom::record::GameRecord;
use tradetable_core::network::host::{HostOptions, MAX_STRIKES};
use tradetable_core::network::protocol::{
    ClientMessage, MAX_CLIENT_MESSAGE_BYTES, SeatPresence, public_state, scenario_for,
};
use tradetable_core::{GameState, Move, Scenario, Side, apply};

use net::{Scratch, bot, class_host, default_host_app, game, host_app, join_code, people_class, pump, scenario};

/// The game a class table starts from: the class seed and the injects its code switches on.
fn table_start(scenario: &Scenario, class: &ClassFile) -> Result<GameState, String> {
    let code = TableCode::decode(&class.tables[0].code).map_err(|e| e.to_string())?;
    Ok(GameState::with_injects(scenario, class.seed, code.inject_ids(scenario)))
}

/// The game two laptops with these strategies play, without a network: each decides on what the host sends its
/// side (the redacted scenario and the public view of the game), as the bots do; a refused move is a pass.
fn local_game_as_laptops(scenario: &Scenario, start: GameState, strategies: [Strategy; 2]) -> GameState {
    let views = [Side::Us, Side::Partner].map(|side| scenario_for(scenario, side, false));
    let mut agents = [strategies[0].agent(Side::Us), strategies[1].agent(Side::Partner)];
    let mut state = start;
    for _ in 0..1000 {
        if state.is_over() {
            break;
        }
        let k = usize::from(state.to_move == Side::Partner);
        let mv = agents[k].next_move(&views[k], &public_state(&state));
        state = match apply(scenario, &state, &mv).or_else(|_| apply(scenario, &state, &Move::Pass)) {
            Ok(applied) => applied.state,
            Err(_) => break,
        };
    }
    state
}

/// Where two games first differ, as a JSON path and the two values; none when they are equal.
fn first_difference(a: &GameState, b: &GameState) -> Option<String> {
    fn walk(path: &str, a: &serde_json::Value, b: &serde_json::Value) -> Option<String> {
        use serde_json::Value;
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => x
                .iter()
                .find_map(|(k, v)| walk(&format!("{path}.{k}"), v, y.get(k).unwrap_or(&Value::Null))),
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (v, w))| walk(&format!("{path}[{i}]"), v, w)),
            _ if a == b => None,
            _ => Some(format!("{path}: {a} vs {b}")),
        }
    }
    if a == b {
        return None;
    }
    let (x, y) = (serde_json::to_value(a).ok()?, serde_json::to_value(b).ok()?);
    Some(walk("", &x, &y).unwrap_or_else(|| "equal as JSON, different in memory (float bits?)".to_string()))
}

/// A one-table class and two bot laptops (US first) playing `strategies`, capturing what they receive.
struct Table {
    scenario: Arc<Scenario>,
    class: ClassFile,
    host: App,
    addr: SocketAddr,
    us: App,
    partner: App,
    _results: Scratch,
}

fn table(strategies: [Strategy; 2]) -> Result<Table, String> {
    let scenario = scenario();
    let class = people_class(&scenario, 1);
    let results = Scratch::new("net-class");
    let (host, addr) = default_host_app(scenario.clone(), class.clone(), results.path())?;
    let code = join_code(&host, 1);
    let us = BotConfig::new(addr, &code, Some(Side::Us), strategies[0])
        .capturing()
        .app()
        .map_err(|e| e.to_string())?;
    let partner = BotConfig::new(addr, &code, Some(Side::Partner), strategies[1])
        .capturing()
        .app()
        .map_err(|e| e.to_string())?;
    Ok(Table {
        scenario,
        class,
        host,
        addr,
        us,
        partner,
        _results: results,
    })
}

/// Plays the table to its end: the host has written the result and both laptops were told.
fn play_to_the_end(t: &mut Table) -> Result<GameRecord, String> {
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "the game's end",
        |host, laptops| !class_host(host).written.is_empty() && laptops.iter().all(|l| bot(l).finished.is_some()),
    )?;
    let written = &class_host(&t.host).written;
    assert_eq!(written.len(), 1, "one table, one result: {written:?}");
    tradetable::storage::read_record(&written[0]).map_err(|e| e.to_string())
}

#[test]
fn a_game_played_over_the_network_by_two_laptops_is_the_game_played_locally() -> Result<(), String> {
    let strategies = [Strategy::Boulware, Strategy::Linear];
    let mut t = table(strategies)?;
    let record = play_to_the_end(&mut t)?;

    // Every recorded move is accepted when the game is played again locally, and it ends the same way.
    let mut local = table_start(&t.scenario, &t.class)?;
    for (index, played) in record.moves.iter().enumerate() {
        assert_eq!(
            (local.round, local.to_move),
            (played.round, played.side),
            "move {index} is out of step"
        );
        local = apply(&t.scenario, &local, &played.mv)
            .map_err(|e| format!("move {index} ({}) is refused locally: {e}", played.mv))?
            .state;
    }
    assert!(local.is_over(), "the recorded moves end the game");
    let host_game = game(&t.host, 1)?;
    assert_eq!(host_game.outcome, local.outcome);
    assert_eq!(
        first_difference(&host_game, &local),
        None,
        "the host's game is the local replay"
    );
    for laptop in [&t.us, &t.partner] {
        let told = bot(laptop).finished.as_ref().ok_or("a laptop was not told the end")?;
        assert_eq!(first_difference(told, &local), None, "a laptop was told another ending");
        assert!(bot(laptop).refusals.is_empty(), "{:?}", bot(laptop).refusals);
        assert!(bot(laptop).unreadable.is_empty(), "{:?}", bot(laptop).unreadable);
        assert_eq!(bot(laptop).fell_back, None);
    }

    // And the moves are the ones the same two strategies choose locally when they know what the laptops know.
    let expected = local_game_as_laptops(&t.scenario, table_start(&t.scenario, &t.class)?, strategies);
    let expected: Vec<_> = expected.moves.iter().map(|m| (**m).clone()).collect();
    assert_eq!(record.moves, expected, "the network game differs from the local one");
    let sent_by = |side: Side| -> Vec<Move> {
        record
            .moves
            .iter()
            .filter(|m| m.side == side)
            .map(|m| m.mv.clone())
            .collect()
    };
    assert_eq!(bot(&t.us).moves_sent, sent_by(Side::Us));
    assert_eq!(bot(&t.partner).moves_sent, sent_by(Side::Partner));
    println!(
        "a {}-move game over loopback: {}",
        record.moves.len(),
        local.outcome.as_ref().map_or("unfinished", |o| o.reason.as_str())
    );
    Ok(())
}

#[test]
fn a_laptop_never_receives_the_other_sides_secrets_while_the_game_is_on() -> Result<(), String> {
    let mut t = table([Strategy::TitForTat, Strategy::Conceder])?;
    play_to_the_end(&mut t)?;
    let scenario = &t.scenario;
    for laptop in [&t.us, &t.partner] {
        let state = bot(laptop);
        let side = state.side.ok_or("a laptop without a side")?;
        let other = side.other();
        assert!(
            state.captured.len() >= 2,
            "{side:?} captured {} frames",
            state.captured.len()
        );
        // The scenario travels as RON inside JSON: undo both escapes so a name is found however it was quoted.
        let text = state
            .captured
            .iter()
            .map(|frame| String::from_utf8_lossy(frame).into_owned())
            .collect::<String>()
            .replace("\\\\", "\\")
            .replace("\\'", "'");
        for objective in &scenario.objectives[side] {
            assert!(
                text.contains(objective.name.as_str()),
                "{side:?} lacks its own objective {:?}",
                objective.name
            );
        }
        for objective in &scenario.objectives[other] {
            assert!(
                !text.contains(objective.name.as_str()),
                "{side:?} was sent the other side's objective {:?}",
                objective.name
            );
        }
        let brief = &scenario.briefs.as_ref().ok_or("the scenario has no briefs")?[other];
        for secret in [&brief.goals, &brief.walk_away, &brief.keep_private] {
            assert!(!secret.is_empty(), "the shipped scenario has a brief for each side");
            assert!(
                !text.contains(secret.as_str()),
                "{side:?} was sent the other side's brief"
            );
        }
        let theirs: Vec<_> = scenario.personalities.iter().filter(|p| p.side == other).collect();
        assert!(
            !theirs.is_empty(),
            "the shipped scenario has personalities for each side"
        );
        for personality in theirs {
            assert!(
                !text.contains(personality.id.as_str()),
                "{side:?} was sent the personality {}",
                personality.id
            );
        }
        assert!(!text.contains("\"seed\":2025"), "{side:?} was sent the seed");
        // Once the game is over the other side's objectives are revealed, for the results screen.
        let revealed = state
            .finished_scenario
            .as_ref()
            .ok_or("no scenario with the finished game")?;
        assert_eq!(revealed.objectives[other].len(), scenario.objectives[other].len());
    }
    Ok(())
}

#[test]
fn a_laptop_killed_mid_game_comes_back_on_a_new_app_with_its_token_and_the_game_finishes() -> Result<(), String> {
    let mut t = table([Strategy::Boulware, Strategy::Linear])?;
    // Let the US play twice, then stop it at its next turn.
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "two US moves",
        |_, laptops| bot(laptops[0]).moves_sent.len() >= 2,
    )?;
    Bot::hold(t.us.world_mut(), true);
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "the US to move again, every move it sent received",
        |host, laptops| {
            // A move the US sent just before it was held may still be on its way: wait until the host has it, so
            // the game is not taken as it stands while the move is in flight.
            let sent = bot(laptops[0]).moves_sent.len();
            class_host(host).host.game(1).is_some_and(|g| {
                !g.is_over()
                    && g.to_move == Side::Us
                    && g.moves.len() >= 2
                    && g.moves.iter().filter(|m| m.side == Side::Us).count() == sent
            })
        },
    )?;
    let token = bot(&t.us).token.clone().ok_or("the US laptop has no token")?;
    let before = game(&t.host, 1)?;

    // The US laptop is gone without a word (its app is dropped) and the partner's link drops too.
    drop(std::mem::replace(&mut t.us, App::new()));
    Bot::drop_link(t.partner.world_mut());
    pump(
        &mut t.host,
        &mut [&mut t.partner],
        "the partner seen gone",
        |host, _| class_host(host).host.overview(0)[0].seats.partner == SeatPresence::Disconnected,
    )?;
    // A new app (a new client id) comes back into the US seat with the token; the partner reconnects on its own
    // app under its own client id.
    t.us = BotConfig::new(t.addr, &join_code(&t.host, 1), None, Strategy::Boulware)
        .with_token(&token)
        .app()
        .map_err(|e| e.to_string())?;
    Bot::reconnect(t.partner.world_mut()).map_err(|e| e.to_string())?;
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "both back in their seats",
        |_, laptops| bot(laptops[0]).welcomes == 1 && bot(laptops[1]).welcomes == 2 && bot(laptops[0]).view.is_some(),
    )?;
    assert_eq!(bot(&t.us).side, Some(Side::Us), "the token gave back the US seat");
    assert_eq!(bot(&t.us).token.as_deref(), Some(token.as_str()));
    assert_eq!(bot(&t.partner).side, Some(Side::Partner));
    assert_eq!(game(&t.host, 1)?, before, "the game waited for its teams");

    let record = play_to_the_end(&mut t)?;
    assert!(record.moves.len() > before.moves.len());
    let played_before: Vec<_> = before.moves.iter().map(|m| (**m).clone()).collect();
    assert_eq!(
        record.moves[..played_before.len()],
        played_before[..],
        "the game went on from where it stopped"
    );
    let replayed = record.replay(&t.scenario).map_err(|e| e.to_string())?;
    for laptop in [&t.us, &t.partner] {
        let told = bot(laptop).finished.as_ref().ok_or("a laptop was not told the end")?;
        assert_eq!(
            first_difference(told, &replayed),
            None,
            "a laptop was told another ending"
        );
    }
    assert!(bot(&t.us).refusals.is_empty(), "{:?}", bot(&t.us).refusals);
    assert!(bot(&t.partner).refusals.is_empty(), "{:?}", bot(&t.partner).refusals);
    Ok(())
}

#[test]
fn refused_messages_change_nothing_and_a_laptop_that_keeps_sending_garbage_is_dropped() -> Result<(), String> {
    let mut t = table([Strategy::Conceder, Strategy::Linear])?;
    Bot::hold(t.us.world_mut(), true);
    Bot::hold(t.partner.world_mut(), true);
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "both seated",
        |_, laptops| {
            laptops.iter().all(|l| {
                bot(l).view.as_ref().is_some_and(|v| {
                    v.seats.us == SeatPresence::Connected && v.seats.partner == SeatPresence::Connected
                })
            })
        },
    )?;
    let before = game(&t.host, 1)?;
    assert_eq!(before.to_move, Side::Us, "the US moves first");

    // The partner moves out of turn and sends garbage; the US makes the partner's move.
    Bot::send(t.partner.world_mut(), &ClientMessage::Move { mv: Move::Pass });
    Bot::send_raw(t.partner.world_mut(), b"\x00\x01 not json");
    Bot::send(
        t.us.world_mut(),
        &ClientMessage::Move {
            mv: Move::Implement {
                lever: "fmvss".into(),
                level: 1.0,
            },
        },
    );
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "three refusals",
        |_, laptops| bot(laptops[0]).refusals.len() == 1 && bot(laptops[1]).refusals.len() == 2,
    )?;
    let partner_refusals = &bot(&t.partner).refusals;
    assert!(partner_refusals[0].contains("not your turn"), "{partner_refusals:?}");
    assert!(partner_refusals[1].contains("not a message"), "{partner_refusals:?}");
    assert!(
        bot(&t.us).refusals[0].contains("other side"),
        "{:?}",
        bot(&t.us).refusals
    );

    // A stranger's laptop finds the table full, then keeps sending garbage until the host drops it.
    let mut stranger = Bot::app(t.addr, &join_code(&t.host, 1), None, Strategy::Linear).map_err(|e| e.to_string())?;
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner, &mut stranger],
        "the stranger refused a seat",
        |_, laptops| !bot(laptops[2]).refusals.is_empty(),
    )?;
    assert!(
        bot(&stranger).refusals[0].contains("taken"),
        "{:?}",
        bot(&stranger).refusals
    );
    // One garbage frame an update until the link is down: the refused join was the first strike.
    let mut garbage_sent = 0;
    for _ in 0..net::MAX_UPDATES {
        if let ClientLink::Disconnected(_) = stranger.world().resource::<ClientLink>() {
            break;
        }
        if *stranger.world().resource::<ClientLink>() == ClientLink::Connected && garbage_sent < 4 * MAX_STRIKES {
            Bot::send_raw(stranger.world_mut(), b"{\"type\":\"garbage\"}");
            garbage_sent += 1;
        }
        t.host.update();
        t.us.update();
        t.partner.update();
        stranger.update();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let ClientLink::Disconnected(reason) = stranger.world().resource::<ClientLink>().clone() else {
        return Err("the laptop sending garbage was not dropped".to_string());
    };
    assert!(
        reason.contains("kicked by the host") && reason.contains("refused messages"),
        "the stranger was told: {reason}"
    );
    assert!(
        garbage_sent < 4 * MAX_STRIKES,
        "dropped only after {garbage_sent} garbage frames"
    );

    assert_eq!(game(&t.host, 1)?, before, "no refused message changed the table");

    // The game goes on.
    Bot::hold(t.us.world_mut(), false);
    Bot::hold(t.partner.world_mut(), false);
    let record = play_to_the_end(&mut t)?;
    assert!(!record.moves.is_empty());
    assert_eq!(bot(&t.us).refusals.len(), 1, "{:?}", bot(&t.us).refusals);
    assert_eq!(bot(&t.partner).refusals.len(), 2, "{:?}", bot(&t.partner).refusals);
    Ok(())
}

/// What reached the host's protocol layer, counted.
#[derive(Resource, Default)]
struct FramesAtHost(usize);

fn count_frames(mut received: MessageReader<Received>, mut count: ResMut<FramesAtHost>) {
    count.0 += received.read().count();
}

/// Frames of the fuzz that reach the host's decoder, at least.
const FUZZ_FRAMES: usize = 400;

#[test]
fn a_bounded_fuzz_of_random_frames_over_the_network_leaves_the_host_and_its_tables_unchanged() -> Result<(), String> {
    let scenario = scenario();
    let class = people_class(&scenario, 2);
    let results = Scratch::new("net-fuzz");
    // No flood limit to speak of: the fuzz is after the protocol layer, not the token bucket.
    let limits = TransportLimits {
        frames_per_second: 100_000.0,
        burst_frames: 100_000.0,
        max_peers: 64,
        ..TransportLimits::default()
    };
    let (mut host, addr) = host_app(
        scenario.clone(),
        class.clone(),
        HostOptions::default(),
        results.path(),
        Some(limits),
        |app| {
            app.init_resource::<FramesAtHost>().add_systems(Update, count_frames);
        },
    )?;
    // A seated team, held, whose table must not move either.
    let mut seated =
        Bot::app(addr, &join_code(&host, 1), Some(Side::Us), Strategy::Linear).map_err(|e| e.to_string())?;
    Bot::hold(seated.world_mut(), true);
    pump(&mut host, &mut [&mut seated], "the team seated", |_, laptops| {
        bot(laptops[0]).view.is_some()
    })?;
    let before: Vec<GameState> = (1..=2).map(|n| game(&host, n)).collect::<Result<_, _>>()?;

    let mut raw: Vec<App> = (0..4).map(|_| transport::headless_client_app()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(2025);
    let shapes = [
        r#"{"type":"join","protocol":1,"code":"#,
        r#"{"type":"move","mv":"#,
        r#"{"type":"move","mv":{"Propose":{"choice":["#,
        r#"{"type":"move","mv":{"SetTariff":{"instrument":""#,
        "",
    ];
    let (mut sent, mut connections) = (0usize, 0usize);
    for _ in 0..net::MAX_UPDATES {
        if host.world().resource::<FramesAtHost>().0 >= FUZZ_FRAMES {
            break;
        }
        for client in &mut raw {
            match client.world().resource::<ClientLink>().clone() {
                // Kicked (five refused messages, or one frame too large): come back as a new laptop.
                ClientLink::Disconnected(_) => {
                    transport::connect(client.world_mut(), addr, &join_code(&host, 1), PROTOCOL_ID)
                        .map_err(|e| e.to_string())?;
                    connections += 1;
                }
                ClientLink::Connecting => {}
                ClientLink::Connected => {
                    for _ in 0..8 {
                        let mut bytes = shapes[rng.random_range(0..shapes.len())].as_bytes().to_vec();
                        let extra = match rng.random_range(0..50) {
                            // Now and then larger than any message, and once in a while larger than any frame.
                            0 => MAX_CLIENT_MESSAGE_BYTES + rng.random_range(1..1000),
                            1 => MAX_FRAME_BYTES + 1,
                            _ => rng.random_range(0..96),
                        };
                        bytes.extend((0..extra).map(|_| rng.random::<u8>()));
                        client.world_mut().write_message(ClientSend(bytes));
                        sent += 1;
                    }
                }
            }
        }
        host.update();
        seated.update();
        for client in &mut raw {
            client.update();
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let reached = host.world().resource::<FramesAtHost>().0;
    println!("fuzz: {sent} frames sent on {connections} connections, {reached} reached the host's decoder");
    assert!(
        reached >= FUZZ_FRAMES,
        "only {reached} of {sent} frames reached the host"
    );

    let after: Vec<GameState> = (1..=2).map(|n| game(&host, n)).collect::<Result<_, _>>()?;
    assert_eq!(before, after, "a random frame moved a table");
    assert!(class_host(&host).written.is_empty(), "no game ended");
    // The seated team is still seated and was sent nothing it did not ask for.
    pump(
        &mut host,
        &mut [&mut seated],
        "the seated team still connected",
        |_, laptops| *laptops[0].world().resource::<ClientLink>() == ClientLink::Connected,
    )?;
    assert!(bot(&seated).refusals.is_empty(), "{:?}", bot(&seated).refusals);
    assert_eq!(class_host(&host).host.overview(0)[0].seats.us, SeatPresence::Connected);
    Ok(())
}

#[test]
fn a_paced_laptop_waits_its_pace_between_two_moves() -> Result<(), String> {
    const PACE_MS: u64 = 40;
    let scenario = scenario();
    let class = people_class(&scenario, 1);
    let results = Scratch::new("net-pace");
    let (mut host, addr) = default_host_app(scenario, class.clone(), results.path())?;
    let code = &join_code(&host, 1);
    let mut us = BotConfig::new(addr, code, Some(Side::Us), Strategy::Conceder)
        .pace_ms(PACE_MS)
        .app()
        .map_err(|e| e.to_string())?;
    let mut partner = Bot::app(addr, code, Some(Side::Partner), Strategy::Linear).map_err(|e| e.to_string())?;
    pump(
        &mut host,
        &mut [&mut us, &mut partner],
        "the first US move",
        |_, laptops| !bot(laptops[0]).moves_sent.is_empty(),
    )?;
    let first_move = std::time::Instant::now();
    pump(
        &mut host,
        &mut [&mut us, &mut partner],
        "the paced game's end",
        |_, laptops| laptops.iter().all(|l| bot(l).finished.is_some()),
    )?;
    let later_moves = bot(&us).moves_sent.len() as u32 - 1;
    assert!(
        later_moves >= 2,
        "a game long enough to show the pace: {later_moves} more US moves"
    );
    // A lower bound the bot guarantees, however slow the machine: not a measure of speed.
    let least = std::time::Duration::from_millis(PACE_MS) * later_moves;
    assert!(
        first_move.elapsed() >= least,
        "{later_moves} US moves after the first in {:?}, less than {least:?}",
        first_move.elapsed()
    );
    Ok(())
}
