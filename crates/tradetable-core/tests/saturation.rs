//! The linter (`--lint`) and the summary (`--summary`) judge saturated objectives alike: the same objectives, with
//! the same cause.

use tradetable_core::Scenario;
use tradetable_core::authoring::lint::lint_scenario;
use tradetable_core::authoring::saturation::{Saturation, saturated_objectives};
use tradetable_core::authoring::summary::ScenarioSummary;
use tradetable_core::scenario::schema::{Indicator, Side};

#[test]
fn an_agreement_objective_without_an_agreement_is_flagged_alike_by_the_linter_and_the_summary() {
    let mut scenario = Scenario::builtin().unwrap();
    // An agreement objective in a scenario without an agreement: its value is always 1.
    scenario.trade_agreement = None;
    let objective = &mut scenario.objectives.partner[0];
    objective.indicator = Indicator::TradeAgreementInForce;
    objective.worst = 0.0;
    objective.best = 1.0;
    objective.beyond_best = None;

    let found = saturated_objectives(&scenario, 2025);
    let stuck = found
        .iter()
        .find(|s| s.side == Side::Partner && s.index == 0)
        .expect("the agreement objective is flagged");
    assert_eq!(stuck.saturation, Saturation::AtBest);
    assert!(
        stuck
            .cause
            .contains("the scenario has no trade_agreement, so its value is always 1"),
        "{}",
        stuck.cause
    );

    let linted: Vec<(String, String)> = lint_scenario(&scenario, 2)
        .into_iter()
        .filter(|l| l.check == "saturated_objective")
        .map(|l| (l.path, l.message))
        .collect();
    let summary = ScenarioSummary::of(&scenario, 2025);
    let mut summarised = Vec::new();
    for side in Side::BOTH {
        for (k, o) in summary.objectives[side].iter().enumerate() {
            if let Some(cause) = &o.saturation_cause {
                summarised.push((format!("objectives.{}[{k}]", side.key()), cause.clone()));
            }
        }
    }
    assert_eq!(linted.len(), summarised.len(), "{linted:?} against {summarised:?}");
    for ((lint_path, message), (summary_path, cause)) in linted.iter().zip(&summarised) {
        assert_eq!(lint_path, summary_path);
        assert!(message.ends_with(cause.as_str()), "{message} / {cause}");
    }
    assert!(summary.text(&scenario).contains("so its value is always 1"));
}
