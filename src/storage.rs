//! The one storage layer: every file the game, the command line and the class host write goes through [`Storage`],
//! which writes atomically (a temporary file beside the target, flushed to disk, then renamed over it) and never
//! removes or replaces what was there unless the new file is whole on disk. Tests swap the real disk for a
//! [`FaultyDisk`] that fails the way real disks do (full, read-only, a rename cut short) to prove nothing is lost.
//!
//! It also reads what the core parses — scenario files and folders, game records, class files — bounded in size, so
//! that the core itself only ever takes text and bytes and touches no file.

use std::fmt;
use std::fs::File;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tradetable_core::authoring::diagnostics::CheckedFile;
use tradetable_core::classroom::class::ClassFile;
use tradetable_core::classroom::record::{GameRecord, MAX_RECORD_BYTES, RecordError, ScenarioRef};
use tradetable_core::scenario::library;
use tradetable_core::scenario::parse::{ScenarioError, decode_utf8, text_hash};
use tradetable_core::scenario::schema::{MAX_FILE_BYTES, Scenario};

/// The operations the storage layer needs from a disk. [`RealDisk`] is the file system; tests use [`FaultyDisk`].
pub trait Disk: Send + Sync + 'static {
    /// Creates a folder and its parents.
    fn create_dir_all(&self, dir: &Path) -> std::io::Result<()>;
    /// Creates (or truncates) `path`, writes `bytes` and flushes them to the device.
    fn write_synced(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Renames `from` over `to`, replacing it in one step.
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Flushes a folder's entries (a rename reaches the disk only then; not possible on every platform).
    fn sync_dir(&self, dir: &Path);
    /// Removes a file.
    fn remove_file(&self, path: &Path) -> std::io::Result<()>;
    /// Reads at most `limit + 1` bytes of a file, so a reader can tell "too large" without reading it all.
    fn read_at_most(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>>;
}

/// The computer's own file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn create_dir_all(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    fn write_synced(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut file = File::create(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) {
        if let Ok(directory) = File::open(dir) {
            let _ = directory.sync_all();
        }
    }

    fn remove_file(&self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }

    fn read_at_most(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        File::open(path)?
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// What the storage layer was doing when the disk failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Saving a file.
    Save,
    /// Removing a file.
    Remove,
    /// Creating a folder.
    CreateFolder,
    /// Moving a file to another name.
    Move,
    /// Reading a file.
    Read,
}

/// A failure of the disk, naming the file, what was being done and why, in words a player understands.
#[derive(Debug)]
pub struct StorageError {
    /// The file or folder.
    pub path: PathBuf,
    /// What was being done.
    pub action: Action,
    /// The operating system's error.
    pub error: std::io::Error,
}

impl StorageError {
    /// Why it failed, in plain words: the common causes named, the system's own message otherwise.
    pub fn reason(&self) -> String {
        use std::io::ErrorKind;
        match self.error.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full".to_string(),
            ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_string(),
            ErrorKind::PermissionDenied => "this folder may not be written to (permission denied)".to_string(),
            ErrorKind::NotFound if self.action == Action::Read => "the file does not exist".to_string(),
            _ => self.error.to_string(),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let doing = match self.action {
            Action::Save => "could not save",
            Action::Remove => "could not remove",
            Action::CreateFolder => "could not create the folder",
            Action::Move => "could not move",
            Action::Read => "could not read",
        };
        write!(f, "{}: {doing} it: {}", self.path.display(), self.reason())
    }
}

impl std::error::Error for StorageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// The storage layer: atomic writes, removals and bounded reads through one [`Disk`]. Cheap to clone; the game keeps
/// one as a resource and hands clones to whatever writes.
#[derive(Clone)]
pub struct Storage {
    disk: Arc<dyn Disk>,
}

impl Default for Storage {
    fn default() -> Self {
        Storage::real()
    }
}

impl fmt::Debug for Storage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Storage")
    }
}

impl Storage {
    /// Storage on the computer's file system.
    pub fn real() -> Storage {
        Storage {
            disk: Arc::new(RealDisk),
        }
    }

    /// Storage on another disk (tests: a [`FaultyDisk`]).
    pub fn on(disk: Arc<dyn Disk>) -> Storage {
        Storage { disk }
    }

    /// Writes `bytes` to `path` atomically: into a temporary file beside it, flushed to disk, then renamed over it.
    /// If anything fails, the temporary file is removed and whatever was at `path` is left exactly as it was.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
        let failed = |error| StorageError {
            path: path.to_path_buf(),
            action: Action::Save,
            error,
        };
        let dir = parent_of(path);
        self.disk.create_dir_all(&dir).map_err(failed)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = self
            .disk
            .write_synced(&temporary, bytes)
            .and_then(|()| self.disk.rename(&temporary, path));
        match result {
            Ok(()) => {
                self.disk.sync_dir(&dir);
                Ok(())
            }
            Err(error) => {
                let _ = self.disk.remove_file(&temporary);
                Err(failed(error))
            }
        }
    }

    /// Removes a file; a file that is already gone is not an error.
    pub fn remove(&self, path: &Path) -> Result<(), StorageError> {
        match self.disk.remove_file(path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(StorageError {
                path: path.to_path_buf(),
                action: Action::Remove,
                error,
            }),
        }
    }

    /// Moves a file to a new name in one step (the new name should not exist: it would be replaced).
    pub fn rename(&self, from: &Path, to: &Path) -> Result<(), StorageError> {
        self.disk.rename(from, to).map_err(|error| StorageError {
            path: from.to_path_buf(),
            action: Action::Move,
            error,
        })?;
        self.disk.sync_dir(&parent_of(to));
        Ok(())
    }

    /// Creates a folder and its parents.
    pub fn create_dir_all(&self, dir: &Path) -> Result<(), StorageError> {
        self.disk.create_dir_all(dir).map_err(|error| StorageError {
            path: dir.to_path_buf(),
            action: Action::CreateFolder,
            error,
        })
    }

    /// Reads a file of at most `limit` bytes without reading more than `limit + 1` from disk: `Ok(Err(size))` when it
    /// is larger (the size is then a lower bound).
    pub fn read_bounded(&self, path: &Path, limit: u64) -> Result<Result<Vec<u8>, u64>, StorageError> {
        let bytes = self.disk.read_at_most(path, limit).map_err(|error| StorageError {
            path: path.to_path_buf(),
            action: Action::Read,
            error,
        })?;
        if bytes.len() as u64 > limit {
            Ok(Err(bytes.len() as u64))
        } else {
            Ok(Ok(bytes))
        }
    }
}

/// The folder a file is in (`.` for a bare file name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Why a bounded read failed.
#[derive(Debug)]
pub enum BoundedReadError {
    /// The file could not be read.
    Io(std::io::Error),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
}

/// Reads a text file of at most [`MAX_FILE_BYTES`], without reading more than that from disk.
pub fn read_bounded(path: &Path) -> Result<String, BoundedReadError> {
    let bytes = read_bounded_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| BoundedReadError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as bytes, without reading more than that from disk.
pub fn read_bounded_bytes(path: &Path) -> Result<Vec<u8>, BoundedReadError> {
    let file = File::open(path).map_err(BoundedReadError::Io)?;
    let declared = file.metadata().map_err(BoundedReadError::Io)?.len();
    if declared > MAX_FILE_BYTES {
        return Err(BoundedReadError::TooLarge(declared));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(BoundedReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(BoundedReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The error for a scenario file that could not be read within the size limit.
fn scenario_read_error(label: &str, error: BoundedReadError) -> ScenarioError {
    match error {
        BoundedReadError::Io(source) => ScenarioError::Io {
            path: label.to_string(),
            source,
        },
        BoundedReadError::TooLarge(bytes) => ScenarioError::TooLarge {
            path: label.to_string(),
            bytes,
        },
    }
}

/// Reads and validates a scenario file, refusing files over [`MAX_FILE_BYTES`].
pub fn load_scenario(path: &Path) -> Result<Scenario, ScenarioError> {
    let label = path.display().to_string();
    let bytes = read_bounded_bytes(path).map_err(|e| scenario_read_error(&label, e))?;
    Scenario::from_ron_bytes(&bytes, &label)
}

/// The scenario at `path`, or the built-in default when none is given: the one way the command line and the game
/// load a scenario.
pub fn load_scenario_or_builtin(path: Option<&Path>) -> Result<Scenario, ScenarioError> {
    match path {
        Some(path) => load_scenario(path),
        None => Scenario::builtin(),
    }
}

/// Loads `argument`: a scenario file if one exists at that path, else the shipped scenario of that name.
pub fn load_scenario_or_shipped(argument: &Path) -> Result<Scenario, ScenarioError> {
    if !argument.exists()
        && let Some(shipped) = argument.to_str().and_then(library::shipped)
    {
        return shipped.load();
    }
    load_scenario(argument)
}

/// Reads and validates the scenario file at `path`, keeping its text for the diagnostics.
pub fn check_scenario_file(path: &Path) -> CheckedFile {
    let label = path.display().to_string();
    match read_bounded_bytes(path) {
        Ok(bytes) => {
            let result = decode_utf8(&bytes, &label).and_then(|text| Scenario::from_ron_str(text, &label));
            CheckedFile {
                text: Some(String::from_utf8_lossy(&bytes).into_owned()),
                label,
                result,
            }
        }
        Err(error) => CheckedFile {
            result: Err(scenario_read_error(&label, error)),
            label,
            text: None,
        },
    }
}

/// The `.ron` files directly in each folder, sorted within each folder; folders that do not exist are skipped.
pub fn scenario_files(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for folder in folders {
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "ron") && path.is_file())
            .collect();
        files.sort();
        files.truncate(library::MAX_FOLDER_SCENARIOS);
        for file in files {
            if !all.contains(&file) {
                all.push(file);
            }
        }
    }
    all
}

/// The scenario, in the version, that a record or class names: a shipped scenario, else a scenario file of `folders`
/// (in their order) whose id and text hash match; `None` when this computer has no such version.
pub fn find_scenario(folders: &[PathBuf], reference: &ScenarioRef) -> Option<Scenario> {
    let matching = |scenario: Scenario| reference.matches(&scenario).then_some(scenario);
    let shipped = library::SHIPPED
        .iter()
        .filter(|shipped| text_hash(shipped.text) == reference.hash)
        .find_map(|shipped| shipped.load().ok().and_then(matching));
    shipped.or_else(|| {
        scenario_files(folders).into_iter().find_map(|file| {
            let label = file.display().to_string();
            let bytes = read_bounded_bytes(&file).ok()?;
            let text = decode_utf8(&bytes, &label).ok()?;
            if text_hash(text) != reference.hash {
                return None;
            }
            Scenario::from_ron_str(text, &label).ok().and_then(matching)
        })
    })
}

/// Reads a game record file.
pub fn read_record(path: &Path) -> Result<GameRecord, RecordError> {
    let text = read_bounded(path).map_err(|e| match e {
        BoundedReadError::Io(error) if error.kind() == std::io::ErrorKind::InvalidData => RecordError::NotARecord {
            path: path.to_path_buf(),
            reason: "it is not text".to_string(),
        },
        BoundedReadError::Io(error) => RecordError::Io {
            path: path.to_path_buf(),
            error,
        },
        BoundedReadError::TooLarge(bytes) => RecordError::TooLarge {
            path: path.to_path_buf(),
            bytes,
            limit: MAX_RECORD_BYTES,
        },
    })?;
    GameRecord::from_json(&text, path)
}

/// Why a class file (or another small JSON file the teacher gives) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ClassFileError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// The file is larger than any class file.
    #[error("{}: {bytes} bytes is too large for a class file", path.display())]
    TooLarge { path: PathBuf, bytes: u64 },
    /// The file was read but is not a class file.
    #[error(transparent)]
    Class(#[from] tradetable_core::classroom::class::ClassError),
}

impl ClassFileError {
    fn of_read(path: &Path, error: BoundedReadError) -> ClassFileError {
        match error {
            BoundedReadError::Io(source) => ClassFileError::Io {
                path: path.to_path_buf(),
                source,
            },
            BoundedReadError::TooLarge(bytes) => ClassFileError::TooLarge {
                path: path.to_path_buf(),
                bytes,
            },
        }
    }
}

/// Reads a class file.
pub fn read_class_file(path: &Path) -> Result<ClassFile, ClassFileError> {
    let text = read_bounded(path).map_err(|error| ClassFileError::of_read(path, error))?;
    Ok(ClassFile::from_json(&text, path)?)
}

/// Why the join codes file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum JoinCodesFileError {
    /// Not readable, or too large.
    #[error(transparent)]
    Read(ClassFileError),
    /// Not the JSON the host writes.
    #[error("{}: not the join codes a host keeps (a JSON object of table numbers and codes): {source}", path.display())]
    NotJoinCodes { path: PathBuf, source: serde_json::Error },
}

/// Reads the join codes a host keeps in its results folder (`join-codes.json`), by table number: bounded in size
/// like every file a user hands the program.
pub fn read_join_codes_file(path: &Path) -> Result<std::collections::BTreeMap<u32, String>, JoinCodesFileError> {
    let text = read_bounded(path).map_err(|error| JoinCodesFileError::Read(ClassFileError::of_read(path, error)))?;
    serde_json::from_str(&text).map_err(|source| JoinCodesFileError::NotJoinCodes {
        path: path.to_path_buf(),
        source,
    })
}

/// How a [`FaultyDisk`] fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Writes fail with "no space left on device" after `bytes` more bytes are written.
    DiskFull,
    /// Every write, rename, removal and folder creation fails as on a read-only file system.
    ReadOnly,
    /// The temporary file is written, but the rename over the target fails (as when power is cut before it).
    InterruptedRename,
}

/// A disk for tests: the real file system, except that while a fault is set, the operations it names fail.
#[derive(Debug, Default)]
pub struct FaultyDisk {
    fault: Mutex<Option<Fault>>,
}

impl FaultyDisk {
    /// A disk that works until told otherwise.
    pub fn new() -> Arc<FaultyDisk> {
        Arc::new(FaultyDisk::default())
    }

    /// Sets the fault (`None`: the disk works again).
    pub fn set(&self, fault: Option<Fault>) {
        if let Ok(mut current) = self.fault.lock() {
            *current = fault;
        }
    }

    fn fault(&self) -> Option<Fault> {
        self.fault.lock().ok().and_then(|fault| *fault)
    }

    fn refuse(kind: std::io::ErrorKind) -> std::io::Error {
        std::io::Error::new(kind, "injected fault")
    }
}

impl Disk for FaultyDisk {
    fn create_dir_all(&self, dir: &Path) -> std::io::Result<()> {
        match self.fault() {
            Some(Fault::ReadOnly) if !dir.is_dir() => Err(Self::refuse(std::io::ErrorKind::ReadOnlyFilesystem)),
            _ => RealDisk.create_dir_all(dir),
        }
    }

    fn write_synced(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        match self.fault() {
            Some(Fault::ReadOnly) => Err(Self::refuse(std::io::ErrorKind::ReadOnlyFilesystem)),
            Some(Fault::DiskFull) => {
                // A full disk takes the first bytes and then refuses: the temporary file is left cut short.
                let cut = bytes.len() / 2;
                RealDisk.write_synced(path, &bytes[..cut])?;
                Err(Self::refuse(std::io::ErrorKind::StorageFull))
            }
            _ => RealDisk.write_synced(path, bytes),
        }
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        match self.fault() {
            Some(Fault::ReadOnly) => Err(Self::refuse(std::io::ErrorKind::ReadOnlyFilesystem)),
            Some(Fault::InterruptedRename) => Err(Self::refuse(std::io::ErrorKind::Interrupted)),
            _ => RealDisk.rename(from, to),
        }
    }

    fn sync_dir(&self, dir: &Path) {
        RealDisk.sync_dir(dir);
    }

    fn remove_file(&self, path: &Path) -> std::io::Result<()> {
        match self.fault() {
            // A temporary file the storage layer made itself may be cleaned up on a full disk, not on a read-only one.
            Some(Fault::ReadOnly) => Err(Self::refuse(std::io::ErrorKind::ReadOnlyFilesystem)),
            _ => RealDisk.remove_file(path),
        }
    }

    fn read_at_most(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        RealDisk.read_at_most(path, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("tradetable-storage-{name}-"))
            .tempdir()
            .unwrap()
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_whole_and_no_temporary_behind() {
        for fault in [Fault::DiskFull, Fault::ReadOnly, Fault::InterruptedRename] {
            let scratch = scratch(&format!("{fault:?}"));
            let dir = scratch.path();
            let file = dir.join("save.json");
            let disk = FaultyDisk::new();
            let storage = Storage::on(disk.clone());
            storage.write(&file, b"the old game").unwrap();
            disk.set(Some(fault));
            let error = storage.write(&file, b"the new game, longer").unwrap_err();
            assert_eq!(error.path, file);
            assert_eq!(std::fs::read(&file).unwrap(), b"the old game", "{fault:?}");
            if fault != Fault::ReadOnly {
                let left: Vec<_> = std::fs::read_dir(dir).unwrap().collect();
                assert_eq!(left.len(), 1, "{fault:?}: the temporary file is cleaned up");
            }
            disk.set(None);
            storage.write(&file, b"the new game").unwrap();
            assert_eq!(std::fs::read(&file).unwrap(), b"the new game");
        }
    }

    #[test]
    fn errors_say_what_failed_in_plain_words() {
        let scratch = scratch("words");
        let dir = scratch.path();
        let disk = FaultyDisk::new();
        let storage = Storage::on(disk.clone());
        disk.set(Some(Fault::DiskFull));
        let message = storage.write(&dir.join("a.json"), b"x").unwrap_err().to_string();
        assert!(message.contains("a.json") && message.contains("could not save") && message.contains("disk is full"));
        disk.set(Some(Fault::ReadOnly));
        let message = storage.write(&dir.join("a.json"), b"x").unwrap_err().to_string();
        assert!(message.contains("read-only"), "{message}");
    }

    #[test]
    fn bounded_reads_tell_too_large_files_apart() {
        let scratch = scratch("bounded");
        let dir = scratch.path();
        let file = dir.join("big");
        std::fs::write(&file, vec![b'x'; 100]).unwrap();
        let storage = Storage::real();
        assert_eq!(storage.read_bounded(&file, 100).unwrap().unwrap().len(), 100);
        assert_eq!(storage.read_bounded(&file, 99).unwrap(), Err(100));
        let missing = storage.read_bounded(&dir.join("missing"), 10).unwrap_err();
        assert!(missing.to_string().contains("does not exist"));
    }

    #[test]
    fn removing_a_missing_file_is_fine() {
        let scratch = scratch("remove");
        let dir = scratch.path();
        Storage::real().remove(&dir.join("nothing")).unwrap();
    }
}
