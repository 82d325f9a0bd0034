//! The language in play, as a player changes it in the settings mid-game: the table's scenario texts follow (the
//! scenario's own Japanese), while the game itself — its state, its scenario's identity, what the model computes —
//! does not change. Its own test binary, because the language is process-wide and other tests read English.
#![cfg(feature = "gui")]

use bevy::prelude::*;
use tradetable::game::i18n::{CurrentLanguage, Language, tr};
use tradetable::game::session::{GameCommand, GameSetup, Mode, PlayerMove, Session};
use tradetable::game::settings::Settings;
use tradetable::game::testing::{minimal_app, options, temp_dir};
use tradetable_core::rules::package::PackageSpace;
use tradetable_core::{Move, Side};

fn send(app: &mut App, command: GameCommand) {
    app.world_mut().write_message(command);
    app.update();
    app.update();
}

fn speak(app: &mut App, language: Language) {
    app.world_mut().resource_mut::<Settings>().language = language;
    app.update();
    app.update();
}

#[test]
fn changing_language_mid_game_changes_the_words_and_nothing_else() {
    let setup = GameSetup {
        mode: Mode::PlayUs,
        seed: 5,
        ..GameSetup::default()
    };
    let mut app = minimal_app(options(setup, temp_dir("language")));
    app.update();
    send(&mut app, GameCommand::OpenSetup);
    send(&mut app, GameCommand::Start);
    let english = app.world().resource::<Session>().scenario.clone();
    assert_eq!(english.title, "Spring 2025: tariffs on the table");
    let state_before = app.world().resource::<Session>().state.clone();

    speak(&mut app, Language::Japanese);
    assert_eq!(app.world().resource::<CurrentLanguage>().0, Language::Japanese);
    assert_eq!(tr("menus-settings-title"), "設定");
    let session = app.world().resource::<Session>();
    assert_eq!(session.scenario.title, "2025年春：関税をめぐる交渉");
    assert_eq!(session.scenario.partner.name, "日本");
    assert_eq!(
        session.scenario.text_hash, english.text_hash,
        "the same scenario for saves and records"
    );
    assert_eq!(session.state, state_before, "changing language is not a move");

    // A move made in Japanese is the move made in English: the same state follows.
    let space = PackageSpace::of(&english);
    let proposal = Move::Propose(space.best_for(Side::Us));
    let mut in_english = Session::new(english.clone(), session.setup.clone());
    in_english.state = state_before.clone();
    in_english.play(&proposal).expect("the proposal is legal");
    app.world_mut().write_message(PlayerMove {
        side: Side::Us,
        mv: proposal,
    });
    app.update();
    app.update();
    let after = &app.world().resource::<Session>().state;
    assert_eq!(
        after.moves.first(),
        in_english.state.moves.first(),
        "the same move was played"
    );

    speak(&mut app, Language::English);
    assert_eq!(tr("menus-settings-title"), "Settings");
    assert_eq!(app.world().resource::<Session>().scenario.title, english.title);
}
