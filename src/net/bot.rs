//! A headless "laptop" that plays one seat of a networked class by itself, for the tests, the load test and
//! screenshot runs: it connects to a host, joins a table by its code, and answers every state in which it is its
//! side's turn with a move of one of the computer strategies, deciding on the redacted scenario the host sent it.
//!
//! The bot sees only what a team's laptop sees: the scenario without the other side's objectives, brief and
//! personalities, and the game without its seed and injects. The built-in strategies are run on exactly that; a
//! strategy that panics on it, or whose moves the host keeps refusing, is replaced by a scripted player (accept an
//! offer, else propose a middle package, else pass), and the reason is kept in [`BotState::fell_back`], so a test can
//! tell a strategy that plays from one that was replaced. Every built-in strategy plays legal moves on the redacted
//! scenario (a test below plays each one), but the modelling strategy does not play as the host's computer would: its
//! opponent model starts from the other side's public objectives, which the redacted scenario leaves empty, so its
//! prior is flat (every issue the same weight, every option the same value) and it learns the other side only from
//! its offers.
//!
//! A bot sends at most one move per state it receives (it remembers the length of the game's move list it last
//! answered), waits at least its `pace` between two moves, and keeps its own count of the frames it sends, below the
//! host's flood limit, so it is never kicked for playing fast.

use std::net::SocketAddr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_replicon::prelude::ClientState;

use crate::net::error::NetError;
use crate::net::headless::{make_ready, windowless_app};
use crate::net::transport::{
    self, BURST_FRAMES, ClientLink, ClientReceived, ClientSend, FRAMES_PER_SECOND, PROTOCOL_ID,
};
use tradetable_core::ai::{Negotiator, Strategy};
use tradetable_core::network::protocol::{
    ClientMessage, HostMessage, PROTOCOL_VERSION, TableView, decode_host, encode_client, read_scenario_text,
};
use tradetable_core::{GameState, Move, Package, PackageSpace, Scenario, Side};

/// Moves of its strategy the host may refuse in one game before a bot stops trusting the strategy and plays the
/// scripted player instead. A refused move is replaced by a pass, as in a local game; a few are normal (a gesture
/// that changes nothing), a run of them means the strategy is lost on the redacted scenario.
pub const MAX_STRATEGY_REFUSALS: u32 = 3;

/// How a bot plays and where: everything it is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct BotConfig {
    /// The host's address.
    pub host: SocketAddr,
    /// The table's join code: it fetches the connect token, then asks for the seat.
    pub code: String,
    /// The side to ask for (any free one when none).
    pub side: Option<Side>,
    /// A seat token to come back with, for a laptop that replaces one that was lost.
    pub token: Option<String>,
    /// The computer strategy that decides the moves.
    pub strategy: Strategy,
    /// The least time between two of its moves, so a screenshot run looks like a class at work.
    pub pace: Duration,
    /// Whether to keep every frame received before the game ends (see [`BotState::captured`]).
    pub capture: bool,
    /// Frames a second the bot allows itself on average: below the host's limit.
    pub frames_per_second: f64,
    /// Frames the bot allows itself at once: below the host's burst.
    pub burst_frames: f64,
}

impl BotConfig {
    /// A bot that joins `code` at `host`, asks for `side` and plays `strategy` as fast as the game goes, within the
    /// default flood limits of the transport.
    pub fn new(host: SocketAddr, code: &str, side: Option<Side>, strategy: Strategy) -> BotConfig {
        BotConfig {
            host,
            code: code.to_string(),
            side,
            token: None,
            strategy,
            pace: Duration::ZERO,
            capture: false,
            // A tenth under the host's rate and a few frames under its burst: joins and retries count too.
            frames_per_second: 0.9 * FRAMES_PER_SECOND,
            burst_frames: BURST_FRAMES - 4.0,
        }
    }

    /// At least `millis` milliseconds between two moves.
    pub fn pace_ms(mut self, millis: u64) -> BotConfig {
        self.pace = Duration::from_millis(millis);
        self
    }

    /// Coming back into the seat `token` was given for.
    pub fn with_token(mut self, token: &str) -> BotConfig {
        self.token = Some(token.to_string());
        self
    }

    /// Keeping every frame received while the game is on.
    pub fn capturing(mut self) -> BotConfig {
        self.capture = true;
        self
    }

    /// The bot's app, connecting to the host (see [`Bot::app`]).
    pub fn app(self) -> Result<App, NetError> {
        Bot::build(self)
    }
}

/// What a bot has learnt from the host, for the test or the run that drives it to read from `app.world()`.
#[derive(Resource, Debug)]
pub struct BotState {
    /// How it was built.
    pub config: BotConfig,
    /// The side it was given, once welcomed.
    pub side: Option<Side>,
    /// The table's number, once welcomed.
    pub table: Option<u32>,
    /// The token to come back with after a dropped link.
    pub token: Option<String>,
    /// The scenario as the host sent it: the other side's objectives, brief and personalities removed.
    pub scenario: Option<Scenario>,
    /// How many times the host welcomed it (more than once after a reconnection).
    pub welcomes: u32,
    /// The latest view of its table.
    pub view: Option<TableView>,
    /// The finished game, once the host says it is over.
    pub finished: Option<GameState>,
    /// The whole scenario sent with the finished game (the other side's objectives revealed, not its brief).
    pub finished_scenario: Option<Scenario>,
    /// Why the host closed the class or the connection, if it did.
    pub closed: Option<String>,
    /// The reasons of every message the host refused.
    pub refusals: Vec<String>,
    /// Every move it sent, in order.
    pub moves_sent: Vec<Move>,
    /// Frames from the host it could not read, and why.
    pub unreadable: Vec<String>,
    /// Why it stopped using its strategy and played the scripted player, if it did.
    pub fell_back: Option<String>,
    /// Every frame received before the game was over, when the config asks for it: what the team's laptop saw.
    pub captured: Vec<Vec<u8>>,
    /// For each of its moves the host took: the time from sending it to the table's view with it arriving.
    pub move_latencies: Vec<Duration>,
    /// While set, the bot joins and listens but makes no move (a test's hand on its shoulder).
    pub held: bool,
}

impl BotState {
    fn new(config: BotConfig) -> BotState {
        BotState {
            token: config.token.clone(),
            config,
            side: None,
            table: None,
            scenario: None,
            welcomes: 0,
            view: None,
            finished: None,
            finished_scenario: None,
            closed: None,
            refusals: Vec::new(),
            moves_sent: Vec::new(),
            unreadable: Vec::new(),
            fell_back: None,
            captured: Vec::new(),
            move_latencies: Vec::new(),
            held: false,
        }
    }

    /// Whether it is this bot's turn in the latest view of a table that is not paused.
    pub fn my_turn(&self) -> bool {
        match (&self.view, self.side) {
            (Some(view), Some(side)) => !view.paused && !view.state.is_over() && view.state.to_move == side,
            _ => false,
        }
    }
}

/// What the bot keeps to decide, beside what it shows.
#[derive(Resource)]
struct BotBrain {
    agent: Option<Box<dyn Negotiator>>,
    /// Whether a join was sent on the current link.
    joined: bool,
    /// Whether the host welcomed the bot on the current link: until then its view may be from before a drop.
    welcomed: bool,
    /// The length of the move list of the state last answered: one move per state.
    answered: Option<usize>,
    /// A move was sent and neither a new state nor a refusal has come back.
    awaiting: bool,
    /// The next move for the current state is a pass: the previous one was refused.
    pass_next: bool,
    strategy_refusals: u32,
    last_move: Option<Instant>,
    budget: SendBudget,
}

/// The bot's own token bucket, the host's flood limit seen from the other side.
struct SendBudget {
    tokens: f64,
    refilled_at: Instant,
}

impl SendBudget {
    fn full(burst: f64) -> SendBudget {
        SendBudget {
            tokens: burst,
            refilled_at: Instant::now(),
        }
    }

    fn take(&mut self, rate: f64, burst: f64) -> bool {
        let now = Instant::now();
        self.tokens = (self.tokens + now.duration_since(self.refilled_at).as_secs_f64() * rate).min(burst);
        self.refilled_at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The bot's entry points: build its app, read its state, and drop, restore or abuse its link.
pub struct Bot;

impl Bot {
    /// A bot's app, connecting to the host at `addr`: it joins `code` asking for `side`, and plays `strategy`.
    /// Drive it with `app.update()` beside the host's app. Fails only when no UDP socket can be opened.
    pub fn app(addr: SocketAddr, code: &str, side: Option<Side>, strategy: Strategy) -> Result<App, NetError> {
        BotConfig::new(addr, code, side, strategy).app()
    }

    fn build(config: BotConfig) -> Result<App, NetError> {
        let mut app = windowless_app();
        app.add_plugins((transport::client_plugin, plugin))
            .insert_resource(BotBrain {
                agent: None,
                joined: false,
                welcomed: false,
                answered: None,
                awaiting: false,
                pass_next: false,
                strategy_refusals: 0,
                last_move: None,
                budget: SendBudget::full(config.burst_frames),
            })
            .insert_resource(BotState::new(config.clone()));
        make_ready(&mut app);
        transport::connect(app.world_mut(), config.host, &config.code, PROTOCOL_ID)?;
        Ok(app)
    }

    /// What the bot has learnt. Panics if `world` is not a bot's.
    pub fn state(world: &World) -> &BotState {
        world.resource::<BotState>()
    }

    /// Holds the bot (no moves) or lets it play again.
    pub fn hold(world: &mut World, held: bool) {
        world.resource_mut::<BotState>().held = held;
    }

    /// Drops the link to the host, as a laptop whose network went away; the seat waits for [`Bot::reconnect`].
    pub fn drop_link(world: &mut World) {
        transport::disconnect(world);
        if let Some(mut brain) = world.get_resource_mut::<BotBrain>() {
            brain.joined = false;
            brain.welcomed = false;
        }
    }

    /// Connects again with a new connect token for its join code; once the link is up the bot joins again with its
    /// seat token.
    pub fn reconnect(world: &mut World) -> Result<(), NetError> {
        let (host, code) = {
            let state = world.get_resource::<BotState>().ok_or(NetError::NotABot)?;
            (state.config.host, state.config.code.clone())
        };
        if let Some(mut brain) = world.get_resource_mut::<BotBrain>() {
            brain.joined = false;
            brain.welcomed = false;
        }
        transport::connect(world, host, &code, PROTOCOL_ID)
    }

    /// Sends a message of its own choosing (a test's move out of turn, say), outside the bot's pacing.
    pub fn send(world: &mut World, message: &ClientMessage) {
        world.write_message(ClientSend(encode_client(message)));
    }

    /// Sends raw bytes, which need not be a message at all.
    pub fn send_raw(world: &mut World, bytes: &[u8]) {
        world.write_message(ClientSend(bytes.to_vec()));
    }
}

/// The bot's systems: join when the link comes up, read the host's frames, move when it is its turn. Needs
/// `transport::client_plugin`, and the resources [`Bot::app`] inserts.
fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (join, read_host, play).chain().run_if(resource_exists::<BotBrain>),
    );
}

fn link_up(link: &ClientLink, state: &State<ClientState>) -> bool {
    *link == ClientLink::Connected && *state.get() == ClientState::Connected
}

fn join(
    link: Res<ClientLink>,
    client: Res<State<ClientState>>,
    bot: Res<BotState>,
    mut brain: ResMut<BotBrain>,
    mut send: MessageWriter<ClientSend>,
) {
    if !link_up(&link, &client) {
        brain.joined = false;
        brain.welcomed = false;
        return;
    }
    if brain.joined || bot.finished.is_some() {
        return;
    }
    let rate = bot.config.frames_per_second;
    let burst = bot.config.burst_frames;
    if !brain.budget.take(rate, burst) {
        return;
    }
    brain.joined = true;
    let message = ClientMessage::Join {
        protocol: PROTOCOL_VERSION,
        code: bot.config.code.clone(),
        // Coming back with a token, the seat is the token's; asking for a side too would only confuse a reader.
        side: if bot.token.is_some() { None } else { bot.config.side },
        token: bot.token.clone(),
    };
    send.write(ClientSend(encode_client(&message)));
}

fn read_host(mut received: MessageReader<ClientReceived>, mut bot: ResMut<BotState>, mut brain: ResMut<BotBrain>) {
    for ClientReceived(bytes) in received.read() {
        let message = decode_host(bytes);
        if bot.config.capture && bot.finished.is_none() && !matches!(message, Ok(HostMessage::Finished { .. })) {
            bot.captured.push(bytes.clone());
        }
        match message {
            Ok(HostMessage::Welcome {
                side,
                table,
                token,
                scenario,
                ..
            }) => {
                match read_scenario_text(&scenario) {
                    Ok(scenario) => bot.scenario = Some(scenario),
                    Err(reason) => bot.unreadable.push(reason.to_string()),
                }
                if bot.side != Some(side) || brain.agent.is_none() {
                    brain.agent = Some(bot.config.strategy.agent(side));
                }
                bot.side = Some(side);
                bot.table = Some(table);
                bot.token = Some(token);
                bot.welcomes += 1;
                brain.welcomed = true;
                // A move sent just before the link dropped may never have arrived: answer the next state afresh.
                brain.answered = None;
                brain.awaiting = false;
            }
            Ok(HostMessage::Table(view)) => {
                if bot
                    .view
                    .as_ref()
                    .is_none_or(|old| old.state.moves.len() != view.state.moves.len())
                {
                    if brain.awaiting
                        && let Some(sent) = brain.last_move
                    {
                        bot.move_latencies.push(sent.elapsed());
                    }
                    brain.awaiting = false;
                    brain.pass_next = false;
                }
                bot.view = Some(*view);
            }
            Ok(HostMessage::Refused { reason }) => {
                if brain.awaiting {
                    // The move sent for this state was refused: answer it again, with a pass, as a local game does.
                    brain.awaiting = false;
                    brain.answered = None;
                    if !brain.pass_next && bot.fell_back.is_none() {
                        brain.strategy_refusals += 1;
                        if brain.strategy_refusals >= MAX_STRATEGY_REFUSALS {
                            bot.fell_back = Some(format!(
                                "the host refused {} moves of the {} strategy; the last: {reason}",
                                brain.strategy_refusals,
                                bot.config.strategy.as_str()
                            ));
                        }
                    }
                    brain.pass_next = true;
                }
                bot.refusals.push(reason);
            }
            Ok(HostMessage::Finished { scenario, state }) => {
                match read_scenario_text(&scenario) {
                    Ok(scenario) => bot.finished_scenario = Some(scenario),
                    Err(reason) => bot.unreadable.push(reason.to_string()),
                }
                bot.finished = Some(*state);
            }
            Ok(HostMessage::Closed { reason }) => bot.closed = Some(reason),
            Err(reason) => bot.unreadable.push(reason.to_string()),
        }
    }
}

fn play(
    link: Res<ClientLink>,
    client: Res<State<ClientState>>,
    mut bot: ResMut<BotState>,
    mut brain: ResMut<BotBrain>,
    mut send: MessageWriter<ClientSend>,
) {
    if !link_up(&link, &client) || !brain.welcomed || bot.held || bot.finished.is_some() || !bot.my_turn() {
        return;
    }
    let bot = &mut *bot;
    let (Some(view), Some(side)) = (&bot.view, bot.side) else {
        return;
    };
    let moves = view.state.moves.len();
    if brain.awaiting || brain.answered == Some(moves) {
        return;
    }
    if brain.last_move.is_some_and(|at| at.elapsed() < bot.config.pace) {
        return;
    }
    if !brain.budget.take(bot.config.frames_per_second, bot.config.burst_frames) {
        return;
    }
    let (mv, panicked) = choose(
        &mut brain,
        bot.scenario.as_ref(),
        &view.state,
        side,
        bot.fell_back.is_some(),
    );
    if panicked.is_some() {
        bot.fell_back = panicked;
    }
    send.write(ClientSend(encode_client(&ClientMessage::Move { mv: mv.clone() })));
    brain.answered = Some(moves);
    brain.awaiting = true;
    brain.last_move = Some(Instant::now());
    bot.moves_sent.push(mv);
}

/// The move for `state`: a pass after a refusal, the strategy's move while it behaves, the scripted player's after.
/// Returns why the strategy was given up, when it panicked just now.
fn choose(
    brain: &mut BotBrain,
    scenario: Option<&Scenario>,
    state: &GameState,
    side: Side,
    fell_back: bool,
) -> (Move, Option<String>) {
    let Some(scenario) = scenario else {
        return (Move::Pass, None);
    };
    if brain.pass_next {
        return (Move::Pass, None);
    }
    if !fell_back && let Some(agent) = brain.agent.as_mut() {
        match catch_unwind(AssertUnwindSafe(|| agent.next_move(scenario, state))) {
            Ok(mv) => return (mv, None),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
                    .unwrap_or_default();
                let reason = format!(
                    "the {} strategy panicked on the redacted scenario: {what}",
                    agent.name()
                );
                return (scripted(scenario, state, side), Some(reason));
            }
        }
    }
    (scripted(scenario, state, side), None)
}

/// The scripted player: accept the other side's offer, else put a package halfway between the two sides' ideal
/// terms on the table, else pass. It needs nothing but the package space, which every side is sent whole.
pub fn scripted(scenario: &Scenario, state: &GameState, side: Side) -> Move {
    if state.offer_to(side).is_some() {
        return Move::Accept;
    }
    if state.offer.is_none() {
        let space = PackageSpace::of(scenario);
        let ours = space.best_for(side);
        let theirs = space.best_for(side.other());
        let choice = ours
            .choice
            .iter()
            .zip(&theirs.choice)
            .map(|(&a, &b)| ((u16::from(a) + u16::from(b)) / 2) as u8)
            .collect();
        return Move::Propose(Package { choice });
    }
    Move::Pass
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradetable_core::apply;
    use tradetable_core::network::protocol::{public_state, scenario_for};

    /// Every strategy plays a whole game deciding on the scenario a side is sent (the other side's objectives
    /// empty) and the public view of the game, and the real rules on the whole scenario accept its moves.
    #[test]
    fn every_strategy_plays_on_the_redacted_scenario_and_its_moves_are_legal() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let views = [Side::Us, Side::Partner].map(|side| scenario_for(&scenario, side, false));
        for us_strategy in Strategy::ALL {
            for partner_strategy in [Strategy::Linear, Strategy::Modelling] {
                let mut agents = [us_strategy.agent(Side::Us), partner_strategy.agent(Side::Partner)];
                let mut state = GameState::new(&scenario, 2025);
                let mut refused = 0;
                for _ in 0..400 {
                    if state.is_over() {
                        break;
                    }
                    let k = usize::from(state.to_move == Side::Partner);
                    let mv = agents[k].next_move(&views[k], &public_state(&state));
                    state = match apply(&scenario, &state, &mv) {
                        Ok(applied) => applied.state,
                        Err(_) => {
                            refused += 1;
                            apply(&scenario, &state, &Move::Pass).expect("a pass is legal").state
                        }
                    };
                }
                assert!(state.is_over(), "{us_strategy:?} vs {partner_strategy:?} never ended");
                assert!(
                    refused < MAX_STRATEGY_REFUSALS,
                    "{us_strategy:?} vs {partner_strategy:?}: {refused} moves refused"
                );
            }
        }
    }

    #[test]
    fn the_scripted_player_accepts_proposes_then_passes() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let state = GameState::new(&scenario, 1);
        let Move::Propose(package) = scripted(&scenario, &state, Side::Us) else {
            panic!("the scripted player opens with a proposal");
        };
        let proposed = apply(&scenario, &state, &Move::Propose(package)).expect("its proposal is legal");
        assert_eq!(scripted(&scenario, &proposed.state, Side::Partner), Move::Accept);
    }
}
