//! Sound cues for the moments of a game that happen away from where the player looks: an offer arriving, a deal
//! signed, a side walking away, an event card, the last round and the deadline. The cues are short WAV files of our
//! own (`scripts/make-sounds.py`), built into the binary; their volume and a mute switch are in the settings.
//!
//! The cues follow the core's state, not the screens: after the session's part of a frame, the news and the outcome
//! added since the last frame say what happened, whoever made it happen (the AI, the other team, the host of a
//! networked table). Opening or loading a game takes its history as heard, so a loaded game does not replay it.
//! Without an audio device (autoplay, CI under Xvfb) Bevy's audio plugin is left out and the cues are silent.

use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings, Volume};
use bevy::prelude::*;

use super::navigation::Flow;
use super::session::{Mode, Session};
use super::settings::Settings;
use tradetable_core::rules::negotiation::GameState;
use tradetable_core::rules::state::{EventKind, OutcomeKind};
use tradetable_core::{Scenario, Side};

/// A moment of the game with a sound, in rising order of importance: of several in one frame only the most
/// important sounds, so cues never pile up.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    /// The other side put an offer on the table.
    Offer,
    /// An event: a random event, an election, a teacher's inject, a tariff taking effect, the agreement suspended
    /// or restored.
    Event,
    /// The last round began, or the deadline passed without a deal.
    Deadline,
    /// A side walked away, or the talks collapsed.
    WalkAway,
    /// A deal was signed.
    Deal,
}

impl Cue {
    /// Every cue.
    pub const ALL: [Cue; 5] = [Cue::Offer, Cue::Event, Cue::Deadline, Cue::WalkAway, Cue::Deal];

    /// The cue's WAV file.
    pub fn wav(self) -> &'static [u8] {
        match self {
            Cue::Offer => include_bytes!("../../assets/sounds/offer.wav"),
            Cue::Event => include_bytes!("../../assets/sounds/event.wav"),
            Cue::Deadline => include_bytes!("../../assets/sounds/deadline.wav"),
            Cue::WalkAway => include_bytes!("../../assets/sounds/walk_away.wav"),
            Cue::Deal => include_bytes!("../../assets/sounds/deal.wav"),
        }
    }
}

/// What of a game the cues have already sounded for.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Heard {
    news: usize,
    round: u32,
    ended: bool,
}

impl Heard {
    /// Everything in `state` as heard.
    pub fn of(state: &GameState) -> Heard {
        Heard {
            news: state.news.len(),
            round: state.round,
            ended: state.outcome.is_some(),
        }
    }
}

/// The cue for what happened between `heard` and `state`, if anything did; `offers_from_here` says whether a
/// side's offers are made at this screen (they need no cue: the player just sent them).
pub fn cue_for(
    heard: &Heard,
    state: &GameState,
    scenario: &Scenario,
    offers_from_here: impl Fn(Side) -> bool,
) -> Option<Cue> {
    let news = state.news.get(heard.news..).unwrap_or_default();
    let from_news = news.iter().filter_map(|event| match &event.kind {
        EventKind::Offered(side) if !offers_from_here(*side) => Some(Cue::Offer),
        EventKind::WalkedAway(_) => Some(Cue::WalkAway),
        EventKind::Random(_)
        | EventKind::Inject(_)
        | EventKind::Election { .. }
        | EventKind::TariffTookEffect
        | EventKind::TradeAgreementSuspended
        | EventKind::TradeAgreementRestored => Some(Cue::Event),
        _ => None,
    });
    let ending = match &state.outcome {
        Some(outcome) if !heard.ended => Some(match outcome.kind {
            OutcomeKind::Deal => Cue::Deal,
            OutcomeKind::NoDeal | OutcomeKind::Collapse => {
                let walked = news.iter().any(|e| matches!(e.kind, EventKind::WalkedAway(_)));
                if walked || outcome.kind == OutcomeKind::Collapse {
                    Cue::WalkAway
                } else {
                    Cue::Deadline
                }
            }
        }),
        _ => None,
    };
    let last_round = (state.outcome.is_none() && state.round != heard.round && state.round == scenario.rounds)
        .then_some(Cue::Deadline);
    from_news.chain(ending).chain(last_round).max()
}

/// The cues' sounds, loaded once when Bevy's audio is there.
#[derive(Resource)]
struct CueSounds(Vec<(Cue, Handle<AudioSource>)>);

/// Follows the game for cues and plays them.
pub fn plugin(app: &mut App) {
    app.add_message::<Cue>()
        .init_resource::<Heard>()
        .add_systems(Startup, load_sounds)
        .add_systems(
            Update,
            (listen.run_if(resource_exists::<Session>), play_cues)
                .chain()
                .after(Flow::Session),
        );
}

fn load_sounds(mut commands: Commands, sources: Option<ResMut<Assets<AudioSource>>>) {
    // No audio plugin (autoplay, tests): nothing to load, and the cues are read and dropped.
    let Some(mut sources) = sources else { return };
    let sounds = Cue::ALL
        .iter()
        .map(|&cue| {
            (
                cue,
                sources.add(AudioSource {
                    bytes: cue.wav().into(),
                }),
            )
        })
        .collect();
    commands.insert_resource(CueSounds(sounds));
}

fn listen(session: Res<Session>, mut heard: ResMut<Heard>, mut cues: MessageWriter<Cue>) {
    if session.is_added() || heard.news > session.state.news.len() {
        // A game opened, loaded or replaced: its history is not news.
        *heard = Heard::of(&session.state);
        return;
    }
    if !session.is_changed() {
        return;
    }
    let offers_from_here = |side: Side| match &session.remote {
        Some(remote) => remote.side == side,
        // In hotseat an offer is made for the other team, who takes the seat next: it chimes for them.
        None => session.setup.mode != Mode::Hotseat && session.setup.mode.is_human(side),
    };
    if let Some(cue) = cue_for(&heard, &session.state, &session.scenario, offers_from_here) {
        cues.write(cue);
    }
    *heard = Heard::of(&session.state);
}

fn play_cues(
    mut commands: Commands,
    mut cues: MessageReader<Cue>,
    sounds: Option<Res<CueSounds>>,
    settings: Res<Settings>,
) {
    let Some(cue) = cues.read().copied().max() else { return };
    let Some(sounds) = sounds else { return };
    if settings.muted || settings.volume <= 0.0 {
        return;
    }
    if let Some((_, sound)) = sounds.0.iter().find(|(c, _)| *c == cue) {
        commands.spawn((
            AudioPlayer::new(sound.clone()),
            PlaybackSettings::DESPAWN.with_volume(Volume::Linear(settings.volume.clamp(0.0, 1.0))),
        ));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use tradetable_core::rules::state::{Event, Outcome};

    fn game() -> (Scenario, GameState) {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let state = GameState::new(&scenario, 7);
        (scenario, state)
    }

    fn news(state: &mut GameState, kind: EventKind) {
        state.news.push(Arc::new(Event {
            round: state.round,
            kind,
            text: "news".to_string(),
        }));
    }

    fn end(state: &mut GameState, kind: OutcomeKind) {
        state.outcome = Some(Outcome {
            kind,
            round: state.round,
            reason: "over".to_string(),
            package: None,
        });
    }

    #[test]
    fn nothing_new_sounds_nothing() {
        let (scenario, state) = game();
        assert_eq!(cue_for(&Heard::of(&state), &state, &scenario, |_| false), None);
    }

    #[test]
    fn an_offer_chimes_only_when_it_comes_from_the_other_side() {
        let (scenario, mut state) = game();
        let heard = Heard::of(&state);
        news(&mut state, EventKind::Offered(Side::Partner));
        assert_eq!(
            cue_for(&heard, &state, &scenario, |side| side == Side::Us),
            Some(Cue::Offer)
        );
        assert_eq!(cue_for(&heard, &state, &scenario, |side| side == Side::Partner), None);
        // Heard once, it does not sound again.
        assert_eq!(cue_for(&Heard::of(&state), &state, &scenario, |_| false), None);
    }

    #[test]
    fn the_most_important_moment_of_a_frame_wins() {
        let (scenario, mut state) = game();
        let heard = Heard::of(&state);
        news(&mut state, EventKind::Random("storm".to_string()));
        assert_eq!(cue_for(&heard, &state, &scenario, |_| false), Some(Cue::Event));
        news(&mut state, EventKind::Offered(Side::Us));
        end(&mut state, OutcomeKind::Deal);
        assert_eq!(cue_for(&heard, &state, &scenario, |_| false), Some(Cue::Deal));
    }

    #[test]
    fn a_game_ends_with_a_walk_away_or_the_deadline() {
        let (scenario, mut state) = game();
        let heard = Heard::of(&state);
        let mut walked = state.clone();
        news(&mut walked, EventKind::WalkedAway(Side::Us));
        end(&mut walked, OutcomeKind::NoDeal);
        assert_eq!(cue_for(&heard, &walked, &scenario, |_| false), Some(Cue::WalkAway));
        end(&mut state, OutcomeKind::NoDeal);
        assert_eq!(cue_for(&heard, &state, &scenario, |_| false), Some(Cue::Deadline));
    }

    #[test]
    fn the_last_round_is_announced_once() {
        let (scenario, mut state) = game();
        let heard = Heard::of(&state);
        state.round = scenario.rounds;
        assert_eq!(cue_for(&heard, &state, &scenario, |_| false), Some(Cue::Deadline));
        assert_eq!(cue_for(&Heard::of(&state), &state, &scenario, |_| false), None);
    }

    #[test]
    fn every_cue_is_a_short_wav() {
        for cue in Cue::ALL {
            let wav = cue.wav();
            assert_eq!(&wav[0..4], b"RIFF", "{cue:?}");
            assert_eq!(&wav[8..12], b"WAVE", "{cue:?}");
            assert!(wav.len() < 100_000, "{cue:?} is {} bytes", wav.len());
        }
    }
}
