//! The model's verdict on one table in plain words: the deficit, the trade agreement, each government's standing,
//! the scores and the utilities against no deal and the real deal, and how the negotiation went.

use std::fmt::Write as _;

use super::{Benchmark, Figures, Verdict, points};
use crate::analysis::game::GameAnalysis;
use crate::analysis::outcome_space::Point;
use crate::rules::negotiation::{GameState, OutcomeKind};
use crate::scenario::format::{bn, month, one_decimal, whole_percent};
use crate::scenario::schema::{Scenario, Side};
use crate::scenario::side::capitalised;

/// `x` against `reference`, in $bn: `$2.3bn less than`, `about the same as`.
fn compare_bn(x: f64, reference: f64) -> String {
    let gap = x - reference;
    if gap.abs() < 0.05 {
        "about the same as".to_string()
    } else if gap < 0.0 {
        format!("{} less than", bn(-gap))
    } else {
        format!("{} more than", bn(gap))
    }
}

/// A score against a reference score: `12.3 more`, `4.0 less`, `the same`.
fn compare_points(x: f64, reference: f64) -> String {
    let gap = x - reference;
    if gap.abs() < 0.05 {
        "the same".to_string()
    } else if gap < 0.0 {
        format!("{} less", one_decimal(-gap))
    } else {
        format!("{} more", one_decimal(gap))
    }
}

/// The verdict on a game with these figures, against its benchmark, placed on the plane by `analysis`.
pub(super) fn verdict(
    scenario: &Scenario,
    figures: &Figures,
    benchmark: &Benchmark,
    analysis: &GameAnalysis,
    no_deal_point: Point,
    state: &GameState,
) -> Verdict {
    let mut standing = standing(scenario, figures, benchmark);
    if figures.outcome == Some(OutcomeKind::Collapse)
        && let Some(outcome) = &state.outcome
    {
        let _ = write!(standing, " The talks collapsed: {}.", outcome.reason);
    }
    Verdict {
        deficit: deficit(scenario, figures, benchmark),
        trade_agreement: trade_agreement(scenario, figures, benchmark),
        standing,
        scores: scores(scenario, figures, benchmark),
        utility: utility(scenario, figures, analysis.outcome, no_deal_point),
        negotiation: negotiation(scenario, figures, analysis),
    }
}

/// The deficit against no deal and the real deal, and where it ended.
fn deficit(scenario: &Scenario, figures: &Figures, benchmark: &Benchmark) -> String {
    let partner = scenario.names().with_article(Side::Partner);
    let real_label = scenario.real_deal_label().unwrap_or("the real deal");
    let mut deficit = format!(
        "The US goods deficit with {partner} averaged {} a year — {} with no deal",
        bn(figures.mean_deficit_bn),
        compare_bn(figures.mean_deficit_bn, benchmark.no_deal.mean_deficit_bn)
    );
    if let Some(real) = &benchmark.real_deal {
        let _ = write!(
            deficit,
            " and {} with {real_label}",
            compare_bn(figures.mean_deficit_bn, real.mean_deficit_bn)
        );
    }
    let _ = write!(deficit, " — and stood at {} at the end.", bn(figures.final_deficit_bn));
    deficit
}

/// The fate of the trade agreement, and what it would have been with no deal.
fn trade_agreement(scenario: &Scenario, figures: &Figures, benchmark: &Benchmark) -> String {
    let partner = scenario.names().with_article(Side::Partner);
    match &scenario.trade_agreement {
        None => format!("There is no trade agreement between the United States and {partner} in this scenario."),
        Some(agreement) if agreement.suspension.is_none() => format!(
            "{} stayed in force: suspending it is not in play in this scenario.",
            capitalised(&agreement.full_name)
        ),
        Some(agreement) => {
            let name = capitalised(&agreement.full_name);
            let fate = match (&figures.trade_agreement_lapsed, figures.trade_agreement_survived) {
                (None, _) => format!("{name} stayed in force throughout."),
                (Some(lapsed), true) => {
                    format!("{name} lapsed in {} but was back in force by the end.", month(lapsed))
                }
                (Some(lapsed), false) => format!(
                    "{name} lapsed in {} and was {} at the end.",
                    month(lapsed),
                    figures.trade_agreement
                ),
            };
            format!(
                "{fate} With no deal it would have {}.",
                match &benchmark.no_deal.trade_agreement_lapsed {
                    None => "stayed in force".to_string(),
                    Some(lapsed) => format!("lapsed in {}", month(lapsed)),
                }
            )
        }
    }
}

/// Each government's approval at the end, against no deal.
fn standing(scenario: &Scenario, figures: &Figures, benchmark: &Benchmark) -> String {
    let no_deal = &benchmark.no_deal;
    format!(
        "At the end, US approval stood at {} (no deal: {}) and approval of {} government at {} (no deal: {}).",
        whole_percent(figures.approval.us),
        whole_percent(no_deal.approval.us),
        scenario.names().possessive(Side::Partner),
        whole_percent(figures.approval.partner),
        whole_percent(no_deal.approval.partner)
    )
}

/// The scores against no deal and the real deal.
fn scores(scenario: &Scenario, figures: &Figures, benchmark: &Benchmark) -> String {
    let partner = scenario.names().with_article(Side::Partner);
    let real_label = scenario.real_deal_label().unwrap_or("the real deal");
    let no_deal = &benchmark.no_deal;
    let mut scores = format!(
        "Against no deal, the US scored {} and {} {}",
        compare_points(figures.scores.us, no_deal.scores.us),
        partner,
        compare_points(figures.scores.partner, no_deal.scores.partner)
    );
    if let Some(real) = &benchmark.real_deal {
        let _ = write!(
            scores,
            "; against {real_label}, the US scored {} and {partner} {}",
            compare_points(figures.scores.us, real.scores.us),
            compare_points(figures.scores.partner, real.scores.partner)
        );
    }
    scores.push('.');
    scores
}

/// Who conceded first, how far each side moved, and how much value was left on the table.
fn negotiation(scenario: &Scenario, figures: &Figures, analysis: &GameAnalysis) -> String {
    let names = scenario.names();
    let mut negotiation = if analysis.dance.is_empty() {
        "Neither side made an offer.".to_string()
    } else {
        let first = match analysis.first_concession {
            Some((side, round)) => format!("{} conceded first, in round {round}.", names.subject(side)),
            None => "Neither side made a concession.".to_string(),
        };
        let moved: Vec<String> = Side::BOTH
            .iter()
            .map(|&side| {
                let who = names.short_with_article(side);
                let offers = analysis.dance.iter().filter(|s| s.from == side).count();
                match (offers, analysis.conceded[side]) {
                    (0, _) | (_, None) => format!("{who} made no offer"),
                    (1, _) => format!("{who} made a single offer"),
                    (_, Some(given)) if given >= 0.0 => {
                        format!("{who} gave up {} points of its own value", points(given))
                    }
                    (_, Some(given)) => {
                        format!("{who} ended asking {} points more than it opened with", points(-given))
                    }
                }
            })
            .collect();
        format!("{first} From first offer to last, {}.", moved.join("; "))
    };
    let left = points(analysis.value_left);
    let _ = match figures.outcome {
        Some(OutcomeKind::Deal) if analysis.value_left < 0.0005 => {
            write!(
                negotiation,
                " The deal is on the Pareto frontier: no package was better for both sides."
            )
        }
        Some(OutcomeKind::Deal) => write!(
            negotiation,
            " The deal is {left} points from the Pareto frontier: that much value was left on the table."
        ),
        Some(_) => write!(
            negotiation,
            " Ending without a deal left {left} points on the table (from no deal to the Pareto frontier)."
        ),
        None => write!(
            negotiation,
            " Were the talks to stop now, no deal would leave {left} points on the table."
        ),
    };
    negotiation
}

/// Where the outcome sits on the utility plane against no deal, and why that differs from the scores.
fn utility(scenario: &Scenario, figures: &Figures, outcome: Point, no_deal_point: Point) -> String {
    let partner = scenario.names().with_article(Side::Partner);
    let better = |u: f64, reference: f64| {
        if (u - reference).abs() < 0.0005 {
            "the same as"
        } else if u > reference {
            "better than"
        } else {
            "worse than"
        }
    };
    format!(
        "On the plane, {} is worth {} to the US ({} no deal's {}) and {} to {partner} ({} no deal's {}). Utility \
         values the {} as signed from where the talks began; the scores above judge the whole game month by month, \
         so the two can disagree.",
        if figures.outcome == Some(OutcomeKind::Deal) {
            "the deal"
        } else {
            "the outcome"
        },
        points(outcome.us),
        better(outcome.us, no_deal_point.us),
        points(no_deal_point.us),
        points(outcome.partner),
        better(outcome.partner, no_deal_point.partner),
        points(no_deal_point.partner),
        if figures.outcome == Some(OutcomeKind::Deal) {
            "package"
        } else {
            "outcome"
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_read_in_words() {
        assert_eq!(compare_bn(60.0, 62.34), "$2.3bn less than");
        assert_eq!(compare_bn(62.0, 62.04), "about the same as");
        assert_eq!(compare_bn(64.0, 62.0), "$2.0bn more than");
        assert_eq!(compare_points(55.0, 40.0), "15.0 more");
        assert_eq!(compare_points(40.0, 44.5), "4.5 less");
    }
}
