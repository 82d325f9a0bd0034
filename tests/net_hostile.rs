//! A class network no student can break, over loopback UDP: the two datagrams that made renetcode 2.0.0 panic leave
//! the host standing (through the guard and in the patched renetcode itself); a bounded fuzz of every prefix byte at
//! every length, random bytes, forged connection requests and replays leaves a game going on to its end; a panic in
//! the network layer restarts it while the table goes on; a peer with a "never time out" token that falls silent is
//! dropped; one address holds only its share of connections.
//!
//! One host app, its bot laptops and the attackers' raw sockets live in the test's process, on 127.0.0.1 with ports
//! the OS picks. Every wait is bounded in updates and fails with a message; nothing asserts on time.
#![cfg(feature = "gui")]

#[path = "common/net.rs"]
mod net;

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::time::{Duration, Instant, SystemTime};

use bevy::prelude::*;
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use renetcode::{ClientAuthentication, ConnectToken, NetcodeClient, NetcodeServer, ServerAuthentication, ServerConfig};
use tradetable::net::bot::{Bot, BotConfig, random_client_id};
use tradetable::net::guard::{CONNECTION_REQUEST_BYTES, GuardLimits, GuardedServer};
use tradetable::net::transport::{ClientLink, PROTOCOL_ID, Peers, TransportLimits};
use tradetable_core::ai::Strategy;
use tradetable_core::network::host::HostOptions;
use tradetable_core::{Scenario, Side};

use net::{Scratch, bot, class_host, host_app, join_code, people_class, pump, scenario};

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
}

/// A connect token anyone can mint for an unsecure host: sealed with the all-zero key. `timeout_seconds` -1 asks
/// never to time out.
fn minted_token(host: SocketAddr, client_id: u64, timeout_seconds: i32) -> ConnectToken {
    ConnectToken::generate(
        since_epoch(),
        PROTOCOL_ID,
        300,
        client_id,
        timeout_seconds,
        vec![host],
        None,
        &[0; 32],
    )
    .expect("a token")
}

/// The connection request datagram of a token, as netcode writes it.
fn connection_request(token: &ConnectToken) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(CONNECTION_REQUEST_BYTES);
    bytes.push(0);
    bytes.extend_from_slice(&token.version_info);
    bytes.extend_from_slice(&token.protocol_id.to_le_bytes());
    bytes.extend_from_slice(&token.expire_timestamp.to_le_bytes());
    bytes.extend_from_slice(&token.xnonce);
    bytes.extend_from_slice(&token.private_data);
    assert_eq!(bytes.len(), CONNECTION_REQUEST_BYTES);
    bytes
}

/// The two datagrams of issue 19: a payload packet with a 9-byte sequence (20 bytes), and one with an 8-byte
/// sequence and no room for its MAC (18 bytes).
fn crashing_datagrams() -> [Vec<u8>; 2] {
    let mut nine = vec![0u8; 20];
    nine[0] = 0x95;
    let mut short = vec![0u8; 18];
    short[0] = 0x85;
    [nine, short]
}

fn attacker() -> UdpSocket {
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).expect("a loopback socket");
    socket.set_nonblocking(true).expect("non-blocking");
    socket
}

/// A netcode client on its own socket, driven by hand: it can connect with any token, fall silent, replay what it
/// sent or send payloads renet never made.
struct RawClient {
    socket: UdpSocket,
    netcode: NetcodeClient,
    sent: Vec<Vec<u8>>,
    last: Instant,
}

impl RawClient {
    fn new(token: ConnectToken) -> RawClient {
        RawClient {
            socket: attacker(),
            netcode: NetcodeClient::new(since_epoch(), ClientAuthentication::Secure { connect_token: token })
                .expect("a netcode client"),
            sent: Vec::new(),
            last: Instant::now(),
        }
    }

    /// Reads what the host sent and, if `talk`, sends what netcode wants to (requests, responses, keep-alives).
    fn step(&mut self, talk: bool) {
        let mut buffer = [0u8; 1500];
        while let Ok((len, _)) = self.socket.recv_from(&mut buffer) {
            self.netcode.process_packet(&mut buffer[..len]);
        }
        let delta = self.last.elapsed();
        self.last = Instant::now();
        if let Some((packet, addr)) = self.netcode.update(delta)
            && talk
        {
            self.sent.push(packet.to_vec());
            let _ = self.socket.send_to(packet, addr);
        }
    }

    fn send_payload(&mut self, payload: &[u8]) {
        if let Ok((addr, packet)) = self.netcode.generate_payload_packet(payload) {
            self.sent.push(packet.to_vec());
            let _ = self.socket.send_to(packet, addr);
        }
    }
}

struct Table {
    host: App,
    addr: SocketAddr,
    us: App,
    partner: App,
    _results: Scratch,
}

fn table(scenario: std::sync::Arc<Scenario>, limits: Option<TransportLimits>) -> Result<Table, String> {
    let class = people_class(&scenario, 1);
    let results = Scratch::new("net-hostile");
    let (host, addr) = host_app(scenario, class, HostOptions::default(), results.path(), limits, |_| {})?;
    let code = join_code(&host, 1);
    let us = BotConfig::new(addr, &code, Some(Side::Us), Strategy::Boulware, random_client_id()).app()?;
    let partner = BotConfig::new(addr, &code, Some(Side::Partner), Strategy::Linear, random_client_id()).app()?;
    Ok(Table {
        host,
        addr,
        us,
        partner,
        _results: results,
    })
}

fn both_seated(t: &mut Table) -> Result<(), String> {
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "both teams seated",
        |_, laptops| laptops.iter().all(|l| bot(l).view.is_some()),
    )
    .map(|_| ())
}

fn game_over(host: &App, laptops: &[&mut App]) -> bool {
    !class_host(host).written.is_empty() && laptops.iter().all(|l| bot(l).finished.is_some())
}

fn restarts(host: &App) -> u32 {
    host.world().resource::<GuardedServer>().restarts()
}

#[test]
fn the_two_datagrams_that_ended_the_class_leave_the_host_and_its_game_standing() -> Result<(), String> {
    let mut t = table(scenario(), None)?;
    both_seated(&mut t)?;
    // From an address that has sent a connection request (anyone can mint one), then from nowhere at all.
    let socket = attacker();
    let request = connection_request(&minted_token(t.addr, random_client_id(), 15));
    socket.send_to(&request, t.addr).map_err(|e| e.to_string())?;
    t.host.update();
    for datagram in crashing_datagrams() {
        socket.send_to(&datagram, t.addr).map_err(|e| e.to_string())?;
        attacker().send_to(&datagram, t.addr).map_err(|e| e.to_string())?;
    }
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "the game's end",
        game_over,
    )?;
    assert_eq!(restarts(&t.host), 0, "the guard refused them before netcode");
    Ok(())
}

#[test]
fn the_patched_renetcode_refuses_the_two_datagrams_itself() {
    // Without the guard: netcode's own server, a pending client at `addr`, then each datagram from it. Before the
    // patch, each of these panicked.
    let host: SocketAddr = "127.0.0.1:40000".parse().expect("an address");
    let addr: SocketAddr = "127.0.0.1:40001".parse().expect("an address");
    let mut server = NetcodeServer::new(ServerConfig {
        current_time: since_epoch(),
        max_clients: 4,
        protocol_id: PROTOCOL_ID,
        public_addresses: vec![host],
        authentication: ServerAuthentication::Unsecure,
    });
    let mut request = connection_request(&minted_token(host, 9, 15));
    let challenged = matches!(
        server.process_packet(addr, &mut request),
        renetcode::ServerResult::PacketToSend { .. }
    );
    assert!(
        challenged,
        "the request is accepted: `addr` is a pending client, decoded with its key"
    );
    let mut huge_sequence = vec![0xffu8; 1 + 8 + 16];
    huge_sequence[0] = 0x85;
    for mut datagram in crashing_datagrams().into_iter().chain([huge_sequence]) {
        let _ = server.process_packet(addr, &mut datagram);
    }
    for length in 0..=40 {
        for prefix in 0..=255u8 {
            let mut datagram = vec![0xffu8; length];
            if let Some(first) = datagram.first_mut() {
                *first = prefix;
            }
            let _ = server.process_packet(addr, &mut datagram);
        }
    }
}

/// Datagrams sent between two updates of the host in the fuzz: few enough that the system's receive buffer keeps
/// them all.
const FUZZ_BATCH: usize = 48;

#[test]
fn a_bounded_fuzz_of_hostile_datagrams_leaves_a_game_going_on_to_its_end() -> Result<(), String> {
    let mut t = table(scenario(), None)?;
    both_seated(&mut t)?;
    let mut rng = ChaCha8Rng::seed_from_u64(19);
    let mut fuzz: Vec<(usize, Vec<u8>)> = Vec::new();
    // Every prefix byte at every length from 0 to 1,400, from a socket that has sent a connection request (so the
    // datagrams that pass the guard's shape check reach netcode's decoder); the request is sent again now and then.
    let request = connection_request(&minted_token(t.addr, random_client_id(), 15));
    for length in 0..=1400usize {
        if length % 50 == 0 {
            fuzz.push((0, request.clone()));
        }
        for prefix in 0..=255u8 {
            let mut datagram: Vec<u8> = (0..length).map(|_| rng.random()).collect();
            if let Some(first) = datagram.first_mut() {
                *first = prefix;
            }
            fuzz.push((0, datagram));
        }
    }
    // Random bytes of random lengths from a stranger.
    for _ in 0..20_000 {
        let length = rng.random_range(0..=1400usize);
        fuzz.push((1, (0..length).map(|_| rng.random()).collect()));
    }
    // Forged connection requests: a token sealed with the wrong key, of another protocol, expired, torn.
    for _ in 0..200 {
        let mut forged = minted_token(t.addr, random_client_id(), -1);
        let k = rng.random_range(0..forged.private_data.len());
        forged.private_data[k] ^= 0x5a;
        fuzz.push((2, connection_request(&forged)));
        let mut other = connection_request(&minted_token(t.addr, random_client_id(), 15));
        other[14] ^= 1;
        fuzz.push((2, other));
        let mut expired = minted_token(t.addr, random_client_id(), 15);
        expired.expire_timestamp = 1;
        fuzz.push((2, connection_request(&expired)));
        fuzz.push((2, request[..rng.random_range(0..CONNECTION_REQUEST_BYTES)].to_vec()));
    }
    let sockets = [attacker(), attacker(), attacker()];

    // A raw netcode client connects, sends payloads renet never made, then its traffic is replayed, from its own
    // address and from another.
    let mut raw = RawClient::new(minted_token(t.addr, random_client_id(), 15));
    for _ in 0..net::MAX_UPDATES {
        raw.step(true);
        t.host.update();
        if raw.netcode.is_connected() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(raw.netcode.is_connected(), "the raw client connects");
    for _ in 0..300 {
        let length = rng.random_range(0..=1200usize);
        let payload: Vec<u8> = (0..length).map(|_| rng.random()).collect();
        raw.send_payload(&payload);
    }
    let replays = raw.sent.clone();

    // The fuzz interleaved with the game, a batch between two updates of the host; then the replays; then the game
    // goes on to its end.
    let mut sent = 0usize;
    let mut batches = fuzz.chunks(FUZZ_BATCH);
    let mut replayed = false;
    for update in 0..net::MAX_UPDATES * 4 {
        if let Some(batch) = batches.next() {
            for (from, datagram) in batch {
                let _ = sockets[*from].send_to(datagram, t.addr);
                sent += 1;
            }
        } else if !replayed {
            for datagram in &replays {
                let _ = raw.socket.send_to(datagram, t.addr);
                let _ = sockets[1].send_to(datagram, t.addr);
            }
            replayed = true;
        }
        t.host.update();
        t.us.update();
        t.partner.update();
        if replayed && game_over(&t.host, &[&mut t.us, &mut t.partner]) {
            assert_eq!(sent, fuzz.len());
            assert_eq!(restarts(&t.host), 0, "no panic in the network layer");
            return Ok(());
        }
        if update % 16 == 0 {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    Err(format!(
        "the game did not end under the fuzz ({sent} of {} datagrams sent)",
        fuzz.len()
    ))
}

#[test]
fn a_panic_in_the_network_layer_restarts_it_and_the_table_plays_on_to_its_end() -> Result<(), String> {
    let mut t = table(scenario(), None)?;
    both_seated(&mut t)?;
    t.host
        .world_mut()
        .resource_mut::<GuardedServer>()
        .panic_on_next_datagram();
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "the restart",
        |host, _| restarts(host) == 1,
    )?;
    // The laptops were told to go; like the game's laptops, each comes back with its seat token.
    for _ in 0..net::MAX_UPDATES {
        t.host.update();
        for laptop in [&mut t.us, &mut t.partner] {
            laptop.update();
            if matches!(laptop.world().resource::<ClientLink>(), ClientLink::Disconnected(_)) {
                Bot::reconnect(laptop.world_mut())?;
            }
        }
        if game_over(&t.host, &[&mut t.us, &mut t.partner]) {
            assert!(
                bot(&t.us).welcomes >= 2 && bot(&t.partner).welcomes >= 2,
                "both came back"
            );
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    Err("the game did not end after the restart".to_string())
}

#[test]
fn a_silent_peer_with_a_never_time_out_token_is_dropped_and_one_address_holds_only_its_share() -> Result<(), String> {
    let limits = TransportLimits {
        per_address: GuardLimits {
            peers_per_address: 2,
            limit_loopback: true,
            silence_timeout: Duration::from_millis(1500),
        },
        ..TransportLimits::default()
    };
    let (mut host, addr) = host_app(
        scenario(),
        people_class(&scenario(), 1),
        HostOptions::default(),
        Scratch::new("net-silent").path(),
        Some(limits),
        |_| {},
    )?;
    let mut clients: Vec<RawClient> = (0..3)
        .map(|_| RawClient::new(minted_token(addr, random_client_id(), -1)))
        .collect();
    for _ in 0..net::MAX_UPDATES {
        for client in &mut clients {
            client.step(true);
        }
        host.update();
        if host.world().resource::<Peers>().len() >= 2
            && clients.iter().filter(|c| c.netcode.is_connected()).count() >= 2
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    for _ in 0..200 {
        for client in &mut clients {
            client.step(true);
        }
        host.update();
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(
        host.world().resource::<Peers>().len(),
        2,
        "the third connection from 127.0.0.1 is refused"
    );
    assert!(
        !clients[2].netcode.is_connected() || !clients[0].netcode.is_connected() || !clients[1].netcode.is_connected()
    );
    // Now all fall silent: their tokens ask never to time out, the host drops them anyway.
    for _ in 0..net::MAX_UPDATES {
        for client in &mut clients {
            client.step(false);
        }
        host.update();
        if host.world().resource::<Peers>().is_empty() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    Err("silent peers were not dropped".to_string())
}
