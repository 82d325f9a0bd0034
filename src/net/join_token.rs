//! Connect tokens for netcode's secure mode, handed out over the host's own UDP port to a laptop that knows a
//! table's join code: the request names the code by a keyed hash of it (never the code), and the reply is sealed
//! with a key derived from the code, so a listener on the network can neither ask for a token nor open one.
//!
//! The exchange, one datagram each way, before any netcode packet:
//!
//! - **Request** (laptop to host), [`REQUEST_BYTES`] long: [`REQUEST_PREFIX`], the netcode protocol id (8 bytes,
//!   little-endian), the code's identifier ([`code_identifier`], 16 bytes), a random client nonce (24 bytes), and zero
//!   padding. Padded to the length of the reply, so the host never sends more than it was sent (no amplification).
//! - **Reply** (host to laptop), [`REPLY_BYTES`] long: [`REPLY_PREFIX`], the client nonce echoed, a random 24-byte
//!   XChaCha20-Poly1305 nonce, and the netcode `ConnectToken` (written by renetcode, zero-padded to
//!   [`TOKEN_PLAINTEXT_BYTES`]) sealed with [`reply_key`] of the code, the request's identifier and nonce as the
//!   associated data.
//!
//! Neither prefix can start a netcode packet (the low nibble is the packet type, and only 0–6 exist), so the
//! guard (`super::guard`) tells the two apart by the first byte. [`TokenIssuer`] is the host's half (which codes,
//! how often per address, which nonces were seen); [`fetch_token`] is the laptop's, run on a thread of its own.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use renetcode::{ConnectToken, NETCODE_KEY_BYTES};
use tradetable_core::classroom::join_code::normalise_code;

use super::error::NetError;

/// The first byte of a token request: low nibble 0xA, no netcode packet type.
pub const REQUEST_PREFIX: u8 = 0xFA;

/// The first byte of a token reply: low nibble 0xB, no netcode packet type.
pub const REPLY_PREFIX: u8 = 0xFB;

/// Bytes of a join code's identifier in a request.
pub const IDENTIFIER_BYTES: usize = 16;

/// Bytes of the client's nonce, and of the reply's AEAD nonce.
pub const NONCE_BYTES: usize = 24;

/// The bytes a connect token is padded to before sealing: the most renetcode writes for a token with one server
/// address (an IPv6 one): id, version, protocol, two timestamps, nonce, the 1,024-byte private part, timeout, the
/// address list and the two session keys.
pub const TOKEN_PLAINTEXT_BYTES: usize = 8 + 13 + 8 + 8 + 8 + 24 + 1024 + 4 + (4 + 1 + 16 + 2) + 32 + 32;

/// The AEAD tag's bytes.
const TAG_BYTES: usize = 16;

/// A reply's length: prefix, echoed nonce, AEAD nonce, sealed token.
pub const REPLY_BYTES: usize = 1 + NONCE_BYTES + NONCE_BYTES + TOKEN_PLAINTEXT_BYTES + TAG_BYTES;

/// A request's length: as long as the reply, so a forged source address gets nobody more bytes than were sent.
pub const REQUEST_BYTES: usize = REPLY_BYTES;

// A reply fits one datagram (the guard's and the laptop's buffers are netcode's), and is no larger than its request.
const _: () = assert!(REPLY_BYTES <= renetcode::NETCODE_MAX_PACKET_BYTES && REQUEST_BYTES >= REPLY_BYTES);

/// Seconds a token may wait before the laptop uses it: it connects at once.
pub const TOKEN_EXPIRE_SECONDS: u64 = 30;

/// Seconds of silence netcode allows on a connection made with a token (the guard drops silent peers sooner).
pub const TOKEN_TIMEOUT_SECONDS: i32 = 15;

/// Token requests one address may send in a burst, and per second after it: a laptop sends a handful per join.
pub const REQUESTS_BURST: f64 = 8.0;
/// See [`REQUESTS_BURST`].
pub const REQUESTS_PER_SECOND: f64 = 1.0;

/// How long a request's nonce is remembered, so a replayed request gets no second token.
const NONCE_MEMORY: Duration = Duration::from_secs(120);

/// Nonces and addresses remembered at most: beyond this the oldest are forgotten.
const MAX_REMEMBERED: usize = 8192;

/// How many times, and how long each, a laptop waits for its token.
pub const FETCH_TRIES: u32 = 4;
/// See [`FETCH_TRIES`].
pub const FETCH_WAIT: Duration = Duration::from_millis(750);

/// Key-derivation contexts (blake3 `derive_key`): one for the identifier, one for the sealing key.
const IDENTIFIER_CONTEXT: &str = "TradeTable 2025 class join code identifier v1";
const REPLY_KEY_CONTEXT: &str = "TradeTable 2025 class connect token sealing key v1";

/// What a request names a code by: a keyed hash of it, from which the code cannot be read back.
pub fn code_identifier(code: &str) -> [u8; IDENTIFIER_BYTES] {
    let derived = blake3::derive_key(IDENTIFIER_CONTEXT, normalise_code(code).as_bytes());
    let mut identifier = [0u8; IDENTIFIER_BYTES];
    identifier.copy_from_slice(&derived[..IDENTIFIER_BYTES]);
    identifier
}

/// The key a reply to a request for `code` is sealed with.
pub fn reply_key(code: &str) -> [u8; 32] {
    blake3::derive_key(REPLY_KEY_CONTEXT, normalise_code(code).as_bytes())
}

/// `N` bytes from the operating system's random generator.
pub fn os_random<const N: usize>() -> Result<[u8; N], NetError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)?;
    Ok(bytes)
}

/// A token request for `code`, with the laptop's `nonce`.
pub fn request_datagram(code: &str, protocol_id: u64, nonce: &[u8; NONCE_BYTES]) -> Vec<u8> {
    let mut datagram = vec![0u8; REQUEST_BYTES];
    datagram[0] = REQUEST_PREFIX;
    datagram[1..9].copy_from_slice(&protocol_id.to_le_bytes());
    datagram[9..9 + IDENTIFIER_BYTES].copy_from_slice(&code_identifier(code));
    datagram[9 + IDENTIFIER_BYTES..9 + IDENTIFIER_BYTES + NONCE_BYTES].copy_from_slice(nonce);
    datagram
}

/// Why a token request got no token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RequestRefusal {
    /// Not [`REQUEST_BYTES`] long, or another protocol's.
    Malformed,
    /// No table's join code has this identifier.
    UnknownCode,
    /// The address asked more often than [`REQUESTS_PER_SECOND`] allows.
    TooOften,
    /// A nonce seen before: a replayed request.
    Replayed,
    /// The token could not be made or sealed (the system's random generator failed).
    Failed,
}

impl RequestRefusal {
    /// The refusal in words, for the guard's summary.
    pub fn words(self) -> &'static str {
        match self {
            RequestRefusal::Malformed => "a malformed connect token request (length or protocol)",
            RequestRefusal::UnknownCode => "a connect token request with no table's join code",
            RequestRefusal::TooOften => "connect token requests faster than the limit",
            RequestRefusal::Replayed => "a replayed connect token request",
            RequestRefusal::Failed => "a connect token request the host could not answer",
        }
    }
}

/// The identifier and nonce of a well-formed request.
pub fn read_request(
    datagram: &[u8],
    protocol_id: u64,
) -> Result<([u8; IDENTIFIER_BYTES], [u8; NONCE_BYTES]), RequestRefusal> {
    if datagram.len() != REQUEST_BYTES || datagram[0] != REQUEST_PREFIX || datagram[1..9] != protocol_id.to_le_bytes() {
        return Err(RequestRefusal::Malformed);
    }
    let mut identifier = [0u8; IDENTIFIER_BYTES];
    identifier.copy_from_slice(&datagram[9..9 + IDENTIFIER_BYTES]);
    let mut nonce = [0u8; NONCE_BYTES];
    nonce.copy_from_slice(&datagram[9 + IDENTIFIER_BYTES..9 + IDENTIFIER_BYTES + NONCE_BYTES]);
    Ok((identifier, nonce))
}

/// The associated data of a reply: what it answers.
fn reply_aad(identifier: &[u8; IDENTIFIER_BYTES], nonce: &[u8; NONCE_BYTES]) -> [u8; IDENTIFIER_BYTES + NONCE_BYTES] {
    let mut aad = [0u8; IDENTIFIER_BYTES + NONCE_BYTES];
    aad[..IDENTIFIER_BYTES].copy_from_slice(identifier);
    aad[IDENTIFIER_BYTES..].copy_from_slice(nonce);
    aad
}

/// The reply carrying `token` to the request `(identifier, nonce)`, sealed with `key` under the AEAD nonce `seal_nonce`.
pub fn seal_reply(
    token: &ConnectToken,
    key: &[u8; 32],
    identifier: &[u8; IDENTIFIER_BYTES],
    nonce: &[u8; NONCE_BYTES],
    seal_nonce: &[u8; NONCE_BYTES],
) -> Result<Vec<u8>, NetError> {
    let mut plain = Vec::with_capacity(TOKEN_PLAINTEXT_BYTES);
    token.write(&mut plain).map_err(NetError::WriteToken)?;
    if plain.len() > TOKEN_PLAINTEXT_BYTES {
        return Err(NetError::TokenTooLong(plain.len()));
    }
    plain.resize(TOKEN_PLAINTEXT_BYTES, 0);
    let cipher = XChaCha20Poly1305::new(Key::from_slice(key));
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(seal_nonce),
            Payload {
                msg: &plain,
                aad: &reply_aad(identifier, nonce),
            },
        )
        .map_err(|_| NetError::Seal)?;
    let mut reply = Vec::with_capacity(REPLY_BYTES);
    reply.push(REPLY_PREFIX);
    reply.extend_from_slice(nonce);
    reply.extend_from_slice(seal_nonce);
    reply.extend_from_slice(&sealed);
    Ok(reply)
}

/// The connect token in a reply to this laptop's request for `code` with `nonce`; an error for anything else (a
/// reply to another request, or to another code, or bytes that are no reply).
pub fn open_reply(reply: &[u8], code: &str, nonce: &[u8; NONCE_BYTES]) -> Result<ConnectToken, NetError> {
    if reply.len() != REPLY_BYTES || reply[0] != REPLY_PREFIX {
        return Err(NetError::NotAReply);
    }
    if reply[1..1 + NONCE_BYTES] != nonce[..] {
        return Err(NetError::OtherRequest);
    }
    let seal_nonce = &reply[1 + NONCE_BYTES..1 + 2 * NONCE_BYTES];
    let cipher = XChaCha20Poly1305::new(Key::from_slice(&reply_key(code)));
    let plain = cipher
        .decrypt(
            XNonce::from_slice(seal_nonce),
            Payload {
                msg: &reply[1 + 2 * NONCE_BYTES..],
                aad: &reply_aad(&code_identifier(code), nonce),
            },
        )
        .map_err(|_| NetError::WrongCode)?;
    ConnectToken::read(&mut Cursor::new(&plain[..])).map_err(NetError::NoTokenInReply)
}

/// A token bucket of requests for one address.
#[derive(Debug, Clone)]
struct Allowance {
    tokens: f64,
    at: Duration,
}

/// The host's half of the exchange: the join codes it answers for, each address's allowance and the nonces seen.
#[derive(Debug, Default)]
pub struct TokenIssuer {
    /// The sealing key of each join code, by the code's identifier.
    keys: HashMap<[u8; IDENTIFIER_BYTES], [u8; 32]>,
    allowances: HashMap<IpAddr, Allowance>,
    /// Nonces seen, by when; and the same by time, to forget the oldest first.
    seen: HashMap<[u8; NONCE_BYTES], Duration>,
    seen_order: BTreeMap<(Duration, [u8; NONCE_BYTES]), ()>,
    /// Whether this machine's own (loopback) requests are limited too (not by default: a rehearsal with many bot
    /// laptops on the host's machine asks for many tokens at once).
    limit_loopback: bool,
}

/// What the host needs to make a token: its netcode key, protocol, addresses and clock.
pub struct TokenTerms<'a> {
    /// The class's private netcode key.
    pub private_key: &'a [u8; NETCODE_KEY_BYTES],
    /// The netcode protocol id.
    pub protocol_id: u64,
    /// The addresses the netcode server knows itself by (the token's private part must name one).
    pub public_addresses: &'a [SocketAddr],
    /// The time since the Unix epoch, as the netcode server counts it.
    pub now: Duration,
}

impl TokenIssuer {
    /// An issuer for no join code yet; `limit_loopback`: whether requests from this machine are limited too.
    pub fn new(limit_loopback: bool) -> TokenIssuer {
        TokenIssuer {
            limit_loopback,
            ..TokenIssuer::default()
        }
    }

    /// Answers for exactly these join codes from now on (any others are forgotten).
    pub fn set_codes<'a>(&mut self, codes: impl IntoIterator<Item = &'a str>) {
        self.keys = codes
            .into_iter()
            .map(|code| (code_identifier(code), reply_key(code)))
            .collect();
    }

    /// How many join codes it answers for.
    pub fn codes(&self) -> usize {
        self.keys.len()
    }

    /// The reply to a request from `from`, with a fresh client id from the system, or why there is none.
    pub fn answer(&mut self, from: SocketAddr, datagram: &[u8], terms: &TokenTerms) -> Result<Vec<u8>, RequestRefusal> {
        let (identifier, nonce) = read_request(datagram, terms.protocol_id)?;
        self.take_allowance(from.ip(), terms.now)?;
        let key = *self.keys.get(&identifier).ok_or(RequestRefusal::UnknownCode)?;
        self.remember_nonce(nonce, terms.now)?;
        let client_id = u64::from_le_bytes(os_random::<8>().map_err(|_| RequestRefusal::Failed)?).max(1);
        let seal_nonce = os_random::<NONCE_BYTES>().map_err(|_| RequestRefusal::Failed)?;
        let token = ConnectToken::generate(
            terms.now,
            terms.protocol_id,
            TOKEN_EXPIRE_SECONDS,
            client_id,
            TOKEN_TIMEOUT_SECONDS,
            terms.public_addresses.iter().take(1).copied().collect(),
            None,
            terms.private_key,
        )
        .map_err(|_| RequestRefusal::Failed)?;
        seal_reply(&token, &key, &identifier, &nonce, &seal_nonce).map_err(|_| RequestRefusal::Failed)
    }

    fn take_allowance(&mut self, ip: IpAddr, now: Duration) -> Result<(), RequestRefusal> {
        if ip.is_loopback() && !self.limit_loopback {
            return Ok(());
        }
        if !self.allowances.contains_key(&ip) && self.allowances.len() >= MAX_REMEMBERED {
            // Forget the addresses whose allowance is whole again; a flood of addresses is refused until some are.
            self.allowances.retain(|_, allowance| {
                allowance.tokens + now.saturating_sub(allowance.at).as_secs_f64() * REQUESTS_PER_SECOND < REQUESTS_BURST
            });
            if self.allowances.len() >= MAX_REMEMBERED {
                return Err(RequestRefusal::TooOften);
            }
        }
        let allowance = self.allowances.entry(ip).or_insert(Allowance {
            tokens: REQUESTS_BURST,
            at: now,
        });
        let elapsed = now.saturating_sub(allowance.at).as_secs_f64();
        allowance.tokens = (allowance.tokens + elapsed * REQUESTS_PER_SECOND).min(REQUESTS_BURST);
        allowance.at = now;
        if allowance.tokens >= 1.0 {
            allowance.tokens -= 1.0;
            Ok(())
        } else {
            Err(RequestRefusal::TooOften)
        }
    }

    fn remember_nonce(&mut self, nonce: [u8; NONCE_BYTES], now: Duration) -> Result<(), RequestRefusal> {
        while let Some((&(at, old), _)) = self.seen_order.first_key_value() {
            if now.saturating_sub(at) < NONCE_MEMORY && self.seen_order.len() < MAX_REMEMBERED {
                break;
            }
            self.seen_order.remove(&(at, old));
            self.seen.remove(&old);
        }
        if self.seen.contains_key(&nonce) {
            return Err(RequestRefusal::Replayed);
        }
        self.seen.insert(nonce, now);
        self.seen_order.insert((now, nonce), ());
        Ok(())
    }
}

/// Asks the host at `server_addr` for a connect token for `code`: up to [`FETCH_TRIES`] requests, each waiting
/// [`FETCH_WAIT`] for the reply. Blocks for that long at most: run it on a thread, not in a frame. The token's
/// public list of server addresses is set to `server_addr`, where the laptop reached the host (the host knows itself
/// by the address it is bound to, which may be the unspecified one).
pub fn fetch_token(server_addr: SocketAddr, code: &str, protocol_id: u64) -> Result<ConnectToken, NetError> {
    let local = SocketAddr::new(
        match server_addr.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        },
        0,
    );
    let socket = UdpSocket::bind(local).map_err(|source| NetError::Socket { addr: local, source })?;
    let mut buffer = vec![0u8; REPLY_BYTES + 1];
    for _ in 0..FETCH_TRIES {
        let nonce = os_random::<NONCE_BYTES>()?;
        let request = request_datagram(code, protocol_id, &nonce);
        if let Err(error) = socket.send_to(&request, server_addr) {
            return Err(NetError::Unreachable {
                addr: server_addr,
                source: error,
            });
        }
        let deadline = Instant::now() + FETCH_WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            socket.set_read_timeout(Some(left)).map_err(NetError::Wait)?;
            let (len, from) = match socket.recv_from(&mut buffer) {
                Ok(received) => received,
                Err(error)
                    if matches!(
                        error.kind(),
                        std::io::ErrorKind::WouldBlock
                            | std::io::ErrorKind::TimedOut
                            | std::io::ErrorKind::Interrupted
                            | std::io::ErrorKind::ConnectionReset
                    ) =>
                {
                    continue;
                }
                Err(source) => {
                    return Err(NetError::Receive {
                        addr: server_addr,
                        source,
                    });
                }
            };
            if from != server_addr {
                continue;
            }
            // A late reply to an earlier try names that try's nonce and is passed over.
            if let Ok(mut token) = open_reply(&buffer[..len], code, &nonce) {
                token.server_addresses = [None; 32];
                token.server_addresses[0] = Some(server_addr);
                return Ok(token);
            }
        }
    }
    Err(NetError::NoToken {
        addr: server_addr,
        tries: FETCH_TRIES,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(private_key: &[u8; 32]) -> ConnectToken {
        ConnectToken::generate(
            Duration::from_secs(1_800_000_000),
            7,
            30,
            42,
            15,
            vec!["[2001:db8::1]:7878".parse().expect("an address")],
            None,
            private_key,
        )
        .expect("a token")
    }

    #[test]
    fn the_largest_token_fills_the_plaintext_of_a_reply_exactly() {
        let mut written = Vec::new();
        token(&[1; 32]).write(&mut written).expect("written");
        assert_eq!(
            written.len(),
            TOKEN_PLAINTEXT_BYTES,
            "an IPv6 token fills the plaintext"
        );
    }

    #[test]
    fn a_captured_reply_opens_with_the_code_and_with_nothing_else() {
        let code = "7K3QM-2XD0A-BCDEF";
        let nonce = [5u8; NONCE_BYTES];
        let sent = token(&[9; 32]);
        let reply = seal_reply(
            &sent,
            &reply_key(code),
            &code_identifier(code),
            &nonce,
            &[3; NONCE_BYTES],
        )
        .expect("sealed");
        assert_eq!(reply.len(), REPLY_BYTES);
        // The laptop with the code, typed any way, opens it.
        let opened = open_reply(&reply, "7k3qm 2xdoa bcdef", &nonce).expect("opened with the code");
        assert_eq!(opened, sent);
        // A listener who saw the request (its identifier and nonce) but has no code cannot.
        assert!(open_reply(&reply, "7K3QM-2XD0A-BCDEG", &nonce).is_err());
        assert!(open_reply(&reply, "", &nonce).is_err());
        // Nor does the reply open for another request.
        assert!(open_reply(&reply, code, &[6u8; NONCE_BYTES]).is_err());
        // The session keys are nowhere in the reply as sent.
        let in_reply = |needle: &[u8]| reply.windows(needle.len()).any(|w| w == needle);
        assert!(!in_reply(&sent.client_to_server_key));
        assert!(!in_reply(&sent.server_to_client_key));
        assert!(!in_reply(&sent.private_data[..64]));
        // Any changed byte of the sealed part is refused.
        for at in [1 + 2 * NONCE_BYTES, REPLY_BYTES / 2, REPLY_BYTES - 1] {
            let mut bent = reply.clone();
            bent[at] ^= 1;
            assert!(open_reply(&bent, code, &nonce).is_err(), "byte {at}");
        }
    }

    #[test]
    fn the_request_names_the_code_only_by_its_identifier() {
        let code = "7K3QM-2XD0A-BCDEF";
        let request = request_datagram(code, 7, &[0; NONCE_BYTES]);
        assert_eq!(request.len(), REQUEST_BYTES);
        let canonical = normalise_code(code);
        assert!(!request.windows(canonical.len()).any(|w| w == canonical.as_bytes()));
        assert_eq!(read_request(&request, 7), Ok((code_identifier(code), [0; NONCE_BYTES])));
        assert_eq!(read_request(&request, 8), Err(RequestRefusal::Malformed));
        assert_eq!(read_request(&request[..100], 7), Err(RequestRefusal::Malformed));
        assert_ne!(code_identifier(code), code_identifier("7K3QM-2XD0A-BCDEG"));
        assert_eq!(code_identifier(code), code_identifier("7k3qm2xdoabcdef"));
        assert_ne!(code_identifier(code)[..], reply_key(code)[..IDENTIFIER_BYTES]);
    }

    #[test]
    fn the_issuer_answers_its_codes_once_per_nonce_and_within_the_allowance() {
        let mut issuer = TokenIssuer::new(true);
        issuer.set_codes(["AAAAA-BBBBB-CCCCC"]);
        let addresses = ["127.0.0.1:7878".parse().expect("an address")];
        let key = [4u8; 32];
        let terms = TokenTerms {
            private_key: &key,
            protocol_id: 7,
            public_addresses: &addresses,
            now: Duration::from_secs(1_800_000_000),
        };
        let from: SocketAddr = "127.0.0.1:5000".parse().expect("an address");
        let request = request_datagram("aaaaa bbbbb ccccc", 7, &[1; NONCE_BYTES]);
        let reply = issuer.answer(from, &request, &terms).expect("a reply");
        let opened = open_reply(&reply, "AAAAA-BBBBB-CCCCC", &[1; NONCE_BYTES]).expect("opened");
        assert_eq!(opened.protocol_id, 7);
        assert_eq!(issuer.answer(from, &request, &terms), Err(RequestRefusal::Replayed));
        let wrong = request_datagram("AAAAA-BBBBB-CCCCD", 7, &[2; NONCE_BYTES]);
        assert_eq!(issuer.answer(from, &wrong, &terms), Err(RequestRefusal::UnknownCode));
        let mut refused_too_often = false;
        for n in 3..40u8 {
            let request = request_datagram("AAAAA-BBBBB-CCCCC", 7, &[n; NONCE_BYTES]);
            if issuer.answer(from, &request, &terms) == Err(RequestRefusal::TooOften) {
                refused_too_often = true;
                break;
            }
        }
        assert!(refused_too_often, "an address asking without pause is limited");
        issuer.set_codes([]);
        let later = TokenTerms {
            now: terms.now + Duration::from_secs(60),
            ..terms
        };
        let request = request_datagram("AAAAA-BBBBB-CCCCC", 7, &[99; NONCE_BYTES]);
        assert_eq!(issuer.answer(from, &request, &later), Err(RequestRefusal::UnknownCode));
    }
}
