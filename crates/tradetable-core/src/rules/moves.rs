//! What each side may do at the table, and when a move is legal: the moves, the rules `negotiation::apply`
//! checks them by, and [`Available`] — the same rules as a list the game builds its controls from.
//!
//! A turn is any number of unilateral actions (up to [`MAX_ACTIONS_PER_TURN`]) followed by exactly one move that
//! ends it: propose (or counter), accept, pass, or walk away.

use std::fmt;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::model::economy::{Policy, TradeAgreementStatus};
use crate::rules::package::Package;
pub use crate::rules::retaliation::{CounterTariffError, CounterTariffMove, CounterTariffMoves};
use crate::scenario::format;
use crate::scenario::schema::{Scenario, Side};

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
    /// The partner: set, announce, threaten or suspend one of its counter-tariffs (`rules::retaliation`).
    CounterTariff(CounterTariffMove),
    /// Either side: suspend the USJTA (Japan's MFN tariffs then apply to US goods).
    SuspendTradeAgreement,
    /// Either side: restore a suspended USJTA.
    RestoreTradeAgreement,
    /// Either side: terminate the USJTA; this collapses the talks.
    TerminateTradeAgreement,
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
            Move::Implement { .. } | Move::CounterTariff(_) => Some(Side::Partner),
            _ => None,
        }
    }
}

impl fmt::Display for Move {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Move::SetTariff { instrument, rate } => write!(f, "set {instrument} to {}%", format::percent(*rate)),
            Move::ScheduleTariff {
                instrument,
                rate,
                round,
            } => write!(
                f,
                "schedule {instrument} at {}% from round {round}",
                format::percent(*rate)
            ),
            Move::Threaten { instrument, rate } => write!(f, "threaten {instrument} at {}%", format::percent(*rate)),
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
            Move::CounterTariff(mv) => mv.fmt(f),
            Move::SuspendTradeAgreement => f.write_str("suspend the trade agreement"),
            Move::RestoreTradeAgreement => f.write_str("restore the trade agreement"),
            Move::TerminateTradeAgreement => f.write_str("terminate the trade agreement"),
            Move::Propose(_) => f.write_str("propose a package"),
            Move::Accept => f.write_str("accept the package on the table"),
            Move::Pass => f.write_str("pass"),
            Move::WalkAway => f.write_str("walk away"),
        }
    }
}

/// Why a move was refused. The state is unchanged when a move is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MoveError {
    /// The game has ended.
    #[error("the game is over")]
    GameOver,
    /// The move belongs to the other side.
    #[error("this move belongs to the other side")]
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
    /// The tariff or concession is already at this value: the action would change nothing but use up an action.
    #[error("\"{id}\" is already at {value}")]
    NoChange {
        /// The instrument or lever.
        id: String,
        /// The value in force.
        value: f64,
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
    TradeAgreement(&'static str),
    /// A counter-tariff move was refused.
    #[error(transparent)]
    CounterTariff(#[from] CounterTariffError),
    /// Too many unilateral actions in one turn.
    #[error("at most {MAX_ACTIONS_PER_TURN} actions per turn; end the turn")]
    TooManyActions,
}

/// The rounds a rise can be announced for, in round `round`: from the next round to the last.
pub fn schedulable_rounds(scenario: &Scenario, round: u32) -> RangeInclusive<u32> {
    round + 1..=scenario.rounds
}

/// The months an announced or threatened rise can be delayed by.
pub fn delay_months(scenario: &Scenario) -> RangeInclusive<u32> {
    1..=scenario.rounds
}

/// The imports an instrument covers, $bn a year: the ceiling of its tariff-free quota.
pub fn covered_imports_bn(scenario: &Scenario, instrument: usize) -> f64 {
    let ids = &scenario.us_instruments[instrument].sectors;
    scenario
        .sectors
        .iter()
        .filter(|s| ids.is_empty() || ids.contains(&s.id))
        .map(|s| s.us_imports_bn)
        .sum()
}

/// The sectors (indices) an instrument covers, which it can exempt.
pub fn covered_sectors(scenario: &Scenario, instrument: usize) -> Vec<usize> {
    let ids = &scenario.us_instruments[instrument].sectors;
    (0..scenario.sectors.len())
        .filter(|&s| ids.is_empty() || ids.contains(&scenario.sectors[s].id))
        .collect()
}

/// The rates an instrument can be threatened at: its options above the rate in force.
pub fn threat_rates(scenario: &Scenario, policy: &Policy, instrument: usize) -> Vec<f64> {
    let in_force = policy.us_rates[instrument];
    scenario.us_instruments[instrument]
        .options
        .iter()
        .copied()
        .filter(|&rate| rate > in_force)
        .collect()
}

/// What can be done to the trade agreement in its present state (nothing, when suspension is not in play).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TradeAgreementMoves {
    /// It is in force and can be suspended.
    pub suspend: bool,
    /// It is suspended and can be restored.
    pub restore: bool,
    /// It is not yet terminated.
    pub terminate: bool,
}

impl TradeAgreementMoves {
    /// The moves the agreement's state allows, if the scenario puts suspension in play.
    pub fn of(scenario: &Scenario, status: TradeAgreementStatus) -> TradeAgreementMoves {
        let in_play = scenario.suspension().is_some();
        TradeAgreementMoves {
            suspend: in_play && status == TradeAgreementStatus::InForce,
            restore: in_play && status == TradeAgreementStatus::Suspended,
            terminate: in_play && status != TradeAgreementStatus::Terminated,
        }
    }
}

/// What one US instrument allows now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentMoves {
    /// The instrument's index.
    pub instrument: usize,
    /// Rates it can be set to now (its options other than the rate in force).
    pub set_rates: Vec<f64>,
    /// Rates it can be threatened at (its options above the rate in force).
    pub threat_rates: Vec<f64>,
    /// Rates that can be announced for a later round (every option), if any round is left.
    pub schedule_rates: Vec<f64>,
    /// Rounds a rate can be announced for.
    pub schedule_rounds: RangeInclusive<u32>,
    /// Months an announced or threatened rise can be delayed by, if one is pending.
    pub delay_months: Option<RangeInclusive<u32>>,
    /// The ceiling of a tariff-free quota, $bn a year of covered imports.
    pub quota_ceiling_bn: f64,
    /// Sectors (indices) it covers, each of which can be exempted or have its exemption ended.
    pub exemptable: Vec<usize>,
}

/// What one Japanese lever allows now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeverMoves {
    /// The lever's index.
    pub lever: usize,
    /// Levels it can be put into force at now (its options other than the level in force).
    pub levels: Vec<f64>,
}

/// Everything a side may do now, besides proposing, accepting, passing and walking away: the legality query the
/// game's controls are built from (`GameState::available`). A move built from it is accepted by `apply`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Available {
    /// The side asked about.
    pub side: Side,
    /// Whether it may act at all: the game is on, it is its turn and it has actions left.
    pub can_act: bool,
    /// Unilateral actions left this turn.
    pub actions_left: u32,
    /// The US instruments (empty for Japan).
    pub instruments: Vec<InstrumentMoves>,
    /// The partner's levers (empty for the US).
    pub levers: Vec<LeverMoves>,
    /// The partner's counter-tariffs (empty for the US).
    pub counter_tariffs: Vec<CounterTariffMoves>,
    /// The trade agreement's moves (either side).
    pub trade_agreement: TradeAgreementMoves,
    /// Whether there is an offer from the other side to accept.
    pub can_accept: bool,
}
