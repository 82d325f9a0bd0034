//! The checks of the `translations` block: a well-formed language code, at most [`MAX_LANGUAGES`] languages, every
//! text non-empty, and every translated text naming something the scenario has (a lever, an objective, an event's
//! place in its list). A text a language leaves out is no error: the linter reports it.

use std::collections::BTreeSet;

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::Scenario;
use crate::scenario::side::Side;
use crate::scenario::translation::{MAX_LANGUAGE_CODE_CHARS, MAX_LANGUAGES, Translation};

impl Scenario {
    /// Each language's translation, checked against the scenario it translates.
    pub(super) fn check_translations(&self, v: &mut Validator, root: &FieldPath) {
        let tp = root.field("translations");
        v.bounded_list(&tp, self.translations.len(), MAX_LANGUAGES, "languages");
        for (code, translation) in &self.translations {
            let p = tp.field(code);
            v.rule(&tp, || {
                format!("keyed by a language code such as \"ja\" or \"pt-BR\" (at most {MAX_LANGUAGE_CODE_CHARS} characters)")
            });
            if !is_language_code(code) {
                v.fail(
                    &p,
                    format!(
                        "expected a language code such as \"ja\" or \"pt-BR\" (letters, then `-` and letters or \
                         digits, at most {MAX_LANGUAGE_CODE_CHARS} characters), found \"{}\"",
                        code.chars().take(MAX_LANGUAGE_CODE_CHARS * 2).collect::<String>()
                    ),
                );
            }
            self.check_translation(v, &p, translation);
        }
    }

    fn check_translation(&self, v: &mut Validator, p: &FieldPath, t: &Translation) {
        if let Some(title) = &t.title {
            v.text(&p.field("title"), title);
        }
        if let Some(description) = &t.description {
            v.text(&p.field("description"), description);
        }
        if let Some(partner) = &t.partner {
            let pp = p.field("partner");
            v.text(&pp.field("name"), &partner.name);
            if let Some(short) = &partner.short {
                v.text(&pp.field("short"), short);
            }
            v.text(&pp.field("possessive"), &partner.possessive);
            v.text(&pp.field("legislature"), &partner.legislature);
            v.text(&pp.field("currency"), &partner.currency);
        }
        let ids = |list: &mut dyn Iterator<Item = &String>| list.cloned().collect::<BTreeSet<String>>();
        let sectors = ids(&mut self.sectors.iter().map(|s| &s.id));
        for (id, name) in &t.sectors {
            let path = p.field("sectors").field(id);
            v.reference(&path, id, &sectors, "sector");
            v.text(&path, name);
        }
        let issue_lists = [
            (
                "us_instruments",
                &t.us_instruments,
                ids(&mut self.us_instruments.iter().map(|i| &i.id)),
                "US instrument",
            ),
            (
                "partner_levers",
                &t.partner_levers,
                ids(&mut self.partner_levers.iter().map(|l| &l.id)),
                "partner lever",
            ),
            (
                "deal_terms",
                &t.deal_terms,
                ids(&mut self.deal_terms.iter().map(|d| &d.id)),
                "deal term",
            ),
            (
                "partner_tariffs",
                &t.partner_tariffs,
                ids(&mut self.partner_tariffs.iter().map(|d| &d.id)),
                "counter-tariff",
            ),
        ];
        for (list, texts, known, what) in issue_lists {
            for (id, text) in texts {
                let path = p.field(list).field(id);
                v.reference(&path, id, &known, what);
                v.text(&path.field("name"), &text.name);
                v.text(&path.field("explanation"), &text.explanation);
            }
        }
        if let Some(agreement) = &t.trade_agreement {
            let ap = p.field("trade_agreement");
            if self.trade_agreement.is_none() {
                v.fail(
                    &ap,
                    "a translation of the trade agreement, but the scenario has none".to_string(),
                );
            }
            v.text(&ap.field("name"), &agreement.name);
            v.text(&ap.field("full_name"), &agreement.full_name);
        }
        for side in Side::BOTH {
            let known = ids(&mut self.politics[side].constituencies.iter().map(|c| &c.id));
            for (id, name) in &t.constituencies[side] {
                let path = p.field("constituencies").field(side.key()).field(id);
                v.reference(&path, id, &known, "constituency of that side");
                v.text(&path, name);
            }
            let known = ids(&mut self.objectives[side].iter().map(|o| &o.id));
            for (id, name) in &t.objectives[side] {
                let path = p.field("objectives").field(side.key()).field(id);
                v.reference(&path, id, &known, "objective of that side");
                v.text(&path, name);
            }
        }
        check_places(
            v,
            &p.field("scheduled_events"),
            &t.scheduled_events,
            self.scheduled_events.len(),
            "scheduled event",
        );
        let known = ids(&mut self.random_events.iter().map(|e| &e.id));
        for (id, news) in &t.random_events {
            let path = p.field("random_events").field(id);
            v.reference(&path, id, &known, "random event");
            v.text(&path, news);
        }
        let known = ids(&mut self.injects.iter().map(|e| &e.id));
        for (id, news) in &t.injects {
            let path = p.field("injects").field(id);
            v.reference(&path, id, &known, "inject");
            v.text(&path, news);
        }
        if let Some(deal) = &t.actual_deal {
            let dp = p.field("actual_deal");
            if self.actual_deal.is_none() {
                v.fail(
                    &dp,
                    "a translation of the actual deal, but the scenario has none".to_string(),
                );
            }
            v.text(&dp.field("label"), &deal.label);
            v.text(&dp.field("description"), &deal.description);
        }
        let known = ids(&mut self.personalities.iter().map(|e| &e.id));
        for (id, text) in &t.personalities {
            let path = p.field("personalities").field(id);
            v.reference(&path, id, &known, "personality");
            v.text(&path.field("name"), &text.name);
            v.text(&path.field("description"), &text.description);
        }
        for side in Side::BOTH {
            if let Some(brief) = &t.briefs[side] {
                let bp = p.field("briefs").field(side.key());
                if self.briefs.is_none() {
                    v.fail(
                        &bp,
                        "a translation of a brief, but the scenario has no briefs".to_string(),
                    );
                }
                v.text(&bp.field("goals"), &brief.goals);
                v.text(&bp.field("walk_away"), &brief.walk_away);
                v.text(&bp.field("keep_private"), &brief.keep_private);
            }
        }
        check_places(
            v,
            &p.field("coaching"),
            &t.coaching,
            self.coaching.len(),
            "coaching note",
        );
    }
}

/// Texts keyed by a place in a list of `len` entries (those without ids): each place must be in the list.
fn check_places(
    v: &mut Validator,
    p: &FieldPath,
    texts: &std::collections::BTreeMap<usize, String>,
    len: usize,
    what: &str,
) {
    v.rule(p, || format!("keyed by the {what}'s place in its list, 0 first"));
    for (&k, text) in texts {
        let path = p.field(&k.to_string());
        if k >= len {
            v.fail(
                &path,
                format!(
                    "no {what} at place {k}: the scenario has {len} (counted from 0, so 0 to {})",
                    len.saturating_sub(1)
                ),
            );
        }
        v.text(&path, text);
    }
}

/// Whether `code` reads as a language code: ASCII letters first, then parts of letters or digits after `-`
/// ("ja", "pt-BR", "zh-Hant"), at most [`MAX_LANGUAGE_CODE_CHARS`] characters.
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|first| (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic()));
    code.len() <= MAX_LANGUAGE_CODE_CHARS
        && first_ok
        && parts.all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::is_language_code;

    #[test]
    fn language_codes_are_short_letters_with_optional_parts() {
        for good in ["ja", "en", "pt-BR", "zh-Hant", "fil"] {
            assert!(is_language_code(good), "{good}");
        }
        for bad in [
            "",
            "j",
            "japanese",
            "ja_JP",
            "ja-",
            "-ja",
            "日本",
            "ja-JP-x-very-long-tag",
        ] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
