//! The host of a networked class, without the network: a game played through it by two laptops is the game played
//! locally; a side is never sent the other side's objectives, brief or personalities while it plays; a dropped laptop
//! comes back with its token; garbage, moves out of turn and moves for the other side are refused and change no
//! table; a bounded fuzz of random messages never panics it; and the teacher pauses, fires injects and seats the
//! computer.

use std::sync::Arc;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tradetable_core::ai::Strategy;
use tradetable_core::ai::play::play_from;
use tradetable_core::classroom::class::{ClassFile, ClassSeat};
use tradetable_core::classroom::record::GameRecord;
use tradetable_core::network::host::{Host, HostEffect, HostOptions, MAX_STRIKES, PeerId, SEAT_GRACE_MS, SavedTable};
use tradetable_core::network::protocol::{ClientMessage, HostMessage, PROTOCOL_VERSION, encode_client, encode_host};
use tradetable_core::rules::negotiation::PlayedMove;
use tradetable_core::{GameState, Move, PerSide, Scenario, Side};

const US: PeerId = 1;
const PARTNER: PeerId = 2;

fn scenario() -> Arc<Scenario> {
    Arc::new(Scenario::builtin().unwrap())
}

fn class(scenario: &Scenario, tables: u32, seats: PerSide<ClassSeat>) -> ClassFile {
    ClassFile::new(scenario, tables, 2025, seats, &[], "2026-11-29T00:00:00Z".into()).unwrap()
}

fn people() -> PerSide<ClassSeat> {
    PerSide::new(ClassSeat::People, ClassSeat::People)
}

fn join(code: &str, side: Option<Side>, token: Option<&str>) -> Vec<u8> {
    encode_client(&ClientMessage::Join {
        protocol: PROTOCOL_VERSION,
        code: code.to_string(),
        side,
        token: token.map(str::to_string),
    })
}

fn send_move(mv: &Move) -> Vec<u8> {
    encode_client(&ClientMessage::Move { mv: mv.clone() })
}

/// The messages the effects send to `peer`.
fn sent_to(effects: &[HostEffect], peer: PeerId) -> Vec<HostMessage> {
    effects
        .iter()
        .filter_map(|e| match e {
            HostEffect::Send { peer: p, message } if *p == peer => Some(message.clone()),
            _ => None,
        })
        .collect()
}

fn token_of(effects: &[HostEffect], peer: PeerId) -> String {
    sent_to(effects, peer)
        .into_iter()
        .find_map(|m| match m {
            HostMessage::Welcome { token, .. } => Some(token),
            _ => None,
        })
        .expect("a welcome")
}

fn finished(effects: &[HostEffect]) -> Option<GameRecord> {
    effects.iter().find_map(|e| match e {
        HostEffect::Finished { record, .. } => Some((**record).clone()),
        _ => None,
    })
}

/// A local game between two strategies: the moves the laptops will send.
fn local_game(scenario: &Scenario, seed: u64) -> GameState {
    let mut us = Strategy::Boulware.agent(Side::Us);
    let mut partner = Strategy::Linear.agent(Side::Partner);
    play_from(scenario, GameState::new(scenario, seed), us.as_mut(), partner.as_mut())
}

#[test]
fn a_game_through_the_host_is_the_game_played_locally_and_no_side_sees_the_others_secrets() {
    let scenario = scenario();
    let class = class(&scenario, 2, people());
    let code = class.tables[0].code.clone();
    let local = local_game(&scenario, class.seed);
    let mut host = Host::new(scenario.clone(), &class, HostOptions::default(), 7, 0).unwrap();
    let mut bytes: PerSide<Vec<u8>> = PerSide::default();
    let mut record = None;
    let mut effects = host.receive(US, &join(&code, Some(Side::Us), None), 0);
    effects.extend(host.receive(PARTNER, &join(&code, None, None), 0));
    for (clock, played) in local.moves.iter().enumerate() {
        let peer = if played.side == Side::Us { US } else { PARTNER };
        let now = 1000 * (clock as u64 + 1);
        let more = host.receive(peer, &send_move(&played.mv), now);
        assert!(
            sent_to(&more, peer)
                .iter()
                .all(|m| !matches!(m, HostMessage::Refused { .. })),
            "move {clock} refused"
        );
        effects.extend(more);
    }
    for e in &effects {
        if let HostEffect::Send { peer, message } = e {
            // What the laptops could read while they played: everything before the game's end.
            if !matches!(message, HostMessage::Finished { .. }) {
                let side = if *peer == US { Side::Us } else { Side::Partner };
                bytes[side].extend(encode_host(message));
            }
        }
        if let HostEffect::Finished { record: r, .. } = e {
            record = Some((**r).clone());
        }
    }
    let record = record.expect("the table's game ended");
    // A laptop sends the move alone, so the host's record has the moves without the local players' reasons.
    let moves: Vec<_> = local
        .moves
        .iter()
        .map(|m| PlayedMove {
            reasons: Vec::new(),
            ..(**m).clone()
        })
        .collect();
    assert_eq!(record.moves, moves, "the host's record has the moves played locally");
    assert_eq!(record.replay(&scenario).unwrap().outcome, local.outcome);
    assert_eq!(host.game(1).unwrap().outcome, local.outcome);

    for side in Side::BOTH {
        // The scenario travels as RON inside JSON: undo both escapes so a name is found however it was quoted.
        let text = String::from_utf8_lossy(&bytes[side])
            .replace("\\\\", "\\")
            .replace("\\'", "'");
        let other = side.other();
        for objective in &scenario.objectives[other] {
            assert!(
                !text.contains(objective.name.as_str()),
                "{side:?} was sent the other side's objective {:?}",
                objective.name
            );
        }
        for objective in &scenario.objectives[side] {
            assert!(
                text.contains(objective.name.as_str()),
                "{side:?} lacks its own objectives"
            );
        }
        let brief = &scenario.briefs.as_ref().unwrap()[other];
        for secret in [&brief.goals, &brief.walk_away, &brief.keep_private] {
            assert!(
                !text.contains(secret.as_str()),
                "{side:?} was sent the other side's brief"
            );
        }
        for personality in scenario.personalities.iter().filter(|p| p.side == other) {
            assert!(
                !text.contains(personality.id.as_str()),
                "{side:?} was sent the personality {}",
                personality.id
            );
        }
        assert!(!text.contains("\"seed\":2025"), "{side:?} was sent the seed");
    }
}

#[test]
fn a_dropped_laptop_comes_back_with_its_token_and_finishes() {
    let scenario = scenario();
    let class = class(&scenario, 1, people());
    let code = class.tables[0].code.clone();
    let local = local_game(&scenario, class.seed);
    let mut host = Host::new(scenario.clone(), &class, HostOptions::default(), 7, 0).unwrap();
    let token = token_of(&host.receive(US, &join(&code, Some(Side::Us), None), 0), US);
    host.receive(PARTNER, &join(&code, Some(Side::Partner), None), 0);
    let half = local.moves.len() / 2;
    let mut us_peer = US;
    let mut record = None;
    for (i, played) in local.moves.iter().enumerate() {
        if i == half {
            host.disconnect(us_peer);
            assert_eq!(
                host.overview(0)[0].seats.us,
                tradetable_core::network::protocol::SeatPresence::Disconnected
            );
            // A stranger cannot take the seat without the token.
            let stranger = host.receive(9, &join(&code, Some(Side::Us), None), 0);
            assert!(matches!(sent_to(&stranger, 9)[0], HostMessage::Refused { .. }));
            us_peer = 10;
            let back = host.receive(us_peer, &join(&code, None, Some(&token)), 0);
            assert!(matches!(
                &sent_to(&back, us_peer)[0],
                HostMessage::Welcome { side: Side::Us, .. }
            ));
        }
        let peer = if played.side == Side::Us { us_peer } else { PARTNER };
        let effects = host.receive(peer, &send_move(&played.mv), i as u64);
        record = record.or(finished(&effects));
    }
    let record = record.expect("the game ended after the reconnection");
    assert_eq!(record.moves.len(), local.moves.len());
}

#[test]
fn garbage_other_side_and_out_of_turn_moves_are_refused_and_change_nothing() {
    let scenario = scenario();
    let class = class(&scenario, 1, people());
    let code = class.tables[0].code.clone();
    let mut host = Host::new(scenario.clone(), &class, HostOptions::default(), 7, 0).unwrap();
    host.receive(US, &join(&code, Some(Side::Us), None), 0);
    host.receive(PARTNER, &join(&code, Some(Side::Partner), None), 0);
    let before = host.game(1).unwrap().clone();
    let attempts: Vec<(PeerId, Vec<u8>)> = vec![
        (PARTNER, send_move(&Move::Pass)),   // out of turn: the US moves first
        (PARTNER, send_move(&Move::Accept)), // out of turn
        (
            US,
            send_move(&Move::Implement {
                lever: "fmvss".into(),
                level: 1.0,
            }),
        ), // the other side's lever
        (US, b"\x00\x01 not json".to_vec()),
        (
            US,
            br#"{"type":"move","mv":{"SetTariff":{"instrument":"s232_autos","rate":0.33}}}"#.to_vec(),
        ),
        (US, join(&code, Some(Side::Us), None)), // already seated
        (3, send_move(&Move::Pass)),             // no seat
        (3, join("NOT-A-CODE", None, None)),
    ];
    for (peer, bytes) in attempts {
        let effects = host.receive(peer, &bytes, 5);
        let messages = sent_to(&effects, peer);
        assert!(
            matches!(messages.first(), Some(HostMessage::Refused { .. })),
            "{:?} was not refused: {messages:?}",
            String::from_utf8_lossy(&bytes)
        );
        assert!(
            effects.iter().any(|e| matches!(e, HostEffect::Log(_))),
            "a refusal is logged"
        );
    }
    assert_eq!(host.game(1).unwrap(), &before, "no refused message changed the table");
    // The game goes on: the US can still move.
    let effects = host.receive(US, &send_move(&Move::Pass), 6);
    assert!(
        sent_to(&effects, US)
            .iter()
            .all(|m| !matches!(m, HostMessage::Refused { .. }))
    );
    // A laptop that keeps sending garbage is dropped.
    let mut dropped = false;
    for _ in 0..MAX_STRIKES {
        dropped |= host
            .receive(PARTNER, b"garbage", 7)
            .iter()
            .any(|e| matches!(e, HostEffect::Drop { peer: PARTNER, .. }));
    }
    assert!(dropped, "a connection that keeps misbehaving is dropped");
}

#[test]
fn a_bounded_fuzz_of_random_messages_never_panics_the_host_or_moves_a_table() {
    let scenario = scenario();
    let class = class(&scenario, 3, people());
    let code = class.tables[0].code.clone();
    let mut host = Host::new(scenario.clone(), &class, HostOptions::default(), 7, 0).unwrap();
    host.receive(US, &join(&code, Some(Side::Us), None), 0);
    let before: Vec<GameState> = (1..=3).map(|n| host.game(n).unwrap().clone()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let shapes = [
        r#"{"type":"join","protocol":1,"code":"#,
        r#"{"type":"move","mv":"#,
        r#"{"type":"move","mv":{"Propose":{"choice":["#,
        r#"{"type":"move","mv":{"SetTariff":{"instrument":""#,
        "",
    ];
    for i in 0..3000u64 {
        let mut bytes = shapes[rng.random_range(0..shapes.len())].as_bytes().to_vec();
        let extra = rng.random_range(0..64);
        bytes.extend((0..extra).map(|_| rng.random::<u8>()));
        // Peers other than the seated US laptop: whatever they send, no table may move.
        let peer = 100 + rng.random_range(0..5u64);
        let _ = host.receive(peer, &bytes, i);
        if i % 500 == 0 {
            let _ = host.disconnect(peer);
        }
    }
    let after: Vec<GameState> = (1..=3).map(|n| host.game(n).unwrap().clone()).collect();
    assert_eq!(before, after);
}

#[test]
fn the_teacher_pauses_fires_injects_seats_the_computer_and_times_turns() {
    let scenario = scenario();
    let class = class(&scenario, 2, people());
    let code = class.tables[0].code.clone();
    let options = HostOptions {
        turn_seconds: Some(60),
        ..HostOptions::default()
    };
    let mut host = Host::new(scenario.clone(), &class, options, 7, 0).unwrap();
    host.receive(US, &join(&code, Some(Side::Us), None), 0);

    // Paused: moves are refused, and the turn's clock does not run.
    host.set_paused(Some(1), true, 1_000);
    let refused = host.receive(US, &send_move(&Move::Pass), 2_000);
    assert!(matches!(sent_to(&refused, US)[0], HostMessage::Refused { .. }));
    assert!(host.tick(200_000).is_empty(), "a paused table's timer does not run");
    host.set_paused(None, false, 200_000);

    // The round timer: the US team's time runs out and it passes.
    host.tick(259_000);
    assert_eq!(host.game(1).unwrap().moves.len(), 0);
    host.tick(260_000);
    assert_eq!(
        host.game(1).unwrap().moves.len(),
        1,
        "the US passed when its time ran out"
    );

    // An inject fired now takes effect at the end of the round, at that table only.
    let id = scenario.injects[0].id.clone();
    let (_, refusals) = host.fire_inject(Some(1), &id);
    assert!(refusals.is_empty(), "{refusals:?}");
    let (_, again) = host.fire_inject(Some(1), &id);
    assert_eq!(again.len(), 1, "an inject fires once");

    // Nobody came for the partner's seat: the computer takes it and plays.
    host.seat_computer(
        1,
        Side::Partner,
        tradetable_core::ai::Opponent::Difficulty(tradetable_core::ai::Difficulty::Easy),
        260_000,
    )
    .unwrap();
    let mut record = None;
    for step in 0..2_000u64 {
        let now = 261_000 + step * 61_000;
        let effects = host.tick(now);
        record = record.or(finished(&effects));
        if record.is_some() {
            break;
        }
    }
    let record = record.expect("the timed US seat and the computer finish the game");
    let news: Vec<String> = record
        .replay(&scenario)
        .unwrap()
        .news
        .iter()
        .map(|e| e.text.clone())
        .collect();
    assert!(
        news.contains(&scenario.injects[0].news),
        "the fired inject is in the game, and a replay of its record fires it again"
    );
    assert!(
        host.game(2)
            .unwrap()
            .news
            .iter()
            .all(|e| e.text != scenario.injects[0].news),
        "only table 1"
    );
}

#[test]
fn a_computer_seat_waits_its_pace_after_the_last_move_before_it_moves() {
    let scenario = scenario();
    let computer = ClassSeat::Computer(tradetable_core::ai::Difficulty::Normal);
    let class = class(&scenario, 1, PerSide::new(computer, computer));
    let options = HostOptions {
        computer_pace_ms: 1_500,
        ..HostOptions::default()
    };
    let mut host = Host::new(scenario.clone(), &class, options, 7, 0).unwrap();
    host.tick(1_499);
    assert!(
        host.game(1).unwrap().moves.is_empty(),
        "too soon after the table opened"
    );
    host.tick(1_500);
    assert_eq!(
        host.game(1).unwrap().moves.len(),
        1,
        "one move once the pace has passed"
    );
    host.tick(2_000);
    assert_eq!(
        host.game(1).unwrap().moves.len(),
        1,
        "the next waits a pace after this one"
    );
    host.tick(3_000);
    assert_eq!(host.game(1).unwrap().moves.len(), 2);
}

fn dropped(effects: &[HostEffect]) -> Vec<PeerId> {
    effects
        .iter()
        .filter_map(|e| match e {
            HostEffect::Drop { peer, .. } => Some(*peer),
            _ => None,
        })
        .collect()
}

fn logged(effects: &[HostEffect]) -> String {
    effects
        .iter()
        .filter_map(|e| match e {
            HostEffect::Log(line) => Some(line.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_connection_that_takes_no_seat_within_the_grace_is_dropped_and_a_seated_one_is_not() {
    let scenario = scenario();
    let class = class(&scenario, 1, people());
    let code = class.tables[0].code.clone();
    let mut host = Host::new(scenario, &class, HostOptions::default(), 7, 0).unwrap();
    host.connect(US, 0);
    host.connect(9, 0);
    host.receive(US, &join(&code, Some(Side::Us), None), 100);
    assert!(dropped(&host.tick(SEAT_GRACE_MS - 1)).is_empty());
    assert_eq!(dropped(&host.tick(SEAT_GRACE_MS)), vec![9]);
    assert!(
        dropped(&host.tick(10 * SEAT_GRACE_MS)).is_empty(),
        "the seated laptop stays"
    );
    let laptops = host.laptops(10 * SEAT_GRACE_MS);
    assert_eq!(laptops.len(), 1);
    assert_eq!(laptops[0].seat, Some((1, Side::Us)));
}

#[test]
fn the_teacher_kicks_a_laptop_whose_team_comes_back_and_frees_a_seat_whose_token_then_fails() {
    let scenario = scenario();
    let class = class(&scenario, 1, people());
    let code = class.tables[0].code.clone();
    let mut host = Host::new(scenario, &class, HostOptions::default(), 7, 0).unwrap();
    let token = token_of(&host.receive(US, &join(&code, Some(Side::Us), None), 0), US);
    let kicked = host.kick(US, "the teacher disconnected this laptop");
    assert_eq!(dropped(&kicked), vec![US]);
    assert!(matches!(sent_to(&kicked, US)[0], HostMessage::Closed { .. }));
    let back = host.receive(3, &join(&code, None, Some(&token)), 0);
    assert!(matches!(
        sent_to(&back, 3)[0],
        HostMessage::Welcome { side: Side::Us, .. }
    ));

    let freed = host.free_seat(1, Side::Us, 0).unwrap();
    assert_eq!(dropped(&freed), vec![3]);
    let refused = host.receive(4, &join(&code, None, Some(&token)), 0);
    assert!(matches!(sent_to(&refused, 4)[0], HostMessage::Refused { .. }));
    let fresh = host.receive(5, &join(&code, Some(Side::Us), None), 0);
    assert!(matches!(
        sent_to(&fresh, 5)[0],
        HostMessage::Welcome { side: Side::Us, .. }
    ));
    assert!(host.free_seat(9, Side::Us, 0).is_err());
}

#[test]
fn a_second_laptop_with_the_seat_token_takes_the_seat_over_and_both_and_the_log_are_told() {
    let scenario = scenario();
    let class = class(&scenario, 1, people());
    let code = class.tables[0].code.clone();
    let mut host = Host::new(scenario, &class, HostOptions::default(), 7, 0).unwrap();
    let token = token_of(&host.receive(US, &join(&code, Some(Side::Us), None), 0), US);
    let over = host.receive(8, &join(&code, Some(Side::Us), Some(&token)), 0);
    assert!(matches!(
        sent_to(&over, 8)[0],
        HostMessage::Welcome {
            side: Side::Us,
            took_over: true,
            ..
        }
    ));
    assert!(
        matches!(sent_to(&over, US)[0], HostMessage::Closed { .. }),
        "the first laptop is told"
    );
    assert_eq!(dropped(&over), vec![US]);
    assert!(logged(&over).contains("took the us seat over"), "{}", logged(&over));
    // The first laptop's moves no longer count.
    let late = host.receive(US, &send_move(&Move::Pass), 0);
    assert!(matches!(sent_to(&late, US)[0], HostMessage::Refused { .. }));
}

/// The latest saved state of table `number` among the effects.
fn saved_of(effects: &[HostEffect], number: u32) -> Option<SavedTable> {
    effects.iter().rev().find_map(|e| match e {
        HostEffect::Persist { table, saved, .. } if *table == number => Some((**saved).clone()),
        _ => None,
    })
}

#[test]
fn a_restarted_host_resumes_a_table_from_its_saved_state_and_honours_the_same_seat_tokens() {
    let scenario = scenario();
    let class = class(&scenario, 2, people());
    let code = class.tables[0].code.clone();
    let local = local_game(&scenario, class.seed);
    let mut host = Host::new(scenario.clone(), &class, HostOptions::default(), 7, 0).unwrap();
    let mut saved = None;
    let us_join = host.receive(US, &join(&code, Some(Side::Us), None), 0);
    let us_token = token_of(&us_join, US);
    let partner_join = host.receive(PARTNER, &join(&code, Some(Side::Partner), None), 0);
    let partner_token = token_of(&partner_join, PARTNER);
    saved = saved.or(saved_of(&partner_join, 1));
    let half = local.moves.len() / 2;
    for played in &local.moves[..half] {
        let peer = if played.side == Side::Us { US } else { PARTNER };
        let effects = host.receive(peer, &send_move(&played.mv), 0);
        saved = saved_of(&effects, 1).or(saved);
    }
    let saved = saved.expect("every move keeps the table");
    assert_eq!(saved.record.moves.len(), half);
    let before = host.game(1).unwrap().clone();

    // A new host (new token generator), the saved table given back: the same game, and the old tokens work.
    let mut again = Host::new(scenario.clone(), &class, HostOptions::default(), 99, 0).unwrap();
    again.resume(saved.clone(), 0).unwrap();
    assert_eq!(again.game(1).unwrap().moves, before.moves);
    assert_eq!(again.game(1).unwrap().history, before.history);
    let stranger = again.receive(9, &join(&code, Some(Side::Us), None), 0);
    assert!(
        matches!(sent_to(&stranger, 9)[0], HostMessage::Refused { .. }),
        "the seat is still the team's"
    );
    let us_back = again.receive(11, &join(&code, None, Some(&us_token)), 0);
    assert!(matches!(
        sent_to(&us_back, 11)[0],
        HostMessage::Welcome { side: Side::Us, .. }
    ));
    again.receive(12, &join(&code, None, Some(&partner_token)), 0);
    let mut record = None;
    for played in &local.moves[half..] {
        let peer = if played.side == Side::Us { 11 } else { 12 };
        let effects = again.receive(peer, &send_move(&played.mv), 0);
        record = record.or(finished(&effects));
    }
    let record = record.expect("the resumed game ends");
    assert_eq!(record.moves.len(), local.moves.len());

    // A table of another class, or a damaged one, is refused.
    let mut other = saved.clone();
    other.code = "0000-0000-00000".into();
    assert!(again.resume(other, 0).is_err());
    let mut damaged = saved;
    damaged.record.moves.truncate(1);
    damaged.record.moves[0].round = 9;
    assert!(again.resume(damaged, 0).is_err());
}

#[test]
fn a_seat_still_waiting_for_its_team_shows_no_countdown() {
    let scenario = scenario();
    let class = class(&scenario, 1, people());
    let code = class.tables[0].code.clone();
    let options = HostOptions {
        turn_seconds: Some(60),
        ..HostOptions::default()
    };
    let mut host = Host::new(scenario, &class, options, 7, 0).unwrap();
    let first = host.game(1).unwrap().to_move;
    let (waiting, joined) = (first, first.other());
    let effects = host.receive(PARTNER, &join(&code, Some(joined), None), 5_000);
    let left = |effects: &[HostEffect], peer| {
        sent_to(effects, peer).into_iter().find_map(|m| match m {
            HostMessage::Table(view) => Some(view.turn_seconds_left),
            _ => None,
        })
    };
    assert_eq!(
        left(&effects, PARTNER),
        Some(None),
        "no \"0:00 left\" for a team that never came"
    );
    let effects = host.receive(US, &join(&code, Some(waiting), None), 6_000);
    assert_eq!(left(&effects, US), Some(Some(60)));
}

#[test]
fn with_join_codes_only_a_tables_join_code_seats_a_team_however_it_is_typed() {
    use std::collections::BTreeMap;
    use tradetable_core::classroom::join_code::JoinCode;
    let scenario = scenario();
    let class = class(&scenario, 2, people());
    let mut host = Host::new(scenario, &class, HostOptions::default(), 7, 0).unwrap();
    let codes: BTreeMap<u32, String> = [(1, 0x0123_4567_89ab_cdef), (2, 0x1111_0000_1111_0000)]
        .into_iter()
        .map(|(n, secret)| (n, JoinCode::from_secret(secret).encode()))
        .collect();
    host.set_join_codes(&codes);
    assert_eq!(host.join_code(2), Some(codes[&2].as_str()));
    let class_code = host.receive(US, &join(&class.tables[0].code, None, None), 0);
    match &sent_to(&class_code, US)[0] {
        HostMessage::Refused { reason, .. } => assert!(
            reason.contains("class sheet's code") && reason.contains("join code"),
            "the class code no longer seats, and the student is told which code to type: {reason}"
        ),
        other => panic!("the class code no longer seats: {other:?}"),
    }
    let typed = codes[&2].to_lowercase().replace('0', "o").replace('1', "I");
    let seated = host.receive(US, &join(&typed, None, None), 0);
    assert!(matches!(sent_to(&seated, US)[0], HostMessage::Welcome { table: 2, .. }));
}
