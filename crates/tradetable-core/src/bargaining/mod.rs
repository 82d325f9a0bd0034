//! A general two-party, multi-issue bargaining engine: alternating offers with time-dependent strategies, matching NegMAS.
//!
//! A [`Domain`] (read from RON) lists the issues and each party's linear additive utility. [`negotiate`]
//! runs NegMAS's stacked-alternating-offers protocol between two [`Strategy`]s and returns a [`Trace`].
//! The curves, offering and acceptance rules, and step counting follow NegMAS 0.16 (`AspirationNegotiator`,
//! `ToughNegotiator`, `SAOMechanism`) closely enough that `benches/negmas/compare.sh` finds the same offers
//! and agreements; `docs/negmas-comparison.md` explains the mapping.

mod domain;
mod negotiators;
mod protocol;

pub use domain::{BargainingError, Domain, Issue, LinearAdditiveUtility, MAX_OUTCOMES, Party};
pub use negotiators::{Strategy, aspiration_level};
pub use protocol::{MAX_STEPS, OfferRecord, Trace, negotiate, relative_time};

#[cfg(test)]
mod tests {
    use super::negotiators::Negotiator;
    use super::*;

    /// Two issues, 3 × 3 outcomes, opposed preferences, no two outcomes of equal utility for either side.
    const MARKET: &str = r#"(
        name: "market",
        issues: [
            (name: "price", values: ["low", "mid", "high"]),
            (name: "delivery", values: ["slow", "normal", "fast"]),
        ],
        a: (weights: [0.6, 0.4], values: [[0.0, 0.55, 1.0], [1.0, 0.45, 0.0]], reserved_value: 0.2),
        b: (weights: [0.7, 0.3], values: [[1.0, 0.4, 0.0], [0.0, 0.6, 1.0]], reserved_value: 0.1),
    )"#;

    fn market() -> Domain {
        Domain::from_ron_str(MARKET).expect("the test domain is valid")
    }

    fn error_for(text: &str) -> BargainingError {
        Domain::from_ron_str(text).expect_err("the domain should be rejected")
    }

    fn names(values: &[&str]) -> Vec<String> {
        values.iter().map(|value| value.to_string()).collect()
    }

    #[test]
    fn hardliner_only_ever_offers_its_best_outcome() {
        let trace = negotiate(&market(), Strategy::Hardliner, Strategy::Hardliner, 10);
        let offers_by_a: Vec<_> = trace.offers.iter().filter(|o| o.proposer == Party::A).collect();
        assert_eq!(offers_by_a.len(), 10);
        assert!(offers_by_a.iter().all(|o| o.outcome == names(&["high", "slow"])));
        assert!(offers_by_a.iter().all(|o| o.utility_a == 1.0));
    }

    #[test]
    fn hardliner_accepts_only_its_best_outcome() {
        let domain = market();
        let outcomes = domain.outcomes();
        let hardliner = Negotiator::new(&domain, Party::A, Strategy::Hardliner, &outcomes);
        let best = domain.a.best_outcome();
        for t in [relative_time(0, 20), 0.5, relative_time(19, 20)] {
            for (index, outcome) in outcomes.iter().enumerate() {
                assert_eq!(hardliner.accepts(index, t), *outcome == best, "{outcome:?} at {t}");
            }
        }
    }

    #[test]
    fn aspiration_negotiators_only_ever_concede() {
        for strategy in [Strategy::Boulware, Strategy::Linear, Strategy::Conceder] {
            let trace = negotiate(&market(), strategy, Strategy::Hardliner, 40);
            let own: Vec<f64> = trace
                .offers
                .iter()
                .filter(|o| o.proposer == Party::A)
                .map(|o| o.utility_a)
                .collect();
            assert!(own.windows(2).all(|pair| pair[1] <= pair[0]), "{strategy}: {own:?}");
            assert!(own.last() < own.first(), "{strategy} concedes something in 40 rounds");
        }
    }

    #[test]
    fn aspiration_curves_are_negmas_polynomials() {
        let exponents = [
            (Strategy::Boulware, 4.0),
            (Strategy::Linear, 1.0),
            (Strategy::Conceder, 0.25),
        ];
        for (strategy, exponent) in exponents {
            assert_eq!(
                aspiration_level(exponent, 0.5),
                1.0 - 0.5f64.powf(exponent),
                "{strategy}"
            );
        }
        assert_eq!(aspiration_level(4.0, 0.5), 0.9375);
        assert_eq!(aspiration_level(1.0, 0.5), 0.5);
    }

    #[test]
    fn boulware_concedes_less_than_conceder_at_mid_negotiation() {
        let domain = market();
        let steps = 20;
        let offer_of_a_at = |strategy, step: u32| {
            let trace = negotiate(&domain, strategy, Strategy::Hardliner, steps);
            trace
                .offers
                .iter()
                .find(|o| o.proposer == Party::A && o.step == step)
                .map(|o| o.utility_a)
                .expect("the hardliner never accepts, so a offers every round")
        };
        assert!(offer_of_a_at(Strategy::Boulware, 10) > offer_of_a_at(Strategy::Conceder, 10));
        assert!(offer_of_a_at(Strategy::Boulware, 10) >= offer_of_a_at(Strategy::Linear, 10));
        assert!(offer_of_a_at(Strategy::Linear, 10) >= offer_of_a_at(Strategy::Conceder, 10));
    }

    #[test]
    fn agreement_is_reached_when_offers_cross() {
        let trace = negotiate(&market(), Strategy::Linear, Strategy::Linear, 20);
        let step = trace
            .agreement_step
            .expect("two linear concession curves cross before the deadline");
        let last = trace.offers.last().expect("offers were made");
        // The accepted offer is the last one made, by the other party, in this step or the one before.
        assert_eq!(Some(&last.outcome), trace.agreement.as_ref());
        assert!(last.step == step || last.step + 1 == step);
        assert_eq!((trace.utility_a, trace.utility_b), (last.utility_a, last.utility_b));
        // Until then, nothing either side offered was good enough for the other.
        assert!(trace.utility_a >= market().a.reserved_value);
        assert!(trace.utility_b >= market().b.reserved_value);
    }

    #[test]
    fn party_a_opens_and_the_parties_alternate() {
        let trace = negotiate(&market(), Strategy::Boulware, Strategy::Boulware, 6);
        assert_eq!(trace.offers[0].proposer, Party::A);
        assert_eq!(trace.offers[0].step, 0);
        for pair in trace.offers.windows(2) {
            assert_ne!(pair[0].proposer, pair[1].proposer);
        }
        for (index, offer) in trace.offers.iter().enumerate() {
            assert_eq!(offer.step as usize, index / 2, "two offers per round");
        }
    }

    #[test]
    fn without_agreement_each_side_keeps_its_reserved_value() {
        let trace = negotiate(&market(), Strategy::Hardliner, Strategy::Hardliner, 5);
        assert_eq!(trace.agreement, None);
        assert_eq!(trace.agreement_step, None);
        assert_eq!((trace.utility_a, trace.utility_b), (0.2, 0.1));
        assert_eq!(trace.offers.len(), 10);
        let trace = negotiate(&market(), Strategy::Linear, Strategy::Linear, 0);
        assert!(trace.offers.is_empty());
        assert_eq!(trace.agreement, None);
    }

    #[test]
    fn aspiration_negotiators_never_offer_below_their_reserved_value() {
        let domain = market();
        for strategy in [Strategy::Boulware, Strategy::Linear, Strategy::Conceder] {
            let trace = negotiate(&domain, strategy, Strategy::Hardliner, 50);
            for offer in trace.offers.iter().filter(|o| o.proposer == Party::A) {
                assert!(offer.utility_a >= domain.a.reserved_value, "{strategy}: {offer:?}");
            }
        }
    }

    #[test]
    fn relative_time_starts_after_zero_and_never_reaches_one() {
        assert_eq!(relative_time(0, 20), 1.0 / 21.0);
        assert_eq!(relative_time(19, 20), 20.0 / 21.0);
    }

    #[test]
    fn same_inputs_give_byte_identical_json() {
        let domain = market();
        let first = serde_json::to_string(&negotiate(&domain, Strategy::Linear, Strategy::Conceder, 30));
        let second = serde_json::to_string(&negotiate(&domain, Strategy::Linear, Strategy::Conceder, 30));
        assert_eq!(first.expect("serialisable"), second.expect("serialisable"));
    }

    #[test]
    fn json_names_parties_and_strategies_in_lowercase() {
        let trace = negotiate(&market(), Strategy::Boulware, Strategy::Hardliner, 1);
        let json = serde_json::to_value(&trace).expect("serialisable");
        assert_eq!(json["strategy_a"], "boulware");
        assert_eq!(json["strategy_b"], "hardliner");
        assert_eq!(json["offers"][0]["proposer"], "a");
        assert_eq!(json["offers"][1]["proposer"], "b");
        assert!(json["agreement"].is_null());
    }

    #[test]
    fn text_format_lists_offers_and_the_result() {
        let text = negotiate(&market(), Strategy::Hardliner, Strategy::Hardliner, 1).to_string();
        assert!(text.starts_with("market: hardliner (a) vs hardliner (b), 1 steps\n"));
        assert!(text.contains("   0  a   1.000  0.000  high / slow\n"));
        assert!(text.ends_with("no agreement after 1 steps (reserved values: u(a) 0.200, u(b) 0.100)\n"));
    }

    #[test]
    fn strategies_parse_and_print_in_lowercase() {
        for strategy in Strategy::ALL {
            assert_eq!(strategy.to_string().parse::<Strategy>(), Ok(strategy));
        }
        assert_eq!(
            "Boulware".parse::<Strategy>(),
            Err(BargainingError::UnknownStrategy {
                name: "Boulware".into()
            })
        );
    }

    #[test]
    fn weights_are_normalised_when_evaluating() {
        let domain = market();
        let mut doubled = domain.a.clone();
        doubled.weights = vec![1.2, 0.8];
        let outcome = [1, 1];
        assert_eq!(domain.a.utility(&outcome), 0.6 * 0.55 + 0.4 * 0.45);
        assert!((doubled.utility(&outcome) - domain.a.utility(&outcome)).abs() < 1e-15);
    }

    #[test]
    fn best_outcome_follows_negmas_rules_for_ties_and_zero_weights() {
        let utility = LinearAdditiveUtility {
            weights: vec![1.0, 0.0],
            values: vec![vec![0.2, 1.0, 1.0], vec![0.5, 0.1, 0.1]],
            reserved_value: 0.0,
        };
        // The last of the tied best values; for a zero-weight issue, the first of the lowest values.
        assert_eq!(utility.best_outcome(), vec![2, 1]);
        assert_eq!(utility.worst_outcome(), vec![0, 0]);
    }

    #[test]
    fn outcomes_are_enumerated_with_the_last_issue_varying_fastest() {
        let outcomes = market().outcomes();
        assert_eq!(outcomes.len(), 9);
        assert_eq!(outcomes[0], vec![0, 0]);
        assert_eq!(outcomes[1], vec![0, 1]);
        assert_eq!(outcomes[3], vec![1, 0]);
        assert_eq!(outcomes[8], vec![2, 2]);
    }

    #[test]
    fn bad_domain_reports_line_and_column() {
        let text = "(\n    name: \"x\",\n    issues: [(name: \"p\", values: [\"a\"])],\n    a: (weights: [1.0], values: [[1.0]], reserved_value: 0.0),\n    b: (weights: [1.0], values: [[1.0]], reserved_valu: 0.0),\n)";
        match error_for(text) {
            BargainingError::Parse { line, column, message } => {
                assert_eq!(line, 5);
                assert!(column > 1, "column {column}");
                assert!(message.contains("reserved_valu"), "{message}");
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
        assert!(matches!(
            error_for("(name: \"x\""),
            BargainingError::Parse { line: 1, .. }
        ));
    }

    #[test]
    fn domain_without_issues_or_values_is_rejected() {
        let no_issues = r#"(name: "x", issues: [], a: (weights: [], values: [], reserved_value: 0.0),
            b: (weights: [], values: [], reserved_value: 0.0))"#;
        assert_eq!(error_for(no_issues), BargainingError::NoIssues);
        let empty_issue = MARKET.replace(r#"["slow", "normal", "fast"]"#, "[]");
        assert_eq!(
            error_for(&empty_issue),
            BargainingError::IssueWithoutValues {
                issue: "delivery".into()
            }
        );
    }

    #[test]
    fn duplicate_names_are_rejected() {
        let same_issue = MARKET.replace(r#"name: "delivery""#, r#"name: "price""#);
        assert_eq!(
            error_for(&same_issue),
            BargainingError::DuplicateIssueName { issue: "price".into() }
        );
        let same_value = MARKET.replace(r#""normal""#, r#""slow""#);
        assert_eq!(
            error_for(&same_value),
            BargainingError::DuplicateValueName {
                issue: "delivery".into(),
                value: "slow".into()
            }
        );
    }

    #[test]
    fn weights_must_be_non_negative_and_not_all_zero() {
        let negative = MARKET.replace("weights: [0.6, 0.4]", "weights: [0.6, -0.4]");
        assert!(matches!(
            error_for(&negative),
            BargainingError::InvalidWeight { party: Party::A, .. }
        ));
        let zero = MARKET.replace("weights: [0.7, 0.3]", "weights: [0.0, 0.0]");
        assert_eq!(error_for(&zero), BargainingError::AllWeightsZero { party: Party::B });
    }

    #[test]
    fn weights_whose_sum_overflows_are_rejected() {
        let huge = MARKET.replace("weights: [0.6, 0.4]", "weights: [1e308, 1e308]");
        let error = error_for(&huge);
        assert!(
            matches!(error, BargainingError::WeightSumNotFinite { party: Party::A, .. }),
            "{error}"
        );
        assert!(error.to_string().contains("sum to inf"), "{error}");
    }

    #[test]
    fn utilities_and_reserved_values_must_lie_in_the_unit_interval() {
        let high = MARKET.replace("[0.0, 0.55, 1.0]", "[0.0, 0.55, 1.5]");
        assert!(matches!(
            error_for(&high),
            BargainingError::UtilityOutOfRange {
                party: Party::A,
                utility: 1.5,
                ..
            }
        ));
        let reserved = MARKET.replace("reserved_value: 0.1", "reserved_value: -0.1");
        assert_eq!(
            error_for(&reserved),
            BargainingError::ReservedValueOutOfRange {
                party: Party::B,
                reserved_value: -0.1
            }
        );
    }

    #[test]
    fn tables_must_match_the_issues() {
        let short_weights = MARKET.replace("weights: [0.6, 0.4]", "weights: [1.0]");
        assert_eq!(
            error_for(&short_weights),
            BargainingError::WeightCountMismatch {
                party: Party::A,
                expected: 2,
                found: 1
            }
        );
        let short_table = MARKET.replace("[0.0, 0.6, 1.0]", "[0.0, 0.6]");
        assert!(matches!(
            error_for(&short_table),
            BargainingError::ValueCountMismatch {
                party: Party::B,
                expected: 3,
                found: 2,
                ..
            }
        ));
    }
}
