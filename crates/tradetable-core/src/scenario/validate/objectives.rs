//! The checks of one side's objectives: what it is scored on, from worst to best.

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{MAX_FIGURE, MAX_WEIGHT, Scenario};
use crate::scenario::side::Side;

impl Scenario {
    /// `side`'s objectives: their weights, their worst and best values, and the indicators they read.
    pub(super) fn check_objectives(&self, v: &mut Validator, root: &FieldPath, side: Side) {
        let op = root.field("objectives").field(Side::key(side));
        let objectives = self.objectives.side(side);
        if objectives.is_empty() {
            v.fail(&op, "expected at least one objective".to_string());
        }
        v.unique_ids(&op, objectives.iter().map(|o| o.id.as_str()));
        for (i, o) in objectives.iter().enumerate() {
            let p = op.index(i);
            v.positive_at_most(&p.field("weight"), o.weight, MAX_WEIGHT);
            v.magnitude(&p.field("worst"), o.worst, MAX_FIGURE);
            v.magnitude(&p.field("best"), o.best, MAX_FIGURE);
            if o.worst == o.best {
                v.fail(&p.field("best"), "expected best to differ from worst".to_string());
            }
            if let Some(beyond) = o.beyond_best {
                v.magnitude(&p.field("beyond_best"), beyond, MAX_FIGURE);
            }
            if let Some(beyond) = o.beyond_best
                && beyond.is_finite()
                && !((o.worst < o.best && o.best < beyond) || (o.worst > o.best && o.best > beyond))
            {
                v.fail(
                    &p.field("beyond_best"),
                    format!(
                        "expected a value past best ({}) on the side away from worst ({}), found {beyond}",
                        o.best, o.worst
                    ),
                );
            }
            v.text(&p.field("source"), &o.source);
            v.indicator(&p.field("indicator"), &o.indicator, self);
        }
    }
}
