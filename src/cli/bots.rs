//! `tradetable bots`: computer laptops over the real network, to rehearse a hosted class on the school network
//! before the students come. Two bot laptops sit at each table whose join code is given (with `--code`, or read from
//! the join codes the host keeps in its results folder with `--codes-file`), play it to its end with the computer
//! strategies, and the command prints how long each move took to come back from the host (the median and the 99th
//! percentile) and whether every table ended. The laptops are spread over threads, each driving its share in turn; a
//! laptop whose link goes down connects again and takes its seat back with its token, as a team's laptop does.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use clap::Args;

use crate::cli::error::CliError;
use crate::net::bot::{Bot, BotConfig};
use crate::net::bot_retry::{BotRetries, retry_lost_links};
use crate::net::class_client::parse_host_address;
use crate::net::class_host::DEFAULT_PORT;
use tradetable_core::Side;
use tradetable_core::ai::Strategy;

/// Options of `bots`.
#[derive(Debug, Args, Clone)]
pub struct BotsArgs {
    /// The host's address, as its console shows it (IP:port, or an IP on port 7878).
    #[arg(long)]
    pub join: String,
    /// A table's join code; give it once per table to fill (both seats of each table get a bot laptop).
    #[arg(long = "code")]
    pub codes: Vec<String>,
    /// The join codes the host keeps in its results folder (`RESULTS/in-progress/join-codes.json`): fills its
    /// tables without typing their codes (every table, or those --first-table and --tables say).
    #[arg(long)]
    pub codes_file: Option<PathBuf>,
    /// With --codes-file: fill this many tables (default: every table from --first-table on).
    #[arg(long, requires = "codes_file")]
    pub tables: Option<u32>,
    /// With --codes-file: the first table to fill, so several machines or processes can share a class.
    #[arg(long, default_value_t = 1, requires = "codes_file")]
    pub first_table: u32,
    /// Threads the laptops are spread over (default: one per core of this machine).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Also write every move's time back from the host to this file, in milliseconds, one a line.
    #[arg(long)]
    pub latencies: Option<PathBuf>,
    /// Give up after this many seconds if not every table has ended.
    #[arg(long, default_value_t = 600)]
    pub timeout: u64,
}

/// The median and 99th percentile of `values`, in ms.
pub fn percentiles(mut values: Vec<Duration>) -> (f64, f64) {
    values.sort();
    let at = |q: usize| {
        values
            .get((values.len() * q / 100).min(values.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    (at(50), at(99))
}

/// The codes to fill: those given with `--code`, then those of the codes file that `--first-table` and `--tables`
/// choose.
fn codes_to_fill(args: &BotsArgs) -> Result<Vec<String>, CliError> {
    let mut codes = args.codes.clone();
    if let Some(path) = &args.codes_file {
        let kept = crate::storage::read_join_codes_file(path)?;
        let chosen: Vec<String> = kept
            .range(args.first_table..)
            .take(args.tables.map_or(usize::MAX, |n| n as usize))
            .map(|(_, code)| code.clone())
            .collect();
        if let Some(wanted) = args.tables
            && chosen.len() < wanted as usize
        {
            return Err(CliError::TooFewTables {
                path: path.clone(),
                found: chosen.len(),
                first: args.first_table,
                wanted,
            });
        }
        codes.extend(chosen);
    }
    if codes.is_empty() {
        return Err(CliError::NoTableToFill);
    }
    Ok(codes)
}

/// What the laptops of one thread came to.
#[derive(Debug, Default)]
struct Outcome {
    laptops: usize,
    finished: usize,
    latencies: Vec<Duration>,
    refusals: Vec<String>,
    closed: Vec<String>,
    links_lost: usize,
    reconnects: u32,
    gave_up: Vec<String>,
}

impl Outcome {
    fn add(&mut self, other: Outcome) {
        self.laptops += other.laptops;
        self.finished += other.finished;
        self.latencies.extend(other.latencies);
        self.refusals.extend(other.refusals);
        self.closed.extend(other.closed);
        self.links_lost += other.links_lost;
        self.reconnects += other.reconnects;
        self.gave_up.extend(other.gave_up);
    }
}

/// Builds the laptops of `configs` and updates them in turn until each has seen its table end, been told the class
/// is closed, or given up reconnecting, or until `deadline`.
fn drive(configs: Vec<BotConfig>, started: Instant, deadline: Duration) -> Result<Outcome, CliError> {
    let mut laptops = Vec::with_capacity(configs.len());
    for config in configs {
        let mut app = config.app().map_err(CliError::BotStart)?;
        retry_lost_links(&mut app);
        laptops.push(app);
    }
    let settled = |app: &App| {
        let state = Bot::state(app.world());
        state.finished.is_some()
            || state.closed.is_some()
            || BotRetries::of(app.world()).is_some_and(|retries| retries.gave_up.is_some())
    };
    while !laptops.iter().all(settled) && started.elapsed() < deadline {
        for laptop in &mut laptops {
            laptop.update();
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let mut outcome = Outcome {
        laptops: laptops.len(),
        ..Outcome::default()
    };
    for laptop in &laptops {
        let state = Bot::state(laptop.world());
        outcome.finished += usize::from(state.finished.is_some());
        outcome.latencies.extend(state.move_latencies.iter().copied());
        let who = format!("table {} {}", state.table.unwrap_or(0), side_name(state.side));
        outcome
            .refusals
            .extend(state.refusals.iter().map(|reason| format!("{who}: {reason}")));
        outcome
            .closed
            .extend(state.closed.iter().map(|reason| format!("{who}: {reason}")));
        if let Some(retries) = BotRetries::of(laptop.world()) {
            outcome.links_lost += retries.lost.len();
            outcome.reconnects += retries.reconnects;
            outcome
                .gave_up
                .extend(retries.gave_up.iter().map(|reason| format!("{who}: {reason}")));
        }
    }
    Ok(outcome)
}

fn side_name(side: Option<Side>) -> &'static str {
    side.map_or("(no seat)", Side::key)
}

/// Fills the tables with bot laptops and plays them to their end.
pub fn run(args: &BotsArgs) -> ExitCode {
    match fill(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Plays the tables; whether every laptop saw its table end.
fn fill(args: &BotsArgs) -> Result<bool, CliError> {
    let host: SocketAddr = parse_host_address(&args.join, DEFAULT_PORT)?;
    let codes = codes_to_fill(args)?;
    let mut configs = Vec::new();
    for (t, code) in codes.iter().enumerate() {
        for (k, side) in Side::BOTH.into_iter().enumerate() {
            // Every pairing of strategies differs from its neighbour's, so the tables do not move in step.
            let strategy = Strategy::ALL[(t + 3 * k) % Strategy::ALL.len()];
            configs.push(BotConfig::new(host, code, Some(side), strategy));
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = args.threads.unwrap_or(cores).clamp(1, configs.len());
    println!(
        "{} bot laptop(s) joining {} table(s) at {host}, on {threads} thread(s)",
        configs.len(),
        codes.len()
    );
    // Both seats of a table on one thread, the tables dealt out in turn.
    let mut shares: Vec<Vec<BotConfig>> = vec![Vec::new(); threads];
    for (i, pair) in configs.chunks(2).enumerate() {
        shares[i % threads].extend(pair.iter().cloned());
    }
    let started = Instant::now();
    let deadline = Duration::from_secs(args.timeout);
    let outcomes: Vec<Result<Outcome, CliError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|share| scope.spawn(move || drive(share, started, deadline)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or(Err(CliError::BotThread)))
            .collect()
    });
    let mut outcome = Outcome::default();
    for share in outcomes {
        outcome.add(share?);
    }
    let (p50, p99) = percentiles(outcome.latencies.clone());
    println!(
        "{} of {} laptops saw their table end in {:.1} s; {} moves, each back from the host in {p50:.1} ms (median), \
         {p99:.1} ms (99th percentile)",
        outcome.finished,
        outcome.laptops,
        started.elapsed().as_secs_f64(),
        outcome.latencies.len()
    );
    if outcome.links_lost > 0 {
        println!(
            "  links that went down before their table ended: {}; connections tried again: {}",
            outcome.links_lost, outcome.reconnects
        );
    }
    for refusal in &outcome.refusals {
        println!("  refused: {refusal}");
    }
    for reason in &outcome.gave_up {
        eprintln!("error: a laptop gave up reconnecting: {reason}");
    }
    for reason in &outcome.closed {
        eprintln!("error: the host closed a table: {reason}");
    }
    if let Some(path) = &args.latencies {
        let lines: String = outcome
            .latencies
            .iter()
            .map(|latency| format!("{:.3}\n", latency.as_secs_f64() * 1e3))
            .collect();
        crate::storage::Storage::real().write(path, lines.as_bytes())?;
    }
    Ok(outcome.finished == outcome.laptops && outcome.closed.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(codes_file: Option<PathBuf>, first_table: u32, tables: Option<u32>) -> BotsArgs {
        BotsArgs {
            join: "127.0.0.1".to_string(),
            codes: Vec::new(),
            codes_file,
            tables,
            first_table,
            threads: None,
            latencies: None,
            timeout: 1,
        }
    }

    #[test]
    fn the_host_s_join_codes_file_gives_the_tables_asked_for() -> Result<(), Box<dyn std::error::Error>> {
        let folder = tempfile::Builder::new().prefix("tradetable-codes-").tempdir()?;
        let path = folder.path().join("join-codes.json");
        let kept: std::collections::BTreeMap<u32, String> = (1..=12).map(|n| (n, format!("CODE-{n}"))).collect();
        std::fs::write(&path, serde_json::to_vec_pretty(&kept)?)?;
        let every = codes_to_fill(&args(Some(path.clone()), 1, None));
        let middle = codes_to_fill(&args(Some(path.clone()), 5, Some(3)));
        let too_many = codes_to_fill(&args(Some(path.clone()), 11, Some(3)));
        assert_eq!(every?.len(), 12);
        assert_eq!(middle?, ["CODE-5", "CODE-6", "CODE-7"]);
        assert!(matches!(
            too_many,
            Err(CliError::TooFewTables {
                found: 2,
                wanted: 3,
                ..
            })
        ));
        assert!(matches!(
            codes_to_fill(&args(None, 1, None)),
            Err(CliError::NoTableToFill)
        ));
        Ok(())
    }
}
