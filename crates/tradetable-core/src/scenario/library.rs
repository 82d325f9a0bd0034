//! Where scenarios come from: the shipped ones, embedded in the binary so an installed `tradetable` works from any
//! folder; the folders of scenario files authors add (the working folder's `scenarios/`, the user's own scenario
//! folder, `--scenario-dir`) are listed and read by the shell's storage layer. Also the starting copy
//! `tradetable new-scenario` writes.

use crate::scenario::parse::{ScenarioError, text_hash};

use crate::scenario::schema::Scenario;

/// A scenario shipped inside the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shipped {
    /// Its file name in the source tree's `scenarios/` folder.
    pub file: &'static str,
    /// The file's text.
    pub text: &'static str,
}

impl Shipped {
    /// The file name without `.ron`, which is also the scenario's id.
    pub fn name(&self) -> &'static str {
        self.file.strip_suffix(".ron").unwrap_or(self.file)
    }

    /// The scenario, loaded and validated.
    pub fn load(&self) -> Result<Scenario, ScenarioError> {
        Scenario::from_ron_str(self.text, &format!("scenarios/{}", self.file))
    }
}

/// Every shipped scenario, the default first. A test checks that every file of `scenarios/` is here.
pub const SHIPPED: &[Shipped] = &[
    Shipped {
        file: "spring-2025.ron",
        text: include_str!("../../../../scenarios/spring-2025.ron"),
    },
    Shipped {
        file: "tutorial.ron",
        text: include_str!("../../../../scenarios/tutorial.ron"),
    },
    Shipped {
        file: "auto-threat-2018.ron",
        text: include_str!("../../../../scenarios/auto-threat-2018.ron"),
    },
    Shipped {
        file: "quarterly-review-2026.ron",
        text: include_str!("../../../../scenarios/quarterly-review-2026.ron"),
    },
    Shipped {
        file: "eu-2025.ron",
        text: include_str!("../../../../scenarios/eu-2025.ron"),
    },
    Shipped {
        file: "korea-2025.ron",
        text: include_str!("../../../../scenarios/korea-2025.ron"),
    },
];

/// The shipped scenario named `name` (its id, or its file name with or without `.ron`).
pub fn shipped(name: &str) -> Option<&'static Shipped> {
    SHIPPED.iter().find(|s| s.file == name || s.name() == name)
}

/// Whether `text` is exactly a shipped scenario's (so a copy of it in a folder is not listed twice).
pub fn is_shipped_text(text: &str) -> bool {
    let hash = text_hash(text);
    SHIPPED.iter().any(|s| text_hash(s.text) == hash)
}

/// A folder holds at most this many scenario files that are listed; the rest are ignored (a folder of thousands is
/// not a scenario folder).
pub const MAX_FOLDER_SCENARIOS: usize = 200;

/// The text of a new scenario called `id`, copied from `from` (a shipped scenario), with a header saying where it
/// came from and what to change first.
pub fn new_scenario_text(id: &str, from: &Shipped) -> String {
    let header = format!(
        "// A new scenario, \"{id}\", copied from the shipped scenario \"{}\" to start from.\n\
         // Check it with `tradetable validate FILE`; every problem is shown with its line. The guided tour is\n\
         // docs/scenario-authoring.md. Change the title, the description and the figures, and give every number you\n\
         // change a `source`: where it comes from, or why you estimate it.\n\n",
        from.name()
    );
    let original_id = format!("id: \"{}\"", from.name());
    let body = from.text.replacen(&original_id, &format!("id: \"{id}\""), 1);
    format!("{header}{body}")
}

/// Whether `id` can name a scenario: letters, digits, `-` and `_`, 1 to 64 of them.
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn every_file_of_the_scenarios_folder_is_shipped_and_loads() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
        let files = std::fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().path());
        let mut found = 0;
        for file in files.filter(|path| path.extension().is_some_and(|ext| ext == "ron")) {
            found += 1;
            let name = file.file_name().unwrap().to_str().unwrap();
            let shipped = shipped(name).unwrap_or_else(|| panic!("{name} is not embedded: add it to SHIPPED"));
            assert_eq!(std::fs::read_to_string(&file).unwrap(), shipped.text, "{name}");
            let scenario = shipped.load().unwrap();
            assert_eq!(scenario.id, shipped.name(), "a shipped scenario's id is its file name");
        }
        assert_eq!(found, SHIPPED.len(), "every shipped scenario is a file of the folder");
    }

    #[test]
    fn a_new_scenario_is_the_copy_with_its_own_id_and_loads() {
        let from = &SHIPPED[0];
        let text = new_scenario_text("my-scenario", from);
        let scenario = Scenario::from_ron_str(&text, "my-scenario.ron").unwrap();
        assert_eq!(scenario.id, "my-scenario");
        assert!(text.starts_with("// A new scenario"));
        assert!(!is_shipped_text(&text));
        assert!(is_shipped_text(from.text));
        assert!(valid_id("korea-2025") && !valid_id("../etc") && !valid_id(""));
    }

    #[test]
    fn every_shipped_scenario_copies_to_a_scenario_with_its_new_id_and_nothing_else_changed() {
        for from in SHIPPED {
            let text = new_scenario_text("a_copy", from);
            let copy = Scenario::from_ron_str(&text, "a_copy.ron").unwrap_or_else(|e| panic!("{}: {e}", from.file));
            assert_eq!(copy.id, "a_copy", "{}", from.file);
            let original = from.load().unwrap();
            assert_eq!(copy.title, original.title, "{}", from.file);
            assert_eq!(copy.sectors.len(), original.sectors.len(), "{}", from.file);
            assert_eq!(
                text.matches("a_copy").count(),
                2,
                "{}: the id is replaced once, and the header names it once",
                from.file
            );
        }
    }

    #[test]
    fn shipped_names_are_unique_and_found_by_id_and_file_name() {
        for (i, one) in SHIPPED.iter().enumerate() {
            assert!(
                SHIPPED[i + 1..].iter().all(|other| other.name() != one.name()),
                "{}",
                one.file
            );
            assert_eq!(shipped(one.name()).map(|s| s.file), Some(one.file));
            assert_eq!(shipped(one.file).map(|s| s.file), Some(one.file));
        }
        assert!(shipped("eu-2025").is_some() && shipped("korea-2025.ron").is_some());
    }
}
