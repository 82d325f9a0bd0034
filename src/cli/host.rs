//! `tradetable host`: hosts a class over the network. Teams join its tables from their own laptops
//! (`tradetable play --join ADDRESS --code CODE`); the host owns every game and applies every move. With
//! `--headless` it runs without a window, logs to the terminal and exits once every table is over; without, the
//! game opens on the teacher's console (`game::run_console`).

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use bevy::app::AppExit;
use bevy::prelude::*;
use clap::Args;

use crate::cli::error::CliError;
use crate::net::class_host::{self, ClassHost};
// Where a class is hosted and what teams need to join it: the console shows them too, so they live with the class
// host.
use crate::clock::now;
pub use crate::net::class_host::{DEFAULT_PORT, joining_instructions, lan_address, limits_for};
use crate::net::transport;
use tradetable_core::PerSide;
use tradetable_core::classroom::class::{ClassFile, ClassSeat};
use tradetable_core::network::host::HostOptions;

/// Options of `host`.
#[derive(Debug, Args, Clone)]
pub struct HostArgs {
    /// The class file (`tradetable class new`); without one, a class of `--tables` tables of two teams each is
    /// made on the spot.
    #[arg(long)]
    pub class: Option<PathBuf>,
    /// Scenario file or shipped name (default: the class's scenario, found among the shipped ones and the scenario
    /// folders, or the default).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Tables of the class made on the spot when no `--class` is given.
    #[arg(long, default_value_t = 2)]
    pub tables: u32,
    /// The UDP port teams connect to; open it in the host's firewall.
    #[arg(long, default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// The address to listen on (default: every network of this machine).
    #[arg(long, default_value = "0.0.0.0")]
    pub bind: IpAddr,
    /// Seconds a team has for its turn before it passes by default (default: no timer).
    #[arg(long)]
    pub turn_seconds: Option<u64>,
    /// The folder finished games are written to (default: `results` beside the class file, or `class-results`).
    #[arg(long)]
    pub results: Option<PathBuf>,
    /// Seconds a computer seat waits after a table's last move before it makes its own, so the team across the
    /// table sees each of its moves arrive (0: at once).
    #[arg(long, default_value_t = 1.0)]
    pub computer_pace: f64,
    /// Connections one network address may hold at once (default 4). To rehearse with `tradetable bots` run on
    /// another machine of the network, raise it to twice the tables that machine fills.
    #[arg(long)]
    pub laptops_per_address: Option<usize>,
    /// No window: log to the terminal, and exit once every table is over.
    #[arg(long)]
    pub headless: bool,
    /// The console plays a class by itself (laptops of the computer join some tables, the teacher's controls are
    /// pressed), ends it, debriefs it and exits 0: for tests and headless checks. Not with --headless.
    #[arg(long, conflicts_with = "headless")]
    pub autoplay: bool,
    /// With --autoplay: save a PNG of the console and the debrief into this directory.
    #[arg(long, requires = "autoplay")]
    pub screenshot_dir: Option<PathBuf>,
}

/// The class a host serves, its scenario, and where its results go, from `args`.
pub fn prepare(args: &HostArgs) -> Result<(ClassHost, SocketAddr), CliError> {
    let (class, scenario) = match &args.class {
        Some(path) => {
            let class = crate::storage::read_class_file(path)?;
            let scenario = crate::cli::scenario_of(args.scenario.as_ref(), &class.scenario, path)?;
            (class, scenario)
        }
        None => {
            let scenario = crate::cli::load_scenario(args.scenario.as_ref())?;
            let seats = PerSide::new(ClassSeat::People, ClassSeat::People);
            (
                ClassFile::new(&scenario, args.tables, 2025, seats, &[], now())?,
                scenario,
            )
        }
    };
    let results = args.results.clone().unwrap_or_else(|| match &args.class {
        Some(path) => path.parent().unwrap_or(Path::new(".")).join("results"),
        None => PathBuf::from("class-results"),
    });
    if !(0.0..=600.0).contains(&args.computer_pace) {
        return Err(CliError::ComputerPace(args.computer_pace));
    }
    let options = HostOptions {
        turn_seconds: args.turn_seconds,
        computer_pace_ms: (args.computer_pace * 1000.0).round() as u64,
        ..HostOptions::default()
    };
    let mut host = ClassHost::new(Arc::new(scenario), class, options, results)?;
    host.laptops_per_address = args.laptops_per_address;
    Ok((host, SocketAddr::new(args.bind, args.port)))
}

/// Hosts the class.
pub fn run(args: &HostArgs) -> ExitCode {
    let (class, addr) = match prepare(args) {
        Ok(prepared) => prepared,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    if !args.headless {
        return crate::game::run_console(class, addr, console_options(args));
    }
    let mut app = headless_app(class);
    match class_host::open(app.world_mut(), addr) {
        Ok(bound) => print!("{}", joining_instructions(app.world().resource::<ClassHost>(), bound)),
        Err(error) => {
            eprintln!("error: cannot open port {}: {error}", addr.port());
            return ExitCode::FAILURE;
        }
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(_) => ExitCode::FAILURE,
    }
}

/// The console's launch options: the scenario given (so the debrief finds it), autoplay and its screenshots.
fn console_options(args: &HostArgs) -> crate::game::LaunchOptions {
    let play = crate::cli::play::PlayArgs {
        scenario: args.scenario.clone(),
        autoplay: args.autoplay,
        screenshot_dir: args.screenshot_dir.clone(),
        ..Default::default()
    };
    crate::game::LaunchOptions {
        console: true,
        ..crate::cli::play::launch_options(&play, false)
    }
}

/// A windowless host app for `class`: the transport, the class, a summary line every few seconds and an exit once
/// every table is over.
pub fn headless_app(class: ClassHost) -> App {
    let limits = limits_for(&class);
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.set(bevy::app::ScheduleRunnerPlugin::run_loop(
            transport::HEADLESS_UPDATE_INTERVAL,
        )),
        bevy::state::app::StatesPlugin,
        bevy::log::LogPlugin {
            filter: format!("{},{}", bevy::log::DEFAULT_FILTER, crate::net::guard::QUIET_NETCODE_LOG),
            ..default()
        },
        transport::server_plugin,
        class_host::plugin,
        crate::net::host_report::plugin,
    ))
    .insert_resource(class)
    .insert_resource(limits)
    .add_systems(Last, exit_when_done);
    app.finish();
    app.cleanup();
    app
}

/// How long the headless host stays up once the class is done, so that the last messages (a finished game with its
/// scenario is larger than one network tick carries) reach the laptops.
const LINGER: std::time::Duration = std::time::Duration::from_secs(3);

fn exit_when_done(
    class: Res<ClassHost>,
    mut exit: MessageWriter<AppExit>,
    mut done_at: Local<Option<std::time::Instant>>,
) {
    if (class.host.all_over() && class.written.len() >= class.class.tables.len()) || class.ended {
        if done_at.is_none() {
            *done_at = Some(std::time::Instant::now());
            println!("{}", crate::net::host_report::ClassSummary::of(&class));
            println!(
                "Every table is over; {} result(s) in {}. Debrief with: tradetable debrief {} --out debrief.html",
                class.written.len(),
                class.results.display(),
                class.results.display()
            );
        }
        if done_at.is_some_and(|at| at.elapsed() >= LINGER) {
            exit.write(AppExit::Success);
        }
    }
}
