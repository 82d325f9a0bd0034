//! When the window updates: on input, and otherwise only while something moves on its own. An idle window sleeps
//! (winit's reactive mode), so a game left at the table costs next to nothing; the game's parts that change without
//! input ask for a steady tick with [`UpdateWithin`] while they do: an AI opponent's paced turn, the watch mode's
//! clock, a replay playing, a networked table's link to its host, a debrief being worked out.
//!
//! Other wake-ups need nothing from the game: egui's own repaint requests (a tooltip's delay, an animation) reach
//! winit through bevy_egui, which writes `RequestRedraw` whenever egui asks for a repaint (the game only keeps
//! bevy_egui from asking at every update for no reason); and the scenario watcher of hot reload wakes the window from
//! its thread when a file changes ([`Waker`]).

use std::collections::BTreeMap;
use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, UpdateMode, WinitSettings, WinitUserEvent};
use bevy_egui::{EguiInput, EguiInputSet, EguiPreUpdateSet, egui};

use super::navigation::{Menu, Screen};
use super::screens::debrief::DebriefView;
use super::screens::replay::ReplayView;
use super::session::{AiPace, Mode, Session, WatchClock};
use crate::net::class_client::{Phase, TableClient};

/// How often a paced AI turn, a playing replay or a debrief at work is looked at: often enough that a move shows
/// within a tenth of a second of being due.
pub const ANIMATION_TICK: Duration = Duration::from_millis(100);

/// How often a laptop at a networked table reads the host's messages: the transport is read in the app's update,
/// so without a tick a move of the other team would show only when the mouse moves.
pub const NETWORK_TICK: Duration = Duration::from_millis(100);

/// Asks the window to update again within this time, input or not; the shortest ask of a frame wins. Write it every
/// frame while something changes on its own: with none, the window sleeps until input.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpdateWithin(pub Duration);

/// How the window updates when nothing asks for more: the launch's own settings (reactive for a player, a steady
/// tick for the teacher's console, continuous for autoplay). Without it (windowless apps, tests) nothing is paced.
#[derive(Resource, Debug, Clone)]
pub struct IdleUpdates(pub WinitSettings);

/// Wakes the window from another thread (none without a window): for work that finishes off the main thread.
#[derive(Resource, Clone)]
pub struct Waker(bevy::winit::EventLoopProxy<WinitUserEvent>);

impl Waker {
    /// Makes the window update once, soon.
    pub fn wake(&self) {
        // The window may already be closing; then there is nothing to wake.
        let _ = self.0.send_event(WinitUserEvent::WakeUp);
    }
}

/// Paces the window's updates.
pub fn plugin(app: &mut App) {
    app.add_message::<UpdateWithin>()
        .add_systems(PreStartup, keep_a_waker)
        .add_systems(
            Update,
            (
                tick_while_the_ai_plays
                    .run_if(in_state(Screen::Table))
                    .run_if(in_state(Menu::None)),
                tick_while_replaying,
                tick_while_linked,
                tick_while_debriefing,
            ),
        )
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(EguiInputSet::WriteEguiEvents)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Last, pace_updates);
}

fn keep_a_waker(proxy: Option<Res<EventLoopProxyWrapper>>, mut commands: Commands) {
    if let Some(proxy) = proxy {
        commands.insert_resource(Waker((**proxy).clone()));
    }
}

/// bevy_egui tells egui the modifier keys at every update as an input event, and egui answers any input event with
/// an immediate repaint, which bevy_egui turns into another update: the window would never sleep. The event is
/// dropped while the modifiers are those egui already has (egui keeps them from one pass to the next).
fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut known: Local<BTreeMap<Entity, egui::Modifiers>>,
) {
    for (context, mut input) in &mut inputs {
        let mut last = known.get(&context).copied();
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(now) if last == Some(*now) => false,
            egui::Event::ModifiersChanged(now) => {
                last = Some(*now);
                true
            }
            _ => true,
        });
        if let Some(last) = last {
            known.insert(context, last);
        }
    }
}

/// An AI seat to move (paced for the player to follow), or the watch mode's clock playing.
fn tick_while_the_ai_plays(
    session: Option<Res<Session>>,
    watch: Res<WatchClock>,
    pace: Res<AiPace>,
    mut ask: MessageWriter<UpdateWithin>,
) {
    let Some(session) = session else {
        return;
    };
    if session.state.is_over() || session.human_to_move() || session.is_remote() {
        return;
    }
    if session.setup.mode == Mode::Watch {
        if watch.playing || watch.pending_steps > 0 {
            ask.write(UpdateWithin(watch_tick(watch.moves_per_second)));
        }
    } else if pace.seconds_per_move > 0.0 {
        ask.write(UpdateWithin(ANIMATION_TICK));
    } else {
        ask.write(UpdateWithin(Duration::ZERO));
    }
}

/// The watch clock's tick: four looks per move, so moves come evenly, between 20 ms and a quarter of a second.
pub fn watch_tick(moves_per_second: f32) -> Duration {
    let millis = if moves_per_second > 0.0 {
        250.0 / moves_per_second
    } else {
        250.0
    };
    Duration::from_millis(millis.clamp(20.0, 250.0) as u64)
}

fn tick_while_replaying(view: Option<Res<ReplayView>>, mut ask: MessageWriter<UpdateWithin>) {
    if view.is_some_and(|view| view.playing) {
        ask.write(UpdateWithin(ANIMATION_TICK));
    }
}

/// A laptop linked (or linking) to a host: its messages, the turn's clock, the link's keep-alives.
fn tick_while_linked(client: Option<Res<TableClient>>, mut ask: MessageWriter<UpdateWithin>) {
    if client.is_some_and(|client| !matches!(client.phase, Phase::Idle | Phase::Over)) {
        ask.write(UpdateWithin(NETWORK_TICK));
    }
}

fn tick_while_debriefing(view: Option<Res<DebriefView>>, mut ask: MessageWriter<UpdateWithin>) {
    if view.is_some_and(|view| view.working()) {
        ask.write(UpdateWithin(ANIMATION_TICK));
    }
}

/// Sets winit's update mode for the next wait: the idle settings, shortened to the soonest tick asked for this
/// frame. Only a change is written: winit updates at once when the mode changes.
fn pace_updates(
    mut asked: MessageReader<UpdateWithin>,
    idle: Option<Res<IdleUpdates>>,
    settings: Option<ResMut<WinitSettings>>,
) {
    let soonest = asked.read().map(|ask| ask.0).min();
    let (Some(idle), Some(mut settings)) = (idle, settings) else {
        return;
    };
    let wanted = paced(&idle.0, soonest);
    if settings.focused_mode != wanted.focused_mode || settings.unfocused_mode != wanted.unfocused_mode {
        *settings = wanted;
    }
}

/// `idle`, with every reactive wait shortened to `soonest` if asked.
pub fn paced(idle: &WinitSettings, soonest: Option<Duration>) -> WinitSettings {
    let shorten = |mode: UpdateMode| match (mode, soonest) {
        (
            UpdateMode::Reactive {
                wait,
                react_to_device_events,
                react_to_user_events,
                react_to_window_events,
            },
            Some(soonest),
        ) => UpdateMode::Reactive {
            wait: wait.min(soonest),
            react_to_device_events,
            react_to_user_events,
            react_to_window_events,
        },
        (mode, _) => mode,
    };
    WinitSettings {
        focused_mode: shorten(idle.focused_mode),
        unfocused_mode: shorten(idle.unfocused_mode),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_idle_window_keeps_its_settings_and_a_tick_shortens_only_reactive_waits() {
        let idle = WinitSettings::desktop_app();
        let kept = paced(&idle, None);
        assert_eq!(kept.focused_mode, idle.focused_mode);
        assert_eq!(kept.unfocused_mode, idle.unfocused_mode);
        let ticking = paced(&idle, Some(NETWORK_TICK));
        assert_eq!(ticking.focused_mode, UpdateMode::reactive(NETWORK_TICK));
        assert_eq!(ticking.unfocused_mode, UpdateMode::reactive_low_power(NETWORK_TICK));
        let continuous = paced(&WinitSettings::continuous(), Some(NETWORK_TICK));
        assert_eq!(continuous.focused_mode, UpdateMode::Continuous);
    }

    #[test]
    fn the_watch_clock_looks_four_times_a_move_within_bounds() {
        assert_eq!(watch_tick(2.0), Duration::from_millis(125));
        assert_eq!(watch_tick(20.0), Duration::from_millis(20));
        assert_eq!(watch_tick(0.5), Duration::from_millis(250));
        assert_eq!(watch_tick(0.0), Duration::from_millis(250));
    }
}
