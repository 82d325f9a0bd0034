//! How a negotiation moved: each offer labelled as the negotiation literature labels moves, the "negotiation
//! dance" of both sides' offers on the utility plane, who conceded first and how much, and the value left on the
//! table — pure functions over a finished or unfinished game, for the debrief and the replay screen.
//!
//! **One fixed scale.** Every utility here is the core's valuation ([`Valuer`]) at the opening position (round 1,
//! before any move; see [`opening_position`]), the scale [`OutcomeSpace::at_opening`] finds the Pareto frontier
//! on. A move label compares two offers of one side made in different months; valued each in its own month, the
//! label would mix the change of terms with the drift of the world between them (a tariff falling due, the yen
//! moving), and an offer repeated word for word could read as a concession. Valued at one position, a label
//! depends on the terms alone, and every table of a class, the frontier, the Nash point, no deal and the real
//! deal sit on the same plane. The price: the plane shows what the terms are worth from where the talks began,
//! not what the sides felt in July — the scores (`score::score_game`) measure what the game really did.
//!
//! **Move labels** follow Hindriks, Jonker & Tykhonov (2007), "Let's DANS! An analytic framework of negotiation
//! dynamics and strategies" (and "Analysis of negotiation dynamics", CIA 2007): a side's offer is compared with
//! that side's previous offer by the change in the offerer's own utility (Δown) and in the other side's utility
//! (Δother). With a tolerance ε ([`LABEL_TOLERANCE`]) a change counts as up when Δ > ε, down when Δ < −ε and as
//! no change otherwise:
//!
//! | Δown      | Δother        | label        |
//! |-----------|---------------|--------------|
//! | up        | up            | fortunate    |
//! | up        | same or down  | selfish      |
//! | down      | up or same    | concession   |
//! | down/same | down          | unfortunate  |
//! | same      | up            | nice         |
//! | same      | same          | silent       |
//!
//! A side's first offer has no label: there is nothing to compare it with.

use serde::{Deserialize, Serialize};

use crate::ai::play::actual_deal_package;
use crate::analysis::outcome_space::{OutcomeSpace, Point, point};
use crate::rules::negotiation::{GameState, OfferRecord, OutcomeKind};
use crate::rules::score::Valuer;
use crate::scenario::schema::{PerSide, Scenario, Side};

/// Changes of utility no larger than this (on the 0–1 scale: a tenth of a point out of 100, below what the debrief
/// shows) count as no change. A few terms are worth almost nothing to one side at the opening (in the default
/// scenario, taking the auto tariff from 12.5% to 0% moves the US utility by 0.00004), so a step that changes only
/// such terms reads as silent or nice for that side rather than as a concession nobody could see.
pub const LABEL_TOLERANCE: f64 = 0.001;

/// The position every utility of the analysis is valued at: the opening, before any move. It is the same for every
/// seed and every set of class injects (the seed is only stored, and injects fire in later rounds), so one valuer
/// serves a whole class.
pub fn opening_position(scenario: &Scenario) -> GameState {
    GameState::new(scenario, 0)
}

/// What kind of step an offer is, against the same side's previous offer (Hindriks, Jonker & Tykhonov 2007).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveLabel {
    /// Worse for the offerer, no worse for the other side.
    Concession,
    /// Better for the offerer, no better for the other side.
    Selfish,
    /// Better for both.
    Fortunate,
    /// Worse for the other side and no better for the offerer.
    Unfortunate,
    /// Better for the other side at no cost to the offerer.
    Nice,
    /// No change for either side.
    Silent,
}

impl MoveLabel {
    /// Every label, in the order tables and legends list them.
    pub const ALL: [MoveLabel; 6] = [
        MoveLabel::Concession,
        MoveLabel::Selfish,
        MoveLabel::Fortunate,
        MoveLabel::Unfortunate,
        MoveLabel::Nice,
        MoveLabel::Silent,
    ];

    /// The label as a word: `concession`, `selfish`, …
    pub fn name(self) -> &'static str {
        match self {
            MoveLabel::Concession => "concession",
            MoveLabel::Selfish => "selfish",
            MoveLabel::Fortunate => "fortunate",
            MoveLabel::Unfortunate => "unfortunate",
            MoveLabel::Nice => "nice",
            MoveLabel::Silent => "silent",
        }
    }

    /// What the label means, in a phrase for a legend.
    pub fn meaning(self) -> &'static str {
        match self {
            MoveLabel::Concession => "gives up value of its own; the other side gains or is no worse off",
            MoveLabel::Selfish => "asks for more for itself; the other side is no better off",
            MoveLabel::Fortunate => "better for both sides",
            MoveLabel::Unfortunate => "worse for the other side and no better for itself",
            MoveLabel::Nice => "better for the other side at no cost to itself",
            MoveLabel::Silent => "changes nothing for either side",
        }
    }

    /// The label of a step whose own utility changed by `own` and the other side's by `other` (see the module's
    /// table), with changes within `tolerance` counted as none.
    pub fn classify(own: f64, other: f64, tolerance: f64) -> MoveLabel {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let direction = |change: f64| {
            if change > tolerance {
                Greater
            } else if change < -tolerance {
                Less
            } else {
                Equal
            }
        };
        match (direction(own), direction(other)) {
            (Greater, Greater) => MoveLabel::Fortunate,
            (Greater, _) => MoveLabel::Selfish,
            (Less, Greater | Equal) => MoveLabel::Concession,
            (_, Less) => MoveLabel::Unfortunate,
            (Equal, Greater) => MoveLabel::Nice,
            (Equal, Equal) => MoveLabel::Silent,
        }
    }
}

/// One offer of the dance: who made it, when, both sides' utilities of it, and its label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OfferStep {
    /// The round it was made in.
    pub round: u32,
    /// Who made it.
    pub from: Side,
    /// Both sides' utilities of its terms, on the fixed scale.
    pub point: Point,
    /// Its label against the same side's previous offer; `None` for a side's first offer.
    pub label: Option<MoveLabel>,
}

impl OfferStep {
    /// The utility of the offer to `side`.
    pub fn utility(&self, side: Side) -> f64 {
        utility_of(self.point, side)
    }
}

fn utility_of(point: Point, side: Side) -> f64 {
    match side {
        Side::Us => point.us,
        Side::Partner => point.partner,
    }
}

/// Labels a sequence of offers given as (round, side, point), in the order they were made: the negotiation dance.
pub fn dance_of_points(offers: &[(u32, Side, Point)], tolerance: f64) -> Vec<OfferStep> {
    let mut previous: PerSide<Option<Point>> = PerSide::new(None, None);
    offers
        .iter()
        .map(|&(round, from, point)| {
            let label = previous[from].map(|before| {
                let own = utility_of(point, from) - utility_of(before, from);
                let other = utility_of(point, from.other()) - utility_of(before, from.other());
                MoveLabel::classify(own, other, tolerance)
            });
            previous[from] = Some(point);
            OfferStep {
                round,
                from,
                point,
                label,
            }
        })
        .collect()
}

/// The dance of a game's offers, one step per entry of `offers` and in its order (so `steps[i]` labels
/// `state.offers[i]`), valued by `valuer` — which should be at [`opening_position`] (see the module's note).
pub fn dance(valuer: &Valuer, offers: &[OfferRecord]) -> Vec<OfferStep> {
    let points: Vec<(u32, Side, Point)> = offers
        .iter()
        .map(|record| {
            (
                record.offer.round,
                record.offer.from,
                point(valuer, &record.offer.package),
            )
        })
        .collect();
    dance_of_points(&points, LABEL_TOLERANCE)
}

/// The first offer labelled a concession, if any: its side made the first concession.
pub fn first_concession(steps: &[OfferStep]) -> Option<&OfferStep> {
    steps.iter().find(|s| s.label == Some(MoveLabel::Concession))
}

/// How much of its own utility each side gave up from its first offer to its last (negative: it ended asking for
/// more than it opened with); `None` for a side that made no offer.
pub fn conceded(steps: &[OfferStep]) -> PerSide<Option<f64>> {
    PerSide::from_fn(|side| {
        let mut own = steps.iter().filter(|s| s.from == side).map(|s| s.utility(side));
        let first = own.next()?;
        let last = own.next_back().unwrap_or(first);
        Some(first - last)
    })
}

/// How many offers of one side carry each label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveCounts {
    /// Concessions.
    pub concession: u32,
    /// Selfish steps.
    pub selfish: u32,
    /// Fortunate steps.
    pub fortunate: u32,
    /// Unfortunate steps.
    pub unfortunate: u32,
    /// Nice steps.
    pub nice: u32,
    /// Silent steps.
    pub silent: u32,
}

impl MoveCounts {
    /// The count of one label.
    pub fn get(&self, label: MoveLabel) -> u32 {
        match label {
            MoveLabel::Concession => self.concession,
            MoveLabel::Selfish => self.selfish,
            MoveLabel::Fortunate => self.fortunate,
            MoveLabel::Unfortunate => self.unfortunate,
            MoveLabel::Nice => self.nice,
            MoveLabel::Silent => self.silent,
        }
    }

    fn add(&mut self, label: MoveLabel) {
        let count = match label {
            MoveLabel::Concession => &mut self.concession,
            MoveLabel::Selfish => &mut self.selfish,
            MoveLabel::Fortunate => &mut self.fortunate,
            MoveLabel::Unfortunate => &mut self.unfortunate,
            MoveLabel::Nice => &mut self.nice,
            MoveLabel::Silent => &mut self.silent,
        };
        *count += 1;
    }

    /// All labelled offers (a side's first offer has no label).
    pub fn total(&self) -> u32 {
        MoveLabel::ALL.iter().map(|&label| self.get(label)).sum()
    }
}

/// Each side's label counts.
pub fn label_counts(steps: &[OfferStep]) -> PerSide<MoveCounts> {
    let mut counts = PerSide::<MoveCounts>::default();
    for step in steps {
        if let Some(label) = step.label {
            counts[step.from].add(label);
        }
    }
    counts
}

/// What the debrief's utility plane shows besides the tables: the Pareto frontier of all packages, the Nash point
/// and no deal (from [`OutcomeSpace`]), and the deal that really happened — all at [`opening_position`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UtilityPlane {
    /// Every package's utilities reduced to the frontier, the Nash point and no deal.
    pub space: OutcomeSpace,
    /// The real deal's point, when the scenario has one.
    pub real_deal: Option<Point>,
}

impl UtilityPlane {
    /// The plane of `scenario` at the opening position, its frontier found on `threads` threads (about a second
    /// for the default scenario's half a million packages on two).
    pub fn at_opening(scenario: &Scenario, threads: usize) -> UtilityPlane {
        let opening = opening_position(scenario);
        let valuer = Valuer::new(scenario, &opening);
        UtilityPlane {
            space: OutcomeSpace::at_opening(scenario, threads),
            real_deal: actual_deal_package(scenario).map(|package| point(&valuer, &package)),
        }
    }

    /// The Pareto-optimal packages, best for the US first.
    pub fn frontier(&self) -> &[Point] {
        &self.space.frontier
    }

    /// The frontier package with the largest Nash product.
    pub fn nash(&self) -> Point {
        self.space.nash_point
    }

    /// No deal: what failing to agree is worth to each side.
    pub fn no_deal(&self) -> Point {
        self.space.reservation
    }

    /// The value left on the table by an outcome: its Euclidean distance, in both sides' utilities, to the nearest
    /// package on the Pareto frontier (0 on the frontier) — the measure `tournament` reports as the distance to the
    /// frontier.
    pub fn value_left(&self, outcome: Point) -> f64 {
        self.space.measure(outcome).pareto_distance
    }

    /// Where a game ends on the plane: the signed package for a deal; no deal for a game that ended without one,
    /// collapsed or is not over yet (talks that stop now leave no deal). `valuer` is at [`opening_position`].
    pub fn outcome_point(&self, valuer: &Valuer, state: &GameState) -> Point {
        match &state.outcome {
            Some(outcome) if outcome.kind == OutcomeKind::Deal => outcome
                .package
                .as_ref()
                .map_or(self.no_deal(), |package| point(valuer, package)),
            _ => self.no_deal(),
        }
    }
}

/// Everything the analysis says about one game.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GameAnalysis {
    /// Every offer in order, valued and labelled (`dance[i]` is `state.offers[i]`).
    pub dance: Vec<OfferStep>,
    /// The side that made the first concession, and the round it made it in.
    pub first_concession: Option<(Side, u32)>,
    /// Own utility each side gave up from its first offer to its last.
    pub conceded: PerSide<Option<f64>>,
    /// Each side's label counts.
    pub moves: PerSide<MoveCounts>,
    /// Where the game ended on the plane.
    pub outcome: Point,
    /// Its distance to the Pareto frontier.
    pub value_left: f64,
}

impl GameAnalysis {
    /// The analysis of `state`, with `valuer` at [`opening_position`] and `plane` built on the same scenario.
    pub fn new(valuer: &Valuer, plane: &UtilityPlane, state: &GameState) -> GameAnalysis {
        let dance = dance(valuer, &state.offers);
        let outcome = plane.outcome_point(valuer, state);
        GameAnalysis {
            first_concession: first_concession(&dance).map(|s| (s.from, s.round)),
            conceded: conceded(&dance),
            moves: label_counts(&dance),
            value_left: plane.value_left(outcome),
            outcome,
            dance,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = LABEL_TOLERANCE;

    fn p(us: f64, partner: f64) -> Point {
        Point { us, partner }
    }

    #[test]
    fn each_label_follows_the_signs_of_the_two_changes() {
        // (Δown, Δother) → label, one case per cell of the table in the module's documentation.
        let cases = [
            ((0.10, 0.05), MoveLabel::Fortunate),
            ((0.10, 0.0), MoveLabel::Selfish),
            ((0.10, -0.05), MoveLabel::Selfish),
            ((-0.10, 0.05), MoveLabel::Concession),
            ((-0.10, 0.0), MoveLabel::Concession),
            ((-0.10, -0.05), MoveLabel::Unfortunate),
            ((0.0, -0.05), MoveLabel::Unfortunate),
            ((0.0, 0.05), MoveLabel::Nice),
            ((0.0, 0.0), MoveLabel::Silent),
        ];
        for ((own, other), label) in cases {
            assert_eq!(
                MoveLabel::classify(own, other, EPS),
                label,
                "Δown {own}, Δother {other}"
            );
        }
    }

    #[test]
    fn changes_within_the_tolerance_count_as_none() {
        assert_eq!(MoveLabel::classify(0.0009, -0.0009, EPS), MoveLabel::Silent);
        assert_eq!(MoveLabel::classify(-0.0011, 0.0009, EPS), MoveLabel::Concession);
        assert_eq!(MoveLabel::classify(0.0009, 0.0011, EPS), MoveLabel::Nice);
    }

    /// A dance in which the US opens at (0.90, 0.20) and Japan at (0.30, 0.80), and each side then moves.
    fn sample_dance() -> Vec<OfferStep> {
        let offers = [
            (1, Side::Us, p(0.90, 0.20)),
            (1, Side::Partner, p(0.30, 0.80)),
            // US: own 0.90 → 0.80 (down), Japan's 0.20 → 0.35 (up): a concession.
            (2, Side::Us, p(0.80, 0.35)),
            // Japan: own 0.80 → 0.85 (up), the US's 0.30 → 0.25 (down): selfish.
            (2, Side::Partner, p(0.25, 0.85)),
            // US: own 0.80 → 0.85, Japan 0.35 → 0.40: fortunate.
            (3, Side::Us, p(0.85, 0.40)),
            // Japan: own 0.85 → 0.85, the US 0.25 → 0.40: nice.
            (3, Side::Partner, p(0.40, 0.85)),
            // US: own 0.85 → 0.80, Japan 0.40 → 0.30: unfortunate.
            (4, Side::Us, p(0.80, 0.30)),
            // Japan repeats its offer: silent.
            (4, Side::Partner, p(0.40, 0.85)),
            // Japan's own 0.85 → 0.70, the US 0.40 → 0.60: Japan's first concession, after the US's.
            (5, Side::Partner, p(0.60, 0.70)),
        ];
        dance_of_points(&offers, EPS)
    }

    #[test]
    fn a_dance_labels_each_offer_against_the_same_sides_previous_offer() {
        let labels: Vec<Option<MoveLabel>> = sample_dance().iter().map(|s| s.label).collect();
        assert_eq!(
            labels,
            vec![
                None,
                None,
                Some(MoveLabel::Concession),
                Some(MoveLabel::Selfish),
                Some(MoveLabel::Fortunate),
                Some(MoveLabel::Nice),
                Some(MoveLabel::Unfortunate),
                Some(MoveLabel::Silent),
                Some(MoveLabel::Concession),
            ]
        );
    }

    #[test]
    fn the_first_conceder_and_the_sizes_of_the_concessions() {
        let steps = sample_dance();
        let first = first_concession(&steps).expect("the US concedes in round 2");
        assert_eq!((first.from, first.round), (Side::Us, 2));
        let conceded = conceded(&steps);
        // US: 0.90 at its first offer, 0.80 at its last. Japan: 0.80 first, 0.70 last.
        assert!((conceded.us.unwrap() - 0.10).abs() < 1e-12);
        assert!((conceded.partner.unwrap() - 0.10).abs() < 1e-12);
        let counts = label_counts(&steps);
        assert_eq!(counts.us.concession, 1);
        assert_eq!(counts.us.fortunate, 1);
        assert_eq!(counts.us.unfortunate, 1);
        assert_eq!(counts.partner.selfish, 1);
        assert_eq!(counts.partner.nice, 1);
        assert_eq!(counts.partner.silent, 1);
        assert_eq!(counts.partner.concession, 1);
        assert_eq!((counts.us.total(), counts.partner.total()), (3, 4));
    }

    #[test]
    fn a_side_without_offers_conceded_nothing_and_nobody_conceded_first() {
        let steps = dance_of_points(&[(1, Side::Us, p(0.9, 0.2)), (2, Side::Us, p(0.95, 0.1))], EPS);
        assert_eq!(steps[1].label, Some(MoveLabel::Selfish));
        assert!(first_concession(&steps).is_none());
        let conceded = conceded(&steps);
        assert!(
            (conceded.us.unwrap() + 0.05).abs() < 1e-12,
            "it asked for more: a negative concession"
        );
        assert_eq!(conceded.partner, None);
    }

    fn plane() -> UtilityPlane {
        UtilityPlane {
            space: OutcomeSpace {
                packages: 3,
                reservation: p(0.2, 0.2),
                frontier: vec![p(1.0, 0.0), p(0.5, 0.5), p(0.0, 1.0)],
                nash_point: p(0.5, 0.5),
                max_nash_product: 0.09,
            },
            real_deal: None,
        }
    }

    #[test]
    fn value_left_is_the_distance_to_the_nearest_frontier_package() {
        let plane = plane();
        assert_eq!(plane.value_left(p(0.5, 0.5)), 0.0);
        // (0.3, 0.3) is nearest to (0.5, 0.5): √(0.2² + 0.2²).
        assert!((plane.value_left(p(0.3, 0.3)) - 0.08_f64.sqrt()).abs() < 1e-12);
        // No deal at (0.2, 0.2): √(0.3² + 0.3²).
        assert!((plane.value_left(plane.no_deal()) - 0.18_f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn a_game_without_a_deal_ends_at_no_deal_and_a_deal_at_its_package() {
        let scenario = Scenario::builtin().unwrap();
        let opening = opening_position(&scenario);
        let valuer = Valuer::new(&scenario, &opening);
        let plane = UtilityPlane {
            space: OutcomeSpace {
                reservation: p(valuer.reservation(Side::Us), valuer.reservation(Side::Partner)),
                ..plane().space
            },
            real_deal: None,
        };
        let unfinished = GameState::new(&scenario, 7);
        assert_eq!(plane.outcome_point(&valuer, &unfinished), plane.no_deal());
        let signed = crate::ai::play::play_actual_deal(&scenario, 7).expect("the scenario has a real deal");
        let package = actual_deal_package(&scenario).unwrap();
        assert_eq!(plane.outcome_point(&valuer, &signed), point(&valuer, &package));
        // The opening does not depend on the seed: one valuer serves every table of a class.
        assert_eq!(
            opening_position(&scenario).policy,
            GameState::new(&scenario, 2025).policy
        );
        assert_eq!(
            opening_position(&scenario).conditions,
            GameState::new(&scenario, 2025).conditions
        );
    }
}
