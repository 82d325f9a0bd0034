//! The alternating-offers protocol with a deadline, stepped as NegMAS's `SAOMechanism` steps it.

use std::fmt;

use serde::Serialize;

use super::domain::{Domain, Party};
use super::negotiators::{Negotiator, Strategy};

/// The longest deadline [`negotiate`] is asked for by the command line: a trace keeps every offer (two a round),
/// so a run without agreement holds `2 × steps` offers; at this bound that is a few tens of megabytes.
pub const MAX_STEPS: u32 = 100_000;

/// What happened in one negotiation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    pub domain: String,
    pub strategy_a: Strategy,
    pub strategy_b: Strategy,
    /// The deadline: the number of rounds.
    pub steps: u32,
    /// The agreed value of each issue, if any.
    pub agreement: Option<Vec<String>>,
    /// The round (from 0) in which the agreement was accepted.
    pub agreement_step: Option<u32>,
    /// Of the agreement, or the reserved value if there is none.
    pub utility_a: f64,
    pub utility_b: f64,
    /// Every offer in order; the agreement, if any, is the last one.
    pub offers: Vec<OfferRecord>,
}

/// One offer and what it is worth to each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfferRecord {
    pub step: u32,
    pub proposer: Party,
    pub outcome: Vec<String>,
    pub utility_a: f64,
    pub utility_b: f64,
}

/// Normalised time in round `step` of `steps`: `(step + 1) / (steps + 1)`, NegMAS's `relative_time`
/// (it never reaches 1, so a conceder's last offer is still above its floor).
pub fn relative_time(step: u32, steps: u32) -> f64 {
    f64::from(step + 1) / (f64::from(steps) + 1.0)
}

/// Runs one negotiation: `steps` rounds; in each, `a` and then `b` first answers the standing offer
/// (if it is the other's) and, if it does not accept, makes its own. Party `a` opens.
///
/// # Panics
/// If the domain is invalid: [`Domain::from_ron_str`] only returns valid ones; check a domain built in
/// code with [`Domain::validate`] first.
pub fn negotiate(domain: &Domain, a: Strategy, b: Strategy, steps: u32) -> Trace {
    let outcomes = domain.outcomes();
    let negotiator_a = Negotiator::new(domain, Party::A, a, &outcomes);
    let negotiator_b = Negotiator::new(domain, Party::B, b, &outcomes);
    let mut trace = Trace {
        domain: domain.name.clone(),
        strategy_a: a,
        strategy_b: b,
        steps,
        agreement: None,
        agreement_step: None,
        utility_a: domain.a.reserved_value,
        utility_b: domain.b.reserved_value,
        offers: Vec::new(),
    };
    let mut standing_offer: Option<usize> = None;
    for step in 0..steps {
        // Both negotiators of a round see the same time, as in NegMAS.
        let t = relative_time(step, steps);
        for (party, negotiator) in [(Party::A, &negotiator_a), (Party::B, &negotiator_b)] {
            // With two parties the standing offer, once made, is always the other party's.
            if let Some(offer) = standing_offer
                && negotiator.accepts(offer, t)
            {
                trace.agreement = Some(domain.outcome_names(&outcomes[offer]));
                trace.agreement_step = Some(step);
                trace.utility_a = negotiator_a.utility(offer);
                trace.utility_b = negotiator_b.utility(offer);
                return trace;
            }
            let offer = negotiator.propose(t);
            trace.offers.push(OfferRecord {
                step,
                proposer: party,
                outcome: domain.outcome_names(&outcomes[offer]),
                utility_a: negotiator_a.utility(offer),
                utility_b: negotiator_b.utility(offer),
            });
            standing_offer = Some(offer);
        }
    }
    trace
}

/// The `--format text` view: one line per offer, then the result.
impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} (a) vs {} (b), {} steps",
            self.domain, self.strategy_a, self.strategy_b, self.steps
        )?;
        writeln!(f, "step  by  u(a)   u(b)   offer")?;
        for offer in &self.offers {
            writeln!(
                f,
                "{:>4}  {:<2}  {:.3}  {:.3}  {}",
                offer.step,
                offer.proposer,
                offer.utility_a,
                offer.utility_b,
                offer.outcome.join(" / ")
            )?;
        }
        match (&self.agreement, self.agreement_step) {
            (Some(agreement), Some(step)) => writeln!(
                f,
                "agreement in step {step}: {} (u(a) {:.3}, u(b) {:.3})",
                agreement.join(" / "),
                self.utility_a,
                self.utility_b
            ),
            _ => writeln!(
                f,
                "no agreement after {} steps (reserved values: u(a) {:.3}, u(b) {:.3})",
                self.steps, self.utility_a, self.utility_b
            ),
        }
    }
}
