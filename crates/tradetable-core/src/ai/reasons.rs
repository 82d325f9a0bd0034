//! Why an agent made its move, in one or two plain sentences built from the figures its decision actually used:
//! its target and best utility, no deal's worth, the round and the deadline its curve runs to, the acceptance
//! threshold, the opponent model's estimate, the concession it mirrored, and any red line the offer crossed.
//!
//! Utilities read as points out of 100, as scores do.

use super::bidding::{Basis, Bid};
use super::context::{Context, EPSILON};
use super::preferences::Preferences;
use super::tactics::Reading;
use crate::rules::moves::Move;
use crate::rules::package::PackageSpace;
use crate::scenario::schema::Limit;

/// A share of the way below which an agent is said to hold rather than to come down.
const HOLDING_SHARE: f64 = 0.15;

/// The figures a decision came to, as the agent explains it.
pub struct Grounds<'a> {
    /// The offer it would make.
    pub bid: &'a Bid,
    /// The utility to it of the offer on the table, if there is one.
    pub offered: Option<f64>,
    /// Whether it accepts that offer.
    pub accept: bool,
    /// The least an offer must be worth to it to be accepted now.
    pub threshold: f64,
    /// The opponent model's estimate of the opponent's issue weights.
    pub opponent_weights: &'a [f64],
}

/// The reasons for `decision`, taken at `ctx` by an agent with `preferences`: the first sentence says what it does
/// and the figure that drove it, the second (if any) why it turned down the offer on the table, what it hardened
/// for, or what its opponent model told it.
pub fn explain(ctx: &Context, preferences: &Preferences, decision: &Grounds) -> Vec<String> {
    let me = ctx.scenario.names().short_with_article(ctx.side);
    if decision.accept {
        return vec![acceptance(ctx, decision, &me)];
    }
    let mut first = offer(ctx, decision);
    if let Some(suspension) = suspension_offered(ctx, decision) {
        first.push(' ');
        first.push_str(&suspension);
    }
    let mut reasons = vec![first];
    let second = rejection(ctx, preferences, decision, &me)
        .or_else(|| {
            (ctx.retaliation > EPSILON).then(|| {
                format!(
                    "It asks {} points more to answer your threats and hostile moves.",
                    points(ctx.retaliation)
                )
            })
        })
        .or_else(|| model_reason(ctx, decision));
    reasons.extend(second);
    reasons
}

/// Why an agent makes a move away from the table in `round`: a move its personality's calendar holds for the round
/// (`calendar`), or its answer to what the other side did since its last turn (`answer`; `retracted`: the other
/// side's last offer was worth less to it than the one before).
pub fn explain_tactic(
    mv: &Move,
    round: u32,
    calendar: &[Move],
    answer: Option<Reading>,
    retracted: bool,
) -> Vec<String> {
    let yours = |n: u32, kind: &str| {
        if n == 1 {
            format!("your {kind} move")
        } else {
            format!("your {n} {kind} moves")
        }
    };
    let why = if calendar.contains(mv) {
        format!("Keeps to its calendar for round {round}.")
    } else {
        let reading = answer.unwrap_or_default();
        match mv {
            Move::Threaten { .. } if reading.hostile > 0 => {
                format!(
                    "Answers in kind: {} since its last turn.",
                    yours(reading.hostile, "hostile")
                )
            }
            Move::Threaten { .. } if retracted => {
                "Answers in kind: your last offer was worth less to it than the one before.".to_string()
            }
            _ if reading.friendly > 0 => {
                format!(
                    "Returns the goodwill of {} since its last turn.",
                    yours(reading.friendly, "friendly")
                )
            }
            _ => return Vec::new(),
        }
    };
    vec![why]
}

/// "It would suspend its countermeasures for 6 months under the deal.": the partner's bid suspends a counter-tariff it
/// has set, announced or threatened (one that is nothing yet is not worth a word).
fn suspension_offered(ctx: &Context, decision: &Grounds) -> Option<String> {
    let space = ctx.valuation.valuer().space();
    let suspended = space.suspends(ctx.scenario, &decision.bid.package);
    let named: Vec<String> = ctx
        .scenario
        .partner_tariffs
        .iter()
        .zip(&suspended)
        .zip(&ctx.state.counter_tariffs)
        .filter(|((_, suspends), standing)| **suspends && standing.if_talks_fail() > 0.0)
        .map(|((tariff, _), _)| format!("its {} for {} months", tariff.name, tariff.deal_suspends_months))
        .collect();
    (!named.is_empty()).then(|| {
        format!(
            "{} would suspend {} under the deal.",
            crate::scenario::side::capitalised(&ctx.scenario.names().short_with_article(ctx.side)),
            named.join(" and ")
        )
    })
}

/// Utility as points out of 100.
fn points(utility: f64) -> String {
    format!("{:.0}", utility * 100.0)
}

/// How a figure compares with another, as both read in points.
fn compared(value: f64, against: f64) -> &'static str {
    let (value, against) = ((value * 100.0).round(), (against * 100.0).round());
    if value > against {
        "above"
    } else if value < against {
        "below"
    } else {
        "as much as"
    }
}

fn acceptance(ctx: &Context, decision: &Grounds, me: &str) -> String {
    let offered = decision.offered.unwrap_or(0.0);
    let when = format!("round {} of {}", ctx.state.round, ctx.scenario.rounds);
    if offered + EPSILON >= decision.threshold {
        format!(
            "Accepts in {when}: your offer is worth {} to {me}, {} the {} it would settle for now.",
            points(offered),
            compared(offered, decision.threshold),
            points(decision.threshold)
        )
    } else {
        format!(
            "Accepts on a slip in {when}: your offer is worth {} to {me}, below the {} it aimed for but well above \
             the {} of no deal.",
            points(offered),
            points(decision.threshold),
            points(ctx.reserve)
        )
    }
}

/// How a concession curve of exponent `e` behaves, in words.
fn pace(exponent: f64) -> &'static str {
    if exponent <= 0.0 {
        "never concedes"
    } else if exponent < 1.0 - EPSILON {
        "concedes little until the deadline"
    } else if exponent > 1.0 + EPSILON {
        "concedes early"
    } else {
        "concedes at a steady pace"
    }
}

/// How much of its best package the bid keeps, in per cent.
fn share_of_best(ctx: &Context, utility: f64) -> String {
    if ctx.max > EPSILON {
        format!("{:.0}%", 100.0 * utility / ctx.max)
    } else {
        "all".to_string()
    }
}

/// What the offer asks for, by how far the target has come down from the best towards no deal.
fn head(ctx: &Context, decision: &Grounds) -> String {
    let bid = &decision.bid;
    let span = ctx.max - ctx.reserve;
    let conceded = if span > EPSILON {
        (ctx.max - bid.target) / span
    } else {
        0.0
    };
    if bid.utility + EPSILON >= ctx.max {
        if bid.package.choice.iter().all(|&c| c == 0) {
            "Puts zero on every issue, its best package, and concedes nothing yet".to_string()
        } else {
            "Asks for its best package and concedes nothing yet".to_string()
        }
    } else if conceded < HOLDING_SHARE {
        format!("Holds at {} of its best package", share_of_best(ctx, bid.utility))
    } else {
        format!("Comes down to {} of its best package", share_of_best(ctx, bid.utility))
    }
}

/// The deadline a curve runs to, and why it is not the last round when it is not.
fn deadline(ctx: &Context, deadline_round: u32) -> String {
    let round = ctx.state.round;
    if deadline_round < ctx.scenario.rounds {
        format!("round {round} of {deadline_round}, its last offer you can still answer")
    } else {
        format!("round {round} of {deadline_round}")
    }
}

fn offer(ctx: &Context, decision: &Grounds) -> String {
    let bid = &decision.bid;
    let target = points(bid.target);
    let (max, reserve) = (points(ctx.max), points(ctx.reserve));
    match bid.basis {
        Basis::Repeat => format!(
            "Repeats its opening offer, worth {} to it of a possible {max}: it never concedes, whatever the round \
             (round {} of {}).",
            points(bid.utility),
            ctx.state.round,
            ctx.scenario.rounds
        ),
        Basis::Curve {
            exponent,
            deadline_round,
            ..
        }
        | Basis::Modelled {
            exponent,
            deadline_round,
            ..
        } => format!(
            "{}: it aims for {target} of a possible {max} (no deal is worth {reserve} to it) and {} (e = {exponent}), \
             {}.",
            head(ctx, decision),
            pace(exponent),
            deadline(ctx, deadline_round)
        ),
        Basis::Mirror { conceded_to_me, floor } => {
            let share = share_of_best(ctx, bid.utility);
            let moved = points(conceded_to_me.abs());
            let mirror = if ctx.offers_from(ctx.side).is_empty() {
                format!("Opens at {share} of its best package")
            } else if conceded_to_me * 100.0 >= 0.5 {
                format!(
                    "Concedes {moved} points, as much as your last offer conceded to it, and asks for {share} of its \
                     best package"
                )
            } else if conceded_to_me * 100.0 <= -0.5 {
                format!(
                    "Takes back {moved} points, as your last offer took back from it, and asks for {share} of its \
                     best package"
                )
            } else {
                format!("Matches your standstill and holds at {share} of its best package")
            };
            if bid.target - ctx.retaliation + EPSILON >= floor && floor < ctx.max - EPSILON {
                format!(
                    "{mirror}: the deadline (round {} of {}) holds its target at {target}, no more than a \
                     negotiator who concedes late would ask.",
                    ctx.state.round, ctx.scenario.rounds,
                )
            } else {
                format!("{mirror}: it aims for {target} of a possible {max} (no deal is worth {reserve} to it).")
            }
        }
        Basis::Ultimatum {
            opponent_utility,
            opponent_reserve,
        } => format!(
            "Take it or leave it in the last round ({} of {}): the package best for it, worth {} to it, that should \
             still be worth {} to you against {} for no deal.",
            ctx.state.round,
            ctx.scenario.rounds,
            points(bid.utility),
            points(opponent_utility),
            points(opponent_reserve)
        ),
    }
}

/// Why it turned down the offer on the table: a red line the offer crosses, or its worth below the threshold.
fn rejection(ctx: &Context, preferences: &Preferences, decision: &Grounds, me: &str) -> Option<String> {
    let offered = decision.offered?;
    let package = &ctx.state.offer_to(ctx.side)?.package;
    let space: &PackageSpace = ctx.valuation.valuer().space();
    if let Some(&(k, limit)) = ctx.valuation.crossed_red_lines(package).first() {
        let issue = &space.issues[k];
        let value = issue.value_text(ctx.scenario, issue.options[package.choice[k] as usize]);
        let bound = match limit {
            Limit::AtMost(v) => format!("at most {}", issue.value_text(ctx.scenario, v)),
            Limit::AtLeast(v) => format!("at least {}", issue.value_text(ctx.scenario, v)),
        };
        let source = preferences
            .red_lines
            .iter()
            .find(|line| line.issue == issue.id && line.limit == limit)
            .map_or(String::new(), |line| format!(" {}", line.source));
        return Some(format!(
            "Rejects a package with {} at {value}: its red line is {bound}.{source}",
            issue.name,
        ));
    }
    Some(format!(
        "Rejects your offer: it is worth {} to {me}, {} the {} it would settle for now.",
        points(offered),
        compared(offered, decision.threshold),
        points(decision.threshold)
    ))
}

/// What the opponent model told a modelling agent: the issue it believes the opponent cares most about, and how
/// much it estimates the package is worth to the opponent.
fn model_reason(ctx: &Context, decision: &Grounds) -> Option<String> {
    let Basis::Modelled { opponent_utility, .. } = decision.bid.basis else {
        return None;
    };
    let space = ctx.valuation.valuer().space();
    let (k, weight) =
        decision
            .opponent_weights
            .iter()
            .copied()
            .enumerate()
            .fold(None, |best: Option<(usize, f64)>, (k, w)| match best {
                Some((_, b)) if b + EPSILON >= w => best,
                _ => Some((k, w)),
            })?;
    let issue = space.issues.get(k)?;
    Some(format!(
        "Of the packages worth that much to it, it offers the one its model of you rates highest (about {} for \
         you); it thinks {} matters most to you ({:.0}% of your weight).",
        points(opponent_utility),
        issue.name,
        weight * 100.0
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_compare_as_they_read() {
        assert_eq!(compared(0.612, 0.55), "above");
        assert_eq!(compared(0.54, 0.55), "below");
        assert_eq!(compared(0.548, 0.55), "as much as");
        assert_eq!(compared(0.551, 0.549), "as much as");
        assert_eq!(points(0.612), "61");
    }

    #[test]
    fn curves_are_described_by_their_exponent() {
        assert_eq!(pace(0.0), "never concedes");
        assert_eq!(pace(0.2), "concedes little until the deadline");
        assert_eq!(pace(1.0), "concedes at a steady pace");
        assert_eq!(pace(2.0), "concedes early");
    }
}
