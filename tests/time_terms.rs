//! Terms with a time or a ceiling in them, on the `time-terms` fixture: an all-in ceiling, a cap on future Section
//! 232 tariffs, a tariff-rate quota and pledges that end — in the model, in a package, in a signed deal and in the
//! validator's messages. Numbers are worked by hand in the comments.

mod common;

use proptest::prelude::*;
use tradetable_core::analysis::report::GameReport;
use tradetable_core::authoring::summary::{SUMMARY_SEED, ScenarioSummary};
use tradetable_core::model::economy::{self, Conditions, Policy, starting_additional};
use tradetable_core::rules::package::IssueTarget;
use tradetable_core::rules::state::OutcomeKind;
use tradetable_core::{GameState, Move, PackageSpace, Scenario, ScenarioError, Side};

const CARS: usize = 0;
const STEEL: usize = 1;
const CHIPS: usize = 2;
const MACHINERY: usize = 4;
const CHIPS_232: usize = 2;
const STEEL_232: usize = 1;
const RECIPROCAL: usize = 3;
const ALL_IN: usize = 0;
const CHIPS_CAP: usize = 1;
const STEEL_QUOTA: usize = 2;

fn fixture_text() -> String {
    std::fs::read_to_string(common::fixture("time-terms.ron")).unwrap()
}

fn time_terms() -> Scenario {
    tradetable::storage::load_scenario(&common::fixture("time-terms.ron")).expect("the time-terms fixture is valid")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The economy `months` after `policy` replaced the starting policy.
fn economy_after(s: &Scenario, policy: &Policy, months: u32) -> economy::Economy {
    let mut conditions = Conditions::initial(s);
    conditions.advance(s, policy);
    conditions.age_by(months);
    economy::evaluate(s, &starting_additional(s), policy, &conditions)
}

#[test]
fn the_reciprocal_rate_stacks_on_mfn_until_the_all_in_term_is_granted() {
    let s = time_terms();
    let mut policy = Policy::initial(&s);
    policy.us_rates[RECIPROCAL] = 0.15;
    let stacked = economy::us_additional_rates(&s, &policy);
    // Stacked: 15% on top of the cars' 2.5% MFN, 17.5% in all.
    assert!(close(stacked[CARS], 0.15));
    policy.terms[ALL_IN] = 1.0;
    let all_in = economy::us_additional_rates(&s, &policy);
    // All-in: 15% in all, so 12.5% on top of MFN, on cars and machinery alike.
    assert!(close(all_in[CARS], 0.125), "{}", all_in[CARS]);
    assert!(close(all_in[MACHINERY], 0.125));
}

#[test]
fn where_mfn_is_above_the_all_in_ceiling_mfn_alone_applies() {
    let s = common_with_mfn(0.2);
    let mut policy = Policy::initial(&s);
    policy.us_rates[RECIPROCAL] = 0.15;
    policy.terms[ALL_IN] = 1.0;
    assert!(close(economy::us_additional_rates(&s, &policy)[CARS], 0.0));
}

fn common_with_mfn(mfn: f64) -> Scenario {
    let text = fixture_text().replacen("us_tariff: 0.025,", &format!("us_tariff: {mfn:?},"), 1);
    Scenario::from_ron_str(&text, "time-terms (MFN changed)").expect("the modified fixture is valid")
}

#[test]
fn a_section_232_cap_holds_a_later_chip_tariff_at_the_ceiling() {
    let s = time_terms();
    let mut policy = Policy::initial(&s);
    policy.terms[CHIPS_CAP] = 1.0;
    // Imposed after the term: 25% on chips, capped at 15% in all (chips' MFN is 0).
    policy.us_rates[CHIPS_232] = 0.25;
    assert!(close(economy::us_additional_rates(&s, &policy)[CHIPS], 0.15));
    policy.terms[CHIPS_CAP] = 0.0;
    assert!(close(economy::us_additional_rates(&s, &policy)[CHIPS], 0.25));
}

#[test]
fn steel_within_the_quota_pays_the_in_quota_rate_and_the_rest_the_full_rate() {
    let s = time_terms();
    let mut policy = Policy::initial(&s);
    policy.us_rates[STEEL_232] = 0.5;
    policy.terms[STEEL_QUOTA] = 5.0;
    // $5bn of $10bn enters at 0%, the rest at 50%: 0.5 × 0 + 0.5 × 0.5 = 25% on average.
    assert!(close(economy::us_additional_rates(&s, &policy)[STEEL], 0.25));
}

#[test]
fn a_purchase_pledged_over_a_year_flows_for_twelve_months_then_stops() {
    let s = time_terms();
    let mut policy = Policy::initial(&s);
    policy.concessions = vec![30.0, 40.0];
    let during = economy_after(&s, &policy, 11);
    let after = economy_after(&s, &policy, 12);
    // $30bn over one year, half of it new: +$15bn a year of farm exports; the $40bn investment, half new, over a
    // year: +$20bn a year of inflow; costs 30 × 0.1 + 40 × 0.01 = 3.4.
    assert!(
        close(during.farm_exports_bn - after.farm_exports_bn, 15.0),
        "{during:?}"
    );
    assert!(close(during.investment_inflow_bn - after.investment_inflow_bn, 20.0));
    assert!(close(during.concession_cost_bn, 3.4));
    assert!(
        close(after.concession_cost_bn, 0.0),
        "an ended pledge costs nothing more"
    );
}

#[test]
fn deal_terms_are_issues_the_us_grants_after_the_levers() {
    let s = time_terms();
    let space = PackageSpace::of(&s);
    let terms: Vec<_> = space
        .issues
        .iter()
        .filter(|issue| matches!(issue.target, IssueTarget::Term(_)))
        .collect();
    assert_eq!(terms.len(), 3);
    assert!(terms.iter().all(|issue| issue.owner == Side::Us));
    let us_best = space.best_for(Side::Us);
    let partner_best = space.best_for(Side::Partner);
    let first_term = space.issues.len() - 3;
    assert!(
        us_best.choice[first_term..].iter().all(|&c| c == 0),
        "the US grants nothing it need not"
    );
    assert!(partner_best.choice[first_term..].iter().all(|&c| c == 1));
    assert_eq!(terms[2].value_text(&s, 5.0), "$5bn/yr");
    assert_eq!(terms[0].value_text(&s, 1.0), "yes");
}

#[test]
fn a_signed_deal_puts_its_terms_in_force_and_the_cap_binds_its_own_chip_tariff() {
    let s = time_terms();
    let space = PackageSpace::of(&s);
    let deal = s.actual_deal.as_ref().unwrap();
    let mut terms = deal.terms.clone();
    terms.insert("chips_232".to_string(), 0.25);
    let package = space.with_terms(&space.best_for(Side::Us), &terms).unwrap();
    let state = GameState::new(&s, 1);
    let state = common::play(&s, &state, Move::Propose(package));
    let state = common::play(&s, &state, Move::Accept);
    assert_eq!(state.outcome.as_ref().map(|o| o.kind), Some(OutcomeKind::Deal));
    assert_eq!(state.policy.terms, vec![1.0, 1.0, 5.0]);
    let last = state.latest();
    let rate = |id: &str| last.economy.sectors.iter().find(|f| f.id == id).unwrap().us_tariff;
    assert!(
        close(rate("chips"), 0.15),
        "the cap holds chips at 15%: {}",
        rate("chips")
    );
    assert!(close(rate("steel"), 0.25), "half the steel in quota: {}", rate("steel"));
    // Cars: Section 232 at 12.5% on 2.5% MFN; the reciprocal does not apply to goods under Section 232.
    assert!(close(rate("cars"), 0.15), "{}", rate("cars"));
    assert!(
        close(rate("farm"), 0.15),
        "farm goods: the all-in reciprocal on a 0 MFN"
    );
    let transcript = GameReport::new(&s, &state, "us", "partner").transcript(&s);
    for line in ["Reciprocal rate all-in (MFN if higher)", "Steel tariff-rate quota"] {
        assert!(
            transcript.contains(line),
            "the transcript names \"{line}\":\n{transcript}"
        );
    }
    assert!(transcript.contains("$5bn/yr"), "{transcript}");
}

#[test]
fn the_fixture_is_lint_clean_of_idle_terms() {
    let s = time_terms();
    let idle: Vec<_> = tradetable_core::authoring::lint::lint_scenario(&s, 1)
        .into_iter()
        .filter(|l| l.check == "idle_issue")
        .collect();
    assert!(idle.is_empty(), "{idle:?}");
}

#[test]
fn the_summary_lists_the_terms_and_the_pledges_that_end() {
    let s = time_terms();
    let text = ScenarioSummary::of(&s, SUMMARY_SEED).text(&s);
    for line in [
        "all_in (all-in ceiling: reciprocal all-in, MFN if higher; options no, yes)",
        "chips_cap (cap on Section 232 tariffs: Section 232 on chips at most 15% in all; options no, yes)",
        "steel_quota (tariff-rate quota: steel_232 at 0% within the quota; options $0bn/yr, $5bn/yr)",
        "energy (a pledge that ends after 1 year)",
    ] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
}

fn problems_of(text: &str) -> Vec<String> {
    match Scenario::from_ron_str(text, "time-terms (broken)") {
        Err(ScenarioError::Invalid { problems, .. }) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected problems, found {other:?}"),
    }
}

#[test]
fn a_yes_or_no_term_with_other_options_is_located_and_explained() {
    let text = fixture_text().replacen(
        "options: [0.0, 1.0],\n            effect: AllIn",
        "options: [0.0, 0.5],\n            effect: AllIn",
        1,
    );
    let problems = problems_of(&text);
    assert!(
        problems.iter().any(
            |p| p.contains(": deal_terms[0].options: an all-in ceiling is granted or not")
                && p.split(':').next().is_some_and(|line| line.parse::<u32>().is_ok())
        ),
        "{problems:?}"
    );
}

#[test]
fn a_quota_on_an_unknown_instrument_suggests_the_closest() {
    let text = fixture_text().replacen("instrument: \"steel_232\"", "instrument: \"stel_232\"", 1);
    let problems = problems_of(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("deal_terms[2].effect.instrument: unknown instrument \"stel_232\"")),
        "{problems:?}"
    );
}

#[test]
fn a_total_purchase_without_its_years_is_refused_with_help() {
    let text = fixture_text().replacen("            ends_after_years: 1.0,\n", "", 1);
    let problems = problems_of(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("partner_levers[0].unit: a purchase pledged as a total")
                && p.contains("ends_after_years: 3.0")),
        "{problems:?}"
    );
}

#[test]
fn a_deal_that_leaves_out_a_term_is_refused() {
    let text = fixture_text().replacen("            \"steel_quota\": 5.0,\n", "", 1);
    let problems = problems_of(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the deal gives no level for \"steel_quota\"")),
        "{problems:?}"
    );
}

proptest! {
    /// Under an all-in rate the whole tariff is never below MFN and never above max(ceiling, MFN), whatever the
    /// quota lets in; stacked, it is MFN plus the (quota-averaged) rate.
    #[test]
    fn an_all_in_tariff_lies_between_mfn_and_the_higher_of_ceiling_and_mfn(
        mfn in 0.0f64..0.6,
        ceiling in 0.0f64..0.6,
        quota in 0.0f64..20.0,
    ) {
        let s = common_with_mfn(mfn);
        let mut policy = Policy::initial(&s);
        policy.us_rates[RECIPROCAL] = ceiling;
        let stacked = mfn + economy::us_additional_rates(&s, &policy)[CARS];
        prop_assert!((stacked - (mfn + ceiling)).abs() < 1e-12);
        policy.terms[ALL_IN] = 1.0;
        let whole = mfn + economy::us_additional_rates(&s, &policy)[CARS];
        prop_assert!(whole >= mfn - 1e-12);
        prop_assert!(whole <= ceiling.max(mfn) + 1e-12);
        prop_assert!((whole - ceiling.max(mfn)).abs() < 1e-12);
        // A cap on Section 232 keeps the whole tariff within max(cap, MFN) too (here with chips' MFN of 0).
        policy.terms[CHIPS_CAP] = 1.0;
        policy.us_rates[CHIPS_232] = 0.25;
        let chips = economy::us_additional_rates(&s, &policy)[CHIPS];
        prop_assert!(chips <= 0.15 + 1e-12);
        // A quota never raises the rate: steel pays at most the full 50%, and at least the in-quota 0%.
        policy.us_rates[STEEL_232] = 0.5;
        policy.terms[STEEL_QUOTA] = quota;
        let steel = economy::us_additional_rates(&s, &policy)[STEEL];
        prop_assert!((0.0..=0.5).contains(&steel));
        prop_assert!((steel - 0.5 * (1.0 - (quota / 10.0).min(1.0))).abs() < 1e-12);
    }
}
