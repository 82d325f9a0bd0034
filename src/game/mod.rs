//! The Bevy desktop game: screens, panels and charts around the simulation core. It keeps the core's state in a
//! `Resource`, turns the player's choices into the core's moves, and never computes economics itself.
//!
//! `plugin` composes the feature plugins; each registers its logic (which runs without a window, so the tests use
//! `MinimalPlugins`) and its egui drawing (in `EguiPrimaryContextPass`, which only runs once `run` has added the
//! window, the renderer and `EguiPlugin`).

#[cfg(feature = "dev")]
pub mod autoplay;
pub mod flags;
pub mod focus;
pub mod fonts;
pub mod glossary;
pub mod hot_reload;
pub mod i18n;
pub mod icons;
pub mod identity;
pub mod keys;
pub mod launch;
pub mod menus;
pub mod navigation;
pub mod panels;
pub mod perf;
pub mod redraw;
pub mod remote;
pub mod save_status;
pub mod saves;
pub mod screens;
pub mod session;
pub mod settings;
pub mod sound;
pub mod testing;
pub mod theme;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use bevy::prelude::*;
use bevy::window::{MonitorSelection, WindowMode, WindowResizeConstraints, WindowResolution};
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::EguiPlugin;

pub use launch::{LaunchOptions, NetJoin};

use crate::net::class_host::{self, ClassHost};
use crate::net::{class_client, transport};

/// The whole game, minus the window and the renderer. Needs a [`LaunchOptions`] resource.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        theme::plugin,
        i18n::plugin,
        navigation::plugin,
        hot_reload::plugin,
        screens::plugin,
        menus::plugin,
        session::plugin,
        save_status::plugin,
        settings::plugin,
        perf::plugin,
        redraw::plugin,
        remote::plugin,
        panels::event_cards::plugin,
        focus::plugin,
    ))
    .add_plugins((fonts::plugin, sound::plugin));
    #[cfg(feature = "dev")]
    app.add_plugins(autoplay::plugin);
}

/// Opens the window and runs the game until it is closed; the exit code is the app's. The game can join networked
/// tables.
pub fn run(options: LaunchOptions) -> ExitCode {
    if let Some(problem) = no_display().or_else(|| no_autoplay(&options)) {
        eprintln!("tradetable: {problem}");
        return ExitCode::FAILURE;
    }
    let mut app = window_app(options, "TradeTable — at the trade table with the United States");
    app.add_plugins(class_client::plugin);
    exit_code(app.run())
}

/// Opens the teacher's console of a hosted class: the game's window hosting the class on `addr` (opened at startup;
/// a port that cannot be opened shows on the console), with every table live. Runs until the window is closed.
pub fn run_console(class: ClassHost, addr: SocketAddr, options: LaunchOptions) -> ExitCode {
    if let Some(problem) = no_display().or_else(|| no_autoplay(&options)) {
        eprintln!("tradetable: {problem}");
        return ExitCode::FAILURE;
    }
    let title = format!("TradeTable — teacher's console: {}", class.host.scenario().title);
    let mut app = window_app(
        LaunchOptions {
            console: true,
            ..options
        },
        &title,
    );
    hosting(&mut app, class, addr);
    exit_code(app.run())
}

/// Makes `app` the host of `class`: the transport's host half, the class host, the limits for its tables, and the
/// server opened on `addr` at startup.
pub fn hosting(app: &mut App, class: ClassHost, addr: SocketAddr) {
    let limits = crate::net::class_host::limits_for(&class);
    app.add_plugins((transport::server_plugin, class_host::plugin))
        .insert_resource(limits)
        .insert_resource(class)
        .insert_resource(screens::console::ConsoleAddress(addr))
        .add_systems(Startup, screens::console::open_server);
}

fn exit_code(exit: AppExit) -> ExitCode {
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// How often the teacher's console updates, focused or not: the class's laptops wait at most this long for an answer.
const CONSOLE_TICK: Duration = Duration::from_millis(33);

/// The game's window, renderer and egui around [`plugin`].
fn window_app(options: LaunchOptions, title: &str) -> App {
    let mode = if options.fullscreen {
        WindowMode::BorderlessFullscreen(MonitorSelection::Current)
    } else {
        WindowMode::Windowed
    };
    let (width, height) = options.window_size.unwrap_or((1280, 720));
    let window = Window {
        title: title.to_string(),
        resolution: WindowResolution::new(width, height),
        resize_constraints: WindowResizeConstraints {
            min_width: 800.0,
            min_height: 500.0,
            ..default()
        },
        mode,
        ..default()
    };
    // A desktop game: it updates on input and sleeps otherwise, so an idle table costs next to nothing; what moves on
    // its own (the AI, the watch clock, a replay, a networked table) asks for a steady tick while it does
    // (`redraw`). Autoplay runs flat out.
    let winit = if options.autoplay {
        WinitSettings::continuous()
    } else if options.console {
        // The console hosts the class, and the host's transport is read in the app's update: it keeps a steady tick,
        // in front or in the background (the teacher often shows another window on the projector), so the laptops'
        // moves are answered within a frame whatever the teacher does.
        WinitSettings {
            focused_mode: UpdateMode::reactive(CONSOLE_TICK),
            unfocused_mode: UpdateMode::reactive(CONSOLE_TICK),
        }
    } else {
        WinitSettings::desktop_app()
    };
    let silent = options.autoplay;
    let mut plugins = DefaultPlugins
        .set(WindowPlugin {
            primary_window: Some(window),
            // Closing the window quits through the session, which saves the game and asks first if it cannot.
            close_when_requested: false,
            ..default()
        })
        .set(bevy::log::LogPlugin {
            filter: format!("{},{}", bevy::log::DEFAULT_FILTER, crate::net::guard::QUIET_NETCODE_LOG),
            ..default()
        });
    if silent {
        // Autoplay (the screenshots, CI) makes no sound and opens no audio device.
        plugins = plugins.disable::<bevy::audio::AudioPlugin>();
    }
    let mut app = App::new();
    app.insert_resource(redraw::IdleUpdates(winit.clone()))
        .insert_resource(winit)
        .insert_resource(ClearColor(theme::CLEAR))
        .add_plugins(plugins)
        .add_plugins(EguiPlugin::default())
        .insert_resource(options)
        .add_plugins(plugin)
        .add_systems(Update, save_status::quit_when_the_window_closes)
        .add_systems(Startup, spawn_camera);
    app
}

/// On Linux and the BSDs, a window needs an X11 (or XWayland) display: say so instead of panicking in winit.
fn no_display() -> Option<String> {
    if cfg!(all(unix, not(target_os = "macos"))) && std::env::var_os("DISPLAY").is_none() {
        let wayland = std::env::var_os("WAYLAND_DISPLAY").is_some();
        return Some(if wayland {
            "DISPLAY is not set: the game needs X11 (XWayland on a Wayland desktop).".to_string()
        } else {
            "no display (DISPLAY is not set): run the game in a desktop session, or under xvfb-run to check it \
             without a screen; `tradetable simulate` plays in the terminal."
                .to_string()
        });
    }
    None
}

/// Autoplay asked of a game built without it (without the `dev` feature).
fn no_autoplay(options: &LaunchOptions) -> Option<String> {
    (options.autoplay && !cfg!(feature = "dev"))
        .then(|| "--autoplay needs a build with the `dev` feature (on by default).".to_string())
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}
