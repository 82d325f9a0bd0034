//! `replay`, `class simulate` and `debrief` find the scenario a record or class was made with by itself — by its
//! version, among the shipped scenarios and the scenario folders (the working folder's `scenarios/` and the user's
//! own) — and when this computer does not have it, or `--scenario` gives another one, they say so, naming the file
//! and the `--scenario` option.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn eu_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eu-2025.ron")
}

/// A fresh folder under the system's temporary folder, removed when the test ends.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("tradetable-finding-{name}-"))
        .tempdir()
        .unwrap()
}

/// The program run in `dir`, with its data directory (and so the user's scenario folder) in `dir/data`.
fn tradetable(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tradetable"))
        .current_dir(dir)
        .env("TRADETABLE_DATA_DIR", dir.join("data"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs a command that must succeed; returns its standard output.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = tradetable(dir, args);
    assert!(out.status.success(), "{args:?} failed:\n{}", stderr(&out));
    stdout(&out)
}

/// Runs a command that must fail; returns its standard error.
fn refused(dir: &Path, args: &[&str]) -> String {
    let out = tradetable(dir, args);
    assert!(!out.status.success(), "{args:?} should fail:\n{}", stdout(&out));
    stderr(&out)
}

/// Puts a copy of the US–EU fixture in the user's own scenario folder.
fn install_eu_scenario(dir: &Path) {
    let folder = dir.join("data").join("scenarios");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(eu_fixture(), folder.join("eu-2025.ron")).unwrap();
}

#[test]
fn replay_finds_a_shipped_scenario_that_is_not_the_default() {
    let scratch = temp_dir("shipped");
    let dir = scratch.path();
    let simulated = run(dir, &["simulate", "--scenario", "tutorial", "--record", "game.json"]);
    assert_eq!(run(dir, &["replay", "game.json"]), simulated);
}

#[test]
fn replay_finds_a_scenario_of_the_users_folder_or_says_that_scenario_is_needed() {
    let scratch = temp_dir("replay");
    let dir = scratch.path();
    let fixture = eu_fixture();
    let fixture = fixture.to_str().unwrap();
    let simulated = run(dir, &["simulate", "--scenario", fixture, "--record", "game.json"]);

    let missing = refused(dir, &["replay", "game.json"]);
    assert!(
        missing.starts_with("game.json: its scenario, \"EU 2025: Turnberry\" (eu-2025, version "),
        "{missing}"
    );
    assert!(
        missing.contains("is neither a shipped scenario nor a file in scenarios/ or "),
        "{missing}"
    );
    assert!(
        missing.trim_end().ends_with("give its file with --scenario FILE"),
        "{missing}"
    );

    let other = refused(dir, &["replay", "game.json", "--scenario", "spring-2025"]);
    assert!(
        other.starts_with("game.json: its scenario is \"eu-2025\" version ")
            && other.contains("but --scenario gives \"spring-2025\" version "),
        "the error names the file, not the record's label (\"simulate\"): {other}"
    );
    assert!(!other.contains("simulate:"), "{other}");

    assert_eq!(run(dir, &["replay", "game.json", "--scenario", fixture]), simulated);
    install_eu_scenario(dir);
    assert_eq!(
        run(dir, &["replay", "game.json"]),
        simulated,
        "found in the user's folder"
    );
}

#[test]
fn a_class_is_rehearsed_and_debriefed_on_its_own_scenario_without_being_told_it() {
    let scratch = temp_dir("class");
    let dir = scratch.path();
    let fixture = eu_fixture();
    let fixture = fixture.to_str().unwrap();
    run(
        dir,
        &[
            "class",
            "new",
            "--scenario",
            fixture,
            "--tables",
            "2",
            "--us",
            "easy",
            "--partner",
            "easy",
            "--out",
            "class",
        ],
    );
    let missing = refused(
        dir,
        &["class", "simulate", "--class", "class/class.json", "--out", "results"],
    );
    assert!(
        missing.starts_with("class/class.json: its scenario, \"EU 2025: Turnberry\"")
            && missing.contains("give its file with --scenario FILE"),
        "{missing}"
    );
    let other = refused(
        dir,
        &[
            "class",
            "simulate",
            "--class",
            "class/class.json",
            "--scenario",
            "tutorial",
            "--out",
            "results",
        ],
    );
    assert!(other.contains("but --scenario gives \"tutorial\""), "{other}");

    install_eu_scenario(dir);
    run(
        dir,
        &["class", "simulate", "--class", "class/class.json", "--out", "results"],
    );
    let debriefed = run(dir, &["debrief", "results", "--out", "debrief.html"]);
    assert!(debriefed.starts_with("debrief of 2 tables"), "{debriefed}");
    let page = std::fs::read_to_string(dir.join("debrief.html")).unwrap();
    assert!(page.contains("European Union"), "the debrief is of the EU's table");

    std::fs::remove_file(dir.join("data/scenarios/eu-2025.ron")).unwrap();
    let missing = refused(dir, &["debrief", "results", "--out", "debrief.html"]);
    assert!(
        missing.contains("its scenario, \"EU 2025: Turnberry\"") && missing.contains("--scenario FILE"),
        "{missing}"
    );
}
