//! A scenario in another language: `Scenario::in_language` puts a translation's texts (`translation`) in place of the
//! originals and leaves every figure, id and the scenario's hash as they are; `Scenario::missing_translations` lists
//! what a language leaves out, for the linter.

use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{Brief, Scenario};
use crate::scenario::side::Side;
use crate::scenario::translation::Translation;

/// A text of the scenario that a language leaves untranslated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingText {
    /// Where its translation belongs: `translations.ja.partner_levers.fmvss` (an entry gives a lever's name and
    /// explanation together).
    pub path: FieldPath,
    /// The text in the scenario's own language.
    pub original: String,
}

impl Scenario {
    /// The language codes the scenario is translated into, in order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.translations.keys().map(String::as_str)
    }

    /// The scenario as a player reading `code` sees it: every text the translation gives in place of the original,
    /// every other text as it was. Nothing the model reads changes (ids, figures, dates, order), nor `text_hash`, so
    /// saves, records and table codes made with either version name the same scenario. An unknown code gives the
    /// scenario unchanged.
    pub fn in_language(&self, code: &str) -> Scenario {
        let mut scenario = self.clone();
        if let Some(translation) = self.translations.get(code) {
            translation.apply(&mut scenario);
        }
        scenario
    }

    /// Every text the translation into `code` leaves out, in the order of the scenario file; empty for a language
    /// the scenario has no block for (an untranslated scenario is complete in its own language).
    pub fn missing_translations(&self, code: &str) -> Vec<MissingText> {
        let Some(translation) = self.translations.get(code) else {
            return Vec::new();
        };
        let mut missing = Missing {
            root: FieldPath::root().field("translations").field(code),
            found: Vec::new(),
        };
        translation.list_missing(self, &mut missing);
        missing.found
    }
}

/// Puts `text` in place of `original` when there is one.
fn put(original: &mut String, text: Option<&String>) {
    if let Some(text) = text {
        original.clone_from(text);
    }
}

impl Translation {
    /// Puts every text this translation gives into `s`, found by id or place as the original is.
    fn apply(&self, s: &mut Scenario) {
        put(&mut s.title, self.title.as_ref());
        put(&mut s.description, self.description.as_ref());
        if let Some(partner) = &self.partner {
            s.partner.name.clone_from(&partner.name);
            if partner.short.is_some() {
                s.partner.short.clone_from(&partner.short);
            }
            s.partner.possessive = Some(partner.possessive.clone());
            s.partner.legislature.clone_from(&partner.legislature);
            s.partner.currency.name.clone_from(&partner.currency);
        }
        for sector in &mut s.sectors {
            put(&mut sector.name, self.sectors.get(&sector.id));
        }
        for instrument in &mut s.us_instruments {
            if let Some(text) = self.us_instruments.get(&instrument.id) {
                instrument.name.clone_from(&text.name);
                instrument.explanation.clone_from(&text.explanation);
            }
        }
        for lever in &mut s.partner_levers {
            if let Some(text) = self.partner_levers.get(&lever.id) {
                lever.name.clone_from(&text.name);
                lever.explanation.clone_from(&text.explanation);
            }
        }
        for term in &mut s.deal_terms {
            if let Some(text) = self.deal_terms.get(&term.id) {
                term.name.clone_from(&text.name);
                term.explanation.clone_from(&text.explanation);
            }
        }
        for tariff in &mut s.partner_tariffs {
            if let Some(text) = self.partner_tariffs.get(&tariff.id) {
                tariff.name.clone_from(&text.name);
                tariff.explanation.clone_from(&text.explanation);
            }
        }
        if let (Some(agreement), Some(text)) = (&mut s.trade_agreement, &self.trade_agreement) {
            agreement.name.clone_from(&text.name);
            agreement.full_name.clone_from(&text.full_name);
        }
        for side in Side::BOTH {
            for constituency in &mut s.politics[side].constituencies {
                put(&mut constituency.name, self.constituencies[side].get(&constituency.id));
            }
            for objective in &mut s.objectives[side] {
                put(&mut objective.name, self.objectives[side].get(&objective.id));
            }
        }
        for (k, event) in s.scheduled_events.iter_mut().enumerate() {
            put(&mut event.news, self.scheduled_events.get(&k));
        }
        for event in &mut s.random_events {
            put(&mut event.news, self.random_events.get(&event.id));
        }
        for inject in &mut s.injects {
            put(&mut inject.news, self.injects.get(&inject.id));
        }
        if let (Some(deal), Some(text)) = (&mut s.actual_deal, &self.actual_deal) {
            deal.label.clone_from(&text.label);
            deal.description.clone_from(&text.description);
        }
        for personality in &mut s.personalities {
            if let Some(text) = self.personalities.get(&personality.id) {
                personality.name.clone_from(&text.name);
                personality.description.clone_from(&text.description);
            }
        }
        if let Some(briefs) = &mut s.briefs {
            for side in Side::BOTH {
                if let Some(text) = &self.briefs[side] {
                    briefs[side] = Brief {
                        goals: text.goals.clone(),
                        walk_away: text.walk_away.clone(),
                        keep_private: text.keep_private.clone(),
                    };
                }
            }
        }
        for (k, note) in s.coaching.iter_mut().enumerate() {
            put(&mut note.text, self.coaching.get(&k));
        }
    }

    /// Adds to `m` every player-facing text of `s` this translation has no entry for.
    fn list_missing(&self, s: &Scenario, m: &mut Missing) {
        m.check(self.title.is_some(), m.root.field("title"), &s.title);
        m.check(self.description.is_some(), m.root.field("description"), &s.description);
        let pp = m.root.field("partner");
        match &self.partner {
            None => m.check(false, pp, &s.partner.name),
            Some(partner) => {
                if let Some(short) = &s.partner.short {
                    m.check(partner.short.is_some(), pp.field("short"), short);
                }
            }
        }
        for sector in &s.sectors {
            let path = m.root.field("sectors").field(&sector.id);
            m.check(self.sectors.contains_key(&sector.id), path, &sector.name);
        }
        let issues = [
            (
                "us_instruments",
                &self.us_instruments,
                s.us_instruments.iter().map(|i| (&i.id, &i.name)).collect::<Vec<_>>(),
            ),
            (
                "partner_levers",
                &self.partner_levers,
                s.partner_levers.iter().map(|l| (&l.id, &l.name)).collect(),
            ),
            (
                "deal_terms",
                &self.deal_terms,
                s.deal_terms.iter().map(|t| (&t.id, &t.name)).collect(),
            ),
            (
                "partner_tariffs",
                &self.partner_tariffs,
                s.partner_tariffs.iter().map(|t| (&t.id, &t.name)).collect(),
            ),
        ];
        for (list, texts, originals) in issues {
            for (id, name) in originals {
                m.check(texts.contains_key(id), m.root.field(list).field(id), name);
            }
        }
        if let Some(agreement) = &s.trade_agreement {
            m.check(
                self.trade_agreement.is_some(),
                m.root.field("trade_agreement"),
                &agreement.full_name,
            );
        }
        for side in Side::BOTH {
            for constituency in &s.politics[side].constituencies {
                let path = m.root.field("constituencies").field(side.key()).field(&constituency.id);
                m.check(
                    self.constituencies[side].contains_key(&constituency.id),
                    path,
                    &constituency.name,
                );
            }
        }
        for (k, event) in s.scheduled_events.iter().enumerate() {
            let path = m.root.field("scheduled_events").field(&k.to_string());
            m.check(self.scheduled_events.contains_key(&k), path, &event.news);
        }
        for event in &s.random_events {
            let path = m.root.field("random_events").field(&event.id);
            m.check(self.random_events.contains_key(&event.id), path, &event.news);
        }
        for inject in &s.injects {
            let path = m.root.field("injects").field(&inject.id);
            m.check(self.injects.contains_key(&inject.id), path, &inject.news);
        }
        for side in Side::BOTH {
            for objective in &s.objectives[side] {
                let path = m.root.field("objectives").field(side.key()).field(&objective.id);
                m.check(self.objectives[side].contains_key(&objective.id), path, &objective.name);
            }
        }
        if let Some(deal) = &s.actual_deal {
            m.check(self.actual_deal.is_some(), m.root.field("actual_deal"), &deal.label);
        }
        for personality in &s.personalities {
            let path = m.root.field("personalities").field(&personality.id);
            m.check(
                self.personalities.contains_key(&personality.id),
                path,
                &personality.name,
            );
        }
        if let Some(briefs) = &s.briefs {
            for side in Side::BOTH {
                let path = m.root.field("briefs").field(side.key());
                m.check(self.briefs[side].is_some(), path, &briefs[side].goals);
            }
        }
        for (k, note) in s.coaching.iter().enumerate() {
            let path = m.root.field("coaching").field(&k.to_string());
            m.check(self.coaching.contains_key(&k), path, &note.text);
        }
    }
}

/// The untranslated texts found so far, under the language's own path.
struct Missing {
    root: FieldPath,
    found: Vec<MissingText>,
}

impl Missing {
    fn check(&mut self, translated: bool, path: FieldPath, original: &str) {
        if !translated {
            self.found.push(MissingText {
                path,
                original: original.to_string(),
            });
        }
    }
}
