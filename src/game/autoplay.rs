//! Autoplay (`play --autoplay --screenshot-dir DIR`): walks the title and setup screens, plays the game to the end
//! at full speed — the AIs in watch mode; in other modes the adviser plays each human seat through the same
//! player moves a person would make, passing the hotseat handover — saves a PNG of every screen it passes, at
//! scale 1 and 1.5, and exits 0. For tests, and for checking the game on a machine without a screen. Networked
//! play has scripts of its own (`network`): the teacher's console with laptops of the computer, and a joined laptop.

mod laptops;
mod network;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::LaunchOptions;
use super::hot_reload::ScenarioEdit;
use super::menus::Menu;
use super::navigation::Navigate;
use super::perf::PerfLog;
use super::save_status::SaveStatus;
use super::screens::Screen;
use super::screens::debrief::{DebriefAction, DebriefView};
use super::screens::join::JoinAction;
use super::session::{AiPace, GameCommand, Mode, PlayerMove, ScenarioSource, Session, WatchClock};
use super::settings::Settings;
use tradetable_core::PerSide;
use tradetable_core::ai::Opponent;
use tradetable_core::classroom::class::{ClassFile, ClassSeat};

/// One step of the script.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Wait until this screen shows.
    Reach(Screen),
    /// Save a screenshot under this name.
    Shot(&'static str),
    /// Send a command.
    Command(GameCommand),
    /// Change the UI scale.
    Scale(f32),
    /// Open or close an overlay.
    Overlay(Menu),
    /// Play until this round (or the end).
    PlayTo(u32),
    /// Open the about-the-model view from the screen shown.
    About,
    /// Go to a screen.
    Go(Screen),
    /// Type the first table code of a class on the scenario into the join screen.
    TypeTableCode,
    /// Rehearse a class of 60 tables into the data folder (with a duplicate and a damaged file) and open its debrief.
    RehearseDebrief,
    /// Wait until the debrief is worked out.
    AwaitDebrief,
    /// Break the scenario file being played (a copy inside the screenshot folder), for the shot of the error.
    BreakScenarioFile,
    /// Wait until the table shows the broken edit's error.
    AwaitEditError,
    /// Put the scenario file back as it was.
    RestoreScenarioFile,
    /// Sit still at the table and sample frame times.
    Idle(u32),
    /// Show the table as it is when saves fail (the banner, and the pause menu's question before quitting), or
    /// clear that. Autoplay never writes the game, so the failure is only shown, for the screenshot.
    ShowSaveFailure(bool),
    /// Exit with success.
    Exit,
    /// Exit with an error (after a file failed to load).
    Fail,
}

/// The autoplay driver.
#[derive(Resource, Debug)]
pub struct Autoplay {
    steps: Vec<Step>,
    next: usize,
    settle: u32,
    waiting_for: Option<PathBuf>,
    frames: u32,
    handover_shot: bool,
    dir: Option<PathBuf>,
    /// The scenario file's text while autoplay has broken it.
    original: Option<String>,
}

/// Saved screenshots, counted by the capture observer.
#[derive(Resource, Debug, Default)]
pub struct SavedShots(pub Vec<PathBuf>);

/// Frames to let egui lay a screen out before a screenshot.
const SETTLE_FRAMES: u32 = 8;
/// Give up after this many frames.
const FRAME_LIMIT: u32 = 20_000;

impl Autoplay {
    fn new(rounds: u32, dir: Option<PathBuf>) -> Autoplay {
        let mid = rounds.div_ceil(2).max(2);
        let late = rounds.saturating_sub(2).max(mid + 1);
        let steps = vec![
            Step::Reach(Screen::Title),
            Step::Shot("01-title"),
            Step::Command(GameCommand::OpenSetup),
            Step::Reach(Screen::Setup),
            Step::Shot("02-setup"),
            Step::Command(GameCommand::Start),
            Step::PlayTo(1),
            Step::Shot("03-table-round-1"),
            Step::PlayTo(mid),
            Step::Shot("04-table-mid"),
            Step::Idle(120),
            Step::Scale(1.5),
            Step::Shot("05-table-mid-scale-1.5"),
            Step::Overlay(Menu::Pause),
            Step::Shot("06-menu-scale-1.5"),
            Step::Overlay(Menu::None),
            Step::Scale(1.0),
            Step::PlayTo(late),
            Step::Shot("07-table-late"),
            Step::ShowSaveFailure(true),
            Step::Shot("07b-save-failed"),
            Step::Overlay(Menu::Pause),
            Step::Shot("07c-save-failed-quit"),
            Step::Scale(1.75),
            Step::Shot("07d-save-failed-quit-scale-1.75"),
            Step::Scale(1.0),
            Step::ShowSaveFailure(false),
            Step::Overlay(Menu::None),
            Step::PlayTo(u32::MAX),
            Step::Reach(Screen::Results),
            Step::Shot("08-results"),
            Step::Scale(1.5),
            Step::Shot("09-results-scale-1.5"),
            Step::Scale(1.0),
            Step::About,
            Step::Reach(Screen::About),
            Step::Shot("10-about"),
            Step::Command(GameCommand::SaveAs("Autoplay game".to_string())),
            Step::Command(GameCommand::ReplayCurrent),
            Step::Reach(Screen::Replay),
            Step::Shot("11-replay"),
            Step::Go(Screen::Saves),
            Step::Reach(Screen::Saves),
            Step::Shot("12-saves"),
            Step::Go(Screen::Join),
            Step::Reach(Screen::Join),
            Step::TypeTableCode,
            Step::Shot("13-join"),
            Step::Go(Screen::Debrief),
            Step::Reach(Screen::Debrief),
            Step::RehearseDebrief,
            Step::AwaitDebrief,
            Step::Shot("14-debrief"),
            Step::Exit,
        ];
        Autoplay {
            steps,
            next: 0,
            settle: 0,
            waiting_for: None,
            frames: 0,
            handover_shot: false,
            dir,
            original: None,
        }
    }
}

/// Autoplay, when the launch options ask for it.
pub fn plugin(app: &mut App) {
    app.init_resource::<SavedShots>()
        .add_plugins(network::plugin)
        .add_systems(Startup, start_autoplay)
        .add_systems(Update, run_autoplay.run_if(resource_exists::<Autoplay>));
}

fn start_autoplay(options: Res<LaunchOptions>, mut commands: Commands) {
    if !options.autoplay || options.console || options.join.is_some() {
        return;
    }
    let rounds = options.setup.source.load().map(|s| s.rounds).unwrap_or(8);
    if let Some(dir) = &options.screenshot_dir
        && let Err(error) = std::fs::create_dir_all(dir)
    {
        error!("cannot create {}: {error}", dir.display());
    }
    let mut autoplay = Autoplay::new(rounds, options.screenshot_dir.clone());
    // A scenario file copied into the screenshot folder is the autoplay's own: it may be broken and put back, for a
    // shot of what the table shows after a broken edit. A file anywhere else is never touched.
    if let (ScenarioSource::File(file), Some(dir)) = (&options.setup.source, &options.screenshot_dir)
        && file.starts_with(dir)
        && let Some(at) = autoplay.steps.iter().position(|s| *s == Step::Shot("03-table-round-1"))
    {
        autoplay.steps.splice(
            at + 1..at + 1,
            [
                Step::BreakScenarioFile,
                Step::AwaitEditError,
                Step::Shot("03b-broken-edit"),
                Step::RestoreScenarioFile,
            ],
        );
    }
    commands.insert_resource(autoplay);
    // Full speed: the AI opponent does not pause between moves.
    commands.insert_resource(AiPace { seconds_per_move: 0.0 });
}

#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn run_autoplay(
    mut auto: ResMut<Autoplay>,
    screen: Res<State<Screen>>,
    mut navigate: MessageWriter<Navigate>,
    (mut join, mut debrief, debrief_view, scenario_edit, mut save_status): (
        MessageWriter<JoinAction>,
        MessageWriter<DebriefAction>,
        Res<DebriefView>,
        Res<ScenarioEdit>,
        ResMut<SaveStatus>,
    ),
    options: Res<LaunchOptions>,
    session: Option<Res<Session>>,
    mut watch: ResMut<WatchClock>,
    mut settings: ResMut<Settings>,
    mut game_commands: MessageWriter<GameCommand>,
    mut moves: MessageWriter<PlayerMove>,
    mut exit: MessageWriter<AppExit>,
    mut perf: ResMut<PerfLog>,
    saved: Res<SavedShots>,
    mut commands: Commands,
    title_notice: Res<super::session::TitleNotice>,
) {
    auto.frames += 1;
    if auto.frames > FRAME_LIMIT {
        error!(
            "autoplay: gave up after {FRAME_LIMIT} frames at step {:?}",
            auto.steps.get(auto.next)
        );
        exit.write(AppExit::error());
        return;
    }
    // A scenario that failed to load ends autoplay with its error, after a screenshot of the title showing it.
    if let Some(error) = &title_notice.0
        && !auto.steps.contains(&Step::Fail)
    {
        error!("autoplay: {error}");
        eprintln!("{error}");
        auto.steps = vec![Step::Reach(Screen::Title), Step::Shot("00-load-error"), Step::Fail];
        auto.next = 0;
        auto.settle = 0;
        auto.waiting_for = None;
        return;
    }
    if let Some(path) = &auto.waiting_for {
        if saved.0.contains(path) {
            auto.waiting_for = None;
            auto.next += 1;
        }
        return;
    }
    let Some(step) = auto.steps.get(auto.next).cloned() else {
        return;
    };
    let here = *screen.get();
    match step {
        Step::Reach(target) => {
            if here == target {
                auto.next += 1;
                auto.settle = 0;
            }
        }
        Step::Shot(name) => {
            auto.settle += 1;
            if auto.settle < SETTLE_FRAMES {
                return;
            }
            auto.settle = 0;
            match auto.dir.clone() {
                Some(dir) => {
                    let path = dir.join(format!("{name}.png"));
                    auto.waiting_for = Some(path.clone());
                    commands
                        .spawn(Screenshot::primary_window())
                        .observe(save_screenshot(path));
                }
                None => auto.next += 1,
            }
        }
        Step::Command(command) => {
            game_commands.write(command);
            auto.next += 1;
        }
        Step::Scale(scale) => {
            settings.ui_scale = scale;
            auto.next += 1;
        }
        Step::About => {
            let here = *screen.get();
            navigate.write(Navigate::About { from: here });
            auto.next += 1;
        }
        Step::Go(target) => {
            navigate.write(Navigate::To(target));
            auto.next += 1;
        }
        Step::TypeTableCode => {
            if let Some(code) = options
                .setup
                .source
                .load()
                .ok()
                .and_then(|scenario| {
                    let seats = PerSide::new(ClassSeat::People, ClassSeat::People);
                    ClassFile::new(&scenario, 1, 2025, seats, &[], String::new()).ok()
                })
                .map(|class| class.tables[0].code.clone())
            {
                join.write(JoinAction::Type(code));
            }
            auto.next += 1;
        }
        Step::RehearseDebrief => {
            let folder = options.data_dir.join("rehearsal-class");
            // A full class, as a teacher's folder looks after class: one table handed in twice and one file cut
            // short, so the screen shows every table's label and the box of warnings.
            let rehearsed = options.setup.source.load().and_then(|scenario| {
                let seats = PerSide::new(ClassSeat::People, ClassSeat::People);
                let class =
                    ClassFile::new(&scenario, 60, 2025, seats, &[], String::new()).map_err(|e| e.to_string())?;
                let records =
                    tradetable_core::classroom::class::rehearse(&class, &scenario, "").map_err(|e| e.to_string())?;
                let storage = crate::storage::Storage::real();
                for record in &records {
                    let code = record.table.clone().unwrap_or_default();
                    storage
                        .write(&folder.join(format!("{code}.json")), record.to_json().as_bytes())
                        .map_err(|e| e.to_string())?;
                }
                if let Some(first) = records.first() {
                    let json = first.to_json();
                    let write = |name: &str, text: &str| storage.write(&folder.join(name), text.as_bytes());
                    write("copy-of-table-1.json", &json).map_err(|e| e.to_string())?;
                    write("cut-short.json", &json[..json.len() / 2]).map_err(|e| e.to_string())?;
                }
                Ok(())
            });
            if let Err(error) = rehearsed {
                error!("autoplay: cannot rehearse a class: {error}");
            }
            debrief.write(DebriefAction::Folder(folder.display().to_string()));
            debrief.write(DebriefAction::Open);
            auto.next += 1;
        }
        Step::BreakScenarioFile => {
            if let ScenarioSource::File(file) = &options.setup.source
                && let Ok(text) = std::fs::read_to_string(file)
            {
                let broken = text.replacen("rounds: ", "rounds: -", 1);
                if std::fs::write(file, broken).is_ok() {
                    auto.original = Some(text);
                }
            }
            auto.next += 1;
        }
        Step::AwaitEditError => {
            if matches!(scenario_edit.pending(), Some(Err(_))) || auto.original.is_none() {
                auto.next += 1;
                auto.settle = 0;
            }
        }
        Step::RestoreScenarioFile => {
            if let (ScenarioSource::File(file), Some(text)) = (&options.setup.source, auto.original.take()) {
                let _ = std::fs::write(file, text);
            }
            auto.next += 1;
        }
        Step::AwaitDebrief => {
            if debrief_view.result.is_some() {
                auto.next += 1;
                auto.settle = 0;
            }
        }
        Step::Overlay(menu) => {
            navigate.write(Navigate::Overlay(menu));
            auto.next += 1;
        }
        Step::ShowSaveFailure(failing) => {
            if failing {
                let moves = session.as_ref().map_or(0, |s| s.state.moves.len());
                save_status.saved_moves = moves.saturating_sub(3);
                save_status.failure = Some(format!(
                    "{}: could not save it: the disk is full",
                    options.data_dir.join("games").join("….json").display()
                ));
                save_status.pending = Some(GameCommand::QuitToTitle);
            } else {
                save_status.reset(0);
            }
            auto.next += 1;
        }
        Step::Idle(frames) => {
            watch.playing = false;
            perf.sampling_idle = true;
            auto.settle += 1;
            if auto.settle >= frames {
                perf.sampling_idle = false;
                auto.settle = 0;
                auto.next += 1;
            }
        }
        Step::PlayTo(round) => {
            let Some(session) = session else {
                return;
            };
            let state = &session.state;
            if here == Screen::Results || state.is_over() {
                if here == Screen::Results {
                    auto.next += 1;
                }
                return;
            }
            // At the table in the round wanted, with a player to move (so the shot shows their view).
            let ready = session.setup.mode == Mode::Watch || session.human_to_move();
            if state.round >= round && here == Screen::Table && ready {
                auto.next += 1;
                auto.settle = 0;
                return;
            }
            match here {
                Screen::Handover => {
                    if !auto.handover_shot && auto.dir.is_some() {
                        auto.handover_shot = true;
                        // Shoot the handover once, then continue.
                        let at = auto.next;
                        auto.steps.insert(at, Step::Shot("00-handover"));
                        return;
                    }
                    navigate.write(Navigate::To(Screen::Table));
                }
                Screen::Table => {
                    watch.playing = false;
                    if session.setup.mode == Mode::Watch {
                        watch.pending_steps = 1;
                    } else if session.human_to_move() {
                        let side = state.to_move;
                        let mv = Opponent::adviser(side).next_move(&session.scenario, state);
                        moves.write(PlayerMove { side, mv });
                    }
                }
                _ => {}
            }
        }
        Step::Fail => {
            exit.write(AppExit::error());
            auto.next += 1;
        }
        Step::Exit => {
            let summary = perf.summary();
            info!("{summary}");
            println!("{summary}");
            if let Some(dir) = &auto.dir {
                println!("autoplay: {} screenshots in {}", saved.0.len(), dir.display());
            }
            exit.write(AppExit::Success);
            auto.next += 1;
        }
    }
}

/// Writes a captured screenshot to `path` and records it, so autoplay knows when the file is complete.
fn save_screenshot(path: PathBuf) -> impl FnMut(On<ScreenshotCaptured>, ResMut<SavedShots>) {
    move |captured, mut saved| {
        match captured.image.clone().try_into_dynamic() {
            Ok(image) => match image.to_rgb8().save(&path) {
                Ok(()) => info!("screenshot saved to {}", path.display()),
                Err(error) => error!("cannot save {}: {error}", path.display()),
            },
            Err(error) => error!("cannot convert the screenshot for {}: {error}", path.display()),
        }
        saved.0.push(path.clone());
    }
}
