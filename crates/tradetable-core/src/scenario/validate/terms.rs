//! The checks of the deal terms (`deal_terms`): their ids, options and effects, and of a pledge's end
//! (`partner_levers[].ends_after_years`). Each problem names the field at fault, so it is located like any other.

use std::collections::BTreeSet;

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{ConcessionEffect, ConcessionLever, InstrumentKind, LeverUnit, Scenario, TermEffect};

/// The longest a pledge may run: a century is no pledge, and a longer one could never end within a game's horizon.
const MAX_PLEDGE_YEARS: f64 = 100.0;

impl Scenario {
    /// The deal terms: ids unique among every issue, options that fit the effect, and effects that name instruments
    /// and sectors the scenario has; returns their ids.
    pub(super) fn check_deal_terms(
        &self,
        v: &mut Validator,
        root: &FieldPath,
        sector_ids: &BTreeSet<String>,
        instrument_ids: &BTreeSet<String>,
        lever_ids: &BTreeSet<String>,
    ) -> BTreeSet<String> {
        let list = root.field("deal_terms");
        let term_ids = v.unique_ids(&list, self.deal_terms.iter().map(|t| t.id.as_str()));
        for id in term_ids
            .iter()
            .filter(|id| instrument_ids.contains(*id) || lever_ids.contains(*id))
        {
            v.fail(
                &list,
                format!("id \"{id}\" is used by a deal term and by an instrument or lever; ids must be unique"),
            );
        }
        for (k, term) in self.deal_terms.iter().enumerate() {
            let p = list.index(k);
            v.text(&p.field("source"), &term.source);
            let e = p.field("effect");
            match &term.effect {
                TermEffect::AllIn { instruments } => {
                    v.yes_no_options(&p.field("options"), &term.options, "an all-in ceiling");
                    if instruments.is_empty() {
                        v.fail(
                            &e.field("instruments"),
                            "expected at least one instrument to make all-in".to_string(),
                        );
                    }
                    for (n, id) in instruments.iter().enumerate() {
                        v.reference(&e.field("instruments").index(n), id, instrument_ids, "instrument");
                    }
                }
                TermEffect::Section232Cap { sectors, cap } => {
                    v.yes_no_options(&p.field("options"), &term.options, "a cap on Section 232 tariffs");
                    v.rate(&e.field("cap"), *cap);
                    if sectors.is_empty() {
                        v.fail(
                            &e.field("sectors"),
                            "expected at least one sector to protect".to_string(),
                        );
                    }
                    for (n, id) in sectors.iter().enumerate() {
                        v.reference(&e.field("sectors").index(n), id, sector_ids, "sector");
                    }
                }
                TermEffect::TariffRateQuota {
                    instrument,
                    in_quota_rate,
                } => {
                    v.options(
                        &p.field("options"),
                        &term.options,
                        0.0,
                        crate::scenario::schema::MAX_BILLIONS,
                    );
                    v.first_option_is_none(&p.field("options"), &term.options);
                    v.rate(&e.field("in_quota_rate"), *in_quota_rate);
                    v.reference(&e.field("instrument"), instrument, instrument_ids, "instrument");
                    if let Some(i) = self.instrument_index(instrument)
                        && self.us_instruments[i].kind != InstrumentKind::Section232
                        && self.us_instruments[i].sectors.is_empty()
                    {
                        v.fail_with_help(
                            &e.field("instrument"),
                            format!(
                                "\"{instrument}\" covers every sector: a quota on all goods is no tariff-rate quota"
                            ),
                            Some(
                                "name an instrument on named goods, such as a Section 232 tariff on steel".to_string(),
                            ),
                        );
                    }
                }
            }
        }
        term_ids
    }

    /// A pledge's end: a plausible number of years, only on a lever whose effect flows, and written for a purchase
    /// pledged as a total.
    pub(super) fn check_pledge_end(v: &mut Validator, p: &FieldPath, lever: &ConcessionLever) {
        let path = p.field("ends_after_years");
        v.rule(&path, || {
            format!("from 1/12 (a month) to {MAX_PLEDGE_YEARS} years, on a lever whose effect flows")
        });
        match lever.ends_after_years {
            Some(years) => {
                v.range(&path, years, 1.0 / 12.0, MAX_PLEDGE_YEARS);
                if matches!(
                    lever.effect,
                    ConcessionEffect::TariffCut { .. } | ConcessionEffect::Cooperation
                ) {
                    v.fail_with_help(
                        &path,
                        "only a flow ends: a tariff cut or cooperation has no yearly flow to stop".to_string(),
                        Some("remove `ends_after_years`, or model the pledge as a Purchase or Investment".to_string()),
                    );
                }
            }
            None if matches!(lever.effect, ConcessionEffect::Purchase { .. }) && lever.unit == LeverUnit::Billions => {
                v.fail_with_help(
                    &p.field("unit"),
                    "a purchase pledged as a total ($bn) needs the years it is spread over".to_string(),
                    Some(
                        "add `ends_after_years: 3.0` for \"$750bn over three years\", or use the unit BillionsPerYear"
                            .to_string(),
                    ),
                );
            }
            None => {}
        }
    }
}
