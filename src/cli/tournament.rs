//! `tradetable tournament`: every US entrant against every one of the partner's on N seeds, as a table, CSV or JSON. The
//! same seed gives the same bytes on any number of threads; the time taken goes to standard error.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, ValueEnum};

use super::load_scenario;
use tradetable_core::Scenario;
use tradetable_core::ai::{Difficulty, Opponent, Strategy};
use tradetable_core::analysis::tournament::{self, TariffsKept, Tournament};
use tradetable_core::scenario::schema::Side;

/// Output formats of a tournament.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// An aligned table.
    Text,
    /// One line per pairing, with a header.
    Csv,
    /// One JSON document.
    Json,
}

/// Which entrants take part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Field {
    /// The built-in strategies.
    Strategies,
    /// The scenario's personalities for each side.
    Personalities,
    /// The difficulty levels easy, normal and hard.
    Difficulties,
    /// Strategies and personalities.
    Default,
    /// All of the above.
    All,
}

/// Options of `tournament`.
#[derive(Debug, Args)]
pub struct TournamentArgs {
    /// Scenario file (default: the built-in spring-2025 scenario).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Games per pairing.
    #[arg(long, default_value_t = 10)]
    pub runs: u32,
    /// Seed of the first game of each pairing; game i plays seed + i.
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    /// Which entrants play.
    #[arg(long, value_enum, default_value_t = Field::Default)]
    pub field: Field,
    /// Threads to play on (default: every core).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// The entrants of `field` for `side`.
pub fn entrants(scenario: &Scenario, side: Side, field: Field) -> Vec<Opponent> {
    let strategies = || Strategy::ALL.into_iter().map(Opponent::Strategy);
    let personalities = || {
        scenario
            .personalities
            .iter()
            .filter(move |p| p.side == side)
            .map(|p| Opponent::Personality(p.id.clone()))
    };
    let difficulties = || Difficulty::ALL.into_iter().map(Opponent::Difficulty);
    match field {
        Field::Strategies => strategies().collect(),
        Field::Personalities => personalities().collect(),
        Field::Difficulties => difficulties().collect(),
        Field::Default => strategies().chain(personalities()).collect(),
        Field::All => strategies().chain(personalities()).chain(difficulties()).collect(),
    }
}

/// Runs the tournament and prints it.
pub fn run(args: &TournamentArgs) -> ExitCode {
    let scenario = match load_scenario(args.scenario.as_ref()) {
        Ok(s) => s,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    if args.runs == 0 {
        eprintln!("--runs must be at least 1");
        return ExitCode::FAILURE;
    }
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let us = entrants(&scenario, Side::Us, args.field);
    let partner = entrants(&scenario, Side::Partner, args.field);
    if us.is_empty() || partner.is_empty() {
        eprintln!("no entrants for one side: the scenario defines no personalities for it");
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    let table = match tournament::run(&scenario, &us, &partner, args.runs, args.seed, threads) {
        Ok(t) => t,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let games = table.pairings.iter().map(|p| p.games).sum::<u32>();
    eprintln!(
        "{games} games on {threads} thread(s) in {seconds:.2} s ({:.1} games/s, outcome space included)",
        f64::from(games) / seconds
    );
    match args.format {
        TableFormat::Text => print!("{}", text(&table)),
        TableFormat::Csv => print!("{}", csv(&table)),
        TableFormat::Json => match serde_json::to_string_pretty(&table) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("cannot write the table: {error}");
                return ExitCode::FAILURE;
            }
        },
    }
    ExitCode::SUCCESS
}

fn rounds(r: Option<f64>) -> String {
    r.map_or("-".to_string(), |r| format!("{r:.1}"))
}

/// The table as aligned text.
pub fn text(t: &Tournament) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Tournament on {}: {} game(s) per pairing from seed {}; {} packages, {} on the Pareto frontier.",
        t.scenario, t.runs, t.seed, t.packages, t.frontier_size
    );
    let _ = writeln!(
        out,
        "Utilities at the opening position: no deal US {:.3} / {partner} {:.3}; Nash point US {:.3} / {partner} {:.3} \
         (product {:.4}).",
        t.reservation.us,
        t.reservation.partner,
        t.nash_point.us,
        t.nash_point.partner,
        t.max_nash_product,
        partner = t.partner
    );
    let _ = writeln!(
        out,
        "{:<20} {:<20} {:>6} {:>6} {:>7} {:>7} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "US",
        t.partner,
        "agree",
        "round",
        "US",
        t.partner,
        "u_US",
        format!("u_{}", t.partner_tag),
        "Nash",
        "Pareto",
        "welfare"
    );
    for p in &t.pairings {
        let _ = writeln!(
            out,
            "{:<20} {:<20} {:>5.0}% {:>6} {:>7.1} {:>7.1} {:>6.3} {:>6.3} {:>7.4} {:>7.4} {:>7.3}",
            p.us,
            p.partner,
            p.agreement_rate * 100.0,
            rounds(p.mean_rounds_to_agreement),
            p.us_score,
            p.partner_score,
            p.us_utility,
            p.partner_utility,
            p.nash_product,
            p.pareto_distance,
            p.social_welfare
        );
    }
    let _ = writeln!(
        out,
        "\nSigned terms over all deals: the share of deals at each option, the mean, and the real deal's level."
    );
    for term in &t.terms {
        let shares: Vec<String> = term
            .options
            .iter()
            .zip(&term.shares)
            .map(|(o, share)| format!("{o}: {:.0}%", share * 100.0))
            .collect();
        let actual = term.actual.map_or("-".to_string(), |a| a.to_string());
        let _ = writeln!(
            out,
            "{:<20} mean {:>7.3}  real {:>6}  {}",
            term.id,
            term.mean,
            actual,
            shares.join("  ")
        );
    }
    let kept = &t.tariffs_kept;
    let threshold = TariffsKept::THRESHOLD * 100.0;
    let _ = writeln!(
        out,
        "\nTariffs kept at {threshold:.0}% or more in the {} deal(s): the general (reciprocal or blanket) tariff {:.0}%, \
         the whole tariff on autos {:.0}%, both {:.0}%.",
        kept.deals,
        kept.general * 100.0,
        kept.autos * 100.0,
        kept.both * 100.0
    );
    if let Some((general, autos)) = kept.actual {
        let _ = writeln!(
            out,
            "The real deal: general tariff {:.1}%, whole tariff on autos {:.1}%.",
            general * 100.0,
            autos * 100.0
        );
    }
    out
}

/// The table as CSV.
pub fn csv(t: &Tournament) -> String {
    let mut out = String::from(
        "us,partner,games,agreements,agreement_rate,collapses,mean_rounds_to_agreement,us_score,partner_score,\
         us_utility,partner_utility,nash_product,pareto_distance,social_welfare\n",
    );
    for p in &t.pairings {
        let _ = writeln!(
            out,
            "{},{},{},{},{:.4},{},{},{:.3},{:.3},{:.5},{:.5},{:.6},{:.6},{:.5}",
            p.us,
            p.partner,
            p.games,
            p.agreements,
            p.agreement_rate,
            p.collapses,
            p.mean_rounds_to_agreement.map_or(String::new(), |r| format!("{r:.3}")),
            p.us_score,
            p.partner_score,
            p.us_utility,
            p.partner_utility,
            p.nash_product,
            p.pareto_distance,
            p.social_welfare
        );
    }
    out
}
