//! The table's keys: what each binding of `keys::BINDINGS` for the table (and the watch mode) does here. The keys
//! are read through `keys::pressed`, so the help overlay lists exactly what this handles.

use bevy_egui::egui;

use super::state::{Tab, TableUi};
use crate::game::keys::{self, KeyAction, Place, View};
use crate::game::panels::levers::LeverGroup;
use crate::game::panels::offer::OfferAction;
use crate::game::panels::top_bar::TopBarAction;
use tradetable_core::rules::package::Package;
use tradetable_core::{Move, Side};

/// What a key does at the table.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum KeyEffect {
    /// What the top bar's buttons do: the menu, the glossary, the watch mode's play and step.
    Bar(TopBarAction),
    /// What the offer table's buttons do: send, accept, pass, walk away (asking first), the adviser.
    Offer(OfferAction),
    /// Show a lever group of the viewer's side.
    Group(Side, LeverGroup),
    /// Show a side view.
    Show(Tab),
}

/// What the table knows when a key is pressed.
pub(super) struct KeyFacts<'a> {
    /// The side whose controls these are (none when watching).
    pub side: Option<Side>,
    /// The viewer's draft.
    pub draft: Option<&'a Package>,
    /// Whether the other side's offer is on the table.
    pub offer_to_me: bool,
    /// The viewer's lever groups, in number-key order.
    pub groups: Vec<LeverGroup>,
    /// Whether the viewer has a confidential brief.
    pub brief: bool,
}

/// What `action` does at the table, or `None` where it does nothing now (no offer to accept, no fourth group…).
pub(super) fn key_effect(action: KeyAction, facts: &KeyFacts) -> Option<KeyEffect> {
    let side = facts.side;
    match action {
        KeyAction::Menu => Some(KeyEffect::Bar(TopBarAction::Menu)),
        KeyAction::Glossary => Some(KeyEffect::Bar(TopBarAction::Glossary)),
        KeyAction::PlayPause => Some(KeyEffect::Bar(TopBarAction::PlayPause)),
        KeyAction::Step => Some(KeyEffect::Bar(TopBarAction::Step)),
        KeyAction::Send => facts
            .draft
            .map(|draft| KeyEffect::Offer(OfferAction::Play(Move::Propose(draft.clone())))),
        KeyAction::Accept => facts
            .offer_to_me
            .then_some(KeyEffect::Offer(OfferAction::Play(Move::Accept))),
        KeyAction::Pass => side.map(|_| KeyEffect::Offer(OfferAction::Play(Move::Pass))),
        KeyAction::WalkAway => side.map(|_| KeyEffect::Offer(OfferAction::ConfirmWalkAway)),
        KeyAction::Adviser => side.map(|_| KeyEffect::Offer(OfferAction::AskAdviser)),
        KeyAction::LeverGroup(k) => Some(KeyEffect::Group(side?, *facts.groups.get(k)?)),
        KeyAction::Show(view) => {
            let tab = match view {
                View::Table => Tab::Table,
                View::Preview => Tab::Preview,
                View::Charts => Tab::Dashboard,
                View::News => Tab::News,
                View::Offers => Tab::History,
                View::Brief if facts.brief => Tab::Brief,
                View::Brief => return None,
            };
            Some(KeyEffect::Show(tab))
        }
        // The help overlay's own key, read by the overlay on every screen.
        KeyAction::Help => None,
    }
}

/// Reads the table's keys of this frame (of `place`: the table, or the watch mode): the tab and lever group they pick
/// are set at once; what the top bar's or the offer table's buttons would do is written to `bar` and `offer`.
/// `had_focus`: a control had the keyboard focus as the frame began, so Enter and Space are that control's.
pub(super) fn read_table_keys(
    ctx: &egui::Context,
    facts: &KeyFacts,
    place: Place,
    had_focus: bool,
    ui_state: &mut TableUi,
    bar: &mut Option<TopBarAction>,
    offer: &mut Option<OfferAction>,
) {
    let typing = ctx.egui_wants_keyboard_input();
    let pressed = ctx.input(|input| keys::pressed(input, place, typing, had_focus));
    for effect in pressed.into_iter().filter_map(|action| key_effect(action, facts)) {
        match effect {
            KeyEffect::Bar(action) => *bar = Some(action),
            KeyEffect::Offer(action) => *offer = Some(action),
            KeyEffect::Group(side, group) => {
                ui_state.groups[side] = group;
                // Laid out as tabs, the levers are a tab of their own: show it.
                if ui_state.tabbed {
                    ui_state.tab = Tab::Levers;
                }
            }
            KeyEffect::Show(tab) => ui_state.tab = tab,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::keys::BINDINGS;
    use crate::game::menus::help::{help_key, help_rows};
    use tradetable_core::{PackageSpace, Scenario};

    #[test]
    fn every_binding_is_handled_where_it_works_and_listed_in_the_help() {
        let scenario = Scenario::builtin().expect("the built-in scenario");
        let space = PackageSpace::of(&scenario);
        let draft = space.best_for(Side::Us);
        // A moment at which every key can do something: the US to move, with an offer to answer and a brief.
        let facts = KeyFacts {
            side: Some(Side::Us),
            draft: Some(&draft),
            offer_to_me: true,
            groups: LeverGroup::of(&scenario, Side::Us),
            brief: true,
        };
        let listed = help_rows();
        for binding in BINDINGS {
            let handled = match binding.place {
                Place::Everywhere => help_key(binding.action, false).is_some(),
                Place::Table | Place::Watch => key_effect(binding.action, &facts).is_some(),
            };
            assert!(handled, "{:?} in {:?} is not handled", binding.action, binding.place);
            assert!(
                listed
                    .iter()
                    .any(|row| row.what == binding.what && row.keys == keys::keys_label(binding)),
                "{:?} is not listed in the help",
                binding.action
            );
        }
    }

    #[test]
    fn keys_do_nothing_that_the_moment_does_not_allow() {
        let scenario = Scenario::builtin().expect("the built-in scenario");
        let watching = KeyFacts {
            side: None,
            draft: None,
            offer_to_me: false,
            groups: Vec::new(),
            brief: false,
        };
        for action in [
            KeyAction::Send,
            KeyAction::Accept,
            KeyAction::Pass,
            KeyAction::LeverGroup(0),
            KeyAction::Show(View::Brief),
        ] {
            assert_eq!(key_effect(action, &watching), None, "{action:?} while watching");
        }
        let japan = KeyFacts {
            side: Some(Side::Partner),
            draft: None,
            offer_to_me: false,
            groups: LeverGroup::of(&scenario, Side::Partner),
            brief: false,
        };
        assert_eq!(key_effect(KeyAction::Accept, &japan), None, "no offer to accept");
        assert_eq!(key_effect(KeyAction::LeverGroup(3), &japan), None, "no fourth group");
    }
}
