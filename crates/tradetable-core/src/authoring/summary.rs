//! `validate --summary`: what a scenario's numbers add up to, so an author calibrates objectives by reading, not by
//! trial and error — the totals before any move, and each objective's value and score under no deal, the real deal
//! and each side's ideal package, with the objectives whose scale misses every one of them flagged.

use std::fmt::Write as _;

use serde::Serialize;

use crate::ai::play::{actual_deal_package, play_deal, play_no_deal};
use crate::analysis::reference::{best_package_for, signing_round};
pub use crate::authoring::saturation::Saturation;
use crate::authoring::saturation::saturated_objectives;
use crate::rules::negotiation::GameState;
use crate::rules::score::score_game;
use crate::scenario::format::{bn, one_decimal, whole_percent};
use crate::scenario::schema::{PerSide, Scenario, Side};

/// The seed the summary's games are played on (the shipped scenarios' calibration seed).
pub const SUMMARY_SEED: u64 = 2025;

/// The figures before any move.
#[derive(Debug, Clone, Serialize)]
pub struct StartTotals {
    /// US imports from the partner, $bn a year.
    pub us_imports_bn: f64,
    /// US exports to the partner, $bn a year.
    pub us_exports_bn: f64,
    /// The goods deficit, $bn a year.
    pub goods_deficit_bn: f64,
    /// The deficit at the base year's exchange rate.
    pub goods_deficit_base_fx_bn: f64,
    /// US tariff revenue on the partner's goods, $bn a year.
    pub tariff_revenue_bn: f64,
    /// US farm exports to the partner, $bn a year.
    pub farm_exports_bn: f64,
    /// The partner's direct investment into the US, $bn a year.
    pub investment_inflow_bn: f64,
    /// Each government's overall approval, %.
    pub approval: PerSide<f64>,
}

/// One reference game of the summary.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryOutcome {
    /// `no_deal`, `real_deal`, `ideal_for_us` or `ideal_for_partner`.
    pub id: String,
    /// The column heading: "No deal", "The July 2025 deal", "US ideal", "Japan's ideal".
    pub label: String,
    /// Each side's total score, 0–100.
    pub totals: PerSide<f64>,
}

/// One objective across the reference games.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveSummary {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The value that scores 0.
    pub worst: f64,
    /// The value that scores 100.
    pub best: f64,
    /// Its weight as a share of the side's weights.
    pub weight: f64,
    /// The indicator's mean in each game, in the order of the outcomes.
    pub values: Vec<f64>,
    /// The score in each game, 0–100.
    pub scores: Vec<f64>,
    /// Set when it scores 0 or 100 in every reference game (the linter's judgement: these games and more).
    pub saturated: Option<Saturation>,
    /// Why it is saturated, and what to change, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saturation_cause: Option<String>,
}

/// The whole summary of a scenario.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioSummary {
    /// The scenario's id.
    pub scenario: String,
    /// The seed the games were played on.
    pub seed: u64,
    /// The round the deals are signed in.
    pub signing_round: u32,
    /// The figures before any move.
    pub start: StartTotals,
    /// The reference games, in column order.
    pub outcomes: Vec<SummaryOutcome>,
    /// Each side's objectives across the games.
    pub objectives: PerSide<Vec<ObjectiveSummary>>,
}

impl ScenarioSummary {
    /// Plays the reference games of `scenario` on `seed` and gathers the summary.
    pub fn of(scenario: &Scenario, seed: u64) -> ScenarioSummary {
        let names = scenario.names();
        let opening = GameState::new(scenario, seed);
        let first = opening.latest();
        let e = &first.economy;
        let start = StartTotals {
            us_imports_bn: e.us_imports_bn,
            us_exports_bn: e.us_exports_bn,
            goods_deficit_bn: e.goods_deficit_bn,
            goods_deficit_base_fx_bn: e.goods_deficit_base_fx_bn,
            tariff_revenue_bn: e.tariff_revenue_bn,
            farm_exports_bn: e.farm_exports_bn,
            investment_inflow_bn: e.investment_inflow_bn,
            approval: first.approval,
        };

        let round = signing_round(scenario);
        let mut games: Vec<(String, String, GameState)> =
            vec![("no_deal".into(), "No deal".into(), play_no_deal(scenario, seed))];
        if let (Some(deal), Some(package)) = (&scenario.actual_deal, actual_deal_package(scenario)) {
            games.push((
                "real_deal".into(),
                crate::scenario::side::as_heading(&deal.label),
                play_deal(scenario, seed, deal.round, package),
            ));
        }
        for side in Side::BOTH {
            if let Some(package) = best_package_for(scenario, seed, side) {
                games.push((
                    format!("ideal_for_{}", side.key()),
                    format!("{} ideal", names.possessive_subject(side)),
                    play_deal(scenario, seed, round, package),
                ));
            }
        }

        let scores: Vec<PerSide<_>> = games
            .iter()
            .map(|(_, _, state)| PerSide::from_fn(|side| score_game(scenario, state, side)))
            .collect();
        let outcomes = games
            .iter()
            .zip(&scores)
            .map(|((id, label, _), score)| SummaryOutcome {
                id: id.clone(),
                label: label.clone(),
                totals: PerSide::from_fn(|side| score[side].total),
            })
            .collect();
        let saturated = saturated_objectives(scenario, seed);
        let objectives = PerSide::from_fn(|side| {
            scenario.objectives[side]
                .iter()
                .enumerate()
                .map(|(k, objective)| {
                    let lines: Vec<_> = scores.iter().filter_map(|s| s[side].breakdown.get(k)).collect();
                    let scores: Vec<f64> = lines.iter().map(|line| line.score).collect();
                    let stuck = saturated.iter().find(|s| s.side == side && s.index == k);
                    ObjectiveSummary {
                        id: objective.id.clone(),
                        name: objective.name.clone(),
                        worst: objective.worst,
                        best: objective.best,
                        weight: lines.first().map_or(0.0, |line| line.weight),
                        values: lines.iter().map(|line| line.value).collect(),
                        saturated: stuck.map(|s| s.saturation),
                        saturation_cause: stuck.map(|s| s.cause.clone()),
                        scores,
                    }
                })
                .collect()
        });
        ScenarioSummary {
            scenario: scenario.id.clone(),
            seed,
            signing_round: round,
            start,
            outcomes,
            objectives,
        }
    }

    /// The summary as aligned text.
    pub fn text(&self, scenario: &Scenario) -> String {
        let names = scenario.names();
        let partner = names.with_article(Side::Partner);
        let s = &self.start;
        let mut out = String::new();
        let _ = writeln!(out, "Summary of {} (seed {}):", self.scenario, self.seed);
        let _ = writeln!(
            out,
            "\nBefore any move ({}):",
            crate::scenario::format::month(&scenario.start)
        );
        let mut rows: Vec<(String, String)> = vec![
            (format!("US imports from {partner}"), bn(s.us_imports_bn)),
            (format!("US exports to {partner}"), bn(s.us_exports_bn)),
            ("goods deficit".into(), bn(s.goods_deficit_bn)),
            (
                format!("deficit at {} exchange rates", scenario.exchange.base_year),
                bn(s.goods_deficit_base_fx_bn),
            ),
            ("US tariff revenue".into(), bn(s.tariff_revenue_bn)),
            ("US farm exports".into(), bn(s.farm_exports_bn)),
            (
                format!("{} direct investment in the US", names.possessive(Side::Partner)),
                bn(s.investment_inflow_bn),
            ),
        ];
        for side in Side::BOTH {
            rows.push((
                format!("{} approval", names.short(side)),
                whole_percent(s.approval[side]),
            ));
        }
        let width = rows.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0);
        for (label, value) in rows {
            let _ = writeln!(out, "  {label:<width$}  {value:>9}");
        }
        let terms = crate::authoring::terms::lines(scenario);
        if !terms.is_empty() {
            let _ = writeln!(out, "\nTerms with a time or a ceiling:");
            for line in terms {
                let _ = writeln!(out, "  {line}");
            }
        }
        let _ = writeln!(
            out,
            "\nEach objective's mean over the game and the year after, and its score (0-100), with the deals signed \
             in round {} ({}).",
            self.signing_round,
            crate::scenario::format::month(&scenario.month_of_round(self.signing_round))
        );
        let headings: Vec<&str> = self.outcomes.iter().map(|o| o.label.as_str()).collect();
        for side in Side::BOTH {
            let _ = writeln!(out, "\n{}", names.label(side));
            let _ = write!(out, "  {:<38} {:>16}", "objective (weight)", "worst -> best");
            for heading in &headings {
                let _ = write!(out, " {heading:>22}");
            }
            let _ = writeln!(out);
            for o in &self.objectives[side] {
                let name = format!("{} ({:.0}%)", o.name, o.weight * 100.0);
                let scale = format!("{} -> {}", one_decimal(o.worst), one_decimal(o.best));
                let _ = write!(out, "  {:<38} {:>16}", clip(&name, 38), scale);
                for (value, score) in o.values.iter().zip(&o.scores) {
                    let cell = format!("{} = {:.0}", one_decimal(*value), score);
                    let _ = write!(out, " {cell:>22}");
                }
                let _ = writeln!(out);
                if let (Some(saturation), Some(cause)) = (o.saturated, &o.saturation_cause) {
                    let _ = writeln!(
                        out,
                        "    ! saturated: \"{}\" scores {} in every reference game: {cause}",
                        o.id,
                        saturation.score()
                    );
                }
            }
            let _ = write!(out, "  {:<38} {:>16}", "total", "");
            for outcome in &self.outcomes {
                let _ = write!(out, " {:>22}", format!("{:.1}", outcome.totals[side]));
            }
            let _ = writeln!(out);
        }
        let saturated = Side::BOTH
            .iter()
            .map(|&side| self.objectives[side].iter().filter(|o| o.saturated.is_some()).count())
            .sum::<usize>();
        let _ = writeln!(
            out,
            "\n{saturated} saturated objective(s), judged as --lint judges them, over every reference game ({}). A \
             useful objective scores differently across them.",
            crate::authoring::saturation::REFERENCE_GAMES
        );
        out
    }
}

/// `text` cut to `width` characters, with an ellipsis when cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_scenario_summary_has_every_game_and_no_saturated_objective() {
        let scenario = Scenario::builtin().unwrap();
        let summary = ScenarioSummary::of(&scenario, SUMMARY_SEED);
        let ids: Vec<&str> = summary.outcomes.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["no_deal", "real_deal", "ideal_for_us", "ideal_for_partner"]);
        assert!(
            (summary.start.goods_deficit_bn - 68.5).abs() < 0.5,
            "{}",
            summary.start.goods_deficit_bn
        );
        for side in Side::BOTH {
            assert_eq!(summary.objectives[side].len(), scenario.objectives[side].len());
            for o in &summary.objectives[side] {
                assert_eq!(o.values.len(), 4, "{}", o.id);
                assert_eq!(o.saturated, None, "{}", o.id);
            }
        }
        let text = summary.text(&scenario);
        assert!(text.contains("July 2025 deal"), "{text}");
        assert!(text.contains("0 saturated objective(s)"), "{text}");
    }

    #[test]
    fn an_objective_whose_scale_misses_every_game_is_flagged() {
        let mut scenario = Scenario::builtin().unwrap();
        // A deficit objective whose scale lies far above any deficit the model reaches: every game scores 0.
        let deficit = &mut scenario.objectives.us[0];
        deficit.worst = 400.0;
        deficit.best = 500.0;
        deficit.beyond_best = None;
        let summary = ScenarioSummary::of(&scenario, SUMMARY_SEED);
        assert_eq!(summary.objectives.us[0].saturated, Some(Saturation::AtWorst));
        assert!(summary.text(&scenario).contains("! saturated"));
    }
}
