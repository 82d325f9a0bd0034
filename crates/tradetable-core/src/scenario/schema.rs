//! The scenario file: its RON schema, loading with size limits, and validation that names the line and column at fault.
//!
//! Every number a scenario holds carries a `source` note; the engine reads nothing that is not written in the file
//! (no field has a hidden default), so a teacher can point at the line behind any figure the game shows. The one
//! optional list is `personalities`: a scenario without it offers only the built-in strategies and difficulties.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::scenario::format::LeverUnit;
use crate::scenario::format::parse_year_month;
use crate::scenario::ron_spans::{FieldPath, PathStep, Position, SpanIndex};
use crate::scenario::side::Partner;
pub use crate::scenario::side::{Names, PerSide, Side};

/// A scenario may offer at most this many class injects (a table code has a bit for each).
pub const MAX_INJECTS: usize = 5;

/// Scenario and save files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The largest money figure a scenario may hold, in $bn (a year, for flows): several times all goods trade
/// ($230bn in 2024), so any real figure fits and a slip of the exponent (`1e308`) does not.
pub const MAX_BILLIONS: f64 = 10_000.0;

/// The largest magnitude of a trade elasticity: published import-demand elasticities lie within about −10.
pub const MAX_ELASTICITY: f64 = 50.0;

/// The most units of the partner's currency a dollar may buy (the Iranian rial and Vietnamese dong are in the tens of
/// thousands; the yen has not been above 360 since 1971).
pub const MAX_CURRENCY_PER_DOLLAR: f64 = 1_000_000.0;

/// The fewest units of the partner's currency a dollar may buy (the Kuwaiti dinar is about 0.3): flows are restated at
/// the ratio of two rates, which a rate near zero would blow up.
pub const MIN_CURRENCY_PER_DOLLAR: f64 = 0.01;

/// The largest magnitude of a model figure an objective or red line names ($bn, percentage points, approval).
pub const MAX_FIGURE: f64 = 100_000.0;

/// The largest magnitude of a constituency's reaction, in approval points per unit of its indicator.
pub const MAX_REACTION: f64 = 1_000.0;

/// The largest relative weight of a constituency or objective.
pub const MAX_WEIGHT: f64 = 1_000.0;

/// A whole scenario: the starting position, the rules of the table, and how each side keeps score.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short identifier, unique among shipped scenarios.
    pub id: String,
    /// Title shown on the scenario picker.
    pub title: String,
    /// What a student reads before playing.
    pub description: String,
    /// The country across the table from the United States: its names, its currency and its legislature.
    pub partner: Partner,
    /// Month of round 1, as `YYYY-MM`; round `r` is `r - 1` months later.
    pub start: String,
    /// Number of rounds; a round is a month. The deadline is the end of the last round.
    pub rounds: u32,
    /// Exchange rates and how flows respond to them.
    pub exchange: Exchange,
    /// How fast trade responds to a change, and how far ahead a package is judged.
    pub dynamics: Dynamics,
    /// Low and high parameter sets spanning the published range, for the bands on every figure.
    pub sensitivity: Sensitivity,
    /// Goods trade between the US and the partner, by sector.
    pub sectors: Vec<Sector>,
    /// The US tariff instruments (Section 232, AFTP blanket, RTT reciprocal).
    pub us_instruments: Vec<TariffInstrument>,
    /// The partner's concessions (standards, purchases, investment, tariff cuts, cooperation).
    pub partner_levers: Vec<ConcessionLever>,
    /// The partner's direct investment into the US.
    pub investment: InvestmentModel,
    /// The trade agreement in force between the US and the partner, and whether the partner's legislature may
    /// suspend it. Absent when there is none: no sector may then carry the `TradeAgreement` flag.
    pub trade_agreement: Option<TradeAgreement>,
    /// Constituencies on each side and what they react to.
    pub politics: Politics,
    /// Events fixed in the calendar (tariffs taking effect, elections).
    pub scheduled_events: Vec<ScheduledEvent>,
    /// Events that may happen each round, drawn from the seeded generator.
    pub random_events: Vec<RandomEvent>,
    /// What each side is scored on.
    pub objectives: Objectives,
    /// The deal that really happened, for the debrief's comparison.
    pub actual_deal: Option<ActualDeal>,
    /// Computer opponents with a character of their own (see `docs/ai.md`). Optional: an absent list is empty, and
    /// The game then offers only the built-in strategies and difficulties.
    #[serde(default)]
    pub personalities: Vec<Personality>,
    /// Shocks a teacher may switch on for a whole class (`tradetable class new --inject ID`): each fires in its round
    /// at every table, so every table meets the same news. Optional: an absent list is empty.
    #[serde(default)]
    pub injects: Vec<Inject>,
    /// Each side's confidential brief, shown only to that side (behind the hotseat handover, on its half of the class
    /// sheet). Optional.
    #[serde(default)]
    pub briefs: Option<PerSide<Brief>>,
    /// The policy that was really in force month by month and what was observed, for `tradetable backtest`.
    /// Optional: a scenario without it cannot be backtested.
    #[serde(default)]
    pub history: Option<History>,
    /// Coaching for a tutorial: a note the table shows in a round (to one side, or to both), teaching the screen.
    /// Optional: an absent list is empty.
    #[serde(default)]
    pub coaching: Vec<Coaching>,
    /// The BLAKE3 hash of the file's text, in hex: which version of the scenario a record or table code was made
    /// with. Not part of the file.
    #[serde(skip)]
    pub text_hash: String,
}

/// The trade agreement between the US and the partner.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TradeAgreement {
    /// The short name, as tables and buttons show it: "USJTA", "KORUS".
    pub name: String,
    /// The full name inside a sentence: "the 2019 US–Japan Trade Agreement".
    pub full_name: String,
    /// How the partner's legislature may suspend it under US tariff pressure. Absent: suspension is not in play, the
    /// agreement stays in force and no side is offered a move on it.
    pub suspension: Option<SuspensionRules>,
}

/// How fast trade responds to a change, and how far ahead a package is judged.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dynamics {
    /// Months after a price change before volumes start to respond: goods arriving were ordered and contracted
    /// before it (prices respond at once).
    pub volume_lag_months: u32,
    /// Share of the remaining gap to their long-run response that volumes close each month (partial adjustment,
    /// 0–1; 1 responds in full at once).
    pub volume_adjustment_per_month: f64,
    /// How many months after signing a package is valued: the month whose figures the sides weigh.
    pub valuation_months: u32,
    /// Where the figures come from.
    pub source: String,
}

/// Low and high parameter sets, applied to every sector to show which conclusions are robust.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sensitivity {
    /// The set with the smaller response of trade.
    pub low: ParameterSet,
    /// The set with the larger response of trade.
    pub high: ParameterSet,
    /// Where the range comes from.
    pub source: String,
}

/// A change to the central parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterSet {
    /// Multiplier on every import-demand elasticity.
    pub elasticity_scale: f64,
    /// Added to every pass-through share (initial and long-run), kept within 0–1.
    pub pass_through_shift: f64,
    /// Multiplier on the monthly adjustment speed, kept within 0–1.
    pub adjustment_scale: f64,
}

/// Which parameter set a figure was computed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// The smaller response of trade.
    Low,
    /// The scenario as written.
    Central,
    /// The larger response of trade.
    High,
}

impl Variant {
    /// The three sets, low first.
    pub const ALL: [Variant; 3] = [Variant::Low, Variant::Central, Variant::High];

    /// The name in tables and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Variant::Low => "low",
            Variant::Central => "central",
            Variant::High => "high",
        }
    }
}

/// What really happened: the policy in force month by month and the figures observed, for the backtest.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The first month of the period, `YYYY-MM`; the scenario's flows are the year before it.
    pub start: String,
    /// Months in the period.
    pub months: u32,
    /// Units of the partner's currency a dollar bought over the period, to convert the model's dollars into the
    /// currency of observed figures.
    pub currency_per_dollar: f64,
    /// Policy changes, each from the month it applied for at least half of.
    pub changes: Vec<PolicyChange>,
    /// Observed figures to compare with.
    pub observed: Vec<Observation>,
    /// Where the exchange rate comes from, and how dates were rounded to months.
    pub source: String,
}

/// Instruments and levers set to new values from a month on.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyChange {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Instrument rates and lever levels by id (any value in range, not only the options: this is what was done).
    pub set: BTreeMap<String, f64>,
    /// Sectors exempted from an instrument from this month on, by instrument id (an empty list lifts every
    /// exemption). Optional.
    #[serde(default)]
    pub exempt: BTreeMap<String, Vec<String>>,
    /// Where the dates and rates come from.
    pub source: String,
}

/// A figure of the economy that was observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Measure {
    /// Value of US imports from the partner (the partner's exports to the US).
    ImportValue,
    /// Volume of US imports from the partner.
    ImportVolume,
    /// The partner's exporters' price of goods sold to the US.
    ExportPrice,
    /// The bilateral goods balance (US deficit, the partner's surplus).
    Balance,
}

/// The currency an observed value was measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Currency {
    /// The partner's currency: the model's dollars are converted at the scenario's and the history's rates.
    Partner,
    /// Dollars, as the model computes.
    Dollar,
    /// Not a money value (volumes, price indices in contract currency).
    NotMoney,
}

/// One observed figure: its change on a year earlier.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// What was measured.
    pub measure: Measure,
    /// The sector, or all goods when absent.
    pub sector: Option<String>,
    /// The month, or the whole period when absent.
    pub month: Option<String>,
    /// Percent change on the same period a year earlier.
    pub change_pct: f64,
    /// The currency of the observed figure.
    pub currency: Currency,
    /// Where it comes from.
    pub source: String,
}

/// Exchange rates: the current rate, and a base-year rate to restate the deficit as the paper does.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    /// Units of the partner's currency a dollar buys now (the rate at which the scenario's flows were measured).
    pub currency_per_dollar: f64,
    /// Year of the comparison rate.
    pub base_year: u32,
    /// Units of the partner's currency a dollar bought in the base year.
    pub base_currency_per_dollar: f64,
    /// Change in US imports from the partner (in $) per unit change in the partner's currency per dollar, relative: imports × (1 + e × Δrate/rate).
    pub import_fx_elasticity: f64,
    /// Change in US exports to the partner per unit relative change of the rate: exports × (1 − e × Δrate/rate).
    pub export_fx_elasticity: f64,
    /// Where the figures come from.
    pub source: String,
}

/// Properties of a sector that rules refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
pub enum SectorFlag {
    /// Autos and auto parts: drives the hazard to the trade agreement and the auto constituencies.
    Auto,
    /// Steel and aluminium.
    Steel,
    /// US farm exports.
    Farm,
    /// The partner's tariff is bound by the trade agreement; if the agreement lapses, the partner's MFN rate applies.
    TradeAgreement,
    /// Under a national-security (Section 232) probe.
    SecurityProbe,
}

/// How much of a tariff increase reaches US buyers; the rest is absorbed by the partner's exporters' prices.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PassThrough {
    /// Share passed on in the first month after a tariff rises (0–1).
    pub initial: f64,
    /// Share passed on once exporters have adjusted (0–1).
    pub long_run: f64,
    /// Months to move from `initial` to `long_run`, linearly.
    pub months: u32,
}

/// One sector of goods trade.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// Identifier that levers and instruments refer to.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// US imports from the partner, $bn a year, before any move.
    pub us_imports_bn: f64,
    /// US exports to the partner, $bn a year, before any move.
    pub us_exports_bn: f64,
    /// US MFN tariff now (fraction: 0.025 is 2.5%), before any instrument.
    pub us_tariff: f64,
    /// The partner's applied tariff on US goods now.
    pub partner_tariff: f64,
    /// The partner's MFN tariff, which applies to US goods if the trade agreement lapses.
    pub partner_mfn_tariff: f64,
    /// US import-demand elasticity for these goods (negative).
    pub us_import_elasticity: f64,
    /// The partner's import-demand elasticity for US goods of this sector (negative).
    pub partner_import_elasticity: f64,
    /// Share of a US tariff passed to US buyers.
    pub pass_through: PassThrough,
    /// What rules apply to the sector.
    pub flags: Vec<SectorFlag>,
    /// Where the figures come from; "estimate" where a split has no source.
    pub source: String,
}

impl Sector {
    /// Whether the sector carries `flag`.
    pub fn has(&self, flag: SectorFlag) -> bool {
        self.flags.contains(&flag)
    }
}

/// The legal basis of a US tariff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum InstrumentKind {
    /// National security tariffs on named goods; goods under one are exempt from blanket and reciprocal tariffs.
    Section232,
    /// The AFTP blanket tariff on all goods.
    Blanket,
    /// RTT reciprocal tariffs matched to the partner's tariffs and non-tariff barriers.
    Reciprocal,
}

/// A US tariff instrument: the unilateral lever, and an issue of any package.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TariffInstrument {
    /// Identifier used in moves, packages and scheduled events.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// Legal basis.
    pub kind: InstrumentKind,
    /// Sectors it covers; empty means every sector.
    pub sectors: Vec<String>,
    /// Rate in force at the start (fraction).
    pub rate_now: f64,
    /// The rates the US may impose or offer, lowest first.
    pub options: Vec<f64>,
    /// If true the rate is all-in (it replaces the MFN rate where higher) rather than added on top.
    pub all_in: bool,
    /// Rounds after a deal is signed before a new rate of this instrument takes effect (the order implementing it).
    pub deal_lag_rounds: u32,
    /// A sentence for the player.
    pub explanation: String,
    /// Where the rates come from.
    pub source: String,
}

/// What a concession of the partner's does to the economy.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub enum ConcessionEffect {
    /// A purchase commitment in $bn a year; `additionality` is the share that is new trade, not diverted or planned.
    Purchase {
        /// Sector whose US exports rise.
        sector: String,
        /// Share of the commitment that adds to US exports (0–1).
        additionality: f64,
    },
    /// An investment pledge in $bn, delivered over `years`; `additionality` is the share that is new.
    Investment {
        /// Years over which the pledge is spent.
        years: f64,
        /// Share of the pledge that adds to the inflow (0–1).
        additionality: f64,
    },
    /// Cuts the partner's tariff on the sectors by the chosen share (0–1).
    TariffCut {
        /// Sectors on which the partner's tariff falls.
        sectors: Vec<String>,
    },
    /// Opens a quota: US exports of the sector rise by `bn_per_unit` $bn a year per unit of the level.
    QuotaExpansion {
        /// Sector whose US exports rise.
        sector: String,
        /// $bn a year of exports per unit of the level.
        bn_per_unit: f64,
    },
    /// Recognises US standards: exports rise by `bn_per_unit` per unit at full effect.
    StandardsRecognition {
        /// Sector whose US exports rise.
        sector: String,
        /// $bn a year of exports at full effect per unit of the level.
        bn_per_unit: f64,
    },
    /// Cooperation with no direct trade effect (export controls, investment screening, sanctions).
    Cooperation,
}

/// A concession of the partner's: a unilateral gesture, and an issue of any package.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConcessionLever {
    /// Identifier used in moves and packages.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// What the level counts, which decides how it reads: `BillionsPerYear` ($7bn/yr), `Billions` ($550bn),
    /// `Share` (0–1, read as 75%) or `YesNo` (0 or 1).
    pub unit: LeverUnit,
    /// Levels the partner may offer, lowest (nothing) first.
    pub options: Vec<f64>,
    /// What it does.
    pub effect: ConcessionEffect,
    /// Months from a change of the level to its full effect on trade and investment, phasing in linearly (0: at once).
    pub phase_in_months: u32,
    /// The partner's cost per unit of the level, in $bn-equivalent a year (money, lost rents, political capital).
    pub cost_per_unit: f64,
    /// A sentence for the player.
    pub explanation: String,
    /// Where the figures come from.
    pub source: String,
}

/// The partner's direct investment into the US.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvestmentModel {
    /// Inflow a year with no pledges and no threats, $bn.
    pub baseline_inflow_bn: f64,
    /// Share of the inflow held back when uncertainty is total and nothing is settled (0–1).
    pub uncertainty_drag: f64,
    /// Threatened tariff, in trade-weighted percentage points above the rates in force, at which uncertainty is total.
    pub full_uncertainty_points: f64,
    /// Uncertainty while no deal settles the rates, before any threat (0–1); a signed deal removes it.
    pub unsettled_uncertainty: f64,
    /// Where the figures come from.
    pub source: String,
}

/// How the partner's legislature may suspend, then terminate, the trade agreement under US auto tariffs.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SuspensionRules {
    /// Whole US tariff on autos and parts (MFN and instruments, weighted by imports) above which the legislature's
    /// pressure to suspend builds (fraction).
    pub auto_tariff_threshold: f64,
    /// Chance of suspension each month with no pressure.
    pub hazard_base: f64,
    /// Added chance per percentage point of auto tariff above the threshold.
    pub hazard_per_point: f64,
    /// The partner's overall approval below which a weak cabinet is pushed to act.
    pub approval_floor: f64,
    /// Added chance per approval point below the floor.
    pub hazard_per_approval_point: f64,
    /// Consecutive months above the threshold after which the legislature suspends for certain.
    pub rounds_to_certain_suspension: u32,
    /// Months of suspension with auto tariffs still above the threshold after which the legislature terminates it.
    pub terminate_after_rounds: u32,
    /// Where the rule comes from.
    pub source: String,
}

/// A figure of the model that constituencies react to and objectives score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Indicator {
    /// US goods deficit with the partner, $bn a year.
    GoodsDeficitBn,
    /// The deficit at base-year exchange rates.
    GoodsDeficitBaseFxBn,
    /// The deficit minus the deficit before any move.
    DeficitChangeBn,
    /// US tariff revenue on goods from the partner, $bn a year.
    TariffRevenueBn,
    /// Cost of the tariffs to US buyers, $bn a year.
    ConsumerCostBn,
    /// Fall in the partner's export earnings from the US since the start, $bn a year.
    PartnerExportLossBn,
    /// The part of that loss in autos and parts.
    AutoExportLossBn,
    /// US farm exports to the partner, $bn a year.
    FarmExportsBn,
    /// US farm exports minus their value before any move.
    FarmExportsChangeBn,
    /// The partner's investment inflow, $bn a year.
    InvestmentInflowBn,
    /// Investment inflow minus the inflow before any move.
    InvestmentChangeBn,
    /// 1 while the trade agreement is in force, else 0.
    TradeAgreementInForce,
    /// 1 once the trade agreement is suspended or terminated, else 0.
    TradeAgreementLapsed,
    /// Uncertainty from open threats (0–1).
    Uncertainty,
    /// The highest additional US tariff on autos, in percentage points.
    AutoTariffPoints,
    /// 1 once a deal is signed, else 0.
    DealSigned,
    /// The partner's cost of the concessions in force, $bn-equivalent a year.
    ConcessionCostBn,
    /// The level of one of the partner's levers in force, in the lever's unit (1 for a yes, $bn, a share).
    Lever(String),
    /// The rate of one US instrument in force, in percentage points: 25 for a 25% tariff.
    TariffPoints(String),
    /// US overall approval (0–100): for objectives only.
    UsApproval,
    /// The partner's overall approval (0–100): for objectives only.
    PartnerApproval,
}

/// One constituency's response to a figure: its approval target moves by `per_unit` for each unit of the indicator.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reaction {
    /// The figure it watches.
    pub indicator: Indicator,
    /// Approval points per unit of the figure.
    pub per_unit: f64,
}

/// A group whose approval counts towards a government's standing.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Constituency {
    /// Identifier used by events.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// Weight in the side's overall approval.
    pub weight: f64,
    /// Approval before any move (0–100).
    pub approval: f64,
    /// What moves its approval.
    pub reactions: Vec<Reaction>,
    /// Where the starting figure comes from.
    pub source: String,
}

/// One side's politics.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SidePolitics {
    /// Share of the gap to its target that approval closes each month (0–1).
    pub inertia: f64,
    /// Overall approval below which the government falls.
    pub fall_below: f64,
    /// The constituencies.
    pub constituencies: Vec<Constituency>,
    /// Where `inertia` and `fall_below` come from.
    pub source: String,
}

/// Both sides' politics: the US administration's constituencies and the partner's government's.
pub type Politics = PerSide<SidePolitics>;

/// What a scheduled event does.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub enum ScheduledKind {
    /// A threatened tariff takes effect unless the US has deferred or settled it.
    TariffTakesEffect {
        /// The instrument.
        instrument: String,
        /// Its new rate.
        rate: f64,
    },
    /// An election: below `threshold` overall approval the government loses ground (`loss` points to every
    /// constituency), and falls if it ends below its `fall_below` line.
    Election {
        /// Whose election.
        side: Side,
        /// Overall approval needed to hold on.
        threshold: f64,
        /// Approval lost by every constituency when below the threshold.
        loss: f64,
    },
}

/// An event fixed in the calendar.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduledEvent {
    /// The round it happens in, at the end of the round's moves.
    pub round: u32,
    /// The headline in the news feed.
    pub news: String,
    /// What it does.
    pub kind: ScheduledKind,
    /// Where it comes from.
    pub source: String,
}

/// What a random event does.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub enum EventEffect {
    /// The partner's currency moves by `change_pct` percent against the dollar (positive: a weaker currency, more of it per dollar).
    Fx {
        /// Percent change of the partner's currency per dollar.
        change_pct: f64,
    },
    /// A shock to approval: one constituency, or every one of the side if `constituency` is absent.
    Approval {
        /// Whose approval.
        side: Side,
        /// Which constituency; all if absent.
        constituency: Option<String>,
        /// Points added (negative: lost).
        delta: f64,
    },
    /// The partner's investment inflow moves by `change_pct` percent from then on.
    Investment {
        /// Percent change.
        change_pct: f64,
    },
}

/// An event that may happen in a round.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RandomEvent {
    /// Identifier.
    pub id: String,
    /// The headline in the news feed.
    pub news: String,
    /// Chance each round (0–1).
    pub probability: f64,
    /// First round it may happen in.
    pub from_round: u32,
    /// Last round it may happen in.
    pub to_round: u32,
    /// What it does.
    pub effect: EventEffect,
    /// Why it is in the scenario.
    pub source: String,
}

/// A class-wide shock: fires in its round at every table of a class that switched it on.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    /// Identifier, as given to `class new --inject`.
    pub id: String,
    /// The round it fires at the end of.
    pub round: u32,
    /// The headline in the news feed.
    pub news: String,
    /// What it does.
    pub effect: EventEffect,
    /// Why it is in the scenario, and where its size comes from.
    pub source: String,
}

/// A note of a tutorial, shown at the table in its round.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coaching {
    /// The round it is shown in.
    pub round: u32,
    /// The side it is for; absent: both.
    #[serde(default)]
    pub side: Option<Side>,
    /// What it says: what to look at and what to try.
    pub text: String,
}

/// A side's confidential brief: what its team reads before the talks and keeps to itself.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// What the side's principals want from the talks.
    pub goals: String,
    /// The point below which the team should rather walk away.
    pub walk_away: String,
    /// What the team must not reveal to the other side.
    pub keep_private: String,
}

/// One objective a side is scored on.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Identifier.
    pub id: String,
    /// Name shown in the score breakdown.
    pub name: String,
    /// The figure scored, averaged over the rounds.
    pub indicator: Indicator,
    /// Value that scores 0.
    pub worst: f64,
    /// Value that scores 100.
    pub best: f64,
    /// Beyond `best` the score falls again, to 0 at this value (a target, not "the more the better"); absent: the
    /// score stays at 100 beyond `best`.
    pub beyond_best: Option<f64>,
    /// Weight in the side's score.
    pub weight: f64,
    /// Why this scale and weight.
    pub source: String,
}

/// Both sides' objectives.
pub type Objectives = PerSide<Vec<Objective>>;

/// The deal that really happened, as package terms signed in a given round.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActualDeal {
    /// How the game names it in a sentence: "the July 2025 deal".
    pub label: String,
    /// The round it was signed in.
    pub round: u32,
    /// A sentence for the debrief.
    pub description: String,
    /// The level of every issue: instrument and lever ids to values among their options.
    pub terms: BTreeMap<String, f64>,
    /// Where the terms come from.
    pub source: String,
}

/// A computer opponent's character: how it bids and concedes, what it prizes beyond the side's objectives, the
/// lines it will not cross and the moves it makes away from the package table. Built into an agent by `ai`.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Personality {
    /// Identifier used on the command line and in the game's opponent picker.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// The side it plays.
    pub side: Side,
    /// A sentence for the player.
    pub description: String,
    /// How it chooses its next offer.
    pub bidding: BiddingStyle,
    /// Multipliers on the side's objective weights, by objective id (2.0 prizes an objective twice as much).
    pub objective_weights: BTreeMap<String, f64>,
    /// Utility (0–1) it gives up, beyond what the model says, for each option step an issue moves away from what
    /// it wants most; issues with a higher reluctance are conceded later.
    pub reluctance: BTreeMap<String, f64>,
    /// Packages it will neither propose nor accept.
    pub red_lines: Vec<RedLine>,
    /// Unilateral moves it makes on a calendar: US threats, the partner's goodwill gestures.
    pub gestures: Vec<Gesture>,
    /// Whether it answers threats and gestures in kind (tit-for-tat on moves away from the table).
    pub reciprocates: bool,
    /// Where the character comes from.
    pub source: String,
}

/// How an agent picks the package it offers next.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub enum BiddingStyle {
    /// Concedes along the curve `u(t) = max − (max − reserve) · t^(1/exponent)`, issue by issue towards the other
    /// side's last offer.
    TimeDependent {
        /// 0 never concedes; below 1 holds firm (Boulware); 1 linear; above 1 concedes early.
        exponent: f64,
    },
    /// Mirrors the other side's concessions in its own utility, and hardens after a threat.
    TitForTat,
    /// Concedes along the same curve, but offers the package its opponent model rates highest among those that
    /// meet its target: a search near the Pareto frontier.
    Modelling {
        /// As for `TimeDependent`.
        exponent: f64,
    },
}

/// A limit on one issue of any package an agent proposes or accepts.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RedLine {
    /// The instrument's or lever's id.
    pub issue: String,
    /// The limit.
    pub limit: Limit,
    /// The line holds in rounds before this one; absent: for the whole game.
    pub before_round: Option<u32>,
    /// Why the line is there.
    pub source: String,
}

/// A bound on an issue's value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Limit {
    /// The value must be at most this.
    AtMost(f64),
    /// The value must be at least this.
    AtLeast(f64),
}

impl Limit {
    /// Whether `value` respects the limit.
    pub fn allows(self, value: f64) -> bool {
        match self {
            Limit::AtMost(max) => value <= max,
            Limit::AtLeast(min) => value >= min,
        }
    }
}

/// A unilateral move an agent makes in a given round, if it is still legal then.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gesture {
    /// The round.
    pub round: u32,
    /// What it does.
    pub act: GestureKind,
}

/// The unilateral moves a personality can plan.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub enum GestureKind {
    /// US: threaten an instrument at a rate (one of its options).
    Threaten {
        /// The instrument's id.
        instrument: String,
        /// The rate.
        rate: f64,
    },
    /// The partner: put a concession into force as goodwill (a level among its options).
    Implement {
        /// The lever's id.
        lever: String,
        /// The level.
        level: f64,
    },
}

/// One problem found in a scenario file, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Where the offending value starts, when it could be found.
    pub position: Option<Position>,
    /// The field path of the offending value (empty for syntax errors).
    pub path: String,
    /// What is wrong, and what was expected.
    pub message: String,
    /// How to fix it, when there is a likely fix: "did you mean `us_import_elasticity`?".
    pub help: Option<String>,
}

/// The one-line form, `LINE:COL: path: message; help`, for a small box such as the game's title screen; the
/// command line renders problems with their source line (`authoring::diagnostics`).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(position) = &self.position {
            write!(f, "{position}: ")?;
        }
        if !self.path.is_empty() || self.position.is_none() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
    /// The file is over the size limit.
    #[error("{path}: file is {bytes} bytes; scenario files are limited to {MAX_FILE_BYTES} bytes")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        bytes: u64,
    },
    /// The file was read but is not a valid scenario.
    #[error("{}", render_problems(.path, .problems))]
    Invalid {
        /// The file (or a label for text not from a file).
        path: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

fn render_problems(path: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match &p.position {
            Some(_) => format!("{path}:{p}"),
            None => format!("{path}: {p}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The default scenario, built into the program so it runs from anywhere.
pub const DEFAULT_SCENARIO: &str = include_str!("../../../../scenarios/spring-2025.ron");
/// The label the built-in scenario is reported under.
pub const DEFAULT_SCENARIO_LABEL: &str = "scenarios/spring-2025.ron";

impl Scenario {
    /// How the game names the two sides of this scenario's table.
    pub fn names(&self) -> Names<'_> {
        Names::new(&self.partner)
    }

    /// The rules by which the partner's legislature may suspend the trade agreement, when suspension is in play.
    pub fn suspension(&self) -> Option<&SuspensionRules> {
        self.trade_agreement
            .as_ref()
            .and_then(|agreement| agreement.suspension.as_ref())
    }

    /// The trade agreement's short name ("USJTA"), or "trade agreement" when the scenario has none.
    pub fn agreement_name(&self) -> &str {
        self.trade_agreement
            .as_ref()
            .map_or("trade agreement", |agreement| agreement.name.as_str())
    }

    /// The label of the deal that really happened ("the July 2025 deal"), when the scenario records one.
    pub fn real_deal_label(&self) -> Option<&str> {
        self.actual_deal.as_ref().map(|deal| deal.label.as_str())
    }

    /// The built-in default scenario.
    pub fn builtin() -> Result<Scenario, ScenarioError> {
        Scenario::from_ron_str(DEFAULT_SCENARIO, DEFAULT_SCENARIO_LABEL)
    }

    /// Parses and validates scenario bytes: text that is not UTF-8 is refused at the line and column of its first
    /// invalid byte.
    pub fn from_ron_bytes(bytes: &[u8], label: &str) -> Result<Scenario, ScenarioError> {
        let text = decode_utf8(bytes, label)?;
        Scenario::from_ron_str(text, label)
    }

    /// Parses and validates scenario text; `label` names the text in error messages.
    pub fn from_ron_str(text: &str, label: &str) -> Result<Scenario, ScenarioError> {
        let invalid = |problems| ScenarioError::Invalid {
            path: label.to_string(),
            problems,
        };
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(ScenarioError::TooLarge {
                path: label.to_string(),
                bytes: text.len() as u64,
            });
        }
        if text.trim().is_empty() {
            return Err(invalid(vec![Problem {
                position: Some(Position { line: 1, col: 1 }),
                path: String::new(),
                message: "the file is empty; expected a scenario, `Scenario(` …".to_string(),
                help: Some(
                    "`tradetable new-scenario NAME` writes a copy of a shipped scenario to start from".to_string(),
                ),
            }]));
        }
        let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let mut scenario: Scenario = options.from_str(text).map_err(|e| {
            invalid(vec![Problem {
                position: Some(Position {
                    line: e.span.start.line,
                    col: e.span.start.col,
                }),
                path: String::new(),
                message: e.code.to_string(),
                help: syntax_help(&e.code),
            }])
        })?;
        scenario.text_hash = text_hash(text);
        let found = scenario.problems();
        if found.is_empty() {
            return Ok(scenario);
        }
        let index = SpanIndex::new(text);
        let problems = found
            .into_iter()
            .map(|finding| Problem {
                position: index.locate_nearest(&finding.path),
                path: finding.path.to_string(),
                message: finding.message,
                help: finding.help,
            })
            .collect();
        Err(invalid(problems))
    }

    /// The sector with this id.
    pub fn sector_index(&self, id: &str) -> Option<usize> {
        self.sectors.iter().position(|s| s.id == id)
    }

    /// The US instrument with this id.
    pub fn instrument_index(&self, id: &str) -> Option<usize> {
        self.us_instruments.iter().position(|s| s.id == id)
    }

    /// The partner's lever with this id.
    pub fn lever_index(&self, id: &str) -> Option<usize> {
        self.partner_levers.iter().position(|s| s.id == id)
    }

    /// The tutorial's coaching notes for a round, for `side` (or, with `None`, for a view of both sides).
    pub fn coaching_for(&self, round: u32, side: Option<Side>) -> Vec<&str> {
        self.coaching
            .iter()
            .filter(|note| note.round == round && (note.side.is_none() || side.is_none() || note.side == side))
            .map(|note| note.text.as_str())
            .collect()
    }

    /// The calendar month of a round, as `YYYY-MM` (round 0 is the starting position, shown as the start month).
    pub fn month_of_round(&self, round: u32) -> String {
        let (year, month) = parse_year_month(&self.start).unwrap_or((2025, 1));
        let offset = round.saturating_sub(1);
        let months = year * 12 + (month - 1) + offset;
        format!("{:04}-{:02}", months / 12, months % 12 + 1)
    }

    /// Every semantic problem, with the path of the value at fault.
    fn problems(&self) -> Vec<Finding> {
        self.validate(Validator::default()).problems
    }

    /// The problems of the scenario as a networked class host sends it to `side`'s team (`protocol::scenario_for`):
    /// every check of a scenario file, except of the other side's objectives and brief, which are left out on
    /// purpose. Each problem reads `path: message`; none when the scenario is sound to play on.
    pub fn view_problems(&self, side: Side) -> Vec<String> {
        let other = side.other().key();
        let left_out = [format!("objectives.{other}"), format!("briefs.{other}")];
        self.problems()
            .into_iter()
            .map(|finding| (finding.path.to_string(), finding.message))
            .filter(|(path, _)| !left_out.iter().any(|prefix| path.starts_with(prefix.as_str())))
            .map(|(path, message)| format!("{path}: {message}"))
            .collect()
    }

    /// Every rule the validator applies, by field path (list positions written `[]`), as it applies them to this
    /// scenario: the source of the generated reference (`tradetable schema`), so the reference and the validator
    /// cannot disagree.
    pub fn validation_rules(&self) -> BTreeMap<String, BTreeSet<String>> {
        let recording = Validator {
            rules: Some(BTreeMap::new()),
            ..Validator::default()
        };
        self.validate(recording).rules.unwrap_or_default()
    }

    fn validate(&self, mut v: Validator) -> Validator {
        let root = FieldPath::root();
        v.text(&root.field("id"), &self.id);
        v.text(&root.field("title"), &self.title);
        if parse_year_month(&self.start).is_none() {
            v.fail(
                &root.field("start"),
                format!("expected a month as \"YYYY-MM\", found \"{}\"", self.start),
            );
        }
        if self.rounds == 0 {
            v.fail(&root.field("rounds"), "expected at least 1 round, found 0".to_string());
        } else if self.rounds > 60 {
            v.fail(
                &root.field("rounds"),
                format!("expected at most 60 rounds, found {}", self.rounds),
            );
        }

        let fx = root.field("exchange");
        v.range(
            &fx.field("currency_per_dollar"),
            self.exchange.currency_per_dollar,
            MIN_CURRENCY_PER_DOLLAR,
            MAX_CURRENCY_PER_DOLLAR,
        );
        v.range(
            &fx.field("base_currency_per_dollar"),
            self.exchange.base_currency_per_dollar,
            MIN_CURRENCY_PER_DOLLAR,
            MAX_CURRENCY_PER_DOLLAR,
        );
        v.range(
            &fx.field("import_fx_elasticity"),
            self.exchange.import_fx_elasticity,
            0.0,
            5.0,
        );
        v.range(
            &fx.field("export_fx_elasticity"),
            self.exchange.export_fx_elasticity,
            0.0,
            5.0,
        );

        v.text(&fx.field("source"), &self.exchange.source);
        let dy = root.field("dynamics");
        if v.finite(
            &dy.field("volume_adjustment_per_month"),
            self.dynamics.volume_adjustment_per_month,
        ) && !(self.dynamics.volume_adjustment_per_month > 0.0 && self.dynamics.volume_adjustment_per_month <= 1.0)
        {
            v.fail(
                &dy.field("volume_adjustment_per_month"),
                format!(
                    "expected a share of the gap closed each month, above 0 and at most 1, found {}",
                    self.dynamics.volume_adjustment_per_month
                ),
            );
        }
        if self.dynamics.volume_lag_months > 24 {
            v.fail(
                &dy.field("volume_lag_months"),
                format!("expected at most 24 months, found {}", self.dynamics.volume_lag_months),
            );
        }
        if !(1..=60).contains(&self.dynamics.valuation_months) {
            v.fail(
                &dy.field("valuation_months"),
                format!("expected 1 to 60 months, found {}", self.dynamics.valuation_months),
            );
        }
        v.text(&dy.field("source"), &self.dynamics.source);
        let sp = root.field("sensitivity");
        for (name, set) in [("low", &self.sensitivity.low), ("high", &self.sensitivity.high)] {
            let p = sp.field(name);
            v.range(&p.field("elasticity_scale"), set.elasticity_scale, 0.1, 5.0);
            v.range(&p.field("pass_through_shift"), set.pass_through_shift, -1.0, 1.0);
            v.range(&p.field("adjustment_scale"), set.adjustment_scale, 0.1, 10.0);
        }
        v.text(&sp.field("source"), &self.sensitivity.source);

        let sector_ids = v.unique_ids(&root.field("sectors"), self.sectors.iter().map(|s| s.id.as_str()));
        if self.sectors.is_empty() {
            v.fail(&root.field("sectors"), "expected at least one sector".to_string());
        }
        for (i, s) in self.sectors.iter().enumerate() {
            let p = root.field("sectors").index(i);
            v.billions(&p.field("us_imports_bn"), s.us_imports_bn);
            v.billions(&p.field("us_exports_bn"), s.us_exports_bn);
            v.rate(&p.field("us_tariff"), s.us_tariff);
            v.rate(&p.field("partner_tariff"), s.partner_tariff);
            v.rate(&p.field("partner_mfn_tariff"), s.partner_mfn_tariff);
            v.elasticity(&p.field("us_import_elasticity"), s.us_import_elasticity);
            v.elasticity(&p.field("partner_import_elasticity"), s.partner_import_elasticity);
            let pt = p.field("pass_through");
            v.range(&pt.field("initial"), s.pass_through.initial, 0.0, 1.0);
            v.range(&pt.field("long_run"), s.pass_through.long_run, 0.0, 1.0);
            v.text(&p.field("source"), &s.source);
        }

        let instrument_ids = v.unique_ids(
            &root.field("us_instruments"),
            self.us_instruments.iter().map(|s| s.id.as_str()),
        );
        for (i, ins) in self.us_instruments.iter().enumerate() {
            let p = root.field("us_instruments").index(i);
            for (k, sector) in ins.sectors.iter().enumerate() {
                v.reference(&p.field("sectors").index(k), sector, &sector_ids, "sector");
            }
            v.rate(&p.field("rate_now"), ins.rate_now);
            v.options(&p.field("options"), &ins.options, 0.0, 2.0);
            v.among_options(&p.field("rate_now"), ins.rate_now, &ins.options, &ins.id);
            // With no valid round count, `rounds` itself is the problem already reported.
            if (1..=60).contains(&self.rounds) && ins.deal_lag_rounds > self.rounds {
                v.fail(
                    &p.field("deal_lag_rounds"),
                    format!("expected at most {} rounds, found {}", self.rounds, ins.deal_lag_rounds),
                );
            }
            v.text(&p.field("source"), &ins.source);
        }

        let lever_ids = v.unique_ids(
            &root.field("partner_levers"),
            self.partner_levers.iter().map(|s| s.id.as_str()),
        );
        for id in lever_ids.intersection(&instrument_ids) {
            v.fail(
                &root.field("partner_levers"),
                format!("id \"{id}\" is used by both a US instrument and a lever of the partner's; ids must be unique"),
            );
        }
        for (i, lever) in self.partner_levers.iter().enumerate() {
            let p = root.field("partner_levers").index(i);
            v.options(&p.field("options"), &lever.options, 0.0, 1.0e4);
            if lever.options.first().is_some_and(|&o| o != 0.0) {
                v.fail(
                    &p.field("options").index(0),
                    "expected the first option to be 0 (no concession)".to_string(),
                );
            }
            match lever.unit {
                LeverUnit::YesNo if lever.options.iter().any(|&o| o != 0.0 && o != 1.0) => v.fail(
                    &p.field("options"),
                    "a yes-or-no lever's options are 0 (no) and 1 (yes)".to_string(),
                ),
                LeverUnit::Share if lever.options.iter().any(|&o| o > 1.0) => v.fail(
                    &p.field("options"),
                    "a share's options lie between 0 and 1 (0.75 reads as 75%)".to_string(),
                ),
                _ => {}
            }
            if matches!(lever.effect, ConcessionEffect::Cooperation) && lever.unit != LeverUnit::YesNo {
                v.fail(
                    &p.field("unit"),
                    "cooperation is given or not: expected the unit YesNo".to_string(),
                );
            }
            v.billions(&p.field("cost_per_unit"), lever.cost_per_unit);
            if lever.phase_in_months > 120 {
                v.fail(
                    &p.field("phase_in_months"),
                    format!("expected at most 120 months, found {}", lever.phase_in_months),
                );
            }
            v.text(&p.field("source"), &lever.source);
            let e = p.field("effect");
            match &lever.effect {
                ConcessionEffect::Purchase { sector, additionality } => {
                    v.reference(&e.field("sector"), sector, &sector_ids, "sector");
                    v.range(&e.field("additionality"), *additionality, 0.0, 1.0);
                }
                ConcessionEffect::Investment { years, additionality } => {
                    // The pledge is divided by the years: a tiny divisor would make the yearly inflow overflow, and a pledge
                    // spread over more than a century is no pledge.
                    v.range(&e.field("years"), *years, 0.1, 100.0);
                    v.range(&e.field("additionality"), *additionality, 0.0, 1.0);
                }
                ConcessionEffect::TariffCut { sectors } => {
                    for (k, sector) in sectors.iter().enumerate() {
                        v.reference(&e.field("sectors").index(k), sector, &sector_ids, "sector");
                    }
                    if lever.options.iter().any(|&o| o > 1.0) {
                        v.fail(
                            &p.field("options"),
                            "a tariff cut's options are shares between 0 and 1".to_string(),
                        );
                    }
                }
                ConcessionEffect::QuotaExpansion { sector, bn_per_unit } => {
                    v.reference(&e.field("sector"), sector, &sector_ids, "sector");
                    v.billions(&e.field("bn_per_unit"), *bn_per_unit);
                }
                ConcessionEffect::StandardsRecognition {
                    sector, bn_per_unit, ..
                } => {
                    v.reference(&e.field("sector"), sector, &sector_ids, "sector");
                    v.billions(&e.field("bn_per_unit"), *bn_per_unit);
                }
                ConcessionEffect::Cooperation => {}
            }
        }

        let inv = root.field("investment");
        v.billions(&inv.field("baseline_inflow_bn"), self.investment.baseline_inflow_bn);
        v.range(
            &inv.field("uncertainty_drag"),
            self.investment.uncertainty_drag,
            0.0,
            1.0,
        );
        // Percentage points of tariff (rates are at most 2, 200%); threats are divided by it, so not near 0.
        v.range(
            &inv.field("full_uncertainty_points"),
            self.investment.full_uncertainty_points,
            0.1,
            200.0,
        );
        v.range(
            &inv.field("unsettled_uncertainty"),
            self.investment.unsettled_uncertainty,
            0.0,
            1.0,
        );
        v.text(&inv.field("source"), &self.investment.source);

        self.check_partner(&mut v, &root);

        let all_ids: BTreeSet<String> = instrument_ids.union(&lever_ids).cloned().collect();
        for side in Side::BOTH {
            let sp = root.field("politics").field(Side::key(side));
            let politics = self.politics.side(side);
            v.range(&sp.field("inertia"), politics.inertia, 0.0, 1.0);
            v.range(&sp.field("fall_below"), politics.fall_below, 0.0, 100.0);
            v.text(&sp.field("source"), &politics.source);
            if politics.constituencies.is_empty() {
                v.fail(
                    &sp.field("constituencies"),
                    "expected at least one constituency".to_string(),
                );
            }
            v.unique_ids(
                &sp.field("constituencies"),
                politics.constituencies.iter().map(|c| c.id.as_str()),
            );
            if politics.constituencies.iter().all(|c| c.weight <= 0.0) && !politics.constituencies.is_empty() {
                v.fail(
                    &sp.field("constituencies"),
                    "expected some constituency with a positive weight".to_string(),
                );
            }
            for (i, c) in politics.constituencies.iter().enumerate() {
                let p = sp.field("constituencies").index(i);
                v.range(&p.field("weight"), c.weight, 0.0, MAX_WEIGHT);
                v.range(&p.field("approval"), c.approval, 0.0, 100.0);
                v.text(&p.field("source"), &c.source);
                for (k, r) in c.reactions.iter().enumerate() {
                    let rp = p.field("reactions").index(k).field("indicator");
                    match &r.indicator {
                        Indicator::UsApproval | Indicator::PartnerApproval => v.fail(
                            &rp,
                            "a constituency cannot react to approval itself; use another indicator".to_string(),
                        ),
                        indicator => v.indicator(&rp, indicator, self),
                    }
                    v.magnitude(
                        &p.field("reactions").index(k).field("per_unit"),
                        r.per_unit,
                        MAX_REACTION,
                    );
                }
            }
            let op = root.field("objectives").field(Side::key(side));
            let objectives = self.objectives.side(side);
            if objectives.is_empty() {
                v.fail(&op, "expected at least one objective".to_string());
            }
            v.unique_ids(&op, objectives.iter().map(|o| o.id.as_str()));
            for (i, o) in objectives.iter().enumerate() {
                let p = op.index(i);
                v.positive_at_most(&p.field("weight"), o.weight, MAX_WEIGHT);
                v.magnitude(&p.field("worst"), o.worst, MAX_FIGURE);
                v.magnitude(&p.field("best"), o.best, MAX_FIGURE);
                if o.worst == o.best {
                    v.fail(&p.field("best"), "expected best to differ from worst".to_string());
                }
                if let Some(beyond) = o.beyond_best {
                    v.magnitude(&p.field("beyond_best"), beyond, MAX_FIGURE);
                }
                if let Some(beyond) = o.beyond_best
                    && beyond.is_finite()
                    && !((o.worst < o.best && o.best < beyond) || (o.worst > o.best && o.best > beyond))
                {
                    v.fail(
                        &p.field("beyond_best"),
                        format!(
                            "expected a value past best ({}) on the side away from worst ({}), found {beyond}",
                            o.best, o.worst
                        ),
                    );
                }
                v.text(&p.field("source"), &o.source);
                v.indicator(&p.field("indicator"), &o.indicator, self);
            }
        }

        for (i, ev) in self.scheduled_events.iter().enumerate() {
            let p = root.field("scheduled_events").index(i);
            v.round(&p.field("round"), ev.round, self.rounds);
            v.text(&p.field("source"), &ev.source);
            match &ev.kind {
                ScheduledKind::TariffTakesEffect { instrument, rate } => {
                    let kp = p.field("kind");
                    v.reference(&kp.field("instrument"), instrument, &instrument_ids, "US instrument");
                    v.rate(&kp.field("rate"), *rate);
                    if let Some(i) = self.instrument_index(instrument) {
                        v.among_options(&kp.field("rate"), *rate, &self.us_instruments[i].options, instrument);
                    }
                }
                ScheduledKind::Election { threshold, loss, .. } => {
                    v.range(&p.field("kind").field("threshold"), *threshold, 0.0, 100.0);
                    v.range(&p.field("kind").field("loss"), *loss, 0.0, 100.0);
                }
            }
        }
        v.unique_ids(
            &root.field("random_events"),
            self.random_events.iter().map(|e| e.id.as_str()),
        );
        for (i, ev) in self.random_events.iter().enumerate() {
            let p = root.field("random_events").index(i);
            v.range(&p.field("probability"), ev.probability, 0.0, 1.0);
            v.text(&p.field("source"), &ev.source);
            v.round(&p.field("from_round"), ev.from_round, self.rounds);
            v.round(&p.field("to_round"), ev.to_round, self.rounds);
            if ev.to_round < ev.from_round {
                v.fail(
                    &p.field("to_round"),
                    "expected to_round to be at or after from_round".to_string(),
                );
            }
            self.check_effect(&mut v, &p.field("effect"), &ev.effect);
        }
        v.unique_ids(&root.field("injects"), self.injects.iter().map(|e| e.id.as_str()));
        if self.injects.len() > MAX_INJECTS {
            v.fail(
                &root.field("injects"),
                format!(
                    "at most {MAX_INJECTS} injects (a table code has room for no more), found {}",
                    self.injects.len()
                ),
            );
        }
        for (i, inject) in self.injects.iter().enumerate() {
            let p = root.field("injects").index(i);
            v.round(&p.field("round"), inject.round, self.rounds);
            v.text(&p.field("news"), &inject.news);
            v.text(&p.field("source"), &inject.source);
            self.check_effect(&mut v, &p.field("effect"), &inject.effect);
        }
        for (k, note) in self.coaching.iter().enumerate() {
            let p = root.field("coaching").index(k);
            v.round(&p.field("round"), note.round, self.rounds);
            v.text(&p.field("text"), &note.text);
        }
        if let Some(briefs) = &self.briefs {
            for (side, brief) in briefs.iter() {
                let p = root.field("briefs").field(side.key());
                v.text(&p.field("goals"), &brief.goals);
                v.text(&p.field("walk_away"), &brief.walk_away);
                v.text(&p.field("keep_private"), &brief.keep_private);
            }
        }

        self.check_personalities(&mut v, &root, &all_ids);
        self.check_history(&mut v, &root, &sector_ids);

        if let Some(deal) = &self.actual_deal {
            let p = root.field("actual_deal");
            v.round(&p.field("round"), deal.round, self.rounds);
            v.text(&p.field("label"), &deal.label);
            v.text(&p.field("source"), &deal.source);
            let missing: Vec<&str> = self
                .us_instruments
                .iter()
                .map(|i| i.id.as_str())
                .chain(self.partner_levers.iter().map(|l| l.id.as_str()))
                .filter(|id| !deal.terms.contains_key(*id))
                .collect();
            v.rule(&p.field("terms"), || {
                "a level for every instrument and lever".to_string()
            });
            if !missing.is_empty() {
                v.fail_with_help(
                    &p.field("terms"),
                    format!("the deal gives no level for {}", quoted_list(&missing)),
                    Some("a deal settles every issue: write the level each kept, even 0.0 for none".to_string()),
                );
            }
            for (id, value) in &deal.terms {
                let tp = p.field("terms").field(id);
                let options = self
                    .instrument_index(id)
                    .map(|i| &self.us_instruments[i].options)
                    .or_else(|| self.lever_index(id).map(|i| &self.partner_levers[i].options));
                match options {
                    None => v.unknown_issue(&tp, id, self),
                    Some(options) if !options.contains(value) => v.fail(
                        &tp,
                        format!("{value} is not one of the options {options:?} of \"{id}\""),
                    ),
                    Some(_) => {}
                }
            }
        }
        v
    }
}

impl Scenario {
    /// The scenario with a parameter set of its `sensitivity` applied (the central set is the scenario itself).
    pub fn variant(&self, variant: Variant) -> Scenario {
        let set = match variant {
            Variant::Central => return self.clone(),
            Variant::Low => self.sensitivity.low,
            Variant::High => self.sensitivity.high,
        };
        let mut scenario = self.clone();
        for sector in &mut scenario.sectors {
            sector.us_import_elasticity *= set.elasticity_scale;
            sector.partner_import_elasticity *= set.elasticity_scale;
            let p = &mut sector.pass_through;
            p.initial = (p.initial + set.pass_through_shift).clamp(0.0, 1.0);
            p.long_run = (p.long_run + set.pass_through_shift).clamp(0.0, 1.0);
        }
        let speed = &mut scenario.dynamics.volume_adjustment_per_month;
        *speed = (*speed * set.adjustment_scale).clamp(0.0, 1.0);
        scenario
    }

    fn check_partner(&self, v: &mut Validator, root: &FieldPath) {
        let pp = root.field("partner");
        v.text(&pp.field("name"), &self.partner.name);
        if let Some(short) = &self.partner.short {
            v.text(&pp.field("short"), short);
        }
        if let Some(possessive) = &self.partner.possessive {
            v.text(&pp.field("possessive"), possessive);
        }
        v.text(&pp.field("legislature"), &self.partner.legislature);
        v.text(&pp.field("currency").field("name"), &self.partner.currency.name);
        let code = &self.partner.currency.code;
        v.rule(&pp.field("currency").field("code"), || {
            "three capital letters (ISO 4217)".to_string()
        });
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            v.fail(
                &pp.field("currency").field("code"),
                format!("expected a three-letter ISO 4217 code such as \"JPY\", found \"{code}\""),
            );
        }

        let ap = root.field("trade_agreement");
        let Some(agreement) = &self.trade_agreement else {
            for (i, sector) in self.sectors.iter().enumerate() {
                if sector.has(SectorFlag::TradeAgreement) {
                    v.fail_with_help(
                        &root.field("sectors").index(i).field("flags"),
                        format!(
                            "sector \"{}\" is flagged TradeAgreement, but the scenario has no trade_agreement",
                            sector.id
                        ),
                        Some("describe the agreement in `trade_agreement`, or drop the flag".to_string()),
                    );
                }
            }
            return;
        };
        v.text(&ap.field("name"), &agreement.name);
        v.text(&ap.field("full_name"), &agreement.full_name);
        if let Some(rules) = &agreement.suspension {
            let u = ap.field("suspension");
            v.rate(&u.field("auto_tariff_threshold"), rules.auto_tariff_threshold);
            v.range(&u.field("hazard_base"), rules.hazard_base, 0.0, 1.0);
            v.range(&u.field("hazard_per_point"), rules.hazard_per_point, 0.0, 1.0);
            v.range(&u.field("approval_floor"), rules.approval_floor, 0.0, 100.0);
            v.range(
                &u.field("hazard_per_approval_point"),
                rules.hazard_per_approval_point,
                0.0,
                1.0,
            );
            v.text(&u.field("source"), &rules.source);
        }
    }

    fn check_history(&self, v: &mut Validator, root: &FieldPath, sector_ids: &BTreeSet<String>) {
        let Some(history) = &self.history else {
            return;
        };
        let hp = root.field("history");
        let start = parse_year_month(&history.start);
        if start.is_none() {
            v.fail(
                &hp.field("start"),
                format!("expected a month as \"YYYY-MM\", found \"{}\"", history.start),
            );
        }
        if !(1..=60).contains(&history.months) {
            v.fail(
                &hp.field("months"),
                format!("expected 1 to 60 months, found {}", history.months),
            );
        }
        v.range(
            &hp.field("currency_per_dollar"),
            history.currency_per_dollar,
            MIN_CURRENCY_PER_DOLLAR,
            MAX_CURRENCY_PER_DOLLAR,
        );
        v.text(&hp.field("source"), &history.source);
        let check_month = |v: &mut Validator, path: &FieldPath, month: &str| {
            let Some(start) = start else { return };
            match history.month_index(month) {
                Some(_) => {}
                None if parse_year_month(month).is_none() => {
                    v.fail(path, format!("expected a month as \"YYYY-MM\", found \"{month}\""))
                }
                None => v.fail(
                    path,
                    format!(
                        "expected a month within the {} months from {:04}-{:02}, found \"{month}\"",
                        history.months, start.0, start.1
                    ),
                ),
            }
        };
        let mut previous = None;
        for (i, change) in history.changes.iter().enumerate() {
            let cp = hp.field("changes").index(i);
            check_month(v, &cp.field("month"), &change.month);
            let index = history.month_index(&change.month);
            if index.is_some() && previous.is_some() && index <= previous {
                v.fail(
                    &cp.field("month"),
                    "expected changes in calendar order, one entry a month".to_string(),
                );
            }
            previous = index.or(previous);
            for (id, value) in &change.set {
                let path = cp.field("set").field(id);
                if self.instrument_index(id).is_some() {
                    v.rate(&path, *value);
                } else if self.lever_index(id).is_some() {
                    v.range(&path, *value, 0.0, 1.0e4);
                } else {
                    v.unknown_issue(&path, id, self);
                }
            }
            for (id, sectors) in &change.exempt {
                let path = cp.field("exempt").field(id);
                if self.instrument_index(id).is_none() {
                    v.fail(&path, format!("unknown US instrument \"{id}\""));
                }
                for (k, sector) in sectors.iter().enumerate() {
                    v.reference(&path.index(k), sector, sector_ids, "sector");
                }
            }
            v.text(&cp.field("source"), &change.source);
        }
        for (i, observation) in history.observed.iter().enumerate() {
            let op = hp.field("observed").index(i);
            if let Some(sector) = &observation.sector {
                v.reference(&op.field("sector"), sector, sector_ids, "sector");
            }
            if let Some(month) = &observation.month {
                check_month(v, &op.field("month"), month);
            }
            v.range(&op.field("change_pct"), observation.change_pct, -100.0, 1000.0);
            v.text(&op.field("source"), &observation.source);
        }
    }

    /// The options of an instrument or lever, by id.
    pub fn issue_options(&self, id: &str) -> Option<&[f64]> {
        self.instrument_index(id)
            .map(|i| self.us_instruments[i].options.as_slice())
            .or_else(|| self.lever_index(id).map(|i| self.partner_levers[i].options.as_slice()))
    }

    /// The personality with this id.
    pub fn personality(&self, id: &str) -> Option<&Personality> {
        self.personalities.iter().find(|p| p.id == id)
    }

    fn check_effect(&self, v: &mut Validator, e: &FieldPath, effect: &EventEffect) {
        match effect {
            EventEffect::Fx { change_pct } | EventEffect::Investment { change_pct } => {
                v.range(&e.field("change_pct"), *change_pct, -50.0, 50.0)
            }
            EventEffect::Approval {
                side,
                constituency,
                delta,
            } => {
                v.range(&e.field("delta"), *delta, -100.0, 100.0);
                if let Some(id) = constituency {
                    let ids: BTreeSet<String> = self.politics[*side]
                        .constituencies
                        .iter()
                        .map(|c| c.id.clone())
                        .collect();
                    v.reference(&e.field("constituency"), id, &ids, "constituency of that side");
                }
            }
        }
    }

    fn check_personalities(&self, v: &mut Validator, root: &FieldPath, issue_ids: &BTreeSet<String>) {
        let list = root.field("personalities");
        v.unique_ids(&list, self.personalities.iter().map(|p| p.id.as_str()));
        for (i, personality) in self.personalities.iter().enumerate() {
            let p = list.index(i);
            v.text(&p.field("name"), &personality.name);
            v.text(&p.field("source"), &personality.source);
            // A variant's fields sit directly under the field that holds it: `bidding: Modelling(exponent: 0.3)`.
            if let BiddingStyle::TimeDependent { exponent } | BiddingStyle::Modelling { exponent } = personality.bidding
            {
                v.range(&p.field("bidding").field("exponent"), exponent, 0.0, 10.0);
            }
            let objective_ids: BTreeSet<String> = self
                .objectives
                .side(personality.side)
                .iter()
                .map(|o| o.id.clone())
                .collect();
            for (id, multiplier) in &personality.objective_weights {
                let path = p.field("objective_weights").field(id);
                v.reference(&path, id, &objective_ids, "objective of that side");
                v.range(&path, *multiplier, 0.0, 10.0);
            }
            for (id, reluctance) in &personality.reluctance {
                let path = p.field("reluctance").field(id);
                v.reference(&path, id, issue_ids, "instrument or lever");
                v.range(&path, *reluctance, 0.0, 1.0);
            }
            for (k, line) in personality.red_lines.iter().enumerate() {
                let lp = p.field("red_lines").index(k);
                v.reference(&lp.field("issue"), &line.issue, issue_ids, "instrument or lever");
                let (Limit::AtMost(bound) | Limit::AtLeast(bound)) = line.limit;
                v.magnitude(&lp.field("limit"), bound, MAX_FIGURE);
                if let Some(options) = self.issue_options(&line.issue)
                    && !options.iter().any(|&o| line.limit.allows(o))
                {
                    v.fail(
                        &lp.field("limit"),
                        format!("no option of \"{}\" {options:?} is within this limit", line.issue),
                    );
                }
                if let Some(round) = line.before_round {
                    v.round(&lp.field("before_round"), round, self.rounds);
                }
                v.text(&lp.field("source"), &line.source);
            }
            for (k, gesture) in personality.gestures.iter().enumerate() {
                let gp = p.field("gestures").index(k);
                v.round(&gp.field("round"), gesture.round, self.rounds);
                let (variant, id, value, owner, ids, what) = match &gesture.act {
                    GestureKind::Threaten { instrument, rate } => {
                        ("Threaten", instrument, *rate, Side::Us, "instrument", "US instrument")
                    }
                    GestureKind::Implement { lever, level } => {
                        ("Implement", lever, *level, Side::Partner, "lever", "partner lever")
                    }
                };
                let ap = gp.field("act");
                if owner != personality.side {
                    v.fail(
                        &gp.field("act"),
                        format!(
                            "only {} may {}; this personality plays {}",
                            self.names().label(owner),
                            variant.to_lowercase(),
                            self.names().label(personality.side)
                        ),
                    );
                }
                let known: BTreeSet<String> = match owner {
                    Side::Us => self.us_instruments.iter().map(|x| x.id.clone()).collect(),
                    Side::Partner => self.partner_levers.iter().map(|x| x.id.clone()).collect(),
                };
                v.reference(&ap.field(ids), id, &known, what);
                if let Some(options) = self.issue_options(id)
                    && known.contains(id)
                    && !options.contains(&value)
                {
                    let field = if owner == Side::Us { "rate" } else { "level" };
                    v.fail(
                        &ap.field(field),
                        format!("{value} is not one of the options {options:?} of \"{id}\""),
                    );
                }
            }
        }
    }
}

impl History {
    /// The month's place in the period (0: the first month), if it is within it.
    pub fn month_index(&self, month: &str) -> Option<u32> {
        let (y0, m0) = parse_year_month(&self.start)?;
        let (y, m) = parse_year_month(month)?;
        let index = (y * 12 + m).checked_sub(y0 * 12 + m0)?;
        (index < self.months).then_some(index)
    }

    /// The month at a place in the period, `YYYY-MM`.
    pub fn month_at(&self, index: u32) -> String {
        let (year, month) = parse_year_month(&self.start).unwrap_or((2025, 1));
        let months = year * 12 + (month - 1) + index;
        format!("{:04}-{:02}", months / 12, months % 12 + 1)
    }
}

/// One semantic problem before it is located in the text.
struct Finding {
    path: FieldPath,
    message: String,
    help: Option<String>,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Finding>,
    /// When recording, every rule checked, by field path with list positions as `[]`.
    rules: Option<BTreeMap<String, BTreeSet<String>>>,
}

impl Validator {
    /// Records that `rule` applies at `path` (when recording the rules for the reference).
    fn rule(&mut self, path: &FieldPath, rule: impl FnOnce() -> String) {
        if let Some(rules) = &mut self.rules {
            let general = FieldPath(
                path.0
                    .iter()
                    .map(|step| match step {
                        PathStep::Index(_) => PathStep::Index(usize::MAX),
                        other => other.clone(),
                    })
                    .collect(),
            )
            .to_string()
            .replace(&format!("[{}]", usize::MAX), "[]");
            rules.entry(general).or_default().insert(rule());
        }
    }

    fn fail(&mut self, path: &FieldPath, message: String) {
        self.fail_with_help(path, message, None);
    }

    fn fail_with_help(&mut self, path: &FieldPath, message: String, help: Option<String>) {
        self.problems.push(Finding {
            path: path.clone(),
            message,
            help,
        });
    }

    /// Whether `x` is a number at all; figures with a range check it there, the rest through [`Self::magnitude`].
    fn finite(&mut self, path: &FieldPath, x: f64) -> bool {
        self.rule(path, || "a finite number".to_string());
        if x.is_finite() {
            true
        } else {
            self.fail(path, format!("expected a finite number, found {}", show_number(x)));
            false
        }
    }

    /// A figure with no natural range, held within a plausible magnitude so that arithmetic on it stays finite.
    fn magnitude(&mut self, path: &FieldPath, x: f64, bound: f64) {
        self.range(path, x, -bound, bound);
    }

    /// A money figure in $bn (a year, for flows): 0 to [`MAX_BILLIONS`].
    fn billions(&mut self, path: &FieldPath, x: f64) {
        self.rule(path, || format!("$bn, from 0 to {}", show_number(MAX_BILLIONS)));
        if self.finite(path, x) && !(0.0..=MAX_BILLIONS).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected $bn from 0 to {} (a plausible trade or money figure), found {}",
                    show_number(MAX_BILLIONS),
                    show_number(x)
                ),
            );
        }
    }

    /// A figure above 0 and at most `hi`.
    fn positive_at_most(&mut self, path: &FieldPath, x: f64, hi: f64) {
        self.rule(path, || format!("above 0, at most {}", show_number(hi)));
        if self.finite(path, x) && !(x > 0.0 && x <= hi) {
            self.fail(
                path,
                format!(
                    "expected a value above 0 and at most {}, found {}",
                    show_number(hi),
                    show_number(x)
                ),
            );
        }
    }

    fn range(&mut self, path: &FieldPath, x: f64, lo: f64, hi: f64) {
        self.rule(path, || format!("from {} to {}", show_number(lo), show_number(hi)));
        if self.finite(path, x) && !(lo..=hi).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected a value from {} to {}, found {}",
                    show_number(lo),
                    show_number(hi),
                    show_number(x)
                ),
            );
        }
    }

    fn rate(&mut self, path: &FieldPath, x: f64) {
        self.rule(path, || {
            "a tariff rate as a fraction, from 0 to 2 (0.25 is 25%)".to_string()
        });
        if self.finite(path, x) && !(0.0..=2.0).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected a tariff rate as a fraction from 0 to 2 (0.25 is 25%), found {}",
                    show_number(x)
                ),
            );
        }
    }

    fn elasticity(&mut self, path: &FieldPath, x: f64) {
        self.rule(path, || format!("negative, from -{} to 0", show_number(MAX_ELASTICITY)));
        if self.finite(path, x) && !(-MAX_ELASTICITY..0.0).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected a negative import-demand elasticity (demand falls as price rises) from -{} to 0, found {}",
                    show_number(MAX_ELASTICITY),
                    show_number(x)
                ),
            );
        }
    }

    fn round(&mut self, path: &FieldPath, round: u32, rounds: u32) {
        self.rule(path, || "a round of the game, from 1 to `rounds`".to_string());
        // With no valid round count, `rounds` itself is the problem already reported.
        if (1..=60).contains(&rounds) && (round == 0 || round > rounds) {
            self.fail(path, format!("expected a round from 1 to {rounds}, found {round}"));
        }
    }

    fn text(&mut self, path: &FieldPath, text: &str) {
        self.rule(path, || "a non-empty text".to_string());
        if text.trim().is_empty() {
            self.fail(path, "expected a non-empty text".to_string());
        }
    }

    fn options(&mut self, path: &FieldPath, options: &[f64], lo: f64, hi: f64) {
        self.rule(path, || {
            "1 to 16 values in increasing order, without repeats".to_string()
        });
        if options.is_empty() {
            self.fail(path, "expected at least one option".to_string());
            return;
        }
        if options.len() > 16 {
            self.fail(path, format!("expected at most 16 options, found {}", options.len()));
        }
        for (k, &o) in options.iter().enumerate() {
            self.range(&path.index(k), o, lo, hi);
        }
        if options.windows(2).any(|w| w[0] >= w[1]) {
            self.fail(
                path,
                "expected options in increasing order, without repeats".to_string(),
            );
        }
    }

    /// A rate an instrument starts at or is scheduled to take: the table only ever sets an instrument to one of its
    /// options, so any other rate could never be undone or offered back.
    fn among_options(&mut self, path: &FieldPath, rate: f64, options: &[f64], id: &str) {
        self.rule(path, || "one of the instrument's options".to_string());
        if rate.is_finite() && !options.is_empty() && !options.contains(&rate) {
            self.fail(
                path,
                format!("{rate} is not one of the options {options:?} of \"{id}\""),
            );
        }
    }

    fn reference(&mut self, path: &FieldPath, id: &str, known: &BTreeSet<String>, what: &str) {
        self.rule(path, || format!("the id of a {what}"));
        if !known.contains(id) {
            let listed: Vec<&str> = known.iter().map(String::as_str).collect();
            self.fail_with_help(
                path,
                format!("unknown {what} \"{id}\"; expected one of {}", listed.join(", ")),
                did_you_mean(id, listed.iter().copied()).map(|closest| format!("did you mean \"{closest}\"?")),
            );
        }
    }

    /// An indicator that names an instrument or a lever: `Lever` must name one of the partner's levers and
    /// `TariffPoints` a US instrument; the other way round is refused with the indicator to write instead.
    fn indicator(&mut self, path: &FieldPath, indicator: &Indicator, scenario: &Scenario) {
        match indicator {
            Indicator::Lever(id) if scenario.instrument_index(id).is_some() => self.fail_with_help(
                path,
                format!("\"{id}\" is a US instrument, not a lever of the partner's"),
                Some(format!(
                    "write TariffPoints(\"{id}\"): a US rate is read in percentage points (15 for a 15% tariff)"
                )),
            ),
            Indicator::Lever(id) => {
                let known = scenario.partner_levers.iter().map(|l| l.id.clone()).collect();
                self.reference(path, id, &known, "partner lever");
            }
            Indicator::TariffPoints(id) if scenario.lever_index(id).is_some() => self.fail_with_help(
                path,
                format!("\"{id}\" is a lever of the partner's, not a US instrument"),
                Some(format!("write Lever(\"{id}\"): a lever is read in its own unit")),
            ),
            Indicator::TariffPoints(id) => {
                let known = scenario.us_instruments.iter().map(|i| i.id.clone()).collect();
                self.reference(path, id, &known, "US instrument");
            }
            _ => {}
        }
    }

    /// An id that names neither a US instrument nor a lever of the partner's, with the closest that does.
    fn unknown_issue(&mut self, path: &FieldPath, id: &str, scenario: &Scenario) {
        let issues = scenario
            .us_instruments
            .iter()
            .map(|i| i.id.as_str())
            .chain(scenario.partner_levers.iter().map(|l| l.id.as_str()));
        self.fail_with_help(
            path,
            format!("unknown instrument or lever \"{id}\""),
            did_you_mean(id, issues).map(|closest| format!("did you mean \"{closest}\"?")),
        );
    }

    fn unique_ids<'a>(&mut self, path: &FieldPath, ids: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
        self.rule(path, || "ids unique in the list".to_string());
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.fail(&path.index(i).field("id"), "expected a non-empty id".to_string());
            } else if !seen.insert(id.to_string()) {
                self.fail(&path.index(i).field("id"), format!("duplicate id \"{id}\""));
            }
        }
        seen
    }
}

/// The BLAKE3 hash of a scenario file's text, in lowercase hex.
pub fn text_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// The text of `bytes`, or a problem at the line and column of the first byte that is not UTF-8.
pub fn decode_utf8<'b>(bytes: &'b [u8], label: &str) -> Result<&'b str, ScenarioError> {
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    let valid = &bytes[..error.valid_up_to()];
    // The prefix up to the bad byte is valid by definition, so the lossy view of it is exact.
    let before = String::from_utf8_lossy(valid);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    let byte = bytes.get(error.valid_up_to()).copied().unwrap_or_default();
    Err(ScenarioError::Invalid {
        path: label.to_string(),
        problems: vec![Problem {
            position: Some(Position { line, col }),
            path: String::new(),
            message: format!(
                "the file must be UTF-8 text; byte 0x{byte:02X} at offset {} is not valid UTF-8",
                error.valid_up_to()
            ),
            help: Some("save the file as UTF-8 (most editors offer it under \"Save with encoding\")".to_string()),
        }],
    })
}

/// The closest of `candidates` to a misspelt `found`, if it is close enough to be what was meant: at most a third
/// of the longer name's letters differ (rustc's rule of thumb for its own suggestions).
pub fn did_you_mean<'c>(found: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(found, candidate), candidate))
        .filter(|&(distance, candidate)| {
            distance > 0 && distance <= found.chars().count().max(candidate.chars().count()).max(3) / 3
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Names the scenario format used before it named the partner, with what replaced each: a file written for the
/// older format is told what to rename, not only that a field is unknown.
const RENAMED: &[(&str, &str)] = &[
    ("japan_levers", "partner_levers"),
    ("japan_tariff", "partner_tariff"),
    ("japan_mfn_tariff", "partner_mfn_tariff"),
    ("japan_import_elasticity", "partner_import_elasticity"),
    ("japan_cost_per_unit", "cost_per_unit"),
    ("yen_per_dollar", "currency_per_dollar"),
    ("base_yen_per_dollar", "base_currency_per_dollar"),
    (
        "usjta",
        "trade_agreement (with `name`, `full_name` and its rules under `suspension`)",
    ),
    ("japan", "partner"),
    ("Japan", "Partner"),
    ("Usjta", "TradeAgreement"),
    ("UsjtaInForce", "TradeAgreementInForce"),
    ("UsjtaLapsed", "TradeAgreementLapsed"),
    ("JapanApproval", "PartnerApproval"),
    ("JapanExportLossBn", "PartnerExportLossBn"),
    ("Yen", "Partner"),
];

/// A help line for a syntax or type error, where one follows from the error: the new name of a renamed field or
/// variant, or the field or variant probably meant.
fn syntax_help(code: &ron::Error) -> Option<String> {
    let (expected, found) = match code {
        ron::Error::MissingStructField { field: "partner", .. } => {
            return Some(
                "name the country across the table: `partner: (name: \"Japan\", legislature: \"Diet\", currency: \
                 (name: \"yen\", code: \"JPY\"))` (see docs/scenario-authoring.md)"
                    .to_string(),
            );
        }
        ron::Error::NoSuchStructField { expected, found, .. } => (*expected, found.as_str()),
        ron::Error::NoSuchEnumVariant { expected, found, .. } => (*expected, found.as_str()),
        _ => return None,
    };
    if let Some((_, new)) = RENAMED.iter().find(|(old, _)| *old == found) {
        return Some(format!(
            "`{found}` was renamed `{new}` when scenarios began to name their partner (see docs/scenario-authoring.md)"
        ));
    }
    did_you_mean(found, expected.iter().copied()).map(|closest| format!("did you mean `{closest}`?"))
}

/// A number as a message shows it: plainly when it reads well, in scientific notation when it is huge or tiny (so
/// `1e308` is not printed as 309 digits).
pub fn show_number(x: f64) -> String {
    let size = x.abs();
    if x.is_finite() && x != 0.0 && !(1e-6..1e9).contains(&size) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// Ids in quotes, joined with commas: `"a", "b"`.
fn quoted_list(ids: &[&str]) -> String {
    ids.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ")
}
