//! A class network no student can break, over loopback UDP: the two datagrams that made renetcode 2.0.0 panic leave
//! the host standing (through the guard and in the patched renetcode itself); a bounded fuzz of every prefix byte at
//! every length (the connect token request's among them), random bytes, forged connection requests and replays
//! leaves a game going on to its end; a panic in the network layer restarts it while the table goes on; a peer that
//! falls silent is dropped before its token's timeout; one address holds only its share of connections. And netcode's
//! secure mode: a connect token only for a table's join code, none for a wrong one or a replayed request, a token
//! that seats one connection only, a connection request minted as unsecure mode allowed refused, and a listener
//! between laptop and host who reads no join code, seat token or brief.
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
use tradetable::net::bot::{Bot, BotConfig};
use tradetable::net::guard::{CONNECTION_REQUEST_BYTES, GuardLimits, GuardedServer};
use tradetable::net::join_token::{NONCE_BYTES, REPLY_BYTES, open_reply, request_datagram};
use tradetable::net::transport::{ClientLink, PROTOCOL_ID, Peers, TransportLimits};
use tradetable_core::ai::Strategy;
use tradetable_core::network::host::HostOptions;
use tradetable_core::{Scenario, Side};

use net::{Scratch, bot, class_host, fetch_token, host_app, join_code, people_class, pump, random_client_id, scenario};

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
}

/// A connect token anyone could mint when the host ran netcode's unsecure mode: sealed with the all-zero key.
/// `timeout_seconds` -1 asks never to time out. The host now runs the secure mode, and refuses it.
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

/// A raw client connected to the host at `addr` with a token fetched for `code`.
fn connected_raw_client(host: &mut App, addr: SocketAddr, code: &str) -> Result<RawClient, String> {
    let mut raw = RawClient::new(fetch_token(host, addr, code)?);
    for _ in 0..net::MAX_UPDATES {
        raw.step(true);
        host.update();
        if raw.netcode.is_connected() {
            return Ok(raw);
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    Err("the raw client with a fetched token did not connect".to_string())
}

struct Table {
    host: App,
    addr: SocketAddr,
    code: String,
    us: App,
    partner: App,
    _results: Scratch,
}

fn table(scenario: std::sync::Arc<Scenario>, limits: Option<TransportLimits>) -> Result<Table, String> {
    let class = people_class(&scenario, 1);
    let results = Scratch::new("net-hostile");
    let (host, addr) = host_app(scenario, class, HostOptions::default(), results.path(), limits, |_| {})?;
    let code = join_code(&host, 1);
    let us = BotConfig::new(addr, &code, Some(Side::Us), Strategy::Boulware)
        .app()
        .map_err(|e| e.to_string())?;
    let partner = BotConfig::new(addr, &code, Some(Side::Partner), Strategy::Linear)
        .app()
        .map_err(|e| e.to_string())?;
    Ok(Table {
        host,
        addr,
        code,
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
    // From a connected peer's address (a student with the join code can connect), then from nowhere at all.
    let code = t.code.clone();
    let insider = connected_raw_client(&mut t.host, t.addr, &code)?;
    for datagram in crashing_datagrams() {
        insider.socket.send_to(&datagram, t.addr).map_err(|e| e.to_string())?;
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
    // A raw netcode client connects with a token fetched for the table's join code: the fuzz below is sent from its
    // address, so the datagrams that pass the guard's shape check reach netcode's decoder as a connected peer's.
    let code = t.code.clone();
    let mut raw = connected_raw_client(&mut t.host, t.addr, &code)?;
    // Every prefix byte at every length from 0 to 1,400 (the token request's prefix 0xFA, and the reply's, among
    // them); a real token request for the table's code and a forged connection request now and then.
    let forged_request = connection_request(&minted_token(t.addr, random_client_id(), 15));
    for length in 0..=1400usize {
        if length % 50 == 0 {
            fuzz.push((0, forged_request.clone()));
            fuzz.push((
                0,
                request_datagram(&code, PROTOCOL_ID, &rng.random::<[u8; NONCE_BYTES]>()),
            ));
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
        fuzz.push((
            2,
            forged_request[..rng.random_range(0..CONNECTION_REQUEST_BYTES)].to_vec(),
        ));
        // Token requests of the right shape naming no table's code.
        let mut unknown = request_datagram(&code, PROTOCOL_ID, &rng.random::<[u8; NONCE_BYTES]>());
        unknown[9] ^= 1 + rng.random_range(0..255u8);
        fuzz.push((1, unknown));
    }
    let sockets = [attacker(), attacker(), attacker()];

    // The raw client sends payloads renet never made, then its traffic is replayed, from its own address and from
    // another.
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
                let socket = if *from == 0 { &raw.socket } else { &sockets[*from] };
                let _ = socket.send_to(datagram, t.addr);
                sent += 1;
            }
        } else if !replayed {
            for datagram in &replays {
                let _ = raw.socket.send_to(datagram, t.addr);
                let _ = sockets[1].send_to(datagram, t.addr);
            }
            replayed = true;
        }
        // The raw client keeps its connection alive (and reads, and ignores, the token replies it asked for).
        raw.step(true);
        t.host.update();
        t.us.update();
        t.partner.update();
        if replayed && game_over(&t.host, &[&mut t.us, &mut t.partner]) {
            assert_eq!(sent, fuzz.len());
            assert_eq!(restarts(&t.host), 0, "no panic in the network layer");
            assert!(
                t.host.world().resource::<GuardedServer>().netcode_refusals() > 0,
                "netcode's errors for the fuzz are counted into the guard's summary"
            );
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
                Bot::reconnect(laptop.world_mut()).map_err(|e| e.to_string())?;
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
fn a_silent_peer_is_dropped_before_its_tokens_timeout_and_one_address_holds_only_its_share() -> Result<(), String> {
    let limits = TransportLimits {
        per_address: GuardLimits {
            peers_per_address: 2,
            limit_loopback: true,
            silence_timeout: Duration::from_millis(1500),
        },
        ..TransportLimits::default()
    };
    let results = Scratch::new("net-silent");
    let (mut host, addr) = host_app(
        scenario(),
        people_class(&scenario(), 1),
        HostOptions::default(),
        results.path(),
        Some(limits),
        |_| {},
    )?;
    let code = join_code(&host, 1);
    let mut clients = Vec::new();
    for _ in 0..3 {
        clients.push(RawClient::new(fetch_token(&mut host, addr, &code)?));
    }
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
    // Now all fall silent: their tokens allow 15 seconds, the host drops them after its own 1.5.
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

/// Updates the host `updates` times and returns what `socket` received meanwhile.
fn received_by(host: &mut App, socket: &UdpSocket, updates: usize) -> Vec<Vec<u8>> {
    let mut received = Vec::new();
    let mut buffer = [0u8; 1500];
    for _ in 0..updates {
        host.update();
        while let Ok((len, _)) = socket.recv_from(&mut buffer) {
            received.push(buffer[..len].to_vec());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    received
}

#[test]
fn a_connect_token_comes_only_for_a_join_code_once_per_request_and_opens_only_with_the_code() -> Result<(), String> {
    let mut t = table(scenario(), None)?;
    both_seated(&mut t)?;
    let asker = attacker();
    let nonce = [7u8; NONCE_BYTES];
    let request = request_datagram(&t.code, PROTOCOL_ID, &nonce);
    asker.send_to(&request, t.addr).map_err(|e| e.to_string())?;
    let replies = received_by(&mut t.host, &asker, 100);
    assert_eq!(replies.len(), 1, "one reply to one request");
    assert_eq!(replies[0].len(), REPLY_BYTES, "no larger than the request");
    assert_eq!(request.len(), REPLY_BYTES);
    let token = open_reply(&replies[0], &t.code, &nonce).map_err(|e| e.to_string())?;
    assert_eq!(token.protocol_id, PROTOCOL_ID);
    // A listener who captured both datagrams, without the code, cannot open the reply.
    assert!(open_reply(&replies[0], "00000-00000-00000", &nonce).is_err());

    // The same request again, from the same address or another (a replay): no answer.
    let other = attacker();
    asker.send_to(&request, t.addr).map_err(|e| e.to_string())?;
    other.send_to(&request, t.addr).map_err(|e| e.to_string())?;
    assert!(
        received_by(&mut t.host, &asker, 100).is_empty(),
        "a replayed request is answered"
    );
    assert!(
        received_by(&mut t.host, &other, 10).is_empty(),
        "a replayed request is answered"
    );

    // A wrong join code, or the class sheet's code of the table: no answer.
    let class_code = class_host(&t.host).class.tables[0].code.clone();
    for (n, code) in ["00000-00000-00000", class_code.as_str()].into_iter().enumerate() {
        let request = request_datagram(code, PROTOCOL_ID, &[n as u8 + 20; NONCE_BYTES]);
        asker.send_to(&request, t.addr).map_err(|e| e.to_string())?;
        assert!(received_by(&mut t.host, &asker, 100).is_empty(), "a token for {code}");
    }
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "the game's end",
        game_over,
    )?;
    Ok(())
}

#[test]
fn a_connect_token_opens_one_connection_and_a_replay_of_it_none() -> Result<(), String> {
    let mut t = table(scenario(), None)?;
    both_seated(&mut t)?;
    let code = t.code.clone();
    let token = fetch_token(&mut t.host, t.addr, &code)?;
    let mut first = RawClient::new(token.clone());
    let mut second = RawClient::new(token);
    for _ in 0..net::MAX_UPDATES {
        first.step(true);
        second.step(true);
        t.host.update();
        if first.netcode.is_connected() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(first.netcode.is_connected(), "the token's first user connects");
    // The first user's handshake, replayed from a third address; the second user keeps trying with the same token.
    let third = attacker();
    for datagram in &first.sent {
        third.send_to(datagram, t.addr).map_err(|e| e.to_string())?;
    }
    for _ in 0..300 {
        first.step(true);
        second.step(true);
        t.host.update();
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(
        !second.netcode.is_connected(),
        "a second connection with the same token"
    );
    assert_eq!(
        t.host.world().resource::<Peers>().len(),
        3,
        "the two seated laptops and the token's one connection"
    );
    assert_eq!(restarts(&t.host), 0);
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "the game's end",
        game_over,
    )?;
    Ok(())
}

#[test]
fn a_connection_request_minted_as_unsecure_mode_allowed_is_refused_and_counted() -> Result<(), String> {
    let mut t = table(scenario(), None)?;
    both_seated(&mut t)?;
    let before = t.host.world().resource::<GuardedServer>().netcode_refusals();
    let mut forged = RawClient::new(minted_token(t.addr, random_client_id(), -1));
    for _ in 0..300 {
        forged.step(true);
        t.host.update();
        t.us.update();
        t.partner.update();
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(
        !forged.netcode.is_connected(),
        "a token sealed with the all-zero key connects"
    );
    assert_eq!(t.host.world().resource::<Peers>().len(), 2, "only the seated laptops");
    let after = t.host.world().resource::<GuardedServer>().netcode_refusals();
    assert!(after > before, "netcode's refusals are counted ({before} then {after})");
    pump(
        &mut t.host,
        &mut [&mut t.us, &mut t.partner],
        "the game's end",
        game_over,
    )?;
    Ok(())
}

#[test]
fn a_laptop_with_a_wrong_join_code_gets_no_token_and_is_told_why() -> Result<(), String> {
    let results = Scratch::new("net-wrong-code");
    let (mut host, addr) = host_app(
        scenario(),
        people_class(&scenario(), 1),
        HostOptions::default(),
        results.path(),
        None,
        |_| {},
    )?;
    let mut laptop = BotConfig::new(addr, "00000-00000-00000", Some(Side::Us), Strategy::Linear)
        .app()
        .map_err(|e| e.to_string())?;
    pump(&mut host, &mut [&mut laptop], "the laptop giving up", |_, laptops| {
        matches!(laptops[0].world().resource::<ClientLink>(), ClientLink::Disconnected(_))
    })?;
    let ClientLink::Disconnected(reason) = laptop.world().resource::<ClientLink>().clone() else {
        return Err("the laptop is not disconnected".to_string());
    };
    assert!(reason.contains("no connect token"), "{reason}");
    assert!(host.world().resource::<Peers>().is_empty());
    assert!(bot(&laptop).side.is_none());
    Ok(())
}

/// A listener between one laptop and the host: forwards every datagram both ways and keeps a copy.
struct Relay {
    front: UdpSocket,
    host: SocketAddr,
    backs: std::collections::BTreeMap<SocketAddr, UdpSocket>,
    seen: Vec<Vec<u8>>,
}

impl Relay {
    fn new(host: SocketAddr) -> Relay {
        Relay {
            front: attacker(),
            host,
            backs: std::collections::BTreeMap::new(),
            seen: Vec::new(),
        }
    }

    fn addr(&self) -> SocketAddr {
        self.front.local_addr().expect("the relay's address")
    }

    fn step(&mut self) {
        let mut buffer = [0u8; 1500];
        while let Ok((len, from)) = self.front.recv_from(&mut buffer) {
            self.seen.push(buffer[..len].to_vec());
            let back = self.backs.entry(from).or_insert_with(attacker);
            let _ = back.send_to(&buffer[..len], self.host);
        }
        for (laptop, back) in &self.backs {
            while let Ok((len, _)) = back.recv_from(&mut buffer) {
                self.seen.push(buffer[..len].to_vec());
                let _ = self.front.send_to(&buffer[..len], laptop);
            }
        }
    }

    fn saw(&self, text: &str) -> bool {
        let needle = text.as_bytes();
        !needle.is_empty() && self.seen.iter().any(|d| d.windows(needle.len()).any(|w| w == needle))
    }
}

#[test]
fn a_listener_between_a_laptop_and_the_host_reads_no_join_code_seat_token_or_brief() -> Result<(), String> {
    let scenario = scenario();
    let results = Scratch::new("net-listener");
    let (mut host, addr) = host_app(
        scenario.clone(),
        people_class(&scenario, 1),
        HostOptions::default(),
        results.path(),
        None,
        |_| {},
    )?;
    let code = join_code(&host, 1);
    let mut relay = Relay::new(addr);
    let mut us = BotConfig::new(relay.addr(), &code, Some(Side::Us), Strategy::Boulware)
        .app()
        .map_err(|e| e.to_string())?;
    let mut partner = BotConfig::new(addr, &code, Some(Side::Partner), Strategy::Linear)
        .app()
        .map_err(|e| e.to_string())?;
    let mut over = false;
    for _ in 0..net::MAX_UPDATES {
        relay.step();
        host.update();
        relay.step();
        us.update();
        partner.update();
        if game_over(&host, &[&mut us, &mut partner]) {
            over = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(over, "the game through the relay did not end");
    assert!(
        relay.seen.len() > 20,
        "the relay carried the game: {} datagrams",
        relay.seen.len()
    );
    let seat_token = bot(&us).token.clone().ok_or("the laptop has no seat token")?;
    let canonical = tradetable_core::classroom::join_code::normalise_code(&code);
    for secret in [
        code.as_str(),
        canonical.as_str(),
        seat_token.as_str(),
        scenario.title.as_str(),
    ] {
        assert!(!relay.saw(secret), "the listener read {secret:?}");
    }
    // In unsecure mode the session keys travelled in the connection request sealed with the all-zero key, so a
    // listener could open it and read everything after; now it does not open.
    let requests: Vec<&Vec<u8>> = relay
        .seen
        .iter()
        .filter(|d| d.len() == CONNECTION_REQUEST_BYTES && d[0] == 0)
        .collect();
    assert!(!requests.is_empty(), "the relay saw the laptop's connection request");
    for request in requests {
        assert!(
            !opens_with_the_all_zero_key(request),
            "the connect token's private part opens with the all-zero key"
        );
    }
    // The check itself: a request minted as unsecure mode did opens.
    assert!(opens_with_the_all_zero_key(&connection_request(&minted_token(
        addr,
        random_client_id(),
        15
    ))));
    Ok(())
}

/// Whether a connection request's private token opens with the all-zero key, as netcode's unsecure mode sealed it:
/// XChaCha20-Poly1305 over the 1,024 bytes after the nonce, with the version, protocol and expiry as associated data.
fn opens_with_the_all_zero_key(request: &[u8]) -> bool {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
    let cipher = XChaCha20Poly1305::new(Key::from_slice(&[0u8; 32]));
    cipher
        .decrypt(
            XNonce::from_slice(&request[30..54]),
            Payload {
                msg: &request[54..],
                aad: &request[1..30],
            },
        )
        .is_ok()
}
