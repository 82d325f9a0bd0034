//! The checks of one value, each recording the rule it applies (for the generated reference) and the problem it
//! finds (for the author): a range, a rate, an elasticity, a round, an id referred to.

use std::collections::{BTreeMap, BTreeSet};

use crate::scenario::ron_spans::{FieldPath, PathStep};
use crate::scenario::schema::{Indicator, MAX_BILLIONS, MAX_ELASTICITY, Scenario};

/// One semantic problem before it is located in the text.
pub(in crate::scenario) struct Finding {
    pub(in crate::scenario) path: FieldPath,
    pub(in crate::scenario) message: String,
    pub(in crate::scenario) help: Option<String>,
}

/// The problems found so far, and, when recording, the rules applied.
#[derive(Default)]
pub(super) struct Validator {
    pub(super) problems: Vec<Finding>,
    /// When recording, every rule checked, by field path with list positions as `[]`.
    pub(super) rules: Option<BTreeMap<String, BTreeSet<String>>>,
}

impl Validator {
    /// Records that `rule` applies at `path` (when recording the rules for the reference).
    pub(super) fn rule(&mut self, path: &FieldPath, rule: impl FnOnce() -> String) {
        if let Some(rules) = &mut self.rules {
            let general = FieldPath(
                path.0
                    .iter()
                    .enumerate()
                    .map(|(n, step)| match step {
                        PathStep::Index(_) => PathStep::Index(usize::MAX),
                        _ if is_translation_key(&path.0, n) => PathStep::Field("{id}".to_string()),
                        other => other.clone(),
                    })
                    .collect(),
            )
            .to_string()
            .replace(&format!("[{}]", usize::MAX), "[]");
            rules.entry(general).or_default().insert(rule());
        }
    }

    pub(super) fn fail(&mut self, path: &FieldPath, message: String) {
        self.fail_with_help(path, message, None);
    }

    pub(super) fn fail_with_help(&mut self, path: &FieldPath, message: String, help: Option<String>) {
        self.problems.push(Finding {
            path: path.clone(),
            message,
            help,
        });
    }

    /// Whether `x` is a number at all; figures with a range check it there, the rest through [`Self::magnitude`].
    pub(super) fn finite(&mut self, path: &FieldPath, x: f64) -> bool {
        self.rule(path, || "a finite number".to_string());
        if x.is_finite() {
            true
        } else {
            self.fail(path, format!("expected a finite number, found {}", show_number(x)));
            false
        }
    }

    /// A figure with no natural range, held within a plausible magnitude so that arithmetic on it stays finite.
    pub(super) fn magnitude(&mut self, path: &FieldPath, x: f64, bound: f64) {
        self.range(path, x, -bound, bound);
    }

    /// A money figure in $bn (a year, for flows): 0 to [`MAX_BILLIONS`].
    pub(super) fn billions(&mut self, path: &FieldPath, x: f64) {
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
    pub(super) fn positive_at_most(&mut self, path: &FieldPath, x: f64, hi: f64) {
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

    /// A list of at most `max` entries (`what`: what it lists, for the message).
    pub(super) fn bounded_list(&mut self, path: &FieldPath, len: usize, max: usize, what: &str) {
        self.rule(path, || format!("at most {max} {what}"));
        if len > max {
            self.fail(path, format!("expected at most {max} {what}, found {len}"));
        }
    }

    pub(super) fn range(&mut self, path: &FieldPath, x: f64, lo: f64, hi: f64) {
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

    pub(super) fn rate(&mut self, path: &FieldPath, x: f64) {
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

    pub(super) fn elasticity(&mut self, path: &FieldPath, x: f64) {
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

    pub(super) fn round(&mut self, path: &FieldPath, round: u32, rounds: u32) {
        self.rule(path, || "a round of the game, from 1 to `rounds`".to_string());
        // With no valid round count, `rounds` itself is the problem already reported.
        if (1..=60).contains(&rounds) && (round == 0 || round > rounds) {
            self.fail(path, format!("expected a round from 1 to {rounds}, found {round}"));
        }
    }

    pub(super) fn text(&mut self, path: &FieldPath, text: &str) {
        self.rule(path, || "a non-empty text".to_string());
        if text.trim().is_empty() {
            self.fail(path, "expected a non-empty text".to_string());
        }
    }

    pub(super) fn options(&mut self, path: &FieldPath, options: &[f64], lo: f64, hi: f64) {
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

    /// The options of a yes-or-no term: 0 (not granted) and 1 (granted).
    pub(super) fn yes_no_options(&mut self, path: &FieldPath, options: &[f64], what: &str) {
        self.rule(path, || "[0.0, 1.0] for a yes-or-no term".to_string());
        if options != [0.0, 1.0] {
            self.fail(
                path,
                format!("{what} is granted or not: expected the options [0.0, 1.0], found {options:?}"),
            );
        }
    }

    /// The first option of a lever or term: 0, nothing given.
    pub(super) fn first_option_is_none(&mut self, path: &FieldPath, options: &[f64]) {
        if options.first().is_some_and(|&o| o != 0.0) {
            self.fail(
                &path.index(0),
                "expected the first option to be 0 (nothing given)".to_string(),
            );
        }
    }

    /// A rate an instrument starts at or is scheduled to take: the table only ever sets an instrument to one of its
    /// options, so any other rate could never be undone or offered back.
    pub(super) fn among_options(&mut self, path: &FieldPath, rate: f64, options: &[f64], id: &str) {
        self.rule(path, || "one of the instrument's options".to_string());
        if rate.is_finite() && !options.is_empty() && !options.contains(&rate) {
            self.fail(
                path,
                format!("{rate} is not one of the options {options:?} of \"{id}\""),
            );
        }
    }

    pub(super) fn reference(&mut self, path: &FieldPath, id: &str, known: &BTreeSet<String>, what: &str) {
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
    pub(super) fn indicator(&mut self, path: &FieldPath, indicator: &Indicator, scenario: &Scenario) {
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
    pub(super) fn unknown_issue(&mut self, path: &FieldPath, id: &str, scenario: &Scenario) {
        let issues = scenario
            .us_instruments
            .iter()
            .map(|i| i.id.as_str())
            .chain(scenario.partner_levers.iter().map(|l| l.id.as_str()))
            .chain(scenario.deal_terms.iter().map(|t| t.id.as_str()));
        let what = if scenario.deal_terms.is_empty() {
            "instrument or lever"
        } else {
            "instrument, lever or deal term"
        };
        self.fail_with_help(
            path,
            format!("unknown {what} \"{id}\""),
            did_you_mean(id, issues).map(|closest| format!("did you mean \"{closest}\"?")),
        );
    }

    pub(super) fn unique_ids<'a>(&mut self, path: &FieldPath, ids: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
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

/// Whether step `n` of a path is a key of a map of the `translations` block (a language code, a lever's id, a place
/// in a list), which the reference writes `{id}` as it writes list positions `[]`.
fn is_translation_key(steps: &[PathStep], n: usize) -> bool {
    let field = |k: usize| match steps.get(k) {
        Some(PathStep::Field(name)) => name.as_str(),
        _ => "",
    };
    const KEYED: [&str; 10] = [
        "sectors",
        "us_instruments",
        "partner_levers",
        "deal_terms",
        "partner_tariffs",
        "scheduled_events",
        "random_events",
        "injects",
        "personalities",
        "coaching",
    ];
    field(0) == "translations"
        && (n == 1
            || (n == 3 && KEYED.contains(&field(2)))
            || (n == 4 && matches!(field(2), "constituencies" | "objectives")))
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
pub(super) fn quoted_list(ids: &[&str]) -> String {
    ids.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ")
}
