//! The checks of what the players read besides the game: the coaching notes and each side's brief.

use super::validator::Validator;
use crate::scenario::ron_spans::FieldPath;
use crate::scenario::schema::Scenario;

impl Scenario {
    /// The coaching notes, each on a round of the game.
    pub(super) fn check_coaching(&self, v: &mut Validator, root: &FieldPath) {
        for (k, note) in self.coaching.iter().enumerate() {
            let p = root.field("coaching").index(k);
            v.round(&p.field("round"), note.round, self.rounds);
            v.text(&p.field("text"), &note.text);
        }
    }

    /// Each side's brief: its goals, when to walk away, and what to keep private.
    pub(super) fn check_briefs(&self, v: &mut Validator, root: &FieldPath) {
        if let Some(briefs) = &self.briefs {
            for (side, brief) in briefs.iter() {
                let p = root.field("briefs").field(side.key());
                v.text(&p.field("goals"), &brief.goals);
                v.text(&p.field("walk_away"), &brief.walk_away);
                v.text(&p.field("keep_private"), &brief.keep_private);
            }
        }
    }
}
