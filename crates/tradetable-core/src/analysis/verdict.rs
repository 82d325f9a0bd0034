//! The verdict on a game in words: how many points each side's score beat (or fell short of) the same seed played
//! with no deal and with the deal that really happened — the counterfactuals a game's report already plays.

use serde::Serialize;

/// One side's verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The side's score less its score with no deal, in points (negative: it fell short).
    pub vs_no_deal: f64,
    /// The side's score less its score with the real deal, in points; none for a scenario without a real deal.
    pub vs_real_deal: Option<f64>,
    /// The verdict in a sentence, naming the side: "The US beat no deal by 12.0 points and the July 2025 deal by
    /// 3.0."
    pub sentence: String,
    /// The real deal's name, to say the sentence again with another subject.
    #[serde(skip)]
    real_deal_label: String,
}

impl Verdict {
    /// The verdict on a score against the scores with no deal and with the real deal (`real_deal`: its score and
    /// its name), said of `subject`.
    pub fn new(subject: &str, score: f64, no_deal: f64, real_deal: Option<(f64, &str)>) -> Verdict {
        let vs_no_deal = rounded(score - no_deal);
        let vs_real_deal = real_deal.map(|(real, _)| rounded(score - real));
        let real_deal_label = real_deal.map_or("the real deal", |(_, label)| label).to_string();
        let mut verdict = Verdict {
            vs_no_deal,
            vs_real_deal,
            sentence: String::new(),
            real_deal_label,
        };
        verdict.sentence = verdict.said_of(subject);
        verdict
    }

    /// The verdict as a sentence about `subject` ("You", "Japan").
    pub fn said_of(&self, subject: &str) -> String {
        let first = Comparison::of(self.vs_no_deal);
        let mut sentence = format!("{subject} {}", first.clause("no deal", true));
        if let Some(real) = self.vs_real_deal {
            let second = Comparison::of(real);
            let joint = if second.same_way(first) { "and" } else { "but" };
            // "fell short of no deal by 4.0 points and of the real deal by 1.0": the verb is not repeated.
            let clause = if second.same_way(first) {
                second.clause_again(&self.real_deal_label)
            } else {
                second.clause(&self.real_deal_label, false)
            };
            sentence.push_str(&format!(" {joint} {clause}"));
        }
        sentence.push('.');
        sentence
    }
}

/// A difference to a tenth of a point, as the sentence says it.
fn rounded(points: f64) -> f64 {
    (points * 1000.0).round() / 1000.0
}

/// How a score compares with another, once both read to a tenth of a point.
#[derive(Debug, Clone, Copy)]
enum Comparison {
    Beat(f64),
    FellShort(f64),
    Matched,
}

impl Comparison {
    fn of(difference: f64) -> Comparison {
        let tenths = (difference * 10.0).round();
        if tenths > 0.0 {
            Comparison::Beat(tenths / 10.0)
        } else if tenths < 0.0 {
            Comparison::FellShort(-tenths / 10.0)
        } else {
            Comparison::Matched
        }
    }

    /// Whether two comparisons go the same way (both beat, both fell short, both matched).
    fn same_way(self, other: Comparison) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }

    fn clause(self, what: &str, unit: bool) -> String {
        let unit = if unit { " points" } else { "" };
        match self {
            Comparison::Beat(by) => format!("beat {what} by {by:.1}{unit}"),
            Comparison::FellShort(by) => format!("fell short of {what} by {by:.1}{unit}"),
            Comparison::Matched => format!("matched {what}"),
        }
    }

    fn clause_again(self, what: &str) -> String {
        match self {
            Comparison::Beat(by) => format!("{what} by {by:.1}"),
            Comparison::FellShort(by) => format!("of {what} by {by:.1}"),
            Comparison::Matched => what.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_above_both_beats_both() {
        let verdict = Verdict::new("You", 62.0, 50.0, Some((59.0, "the July 2025 deal")));
        assert_eq!(verdict.vs_no_deal, 12.0);
        assert_eq!(verdict.vs_real_deal, Some(3.0));
        assert_eq!(
            verdict.sentence,
            "You beat no deal by 12.0 points and the July 2025 deal by 3.0."
        );
    }

    #[test]
    fn a_deal_worse_than_no_deal_falls_short() {
        let verdict = Verdict::new("Japan", 41.5, 45.0, Some((48.0, "the July 2025 deal")));
        assert!(verdict.vs_no_deal < 0.0);
        assert_eq!(
            verdict.sentence,
            "Japan fell short of no deal by 3.5 points and of the July 2025 deal by 6.5."
        );
    }

    #[test]
    fn mixed_results_say_but() {
        let verdict = Verdict::new("The US", 55.0, 50.0, Some((60.2, "the real deal")));
        assert_eq!(
            verdict.sentence,
            "The US beat no deal by 5.0 points but fell short of the real deal by 5.2."
        );
        assert_eq!(
            verdict.said_of("You"),
            "You beat no deal by 5.0 points but fell short of the real deal by 5.2."
        );
    }

    #[test]
    fn a_difference_too_small_to_read_is_a_match() {
        let verdict = Verdict::new("You", 50.02, 50.0, None);
        assert_eq!(verdict.sentence, "You matched no deal.");
    }
}
