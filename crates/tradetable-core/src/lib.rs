//! The rules of the game, with no engine: scenarios, the economy, politics, moves, the negotiation state machine,
//! events, scores, the AI, the analyses, scenario authoring, the classroom and the host of a networked class.
//! Deterministic given a seed; the command line, the tests and the Bevy game all drive it. It reads and writes no
//! file: it takes and returns text, bytes and values, and the shell stores them.
//!
//! The folders are layers, and a layer imports only from the layers below it (`tests/layers.rs` checks it):
//! `scenario` → `model` → `rules` → `ai` → `analysis` → `authoring` and `classroom` → `network`. The general
//! bargaining engine (`bargaining`) stands apart and imports none of them.
#![forbid(unsafe_code)]

pub mod ai;
pub mod analysis;
pub mod authoring;
pub mod bargaining;
pub mod classroom;
pub mod model;
pub mod network;
pub mod rules;
pub mod scenario;

pub use model::economy::{Conditions, Economy, Policy, TradeAgreementStatus};
pub use rules::moves::{Move, MoveError};
pub use rules::negotiation::{Applied, Event, EventKind, GameState, Outcome, OutcomeKind, apply};
pub use rules::package::{Package, PackageSpace};
pub use scenario::parse::ScenarioError;
pub use scenario::schema::Scenario;
pub use scenario::side::{Names, PerSide, Side};
