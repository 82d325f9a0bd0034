//! Helpers shared by the networked-class tests (`net_class`, `net_load`): a quiet host app for a class on a free
//! loopback port, a scratch folder for its results, and a bounded update loop that fails with a message instead of
//! hanging. Included with `#[path]`, so it is not a test target of its own.
#![allow(dead_code)]

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use bevy::app::ScheduleRunnerPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use tradetable::cli::host::limits_for;
use tradetable::net::bot::{Bot, BotState};
use tradetable::net::class_host::{self, ClassHost};
use tradetable::net::transport::{self, TransportLimits};
use tradetable_core::classroom::class::{ClassFile, ClassSeat};
use tradetable_core::network::host::HostOptions;
use tradetable_core::{GameState, PerSide, Scenario};

/// The most updates any wait may take: with a 1 ms pause each, well under a minute even on a loaded machine.
pub const MAX_UPDATES: usize = 20_000;

/// A folder under the system's temporary folder, removed when dropped.
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    pub fn new(what: &str) -> Scratch {
        let folder = tempfile::Builder::new()
            .prefix(&format!("tradetable-{what}-"))
            .tempdir()
            .expect("a scratch folder in the temporary folder");
        Scratch(folder)
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

/// A client id from the system's random generator, for tests that forge connect tokens (a laptop's real id is the
/// one in the connect token the host gave it).
pub fn random_client_id() -> u64 {
    getrandom::u64().expect("the system's random generator")
}

/// The shipped default scenario, shared by the host and the local games it is compared with.
pub fn scenario() -> Arc<Scenario> {
    Arc::new(Scenario::builtin().expect("the built-in scenario loads"))
}

/// A class of `tables` tables, two teams each, on the class seed 2025.
pub fn people_class(scenario: &Scenario, tables: u32) -> ClassFile {
    let seats = PerSide::new(ClassSeat::People, ClassSeat::People);
    ClassFile::new(scenario, tables, 2025, seats, &[], "2026-11-29T00:00:00Z".into()).expect("a valid class")
}

/// A host app for `class` with the default options and the class's own limits (see [`host_app`]).
pub fn default_host_app(
    scenario: Arc<Scenario>,
    class: ClassFile,
    results: &Path,
) -> Result<(App, SocketAddr), String> {
    host_app(scenario, class, HostOptions::default(), results, None, |_| {})
}

/// A host app for `class`, like `tradetable host --headless` but without its logger (the tests' output stays
/// readable) and its exit, on a free loopback port; `limits` replace the ones the class would get. `extra` adds
/// the test's own systems before the app is finished.
pub fn host_app(
    scenario: Arc<Scenario>,
    class: ClassFile,
    options: HostOptions,
    results: &Path,
    limits: Option<TransportLimits>,
    extra: impl FnOnce(&mut App),
) -> Result<(App, SocketAddr), String> {
    let class = ClassHost::new(scenario, class, options, results.to_path_buf()).map_err(|e| e.to_string())?;
    let limits = limits.unwrap_or_else(|| limits_for(&class));
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.set(ScheduleRunnerPlugin::run_loop(transport::HEADLESS_UPDATE_INTERVAL)),
        StatesPlugin,
        transport::server_plugin,
        class_host::plugin,
    ))
    .insert_resource(class)
    .insert_resource(limits);
    extra(&mut app);
    app.finish();
    app.cleanup();
    let addr =
        class_host::open(app.world_mut(), SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).map_err(|e| e.to_string())?;
    Ok((app, addr))
}

/// The secret code teams join table `number` with, as the host drew it.
pub fn join_code(host: &App, number: u32) -> String {
    class_host(host)
        .host
        .join_code(number)
        .expect("a table of the class")
        .to_string()
}

pub fn class_host(app: &App) -> &ClassHost {
    app.world().resource::<ClassHost>()
}

pub fn bot(app: &App) -> &BotState {
    Bot::state(app.world())
}

/// The game at table `number` as the host holds it.
pub fn game(host: &App, number: u32) -> Result<GameState, String> {
    class_host(host)
        .host
        .game(number)
        .cloned()
        .ok_or_else(|| format!("the host has no table {number}"))
}

/// Updates the host, then every laptop, until `done`; an error naming `what` (and what the laptops last knew) if it
/// takes more than [`MAX_UPDATES`]. Returns the updates it took.
pub fn pump(
    host: &mut App,
    laptops: &mut [&mut App],
    what: &str,
    mut done: impl FnMut(&App, &[&mut App]) -> bool,
) -> Result<usize, String> {
    for update in 1..=MAX_UPDATES {
        host.update();
        for laptop in laptops.iter_mut() {
            laptop.update();
        }
        if done(host, laptops) {
            return Ok(update);
        }
        thread::sleep(Duration::from_millis(1));
    }
    let last: Vec<String> = laptops
        .iter()
        .filter_map(|laptop| laptop.world().get_resource::<BotState>())
        .map(|bot| {
            format!(
                "{:?}: view at {:?} moves, {} sent, refusals {:?}, finished {}",
                bot.side,
                bot.view.as_ref().map(|v| v.state.moves.len()),
                bot.moves_sent.len(),
                bot.refusals,
                bot.finished.is_some()
            )
        })
        .collect();
    Err(format!(
        "{what}: not seen within {MAX_UPDATES} updates; the laptops: {last:?}"
    ))
}

/// A connect token for `code`, fetched from the host at `addr` as a laptop does (on a thread), while the host app
/// is updated so its guard can answer. An error when no token came.
pub fn fetch_token(host: &mut App, addr: SocketAddr, code: &str) -> Result<renetcode::ConnectToken, String> {
    let code = code.to_string();
    let fetching = thread::spawn(move || {
        tradetable::net::join_token::fetch_token(addr, &code, tradetable::net::transport::PROTOCOL_ID)
    });
    for _ in 0..MAX_UPDATES {
        if fetching.is_finished() {
            return fetching
                .join()
                .map_err(|_| "the fetching thread panicked".to_string())?
                .map_err(|e| e.to_string());
        }
        host.update();
        thread::sleep(Duration::from_millis(1));
    }
    Err("no connect token within the updates allowed".to_string())
}
