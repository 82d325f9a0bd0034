//! What can go wrong when the class network starts, connects or runs, as one typed error for the host's and the
//! laptops' code: each message says what failed and where (an address, a peer), in the words the console, the join
//! screen and the command line show.

use std::io;
use std::net::SocketAddr;
use std::time::SystemTimeError;

/// A failure of the class network's own code (opening the host, connecting a laptop, fetching a connect token,
/// starting a bot). A peer's bad datagram is not one: the guard refuses it and counts it instead.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    /// A second host asked of an app that already hosts.
    #[error("a host is already running in this app")]
    AlreadyHosting,
    /// A host asked of a player's app.
    #[error("this app is a player's; a host needs an app of its own")]
    PlayerAppCannotHost,
    /// A player's connection asked of a hosting app.
    #[error("this app is hosting; a player needs an app of its own")]
    HostAppCannotConnect,
    /// A plugin the call needs was not added to the app (`server_plugin`, `client_plugin`).
    #[error("{0} is not added")]
    MissingPlugin(&'static str),
    /// Replicon's plugins were not added to the app.
    #[error("replicon is not set up in this app")]
    RepliconMissing,
    /// A peer limit netcode cannot serve.
    #[error("max_peers is {0}; netcode allows 1 to 1024")]
    MaxPeers(usize),
    /// The host's address cannot be bound (taken, or not this computer's).
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: SocketAddr, source: io::Error },
    /// The bound socket does not say its address.
    #[error("cannot read the address bound for {addr}: {source}")]
    BoundAddress { addr: SocketAddr, source: io::Error },
    /// The guarded netcode server did not start on the bound socket.
    #[error("cannot start the host on {addr}: {source}")]
    StartHost { addr: SocketAddr, source: io::Error },
    /// A laptop already connected or connecting was asked to connect again.
    #[error("already connected or connecting to a host; disconnect first")]
    AlreadyConnecting,
    /// The thread that fetches a connect token did not start.
    #[error("cannot start asking {addr} for a connect token: {source}")]
    TokenThread { addr: SocketAddr, source: io::Error },
    /// The thread fetching a connect token ended without an answer.
    #[error("the connect token request stopped")]
    TokenRequestStopped,
    /// A laptop's UDP socket cannot be opened.
    #[error("cannot open a UDP socket on {addr}: {source}")]
    Socket { addr: SocketAddr, source: io::Error },
    /// The netcode client refused the connect token it was given.
    #[error("cannot connect to {addr}: {source}")]
    Connect {
        addr: SocketAddr,
        source: renetcode::NetcodeError,
    },
    /// The host's address cannot be sent to.
    #[error("cannot reach {addr}: {source}")]
    Unreachable { addr: SocketAddr, source: io::Error },
    /// Waiting for the host's reply failed.
    #[error("cannot wait on the UDP socket: {0}")]
    Wait(io::Error),
    /// Reading the host's reply failed.
    #[error("cannot read from {addr}: {source}")]
    Receive { addr: SocketAddr, source: io::Error },
    /// The host gave no connect token for the join code: a wrong code, or no host there.
    #[error("no connect token from {addr} (token request step): no answer to {tries} requests")]
    NoToken { addr: SocketAddr, tries: u32 },
    /// The system clock is set before 1970, so no netcode timestamp can be made.
    #[error("the system clock is before 1970: {0}")]
    Clock(#[from] SystemTimeError),
    /// The operating system gave no random bytes (for a key, a nonce or a client id).
    #[error("the system's random generator failed: {0}")]
    Random(#[from] getrandom::Error),
    /// A connect token does not fit the sealed reply (a programming error, reported rather than panicking).
    #[error("cannot write the connect token: {0}")]
    WriteToken(io::Error),
    /// A connect token of more bytes than a reply holds.
    #[error("a connect token of {0} bytes does not fit a reply")]
    TokenTooLong(usize),
    /// The reply cipher refused to seal.
    #[error("cannot seal the connect token")]
    Seal,
    /// The bytes received are not a connect token reply.
    #[error("not a connect token reply")]
    NotAReply,
    /// A reply names another request's nonce.
    #[error("a reply to another request")]
    OtherRequest,
    /// A reply sealed under another join code.
    #[error("a reply that does not open with this join code")]
    WrongCode,
    /// A reply that opened but holds no readable connect token.
    #[error("a reply with no connect token: {0}")]
    NoTokenInReply(renetcode::NetcodeError),
    /// The class's results folder cannot be made or written.
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
    /// The class cannot be hosted (its tables or options refused by the core's host).
    #[error(transparent)]
    Host(#[from] tradetable_core::network::host_error::HostError),
    /// A bot was asked of an app that is not a bot's.
    #[error("not a bot's app")]
    NotABot,
}
