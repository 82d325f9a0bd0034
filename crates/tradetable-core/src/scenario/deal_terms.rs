//! The terms of a deal beyond rates and concessions: an all-in ceiling in place of a stacked rate, a cap on future
//! Section 232 tariffs, a tariff-rate quota. Each is an issue of any package, given by the US; the model applies them
//! while they are in force (`model::terms`).

use serde::{Deserialize, Serialize};

use crate::scenario::format::LeverUnit;

/// A term the US may grant in a deal: an issue of any package, after the instruments and the partner's levers.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DealTerm {
    /// Identifier used in packages, `actual_deal.terms` and personalities; unique among instruments and levers.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// Levels the US may grant, nothing first: `[0.0, 1.0]` for `AllIn` and `Section232Cap` (no, yes); quota volumes
    /// in $bn a year for `TariffRateQuota` (`[0.0, 2.5, 5.0]`).
    pub options: Vec<f64>,
    /// What it does.
    pub effect: TermEffect,
    /// A sentence for the player.
    pub explanation: String,
    /// Where it comes from.
    pub source: String,
}

/// What a deal term does while it is in force.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub enum TermEffect {
    /// At yes, the named instruments' rates become all-in: the whole tariff on a covered sector is
    /// `max(rate, MFN)` ("15% all-in, MFN if higher") instead of `MFN + rate` (stacked). At no, each instrument keeps
    /// its own `all_in`.
    AllIn {
        /// The instruments whose rates become all-in.
        instruments: Vec<String>,
    },
    /// At yes, every Section 232 tariff on the named sectors, in force or imposed later (by a scheduled rise, a move
    /// or a deal's lag), is capped: the whole tariff on the sector (MFN and Section 232) is at most `max(cap, MFN)`.
    Section232Cap {
        /// The sectors protected.
        sectors: Vec<String>,
        /// The all-inclusive ceiling (fraction: 0.15 is 15%).
        cap: f64,
    },
    /// A tariff-rate quota on one instrument: the level is the quota in $bn a year of the instrument's covered imports
    /// (at their starting values) that pay `in_quota_rate` instead of the instrument's rate; the rest pays the full rate.
    TariffRateQuota {
        /// The instrument the quota applies to.
        instrument: String,
        /// The instrument's rate within the quota (fraction); never above the rate outside it.
        in_quota_rate: f64,
    },
}

impl TermEffect {
    /// What the term's level counts: yes or no for a ceiling and a cap, $bn a year for a quota.
    pub fn unit(&self) -> LeverUnit {
        match self {
            TermEffect::AllIn { .. } | TermEffect::Section232Cap { .. } => LeverUnit::YesNo,
            TermEffect::TariffRateQuota { .. } => LeverUnit::BillionsPerYear,
        }
    }

    /// The effect's name in the summary and the docs.
    pub fn label(&self) -> &'static str {
        match self {
            TermEffect::AllIn { .. } => "all-in ceiling",
            TermEffect::Section232Cap { .. } => "cap on Section 232 tariffs",
            TermEffect::TariffRateQuota { .. } => "tariff-rate quota",
        }
    }
}
