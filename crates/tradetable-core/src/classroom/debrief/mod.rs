//! The class debrief: every table's record replayed and set side by side — outcome, scores and their breakdowns,
//! the model's verdict, where each deal sits on the utility plane beside the Pareto frontier, the Nash point, no
//! deal and the real July 2025 deal, who conceded first, and the spread of each term across the tables that
//! signed — as plain data (the game's Debrief screen draws the same), one self-contained HTML page to project or
//! print, and a CSV row per table for a gradebook. This file holds the data; `build` makes it from the records with
//! the sentences of `verdict`, `gradebook` writes the CSV, `charts` draws the SVG plots and `page` sets them in the
//! page's template. The files here import this one and, one way only, `build` → `verdict` and `page` → `charts`.

mod build;
mod charts;
mod gradebook;
mod page;
mod verdict;

use std::path::Path;

use serde::Serialize;

use crate::analysis::game::{GameAnalysis, UtilityPlane};
use crate::classroom::record::{RECORD_VERSION, RecordError, ScenarioRef};
use crate::rules::negotiation::OutcomeKind;
use crate::rules::score::SideScore;
use crate::scenario::format::one_decimal;
use crate::scenario::schema::{Names, PerSide, Side};
use crate::scenario::side::{Partner, as_heading};

/// What the model says of one game: the figures a table is judged by, and those of the reference games beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// How it ended; `None` while it is not over.
    pub outcome: Option<OutcomeKind>,
    /// Each side's score (0–100).
    pub scores: PerSide<f64>,
    /// The US goods deficit with Japan averaged over the rounds played, $bn a year.
    pub mean_deficit_bn: f64,
    /// The deficit in the last round played.
    pub final_deficit_bn: f64,
    /// Whether the 2019 agreement was in force at the end.
    pub trade_agreement_survived: bool,
    /// Its state at the end: `in force`, `suspended`, `terminated`.
    pub trade_agreement: String,
    /// The first month it was not in force, `YYYY-MM`, if it ever lapsed.
    pub trade_agreement_lapsed: Option<String>,
    /// Each side's overall approval at the end (0–100).
    pub approval: PerSide<f64>,
}

/// The reference games on one seed and set of class injects: no deal, and the real deal signed when it was.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    /// The seed.
    pub seed: u64,
    /// The class injects switched on.
    pub injects: Vec<String>,
    /// Nobody moves: every scheduled tariff takes effect and nothing is signed.
    pub no_deal: Figures,
    /// The deal of July 2025 signed in its month, when the scenario has one.
    pub real_deal: Option<Figures>,
}

/// One term of a package, for display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    /// The issue's id.
    pub issue: String,
    /// The issue's name.
    pub name: String,
    /// The value signed.
    pub value: f64,
    /// The value as it reads: `15%`, `$550bn`, `yes`.
    pub text: String,
}

/// The model's verdict on a table, in plain words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The deficit, against no deal and the real deal.
    pub deficit: String,
    /// The fate of the trade agreement.
    pub trade_agreement: String,
    /// Each government's standing at home.
    pub standing: String,
    /// The scores against no deal and the real deal.
    pub scores: String,
    /// Where the outcome sits on the utility plane against no deal — a different measure from the scores, said so.
    pub utility: String,
    /// The negotiation: who conceded first, how far each side moved, how much value was left on the table.
    pub negotiation: String,
}

/// One table of the class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableDebrief {
    /// The short tag the plot marks the table with: its own table number (`3`), with a letter when two different
    /// records name the same table (`3a`, `3b`); a capital letter (`A`, `B`) for a game played without a table code.
    pub tag: String,
    /// Its class table code, if it was played under one.
    pub code: Option<String>,
    /// The record's label (`table 3`, a team's name for the save).
    pub label: String,
    /// The record's file.
    pub file: String,
    /// Who played each side.
    pub seats: PerSide<String>,
    /// The seed.
    pub seed: u64,
    /// The class injects switched on.
    pub injects: Vec<String>,
    /// Which of [`Debrief::benchmarks`] the table is compared with (its seed and injects).
    pub benchmark: usize,
    /// The round it ended in (rounds to agreement, for a deal), or the round being played.
    pub round: u32,
    /// That round's month, `YYYY-MM`.
    pub month: String,
    /// Why it ended, in a sentence.
    pub reason: String,
    /// The model's figures.
    pub figures: Figures,
    /// Both scores with their breakdowns.
    pub scores: PerSide<SideScore>,
    /// Each objective's average as it reads (`$60.9bn`, `100%`, `15%`), in the order of the breakdown.
    pub averages: PerSide<Vec<String>>,
    /// The signed terms, in the order of the issues; empty without a deal.
    pub terms: Vec<Term>,
    /// The offers, labels, concessions and value left on the table.
    pub analysis: GameAnalysis,
    /// The verdict in words.
    pub verdict: Verdict,
}

impl TableDebrief {
    /// How the table is named in headings, with the tag the plot marks it with: `Table 3`, or `A · ` and the
    /// record's label for a game played without a table code.
    pub fn title(&self) -> String {
        match &self.code {
            Some(_) => format!("Table {}", self.tag),
            None => format!("{} · {}", self.tag, self.label),
        }
    }

    /// How the outcome reads: `deal`, `no deal`, `collapse`, or `not finished`.
    pub fn outcome_label(&self) -> &'static str {
        self.figures.outcome.map_or("not finished", OutcomeKind::label)
    }
}

/// One option of an issue and how many signed tables chose it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionCount {
    /// The option's value.
    pub value: f64,
    /// How it reads.
    pub text: String,
    /// Tables that signed it.
    pub tables: u32,
    /// Whether the real deal set the issue here.
    pub real_deal: bool,
}

/// The spread of one issue's signed terms across the tables that signed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermSpread {
    /// The issue's id.
    pub issue: String,
    /// Its name.
    pub name: String,
    /// Whose lever it is.
    pub owner: Side,
    /// Every option, in the issue's order.
    pub options: Vec<OptionCount>,
}

/// The deal that really happened, as the debrief shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RealDeal {
    /// How it is named in a sentence: "the July 2025 deal".
    pub label: String,
    /// The round it was signed in.
    pub round: u32,
    /// Its month, `YYYY-MM`.
    pub month: String,
    /// What it was, in a sentence.
    pub description: String,
    /// Where its terms come from.
    pub source: String,
    /// Its terms.
    pub terms: Vec<Term>,
}

/// A whole class's debrief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    /// The scenario and its version.
    pub scenario: ScenarioRef,
    /// Every table, by table number (or in the order given).
    pub tables: Vec<TableDebrief>,
    /// The frontier, the Nash point, no deal and the real deal, on the scale every table is placed on.
    pub plane: UtilityPlane,
    /// The reference games, one per seed and set of injects the tables played.
    pub benchmarks: Vec<Benchmark>,
    /// The real deal, when the scenario has one.
    pub real_deal: Option<RealDeal>,
    /// The spread of every issue across the tables that signed.
    pub spread: Vec<TermSpread>,
    /// Each side's overall approval before any move.
    pub start_approval: PerSide<f64>,
    /// The month the talks begin, `YYYY-MM`: the position every utility is valued at.
    pub start_month: String,
    /// The partner across the table, as the scenario names it.
    pub partner: Partner,
    /// The trade agreement's short name ("USJTA"), when the scenario has one.
    pub agreement_name: Option<String>,
    /// The files left out, each with its reason (the page shows them in a box; the CLI prints them).
    pub skipped: Vec<Skipped>,
    /// Records that name the same table: duplicates counted once, different games under one table.
    pub clashes: Vec<Clash>,
}

/// More records than any class has tables twice over: the debrief refuses the rest rather than run for minutes.
pub const MAX_DEBRIEF_RECORDS: usize = 2 * crate::classroom::class::MAX_TABLES as usize;

/// A file left out of the debrief, and why: it could not be read, is not a game record, is damaged or cut short,
/// was written by a newer TradeTable, was played on another scenario (or another version of it), or does not replay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file, as it was named or found.
    pub file: String,
    /// Why it was left out, in words.
    pub reason: String,
}

impl Skipped {
    /// A file left out for `error` (a read or replay error of the record).
    pub fn of(file: &Path, error: &RecordError) -> Skipped {
        Skipped {
            file: file.display().to_string(),
            reason: skip_reason(error),
        }
    }
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.file, self.reason)
    }
}

/// Why a record is left out, without the file name its message starts with.
pub fn skip_reason(error: &RecordError) -> String {
    match error {
        RecordError::Io { error, .. } => error.to_string(),
        RecordError::TooLarge { bytes, limit, .. } => {
            format!("{bytes} bytes is too large for a game record (at most {limit})")
        }
        RecordError::NotARecord { reason, .. } => format!("not a TradeTable game record ({reason})"),
        RecordError::Newer { version, .. } => format!(
            "written by a newer TradeTable (record format {version}; this version reads format {RECORD_VERSION}): \
             debrief it with that version"
        ),
        RecordError::Older { version, .. } => {
            format!("record format {version} is older than this version reads (format {RECORD_VERSION})")
        }
        RecordError::Damaged {
            line, column, message, ..
        } => format!("damaged game record (line {line}, column {column}): {message}"),
        RecordError::OtherScenario { wanted, found, .. } => format!(
            "played on \"{}\" ({}, version {}), not on the debrief's scenario \"{}\" ({}, version {})",
            wanted.title,
            wanted.id,
            wanted.short_hash(),
            found.title,
            found.id,
            found.short_hash()
        ),
        RecordError::MoveRefused {
            index, played, error, ..
        } => format!(
            "move {index} ({}, {}, round {}) is refused on replay: {error} (the record was edited or is damaged)",
            played.mv,
            played.side.role(),
            played.round
        ),
    }
}

/// Records that name the same table: one game handed in more than once (counted once), or different games under
/// one table code or number (each shown, tagged `3a`, `3b`, so the teacher can tell which is the team's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Clash {
    /// The same game (same table, seed, seats and moves) in several files: debriefed once, from the first file.
    Duplicate {
        /// How the table is named (`Table 3`, or the first file's tag and label).
        table: String,
        /// The file debriefed.
        kept: String,
        /// The other copies, left out.
        copies: Vec<String>,
    },
    /// Different games that name the same table: every one is debriefed, under its own tag.
    Conflict {
        /// The table's number.
        table: u32,
        /// Each record: its tag, its file and its table code.
        records: Vec<(String, String, String)>,
    },
}

impl Clash {
    /// The warning, in a sentence.
    pub fn message(&self) -> String {
        match self {
            Clash::Duplicate { table, kept, copies } => format!(
                "{table}: the same game is in {} files; it counts once (from {kept}), and {} left out: {}",
                copies.len() + 1,
                if copies.len() == 1 {
                    "this copy is"
                } else {
                    "these copies are"
                },
                copies.join(", ")
            ),
            Clash::Conflict { table, records } => {
                let each: Vec<String> = records
                    .iter()
                    .map(|(tag, file, code)| format!("{tag} is {file} (code {code})"))
                    .collect();
                format!(
                    "Table {table}: {} different games name this table; each is shown under its own tag ({}). \
                     Check which one is the team's before grading.",
                    records.len(),
                    each.join("; ")
                )
            }
        }
    }
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "warning: {}", self.message())
    }
}

/// Nothing could be debriefed: every file was left out (or there were none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NothingToDebrief {
    /// Every file left out, with its reason.
    pub skipped: Vec<Skipped>,
}

impl std::fmt::Display for NothingToDebrief {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("there are no game records to debrief")?;
        if !self.skipped.is_empty() {
            write!(f, " ({} file(s) skipped):", self.skipped.len())?;
            for skipped in &self.skipped {
                write!(f, "\n  {skipped}")?;
            }
        }
        Ok(())
    }
}

impl Debrief {
    /// Tables that signed a deal.
    pub fn deals(&self) -> usize {
        self.tables
            .iter()
            .filter(|t| t.figures.outcome == Some(OutcomeKind::Deal))
            .count()
    }

    /// How the page names the two sides.
    pub fn names(&self) -> Names<'_> {
        Names::new(&self.partner)
    }

    /// The real deal as a sentence names it ("the July 2025 deal"); "the real deal" without one.
    fn real_label(&self) -> &str {
        self.real_deal
            .as_ref()
            .map_or("the real deal", |deal| deal.label.as_str())
    }

    /// The real deal as a heading or a mark ("July 2025 deal"); "Real deal" without one.
    pub fn real_deal_heading(&self) -> String {
        as_heading(self.real_label())
    }
}

/// Utility on the 0–1 scale as points out of 100: `61.2`.
fn points(utility: f64) -> String {
    one_decimal(utility * 100.0)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::classroom::class::TableCode;
    use crate::classroom::palette;
    use crate::classroom::record::{GameRecord, Seat};
    use crate::rules::negotiation::GameState;
    use crate::scenario::schema::Scenario;

    fn record(scenario: &Scenario, state: &GameState, label: &str) -> GameRecord {
        let seats = PerSide::new(Seat::People("US team".into()), Seat::People("Japan <team>".into()));
        GameRecord::of(scenario, state, seats, None, label, "2025-07-22T00:00:00Z".into())
    }

    #[test]
    fn a_debrief_places_no_deal_and_the_real_deal_where_the_plane_does_and_escapes_every_text() {
        let scenario = Scenario::builtin().unwrap();
        let no_deal = crate::ai::play::play_no_deal(&scenario, 11);
        let real = crate::ai::play::play_actual_deal(&scenario, 11).unwrap();
        let records = vec![
            (
                PathBuf::from("a.json"),
                record(&scenario, &no_deal, "<script>alert(1)</script>"),
            ),
            (PathBuf::from("b.json"), record(&scenario, &real, "July & co")),
        ];
        let debrief = Debrief::from_records(&scenario, &records, Vec::new()).unwrap();
        assert_eq!(debrief.tables.len(), 2);
        assert_eq!(debrief.deals(), 1);
        let (nothing, deal) = (&debrief.tables[0], &debrief.tables[1]);
        assert_eq!(nothing.analysis.outcome, debrief.plane.no_deal());
        assert_eq!(Some(deal.analysis.outcome), debrief.plane.real_deal);
        // The real deal's own game is the benchmark: the same scores, and both tables share one benchmark.
        assert_eq!(debrief.benchmarks.len(), 1);
        let benchmark = &debrief.benchmarks[0];
        assert_eq!(
            Some(&deal.figures.scores),
            benchmark.real_deal.as_ref().map(|f| &f.scores)
        );
        assert_eq!(nothing.figures.scores, benchmark.no_deal.scores);
        assert!(nothing.terms.is_empty() && !deal.terms.is_empty());
        assert!(
            nothing
                .verdict
                .scores
                .contains("the US scored the same and Japan the same"),
            "{}",
            nothing.verdict.scores
        );
        assert!(nothing.verdict.negotiation.starts_with("Neither side made an offer."));
        // Every issue's spread counts the one signed table once, at the real deal's option.
        for issue in &debrief.spread {
            let signed: Vec<&OptionCount> = issue.options.iter().filter(|o| o.tables == 1).collect();
            assert_eq!(signed.len(), 1, "{}", issue.issue);
            assert!(signed[0].real_deal, "{}", issue.issue);
        }

        let html = debrief.html();
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("July &amp; co"));
        assert!(html.contains("Japan &lt;team&gt;"));
        // The hand-drawn charts escape their text too: the dance of the table without a code is named by its label.
        assert!(html.contains("aria-label=\"A · &lt;script&gt;alert(1)&lt;/script&gt;: each side"));
        // The page's colours are the shared palette's: the sides in the style sheet, the real deal's mark on the plane.
        assert!(html.contains(&format!("--us: {}; --partner: {};", palette::US, palette::PARTNER)));
        assert!(html.contains(&format!("fill=\"{}\"", palette::REAL_DEAL)));
        let csv = debrief.csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3, "a header and a row per table");
        assert!(
            lines[1].contains("<script>"),
            "the CSV keeps the label as written: {}",
            lines[1]
        );
    }

    #[test]
    fn a_record_of_another_version_is_left_out_naming_its_file_and_the_rest_are_debriefed() {
        let scenario = Scenario::builtin().unwrap();
        let state = crate::ai::play::play_no_deal(&scenario, 3);
        let mut other = record(&scenario, &state, "table 4");
        other.scenario.hash = "f".repeat(64);
        let unread = Skipped {
            file: "results/empty.json".into(),
            reason: "damaged game record (line 1, column 0): the file ends too soon".into(),
        };
        let records = vec![(PathBuf::from("results/table-4.json"), other.clone())];
        let nothing = Debrief::from_records(&scenario, &records, vec![unread.clone()]).unwrap_err();
        assert_eq!(nothing.skipped.len(), 2, "every bad file is named, not only the first");
        let message = nothing.to_string();
        assert!(
            message.contains("results/table-4.json: played on") && message.contains("version"),
            "{message}"
        );
        assert!(message.contains("results/empty.json"), "{message}");

        let records = vec![
            (PathBuf::from("results/table-4.json"), other),
            (PathBuf::from("results/good.json"), record(&scenario, &state, "good")),
        ];
        let debrief = Debrief::from_records(&scenario, &records, vec![unread]).unwrap();
        assert_eq!(debrief.tables.len(), 1);
        let files: Vec<&str> = debrief.skipped.iter().map(|s| s.file.as_str()).collect();
        assert_eq!(files, ["results/empty.json", "results/table-4.json"]);
        let html = debrief.html();
        assert!(
            html.contains("Not in this debrief: 2 file(s)"),
            "a box on the page names them"
        );
        assert!(html.contains("results/table-4.json") && html.contains("the file ends too soon"));
        assert!(
            !debrief.csv().contains("table-4.json"),
            "the CSV has only the tables debriefed"
        );
        assert!(Debrief::from_records(&scenario, &[], Vec::new()).is_err());
    }

    /// A record of table `number` of a class on `scenario` (seed 2025, two teams), after `state`'s moves.
    fn class_record(scenario: &Scenario, state: &GameState, number: u32) -> GameRecord {
        let code = TableCode {
            scenario_hash_prefix: crate::classroom::class::hash_prefix(&scenario.text_hash),
            seed: state.seed,
            table: number,
            seats: PerSide::new(
                crate::classroom::class::ClassSeat::People,
                crate::classroom::class::ClassSeat::People,
            ),
            injects: 0,
        };
        let seats = PerSide::new(Seat::People("US team".into()), Seat::People("Japan team".into()));
        GameRecord::of(
            scenario,
            state,
            seats,
            Some(code.encode()),
            &format!("table {number}"),
            "2025-07-22T00:00:00Z".into(),
        )
    }

    #[test]
    fn a_duplicate_counts_once_and_every_table_keeps_its_own_number() {
        let scenario = Scenario::builtin().unwrap();
        let no_deal = crate::ai::play::play_no_deal(&scenario, 2025);
        let real = crate::ai::play::play_actual_deal(&scenario, 2025).unwrap();
        // Tables 1, 2 and 6, and a second copy of table 1 (exported again, under another label), read in between.
        let mut copy = class_record(&scenario, &real, 1);
        copy.label = "table 1 (USB copy)".into();
        copy.saved_at = "2025-07-23T00:00:00Z".into();
        let records = vec![
            (PathBuf::from("a-table-1.json"), class_record(&scenario, &real, 1)),
            (PathBuf::from("b-copy-of-1.json"), copy),
            (PathBuf::from("c-table-2.json"), class_record(&scenario, &no_deal, 2)),
            (PathBuf::from("d-table-6.json"), class_record(&scenario, &real, 6)),
        ];
        let debrief = Debrief::from_records(&scenario, &records, Vec::new()).unwrap();
        let tags: Vec<&str> = debrief.tables.iter().map(|t| t.tag.as_str()).collect();
        assert_eq!(tags, ["1", "2", "6"], "three tables, each under its own number");
        assert_eq!(debrief.tables[1].file, "c-table-2.json");
        assert_eq!(debrief.tables[1].title(), "Table 2");
        assert_eq!(debrief.clashes.len(), 1);
        let warning = debrief.clashes[0].message();
        assert!(
            warning.contains("Table 1") && warning.contains("b-copy-of-1.json") && warning.contains("counts once"),
            "{warning}"
        );
        let csv = debrief.csv();
        let tables: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap_or("")).collect();
        assert_eq!(tables, ["1", "2", "6"], "the gradebook names the same tables");
        assert!(debrief.html().contains("b-copy-of-1.json"), "the page warns too");
    }

    #[test]
    fn two_different_games_of_one_table_are_both_shown_and_both_named_in_a_warning() {
        let scenario = Scenario::builtin().unwrap();
        let no_deal = crate::ai::play::play_no_deal(&scenario, 2025);
        let real = crate::ai::play::play_actual_deal(&scenario, 2025).unwrap();
        let records = vec![
            (PathBuf::from("x.json"), class_record(&scenario, &real, 3)),
            (PathBuf::from("y.json"), class_record(&scenario, &no_deal, 3)),
            (PathBuf::from("z.json"), class_record(&scenario, &no_deal, 4)),
        ];
        let debrief = Debrief::from_records(&scenario, &records, Vec::new()).unwrap();
        let tags: Vec<&str> = debrief.tables.iter().map(|t| t.tag.as_str()).collect();
        assert_eq!(tags, ["3a", "3b", "4"]);
        assert_eq!(debrief.clashes.len(), 1);
        let warning = debrief.clashes[0].message();
        assert!(
            warning.contains("Table 3") && warning.contains("x.json") && warning.contains("y.json"),
            "{warning}"
        );
        assert!(!warning.contains("z.json"), "{warning}");
    }
}
