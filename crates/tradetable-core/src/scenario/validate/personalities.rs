//! The checks of the computer players' personalities: their bidding, what they weigh, their red lines and the
//! gestures they make on a given round.

use std::collections::BTreeSet;

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{BiddingStyle, GestureKind, Limit, MAX_FIGURE, Personality, Scenario};
use crate::scenario::side::Side;

impl Scenario {
    /// Every personality; `issue_ids` are the instruments' and the levers' ids together.
    pub(super) fn check_personalities(&self, v: &mut Validator, root: &FieldPath, issue_ids: &BTreeSet<String>) {
        let list = root.field("personalities");
        v.unique_ids(&list, self.personalities.iter().map(|p| p.id.as_str()));
        for (i, personality) in self.personalities.iter().enumerate() {
            let p = list.index(i);
            v.text(&p.field("name"), &personality.name);
            v.text(&p.field("source"), &personality.source);
            // A variant's fields sit directly under the field that holds it: `bidding: Modelling(exponent: 0.3)`.
            if let BiddingStyle::TimeDependent { exponent } | BiddingStyle::Modelling { exponent } = personality.bidding
            {
                v.range(&p.field("bidding").field("exponent"), exponent, 0.0, 10.0);
            }
            let objective_ids: BTreeSet<String> = self
                .objectives
                .side(personality.side)
                .iter()
                .map(|o| o.id.clone())
                .collect();
            for (id, multiplier) in &personality.objective_weights {
                let path = p.field("objective_weights").field(id);
                v.reference(&path, id, &objective_ids, "objective of that side");
                v.range(&path, *multiplier, 0.0, 10.0);
            }
            for (id, reluctance) in &personality.reluctance {
                let path = p.field("reluctance").field(id);
                v.reference(&path, id, issue_ids, "instrument or lever");
                v.range(&path, *reluctance, 0.0, 1.0);
            }
            for (k, line) in personality.red_lines.iter().enumerate() {
                let lp = p.field("red_lines").index(k);
                v.reference(&lp.field("issue"), &line.issue, issue_ids, "instrument or lever");
                let (Limit::AtMost(bound) | Limit::AtLeast(bound)) = line.limit;
                v.magnitude(&lp.field("limit"), bound, MAX_FIGURE);
                if let Some(options) = self.issue_options(&line.issue)
                    && !options.iter().any(|&o| line.limit.allows(o))
                {
                    v.fail(
                        &lp.field("limit"),
                        format!("no option of \"{}\" {options:?} is within this limit", line.issue),
                    );
                }
                if let Some(round) = line.before_round {
                    v.round(&lp.field("before_round"), round, self.rounds);
                }
                v.text(&lp.field("source"), &line.source);
            }
            self.check_gestures(v, &p, personality);
        }
    }

    /// A personality's gestures: a threat or a concession on a given round, by the side it plays.
    fn check_gestures(&self, v: &mut Validator, p: &FieldPath, personality: &Personality) {
        for (k, gesture) in personality.gestures.iter().enumerate() {
            let gp = p.field("gestures").index(k);
            v.round(&gp.field("round"), gesture.round, self.rounds);
            let (variant, id, value, owner, ids, what) = match &gesture.act {
                GestureKind::Threaten { instrument, rate } => {
                    ("Threaten", instrument, *rate, Side::Us, "instrument", "US instrument")
                }
                GestureKind::Implement { lever, level } => {
                    ("Implement", lever, *level, Side::Partner, "lever", "partner lever")
                }
            };
            let ap = gp.field("act");
            if owner != personality.side {
                v.fail(
                    &gp.field("act"),
                    format!(
                        "only {} may {}; this personality plays {}",
                        self.names().with_article(owner),
                        variant.to_lowercase(),
                        self.names().with_article(personality.side)
                    ),
                );
            }
            let known: BTreeSet<String> = match owner {
                Side::Us => self.us_instruments.iter().map(|x| x.id.clone()).collect(),
                Side::Partner => self.partner_levers.iter().map(|x| x.id.clone()).collect(),
            };
            v.reference(&ap.field(ids), id, &known, what);
            if let Some(options) = self.issue_options(id)
                && known.contains(id)
                && !options.contains(&value)
            {
                let field = if owner == Side::Us { "rate" } else { "level" };
                v.fail(
                    &ap.field(field),
                    format!("{value} is not one of the options {options:?} of \"{id}\""),
                );
            }
        }
    }
}
