//! A scenario's texts in other languages: the types of the `translations` block of a scenario file, keyed by language
//! code (`translate` puts them in place: `Scenario::in_language`). Only words are translated: ids, numbers, dates and `source` notes (citations a teacher checks against
//! the original) stay in the scenario's own language.
//!
//! Each translated text is found by what the original already uses to name it: a lever by its id, an objective by
//! its side and id, a scheduled event or a coaching note (which have no id) by its place in the list. The validator
//! refuses a translation of something that is not there; the linter (`authoring::lint`) reports a text a language
//! leaves untranslated.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::scenario::side::PerSide;

/// A scenario may be translated into at most this many languages: a bound on untrusted input, well above any class's
/// need.
pub const MAX_LANGUAGES: usize = 16;

/// The longest language code accepted ("ja", "pt-BR", "zh-Hant"): BCP 47 primary tags with a region or script.
pub const MAX_LANGUAGE_CODE_CHARS: usize = 12;

/// Every text a player reads in one language. Each part is optional, so a translation can be written a part at a
/// time; what it leaves out stays in the scenario's own language (and the linter lists it).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The scenario's `title`.
    #[serde(default)]
    pub title: Option<String>,
    /// The scenario's `description`.
    #[serde(default)]
    pub description: Option<String>,
    /// The partner's names (`partner`).
    #[serde(default)]
    pub partner: Option<PartnerText>,
    /// Sector names, by sector id.
    #[serde(default)]
    pub sectors: BTreeMap<String, String>,
    /// US instruments' names and explanations, by instrument id.
    #[serde(default)]
    pub us_instruments: BTreeMap<String, IssueText>,
    /// The partner's levers' names and explanations, by lever id.
    #[serde(default)]
    pub partner_levers: BTreeMap<String, IssueText>,
    /// Deal terms' names and explanations, by term id.
    #[serde(default)]
    pub deal_terms: BTreeMap<String, IssueText>,
    /// The partner's counter-tariffs' names and explanations, by counter-tariff id.
    #[serde(default)]
    pub partner_tariffs: BTreeMap<String, IssueText>,
    /// The trade agreement's names (`trade_agreement`).
    #[serde(default)]
    pub trade_agreement: Option<AgreementText>,
    /// Constituency names, by side and constituency id.
    #[serde(default)]
    pub constituencies: PerSide<BTreeMap<String, String>>,
    /// Scheduled events' news, by place in `scheduled_events` (0 first): they have no id.
    #[serde(default)]
    pub scheduled_events: BTreeMap<usize, String>,
    /// Random events' news, by event id.
    #[serde(default)]
    pub random_events: BTreeMap<String, String>,
    /// Injects' news, by inject id.
    #[serde(default)]
    pub injects: BTreeMap<String, String>,
    /// Objective names, by side and objective id.
    #[serde(default)]
    pub objectives: PerSide<BTreeMap<String, String>>,
    /// The real deal's label and description (`actual_deal`).
    #[serde(default)]
    pub actual_deal: Option<DealText>,
    /// Personalities' names and descriptions, by personality id.
    #[serde(default)]
    pub personalities: BTreeMap<String, PersonalityText>,
    /// Each side's confidential brief (`briefs`).
    #[serde(default)]
    pub briefs: PerSide<Option<BriefText>>,
    /// Coaching notes' texts, by place in `coaching` (0 first): they have no id.
    #[serde(default)]
    pub coaching: BTreeMap<usize, String>,
}

/// The partner's names in another language. The possessive is required: the scenario's own language may derive it
/// from the name ("Japan's"), another cannot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerText {
    /// The name in sentences (`partner.name`).
    pub name: String,
    /// The name for narrow columns and buttons. Optional: the name.
    #[serde(default)]
    pub short: Option<String>,
    /// The name before a noun it owns ("日本の").
    pub possessive: String,
    /// The partner's parliament (`partner.legislature`).
    pub legislature: String,
    /// The name of one unit of the partner's currency (`partner.currency.name`); the ISO code is never translated.
    pub currency: String,
}

/// The name and explanation of an issue: a US instrument, a lever, a deal term or a counter-tariff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueText {
    /// Its `name`.
    pub name: String,
    /// Its `explanation`.
    pub explanation: String,
}

/// The trade agreement's names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementText {
    /// Its short `name`.
    pub name: String,
    /// Its `full_name`.
    pub full_name: String,
}

/// The real deal's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DealText {
    /// Its `label`.
    pub label: String,
    /// Its `description`.
    pub description: String,
}

/// A personality's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalityText {
    /// Its `name`.
    pub name: String,
    /// Its `description`.
    pub description: String,
}

/// A side's confidential brief in another language (`briefs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BriefText {
    /// Its `goals`.
    pub goals: String,
    /// Its `walk_away`.
    pub walk_away: String,
    /// Its `keep_private`.
    pub keep_private: String,
}
