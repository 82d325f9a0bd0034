//! The host of a networked class inside Bevy: frames from the transport go to the core's `network::host::Host`, its
//! answers go back out, finished games are written to the class results, and the teacher's commands (pause, resume,
//! inject, computer seat, end of class) reach the tables. The headless host and the teacher's console share it, and
//! what teams need to join a class: its port, this machine's address on its network, the joining instructions.

use std::collections::{BTreeMap, VecDeque};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use bevy::prelude::*;

use crate::net::error::NetError;
use crate::net::transport::{self, JoinCodes, Kick, PeerConnected, PeerDisconnected, PeerId, Received, SendToPeer};
use crate::storage::Storage;
use tradetable_core::ai::Opponent;
use tradetable_core::classroom::class::ClassFile;
use tradetable_core::classroom::join_code::JoinCode;
use tradetable_core::network::host::{Host, HostEffect, HostOptions, SavedTable};
use tradetable_core::network::protocol::encode_host;
use tradetable_core::{Scenario, Side};

/// The host's time per frame is summarised in its log every this many frames from the laptops.
pub const LATENCY_LOG_EVERY: u64 = 200;

/// Frames whose handling time the host keeps for the summary.
const LATENCY_WINDOW: usize = 1000;

/// The median and the 99th percentile of `values` (0 when there are none).
pub fn percentiles(values: &VecDeque<u64>) -> (u64, u64) {
    let mut sorted: Vec<u64> = values.iter().copied().collect();
    sorted.sort_unstable();
    let at = |q: usize| {
        sorted
            .get((sorted.len() * q / 100).min(sorted.len().saturating_sub(1)))
            .copied()
    };
    (at(50).unwrap_or(0), at(99).unwrap_or(0))
}

/// The port a class is hosted on unless `--port` says otherwise.
pub const DEFAULT_PORT: u16 = 7878;

/// Lines of the host's log the console keeps.
const LOG_LINES: usize = 200;

/// The class being hosted.
#[derive(Resource)]
pub struct ClassHost {
    /// The tables and their seats.
    pub host: Host,
    /// The class file, for the console's injects and the debrief.
    pub class: ClassFile,
    /// Where each finished game is written (`table-NN-CODE.json`), for the debrief.
    pub results: PathBuf,
    /// The address teams join, once the server is open.
    pub address: Option<SocketAddr>,
    /// The latest lines of the log, newest last.
    pub log: VecDeque<String>,
    /// The games written so far.
    pub written: Vec<PathBuf>,
    /// Whether the teacher ended the class.
    pub ended: bool,
    /// Where each connected laptop connects from, by connection.
    pub addresses: BTreeMap<u64, SocketAddr>,
    /// The secret code of each table (by number) teams join with: drawn from the system's random generator when
    /// the class is first hosted, and kept in the results folder so a restarted host keeps them.
    pub join_codes: BTreeMap<u32, String>,
    /// Where results and the tables in progress are written.
    pub storage: Storage,
    /// How long the host took over each of the latest frames from the laptops (decoding, the rules, the views and
    /// the table kept on disk), in microseconds, newest last; summarised in the log every [`LATENCY_LOG_EVERY`].
    pub frame_micros: VecDeque<u64>,
    /// How long the host took over every frame from the laptops since the class opened, for its summary line.
    pub message_times: crate::net::host_report::TimeHistogram,
    /// Connections one address may hold, when the teacher set it (`host --laptops-per-address`, to rehearse with
    /// a machine of bots on the network); the guard's default otherwise.
    pub laptops_per_address: Option<usize>,
    frames_handled: u64,
    /// The thread that writes tables in progress.
    keeper: Keeper,
    /// Why the latest write of a table in progress failed, until one succeeds (the console shows it).
    pub persist_error: Option<String>,
    started: Instant,
}

impl ClassHost {
    /// A host for `class` on `scenario`, writing results into `results`.
    pub fn new(
        scenario: Arc<Scenario>,
        class: ClassFile,
        options: HostOptions,
        results: PathBuf,
    ) -> Result<ClassHost, NetError> {
        let mut host = Host::new(scenario, &class, options, 0, 0)?;
        // Seat tokens must not be guessed: their generator is seeded with 256 bits from the system.
        host.seed_tokens(crate::net::join_token::os_random::<32>()?);
        let storage = Storage::real();
        let join_codes = match read_join_codes(&storage, &results, &class) {
            Some(kept) => kept,
            None => {
                let mut drawn = BTreeMap::new();
                for table in &class.tables {
                    drawn.insert(table.number, JoinCode::from_secret(os_random_u64()?).encode());
                }
                drawn
            }
        };
        host.set_join_codes(&join_codes);
        let mut class_host = ClassHost {
            host,
            class,
            results,
            address: None,
            log: VecDeque::new(),
            written: Vec::new(),
            ended: false,
            addresses: BTreeMap::new(),
            join_codes,
            frame_micros: VecDeque::new(),
            message_times: Default::default(),
            laptops_per_address: None,
            frames_handled: 0,
            storage,
            keeper: Keeper::start(),
            persist_error: None,
            started: Instant::now(),
        };
        class_host.resume_tables();
        Ok(class_host)
    }

    /// Keeps the join codes in the results folder, for a host restarted on it.
    pub fn write_join_codes(&mut self) {
        let path = join_codes_path(&self.results);
        let bytes = serde_json::to_vec_pretty(&self.join_codes).unwrap_or_default();
        if let Err(error) = self.storage.write(&path, &bytes) {
            self.note(format!(
                "cannot keep the join codes; a restarted host would draw new ones: {error}"
            ));
        }
    }

    /// Takes back every table kept in the results folder by a host that stopped before its class was over. A
    /// table whose file cannot be read starts afresh, with a log line saying why.
    pub fn resume_tables(&mut self) {
        let tables: Vec<(u32, String)> = self
            .class
            .tables
            .iter()
            .map(|table| (table.number, table.code.clone()))
            .collect();
        for (number, code) in tables {
            let path = in_progress_path(&self.results, number, &code);
            let bytes = match self.storage.read_bounded(&path, MAX_SAVED_TABLE_BYTES) {
                Ok(Ok(bytes)) => bytes,
                Ok(Err(size)) => {
                    self.note(format!("{}: too large to resume ({size} bytes)", path.display()));
                    continue;
                }
                Err(error) if error.error.kind() == std::io::ErrorKind::NotFound => continue,
                Err(error) => {
                    self.note(format!("table {number}: cannot resume: {error}"));
                    continue;
                }
            };
            let resumed = serde_json::from_slice::<SavedTable>(&bytes)
                .map_err(|e| format!("{}: not a table in progress: {e}", path.display()))
                .and_then(|saved| self.host.resume(saved, 0).map_err(|e| e.to_string()));
            match resumed {
                Ok(effects) => self.carry_out_offline(effects),
                Err(reason) => self.note(format!("table {number}: starts afresh; cannot resume: {reason}")),
            }
        }
    }

    /// Effects with no connection to send to (resuming at start): results and tables written, lines logged.
    fn carry_out_offline(&mut self, effects: Vec<HostEffect>) {
        for effect in effects {
            match effect {
                HostEffect::Log(line) => self.note(line),
                HostEffect::Persist { table, code, saved } => self.persist(table, &code, *saved),
                HostEffect::Finished { table, record } => self.write_result(table, *record),
                HostEffect::Send { .. } | HostEffect::Drop { .. } => {}
            }
        }
    }

    /// Keeps a table in progress on disk; a failed write leaves the previous file whole, and is shown until one
    /// succeeds.
    /// The write goes to the keeper's thread, so the host's frame never waits for the disk to flush it.
    fn persist(&mut self, table: u32, code: &str, mut saved: SavedTable) {
        let path = in_progress_path(&self.results, table, code);
        saved.record.saved_at = crate::clock::now();
        let bytes = match serde_json::to_vec(&saved) {
            Ok(bytes) => bytes,
            Err(error) => {
                // Never replace the last good file with an empty one.
                self.note(format!("table {table}: cannot keep the table in progress: {error}"));
                return;
            }
        };
        if let Err(job) = self.keeper.keep(self.storage.clone(), table, path, bytes) {
            // No thread to write on (it could not be started, or it stopped): write here.
            let result = job.storage.write(&job.path, &job.bytes).map_err(|e| e.to_string());
            self.note_kept(job.table, result);
        }
        self.collect_kept();
    }

    /// Notes what the keeper's writes came to: a failure is logged once and shown until a write succeeds.
    fn collect_kept(&mut self) {
        for (table, result) in self.keeper.results() {
            self.note_kept(table, result);
        }
    }

    fn note_kept(&mut self, table: u32, result: Result<(), String>) {
        match result {
            Ok(()) => {
                if self.persist_error.take().is_some() {
                    self.note("tables in progress are written again".to_string());
                }
            }
            Err(error) => {
                if self.persist_error.is_none() {
                    self.note(format!(
                        "table {table}: cannot keep the game in progress; a restarted host would resume it from its \
                         last kept move: {error}"
                    ));
                }
                self.persist_error = Some(error);
            }
        }
    }

    /// Waits (a few seconds at most) until every table in progress handed to the keeper is on disk or failed, and
    /// notes the outcome: for tests, and before the host exits.
    pub fn flush(&mut self) {
        self.keeper.wait_idle();
        self.collect_kept();
    }

    /// Writes a finished game into the results folder.
    fn write_result(&mut self, table: u32, mut record: tradetable_core::classroom::record::GameRecord) {
        record.saved_at = crate::clock::now();
        let path = result_path(&self.results, table, record.table.as_deref().unwrap_or("table"));
        match self.storage.write(&path, record.to_json().as_bytes()) {
            Ok(()) => {
                self.note(format!("table {table}: game over; written to {}", path.display()));
                if !self.written.contains(&path) {
                    self.written.push(path);
                }
            }
            Err(error) => self.note(format!("table {table}: cannot write the result: {error}")),
        }
    }

    /// Milliseconds since the class opened: the host's clock.
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// Keeps a frame's handling time, and logs the median and 99th percentile every [`LATENCY_LOG_EVERY`] frames.
    fn note_frame_time(&mut self, micros: u64) {
        if self.frame_micros.len() == LATENCY_WINDOW {
            self.frame_micros.pop_front();
        }
        self.frame_micros.push_back(micros);
        self.message_times.record(micros);
        self.frames_handled += 1;
        if self.frames_handled.is_multiple_of(LATENCY_LOG_EVERY) {
            let (p50, p99) = percentiles(&self.frame_micros);
            self.note(format!(
                "{} frames handled; the latest {}: median {:.2} ms, 99th percentile {:.2} ms each",
                self.frames_handled,
                self.frame_micros.len(),
                p50 as f64 / 1000.0,
                p99 as f64 / 1000.0
            ));
        }
    }

    fn note(&mut self, line: String) {
        info!("{line}");
        if self.log.len() == LOG_LINES {
            self.log.pop_front();
        }
        self.log.push_back(line);
    }
}

/// What the teacher asks of the class, from the console.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum TeacherCommand {
    /// Pause one table (by number) or all.
    Pause(Option<u32>),
    /// Resume one table or all.
    Resume(Option<u32>),
    /// Fire one of the scenario's injects at one table or all.
    FireInject {
        /// The table, or all.
        table: Option<u32>,
        /// The inject's id.
        id: String,
    },
    /// Seat the computer where a team never came.
    SeatComputer {
        /// The table.
        table: u32,
        /// The side.
        side: Side,
        /// Who plays.
        opponent: Opponent,
    },
    /// End the class: every laptop is told, and unfinished games are kept as they stand.
    EndClass,
    /// Disconnect one laptop (its seat waits for its token).
    Kick(PeerId),
    /// Free a seat: its token no longer takes it and its laptop is disconnected.
    FreeSeat {
        /// The table.
        table: u32,
        /// The side.
        side: Side,
    },
}

/// Runs a hosted class: add after the transport's `server_plugin`, with a [`ClassHost`] resource.
pub fn plugin(app: &mut App) {
    app.add_message::<TeacherCommand>().add_systems(
        Update,
        (share_join_codes, connections, frames, teacher, tick)
            .chain()
            .run_if(resource_exists::<ClassHost>),
    );
}

/// The codes laptops may fetch a connect token with: every table's join code (its class code where it has none).
fn codes_to_answer(class: &ClassHost) -> JoinCodes {
    JoinCodes(
        class
            .class
            .tables
            .iter()
            .filter_map(|table| class.host.join_code(table.number))
            .map(str::to_string)
            .collect(),
    )
}

/// Keeps the transport's [`JoinCodes`] in step with the tables' codes, so the host hands out connect tokens for them
/// and no others.
fn share_join_codes(class: Res<ClassHost>, codes: Option<ResMut<JoinCodes>>) {
    if let Some(mut codes) = codes {
        codes.set_if_neq(codes_to_answer(&class));
    }
}

/// Opens the server on `addr` for the hosted class and notes the address teams join.
/// The results folder is created only once the port is open, so a host that cannot start leaves nothing behind.
pub fn open(world: &mut World, addr: SocketAddr) -> Result<SocketAddr, NetError> {
    if let Some(class) = world.get_resource::<ClassHost>() {
        let codes = codes_to_answer(class);
        world.insert_resource(codes);
    }
    let bound = transport::start_server(world, addr, transport::PROTOCOL_ID)?;
    if let Some(mut class) = world.get_resource_mut::<ClassHost>() {
        class.storage.create_dir_all(&class.results)?;
        class.write_join_codes();
        class.address = Some(bound);
        class.note(format!("hosting on {bound}"));
    }
    Ok(bound)
}

fn connections(
    mut class: ResMut<ClassHost>,
    mut connected: MessageReader<PeerConnected>,
    mut disconnected: MessageReader<PeerDisconnected>,
    mut send: MessageWriter<SendToPeer>,
    mut kick: MessageWriter<Kick>,
) {
    for PeerConnected { peer, addr } in connected.read() {
        let now = class.now_ms();
        class.host.connect(peer.0, now);
        if let Some(addr) = addr {
            class.addresses.insert(peer.0, *addr);
        }
        let from = addr.map_or(String::new(), |a| format!(" from {a}"));
        class.note(format!("{peer} connected{from}"));
    }
    for PeerDisconnected { peer, reason } in disconnected.read() {
        class.note(format!("{peer} left: {reason}"));
        class.addresses.remove(&peer.0);
        let effects = class.host.disconnect(peer.0);
        carry_out(&mut class, effects, &mut send, &mut kick);
    }
}

fn frames(
    mut class: ResMut<ClassHost>,
    mut received: MessageReader<Received>,
    mut send: MessageWriter<SendToPeer>,
    mut kick: MessageWriter<Kick>,
) {
    for Received { peer, bytes } in received.read() {
        let started = Instant::now();
        let now = class.now_ms();
        let effects = class.host.receive(peer.0, bytes, now);
        carry_out(&mut class, effects, &mut send, &mut kick);
        class.note_frame_time(started.elapsed().as_micros() as u64);
    }
}

fn teacher(
    mut class: ResMut<ClassHost>,
    mut commands: MessageReader<TeacherCommand>,
    mut send: MessageWriter<SendToPeer>,
    mut kick: MessageWriter<Kick>,
) {
    for command in commands.read() {
        let now = class.now_ms();
        let effects = match command {
            TeacherCommand::Pause(table) => {
                class.note(format!("paused {}", which(*table)));
                class.host.set_paused(*table, true, now)
            }
            TeacherCommand::Resume(table) => {
                class.note(format!("resumed {}", which(*table)));
                class.host.set_paused(*table, false, now)
            }
            TeacherCommand::FireInject { table, id } => {
                let (effects, refusals) = class.host.fire_inject(*table, id);
                for refusal in refusals {
                    class.note(refusal);
                }
                effects
            }
            TeacherCommand::SeatComputer { table, side, opponent } => {
                match class.host.seat_computer(*table, *side, opponent.clone(), now) {
                    Ok(effects) => {
                        class.note(format!(
                            "table {table}: the computer ({}) takes the {} seat",
                            opponent.name(),
                            side.key()
                        ));
                        effects
                    }
                    Err(reason) => {
                        class.note(reason.to_string());
                        Vec::new()
                    }
                }
            }
            TeacherCommand::Kick(peer) => {
                class.note(format!("the teacher disconnected {peer}"));
                class.host.kick(peer.0, "the teacher disconnected this laptop")
            }
            TeacherCommand::FreeSeat { table, side } => match class.host.free_seat(*table, *side, now) {
                Ok(effects) => effects,
                Err(reason) => {
                    class.note(reason.to_string());
                    Vec::new()
                }
            },
            TeacherCommand::EndClass => {
                class.ended = true;
                class.note("the teacher ended the class".to_string());
                class.host.end_class("the teacher ended the class")
            }
        };
        carry_out(&mut class, effects, &mut send, &mut kick);
    }
}

fn tick(mut class: ResMut<ClassHost>, mut send: MessageWriter<SendToPeer>, mut kick: MessageWriter<Kick>) {
    if class.ended {
        return;
    }
    let now = class.now_ms();
    let effects = class.host.tick(now);
    carry_out(&mut class, effects, &mut send, &mut kick);
    class.collect_kept();
}

/// A table in progress to write.
struct KeepJob {
    storage: Storage,
    table: u32,
    path: PathBuf,
    bytes: Vec<u8>,
}

/// Writes tables in progress on a thread of its own, the latest state of each table first in line: a burst of moves
/// at many tables costs the host's frame nothing, and a table that moved twice before its write is written once.
/// Dropping it finishes the writes handed to it.
struct Keeper {
    jobs: Option<std::sync::mpsc::Sender<KeepJob>>,
    results: std::sync::Mutex<std::sync::mpsc::Receiver<(u32, Result<(), String>)>>,
    pending: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Keeper {
    fn start() -> Keeper {
        use std::sync::atomic::Ordering;
        let (jobs, inbox) = std::sync::mpsc::channel::<KeepJob>();
        let (report, results) = std::sync::mpsc::channel();
        let pending = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = pending.clone();
        let thread = std::thread::Builder::new()
            .name("keep tables".to_string())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    let mut batch: BTreeMap<PathBuf, KeepJob> = BTreeMap::new();
                    let mut taken = 1;
                    batch.insert(first.path.clone(), first);
                    while let Ok(job) = inbox.try_recv() {
                        taken += 1;
                        batch.insert(job.path.clone(), job);
                    }
                    for job in batch.into_values() {
                        let result = job.storage.write(&job.path, &job.bytes).map_err(|e| e.to_string());
                        let _ = report.send((job.table, result));
                    }
                    counter.fetch_sub(taken, Ordering::SeqCst);
                }
            })
            .ok();
        Keeper {
            jobs: thread.as_ref().map(|_| jobs),
            results: std::sync::Mutex::new(results),
            pending,
            thread,
        }
    }

    /// Hands a write to the thread; gives it back if there is no thread.
    fn keep(&self, storage: Storage, table: u32, path: PathBuf, bytes: Vec<u8>) -> Result<(), KeepJob> {
        let job = KeepJob {
            storage,
            table,
            path,
            bytes,
        };
        let Some(jobs) = &self.jobs else {
            return Err(job);
        };
        self.pending.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        jobs.send(job).map_err(|std::sync::mpsc::SendError(job)| {
            self.pending.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
            job
        })
    }

    /// What the writes done since last asked came to.
    fn results(&self) -> Vec<(u32, Result<(), String>)> {
        self.results
            .lock()
            .map(|results| results.try_iter().collect())
            .unwrap_or_default()
    }

    fn wait_idle(&self) {
        for _ in 0..10_000 {
            if self.pending.load(std::sync::atomic::Ordering::SeqCst) == 0 {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Does what the host asked: frames out, connections dropped, log lines, results written.
fn carry_out(
    class: &mut ClassHost,
    effects: Vec<HostEffect>,
    send: &mut MessageWriter<SendToPeer>,
    kick: &mut MessageWriter<Kick>,
) {
    for effect in effects {
        match effect {
            HostEffect::Send { peer, message } => {
                send.write(SendToPeer {
                    peer: PeerId(peer),
                    bytes: encode_host(&message),
                });
            }
            HostEffect::Drop { peer, reason } => {
                warn!("dropping peer {peer}: {reason}");
                kick.write(Kick {
                    peer: PeerId(peer),
                    reason,
                });
            }
            HostEffect::Log(line) => class.note(line),
            HostEffect::Persist { table, code, saved } => class.persist(table, &code, *saved),
            HostEffect::Finished { table, record } => class.write_result(table, *record),
        }
    }
}

/// The largest table in progress a host reads back (a game's record is far smaller).
const MAX_SAVED_TABLE_BYTES: u64 = 4 * 1024 * 1024;

/// The file a table in progress is kept in: `in-progress/` in the class results folder (the debrief reads only the
/// folder's own files, the finished games).
pub fn in_progress_path(results: &Path, table: u32, code: &str) -> PathBuf {
    results
        .join("in-progress")
        .join(format!("table-{table:02}-{code}.json"))
}

/// The file the join codes are kept in.
fn join_codes_path(results: &Path) -> PathBuf {
    results.join("in-progress").join("join-codes.json")
}

/// The join codes kept by a host before on this results folder, if they are whole and name every table of the class.
fn read_join_codes(storage: &Storage, results: &Path, class: &ClassFile) -> Option<BTreeMap<u32, String>> {
    let bytes = storage.read_bounded(&join_codes_path(results), 64 * 1024).ok()?.ok()?;
    let codes: BTreeMap<u32, String> = serde_json::from_slice(&bytes).ok()?;
    let whole = class.tables.iter().all(|table| {
        codes
            .get(&table.number)
            .is_some_and(|code| JoinCode::parse(code).is_ok())
    });
    whole.then_some(codes)
}

/// 64 bits from the operating system's random generator.
fn os_random_u64() -> Result<u64, NetError> {
    Ok(getrandom::u64()?)
}

/// The file of a table's result in the class results folder.
pub fn result_path(results: &Path, table: u32, code: &str) -> PathBuf {
    results.join(format!("table-{table:02}-{code}.json"))
}

fn which(table: Option<u32>) -> String {
    table.map_or("every table".to_string(), |n| format!("table {n}"))
}

/// This machine's address on its network, as teams type it: the one the system would route out of (nothing is sent).
pub fn lan_address() -> IpAddr {
    UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|socket| {
            socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
            socket.local_addr()
        })
        .map(|addr| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

/// What teams need to join: the address and every table's code.
pub fn joining_instructions(class: &ClassHost, bound: SocketAddr) -> String {
    let address = SocketAddr::new(
        if bound.ip().is_unspecified() {
            lan_address()
        } else {
            bound.ip()
        },
        bound.port(),
    );
    let mut text = format!(
        "Hosting \"{}\" for {} table(s) at {address}\nTeams join with: tradetable play --join {address} --code CODE \
         (or \"Join a networked table\" on the title screen)\n",
        class.host.scenario().title,
        class.class.tables.len()
    );
    for table in &class.class.tables {
        let code = class.host.join_code(table.number).unwrap_or(&table.code);
        text.push_str(&format!("  table {:>2}: {code}\n", table.number));
    }
    text.push_str(&format!("Finished games are written to {}\n", class.results.display()));
    text
}

/// Connections a class needs at most (two teams a table, and room for laptops coming back before their old
/// connection has timed out), and those one address may hold.
pub fn limits_for(class: &ClassHost) -> transport::TransportLimits {
    let mut limits = transport::TransportLimits {
        max_peers: 2 * class.class.tables.len() + 8,
        ..default()
    };
    if let Some(laptops) = class.laptops_per_address {
        limits.per_address.peers_per_address = laptops;
    }
    limits
}
