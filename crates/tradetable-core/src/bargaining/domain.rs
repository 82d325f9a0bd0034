//! Bargaining domains: the issues on the table and each party's linear additive utility, read from RON.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Above this many outcomes NegMAS stops enumerating and sorting them (it switches to an approximate
/// inverter), so our exact enumeration would no longer match it; it also bounds memory.
pub const MAX_OUTCOMES: usize = 1_000_000;

/// A multi-issue bargaining problem between two parties, `a` (who opens) and `b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub name: String,
    pub issues: Vec<Issue>,
    pub a: LinearAdditiveUtility,
    pub b: LinearAdditiveUtility,
}

/// One issue and the values it can take, in the order the utility tables use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub name: String,
    pub values: Vec<String>,
}

/// `u(outcome) = Σ w_i · values[i][value index of issue i]`, with the weights normalised to sum 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinearAdditiveUtility {
    /// One per issue, ≥ 0, not all zero; only their ratios matter.
    pub weights: Vec<f64>,
    /// `values[i][j]` is the utility in [0, 1] of the j-th value of the i-th issue.
    pub values: Vec<Vec<f64>>,
    /// What the party gets without an agreement, in [0, 1].
    pub reserved_value: f64,
}

/// The two sides of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    A,
    B,
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Party::A => "a",
            Party::B => "b",
        })
    }
}

/// Everything that can be wrong with a domain file or a strategy name.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BargainingError {
    #[error("line {line}, column {column}: {message}")]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the domain has no issues")]
    NoIssues,
    #[error("issue {issue:?} has no values")]
    IssueWithoutValues { issue: String },
    #[error("two issues are named {issue:?}")]
    DuplicateIssueName { issue: String },
    #[error("issue {issue:?} lists the value {value:?} twice")]
    DuplicateValueName { issue: String, value: String },
    #[error("the domain has {count} outcomes; at most {MAX_OUTCOMES} are supported")]
    TooManyOutcomes { count: u128 },
    #[error("party {party} has {found} weights for {expected} issues")]
    WeightCountMismatch {
        party: Party,
        expected: usize,
        found: usize,
    },
    #[error("party {party} has {found} value tables for {expected} issues")]
    ValueTableCountMismatch {
        party: Party,
        expected: usize,
        found: usize,
    },
    #[error("party {party} gives {found} utilities for the {expected} values of issue {issue:?}")]
    ValueCountMismatch {
        party: Party,
        issue: String,
        expected: usize,
        found: usize,
    },
    #[error("party {party} gives issue {issue:?} the weight {weight}; weights must be finite and ≥ 0")]
    InvalidWeight { party: Party, issue: String, weight: f64 },
    #[error("party {party} gives every issue a weight of zero")]
    AllWeightsZero { party: Party },
    #[error("party {party}'s weights sum to {sum}; only their ratios matter, so scale them down (e.g. to sum 1)")]
    WeightSumNotFinite { party: Party, sum: f64 },
    #[error("party {party} values {value:?} of issue {issue:?} at {utility}; utilities must be in [0, 1]")]
    UtilityOutOfRange {
        party: Party,
        issue: String,
        value: String,
        utility: f64,
    },
    #[error("party {party} has the reserved value {reserved_value}; it must be in [0, 1]")]
    ReservedValueOutOfRange { party: Party, reserved_value: f64 },
    #[error("unknown strategy {name:?}; expected boulware, linear, conceder or hardliner")]
    UnknownStrategy { name: String },
}

impl Domain {
    /// Parses and validates a domain written in RON.
    pub fn from_ron_str(text: &str) -> Result<Domain, BargainingError> {
        let domain: Domain = ron::from_str(text).map_err(|error| BargainingError::Parse {
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })?;
        domain.validate()?;
        Ok(domain)
    }

    /// Checks what the type cannot: non-empty issues, unique names, table sizes and value ranges.
    pub fn validate(&self) -> Result<(), BargainingError> {
        if self.issues.is_empty() {
            return Err(BargainingError::NoIssues);
        }
        let mut count: u128 = 1;
        for (index, issue) in self.issues.iter().enumerate() {
            if issue.values.is_empty() {
                return Err(BargainingError::IssueWithoutValues {
                    issue: issue.name.clone(),
                });
            }
            if self.issues[..index].iter().any(|earlier| earlier.name == issue.name) {
                return Err(BargainingError::DuplicateIssueName {
                    issue: issue.name.clone(),
                });
            }
            for (value_index, value) in issue.values.iter().enumerate() {
                if issue.values[..value_index].contains(value) {
                    return Err(BargainingError::DuplicateValueName {
                        issue: issue.name.clone(),
                        value: value.clone(),
                    });
                }
            }
            count = count.saturating_mul(issue.values.len() as u128);
        }
        if count > MAX_OUTCOMES as u128 {
            return Err(BargainingError::TooManyOutcomes { count });
        }
        self.validate_party(Party::A)?;
        self.validate_party(Party::B)
    }

    fn validate_party(&self, party: Party) -> Result<(), BargainingError> {
        let utility = self.utility_of(party);
        let expected = self.issues.len();
        if utility.weights.len() != expected {
            return Err(BargainingError::WeightCountMismatch {
                party,
                expected,
                found: utility.weights.len(),
            });
        }
        if utility.values.len() != expected {
            return Err(BargainingError::ValueTableCountMismatch {
                party,
                expected,
                found: utility.values.len(),
            });
        }
        for ((issue, &weight), table) in self.issues.iter().zip(&utility.weights).zip(&utility.values) {
            if !(weight.is_finite() && weight >= 0.0) {
                return Err(BargainingError::InvalidWeight {
                    party,
                    issue: issue.name.clone(),
                    weight,
                });
            }
            if table.len() != issue.values.len() {
                return Err(BargainingError::ValueCountMismatch {
                    party,
                    issue: issue.name.clone(),
                    expected: issue.values.len(),
                    found: table.len(),
                });
            }
            for (value, &value_utility) in issue.values.iter().zip(table) {
                if !(0.0..=1.0).contains(&value_utility) {
                    return Err(BargainingError::UtilityOutOfRange {
                        party,
                        issue: issue.name.clone(),
                        value: value.clone(),
                        utility: value_utility,
                    });
                }
            }
        }
        if utility.weights.iter().all(|&weight| weight == 0.0) {
            return Err(BargainingError::AllWeightsZero { party });
        }
        // Each weight may be finite while their sum is not (`1e308, 1e308`); normalising would then make every
        // utility 0 or NaN.
        let sum = utility.weights.iter().fold(0.0, |sum, &weight| sum + weight);
        if !sum.is_finite() {
            return Err(BargainingError::WeightSumNotFinite { party, sum });
        }
        if !(0.0..=1.0).contains(&utility.reserved_value) {
            return Err(BargainingError::ReservedValueOutOfRange {
                party,
                reserved_value: utility.reserved_value,
            });
        }
        Ok(())
    }

    pub fn utility_of(&self, party: Party) -> &LinearAdditiveUtility {
        match party {
            Party::A => &self.a,
            Party::B => &self.b,
        }
    }

    /// The number of distinct outcomes (one value per issue).
    pub fn outcome_count(&self) -> usize {
        self.issues.iter().map(|issue| issue.values.len()).product()
    }

    /// All outcomes as value indices, the last issue varying fastest — the order of `itertools.product`,
    /// in which NegMAS enumerates them too (it matters for ties).
    pub fn outcomes(&self) -> Vec<Vec<usize>> {
        let mut all = Vec::with_capacity(self.outcome_count());
        let mut current = vec![0; self.issues.len()];
        loop {
            all.push(current.clone());
            // Advance the odometer from the last issue.
            let mut position = self.issues.len();
            loop {
                if position == 0 {
                    return all;
                }
                position -= 1;
                current[position] += 1;
                if current[position] < self.issues[position].values.len() {
                    break;
                }
                current[position] = 0;
            }
        }
    }

    /// The value names of an outcome given as value indices.
    pub fn outcome_names(&self, outcome: &[usize]) -> Vec<String> {
        self.issues
            .iter()
            .zip(outcome)
            .map(|(issue, &value)| issue.values[value].clone())
            .collect()
    }
}

impl LinearAdditiveUtility {
    /// The weights scaled to sum 1, summed left to right as NegMAS's side of the comparison does.
    pub fn normalised_weights(&self) -> Vec<f64> {
        let total = self.weights.iter().fold(0.0, |sum, &weight| sum + weight);
        self.weights.iter().map(|&weight| weight / total).collect()
    }

    /// The utility of an outcome, given the normalised weights (see [`Self::normalised_weights`]).
    ///
    /// Summed left to right from 0.0, one `w · v` at a time, exactly as NegMAS's
    /// `LinearAdditiveUtilityFunction.eval` does, so both produce the same bits.
    pub fn evaluate(&self, normalised_weights: &[f64], outcome: &[usize]) -> f64 {
        normalised_weights
            .iter()
            .zip(&self.values)
            .zip(outcome)
            .fold(0.0, |sum, ((&weight, table), &value)| sum + weight * table[value])
    }

    /// The utility of an outcome (normalises the weights on every call; use [`Self::evaluate`] in loops).
    pub fn utility(&self, outcome: &[usize]) -> f64 {
        self.evaluate(&self.normalised_weights(), outcome)
    }

    /// The best outcome as NegMAS's `LinearAdditiveUtilityFunction.extreme_outcomes` picks it: per issue,
    /// the last value with the highest utility, or, for an issue of zero weight, the first value with the
    /// lowest utility (NegMAS's rule, kept so that both offer the same "best" outcome when values tie).
    pub fn best_outcome(&self) -> Vec<usize> {
        self.weights
            .iter()
            .zip(&self.values)
            .map(|(&weight, table)| {
                let (lowest, highest) = extreme_value_indices(table);
                if weight > 0.0 { highest } else { lowest }
            })
            .collect()
    }

    /// The worst outcome, mirroring [`Self::best_outcome`].
    pub fn worst_outcome(&self) -> Vec<usize> {
        self.weights
            .iter()
            .zip(&self.values)
            .map(|(&weight, table)| {
                let (lowest, highest) = extreme_value_indices(table);
                if weight > 0.0 { lowest } else { highest }
            })
            .collect()
    }
}

/// The first index of the lowest utility and the last index of the highest, scanning as NegMAS does
/// (`uval >= mx` keeps the last maximum, `uval < mn` the first minimum).
fn extreme_value_indices(table: &[f64]) -> (usize, usize) {
    let mut highest = (f64::NEG_INFINITY, 0);
    let mut lowest = (f64::INFINITY, 0);
    for (index, &utility) in table.iter().enumerate() {
        if utility >= highest.0 {
            highest = (utility, index);
        }
        if utility < lowest.0 {
            lowest = (utility, index);
        }
    }
    (lowest.1, highest.1)
}
