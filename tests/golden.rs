//! Golden transcripts: a seeded AI-vs-AI game, as JSON and as text, compared with the files checked in under
//! `tests/golden/`, so any change of behaviour shows up as a readable diff. `UPDATE_GOLDEN=1 cargo test` rewrites
//! them; review the diff before committing.

mod common;

use std::path::PathBuf;
use std::process::Command;

use tradetable::sim::Side;
use tradetable::sim::ai::Strategy;
use tradetable::sim::play::play;
use tradetable::sim::report::GameReport;

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn check(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  expected: {:?}\n  actual:   {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn seeded_game_matches_its_golden_transcript() {
    let scenario = common::spring_2025();
    let mut us = Strategy::Boulware.agent(Side::Us);
    let mut japan = Strategy::Linear.agent(Side::Japan);
    let state = play(&scenario, 7, us.as_mut(), japan.as_mut());
    let report = GameReport::new(&scenario, &state, "boulware", "linear");
    check(
        "spring-2025-seed7-boulware-linear.json",
        &(serde_json::to_string_pretty(&report).unwrap() + "\n"),
    );
    check("spring-2025-seed7-boulware-linear.txt", &report.transcript(&scenario));
}

#[test]
fn simulate_json_is_byte_identical_for_the_same_seed_and_has_the_documented_shape() {
    let bin = env!("CARGO_BIN_EXE_tradetable");
    let run = |seed: &str| {
        let out = Command::new(bin)
            .args([
                "simulate", "--seed", seed, "--us", "linear", "--japan", "conceder", "--format", "json",
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
        "usjta_in_force",
        "tariffs",
        "us_approval",
        "japan_approval",
    ] {
        assert!(!rounds[0][key].is_null(), "rounds[0] lacks {key}");
    }
    let kind = doc["outcome"]["kind"].as_str().unwrap();
    assert!(["deal", "no_deal", "collapse"].contains(&kind));
    assert!(doc["outcome"]["scores"]["us"]["total"].is_number());
    assert!(doc["outcome"]["scores"]["japan"]["total"].is_number());
    assert!(doc["outcome"].get("terms").is_some());
}

#[test]
fn no_arguments_plays_the_default_scenario_in_the_terminal() {
    if cfg!(feature = "gui") {
        return; // with the game built in, no arguments opens the window instead
    }
    let out = Command::new(env!("CARGO_BIN_EXE_tradetable")).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("== Outcome:"), "{text}");
}
