//! The setup of a game: who plays which side, where the scenario comes from, the AI on each side and the seed; and
//! the scenarios this computer has.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::error::{OpenError, UnknownSide};
use crate::game::i18n::t;
use tradetable_core::ai::Opponent;
use tradetable_core::classroom::record::{GameRecord, ScenarioRef, Seat};
use tradetable_core::scenario::library;
use tradetable_core::{Names, PerSide, Scenario, Side};

/// The setup of the first game, and the title's choice of scenario.
pub fn plugin(app: &mut App) {
    app.init_resource::<GameSetup>();
}

/// Who plays which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Mode {
    /// A player is the United States; the AI plays Japan.
    #[default]
    PlayUs,
    /// A player is Japan; the AI plays the United States.
    PlayPartner,
    /// Two teams on one screen, taking turns.
    Hotseat,
    /// Two AIs; the player watches.
    Watch,
}

impl Mode {
    /// Every mode, in the order the setup screen lists them.
    pub const ALL: [Mode; 4] = [Mode::PlayUs, Mode::PlayPartner, Mode::Hotseat, Mode::Watch];

    /// The setup screen's label.
    pub fn label(self, names: Names) -> String {
        match self {
            Mode::PlayUs => t!("menus-mode-play-us"),
            Mode::PlayPartner => t!(
                "menus-mode-play-partner",
                partner = names.label(Side::Partner).to_string()
            ),
            Mode::Hotseat => t!("menus-mode-hotseat"),
            Mode::Watch => t!("menus-mode-watch"),
        }
    }

    /// Whether a person plays `side`.
    pub fn is_human(self, side: Side) -> bool {
        match self {
            Mode::PlayUs => side == Side::Us,
            Mode::PlayPartner => side == Side::Partner,
            Mode::Hotseat => true,
            Mode::Watch => false,
        }
    }

    /// The mode in which people play the sides marked `true` and the computer the others.
    pub fn with_people(people: PerSide<bool>) -> Mode {
        match (people.us, people.partner) {
            (true, true) => Mode::Hotseat,
            (true, false) => Mode::PlayUs,
            (false, true) => Mode::PlayPartner,
            (false, false) => Mode::Watch,
        }
    }

    /// Parses `us`, `partner` (or `japan`, its name before scenarios named their partner), `hotseat` or `watch`.
    pub fn parse(s: &str) -> Result<Mode, UnknownSide> {
        match s {
            "us" => Ok(Mode::PlayUs),
            "partner" | "japan" => Ok(Mode::PlayPartner),
            "hotseat" => Ok(Mode::Hotseat),
            "watch" => Ok(Mode::Watch),
            _ => Err(UnknownSide(s.to_string())),
        }
    }
}

/// Where a scenario comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ScenarioSource {
    /// The scenario built into the program.
    #[default]
    Builtin,
    /// Another scenario shipped inside the program, by name.
    Shipped(String),
    /// A scenario file.
    File(PathBuf),
}

impl ScenarioSource {
    /// How the picker shows it.
    pub fn label(&self) -> String {
        match self {
            ScenarioSource::Builtin => t!(
                "menus-source-built-in",
                name = tradetable_core::scenario::parse::DEFAULT_SCENARIO_LABEL
            ),
            ScenarioSource::Shipped(name) => t!("menus-source-built-in", name = name.as_str()),
            ScenarioSource::File(path) => path.display().to_string(),
        }
    }

    /// Loads and validates the scenario; the error is the core's located `FILE:LINE:COL: message` text.
    pub fn load(&self) -> Result<Scenario, OpenError> {
        match self {
            ScenarioSource::Builtin => Scenario::builtin(),
            ScenarioSource::Shipped(name) => match library::shipped(name) {
                Some(shipped) => shipped.load(),
                None => return Err(OpenError::NotShipped(name.clone())),
            },
            ScenarioSource::File(path) => crate::storage::load_scenario(path),
        }
        .map_err(|e| OpenError::Scenario(e.to_string()))
    }
}

/// The choices of the setup screen.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameSetup {
    /// The scenario.
    pub source: ScenarioSource,
    /// Who plays which side.
    pub mode: Mode,
    /// The AI on each side, used where an AI plays it.
    pub ai: PerSide<Opponent>,
    /// The seed of the random events, shown so a class can share one.
    pub seed: u64,
}

impl GameSetup {
    /// The setup of a recorded game: who sat where decides the mode; computer seats keep their player.
    pub fn from_record(source: ScenarioSource, record: &GameRecord) -> GameSetup {
        let mode = Mode::with_people(record.seats.as_ref().map(Seat::is_people));
        let ai = record.seats.clone().map(|seat| match seat {
            Seat::Computer(opponent) => opponent,
            Seat::People(_) => Opponent::default(),
        });
        GameSetup {
            source,
            mode,
            ai,
            seed: record.seed,
        }
    }

    /// Who sits where, for a record, with the scenario's names for the teams.
    pub fn seats(&self, names: Names) -> PerSide<Seat> {
        PerSide::from_fn(|side| {
            if self.mode.is_human(side) {
                Seat::People(format!("{} team", names.label(side)))
            } else {
                Seat::Computer(self.ai[side].clone())
            }
        })
    }
}

/// Every scenario this computer has, as the title's picker lists them: the shipped ones (built into the program),
/// then the files of the scenario folders (the working folder's `scenarios/`, the user's own folder, `--scenario-dir`)
/// that are not exact copies of a shipped one.
pub fn scenario_sources(folders: &[PathBuf]) -> Vec<ScenarioSource> {
    let mut sources = vec![ScenarioSource::Builtin];
    sources.extend(
        library::SHIPPED
            .iter()
            .skip(1)
            .map(|s| ScenarioSource::Shipped(s.name().to_string())),
    );
    for file in crate::storage::scenario_files(folders) {
        let copy = crate::storage::read_bounded(&file).is_ok_and(|text| library::is_shipped_text(&text));
        if !copy {
            sources.push(ScenarioSource::File(file));
        }
    }
    sources
}

/// Every scenario this computer has that loads, with where it came from.
pub fn scenario_library(folders: &[PathBuf]) -> Vec<(ScenarioSource, Scenario)> {
    scenario_sources(folders)
        .into_iter()
        .filter_map(|source| source.load().ok().map(|scenario| (source, scenario)))
        .collect()
}

/// The scenario (in the version) a record or table was made with, from `preferred` or the library, or a sentence
/// saying it is not on this computer.
pub fn find_scenario(
    folders: &[PathBuf],
    reference: &ScenarioRef,
    preferred: &ScenarioSource,
) -> Result<(ScenarioSource, Scenario), OpenError> {
    if let Ok(scenario) = preferred.load()
        && reference.matches(&scenario)
    {
        return Ok((preferred.clone(), scenario));
    }
    scenario_library(folders)
        .into_iter()
        .find(|(_, scenario)| reference.matches(scenario))
        .ok_or_else(|| OpenError::ScenarioMissing {
            title: reference.title.clone(),
            id: reference.id.clone(),
            version: reference.short_hash().to_string(),
        })
}

impl Default for GameSetup {
    fn default() -> Self {
        GameSetup {
            source: ScenarioSource::Builtin,
            mode: Mode::PlayUs,
            ai: PerSide::default(),
            seed: 2025,
        }
    }
}

/// The scenario chosen on the title, loaded for the setup screen's summary.
#[derive(Resource, Debug, Clone)]
pub struct ScenarioPreview {
    /// Where it was loaded from.
    pub source: ScenarioSource,
    /// The scenario (the last version that loaded).
    pub scenario: Arc<Scenario>,
    /// The located error of an edit of the file that does not load, shown over the last good version.
    pub edit_error: Option<String>,
}
