//! How the game was started: the launch options the command line sets (at the title or straight at the table, a
//! networked table to join, the teacher's console, autoplay and its screenshots, the data folder).

use std::path::PathBuf;
use std::time::Instant;

use bevy::prelude::*;

use super::i18n::Language;
use super::saves;
use super::session::setup::GameSetup;
use tradetable_core::Side;

/// How the game was started: at the title, or straight at the table; with autoplay for tests and screenshots.
#[derive(Resource, Debug, Clone)]
pub struct LaunchOptions {
    /// When the process started, to measure the time to the title screen.
    pub launched: Instant,
    /// Go straight to the table with this setup (the `play` subcommand) instead of the title.
    pub straight_to_table: bool,
    /// The setup of the first game (scenario, side, opponent, seed).
    pub setup: GameSetup,
    /// Play the watch mode to the end at full speed, then exit.
    pub autoplay: bool,
    /// Where autoplay saves a PNG of every screen it passes.
    pub screenshot_dir: Option<PathBuf>,
    /// UI scale to start with (overrides the saved settings).
    pub ui_scale: Option<f32>,
    /// The window's size in logical pixels, width and height (default 1280×720).
    pub window_size: Option<(u32, u32)>,
    /// Start in borderless full screen.
    pub fullscreen: bool,
    /// The UI's language (`--lang`; overrides the saved settings, and autoplay's English).
    pub language: Option<Language>,
    /// Where saves and settings live.
    pub data_dir: PathBuf,
    /// The folders of scenario files the title lists, after the shipped scenarios: the working folder's
    /// `scenarios/`, the user's own folder in the data directory, and any `--scenario-dir`.
    pub scenario_dirs: Vec<PathBuf>,
    /// A networked table to join at once (`play --join`): the join screen opens filled in and joins.
    pub join: Option<NetJoin>,
    /// Open on the teacher's console of a hosted class (`tradetable host`).
    pub console: bool,
}

/// A networked table to join at launch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetJoin {
    /// The host's address as typed (`IP:port`, or an IP on the default port).
    pub address: String,
    /// The table code.
    pub code: String,
    /// The side asked for, or any free one.
    pub side: Option<Side>,
}

impl LaunchOptions {
    /// Options for opening the title screen with the default setup.
    pub fn title() -> LaunchOptions {
        LaunchOptions {
            launched: Instant::now(),
            straight_to_table: false,
            setup: GameSetup::default(),
            autoplay: false,
            screenshot_dir: None,
            ui_scale: None,
            window_size: None,
            fullscreen: false,
            language: None,
            scenario_dirs: crate::places::scenario_folders(),
            data_dir: saves::default_data_dir(),
            join: None,
            console: false,
        }
    }
}
