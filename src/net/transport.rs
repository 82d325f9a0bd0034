//! The network transport: opaque byte frames between a host (the server) and its peers (the players' games), over
//! UDP with renet and netcode through bevy_replicon, with the limits that keep a hostile peer from hurting the host.
//!
//! The transport never interprets a frame. A peer's frame reaches the protocol layer as [`Received`] with the
//! [`PeerId`] of whoever sent it, and that layer decodes it, validates it, and answers with [`SendToPeer`] or, when
//! the peer misbehaves, [`Kick`]. The transport itself refuses, logs and kicks a peer that sends a frame over
//! [`MAX_FRAME_BYTES`] or more frames than [`TransportLimits`] allow; such frames never reach [`Received`].
//!
//! Frames travel as raw bytes, not postcard: every byte string is then a valid frame, so replicon cannot drop a
//! malformed one before the transport has counted it, and garbage is refused in exactly one place, the protocol
//! layer's decoder.
//!
//! Netcode runs in its secure mode: the host draws a private key when it starts, and a player's app first fetches a
//! connect token with the join code it was given ([`connect`], `super::join_token`), on a thread so the window never
//! waits; every packet after that is encrypted with the session keys in the token. The host hands out tokens only for
//! the codes in [`JoinCodes`].
//!
//! A host app has [`server_plugin`] and calls [`start_server`]; a player's app has [`client_plugin`] and calls
//! [`connect`] and [`disconnect`]. Never both in one app: replicon would loop. [`headless_server_app`] and
//! [`headless_client_app`] build windowless apps that a test or a headless host drives with `app.update()`.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::sync::{Mutex, mpsc};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::bytes::Bytes;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon::shared::message::ctx::{ClientReceiveCtx, ClientSendCtx, ServerReceiveCtx, ServerSendCtx};
use bevy_replicon_renet::netcode::{ClientAuthentication, NetcodeClientTransport};
use bevy_replicon_renet::renet::{ConnectionConfig, DisconnectReason, ServerEvent};
use bevy_replicon_renet::{
    RenetChannelsExt, RenetClient, RenetServer, RenetServerEvent, RepliconRenetPlugins, RepliconRenetServerPlugin,
};
use serde::{Deserialize, Serialize};

use super::error::NetError;
use super::guard::{GuardLimits, GuardedServer};
pub use super::headless::HEADLESS_UPDATE_INTERVAL;
use super::headless::{make_ready, windowless_app};
use super::join_token::{self, os_random};

/// The netcode protocol id of this build, derived from the crate's version: a host ignores a peer whose id differs,
/// so two builds whose frame channels might not match never talk to each other.
pub const PROTOCOL_ID: u64 = fnv1a_64(concat!("tradetable ", env!("CARGO_PKG_VERSION")).as_bytes());

/// The largest frame a peer may send to the host: 64 KiB. A player's frames (moves, offers, chat) are a few hundred
/// bytes; the bound leaves room for growth while keeping what one frame can make the host hold small.
pub const MAX_FRAME_BYTES: usize = 64 * 1024;

/// The largest frame the host may send to a peer: 2 MiB. The host sends the scenario text (up to 1 MiB) with the
/// state of the game, so this is far larger than [`MAX_FRAME_BYTES`]; peers trust the host, but a frame over this
/// is refused all the same, and the peer leaves such a host.
pub const MAX_SERVER_FRAME_BYTES: usize = 2 * 1024 * 1024;

/// How many bytes the host buffers at most for one peer on one client-to-host channel (renet's
/// `max_memory_usage_bytes`; replicon's default is 5 MiB). Renet reserves a message's whole size, in 1200-byte slices,
/// as soon as its first slice arrives, so this allows four largest frames in flight; a peer that sends more before the
/// host has read them is dropped by renet itself, before the host allocates for it.
pub const CLIENT_CHANNEL_MEMORY_BYTES: usize = 4 * (MAX_FRAME_BYTES + RENET_SLICE_BYTES);

/// The size of the slices renet cuts a large message into (`renet::packet::SLICE_SIZE`, which renet does not export).
const RENET_SLICE_BYTES: usize = 1200;

/// Frames a peer may send per second, on average, by default. Players act at human speed: a handful a second is
/// plenty, and a peer sending more is broken or hostile.
pub const FRAMES_PER_SECOND: f64 = 20.0;

/// Frames a peer may send at once, by default, before [`FRAMES_PER_SECOND`] applies, so that a peer may send several
/// frames in one go (catching up after a reconnect, say) without being taken for a flood.
pub const BURST_FRAMES: f64 = 40.0;

/// Peers connected at once, by default: well above what one table needs, and small enough that stray connections
/// cannot pile up. Netcode allows at most 1024.
pub const MAX_PEERS: usize = 32;

/// The longest kick reason sent to the kicked peer: the reason may quote what the peer sent.
const MAX_KICK_REASON_BYTES: usize = 512;

/// The limits the host enforces on each peer. Read every frame, except `max_peers`, which [`start_server`] reads.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct TransportLimits {
    /// Frames a peer may send per second on average (the refill rate of its token bucket).
    pub frames_per_second: f64,
    /// Frames a peer may send at once (the size of its token bucket).
    pub burst_frames: f64,
    /// Peers connected at once; netcode refuses the next one. At most 1024.
    pub max_peers: usize,
    /// Connections per address, and whether this machine's own (loopback) connections count; read by
    /// [`start_server`].
    pub per_address: GuardLimits,
}

impl Default for TransportLimits {
    fn default() -> Self {
        TransportLimits {
            frames_per_second: FRAMES_PER_SECOND,
            burst_frames: BURST_FRAMES,
            max_peers: MAX_PEERS,
            per_address: GuardLimits::default(),
        }
    }
}

/// A connected peer, by its netcode client id: drawn by the host from the system's random generator for each connect
/// token it hands out, so it is new on every connection (a reconnecting laptop is a new peer, and takes its seat back
/// with its seat token). It tells connections apart; who a laptop is, the join code and seat token say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PeerId(pub u64);

impl fmt::Display for PeerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "peer {}", self.0)
    }
}

/// A frame from a peer to the host, on the wire. The protocol layer uses [`ClientSend`] and [`Received`] instead.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ClientFrame(pub Vec<u8>);

/// A frame from the host to a peer, on the wire. The protocol layer uses [`SendToPeer`] and [`ClientReceived`].
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ServerFrame(pub Vec<u8>);

/// Why the host is about to drop a peer, sent to that peer just before, so the player learns why.
#[derive(Message, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
struct KickNotice {
    reason: String,
}

/// Host side: a peer connected. Frames to it can be sent at once.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PeerConnected {
    /// Who connected.
    pub peer: PeerId,
    /// Where from, as netcode saw it.
    pub addr: Option<SocketAddr>,
}

/// Host side: a peer is gone, because it left, timed out, was refused by renet, or was kicked.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PeerDisconnected {
    /// Who left.
    pub peer: PeerId,
    /// Why, in words for the log.
    pub reason: String,
}

/// Host side: a frame from a peer, within the limits and otherwise unchecked.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// Who sent it.
    pub peer: PeerId,
    /// The frame, exactly as the peer sent it.
    pub bytes: Vec<u8>,
}

/// Host side: send a frame to exactly one peer. Dropped (with a log line) if the peer is gone or the frame is over
/// [`MAX_SERVER_FRAME_BYTES`]. Named so because `Send` would shadow the `Send` trait wherever it is imported.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct SendToPeer {
    /// To whom.
    pub peer: PeerId,
    /// The frame.
    pub bytes: Vec<u8>,
}

/// Host side: drop a peer that misbehaved. The reason is logged at warn and sent to the peer before it is dropped.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct Kick {
    /// Whom to drop.
    pub peer: PeerId,
    /// Why, naming what was wrong.
    pub reason: String,
}

/// Player side: a frame from the host.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ClientReceived(pub Vec<u8>);

/// Player side: send a frame to the host. Dropped (with a log line) unless [`ClientLink`] is `Connected`.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ClientSend(pub Vec<u8>);

/// Player side: the state of the link to the host.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub enum ClientLink {
    /// [`connect`] was called; the host has not answered yet.
    Connecting,
    /// Frames flow both ways.
    Connected,
    /// No link, and why.
    Disconnected(String),
}

impl Default for ClientLink {
    fn default() -> Self {
        ClientLink::Disconnected("not connected yet".to_string())
    }
}

/// Host side: the join codes a laptop may fetch a connect token with (any string; compared as
/// `tradetable_core::classroom::join_code::normalise_code` reads it). The class host keeps it in step with its
/// tables; the guard reads it whenever it changes.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct JoinCodes(pub BTreeSet<String>);

/// Player side: a connect token being fetched on a thread, before the netcode client can start.
#[derive(Resource)]
struct FetchingToken {
    server_addr: SocketAddr,
    config: ConnectionConfig,
    /// In a mutex only so the resource is `Sync`; one system reads it.
    result: Mutex<mpsc::Receiver<Result<renetcode::ConnectToken, NetError>>>,
}

/// Where the transport's systems run, so the protocol layer can order its own around them: frames arrive in
/// `PreUpdate` ([`TransportSystems::Receive`]) and leave in `PostUpdate` ([`TransportSystems::Send`]).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransportSystems {
    /// Writes [`Received`], [`ClientReceived`] and updates [`ClientLink`].
    Receive,
    /// Reads [`SendToPeer`], [`Kick`] and [`ClientSend`].
    Send,
}

/// Host side: the connected peers, by [`PeerId`] and by replicon client entity.
#[derive(Resource, Debug, Default)]
pub struct Peers {
    by_id: HashMap<PeerId, Peer>,
    by_entity: HashMap<Entity, PeerId>,
}

/// What the host keeps about one connected peer.
#[derive(Debug)]
struct Peer {
    entity: Entity,
    addr: Option<SocketAddr>,
    budget: FrameBudget,
    /// Set once the peer is being kicked: its later frames are dropped and it gets no more frames.
    kicked: Option<String>,
    /// Why renet or netcode dropped the connection, when they did.
    transport_reason: Option<String>,
}

impl Peers {
    /// The replicon client entity of a connected peer.
    pub fn entity(&self, peer: PeerId) -> Option<Entity> {
        self.by_id.get(&peer).map(|entry| entry.entity)
    }

    /// The peer behind a replicon client entity.
    pub fn peer(&self, entity: Entity) -> Option<PeerId> {
        self.by_entity.get(&entity).copied()
    }

    /// Where a peer connected from.
    pub fn addr(&self, peer: PeerId) -> Option<SocketAddr> {
        self.by_id.get(&peer).and_then(|entry| entry.addr)
    }

    /// Whether a peer is connected.
    pub fn contains(&self, peer: PeerId) -> bool {
        self.by_id.contains_key(&peer)
    }

    /// The connected peers, in id order.
    pub fn ids(&self) -> Vec<PeerId> {
        let mut ids: Vec<PeerId> = self.by_id.keys().copied().collect();
        ids.sort();
        ids
    }

    /// How many peers are connected.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether no peer is connected.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// A token bucket of frames: full at `burst_frames`, refilled at `frames_per_second`, one token per frame.
#[derive(Debug, Clone)]
struct FrameBudget {
    tokens: f64,
    refilled_at: Duration,
}

impl FrameBudget {
    fn full(limits: &TransportLimits, now: Duration) -> FrameBudget {
        FrameBudget {
            tokens: limits.burst_frames,
            refilled_at: now,
        }
    }

    /// Takes a token for one frame; false when the bucket is empty.
    fn take(&mut self, limits: &TransportLimits, now: Duration) -> bool {
        let elapsed = now.saturating_sub(self.refilled_at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * limits.frames_per_second).min(limits.burst_frames);
        self.refilled_at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Player side: what the link learnt before it went down, to say why it did.
#[derive(Resource, Debug, Default)]
struct LinkNotes {
    kick_reason: Option<String>,
    local_reason: Option<String>,
}

/// The host: accepts peers, turns their frames into [`Received`], sends [`SendToPeer`], enforces the limits and
/// carries out [`Kick`]. Needs `MinimalPlugins` or `DefaultPlugins` first; adds `StatesPlugin` and replicon if missing.
pub fn server_plugin(app: &mut App) {
    register_frames(app);
    super::guard::plugin(app);
    app.init_resource::<Peers>()
        .init_resource::<TransportLimits>()
        .init_resource::<JoinCodes>()
        .add_message::<PeerConnected>()
        .add_message::<PeerDisconnected>()
        .add_message::<Received>()
        .add_message::<SendToPeer>()
        .add_message::<Kick>()
        .add_observer(add_peer)
        .add_observer(note_transport_reason)
        .add_observer(remove_peer)
        .add_systems(
            PreUpdate,
            receive_peer_frames
                .in_set(TransportSystems::Receive)
                .run_if(resource_exists::<RenetServer>),
        )
        .add_systems(
            First,
            give_join_codes_to_the_guard.run_if(resource_exists::<GuardedServer>),
        )
        .add_systems(
            PostUpdate,
            (send_peer_frames, kick_peers)
                .chain()
                .in_set(TransportSystems::Send)
                .run_if(resource_exists::<RenetServer>),
        );
}

/// A player's game: connects to a host, turns its frames into [`ClientReceived`], sends [`ClientSend`] and keeps
/// [`ClientLink`] up to date. Needs `MinimalPlugins` or `DefaultPlugins` first; adds `StatesPlugin` and replicon if
/// missing.
pub fn client_plugin(app: &mut App) {
    register_frames(app);
    app.init_resource::<ClientLink>()
        .init_resource::<LinkNotes>()
        .add_message::<ClientReceived>()
        .add_message::<ClientSend>()
        .add_systems(
            PreUpdate,
            (note_kick_notice, receive_host_frames, track_link)
                .chain()
                .in_set(TransportSystems::Receive),
        )
        .add_systems(First, start_with_fetched_token.run_if(resource_exists::<FetchingToken>))
        .add_systems(
            PostUpdate,
            (
                send_host_frames.in_set(TransportSystems::Send),
                forget_sent_frames.after(ClientSystems::Send),
            ),
        );
}

/// Registers the wire messages, once however many of the plugins are added. Host and player must register the same
/// messages in the same order: the channel ids and replicon's protocol hash come from it.
fn register_frames(app: &mut App) {
    if app.is_plugin_added::<FramesPlugin>() {
        return;
    }
    if !app.is_plugin_added::<StatesPlugin>() {
        app.add_plugins(StatesPlugin);
    }
    if !app.is_plugin_added::<RepliconSharedPlugin>() {
        app.add_plugins(RepliconPlugins);
    }
    if !app.is_plugin_added::<RepliconRenetServerPlugin>() {
        app.add_plugins(RepliconRenetPlugins);
    }
    app.add_plugins(FramesPlugin);
}

/// The wire messages and the order of the transport's systems.
struct FramesPlugin;

impl Plugin for FramesPlugin {
    fn build(&self, app: &mut App) {
        app.add_client_message_with(Channel::Ordered, write_client_frame, read_client_frame)
            .add_server_message_with(Channel::Ordered, write_server_frame, read_server_frame)
            .add_server_message::<KickNotice>(Channel::Ordered)
            // Independent: sent in the frame they are written, not held for the next replication tick (the
            // frames refer to no replicated entity), and delivered to a peer before replicon has authorized it.
            .make_message_independent::<ServerFrame>()
            .make_message_independent::<KickNotice>()
            .configure_sets(
                PreUpdate,
                TransportSystems::Receive
                    .after(ServerSystems::Receive)
                    .after(ClientSystems::Receive),
            )
            .configure_sets(
                PostUpdate,
                TransportSystems::Send
                    .before(ServerSystems::Send)
                    .before(ClientSystems::Send),
            );
    }
}

fn write_client_frame(_: &mut ClientSendCtx, frame: &ClientFrame, out: &mut Vec<u8>) -> Result<()> {
    out.extend_from_slice(&frame.0);
    Ok(())
}

/// Never fails: whatever bytes came are the frame, to be judged by the limits and then by the protocol layer.
fn read_client_frame(_: &mut ServerReceiveCtx, bytes: &mut Bytes) -> Result<ClientFrame> {
    Ok(ClientFrame(std::mem::take(bytes).to_vec()))
}

fn write_server_frame(_: &mut ServerSendCtx, frame: &ServerFrame, out: &mut Vec<u8>) -> Result<()> {
    out.extend_from_slice(&frame.0);
    Ok(())
}

fn read_server_frame(_: &mut ClientReceiveCtx, bytes: &mut Bytes) -> Result<ServerFrame> {
    Ok(ServerFrame(std::mem::take(bytes).to_vec()))
}

/// Opens the host on `addr` (port 0 picks a free port) and returns the address it is bound to. Needs
/// [`server_plugin`]; reads `max_peers` from [`TransportLimits`].
pub fn start_server(world: &mut World, addr: SocketAddr, protocol_id: u64) -> Result<SocketAddr, NetError> {
    if world.contains_resource::<RenetServer>() {
        return Err(NetError::AlreadyHosting);
    }
    if world.contains_resource::<RenetClient>() {
        return Err(NetError::PlayerAppCannotHost);
    }
    let limits = world
        .get_resource::<TransportLimits>()
        .ok_or(NetError::MissingPlugin("the host's plugin (server_plugin)"))?
        .clone();
    let max_peers = limits.max_peers;
    if !(1..=1024).contains(&max_peers) {
        return Err(NetError::MaxPeers(max_peers));
    }
    let mut config = connection_config(world)?;
    // What the host accepts from each peer, per channel: bounded, so no peer can make it buffer megabytes.
    for channel in &mut config.client_channels_config {
        channel.max_memory_usage_bytes = CLIENT_CHANNEL_MEMORY_BYTES;
    }
    let socket = UdpSocket::bind(addr).map_err(|source| NetError::Listen { addr, source })?;
    let bound = socket
        .local_addr()
        .map_err(|source| NetError::BoundAddress { addr, source })?;
    // The system's default buffer overflows with a large class's datagrams between two of the host's frames.
    let asked = super::socket_buffer::receive_buffer_for(max_peers);
    match super::socket_buffer::enlarge_receive_buffer(&socket, asked) {
        Some(granted) => info!(
            "receive buffer: {} KiB (asked for {} KiB)",
            granted / 1024,
            asked / 1024
        ),
        None => info!("receive buffer: the system's default"),
    }
    // The class's private key: drawn afresh for every start, as laptops fetch a new token for every connection.
    let key = os_random::<{ renetcode::NETCODE_KEY_BYTES }>()?;
    let mut transport = GuardedServer::new(
        socket,
        protocol_id,
        max_peers,
        vec![bound],
        key,
        limits.per_address,
        since_unix_epoch()?,
    )
    .map_err(|source| NetError::StartHost { addr: bound, source })?;
    if let Some(codes) = world.get_resource::<JoinCodes>() {
        transport.set_join_codes(codes.0.iter().map(String::as_str));
    }
    world.insert_resource(RenetServer::new(config));
    world.insert_resource(transport);
    info!("hosting on {bound}");
    Ok(bound)
}

/// Starts connecting to the host at `server_addr` with `join_code`: fetches a connect token for the code on a thread
/// (a few tries, a few seconds at most), then connects in netcode's secure mode; [`ClientLink`] says when the link is
/// up, or why it is not (a host that hands out no token for the code never answers). Replaces a link that is down,
/// so a player can reconnect after a kick or a timeout. Needs [`client_plugin`].
pub fn connect(world: &mut World, server_addr: SocketAddr, join_code: &str, protocol_id: u64) -> Result<(), NetError> {
    if world.contains_resource::<RenetServer>() {
        return Err(NetError::HostAppCannotConnect);
    }
    if !world.contains_resource::<ClientLink>() {
        return Err(NetError::MissingPlugin("the player's plugin (client_plugin)"));
    }
    if world.contains_resource::<FetchingToken>()
        || world
            .get_resource::<RenetClient>()
            .is_some_and(|client| !client.is_disconnected())
    {
        return Err(NetError::AlreadyConnecting);
    }
    let config = connection_config(world)?;
    let (sender, result) = mpsc::channel();
    let code = join_code.to_string();
    std::thread::Builder::new()
        .name("fetch connect token".to_string())
        .spawn(move || {
            // The app may have gone (or disconnected) meanwhile: then nobody reads the token.
            let _ = sender.send(join_token::fetch_token(server_addr, &code, protocol_id));
        })
        .map_err(|source| NetError::TokenThread {
            addr: server_addr,
            source,
        })?;
    world.remove_resource::<NetcodeClientTransport>();
    world.remove_resource::<RenetClient>();
    world.insert_resource(FetchingToken {
        server_addr,
        config,
        result: Mutex::new(result),
    });
    world.insert_resource(LinkNotes::default());
    world.insert_resource(ClientLink::Connecting);
    info!("asking {server_addr} for a connect token");
    Ok(())
}

/// The netcode client id the host gave this player, while connecting or connected with a token.
pub fn client_id(world: &World) -> Option<PeerId> {
    world
        .get_resource::<NetcodeClientTransport>()
        .map(|transport| PeerId(transport.client_id()))
}

/// Once the connect token has come, starts netcode with it; if none came, the link is down with the reason.
fn start_with_fetched_token(world: &mut World) {
    let outcome = {
        let Some(fetching) = world.get_resource::<FetchingToken>() else {
            return;
        };
        let received = match fetching.result.lock() {
            Ok(result) => result.try_recv(),
            Err(_) => Err(mpsc::TryRecvError::Disconnected),
        };
        match received {
            Ok(outcome) => outcome,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(NetError::TokenRequestStopped),
        }
    };
    let Some(fetching) = world.remove_resource::<FetchingToken>() else {
        return;
    };
    let server_addr = fetching.server_addr;
    let started = outcome.and_then(|connect_token| {
        let client_id = connect_token.client_id;
        let local = SocketAddr::new(unspecified_like(server_addr.ip()), 0);
        let socket = UdpSocket::bind(local).map_err(|source| NetError::Socket { addr: local, source })?;
        let transport = NetcodeClientTransport::new(
            since_unix_epoch()?,
            ClientAuthentication::Secure { connect_token },
            socket,
        )
        .map_err(|source| NetError::Connect {
            addr: server_addr,
            source,
        })?;
        Ok((transport, client_id))
    });
    match started {
        Ok((transport, client_id)) => {
            world.insert_resource(RenetClient::new(fetching.config));
            world.insert_resource(transport);
            info!("connecting to {server_addr} as client {client_id}");
        }
        Err(reason) => {
            info!("link to the host down: {reason}");
            world.insert_resource(ClientLink::Disconnected(reason.to_string()));
        }
    }
}

/// Keeps the guard's list of join codes in step with [`JoinCodes`].
fn give_join_codes_to_the_guard(codes: Res<JoinCodes>, mut guard: ResMut<GuardedServer>) {
    if codes.is_changed() {
        guard.set_join_codes(codes.0.iter().map(String::as_str));
    }
}

/// Leaves the host: tells it at once (so it need not wait for a timeout) and drops the connection, so that
/// [`connect`] can open a new one. Does nothing when not connected.
pub fn disconnect(world: &mut World) {
    if world.remove_resource::<FetchingToken>().is_some() {
        world.insert_resource(ClientLink::Disconnected("left the host".to_string()));
        info!("stopped asking the host for a connect token");
    }
    if !world.contains_resource::<RenetClient>() {
        return;
    }
    if let Some(mut transport) = world.get_resource_mut::<NetcodeClientTransport>() {
        transport.disconnect();
    }
    if let Some(mut client) = world.get_resource_mut::<RenetClient>() {
        client.disconnect();
    }
    world.remove_resource::<NetcodeClientTransport>();
    world.remove_resource::<RenetClient>();
    world.insert_resource(ClientLink::Disconnected("left the host".to_string()));
    info!("left the host");
}

/// A windowless host app, ready for [`start_server`] and `app.update()`.
pub fn headless_server_app() -> App {
    headless_app(server_plugin)
}

/// A windowless player app, ready for [`connect`] and `app.update()`.
pub fn headless_client_app() -> App {
    headless_app(client_plugin)
}

fn headless_app(plugin: fn(&mut App)) -> App {
    let mut app = windowless_app();
    app.add_plugins(plugin);
    make_ready(&mut app);
    app
}

/// The renet channels of replicon's registrations, with renet's defaults otherwise.
fn connection_config(world: &World) -> Result<ConnectionConfig, NetError> {
    let channels = world
        .get_resource::<RepliconChannels>()
        .ok_or(NetError::RepliconMissing)?;
    Ok(ConnectionConfig {
        server_channels_config: channels.server_configs(),
        client_channels_config: channels.client_configs(),
        ..default()
    })
}

fn since_unix_epoch() -> Result<Duration, NetError> {
    Ok(SystemTime::now().duration_since(SystemTime::UNIX_EPOCH)?)
}

/// The "any address" of the same family as `ip`, to send to it from an ephemeral port.
fn unspecified_like(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
    }
}

const fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut index = 0;
    while index < bytes.len() {
        hash ^= bytes[index] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        index += 1;
    }
    hash
}

/// `text` cut to at most `max` bytes, at a character boundary.
fn truncated(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

fn describe(peer: PeerId, addr: Option<SocketAddr>) -> String {
    match addr {
        Some(addr) => format!("{peer} ({addr})"),
        None => peer.to_string(),
    }
}

fn add_peer(
    add: On<Add, ConnectedClient>,
    network_ids: Query<&NetworkId>,
    transport: Option<Res<GuardedServer>>,
    limits: Res<TransportLimits>,
    time: Res<Time<Real>>,
    mut peers: ResMut<Peers>,
    mut connected: MessageWriter<PeerConnected>,
) {
    let Ok(network_id) = network_ids.get(add.entity) else {
        warn!("client {} connected without a network id; ignoring it", add.entity);
        return;
    };
    let peer = PeerId(network_id.get());
    let addr = transport.and_then(|transport| transport.client_addr(network_id.get()));
    peers.by_entity.insert(add.entity, peer);
    peers.by_id.insert(
        peer,
        Peer {
            entity: add.entity,
            addr,
            budget: FrameBudget::full(&limits, time.elapsed()),
            kicked: None,
            transport_reason: None,
        },
    );
    info!("{} connected", describe(peer, addr));
    connected.write(PeerConnected { peer, addr });
}

/// Keeps renet's reason for a dropped connection, for [`PeerDisconnected`]; warns when the peer caused it.
fn note_transport_reason(event: On<RenetServerEvent>, mut peers: ResMut<Peers>) {
    let ServerEvent::ClientDisconnected { client_id, reason } = &**event else {
        return;
    };
    let peer = PeerId(*client_id);
    let Some(entry) = peers.by_id.get_mut(&peer) else {
        return;
    };
    if matches!(
        reason,
        DisconnectReason::PacketDeserialization(_)
            | DisconnectReason::ReceivedInvalidChannelId(_)
            | DisconnectReason::ReceiveChannelError { .. }
    ) {
        warn!("{} was dropped by renet: {reason}", describe(peer, entry.addr));
    }
    entry.transport_reason = Some(reason.to_string());
}

fn remove_peer(
    remove: On<Remove, ConnectedClient>,
    mut peers: ResMut<Peers>,
    mut disconnected: MessageWriter<PeerDisconnected>,
) {
    let Some(peer) = peers.by_entity.remove(&remove.entity) else {
        return;
    };
    // The id may already belong to a newer connection of the same peer; only this connection's entry goes.
    if peers.by_id.get(&peer).is_none_or(|entry| entry.entity != remove.entity) {
        return;
    }
    let Some(entry) = peers.by_id.remove(&peer) else {
        return;
    };
    let reason = match (entry.kicked, entry.transport_reason) {
        (Some(kicked), _) => format!("kicked: {kicked}"),
        (None, Some(transport)) => transport,
        (None, None) => "connection closed".to_string(),
    };
    info!("{} disconnected: {reason}", describe(peer, entry.addr));
    disconnected.write(PeerDisconnected { peer, reason });
}

/// Turns the peers' frames into [`Received`], refusing and kicking a peer over the size or flood limits.
fn receive_peer_frames(
    mut frames: ResMut<Messages<FromClient<ClientFrame>>>,
    mut peers: ResMut<Peers>,
    limits: Res<TransportLimits>,
    time: Res<Time<Real>>,
    mut received: MessageWriter<Received>,
    mut notices: MessageWriter<ToClients<KickNotice>>,
    mut disconnects: MessageWriter<DisconnectRequest>,
) {
    let now = time.elapsed();
    for FromClient { client_id, message } in frames.drain() {
        // A frame the host's own app wrote has no peer to blame or answer.
        let Some(entity) = client_id.entity() else {
            continue;
        };
        let Some(peer) = peers.peer(entity) else {
            debug!("dropping a frame from client {entity}, which is not a connected peer");
            continue;
        };
        let Some(entry) = peers.by_id.get_mut(&peer) else {
            continue;
        };
        if entry.kicked.is_some() {
            continue;
        }
        if !entry.budget.take(&limits, now) {
            let reason = format!(
                "sent frames faster than the limit of {} a second (bursts of {})",
                limits.frames_per_second, limits.burst_frames
            );
            kick(peer, entry, reason, &mut notices, &mut disconnects);
            continue;
        }
        let ClientFrame(bytes) = message;
        if bytes.len() > MAX_FRAME_BYTES {
            let reason = format!(
                "sent a frame of {} bytes, over the limit of {MAX_FRAME_BYTES}",
                bytes.len()
            );
            kick(peer, entry, reason, &mut notices, &mut disconnects);
            continue;
        }
        received.write(Received { peer, bytes });
    }
}

fn send_peer_frames(
    mut sends: ResMut<Messages<SendToPeer>>,
    peers: Res<Peers>,
    mut frames: MessageWriter<ToClients<ServerFrame>>,
) {
    for SendToPeer { peer, bytes } in sends.drain() {
        if bytes.len() > MAX_SERVER_FRAME_BYTES {
            error!(
                "not sending a frame of {} bytes to {peer}: over the limit of {MAX_SERVER_FRAME_BYTES}",
                bytes.len()
            );
            continue;
        }
        match peers.by_id.get(&peer) {
            Some(entry) if entry.kicked.is_none() => {
                frames.write(ToClients {
                    targets: SendTargets::Single(ClientId::Client(entry.entity)),
                    message: ServerFrame(bytes),
                });
            }
            Some(_) => debug!("not sending a frame to {peer}, who is being kicked"),
            None => debug!("not sending a frame to {peer}, who is not connected"),
        }
    }
}

fn kick_peers(
    mut kicks: MessageReader<Kick>,
    mut peers: ResMut<Peers>,
    mut notices: MessageWriter<ToClients<KickNotice>>,
    mut disconnects: MessageWriter<DisconnectRequest>,
) {
    for Kick { peer, reason } in kicks.read() {
        match peers.by_id.get_mut(peer) {
            Some(entry) => kick(*peer, entry, reason.clone(), &mut notices, &mut disconnects),
            None => debug!("not kicking {peer}, who is not connected"),
        }
    }
}

/// Logs the reason, tells the peer, and has replicon drop it once this frame's packets are out.
fn kick(
    peer: PeerId,
    entry: &mut Peer,
    reason: String,
    notices: &mut MessageWriter<ToClients<KickNotice>>,
    disconnects: &mut MessageWriter<DisconnectRequest>,
) {
    if entry.kicked.is_some() {
        return;
    }
    warn!("kicking {}: {reason}", describe(peer, entry.addr));
    notices.write(ToClients {
        targets: SendTargets::Single(ClientId::Client(entry.entity)),
        message: KickNotice {
            reason: truncated(&reason, MAX_KICK_REASON_BYTES),
        },
    });
    disconnects.write(DisconnectRequest { client: entry.entity });
    entry.kicked = Some(reason);
}

fn note_kick_notice(mut notices: MessageReader<KickNotice>, mut notes: ResMut<LinkNotes>) {
    if let Some(notice) = notices.read().last() {
        notes.kick_reason = Some(truncated(&notice.reason, MAX_KICK_REASON_BYTES));
    }
}

/// Turns the host's frames into [`ClientReceived`]; leaves a host that sends a frame over the limit.
fn receive_host_frames(
    mut frames: ResMut<Messages<ServerFrame>>,
    client: Option<ResMut<RenetClient>>,
    mut notes: ResMut<LinkNotes>,
    mut received: MessageWriter<ClientReceived>,
) {
    let Some(mut client) = client else {
        frames.clear();
        return;
    };
    for ServerFrame(bytes) in frames.drain() {
        if client.is_disconnected() {
            continue;
        }
        if bytes.len() > MAX_SERVER_FRAME_BYTES {
            let reason = format!(
                "the host sent a frame of {} bytes, over the limit of {MAX_SERVER_FRAME_BYTES}",
                bytes.len()
            );
            warn!("leaving the host: {reason}");
            notes.local_reason = Some(reason);
            client.disconnect();
            continue;
        }
        received.write(ClientReceived(bytes));
    }
}

/// Keeps [`ClientLink`] in step with renet, and drops a dead connection so that [`connect`] can open a new one (left
/// in place, its netcode transport would also report an error every frame).
fn track_link(
    mut commands: Commands,
    client: Option<Res<RenetClient>>,
    transport: Option<ResMut<NetcodeClientTransport>>,
    mut notes: ResMut<LinkNotes>,
    mut link: ResMut<ClientLink>,
) {
    let Some(client) = client else {
        return;
    };
    let next = if client.is_connected() {
        ClientLink::Connected
    } else if client.is_connecting() {
        ClientLink::Connecting
    } else {
        let netcode_reason = transport.and_then(|mut transport| {
            let reason = transport.disconnect_reason();
            // When this side ended the link, netcode has not told the host yet; it would only do so on its next
            // update, which the removal below prevents.
            transport.disconnect();
            reason
        });
        let reason = if let Some(kicked) = notes.kick_reason.take() {
            format!("kicked by the host: {kicked}")
        } else if let Some(local) = notes.local_reason.take() {
            local
        } else {
            match (client.disconnect_reason(), netcode_reason) {
                // Renet only says "the transport layer"; netcode knows whether it was the host or a timeout.
                (Some(DisconnectReason::Transport) | None, Some(netcode)) => netcode.to_string(),
                (Some(renet), _) => renet.to_string(),
                (None, None) => "disconnected".to_string(),
            }
        };
        commands.remove_resource::<NetcodeClientTransport>();
        commands.remove_resource::<RenetClient>();
        ClientLink::Disconnected(reason)
    };
    if *link != next {
        match &next {
            ClientLink::Disconnected(reason) => info!("link to the host down: {reason}"),
            other => info!("link to the host: {other:?}"),
        }
        *link = next;
    }
}

fn send_host_frames(
    mut sends: ResMut<Messages<ClientSend>>,
    state: Res<State<ClientState>>,
    mut frames: MessageWriter<ClientFrame>,
) {
    if sends.is_empty() {
        return;
    }
    if *state.get() != ClientState::Connected {
        warn!("dropping {} frame(s) for the host: not connected", sends.len());
        sends.clear();
        return;
    }
    for ClientSend(bytes) in sends.drain() {
        frames.write(ClientFrame(bytes));
    }
}

/// Drops the frames replicon has just sent: it reads them without removing them, and on a disconnect it would count
/// those still buffered as "discarded" though they went out.
fn forget_sent_frames(mut frames: ResMut<Messages<ClientFrame>>, state: Res<State<ClientState>>) {
    if *state.get() == ClientState::Connected {
        frames.clear();
    }
}
