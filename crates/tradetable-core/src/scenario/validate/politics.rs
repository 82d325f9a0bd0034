//! The checks of one side's politics: its constituencies, their weights and approvals, and what they react to.

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{Indicator, MAX_REACTION, MAX_WEIGHT, Scenario};
use crate::scenario::side::Side;

impl Scenario {
    /// `side`'s politics: inertia, the approval it falls below, and its constituencies.
    pub(super) fn check_politics(&self, v: &mut Validator, root: &FieldPath, side: Side) {
        let sp = root.field("politics").field(Side::key(side));
        let politics = self.politics.side(side);
        v.range(&sp.field("inertia"), politics.inertia, 0.0, 1.0);
        v.range(&sp.field("fall_below"), politics.fall_below, 0.0, 100.0);
        v.text(&sp.field("source"), &politics.source);
        if politics.constituencies.is_empty() {
            v.fail(
                &sp.field("constituencies"),
                "expected at least one constituency".to_string(),
            );
        }
        v.unique_ids(
            &sp.field("constituencies"),
            politics.constituencies.iter().map(|c| c.id.as_str()),
        );
        if politics.constituencies.iter().all(|c| c.weight <= 0.0) && !politics.constituencies.is_empty() {
            v.fail(
                &sp.field("constituencies"),
                "expected some constituency with a positive weight".to_string(),
            );
        }
        for (i, c) in politics.constituencies.iter().enumerate() {
            let p = sp.field("constituencies").index(i);
            v.range(&p.field("weight"), c.weight, 0.0, MAX_WEIGHT);
            v.range(&p.field("approval"), c.approval, 0.0, 100.0);
            v.text(&p.field("source"), &c.source);
            for (k, r) in c.reactions.iter().enumerate() {
                let rp = p.field("reactions").index(k).field("indicator");
                match &r.indicator {
                    Indicator::UsApproval | Indicator::PartnerApproval => v.fail(
                        &rp,
                        "a constituency cannot react to approval itself; use another indicator".to_string(),
                    ),
                    indicator => v.indicator(&rp, indicator, self),
                }
                v.magnitude(
                    &p.field("reactions").index(k).field("per_unit"),
                    r.per_unit,
                    MAX_REACTION,
                );
            }
        }
    }
}
