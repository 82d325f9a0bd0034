//! Scenario folders: the shipped scenarios work from any folder, `new-scenario` writes a copy to start from (and
//! never overwrites), and a shipped scenario can be named instead of a file.

use std::path::Path;
use std::process::Command;

/// A fresh folder under the system's temporary folder, removed when the test ends.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("tradetable-folders-{name}-"))
        .tempdir()
        .unwrap()
}

fn tradetable(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tradetable"))
        .current_dir(dir)
        .env("TRADETABLE_DATA_DIR", dir.join("data"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_shipped_scenario_plays_from_a_folder_without_scenario_files() {
    let scratch = temp_dir("anywhere");
    let dir = scratch.path();
    let out = tradetable(dir, &["simulate", "--seed", "3"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let named = tradetable(dir, &["simulate", "--seed", "3", "--scenario", "spring-2025"]);
    assert!(named.status.success(), "{}", String::from_utf8_lossy(&named.stderr));
    assert_eq!(
        out.stdout, named.stdout,
        "a shipped scenario can be named instead of a file"
    );
}

#[test]
fn new_scenario_writes_a_copy_to_start_from_and_never_overwrites() {
    let scratch = temp_dir("new");
    let dir = scratch.path();
    let out = tradetable(dir, &["new-scenario", "korea-2025"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = dir.join("data").join("scenarios").join("korea-2025.ron");
    let text = std::fs::read_to_string(&written).expect("written into the user's scenario folder");
    assert!(text.contains("id: \"korea-2025\""));
    let check = tradetable(dir, &["validate", written.to_str().unwrap()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));

    std::fs::write(&written, "my edits").unwrap();
    let again = tradetable(dir, &["new-scenario", "korea-2025"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        "my edits",
        "nothing overwritten"
    );

    let out_dir = dir.join("elsewhere");
    let out = tradetable(dir, &["new-scenario", "tutorial", "--out", out_dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(out_dir.join("tutorial.ron").is_file());

    for (name, from, expected) in [
        ("../escape", None, "cannot name a scenario"),
        ("ok", Some("no-such"), "no shipped scenario called"),
    ] {
        let mut args = vec!["new-scenario", name];
        if let Some(from) = from {
            args.extend(["--from", from]);
        }
        let out = tradetable(dir, &args);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains(expected), "{name}");
    }
}

#[test]
fn the_checked_in_scenario_reference_is_current() {
    let generated = tradetable_core::authoring::schema::reference_markdown();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scenario-reference.md");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        generated == checked_in,
        "docs/scenario-reference.md is stale: run `cargo run -- schema --out docs/scenario-reference.md`"
    );
}

#[test]
fn new_scenario_copies_every_shipped_scenario_to_a_lint_clean_file_with_its_new_id() {
    use tradetable_core::scenario::library::SHIPPED;
    let scratch = temp_dir("from");
    let dir = scratch.path();
    for shipped in SHIPPED {
        let name = format!("copy-of-{}", shipped.name());
        let out = tradetable(dir, &["new-scenario", &name, "--from", shipped.name(), "--out", "."]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let written = dir.join(format!("{name}.ron"));
        let text = std::fs::read_to_string(&written).unwrap();
        assert!(text.contains(&format!("id: \"{name}\"")), "{name}");
        let check = tradetable(
            dir,
            &["validate", "--lint", "--deny-warnings", written.to_str().unwrap()],
        );
        let said = String::from_utf8_lossy(&check.stdout);
        assert!(
            check.status.success(),
            "{name}: {said}{}",
            String::from_utf8_lossy(&check.stderr)
        );
        assert!(said.contains(&format!("ok ({name}, ")), "{name}: {said}");
    }
}

#[test]
fn every_shipped_scenario_validates_lints_clean_and_plays_to_the_end() {
    use tradetable_core::ai::{Opponent, Strategy};
    use tradetable_core::authoring::lint::lint_scenario;
    use tradetable_core::{Side, ai::play::play, scenario::library::SHIPPED};
    for shipped in SHIPPED {
        let scenario = shipped.load().unwrap_or_else(|e| panic!("{}: {e}", shipped.file));
        let warnings = lint_scenario(&scenario, 2);
        assert!(warnings.is_empty(), "{}: {warnings:#?}", shipped.file);
        for (us, partner) in [
            (Strategy::Boulware, Strategy::Linear),
            (Strategy::Conceder, Strategy::Hardliner),
        ] {
            let mut us = Opponent::Strategy(us).agent(&scenario, Side::Us).unwrap();
            let mut partner = Opponent::Strategy(partner).agent(&scenario, Side::Partner).unwrap();
            let state = play(&scenario, 7, us.as_mut(), partner.as_mut());
            assert!(state.is_over(), "{}: the game reaches its end", shipped.file);
        }
    }
}

#[test]
fn the_tutorial_coaches_each_side_in_its_first_round() {
    let scenario = tradetable_core::scenario::library::shipped("tutorial")
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(scenario.rounds, 3);
    for side in tradetable_core::Side::BOTH {
        let notes = scenario.coaching_for(1, Some(side));
        assert_eq!(notes.len(), 1, "{side:?}");
        assert!(
            notes[0].contains(scenario.names().label(side)),
            "{side:?}: {}",
            notes[0]
        );
    }
    assert!(scenario.coaching_for(4, None).is_empty());
}
