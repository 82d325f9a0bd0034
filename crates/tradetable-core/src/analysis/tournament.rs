//! Tournaments: every US entrant against every Japanese entrant on the same seeds, with the agreement rate, the
//! rounds to agreement, both sides' scores, and the outcome measures of `outcome_space` for each pairing; and every
//! issue's signed terms over all the deals, beside the deal that really happened.
//!
//! Games are spread over threads; each game depends only on its pairing and seed, and results are gathered in a
//! fixed order, so a tournament gives the same table on any number of threads.

use serde::Serialize;

use crate::ai::play::{actual_deal_package, play};
use crate::ai::{Opponent, OpponentError};
use crate::analysis::outcome_space::{Measures, OutcomeSpace, Point, point};
use crate::model::economy::{Policy, auto_tariff_total};
use crate::rules::negotiation::{GameState, OutcomeKind};
use crate::rules::package::{Package, PackageSpace};
use crate::rules::score::{Valuer, score_game};
use crate::scenario::schema::{InstrumentKind, Scenario, Side};

/// One game's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GameResult {
    /// The seed.
    pub seed: u64,
    /// How it ended.
    pub kind: OutcomeKind,
    /// The round it ended in.
    pub round: u32,
    /// The US score (0–100) over the game.
    pub us_score: f64,
    /// Japan's score (0–100).
    pub partner_score: f64,
    /// The outcome valued at the opening position: the signed package, or no deal.
    pub outcome: Point,
    /// Its measures.
    pub measures: Measures,
    /// The package signed, for a deal.
    #[serde(skip)]
    pub package: Option<Package>,
}

/// One pairing's results over all seeds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pairing {
    /// Who played the US.
    pub us: String,
    /// Who played Japan.
    pub partner: String,
    /// Games played.
    pub games: u32,
    /// Games ending in a deal.
    pub agreements: u32,
    /// Share of games ending in a deal.
    pub agreement_rate: f64,
    /// Games ending in a collapse (USJTA terminated or a government fell).
    pub collapses: u32,
    /// Mean round of the deal, over the games with one.
    pub mean_rounds_to_agreement: Option<f64>,
    /// Mean US score (0–100).
    pub us_score: f64,
    /// Mean Japan score (0–100).
    pub partner_score: f64,
    /// Mean US utility of the outcome at the opening position.
    pub us_utility: f64,
    /// Mean Japan utility of the outcome at the opening position.
    pub partner_utility: f64,
    /// Mean Nash product.
    pub nash_product: f64,
    /// Mean distance to the Pareto frontier.
    pub pareto_distance: f64,
    /// Mean social welfare.
    pub social_welfare: f64,
}

/// A whole tournament.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tournament {
    /// The scenario's id.
    pub scenario: String,
    /// The partner's short name, for headings ("Japan").
    pub partner: String,
    /// The partner's two-letter tag for narrow columns ("JP"): the first two letters of its currency's ISO 4217 code,
    /// which are the country's ISO 3166 code.
    pub partner_tag: String,
    /// Games per pairing.
    pub runs: u32,
    /// The first seed; run `i` plays seed `seed + i`.
    pub seed: u64,
    /// The outcome space at the opening position.
    pub packages: u64,
    /// Packages on the Pareto frontier.
    pub frontier_size: usize,
    /// No deal, valued at the opening position.
    pub reservation: Point,
    /// The frontier package with the largest Nash product.
    pub nash_point: Point,
    /// Its Nash product.
    pub max_nash_product: f64,
    /// Every pairing, US entrants in the order given, then Japanese.
    pub pairings: Vec<Pairing>,
    /// Every issue's signed terms over all the deals, beside the deal that really happened.
    pub terms: Vec<TermSummary>,
    /// How many deals keep a general tariff and a tariff on autos of at least `TariffsKept::THRESHOLD`, as the 2025
    /// deals did.
    pub tariffs_kept: TariffsKept,
}

/// How many of the deals keep US tariffs of at least `THRESHOLD`, on the partner's goods in general (the highest
/// reciprocal or blanket rate) and on autos (the whole tariff on sectors flagged `Auto`, MFN included), beside the
/// real deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TariffsKept {
    /// The number of deals signed.
    pub deals: u32,
    /// The share of deals whose general tariff is at least the threshold.
    pub general: f64,
    /// The share of deals whose whole tariff on autos is at least the threshold.
    pub autos: f64,
    /// The share of deals that keep both.
    pub both: f64,
    /// The real deal's general tariff and whole tariff on autos, if the scenario has it.
    pub actual: Option<(f64, f64)>,
}

impl TariffsKept {
    /// 10%: every partner that settled with the US in 2025 kept at least this much on both.
    pub const THRESHOLD: f64 = 0.1;
}

/// Plays every US entrant against every Japanese entrant `runs` times on seeds `seed`, `seed + 1`, …, on
/// `threads` threads.
/// One issue's terms over all the deals of a tournament.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermSummary {
    /// The issue's id.
    pub id: String,
    /// Its options.
    pub options: Vec<f64>,
    /// The share of deals at each option.
    pub shares: Vec<f64>,
    /// The mean level signed.
    pub mean: f64,
    /// The level in the deal that really happened, if the scenario has it.
    pub actual: Option<f64>,
}

fn summarise_terms(scenario: &Scenario, results: &[GameResult]) -> Vec<TermSummary> {
    let space = PackageSpace::of(scenario);
    let deals: Vec<&Package> = results.iter().filter_map(|g| g.package.as_ref()).collect();
    let n = deals.len().max(1) as f64;
    space
        .issues
        .iter()
        .enumerate()
        .map(|(k, issue)| {
            let mut shares = vec![0.0; issue.options.len()];
            let mut mean = 0.0;
            for package in &deals {
                let option = package.choice[k] as usize;
                shares[option] += 1.0 / n;
                mean += issue.options[option] / n;
            }
            TermSummary {
                id: issue.id.clone(),
                options: issue.options.clone(),
                shares,
                mean,
                actual: scenario
                    .actual_deal
                    .as_ref()
                    .and_then(|d| d.terms.get(&issue.id).copied()),
            }
        })
        .collect()
}

/// The general tariff (the highest reciprocal or blanket rate) and the whole tariff on autos of a package in force.
pub fn kept_tariffs(scenario: &Scenario, space: &PackageSpace, package: &Package) -> (f64, f64) {
    let policy = space.apply_to(package, &Policy::initial(scenario));
    let general = scenario
        .us_instruments
        .iter()
        .zip(&policy.us_rates)
        .filter(|(instrument, _)| matches!(instrument.kind, InstrumentKind::Reciprocal | InstrumentKind::Blanket))
        .map(|(_, &rate)| rate)
        .fold(0.0, f64::max);
    (general, auto_tariff_total(scenario, &policy))
}

fn tariffs_kept(scenario: &Scenario, results: &[GameResult]) -> TariffsKept {
    let space = PackageSpace::of(scenario);
    let kept: Vec<(f64, f64)> = results
        .iter()
        .filter_map(|g| g.package.as_ref())
        .map(|package| kept_tariffs(scenario, &space, package))
        .collect();
    let n = kept.len().max(1) as f64;
    // A hair below the threshold, so that 10% computed as 0.1 (or 2.5% + 7.5%) counts as 10%.
    let at_least = |rate: f64| rate >= TariffsKept::THRESHOLD - 1e-9;
    let share = |keep: &dyn Fn(&(f64, f64)) -> bool| kept.iter().filter(|k| keep(k)).count() as f64 / n;
    let actual = actual_deal_package(scenario).map(|package| kept_tariffs(scenario, &space, &package));
    TariffsKept {
        deals: kept.len() as u32,
        general: share(&|k| at_least(k.0)),
        autos: share(&|k| at_least(k.1)),
        both: share(&|k| at_least(k.0) && at_least(k.1)),
        actual,
    }
}

pub fn run(
    scenario: &Scenario,
    us: &[Opponent],
    partner: &[Opponent],
    runs: u32,
    seed: u64,
    threads: usize,
) -> Result<Tournament, OpponentError> {
    // Build every agent once up front so a bad entrant is reported before any game is played.
    for entrant in us {
        entrant.agent(scenario, Side::Us)?;
    }
    for entrant in partner {
        entrant.agent(scenario, Side::Partner)?;
    }
    let space = OutcomeSpace::at_opening(scenario, threads);
    let opening = GameState::new(scenario, seed);
    let jobs: Vec<(usize, usize, u64)> = (0..us.len())
        .flat_map(|u| (0..partner.len()).flat_map(move |j| (0..runs).map(move |r| (u, j, u64::from(r)))))
        .collect();
    let threads = threads.clamp(1, 64);
    let mut results: Vec<Option<GameResult>> = vec![None; jobs.len()];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (jobs, space, opening) = (&jobs, &space, &opening);
                scope.spawn(move || {
                    let valuer = Valuer::new(scenario, opening);
                    jobs.iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|(n, &(u, j, r))| {
                            let game_seed = seed.wrapping_add(r);
                            (n, play_one(scenario, &us[u], &partner[j], game_seed, &valuer, space))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            for (n, result) in handle.join().expect("a tournament thread never panics") {
                results[n] = Some(result);
            }
        }
    });
    let results: Vec<GameResult> = results.into_iter().map(|r| r.expect("every job was played")).collect();
    let mut pairings = Vec::new();
    for (chunk, (u, j)) in results
        .chunks(runs.max(1) as usize)
        .zip((0..us.len()).flat_map(|u| (0..partner.len()).map(move |j| (u, j))))
    {
        pairings.push(summarise(us[u].name(), partner[j].name(), chunk));
    }
    Ok(Tournament {
        partner: scenario.names().short(Side::Partner).to_string(),
        partner_tag: scenario.partner.currency.code.chars().take(2).collect(),
        scenario: scenario.id.clone(),
        runs,
        seed,
        packages: space.packages,
        frontier_size: space.frontier.len(),
        reservation: space.reservation,
        nash_point: space.nash_point,
        max_nash_product: space.max_nash_product,
        terms: summarise_terms(scenario, &results),
        tariffs_kept: tariffs_kept(scenario, &results),
        pairings,
    })
}

fn play_one(
    scenario: &Scenario,
    us: &Opponent,
    partner: &Opponent,
    seed: u64,
    opening: &Valuer,
    space: &OutcomeSpace,
) -> GameResult {
    let mut us_agent = us.agent(scenario, Side::Us).expect("entrants were checked");
    let mut partner_agent = partner.agent(scenario, Side::Partner).expect("entrants were checked");
    let state = play(scenario, seed, us_agent.as_mut(), partner_agent.as_mut());
    let outcome = state.outcome.as_ref().expect("a played game has ended");
    let valued = match (&outcome.kind, &outcome.package) {
        (OutcomeKind::Deal, Some(package)) => point(opening, package),
        _ => space.reservation,
    };
    GameResult {
        seed,
        kind: outcome.kind,
        round: outcome.round,
        us_score: score_game(scenario, &state, Side::Us).total,
        partner_score: score_game(scenario, &state, Side::Partner).total,
        outcome: valued,
        measures: space.measure(valued),
        package: outcome.package.clone().filter(|_| outcome.kind == OutcomeKind::Deal),
    }
}

fn summarise(us: String, partner: String, games: &[GameResult]) -> Pairing {
    let n = games.len().max(1) as f64;
    let mean = |f: &dyn Fn(&GameResult) -> f64| games.iter().map(f).sum::<f64>() / n;
    let deals: Vec<&GameResult> = games.iter().filter(|g| g.kind == OutcomeKind::Deal).collect();
    let agreements = deals.len() as u32;
    Pairing {
        us,
        partner,
        games: games.len() as u32,
        agreements,
        agreement_rate: f64::from(agreements) / n,
        collapses: games.iter().filter(|g| g.kind == OutcomeKind::Collapse).count() as u32,
        mean_rounds_to_agreement: (!deals.is_empty())
            .then(|| deals.iter().map(|g| f64::from(g.round)).sum::<f64>() / deals.len() as f64),
        us_score: mean(&|g| g.us_score),
        partner_score: mean(&|g| g.partner_score),
        us_utility: mean(&|g| g.outcome.us),
        partner_utility: mean(&|g| g.outcome.partner),
        nash_product: mean(&|g| g.measures.nash_product),
        pareto_distance: mean(&|g| g.measures.pareto_distance),
        social_welfare: mean(&|g| g.measures.social_welfare),
    }
}
