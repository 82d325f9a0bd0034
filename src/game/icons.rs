//! The game's icons: glyphs of the Phosphor icon font (MIT, `assets/README.md`), drawn as text, so an icon takes the
//! colour and size of the label it stands in and needs no texture. `fonts` installs the font; the code points below
//! are the only glyphs `scripts/subset-fonts.py` keeps (it reads the `\u{…}` escapes of this file).

use tradetable_core::rules::package::{Issue, IssueTarget};
use tradetable_core::scenario::schema::ConcessionEffect;
use tradetable_core::{Scenario, Side};

/// Setting tariff rates (Phosphor "percent").
pub const TARIFFS: char = '\u{e3b6}';
/// Threats and announced rates (Phosphor "megaphone").
pub const THREATS: char = '\u{e324}';
/// Goodwill: delays and tariff-free quotas (Phosphor "hand-heart").
pub const GOODWILL: char = '\u{e810}';
/// The partner's gestures and concessions (Phosphor "gift").
pub const GESTURES: char = '\u{e276}';
/// The trade agreement in force (Phosphor "scroll").
pub const AGREEMENT: char = '\u{eb7a}';
/// Purchase commitments (Phosphor "shopping-cart").
pub const PURCHASES: char = '\u{e41e}';
/// Investment pledges (Phosphor "factory").
pub const INVESTMENT: char = '\u{e760}';
/// Cuts of the partner's own tariffs (Phosphor "scissors").
pub const TARIFF_CUT: char = '\u{eae0}';
/// Quotas opened to US goods (Phosphor "package").
pub const QUOTA: char = '\u{e390}';
/// Recognition of US standards (Phosphor "seal-check").
pub const STANDARDS: char = '\u{e606}';
/// Cooperation, and a deal signed (Phosphor "handshake").
pub const HANDSHAKE: char = '\u{e582}';
/// The US's deal terms: ceilings, caps, quotas granted (Phosphor "file-text").
pub const DEAL_TERMS: char = '\u{e23a}';
/// An event card (Phosphor "lightning").
pub const EVENT: char = '\u{e2de}';
/// A deadline or the rounds left (Phosphor "hourglass-medium").
pub const DEADLINE: char = '\u{e2b8}';
/// An offer on the table (Phosphor "envelope-simple").
pub const OFFER: char = '\u{e218}';
/// Walking away (Phosphor "door-open").
pub const WALK_AWAY: char = '\u{e7e6}';
/// The partner's counter-tariffs: hitting back (Phosphor "arrow-u-up-left").
pub const COUNTER_TARIFFS: char = '\u{e08a}';
/// The language setting (Phosphor "translate").
pub const LANGUAGE: char = '\u{e4a2}';
/// Sound on (Phosphor "speaker-high").
pub const SOUND_ON: char = '\u{e44a}';
/// Sound off (Phosphor "speaker-slash").
pub const SOUND_OFF: char = '\u{e45a}';

/// Every icon, for the test that the embedded icon font draws each of them.
pub const ALL: [char; 20] = [
    TARIFFS,
    THREATS,
    GOODWILL,
    GESTURES,
    AGREEMENT,
    PURCHASES,
    INVESTMENT,
    TARIFF_CUT,
    QUOTA,
    STANDARDS,
    HANDSHAKE,
    DEAL_TERMS,
    EVENT,
    DEADLINE,
    OFFER,
    WALK_AWAY,
    COUNTER_TARIFFS,
    LANGUAGE,
    SOUND_ON,
    SOUND_OFF,
];

/// The icon of an issue of the package: the kind of instrument, concession or term it sets.
pub fn issue(scenario: &Scenario, issue: &Issue) -> char {
    match issue.target {
        IssueTarget::Instrument(_) => TARIFFS,
        IssueTarget::Term(_) => DEAL_TERMS,
        IssueTarget::CounterTariff(_) => COUNTER_TARIFFS,
        IssueTarget::Lever(k) => scenario
            .partner_levers
            .get(k)
            .map_or(GESTURES, |lever| concession(&lever.effect)),
    }
}

/// The icon of a kind of concession.
pub fn concession(effect: &ConcessionEffect) -> char {
    match effect {
        ConcessionEffect::Purchase { .. } => PURCHASES,
        ConcessionEffect::Investment { .. } => INVESTMENT,
        ConcessionEffect::TariffCut { .. } => TARIFF_CUT,
        ConcessionEffect::QuotaExpansion { .. } => QUOTA,
        ConcessionEffect::StandardsRecognition { .. } => STANDARDS,
        ConcessionEffect::Cooperation => HANDSHAKE,
    }
}

/// The icon of a family of issues in the grid of terms: a side's tariffs or concessions, or the US's deal terms.
pub fn issue_family(owner: Side, is_term: bool) -> char {
    match (owner, is_term) {
        (_, true) => DEAL_TERMS,
        (Side::Us, false) => TARIFFS,
        (Side::Partner, false) => GESTURES,
    }
}

/// `text` after `icon`, for a label.
pub fn with(icon: char, text: &str) -> String {
    format!("{icon} {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_is_a_distinct_private_use_code_point() {
        let mut seen = std::collections::BTreeSet::new();
        for icon in ALL {
            // Unicode's Private Use Area, U+E000 to U+F8FF: no text character can be taken for an icon.
            assert!(
                (0xE000..=0xF8FF).contains(&u32::from(icon)),
                "{icon:?} is outside the private use area"
            );
            assert!(seen.insert(icon), "{icon:?} is listed twice");
        }
    }
}
