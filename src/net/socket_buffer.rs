//! The host's UDP receive buffer: sized for the class, and the datagrams the system dropped because it was full.
//!
//! Every laptop sends the host several datagrams a second (keep-alives, acknowledgements, its frames), and the host
//! reads them once per frame. The system's default buffer (208 KiB on Linux, which holds only about a hundred
//! full-size datagrams) overflows when a class of a hundred tables sends between two of the host's frames, or while
//! a frame is slow: the system then drops datagrams before the host sees them, and laptops wait for resends. A
//! buffer sized for the class absorbs those bursts. The system may grant less than asked (Linux caps it at
//! `net.core.rmem_max`), so the size granted is reported, and on Linux the drops are counted from `/proc/net/udp`.

use std::net::{SocketAddr, UdpSocket};

/// The receive buffer asked for each connection a host allows: room for a burst of about ten datagrams of every
/// laptop while the host's frame is held up.
pub const RECEIVE_BUFFER_BYTES_PER_PEER: usize = 16 * 1024;

/// The least receive buffer a host asks for, whatever its class: a few times the system's usual default.
pub const MIN_RECEIVE_BUFFER_BYTES: usize = 1024 * 1024;

/// The most a host asks for: a class of 127 tables needs about half of it.
pub const MAX_RECEIVE_BUFFER_BYTES: usize = 8 * 1024 * 1024;

/// The receive buffer a host allowing `max_peers` connections asks for.
pub fn receive_buffer_for(max_peers: usize) -> usize {
    max_peers
        .saturating_mul(RECEIVE_BUFFER_BYTES_PER_PEER)
        .clamp(MIN_RECEIVE_BUFFER_BYTES, MAX_RECEIVE_BUFFER_BYTES)
}

/// Asks the system for a receive buffer of `bytes` on `socket`, and returns the size it then has (the system may
/// grant less, or, as Linux does, count its own bookkeeping in it). `None` when the system refuses to say; the
/// socket keeps the system's default then.
pub fn enlarge_receive_buffer(socket: &UdpSocket, bytes: usize) -> Option<usize> {
    let socket = socket2::SockRef::from(socket);
    // Refused or capped, the buffer is what it was: the size read back says so.
    let _ = socket.set_recv_buffer_size(bytes);
    socket.recv_buffer_size().ok()
}

/// The receive buffer `socket` has, as the system reports it.
pub fn receive_buffer(socket: &UdpSocket) -> Option<usize> {
    socket2::SockRef::from(socket).recv_buffer_size().ok()
}

/// How many datagrams the system dropped, since the socket opened, because the receive buffer of the UDP socket
/// bound to `local` was full. Linux only (from `/proc/net/udp` and `/proc/net/udp6`); `None` elsewhere or when the
/// socket is not listed.
pub fn dropped_datagrams(local: SocketAddr) -> Option<u64> {
    let port = format!(":{:04X}", local.port());
    ["/proc/net/udp", "/proc/net/udp6"]
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .flat_map(|table| {
            table
                .lines()
                .skip(1)
                .filter_map(|line| drops_of_line(line, &port))
                .collect::<Vec<u64>>()
        })
        .reduce(|a, b| a + b)
}

/// The drops column of a line of `/proc/net/udp` whose local address ends with `port` (`:1EC6`).
fn drops_of_line(line: &str, port: &str) -> Option<u64> {
    let fields: Vec<&str> = line.split_whitespace().collect();
    let local = fields.get(1)?;
    if !local.ends_with(port) {
        return None;
    }
    fields.last()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_of_127_tables_asks_for_several_megabytes_and_a_small_one_for_the_least() {
        assert_eq!(receive_buffer_for(12), MIN_RECEIVE_BUFFER_BYTES);
        assert_eq!(receive_buffer_for(2 * 127 + 8), 262 * RECEIVE_BUFFER_BYTES_PER_PEER);
        assert_eq!(receive_buffer_for(1024), MAX_RECEIVE_BUFFER_BYTES);
    }

    #[test]
    fn a_socket_gets_a_larger_receive_buffer_than_it_had() {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("a loopback socket");
        let before = receive_buffer(&socket).expect("the buffer's size");
        let after = enlarge_receive_buffer(&socket, before * 4).expect("the buffer's size");
        // Linux grants at most net.core.rmem_max, which may be the default itself; never less than before.
        assert!(after >= before, "{before} then {after}");
    }

    #[test]
    fn the_drops_column_is_read_from_the_line_of_the_socket_s_port() {
        let line = "  883: 0100007F:1EC6 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 \
                    123 2 0000000000000000 2059";
        assert_eq!(drops_of_line(line, ":1EC6"), Some(2059));
        assert_eq!(drops_of_line(line, ":1EC7"), None);
    }
}
