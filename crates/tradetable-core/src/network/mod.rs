//! A networked class without the network: the messages between the host and a team's laptop and what one side may
//! see (`protocol`), and the authoritative host as a pure state machine fed bytes and the clock (`host`), with why it
//! refuses (`host_error`). The top layer: it may import every other; the shell only moves its bytes.

pub mod host;
pub mod host_error;
pub mod protocol;
