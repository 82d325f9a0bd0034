//! The scenario file's RON schema: every type a scenario is written in, with the limits its figures must keep and
//! the accessors the rest of the core reads it through. Reading it is `parse`; checking it is `validate`.
//!
//! Every number a scenario holds carries a `source` note; the engine reads nothing that is not written in the file
//! (no field has a hidden default), so a teacher can point at the line behind any figure the game shows. The one
//! optional list is `personalities`: a scenario without it offers only the built-in strategies and difficulties.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use crate::scenario::deal_terms::{DealTerm, TermEffect};
pub use crate::scenario::format::LeverUnit;
use crate::scenario::format::parse_year_month;
pub use crate::scenario::partner_tariffs::PartnerTariff;
pub use crate::scenario::rivals::{RivalSector, RivalSuppliers, RivalTariff};
use crate::scenario::side::Partner;
pub use crate::scenario::side::{Names, PerSide, Side};
pub use crate::scenario::translation::Translation;

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
    /// Terms the US may grant in a deal beyond its rates: an all-in ceiling, a cap on future Section 232 tariffs, a
    /// tariff-rate quota (see `DealTerm`). Issues of any package, after the levers. Optional: an absent list is empty.
    #[serde(default)]
    pub deal_terms: Vec<DealTerm>,
    /// The partner's rival suppliers of the US market and the tariffs the US puts on them over time (see
    /// `RivalSuppliers`). Optional: without it, a US tariff diverts trade as if it hit the partner alone.
    #[serde(default)]
    pub rivals: Option<RivalSuppliers>,
    /// The partner's counter-tariffs on baskets of US goods (see `PartnerTariff`): moves of the partner's, and issues
    /// of any package when negotiable. Optional: an absent list is empty, and the partner has no tariff move.
    #[serde(default)]
    pub partner_tariffs: Vec<PartnerTariff>,
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
    /// The scenario's texts in other languages, by language code (`"ja"`): names, explanations, news, briefs and
    /// coaching a player reads, never a figure (see `Translation`). Optional: an absent map leaves the scenario in
    /// its own language only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
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
    /// Months a deal's cut of this rate is back-dated by: the cut takes effect `deal_lag_rounds` after signing, but
    /// applies from this many months earlier, and the duties paid above the new rate meanwhile are refunded (see
    /// `rules::back_dating`). Optional: 0, not back-dated.
    #[serde(default)]
    pub deal_back_dated_months: u32,
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
    /// A pledge for a fixed time: its flow (purchases, investment, quota, standards) and its cost stop this many years
    /// after the level took effect. A `Purchase` in `Billions` is the total over these years, flowing at
    /// `level / ends_after_years` a year. Optional: absent, the commitment runs for as long as the game is scored.
    #[serde(default)]
    pub ends_after_years: Option<f64>,
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
    /// The additional US tariff on autos and parts above their MFN rates, in percentage points: the instruments' rates
    /// on sectors flagged `Auto`, averaged with their starting imports as weights (the USJTA's threshold uses the whole
    /// tariff, MFN included).
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

    /// The partner's counter-tariff with this id.
    pub fn partner_tariff_index(&self, id: &str) -> Option<usize> {
        self.partner_tariffs.iter().position(|t| t.id == id)
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

    /// The rivals listed for the sector at `index`, if the scenario lists rivals for it.
    pub fn rival_sector(&self, index: usize) -> Option<&RivalSector> {
        let id = &self.sectors.get(index)?.id;
        self.rivals.as_ref()?.sectors.iter().find(|r| &r.sector == id)
    }

    /// The options of an instrument, lever, deal term or negotiable counter-tariff, by id.
    pub fn issue_options(&self, id: &str) -> Option<&[f64]> {
        self.instrument_index(id)
            .map(|i| self.us_instruments[i].options.as_slice())
            .or_else(|| self.lever_index(id).map(|i| self.partner_levers[i].options.as_slice()))
            .or_else(|| {
                let k = self.deal_terms.iter().position(|t| t.id == id)?;
                Some(self.deal_terms[k].options.as_slice())
            })
            .or_else(|| self.partner_tariffs[self.partner_tariff_index(id)?].issue_options())
    }

    /// The personality with this id.
    pub fn personality(&self, id: &str) -> Option<&Personality> {
        self.personalities.iter().find(|p| p.id == id)
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
