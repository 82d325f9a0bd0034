//! The game's key bindings, in one table: the table screen and the help overlay read their keys from [`BINDINGS`],
//! and the help overlay (F1) lists the same table, so a key cannot work without being listed or be listed without
//! working.

use bevy_egui::egui;

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
    pub fn heading(self) -> &'static str {
        match self {
            Place::Everywhere => "Everywhere",
            Place::Table => "At the table",
            Place::Watch => "Watching two AIs",
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
    /// What the help overlay says it does.
    pub what: &'static str,
}

/// Every key binding of the game.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[egui::Key::F1, egui::Key::Questionmark],
        action: KeyAction::Help,
        place: Place::Everywhere,
        what: "Show or hide this list of keys",
    },
    Binding {
        keys: &[egui::Key::Enter],
        action: KeyAction::Send,
        place: Place::Table,
        what: "Send your proposal (with no control focused)",
    },
    Binding {
        keys: &[egui::Key::A],
        action: KeyAction::Accept,
        place: Place::Table,
        what: "Accept the offer on the table",
    },
    Binding {
        keys: &[egui::Key::R],
        action: KeyAction::Pass,
        place: Place::Table,
        what: "Reject the offer on the table, or pass",
    },
    Binding {
        keys: &[egui::Key::W],
        action: KeyAction::WalkAway,
        place: Place::Table,
        what: "Walk away (asks first)",
    },
    Binding {
        keys: &[egui::Key::H],
        action: KeyAction::Adviser,
        place: Place::Table,
        what: "Ask the adviser for a hint",
    },
    Binding {
        keys: &[egui::Key::Num1],
        action: KeyAction::LeverGroup(0),
        place: Place::Table,
        what: "Lever group 1 (US: tariffs; partner: gestures)",
    },
    Binding {
        keys: &[egui::Key::Num2],
        action: KeyAction::LeverGroup(1),
        place: Place::Table,
        what: "Lever group 2 (US: threats; partner: agreement)",
    },
    Binding {
        keys: &[egui::Key::Num3],
        action: KeyAction::LeverGroup(2),
        place: Place::Table,
        what: "Lever group 3 (US: goodwill)",
    },
    Binding {
        keys: &[egui::Key::Num4],
        action: KeyAction::LeverGroup(3),
        place: Place::Table,
        what: "Lever group 4 (US: the trade agreement)",
    },
    Binding {
        keys: &[egui::Key::T],
        action: KeyAction::Show(View::Table),
        place: Place::Table,
        what: "The offer table (in a narrow window)",
    },
    Binding {
        keys: &[egui::Key::P],
        action: KeyAction::Show(View::Preview),
        place: Place::Table,
        what: "The preview",
    },
    Binding {
        keys: &[egui::Key::C],
        action: KeyAction::Show(View::Charts),
        place: Place::Table,
        what: "The charts",
    },
    Binding {
        keys: &[egui::Key::N],
        action: KeyAction::Show(View::News),
        place: Place::Table,
        what: "The news",
    },
    Binding {
        keys: &[egui::Key::O],
        action: KeyAction::Show(View::Offers),
        place: Place::Table,
        what: "The offers so far",
    },
    Binding {
        keys: &[egui::Key::B],
        action: KeyAction::Show(View::Brief),
        place: Place::Table,
        what: "Your confidential brief",
    },
    Binding {
        keys: &[egui::Key::G],
        action: KeyAction::Glossary,
        place: Place::Table,
        what: "Open or close the glossary",
    },
    Binding {
        keys: &[egui::Key::Escape],
        action: KeyAction::Menu,
        place: Place::Table,
        what: "The menu: resume, settings, save, quit",
    },
    Binding {
        keys: &[egui::Key::Space],
        action: KeyAction::PlayPause,
        place: Place::Watch,
        what: "Play or pause",
    },
    Binding {
        keys: &[egui::Key::ArrowRight],
        action: KeyAction::Step,
        place: Place::Watch,
        what: "One move",
    },
    Binding {
        keys: &[egui::Key::G],
        action: KeyAction::Glossary,
        place: Place::Watch,
        what: "Open or close the glossary",
    },
    Binding {
        keys: &[egui::Key::Escape],
        action: KeyAction::Menu,
        place: Place::Watch,
        what: "The menu: resume, settings, save, quit",
    },
];

/// The keys egui itself gives every screen, listed under the bindings: how to reach any control without a mouse.
pub const CONTROL_KEYS: &[(&str, &str)] = &[
    ("Tab, Shift+Tab", "Next, previous control (a ring shows it)"),
    ("Space or Enter", "Press the control that has the focus"),
    ("Arrow keys", "Move to the control in that direction"),
    ("Esc", "Let go of it; at the table the menu, elsewhere back"),
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

/// How the help overlay names a key.
pub fn key_name(key: egui::Key) -> &'static str {
    match key {
        egui::Key::Questionmark => "?",
        egui::Key::ArrowRight => "Right arrow",
        egui::Key::Escape => "Esc",
        egui::Key::Num1 => "1",
        egui::Key::Num2 => "2",
        egui::Key::Num3 => "3",
        egui::Key::Num4 => "4",
        other => other.name(),
    }
}

/// A binding's keys as the help overlay shows them: `F1 or ?`.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|&key| key_name(key))
        .collect::<Vec<_>>()
        .join(" or ")
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
