//! Objectives that cannot tell outcomes apart: those that score 0, or 100, in every reference game. `validate --lint`
//! and `validate --summary` both take this one judgement, over the same games, and both name its cause — a scale
//! that misses every value, or an indicator nothing moves (such as an agreement objective in a scenario without an
//! agreement, which is always 1).

use serde::Serialize;

use crate::analysis::reference::reference_outcomes;
use crate::scenario::format::one_decimal;
use crate::scenario::schema::{Indicator, Objective, Scenario, Side};

/// Scores within this many points of 0 or 100 count as at the end of the scale.
const AT_THE_END: f64 = 0.5;

/// Values closer than this are the same value: the indicator did not move.
const UNMOVED: f64 = 1e-9;

/// The reference games the judgement is made over, as messages name them.
pub const REFERENCE_GAMES: &str = "no deal, the real deal and its variants, escalation, each side's best package";

/// At which end of its scale an objective is stuck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Saturation {
    /// Every game scores 0 on it: `worst` is beyond all of them.
    AtWorst,
    /// Every game scores 100 on it: `best` is short of all of them.
    AtBest,
}

impl Saturation {
    /// The score it is stuck at.
    pub fn score(self) -> u32 {
        match self {
            Saturation::AtWorst => 0,
            Saturation::AtBest => 100,
        }
    }
}

/// One objective stuck at an end of its scale, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saturated {
    /// The side whose objective it is.
    pub side: Side,
    /// Its position in the side's objectives.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Where it is stuck.
    pub saturation: Saturation,
    /// Why, and what to change, in a clause that follows a colon.
    pub cause: String,
}

impl Saturated {
    /// The whole finding in one sentence, as the linter and the summary print it.
    pub fn message(&self) -> String {
        format!(
            "\"{}\" scores {} in every reference game ({REFERENCE_GAMES}), so it never tells outcomes apart: {}",
            self.id,
            self.saturation.score(),
            self.cause
        )
    }
}

/// Every objective of `scenario` that scores 0 or 100 in every reference game played on `seed`, side by side in
/// table order.
pub fn saturated_objectives(scenario: &Scenario, seed: u64) -> Vec<Saturated> {
    let outcomes = reference_outcomes(scenario, seed);
    let mut found = Vec::new();
    for side in Side::BOTH {
        for (index, objective) in scenario.objectives[side].iter().enumerate() {
            let lines: Vec<_> = outcomes
                .iter()
                .filter_map(|o| o.scores[side].breakdown.get(index))
                .collect();
            let at = |end: f64| !lines.is_empty() && lines.iter().all(|line| (line.score - end).abs() < AT_THE_END);
            let saturation = if at(0.0) {
                Saturation::AtWorst
            } else if at(100.0) {
                Saturation::AtBest
            } else {
                continue;
            };
            let values: Vec<f64> = lines.iter().map(|line| line.value).collect();
            found.push(Saturated {
                side,
                index,
                id: objective.id.clone(),
                saturation,
                cause: cause(scenario, objective, saturation, &values),
            });
        }
    }
    found
}

/// Why an objective is stuck: an indicator that cannot move, or a scale beside every value it takes.
fn cause(scenario: &Scenario, objective: &Objective, saturation: Saturation, values: &[f64]) -> String {
    let agreement_indicator = match objective.indicator {
        Indicator::TradeAgreementInForce => Some(("TradeAgreementInForce", 1)),
        Indicator::TradeAgreementLapsed => Some(("TradeAgreementLapsed", 0)),
        _ => None,
    };
    if let Some((indicator, always)) = agreement_indicator
        && scenario.trade_agreement.is_none()
    {
        return format!(
            "it watches {indicator}, but the scenario has no trade_agreement, so its value is always {always}; drop the \
             objective, or describe the agreement in `trade_agreement`"
        );
    }
    let lowest = values.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if highest - lowest < UNMOVED {
        return format!(
            "its value is {} in every game, as nothing in the scenario moves it; give it an indicator that a move \
             changes, or drop it",
            one_decimal(lowest)
        );
    }
    let range = format!("{} to {}", one_decimal(lowest), one_decimal(highest));
    match saturation {
        Saturation::AtWorst => format!(
            "its worst ({}) lies beyond every value the games reach ({range}); move its scale to cover them",
            one_decimal(objective.worst)
        ),
        Saturation::AtBest => format!(
            "its best ({}) falls short of every value the games reach ({range}); move its scale to cover them",
            one_decimal(objective.best)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_beyond_every_value_is_named_as_the_cause() {
        let mut scenario = Scenario::builtin().unwrap();
        let deficit = &mut scenario.objectives.us[0];
        deficit.worst = 400.0;
        deficit.best = 500.0;
        deficit.beyond_best = None;
        let found = saturated_objectives(&scenario, 2025);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].saturation, Saturation::AtWorst);
        assert!(
            found[0].cause.starts_with("its worst (400.0) lies beyond"),
            "{}",
            found[0].cause
        );
    }
}
