//! Game records and classes: a record replays to the very state it was made from; an interrupted save leaves the
//! previous one whole; damaged, cut, foreign, newer, older and oversized files are refused with a message naming the
//! file; a record or table code of another version of the scenario is refused; class injects reach every table.

mod common;

use std::path::Path;

use tradetable::storage::{Fault, FaultyDisk, Storage};
use tradetable_core::ai::play::play_from;
use tradetable_core::ai::{Difficulty, Opponent, Strategy};
use tradetable_core::classroom::class::{ClassFile, ClassSeat, CodeError, TableCode};
use tradetable_core::classroom::record::{GameRecord, RECORD_VERSION, RecordError, Seat};
use tradetable_core::rules::negotiation::EventKind;
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::{GameState, Move, PerSide, Scenario, Side};

/// A fresh folder under the system's temporary folder, removed when the test ends.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("tradetable-records-{name}-"))
        .tempdir()
        .unwrap()
}

fn game(scenario: &Scenario, seed: u64, us: &Opponent, partner: &Opponent, injects: Vec<String>) -> GameState {
    let mut us_agent = us.agent(scenario, Side::Us).unwrap();
    let mut partner_agent = partner.agent(scenario, Side::Partner).unwrap();
    let start = GameState::with_injects(scenario, seed, injects);
    play_from(scenario, start, us_agent.as_mut(), partner_agent.as_mut())
}

fn record_of(scenario: &Scenario, state: &GameState) -> GameRecord {
    let seats = PerSide::new(
        Seat::People("United States team".into()),
        Seat::Computer(Opponent::Difficulty(Difficulty::Normal)),
    );
    GameRecord::of(scenario, state, seats, None, "test", "2026-11-29T00:00:00Z".into())
}

#[test]
fn a_record_replays_to_the_same_state_byte_for_byte() {
    let scenario = common::spring_2025();
    let players = [
        (
            Opponent::Strategy(Strategy::Boulware),
            Opponent::Strategy(Strategy::Linear),
        ),
        (
            Opponent::Difficulty(Difficulty::Hard),
            Opponent::Difficulty(Difficulty::Easy),
        ),
        (
            Opponent::Personality("deficit_hawk".into()),
            Opponent::Strategy(Strategy::TitForTat),
        ),
        (
            Opponent::Strategy(Strategy::Hardliner),
            Opponent::Personality("cautious_cabinet".into()),
        ),
    ];
    let scratch = temp_dir("replay");
    let dir = scratch.path();
    for seed in [1, 7, 2025] {
        for (k, (us, partner)) in players.iter().enumerate() {
            let injects = if k % 2 == 0 {
                vec!["quarterly_review".to_string()]
            } else {
                Vec::new()
            };
            let state = game(&scenario, seed, us, partner, injects);
            let path = dir.join(format!("{seed}-{k}.json"));
            Storage::real()
                .write(&path, record_of(&scenario, &state).to_json().as_bytes())
                .unwrap();
            let replayed = tradetable::storage::read_record(&path)
                .unwrap()
                .replay(&scenario)
                .unwrap();
            assert_eq!(
                serde_json::to_string(&replayed).unwrap(),
                serde_json::to_string(&state).unwrap(),
                "seed {seed}, {us} vs {partner}"
            );
        }
    }
}

#[test]
fn an_interrupted_save_leaves_the_previous_save_whole() {
    let scratch = temp_dir("interrupted");
    let dir = scratch.path();
    let path = dir.join("save.json");
    let scenario = common::spring_2025();
    let first = record_of(&scenario, &GameState::new(&scenario, 3));
    let disk = FaultyDisk::new();
    let storage = Storage::on(disk.clone());
    storage.write(&path, first.to_json().as_bytes()).unwrap();
    let before = std::fs::read(&path).unwrap();

    // The disk fills up half-way through writing the next save.
    disk.set(Some(Fault::DiskFull));
    let next = record_of(&scenario, &GameState::new(&scenario, 4));
    let failed = storage.write(&path, next.to_json().as_bytes());
    let message = failed.unwrap_err().to_string();
    assert!(
        message.contains("save.json") && message.contains("disk is full"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "the previous save is untouched");
    assert_eq!(tradetable::storage::read_record(&path).unwrap(), first);
    let leftovers: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

fn refused(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let error = tradetable::storage::read_record(&path).expect_err(name).to_string();
    assert!(error.contains(name), "the message names the file: {error}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "reading changes nothing");
    error
}

#[test]
fn damaged_and_foreign_files_are_refused_with_their_reason() {
    let scratch = temp_dir("damaged");
    let dir = scratch.path();
    let scenario = common::spring_2025();
    let good = record_of(&scenario, &GameState::new(&scenario, 3)).to_json();

    let cut = &good[..good.len() / 2];
    assert!(refused(dir, "cut.json", cut.as_bytes()).contains("ends too soon"));
    assert!(refused(dir, "garbage.json", b"\x00\x01\xff not json").contains("not a TradeTable game record"));
    assert!(refused(dir, "words.json", b"hello world").contains("not a TradeTable game record"));
    assert!(refused(dir, "foreign.json", br#"{"name": "a settings file"}"#).contains("no \"format\""));
    assert!(refused(dir, "other.json", br#"{"format": "something-else", "version": 1}"#).contains("something-else"));

    let newer = good.replace(
        &format!("\"version\": {RECORD_VERSION}"),
        &format!("\"version\": {}", RECORD_VERSION + 1),
    );
    assert!(refused(dir, "newer.json", newer.as_bytes()).contains("newer TradeTable"));
    let older = good.replace(&format!("\"version\": {RECORD_VERSION}"), "\"version\": 0");
    assert!(refused(dir, "older.json", older.as_bytes()).contains("older"));

    let damaged = good.replace("\"seed\": 3", "\"seed\": \"three\"");
    let message = refused(dir, "damaged.json", damaged.as_bytes());
    assert!(
        message.contains("damaged game record") && message.contains("damaged.json:"),
        "{message}"
    );

    let huge = format!(
        "{{\"format\": \"tradetable-record\", \"pad\": \"{}\"}}",
        "x".repeat(2 * 1024 * 1024)
    );
    assert!(refused(dir, "huge.json", huge.as_bytes()).contains("too large"));
}

#[test]
fn a_record_of_another_scenario_version_or_with_an_edited_move_is_refused() {
    let scenario = common::spring_2025();
    let state = game(
        &scenario,
        5,
        &Opponent::Strategy(Strategy::Boulware),
        &Opponent::Strategy(Strategy::Conceder),
        Vec::new(),
    );
    let record = record_of(&scenario, &state);

    let edited = Scenario::from_ron_str(&DEFAULT_SCENARIO.replacen("rounds: 8", "rounds: 9", 1), "edited").unwrap();
    let error = record.replay(&edited).unwrap_err();
    assert!(matches!(error, RecordError::OtherScenario { .. }), "{error}");
    assert!(error.to_string().contains("version"), "{error}");

    let mut tampered = record.clone();
    tampered.moves[0].mv = Move::SetTariff {
        instrument: "s232_autos".into(),
        rate: 0.33,
    };
    let error = tampered.replay(&scenario).unwrap_err();
    assert!(matches!(error, RecordError::MoveRefused { index: 1, .. }), "{error}");
}

#[test]
fn a_table_code_opens_its_table_and_a_changed_scenario_is_refused() {
    let scenario = common::spring_2025();
    let class = ClassFile::new(
        &scenario,
        20,
        2025,
        PerSide::new(ClassSeat::People, ClassSeat::Computer(Difficulty::Hard)),
        &["quarterly_review".to_string()],
        "2026-11-29T00:00:00Z".into(),
    )
    .unwrap();
    assert_eq!(class.tables.len(), 20);
    let codes: std::collections::BTreeSet<&str> = class.tables.iter().map(|t| t.code.as_str()).collect();
    assert_eq!(codes.len(), 20, "every table has its own code");

    let code = TableCode::decode(&class.tables[6].code).unwrap();
    assert_eq!((code.table, code.seed), (7, 2025));
    assert_eq!(code.seats.partner, ClassSeat::Computer(Difficulty::Hard));
    let library = vec![scenario.clone()];
    assert_eq!(code.find_scenario(&library).unwrap().id, "spring-2025");
    assert_eq!(code.inject_ids(&scenario), ["quarterly_review"]);

    let edited = Scenario::from_ron_str(&DEFAULT_SCENARIO.replacen("rounds: 8", "rounds: 9", 1), "edited").unwrap();
    let error = code.find_scenario(&[edited]).unwrap_err();
    assert!(matches!(error, CodeError::OtherScenario { .. }));
    assert!(error.to_string().contains("different version"), "{error}");

    assert!(ClassFile::new(&scenario, 0, 1, class.seats, &[], String::new()).is_err());
    assert!(ClassFile::new(&scenario, 3, 1 << 24, class.seats, &[], String::new()).is_err());
    let unknown = ClassFile::new(&scenario, 3, 1, class.seats, &["no_such".into()], String::new()).unwrap_err();
    assert!(unknown.to_string().contains("quarterly_review"), "{unknown}");
}

#[test]
fn a_class_inject_reaches_every_table_and_only_tables_that_switched_it_on() {
    let scenario = common::spring_2025();
    let players = (
        Opponent::Strategy(Strategy::Hardliner),
        Opponent::Strategy(Strategy::Hardliner),
    );
    let with = game(&scenario, 11, &players.0, &players.1, vec!["quarterly_review".into()]);
    let without = game(&scenario, 11, &players.0, &players.1, Vec::new());
    let fired = |state: &GameState| {
        state
            .news
            .iter()
            .filter(|e| e.kind == EventKind::Inject("quarterly_review".into()))
            .map(|e| e.round)
            .collect::<Vec<_>>()
    };
    assert_eq!(fired(&with), [4]);
    assert!(fired(&without).is_empty());
    let keidanren = scenario
        .politics
        .partner
        .constituencies
        .iter()
        .position(|c| c.id == "keidanren")
        .unwrap();
    assert!(
        with.history[4].approvals.partner[keidanren] < without.history[4].approvals.partner[keidanren],
        "business confidence falls at the tables that meet the review"
    );
}

#[test]
fn replay_prints_the_transcript_simulate_printed() {
    let scratch = temp_dir("cli");
    let dir = scratch.path();
    let record = dir.join("game.json");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradetable"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let path = record.to_str().unwrap();
    for format in ["text", "json"] {
        let simulated = run(&[
            "simulate",
            "--seed",
            "9",
            "--us",
            "dealmaker",
            "--partner",
            "hard",
            "--format",
            format,
            "--record",
            path,
        ]);
        let replayed = run(&["replay", path, "--format", format]);
        assert_eq!(
            String::from_utf8(replayed).unwrap(),
            String::from_utf8(simulated).unwrap(),
            "{format}"
        );
    }
}
