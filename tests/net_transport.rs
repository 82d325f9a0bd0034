//! The network transport over loopback UDP: frames reach the right peer and only it, a frame over the size limit or
//! a flood gets its sender kicked while the others play on, a peer reconnects (under a new id, from a new connect
//! token), and bytes that are no valid message reach the protocol layer intact rather than upsetting the host.
//!
//! One host app and a few player apps live in the test's process, on 127.0.0.1 with ports the OS picks. Every wait is
//! bounded in updates and fails the test when its condition is not met; nothing asserts on time.
#![cfg(feature = "gui")]

use std::net::{Ipv4Addr, SocketAddr};
use std::thread;
use std::time::Duration;

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::message::registry::RemoteMessageRegistry;
use bevy_replicon_renet::RenetClient;
use tradetable::net::transport::{
    ClientFrame, ClientLink, ClientReceived, ClientSend, JoinCodes, Kick, MAX_FRAME_BYTES, PROTOCOL_ID, PeerConnected,
    PeerDisconnected, PeerId, Peers, Received, SendToPeer, TransportLimits, client_id, connect, disconnect,
    headless_client_app, headless_server_app, start_server,
};

/// The most updates any wait may take: with a 1 ms pause each, a few seconds at worst.
const MAX_UPDATES: usize = 3000;

/// Updates run after a condition is met to show that something else does not happen.
const QUIET_UPDATES: usize = 100;

/// What the host's protocol layer would have seen.
#[derive(Resource, Default)]
struct HostLog {
    connected: Vec<PeerConnected>,
    disconnected: Vec<PeerDisconnected>,
    received: Vec<Received>,
}

impl HostLog {
    fn frames_from(&self, peer: PeerId) -> Vec<Vec<u8>> {
        self.received
            .iter()
            .filter(|frame| frame.peer == peer)
            .map(|frame| frame.bytes.clone())
            .collect()
    }

    fn disconnect_of(&self, peer: PeerId) -> Option<&str> {
        self.disconnected
            .iter()
            .find(|gone| gone.peer == peer)
            .map(|gone| gone.reason.as_str())
    }
}

/// What a player's protocol layer would have seen.
#[derive(Resource, Default)]
struct PlayerLog {
    received: Vec<Vec<u8>>,
}

fn record_host(
    mut connected: MessageReader<PeerConnected>,
    mut disconnected: MessageReader<PeerDisconnected>,
    mut received: MessageReader<Received>,
    mut log: ResMut<HostLog>,
) {
    log.connected.extend(connected.read().cloned());
    log.disconnected.extend(disconnected.read().cloned());
    log.received.extend(received.read().cloned());
}

fn record_player(mut received: MessageReader<ClientReceived>, mut log: ResMut<PlayerLog>) {
    log.received.extend(received.read().map(|frame| frame.0.clone()));
}

/// The code players fetch their connect tokens with.
const CODE: &str = "TEST0-CODE0-00001";

/// A host on a free loopback port, with `limits`, handing out connect tokens for [`CODE`].
fn host(limits: TransportLimits) -> Result<(App, SocketAddr), String> {
    let mut app = headless_server_app();
    app.insert_resource(limits)
        .insert_resource(JoinCodes([CODE.to_string()].into()))
        .init_resource::<HostLog>()
        .add_systems(Update, record_host);
    let addr = start_server(app.world_mut(), SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), PROTOCOL_ID)
        .map_err(|e| e.to_string())?;
    Ok((app, addr))
}

/// A player connecting to `host_addr` with [`CODE`].
fn player(host_addr: SocketAddr) -> Result<App, String> {
    let mut app = headless_client_app();
    app.init_resource::<PlayerLog>().add_systems(Update, record_player);
    connect(app.world_mut(), host_addr, CODE, PROTOCOL_ID).map_err(|e| e.to_string())?;
    Ok(app)
}

/// Updates every app, the host first, until `done`; an error naming `what` if it takes more than [`MAX_UPDATES`].
fn pump(apps: &mut [&mut App], what: &str, mut done: impl FnMut(&[&mut App]) -> bool) -> Result<(), String> {
    for _ in 0..MAX_UPDATES {
        for app in apps.iter_mut() {
            app.update();
        }
        if done(apps) {
            return Ok(());
        }
        thread::sleep(Duration::from_millis(1));
    }
    Err(format!("{what}: not seen within {MAX_UPDATES} updates"))
}

/// Updates every app `updates` times.
fn idle(apps: &mut [&mut App], updates: usize) {
    for _ in 0..updates {
        for app in apps.iter_mut() {
            app.update();
        }
        thread::sleep(Duration::from_millis(1));
    }
}

fn host_log(app: &App) -> &HostLog {
    app.world().resource::<HostLog>()
}

fn player_log(app: &App) -> &PlayerLog {
    app.world().resource::<PlayerLog>()
}

fn link(app: &App) -> &ClientLink {
    app.world().resource::<ClientLink>()
}

fn is_down(app: &App) -> bool {
    matches!(link(app), ClientLink::Disconnected(_))
}

/// Waits until every player sees its link up and the host has each connected; returns the id the host gave each.
fn wait_connected(host: &mut App, players: &mut [&mut App]) -> Result<Vec<PeerId>, String> {
    let mut apps: Vec<&mut App> = vec![host];
    apps.extend(players.iter_mut().map(|player| &mut **player));
    pump(&mut apps, "every player connected", |apps| {
        let peers = apps[0].world().resource::<Peers>();
        apps[1..].iter().all(|player| {
            *link(player) == ClientLink::Connected && client_id(player.world()).is_some_and(|id| peers.contains(id))
        })
    })?;
    Ok(apps[1..]
        .iter()
        .filter_map(|player| client_id(player.world()))
        .collect())
}

fn send(player: &mut App, bytes: &[u8]) {
    player.world_mut().write_message(ClientSend(bytes.to_vec()));
}

#[test]
fn frames_reach_the_host_with_their_sender_and_a_targeted_frame_reaches_only_its_peer() -> Result<(), String> {
    let (mut server, addr) = host(TransportLimits::default())?;
    let mut a = player(addr)?;
    let mut b = player(addr)?;
    let ids = wait_connected(&mut server, &mut [&mut a, &mut b])?;
    let (pa, pb) = (ids[0], ids[1]);
    assert_ne!(pa, pb);
    let connected = &host_log(&server).connected;
    assert_eq!(connected.len(), 2);
    assert!(
        connected
            .iter()
            .all(|c| c.addr.is_some_and(|addr| addr.ip().is_loopback())),
        "{connected:?}"
    );

    send(&mut a, b"offer from a");
    send(&mut b, b"offer from b");
    pump(&mut [&mut server, &mut a, &mut b], "both offers at the host", |apps| {
        host_log(apps[0]).received.len() == 2
    })?;
    let log = host_log(&server);
    assert_eq!(log.frames_from(pa), vec![b"offer from a".to_vec()]);
    assert_eq!(log.frames_from(pb), vec![b"offer from b".to_vec()]);

    server.world_mut().write_message(SendToPeer {
        peer: pa,
        bytes: b"your private view".to_vec(),
    });
    pump(&mut [&mut server, &mut a, &mut b], "a's private frame", |apps| {
        !player_log(apps[1]).received.is_empty()
    })?;
    idle(&mut [&mut server, &mut a, &mut b], QUIET_UPDATES);
    assert_eq!(player_log(&a).received, vec![b"your private view".to_vec()]);
    assert!(
        player_log(&b).received.is_empty(),
        "b got a's frame: {:?}",
        player_log(&b).received
    );
    Ok(())
}

#[test]
fn a_frame_over_the_size_limit_is_refused_and_its_sender_kicked_while_the_others_play_on() -> Result<(), String> {
    let (mut server, addr) = host(TransportLimits::default())?;
    let mut a = player(addr)?;
    let mut b = player(addr)?;
    let ids = wait_connected(&mut server, &mut [&mut a, &mut b])?;
    let (pa, pb) = (ids[0], ids[1]);
    assert_ne!(pa, pb);

    // Just over the limit: renet accepts it (the host buffers a few such frames), the transport refuses it.
    send(&mut a, &vec![7; MAX_FRAME_BYTES + 1]);
    pump(&mut [&mut server, &mut a, &mut b], "a kicked and told", |apps| {
        host_log(apps[0]).disconnect_of(pa).is_some() && is_down(apps[1])
    })?;
    let reason = host_log(&server).disconnect_of(pa).unwrap_or_default().to_string();
    assert!(reason.contains(&format!("{} bytes", MAX_FRAME_BYTES + 1)), "{reason}");
    assert!(
        host_log(&server).frames_from(pa).is_empty(),
        "the oversized frame reached the protocol layer"
    );
    let ClientLink::Disconnected(told) = link(&a) else {
        return Err("a is not disconnected".to_string());
    };
    assert!(
        told.contains("kicked by the host") && told.contains("bytes"),
        "a was told: {told}"
    );

    send(&mut b, b"still here");
    pump(&mut [&mut server, &mut a, &mut b], "b's next frame", |apps| {
        !host_log(apps[0]).frames_from(pb).is_empty()
    })?;
    assert_eq!(*link(&b), ClientLink::Connected);

    // Far over: renet's buffer bound drops the sender before the frame is assembled; it never reaches Received either.
    let mut c = player(addr)?;
    let pc = wait_connected(&mut server, &mut [&mut b, &mut c])?[1];
    send(&mut c, &vec![9; 1024 * 1024]);
    pump(&mut [&mut server, &mut b, &mut c], "c dropped", |apps| {
        host_log(apps[0]).disconnect_of(pc).is_some()
    })?;
    let reason = host_log(&server).disconnect_of(pc).unwrap_or_default().to_string();
    assert!(reason.contains("receive channel"), "{reason}");
    assert!(host_log(&server).frames_from(pc).is_empty());
    assert_eq!(*link(&b), ClientLink::Connected);
    Ok(())
}

#[test]
fn a_peer_flooding_the_host_is_kicked_and_the_others_are_not() -> Result<(), String> {
    let limits = TransportLimits {
        frames_per_second: 1.0,
        burst_frames: 3.0,
        ..TransportLimits::default()
    };
    let (mut server, addr) = host(limits)?;
    let mut a = player(addr)?;
    let mut b = player(addr)?;
    let ids = wait_connected(&mut server, &mut [&mut a, &mut b])?;
    let (pa, pb) = (ids[0], ids[1]);
    assert_ne!(pa, pb);

    for n in 0..10u8 {
        send(&mut a, &[n]);
    }
    send(&mut b, b"one move");
    pump(&mut [&mut server, &mut a, &mut b], "a kicked for flooding", |apps| {
        host_log(apps[0]).disconnect_of(pa).is_some() && is_down(apps[1])
    })?;
    let log = host_log(&server);
    let reason = log.disconnect_of(pa).unwrap_or_default();
    assert!(reason.contains("faster than the limit"), "{reason}");
    // The bucket holds three; the few milliseconds the test takes refill far less than one more.
    assert!(log.frames_from(pa).len() < 10, "{:?}", log.frames_from(pa));

    pump(&mut [&mut server, &mut a, &mut b], "b's move", |apps| {
        !host_log(apps[0]).frames_from(pb).is_empty()
    })?;
    send(&mut b, b"another move");
    pump(&mut [&mut server, &mut a, &mut b], "b's next move", |apps| {
        host_log(apps[0]).frames_from(pb).len() == 2
    })?;
    assert!(host_log(&server).disconnect_of(pb).is_none());
    assert_eq!(*link(&b), ClientLink::Connected);
    Ok(())
}

#[test]
fn a_peer_that_left_or_was_kicked_reconnects_under_a_new_id_and_frames_flow_again() -> Result<(), String> {
    let (mut server, addr) = host(TransportLimits::default())?;
    let mut a = player(addr)?;
    let pa = wait_connected(&mut server, &mut [&mut a])?[0];
    let first_entity = server.world().resource::<Peers>().entity(pa);

    disconnect(a.world_mut());
    assert_eq!(*link(&a), ClientLink::Disconnected("left the host".to_string()));
    pump(&mut [&mut server, &mut a], "the host sees a leave", |apps| {
        host_log(apps[0]).disconnect_of(pa).is_some()
    })?;
    assert!(!server.world().resource::<Peers>().contains(pa));

    connect(a.world_mut(), addr, CODE, PROTOCOL_ID).map_err(|e| e.to_string())?;
    let pa = {
        let again = wait_connected(&mut server, &mut [&mut a])?[0];
        // A new token, so a new id: the host drew it, not the laptop.
        assert_ne!(again, pa);
        assert_ne!(server.world().resource::<Peers>().entity(again), first_entity);
        again
    };
    send(&mut a, b"back again");
    pump(&mut [&mut server, &mut a], "a's frame after reconnecting", |apps| {
        !host_log(apps[0]).frames_from(pa).is_empty()
    })?;

    // Kicked by the protocol layer this time: the dead link is cleared, and connecting again just works.
    server.world_mut().write_message(Kick {
        peer: pa,
        reason: "sent an offer outside its turn".to_string(),
    });
    pump(&mut [&mut server, &mut a], "a kicked", |apps| is_down(apps[1]))?;
    assert_eq!(
        *link(&a),
        ClientLink::Disconnected("kicked by the host: sent an offer outside its turn".to_string())
    );
    connect(a.world_mut(), addr, CODE, PROTOCOL_ID).map_err(|e| e.to_string())?;
    let pa = wait_connected(&mut server, &mut [&mut a])?[0];
    send(&mut a, b"back once more");
    pump(&mut [&mut server, &mut a], "a's frame after the kick", |apps| {
        host_log(apps[0]).frames_from(pa).len() == 1
    })?;
    let connections: std::collections::BTreeSet<PeerId> = host_log(&server).connected.iter().map(|c| c.peer).collect();
    assert_eq!(connections.len(), 3, "three connections, three ids: {connections:?}");
    Ok(())
}

/// Frames travel as raw bytes (no postcard), so there is no invalid frame at the transport's level: whatever bytes a
/// peer puts on the frame channel, even below replicon, reach the protocol layer intact, and its decoder refuses
/// them. Garbage on replicon's own channels (mutation acks, the protocol hash) is dropped by replicon without harm.
#[test]
fn garbage_below_replicon_reaches_the_protocol_layer_intact_and_leaves_the_host_standing() -> Result<(), String> {
    let (mut server, addr) = host(TransportLimits::default())?;
    let mut a = player(addr)?;
    let pa = wait_connected(&mut server, &mut [&mut a])?[0];

    let registry = a.world().resource::<RemoteMessageRegistry>();
    let frame_channel = registry
        .client_message_channel::<ClientFrame>()
        .ok_or("ClientFrame has no channel")?;
    let channel_count = a.world().resource::<RepliconChannels>().client_channels().len();
    let garbage: Vec<Vec<u8>> = vec![
        vec![0xFF; 12],       // a postcard varint that never ends
        vec![10, b'a', b'b'], // a string length with too few bytes after it
        Vec::new(),
        (0..=255).collect(),
    ];
    {
        let mut client = a.world_mut().resource_mut::<RenetClient>();
        for bytes in &garbage {
            client.send_message(frame_channel as u8, bytes.clone());
        }
        for channel in (0..channel_count).filter(|channel| *channel != frame_channel) {
            client.send_message(channel as u8, vec![0xFF; 12]);
        }
    }
    pump(&mut [&mut server, &mut a], "the raw frames at the host", |apps| {
        host_log(apps[0]).frames_from(pa).len() == garbage.len()
    })?;
    assert_eq!(host_log(&server).frames_from(pa), garbage);

    send(&mut a, b"a proper frame");
    pump(&mut [&mut server, &mut a], "a proper frame after the garbage", |apps| {
        host_log(apps[0]).frames_from(pa).len() == garbage.len() + 1
    })?;
    assert!(
        host_log(&server).disconnected.is_empty(),
        "{:?}",
        host_log(&server).disconnected
    );
    assert_eq!(*link(&a), ClientLink::Connected);
    Ok(())
}
