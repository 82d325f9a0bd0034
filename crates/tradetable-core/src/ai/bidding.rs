//! Bidding strategies: which package an agent offers next.
//!
//! Every strategy sets a target utility and offers a package worth at least that much to itself. They differ in the
//! target (a time-dependent curve, or the opponent's own concessions mirrored) and in which package meets it: the
//! time-dependent agents concede issue by issue towards the other side's last offer; the modelling agent searches
//! for the package its opponent model rates highest, which is a point near the Pareto frontier.

use super::concession::target_utility;
use super::context::{Context, EPSILON};
use super::opponent_model::OpponentModel;
use crate::rules::package::{Package, PackageSpace};
use crate::scenario::schema::Side;

/// The concession exponent below which tit-for-tat never falls behind: however stubborn the other side, it
/// reaches its reservation value by the deadline, as a Boulware agent would (e = 0.2).
pub const TIT_FOR_TAT_FLOOR_EXPONENT: f64 = 0.2;

/// How far above its reservation value (in the opponent's public utility) a final-round ultimatum leaves the
/// opponent, so that rounding and small differences of weighting do not turn it down.
pub const ULTIMATUM_MARGIN: f64 = 0.02;

/// How many single-issue steps a local search may take.
const MAX_SEARCH_STEPS: usize = 16;

/// How many two-issue trades a search step evaluates exactly, the most promising first.
const PAIR_BUDGET: usize = 12;

/// The package an agent will offer next, with its utility to the agent and the target it met.
#[derive(Debug, Clone, PartialEq)]
pub struct Bid {
    /// The package.
    pub package: Package,
    /// Its utility to the bidder.
    pub utility: f64,
    /// The utility the bidder aimed for.
    pub target: f64,
    /// Where the target came from, for the bidder's reasons.
    pub basis: Basis,
}

/// Where a bid's target came from: the figures a bidding strategy used, kept so the agent can say why it bid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    /// A time-dependent curve of exponent `exponent`, `time` of the way (0–1) to `deadline_round`, the round in
    /// which the curve reaches the reservation value.
    Curve {
        /// The exponent `e` of the curve.
        exponent: f64,
        /// Normalised time on the curve.
        time: f64,
        /// The round in which the curve reaches the reservation value.
        deadline_round: u32,
    },
    /// The opening offer repeated (a hardliner).
    Repeat,
    /// Tit-for-tat: the concession the other side's last offer made to the agent, in its utility (negative: taken
    /// back), mirrored; and the Boulware floor it never falls behind.
    Mirror {
        /// What the other side's last offer conceded to the agent.
        conceded_to_me: f64,
        /// The target of the floor curve now.
        floor: f64,
    },
    /// A curve met by the package the opponent model rates highest, with that estimate.
    Modelled {
        /// The exponent `e` of the curve.
        exponent: f64,
        /// Normalised time on the curve.
        time: f64,
        /// The round in which the curve reaches the reservation value.
        deadline_round: u32,
        /// The opponent model's estimate of the package's utility to the opponent.
        opponent_utility: f64,
    },
    /// A last-round take-it-or-leave-it offer, leaving the opponent this much utility (by its public objectives)
    /// against `opponent_reserve` for no deal.
    Ultimatum {
        /// The package's utility to the opponent by its public objectives.
        opponent_utility: f64,
        /// No deal's utility to the opponent by its public objectives.
        opponent_reserve: f64,
    },
}

/// A way of choosing the next offer.
pub trait Bidding: Send + Sync {
    /// A name for documentation and transcripts.
    fn name(&self) -> &'static str;
    /// The next offer.
    fn bid(&self, ctx: &Context, model: &dyn OpponentModel) -> Bid;
}

/// Time-dependent concession (DOMAIN.md §4): the target falls from the best utility to the reservation value along
/// `t^(1/e)`, and the offer concedes issue by issue towards the other side's last offer while it still meets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeDependentBidding {
    /// The exponent `e` of the curve (0 hardliner, 0.2 Boulware, 1 linear, 2 conceder).
    pub exponent: f64,
}

impl Bidding for TimeDependentBidding {
    fn name(&self) -> &'static str {
        "time-dependent"
    }

    fn bid(&self, ctx: &Context, _model: &dyn OpponentModel) -> Bid {
        if self.exponent <= 0.0
            && let Some(first) = ctx.offers_from(ctx.side).first()
        {
            // A hardliner never moves: it repeats its opening offer even when the economy shifts under it.
            return Bid {
                package: (*first).clone(),
                utility: ctx.utility(first),
                target: ctx.max,
                basis: Basis::Repeat,
            };
        }
        let target = (target_utility(ctx.time, self.exponent, ctx.max, ctx.reserve) + ctx.retaliation).min(ctx.max);
        let basis = Basis::Curve {
            exponent: self.exponent,
            time: ctx.time,
            deadline_round: ctx.scenario.rounds,
        };
        offer_towards_opponent(ctx, target, basis)
    }
}

/// Tit-for-tat on concessions: concede, in its own utility, as much as the other side's last offer conceded to it,
/// take back as much as the other side took back, and harden after a hostile act. Never slower than a Boulware
/// curve, so two tit-for-tat agents still meet before the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TitForTatBidding;

impl Bidding for TitForTatBidding {
    fn name(&self) -> &'static str {
        "tit-for-tat"
    }

    fn bid(&self, ctx: &Context, _model: &dyn OpponentModel) -> Bid {
        let mine = ctx.offers_from(ctx.side);
        let theirs = ctx.offers_from(ctx.side.other());
        let mirrored = match mine.last() {
            None => ctx.max,
            Some(last) => {
                let conceded_to_me = match theirs.as_slice() {
                    [.., before, latest] => ctx.utility(latest) - ctx.utility(before),
                    _ => 0.0,
                };
                ctx.utility(last) - conceded_to_me
            }
        };
        let floor = target_utility(ctx.time, TIT_FOR_TAT_FLOOR_EXPONENT, ctx.max, ctx.reserve);
        let target = (mirrored.min(floor) + ctx.retaliation).clamp(ctx.reserve, ctx.max);
        let conceded_to_me = match (mine.last(), theirs.as_slice()) {
            (Some(_), [.., before, latest]) => ctx.utility(latest) - ctx.utility(before),
            _ => 0.0,
        };
        offer_towards_opponent(ctx, target, Basis::Mirror { conceded_to_me, floor })
    }
}

/// The modelling agent: a time-dependent target, met by the package its opponent model rates highest — found by a
/// local search from the time-dependent offer, trading issues the opponent cares about for issues it does not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModellingBidding {
    /// The exponent of its concession curve.
    pub exponent: f64,
    /// Whether it plays the calendar: the US makes a take-it-or-leave-it offer in the last round (the opponent can
    /// only accept or end with no deal), and Japan concedes against its last offer that can still be accepted.
    pub exploits_deadline: bool,
}

impl Bidding for ModellingBidding {
    fn name(&self) -> &'static str {
        "modelling"
    }

    fn bid(&self, ctx: &Context, model: &dyn OpponentModel) -> Bid {
        let rounds = ctx.scenario.rounds;
        if self.exploits_deadline
            && ctx.side == Side::Us
            && ctx.state.round >= rounds
            && let Some(bid) = ultimatum(ctx)
        {
            return bid;
        }
        let (time, deadline_round) = if self.exploits_deadline && ctx.side == Side::Partner && rounds > 2 {
            // Japan's offer in the last round can never be answered: its last useful offer is a round earlier.
            (
                (f64::from(ctx.state.round.saturating_sub(1)) / f64::from(rounds - 2)).min(1.0),
                rounds - 1,
            )
        } else {
            (ctx.time, rounds)
        };
        let target = (target_utility(time, self.exponent, ctx.max, ctx.reserve) + ctx.retaliation).min(ctx.max);
        let curve = Basis::Curve {
            exponent: self.exponent,
            time,
            deadline_round,
        };
        let start = offer_towards_opponent(ctx, target, curve);
        let space = ctx.valuation.valuer().space();
        let (package, opponent_utility, utility) = climb(space, start.package, target, &|p| {
            let own = ctx.utility(p);
            (model.utility(p), own)
        });
        Bid {
            package,
            utility,
            target,
            basis: Basis::Modelled {
                exponent: self.exponent,
                time,
                deadline_round,
                opponent_utility,
            },
        }
    }
}

/// The US's last-round offer: the package best for itself that the opponent, by the scenario's public objectives,
/// still prefers to no deal; none if no such package is worth more to the US than its reservation value.
fn ultimatum(ctx: &Context) -> Option<Bid> {
    let floor = ctx.valuation.public_opponent_reservation() + ULTIMATUM_MARGIN;
    let start = ctx.opponent_anchor();
    let (_, opponent) = ctx.valuation.with_public_opponent(&start);
    if opponent < floor {
        return None;
    }
    let space = ctx.valuation.valuer().space();
    let (package, utility, opponent_utility) = climb(space, start, floor, &|p| ctx.valuation.with_public_opponent(p));
    (utility > ctx.reserve + EPSILON).then_some(Bid {
        package,
        utility,
        target: utility,
        basis: Basis::Ultimatum {
            opponent_utility,
            opponent_reserve: ctx.valuation.public_opponent_reservation(),
        },
    })
}

/// The time-dependent offer: from the best package, concede towards the other side's last offer while the package
/// stays worth at least `target`; `basis` is where the target came from.
pub fn offer_towards_opponent(ctx: &Context, target: f64, basis: Basis) -> Bid {
    let toward = ctx.opponent_anchor();
    let package = concede_towards(ctx, &ctx.best, &toward, target);
    let utility = ctx.utility(&package);
    Bid {
        package,
        utility,
        target,
        basis,
    }
}

/// Starting from `start`, concedes one issue at a time towards `toward`, always taking the step that keeps the most
/// utility, for as long as the package stays worth at least `target`.
pub fn concede_towards(ctx: &Context, start: &Package, toward: &Package, target: f64) -> Package {
    let mut current = start.clone();
    loop {
        let mut best_step: Option<(Package, f64)> = None;
        for k in 0..current.choice.len() {
            let here = current.choice[k];
            let goal = toward.choice[k];
            if here == goal {
                continue;
            }
            let step = if goal > here { here + 1 } else { here - 1 };
            let mut candidate = current.clone();
            candidate.choice[k] = step;
            let u = ctx.utility(&candidate);
            if u + EPSILON >= target && best_step.as_ref().is_none_or(|(_, best)| u > *best + EPSILON) {
                best_step = Some((candidate, u));
            }
        }
        match best_step {
            Some((candidate, _)) => current = candidate,
            None => return current,
        }
    }
}

/// A local search: from `start`, raises the first value `eval` returns (the objective) while keeping the second
/// (the constraint) at least `floor`. Each step tries every single-issue change, and if none helps, the most
/// promising two-issue trades — one change that gains objective, one that gains constraint — ranked by their
/// summed single-change effects. Returns the package with its objective and constraint values.
pub fn climb(
    space: &PackageSpace,
    start: Package,
    floor: f64,
    eval: &dyn Fn(&Package) -> (f64, f64),
) -> (Package, f64, f64) {
    let (mut objective, mut constraint) = eval(&start);
    let mut current = start;
    for _ in 0..MAX_SEARCH_STEPS {
        let mut singles = Vec::new();
        let mut best: Option<(Package, f64, f64)> = None;
        for (k, issue) in space.issues.iter().enumerate() {
            for option in 0..issue.options.len() as u8 {
                if option == current.choice[k] {
                    continue;
                }
                let mut candidate = current.clone();
                candidate.choice[k] = option;
                let (o, c) = eval(&candidate);
                if c + EPSILON >= floor && o > objective + EPSILON && better(o, c, best.as_ref()) {
                    best = Some((candidate, o, c));
                }
                singles.push((k, option, o - objective, c - constraint));
            }
        }
        if best.is_none() {
            best = best_trade(&current, &singles, objective, constraint, floor, eval);
        }
        match best {
            Some((package, o, c)) => {
                current = package;
                objective = o;
                constraint = c;
            }
            None => break,
        }
    }
    (current, objective, constraint)
}

fn better(objective: f64, constraint: f64, incumbent: Option<&(Package, f64, f64)>) -> bool {
    match incumbent {
        None => true,
        Some((_, o, c)) => objective > o + EPSILON || (objective + EPSILON >= *o && constraint > c + EPSILON),
    }
}

/// The best two-issue trade among the `PAIR_BUDGET` most promising by their summed single-change effects.
fn best_trade(
    current: &Package,
    singles: &[(usize, u8, f64, f64)],
    objective: f64,
    constraint: f64,
    floor: f64,
    eval: &dyn Fn(&Package) -> (f64, f64),
) -> Option<(Package, f64, f64)> {
    let mut trades = Vec::new();
    for &(k, option, gain, cost) in singles.iter().filter(|s| s.2 > EPSILON) {
        for &(j, other, gain_j, back) in singles.iter().filter(|s| s.3 > EPSILON && s.0 != k) {
            let estimated_constraint = constraint + cost + back;
            let estimated_gain = gain + gain_j;
            if estimated_constraint + EPSILON >= floor && estimated_gain > EPSILON {
                trades.push((estimated_gain, estimated_constraint, k, option, j, other));
            }
        }
    }
    trades.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then((a.2, a.3, a.4, a.5).cmp(&(b.2, b.3, b.4, b.5)))
    });
    let mut best: Option<(Package, f64, f64)> = None;
    for &(_, _, k, option, j, other) in trades.iter().take(PAIR_BUDGET) {
        let mut candidate = current.clone();
        candidate.choice[k] = option;
        candidate.choice[j] = other;
        let (o, c) = eval(&candidate);
        if c + EPSILON >= floor && o > objective + EPSILON && better(o, c, best.as_ref()) {
            best = Some((candidate, o, c));
        }
    }
    best
}
