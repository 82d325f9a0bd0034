//! The `Negotiator` interface: anything that can sit at the table, whether an agent of this folder, a person at the
//! game's controls or a remote team, asked for one move at a time.

use crate::rules::moves::Move;
use crate::rules::negotiation::GameState;
use crate::scenario::schema::Scenario;

/// Anything that can sit at the table: asked for one move at a time while it is its turn.
pub trait Negotiator: Send + Sync {
    /// A name for transcripts.
    fn name(&self) -> String;
    /// The next move for the side whose turn it is; the turn goes on until a move that ends it.
    fn next_move(&mut self, scenario: &Scenario, state: &GameState) -> Move;
    /// Why it made its last move, in plain sentences; none if it cannot say.
    fn reasons(&self) -> Vec<String> {
        Vec::new()
    }
}
