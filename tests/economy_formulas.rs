//! The model's formulas against values worked out by hand on the two-sector fixture (see docs/model.md).

mod common;

use tradetable_core::Scenario;
use tradetable_core::model::economy::starting_additional;
use tradetable_core::model::economy::{self, Conditions, Economy, Policy, Steps, TradeAgreementStatus};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The conditions in the month `policy` replaced the starting policy, then `months` later.
fn conditions_after(s: &Scenario, policy: &Policy, months: u32) -> Conditions {
    let mut conditions = Conditions::initial(s);
    conditions.advance(s, policy);
    conditions.age_by(months);
    conditions
}

/// The economy in the month `policy` replaced the starting policy, then `months` later.
fn economy_after(s: &Scenario, policy: &Policy, months: u32) -> Economy {
    economy::evaluate(s, &starting_additional(s), policy, &conditions_after(s, policy, months))
}

#[test]
fn before_any_move_the_flows_are_the_scenario_flows() {
    let s = common::two_sectors();
    let e = economy::evaluate(
        &s,
        &starting_additional(&s),
        &Policy::initial(&s),
        &Conditions::initial(&s),
    );
    assert!(close(e.us_imports_bn, 100.0));
    assert!(close(e.us_exports_bn, 30.0));
    assert!(close(e.goods_deficit_bn, 70.0));
    // 70 × 100 / 150
    assert!(close(e.goods_deficit_base_fx_bn, 70.0 * 100.0 / 150.0));
    assert!(close(e.consumer_cost_bn, 0.0));
    assert!(close(e.investment_inflow_bn, 20.0));
}

#[test]
fn a_new_tariff_is_mostly_absorbed_by_exporters_in_its_first_month() {
    let s = common::two_sectors();
    let mut policy = Policy::initial(&s);
    policy.us_rates[0] = 0.2;
    let e = economy_after(&s, &policy, 0);
    // φ = 0.5 at age 0; x = 0.2 / 1.0; volume = 1 − 2 × 0.5 × 0.2 = 0.8; price = 1 − 0.5 × 0.2 = 0.9.
    let cars = &e.sectors[0];
    assert!(close(cars.pass_through, 0.5));
    assert!(close(cars.export_price_index, 0.9));
    assert!(close(cars.us_imports_bn, 72.0));
    assert!(close(e.tariff_revenue_bn, 0.2 * 72.0));
    // 100 × 0.5 × 0.2 × (0.8 + 0.5 × 0.2) = 9
    assert!(close(e.consumer_cost_bn, 9.0));
    assert!(close(e.partner_export_loss_bn, 28.0));
    assert!(close(e.auto_export_loss_bn, 28.0));
    assert!(close(e.auto_tariff_additional, 0.2));
}

#[test]
fn pass_through_rises_to_its_long_run_share() {
    let s = common::two_sectors();
    let mut policy = Policy::initial(&s);
    policy.us_rates[0] = 0.2;
    let e = economy_after(&s, &policy, 2);
    // φ = 0.5 + 0.5 × 2/4 = 0.75; volume = 1 − 2 × 0.75 × 0.2 = 0.7; price = 1 − 0.25 × 0.2 = 0.95.
    assert!(close(e.sectors[0].us_imports_bn, 100.0 * 0.7 * 0.95));
    let e = economy_after(&s, &policy, 9);
    // Full pass-through: the SMART formula ΔM = M · ε · Δt / (1 + t0) = 100 × −2 × 0.2 = −40.
    assert!(close(e.sectors[0].us_imports_bn, 60.0));
}

#[test]
fn goods_under_section_232_are_exempt_from_the_reciprocal_tariff() {
    let s = common::two_sectors();
    let mut policy = Policy::initial(&s);
    policy.us_rates[1] = 0.1;
    let only_reciprocal = economy::us_additional_rates(&s, &policy);
    assert!(close(only_reciprocal[0], 0.1));
    policy.us_rates[0] = 0.2;
    let both = economy::us_additional_rates(&s, &policy);
    assert!(
        close(both[0], 0.2),
        "Section 232 replaces the reciprocal rate, it does not stack"
    );
}

#[test]
fn an_all_in_rate_replaces_a_lower_mfn_rate_instead_of_adding_to_it() {
    let s = common::two_sectors_with(&[(
        "us_tariff: 0.0,\n            partner_tariff: 0.0,",
        "us_tariff: 0.04,\n            partner_tariff: 0.0,",
    )]);
    let mut policy = Policy::initial(&s);
    policy.us_rates[1] = 0.1;
    let rates = economy::us_additional_rates(&s, &policy);
    assert!(close(rates[0], 0.1 - 0.04));
}

#[test]
fn a_tariff_rate_quota_lets_part_of_the_imports_in_at_no_extra_tariff() {
    let s = common::two_sectors();
    let mut policy = Policy::initial(&s);
    policy.us_rates[0] = 0.2;
    policy.us_quotas_bn[0] = 25.0;
    // A quarter of the covered imports enter in-quota: the average additional rate is 0.2 × 0.75.
    assert!(close(economy::us_additional_rates(&s, &policy)[0], 0.15));
}

#[test]
fn a_lapsed_usjta_brings_japans_mfn_tariff_on_farm_goods() {
    let s = common::two_sectors();
    let mut policy = Policy::initial(&s);
    policy.trade_agreement = TradeAgreementStatus::Suspended;
    let e = economy_after(&s, &policy, 0);
    // y = (0.32 − 0.10) / 1.10 = 0.2; volume = 1 − 1.1 × 0.2 = 0.78.
    assert!(close(e.sectors[1].partner_tariff, 0.32));
    assert!(close(e.farm_exports_bn, 20.0 * 0.78));
}

#[test]
fn purchases_and_pledges_add_their_new_share() {
    let s = common::two_sectors();
    let mut policy = Policy::initial(&s);
    policy.concessions = vec![4.0, 40.0];
    let mut conditions = conditions_after(&s, &policy, 0);
    conditions.uncertainty = 0.5;
    let e = economy::evaluate(&s, &starting_additional(&s), &policy, &conditions);
    assert!(close(e.farm_exports_bn, 20.0 + 4.0 * 0.5));
    // 20 × (1 − 0.5 × 0.5) + 40 × 0.5 / 4
    assert!(close(e.investment_inflow_bn, 15.0 + 5.0));
    assert!(close(e.concession_cost_bn, 1.0));
}

#[test]
fn a_weaker_yen_raises_imports_and_lowers_the_deficit_at_base_year_rates() {
    let s = common::two_sectors();
    let mut conditions = Conditions::initial(&s);
    conditions.currency_per_dollar = 165.0;
    let e = economy::evaluate(&s, &starting_additional(&s), &Policy::initial(&s), &conditions);
    assert!(close(e.us_imports_bn, 105.0));
    assert!(close(e.us_exports_bn, 28.5));
    assert!(close(e.goods_deficit_base_fx_bn, 76.5 * 100.0 / 165.0));
}

#[test]
fn an_exempted_sector_pays_none_of_the_instrument() {
    let s = common::two_sectors();
    let mut policy = Policy::initial(&s);
    policy.us_rates[1] = 0.1;
    policy.us_exemptions[1] = vec![0];
    let rates = economy::us_additional_rates(&s, &policy);
    assert!(close(rates[0], 0.0));
    assert!(close(rates[1], 0.1), "the other sector still pays");
}

/// The two-sector fixture with volumes that wait `lag` months and then close `speed` of the gap a month.
fn with_dynamics(lag: u32, speed: &str) -> Scenario {
    common::two_sectors_with(&[(
        "volume_lag_months: 0, volume_adjustment_per_month: 1.0",
        &format!("volume_lag_months: {lag}, volume_adjustment_per_month: {speed}"),
    )])
}

#[test]
fn volumes_wait_for_the_lag_then_close_a_share_of_the_gap_each_month() {
    let s = with_dynamics(2, "0.5");
    let mut policy = Policy::initial(&s);
    policy.us_rates[0] = 0.2;
    // Long-run volume response at full pass-through (age ≥ 4): −2 × 0.2 = −0.4.
    let volume = |months| economy_after(&s, &policy, months).sectors[0].import_volume_index;
    assert!(close(volume(0), 1.0), "no response in the month of the rise");
    assert!(close(volume(1), 1.0), "nor in the lag's first month");
    // Age 2, the lag's end: half the gap at φ = 0.5 + 0.5 × 2/4 = 0.75: 1 − 2 × 0.75 × 0.2 × 0.5 = 0.85.
    assert!(close(volume(2), 0.85));
    // Age 9: 1 − 0.5^8 of the full response −0.4.
    assert!(close(volume(9), 1.0 - 0.4 * (1.0 - 0.5_f64.powi(8))));
}

#[test]
fn a_second_rise_does_not_restart_the_pass_through_of_the_first() {
    let s = common::two_sectors();
    let mut first = Policy::initial(&s);
    first.us_rates[0] = 0.1;
    let mut conditions = Conditions::initial(&s);
    conditions.advance(&s, &first);
    conditions.age_by(4);
    let mut second = first.clone();
    second.us_rates[0] = 0.2;
    let before = economy::evaluate(&s, &starting_additional(&s), &first, &conditions);
    conditions.advance(&s, &second);
    let after = economy::evaluate(&s, &starting_additional(&s), &second, &conditions);
    // The first 10 points pass through in full (age 5), the new 10 at 0.5: φ over the whole rise 0.75.
    assert!(close(after.sectors[0].pass_through, 0.75));
    assert!(close(after.sectors[0].export_price_index, 1.0 - 0.5 * 0.1));
    assert!(after.consumer_cost_bn > before.consumer_cost_bn);
    assert!(after.sectors[0].us_price_index > before.sectors[0].us_price_index);
    assert!(after.sectors[0].export_price_index <= before.sectors[0].export_price_index);
}

#[test]
fn a_cut_takes_back_the_latest_rise_first() {
    let mut steps = Steps::default();
    steps.advance(0.25);
    steps.advance(0.0);
    steps.advance(0.1);
    steps.advance(-0.2);
    // The 0.1 rise of last month is gone, and 0.1 of the older 0.25 with it.
    assert_eq!(steps.0.len(), 1);
    assert!(close(steps.0[0].amount, 0.15));
    assert_eq!(steps.0[0].age, 3);
    steps.advance(-0.25);
    assert_eq!(steps.0.len(), 1);
    assert!(
        close(steps.0[0].amount, -0.1),
        "below the start, the cut is a change of its own"
    );
    assert_eq!(steps.0[0].age, 0);
    assert!(close(steps.total(), -0.1));
}

#[test]
fn purchases_phase_in_from_the_month_they_start() {
    let s = common::two_sectors_with(&[(
        "effect: Purchase(sector: \"farm\", additionality: 0.5),\n            phase_in_months: 0,",
        "effect: Purchase(sector: \"farm\", additionality: 0.5),\n            phase_in_months: 4,",
    )]);
    let mut policy = Policy::initial(&s);
    policy.concessions[0] = 4.0;
    // A quarter of the 2 bn of new exports in the first month, all of it from the fourth.
    assert!(close(economy_after(&s, &policy, 0).farm_exports_bn, 20.0 + 2.0 * 0.25));
    assert!(close(economy_after(&s, &policy, 3).farm_exports_bn, 22.0));
    assert!(close(economy_after(&s, &policy, 12).farm_exports_bn, 22.0));
}
