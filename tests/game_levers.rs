//! The levers panel knows no rule of its own: every move its controls can make (`offered_moves`, built from the
//! core's `GameState::available`) is accepted by `apply`, and every unilateral action `apply` accepts that changes
//! something has a control.
#![cfg(feature = "gui")]

mod common;

use tradetable::game::panels::levers::offered_moves;
use tradetable_core::rules::moves::CounterTariffMove;
use tradetable_core::{GameState, Move, Scenario, apply};

/// Every unilateral action worth trying: each instrument at each option, each round and month from 0 to past the
/// end, each sector exempted and not, each lever at each option, and the USJTA moves.
fn candidates(scenario: &Scenario) -> Vec<Move> {
    let mut moves = vec![
        Move::SuspendTradeAgreement,
        Move::RestoreTradeAgreement,
        Move::TerminateTradeAgreement,
    ];
    for ins in &scenario.us_instruments {
        let id = ins.id.clone();
        for &rate in &ins.options {
            moves.push(Move::SetTariff {
                instrument: id.clone(),
                rate,
            });
            moves.push(Move::Threaten {
                instrument: id.clone(),
                rate,
            });
            for round in 0..=scenario.rounds + 1 {
                moves.push(Move::ScheduleTariff {
                    instrument: id.clone(),
                    rate,
                    round,
                });
            }
        }
        for months in 0..=scenario.rounds + 1 {
            moves.push(Move::Delay {
                instrument: id.clone(),
                months,
            });
        }
        for sector in &scenario.sectors {
            for exempt in [true, false] {
                moves.push(Move::Exempt {
                    instrument: id.clone(),
                    sector: sector.id.clone(),
                    exempt,
                });
            }
        }
    }
    for lever in &scenario.partner_levers {
        for &level in &lever.options {
            moves.push(Move::Implement {
                lever: lever.id.clone(),
                level,
            });
        }
    }
    for tariff in &scenario.partner_tariffs {
        let id = tariff.id.clone();
        for &rate in &tariff.options {
            moves.push(Move::CounterTariff(CounterTariffMove::Set {
                tariff: id.clone(),
                rate,
            }));
            moves.push(Move::CounterTariff(CounterTariffMove::Threaten {
                tariff: id.clone(),
                rate,
            }));
            for round in 0..=scenario.rounds + 1 {
                moves.push(Move::CounterTariff(CounterTariffMove::Announce {
                    tariff: id.clone(),
                    rate,
                    round,
                }));
            }
        }
        for months in 0..=scenario.rounds + 1 {
            moves.push(Move::CounterTariff(CounterTariffMove::Suspend {
                tariff: id.clone(),
                months,
            }));
        }
    }
    moves
}

/// What a move changes: the policies, the calendar, the threats and the outcome.
fn changes(before: &GameState, after: &GameState) -> bool {
    before.policy != after.policy
        || before.scheduled != after.scheduled
        || before.threats != after.threats
        || before.outcome != after.outcome
        || before.counter_tariffs != after.counter_tariffs
}

fn check(scenario: &Scenario, state: &GameState, label: &str) {
    let side = state.to_move;
    let available = state.available(scenario, side);
    assert!(available.can_act, "{label}: the side to move can act");
    let offered = offered_moves(scenario, state, &available);
    for mv in &offered {
        assert!(
            apply(scenario, state, mv).is_ok(),
            "{label}: the panel offers {mv}, which apply refuses"
        );
    }
    for mv in candidates(scenario) {
        if let Ok(applied) = apply(scenario, state, &mv)
            && changes(state, &applied.state)
        {
            assert!(
                offered.contains(&mv),
                "{label}: {mv} is legal for {side:?} but has no control"
            );
        }
    }
}

fn play(scenario: &Scenario, state: GameState, mv: Move) -> GameState {
    common::play(scenario, &state, mv)
}

#[test]
fn every_control_is_legal_and_every_legal_action_has_a_control() {
    let s = common::spring_2025();
    let start = GameState::new(&s, 3);
    check(&s, &start, "opening, US");

    let mut state = play(
        &s,
        start,
        Move::Threaten {
            instrument: "aftp_blanket".into(),
            rate: 0.2,
        },
    );
    state = play(
        &s,
        state,
        Move::Exempt {
            instrument: "rtt_reciprocal".into(),
            sector: "autos".into(),
            exempt: true,
        },
    );
    state = play(
        &s,
        state,
        Move::SetQuota {
            instrument: "s232_autos".into(),
            quota_bn: 10.0,
        },
    );
    check(&s, &state, "after a threat, an exemption and a quota, US");
    state = play(&s, state, Move::Pass);
    check(&s, &state, "Japan's turn");

    state = play(
        &s,
        state,
        Move::Implement {
            lever: "lng_energy".into(),
            level: 3.5,
        },
    );
    state = play(&s, state, Move::SuspendTradeAgreement);
    check(&s, &state, "USJTA suspended, Japan");
    state = play(&s, state, Move::Pass);
    check(&s, &state, "round 2, US, with the steel tariff scheduled");

    let late = common::pass_until(&s, GameState::new(&s, 3), s.rounds);
    assert!(!late.is_over());
    check(&s, &late, "the last round: nothing left to announce");
}

#[test]
fn every_counter_tariff_control_is_legal_and_every_counter_tariff_move_has_a_control() {
    let s = tradetable::storage::load_scenario(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/eu-2025.ron"
    )))
    .expect("the EU scenario loads");
    let mut state = play(&s, GameState::new(&s, 3), Move::Pass);
    check(&s, &state, "the EU's first turn");
    let tariff = "eu_countermeasures".to_string();
    state = play(
        &s,
        state,
        Move::CounterTariff(CounterTariffMove::Set {
            tariff: tariff.clone(),
            rate: 0.25,
        }),
    );
    check(&s, &state, "a counter-tariff set");
    state = play(
        &s,
        state,
        Move::CounterTariff(CounterTariffMove::Suspend { tariff, months: 3 }),
    );
    check(&s, &state, "a counter-tariff suspended");
}

#[test]
fn the_panel_offers_delays_over_the_cores_whole_range() {
    let s = common::spring_2025();
    let state = GameState::new(&s, 1);
    let available = state.available(&s, tradetable_core::Side::Us);
    let autos = s.instrument_index("s232_autos").unwrap();
    let delays = available.instruments[autos]
        .delay_months
        .clone()
        .expect("autos are scheduled for April");
    assert_eq!(
        delays,
        1..=s.rounds,
        "the core allows delays up to the last round, and the panel offers them"
    );
}

#[test]
fn the_game_imports_nothing_from_the_command_line() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/game");
    let mut stack = vec![dir];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    !text.contains("crate::cli"),
                    "{} uses the command line's code",
                    path.display()
                );
            }
        }
    }
    assert!(files > 10, "found the game's sources");
}

#[test]
fn play_refuses_an_opponent_the_scenario_does_not_have() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradetable"))
        .args(["play", "--opponent", "no_such_personality"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown personality \"no_such_personality\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("for Japan choose one of: easy, normal, hard, cautious_cabinet"),
        "the message lists the players that can take the seat: {stderr}"
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradetable"))
        .args(["play", "--side", "us", "--opponent", "deficit_hawk"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "a US personality cannot play Japan");
    assert!(String::from_utf8_lossy(&out.stderr).contains("plays the US side"));
}
