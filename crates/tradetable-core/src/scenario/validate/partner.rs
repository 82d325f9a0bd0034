//! The checks of the partner: its names, its currency, and the trade agreement between the two sides, if any.

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::{Scenario, SectorFlag};

impl Scenario {
    /// The partner's names and currency, and the trade agreement with its suspension rules.
    pub(super) fn check_partner(&self, v: &mut Validator, root: &FieldPath) {
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
        let three_letters = code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic());
        if three_letters && !code.chars().all(|c| c.is_ascii_uppercase()) {
            v.fail(
                &pp.field("currency").field("code"),
                format!(
                    "expected a three-letter ISO 4217 code such as \"JPY\", found \"{code}\": write it in upper case, \"{}\"",
                    code.to_ascii_uppercase()
                ),
            );
        } else if !three_letters {
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
}

#[cfg(test)]
mod tests {
    use crate::scenario::parse::DEFAULT_SCENARIO;
    use crate::scenario::schema::Scenario;

    fn error_of(text: &str) -> String {
        Scenario::from_ron_str(text, "edited.ron").unwrap_err().to_string()
    }

    #[test]
    fn a_currency_code_in_lower_case_is_told_to_be_written_in_upper_case() {
        let text = DEFAULT_SCENARIO.replacen("code: \"JPY\"", "code: \"eur\"", 1);
        let error = error_of(&text);
        assert!(
            error.contains("found \"eur\": write it in upper case, \"EUR\""),
            "{error}"
        );
    }

    #[test]
    fn a_currency_code_that_is_not_three_letters_gets_an_example() {
        let text = DEFAULT_SCENARIO.replacen("code: \"JPY\"", "code: \"YEN1\"", 1);
        let error = error_of(&text);
        assert!(
            error.contains("expected a three-letter ISO 4217 code such as \"JPY\", found \"YEN1\"")
                && !error.contains("upper case"),
            "{error}"
        );
    }
}
