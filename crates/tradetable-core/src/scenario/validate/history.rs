//! The checks of what really happened: the history a scenario is backtested on, and the deal actually made.

use std::collections::BTreeSet;

use super::validator::{Validator, quoted_list};
use crate::scenario::format::parse_year_month;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{MAX_CURRENCY_PER_DOLLAR, MIN_CURRENCY_PER_DOLLAR, Scenario};

impl Scenario {
    /// The history: its months, the policy changes month by month, and the changes observed.
    pub(super) fn check_history(&self, v: &mut Validator, root: &FieldPath, sector_ids: &BTreeSet<String>) {
        let Some(history) = &self.history else {
            return;
        };
        let hp = root.field("history");
        let start = parse_year_month(&history.start);
        if start.is_none() {
            v.fail(
                &hp.field("start"),
                format!("expected a month as \"YYYY-MM\", found \"{}\"", history.start),
            );
        }
        if !(1..=60).contains(&history.months) {
            v.fail(
                &hp.field("months"),
                format!("expected 1 to 60 months, found {}", history.months),
            );
        }
        v.range(
            &hp.field("currency_per_dollar"),
            history.currency_per_dollar,
            MIN_CURRENCY_PER_DOLLAR,
            MAX_CURRENCY_PER_DOLLAR,
        );
        v.text(&hp.field("source"), &history.source);
        let check_month = |v: &mut Validator, path: &FieldPath, month: &str| {
            let Some(start) = start else { return };
            match history.month_index(month) {
                Some(_) => {}
                None if parse_year_month(month).is_none() => {
                    v.fail(path, format!("expected a month as \"YYYY-MM\", found \"{month}\""))
                }
                None => v.fail(
                    path,
                    format!(
                        "expected a month within the {} months from {:04}-{:02}, found \"{month}\"",
                        history.months, start.0, start.1
                    ),
                ),
            }
        };
        let mut previous = None;
        for (i, change) in history.changes.iter().enumerate() {
            let cp = hp.field("changes").index(i);
            check_month(v, &cp.field("month"), &change.month);
            let index = history.month_index(&change.month);
            if index.is_some() && previous.is_some() && index <= previous {
                v.fail(
                    &cp.field("month"),
                    "expected changes in calendar order, one entry a month".to_string(),
                );
            }
            previous = index.or(previous);
            for (id, value) in &change.set {
                let path = cp.field("set").field(id);
                if self.instrument_index(id).is_some() {
                    v.rate(&path, *value);
                } else if self.lever_index(id).is_some() {
                    v.range(&path, *value, 0.0, 1.0e4);
                } else {
                    v.unknown_issue(&path, id, self);
                }
            }
            for (id, sectors) in &change.exempt {
                let path = cp.field("exempt").field(id);
                if self.instrument_index(id).is_none() {
                    v.fail(&path, format!("unknown US instrument \"{id}\""));
                }
                for (k, sector) in sectors.iter().enumerate() {
                    v.reference(&path.index(k), sector, sector_ids, "sector");
                }
            }
            v.text(&cp.field("source"), &change.source);
        }
        for (i, observation) in history.observed.iter().enumerate() {
            let op = hp.field("observed").index(i);
            if let Some(sector) = &observation.sector {
                v.reference(&op.field("sector"), sector, sector_ids, "sector");
            }
            if let Some(month) = &observation.month {
                check_month(v, &op.field("month"), month);
            }
            v.range(&op.field("change_pct"), observation.change_pct, -100.0, 1000.0);
            v.text(&op.field("source"), &observation.source);
        }
    }

    /// The deal actually made: a level for every instrument and lever, each one of its options.
    pub(super) fn check_actual_deal(&self, v: &mut Validator, root: &FieldPath) {
        let Some(deal) = &self.actual_deal else {
            return;
        };
        let p = root.field("actual_deal");
        v.round(&p.field("round"), deal.round, self.rounds);
        v.text(&p.field("label"), &deal.label);
        v.text(&p.field("source"), &deal.source);
        let missing: Vec<&str> = self
            .us_instruments
            .iter()
            .map(|i| i.id.as_str())
            .chain(self.partner_levers.iter().map(|l| l.id.as_str()))
            .chain(self.deal_terms.iter().map(|t| t.id.as_str()))
            .chain(
                self.partner_tariffs
                    .iter()
                    .filter(|t| t.negotiable)
                    .map(|t| t.id.as_str()),
            )
            .filter(|id| !deal.terms.contains_key(*id))
            .collect();
        v.rule(&p.field("terms"), || {
            "a level for every instrument and lever (and deal term)".to_string()
        });
        if !missing.is_empty() {
            v.fail_with_help(
                &p.field("terms"),
                format!("the deal gives no level for {}", quoted_list(&missing)),
                Some("a deal settles every issue: write the level each kept, even 0.0 for none".to_string()),
            );
        }
        for (id, value) in &deal.terms {
            let tp = p.field("terms").field(id);
            let options = self.issue_options(id);
            match options {
                None => v.unknown_issue(&tp, id, self),
                Some(options) if !options.contains(value) => v.fail(
                    &tp,
                    format!("{value} is not one of the options {options:?} of \"{id}\""),
                ),
                Some(_) => {}
            }
        }
    }
}
