//! The authoritative host of a networked class, without the network: every table of a class, who sits in each seat,
//! seat tokens, moves checked and applied, the teacher's pause, injects and computer seats, and the round timer.
//!
//! The network shell feeds it what each connection sent and the time, and sends what it returns; so the same calls
//! run a class over the network, in tests without one, and under a fuzzer. Nothing a connection sends can panic it
//! or change a table except a legal move from the side whose turn it is, sent by that side's seat.

use std::collections::BTreeMap;
use std::sync::Arc;

use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::ai::{Negotiator, Opponent};
use crate::classroom::class::{ClassFile, ClassSeat, TableCode};
use crate::classroom::join_code::normalise_code;
use crate::classroom::record::{GameRecord, Seat};
use crate::network::host_error::HostError;
use crate::network::protocol::{
    ClientMessage, HostMessage, PROTOCOL_VERSION, SeatPresence, TableView, decode_client, public_state, scenario_for,
    scenario_text,
};
use crate::rules::moves::Move;
use crate::rules::negotiation::{GameState, apply};
use crate::scenario::schema::{PerSide, Scenario, Side};

/// A connection, as the network shell numbers them.
pub type PeerId = u64;

/// Refused messages a connection may send before the host drops it: a team may mistype, a broken or hostile client
/// keeps going.
pub const MAX_STRIKES: u32 = 5;

/// By default, a connection that has taken no seat this long after it opened is dropped: a laptop joins within a
/// round trip of connecting, so one that does not is a stray or a script holding a connection slot.
pub const SEAT_GRACE_MS: u64 = 10_000;

/// How a class is hosted.
#[derive(Debug, Clone)]
pub struct HostOptions {
    /// Seconds a side has for its turn before it passes by default (none: no timer).
    pub turn_seconds: Option<u64>,
    /// Milliseconds a computer seat waits after the table's last move before it makes its own, so that the team
    /// across the table sees each of its moves arrive (0: at once).
    pub computer_pace_ms: u64,
    /// Milliseconds a connection may stay without a seat before it is dropped ([`SEAT_GRACE_MS`]).
    pub seat_grace_ms: u64,
}

impl Default for HostOptions {
    fn default() -> Self {
        HostOptions {
            turn_seconds: None,
            computer_pace_ms: 0,
            seat_grace_ms: SEAT_GRACE_MS,
        }
    }
}

/// What the host asks the network shell to do.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEffect {
    /// Send a message to one connection.
    Send {
        /// To whom.
        peer: PeerId,
        /// What.
        message: HostMessage,
    },
    /// Drop a connection that misbehaves, after telling it why.
    Drop {
        /// Whom.
        peer: PeerId,
        /// Why, for the host's log.
        reason: String,
    },
    /// Something for the host's log: a refused message and who sent it.
    Log(String),
    /// A table changed (a move, a seat taken or freed, a pause, an inject): its state, to keep on disk so that a
    /// host restarted on the same results folder resumes it ([`Host::resume`]).
    Persist {
        /// The table's number.
        table: u32,
        /// Its code.
        code: String,
        /// What to keep.
        saved: Box<SavedTable>,
    },
    /// A table's game has ended: its record, for the class results.
    Finished {
        /// The table's number.
        table: u32,
        /// The record of the game.
        record: Box<GameRecord>,
    },
}

/// What a host keeps of one table on disk: the game (as its record: every move) and who holds each seat, with the
/// seat tokens, so a restarted host gives each team its seat back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedTable {
    /// Always [`SAVED_TABLE_FORMAT`].
    pub format: String,
    /// [`SAVED_TABLE_VERSION`] when written by this program.
    pub version: u32,
    /// The table's number.
    pub number: u32,
    /// The table's code.
    pub code: String,
    /// Whether the teacher had paused it.
    pub paused: bool,
    /// Who holds each seat.
    pub seats: PerSide<SavedSeat>,
    /// The game so far.
    pub record: GameRecord,
}

/// What every saved table says it is.
pub const SAVED_TABLE_FORMAT: &str = "tradetable-hosted-table";

/// The version of the saved table format.
pub const SAVED_TABLE_VERSION: u32 = 1;

/// Who holds a seat, as kept on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedSeat {
    /// No team yet.
    Waiting,
    /// A team, by its seat token.
    Team(String),
    /// The computer.
    Computer(Opponent),
}

/// Who holds a seat.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Holder {
    /// A team is expected and has not joined.
    Waiting,
    /// A team, by its token, and its connection while it is connected.
    Team { token: String, peer: Option<PeerId> },
    /// The computer.
    Computer(Opponent),
}

/// One table of the class.
struct Table {
    number: u32,
    code: String,
    /// The secret code teams join with, when the host has given one (`Host::set_join_codes`); else the class code.
    join: Option<String>,
    state: GameState,
    holders: PerSide<Holder>,
    paused: bool,
    /// When the last move was made (or the table opened), in the host's milliseconds.
    last_move_ms: u64,
    /// When the side to move began its turn.
    turn_started_ms: u64,
    agents: PerSide<Option<Box<dyn Negotiator>>>,
    reported: bool,
}

impl Table {
    /// The table's game as a record for the class results, named by its code.
    fn record(&self, scenario: &Scenario) -> GameRecord {
        let seats = PerSide::from_fn(|side| match &self.holders[side] {
            Holder::Computer(opponent) => Seat::Computer(opponent.clone()),
            _ => Seat::People(format!("table {} {} team", self.number, side.key())),
        });
        // When it was saved is stamped by the shell that writes it: the core reads no clock.
        GameRecord::of(
            scenario,
            &self.state,
            seats,
            Some(self.code.clone()),
            &self.code,
            String::new(),
        )
    }

    /// The code teams join this table with.
    fn joined_with(&self) -> &str {
        self.join.as_deref().unwrap_or(&self.code)
    }

    /// The table as kept on disk.
    fn saved(&self, scenario: &Scenario) -> SavedTable {
        SavedTable {
            format: SAVED_TABLE_FORMAT.to_string(),
            version: SAVED_TABLE_VERSION,
            number: self.number,
            code: self.code.clone(),
            paused: self.paused,
            seats: PerSide::from_fn(|side| match &self.holders[side] {
                Holder::Waiting => SavedSeat::Waiting,
                Holder::Team { token, .. } => SavedSeat::Team(token.clone()),
                Holder::Computer(opponent) => SavedSeat::Computer(opponent.clone()),
            }),
            record: self.record(scenario),
        }
    }
}

/// What the teacher's console shows of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableStatus {
    /// Its number.
    pub number: u32,
    /// The code teams join it with.
    pub code: String,
    /// The round.
    pub round: u32,
    /// The side to move.
    pub to_move: Side,
    /// The latest offer, if any: who made it and in which round.
    pub latest_offer: Option<(Side, u32)>,
    /// The goods deficit now, $bn a year.
    pub deficit_bn: f64,
    /// Each side's approval now.
    pub approval: PerSide<f64>,
    /// Seconds since the last move.
    pub idle_seconds: u64,
    /// Who is in each seat.
    pub seats: PerSide<SeatPresence>,
    /// Whether the teacher paused it.
    pub paused: bool,
    /// How it ended, once it has.
    pub outcome: Option<String>,
}

/// A connection and its seat.
#[derive(Debug, Clone)]
struct Peer {
    seat: Option<(usize, Side)>,
    strikes: u32,
    /// When it connected, in the host's milliseconds.
    connected_ms: u64,
}

impl Peer {
    fn new(now_ms: u64) -> Peer {
        Peer {
            seat: None,
            strikes: 0,
            connected_ms: now_ms,
        }
    }
}

/// One connection, as the teacher's console lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaptopStatus {
    /// The connection.
    pub peer: PeerId,
    /// The table (by number) and side of its seat, once it has one.
    pub seat: Option<(u32, Side)>,
    /// Seconds since it connected.
    pub connected_seconds: u64,
    /// Its refused messages so far.
    pub strikes: u32,
}

/// The host of a class: every table, every connection.
pub struct Host {
    scenario: Arc<Scenario>,
    options: HostOptions,
    tables: Vec<Table>,
    peers: BTreeMap<PeerId, Peer>,
    tokens: ChaCha20Rng,
}

impl Host {
    /// A host for `class`, played on `scenario` (which must be the class's scenario, in its version). `token_seed`
    /// seeds the seat tokens, for tests; a real host reseeds them with [`Host::seed_tokens`].
    pub fn new(
        scenario: Arc<Scenario>,
        class: &ClassFile,
        options: HostOptions,
        token_seed: u64,
        now_ms: u64,
    ) -> Result<Host, HostError> {
        if !class.scenario.matches(&scenario) {
            return Err(HostError::OtherScenario {
                id: class.scenario.id.clone(),
                version: class.scenario.short_hash().to_string(),
            });
        }
        let mut tables = Vec::new();
        for table in &class.tables {
            let code = TableCode::decode(&table.code).map_err(|source| HostError::TableCode {
                table: table.number,
                source,
            })?;
            let holders = PerSide::from_fn(|side| match code.seats[side] {
                ClassSeat::People => Holder::Waiting,
                ClassSeat::Computer(difficulty) => Holder::Computer(Opponent::Difficulty(difficulty)),
            });
            let mut agents = PerSide::from_fn(|_| None);
            for side in Side::BOTH {
                if let Holder::Computer(opponent) = &holders[side] {
                    agents[side] = Some(opponent.agent(&scenario, side)?);
                }
            }
            tables.push(Table {
                number: table.number,
                code: table.code.clone(),
                join: None,
                state: GameState::with_injects(&scenario, code.seed, code.inject_ids(&scenario)),
                holders,
                paused: false,
                last_move_ms: now_ms,
                turn_started_ms: now_ms,
                agents,
                reported: false,
            });
        }
        Ok(Host {
            scenario,
            options,
            tables,
            peers: BTreeMap::new(),
            tokens: ChaCha20Rng::seed_from_u64(token_seed),
        })
    }

    /// Seeds the seat tokens with 256 bits, which the shell draws from the system's random generator: a token a
    /// student must not guess never comes from a 64-bit seed.
    pub fn seed_tokens(&mut self, seed: [u8; 32]) {
        self.tokens = ChaCha20Rng::from_seed(seed);
    }

    /// Gives tables the secret codes teams join with (`classroom::join_code`), by table number: from then on a table's
    /// class code no longer seats anyone there. The shell draws them from the system's random generator.
    pub fn set_join_codes(&mut self, codes: &BTreeMap<u32, String>) {
        for table in &mut self.tables {
            table.join = codes.get(&table.number).cloned();
        }
    }

    /// The code teams join table `number` with: its join code, or its class code when it has none.
    pub fn join_code(&self, number: u32) -> Option<&str> {
        self.tables.iter().find(|t| t.number == number).map(Table::joined_with)
    }

    /// The scenario the class plays.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// A connection opened: it has [`HostOptions::seat_grace_ms`] to take a seat.
    pub fn connect(&mut self, peer: PeerId, now_ms: u64) {
        self.peers.entry(peer).or_insert_with(|| Peer::new(now_ms));
    }

    /// A connection closed: its seat waits for the team to come back with its token.
    pub fn disconnect(&mut self, peer: PeerId) -> Vec<HostEffect> {
        let Some(gone) = self.peers.remove(&peer) else {
            return Vec::new();
        };
        let Some((t, side)) = gone.seat else {
            return Vec::new();
        };
        if let Holder::Team { peer: held, .. } = &mut self.tables[t].holders[side] {
            *held = None;
        }
        let mut effects = vec![HostEffect::Log(format!(
            "table {}: the {} team's laptop disconnected",
            self.tables[t].number,
            side.key()
        ))];
        effects.extend(self.broadcast(t, None));
        effects
    }

    /// What a connection sent: decoded, checked and applied, or refused with the reason sent back and logged. A
    /// connection that keeps sending what is refused is dropped.
    pub fn receive(&mut self, peer: PeerId, bytes: &[u8], now_ms: u64) -> Vec<HostEffect> {
        self.peers.entry(peer).or_insert_with(|| Peer::new(now_ms));
        let result = decode_client(bytes)
            .map_err(HostError::from)
            .and_then(|message| match message {
                ClientMessage::Join {
                    protocol,
                    code,
                    side,
                    token,
                } => self.join(peer, protocol, &code, side, token.as_deref(), now_ms),
                ClientMessage::Move { mv } => self.play(peer, &mv, now_ms),
            });
        match result {
            Ok(effects) => effects,
            Err(reason) => self.refuse(peer, reason.to_string()),
        }
    }

    fn refuse(&mut self, peer: PeerId, reason: String) -> Vec<HostEffect> {
        let strikes = self.peers.get_mut(&peer).map_or(MAX_STRIKES, |p| {
            p.strikes += 1;
            p.strikes
        });
        let mut effects = vec![
            HostEffect::Log(format!("connection {peer}: refused: {reason}")),
            HostEffect::Send {
                peer,
                message: HostMessage::Refused { reason: reason.clone() },
            },
        ];
        if strikes >= MAX_STRIKES {
            effects.push(HostEffect::Drop {
                peer,
                reason: format!("{strikes} refused messages; the last: {reason}"),
            });
            effects.extend(self.disconnect(peer));
        }
        effects
    }

    fn join(
        &mut self,
        peer: PeerId,
        protocol: u32,
        code: &str,
        side: Option<Side>,
        token: Option<&str>,
        now_ms: u64,
    ) -> Result<Vec<HostEffect>, HostError> {
        if protocol != PROTOCOL_VERSION {
            return Err(HostError::OtherProtocol { protocol });
        }
        if self.peers.get(&peer).is_some_and(|p| p.seat.is_some()) {
            return Err(HostError::AlreadySeated);
        }
        let wanted = normalise_code(code);
        let t = self
            .tables
            .iter()
            .position(|table| normalise_code(table.joined_with()) == wanted)
            .ok_or_else(
                || match self.tables.iter().find(|table| normalise_code(&table.code) == wanted) {
                    // The class sheet's code is for one screen; a hosted class seats teams with the console's join code.
                    Some(_) => HostError::ClassSheetCode { code: code.to_string() },
                    None => HostError::UnknownCode { code: code.to_string() },
                },
            )?;
        let table = &mut self.tables[t];
        let taken = match token {
            Some(token) => Side::BOTH
                .into_iter()
                .find(|s| matches!(&table.holders[*s], Holder::Team { token: held, .. } if held == token))
                .ok_or(HostError::UnknownToken)?,
            None => {
                let free = |s: Side| table.holders[s] == Holder::Waiting;
                match side {
                    Some(s) if free(s) => s,
                    Some(s) => return Err(HostError::SeatTaken { side: s }),
                    None => Side::BOTH.into_iter().find(|s| free(*s)).ok_or(HostError::TableFull)?,
                }
            }
        };
        let token = match &table.holders[taken] {
            Holder::Team { token, .. } => token.clone(),
            _ => format!(
                "{:016x}{:016x}",
                self.tokens.random::<u64>(),
                self.tokens.random::<u64>()
            ),
        };
        // One seat, one laptop: a laptop coming back with the seat's token takes the seat over from the connection
        // that held it (the same laptop after a crash, before the network closed its old connection, or another
        // laptop given the token); the laptop that held it is told and dropped, and the log says so.
        let mut replaced = None;
        if let Holder::Team { peer: Some(old), .. } = &table.holders[taken]
            && *old != peer
        {
            replaced = Some(*old);
        }
        table.holders[taken] = Holder::Team {
            token: token.clone(),
            peer: Some(peer),
        };
        if table.state.to_move == taken {
            table.turn_started_ms = now_ms;
        }
        let number = table.number;
        let code = table.code.clone();
        let connected_ms = self.peers.get(&peer).map_or(now_ms, |p| p.connected_ms);
        self.peers.insert(
            peer,
            Peer {
                seat: Some((t, taken)),
                strikes: 0,
                connected_ms,
            },
        );
        let mut effects = Vec::new();
        if let Some(old) = replaced {
            self.peers.remove(&old);
            let reason = "another laptop took this seat with its seat token".to_string();
            effects.push(HostEffect::Log(format!(
                "table {number}: connection {peer} took the {} seat over from connection {old} with its token; \
                 {old} was told and disconnected",
                taken.key()
            )));
            effects.push(HostEffect::Send {
                peer: old,
                message: HostMessage::Closed { reason: reason.clone() },
            });
            effects.push(HostEffect::Drop { peer: old, reason });
        } else {
            effects.push(HostEffect::Log(format!(
                "table {number}: a team took the {} seat",
                taken.key()
            )));
        }
        effects.push(HostEffect::Send {
            peer,
            message: HostMessage::Welcome {
                side: taken,
                code,
                table: number,
                token,
                scenario: scenario_text(&scenario_for(&self.scenario, taken, false)),
                took_over: replaced.is_some(),
            },
        });
        effects.extend(self.broadcast(t, Some(now_ms)));
        effects.push(self.persist(t));
        Ok(effects)
    }

    fn play(&mut self, peer: PeerId, mv: &Move, now_ms: u64) -> Result<Vec<HostEffect>, HostError> {
        let (t, side) = self.peers.get(&peer).and_then(|p| p.seat).ok_or(HostError::NotSeated)?;
        let table = &mut self.tables[t];
        if table.paused {
            return Err(HostError::Paused);
        }
        if table.state.is_over() {
            return Err(HostError::GameOver);
        }
        if table.state.to_move != side {
            return Err(HostError::NotYourTurn);
        }
        let applied = apply(&self.scenario, &table.state, mv)?;
        table.state = applied.state;
        table.last_move_ms = now_ms;
        if table.state.to_move != side {
            table.turn_started_ms = now_ms;
        }
        Ok(self.after_change(t, now_ms))
    }

    /// Moves the computer seats and the round timers on: a computer whose turn it is makes one move, and a team
    /// whose time is up passes. Call it every frame or so.
    pub fn tick(&mut self, now_ms: u64) -> Vec<HostEffect> {
        let mut effects = self.drop_seatless(now_ms);
        for t in 0..self.tables.len() {
            let table = &mut self.tables[t];
            if table.paused || table.state.is_over() {
                continue;
            }
            let side = table.state.to_move;
            let mv = if let Some(agent) = table.agents[side].as_mut() {
                if now_ms.saturating_sub(table.last_move_ms) < self.options.computer_pace_ms {
                    continue;
                }
                Some(agent.next_move(&self.scenario, &table.state))
            } else if matches!(table.holders[side], Holder::Team { .. }) {
                // Only a team that has taken its seat plays against the clock: a table nobody has joined waits.
                self.options
                    .turn_seconds
                    .filter(|secs| now_ms.saturating_sub(table.turn_started_ms) >= secs * 1000)
                    .map(|_| Move::Pass)
            } else {
                None
            };
            let Some(mv) = mv else {
                continue;
            };
            let timed_out = table.agents[side].is_none();
            table.state = match apply(&self.scenario, &table.state, &mv) {
                Ok(applied) => applied.state,
                // A computer's move the rules refuse ends its turn, as in every other game.
                Err(_) => match apply(&self.scenario, &table.state, &Move::Pass) {
                    Ok(applied) => applied.state,
                    Err(_) => continue,
                },
            };
            if timed_out {
                effects.push(HostEffect::Log(format!(
                    "table {}: the {} team's time ran out; it passes",
                    table.number,
                    side.key()
                )));
            }
            table.last_move_ms = now_ms;
            if table.state.to_move != side {
                table.turn_started_ms = now_ms;
            }
            effects.extend(self.after_change(t, now_ms));
        }
        effects
    }

    /// Drops the connections that have taken no seat within the grace.
    fn drop_seatless(&mut self, now_ms: u64) -> Vec<HostEffect> {
        let grace = self.options.seat_grace_ms;
        let late: Vec<PeerId> = self
            .peers
            .iter()
            .filter(|(_, p)| p.seat.is_none() && now_ms.saturating_sub(p.connected_ms) >= grace)
            .map(|(&peer, _)| peer)
            .collect();
        let mut effects = Vec::new();
        for peer in late {
            self.peers.remove(&peer);
            effects.push(HostEffect::Drop {
                peer,
                reason: format!(
                    "took no seat within {} s of connecting; join with a table code",
                    grace.div_ceil(1000)
                ),
            });
        }
        effects
    }

    /// The teacher disconnects a laptop. Its seat waits for its team to come back with the seat token (free the
    /// seat with [`Host::free_seat`] to refuse the token too).
    pub fn kick(&mut self, peer: PeerId, reason: &str) -> Vec<HostEffect> {
        if !self.peers.contains_key(&peer) {
            return vec![HostEffect::Log(format!("connection {peer} is not connected"))];
        }
        let mut effects = vec![
            HostEffect::Send {
                peer,
                message: HostMessage::Closed {
                    reason: reason.to_string(),
                },
            },
            HostEffect::Drop {
                peer,
                reason: reason.to_string(),
            },
        ];
        effects.extend(self.disconnect(peer));
        effects
    }

    /// The teacher frees a seat: its team's token no longer takes it, its laptop (if connected) is dropped, and the
    /// next team with the table's code may sit there. A computer seat becomes free too.
    pub fn free_seat(&mut self, table: u32, side: Side, now_ms: u64) -> Result<Vec<HostEffect>, HostError> {
        let t = self
            .tables
            .iter()
            .position(|x| x.number == table)
            .ok_or(HostError::NoSuchTable { table })?;
        let mut effects = Vec::new();
        if let Holder::Team { peer: Some(peer), .. } = self.tables[t].holders[side] {
            self.peers.remove(&peer);
            let reason = "the teacher freed this laptop's seat".to_string();
            effects.push(HostEffect::Send {
                peer,
                message: HostMessage::Closed { reason: reason.clone() },
            });
            effects.push(HostEffect::Drop { peer, reason });
        }
        let tbl = &mut self.tables[t];
        tbl.holders[side] = Holder::Waiting;
        tbl.agents[side] = None;
        effects.push(HostEffect::Log(format!(
            "table {table}: the {} seat is free",
            side.key()
        )));
        effects.extend(self.broadcast(t, Some(now_ms)));
        effects.push(self.persist(t));
        Ok(effects)
    }

    /// Every connection, for the teacher's console: seated ones by table and side, then the others.
    pub fn laptops(&self, now_ms: u64) -> Vec<LaptopStatus> {
        self.peers
            .iter()
            .map(|(&peer, p)| LaptopStatus {
                peer,
                seat: p.seat.map(|(t, side)| (self.tables[t].number, side)),
                connected_seconds: now_ms.saturating_sub(p.connected_ms) / 1000,
                strikes: p.strikes,
            })
            .collect()
    }

    /// After a table changed: every seat's view, and its record once the game is over.
    fn after_change(&mut self, t: usize, now_ms: u64) -> Vec<HostEffect> {
        let mut effects = self.broadcast(t, Some(now_ms));
        effects.push(self.persist(t));
        let table = &mut self.tables[t];
        if table.state.is_over() && !table.reported {
            table.reported = true;
            let record = table.record(&self.scenario);
            effects.push(HostEffect::Finished {
                table: table.number,
                record: Box::new(record),
            });
            for side in Side::BOTH {
                if let Holder::Team { peer: Some(peer), .. } = table.holders[side] {
                    effects.push(HostEffect::Send {
                        peer,
                        message: HostMessage::Finished {
                            scenario: scenario_text(&scenario_for(&self.scenario, side, true)),
                            state: Box::new(table.state.clone()),
                        },
                    });
                }
            }
        }
        effects
    }

    /// Table `t` as kept on disk.
    fn persist(&self, t: usize) -> HostEffect {
        let table = &self.tables[t];
        HostEffect::Persist {
            table: table.number,
            code: table.code.clone(),
            saved: Box::new(table.saved(&self.scenario)),
        }
    }

    /// Takes a table back as a host kept it (after a crash or restart on the same results folder): its game, its
    /// pause, and its seats, each team's seat waiting for the team to come back with its token. The table must be
    /// one of this class (same number and code) and its game must replay on this scenario. A game that was over is
    /// reported again, so its result is written if it was not.
    pub fn resume(&mut self, saved: SavedTable, now_ms: u64) -> Result<Vec<HostEffect>, HostError> {
        if saved.format != SAVED_TABLE_FORMAT || saved.version != SAVED_TABLE_VERSION {
            return Err(HostError::NotASavedTable {
                format: saved.format,
                version: saved.version,
            });
        }
        let t = self
            .tables
            .iter()
            .position(|table| table.number == saved.number && table.code == saved.code)
            .ok_or_else(|| HostError::NotOfThisClass {
                table: saved.number,
                code: saved.code.clone(),
            })?;
        let state = saved.record.replay(&self.scenario).map_err(Box::new)?;
        let mut agents = PerSide::from_fn(|_| None);
        let holders = PerSide::from_fn(|side| match &saved.seats[side] {
            SavedSeat::Waiting => Holder::Waiting,
            SavedSeat::Team(token) => Holder::Team {
                token: token.clone(),
                peer: None,
            },
            SavedSeat::Computer(opponent) => Holder::Computer(opponent.clone()),
        });
        for side in Side::BOTH {
            if let Holder::Computer(opponent) = &holders[side] {
                agents[side] = Some(opponent.agent(&self.scenario, side)?);
            }
        }
        // Peers seated at this table before the resume (none, when resuming at start) lose their seats.
        for peer in self.peers.values_mut() {
            if peer.seat.is_some_and(|(at, _)| at == t) {
                peer.seat = None;
            }
        }
        let table = &mut self.tables[t];
        table.state = state;
        table.holders = holders;
        table.agents = agents;
        table.paused = saved.paused;
        table.last_move_ms = now_ms;
        table.turn_started_ms = now_ms;
        table.reported = false;
        let mut effects = vec![HostEffect::Log(format!(
            "table {}: resumed at round {} after {} move(s)",
            table.number,
            table.state.round,
            table.state.moves.len()
        ))];
        if table.state.is_over() {
            effects.extend(self.after_change(t, now_ms));
        }
        Ok(effects)
    }

    /// Each connected team's view of table `t`.
    fn broadcast(&self, t: usize, now_ms: Option<u64>) -> Vec<HostEffect> {
        let table = &self.tables[t];
        let seats = presence(table);
        let left = match (self.options.turn_seconds, now_ms) {
            // Only a team that has taken its seat plays against the clock (see `tick`): a seat still waiting for its
            // team shows no countdown.
            (Some(secs), Some(now))
                if !table.state.is_over() && matches!(table.holders[table.state.to_move], Holder::Team { .. }) =>
            {
                Some(secs.saturating_sub(now.saturating_sub(table.turn_started_ms) / 1000))
            }
            _ => None,
        };
        let view = TableView {
            state: public_state(&table.state),
            paused: table.paused,
            seats,
            turn_seconds_left: left,
        };
        Side::BOTH
            .into_iter()
            .filter_map(|side| match table.holders[side] {
                Holder::Team { peer: Some(peer), .. } => Some(HostEffect::Send {
                    peer,
                    message: HostMessage::Table(Box::new(view.clone())),
                }),
                _ => None,
            })
            .collect()
    }

    /// Pauses or resumes one table (by number), or every table.
    pub fn set_paused(&mut self, table: Option<u32>, paused: bool, now_ms: u64) -> Vec<HostEffect> {
        let mut effects = Vec::new();
        for t in self.matching(table) {
            let t_ref = &mut self.tables[t];
            if t_ref.paused != paused {
                t_ref.paused = paused;
                // A paused turn does not run down the timer.
                t_ref.turn_started_ms = now_ms;
                effects.extend(self.broadcast(t, Some(now_ms)));
                effects.push(self.persist(t));
            }
        }
        effects
    }

    /// Fires one of the scenario's injects at one table (by number) or every table still playing: it takes effect
    /// at the end of the round. Returns why a table refused it, if one did.
    pub fn fire_inject(&mut self, table: Option<u32>, id: &str) -> (Vec<HostEffect>, Vec<String>) {
        let mut effects = Vec::new();
        let mut refusals = Vec::new();
        for t in self.matching(table) {
            let number = self.tables[t].number;
            match self.tables[t].state.fire_inject(&self.scenario, id) {
                Ok(()) => {
                    effects.push(HostEffect::Log(format!("table {number}: inject \"{id}\" fired")));
                    effects.push(self.persist(t));
                }
                Err(reason) => refusals.push(format!("table {number}: {reason}")),
            }
        }
        (effects, refusals)
    }

    /// Puts the computer in a seat whose team never came (or left for good).
    pub fn seat_computer(
        &mut self,
        table: u32,
        side: Side,
        opponent: Opponent,
        now_ms: u64,
    ) -> Result<Vec<HostEffect>, HostError> {
        let t = self
            .tables
            .iter()
            .position(|x| x.number == table)
            .ok_or(HostError::NoSuchTable { table })?;
        let agent = opponent.agent(&self.scenario, side)?;
        let tbl = &mut self.tables[t];
        if let Holder::Team { peer: Some(peer), .. } = tbl.holders[side] {
            return Err(HostError::TeamConnected { side, table, peer });
        }
        tbl.holders[side] = Holder::Computer(opponent);
        tbl.agents[side] = Some(agent);
        let mut effects = self.broadcast(t, Some(now_ms));
        effects.push(self.persist(t));
        Ok(effects)
    }

    /// Ends the class: every connection is told, and every table not yet over keeps its record as it stands.
    pub fn end_class(&mut self, reason: &str) -> Vec<HostEffect> {
        let mut effects: Vec<HostEffect> = self
            .peers
            .keys()
            .map(|&peer| HostEffect::Send {
                peer,
                message: HostMessage::Closed {
                    reason: reason.to_string(),
                },
            })
            .collect();
        for table in &mut self.tables {
            if !table.reported && !table.state.moves.is_empty() {
                table.reported = true;
                effects.push(HostEffect::Finished {
                    table: table.number,
                    record: Box::new(table.record(&self.scenario)),
                });
            }
        }
        effects
    }

    /// The tables a teacher's command names: one by number, or all.
    fn matching(&self, table: Option<u32>) -> Vec<usize> {
        (0..self.tables.len())
            .filter(|&t| table.is_none_or(|n| self.tables[t].number == n))
            .collect()
    }

    /// Every table as the teacher's console shows it.
    pub fn overview(&self, now_ms: u64) -> Vec<TableStatus> {
        self.tables
            .iter()
            .map(|table| {
                let latest = table.state.latest();
                TableStatus {
                    number: table.number,
                    code: table.joined_with().to_string(),
                    round: table.state.round,
                    to_move: table.state.to_move,
                    latest_offer: table.state.offers.last().map(|o| (o.offer.from, o.offer.round)),
                    deficit_bn: latest.economy.goods_deficit_bn,
                    approval: latest.approval,
                    idle_seconds: now_ms.saturating_sub(table.last_move_ms) / 1000,
                    seats: presence(table),
                    paused: table.paused,
                    outcome: table.state.outcome.as_ref().map(|o| o.reason.clone()),
                }
            })
            .collect()
    }

    /// The game at table `number`, whole (for the host's own screens).
    pub fn game(&self, number: u32) -> Option<&GameState> {
        self.tables.iter().find(|t| t.number == number).map(|t| &t.state)
    }

    /// Whether every table's game is over.
    pub fn all_over(&self) -> bool {
        self.tables.iter().all(|t| t.state.is_over())
    }
}

fn presence(table: &Table) -> PerSide<SeatPresence> {
    PerSide::from_fn(|side| match &table.holders[side] {
        Holder::Waiting => SeatPresence::Waiting,
        Holder::Team { peer: Some(_), .. } => SeatPresence::Connected,
        Holder::Team { peer: None, .. } => SeatPresence::Disconnected,
        Holder::Computer(_) => SeatPresence::Computer,
    })
}
