//! The checks of the partner's counter-tariffs: their basket and the sectors it is drawn from, the constituencies
//! they hit, their rates and dates, and how a deal or the computer partner uses them.

use std::collections::BTreeSet;

use super::validator::Validator;
use crate::scenario::format::parse_year_month;
use crate::scenario::partner_tariffs::{MAX_PARTNER_TARIFFS, MAX_SUSPENSION_MONTHS};
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{MAX_FIGURE, MAX_REACTION, Scenario};
use crate::scenario::side::Side;

/// The most US states a counter-tariff may name, and the most constituencies it may target on either side.
const MAX_NAMED: usize = 16;

impl Scenario {
    /// Every counter-tariff; `issue_ids` are the ids of the instruments, levers and deal terms, which a
    /// counter-tariff's id must not repeat. Returns the ids of the negotiable ones (issues of a package).
    pub(super) fn check_partner_tariffs(
        &self,
        v: &mut Validator,
        root: &FieldPath,
        sector_ids: &BTreeSet<String>,
        issue_ids: &BTreeSet<String>,
    ) -> BTreeSet<String> {
        let list = root.field("partner_tariffs");
        v.rule(&list, || format!("at most {MAX_PARTNER_TARIFFS} counter-tariffs"));
        if self.partner_tariffs.len() > MAX_PARTNER_TARIFFS {
            v.fail(
                &list,
                format!(
                    "at most {MAX_PARTNER_TARIFFS} counter-tariffs (the partner's lever panel has room for no more), found {}",
                    self.partner_tariffs.len()
                ),
            );
        }
        let ids = v.unique_ids(&list, self.partner_tariffs.iter().map(|t| t.id.as_str()));
        for id in ids.intersection(issue_ids) {
            v.fail(
                &list,
                format!(
                    "id \"{id}\" is used by both a counter-tariff and an instrument, lever or deal term; ids must be unique"
                ),
            );
        }
        let constituency_ids = |side: Side| -> BTreeSet<String> {
            self.politics[side]
                .constituencies
                .iter()
                .map(|c| c.id.clone())
                .collect()
        };
        let (us_ids, partner_ids) = (constituency_ids(Side::Us), constituency_ids(Side::Partner));
        let mut negotiable = BTreeSet::new();
        for (i, tariff) in self.partner_tariffs.iter().enumerate() {
            let p = list.index(i);
            v.text(&p.field("name"), &tariff.name);
            v.text(&p.field("explanation"), &tariff.explanation);
            v.text(&p.field("source"), &tariff.source);
            v.billions(&p.field("basket_bn"), tariff.basket_bn);
            self.check_basket(v, &p, tariff, sector_ids);
            v.bounded_list(&p.field("us_states"), tariff.us_states.len(), MAX_NAMED, "US states");
            for (k, state) in tariff.us_states.iter().enumerate() {
                v.text(&p.field("us_states").index(k), state);
            }
            for (field, targets, known, what) in [
                (
                    "us_constituencies",
                    &tariff.us_constituencies,
                    &us_ids,
                    "US constituency",
                ),
                (
                    "partner_constituencies",
                    &tariff.partner_constituencies,
                    &partner_ids,
                    "constituency of the partner's",
                ),
            ] {
                v.bounded_list(&p.field(field), targets.len(), MAX_NAMED, "constituencies");
                for (k, id) in targets.iter().enumerate() {
                    v.reference(&p.field(field).index(k), id, known, what);
                }
            }
            v.range(
                &p.field("us_approval_per_bn"),
                tariff.us_approval_per_bn,
                0.0,
                MAX_REACTION,
            );
            v.range(
                &p.field("partner_approval_per_bn"),
                tariff.partner_approval_per_bn,
                0.0,
                MAX_REACTION,
            );
            v.options(&p.field("options"), &tariff.options, 0.0, 2.0);
            v.first_option_is_none(&p.field("options"), &tariff.options);
            v.rate(&p.field("rate_now"), tariff.rate_now);
            v.among_options(&p.field("rate_now"), tariff.rate_now, &tariff.options, &tariff.id);
            if let Some(month) = &tariff.suspended_until {
                v.rule(&p.field("suspended_until"), || "a month as \"YYYY-MM\"".to_string());
                if parse_year_month(month).is_none() {
                    v.fail(
                        &p.field("suspended_until"),
                        format!("expected a month as \"YYYY-MM\", found \"{month}\""),
                    );
                }
            }
            v.rule(&p.field("deal_suspends_months"), || {
                format!("1 to {MAX_SUSPENSION_MONTHS} months when `negotiable`")
            });
            if tariff.negotiable {
                negotiable.insert(tariff.id.clone());
                if !(1..=MAX_SUSPENSION_MONTHS).contains(&tariff.deal_suspends_months) {
                    v.fail(
                        &p.field("deal_suspends_months"),
                        format!(
                            "a negotiable counter-tariff is suspended by a deal for 1 to {MAX_SUSPENSION_MONTHS} months, found {}",
                            tariff.deal_suspends_months
                        ),
                    );
                }
            } else if tariff.deal_suspends_months > MAX_SUSPENSION_MONTHS {
                v.fail(
                    &p.field("deal_suspends_months"),
                    format!(
                        "expected at most {MAX_SUSPENSION_MONTHS} months, found {}",
                        tariff.deal_suspends_months
                    ),
                );
            }
            v.range(
                &p.field("provoked_above_points"),
                tariff.provoked_above_points,
                0.0,
                MAX_FIGURE,
            );
        }
        negotiable
    }

    /// The sectors a basket is drawn from: known, not repeated, and exporting at least the basket between them.
    fn check_basket(
        &self,
        v: &mut Validator,
        p: &FieldPath,
        tariff: &crate::scenario::partner_tariffs::PartnerTariff,
        sector_ids: &BTreeSet<String>,
    ) {
        let sp = p.field("sectors");
        v.rule(&sp, || "1 or more sector ids, each once".to_string());
        if tariff.sectors.is_empty() {
            v.fail(&sp, "expected at least one sector the basket is drawn from".to_string());
        }
        let mut seen = BTreeSet::new();
        for (k, sector) in tariff.sectors.iter().enumerate() {
            v.reference(&sp.index(k), sector, sector_ids, "sector");
            if !seen.insert(sector) {
                v.fail(&sp.index(k), format!("sector \"{sector}\" is named twice"));
            }
        }
        let exports: f64 = self
            .sectors
            .iter()
            .filter(|s| tariff.sectors.contains(&s.id))
            .map(|s| s.us_exports_bn)
            .sum();
        v.rule(&p.field("basket_bn"), || {
            "at most the US exports of its sectors".to_string()
        });
        if tariff.basket_bn.is_finite() && !tariff.sectors.is_empty() && tariff.basket_bn > exports {
            v.fail_with_help(
                &p.field("basket_bn"),
                format!(
                    "a basket of ${}bn is more than the ${exports:.1}bn a year of US exports of its sectors",
                    tariff.basket_bn
                ),
                Some("name more sectors, or check the basket's value and currency".to_string()),
            );
        }
    }
}
