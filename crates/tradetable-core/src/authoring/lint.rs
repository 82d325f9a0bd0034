//! The scenario linter (`tradetable validate --lint`): things a valid scenario can get wrong that make it a poor
//! game — no deal both sides prefer to no deal, an issue nobody cares about, a frontier of one point, events that
//! can never fire, objectives stuck at 0 or 100 whatever happens, personalities whose red lines rule out every deal,
//! figures whose source says nothing, and texts a language of its `translations` leaves out (a player reading that
//! language would meet them in the scenario's own). Each finding names the field it is about, so it can be located like an
//! error.

use serde::Serialize;

use crate::analysis::game::opening_position;
use crate::analysis::outcome_space::{OutcomeSpace, point};
use crate::rules::package::PackageSpace;
use crate::rules::score::Valuer;
use crate::scenario::schema::{Scenario, Side};

/// A utility difference smaller than this is none (a tenth of a point on the 0–100 scale): for the zone of
/// agreement and the frontier, where a sliver is no room to bargain.
const UTILITY_TOLERANCE: f64 = 0.001;

/// An issue moves a utility when it changes it by more than rounding: small issues (a sector of a few $bn) move a
/// side's utility by only a few hundred-thousandths, and that still counts as caring.
const ROUNDING: f64 = 1e-9;

/// The seed of the reference games the saturation check plays: the summary's, so `--lint` and `--summary` agree.
const SATURATION_SEED: u64 = crate::authoring::summary::SUMMARY_SEED;

/// A source shorter than this says nothing about where a figure comes from ("EST", "test").
const SHORTEST_USEFUL_SOURCE: usize = 12;

/// The names of the checks.
pub const CHECKS: [&str; 9] = [
    "empty_zone",
    "idle_issue",
    "degenerate_frontier",
    "never_fires",
    "nothing_observed",
    "saturated_objective",
    "impossible_red_lines",
    "vague_source",
    "missing_translation",
];

/// One finding of the linter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lint {
    /// Which check found it, for `--format json` and for silencing in tools: `empty_zone`, `idle_issue`,
    /// `degenerate_frontier`, `never_fires`, `nothing_observed`, `saturated_objective`, `impossible_red_lines`,
    /// `vague_source`, `missing_translation`.
    pub check: &'static str,
    /// The field path it is about (as validation errors name them), or empty for the scenario as a whole.
    pub path: String,
    /// What is wrong and why it matters.
    pub message: String,
}

fn lint(check: &'static str, path: impl Into<String>, message: impl Into<String>) -> Lint {
    Lint {
        check,
        path: path.into(),
        message: message.into(),
    }
}

/// Every finding for a scenario that has passed validation. `threads` is used to enumerate its packages.
pub fn lint_scenario(scenario: &Scenario, threads: usize) -> Vec<Lint> {
    let mut found = Vec::new();
    let space = OutcomeSpace::at_opening(scenario, threads);
    zone_of_agreement(&space, &mut found);
    idle_issues(scenario, &mut found);
    never_fires(scenario, &mut found);
    nothing_observed(scenario, &mut found);
    saturated_objectives(scenario, &mut found);
    impossible_red_lines(scenario, &mut found);
    vague_sources(scenario, &mut found);
    missing_translations(scenario, &mut found);
    found
}

fn zone_of_agreement(space: &OutcomeSpace, found: &mut Vec<Lint>) {
    let reservation = space.reservation;
    let both_gain = space
        .frontier
        .iter()
        .any(|p| p.us > reservation.us + UTILITY_TOLERANCE && p.partner > reservation.partner + UTILITY_TOLERANCE);
    if !both_gain {
        found.push(lint(
            "empty_zone",
            "",
            "no package is better than no deal for both sides at the opening: rational players will never sign; \
             make concessions worth more to the other side or no deal worse for someone",
        ));
    }
    let distinct = space.frontier.windows(2).any(|w| {
        (w[0].us - w[1].us).abs() > UTILITY_TOLERANCE || (w[0].partner - w[1].partner).abs() > UTILITY_TOLERANCE
    });
    if !distinct {
        found.push(lint(
            "degenerate_frontier",
            "",
            format!(
                "the Pareto frontier has one point ({} packages): every efficient deal is the same to both sides, so \
                 there is nothing to bargain over",
                space.packages
            ),
        ));
    }
}

fn idle_issues(scenario: &Scenario, found: &mut Vec<Lint>) {
    let opening = opening_position(scenario);
    let valuer = Valuer::new(scenario, &opening);
    let packages = PackageSpace::of(scenario);
    let base = packages.from_policy(&opening.policy);
    let base_point = point(&valuer, &base);
    // A deal term matters only beside a rate (an all-in ceiling on a rate of 0 changes nothing), so a term is also
    // tried from the package the US wants most, every rate at its highest.
    let highest = packages.best_for(Side::Us);
    let highest_point = (!scenario.deal_terms.is_empty()).then(|| point(&valuer, &highest));
    for (k, issue) in packages.issues.iter().enumerate() {
        let moves_from = |base: &crate::rules::package::Package, base_point: &crate::analysis::outcome_space::Point| {
            (0..issue.options.len()).any(|option| {
                let mut package = base.clone();
                package.choice[k] = option as u8;
                let p = point(&valuer, &package);
                (p.us - base_point.us).abs() > ROUNDING || (p.partner - base_point.partner).abs() > ROUNDING
            })
        };
        // Suspending a counter-tariff is worth something only once it is set, which the start position never shows.
        if matches!(issue.target, crate::rules::package::IssueTarget::CounterTariff(_)) {
            continue;
        }
        let is_term = matches!(issue.target, crate::rules::package::IssueTarget::Term(_));
        let moves_someone = moves_from(&base, &base_point)
            || (is_term && highest_point.as_ref().is_some_and(|at| moves_from(&highest, at)));
        if !moves_someone {
            let (list, index) = match issue.target {
                crate::rules::package::IssueTarget::Instrument(i) => ("us_instruments", i),
                crate::rules::package::IssueTarget::Lever(i) => ("partner_levers", i),
                crate::rules::package::IssueTarget::Term(i) => ("deal_terms", i),
                crate::rules::package::IssueTarget::CounterTariff(i) => ("partner_tariffs", i),
            };
            found.push(lint(
                "idle_issue",
                format!("{list}[{index}]"),
                format!(
                    "no side's utility changes with \"{}\": no objective or computer player cares about it, so it \
                     only lengthens the table",
                    issue.id
                ),
            ));
        }
    }
}

fn never_fires(scenario: &Scenario, found: &mut Vec<Lint>) {
    for (k, event) in scenario.random_events.iter().enumerate() {
        if event.probability <= 0.0 {
            found.push(lint(
                "never_fires",
                format!("random_events[{k}].probability"),
                format!("\"{}\" has probability 0: it can never happen", event.id),
            ));
        }
    }
    for (k, event) in scenario.scheduled_events.iter().enumerate() {
        if let crate::scenario::schema::ScheduledKind::TariffTakesEffect { instrument, rate } = &event.kind
            && let Some(i) = scenario.instrument_index(instrument)
            && scenario.us_instruments[i].rate_now == *rate
        {
            found.push(lint(
                "never_fires",
                format!("scheduled_events[{k}].kind"),
                format!("\"{instrument}\" already starts at this rate: the scheduled rise changes nothing"),
            ));
        }
    }
}

fn nothing_observed(scenario: &Scenario, found: &mut Vec<Lint>) {
    if scenario
        .history
        .as_ref()
        .is_some_and(|history| history.observed.is_empty())
    {
        found.push(lint(
            "nothing_observed",
            "history.observed",
            "the history observes nothing: `tradetable backtest` has no figure to set the model beside; add the \
             figures that were observed, each with its source, or drop the history",
        ));
    }
}

fn saturated_objectives(scenario: &Scenario, found: &mut Vec<Lint>) {
    for stuck in crate::authoring::saturation::saturated_objectives(scenario, SATURATION_SEED) {
        found.push(lint(
            "saturated_objective",
            format!("objectives.{}[{}]", stuck.side.key(), stuck.index),
            stuck.message(),
        ));
    }
}

/// A personality's red lines rule out every deal when even the package the other side likes best among those the
/// lines allow is worse for the other side than no deal. (Utilities are close to additive over issues, so the best
/// allowed package is the other side's ideal with each lined issue moved to its nearest allowed option.)
fn impossible_red_lines(scenario: &Scenario, found: &mut Vec<Lint>) {
    let opening = opening_position(scenario);
    let valuer = Valuer::new(scenario, &opening);
    let packages = PackageSpace::of(scenario);
    for (k, personality) in scenario.personalities.iter().enumerate() {
        let other = personality.side.other();
        let mut package = packages.best_for(other);
        for line in personality.red_lines.iter().filter(|l| l.before_round.is_none()) {
            let Some(i) = packages.issues.iter().position(|issue| issue.id == line.issue) else {
                continue;
            };
            let wanted = packages.issues[i].options[usize::from(package.choice[i])];
            let nearest = packages.issues[i]
                .options
                .iter()
                .enumerate()
                .filter(|(_, option)| line.limit.allows(**option))
                .min_by(|a, b| (a.1 - wanted).abs().total_cmp(&(b.1 - wanted).abs()));
            if let Some((option, _)) = nearest {
                package.choice[i] = option as u8;
            }
        }
        let value = point(&valuer, &package);
        let (utility, reservation) = match other {
            Side::Us => (value.us, valuer.reservation(Side::Us)),
            Side::Partner => (value.partner, valuer.reservation(Side::Partner)),
        };
        if utility <= reservation {
            found.push(lint(
                "impossible_red_lines",
                format!("personalities[{k}].red_lines"),
                format!(
                    "\"{}\"'s red lines leave {} nothing better than no deal: it can never sign",
                    personality.id,
                    scenario.names().with_article(other)
                ),
            ));
        }
    }
}

fn vague_sources(scenario: &Scenario, found: &mut Vec<Lint>) {
    let mut check = |path: String, source: &str| {
        if source.trim().len() < SHORTEST_USEFUL_SOURCE {
            found.push(lint(
                "vague_source",
                path,
                format!(
                    "the source \"{}\" does not say where the figures come from or why they are estimated",
                    source.trim()
                ),
            ));
        }
    };
    for (k, sector) in scenario.sectors.iter().enumerate() {
        check(format!("sectors[{k}].source"), &sector.source);
    }
    for (k, instrument) in scenario.us_instruments.iter().enumerate() {
        check(format!("us_instruments[{k}].source"), &instrument.source);
    }
    for (k, lever) in scenario.partner_levers.iter().enumerate() {
        check(format!("partner_levers[{k}].source"), &lever.source);
    }
    for (k, event) in scenario.random_events.iter().enumerate() {
        check(format!("random_events[{k}].source"), &event.source);
    }
    for side in Side::BOTH {
        for (k, objective) in scenario.objectives[side].iter().enumerate() {
            check(format!("objectives.{}[{k}].source", side.key()), &objective.source);
        }
    }
}

/// A language the scenario is translated into that leaves a text out: the text shows in the scenario's own language
/// in the middle of the translated ones. Only a language with a block is checked; a scenario need not be translated.
fn missing_translations(scenario: &Scenario, found: &mut Vec<Lint>) {
    for code in scenario.languages() {
        for missing in scenario.missing_translations(code) {
            let preview: String = missing.original.chars().take(60).collect();
            let cut = if preview.len() < missing.original.len() {
                "…"
            } else {
                ""
            };
            found.push(lint(
                "missing_translation",
                missing.path.to_string(),
                format!("the \"{code}\" translation has no text for \"{preview}{cut}\": players reading \"{code}\" see it untranslated"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse::DEFAULT_SCENARIO;

    fn checks(text: &str) -> Vec<&'static str> {
        let scenario = Scenario::from_ron_str(text, "test").unwrap();
        lint_scenario(&scenario, 2).into_iter().map(|l| l.check).collect()
    }

    #[test]
    fn the_shipped_scenario_is_lint_clean() {
        let scenario = Scenario::builtin().unwrap();
        let found = lint_scenario(&scenario, 2);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_source_that_says_nothing_is_found() {
        let text = DEFAULT_SCENARIO.replacen(
            "source: \"Paper: Japan considered lower tariffs on lesser-traded commodities. Cost: estimate.\"",
            "source: \"EST\"",
            1,
        );
        assert_eq!(checks(&text), ["vague_source"]);
    }

    #[test]
    fn an_objective_whose_scale_misses_every_outcome_is_found() {
        let text = DEFAULT_SCENARIO.replacen("worst: 10.5, best: 16.0", "worst: 100.0, best: 200.0", 1);
        assert_eq!(checks(&text), ["saturated_objective"]);
    }

    #[test]
    fn an_issue_nobody_cares_about_is_found() {
        // Copper and lumber duty-free costs Japan nothing and changes no flow if it covers no sector.
        let mut scenario = Scenario::builtin().unwrap();
        let k = scenario.lever_index("copper_lumber_cut").unwrap();
        scenario.partner_levers[k].effect =
            crate::scenario::schema::ConcessionEffect::TariffCut { sectors: Vec::new() };
        scenario.partner_levers[k].cost_per_unit = 0.0;
        let found: Vec<&str> = lint_scenario(&scenario, 2).into_iter().map(|l| l.check).collect();
        assert_eq!(found, ["idle_issue"]);
    }

    #[test]
    fn a_table_with_nothing_to_bargain_over_is_found() {
        // One option per issue, every tariff at its highest: the only package is worse for Japan than no deal (no
        // rise is scheduled), so there is no room to agree, and the frontier is one point.
        let mut scenario = Scenario::builtin().unwrap();
        for instrument in &mut scenario.us_instruments {
            instrument.options = vec![*instrument.options.last().unwrap()];
        }
        for lever in &mut scenario.partner_levers {
            lever.options = vec![0.0];
        }
        scenario.personalities.clear();
        scenario.actual_deal = None;
        scenario.scheduled_events.clear();
        let found: Vec<&str> = lint_scenario(&scenario, 2).into_iter().map(|l| l.check).collect();
        assert!(found.contains(&"empty_zone"), "{found:?}");
        assert!(found.contains(&"degenerate_frontier"), "{found:?}");
    }

    #[test]
    fn a_history_that_observes_nothing_is_found_and_not_backtested() {
        let mut scenario = Scenario::builtin().unwrap();
        if let Some(history) = &mut scenario.history {
            history.observed.clear();
        }
        let found: Vec<&str> = lint_scenario(&scenario, 2).into_iter().map(|l| l.check).collect();
        assert_eq!(found, ["nothing_observed"]);
        let refused = crate::model::backtest::run(&scenario).unwrap_err().to_string();
        assert!(refused.contains("has a history but observes nothing"), "{refused}");
    }

    #[test]
    fn an_event_that_cannot_happen_is_found() {
        let text = DEFAULT_SCENARIO.replacen("probability: 0.12,", "probability: 0.0,", 1);
        assert!(checks(&text).contains(&"never_fires"));
    }

    #[test]
    fn red_lines_that_leave_the_other_side_nothing_are_found() {
        use crate::scenario::schema::{Limit, RedLine};
        let mut scenario = Scenario::builtin().unwrap();
        let mut found = Vec::new();
        impossible_red_lines(&scenario, &mut found);
        assert!(found.is_empty(), "{found:?}");
        // The deficit hawk now insists on every tariff at its highest and every concession at its largest.
        let demands: Vec<RedLine> = scenario
            .us_instruments
            .iter()
            .map(|i| (i.id.clone(), *i.options.last().unwrap()))
            .chain(
                scenario
                    .partner_levers
                    .iter()
                    .map(|l| (l.id.clone(), *l.options.last().unwrap())),
            )
            .map(|(issue, most)| RedLine {
                issue,
                limit: Limit::AtLeast(most),
                before_round: None,
                source: "test".into(),
            })
            .collect();
        let hawk = scenario
            .personalities
            .iter_mut()
            .find(|p| p.id == "deficit_hawk")
            .unwrap();
        hawk.red_lines = demands;
        impossible_red_lines(&scenario, &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("deficit_hawk"));
    }
}
