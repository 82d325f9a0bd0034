//! Networked play: the transport that carries opaque byte frames between a host and the players' games.
//!
//! `transport` knows nothing of the game: it connects peers, moves frames, and refuses peers that send too much or
//! too large. What a frame means, and whether it is a legal message at all, is for the protocol layer above it.

pub mod transport;
