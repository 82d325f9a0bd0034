//! What each side may do at the table, and when a move is legal.
//!
//! A turn is any number of unilateral actions (up to [`MAX_ACTIONS_PER_TURN`]) followed by exactly one move that
//! ends it: propose (or counter), accept, pass, or walk away.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::package::Package;
use super::scenario::Side;

/// Unilateral actions a side may take in one turn before it must end the turn.
pub const MAX_ACTIONS_PER_TURN: u32 = 8;

/// A move by the side whose turn it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Move {
    /// US: set an instrument's rate now (impose, raise, cut or lift); the rate must be one of its options.
    SetTariff {
        /// The instrument's id.
        instrument: String,
        /// The new rate.
        rate: f64,
    },
    /// US: announce that an instrument will rise to `rate` in a later round, unless deferred or settled.
    ScheduleTariff {
        /// The instrument's id.
        instrument: String,
        /// The rate.
        rate: f64,
        /// The round it takes effect in (after the current one).
        round: u32,
    },
    /// US: threaten a rate without a date; it does nothing by itself but weighs on investment and the other side.
    Threaten {
        /// The instrument's id.
        instrument: String,
        /// The threatened rate.
        rate: f64,
    },
    /// US: push back every scheduled rise of an instrument by some months (and drop its open threat).
    Delay {
        /// The instrument's id.
        instrument: String,
        /// Months of delay (at least 1).
        months: u32,
    },
    /// US: a tariff-rate quota, under which this many $bn a year of covered imports pay no instrument tariff.
    SetQuota {
        /// The instrument's id.
        instrument: String,
        /// In-quota imports, $bn a year.
        quota_bn: f64,
    },
    /// US: exempt a sector from an instrument (or end its exemption).
    Exempt {
        /// The instrument's id.
        instrument: String,
        /// The sector's id.
        sector: String,
        /// True to exempt, false to end the exemption.
        exempt: bool,
    },
    /// Japan: put a concession into force now, as a goodwill gesture (the level must be one of its options).
    Implement {
        /// The lever's id.
        lever: String,
        /// The level.
        level: f64,
    },
    /// Either side: suspend the USJTA (Japan's MFN tariffs then apply to US goods).
    SuspendUsjta,
    /// Either side: restore a suspended USJTA.
    RestoreUsjta,
    /// Either side: terminate the USJTA; this collapses the talks.
    TerminateUsjta,
    /// End the turn by putting a package on the table (a counter-offer if one was there).
    Propose(Package),
    /// End the turn by accepting the other side's package on the table: the deal is signed.
    Accept,
    /// End the turn without an offer; an offer from the other side on the table is rejected.
    Pass,
    /// End the talks without a deal.
    WalkAway,
}

impl Move {
    /// Whether the move ends the mover's turn.
    pub fn ends_turn(&self) -> bool {
        matches!(self, Move::Propose(_) | Move::Accept | Move::Pass | Move::WalkAway)
    }

    /// Which side may make this move, if only one may.
    pub fn only_for(&self) -> Option<Side> {
        match self {
            Move::SetTariff { .. }
            | Move::ScheduleTariff { .. }
            | Move::Threaten { .. }
            | Move::Delay { .. }
            | Move::SetQuota { .. }
            | Move::Exempt { .. } => Some(Side::Us),
            Move::Implement { .. } => Some(Side::Japan),
            _ => None,
        }
    }
}

impl fmt::Display for Move {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Move::SetTariff { instrument, rate } => write!(f, "set {instrument} to {}%", pct(*rate)),
            Move::ScheduleTariff {
                instrument,
                rate,
                round,
            } => write!(f, "schedule {instrument} at {}% from round {round}", pct(*rate)),
            Move::Threaten { instrument, rate } => write!(f, "threaten {instrument} at {}%", pct(*rate)),
            Move::Delay { instrument, months } => write!(f, "delay {instrument} by {months} month(s)"),
            Move::SetQuota { instrument, quota_bn } => {
                write!(f, "quota of ${quota_bn}bn/yr under {instrument}")
            }
            Move::Exempt {
                instrument,
                sector,
                exempt: true,
            } => write!(f, "exempt {sector} from {instrument}"),
            Move::Exempt { instrument, sector, .. } => write!(f, "end the exemption of {sector} from {instrument}"),
            Move::Implement { lever, level } => write!(f, "implement {lever} at {level}"),
            Move::SuspendUsjta => f.write_str("suspend the USJTA"),
            Move::RestoreUsjta => f.write_str("restore the USJTA"),
            Move::TerminateUsjta => f.write_str("terminate the USJTA"),
            Move::Propose(_) => f.write_str("propose a package"),
            Move::Accept => f.write_str("accept the package on the table"),
            Move::Pass => f.write_str("pass"),
            Move::WalkAway => f.write_str("walk away"),
        }
    }
}

fn pct(rate: f64) -> String {
    let s = format!("{:.1}", rate * 100.0);
    s.trim_end_matches(".0").to_string()
}

/// Why a move was refused. The state is unchanged when a move is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MoveError {
    /// The game has ended.
    #[error("the game is over")]
    GameOver,
    /// The move belongs to the other side.
    #[error("only {0} may make this move")]
    WrongSide(Side),
    /// No instrument or lever has this id.
    #[error("unknown {what} \"{id}\"")]
    Unknown {
        /// What was looked for.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// The value is not among the options.
    #[error("{value} is not an option of \"{id}\"; options are {options:?}")]
    NotAnOption {
        /// The instrument or lever.
        id: String,
        /// The value given.
        value: f64,
        /// What is allowed.
        options: Vec<f64>,
    },
    /// A round outside the game or not after the current one.
    #[error("round {round} is not between the next round and the last round ({last})")]
    BadRound {
        /// The round given.
        round: u32,
        /// The last round.
        last: u32,
    },
    /// A quantity out of range.
    #[error("{0}")]
    OutOfRange(String),
    /// Nothing from the other side to accept.
    #[error("there is no offer from the other side to accept")]
    NothingToAccept,
    /// The package does not fit the scenario's issues.
    #[error("the package does not match the scenario's issues")]
    MalformedPackage,
    /// The USJTA is not in a state that allows this.
    #[error("{0}")]
    Usjta(&'static str),
    /// Too many unilateral actions in one turn.
    #[error("at most {MAX_ACTIONS_PER_TURN} actions per turn; end the turn")]
    TooManyActions,
}
