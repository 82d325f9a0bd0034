//! The load of a whole class: one host, 12 tables, 24 bot laptops on loopback UDP, every table played to its end.
//! It measures and prints (it asserts no speed): the wall time, the moves, the host's time per move (its own
//! `update()` calls, summed), the process's CPU time (host and laptops together, from /proc) and its peak memory.
//!
//! Run it with its figures: `cargo test --test net_load -- --nocapture`; `TRADETABLE_LOAD_TABLES=60` (up to 127)
//! hosts more tables. Host and laptops share one thread here, so a laptop's move waits for every other laptop's
//! update: `scripts/rehearse-class.sh` measures a class with the host and the bots in processes of their own, as
//! docs/performance.md reports. The bots connect again when their link goes down, as `tradetable bots` does: at 127
//! tables a dozen handshakes time out (the host reads its socket once per pass over 254 laptops), and without it
//! their tables never ended. Every 1,000 updates it prints where the class stands.
#![cfg(feature = "gui")]

#[path = "common/net.rs"]
mod net;

use std::thread;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use tradetable::net::bot::BotConfig;
use tradetable::net::bot_retry::{BotRetries, retry_lost_links};
use tradetable::net::transport::TransportLimits;
use tradetable_core::ai::Strategy;
use tradetable_core::network::protocol::{HostMessage, encode_host};
use tradetable_core::{GameState, Side};

use net::{MAX_UPDATES, Scratch, bot, class_host, default_host_app, game, join_code, people_class, scenario};

/// Tables by default; `TRADETABLE_LOAD_TABLES` sets another number (1 to 127).
const DEFAULT_TABLES: u32 = 12;

fn tables() -> u32 {
    std::env::var("TRADETABLE_LOAD_TABLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|n| (1..=127).contains(n))
        .unwrap_or(DEFAULT_TABLES)
}

/// User and system CPU time of this process so far, from /proc/self/stat (Linux; none elsewhere). The kernel
/// reports it in USER_HZ ticks, which are 1/100 s on every Linux architecture the game ships for.
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; the fields after it are plain numbers: utime and stime are the 12th and 13th.
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// This process's peak resident memory (VmHWM), in kB.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Where the class stands: the laptops' links (and why those that are down went down), seats and ends, and the
/// host's connections, for a run that does not end.
fn progress(host: &App, laptops: &[App], started: Instant) -> String {
    use std::collections::BTreeMap;
    use tradetable::net::transport::ClientLink;
    let mut links: BTreeMap<String, usize> = BTreeMap::new();
    for laptop in laptops {
        let link = match laptop.world().get_resource::<ClientLink>() {
            Some(ClientLink::Connected) => "connected".to_string(),
            Some(ClientLink::Connecting) => "connecting".to_string(),
            Some(ClientLink::Disconnected(reason)) => format!("down: {reason}"),
            None => "no link".to_string(),
        };
        *links.entry(link).or_default() += 1;
    }
    let seated = laptops.iter().filter(|l| bot(l).table.is_some()).count();
    let finished = laptops.iter().filter(|l| bot(l).finished.is_some()).count();
    let reconnects: u32 = laptops
        .iter()
        .filter_map(|l| BotRetries::of(l.world()))
        .map(|r| r.reconnects)
        .sum();
    format!(
        "{:.1} s: laptops {links:?}, {seated} seated, {finished} told the end, {reconnects} reconnections; host: {} \
         connections, {} results",
        started.elapsed().as_secs_f64(),
        class_host(host).addresses.len(),
        class_host(host).written.len()
    )
}

#[test]
fn one_host_twelve_tables_and_twenty_four_laptops_play_every_table_to_its_end() -> Result<(), String> {
    #[allow(non_snake_case)]
    let TABLES = tables();
    let scenario = scenario();
    let class = people_class(&scenario, TABLES);
    let results = Scratch::new("net-load");
    let (mut host, addr) = default_host_app(scenario.clone(), class.clone(), results.path())?;
    let limits = host.world().resource::<TransportLimits>().clone();
    assert!(
        limits.max_peers >= 2 * TABLES as usize,
        "the class's limits allow {} peers",
        limits.max_peers
    );

    let cpu_at_start = process_cpu();
    let started = Instant::now();
    // Every pairing of strategies differs from its neighbour's, so the tables do not move in step.
    let mut laptops = Vec::new();
    for (t, table) in class.tables.iter().enumerate() {
        for (k, side) in Side::BOTH.into_iter().enumerate() {
            let strategy = Strategy::ALL[(t + 3 * k) % Strategy::ALL.len()];
            let mut laptop = BotConfig::new(addr, &join_code(&host, table.number), Some(side), strategy)
                .app()
                .map_err(|e| e.to_string())?;
            retry_lost_links(&mut laptop);
            laptops.push(laptop);
        }
    }

    let mut host_time = Duration::ZERO;
    let mut host_updates = Vec::new();
    let mut updates = 0;
    let done = |host: &App, laptops: &[App]| {
        class_host(host).written.len() == TABLES as usize && laptops.iter().all(|l| bot(l).finished.is_some())
    };
    while !done(&host, &laptops) {
        if updates > 0 && updates % 1000 == 0 {
            eprintln!("{}", progress(&host, &laptops, started));
        }
        if updates == MAX_UPDATES {
            return Err(format!(
                "not over after {MAX_UPDATES} updates: {}",
                progress(&host, &laptops, started)
            ));
        }
        let before = Instant::now();
        host.update();
        host_time += before.elapsed();
        host_updates.push(before.elapsed());
        for laptop in &mut laptops {
            laptop.update();
        }
        updates += 1;
        thread::sleep(Duration::from_millis(1));
    }
    let wall = started.elapsed();
    let cpu = match (cpu_at_start, process_cpu()) {
        (Some(start), Some(end)) => Some(end.saturating_sub(start)),
        _ => None,
    };

    let games: Vec<GameState> = (1..=TABLES).map(|n| game(&host, n)).collect::<Result<_, _>>()?;
    assert!(games.iter().all(GameState::is_over), "every table's game is over");
    let moves: usize = games.iter().map(|g| g.moves.len()).sum();
    for laptop in &laptops {
        let state = bot(laptop);
        assert!(state.refusals.is_empty(), "{:?}: {:?}", state.side, state.refusals);
        assert!(state.unreadable.is_empty(), "{:?}: {:?}", state.side, state.unreadable);
        let table = state.table.ok_or("a laptop without a table")?;
        let told = state.finished.as_ref().ok_or("a laptop not told the end")?;
        assert_eq!(told.moves, games[table as usize - 1].moves, "table {table}");
    }
    // What each move costs the network: the host sends both seats the table's view, which carries the game so far.
    let view_bytes: Vec<usize> = laptops
        .iter()
        .filter_map(|l| bot(l).view.as_ref())
        .map(|view| encode_host(&HostMessage::Table(Box::new(view.clone()))).len())
        .collect();
    let largest_view = view_bytes.iter().copied().max().unwrap_or(0);
    let deals = games
        .iter()
        .filter(|g| g.outcome.as_ref().is_some_and(|o| o.package.is_some()))
        .count();

    println!(
        "networked class: 1 host, {TABLES} tables, {} laptops, loopback",
        laptops.len()
    );
    println!("  wall time (connect to last result)   {:.2} s", wall.as_secs_f64());
    println!("  updates of every app                 {updates}");
    println!("  moves                                {moves} ({deals} deals)");
    println!("  {}", progress(&host, &laptops, started));
    println!(
        "  host update() time                   {:.1} ms in all, {:.0} µs per move, {:.0} µs per update",
        host_time.as_secs_f64() * 1e3,
        host_time.as_secs_f64() * 1e6 / moves.max(1) as f64,
        host_time.as_secs_f64() * 1e6 / updates.max(1) as f64
    );
    let slowest_at = (1..=host_updates.len())
        .max_by_key(|&n| host_updates[n - 1])
        .unwrap_or(0);
    host_updates.sort();
    println!(
        "  host update(), median and slowest    {:.2} ms, {:.2} ms (update {slowest_at})",
        host_updates[host_updates.len() / 2].as_secs_f64() * 1e3,
        host_updates.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    let (sent_p50, sent_p99) =
        tradetable::cli::bots::percentiles(laptops.iter().flat_map(|l| bot(l).move_latencies.clone()).collect());
    println!(
        "  move latency at the laptops (sent to its view back), median and 99th percentile: {sent_p50:.1} ms, \
         {sent_p99:.1} ms (every app updated in turn on one thread)"
    );
    let frames = &class_host(&host).frame_micros;
    let (frame_p50, frame_p99) = tradetable::net::class_host::percentiles(frames);
    println!(
        "  host time per frame from a laptop, median and 99th percentile: {:.2} ms, {:.2} ms (the latest {})",
        frame_p50 as f64 / 1e3,
        frame_p99 as f64 / 1e3,
        frames.len()
    );
    println!(
        "  largest table view sent (JSON)       {:.1} KB",
        largest_view as f64 / 1024.0
    );
    match cpu {
        Some(cpu) => println!(
            "  process CPU (host + {} laptops)      {:.2} s, {:.1} ms per move",
            laptops.len(),
            cpu.as_secs_f64(),
            cpu.as_secs_f64() * 1e3 / moves.max(1) as f64
        ),
        None => println!("  process CPU                          not available (no /proc)"),
    }
    match peak_memory_kb() {
        Some(kb) => println!("  peak memory (VmHWM, whole process)   {:.1} MB", kb as f64 / 1024.0),
        None => println!("  peak memory                          not available (no /proc)"),
    }
    Ok(())
}
