//! Package deals: the outcome space of the negotiation (one issue per US instrument, Japanese lever, deal term and
//! negotiable counter-tariff, each with its options), packages as a choice of option per issue, and how a signed package sets the policies in force.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::economy::Policy;
use crate::scenario::format;
use crate::scenario::schema::{Scenario, Side};

/// What an issue of the package sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IssueTarget {
    /// The rate of a US instrument (index into the scenario's instruments).
    Instrument(usize),
    /// The level of a Japanese lever (index into the scenario's levers).
    Lever(usize),
    /// The level of a deal term the US may grant (index into the scenario's `deal_terms`).
    Term(usize),
    /// Whether the deal suspends one of the partner's negotiable counter-tariffs for its `deal_suspends_months`
    /// (index into the scenario's `partner_tariffs`): 0 no, 1 yes.
    CounterTariff(usize),
}

/// One issue of the negotiation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// The instrument's or lever's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The side whose lever it is.
    pub owner: Side,
    /// What it sets.
    pub target: IssueTarget,
    /// Its options.
    pub options: Vec<f64>,
}

impl Issue {
    /// The index of the option that favours the issue's owner most: the highest tariff, the smallest concession,
    /// a deal term not granted.
    pub fn owner_best(&self) -> u8 {
        match (self.target, self.owner) {
            (IssueTarget::Term(_), _) | (_, Side::Partner) => 0,
            (_, Side::Us) => (self.options.len() - 1) as u8,
        }
    }

    /// How a value of the issue reads on screen and in transcripts: `12.5%`, `$7bn/yr`, `75%`, `yes`.
    pub fn value_text(&self, scenario: &Scenario, value: f64) -> String {
        match self.target {
            IssueTarget::Instrument(_) => format::rate(value),
            IssueTarget::Lever(k) => format::lever_level(scenario.partner_levers[k].unit, value),
            IssueTarget::Term(k) => format::lever_level(scenario.deal_terms[k].effect.unit(), value),
            IssueTarget::CounterTariff(_) => format::lever_level(format::LeverUnit::YesNo, value),
        }
    }

    /// How option `option` of the issue reads (`?` for an option the issue does not have).
    pub fn option_text(&self, scenario: &Scenario, option: usize) -> String {
        match self.options.get(option) {
            Some(&value) => self.value_text(scenario, value),
            None => "?".to_string(),
        }
    }
}

/// The issues of a scenario, in a fixed order: US instruments, then Japanese levers, then deal terms, then the
/// partner's negotiable counter-tariffs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageSpace {
    /// The issues.
    pub issues: Vec<Issue>,
}

/// A package deal: one option index per issue of the scenario's [`PackageSpace`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Package {
    /// Option index per issue.
    pub choice: Vec<u8>,
}

impl PackageSpace {
    /// The outcome space of a scenario.
    pub fn of(scenario: &Scenario) -> PackageSpace {
        let mut issues = Vec::new();
        for (i, ins) in scenario.us_instruments.iter().enumerate() {
            issues.push(Issue {
                id: ins.id.clone(),
                name: ins.name.clone(),
                owner: Side::Us,
                target: IssueTarget::Instrument(i),
                options: ins.options.clone(),
            });
        }
        for (i, lever) in scenario.partner_levers.iter().enumerate() {
            issues.push(Issue {
                id: lever.id.clone(),
                name: lever.name.clone(),
                owner: Side::Partner,
                target: IssueTarget::Lever(i),
                options: lever.options.clone(),
            });
        }
        for (i, term) in scenario.deal_terms.iter().enumerate() {
            issues.push(Issue {
                id: term.id.clone(),
                name: term.name.clone(),
                owner: Side::Us,
                target: IssueTarget::Term(i),
                options: term.options.clone(),
            });
        }
        for (i, tariff) in scenario.partner_tariffs.iter().enumerate() {
            if let Some(options) = tariff.issue_options() {
                issues.push(Issue {
                    id: tariff.id.clone(),
                    name: format!("Suspend: {}", tariff.name),
                    owner: Side::Partner,
                    target: IssueTarget::CounterTariff(i),
                    options: options.to_vec(),
                });
            }
        }
        PackageSpace { issues }
    }

    /// The number of distinct packages.
    pub fn size(&self) -> u64 {
        self.issues.iter().map(|i| i.options.len() as u64).product()
    }

    /// The package that gives `side` everything it wants.
    pub fn best_for(&self, side: Side) -> Package {
        Package {
            choice: self
                .issues
                .iter()
                .map(|issue| {
                    if issue.owner == side {
                        issue.owner_best()
                    } else {
                        owner_worst(issue)
                    }
                })
                .collect(),
        }
    }

    /// Whether a package fits this space (one option per issue, each one of its options). A package kept from
    /// another scenario, or another version of this one, does not.
    pub fn contains(&self, package: &Package) -> bool {
        package.choice.len() == self.issues.len()
            && package
                .choice
                .iter()
                .zip(&self.issues)
                .all(|(&c, issue)| (c as usize) < issue.options.len())
    }

    /// The package closest to the policies in force (each issue at the nearest option).
    pub fn from_policy(&self, policy: &Policy) -> Package {
        Package {
            choice: self
                .issues
                .iter()
                .map(|issue| {
                    let value = match issue.target {
                        IssueTarget::Instrument(i) => policy.us_rates[i],
                        IssueTarget::Lever(i) => policy.concessions[i],
                        IssueTarget::Term(i) => policy.terms.get(i).copied().unwrap_or(0.0),
                        // A suspension is what a deal does, not a policy in force: none until one is signed.
                        IssueTarget::CounterTariff(_) => 0.0,
                    };
                    nearest_option(&issue.options, value)
                })
                .collect(),
        }
    }

    /// The package with these terms; issues not named keep the level in `base`.
    pub fn with_terms(&self, base: &Package, terms: &BTreeMap<String, f64>) -> Option<Package> {
        let mut package = base.clone();
        for (id, value) in terms {
            let k = self.issues.iter().position(|issue| issue.id == *id)?;
            let option = self.issues[k].options.iter().position(|o| o == value)?;
            package.choice[k] = option as u8;
        }
        Some(package)
    }

    /// The value chosen for each issue, by id (an issue whose choice is not one of its options is left out: see
    /// [`PackageSpace::contains`]).
    pub fn terms(&self, package: &Package) -> BTreeMap<String, f64> {
        self.issues
            .iter()
            .zip(&package.choice)
            .filter_map(|(issue, &c)| Some((issue.id.clone(), *issue.options.get(c as usize)?)))
            .collect()
    }

    /// The policy that results from signing `package` on top of `policy`: every issue set, quotas cleared. A
    /// package that does not fit (see [`PackageSpace::contains`]) sets only the issues it can name.
    pub fn apply_to(&self, package: &Package, policy: &Policy) -> Policy {
        let mut next = policy.clone();
        for (issue, &c) in self.issues.iter().zip(&package.choice) {
            let Some(&value) = issue.options.get(c as usize) else {
                continue;
            };
            match issue.target {
                IssueTarget::Instrument(i) => {
                    next.us_rates[i] = value;
                    next.us_quotas_bn[i] = 0.0;
                }
                IssueTarget::Lever(i) => next.concessions[i] = value,
                IssueTarget::Term(i) => {
                    if next.terms.len() <= i {
                        next.terms.resize(i + 1, 0.0);
                    }
                    next.terms[i] = value;
                }
                IssueTarget::CounterTariff(i) => {
                    if value > 0.0
                        && let Some(rate) = next.counter_tariffs.get_mut(i)
                    {
                        *rate = 0.0;
                    }
                }
            }
        }
        next
    }

    /// Per counter-tariff of the scenario, whether `package` suspends it (a counter-tariff that is no issue never).
    pub fn suspends(&self, scenario: &Scenario, package: &Package) -> Vec<bool> {
        let mut suspended = vec![false; scenario.partner_tariffs.len()];
        for (issue, &c) in self.issues.iter().zip(&package.choice) {
            if let IssueTarget::CounterTariff(i) = issue.target
                && issue.options.get(c as usize).is_some_and(|&v| v > 0.0)
                && let Some(flag) = suspended.get_mut(i)
            {
                *flag = true;
            }
        }
        suspended
    }

    /// Every package, in a fixed order (only sensible for small spaces).
    pub fn enumerate(&self) -> impl Iterator<Item = Package> + '_ {
        (0..self.size()).map(move |n| self.nth(n))
    }

    /// Every package that differs from `package` on exactly one issue, issue by issue and option by option.
    pub fn neighbours<'a>(&'a self, package: &'a Package) -> impl Iterator<Item = Package> + 'a {
        self.issues.iter().enumerate().flat_map(move |(k, issue)| {
            (0..issue.options.len() as u8)
                .filter(move |&option| option != package.choice[k])
                .map(move |option| {
                    let mut candidate = package.clone();
                    candidate.choice[k] = option;
                    candidate
                })
        })
    }

    /// The `n`-th package in the order of [`PackageSpace::enumerate`] (the first issue varies fastest).
    pub fn nth(&self, mut n: u64) -> Package {
        let choice = self
            .issues
            .iter()
            .map(|issue| {
                let k = issue.options.len() as u64;
                let c = (n % k) as u8;
                n /= k;
                c
            })
            .collect();
        Package { choice }
    }
}

fn owner_worst(issue: &Issue) -> u8 {
    match (issue.target, issue.owner) {
        (IssueTarget::Term(_), _) | (_, Side::Partner) => (issue.options.len() - 1) as u8,
        (_, Side::Us) => 0,
    }
}

/// The index of the option nearest to `value` (the lower one on a tie).
pub fn nearest_option(options: &[f64], value: f64) -> u8 {
    let mut best = 0;
    for (k, o) in options.iter().enumerate() {
        if (o - value).abs() < (options[best] - value).abs() {
            best = k;
        }
    }
    best as u8
}
