//! `tradetable play`: opens the game straight at the table (or, with `--autoplay`, plays the watch mode to the
//! end through every screen and saves screenshots); with `--join ADDRESS --code CODE`, at a table of a class hosted
//! over the network. Needs the `gui` feature.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::game::i18n::Language;
use crate::game::session::{GameSetup, Mode, ScenarioSource};
use crate::game::{LaunchOptions, NetJoin, run as run_game};
use tradetable_core::ai::Opponent;
use tradetable_core::{PerSide, Side};

/// Options of `play`.
#[derive(Debug, Args, Default)]
pub struct PlayArgs {
    /// Scenario file (default: the built-in spring-2025 scenario).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Who plays: us, partner, hotseat (two teams on one screen) or watch (AI vs AI). Default: us; watch with
    /// --autoplay.
    #[arg(long, value_parser = Mode::parse)]
    pub side: Option<Mode>,
    /// Seed of the random events.
    #[arg(long)]
    pub seed: Option<u64>,
    /// The AI opponent (both AIs when watching): easy, normal or hard, a personality id of the scenario, or a
    /// strategy (hardliner, boulware, linear, conceder, tit_for_tat, modelling).
    #[arg(long, value_parser = Opponent::parse_name)]
    pub opponent: Option<Opponent>,
    /// Play through every screen at full speed, then exit 0 (for tests and headless checks).
    #[arg(long)]
    pub autoplay: bool,
    /// With --autoplay: save a PNG of every screen passed into this directory.
    #[arg(long, requires = "autoplay")]
    pub screenshot_dir: Option<PathBuf>,
    /// UI scale (1 for a laptop, 1.5 or more for a projector).
    #[arg(long)]
    pub ui_scale: Option<f32>,
    /// The window's size, WIDTHxHEIGHT (default 1280x720; at least 800x500), e.g. for screenshots at 1920x1080.
    #[arg(long, value_parser = parse_window_size)]
    pub window_size: Option<(u32, u32)>,
    /// Start in borderless full screen.
    #[arg(long)]
    pub fullscreen: bool,
    /// The UI's language: en (English) or ja (Japanese). Default: the one chosen in the settings, at first the
    /// system's; English with --autoplay.
    #[arg(long, value_parser = Language::parse)]
    pub lang: Option<Language>,
    /// Another folder of scenario files for the title's picker (repeat for more), after the shipped scenarios, the
    /// working folder's `scenarios/` and your own scenario folder.
    #[arg(long = "scenario-dir")]
    pub scenario_dirs: Vec<PathBuf>,
    /// Join a table of a class hosted over the network (`tradetable host`): the host's address, `IP:port` or an IP
    /// on the default port. With --code; --side us or partner asks for a side.
    #[arg(long, requires = "code")]
    pub join: Option<String>,
    /// With --join: the table's join code, as the teacher's console shows it.
    #[arg(long, requires = "join")]
    pub code: Option<String>,
}

/// The launch options `args` describe; `straight_to_table` is false for the bare `tradetable` (the title). With
/// `--join`, the game opens on the join screen instead, joining at once.
pub fn launch_options(args: &PlayArgs, straight_to_table: bool) -> LaunchOptions {
    let join = match (&args.join, &args.code) {
        (Some(address), Some(code)) => Some(NetJoin {
            address: address.clone(),
            code: code.clone(),
            side: match args.side {
                Some(Mode::PlayUs) => Some(Side::Us),
                Some(Mode::PlayPartner) => Some(Side::Partner),
                _ => None,
            },
        }),
        _ => None,
    };
    let straight_to_table = straight_to_table && join.is_none();
    let defaults = GameSetup::default();
    let mode = args
        .side
        .unwrap_or(if args.autoplay { Mode::Watch } else { Mode::PlayUs });
    let ai = match &args.opponent {
        Some(o) => PerSide::new(o.clone(), o.clone()),
        None => defaults.ai,
    };
    LaunchOptions {
        straight_to_table,
        setup: GameSetup {
            source: match &args.scenario {
                None => ScenarioSource::Builtin,
                // A shipped scenario may be named instead of a file.
                Some(path) if !path.exists() => {
                    match path.to_str().and_then(tradetable_core::scenario::library::shipped) {
                        Some(shipped) if shipped.file == tradetable_core::scenario::library::SHIPPED[0].file => {
                            ScenarioSource::Builtin
                        }
                        Some(shipped) => ScenarioSource::Shipped(shipped.name().to_string()),
                        None => ScenarioSource::File(path.clone()),
                    }
                }
                Some(path) => ScenarioSource::File(path.clone()),
            },
            mode,
            ai,
            seed: args.seed.unwrap_or(defaults.seed),
        },
        autoplay: args.autoplay,
        screenshot_dir: args.screenshot_dir.clone(),
        ui_scale: args.ui_scale,
        window_size: args.window_size,
        fullscreen: args.fullscreen,
        language: args.lang,
        scenario_dirs: crate::places::scenario_folders()
            .into_iter()
            .chain(args.scenario_dirs.iter().cloned())
            .collect(),
        join,
        ..LaunchOptions::title()
    }
}

/// Runs the game, after checking that the scenario loads and that a personality asked for exists and plays the
/// side it is given (an unknown name is refused, not replaced).
pub fn run(args: &PlayArgs, straight_to_table: bool) -> ExitCode {
    if args.join.is_some() && matches!(args.side, Some(Mode::Hotseat | Mode::Watch)) {
        eprintln!("error: with --join, --side is us or partner (the side your team plays at the networked table)");
        return ExitCode::FAILURE;
    }
    let options = launch_options(args, straight_to_table);
    if args.opponent.is_some()
        && let Err(message) = check_opponents(&options.setup)
    {
        eprintln!("{message}");
        return ExitCode::FAILURE;
    }
    run_game(options)
}

/// Every AI seat of `setup` can be built from its scenario.
fn check_opponents(setup: &GameSetup) -> Result<(), String> {
    let scenario = setup.source.load().map_err(|e| e.to_string())?;
    for side in tradetable_core::Side::BOTH {
        if !setup.mode.is_human(side) {
            setup.ai[side].check(&scenario, side).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// A window size as `WIDTHxHEIGHT` (an `×` also reads), no smaller than the window may be made.
pub fn parse_window_size(text: &str) -> Result<(u32, u32), String> {
    let (width, height) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, e.g. 1920x1080, not {text:?}"))?;
    let number = |part: &str| {
        part.trim()
            .parse::<u32>()
            .map_err(|_| format!("expected WIDTHxHEIGHT, e.g. 1920x1080, not {text:?}"))
    };
    let size = (number(width)?, number(height)?);
    if size.0 < 800 || size.1 < 500 || size.0 > 16_384 || size.1 > 16_384 {
        return Err(format!(
            "a window of {}x{} cannot be opened: at least 800x500",
            size.0, size.1
        ));
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::parse_window_size;

    #[test]
    fn a_window_size_reads_as_width_by_height_and_no_smaller_than_the_window_may_be() {
        assert_eq!(parse_window_size("1920x1080"), Ok((1920, 1080)));
        assert_eq!(parse_window_size("1280×720"), Ok((1280, 720)));
        assert!(parse_window_size("640x480").is_err());
        assert!(parse_window_size("1920").is_err());
        assert!(parse_window_size("wide x tall").is_err());
    }
}
