//! Validation: every check a scenario must pass to be played, one method per section, each failure with the field
//! path of the value at fault; the same checks recorded rule by rule are the source of the generated reference.

use std::collections::{BTreeMap, BTreeSet};

use crate::scenario::format::LeverUnit;
use crate::scenario::format::parse_year_month;
use crate::scenario::ron_spans::{FieldPath, PathStep};
use crate::scenario::schema::{
    BiddingStyle, ConcessionEffect, EventEffect, GestureKind, Indicator, Limit, MAX_BILLIONS, MAX_CURRENCY_PER_DOLLAR,
    MAX_ELASTICITY, MAX_FIGURE, MAX_INJECTS, MAX_REACTION, MAX_WEIGHT, MIN_CURRENCY_PER_DOLLAR, Scenario,
    ScheduledKind, SectorFlag,
};
use crate::scenario::side::Side;

impl Scenario {
    /// Every semantic problem, with the path of the value at fault.
    pub(super) fn problems(&self) -> Vec<Finding> {
        self.validate(Validator::default()).problems
    }

    /// The problems of the scenario as a networked class host sends it to `side`'s team (`protocol::scenario_for`):
    /// every check of a scenario file, except of the other side's objectives and brief, which are left out on
    /// purpose. Each problem reads `path: message`; none when the scenario is sound to play on.
    pub fn view_problems(&self, side: Side) -> Vec<String> {
        let other = side.other().key();
        let left_out = [format!("objectives.{other}"), format!("briefs.{other}")];
        self.problems()
            .into_iter()
            .map(|finding| (finding.path.to_string(), finding.message))
            .filter(|(path, _)| !left_out.iter().any(|prefix| path.starts_with(prefix.as_str())))
            .map(|(path, message)| format!("{path}: {message}"))
            .collect()
    }

    /// Every rule the validator applies, by field path (list positions written `[]`), as it applies them to this
    /// scenario: the source of the generated reference (`tradetable schema`), so the reference and the validator
    /// cannot disagree.
    pub fn validation_rules(&self) -> BTreeMap<String, BTreeSet<String>> {
        let recording = Validator {
            rules: Some(BTreeMap::new()),
            ..Validator::default()
        };
        self.validate(recording).rules.unwrap_or_default()
    }

    fn validate(&self, mut v: Validator) -> Validator {
        let root = FieldPath::root();
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
        let sp = root.field("sensitivity");
        for (name, set) in [("low", &self.sensitivity.low), ("high", &self.sensitivity.high)] {
            let p = sp.field(name);
            v.range(&p.field("elasticity_scale"), set.elasticity_scale, 0.1, 5.0);
            v.range(&p.field("pass_through_shift"), set.pass_through_shift, -1.0, 1.0);
            v.range(&p.field("adjustment_scale"), set.adjustment_scale, 0.1, 10.0);
        }
        v.text(&sp.field("source"), &self.sensitivity.source);

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

        let instrument_ids = v.unique_ids(
            &root.field("us_instruments"),
            self.us_instruments.iter().map(|s| s.id.as_str()),
        );
        for (i, ins) in self.us_instruments.iter().enumerate() {
            let p = root.field("us_instruments").index(i);
            for (k, sector) in ins.sectors.iter().enumerate() {
                v.reference(&p.field("sectors").index(k), sector, &sector_ids, "sector");
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

        let lever_ids = v.unique_ids(
            &root.field("partner_levers"),
            self.partner_levers.iter().map(|s| s.id.as_str()),
        );
        for id in lever_ids.intersection(&instrument_ids) {
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
            let e = p.field("effect");
            match &lever.effect {
                ConcessionEffect::Purchase { sector, additionality } => {
                    v.reference(&e.field("sector"), sector, &sector_ids, "sector");
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
                        v.reference(&e.field("sectors").index(k), sector, &sector_ids, "sector");
                    }
                    if lever.options.iter().any(|&o| o > 1.0) {
                        v.fail(
                            &p.field("options"),
                            "a tariff cut's options are shares between 0 and 1".to_string(),
                        );
                    }
                }
                ConcessionEffect::QuotaExpansion { sector, bn_per_unit } => {
                    v.reference(&e.field("sector"), sector, &sector_ids, "sector");
                    v.billions(&e.field("bn_per_unit"), *bn_per_unit);
                }
                ConcessionEffect::StandardsRecognition {
                    sector, bn_per_unit, ..
                } => {
                    v.reference(&e.field("sector"), sector, &sector_ids, "sector");
                    v.billions(&e.field("bn_per_unit"), *bn_per_unit);
                }
                ConcessionEffect::Cooperation => {}
            }
        }

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

        self.check_partner(&mut v, &root);

        let all_ids: BTreeSet<String> = instrument_ids.union(&lever_ids).cloned().collect();
        for side in Side::BOTH {
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

        for (i, ev) in self.scheduled_events.iter().enumerate() {
            let p = root.field("scheduled_events").index(i);
            v.round(&p.field("round"), ev.round, self.rounds);
            v.text(&p.field("source"), &ev.source);
            match &ev.kind {
                ScheduledKind::TariffTakesEffect { instrument, rate } => {
                    let kp = p.field("kind");
                    v.reference(&kp.field("instrument"), instrument, &instrument_ids, "US instrument");
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
            self.check_effect(&mut v, &p.field("effect"), &ev.effect);
        }
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
            self.check_effect(&mut v, &p.field("effect"), &inject.effect);
        }
        for (k, note) in self.coaching.iter().enumerate() {
            let p = root.field("coaching").index(k);
            v.round(&p.field("round"), note.round, self.rounds);
            v.text(&p.field("text"), &note.text);
        }
        if let Some(briefs) = &self.briefs {
            for (side, brief) in briefs.iter() {
                let p = root.field("briefs").field(side.key());
                v.text(&p.field("goals"), &brief.goals);
                v.text(&p.field("walk_away"), &brief.walk_away);
                v.text(&p.field("keep_private"), &brief.keep_private);
            }
        }

        self.check_personalities(&mut v, &root, &all_ids);
        self.check_history(&mut v, &root, &sector_ids);

        if let Some(deal) = &self.actual_deal {
            let p = root.field("actual_deal");
            v.round(&p.field("round"), deal.round, self.rounds);
            v.text(&p.field("label"), &deal.label);
            v.text(&p.field("source"), &deal.source);
            let missing: Vec<&str> = self
                .us_instruments
                .iter()
                .map(|i| i.id.as_str())
                .chain(self.partner_levers.iter().map(|l| l.id.as_str()))
                .filter(|id| !deal.terms.contains_key(*id))
                .collect();
            v.rule(&p.field("terms"), || {
                "a level for every instrument and lever".to_string()
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
                let options = self
                    .instrument_index(id)
                    .map(|i| &self.us_instruments[i].options)
                    .or_else(|| self.lever_index(id).map(|i| &self.partner_levers[i].options));
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
        v
    }

    fn check_partner(&self, v: &mut Validator, root: &FieldPath) {
        let pp = root.field("partner");
        v.text(&pp.field("name"), &self.partner.name);
        if let Some(short) = &self.partner.short {
            v.text(&pp.field("short"), short);
        }
        if let Some(possessive) = &self.partner.possessive {
            v.text(&pp.field("possessive"), possessive);
        }
        v.text(&pp.field("legislature"), &self.partner.legislature);
        v.text(&pp.field("currency").field("name"), &self.partner.currency.name);
        let code = &self.partner.currency.code;
        v.rule(&pp.field("currency").field("code"), || {
            "three capital letters (ISO 4217)".to_string()
        });
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            v.fail(
                &pp.field("currency").field("code"),
                format!("expected a three-letter ISO 4217 code such as \"JPY\", found \"{code}\""),
            );
        }

        let ap = root.field("trade_agreement");
        let Some(agreement) = &self.trade_agreement else {
            for (i, sector) in self.sectors.iter().enumerate() {
                if sector.has(SectorFlag::TradeAgreement) {
                    v.fail_with_help(
                        &root.field("sectors").index(i).field("flags"),
                        format!(
                            "sector \"{}\" is flagged TradeAgreement, but the scenario has no trade_agreement",
                            sector.id
                        ),
                        Some("describe the agreement in `trade_agreement`, or drop the flag".to_string()),
                    );
                }
            }
            return;
        };
        v.text(&ap.field("name"), &agreement.name);
        v.text(&ap.field("full_name"), &agreement.full_name);
        if let Some(rules) = &agreement.suspension {
            let u = ap.field("suspension");
            v.rate(&u.field("auto_tariff_threshold"), rules.auto_tariff_threshold);
            v.range(&u.field("hazard_base"), rules.hazard_base, 0.0, 1.0);
            v.range(&u.field("hazard_per_point"), rules.hazard_per_point, 0.0, 1.0);
            v.range(&u.field("approval_floor"), rules.approval_floor, 0.0, 100.0);
            v.range(
                &u.field("hazard_per_approval_point"),
                rules.hazard_per_approval_point,
                0.0,
                1.0,
            );
            v.text(&u.field("source"), &rules.source);
        }
    }

    fn check_history(&self, v: &mut Validator, root: &FieldPath, sector_ids: &BTreeSet<String>) {
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

    fn check_personalities(&self, v: &mut Validator, root: &FieldPath, issue_ids: &BTreeSet<String>) {
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
                            self.names().label(owner),
                            variant.to_lowercase(),
                            self.names().label(personality.side)
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
}

/// One semantic problem before it is located in the text.
pub(super) struct Finding {
    pub(super) path: FieldPath,
    pub(super) message: String,
    pub(super) help: Option<String>,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Finding>,
    /// When recording, every rule checked, by field path with list positions as `[]`.
    rules: Option<BTreeMap<String, BTreeSet<String>>>,
}

impl Validator {
    /// Records that `rule` applies at `path` (when recording the rules for the reference).
    fn rule(&mut self, path: &FieldPath, rule: impl FnOnce() -> String) {
        if let Some(rules) = &mut self.rules {
            let general = FieldPath(
                path.0
                    .iter()
                    .map(|step| match step {
                        PathStep::Index(_) => PathStep::Index(usize::MAX),
                        other => other.clone(),
                    })
                    .collect(),
            )
            .to_string()
            .replace(&format!("[{}]", usize::MAX), "[]");
            rules.entry(general).or_default().insert(rule());
        }
    }

    fn fail(&mut self, path: &FieldPath, message: String) {
        self.fail_with_help(path, message, None);
    }

    fn fail_with_help(&mut self, path: &FieldPath, message: String, help: Option<String>) {
        self.problems.push(Finding {
            path: path.clone(),
            message,
            help,
        });
    }

    /// Whether `x` is a number at all; figures with a range check it there, the rest through [`Self::magnitude`].
    fn finite(&mut self, path: &FieldPath, x: f64) -> bool {
        self.rule(path, || "a finite number".to_string());
        if x.is_finite() {
            true
        } else {
            self.fail(path, format!("expected a finite number, found {}", show_number(x)));
            false
        }
    }

    /// A figure with no natural range, held within a plausible magnitude so that arithmetic on it stays finite.
    fn magnitude(&mut self, path: &FieldPath, x: f64, bound: f64) {
        self.range(path, x, -bound, bound);
    }

    /// A money figure in $bn (a year, for flows): 0 to [`MAX_BILLIONS`].
    fn billions(&mut self, path: &FieldPath, x: f64) {
        self.rule(path, || format!("$bn, from 0 to {}", show_number(MAX_BILLIONS)));
        if self.finite(path, x) && !(0.0..=MAX_BILLIONS).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected $bn from 0 to {} (a plausible trade or money figure), found {}",
                    show_number(MAX_BILLIONS),
                    show_number(x)
                ),
            );
        }
    }

    /// A figure above 0 and at most `hi`.
    fn positive_at_most(&mut self, path: &FieldPath, x: f64, hi: f64) {
        self.rule(path, || format!("above 0, at most {}", show_number(hi)));
        if self.finite(path, x) && !(x > 0.0 && x <= hi) {
            self.fail(
                path,
                format!(
                    "expected a value above 0 and at most {}, found {}",
                    show_number(hi),
                    show_number(x)
                ),
            );
        }
    }

    fn range(&mut self, path: &FieldPath, x: f64, lo: f64, hi: f64) {
        self.rule(path, || format!("from {} to {}", show_number(lo), show_number(hi)));
        if self.finite(path, x) && !(lo..=hi).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected a value from {} to {}, found {}",
                    show_number(lo),
                    show_number(hi),
                    show_number(x)
                ),
            );
        }
    }

    fn rate(&mut self, path: &FieldPath, x: f64) {
        self.rule(path, || {
            "a tariff rate as a fraction, from 0 to 2 (0.25 is 25%)".to_string()
        });
        if self.finite(path, x) && !(0.0..=2.0).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected a tariff rate as a fraction from 0 to 2 (0.25 is 25%), found {}",
                    show_number(x)
                ),
            );
        }
    }

    fn elasticity(&mut self, path: &FieldPath, x: f64) {
        self.rule(path, || format!("negative, from -{} to 0", show_number(MAX_ELASTICITY)));
        if self.finite(path, x) && !(-MAX_ELASTICITY..0.0).contains(&x) {
            self.fail(
                path,
                format!(
                    "expected a negative import-demand elasticity (demand falls as price rises) from -{} to 0, found {}",
                    show_number(MAX_ELASTICITY),
                    show_number(x)
                ),
            );
        }
    }

    fn round(&mut self, path: &FieldPath, round: u32, rounds: u32) {
        self.rule(path, || "a round of the game, from 1 to `rounds`".to_string());
        // With no valid round count, `rounds` itself is the problem already reported.
        if (1..=60).contains(&rounds) && (round == 0 || round > rounds) {
            self.fail(path, format!("expected a round from 1 to {rounds}, found {round}"));
        }
    }

    fn text(&mut self, path: &FieldPath, text: &str) {
        self.rule(path, || "a non-empty text".to_string());
        if text.trim().is_empty() {
            self.fail(path, "expected a non-empty text".to_string());
        }
    }

    fn options(&mut self, path: &FieldPath, options: &[f64], lo: f64, hi: f64) {
        self.rule(path, || {
            "1 to 16 values in increasing order, without repeats".to_string()
        });
        if options.is_empty() {
            self.fail(path, "expected at least one option".to_string());
            return;
        }
        if options.len() > 16 {
            self.fail(path, format!("expected at most 16 options, found {}", options.len()));
        }
        for (k, &o) in options.iter().enumerate() {
            self.range(&path.index(k), o, lo, hi);
        }
        if options.windows(2).any(|w| w[0] >= w[1]) {
            self.fail(
                path,
                "expected options in increasing order, without repeats".to_string(),
            );
        }
    }

    /// A rate an instrument starts at or is scheduled to take: the table only ever sets an instrument to one of its
    /// options, so any other rate could never be undone or offered back.
    fn among_options(&mut self, path: &FieldPath, rate: f64, options: &[f64], id: &str) {
        self.rule(path, || "one of the instrument's options".to_string());
        if rate.is_finite() && !options.is_empty() && !options.contains(&rate) {
            self.fail(
                path,
                format!("{rate} is not one of the options {options:?} of \"{id}\""),
            );
        }
    }

    fn reference(&mut self, path: &FieldPath, id: &str, known: &BTreeSet<String>, what: &str) {
        self.rule(path, || format!("the id of a {what}"));
        if !known.contains(id) {
            let listed: Vec<&str> = known.iter().map(String::as_str).collect();
            self.fail_with_help(
                path,
                format!("unknown {what} \"{id}\"; expected one of {}", listed.join(", ")),
                did_you_mean(id, listed.iter().copied()).map(|closest| format!("did you mean \"{closest}\"?")),
            );
        }
    }

    /// An indicator that names an instrument or a lever: `Lever` must name one of the partner's levers and
    /// `TariffPoints` a US instrument; the other way round is refused with the indicator to write instead.
    fn indicator(&mut self, path: &FieldPath, indicator: &Indicator, scenario: &Scenario) {
        match indicator {
            Indicator::Lever(id) if scenario.instrument_index(id).is_some() => self.fail_with_help(
                path,
                format!("\"{id}\" is a US instrument, not a lever of the partner's"),
                Some(format!(
                    "write TariffPoints(\"{id}\"): a US rate is read in percentage points (15 for a 15% tariff)"
                )),
            ),
            Indicator::Lever(id) => {
                let known = scenario.partner_levers.iter().map(|l| l.id.clone()).collect();
                self.reference(path, id, &known, "partner lever");
            }
            Indicator::TariffPoints(id) if scenario.lever_index(id).is_some() => self.fail_with_help(
                path,
                format!("\"{id}\" is a lever of the partner's, not a US instrument"),
                Some(format!("write Lever(\"{id}\"): a lever is read in its own unit")),
            ),
            Indicator::TariffPoints(id) => {
                let known = scenario.us_instruments.iter().map(|i| i.id.clone()).collect();
                self.reference(path, id, &known, "US instrument");
            }
            _ => {}
        }
    }

    /// An id that names neither a US instrument nor a lever of the partner's, with the closest that does.
    fn unknown_issue(&mut self, path: &FieldPath, id: &str, scenario: &Scenario) {
        let issues = scenario
            .us_instruments
            .iter()
            .map(|i| i.id.as_str())
            .chain(scenario.partner_levers.iter().map(|l| l.id.as_str()));
        self.fail_with_help(
            path,
            format!("unknown instrument or lever \"{id}\""),
            did_you_mean(id, issues).map(|closest| format!("did you mean \"{closest}\"?")),
        );
    }

    fn unique_ids<'a>(&mut self, path: &FieldPath, ids: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
        self.rule(path, || "ids unique in the list".to_string());
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.fail(&path.index(i).field("id"), "expected a non-empty id".to_string());
            } else if !seen.insert(id.to_string()) {
                self.fail(&path.index(i).field("id"), format!("duplicate id \"{id}\""));
            }
        }
        seen
    }
}

/// The closest of `candidates` to a misspelt `found`, if it is close enough to be what was meant: at most a third
/// of the longer name's letters differ (rustc's rule of thumb for its own suggestions).
pub fn did_you_mean<'c>(found: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(found, candidate), candidate))
        .filter(|&(distance, candidate)| {
            distance > 0 && distance <= found.chars().count().max(candidate.chars().count()).max(3) / 3
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// A number as a message shows it: plainly when it reads well, in scientific notation when it is huge or tiny (so
/// `1e308` is not printed as 309 digits).
pub fn show_number(x: f64) -> String {
    let size = x.abs();
    if x.is_finite() && x != 0.0 && !(1e-6..1e9).contains(&size) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// Ids in quotes, joined with commas: `"a", "b"`.
fn quoted_list(ids: &[&str]) -> String {
    ids.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ")
}
