//! The save rules under random play and random disk failures: random sequences of new game, move, save as, save and
//! quit, load and play on, join a class table, finish and crash, with the disk failing (full, read-only, a rename cut
//! short) at random, never lose a record that was once written whole, and never write one game over another.
#![cfg(feature = "gui")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tradetable::game::saves::SaveBook;
use tradetable::storage::{Fault, FaultyDisk, Storage};
use tradetable_core::ai::Opponent;
use tradetable_core::classroom::record::{GameRecord, Seat};
use tradetable_core::{GameState, Move, PerSide, Scenario, apply};

#[derive(Debug, Clone)]
enum Step {
    NewGame(u64),
    JoinClassTable,
    Move,
    SaveAs(&'static str),
    SaveAndQuit,
    Crash,
    PlayOn(usize),
    Finish,
    Disk(Option<Fault>),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => (1u64..4).prop_map(Step::NewGame),
        1 => Just(Step::JoinClassTable),
        4 => Just(Step::Move),
        1 => prop::sample::select(vec!["Before the summit", "Before the summit!", "before the summit?", "Plan B"])
            .prop_map(Step::SaveAs),
        1 => Just(Step::SaveAndQuit),
        1 => Just(Step::Crash),
        1 => (0usize..8).prop_map(Step::PlayOn),
        1 => Just(Step::Finish),
        2 => prop::sample::select(vec![
            None,
            None,
            Some(Fault::DiskFull),
            Some(Fault::ReadOnly),
            Some(Fault::InterruptedRename)
        ])
        .prop_map(Step::Disk),
    ]
}

/// The game being played: its state, and where it saves itself.
struct Playing {
    state: GameState,
    table: Option<String>,
    save_to: PathBuf,
}

const CODE: &str = "TEST-TABLE-CODE";

fn record_of(scenario: &Scenario, playing: &Playing) -> GameRecord {
    let seats = PerSide::new(
        Seat::People("United States team".to_string()),
        Seat::Computer(Opponent::default()),
    );
    let label = match (&playing.table, playing.state.is_over()) {
        (Some(code), _) => format!("Class table {code}"),
        (None, true) => format!("Finished {}", tradetable::clock::now()),
        (None, false) => "In progress".to_string(),
    };
    GameRecord::of(
        scenario,
        &playing.state,
        seats,
        playing.table.clone(),
        &label,
        tradetable::clock::now(),
    )
}

/// What the test knows was written whole, by file: the record a file must hold (until it is deliberately removed).
#[derive(Default)]
struct Ledger {
    files: BTreeMap<PathBuf, GameRecord>,
}

impl Ledger {
    /// A write to `path` succeeded: the file must hold `record`, and it may only have replaced the same game.
    fn written(&mut self, path: &Path, record: &GameRecord) {
        if let Some(earlier) = self.files.get(path) {
            assert!(
                record.continues(earlier),
                "{} held another game and was written over: {} moves of seed {} by {} moves of seed {}",
                path.display(),
                earlier.moves.len(),
                earlier.seed,
                record.moves.len(),
                record.seed
            );
        }
        self.files.insert(path.to_path_buf(), record.clone());
    }

    /// Every record written whole is still on disk as it was written.
    fn check(&self, book: &SaveBook) {
        for (path, record) in &self.files {
            let on_disk = book
                .read(path)
                .unwrap_or_else(|error| panic!("a record written whole is lost: {error}"));
            assert_eq!(&on_disk, record, "{} changed", path.display());
        }
    }
}

fn run(steps: Vec<Step>, name: &str) {
    let scenario = Scenario::builtin().unwrap();
    let scratch = tempfile::Builder::new()
        .prefix(&format!("tradetable-save-book-{name}-"))
        .tempdir()
        .unwrap();
    let dir = scratch.path();
    let disk = FaultyDisk::new();
    let book = SaveBook::new(dir, Storage::on(disk.clone()));
    let mut ledger = Ledger::default();
    let mut playing: Option<Playing> = None;
    for step in steps {
        match step {
            Step::NewGame(seed) => {
                playing = Some(Playing {
                    state: GameState::new(&scenario, seed),
                    table: None,
                    save_to: book.new_game_file(&tradetable::clock::now(), &scenario.id),
                });
            }
            Step::JoinClassTable => {
                let path = book.class_path(CODE);
                playing = Some(match book.read(&path) {
                    Ok(saved) if saved.over => continue,
                    Ok(saved) => Playing {
                        state: saved.replay(&scenario).unwrap(),
                        table: saved.table.clone(),
                        save_to: book.play_on(&path, &saved).save_to,
                    },
                    Err(_) => Playing {
                        state: GameState::new(&scenario, 99),
                        table: Some(CODE.to_string()),
                        save_to: path,
                    },
                });
            }
            Step::Move => {
                if let Some(game) = playing.as_mut()
                    && !game.state.is_over()
                {
                    game.state = apply(&scenario, &game.state, &Move::Pass).unwrap().state;
                    let record = record_of(&scenario, game);
                    if book.write(&game.save_to, &record).is_ok() {
                        ledger.written(&game.save_to, &record);
                    }
                }
            }
            Step::SaveAs(name) => {
                if let Some(game) = playing.as_ref() {
                    let record = GameRecord {
                        label: name.to_string(),
                        ..record_of(&scenario, game)
                    };
                    if let Ok((path, _)) = book.save_as(name, &record) {
                        ledger.written(&path, &record);
                    }
                }
            }
            Step::SaveAndQuit => {
                if let Some(game) = playing.as_ref()
                    && !game.state.is_over()
                {
                    let record = record_of(&scenario, game);
                    if book.write(&game.save_to, &record).is_ok() {
                        ledger.written(&game.save_to, &record);
                        playing = None;
                    }
                    // A failed save keeps the game on the table (the game asks before losing it).
                }
            }
            Step::Crash => playing = None,
            Step::PlayOn(index) => {
                let entries: Vec<_> = book.list().into_iter().filter(|e| e.record.is_ok()).collect();
                if let Some(entry) = entries.get(index % entries.len().max(1)) {
                    let saved = entry.record.clone().unwrap();
                    if saved.over {
                        continue;
                    }
                    let play_on = book.play_on(&entry.path, &saved);
                    playing = Some(Playing {
                        state: saved.replay(&scenario).unwrap(),
                        table: play_on.table,
                        save_to: play_on.save_to,
                    });
                }
            }
            Step::Finish => {
                if let Some(game) = playing.as_mut()
                    && !game.state.is_over()
                {
                    game.state = apply(&scenario, &game.state, &Move::WalkAway).unwrap().state;
                    let record = record_of(&scenario, game);
                    let in_progress_before = std::fs::read(&game.save_to).ok();
                    match book.finish(&game.save_to, &record) {
                        Ok(kept) => {
                            if kept != game.save_to {
                                // The file in progress goes only now that the finished game is on disk, and only
                                // if it held this game.
                                if let Some(earlier) = ledger.files.remove(&game.save_to) {
                                    assert!(record.continues(&earlier), "finishing removed another game");
                                }
                            }
                            ledger.written(&kept, &record);
                            playing = None;
                        }
                        Err(_) => {
                            assert_eq!(
                                std::fs::read(&game.save_to).ok(),
                                in_progress_before,
                                "a failed finish leaves the game's file as it was"
                            );
                        }
                    }
                }
            }
            Step::Disk(fault) => disk.set(fault),
        }
        // Reads do not fail, so the check sees the disk as it is, fault or not.
        ledger.check(&book);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_record_written_whole_is_ever_lost_or_overwritten_by_another_game(
        steps in prop::collection::vec(step(), 1..40)
    ) {
        run(steps, "property");
    }
}

#[test]
fn save_as_names_that_differ_only_in_punctuation_keep_both_saves() {
    let scenario = Scenario::builtin().unwrap();
    let scratch = tempfile::Builder::new()
        .prefix("tradetable-save-as-")
        .tempdir()
        .unwrap();
    let dir = scratch.path();
    let book = SaveBook::new(dir, Storage::real());
    let game = Playing {
        state: apply(&scenario, &GameState::new(&scenario, 1), &Move::Pass)
            .unwrap()
            .state,
        table: None,
        save_to: book.new_game_file(&tradetable::clock::now(), &scenario.id),
    };
    let named = |name: &str| GameRecord {
        label: name.to_string(),
        ..record_of(&scenario, &game)
    };
    let (first, _) = book.save_as("Game 1!", &named("Game 1!")).unwrap();
    let (second, replaced) = book.save_as("Game 1?", &named("Game 1?")).unwrap();
    assert_ne!(first, second, "two names, two files");
    assert!(!replaced);
    assert_eq!(book.read(&first).unwrap().label, "Game 1!");
    assert_eq!(book.read(&second).unwrap().label, "Game 1?");
    let (again, replaced) = book.save_as("Game 1!", &named("Game 1!")).unwrap();
    assert_eq!(
        (again, replaced),
        (first, true),
        "the same name for the same game replaces its save"
    );
}
