//! `tradetable bots`: computer laptops over the real network, to rehearse a hosted class on the school network
//! before the students come. Two bot laptops sit at each table whose join code is given, play it to its end with
//! the computer strategies, and the command prints how long each move took to come back from the host (the median
//! and the 99th percentile) and whether every table ended.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use clap::Args;

use crate::net::bot::{Bot, BotConfig};
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
    #[arg(long = "code", required = true)]
    pub codes: Vec<String>,
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

/// Fills the tables with bot laptops and plays them to their end.
pub fn run(args: &BotsArgs) -> ExitCode {
    let host = match parse_host_address(&args.join, DEFAULT_PORT) {
        Ok(host) => host,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut laptops = Vec::new();
    for (t, code) in args.codes.iter().enumerate() {
        for (k, side) in Side::BOTH.into_iter().enumerate() {
            let strategy = Strategy::ALL[(t + 3 * k) % Strategy::ALL.len()];
            match BotConfig::new(host, code, Some(side), strategy).app() {
                Ok(app) => laptops.push(app),
                Err(error) => {
                    eprintln!("error: a bot laptop cannot start: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    println!(
        "{} bot laptop(s) joining {} table(s) at {host}",
        laptops.len(),
        args.codes.len()
    );
    let started = Instant::now();
    let deadline = Duration::from_secs(args.timeout);
    loop {
        for laptop in &mut laptops {
            laptop.update();
        }
        let states: Vec<_> = laptops.iter().map(|l| Bot::state(l.world())).collect();
        let closed = states
            .iter()
            .filter_map(|s| s.closed.as_deref())
            .next()
            .map(str::to_string);
        let done = states.iter().all(|s| s.finished.is_some());
        if done || closed.is_some() || started.elapsed() >= deadline {
            let latencies: Vec<Duration> = states.iter().flat_map(|s| s.move_latencies.clone()).collect();
            let (p50, p99) = percentiles(latencies.clone());
            let finished = states.iter().filter(|s| s.finished.is_some()).count();
            println!(
                "{finished} of {} laptops saw their table end in {:.1} s; {} moves, each back from the host in {p50:.1} ms \
                 (median), {p99:.1} ms (99th percentile)",
                states.len(),
                started.elapsed().as_secs_f64(),
                latencies.len()
            );
            for state in states.iter().filter(|s| !s.refusals.is_empty()) {
                println!("  {:?}: refused: {}", state.side, state.refusals.join("; "));
            }
            if let Some(reason) = closed {
                eprintln!("error: the host closed a table: {reason}");
                return ExitCode::FAILURE;
            }
            return if done { ExitCode::SUCCESS } else { ExitCode::FAILURE };
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}
