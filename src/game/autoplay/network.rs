//! Autoplay of networked play, for screenshots under Xvfb:
//!
//! - the teacher's console (`host --autoplay`): laptops of the computer join some tables and play at a slow pace,
//!   the computer is seated where a team is missing, a table is paused, an inject fired; then the class is ended and
//!   debriefed, with a screenshot of each;
//! - a team's laptop (`play --join … --autoplay`): the joined table while it waits and on its turn (its moves by
//!   `Strategy::Linear`, through the same player moves a person makes), the results, and the join screen's error
//!   when joining again fails.
//!
//! Both exit 0 when done and with an error when a step does not come within its time.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::view::screenshot::Screenshot;

use super::laptops::{Laptop, Laptops, drive_laptops};
use super::shots::{SavedShots, save_screenshot};
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Navigate, Screen};
use crate::game::screens::console::{ConsoleAction, ConsoleView};
use crate::game::screens::debrief::DebriefView;
use crate::game::screens::join_network::NetJoinAction;
use crate::game::session::{PlayerMove, Session, TitleNotice};
use crate::net::class_client::TableClient;
use crate::net::class_host::ClassHost;
use tradetable_core::ai::Strategy;
use tradetable_core::{Move, Side};

/// The longest a networked autoplay may take.
const TIME_LIMIT: Duration = Duration::from_secs(300);
/// Frames to let egui lay a screen out before a screenshot.
const SETTLE_FRAMES: u32 = 8;

/// Networked autoplay, when the launch options ask for it.
pub fn plugin(app: &mut App) {
    app.init_non_send::<Laptops>()
        .add_systems(Startup, start_network_autoplay)
        .add_systems(
            Update,
            (
                drive_laptops,
                run_console_autoplay
                    .run_if(resource_exists::<ConsoleScript>)
                    .run_if(resource_exists::<ClassHost>),
            )
                .chain(),
        )
        .add_systems(Update, run_joined_autoplay.run_if(resource_exists::<JoinedScript>));
}

/// One step of the console's script.
#[derive(Debug, Clone, PartialEq)]
enum ConsoleStep {
    /// Wait until the console shows with the class open.
    Open,
    /// Start the laptops: both teams at table 1 and 3, the US team at table 2, nobody at table 4 and after.
    Laptops,
    /// Wait until every laptop has its seat.
    Seated,
    /// Press a button of the console.
    Press(ConsoleAction),
    /// Wait until table `0` has at least `1` moves.
    Moves(u32, usize),
    /// Save a screenshot.
    Shot(&'static str),
    /// Wait until the class has ended and its results are written.
    Ended,
    /// Wait until this screen shows.
    Reach(Screen),
    /// Wait until the debrief is worked out.
    Debriefed,
    /// Exit with success.
    Exit,
}

/// The console's autoplay.
#[derive(Resource, Debug)]
pub struct ConsoleScript {
    steps: Vec<ConsoleStep>,
    next: usize,
    settle: u32,
    waiting_for: Option<PathBuf>,
    started: Instant,
    dir: Option<PathBuf>,
}

/// One step of the joined laptop's script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JoinedStep {
    /// Play the game, taking the shots of the table waiting and on its turn as they come.
    Play,
    /// The results.
    Results,
    /// Join again with a code no table has, and show the error.
    JoinAgain,
    /// Exit with success.
    Exit,
}

/// The joined laptop's autoplay.
#[derive(Resource, Debug)]
pub struct JoinedScript {
    step: JoinedStep,
    shots: Vec<&'static str>,
    settle: u32,
    pending: Option<&'static str>,
    waiting_for: Option<PathBuf>,
    answered: Option<usize>,
    last_move: Option<Instant>,
    started: Instant,
    dir: Option<PathBuf>,
}

fn start_network_autoplay(options: Res<LaunchOptions>, mut commands: Commands) {
    if !options.autoplay {
        return;
    }
    if let Some(dir) = &options.screenshot_dir
        && let Err(error) = std::fs::create_dir_all(dir)
    {
        error!("cannot create {}: {error}", dir.display());
    }
    let dir = options.screenshot_dir.clone();
    if options.console {
        use ConsoleStep::*;
        let steps = vec![
            Open,
            Laptops,
            Seated,
            Press(ConsoleAction::SeatComputer {
                table: 2,
                side: Side::Partner,
            }),
            Moves(3, 2),
            Press(ConsoleAction::Pause(Some(3))),
            Press(ConsoleAction::FireInject(Some(1))),
            Moves(1, 4),
            Moves(2, 3),
            Shot("01-console"),
            Press(ConsoleAction::AskToEnd),
            Shot("02-end-class"),
            Press(ConsoleAction::EndClass),
            Ended,
            Shot("03-console-ended"),
            Press(ConsoleAction::Debrief),
            Reach(Screen::Debrief),
            Debriefed,
            Shot("04-debrief"),
            Exit,
        ];
        commands.insert_resource(ConsoleScript {
            steps,
            next: 0,
            settle: 0,
            waiting_for: None,
            started: Instant::now(),
            dir,
        });
    } else if options.join.is_some() {
        commands.insert_resource(JoinedScript {
            step: JoinedStep::Play,
            shots: Vec::new(),
            settle: 0,
            pending: None,
            waiting_for: None,
            answered: None,
            last_move: None,
            started: Instant::now(),
            dir,
        });
    }
}

/// Spawns a screenshot of the window into `dir/name.png`; returns the path to wait for.
fn shoot(commands: &mut Commands, dir: &std::path::Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.png"));
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_screenshot(path.clone()));
    path
}

/// What the console's script watches: the class hosted, the console, the debrief and the screen.
#[derive(SystemParam)]
struct ConsoleSeen<'w> {
    class: Res<'w, ClassHost>,
    view: Res<'w, ConsoleView>,
    debrief: Res<'w, DebriefView>,
    screen: Res<'w, State<Screen>>,
}

fn run_console_autoplay(
    mut script: ResMut<ConsoleScript>,
    seen: ConsoleSeen,
    mut laptops: NonSendMut<Laptops>,
    mut actions: MessageWriter<ConsoleAction>,
    mut exit: MessageWriter<AppExit>,
    saved: Res<SavedShots>,
    mut commands: Commands,
) {
    if script.started.elapsed() > TIME_LIMIT {
        error!("console autoplay: gave up at step {:?}", script.steps.get(script.next));
        exit.write(AppExit::error());
        script.next = usize::MAX;
        return;
    }
    if let Some(path) = &script.waiting_for {
        if saved.0.contains(path) {
            script.waiting_for = None;
            script.next += 1;
        }
        return;
    }
    let Some(step) = script.steps.get(script.next).cloned() else {
        return;
    };
    let ConsoleSeen {
        class,
        view,
        debrief,
        screen,
    } = seen;
    let moves = |number: u32| {
        class.host.game(number).map_or(
            usize::MAX,
            |game| if game.is_over() { usize::MAX } else { game.moves.len() },
        )
    };
    let mut done = false;
    match step {
        ConsoleStep::Open => {
            if let Some(error) = &view.open_error {
                error!("console autoplay: {error}");
                exit.write(AppExit::error());
                script.next = usize::MAX;
                return;
            }
            done = *screen.get() == Screen::Console && class.address.is_some();
        }
        ConsoleStep::Laptops => {
            let Some(bound) = class.address else {
                return;
            };
            start_laptops(&class, bound, &mut laptops);
            done = true;
        }
        ConsoleStep::Seated => done = laptops.0.iter().all(Laptop::seated),
        ConsoleStep::Press(action) => {
            actions.write(action);
            done = true;
        }
        ConsoleStep::Moves(table, wanted) => done = moves(table) >= wanted,
        ConsoleStep::Shot(name) => {
            script.settle += 1;
            if script.settle < SETTLE_FRAMES {
                return;
            }
            script.settle = 0;
            match script.dir.clone() {
                Some(dir) => script.waiting_for = Some(shoot(&mut commands, &dir, name)),
                None => done = true,
            }
        }
        ConsoleStep::Ended => {
            done = class.ended && !class.written.is_empty() && laptops.0.iter().all(Laptop::done);
        }
        ConsoleStep::Reach(target) => done = *screen.get() == target,
        ConsoleStep::Debriefed => {
            if let Some(Err(error)) = &debrief.result {
                error!("console autoplay: the debrief failed: {error}");
                exit.write(AppExit::error());
                script.next = usize::MAX;
                return;
            }
            done = debrief.result.is_some();
        }
        ConsoleStep::Exit => {
            if let Some(dir) = &script.dir {
                println!("autoplay: {} screenshots in {}", saved.0.len(), dir.display());
            }
            exit.write(AppExit::Success);
            done = true;
        }
    }
    if done {
        script.next += 1;
        script.settle = 0;
    }
}

/// Both teams at tables 1 and 3, the US team at table 2, nobody at table 4 and after: laptops of this computer
/// joining the class on `bound`.
fn start_laptops(class: &ClassHost, bound: SocketAddr, laptops: &mut Laptops) {
    let host = SocketAddr::from((Ipv4Addr::LOCALHOST, bound.port()));
    let mut seats = Vec::new();
    for table in &class.class.tables {
        let sides: &[Side] = match table.number {
            1 | 3 => &Side::BOTH,
            2 => &[Side::Us],
            _ => &[],
        };
        let code = class.host.join_code(table.number).unwrap_or(&table.code).to_string();
        seats.extend(sides.iter().map(|side| (code.clone(), *side)));
    }
    for (code, side) in seats {
        match Laptop::new(host, &code, side) {
            Ok(laptop) => laptops.0.push(laptop),
            Err(error) => error!("console autoplay: a laptop cannot connect: {error}"),
        }
    }
}

/// What the joined laptop's script watches: the game at the table, the link, the screen and the title's notice.
#[derive(SystemParam)]
struct JoinedSeen<'w> {
    session: Option<Res<'w, Session>>,
    client: Option<Res<'w, TableClient>>,
    screen: Res<'w, State<Screen>>,
    notice: Res<'w, TitleNotice>,
    saved: Res<'w, SavedShots>,
}

/// What the joined laptop's script does: the moves and the join screen's actions a team would make.
#[derive(SystemParam)]
struct JoinedControls<'w> {
    moves: MessageWriter<'w, PlayerMove>,
    join: MessageWriter<'w, NetJoinAction>,
    navigate: MessageWriter<'w, Navigate>,
    exit: MessageWriter<'w, AppExit>,
}

fn fail_joined(why: String, exit: &mut MessageWriter<AppExit>) {
    error!("joined autoplay: {why}");
    eprintln!("{why}");
    exit.write(AppExit::error());
}

fn run_joined_autoplay(
    mut script: ResMut<JoinedScript>,
    seen: JoinedSeen,
    mut controls: JoinedControls,
    mut commands: Commands,
) {
    if script.step == JoinedStep::Exit {
        return;
    }
    if script.started.elapsed() > TIME_LIMIT {
        fail_joined(format!("gave up at step {:?}", script.step), &mut controls.exit);
        script.step = JoinedStep::Exit;
        return;
    }
    if let Some(path) = &script.waiting_for {
        if seen.saved.0.contains(path) {
            script.waiting_for = None;
        }
        return;
    }
    // A shot asked for: let the screen settle, then take it.
    if let Some(name) = script.pending {
        script.settle += 1;
        if script.settle < SETTLE_FRAMES {
            return;
        }
        script.settle = 0;
        script.pending = None;
        script.shots.push(name);
        if let Some(dir) = script.dir.clone() {
            script.waiting_for = Some(shoot(&mut commands, &dir, name));
        }
        return;
    }
    let here = *seen.screen.get();
    let client = seen.client.as_deref();
    match script.step {
        JoinedStep::Play => play_joined_table(&mut script, &seen, &mut controls),
        JoinedStep::Results => {
            if !script.shots.contains(&"03-results") {
                script.pending = Some("03-results");
                return;
            }
            controls.navigate.write(Navigate::To(Screen::JoinNetwork));
            controls.join.write(NetJoinAction::Code("NOT-A-REAL-CODE".to_string()));
            controls.join.write(NetJoinAction::Join);
            script.step = JoinedStep::JoinAgain;
        }
        JoinedStep::JoinAgain => {
            let failed = client.is_some_and(|c| c.error.is_some() && !c.is_joining());
            if here == Screen::JoinNetwork && failed {
                if !script.shots.contains(&"04-join-error") {
                    script.pending = Some("04-join-error");
                    return;
                }
                if let Some(dir) = &script.dir {
                    println!("autoplay: {} screenshots in {}", seen.saved.0.len(), dir.display());
                }
                controls.exit.write(AppExit::Success);
                script.step = JoinedStep::Exit;
            }
        }
        JoinedStep::Exit => {}
    }
}

/// Plays the joined side's turns (by `Strategy::Linear`, as a team's player moves), shooting the table once while it
/// waits and once on its turn; a failed join ends the script with its error.
fn play_joined_table(script: &mut JoinedScript, seen: &JoinedSeen, controls: &mut JoinedControls) {
    let here = *seen.screen.get();
    let client = seen.client.as_deref();
    if here == Screen::Title {
        if let Some(why) = &seen.notice.0 {
            fail_joined(why.clone(), &mut controls.exit);
            script.step = JoinedStep::Exit;
        }
        return;
    }
    if here == Screen::JoinNetwork
        && let Some(why) = client.and_then(|c| c.error.clone())
    {
        fail_joined(why, &mut controls.exit);
        script.step = JoinedStep::Exit;
        return;
    }
    if here == Screen::Results {
        script.step = JoinedStep::Results;
        return;
    }
    let Some(session) = seen.session.as_deref() else {
        return;
    };
    let Some(remote) = &session.remote else {
        return;
    };
    if here != Screen::Table || session.state.is_over() {
        return;
    }
    let side = remote.side;
    let state = &session.state;
    if state.to_move != side {
        if !script.shots.contains(&"01-waiting") {
            script.pending = Some("01-waiting");
        }
        return;
    }
    let ready = session.human_to_move() && client.is_some_and(|c| c.is_seated());
    if !ready {
        return;
    }
    if !script.shots.contains(&"02-your-turn") {
        script.pending = Some("02-your-turn");
        return;
    }
    // At most one move per state the host sent, and not faster than a person.
    let played = state.moves.len();
    let rested = script
        .last_move
        .is_none_or(|at| at.elapsed() >= Duration::from_millis(300));
    if !rested {
        return;
    }
    let mv = if script.answered == Some(played) {
        if session.refused.is_none() {
            return;
        }
        // The host refused the strategy's move: pass, as a local game does.
        Move::Pass
    } else {
        Strategy::Linear.agent(side).next_move(&session.scenario, state)
    };
    script.answered = Some(played);
    script.last_move = Some(Instant::now());
    controls.moves.write(PlayerMove { side, mv });
}
