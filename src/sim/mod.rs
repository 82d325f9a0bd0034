//! The rules of the game, with no engine: scenarios, the economy, politics, moves, the negotiation state machine,
//! events, scores and the AI. Deterministic given a seed; the CLI, the tests and the Bevy game all drive it.

pub mod ai;
pub mod analysis;
pub mod backtest;
pub mod bargaining;
pub mod class;
pub mod debrief;
pub mod diagnostics;
pub mod economy;
pub mod events;
pub mod format;
pub mod host;
pub mod join_code;
pub mod labels;
pub mod library;
pub mod lint;
pub mod moves;
pub mod negotiation;
pub mod outcome_space;
pub mod package;
pub mod play;
pub mod politics;
pub mod protocol;
pub mod record;
pub mod reference;
pub mod report;
pub mod ron_spans;
pub mod scenario;
pub mod schema;
pub mod score;
pub mod side;
pub mod state;
pub mod summary;
pub mod tournament;
pub mod trade_agreement;

pub use economy::{Conditions, Economy, Policy, TradeAgreementStatus};
pub use moves::{Move, MoveError};
pub use negotiation::{Applied, Event, EventKind, GameState, Outcome, OutcomeKind, apply};
pub use package::{Package, PackageSpace};
pub use scenario::{Scenario, ScenarioError};
pub use side::{Names, PerSide, Side};
