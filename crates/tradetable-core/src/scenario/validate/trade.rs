//! The checks of what is traded and what is negotiated: the sectors, the US tariff instruments and the partner's
//! levers. Each returns the ids it found, for the checks of what refers to them.

use std::collections::BTreeSet;

use super::validator::Validator;
use crate::scenario::format::LeverUnit;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{ConcessionEffect, Scenario};

impl Scenario {
    /// The sectors of trade, with their flows, tariffs, elasticities and pass-through; returns their ids.
    pub(super) fn check_sectors(&self, v: &mut Validator, root: &FieldPath) -> BTreeSet<String> {
        let sector_ids = v.unique_ids(&root.field("sectors"), self.sectors.iter().map(|s| s.id.as_str()));
        if self.sectors.is_empty() {
            v.fail(&root.field("sectors"), "expected at least one sector".to_string());
        }
        for (i, s) in self.sectors.iter().enumerate() {
            let p = root.field("sectors").index(i);
            v.billions(&p.field("us_imports_bn"), s.us_imports_bn);
            v.billions(&p.field("us_exports_bn"), s.us_exports_bn);
            v.rate(&p.field("us_tariff"), s.us_tariff);
            v.rate(&p.field("partner_tariff"), s.partner_tariff);
            v.rate(&p.field("partner_mfn_tariff"), s.partner_mfn_tariff);
            v.elasticity(&p.field("us_import_elasticity"), s.us_import_elasticity);
            v.elasticity(&p.field("partner_import_elasticity"), s.partner_import_elasticity);
            let pt = p.field("pass_through");
            v.range(&pt.field("initial"), s.pass_through.initial, 0.0, 1.0);
            v.range(&pt.field("long_run"), s.pass_through.long_run, 0.0, 1.0);
            v.text(&p.field("source"), &s.source);
        }
        sector_ids
    }

    /// The US tariff instruments: the sectors they cover, their rates and options; returns their ids.
    pub(super) fn check_instruments(
        &self,
        v: &mut Validator,
        root: &FieldPath,
        sector_ids: &BTreeSet<String>,
    ) -> BTreeSet<String> {
        let instrument_ids = v.unique_ids(
            &root.field("us_instruments"),
            self.us_instruments.iter().map(|s| s.id.as_str()),
        );
        for (i, ins) in self.us_instruments.iter().enumerate() {
            let p = root.field("us_instruments").index(i);
            for (k, sector) in ins.sectors.iter().enumerate() {
                v.reference(&p.field("sectors").index(k), sector, sector_ids, "sector");
            }
            v.rate(&p.field("rate_now"), ins.rate_now);
            v.options(&p.field("options"), &ins.options, 0.0, 2.0);
            v.among_options(&p.field("rate_now"), ins.rate_now, &ins.options, &ins.id);
            // With no valid round count, `rounds` itself is the problem already reported.
            if (1..=60).contains(&self.rounds) && ins.deal_lag_rounds > self.rounds {
                v.fail(
                    &p.field("deal_lag_rounds"),
                    format!("expected at most {} rounds, found {}", self.rounds, ins.deal_lag_rounds),
                );
            }
            v.text(&p.field("source"), &ins.source);
        }
        instrument_ids
    }

    /// The partner's levers: their options, units, costs and effects; returns their ids, which must differ from
    /// the instruments'.
    pub(super) fn check_levers(
        &self,
        v: &mut Validator,
        root: &FieldPath,
        sector_ids: &BTreeSet<String>,
        instrument_ids: &BTreeSet<String>,
    ) -> BTreeSet<String> {
        let lever_ids = v.unique_ids(
            &root.field("partner_levers"),
            self.partner_levers.iter().map(|s| s.id.as_str()),
        );
        for id in lever_ids.intersection(instrument_ids) {
            v.fail(
                &root.field("partner_levers"),
                format!("id \"{id}\" is used by both a US instrument and a lever of the partner's; ids must be unique"),
            );
        }
        for (i, lever) in self.partner_levers.iter().enumerate() {
            let p = root.field("partner_levers").index(i);
            v.options(&p.field("options"), &lever.options, 0.0, 1.0e4);
            if lever.options.first().is_some_and(|&o| o != 0.0) {
                v.fail(
                    &p.field("options").index(0),
                    "expected the first option to be 0 (no concession)".to_string(),
                );
            }
            match lever.unit {
                LeverUnit::YesNo if lever.options.iter().any(|&o| o != 0.0 && o != 1.0) => v.fail(
                    &p.field("options"),
                    "a yes-or-no lever's options are 0 (no) and 1 (yes)".to_string(),
                ),
                LeverUnit::Share if lever.options.iter().any(|&o| o > 1.0) => v.fail(
                    &p.field("options"),
                    "a share's options lie between 0 and 1 (0.75 reads as 75%)".to_string(),
                ),
                _ => {}
            }
            if matches!(lever.effect, ConcessionEffect::Cooperation) && lever.unit != LeverUnit::YesNo {
                v.fail(
                    &p.field("unit"),
                    "cooperation is given or not: expected the unit YesNo".to_string(),
                );
            }
            v.billions(&p.field("cost_per_unit"), lever.cost_per_unit);
            if lever.phase_in_months > 120 {
                v.fail(
                    &p.field("phase_in_months"),
                    format!("expected at most 120 months, found {}", lever.phase_in_months),
                );
            }
            v.text(&p.field("source"), &lever.source);
            Self::check_pledge_end(v, &p, lever);
            let e = p.field("effect");
            match &lever.effect {
                ConcessionEffect::Purchase { sector, additionality } => {
                    v.reference(&e.field("sector"), sector, sector_ids, "sector");
                    v.range(&e.field("additionality"), *additionality, 0.0, 1.0);
                }
                ConcessionEffect::Investment { years, additionality } => {
                    // The pledge is divided by the years: a tiny divisor would make the yearly inflow overflow, and a pledge
                    // spread over more than a century is no pledge.
                    v.range(&e.field("years"), *years, 0.1, 100.0);
                    v.range(&e.field("additionality"), *additionality, 0.0, 1.0);
                }
                ConcessionEffect::TariffCut { sectors } => {
                    for (k, sector) in sectors.iter().enumerate() {
                        v.reference(&e.field("sectors").index(k), sector, sector_ids, "sector");
                    }
                    if lever.options.iter().any(|&o| o > 1.0) {
                        v.fail(
                            &p.field("options"),
                            "a tariff cut's options are shares between 0 and 1".to_string(),
                        );
                    }
                }
                ConcessionEffect::QuotaExpansion { sector, bn_per_unit } => {
                    v.reference(&e.field("sector"), sector, sector_ids, "sector");
                    v.billions(&e.field("bn_per_unit"), *bn_per_unit);
                }
                ConcessionEffect::StandardsRecognition {
                    sector, bn_per_unit, ..
                } => {
                    v.reference(&e.field("sector"), sector, sector_ids, "sector");
                    v.billions(&e.field("bn_per_unit"), *bn_per_unit);
                }
                ConcessionEffect::Cooperation => {}
            }
        }
        lever_ids
    }
}
