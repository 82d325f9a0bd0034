//! A host that stops mid-class loses no game: every table in progress is kept on disk after every change, and a
//! host started again on the same results folder resumes it, with the same seat tokens; a write that fails (the disk
//! full, read-only, a rename cut short) leaves the table's previous state whole, and the console says so.
//!
//! One host app and its bot laptops live in the test's process, on 127.0.0.1 with ports the OS picks. Every wait is
//! bounded in updates and fails with a message; nothing asserts on time.
#![cfg(feature = "gui")]

#[path = "common/net.rs"]
mod net;

use bevy::prelude::*;
use tradetable::net::bot::BotConfig;
use tradetable::net::class_host::{ClassHost, in_progress_path};
use tradetable::storage::{Fault, FaultyDisk, Storage};
use tradetable_core::ai::Strategy;
use tradetable_core::network::host::SavedTable;
use tradetable_core::{GameState, Side};

use net::{Scratch, bot, class_host, default_host_app, game, join_code, people_class, pump, scenario};

fn kept(results: &std::path::Path, code: &str) -> Result<SavedTable, String> {
    let path = in_progress_path(results, 1, code);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn moves(host: &App) -> Result<usize, String> {
    game(host, 1).map(|g: GameState| g.moves.len())
}

#[test]
fn a_host_restarted_on_the_same_folder_resumes_the_table_and_the_teams_sit_down_again_with_their_tokens()
-> Result<(), String> {
    let scenario = scenario();
    let class = people_class(&scenario, 1);
    let code = class.tables[0].code.clone();
    let results = Scratch::new("net-restart");
    let (before, tokens, join) = {
        let (mut host, addr) = default_host_app(scenario.clone(), class.clone(), results.path())?;
        let join = join_code(&host, 1);
        let mut us = BotConfig::new(addr, &join, Some(Side::Us), Strategy::Boulware)
            .app()
            .map_err(|e| e.to_string())?;
        let mut partner = BotConfig::new(addr, &join, Some(Side::Partner), Strategy::Linear)
            .app()
            .map_err(|e| e.to_string())?;
        pump(&mut host, &mut [&mut us, &mut partner], "four moves", |host, _| {
            moves(host).is_ok_and(|n| n >= 4)
        })?;
        let tokens = [bot(&us).token.clone(), bot(&partner).token.clone()];
        (game(&host, 1)?, tokens, join)
        // The host, and its laptops, end here: as a crash would end them.
    };
    let saved = kept(results.path(), &code)?;
    assert_eq!(saved.record.moves.len(), before.moves.len(), "the last move was kept");

    let (mut host, addr) = default_host_app(scenario.clone(), class.clone(), results.path())?;
    assert_eq!(moves(&host)?, before.moves.len(), "resumed where it stopped");
    assert_eq!(join_code(&host, 1), join, "the same join code");
    let [Some(us_token), Some(partner_token)] = tokens else {
        return Err("both laptops had tokens".to_string());
    };
    // A stranger with the code cannot take a seat that is the team's.
    let mut stranger = BotConfig::new(addr, &join, Some(Side::Us), Strategy::Linear)
        .app()
        .map_err(|e| e.to_string())?;
    pump(&mut host, &mut [&mut stranger], "the stranger refused", |_, laptops| {
        !bot(laptops[0]).refusals.is_empty()
    })?;
    let mut us = BotConfig::new(addr, &join, Some(Side::Us), Strategy::Boulware)
        .with_token(&us_token)
        .app()
        .map_err(|e| e.to_string())?;
    let mut partner = BotConfig::new(addr, &join, Some(Side::Partner), Strategy::Linear)
        .with_token(&partner_token)
        .app()
        .map_err(|e| e.to_string())?;
    pump(
        &mut host,
        &mut [&mut us, &mut partner],
        "the resumed game's end",
        |host, laptops| !class_host(host).written.is_empty() && laptops.iter().all(|l| bot(l).finished.is_some()),
    )?;
    let record = tradetable::storage::read_record(&class_host(&host).written[0]).map_err(|e| e.to_string())?;
    assert_eq!(
        &record.moves[..before.moves.len()],
        &before.moves.iter().map(|m| (**m).clone()).collect::<Vec<_>>()[..],
        "the game goes on from the moves made before the restart"
    );
    Ok(())
}

#[test]
fn a_failed_write_keeps_the_previous_state_whole_and_the_restarted_host_resumes_from_it() -> Result<(), String> {
    for fault in [Fault::DiskFull, Fault::ReadOnly, Fault::InterruptedRename] {
        let scenario = scenario();
        let class = people_class(&scenario, 1);
        let code = class.tables[0].code.clone();
        let results = Scratch::new("net-faulty");
        let disk = FaultyDisk::new();
        let kept_moves = {
            let (mut host, addr) = default_host_app(scenario.clone(), class.clone(), results.path())?;
            host.world_mut().resource_mut::<ClassHost>().storage = Storage::on(disk.clone());
            let join = join_code(&host, 1);
            let mut us = BotConfig::new(addr, &join, Some(Side::Us), Strategy::Boulware)
                .app()
                .map_err(|e| e.to_string())?;
            let mut partner = BotConfig::new(addr, &join, Some(Side::Partner), Strategy::Linear)
                .app()
                .map_err(|e| e.to_string())?;
            pump(&mut host, &mut [&mut us, &mut partner], "two moves", |host, _| {
                moves(host).is_ok_and(|n| n >= 2)
            })?;
            host.world_mut().resource_mut::<ClassHost>().flush();
            let kept_moves = kept(results.path(), &code)?.record.moves.len();
            disk.set(Some(fault));
            pump(
                &mut host,
                &mut [&mut us, &mut partner],
                "three more moves",
                |host, _| moves(host).is_ok_and(|n| n >= kept_moves + 3),
            )?;
            host.world_mut().resource_mut::<ClassHost>().flush();
            let saved = kept(results.path(), &code)?;
            assert_eq!(
                saved.record.moves.len(),
                kept_moves,
                "{fault:?}: the file holds the last state kept"
            );
            let shown = class_host(&host).persist_error.clone();
            assert!(shown.is_some(), "{fault:?}: the console shows the failure");
            kept_moves
        };
        disk.set(None);
        let (host, _) = default_host_app(scenario.clone(), class.clone(), results.path())?;
        assert_eq!(moves(&host)?, kept_moves, "{fault:?}: resumed from the last state kept");
    }
    Ok(())
}
