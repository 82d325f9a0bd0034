//! Validation: every check a scenario must pass to be played, each failure with the field path of the value at
//! fault; the same checks recorded rule by rule are the source of the generated reference. `validator` checks one
//! value (a range, a rate, a reference to an id); each other file checks one part of a scenario, and `validate`
//! below runs them in the order of the scenario file, which is the order problems are reported in.

mod briefs;
mod events;
mod history;
mod objectives;
mod partner;
mod partner_tariffs;
mod personalities;
mod politics;
mod rivals;
mod setting;
mod terms;
mod trade;
mod translations;
mod validator;

use std::collections::{BTreeMap, BTreeSet};

use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::Scenario;
use crate::scenario::side::Side;
pub(super) use validator::Finding;
use validator::Validator;
pub use validator::{did_you_mean, show_number};

impl Scenario {
    /// Every semantic problem, with the path of the value at fault.
    pub(super) fn problems(&self) -> Vec<Finding> {
        self.validate(Validator::default()).problems
    }

    /// The problems of the scenario as a networked class host sends it to `side`'s team (`protocol::scenario_for`):
    /// every check of a scenario file, except of the other side's objectives and brief, which are left out on
    /// purpose. Each problem reads `path: message`; none when the scenario is sound to play on.
    pub fn view_problems(&self, side: Side) -> Vec<String> {
        let other = side.other().key();
        let left_out = [format!("objectives.{other}"), format!("briefs.{other}")];
        self.problems()
            .into_iter()
            .map(|finding| (finding.path.to_string(), finding.message))
            .filter(|(path, _)| !left_out.iter().any(|prefix| path.starts_with(prefix.as_str())))
            .map(|(path, message)| format!("{path}: {message}"))
            .collect()
    }

    /// Every rule the validator applies, by field path (list positions written `[]`), as it applies them to this
    /// scenario: the source of the generated reference (`tradetable schema`), so the reference and the validator
    /// cannot disagree.
    pub fn validation_rules(&self) -> BTreeMap<String, BTreeSet<String>> {
        let recording = Validator {
            rules: Some(BTreeMap::new()),
            ..Validator::default()
        };
        self.validate(recording).rules.unwrap_or_default()
    }

    /// Runs every check in the order of the scenario file; the ids each part defines are handed to the checks of the
    /// parts that refer to them.
    fn validate(&self, mut v: Validator) -> Validator {
        let root = FieldPath::root();
        self.check_title_and_length(&mut v, &root);
        self.check_exchange(&mut v, &root);
        self.check_dynamics(&mut v, &root);
        self.check_sensitivity(&mut v, &root);
        let sector_ids = self.check_sectors(&mut v, &root);
        let instrument_ids = self.check_instruments(&mut v, &root, &sector_ids);
        let lever_ids = self.check_levers(&mut v, &root, &sector_ids, &instrument_ids);
        let term_ids = self.check_deal_terms(&mut v, &root, &sector_ids, &instrument_ids, &lever_ids);
        self.check_rivals(&mut v, &root, &sector_ids);
        let package_ids: BTreeSet<String> = instrument_ids.union(&lever_ids).chain(&term_ids).cloned().collect();
        let negotiable_ids = self.check_partner_tariffs(&mut v, &root, &sector_ids, &package_ids);
        self.check_investment(&mut v, &root);
        self.check_partner(&mut v, &root);
        for side in Side::BOTH {
            self.check_politics(&mut v, &root, side);
            self.check_objectives(&mut v, &root, side);
        }
        self.check_scheduled_events(&mut v, &root, &instrument_ids);
        self.check_random_events(&mut v, &root);
        self.check_injects(&mut v, &root);
        self.check_coaching(&mut v, &root);
        self.check_briefs(&mut v, &root);
        let issue_ids: BTreeSet<String> = package_ids.union(&negotiable_ids).cloned().collect();
        self.check_personalities(&mut v, &root, &issue_ids);
        self.check_history(&mut v, &root, &sector_ids);
        self.check_actual_deal(&mut v, &root);
        self.check_translations(&mut v, &root);
        v
    }
}
