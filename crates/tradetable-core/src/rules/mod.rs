//! The rules of the game: the package a deal is made of (`package`), what each side may do (`moves`), the partner's counter-tariffs (`retaliation`), back-dated tariff cuts
//! (`back_dating`), the state of
//! a game and its records (`state`), scheduled and random events (`events`) and
//! why each happened (`explain`), the vote on the trade agreement
//! (`trade_agreement`), the state machine every move goes through (`negotiation::apply`) and the scores
//! (`score`). It imports only `scenario` and `model`.

pub mod back_dating;
pub mod events;
pub mod explain;
pub mod moves;
pub mod negotiation;
pub mod package;
pub mod retaliation;
pub mod score;
pub mod state;
pub mod trade_agreement;
