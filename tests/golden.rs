//! Golden transcripts: seeded AI-vs-AI games, as JSON and as text, compared by insta with the snapshots checked in
//! under `tests/snapshots/golden__*.snap`, so any change of behaviour shows up as a readable diff. A changed
//! transcript fails the test; `cargo insta review` shows the diff and accepts it when the change is meant.

mod common;

use std::process::Command;

use tradetable_core::Side;
use tradetable_core::ai::Strategy;
use tradetable_core::ai::play::play;
use tradetable_core::analysis::report::GameReport;

/// Compares a transcript with its snapshot in `tests/snapshots/golden__NAME.snap`; `cargo insta review` (or
/// `INSTA_UPDATE=always cargo test --test golden`) shows and accepts a changed one.
fn check(name: &str, actual: &str) {
    insta::assert_snapshot!(name, actual);
}

#[test]
fn seeded_game_matches_its_golden_transcript() {
    let scenario = common::spring_2025();
    let mut us = Strategy::Boulware.agent(Side::Us);
    let mut partner = Strategy::Linear.agent(Side::Partner);
    let state = play(&scenario, 7, us.as_mut(), partner.as_mut());
    let report = GameReport::new(&scenario, &state, "boulware", "linear");
    check(
        "spring-2025-seed7-boulware-linear-json",
        &(serde_json::to_string_pretty(&report).unwrap() + "\n"),
    );
    check("spring-2025-seed7-boulware-linear", &report.transcript(&scenario));
}

#[test]
fn simulate_json_is_byte_identical_for_the_same_seed_and_has_the_documented_shape() {
    let bin = env!("CARGO_BIN_EXE_tradetable");
    let run = |seed: &str| {
        let out = Command::new(bin)
            .args([
                "simulate",
                "--seed",
                seed,
                "--us",
                "linear",
                "--partner",
                "conceder",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let a = run("11");
    assert_eq!(a, run("11"));
    let doc: serde_json::Value = serde_json::from_slice(&a).unwrap();
    let rounds = doc["rounds"].as_array().unwrap();
    assert_eq!(rounds[0]["round"], 0);
    for key in [
        "goods_deficit_bn",
        "goods_deficit_base_fx_bn",
        "trade_agreement_in_force",
        "tariffs",
        "approval",
    ] {
        assert!(!rounds[0][key].is_null(), "rounds[0] lacks {key}");
    }
    let kind = doc["outcome"]["kind"].as_str().unwrap();
    assert!(["deal", "no_deal", "collapse"].contains(&kind));
    assert!(doc["outcome"]["scores"]["us"]["total"].is_number());
    assert!(doc["outcome"]["scores"]["partner"]["total"].is_number());
    assert!(doc["outcome"].get("terms").is_some());
    let offers = doc["offers"].as_array().unwrap();
    assert!(!offers.is_empty());
    for offer in offers {
        let reasons = offer["reasons"].as_array().unwrap();
        assert!(
            !reasons.is_empty() && reasons.iter().all(|r| !r.as_str().unwrap().is_empty()),
            "{offer}"
        );
    }
    for side in ["us", "partner"] {
        let verdict = &doc["verdict"][side];
        assert!(verdict["vs_no_deal"].is_number(), "{verdict}");
        assert!(verdict["vs_real_deal"].is_number(), "{verdict}");
        assert!(verdict["sentence"].as_str().unwrap().contains("no deal"), "{verdict}");
    }
}

#[test]
#[cfg_attr(
    feature = "gui",
    ignore = "with the game built in, no arguments opens the window instead"
)]
fn no_arguments_plays_the_default_scenario_in_the_terminal() {
    let out = Command::new(env!("CARGO_BIN_EXE_tradetable")).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("== Outcome:"), "{text}");
}

fn transcript_of(
    scenario: &tradetable_core::Scenario,
    state: &tradetable_core::GameState,
    us: &str,
    partner: &str,
) -> String {
    GameReport::new(scenario, state, us, partner).transcript(scenario)
}

#[test]
fn golden_no_deal_in_which_the_diet_suspends_the_trade_agreement() {
    let scenario = common::spring_2025();
    let state = tradetable_core::ai::play::play_no_deal(&scenario, 2025);
    assert!(
        state
            .news
            .iter()
            .any(|e| e.kind == tradetable_core::EventKind::TradeAgreementSuspended),
        "the auto tariff above the line for four months: the Diet suspends the agreement"
    );
    check(
        "spring-2025-seed2025-no-deal-usjta-suspended",
        &transcript_of(&scenario, &state, "nobody", "nobody"),
    );
}

#[test]
fn golden_collapse_when_japan_terminates_the_trade_agreement() {
    use std::collections::BTreeMap;
    use tradetable_core::Move;
    use tradetable_core::ai::play::Scripted;
    let scenario = common::spring_2025();
    let mut us = Scripted { plan: BTreeMap::new() };
    let mut partner = Scripted {
        plan: BTreeMap::from([(4, Move::TerminateTradeAgreement)]),
    };
    let state = play(&scenario, 2025, &mut us, &mut partner);
    let outcome = state.outcome.as_ref().unwrap();
    assert_eq!(outcome.kind, tradetable_core::OutcomeKind::Collapse);
    assert_eq!(outcome.round, 4);
    check(
        "spring-2025-seed2025-japan-terminates",
        &transcript_of(&scenario, &state, "nobody", "terminates in round 4"),
    );
}

#[test]
fn golden_game_of_every_personality() {
    use tradetable_core::ai::Opponent;
    let scenario = common::spring_2025();
    assert!(!scenario.personalities.is_empty());
    for personality in &scenario.personalities {
        let (us_name, partner_name) = match personality.side {
            Side::Us => (personality.id.as_str(), "linear"),
            Side::Partner => ("linear", personality.id.as_str()),
        };
        let agent = |name: &str, side| {
            Opponent::parse(name, &scenario)
                .unwrap()
                .agent(&scenario, side)
                .unwrap()
        };
        let mut us = agent(us_name, Side::Us);
        let mut partner = agent(partner_name, Side::Partner);
        let state = play(&scenario, 7, us.as_mut(), partner.as_mut());
        check(
            &format!("spring-2025-seed7-{us_name}-{partner_name}"),
            &transcript_of(&scenario, &state, us_name, partner_name),
        );
    }
}
