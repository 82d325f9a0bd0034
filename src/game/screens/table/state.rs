//! What the table keeps between frames (each side's draft, the adviser's hint, the tab, the lever groups) and what
//! players do at it, as [`TableAction`]s.

use bevy::prelude::*;

use crate::game::panels::levers::{LeverGroup, LeverInputs};
use tradetable_core::rules::package::Package;
use tradetable_core::{Move, PerSide, Side};

/// Each side's proposal in the making. Only the viewer's is ever drawn.
#[derive(Resource, Debug, Clone, Default)]
pub struct Drafts(pub PerSide<Option<Package>>);

impl Drafts {
    /// A side's draft, if it has one.
    pub fn get(&self, side: Side) -> Option<&Package> {
        self.0[side].as_ref()
    }
}

/// What a player did at the table. Choosing a tab or a lever group, typing in a lever's box and opening the
/// glossary or a confirmation are the panel's own state; everything with an effect beyond the panel is an action.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum TableAction {
    /// Play a move for `side` (the session refuses it if it is not that side's human turn).
    Play {
        /// The side playing.
        side: Side,
        /// The move.
        mv: Move,
    },
    /// Replace `side`'s draft proposal.
    Draft {
        /// Whose draft.
        side: Side,
        /// The new draft.
        package: Package,
    },
    /// Ask the adviser what `side` should do now.
    AskAdviser(Side),
    /// Play or pause the watched game.
    PlayPause,
    /// One move of the watched game.
    Step,
    /// Moves per second of the watched game.
    Speed(f32),
    /// Open the pause menu.
    Pause,
    /// Restart on the edited scenario file.
    Reload,
    /// Show the list of keys.
    Keys,
}

/// The adviser's hint for the team to move: private, removed when the table is left.
#[derive(Resource, Debug, Clone)]
pub struct Advice {
    /// For whom.
    pub side: Side,
    /// In which round and after how many actions (a hint is stale after any move).
    pub at: (u32, u32, Side),
    /// The hint.
    pub text: String,
    /// The package it suggests, if any.
    pub package: Option<Package>,
}

/// The right-hand views, or every view when the table is laid out as tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// The offer table (a tab only when the table is laid out as tabs).
    Table,
    /// The levers, or what is in force when watching (a tab only when the table is laid out as tabs).
    Levers,
    /// What the model projects for the packages on the table.
    #[default]
    Preview,
    /// The charts.
    Dashboard,
    /// The news feed.
    News,
    /// The offers so far.
    History,
    /// The side's confidential brief (only to that side).
    Brief,
}

/// The table's UI state that lives between frames.
#[derive(Resource, Debug, Clone)]
pub struct TableUi {
    /// The lever group of each side.
    pub groups: PerSide<LeverGroup>,
    /// Each side's lever inputs.
    pub inputs: PerSide<LeverInputs>,
    /// The tab shown.
    pub tab: Tab,
    /// Asking to confirm a walk-away.
    pub confirm_walk_away: bool,
    /// The glossary window is open.
    pub glossary: bool,
    /// The table is laid out as tabs (a narrow window or a large UI scale), as it was last drawn.
    pub tabbed: bool,
}

impl Default for TableUi {
    fn default() -> Self {
        TableUi {
            groups: PerSide::new(LeverGroup::Tariffs, LeverGroup::Concessions),
            inputs: Default::default(),
            tab: Tab::Preview,
            confirm_walk_away: false,
            glossary: false,
            tabbed: false,
        }
    }
}
