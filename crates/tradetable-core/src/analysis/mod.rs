//! What the games say, after or beside the rules: how one game moved (`game`: move labels, the negotiation dance,
//! value left on the table), a move before it is sent (`preview`: its figures, the rules it sets off, the
//! opponent's likely reaction), the utility plane and its Pareto frontier (`outcome_space`), a game's report with its
//! counterfactuals (`report`) and its verdict in words (`verdict`), every player against every other
//! (`tournament`) and the reference outcomes the tests and authors compare with (`reference`). It imports
//! `scenario`, `model`, `rules` and `ai`.

pub mod game;
pub mod outcome_space;
pub mod preview;
pub mod reference;
pub mod report;
pub mod tournament;
pub mod verdict;
