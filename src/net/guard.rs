//! The host's UDP socket, guarded: every datagram is checked before netcode decodes it, connections per address are
//! limited, a peer that falls silent is dropped whatever its connect token says, refusals (the guard's own and the
//! errors netcode returns for a peer's packets) are logged once per address per interval, and a panic anywhere in
//! netcode or renet is caught and answered by restarting the network layer while the class (which lives outside it)
//! goes on.
//!
//! Netcode runs in its secure mode, with the class's private key: the socket also answers a laptop's request for a
//! connect token, sealed with its table's join code (`super::join_token`), before netcode sees anything.
//!
//! It stands in for renet_netcode's `NetcodeServerTransport`: it drives the same `renetcode::NetcodeServer` and
//! feeds the same `RenetServer`, in the same system sets, so replicon and the rest of [`super::transport`] see no
//! difference. renet_netcode's own systems never run, as their transport resource is never inserted.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io;
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use bevy::prelude::*;
use bevy_replicon_renet::renet::RenetServer as RenetCore;
use bevy_replicon_renet::{RenetReceive, RenetSend, RenetServer, RenetServerPlugin};
use renetcode::{NETCODE_KEY_BYTES, NetcodeError, NetcodeServer, ServerAuthentication, ServerConfig, ServerResult};

use super::join_token::{REQUEST_PREFIX, RequestRefusal, TokenIssuer, TokenTerms};

/// The largest datagram netcode sends or reads (`renetcode::NETCODE_MAX_PACKET_BYTES`).
pub const MAX_DATAGRAM_BYTES: usize = renetcode::NETCODE_MAX_PACKET_BYTES;

/// A netcode connection request is always exactly this long: the prefix byte, the 13-byte version, the protocol id,
/// the expiry, the 24-byte nonce and the 1,024-byte sealed token.
pub const CONNECTION_REQUEST_BYTES: usize = 1 + 13 + 8 + 8 + 24 + 1024;

/// The bytes of a netcode packet's MAC.
const MAC_BYTES: usize = 16;

/// netcode's version string, the first bytes of a connection request after its prefix.
const NETCODE_VERSION: &[u8; 13] = b"NETCODE 1.02\0";

/// By default, a connected peer that sends nothing for this long is dropped, whatever timeout its connect token asked
/// for (a forged token can ask for none). A laptop sends several packets a second while it runs.
pub const SILENCE_TIMEOUT: Duration = Duration::from_secs(15);

/// How long after a connection request the address may go on with the handshake: netcode's own tokens expire later,
/// but a laptop answers the challenge within a few round trips.
const HANDSHAKE_WINDOW: Duration = Duration::from_secs(10);

/// At most this many datagrams are read in one update, so that a flood cannot hold the host's frame; the rest wait
/// in the system's buffer (and are dropped by it if it fills).
const DATAGRAMS_PER_UPDATE: usize = 8192;

/// Refusals from one address are logged at most once per this interval, as a count with the latest reason.
pub const LOG_INTERVAL: Duration = Duration::from_secs(10);

/// Addresses whose refusals are remembered between log lines: beyond this, the oldest are summarised and forgotten.
const MAX_TRACKED_ADDRESSES: usize = 4096;

/// Added to the log filter of every app with a network: renetcode would log lines per datagram (from anyone); the
/// guard asks netcode for its errors instead and summarises them per address with its own refusals.
pub const QUIET_NETCODE_LOG: &str = "renetcode=off";

/// Why a datagram never reached netcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Refusal {
    /// An empty datagram.
    Empty,
    /// The prefix byte names no netcode packet type.
    UnknownType,
    /// A connection request of the wrong length, version or protocol.
    MalformedRequest,
    /// A sequence longer than 8 bytes, or no room for the MAC after it.
    MalformedPacket,
    /// A packet from an address that is neither connected nor in a handshake.
    Stranger,
    /// A connection request from an address that already has its share of connections.
    AddressFull,
    /// A connect token request that got no token.
    TokenRequest(RequestRefusal),
    /// A datagram netcode read and refused: a token that does not open with the class's key, a packet that does
    /// not decrypt, a replayed sequence, an expired token.
    Netcode(&'static str),
}

impl Refusal {
    fn words(self) -> &'static str {
        match self {
            Refusal::Empty => "an empty datagram",
            Refusal::UnknownType => "not a netcode packet (unknown type)",
            Refusal::MalformedRequest => "a malformed connection request (length, version or protocol)",
            Refusal::MalformedPacket => "a malformed packet (sequence length or MAC)",
            Refusal::Stranger => "a packet from an address with no connection",
            Refusal::AddressFull => "a connection request from an address with its share of connections",
            Refusal::TokenRequest(refusal) => refusal.words(),
            Refusal::Netcode(words) => words,
        }
    }
}

/// Whether a datagram has the shape of a netcode packet this host could read: a connection request of the right
/// length for this protocol, or another packet whose sequence and MAC fit. Pure, for tests and the fuzzer.
pub fn check_shape(datagram: &[u8], protocol_id: u64) -> Result<(), Refusal> {
    let Some(&prefix) = datagram.first() else {
        return Err(Refusal::Empty);
    };
    let packet_type = prefix & 0x0f;
    let sequence_bytes = usize::from(prefix >> 4);
    match packet_type {
        0 => {
            if datagram.len() != CONNECTION_REQUEST_BYTES
                || prefix != 0
                || datagram[1..14] != NETCODE_VERSION[..]
                || datagram[14..22] != protocol_id.to_le_bytes()
            {
                return Err(Refusal::MalformedRequest);
            }
            Ok(())
        }
        1..=6 => {
            if sequence_bytes > 8 || datagram.len() < 1 + sequence_bytes + MAC_BYTES {
                return Err(Refusal::MalformedPacket);
            }
            Ok(())
        }
        _ => Err(Refusal::UnknownType),
    }
}

/// Netcode's error for a datagram, in words for the summary (without the error's own text, which may quote the peer).
fn netcode_words(error: &NetcodeError) -> &'static str {
    match error {
        NetcodeError::CryptoError => {
            "refused by netcode: it does not decrypt with the class's keys (a forged or foreign token, or a forged packet)"
        }
        NetcodeError::Expired => "refused by netcode: an expired connect token",
        NetcodeError::DuplicatedSequence => "refused by netcode: a replayed packet",
        NetcodeError::NotInHostList => "refused by netcode: a token for another host",
        NetcodeError::InvalidProtocolID | NetcodeError::InvalidVersion => {
            "refused by netcode: another protocol or version"
        }
        NetcodeError::PacketTooSmall | NetcodeError::InvalidPacketType => "refused by netcode: a malformed packet",
        _ => "refused by netcode",
    }
}

/// What the guard counts of one address's refused datagrams, to log them once per [`LOG_INTERVAL`].
#[derive(Debug, Clone)]
struct Refused {
    count: u64,
    latest: Refusal,
    logged_at: Option<Duration>,
}

/// The limits the guard enforces besides netcode's own.
#[derive(Debug, Clone, PartialEq)]
pub struct GuardLimits {
    /// Connections one IP address may hold at once.
    pub peers_per_address: usize,
    /// Whether connections from this machine (loopback) count against `peers_per_address`, and its connect token
    /// requests against their rate limit: not by default, so a rehearsal with bot laptops on the host itself is not
    /// limited; nobody can send from a loopback address over the network.
    pub limit_loopback: bool,
    /// A connected peer that sends nothing for this long is dropped, whatever timeout its connect token asked for.
    pub silence_timeout: Duration,
}

impl Default for GuardLimits {
    fn default() -> Self {
        GuardLimits {
            peers_per_address: 4,
            limit_loopback: false,
            silence_timeout: SILENCE_TIMEOUT,
        }
    }
}

/// The host's socket and netcode server, guarded. Insert it with a [`RenetServer`]; [`plugin`] drives both.
#[derive(Resource)]
pub struct GuardedServer {
    socket: UdpSocket,
    netcode: NetcodeServer,
    protocol_id: u64,
    max_clients: usize,
    public_addresses: Vec<SocketAddr>,
    key: [u8; NETCODE_KEY_BYTES],
    /// Hands out connect tokens for the class's join codes.
    issuer: TokenIssuer,
    limits: GuardLimits,
    buffer: Box<[u8; MAX_DATAGRAM_BYTES]>,
    now: Duration,
    /// When each address last sent a well-formed connection request.
    handshakes: HashMap<SocketAddr, Duration>,
    refused: BTreeMap<SocketAddr, Refused>,
    restarts: u32,
    /// Datagrams netcode refused since the start, for the tests of the summary.
    netcode_refusals: u64,
    panic_next: bool,
}

impl GuardedServer {
    /// A guarded server on `socket` (made non-blocking), in netcode's secure mode with the class's private `key`
    /// (32 bytes from the system's random generator: nobody else can make a token this host accepts). It hands out
    /// tokens for no join code until [`GuardedServer::set_join_codes`]. `current_time` is the time since the Unix
    /// epoch.
    pub fn new(
        socket: UdpSocket,
        protocol_id: u64,
        max_clients: usize,
        public_addresses: Vec<SocketAddr>,
        key: [u8; NETCODE_KEY_BYTES],
        limits: GuardLimits,
        current_time: Duration,
    ) -> io::Result<GuardedServer> {
        socket.set_nonblocking(true)?;
        let netcode = new_netcode(current_time, protocol_id, max_clients, &public_addresses, key);
        let issuer = TokenIssuer::new(limits.limit_loopback);
        Ok(GuardedServer {
            socket,
            netcode,
            protocol_id,
            max_clients,
            public_addresses,
            key,
            issuer,
            limits,
            buffer: Box::new([0; MAX_DATAGRAM_BYTES]),
            now: current_time,
            handshakes: HashMap::new(),
            refused: BTreeMap::new(),
            restarts: 0,
            netcode_refusals: 0,
            panic_next: false,
        })
    }

    /// The join codes a laptop may ask a connect token for, from now on (any others are forgotten; tokens already
    /// handed out stay good until they expire).
    pub fn set_join_codes<'a>(&mut self, codes: impl IntoIterator<Item = &'a str>) {
        self.issuer.set_codes(codes);
    }

    /// How many join codes a laptop may ask a connect token for.
    pub fn join_codes(&self) -> usize {
        self.issuer.codes()
    }

    /// Where a connected peer's datagrams come from.
    pub fn client_addr(&self, client_id: u64) -> Option<SocketAddr> {
        self.netcode.client_addr(client_id)
    }

    /// How many datagrams netcode read and refused (they are summarised per address in the log).
    pub fn netcode_refusals(&self) -> u64 {
        self.netcode_refusals
    }

    /// How many times the network layer was restarted after a panic.
    pub fn restarts(&self) -> u32 {
        self.restarts
    }

    /// The address the socket is bound to.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.socket.local_addr()
    }

    /// For tests of the restart: the next datagram netcode processes panics, as a bug in it would.
    #[doc(hidden)]
    pub fn panic_on_next_datagram(&mut self) {
        self.panic_next = true;
    }

    /// Reads what arrived, hands what passes the checks to netcode and renet, times out silent peers and carries
    /// out renet's disconnections.
    pub fn update(&mut self, delta: Duration, server: &mut RenetCore) {
        self.now += delta;
        self.netcode.update(delta);
        let now = self.now;
        self.handshakes
            .retain(|_, at| now.saturating_sub(*at) < HANDSHAKE_WINDOW);
        for _ in 0..DATAGRAMS_PER_UPDATE {
            let (len, addr) = match self.socket.recv_from(&mut self.buffer[..]) {
                Ok(received) => received,
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => break,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => break,
                // An earlier send to a closed port (Windows reports it on the next read).
                Err(error) if error.kind() == io::ErrorKind::ConnectionReset => continue,
                Err(error) => {
                    warn!("the host's socket: {error}");
                    break;
                }
            };
            if self.buffer[..len].first() == Some(&REQUEST_PREFIX) {
                self.answer_token_request(addr, len);
                continue;
            }
            if let Err(refusal) = self.admit(addr, len) {
                self.note_refusal(addr, refusal);
                continue;
            }
            self.process(addr, len, server);
        }
        for client_id in self.netcode.clients_id() {
            let silent = self
                .netcode
                .time_since_last_received_packet(client_id)
                .is_some_and(|silence| silence > self.limits.silence_timeout);
            if silent {
                info!(
                    "client {client_id}: silent for over {:.1} s; dropping it",
                    self.limits.silence_timeout.as_secs_f64()
                );
                self.guarded(server, |netcode, socket, server| {
                    handle(netcode.disconnect(client_id), socket, server)
                });
            } else {
                self.guarded(server, |netcode, socket, server| {
                    handle(netcode.update_client(client_id), socket, server)
                });
            }
        }
        for client_id in server.disconnections_id() {
            self.guarded(server, |netcode, socket, server| {
                handle(netcode.disconnect(client_id), socket, server)
            });
        }
        self.log_refusals(false);
    }

    /// Sends what renet has for each peer.
    pub fn send_packets(&mut self, server: &mut RenetCore) {
        for client_id in server.clients_id() {
            let Ok(packets) = server.get_packets_to_send(client_id) else {
                continue;
            };
            for packet in packets {
                match self.netcode.generate_payload_packet(client_id, &packet) {
                    Ok((addr, payload)) => {
                        if let Err(error) = self.socket.send_to(payload, addr) {
                            debug!("cannot send to client {client_id} ({addr}): {error}");
                            break;
                        }
                    }
                    Err(error) => {
                        debug!("cannot encrypt a packet for client {client_id}: {error}");
                        break;
                    }
                }
            }
        }
    }

    /// Tells every peer the host is going, at once.
    pub fn disconnect_all(&mut self, server: &mut RenetCore) {
        for client_id in self.netcode.clients_id() {
            self.guarded(server, |netcode, socket, server| {
                handle(netcode.disconnect(client_id), socket, server)
            });
        }
    }

    /// Sends a connect token to a laptop that named one of the class's join codes, or counts the refusal.
    fn answer_token_request(&mut self, addr: SocketAddr, len: usize) {
        let terms = TokenTerms {
            private_key: &self.key,
            protocol_id: self.protocol_id,
            public_addresses: &self.public_addresses,
            now: self.now,
        };
        match self.issuer.answer(addr, &self.buffer[..len], &terms) {
            Ok(reply) => {
                if let Err(error) = self.socket.send_to(&reply, addr) {
                    debug!("cannot send a connect token to {addr}: {error}");
                }
            }
            Err(refusal) => self.note_refusal(addr, Refusal::TokenRequest(refusal)),
        }
    }

    /// Whether the datagram of `len` bytes in the buffer from `addr` may reach netcode.
    fn admit(&mut self, addr: SocketAddr, len: usize) -> Result<(), Refusal> {
        let datagram = &self.buffer[..len];
        check_shape(datagram, self.protocol_id)?;
        let connected = self.connected_from(addr);
        if datagram[0] == 0 {
            if !connected {
                let ip = addr.ip();
                let exempt = ip.is_loopback() && !self.limits.limit_loopback;
                if !exempt && self.addresses_from(ip, addr) >= self.limits.peers_per_address {
                    return Err(Refusal::AddressFull);
                }
            }
            self.handshakes.insert(addr, self.now);
            return Ok(());
        }
        if connected || self.handshakes.contains_key(&addr) {
            Ok(())
        } else {
            Err(Refusal::Stranger)
        }
    }

    fn connected_from(&self, addr: SocketAddr) -> bool {
        self.netcode
            .clients_id_iter()
            .any(|id| self.netcode.client_addr(id) == Some(addr))
    }

    /// The other addresses of `ip` that are connected or in a handshake.
    fn addresses_from(&self, ip: IpAddr, except: SocketAddr) -> usize {
        let mut addresses: BTreeSet<SocketAddr> = self
            .netcode
            .clients_id_iter()
            .filter_map(|id| self.netcode.client_addr(id))
            .filter(|a| a.ip() == ip)
            .collect();
        addresses.extend(self.handshakes.keys().filter(|a| a.ip() == ip));
        addresses.remove(&except);
        addresses.len()
    }

    fn process(&mut self, addr: SocketAddr, len: usize, server: &mut RenetCore) {
        let panic_now = std::mem::take(&mut self.panic_next);
        let outcome = {
            let GuardedServer {
                netcode,
                socket,
                buffer,
                ..
            } = self;
            catch_unwind(AssertUnwindSafe(|| {
                if panic_now {
                    panic!("a panic injected by a test");
                }
                match netcode.try_process_packet(addr, &mut buffer[..len]) {
                    Ok(result) => {
                        handle(result, socket, server);
                        None
                    }
                    Err(error) => Some(netcode_words(&error)),
                }
            }))
        };
        match outcome {
            Ok(None) => {}
            Ok(Some(words)) => {
                // A refused connection request opens no handshake: the address's share is not held by forgeries.
                if self.buffer[0] == 0 {
                    self.handshakes.remove(&addr);
                }
                self.netcode_refusals += 1;
                self.note_refusal(addr, Refusal::Netcode(words));
            }
            Err(_) => {
                error!("the network layer failed on a datagram from {addr}; restarting it (every table is kept)");
                self.restart(server);
            }
        }
    }

    /// Runs `f` on netcode, restarting the network layer if it panics.
    fn guarded(&mut self, server: &mut RenetCore, f: impl FnOnce(&mut NetcodeServer, &UdpSocket, &mut RenetCore)) {
        let outcome = catch_unwind(AssertUnwindSafe(|| f(&mut self.netcode, &self.socket, server)));
        if outcome.is_err() {
            error!("the network layer failed; restarting it (every table is kept)");
            self.restart(server);
        }
    }

    /// A fresh netcode server on the same socket and key; every connection is dropped (renet reports each, so the
    /// class frees their seats for their tokens) and the laptops reconnect by themselves.
    fn restart(&mut self, server: &mut RenetCore) {
        self.restarts += 1;
        for client_id in self.netcode.clients_id() {
            // Best effort: tell the laptop at once, so it need not wait for a timeout to reconnect.
            let _ = catch_unwind(AssertUnwindSafe(|| {
                if let ServerResult::ClientDisconnected {
                    addr,
                    payload: Some(payload),
                    ..
                } = self.netcode.disconnect(client_id)
                {
                    let _ = self.socket.send_to(payload, addr);
                }
            }));
        }
        for client_id in server.clients_id() {
            server.remove_connection(client_id);
        }
        self.netcode = new_netcode(
            self.now,
            self.protocol_id,
            self.max_clients,
            &self.public_addresses,
            self.key,
        );
        self.handshakes.clear();
    }

    fn note_refusal(&mut self, addr: SocketAddr, refusal: Refusal) {
        if !self.refused.contains_key(&addr) && self.refused.len() >= MAX_TRACKED_ADDRESSES {
            self.log_refusals(true);
        }
        let entry = self.refused.entry(addr).or_insert(Refused {
            count: 0,
            latest: refusal,
            logged_at: None,
        });
        entry.count += 1;
        entry.latest = refusal;
    }

    /// One line per address with refusals not yet logged, at most once per [`LOG_INTERVAL`] per address (`all`: every
    /// address now, and forget them).
    fn log_refusals(&mut self, all: bool) {
        let now = self.now;
        for (addr, refused) in &mut self.refused {
            let due = all
                || refused
                    .logged_at
                    .is_none_or(|at| now.saturating_sub(at) >= LOG_INTERVAL);
            if refused.count > 0 && due {
                warn!(
                    "{addr}: refused {} datagram(s) in the last {} s; the latest was {}",
                    refused.count,
                    LOG_INTERVAL.as_secs(),
                    refused.latest.words()
                );
                refused.count = 0;
                refused.logged_at = Some(now);
            }
        }
        if all {
            self.refused.clear();
        } else {
            self.refused
                .retain(|_, r| r.count > 0 || r.logged_at.is_some_and(|at| now.saturating_sub(at) < LOG_INTERVAL));
        }
    }
}

fn new_netcode(
    current_time: Duration,
    protocol_id: u64,
    max_clients: usize,
    public_addresses: &[SocketAddr],
    private_key: [u8; NETCODE_KEY_BYTES],
) -> NetcodeServer {
    NetcodeServer::new(ServerConfig {
        current_time,
        max_clients,
        protocol_id,
        public_addresses: public_addresses.to_vec(),
        authentication: ServerAuthentication::Secure { private_key },
    })
}

/// What netcode asked for: a datagram out, a payload into renet, a connection opened or closed.
fn handle(result: ServerResult, socket: &UdpSocket, server: &mut RenetCore) {
    let send = |packet: &[u8], addr: SocketAddr| {
        if let Err(error) = socket.send_to(packet, addr) {
            debug!("cannot send to {addr}: {error}");
        }
    };
    match result {
        ServerResult::None => {}
        ServerResult::PacketToSend { payload, addr } => send(payload, addr),
        ServerResult::Payload { client_id, payload } => {
            if let Err(error) = server.process_packet_from(payload, client_id) {
                debug!("a payload for client {client_id}: {error}");
            }
        }
        ServerResult::ClientConnected {
            client_id,
            addr,
            payload,
            ..
        } => {
            server.add_connection(client_id);
            send(payload, addr);
        }
        ServerResult::ClientDisconnected {
            client_id,
            addr,
            payload,
        } => {
            server.remove_connection(client_id);
            if let Some(payload) = payload {
                send(payload, addr);
            }
        }
    }
}

/// Drives a [`GuardedServer`] where renet_netcode's transport would run.
pub fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        receive
            .in_set(RenetReceive)
            .run_if(resource_exists::<GuardedServer>)
            .run_if(resource_exists::<RenetServer>)
            .after(RenetServerPlugin::update_system)
            .before(RenetServerPlugin::emit_server_events_system),
    )
    .add_systems(
        PostUpdate,
        send.in_set(RenetSend)
            .run_if(resource_exists::<GuardedServer>)
            .run_if(resource_exists::<RenetServer>),
    )
    .add_systems(
        Last,
        disconnect_on_exit
            .run_if(resource_exists::<GuardedServer>)
            .run_if(resource_exists::<RenetServer>),
    );
}

fn receive(mut guard: ResMut<GuardedServer>, mut server: ResMut<RenetServer>, time: Res<Time<Real>>) {
    guard.update(time.delta(), &mut server);
}

fn send(mut guard: ResMut<GuardedServer>, mut server: ResMut<RenetServer>) {
    guard.send_packets(&mut server);
}

fn disconnect_on_exit(exit: MessageReader<AppExit>, mut guard: ResMut<GuardedServer>, mut server: ResMut<RenetServer>) {
    if !exit.is_empty() {
        guard.disconnect_all(&mut server);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_datagrams_that_crashed_renetcode_are_refused_by_their_shape() {
        let mut payload_9 = vec![0u8; 20];
        payload_9[0] = 0x95;
        assert_eq!(check_shape(&payload_9, 7), Err(Refusal::MalformedPacket));
        let mut payload_8 = vec![0u8; 18];
        payload_8[0] = 0x85;
        assert_eq!(check_shape(&payload_8, 7), Err(Refusal::MalformedPacket));
        let mut fits = vec![0u8; 1 + 8 + MAC_BYTES];
        fits[0] = 0x85;
        assert_eq!(check_shape(&fits, 7), Ok(()));
    }

    #[test]
    fn a_connection_request_must_have_the_right_length_version_and_protocol() {
        let mut request = vec![0u8; CONNECTION_REQUEST_BYTES];
        request[1..14].copy_from_slice(NETCODE_VERSION);
        request[14..22].copy_from_slice(&7u64.to_le_bytes());
        assert_eq!(check_shape(&request, 7), Ok(()));
        assert_eq!(check_shape(&request, 8), Err(Refusal::MalformedRequest));
        assert_eq!(check_shape(&request[..100], 7), Err(Refusal::MalformedRequest));
        request[0] = 0x10;
        assert_eq!(check_shape(&request, 7), Err(Refusal::MalformedRequest));
        assert_eq!(check_shape(&[], 7), Err(Refusal::Empty));
        assert_eq!(check_shape(&[0x0f; 40], 7), Err(Refusal::UnknownType));
    }
}
