//! Autoplay (`play --autoplay --screenshot-dir DIR`): walks the title and setup screens, plays the game to the end
//! at full speed — the AIs in watch mode; in other modes the adviser plays each human seat through the same
//! player moves a person would make, passing the hotseat handover — saves a PNG of every screen it passes, at
//! scale 1 and 1.5, and exits 0. For tests, and for checking the game on a machine without a screen. Networked
//! play has scripts of its own (`network`): the teacher's console with laptops of the computer, and a joined laptop.

mod laptops;
mod network;
mod shots;

use std::path::{Path, PathBuf};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::view::screenshot::Screenshot;

use super::hot_reload::ScenarioEdit;
use super::launch::LaunchOptions;
use super::navigation::{Menu, Navigate, Screen};
use super::panels::event_cards::EventCards;
use super::panels::levers::{LeverGroup, offered_moves};
use super::perf::PerfLog;
use super::screens::debrief::{DebriefAction, DebriefView};
use super::screens::join::JoinAction;
use super::screens::table::{Tab, TableUi};
use super::session::{
    AiPace, GameCommand, Mode, PlayerMove, SaveStatus, ScenarioSource, Session, TitleNotice, WatchClock,
};
use super::settings::Settings;
use shots::{SavedShots, save_screenshot};
use tradetable_core::ai::Opponent;
use tradetable_core::analysis::preview::preview_move;
use tradetable_core::classroom::class::{ClassFile, ClassSeat};
use tradetable_core::{Move, PerSide, Side};

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
    /// Show this view of the table (a tab when the table is laid out as tabs).
    TableTab(Tab),
    /// Open or close an overlay.
    Overlay(Menu),
    /// Play until this round (or the end).
    PlayTo(u32),
    /// In a tutorial, make a lever's move for the player (a tariff for the US, a gesture for the partner), for a
    /// shot of the coach's answer.
    CoachMove,
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
    /// Keep one event card open (the newest that says what it means from here on, else the newest) for a shot of it;
    /// every other shot at the table closes the cards first, so they never hide the table or hold up the script.
    KeepOneEventCard,
    /// Sit still at the table and sample frame times.
    Idle(u32),
    /// Pick, at the US levers, a tariff raise that sets off a rule and click it once, so its preview and warning
    /// show (true); or forget it (false).
    StageWarnedTariff(bool),
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

/// The shot that shows an event card over the table.
const EVENT_CARD_SHOT: &str = "07a-event-card";

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
            Step::StageWarnedTariff(true),
            Step::Shot("03b-tariff-warning"),
            Step::StageWarnedTariff(false),
            Step::Overlay(Menu::Help),
            Step::Shot("03d-keys"),
            Step::Overlay(Menu::None),
            Step::PlayTo(mid),
            Step::Shot("04-table-mid"),
            Step::Idle(120),
            Step::Scale(1.5),
            Step::Shot("05-table-mid-scale-1.5"),
            Step::TableTab(Tab::Levers),
            Step::Shot("05b-levers-scale-1.5"),
            Step::TableTab(Tab::Table),
            Step::Overlay(Menu::Pause),
            Step::Shot("06-menu-scale-1.5"),
            Step::Overlay(Menu::None),
            Step::Scale(1.0),
            Step::PlayTo(late),
            Step::KeepOneEventCard,
            Step::Shot(EVENT_CARD_SHOT),
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
    // A tutorial: the coach's answer to a lever's move, after the first shot of the table.
    let tutorial = options.setup.source.load().is_ok_and(|s| !s.coaching.is_empty());
    if tutorial && let Some(at) = autoplay.steps.iter().position(|s| *s == Step::Shot("03-table-round-1")) {
        autoplay
            .steps
            .splice(at + 1..at + 1, [Step::CoachMove, Step::Shot("03c-coach")]);
    }
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

/// What autoplay watches of the game, and the settings it changes directly.
#[derive(SystemParam)]
struct Watched<'w> {
    screen: Res<'w, State<Screen>>,
    options: Res<'w, LaunchOptions>,
    session: Option<Res<'w, Session>>,
    title_notice: Res<'w, TitleNotice>,
    scenario_edit: Res<'w, ScenarioEdit>,
    debrief_view: Res<'w, DebriefView>,
    watch: ResMut<'w, WatchClock>,
    settings: ResMut<'w, Settings>,
    table_ui: ResMut<'w, TableUi>,
    save_status: ResMut<'w, SaveStatus>,
    event_cards: ResMut<'w, EventCards>,
}

/// What autoplay asks of the game: the same actions, commands and moves the screens and players write.
#[derive(SystemParam)]
struct Controls<'w> {
    navigate: MessageWriter<'w, Navigate>,
    game_commands: MessageWriter<'w, GameCommand>,
    moves: MessageWriter<'w, PlayerMove>,
    join: MessageWriter<'w, JoinAction>,
    debrief: MessageWriter<'w, DebriefAction>,
    exit: MessageWriter<'w, AppExit>,
}

/// Runs the script a step at a time, giving up after [`FRAME_LIMIT`] frames; a scenario that failed to load ends
/// it with its error, after a screenshot of the title showing it.
fn run_autoplay(
    mut auto: ResMut<Autoplay>,
    mut game: Watched,
    mut controls: Controls,
    mut perf: ResMut<PerfLog>,
    saved: Res<SavedShots>,
    mut commands: Commands,
) {
    auto.frames += 1;
    if auto.frames > FRAME_LIMIT {
        error!(
            "autoplay: gave up after {FRAME_LIMIT} frames at step {:?}",
            auto.steps.get(auto.next)
        );
        controls.exit.write(AppExit::error());
        return;
    }
    if let Some(error) = &game.title_notice.0
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
    let here = *game.screen.get();
    match step {
        Step::Reach(target) => {
            if here == target {
                auto.next += 1;
                auto.settle = 0;
            }
        }
        Step::Shot(name) => {
            if name != EVENT_CARD_SHOT {
                game.event_cards.close_all();
            }
            take_shot(&mut auto, name, &mut commands);
        }
        Step::KeepOneEventCard => {
            keep_one_event_card(&mut game.event_cards);
            auto.next += 1;
        }
        Step::Command(command) => {
            controls.game_commands.write(command);
            auto.next += 1;
        }
        Step::Scale(scale) => {
            game.settings.ui_scale = scale;
            auto.next += 1;
        }
        Step::TableTab(tab) => {
            game.table_ui.tab = tab;
            auto.next += 1;
        }
        Step::About => {
            controls.navigate.write(Navigate::About { from: here });
            auto.next += 1;
        }
        Step::Go(target) => {
            controls.navigate.write(Navigate::To(target));
            auto.next += 1;
        }
        Step::TypeTableCode => {
            if let Some(code) = first_table_code(&game.options) {
                controls.join.write(JoinAction::Type(code));
            }
            auto.next += 1;
        }
        Step::RehearseDebrief => {
            let folder = game.options.data_dir.join("rehearsal-class");
            if let Err(error) = rehearse_class(&game.options, &folder) {
                error!("autoplay: cannot rehearse a class: {error}");
            }
            controls
                .debrief
                .write(DebriefAction::Folder(folder.display().to_string()));
            controls.debrief.write(DebriefAction::Open);
            auto.next += 1;
        }
        Step::BreakScenarioFile | Step::AwaitEditError | Step::RestoreScenarioFile => {
            edit_the_scenario_file(&mut auto, &step, &game);
        }
        Step::AwaitDebrief => {
            if game.debrief_view.result.is_some() {
                auto.next += 1;
                auto.settle = 0;
            }
        }
        Step::Overlay(menu) => {
            controls.navigate.write(Navigate::Overlay(menu));
            auto.next += 1;
        }
        Step::ShowSaveFailure(failing) => {
            show_save_failure(&mut game, failing);
            auto.next += 1;
        }
        Step::StageWarnedTariff(staged) => {
            stage_warned_tariff(&mut game, staged);
            auto.next += 1;
        }
        Step::Idle(frames) => {
            game.watch.playing = false;
            perf.sampling_idle = true;
            auto.settle += 1;
            if auto.settle >= frames {
                perf.sampling_idle = false;
                auto.settle = 0;
                auto.next += 1;
            }
        }
        Step::PlayTo(round) => play_to(&mut auto, round, &mut game, &mut controls),
        Step::CoachMove => {
            if let Some(session) = game.session.as_deref()
                && let Some(mv) = lever_move(session)
            {
                controls.moves.write(PlayerMove {
                    side: session.state.to_move,
                    mv,
                });
            }
            auto.next += 1;
        }
        Step::Fail => {
            controls.exit.write(AppExit::error());
            auto.next += 1;
        }
        Step::Exit => {
            let summary = perf.summary();
            info!("{summary}");
            println!("{summary}");
            if let Some(dir) = &auto.dir {
                println!("autoplay: {} screenshots in {}", saved.0.len(), dir.display());
            }
            controls.exit.write(AppExit::Success);
            auto.next += 1;
        }
    }
}

/// Keeps the newest card that says what it means from here on (else the newest) and closes the rest.
fn keep_one_event_card(cards: &mut EventCards) {
    let kept = cards
        .queue
        .iter()
        .rev()
        .find(|card| !card.outlook.is_empty())
        .or_else(|| cards.queue.back())
        .cloned();
    cards.queue = kept.into_iter().collect();
}

/// Breaks the scenario file being played (autoplay's own copy in the screenshot folder), waits for the table to show
/// the error, and puts the file back as it was.
fn edit_the_scenario_file(auto: &mut Autoplay, step: &Step, game: &Watched) {
    let file = match &game.options.setup.source {
        ScenarioSource::File(file) => Some(file),
        _ => None,
    };
    match step {
        Step::BreakScenarioFile => {
            if let Some(file) = file
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
            if matches!(game.scenario_edit.pending(), Some(Err(_))) || auto.original.is_none() {
                auto.next += 1;
                auto.settle = 0;
            }
        }
        _ => {
            if let (Some(file), Some(text)) = (file, auto.original.take()) {
                let _ = std::fs::write(file, text);
            }
            auto.next += 1;
        }
    }
}

/// Once the screen has settled, asks for a screenshot named `name` (or moves on when no folder was given).
fn take_shot(auto: &mut Autoplay, name: &str, commands: &mut Commands) {
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

/// The code of the first table of a class of people on the scenario being played.
fn first_table_code(options: &LaunchOptions) -> Option<String> {
    let scenario = options.setup.source.load().ok()?;
    let seats = PerSide::new(ClassSeat::People, ClassSeat::People);
    let class = ClassFile::new(&scenario, 1, 2025, seats, &[], String::new()).ok()?;
    Some(class.tables[0].code.clone())
}

/// Rehearses a class of 60 tables into `folder`, as a teacher's folder looks after class: one table handed in twice
/// and one file cut short, so the debrief shows every table's label and the box of warnings.
fn rehearse_class(options: &LaunchOptions, folder: &Path) -> Result<(), String> {
    let scenario = options.setup.source.load().map_err(|e| e.to_string())?;
    let seats = PerSide::new(ClassSeat::People, ClassSeat::People);
    let class = ClassFile::new(&scenario, 60, 2025, seats, &[], String::new()).map_err(|e| e.to_string())?;
    let records = tradetable_core::classroom::class::rehearse(&class, &scenario, "").map_err(|e| e.to_string())?;
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
}

/// Picks the first tariff raise the US seat may make now that the core's preview warns about, and clicks it once
/// (`staged`), or forgets it. Nothing is played; a table where the US is not a player's seat is left alone.
fn stage_warned_tariff(game: &mut Watched, staged: bool) {
    let Some(session) = game.session.as_deref() else {
        return;
    };
    let table_ui = &mut *game.table_ui;
    if !staged {
        table_ui.inputs[Side::Us].unstage();
        return;
    }
    if session.viewer().side() != Some(Side::Us) {
        return;
    }
    let (scenario, state) = (&*session.scenario, &session.state);
    let opponent = session.setup.ai[Side::Partner].clone();
    let available = state.available(scenario, Side::Us);
    let warned = offered_moves(scenario, state, &available)
        .into_iter()
        .filter(|mv| matches!(mv, Move::SetTariff { .. }))
        .find(|mv| preview_move(scenario, state, mv, Side::Us, Some(&opponent)).needs_confirmation());
    if let Some(mv) = warned {
        table_ui.groups[Side::Us] = LeverGroup::Tariffs;
        table_ui.inputs[Side::Us].stage(scenario, state, LeverGroup::Tariffs, mv);
    }
}

/// Shows the table as it is when saves fail (the banner, and the pause menu's question before quitting), or clears
/// that. Autoplay never writes the game, so the failure is only shown.
fn show_save_failure(game: &mut Watched, failing: bool) {
    if !failing {
        game.save_status.reset(0);
        return;
    }
    let moves = game.session.as_ref().map_or(0, |s| s.state.moves.len());
    game.save_status.saved_moves = moves.saturating_sub(3);
    game.save_status.failure = Some(format!(
        "{}: could not save it: the disk is full",
        game.options.data_dir.join("games").join("….json").display()
    ));
    game.save_status.pending = Some(GameCommand::QuitToTitle);
}

/// A lever's move for the side to move: the first instrument's highest other rate, or the first lever's highest
/// other level.
fn lever_move(session: &Session) -> Option<tradetable_core::Move> {
    let state = &session.state;
    let scenario = &session.scenario;
    let available = state.available(scenario, state.to_move);
    if let Some(instrument) = available.instruments.iter().find(|i| !i.set_rates.is_empty()) {
        let rate = instrument.set_rates.iter().copied().fold(f64::MIN, f64::max);
        return Some(tradetable_core::Move::SetTariff {
            instrument: scenario.us_instruments[instrument.instrument].id.clone(),
            rate,
        });
    }
    let lever = available.levers.iter().find(|l| !l.levels.is_empty())?;
    let level = lever.levels.iter().copied().fold(f64::MIN, f64::max);
    Some(tradetable_core::Move::Implement {
        lever: scenario.partner_levers[lever.lever].id.clone(),
        level,
    })
}

/// Plays on until `round` (or the end): the watch clock a move at a time, the adviser for each human seat, past the
/// hotseat handover (shot once).
fn play_to(auto: &mut Autoplay, round: u32, game: &mut Watched, controls: &mut Controls) {
    let here = *game.screen.get();
    let Some(session) = game.session.as_deref() else {
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
            controls.navigate.write(Navigate::To(Screen::Table));
        }
        Screen::Table => {
            game.watch.playing = false;
            if session.setup.mode == Mode::Watch {
                game.watch.pending_steps = 1;
            } else if session.human_to_move() {
                let side = state.to_move;
                let mv = Opponent::adviser(side).next_move(&session.scenario, state);
                controls.moves.write(PlayerMove { side, mv });
            }
        }
        _ => {}
    }
}
