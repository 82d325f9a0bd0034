//! The outcome space seen from the opening position: both sides' utilities of every package, the Pareto frontier,
//! and the measures of an outcome the negotiation literature uses — distance to the frontier, Nash product and
//! social welfare.
//!
//! Utilities change as a game goes on (tariffs take effect, the yen moves), so outcomes of different games are
//! compared on one fixed scale: the core's valuation at the opening position, before any move. The frontier is
//! found by enumerating every package once per scenario, split over threads.

use serde::Serialize;

use crate::rules::negotiation::GameState;
use crate::rules::package::{Package, PackageSpace};
use crate::rules::score::Valuer;
use crate::scenario::schema::{Scenario, Side};

/// An outcome as both sides' utilities.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// The US side's utility (0–1).
    pub us: f64,
    /// Japan's utility (0–1).
    pub partner: f64,
}

/// How good an outcome is for the pair.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Measures {
    /// Euclidean distance in utility space to the nearest package on the Pareto frontier (0: on it).
    pub pareto_distance: f64,
    /// `(u_us − r_us)(u_partner − r_partner)`, each gain over no deal counted from 0.
    pub nash_product: f64,
    /// `u_us + u_partner`.
    pub social_welfare: f64,
}

/// Every package's utilities at the opening position, reduced to what the measures need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeSpace {
    /// How many packages there are.
    pub packages: u64,
    /// What no deal is worth to each side.
    pub reservation: Point,
    /// The Pareto-optimal packages' utilities, best for the US first.
    pub frontier: Vec<Point>,
    /// The frontier package with the largest Nash product, and that product.
    pub nash_point: Point,
    /// Its Nash product.
    pub max_nash_product: f64,
}

impl OutcomeSpace {
    /// Enumerates the scenario's packages at the opening position on `threads` threads. The result does not
    /// depend on the number of threads.
    pub fn at_opening(scenario: &Scenario, threads: usize) -> OutcomeSpace {
        let state = GameState::new(scenario, 0);
        let space = PackageSpace::of(scenario);
        let total = space.size();
        let threads = threads.clamp(1, 64) as u64;
        let chunk = total.div_ceil(threads);
        let mut points: Vec<(Point, u64)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (state, space) = (&state, &space);
                    scope.spawn(move || {
                        let valuer = Valuer::new(scenario, state);
                        let (from, to) = (t * chunk, ((t + 1) * chunk).min(total));
                        let mut points = Vec::with_capacity((to.saturating_sub(from)) as usize);
                        for n in from..to {
                            points.push((point(&valuer, &space.nth(n)), n));
                        }
                        frontier_of(points)
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a frontier thread never panics"))
                .collect()
        });
        points = frontier_of(points);
        let valuer = Valuer::new(scenario, &state);
        let reservation = Point {
            us: valuer.reservation(Side::Us),
            partner: valuer.reservation(Side::Partner),
        };
        let frontier: Vec<Point> = points.into_iter().map(|(p, _)| p).collect();
        let (nash_point, max_nash_product) =
            frontier
                .iter()
                .map(|p| (*p, nash_product(*p, reservation)))
                .fold(
                    (reservation, 0.0),
                    |best, next| if next.1 > best.1 { next } else { best },
                );
        OutcomeSpace {
            packages: total,
            reservation,
            frontier,
            nash_point,
            max_nash_product,
        }
    }

    /// The measures of an outcome.
    pub fn measure(&self, outcome: Point) -> Measures {
        let pareto_distance = self
            .frontier
            .iter()
            .map(|f| {
                ((f.us - outcome.us) * (f.us - outcome.us)
                    + (f.partner - outcome.partner) * (f.partner - outcome.partner))
                    .sqrt()
            })
            .fold(f64::INFINITY, f64::min);
        Measures {
            pareto_distance,
            nash_product: nash_product(outcome, self.reservation),
            social_welfare: outcome.us + outcome.partner,
        }
    }
}

/// Both sides' utilities of signing `package` at the valuer's position.
pub fn point(valuer: &Valuer, package: &Package) -> Point {
    let projection = valuer.project_deal(package);
    Point {
        us: valuer.utility_of(Side::Us, &projection),
        partner: valuer.utility_of(Side::Partner, &projection),
    }
}

/// `(u_us − r_us)(u_partner − r_partner)` with each gain counted from 0.
pub fn nash_product(outcome: Point, reservation: Point) -> f64 {
    (outcome.us - reservation.us).max(0.0) * (outcome.partner - reservation.partner).max(0.0)
}

/// The points no other point dominates, best for the US first (ties broken by package number, so the result is
/// the same however the points were gathered).
fn frontier_of(mut points: Vec<(Point, u64)>) -> Vec<(Point, u64)> {
    points.sort_by(|(a, m), (b, n)| {
        b.us.total_cmp(&a.us)
            .then(b.partner.total_cmp(&a.partner))
            .then(m.cmp(n))
    });
    let mut frontier: Vec<(Point, u64)> = Vec::new();
    let mut best_partner = f64::NEG_INFINITY;
    for (p, n) in points {
        if p.partner > best_partner {
            best_partner = p.partner;
            frontier.push((p, n));
        }
    }
    frontier
}
