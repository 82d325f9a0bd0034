//! The checks of what happens during the talks: scheduled events, random events and the teacher's injects, and
//! the effects they have.

use std::collections::BTreeSet;

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{EventEffect, MAX_INJECTS, Scenario, ScheduledKind};

impl Scenario {
    /// The scheduled events: tariffs taking effect on a round, and elections.
    pub(super) fn check_scheduled_events(
        &self,
        v: &mut Validator,
        root: &FieldPath,
        instrument_ids: &BTreeSet<String>,
    ) {
        for (i, ev) in self.scheduled_events.iter().enumerate() {
            let p = root.field("scheduled_events").index(i);
            v.round(&p.field("round"), ev.round, self.rounds);
            v.text(&p.field("source"), &ev.source);
            match &ev.kind {
                ScheduledKind::TariffTakesEffect { instrument, rate } => {
                    let kp = p.field("kind");
                    v.reference(&kp.field("instrument"), instrument, instrument_ids, "US instrument");
                    v.rate(&kp.field("rate"), *rate);
                    if let Some(i) = self.instrument_index(instrument) {
                        v.among_options(&kp.field("rate"), *rate, &self.us_instruments[i].options, instrument);
                    }
                }
                ScheduledKind::Election { threshold, loss, .. } => {
                    v.range(&p.field("kind").field("threshold"), *threshold, 0.0, 100.0);
                    v.range(&p.field("kind").field("loss"), *loss, 0.0, 100.0);
                }
            }
        }
    }

    /// The random events: their chances, the rounds they may fall in, and their effects.
    pub(super) fn check_random_events(&self, v: &mut Validator, root: &FieldPath) {
        v.unique_ids(
            &root.field("random_events"),
            self.random_events.iter().map(|e| e.id.as_str()),
        );
        for (i, ev) in self.random_events.iter().enumerate() {
            let p = root.field("random_events").index(i);
            v.range(&p.field("probability"), ev.probability, 0.0, 1.0);
            v.text(&p.field("source"), &ev.source);
            v.round(&p.field("from_round"), ev.from_round, self.rounds);
            v.round(&p.field("to_round"), ev.to_round, self.rounds);
            if ev.to_round < ev.from_round {
                v.fail(
                    &p.field("to_round"),
                    "expected to_round to be at or after from_round".to_string(),
                );
            }
            self.check_effect(v, &p.field("effect"), &ev.effect);
        }
    }

    /// The injects a teacher may switch on: at most [`MAX_INJECTS`], each with its round, news and effect.
    pub(super) fn check_injects(&self, v: &mut Validator, root: &FieldPath) {
        v.unique_ids(&root.field("injects"), self.injects.iter().map(|e| e.id.as_str()));
        if self.injects.len() > MAX_INJECTS {
            v.fail(
                &root.field("injects"),
                format!(
                    "at most {MAX_INJECTS} injects (a table code has room for no more), found {}",
                    self.injects.len()
                ),
            );
        }
        for (i, inject) in self.injects.iter().enumerate() {
            let p = root.field("injects").index(i);
            v.round(&p.field("round"), inject.round, self.rounds);
            v.text(&p.field("news"), &inject.news);
            v.text(&p.field("source"), &inject.source);
            self.check_effect(v, &p.field("effect"), &inject.effect);
        }
    }

    /// The effect of a random event or an inject.
    fn check_effect(&self, v: &mut Validator, e: &FieldPath, effect: &EventEffect) {
        match effect {
            EventEffect::Fx { change_pct } | EventEffect::Investment { change_pct } => {
                v.range(&e.field("change_pct"), *change_pct, -50.0, 50.0)
            }
            EventEffect::Approval {
                side,
                constituency,
                delta,
            } => {
                v.range(&e.field("delta"), *delta, -100.0, 100.0);
                if let Some(id) = constituency {
                    let ids: BTreeSet<String> = self.politics[*side]
                        .constituencies
                        .iter()
                        .map(|c| c.id.clone())
                        .collect();
                    v.reference(&e.field("constituency"), id, &ids, "constituency of that side");
                }
            }
        }
    }
}
