//! What each lever does, one test per instrument and lever, on the default scenario a year after it is pulled:
//! the sign of its effect on the deficit, the cost to US buyers, tariff revenue, both sides' approval and the risk
//! to the USJTA. And a property: no tariff rise ever lowers the cost to US buyers or the price they pay, or raises
//! Japanese exporters' prices.

mod common;

use proptest::prelude::*;
use tradetable_core::GameState;
use tradetable_core::model::economy::starting_additional;
use tradetable_core::model::economy::{self, Conditions, Policy};
use tradetable_core::rules::score::{Projection, Valuer};

fn projected(scenario: &tradetable_core::Scenario, policy: Policy) -> Projection {
    let state = GameState::new(scenario, 1);
    Valuer::new(scenario, &state).project_policy(policy, 0.0, false)
}

#[test]
fn every_us_tariff_cuts_the_deficit_costs_us_buyers_raises_revenue_and_hurts_japans_cabinet() {
    let s = common::spring_2025();
    let base = projected(&s, Policy::initial(&s));
    let consumers = s
        .politics
        .us
        .constituencies
        .iter()
        .position(|c| c.id == "consumers")
        .unwrap();
    for (i, instrument) in s.us_instruments.iter().enumerate() {
        let mut policy = Policy::initial(&s);
        policy.us_rates[i] = *instrument.options.last().unwrap();
        let p = projected(&s, policy);
        let (e, b) = (&p.economy, &base.economy);
        let id = &instrument.id;
        assert!(e.goods_deficit_bn < b.goods_deficit_bn, "{id}: deficit");
        assert!(e.consumer_cost_bn > b.consumer_cost_bn, "{id}: cost to US buyers");
        assert!(e.tariff_revenue_bn > b.tariff_revenue_bn, "{id}: revenue");
        assert!(
            e.partner_export_loss_bn > b.partner_export_loss_bn,
            "{id}: Japan's exports"
        );
        assert!(p.approval.partner < base.approval.partner, "{id}: Japan's approval");
        assert!(
            p.constituencies.us[consumers] < base.constituencies.us[consumers],
            "{id}: US consumers' approval"
        );
        let covers_autos = instrument.sectors.is_empty() || instrument.sectors.iter().any(|s| s == "autos");
        if id == "s232_autos" || (covers_autos && p.economy.auto_tariff_total > 0.15 + 1e-9) {
            assert!(
                p.trade_agreement_hazard > base.trade_agreement_hazard,
                "{id}: the USJTA is put at risk"
            );
        } else {
            assert_eq!(
                p.trade_agreement_hazard, base.trade_agreement_hazard,
                "{id}: no risk to the USJTA"
            );
        }
    }
}

#[test]
fn the_reciprocal_tariff_at_the_july_deals_15_percent_alone_does_not_threaten_the_usjta() {
    let s = common::spring_2025();
    let mut policy = Policy::initial(&s);
    policy.us_rates[s.instrument_index("rtt_reciprocal").unwrap()] = 0.15;
    let p = projected(&s, policy);
    assert!(
        (p.economy.auto_tariff_total - 0.15).abs() < 0.002,
        "{}",
        p.economy.auto_tariff_total
    );
    assert_eq!(p.trade_agreement_hazard, 0.0);
}

#[test]
fn every_japanese_concession_costs_japan_and_helps_the_us() {
    let s = common::spring_2025();
    let base = projected(&s, Policy::initial(&s));
    for (k, lever) in s.partner_levers.iter().enumerate() {
        let mut policy = Policy::initial(&s);
        policy.concessions[k] = *lever.options.last().unwrap();
        let p = projected(&s, policy);
        let (e, b) = (&p.economy, &base.economy);
        let id = &lever.id;
        assert!(e.concession_cost_bn > b.concession_cost_bn, "{id}: Japan's cost");
        assert!(p.approval.partner < base.approval.partner, "{id}: Japan's approval");
        assert!(p.approval.us >= base.approval.us, "{id}: US approval");
        assert!(e.goods_deficit_bn <= b.goods_deficit_bn, "{id}: deficit");
        assert_eq!(p.trade_agreement_hazard, base.trade_agreement_hazard, "{id}: the USJTA");
        match id.as_str() {
            "lng_energy" | "aircraft_chips" | "farm_purchases" | "rice_quota" | "fmvss" | "copper_lumber_cut" => {
                assert!(e.goods_deficit_bn < b.goods_deficit_bn, "{id}: new US exports")
            }
            "investment" => assert!(e.investment_inflow_bn > b.investment_inflow_bn, "{id}: inflow"),
            _ => {}
        }
        if id == "farm_purchases" || id == "rice_quota" {
            assert!(e.farm_exports_bn > b.farm_exports_bn, "{id}: farm exports");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any path of US rates month by month, then in one month one instrument one option higher: against the same
    /// month without the rise, in every sector whose tariff rose US buyers pay no less and Japanese exporters charge
    /// no more, and the cost to US buyers does not fall.
    #[test]
    fn no_tariff_rise_lowers_the_cost_to_us_buyers(
        path in proptest::collection::vec(proptest::collection::vec(0u8..4, 6), 1..10),
        instrument in 0usize..6,
    ) {
        let s = common::spring_2025();
        let start = starting_additional(&s);
        let mut conditions = Conditions::initial(&s);
        let mut policy = Policy::initial(&s);
        for month in &path {
            for (i, choice) in month.iter().enumerate() {
                let options = &s.us_instruments[i].options;
                policy.us_rates[i] = options[*choice as usize % options.len()];
            }
            conditions.advance(&s, &policy);
        }
        let options = &s.us_instruments[instrument].options;
        let current = options.iter().position(|&o| o == policy.us_rates[instrument]).unwrap();
        prop_assume!(current + 1 < options.len());
        let mut raised = policy.clone();
        raised.us_rates[instrument] = options[current + 1];
        let mut kept_conditions = conditions.clone();
        kept_conditions.advance(&s, &policy);
        let mut raised_conditions = conditions;
        raised_conditions.advance(&s, &raised);
        let kept = economy::evaluate(&s, &start, &policy, &kept_conditions);
        let higher = economy::evaluate(&s, &start, &raised, &raised_conditions);
        // A Section 232 rate replaces the reciprocal rate on its goods, so raising one can lower a sector's whole
        // tariff (15% all-in on parts is 13% above their 2% MFN rate; a 12.5% Section 232 rate is below it): the
        // property is about the tariffs that rose.
        let mut any_fell = false;
        for (h, k) in higher.sectors.iter().zip(&kept.sectors) {
            if h.us_tariff < k.us_tariff {
                any_fell = true;
                continue;
            }
            prop_assert!(h.us_price_index >= k.us_price_index - 1e-12, "{}", h.id);
            prop_assert!(h.export_price_index <= k.export_price_index + 1e-12, "{}", h.id);
        }
        if !any_fell {
            prop_assert!(higher.consumer_cost_bn >= kept.consumer_cost_bn - 1e-9);
        }
    }
}
