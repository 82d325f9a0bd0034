//! The lines of `validate --summary` about terms with a time or a ceiling: each deal term with what it does, and each
//! pledge that ends, with when. Nothing for a scenario that has neither.

use crate::scenario::format::{self, lever_level};
use crate::scenario::schema::{Scenario, TermEffect};

/// One line per deal term and per pledge for a fixed time, as the summary prints them.
pub fn lines(scenario: &Scenario) -> Vec<String> {
    let mut lines = Vec::new();
    for term in &scenario.deal_terms {
        let levels: Vec<String> = term
            .options
            .iter()
            .map(|&level| lever_level(term.effect.unit(), level))
            .collect();
        let what = match &term.effect {
            TermEffect::AllIn { instruments } => format!("{} all-in, MFN if higher", instruments.join(", ")),
            TermEffect::Section232Cap { sectors, cap } => {
                format!(
                    "Section 232 on {} at most {} in all",
                    sectors.join(", "),
                    format::rate(*cap)
                )
            }
            TermEffect::TariffRateQuota {
                instrument,
                in_quota_rate,
            } => format!("{instrument} at {} within the quota", format::rate(*in_quota_rate)),
        };
        lines.push(format!(
            "{} ({}: {what}; options {})",
            term.id,
            term.effect.label(),
            levels.join(", ")
        ));
    }
    for lever in &scenario.partner_levers {
        if let Some(years) = lever.ends_after_years {
            let unit = if years == 1.0 { "year" } else { "years" };
            lines.push(format!(
                "{} (a pledge that ends after {} {unit})",
                lever.id,
                format::trim(years)
            ));
        }
    }
    lines
}
