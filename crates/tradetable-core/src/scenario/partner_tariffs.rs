//! The partner's counter-tariffs: a tariff the partner may put on a basket of US goods in answer to US tariffs, as the
//! scenario file describes it. The model prices it (`model::retaliation`), the rules move it (`rules::retaliation`).

use serde::{Deserialize, Serialize};

/// A scenario may describe at most this many counter-tariffs (the lever panel has a row for each).
pub const MAX_PARTNER_TARIFFS: usize = 8;

/// The longest a counter-tariff may be suspended for at once, in months (by a move or by a deal).
pub const MAX_SUSPENSION_MONTHS: u32 = 36;

/// A counter-tariff of the partner's on a basket of US goods: a unilateral move of the partner's (set, announce,
/// threaten, suspend) and, when `negotiable`, an issue of any package (suspend it for `deal_suspends_months`).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerTariff {
    /// Identifier used in moves and packages; unique among instruments, levers, deal terms and counter-tariffs.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// The value of the US goods the counter-tariff covers, $bn a year, at the flows of the scenario's year. It is
    /// spread over `sectors` in proportion to their US exports, and may not exceed them.
    pub basket_bn: f64,
    /// The sectors (ids of the scenario's `sectors`) whose US exports make up the basket. A sector flagged `Farm`
    /// carries the counter-tariff into farm exports and farm income.
    pub sectors: Vec<String>,
    /// The US constituencies (ids of the US side's `politics` constituencies: farm states, bourbon states) the
    /// counter-tariff targets; each loses `us_approval_per_bn` approval points per $bn a year of US exports it
    /// removes, beyond what they react to in the economy.
    pub us_constituencies: Vec<String>,
    /// The US states it hits hardest, as the news and the dashboard name them ("Iowa", "Kentucky").
    pub us_states: Vec<String>,
    /// Approval points each targeted US constituency loses per $bn a year of US exports removed.
    pub us_approval_per_bn: f64,
    /// The partner's constituencies (ids) that pay for the counter-tariff: its buyers of the US goods.
    pub partner_constituencies: Vec<String>,
    /// Approval points each of those partner constituencies loses per $bn a year the counter-tariff costs the
    /// partner's buyers (modest: the partner chose the basket to spare them).
    pub partner_approval_per_bn: f64,
    /// The rates the partner may set, threaten or announce (fractions, 0.25 is 25%), none first: `[0.0, ...]`.
    pub options: Vec<f64>,
    /// The rate set at the start (one of `options`). It applies unless `suspended_until` says otherwise.
    pub rate_now: f64,
    /// If set, the rate set at the start is suspended until this month (`YYYY-MM`): it applies from the first round
    /// of that month on, with a news item. Absent: it applies from the start.
    #[serde(default)]
    pub suspended_until: Option<String>,
    /// Whether a deal may suspend it: if true, its suspension is an issue of every package.
    pub negotiable: bool,
    /// Months a deal that suspends it suspends it for (1 to 36, when `negotiable`).
    pub deal_suspends_months: u32,
    /// The computer partner answers in kind when the US tariff, trade-weighted over US imports from the partner and
    /// counting threatened and announced rates, is above this many percentage points. Above what the US instruments
    /// can reach, it is never used by the computer.
    pub provoked_above_points: f64,
    /// A sentence for the player.
    pub explanation: String,
    /// Where the basket, the rates, the dates and the reactions come from; "estimate" where there is no source.
    pub source: String,
}

/// The options of a negotiable counter-tariff as an issue of a package: 0, not suspended by the deal; 1, suspended
/// for `deal_suspends_months`.
pub const DEAL_SUSPENSION_OPTIONS: [f64; 2] = [0.0, 1.0];

impl PartnerTariff {
    /// Its options as an issue of a package, when it is negotiable.
    pub fn issue_options(&self) -> Option<&'static [f64]> {
        self.negotiable.then_some(&DEAL_SUSPENSION_OPTIONS[..])
    }
}
