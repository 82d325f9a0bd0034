//! Acceptance strategies: whether to take the package on the table or counter with the next bid.

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use super::bidding::Bid;
use super::context::{Context, EPSILON};

/// A rule for accepting the other side's offer.
pub trait Acceptance: Send + Sync {
    /// A name for documentation and transcripts.
    fn name(&self) -> &'static str;
    /// Whether to accept an offer worth `offered` to the agent, rather than make `next`.
    fn accepts(&self, ctx: &Context, offered: f64, next: &Bid) -> bool;
    /// The least an offer must be worth to be accepted (leaving chance aside), for the agent's reasons.
    fn threshold(&self, ctx: &Context, next: &Bid) -> f64;
}

/// AC_next, strictly: accept only an offer worth at least the agent's own next offer (and its reservation value).
/// Such an agent never accepts a package worse than the one it would propose.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AcceptNext;

impl Acceptance for AcceptNext {
    fn name(&self) -> &'static str {
        "AC_next"
    }

    fn accepts(&self, ctx: &Context, offered: f64, next: &Bid) -> bool {
        offered + EPSILON >= self.threshold(ctx, next)
    }

    fn threshold(&self, ctx: &Context, next: &Bid) -> f64 {
        next.utility.max(ctx.reserve)
    }
}

/// AC_next measured against the target rather than the package: accept an offer worth the utility the agent aims
/// for now, even if the package it would propose happens to be worth a little more. The baseline strategies'
/// rule.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AcceptTarget;

impl Acceptance for AcceptTarget {
    fn name(&self) -> &'static str {
        "AC_target"
    }

    fn accepts(&self, ctx: &Context, offered: f64, next: &Bid) -> bool {
        offered + EPSILON >= self.threshold(ctx, next)
    }

    fn threshold(&self, ctx: &Context, next: &Bid) -> f64 {
        next.utility.min(next.target).max(ctx.reserve)
    }
}

/// An easy opponent's rule: [`AcceptTarget`] with a margin, and now and then a slip that takes an offer only
/// halfway from its reservation value to its aim. The slips are drawn from the game's seed, so a replay slips in
/// the same places.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Careless {
    /// Utility below its target it will still accept.
    pub margin: f64,
    /// Chance, at each decision, of accepting an offer halfway between its reservation value and its aim.
    pub slip_chance: f64,
}

impl Acceptance for Careless {
    fn name(&self) -> &'static str {
        "careless"
    }

    fn accepts(&self, ctx: &Context, offered: f64, next: &Bid) -> bool {
        let aim = next.utility.min(next.target).max(ctx.reserve);
        if offered + self.margin + EPSILON >= aim {
            return true;
        }
        let mut rng = ChaCha8Rng::seed_from_u64(slip_seed(ctx));
        let draw: f64 = rand::RngExt::random(&mut rng);
        draw < self.slip_chance && offered + EPSILON >= ctx.reserve + 0.5 * (aim - ctx.reserve)
    }

    fn threshold(&self, ctx: &Context, next: &Bid) -> f64 {
        next.utility.min(next.target).max(ctx.reserve) - self.margin
    }
}

/// A seed for one decision's slip: the game's seed, the round and the side, mixed so it is independent of the
/// random events' generator.
fn slip_seed(ctx: &Context) -> u64 {
    let side = match ctx.side {
        crate::scenario::schema::Side::Us => 1u64,
        crate::scenario::schema::Side::Partner => 2u64,
    };
    (ctx.state.seed ^ 0x5EED_AC5E_0000_0000)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(ctx.state.round) * 31 + side)
}
