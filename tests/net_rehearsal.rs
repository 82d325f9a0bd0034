//! A rehearsal's bot laptops come back by themselves: a bot whose handshake timed out while the host was not
//! answering (as a dozen of 254 laptops' did at 127 tables, their connection requests dropped by the host's full
//! receive buffer) connects again and its table is played to its end. Before, such a bot stayed down and its table
//! never ended. And the host lets one address hold as many connections as the teacher allows, for bots run on one
//! machine of the network.
//!
//! One host app and two bots in the test's process on loopback; every wait is bounded in updates.
#![cfg(feature = "gui")]

#[path = "common/net.rs"]
mod net;

use std::thread;
use std::time::Duration;

use bevy::prelude::*;
use tradetable::net::bot::BotConfig;
use tradetable::net::bot_retry::{BotRetries, retry_lost_links};
use tradetable::net::class_host::{ClassHost, limits_for};
use tradetable_core::Side;
use tradetable_core::ai::Strategy;
use tradetable_core::network::host::HostOptions;

use net::{MAX_UPDATES, Scratch, bot, class_host, default_host_app, join_code, people_class, pump, scenario};

fn retries(app: &App) -> &BotRetries {
    BotRetries::of(app.world()).expect("the bot retries its lost links")
}

#[test]
fn bots_whose_handshake_timed_out_connect_again_and_their_table_ends() -> Result<(), String> {
    let scenario = scenario();
    let class = people_class(&scenario, 1);
    let results = Scratch::new("net-rehearsal");
    let (mut host, addr) = default_host_app(scenario, class, results.path())?;
    let code = join_code(&host, 1);
    let mut laptops = Vec::new();
    for (side, strategy) in [(Side::Us, Strategy::Linear), (Side::Partner, Strategy::Boulware)] {
        let mut laptop = BotConfig::new(addr, &code, Some(side), strategy)
            .app()
            .map_err(|e| e.to_string())?;
        retry_lost_links(&mut laptop);
        laptops.push(laptop);
    }

    // The host reads nothing (as when its buffer drops their requests) until both handshakes have timed out.
    let mut updates = 0;
    while !laptops.iter().all(|l| !retries(l).lost.is_empty()) {
        if updates == MAX_UPDATES {
            return Err(format!("the handshakes did not time out within {MAX_UPDATES} updates"));
        }
        for laptop in &mut laptops {
            laptop.update();
        }
        updates += 1;
        thread::sleep(Duration::from_millis(1));
    }
    for laptop in &laptops {
        assert!(bot(laptop).table.is_none(), "no seat without a link");
        assert!(
            // In netcode's secure mode the first step is the connect token request, which the host leaves unanswered.
            retries(laptop).lost[0].contains("no connect token") || retries(laptop).lost[0].contains("timed out"),
            "{:?}",
            retries(laptop).lost
        );
    }

    let [us, partner] = &mut laptops[..] else {
        return Err("two laptops".to_string());
    };
    pump(&mut host, &mut [us, partner], "the table's end", |host, laptops| {
        class_host(host).written.len() == 1 && laptops.iter().all(|l| bot(l).finished.is_some())
    })?;
    for laptop in &laptops {
        assert!(retries(laptop).reconnects >= 1);
        assert_eq!(retries(laptop).gave_up, None);
        assert!(bot(laptop).refusals.is_empty(), "{:?}", bot(laptop).refusals);
    }
    Ok(())
}

/// One machine of bots on the school network fills its tables only if the host lets its address hold their
/// connections: `host --laptops-per-address` sets what the guard allows (4 by default).
#[test]
fn the_host_lets_one_address_hold_the_connections_the_teacher_allows() -> Result<(), String> {
    let scenario = scenario();
    let class = people_class(&scenario, 12);
    let results = Scratch::new("net-rehearsal-limits");
    let mut host = ClassHost::new(scenario, class, HostOptions::default(), results.path().to_path_buf())
        .map_err(|e| e.to_string())?;
    assert_eq!(limits_for(&host).per_address.peers_per_address, 4);
    host.laptops_per_address = Some(24);
    let limits = limits_for(&host);
    assert_eq!(limits.per_address.peers_per_address, 24);
    assert_eq!(limits.max_peers, 2 * 12 + 8, "the class's own limit is unchanged");
    Ok(())
}
