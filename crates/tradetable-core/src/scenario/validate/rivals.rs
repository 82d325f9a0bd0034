//! The checks of the partner's rival suppliers (`rivals`): σ, each sector's shares, and the tariffs the rivals face
//! month by month.

use std::collections::BTreeSet;

use super::validator::Validator;
use crate::scenario::rivals::month_number;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::Scenario;

/// The largest substitution elasticity: published Armington elasticities for US imports stay well below it.
const MAX_SUBSTITUTION: f64 = 20.0;

/// The most rival sectors and the most tariff changes per sector: a scenario has a few dozen sectors at most, and a
/// rival's tariff changes a few times a year.
const MAX_RIVAL_SECTORS: usize = 200;
const MAX_RIVAL_TARIFFS: usize = 120;

impl Scenario {
    /// The rivals: σ within range, sectors that exist (each listed once), shares that add up to at most 1, and
    /// tariffs in month order.
    pub(super) fn check_rivals(&self, v: &mut Validator, root: &FieldPath, sector_ids: &BTreeSet<String>) {
        let Some(rivals) = &self.rivals else {
            return;
        };
        let rp = root.field("rivals");
        v.positive_at_most(
            &rp.field("substitution_elasticity"),
            rivals.substitution_elasticity,
            MAX_SUBSTITUTION,
        );
        v.text(&rp.field("source"), &rivals.source);
        let list = rp.field("sectors");
        if rivals.sectors.len() > MAX_RIVAL_SECTORS {
            v.fail(
                &list,
                format!(
                    "expected at most {MAX_RIVAL_SECTORS} sectors, found {}",
                    rivals.sectors.len()
                ),
            );
            return;
        }
        let mut seen = BTreeSet::new();
        for (k, rival) in rivals.sectors.iter().enumerate() {
            let p = list.index(k);
            v.reference(&p.field("sector"), &rival.sector, sector_ids, "sector");
            if !seen.insert(rival.sector.as_str()) {
                v.fail(
                    &p.field("sector"),
                    format!(
                        "sector \"{}\" is listed twice; give each sector's rivals once",
                        rival.sector
                    ),
                );
            }
            v.range(&p.field("partner_share"), rival.partner_share, 0.0, 1.0);
            v.range(&p.field("rivals_share"), rival.rivals_share, 0.0, 1.0);
            if rival.partner_share + rival.rivals_share > 1.0 + 1e-9 {
                v.fail_with_help(
                    &p.field("rivals_share"),
                    format!(
                        "the partner's share ({}) and the rivals' ({}) add up to more than all US imports",
                        rival.partner_share, rival.rivals_share
                    ),
                    Some("both are shares of all US imports of the sector's goods, from every country".to_string()),
                );
            }
            v.text(&p.field("source"), &rival.source);
            let tp = p.field("tariffs");
            if rival.tariffs.len() > MAX_RIVAL_TARIFFS {
                v.fail(
                    &tp,
                    format!(
                        "expected at most {MAX_RIVAL_TARIFFS} changes, found {}",
                        rival.tariffs.len()
                    ),
                );
                continue;
            }
            let mut previous: Option<u32> = None;
            for (n, tariff) in rival.tariffs.iter().enumerate() {
                let t = tp.index(n);
                v.rate(&t.field("rate"), tariff.rate);
                v.text(&t.field("source"), &tariff.source);
                v.rule(&t.field("from"), || {
                    "a month as \"YYYY-MM\", later than the entry before".to_string()
                });
                match month_number(&tariff.from) {
                    None => v.fail(
                        &t.field("from"),
                        format!("expected a month as \"YYYY-MM\", found \"{}\"", tariff.from),
                    ),
                    Some(month) => {
                        if previous.is_some_and(|before| month <= before) {
                            v.fail(
                                &t.field("from"),
                                format!(
                                    "expected a month later than the entry before, found \"{}\": list changes in order",
                                    tariff.from
                                ),
                            );
                        }
                        previous = Some(month);
                    }
                }
            }
        }
    }
}
