//! Networked play: the transport that carries opaque byte frames between a host and the players' games, and the
//! class host that runs the core's `sim::host` over it.
//!
//! `transport` knows nothing of the game: it connects peers, moves frames, and refuses peers that send too much or
//! too large. What a frame means, and whether it is a legal message at all, is for `sim::protocol` and `sim::host`,
//! which `class_host` drives.

pub mod class_host;
pub mod transport;
