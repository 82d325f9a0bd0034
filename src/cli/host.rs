//! `tradetable host`: hosts a class over the network. Teams join its tables from their own laptops
//! (`tradetable play --join ADDRESS --code CODE`); the host owns every game and applies every move. With
//! `--headless` it runs without a window, logs to the terminal and exits once every table is over; without, the
//! game opens on the teacher's console.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use bevy::app::AppExit;
use bevy::prelude::*;
use clap::Args;

use crate::net::class_host::{self, ClassHost};
use crate::net::transport;
use crate::sim::PerSide;
use crate::sim::class::{ClassFile, ClassSeat};
use crate::sim::host::HostOptions;
use crate::sim::record::now;

/// The port a class is hosted on unless `--port` says otherwise.
pub const DEFAULT_PORT: u16 = 7878;

/// Options of `host`.
#[derive(Debug, Args, Clone)]
pub struct HostArgs {
    /// The class file (`tradetable class new`); without one, a class of `--tables` tables of two teams each is
    /// made on the spot.
    #[arg(long)]
    pub class: Option<PathBuf>,
    /// Scenario file or shipped name (default: the class's scenario, found among the shipped ones, or the default).
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
    /// No window: log to the terminal, and exit once every table is over.
    #[arg(long)]
    pub headless: bool,
}

/// The class a host serves, its scenario, and where its results go, from `args`.
pub fn prepare(args: &HostArgs) -> Result<(ClassHost, SocketAddr), String> {
    let (class, scenario) = match &args.class {
        Some(path) => {
            let class = ClassFile::read(path)?;
            let scenario = match &args.scenario {
                Some(path) => crate::cli::load_scenario(Some(path)).map_err(|e| e.to_string())?,
                None => crate::sim::library::SHIPPED
                    .iter()
                    .filter_map(|s| s.load().ok())
                    .find(|s| class.scenario.matches(s))
                    .ok_or_else(|| {
                        format!(
                            "{}: the class's scenario \"{}\" is not a shipped one; give its file with --scenario",
                            path.display(),
                            class.scenario.id
                        )
                    })?,
            };
            (class, scenario)
        }
        None => {
            let scenario = crate::cli::load_scenario(args.scenario.as_ref()).map_err(|e| e.to_string())?;
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
    std::fs::create_dir_all(&results).map_err(|e| format!("{}: cannot create the folder: {e}", results.display()))?;
    let options = HostOptions {
        turn_seconds: args.turn_seconds,
    };
    let host = ClassHost::new(Arc::new(scenario), class, options, results)?;
    Ok((host, SocketAddr::new(args.bind, args.port)))
}

/// This machine's address on its network, as teams type it: the one the system would route out of (nothing is sent).
pub fn lan_address() -> IpAddr {
    UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|socket| {
            socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
            socket.local_addr()
        })
        .map(|addr| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

/// What teams need to join: the address and every table's code.
pub fn joining_instructions(class: &ClassHost, bound: SocketAddr) -> String {
    let address = SocketAddr::new(
        if bound.ip().is_unspecified() {
            lan_address()
        } else {
            bound.ip()
        },
        bound.port(),
    );
    let mut text = format!(
        "Hosting \"{}\" for {} table(s) at {address}\nTeams join with: tradetable play --join {address} --code CODE \
         (or \"Join a networked table\" on the title screen)\n",
        class.host.scenario().title,
        class.class.tables.len()
    );
    for table in &class.class.tables {
        text.push_str(&format!("  table {:>2}: {}\n", table.number, table.code));
    }
    text.push_str(&format!("Finished games are written to {}\n", class.results.display()));
    text
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
        eprintln!("error: the teacher's console is not in this build yet; run the host with --headless");
        return ExitCode::FAILURE;
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

/// Connections a class needs at most: two teams a table, and room for laptops coming back before their old
/// connection has timed out.
pub fn limits_for(class: &ClassHost) -> transport::TransportLimits {
    transport::TransportLimits {
        max_peers: 2 * class.class.tables.len() + 8,
        ..default()
    }
}

/// A windowless host app for `class`: the transport, the class and an exit once every table is over.
pub fn headless_app(class: ClassHost) -> App {
    let limits = limits_for(&class);
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.set(bevy::app::ScheduleRunnerPlugin::run_loop(
            transport::HEADLESS_UPDATE_INTERVAL,
        )),
        bevy::state::app::StatesPlugin,
        bevy::log::LogPlugin::default(),
        transport::server_plugin,
        class_host::plugin,
    ))
    .insert_resource(class)
    .insert_resource(limits)
    .add_systems(Last, exit_when_done);
    app.finish();
    app.cleanup();
    app
}

fn exit_when_done(class: Res<ClassHost>, mut exit: MessageWriter<AppExit>, mut said: Local<bool>) {
    if (class.host.all_over() && class.written.len() >= class.class.tables.len()) || class.ended {
        if !*said {
            *said = true;
            println!(
                "Every table is over; {} result(s) in {}. Debrief with: tradetable debrief {} --out debrief.html",
                class.written.len(),
                class.results.display(),
                class.results.display()
            );
        }
        exit.write(AppExit::Success);
    }
}
