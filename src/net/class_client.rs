//! A team's laptop at a networked class table: connects to the class host, asks for a seat with the table's code,
//! hands the game what the host says (the welcome with its copy of the scenario, every view of the table, refused
//! moves, the end of the game, the end of the class) and sends the team's moves. When the link drops in the middle
//! of a game it reconnects by itself a few times and takes the seat back with the token the host gave.
//!
//! Everything the host sends is checked before the game sees it (`network::protocol`): a message this version cannot
//! read, a scenario that would not load from a file, or a game that does not fit its scenario ends the link with a
//! sentence saying so, never a panic. The game reads [`TableEvent`]s and [`TableClient`], and asks through
//! [`TableClient::join`] and [`TableClient::leave`]; it never touches the transport.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_replicon::prelude::ClientState;
use serde::{Deserialize, Serialize};

use crate::net::transport::{self, ClientLink, ClientReceived, ClientSend, TransportSystems};
use crate::storage::Storage;
use tradetable_core::network::protocol::{
    ClientMessage, HostMessage, PROTOCOL_VERSION, TableView, check_state, decode_host, encode_client, read_scenario_for,
};
use tradetable_core::{GameState, Move, Scenario, Side};

/// Tries to reconnect after the link drops in the middle of a game, before giving up.
pub const RECONNECT_TRIES: u32 = 5;

/// The wait before each try to reconnect.
pub const RECONNECT_DELAY: Duration = Duration::from_secs(2);

/// How long the host has to seat the team once the link is up.
pub const WELCOME_TIMEOUT: Duration = Duration::from_secs(10);

/// The most seats the seats file keeps, and the largest file read back.
const MAX_KEPT_SEATS: usize = 64;
const MAX_SEATS_FILE_BYTES: usize = 64 * 1024;

/// A seat token kept in the seats file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeptSeat {
    host: String,
    code: String,
    side: Side,
    token: String,
}

/// The team's seat, as the host gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Seat {
    /// The side the team plays.
    pub side: Side,
    /// The table's number in the class.
    pub table: u32,
    /// The table's code.
    pub code: String,
    /// What takes the seat back after a dropped link.
    token: String,
}

/// The team's seat and the table as it was when the team sat down.
#[derive(Debug, Clone)]
pub struct Seated {
    /// The seat.
    pub seat: Seat,
    /// The scenario as this side may see it: the other side's objectives, brief and personalities left out.
    pub scenario: Scenario,
    /// The first view of the table.
    pub view: TableView,
    /// Something the team must know on sitting down: that this laptop took the seat over from another one.
    pub note: Option<String>,
}

/// What happened at the networked table, for the game.
#[derive(Message, Debug, Clone)]
pub enum TableEvent {
    /// The host seated the team: a new game to show.
    Seated(Box<Seated>),
    /// The table after a change (a move, a pause, someone coming or going).
    View(Box<TableView>),
    /// The host refused the team's last move, and why.
    Refused(String),
    /// The game is over: the scenario with both sides' objectives, and the whole game with its seed.
    Finished {
        /// The scenario, objectives revealed.
        scenario: Box<Scenario>,
        /// The finished game.
        state: Box<GameState>,
    },
    /// The team is off the table for good, and why: the teacher ended the class, the host sent the laptop away, or
    /// the link did not come back.
    Ended(String),
}

/// Where the laptop is with its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Not at a table.
    Idle,
    /// Opening the link to the host.
    Connecting,
    /// The link is up; waiting for the host to seat the team.
    Joining,
    /// At the table.
    Seated,
    /// The link dropped mid-game; trying again (this try, of [`RECONNECT_TRIES`]).
    Reconnecting {
        /// The try under way or next.
        attempt: u32,
    },
    /// The game is over; the link no longer matters.
    Over,
}

/// What to do to the link, in the exclusive system that owns the transport's calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Connect(SocketAddr),
    Close,
}

/// The laptop's side of a networked table.
#[derive(Resource, Debug)]
pub struct TableClient {
    /// Where it is.
    pub phase: Phase,
    /// The host's address.
    pub host: Option<SocketAddr>,
    /// The code asked for.
    pub code: String,
    /// The side asked for.
    pub wanted: Option<Side>,
    /// The seat, once the host has given it.
    pub seat: Option<Seat>,
    /// Why the last try to join failed, in words, for the join screen.
    pub error: Option<String>,
    /// Why the link dropped, while reconnecting.
    pub dropped: Option<String>,
    /// The wait before each try to reconnect.
    pub retry_delay: Duration,
    /// Where the seat tokens are kept, so a laptop that was closed or crashed takes its seat back when the team
    /// joins again with the same code (none: kept in memory only).
    pub seats_file: Option<PathBuf>,
    /// Where the seats file is written: atomically, so a failed write keeps the tokens kept before.
    pub storage: Storage,
    open: Option<Open>,
    join_sent: bool,
    /// The join sent asked for a seat with a token kept from before.
    used_kept_token: bool,
    asked_at: Option<Instant>,
    retry_at: Option<Instant>,
    welcome: Option<(Seat, Scenario)>,
    /// The host's welcome said this laptop took the seat over from another.
    took_over: bool,
    /// The scenario of the seat, to check every view of the table against.
    scenario: Option<Scenario>,
    outbox: Vec<Vec<u8>>,
    /// Seat tokens of tables joined before, by host and code: joining again takes the seat back.
    tokens: HashMap<(SocketAddr, String), (Side, String)>,
    last_link: Option<ClientLink>,
}

impl Default for TableClient {
    fn default() -> Self {
        TableClient {
            phase: Phase::Idle,
            host: None,
            code: String::new(),
            wanted: None,
            seat: None,
            error: None,
            dropped: None,
            retry_delay: RECONNECT_DELAY,
            seats_file: None,
            storage: Storage::real(),
            open: None,
            join_sent: false,
            used_kept_token: false,
            asked_at: None,
            retry_at: None,
            welcome: None,
            took_over: false,
            scenario: None,
            outbox: Vec::new(),
            tokens: HashMap::new(),
            last_link: None,
        }
    }
}

impl TableClient {
    /// Sends a move for the team's side. Refused, with the reason, unless the team is seated and the link is up.
    pub fn send_move(&mut self, mv: &Move) -> Result<(), NotSent> {
        match self.phase {
            Phase::Seated => {
                self.outbox.push(encode_client(&ClientMessage::Move { mv: mv.clone() }));
                Ok(())
            }
            Phase::Reconnecting { .. } => Err(NotSent::Reconnecting),
            Phase::Over => Err(NotSent::GameOver),
            _ => Err(NotSent::NotSeated),
        }
    }

    /// Whether the team is seated with the link up: its moves can be sent.
    pub fn is_seated(&self) -> bool {
        self.phase == Phase::Seated
    }

    /// Whether a try to join is under way.
    pub fn is_joining(&self) -> bool {
        matches!(self.phase, Phase::Connecting | Phase::Joining)
    }

    /// Connects to a class host and asks for a seat at the table with `code`, on `side` or any free one. A seat
    /// this laptop held at that table before is taken back with its token.
    pub fn join(&mut self, host: SocketAddr, code: &str, side: Option<Side>) {
        info!("joining table {code} at {host}");
        self.load_seats();
        self.phase = Phase::Connecting;
        self.host = Some(host);
        self.code = code.trim().to_string();
        self.wanted = side;
        self.seat = None;
        self.scenario = None;
        self.error = None;
        self.dropped = None;
        self.welcome = None;
        self.outbox.clear();
        self.open = Some(Open::Connect(host));
        self.join_sent = false;
        self.asked_at = None;
        self.retry_at = None;
        if let (Some((kept, _)), Some(wanted)) = (self.kept_for_table(), side)
            && *kept != wanted
        {
            info!(
                "this laptop keeps a seat token for the {} seat of this table; not using it, as the {} seat was asked for",
                kept.key(),
                wanted.key()
            );
        }
    }

    /// Leaves the table, or stops trying to join it. The seat waits at the host: joining again with the same code
    /// takes it back.
    pub fn leave(&mut self) {
        if self.phase != Phase::Idle {
            info!("leaving the table");
        }
        self.welcome = None;
        self.seat = None;
        self.scenario = None;
        self.stop(Phase::Idle);
    }

    fn stop(&mut self, phase: Phase) {
        self.phase = phase;
        self.open = Some(Open::Close);
        self.join_sent = false;
        self.asked_at = None;
        self.retry_at = None;
        self.outbox.clear();
    }

    /// A try to join failed: back to idle, with why.
    fn fail(&mut self, why: String) {
        warn!("joining the table failed: {why}");
        self.error = Some(why);
        self.welcome = None;
        self.stop(Phase::Idle);
    }

    /// Adds the seats kept in the seats file to those in memory; a file that cannot be read is left alone.
    fn load_seats(&mut self) {
        let Some(file) = &self.seats_file else {
            return;
        };
        let Some(saved) = self
            .storage
            .read_bounded(file, MAX_SEATS_FILE_BYTES as u64)
            .ok()
            .and_then(Result::ok)
            .and_then(|bytes| serde_json::from_slice::<Vec<KeptSeat>>(&bytes).ok())
        else {
            return;
        };
        for seat in saved {
            if let Ok(host) = seat.host.parse::<SocketAddr>() {
                self.tokens
                    .entry((host, normalise_code(&seat.code)))
                    .or_insert((seat.side, seat.token));
            }
        }
    }

    /// Keeps a seat's token, in memory and in the seats file.
    fn keep_seat(&mut self, side: Side, token: &str) {
        let Some(host) = self.host else {
            return;
        };
        self.tokens
            .insert((host, normalise_code(&self.code)), (side, token.to_string()));
        self.write_seats();
    }

    /// Writes the seats kept to the seats file.
    fn write_seats(&self) {
        let Some(file) = &self.seats_file else {
            return;
        };
        let mut kept: Vec<KeptSeat> = self
            .tokens
            .iter()
            .map(|((host, code), (side, token))| KeptSeat {
                host: host.to_string(),
                code: code.clone(),
                side: *side,
                token: token.clone(),
            })
            .collect();
        kept.sort_by(|a, b| (&a.host, &a.code).cmp(&(&b.host, &b.code)));
        kept.truncate(MAX_KEPT_SEATS);
        if let Err(error) = self
            .storage
            .write(file, &serde_json::to_vec_pretty(&kept).unwrap_or_default())
        {
            warn!("cannot keep the seat token: {error}");
        }
    }

    /// Forgets the token kept for the table being joined, in memory and in the seats file.
    fn forget_kept_seat(&mut self) {
        if let Some(host) = self.host {
            self.tokens.remove(&(host, normalise_code(&self.code)));
            self.write_seats();
        }
    }

    /// The token kept for the table being joined, unless the team asked for the other side: a token never
    /// overrides the side asked for.
    fn remembered(&self) -> Option<&(Side, String)> {
        self.kept_for_table()
            .filter(|(side, _)| self.wanted.is_none_or(|wanted| wanted == *side))
    }

    fn kept_for_table(&self) -> Option<&(Side, String)> {
        self.host
            .and_then(|host| self.tokens.get(&(host, normalise_code(&self.code))))
    }

    /// The join message: with the seat's token when coming back, else the side wanted.
    fn join_message(&self) -> ClientMessage {
        let (side, token) = match (&self.seat, self.remembered()) {
            (Some(seat), _) => (Some(seat.side), Some(seat.token.clone())),
            (None, Some((side, token))) => (Some(*side), Some(token.clone())),
            (None, None) => (self.wanted, None),
        };
        ClientMessage::Join {
            protocol: PROTOCOL_VERSION,
            code: self.code.clone(),
            side,
            token,
        }
    }
}

/// A networked table for the game: the transport's player half, and the systems that join, follow and rejoin.
pub fn plugin(app: &mut App) {
    app.add_plugins(transport::client_plugin)
        .init_resource::<TableClient>()
        .add_message::<TableEvent>()
        .add_systems(
            PreUpdate,
            (read_host_messages, follow_the_link)
                .chain()
                .after(TransportSystems::Receive),
        )
        .add_systems(Update, open_links)
        .add_systems(PostUpdate, send_outbox.before(TransportSystems::Send));
}

/// Reads a host's address as typed: `IP:port`, an IP alone (on `default_port`), or a name with or without a port.
pub fn parse_host_address(typed: &str, default_port: u16) -> Result<SocketAddr, AddressError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(AddressError::Empty);
    }
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if let Ok(ip) = text.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, default_port));
    }
    let (name, port) = match text.rsplit_once(':') {
        Some((name, port)) => {
            let port = port.parse::<u16>().map_err(|_| AddressError::Port(port.to_string()))?;
            (name, port)
        }
        None => (text, default_port),
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
        return Err(AddressError::NotAnAddress(text.to_string()));
    }
    let found: Vec<SocketAddr> = (name, port)
        .to_socket_addrs()
        .map_err(|source| AddressError::Lookup {
            name: name.to_string(),
            source: Some(source),
        })?
        .collect();
    found
        .iter()
        .find(|addr| addr.is_ipv4())
        .or(found.first())
        .copied()
        .ok_or_else(|| AddressError::Lookup {
            name: name.to_string(),
            source: None,
        })
}

/// Why a move was not sent to the host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotSent {
    /// The link is down and the laptop is reconnecting.
    #[error("the link to the host is down; reconnecting")]
    Reconnecting,
    /// The table's game has ended.
    #[error("the game is over")]
    GameOver,
    /// The team is not seated at a networked table.
    #[error("not at a networked table")]
    NotSeated,
}

/// Why a typed host address was not understood, in words that say what to type instead.
#[derive(Debug, thiserror::Error)]
pub enum AddressError {
    /// Nothing was typed.
    #[error("type the host's address, as the teacher's screen shows it (for example 192.168.1.20:7878)")]
    Empty,
    /// The part after the colon is not a port.
    #[error("\"{0}\" is not a port number (1 to 65535)")]
    Port(String),
    /// Neither an address nor a computer's name.
    #[error("\"{0}\" is not an address: type the numbers the teacher's screen shows, like 192.168.1.20:7878")]
    NotAnAddress(String),
    /// The name did not resolve (with the system's reason when it gave one).
    #[error("cannot find the computer called \"{name}\"{}", source.as_ref().map(|e| format!(": {e}")).unwrap_or_default())]
    Lookup {
        name: String,
        source: Option<std::io::Error>,
    },
}

/// Why a link went down, in words a student can act on.
pub fn link_in_words(reason: &str, host: Option<SocketAddr>) -> String {
    let at = host.map_or("the host".to_string(), |h| h.to_string());
    let port = host.map_or(crate::net::class_host::DEFAULT_PORT, |h| h.port());
    if let Some(kicked) = reason.strip_prefix("kicked by the host: ") {
        return format!("The host sent this laptop away: {kicked}");
    }
    if reason.contains("token request step") {
        return format!(
            "No answer from {at} for this join code. Check the join code the teacher's console shows for your table \
             (the class sheet's table code is not a join code), the address and the port, that the class is being \
             hosted with the same version of TradeTable, and that the host's firewall lets UDP port {port} in."
        );
    }
    if reason.contains("request step") || reason.contains("response step") {
        return format!(
            "No answer from {at}. Check the address and the port on the teacher's screen, that the class is being \
             hosted, and that the host's firewall lets UDP port {port} in. ({reason})"
        );
    }
    if reason.contains("denied") {
        return format!("The host at {at} turned the connection down: the class may be full. ({reason})");
    }
    if reason.contains("timed out") {
        return format!("The connection to {at} timed out: the network or the host stopped answering. ({reason})");
    }
    if reason.contains("terminated by server") {
        return format!("The host at {at} closed the connection.");
    }
    format!("The link to {at} went down: {reason}")
}

/// Opens and closes the link: the transport's calls need the whole world.
fn open_links(world: &mut World) {
    let Some(open) = world.resource_mut::<TableClient>().open.take() else {
        return;
    };
    transport::disconnect(world);
    let Open::Connect(host) = open else {
        return;
    };
    // The join code fetches the connect token, so a reconnecting laptop needs it as much as its seat token.
    let code = world.resource::<TableClient>().code.clone();
    if let Err(error) = transport::connect(world, host, &code, transport::PROTOCOL_ID) {
        let mut client = world.resource_mut::<TableClient>();
        let why = format!("Cannot connect to {host}: {error}");
        match client.phase {
            Phase::Reconnecting { .. } => client.dropped = Some(why),
            _ => client.fail(why),
        }
    }
}

/// Sends the join once the link is up, gives up on a host that does not seat the team, and follows a dropped
/// link: a failed join says why, a dropped game reconnects a few times, then ends.
fn follow_the_link(
    link: Res<ClientLink>,
    replicon: Option<Res<State<ClientState>>>,
    mut client: ResMut<TableClient>,
    mut events: MessageWriter<TableEvent>,
) {
    let now = Instant::now();
    // A link asked for but not opened yet (that happens later in this frame) is not the one to send on: the old
    // one may still read as connected.
    let connected = client.open.is_none()
        && *link == ClientLink::Connected
        && replicon.is_some_and(|state| *state.get() == ClientState::Connected);
    let changed = client.last_link.as_ref() != Some(&*link);
    client.last_link = Some(link.clone());
    match client.phase.clone() {
        Phase::Idle | Phase::Over => {}
        Phase::Connecting | Phase::Joining | Phase::Reconnecting { .. } if connected && !client.join_sent => {
            let join = client.join_message();
            client.used_kept_token = client.seat.is_none() && client.remembered().is_some();
            client.outbox.push(encode_client(&join));
            client.join_sent = true;
            client.asked_at = Some(now);
            if client.phase == Phase::Connecting {
                client.phase = Phase::Joining;
            }
        }
        Phase::Connecting | Phase::Joining => {
            if let (true, ClientLink::Disconnected(reason)) = (changed, &*link)
                && client.open.is_none()
            {
                let why = link_in_words(reason, client.host);
                client.fail(why);
            } else if client
                .asked_at
                .is_some_and(|at| now.duration_since(at) > WELCOME_TIMEOUT)
            {
                let host = client.host.map_or("the host".to_string(), |h| h.to_string());
                client.fail(format!(
                    "{host} did not seat this team: is it a TradeTable class host of the same version?"
                ));
            }
        }
        Phase::Seated => {
            if let (true, ClientLink::Disconnected(reason)) = (changed, &*link) {
                if reason.starts_with("kicked by the host") {
                    let why = link_in_words(reason, client.host);
                    client.stop(Phase::Idle);
                    events.write(TableEvent::Ended(why));
                } else {
                    warn!("the link to the host dropped: {reason}; reconnecting");
                    client.dropped = Some(link_in_words(reason, client.host));
                    client.phase = Phase::Reconnecting { attempt: 1 };
                    client.join_sent = false;
                    client.retry_at = Some(now + client.retry_delay);
                }
            }
        }
        Phase::Reconnecting { attempt } => {
            if let (true, ClientLink::Disconnected(reason)) = (changed, &*link)
                && client.open.is_none()
                && client.retry_at.is_none()
            {
                // This try failed.
                client.dropped = Some(link_in_words(reason, client.host));
                client.join_sent = false;
                if attempt >= RECONNECT_TRIES {
                    let why = format!(
                        "Lost the table: {} Join again with the same code to take your seat back.",
                        client.dropped.clone().unwrap_or_default()
                    );
                    client.stop(Phase::Idle);
                    events.write(TableEvent::Ended(why));
                    return;
                }
                client.phase = Phase::Reconnecting { attempt: attempt + 1 };
                client.retry_at = Some(now + client.retry_delay);
            } else if client.retry_at.is_some_and(|at| now >= at)
                && let Some(host) = client.host
            {
                info!("reconnecting to {host} (try {attempt} of {RECONNECT_TRIES})");
                client.retry_at = None;
                client.open = Some(Open::Connect(host));
            } else if client.join_sent
                && client
                    .asked_at
                    .is_some_and(|at| now.duration_since(at) > WELCOME_TIMEOUT)
            {
                client.stop(Phase::Idle);
                events.write(TableEvent::Ended(
                    "The host did not give the seat back. Join again with the same code.".to_string(),
                ));
            }
        }
    }
}

/// Decodes and checks what the host sent, and turns it into events for the game.
fn read_host_messages(
    mut frames: MessageReader<ClientReceived>,
    mut client: ResMut<TableClient>,
    mut events: MessageWriter<TableEvent>,
) {
    for ClientReceived(bytes) in frames.read() {
        if matches!(client.phase, Phase::Idle) {
            continue;
        }
        let message = match decode_host(bytes) {
            Ok(message) => message,
            Err(error) => {
                // Not a message of this version: the host and this laptop cannot play together.
                let why = format!(
                    "The host sent something this laptop cannot read ({error}): use the same TradeTable as the host."
                );
                end_link(&mut client, &mut events, why);
                continue;
            }
        };
        match message {
            HostMessage::Welcome {
                side,
                code,
                table,
                token,
                scenario,
                took_over,
            } => {
                if let Some(seat) = &mut client.seat {
                    // Back in the seat after a dropped link: the table's next view follows.
                    seat.token = token;
                    client.phase = Phase::Seated;
                    client.dropped = None;
                    info!("back at table {table}");
                    continue;
                }
                match read_scenario_for(&scenario, side) {
                    Ok(scenario) => {
                        let seat = Seat {
                            side,
                            table,
                            code,
                            token,
                        };
                        client.keep_seat(side, &seat.token);
                        client.welcome = Some((seat, scenario));
                        client.took_over = took_over;
                    }
                    Err(error) => end_link(&mut client, &mut events, capitalise(&error.to_string())),
                }
            }
            HostMessage::Table(view) => {
                if let Some((seat, scenario)) = client.welcome.take() {
                    if let Err(error) = check_state(&scenario, &view.state) {
                        let why = format!("The host's game does not fit its scenario: {error}");
                        end_link(&mut client, &mut events, why);
                        continue;
                    }
                    info!("seated at table {} as {}", seat.table, seat.side.key());
                    client.scenario = Some(scenario.clone());
                    client.seat = Some(seat.clone());
                    client.phase = Phase::Seated;
                    client.join_sent = false;
                    let note = std::mem::take(&mut client.took_over).then(|| {
                        "This laptop took the seat over with the seat token kept on it; the laptop that held the \
                         seat was disconnected."
                            .to_string()
                    });
                    events.write(TableEvent::Seated(Box::new(Seated {
                        seat,
                        scenario,
                        view: *view,
                        note,
                    })));
                } else if client.seat.is_some() {
                    let fits = client
                        .scenario
                        .as_ref()
                        .map(|scenario| check_state(scenario, &view.state));
                    match fits {
                        Some(Err(error)) => {
                            let why = format!("The host's game does not fit its scenario: {error}");
                            end_link(&mut client, &mut events, why);
                        }
                        _ => {
                            events.write(TableEvent::View(view));
                        }
                    }
                }
            }
            HostMessage::Refused { reason } => match client.phase {
                Phase::Connecting | Phase::Joining if client.used_kept_token => {
                    // A token kept from another class, or one the host no longer knows: ask again without it.
                    info!("the host refused the seat token kept for this table ({reason}); asking for a seat");
                    client.forget_kept_seat();
                    client.join_sent = false;
                    client.used_kept_token = false;
                }
                Phase::Connecting | Phase::Joining => {
                    client.fail(format!("The host did not seat this team: {reason}."))
                }
                Phase::Reconnecting { .. } => end_link(
                    &mut client,
                    &mut events,
                    format!("The host did not give the seat back: {reason}."),
                ),
                _ => {
                    events.write(TableEvent::Refused(reason));
                }
            },
            HostMessage::Finished { scenario, state } => {
                let Some(side) = client.seat.as_ref().map(|seat| seat.side) else {
                    continue;
                };
                let checked = read_scenario_for(&scenario, side)
                    .and_then(|scenario| check_state(&scenario, &state).map(|()| scenario));
                match checked {
                    Ok(scenario) => {
                        info!("the game is over");
                        client.phase = Phase::Over;
                        client.retry_at = None;
                        events.write(TableEvent::Finished {
                            scenario: Box::new(scenario),
                            state,
                        });
                    }
                    Err(error) => end_link(&mut client, &mut events, capitalise(&error.to_string())),
                }
            }
            HostMessage::Closed { reason } => {
                let why = format!("The host closed the table: {reason}.");
                match client.phase {
                    Phase::Connecting | Phase::Joining => client.fail(why),
                    Phase::Over => client.stop(Phase::Over),
                    _ => end_link(&mut client, &mut events, why),
                }
            }
        }
    }
}

/// Ends the link because of what the host sent: a failed join says why on the join screen; a game in progress ends
/// with the reason.
fn end_link(client: &mut TableClient, events: &mut MessageWriter<TableEvent>, why: String) {
    if client.is_joining() {
        client.fail(why);
        return;
    }
    warn!("leaving the table: {why}");
    client.welcome = None;
    client.stop(Phase::Idle);
    events.write(TableEvent::Ended(why));
}

fn send_outbox(mut client: ResMut<TableClient>, mut send: MessageWriter<ClientSend>) {
    if client.outbox.is_empty() {
        return;
    }
    for bytes in client.outbox.drain(..) {
        send.write(ClientSend(bytes));
    }
}

fn capitalise(text: &str) -> String {
    tradetable_core::scenario::side::capitalised(text)
}

/// A code as typed, without dashes, spaces or case.
fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_read_with_or_without_its_port() {
        let read = |typed: &str| parse_host_address(typed, 7878).ok();
        assert_eq!(read(" 192.168.1.20:7000 "), Some("192.168.1.20:7000".parse().unwrap()));
        assert_eq!(read("192.168.1.20"), Some("192.168.1.20:7878".parse().unwrap()));
        assert_eq!(read("::1"), Some("[::1]:7878".parse().unwrap()));
        let refusal = |typed: &str| parse_host_address(typed, 7878).unwrap_err().to_string();
        assert!(refusal("").contains("type the host's address"));
        assert!(matches!(
            parse_host_address("192.168.1.20:port", 7878),
            Err(AddressError::Port(port)) if port == "port"
        ));
        assert!(refusal("192.168.1.20:port").contains("is not a port number"));
        assert!(refusal("what is this?").contains("not an address"));
    }

    #[test]
    fn link_reasons_are_put_in_words() {
        let host: SocketAddr = "10.0.0.5:7878".parse().unwrap();
        let words = link_in_words("connection timed out during request step", Some(host));
        assert!(words.contains("No answer from 10.0.0.5:7878") && words.contains("UDP port 7878"));
        assert!(link_in_words("kicked by the host: too many frames", Some(host)).starts_with("The host sent"));
        assert!(link_in_words("server denied connection", Some(host)).contains("full"));
        let no_token = link_in_words(
            "no connect token from 10.0.0.5:7878 (token request step): no answer to 4 requests",
            Some(host),
        );
        assert!(
            no_token.contains("join code") && no_token.contains("UDP port 7878"),
            "{no_token}"
        );
    }
}

#[cfg(test)]
mod kept_token_tests {
    use super::*;

    fn client_with_kept(side: Side, wanted: Option<Side>) -> TableClient {
        let host: SocketAddr = "127.0.0.1:7878".parse().unwrap();
        let mut client = TableClient::default();
        client
            .tokens
            .insert((host, normalise_code("ABCD-EFGH")), (side, "kept".to_string()));
        client.join(host, "abcd efgh", wanted);
        client
    }

    fn sent(client: &TableClient) -> (Option<Side>, Option<String>) {
        match client.join_message() {
            ClientMessage::Join { side, token, .. } => (side, token),
            other => panic!("not a join: {other:?}"),
        }
    }

    #[test]
    fn a_kept_token_never_overrides_the_side_asked_for() {
        let other = client_with_kept(Side::Partner, Some(Side::Us));
        assert_eq!(sent(&other), (Some(Side::Us), None));
        let same = client_with_kept(Side::Partner, Some(Side::Partner));
        assert_eq!(sent(&same), (Some(Side::Partner), Some("kept".to_string())));
        let any = client_with_kept(Side::Partner, None);
        assert_eq!(sent(&any), (Some(Side::Partner), Some("kept".to_string())));
    }
}
