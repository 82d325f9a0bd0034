//! The checks of a scenario's setting: its id, title, start and length, the exchange rate, the trade dynamics, the
//! sensitivity sets and the investment model.

use super::validator::Validator;
use crate::scenario::format::parse_year_month;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{MAX_CURRENCY_PER_DOLLAR, MIN_CURRENCY_PER_DOLLAR, Scenario};

impl Scenario {
    /// The id, the title, the start month and the number of rounds.
    pub(super) fn check_title_and_length(&self, v: &mut Validator, root: &FieldPath) {
        v.text(&root.field("id"), &self.id);
        v.text(&root.field("title"), &self.title);
        if parse_year_month(&self.start).is_none() {
            v.fail(
                &root.field("start"),
                format!("expected a month as \"YYYY-MM\", found \"{}\"", self.start),
            );
        }
        if self.rounds == 0 {
            v.fail(&root.field("rounds"), "expected at least 1 round, found 0".to_string());
        } else if self.rounds > 60 {
            v.fail(
                &root.field("rounds"),
                format!("expected at most 60 rounds, found {}", self.rounds),
            );
        }
    }

    /// The exchange rate, now and in the base year, and how trade answers it.
    pub(super) fn check_exchange(&self, v: &mut Validator, root: &FieldPath) {
        let fx = root.field("exchange");
        v.range(
            &fx.field("currency_per_dollar"),
            self.exchange.currency_per_dollar,
            MIN_CURRENCY_PER_DOLLAR,
            MAX_CURRENCY_PER_DOLLAR,
        );
        v.range(
            &fx.field("base_currency_per_dollar"),
            self.exchange.base_currency_per_dollar,
            MIN_CURRENCY_PER_DOLLAR,
            MAX_CURRENCY_PER_DOLLAR,
        );
        v.range(
            &fx.field("import_fx_elasticity"),
            self.exchange.import_fx_elasticity,
            0.0,
            5.0,
        );
        v.range(
            &fx.field("export_fx_elasticity"),
            self.exchange.export_fx_elasticity,
            0.0,
            5.0,
        );

        v.text(&fx.field("source"), &self.exchange.source);
    }

    /// How fast trade volumes follow prices, and over how many months a deal is valued.
    pub(super) fn check_dynamics(&self, v: &mut Validator, root: &FieldPath) {
        let dy = root.field("dynamics");
        if v.finite(
            &dy.field("volume_adjustment_per_month"),
            self.dynamics.volume_adjustment_per_month,
        ) && !(self.dynamics.volume_adjustment_per_month > 0.0 && self.dynamics.volume_adjustment_per_month <= 1.0)
        {
            v.fail(
                &dy.field("volume_adjustment_per_month"),
                format!(
                    "expected a share of the gap closed each month, above 0 and at most 1, found {}",
                    self.dynamics.volume_adjustment_per_month
                ),
            );
        }
        if self.dynamics.volume_lag_months > 24 {
            v.fail(
                &dy.field("volume_lag_months"),
                format!("expected at most 24 months, found {}", self.dynamics.volume_lag_months),
            );
        }
        if !(1..=60).contains(&self.dynamics.valuation_months) {
            v.fail(
                &dy.field("valuation_months"),
                format!("expected 1 to 60 months, found {}", self.dynamics.valuation_months),
            );
        }
        v.text(&dy.field("source"), &self.dynamics.source);
    }

    /// The low and high parameter sets the model's sensitivity is shown with.
    pub(super) fn check_sensitivity(&self, v: &mut Validator, root: &FieldPath) {
        let sp = root.field("sensitivity");
        for (name, set) in [("low", &self.sensitivity.low), ("high", &self.sensitivity.high)] {
            let p = sp.field(name);
            v.range(&p.field("elasticity_scale"), set.elasticity_scale, 0.1, 5.0);
            v.range(&p.field("pass_through_shift"), set.pass_through_shift, -1.0, 1.0);
            v.range(&p.field("adjustment_scale"), set.adjustment_scale, 0.1, 10.0);
        }
        v.text(&sp.field("source"), &self.sensitivity.source);
    }

    /// The investment model: the baseline inflow and how uncertainty holds it back.
    pub(super) fn check_investment(&self, v: &mut Validator, root: &FieldPath) {
        let inv = root.field("investment");
        v.billions(&inv.field("baseline_inflow_bn"), self.investment.baseline_inflow_bn);
        v.range(
            &inv.field("uncertainty_drag"),
            self.investment.uncertainty_drag,
            0.0,
            1.0,
        );
        // Percentage points of tariff (rates are at most 2, 200%); threats are divided by it, so not near 0.
        v.range(
            &inv.field("full_uncertainty_points"),
            self.investment.full_uncertainty_points,
            0.1,
            200.0,
        );
        v.range(
            &inv.field("unsettled_uncertainty"),
            self.investment.unsettled_uncertainty,
            0.0,
            1.0,
        );
        v.text(&inv.field("source"), &self.investment.source);
    }
}
