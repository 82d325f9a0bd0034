//! The game's key bindings, in one table: the table screen and the help overlay read their keys from [`BINDINGS`],
//! and the help overlay (F1) lists the same table, so a key cannot work without being listed or be listed without
//! working.

use bevy_egui::egui;

use crate::game::i18n::t;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Open or close the list of keys.
    Help,
    /// Open the pause menu.
    Menu,
    /// Put your proposal on the table.
    Send,
    /// Accept the offer on the table.
    Accept,
    /// End the turn without an offer (rejecting the one on the table).
    Pass,
    /// Walk away from the talks (after a confirmation).
    WalkAway,
    /// Ask the adviser.
    Adviser,
    /// Show the lever group with this place in the side's list (0 is the first).
    LeverGroup(usize),
    /// Show one of the side views.
    Show(View),
    /// Open or close the glossary.
    Glossary,
    /// Play or pause the watched game.
    PlayPause,
    /// One move of the watched game.
    Step,
}

/// The side views a key can show at the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The offer table itself (a tab when the window is narrow).
    Table,
    /// What the model projects.
    Preview,
    /// The charts.
    Charts,
    /// The news feed.
    News,
    /// The offers so far.
    Offers,
    /// The side's confidential brief.
    Brief,
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On every screen with no overlay open (and in the help overlay itself).
    Everywhere,
    /// At the table, as a player.
    Table,
    /// At the table, watching two AIs.
    Watch,
}

impl Place {
    /// The heading of its part of the help overlay.
    pub fn heading(self) -> String {
        match self {
            Place::Everywhere => t!("menus-keys-everywhere"),
            Place::Table => t!("menus-keys-at-table"),
            Place::Watch => t!("menus-keys-watching"),
        }
    }
}

/// One key binding: the keys, what they do and where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Binding {
    /// Any of these keys.
    pub keys: &'static [egui::Key],
    /// What they ask for.
    pub action: KeyAction,
    /// Where.
    pub place: Place,
    /// The id of the message in which the help overlay says what it does (`menus-keys-…`).
    pub what: &'static str,
}

/// Every key binding of the game.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[egui::Key::F1, egui::Key::Questionmark],
        action: KeyAction::Help,
        place: Place::Everywhere,
        what: "menus-keys-help",
    },
    Binding {
        keys: &[egui::Key::Enter],
        action: KeyAction::Send,
        place: Place::Table,
        what: "menus-keys-send",
    },
    Binding {
        keys: &[egui::Key::A],
        action: KeyAction::Accept,
        place: Place::Table,
        what: "menus-keys-accept",
    },
    Binding {
        keys: &[egui::Key::R],
        action: KeyAction::Pass,
        place: Place::Table,
        what: "menus-keys-pass",
    },
    Binding {
        keys: &[egui::Key::W],
        action: KeyAction::WalkAway,
        place: Place::Table,
        what: "menus-keys-walk-away",
    },
    Binding {
        keys: &[egui::Key::H],
        action: KeyAction::Adviser,
        place: Place::Table,
        what: "menus-keys-adviser",
    },
    Binding {
        keys: &[egui::Key::Num1],
        action: KeyAction::LeverGroup(0),
        place: Place::Table,
        what: "menus-keys-group-1",
    },
    Binding {
        keys: &[egui::Key::Num2],
        action: KeyAction::LeverGroup(1),
        place: Place::Table,
        what: "menus-keys-group-2",
    },
    Binding {
        keys: &[egui::Key::Num3],
        action: KeyAction::LeverGroup(2),
        place: Place::Table,
        what: "menus-keys-group-3",
    },
    Binding {
        keys: &[egui::Key::Num4],
        action: KeyAction::LeverGroup(3),
        place: Place::Table,
        what: "menus-keys-group-4",
    },
    Binding {
        keys: &[egui::Key::T],
        action: KeyAction::Show(View::Table),
        place: Place::Table,
        what: "menus-keys-view-table",
    },
    Binding {
        keys: &[egui::Key::P],
        action: KeyAction::Show(View::Preview),
        place: Place::Table,
        what: "menus-keys-view-preview",
    },
    Binding {
        keys: &[egui::Key::C],
        action: KeyAction::Show(View::Charts),
        place: Place::Table,
        what: "menus-keys-view-charts",
    },
    Binding {
        keys: &[egui::Key::N],
        action: KeyAction::Show(View::News),
        place: Place::Table,
        what: "menus-keys-view-news",
    },
    Binding {
        keys: &[egui::Key::O],
        action: KeyAction::Show(View::Offers),
        place: Place::Table,
        what: "menus-keys-view-offers",
    },
    Binding {
        keys: &[egui::Key::B],
        action: KeyAction::Show(View::Brief),
        place: Place::Table,
        what: "menus-keys-view-brief",
    },
    Binding {
        keys: &[egui::Key::G],
        action: KeyAction::Glossary,
        place: Place::Table,
        what: "menus-keys-glossary",
    },
    Binding {
        keys: &[egui::Key::Escape],
        action: KeyAction::Menu,
        place: Place::Table,
        what: "menus-keys-menu",
    },
    Binding {
        keys: &[egui::Key::Space],
        action: KeyAction::PlayPause,
        place: Place::Watch,
        what: "menus-keys-play-pause",
    },
    Binding {
        keys: &[egui::Key::ArrowRight],
        action: KeyAction::Step,
        place: Place::Watch,
        what: "menus-keys-step",
    },
    Binding {
        keys: &[egui::Key::G],
        action: KeyAction::Glossary,
        place: Place::Watch,
        what: "menus-keys-glossary",
    },
    Binding {
        keys: &[egui::Key::Escape],
        action: KeyAction::Menu,
        place: Place::Watch,
        what: "menus-keys-menu",
    },
];

/// The keys egui itself gives every screen, listed under the bindings: how to reach any control without a mouse. Each
/// is the id of a message saying what they do, whose `.keys` names the keys.
pub const CONTROL_KEYS: &[&str] = &[
    "menus-keys-control-tab",
    "menus-keys-control-press",
    "menus-keys-control-arrows",
    "menus-keys-control-esc",
];

/// What the keys pressed this frame ask for, of the bindings of `place`. While `typing` (a text box has the focus)
/// only keys that type nothing count; while a control `has_focus`, Enter and Space press that control instead.
pub fn pressed(input: &egui::InputState, place: Place, typing: bool, has_focus: bool) -> Vec<KeyAction> {
    let held = input.modifiers.ctrl || input.modifiers.alt || input.modifiers.command;
    BINDINGS
        .iter()
        .filter(|binding| binding.place == place)
        .filter(|binding| {
            binding.keys.iter().any(|&key| {
                let types_text = types_text(key);
                let presses_focus = matches!(key, egui::Key::Enter | egui::Key::Space);
                input.key_pressed(key)
                    && !(typing && (types_text || presses_focus))
                    && !(held && types_text)
                    && !(has_focus && presses_focus)
            })
        })
        .map(|binding| binding.action)
        .collect()
}

/// Whether a key types a character (a letter, a digit, `?`), so it is not a shortcut while a text box has the focus.
fn types_text(key: egui::Key) -> bool {
    !matches!(
        key,
        egui::Key::F1
            | egui::Key::Escape
            | egui::Key::Enter
            | egui::Key::Tab
            | egui::Key::ArrowLeft
            | egui::Key::ArrowRight
            | egui::Key::ArrowUp
            | egui::Key::ArrowDown
    )
}

/// How the help overlay names a key (the names on the keys stay as written on them: `Esc`, `Enter`, `A`).
pub fn key_name(key: egui::Key) -> String {
    match key {
        egui::Key::Questionmark => "?".to_string(),
        egui::Key::ArrowRight => t!("menus-keys-right-arrow"),
        egui::Key::Escape => "Esc".to_string(),
        egui::Key::Num1 => "1".to_string(),
        egui::Key::Num2 => "2".to_string(),
        egui::Key::Num3 => "3".to_string(),
        egui::Key::Num4 => "4".to_string(),
        other => other.name().to_string(),
    }
}

/// A binding's keys as the help overlay shows them: `F1 or ?`.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|&key| key_name(key))
        .reduce(|first, second| t!("menus-keys-either", first = first, second = second))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The input of one frame in which `key` was pressed.
    fn press(key: egui::Key, modifiers: egui::Modifiers) -> egui::InputState {
        let ctx = egui::Context::default();
        let raw = egui::RawInput {
            events: vec![
                egui::Event::ModifiersChanged(modifiers),
                egui::Event::Key {
                    key,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers,
                },
            ],
            ..Default::default()
        };
        ctx.run_ui(raw, |_| {}).drop_without_applying_deltas();
        ctx.input(|input| input.clone())
    }

    #[test]
    fn every_key_of_every_binding_is_read_as_its_action() {
        for binding in BINDINGS {
            for &key in binding.keys {
                let modifiers = if key == egui::Key::Questionmark {
                    egui::Modifiers::SHIFT
                } else {
                    egui::Modifiers::NONE
                };
                let actions = pressed(&press(key, modifiers), binding.place, false, false);
                assert!(
                    actions.contains(&binding.action),
                    "{} ({:?}) is not read as {:?}",
                    key_name(key),
                    binding.place,
                    binding.action
                );
            }
        }
    }

    #[test]
    fn every_binding_and_control_key_says_what_it_does_in_every_language() {
        use crate::game::i18n::{Language, has_message};
        for language in Language::ALL {
            for binding in BINDINGS {
                assert!(
                    has_message(language, binding.what),
                    "{} in {}",
                    binding.what,
                    language.code()
                );
            }
            for id in CONTROL_KEYS {
                assert!(has_message(language, id), "{id} in {}", language.code());
                assert!(
                    has_message(language, &format!("{id}.keys")),
                    "{id}.keys in {}",
                    language.code()
                );
            }
        }
        let help = &BINDINGS[0];
        let english = crate::game::i18n::with_language(Language::English, || keys_label(help));
        let japanese = crate::game::i18n::with_language(Language::Japanese, || keys_label(help));
        assert_eq!((english.as_str(), japanese.as_str()), ("F1 or ?", "F1 または ?"));
    }

    #[test]
    fn a_key_is_bound_once_in_each_place() {
        for (k, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[k + 1..] {
                let shared = a.keys.iter().any(|key| b.keys.contains(key));
                assert!(
                    !(shared && a.place == b.place),
                    "{:?} and {:?} share a key in {:?}",
                    a.action,
                    b.action,
                    a.place
                );
            }
        }
    }

    #[test]
    fn typing_and_a_focused_control_keep_their_keys() {
        let letter = press(egui::Key::A, egui::Modifiers::NONE);
        assert_eq!(pressed(&letter, Place::Table, false, false), vec![KeyAction::Accept]);
        assert!(pressed(&letter, Place::Table, true, false).is_empty(), "typing an a");
        let enter = press(egui::Key::Enter, egui::Modifiers::NONE);
        assert!(
            pressed(&enter, Place::Table, false, true).is_empty(),
            "Enter presses the focused control"
        );
        let copy = press(egui::Key::C, egui::Modifiers::COMMAND);
        assert!(pressed(&copy, Place::Table, false, false).is_empty(), "Ctrl+C copies");
        let escape = press(egui::Key::Escape, egui::Modifiers::NONE);
        assert_eq!(pressed(&escape, Place::Table, true, true), vec![KeyAction::Menu]);
    }
}
