//! Networked play: the transport that carries opaque byte frames between a host and the players' games, the class
//! host that runs the core's `network::host` over it, and a team's laptop at one of its tables.
//!
//! `transport` knows nothing of the game: it connects peers, moves frames, and refuses peers that send too much or
//! too large. What a frame means, and whether it is a legal message at all, is for `network::protocol` and `network::host`,
//! which `class_host` drives. `guard` is the host's UDP socket: it checks every datagram before netcode reads it,
//! limits connections per address, and restarts the network layer if it ever panics. `bot` is a headless laptop
//! that plays a seat by itself, for tests, load tests and screenshot runs; `bot_retry` brings a bot whose link went
//! down back to its seat. `socket_buffer` sizes the host's receive buffer for the class, and `host_report` sums up
//! a hosted class's moves and the host's time per message for its log.

pub mod bot;
pub mod bot_retry;
pub mod class_client;
pub mod class_host;
pub mod error;
pub mod guard;
pub mod headless;
pub mod host_report;
pub mod join_token;
pub mod socket_buffer;
pub mod transport;
