//! Reading a class's results for a debrief, shared by the command line and the game: every game record in the files
//! and folders named, and every other file with the reason it was left out — a bad file never stops the others.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::storage::Storage;
use tradetable_core::classroom::debrief::{MAX_DEBRIEF_RECORDS, Skipped, skip_reason};
use tradetable_core::classroom::record::{GameRecord, MAX_RECORD_BYTES, RecordError};

/// The most `*.json` files read from one folder: well past a class's records and its class file.
pub const MAX_FOLDER_FILES: usize = 4 * MAX_DEBRIEF_RECORDS;

/// Game records gathered for a debrief, and the files left out.
#[derive(Debug, Clone, Default)]
pub struct Gathered {
    /// Each record with the file it was read from, in the order named (a folder's files by name).
    pub records: Vec<(PathBuf, GameRecord)>,
    /// Each file that could not be read as a game record, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Reads one record file through `storage`: bounded in size, UTF-8, then the record's own checks.
pub fn read_record(storage: &Storage, path: &Path) -> Result<GameRecord, Skipped> {
    let skipped = |reason: String| Skipped {
        file: path.display().to_string(),
        reason,
    };
    let bytes = match storage.read_bounded(path, MAX_RECORD_BYTES) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(bytes)) => {
            return Err(Skipped::of(
                path,
                &RecordError::TooLarge {
                    path: path.to_path_buf(),
                    bytes,
                    limit: MAX_RECORD_BYTES,
                },
            ));
        }
        Err(error) => return Err(skipped(error.reason())),
    };
    let text =
        String::from_utf8(bytes).map_err(|_| skipped("not a TradeTable game record (it is not text)".to_string()))?;
    GameRecord::from_json(&text, path).map_err(|error| skipped(skip_reason(&error)))
}

/// Reads every record in `results` (files, or folders of them), each file once. A file that is not a readable game
/// record — missing, not a record, damaged or cut short, too large, of a newer format — is skipped with its reason;
/// in a folder, the class file `class.json` is passed over without a note. Only a folder of more than
/// [`MAX_FOLDER_FILES`] JSON files is an error.
pub fn gather_records(storage: &Storage, results: &[PathBuf]) -> Result<Gathered, TooManyFiles> {
    let mut gathered = Gathered::default();
    let mut seen = BTreeSet::new();
    let mut add = |gathered: &mut Gathered, path: PathBuf| {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            match read_record(storage, &path) {
                Ok(record) => gathered.records.push((path, record)),
                Err(skipped) => gathered.skipped.push(skipped),
            }
        }
    };
    for given in results {
        if !given.is_dir() {
            add(&mut gathered, given.clone());
            continue;
        }
        match json_files(given) {
            Ok(files) => {
                for path in files {
                    if path.file_name().is_some_and(|n| n == "class.json") {
                        continue;
                    }
                    add(&mut gathered, path);
                }
            }
            Err(FolderError::TooMany) => {
                return Err(TooManyFiles(given.clone()));
            }
            Err(FolderError::Unreadable(reason)) => gathered.skipped.push(Skipped {
                file: given.display().to_string(),
                reason,
            }),
        }
    }
    Ok(gathered)
}

/// A results folder with more JSON files than any class writes.
#[derive(Debug, thiserror::Error)]
#[error("{}: more than {MAX_FOLDER_FILES} JSON files; put one class's records in a folder of their own", .0.display())]
pub struct TooManyFiles(pub PathBuf);

enum FolderError {
    TooMany,
    Unreadable(String),
}

/// The `*.json` files directly in `folder`, by name.
fn json_files(folder: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let unreadable = |e: std::io::Error| FolderError::Unreadable(format!("the folder cannot be read ({e})"));
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        let is_json = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
        if is_json && path.is_file() {
            if files.len() == MAX_FOLDER_FILES {
                return Err(FolderError::TooMany);
            }
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradetable_core::Scenario;
    use tradetable_core::classroom::record::Seat;
    use tradetable_core::scenario::schema::PerSide;

    #[test]
    fn every_file_that_is_not_a_readable_record_is_named_and_the_rest_are_read() {
        let scratch = tempfile::Builder::new()
            .prefix("tradetable-results-")
            .tempdir()
            .unwrap();
        let dir = scratch.path();
        let scenario = Scenario::builtin().unwrap();
        let state = tradetable_core::ai::play::play_no_deal(&scenario, 7);
        let seats = PerSide::new(Seat::People("a".into()), Seat::People("b".into()));
        let record = GameRecord::of(&scenario, &state, seats, None, "good", String::new());
        let storage = Storage::real();
        storage
            .write(&dir.join("good.json"), record.to_json().as_bytes())
            .unwrap();
        storage.write(&dir.join("binary.json"), &[0xff, 0xfe, 0x00]).unwrap();
        storage.write(&dir.join("empty.json"), b"").unwrap();
        storage.write(&dir.join("class.json"), b"{}").unwrap();
        let missing = dir.join("missing.json");
        // The folder, the good file again (read once) and a file that does not exist.
        let gathered = gather_records(&storage, &[dir.to_path_buf(), dir.join("good.json"), missing.clone()]).unwrap();
        assert_eq!(gathered.records.len(), 1);
        let skipped: Vec<(String, &str)> = gathered
            .skipped
            .iter()
            .map(|s| {
                (
                    Path::new(&s.file).file_name().unwrap().to_string_lossy().to_string(),
                    s.reason.as_str(),
                )
            })
            .collect();
        assert_eq!(skipped.len(), 3, "{skipped:?}");
        assert!(
            skipped[0].0 == "binary.json" && skipped[0].1.contains("not text"),
            "{skipped:?}"
        );
        assert!(
            skipped[1].0 == "empty.json" && skipped[1].1.contains("ends too soon"),
            "{skipped:?}"
        );
        assert!(
            skipped[2].0 == "missing.json" && skipped[2].1.contains("does not exist"),
            "{skipped:?}"
        );
    }
}
