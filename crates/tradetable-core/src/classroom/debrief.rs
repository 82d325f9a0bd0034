//! The class debrief: every table's record replayed and set side by side — outcome, scores and their breakdowns,
//! the model's verdict, where each deal sits on the utility plane beside the Pareto frontier, the Nash point, no
//! deal and the real July 2025 deal, who conceded first, and the spread of each term across the tables that
//! signed — as plain data (the game's Debrief screen draws the same), one self-contained HTML page to project or
//! print, and a CSV row per table for a gradebook.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::ai::play::{actual_deal_package, fresh_like, play_actual_deal_from, play_no_deal_from};
use crate::analysis::game::{GameAnalysis, MoveLabel, UtilityPlane, opening_position};
use crate::analysis::outcome_space::Point;
use crate::analysis::report::counterfactual;
use crate::classroom::class::{TableCode, html_escape};
use crate::classroom::labels::{Anchor, Labels, Placed, wrap_tags};
use crate::classroom::record::{GameRecord, RECORD_VERSION, RecordError, ScenarioRef};
use crate::rules::negotiation::{GameState, OutcomeKind};
use crate::rules::package::PackageSpace;
use crate::rules::score::{ObjectiveScore, SideScore, Valuer, score_game};
use crate::scenario::format::{LeverUnit, bn, chance, lever_level, month, one_decimal, rate, trim, whole_percent};
use crate::scenario::schema::{Indicator, Names, PerSide, Scenario, Side};
use crate::scenario::side::Partner;
use crate::scenario::side::{as_heading, capitalised};

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

impl Figures {
    /// The figures of a game.
    pub fn of(scenario: &Scenario, state: &GameState) -> Figures {
        let summary = counterfactual(scenario, state);
        let latest = state.latest();
        Figures {
            outcome: state.outcome.as_ref().map(|o| o.kind),
            scores: summary.scores,
            mean_deficit_bn: summary.mean_goods_deficit_bn,
            final_deficit_bn: summary.final_goods_deficit_bn,
            trade_agreement_survived: summary.trade_agreement_survived,
            trade_agreement: latest.policy.trade_agreement.label().to_string(),
            trade_agreement_lapsed: state
                .history
                .iter()
                .find(|r| !r.policy.trade_agreement.in_force())
                .map(|r| r.month.clone()),
            approval: latest.approval,
        }
    }
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

fn terms_of(scenario: &Scenario, space: &PackageSpace, terms: &BTreeMap<String, f64>) -> Vec<Term> {
    space
        .issues
        .iter()
        .filter_map(|issue| {
            let value = *terms.get(&issue.id)?;
            Some(Term {
                issue: issue.id.clone(),
                name: issue.name.clone(),
                value,
                text: issue.value_text(scenario, value),
            })
        })
        .collect()
}

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

/// Whether two records are the same game handed in twice: the same table code, scenario version, seed, seats,
/// injects and moves (the label and the time it was written may differ: an exported copy).
fn same_game(a: &GameRecord, b: &GameRecord) -> bool {
    a.table == b.table
        && a.scenario == b.scenario
        && a.seed == b.seed
        && a.seats == b.seats
        && a.injects == b.injects
        && a.fired_injects == b.fired_injects
        && a.moves == b.moves
}

/// Spreadsheet-style letters for the `k`-th item from 0: `a`, `b`, …, `z`, `aa`, `ab`, …
fn letters(mut k: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (k % 26) as u8);
        if k < 26 {
            break;
        }
        k = k / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The tags of the tables, given each one's table number (in the order they are listed: by number, games without
/// a code last): the number itself; the number and a letter when several records name it; a capital letter for a
/// game without a code.
fn table_tags(numbers: &[Option<u32>]) -> Vec<String> {
    let mut count: BTreeMap<u32, usize> = BTreeMap::new();
    for number in numbers.iter().flatten() {
        *count.entry(*number).or_default() += 1;
    }
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    let mut codeless = 0;
    numbers
        .iter()
        .map(|number| match number {
            Some(n) if count.get(n).copied().unwrap_or(0) > 1 => {
                let k = seen.entry(*n).or_default();
                *k += 1;
                format!("{n}{}", letters(*k - 1))
            }
            Some(n) => n.to_string(),
            None => {
                codeless += 1;
                letters(codeless - 1).to_uppercase()
            }
        })
        .collect()
}

impl Debrief {
    /// The debrief of these records (each with the file it was read from), played on `scenario`, with the files
    /// the shell could not read (`unread`). Nothing stops the debrief but having no table at all: a record of
    /// another scenario or version, or one that does not replay, is left out and named in [`Debrief::skipped`]; the
    /// same game handed in twice counts once, and different games naming one table are each shown, both named in
    /// [`Debrief::clashes`].
    pub fn from_records(
        scenario: &Scenario,
        records: &[(PathBuf, GameRecord)],
        unread: Vec<Skipped>,
    ) -> Result<Debrief, NothingToDebrief> {
        /// A record that replays, and the copies of it handed in besides.
        struct Game<'a> {
            path: &'a PathBuf,
            record: &'a GameRecord,
            state: GameState,
            number: Option<u32>,
            copies: Vec<String>,
        }
        let mut skipped = unread;
        let mut games: Vec<Game> = Vec::with_capacity(records.len());
        for (path, record) in records {
            if let Some(game) = games.iter_mut().find(|g| same_game(g.record, record)) {
                game.copies.push(path.display().to_string());
                continue;
            }
            if games.len() == MAX_DEBRIEF_RECORDS {
                skipped.push(Skipped {
                    file: path.display().to_string(),
                    reason: format!("a debrief takes at most {MAX_DEBRIEF_RECORDS} game records (one class at a time)"),
                });
                continue;
            }
            let state = match record.check_scenario(scenario).and_then(|()| record.replay(scenario)) {
                Ok(state) => state,
                Err(error) => {
                    skipped.push(Skipped::of(path, &error));
                    continue;
                }
            };
            let number = record
                .table
                .as_deref()
                .and_then(|code| TableCode::decode(code).ok())
                .map(|code| code.table);
            games.push(Game {
                path,
                record,
                state,
                number,
                copies: Vec::new(),
            });
        }
        if games.is_empty() {
            return Err(NothingToDebrief { skipped });
        }
        // By table number, records without one after, each group in the order given.
        games.sort_by_key(|g| g.number.unwrap_or(u32::MAX));

        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let plane = UtilityPlane::at_opening(scenario, threads);
        let opening = opening_position(scenario);
        let valuer = Valuer::new(scenario, &opening);
        let space = PackageSpace::of(scenario);

        let mut benchmarks: Vec<Benchmark> = Vec::new();
        let tags = table_tags(&games.iter().map(|g| g.number).collect::<Vec<_>>());
        let mut clashes: Vec<Clash> = Vec::new();
        for (game, tag) in games.iter().zip(&tags) {
            if !game.copies.is_empty() {
                clashes.push(Clash::Duplicate {
                    table: match game.number {
                        Some(_) => format!("Table {tag}"),
                        None => format!("{tag} · {}", game.record.label),
                    },
                    kept: game.path.display().to_string(),
                    copies: game.copies.clone(),
                });
            }
        }
        let mut numbers: Vec<u32> = games.iter().filter_map(|g| g.number).collect();
        numbers.dedup();
        for number in numbers {
            let records: Vec<(String, String, String)> = games
                .iter()
                .zip(&tags)
                .filter(|(g, _)| g.number == Some(number))
                .map(|(g, tag)| {
                    (
                        tag.clone(),
                        g.path.display().to_string(),
                        g.record.table.clone().unwrap_or_default(),
                    )
                })
                .collect();
            if records.len() > 1 {
                clashes.push(Clash::Conflict { table: number, records });
            }
        }
        let mut tables = Vec::with_capacity(games.len());
        for (
            Game {
                path, record, state, ..
            },
            tag,
        ) in games.into_iter().zip(tags)
        {
            let benchmark = match benchmarks
                .iter()
                .position(|b| b.seed == state.seed && b.injects == state.injects)
            {
                Some(k) => k,
                None => {
                    benchmarks.push(Benchmark {
                        seed: state.seed,
                        injects: state.injects.clone(),
                        no_deal: Figures::of(scenario, &play_no_deal_from(scenario, fresh_like(scenario, &state))),
                        real_deal: play_actual_deal_from(scenario, fresh_like(scenario, &state))
                            .map(|s| Figures::of(scenario, &s)),
                    });
                    benchmarks.len() - 1
                }
            };
            let round = state.outcome.as_ref().map_or(state.round, |o| o.round);
            let terms = match &state.outcome {
                Some(o) if o.kind == OutcomeKind::Deal => o
                    .package
                    .as_ref()
                    .map(|p| terms_of(scenario, &space, &space.terms(p)))
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let figures = Figures::of(scenario, &state);
            let scores = PerSide::from_fn(|side| score_game(scenario, &state, side));
            let analysis = GameAnalysis::new(&valuer, &plane, &state);
            let verdict = verdict(
                scenario,
                &figures,
                &benchmarks[benchmark],
                &analysis,
                plane.no_deal(),
                &state,
            );
            tables.push(TableDebrief {
                tag,
                code: record.table.clone(),
                label: record.label.clone(),
                file: path
                    .file_name()
                    .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().to_string()),
                seats: record.seats.as_ref().map(|seat| seat.label()),
                seed: state.seed,
                injects: state.injects.clone(),
                benchmark,
                round,
                month: scenario.month_of_round(round),
                reason: state
                    .outcome
                    .as_ref()
                    .map_or_else(|| "the game is not over".to_string(), |o| o.reason.clone()),
                averages: PerSide::from_fn(|side| {
                    scores[side]
                        .breakdown
                        .iter()
                        .map(|line| average_text(scenario, side, line))
                        .collect()
                }),
                scores,
                figures,
                terms,
                analysis,
                verdict,
            });
        }

        let real_deal = scenario.actual_deal.as_ref().map(|deal| RealDeal {
            label: deal.label.clone(),
            round: deal.round,
            month: scenario.month_of_round(deal.round),
            description: deal.description.clone(),
            source: deal.source.clone(),
            terms: terms_of(scenario, &space, &deal.terms),
        });
        let real_package = actual_deal_package(scenario);
        let spread = space
            .issues
            .iter()
            .enumerate()
            .map(|(k, issue)| TermSpread {
                issue: issue.id.clone(),
                name: issue.name.clone(),
                owner: issue.owner,
                options: issue
                    .options
                    .iter()
                    .enumerate()
                    .map(|(option, &value)| OptionCount {
                        value,
                        text: issue.option_text(scenario, option),
                        tables: tables
                            .iter()
                            .filter(|t| t.terms.iter().any(|term| term.issue == issue.id && term.value == value))
                            .count() as u32,
                        real_deal: real_package
                            .as_ref()
                            .is_some_and(|p| usize::from(p.choice[k]) == option),
                    })
                    .collect(),
            })
            .collect();
        Ok(Debrief {
            scenario: ScenarioRef::of(scenario),
            start_approval: opening.latest().approval,
            start_month: scenario.month_of_round(opening.round),
            tables,
            plane,
            benchmarks,
            real_deal,
            spread,
            partner: scenario.partner.clone(),
            agreement_name: scenario.trade_agreement.as_ref().map(|a| a.name.clone()),
            skipped,
            clashes,
        })
    }

    /// Tables that signed a deal.
    pub fn deals(&self) -> usize {
        self.tables
            .iter()
            .filter(|t| t.figures.outcome == Some(OutcomeKind::Deal))
            .count()
    }
}

/// An objective's average as it reads, in the unit of its indicator.
fn average_text(scenario: &Scenario, side: Side, line: &ObjectiveScore) -> String {
    let indicator = scenario
        .objectives
        .side(side)
        .iter()
        .find(|o| o.id == line.id)
        .map(|o| &o.indicator);
    let value = line.value;
    match indicator {
        Some(
            Indicator::GoodsDeficitBn
            | Indicator::GoodsDeficitBaseFxBn
            | Indicator::DeficitChangeBn
            | Indicator::TariffRevenueBn
            | Indicator::ConsumerCostBn
            | Indicator::PartnerExportLossBn
            | Indicator::AutoExportLossBn
            | Indicator::FarmExportsBn
            | Indicator::FarmExportsChangeBn
            | Indicator::InvestmentInflowBn
            | Indicator::InvestmentChangeBn
            | Indicator::ConcessionCostBn,
        ) => bn(value),
        // Shares of the months: in force 100% of them, uncertain 20% of the way.
        Some(
            Indicator::TradeAgreementInForce
            | Indicator::TradeAgreementLapsed
            | Indicator::DealSigned
            | Indicator::Uncertainty,
        ) => chance(value),
        Some(Indicator::AutoTariffPoints) => rate(value / 100.0),
        Some(Indicator::TariffPoints(_)) => rate(value / 100.0),
        Some(Indicator::Lever(id)) => match scenario.lever_index(id) {
            Some(k) if scenario.partner_levers[k].unit == LeverUnit::YesNo => chance(value),
            Some(k) => lever_level(scenario.partner_levers[k].unit, value),
            None => one_decimal(value),
        },
        Some(Indicator::UsApproval | Indicator::PartnerApproval) => whole_percent(value),
        None => one_decimal(value),
    }
}

/// `x` against `reference`, in $bn: `$2.3bn less than`, `about the same as`.
fn compare_bn(x: f64, reference: f64) -> String {
    let gap = x - reference;
    if gap.abs() < 0.05 {
        "about the same as".to_string()
    } else if gap < 0.0 {
        format!("{} less than", bn(-gap))
    } else {
        format!("{} more than", bn(gap))
    }
}

/// A score against a reference score: `12.3 more`, `4.0 less`, `the same`.
fn compare_points(x: f64, reference: f64) -> String {
    let gap = x - reference;
    if gap.abs() < 0.05 {
        "the same".to_string()
    } else if gap < 0.0 {
        format!("{} less", one_decimal(-gap))
    } else {
        format!("{} more", one_decimal(gap))
    }
}

/// Utility on the 0–1 scale as points out of 100: `61.2`.
fn points(utility: f64) -> String {
    one_decimal(utility * 100.0)
}

fn verdict(
    scenario: &Scenario,
    figures: &Figures,
    benchmark: &Benchmark,
    analysis: &GameAnalysis,
    no_deal_point: Point,
    state: &GameState,
) -> Verdict {
    let names = scenario.names();
    let partner = names.with_article(Side::Partner);
    let real_label = scenario.real_deal_label().unwrap_or("the real deal");
    let no_deal = &benchmark.no_deal;
    let real = benchmark.real_deal.as_ref();
    let mut deficit = format!(
        "The US goods deficit with {partner} averaged {} a year — {} with no deal",
        bn(figures.mean_deficit_bn),
        compare_bn(figures.mean_deficit_bn, no_deal.mean_deficit_bn)
    );
    if let Some(real) = real {
        let _ = write!(
            deficit,
            " and {} with {real_label}",
            compare_bn(figures.mean_deficit_bn, real.mean_deficit_bn)
        );
    }
    let _ = write!(deficit, " — and stood at {} at the end.", bn(figures.final_deficit_bn));

    let agreement = match &scenario.trade_agreement {
        None => format!("There is no trade agreement between the United States and {partner} in this scenario."),
        Some(agreement) if agreement.suspension.is_none() => format!(
            "{} stayed in force: suspending it is not in play in this scenario.",
            capitalised(&agreement.full_name)
        ),
        Some(agreement) => {
            let name = capitalised(&agreement.full_name);
            let fate = match (&figures.trade_agreement_lapsed, figures.trade_agreement_survived) {
                (None, _) => format!("{name} stayed in force throughout."),
                (Some(lapsed), true) => {
                    format!("{name} lapsed in {} but was back in force by the end.", month(lapsed))
                }
                (Some(lapsed), false) => format!(
                    "{name} lapsed in {} and was {} at the end.",
                    month(lapsed),
                    figures.trade_agreement
                ),
            };
            format!(
                "{fate} With no deal it would have {}.",
                match &no_deal.trade_agreement_lapsed {
                    None => "stayed in force".to_string(),
                    Some(lapsed) => format!("lapsed in {}", month(lapsed)),
                }
            )
        }
    };

    let mut standing = format!(
        "At the end, US approval stood at {} (no deal: {}) and approval of {} government at {} (no deal: {}).",
        whole_percent(figures.approval.us),
        whole_percent(no_deal.approval.us),
        names.possessive(Side::Partner),
        whole_percent(figures.approval.partner),
        whole_percent(no_deal.approval.partner)
    );
    if figures.outcome == Some(OutcomeKind::Collapse)
        && let Some(outcome) = &state.outcome
    {
        let _ = write!(standing, " The talks collapsed: {}.", outcome.reason);
    }

    let mut scores = format!(
        "Against no deal, the US scored {} and {} {}",
        compare_points(figures.scores.us, no_deal.scores.us),
        partner,
        compare_points(figures.scores.partner, no_deal.scores.partner)
    );
    if let Some(real) = real {
        let _ = write!(
            scores,
            "; against {real_label}, the US scored {} and {partner} {}",
            compare_points(figures.scores.us, real.scores.us),
            compare_points(figures.scores.partner, real.scores.partner)
        );
    }
    scores.push('.');

    let mut negotiation = if analysis.dance.is_empty() {
        "Neither side made an offer.".to_string()
    } else {
        let first = match analysis.first_concession {
            Some((side, round)) => format!("{} conceded first, in round {round}.", names.subject(side)),
            None => "Neither side made a concession.".to_string(),
        };
        let moved: Vec<String> = Side::BOTH
            .iter()
            .map(|&side| {
                let who = names.short_with_article(side);
                let offers = analysis.dance.iter().filter(|s| s.from == side).count();
                match (offers, analysis.conceded[side]) {
                    (0, _) | (_, None) => format!("{who} made no offer"),
                    (1, _) => format!("{who} made a single offer"),
                    (_, Some(given)) if given >= 0.0 => {
                        format!("{who} gave up {} points of its own value", points(given))
                    }
                    (_, Some(given)) => {
                        format!("{who} ended asking {} points more than it opened with", points(-given))
                    }
                }
            })
            .collect();
        format!("{first} From first offer to last, {}.", moved.join("; "))
    };
    let left = points(analysis.value_left);
    let _ = match figures.outcome {
        Some(OutcomeKind::Deal) if analysis.value_left < 0.0005 => {
            write!(
                negotiation,
                " The deal is on the Pareto frontier: no package was better for both sides."
            )
        }
        Some(OutcomeKind::Deal) => write!(
            negotiation,
            " The deal is {left} points from the Pareto frontier: that much value was left on the table."
        ),
        Some(_) => write!(
            negotiation,
            " Ending without a deal left {left} points on the table (from no deal to the Pareto frontier)."
        ),
        None => write!(
            negotiation,
            " Were the talks to stop now, no deal would leave {left} points on the table."
        ),
    };
    let outcome = analysis.outcome;
    let better = |u: f64, reference: f64| {
        if (u - reference).abs() < 0.0005 {
            "the same as"
        } else if u > reference {
            "better than"
        } else {
            "worse than"
        }
    };
    let utility = format!(
        "On the plane, {} is worth {} to the US ({} no deal's {}) and {} to {partner} ({} no deal's {}). Utility \
         values the {} as signed from where the talks began; the scores above judge the whole game month by month, \
         so the two can disagree.",
        if figures.outcome == Some(OutcomeKind::Deal) {
            "the deal"
        } else {
            "the outcome"
        },
        points(outcome.us),
        better(outcome.us, no_deal_point.us),
        points(no_deal_point.us),
        points(outcome.partner),
        better(outcome.partner, no_deal_point.partner),
        points(no_deal_point.partner),
        if figures.outcome == Some(OutcomeKind::Deal) {
            "package"
        } else {
            "outcome"
        },
    );
    Verdict {
        deficit,
        trade_agreement: agreement,
        standing,
        scores,
        utility,
        negotiation,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The CSV for a gradebook.

impl Debrief {
    /// One row per table with a header row, columns in a fixed order: who, the outcome, the scores, the model's
    /// figures, the plane and the negotiation, each side's label counts, each objective's score, then every signed
    /// term by issue id (empty without a deal). Numbers have at most two decimals; utilities are points out of 100.
    pub fn csv(&self) -> String {
        let mut header: Vec<String> = [
            "table",
            "code",
            "label",
            "file",
            "us_seat",
            "partner_seat",
            "outcome",
            "round",
            "month",
            "us_score",
            "partner_score",
            "mean_deficit_bn",
            "final_deficit_bn",
            "trade_agreement_survived",
            "us_approval",
            "partner_approval",
            "us_utility",
            "partner_utility",
            "value_left",
            "first_conceder",
            "first_concession_round",
            "us_conceded",
            "partner_conceded",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for side in Side::BOTH {
            for label in MoveLabel::ALL {
                header.push(format!("{}_{}", side.key(), label.name()));
            }
        }
        let objectives: PerSide<Vec<String>> = match self.tables.first() {
            Some(table) => table
                .scores
                .as_ref()
                .map(|s| s.breakdown.iter().map(|o| o.id.clone()).collect()),
            None => PerSide::default(),
        };
        for (side, ids) in objectives.iter() {
            for id in ids {
                header.push(format!("{}_objective_{id}", side.key()));
            }
        }
        for spread in &self.spread {
            header.push(format!("term_{}", spread.issue));
        }

        let mut writer = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail, and every row has the header's length.
        let _ = writer.write_record(&header);
        for table in &self.tables {
            let f = &table.figures;
            let a = &table.analysis;
            let optional = |x: Option<f64>| x.map(|x| trim(x * 100.0)).unwrap_or_default();
            let mut row: Vec<String> = vec![
                table.tag.clone(),
                table.code.clone().unwrap_or_default(),
                table.label.clone(),
                table.file.clone(),
                table.seats.us.clone(),
                table.seats.partner.clone(),
                table.outcome_label().to_string(),
                table.round.to_string(),
                table.month.clone(),
                trim(f.scores.us),
                trim(f.scores.partner),
                trim(f.mean_deficit_bn),
                trim(f.final_deficit_bn),
                (if f.trade_agreement_survived { "yes" } else { "no" }).to_string(),
                trim(f.approval.us),
                trim(f.approval.partner),
                trim(a.outcome.us * 100.0),
                trim(a.outcome.partner * 100.0),
                trim(a.value_left * 100.0),
                a.first_concession
                    .map(|(side, _)| side.key().to_string())
                    .unwrap_or_default(),
                a.first_concession
                    .map(|(_, round)| round.to_string())
                    .unwrap_or_default(),
                optional(a.conceded.us),
                optional(a.conceded.partner),
            ];
            for side in Side::BOTH {
                for label in MoveLabel::ALL {
                    row.push(a.moves[side].get(label).to_string());
                }
            }
            for (side, ids) in objectives.iter() {
                for id in ids {
                    row.push(
                        table.scores[side]
                            .breakdown
                            .iter()
                            .find(|o| &o.id == id)
                            .map(|o| trim(o.score))
                            .unwrap_or_default(),
                    );
                }
            }
            for spread in &self.spread {
                row.push(
                    table
                        .terms
                        .iter()
                        .find(|t| t.issue == spread.issue)
                        .map(|t| trim(t.value))
                        .unwrap_or_default(),
                );
            }
            let _ = writer.write_record(&row);
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The HTML page.

const US_COLOUR: &str = "#1e488c";
const PARTNER_COLOUR: &str = "#b21830";
const ACCENT: &str = "#286078";
const MUTED: &str = "#5c606a";
const GOOD: &str = "#16783c";
const BAD: &str = "#b43c0a";
const REAL_DEAL: &str = "#c27c00";

impl Debrief {
    /// How the page names the two sides.
    pub fn names(&self) -> Names<'_> {
        Names::new(&self.partner)
    }

    /// The partner's short name, escaped for the page: "Japan".
    fn partner_short(&self) -> String {
        html_escape(self.names().short(Side::Partner))
    }

    /// The real deal as a sentence names it ("the July 2025 deal"), escaped; "the real deal" without one.
    fn real_label(&self) -> String {
        html_escape(
            self.real_deal
                .as_ref()
                .map_or("the real deal", |deal| deal.label.as_str()),
        )
    }

    /// The real deal as a heading or a mark ("July 2025 deal"); "Real deal" without one.
    pub fn real_deal_heading(&self) -> String {
        as_heading(
            self.real_deal
                .as_ref()
                .map_or("the real deal", |deal| deal.label.as_str()),
        )
    }

    /// [`Debrief::real_deal_heading`], escaped for the page.
    fn real_mark(&self) -> String {
        html_escape(&self.real_deal_heading())
    }

    /// The trade agreement's short name for a column heading, escaped.
    fn agreement_heading(&self) -> String {
        html_escape(self.agreement_name.as_deref().unwrap_or("Trade agreement"))
    }
}

fn side_colour(side: Side) -> &'static str {
    match side {
        Side::Us => US_COLOUR,
        Side::Partner => PARTNER_COLOUR,
    }
}

fn outcome_colour(outcome: Option<OutcomeKind>) -> &'static str {
    match outcome {
        Some(OutcomeKind::Deal) => ACCENT,
        Some(OutcomeKind::NoDeal) | None => MUTED,
        Some(OutcomeKind::Collapse) => BAD,
    }
}

/// A rectangle of the utility plane drawn into SVG coordinates: utilities in points (0–100) on both axes.
struct PlotArea {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x_range: (f64, f64),
    y_range: (f64, f64),
    step: f64,
}

impl PlotArea {
    /// A plot framing `points` (utilities 0–1) with a margin, its ends on multiples of the tick step.
    fn framing(points: &[Point], width: f64, height: f64, font: f64) -> PlotArea {
        let (mut x0, mut x1, mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
        for p in points {
            x0 = x0.min(p.us * 100.0);
            x1 = x1.max(p.us * 100.0);
            y0 = y0.min(p.partner * 100.0);
            y1 = y1.max(p.partner * 100.0);
        }
        if !x0.is_finite() {
            (x0, x1, y0, y1) = (0.0, 100.0, 0.0, 100.0);
        }
        let span = (x1 - x0).max(y1 - y0);
        let step = if span > 40.0 {
            10.0
        } else if span > 15.0 {
            5.0
        } else {
            2.0
        };
        let snap = |low: f64, high: f64| {
            let low = ((low - step * 0.3) / step).floor() * step;
            let high = ((high + step * 0.3) / step).ceil() * step;
            (low.max(0.0), high.min(100.0).max(low + step))
        };
        PlotArea {
            width,
            height,
            left: font * 4.2,
            right: font * 1.2,
            top: font * 1.0,
            bottom: font * 3.6,
            x_range: snap(x0, x1),
            y_range: snap(y0, y1),
            step,
        }
    }

    fn x(&self, utility: f64) -> f64 {
        let (low, high) = self.x_range;
        self.left + (utility * 100.0 - low) / (high - low) * (self.width - self.left - self.right)
    }

    fn y(&self, utility: f64) -> f64 {
        let (low, high) = self.y_range;
        self.height - self.bottom - (utility * 100.0 - low) / (high - low) * (self.height - self.top - self.bottom)
    }

    /// The axes, grid and axis titles.
    fn axes(&self, out: &mut String, font: f64, titles: [&str; 2]) {
        let (x_low, x_high) = self.x_range;
        let (y_low, y_high) = self.y_range;
        let (plot_left, plot_right) = (self.left, self.width - self.right);
        let (plot_top, plot_bottom) = (self.top, self.height - self.bottom);
        let mut tick = x_low;
        while tick <= x_high + 1e-9 {
            let x = self.x(tick / 100.0);
            let _ = write!(
                out,
                r##"<line x1="{x:.1}" y1="{plot_top:.1}" x2="{x:.1}" y2="{plot_bottom:.1}" stroke="#e3e6ea"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="{:.1}" fill="{MUTED}">{}</text>"##,
                plot_bottom + font * 1.2,
                font * 0.85,
                trim(tick)
            );
            tick += self.step;
        }
        let mut tick = y_low;
        while tick <= y_high + 1e-9 {
            let y = self.y(tick / 100.0);
            let _ = write!(
                out,
                r##"<line x1="{plot_left:.1}" y1="{y:.1}" x2="{plot_right:.1}" y2="{y:.1}" stroke="#e3e6ea"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="{:.1}" fill="{MUTED}">{}</text>"##,
                plot_left - font * 0.4,
                y + font * 0.3,
                font * 0.85,
                trim(tick)
            );
            tick += self.step;
        }
        let _ = write!(
            out,
            r##"<rect x="{plot_left:.1}" y="{plot_top:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#9aa1ab"/>"##,
            plot_right - plot_left,
            plot_bottom - plot_top
        );
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{font:.1}" fill="{US_COLOUR}" font-weight="bold">{}</text>"##,
            (plot_left + plot_right) / 2.0,
            self.height - font * 0.5,
            html_escape(titles[0])
        );
        let (cx, cy) = (font * 1.1, (plot_top + plot_bottom) / 2.0);
        let _ = write!(
            out,
            r##"<text x="{cx:.1}" y="{cy:.1}" text-anchor="middle" font-size="{font:.1}" fill="{PARTNER_COLOUR}" font-weight="bold" transform="rotate(-90 {cx:.1} {cy:.1})">{}</text>"##,
            html_escape(titles[1])
        );
    }

    /// The frontier as a line through its packages, with the zone both sides prefer to no deal shaded under it.
    fn frontier(&self, out: &mut String, frontier: &[Point], no_deal: Point) {
        let inside: Vec<&Point> = frontier
            .iter()
            .filter(|p| p.us >= no_deal.us && p.partner >= no_deal.partner)
            .collect();
        if !inside.is_empty() {
            let mut zone = format!("{:.1},{:.1}", self.x(no_deal.us), self.y(no_deal.partner));
            // From no deal along the US axis to the frontier, along it, and back down the Japan axis.
            if let Some(first) = inside.first() {
                let _ = write!(zone, " {:.1},{:.1}", self.x(first.us), self.y(no_deal.partner));
            }
            for p in &inside {
                let _ = write!(zone, " {:.1},{:.1}", self.x(p.us), self.y(p.partner));
            }
            if let Some(last) = inside.last() {
                let _ = write!(zone, " {:.1},{:.1}", self.x(no_deal.us), self.y(last.partner));
            }
            let _ = write!(out, r##"<polygon points="{zone}" fill="#e8f1ec" stroke="none"/>"##);
        }
        let line: Vec<String> = frontier
            .iter()
            .map(|p| format!("{:.1},{:.1}", self.x(p.us), self.y(p.partner)))
            .collect();
        let _ = write!(
            out,
            r##"<polyline points="{}" fill="none" stroke="{GOOD}" stroke-width="3" stroke-linejoin="round"/>"##,
            line.join(" ")
        );
    }

    /// Dashed lines through no deal, and its marker.
    fn no_deal(&self, out: &mut String, no_deal: Point, font: f64) {
        let (x, y) = (self.x(no_deal.us), self.y(no_deal.partner));
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{MUTED}" stroke-dasharray="6 5"/><line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{MUTED}" stroke-dasharray="6 5"/>"##,
            self.top,
            self.height - self.bottom,
            self.left,
            self.width - self.right
        );
        let r = font * 0.45;
        let _ = write!(
            out,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#ffffff" stroke="{MUTED}" stroke-width="2.5"/>"##,
            x - r,
            y - r,
            2.0 * r,
            2.0 * r
        );
    }

    /// A diamond marker, for the Nash point and the real deal.
    fn landmark(&self, out: &mut String, p: Point, colour: &str, font: f64) {
        let (x, y) = (self.x(p.us), self.y(p.partner));
        // Larger than a table's dot, so a table that lands on the point leaves its corners showing.
        let r = font * 0.85;
        let _ = write!(
            out,
            r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>"##,
            x,
            y - r,
            x + r,
            y,
            x,
            y + r,
            x - r,
            y
        );
    }
}

/// Writes a placed label (and its leader line) into the SVG.
fn write_label(out: &mut String, placed: &Placed, font: f64, colour: &str) {
    if let Some([x1, y1, x2, y2]) = placed.leader {
        let _ = write!(
            out,
            r##"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{colour}" stroke-width="1.2" stroke-opacity="0.8"/>"##
        );
    }
    let anchor = match placed.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        out,
        r##"<text font-size="{font:.1}" font-weight="bold" fill="{colour}" text-anchor="{anchor}" paint-order="stroke" stroke="#ffffff" stroke-width="4">"##
    );
    for (k, line) in placed.lines.iter().enumerate() {
        let _ = write!(
            out,
            r##"<tspan x="{:.1}" y="{:.1}">{}</tspan>"##,
            placed.x,
            placed.top + (k as f64 + 0.8) * font * LINE_HEIGHT,
            html_escape(line)
        );
    }
    out.push_str("</text>");
}

/// Lines of a label are this many font sizes apart; a character is about this wide (bold digits and commas).
const LINE_HEIGHT: f64 = 1.05;
const CHAR_WIDTH: f64 = 0.66;
/// The most characters on a line of table tags.
const TAG_LINE: usize = 12;

/// Tables whose dots would sit on top of each other (centres closer than `pixels` on the plot) share one dot, so
/// their tags are read together rather than piled up.
fn group_points<'a>(tables: &'a [TableDebrief], plot: &PlotArea, pixels: f64) -> Vec<(Point, Vec<&'a TableDebrief>)> {
    let mut groups: Vec<(Point, Vec<&TableDebrief>)> = Vec::new();
    for table in tables {
        let p = table.analysis.outcome;
        match groups.iter_mut().find(|(q, _)| {
            let (dx, dy) = (plot.x(q.us) - plot.x(p.us), plot.y(q.partner) - plot.y(p.partner));
            (dx * dx + dy * dy).sqrt() < pixels
        }) {
            Some((_, members)) => members.push(table),
            None => groups.push((p, vec![table])),
        }
    }
    groups
}

impl Debrief {
    /// Every point the class plane must show.
    fn plane_points(&self) -> Vec<Point> {
        let mut points: Vec<Point> = self.plane.frontier().to_vec();
        points.push(self.plane.no_deal());
        points.push(self.plane.nash());
        points.extend(self.plane.real_deal);
        points.extend(self.tables.iter().map(|t| t.analysis.outcome));
        points
    }

    /// The class's utility plane: the frontier, the zone both prefer to no deal, the Nash point, the real deal and
    /// every table.
    fn plane_svg(&self) -> String {
        let font = 17.0;
        let real_label = self.real_label();
        let partner_axis = format!(
            "Utility to {} (0–100; not the score) →",
            self.names().with_article(Side::Partner)
        );
        let plot = PlotArea::framing(&self.plane_points(), 960.0, 700.0, font);
        let mut out = format!(
            r##"<svg viewBox="0 0 {} {}" class="plane" role="img" aria-label="The utility plane: every table's outcome beside the Pareto frontier, the Nash point, no deal and {real_label}" font-family="DejaVu Sans, Arial, sans-serif">"##,
            plot.width, plot.height
        );
        plot.axes(
            &mut out,
            font,
            [
                "Utility of the deal to the United States (0–100; not the score) →",
                &partner_axis,
            ],
        );
        plot.frontier(&mut out, self.plane.frontier(), self.plane.no_deal());
        let no_deal = self.plane.no_deal();
        plot.no_deal(&mut out, no_deal, font);
        plot.landmark(&mut out, self.plane.nash(), GOOD, font);
        if let Some(real) = self.plane.real_deal {
            plot.landmark(&mut out, real, REAL_DEAL, font);
        }
        let table_radius = font * 0.55;
        let groups = group_points(&self.tables, &plot, table_radius * 1.2);
        let mut labels = Labels::new(
            [plot.left, plot.top, plot.width - plot.right, plot.height - plot.bottom],
            font * CHAR_WIDTH,
            font * LINE_HEIGHT,
        );
        // A marker shared by tables that ended differently (no deal and a collapse at the same point) is grey.
        let group_colour = |members: &[&TableDebrief]| {
            let first = members[0].figures.outcome;
            if members.iter().all(|t| t.figures.outcome == first) {
                outcome_colour(first)
            } else {
                MUTED
            }
        };
        for (p, members) in &groups {
            let (x, y) = (plot.x(p.us), plot.y(p.partner));
            let colour = group_colour(members);
            let _ = write!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{table_radius:.1}" fill="{colour}" stroke="#ffffff" stroke-width="2"/>"##
            );
            labels.mark(x, y, table_radius);
        }
        let mut landmarks = vec![
            (self.plane.nash(), "Nash".to_string(), GOOD),
            (no_deal, "No deal".to_string(), MUTED),
        ];
        if let Some(real) = self.plane.real_deal {
            landmarks.push((real, self.real_deal_heading(), REAL_DEAL));
        }
        for (p, _, _) in &landmarks {
            labels.mark(plot.x(p.us), plot.y(p.partner), font * 0.85);
        }
        for (p, text, colour) in &landmarks {
            let placed = labels.place(plot.x(p.us), plot.y(p.partner), font * 0.85, vec![text.clone()]);
            write_label(&mut out, &placed, font * 0.95, colour);
        }
        for (p, members) in &groups {
            let tags: Vec<&str> = members.iter().map(|t| t.tag.as_str()).collect();
            let placed = labels.place(
                plot.x(p.us),
                plot.y(p.partner),
                table_radius,
                wrap_tags(&tags, TAG_LINE),
            );
            write_label(&mut out, &placed, font, group_colour(members));
        }
        out.push_str("</svg>");
        out
    }

    /// One table's dance: each side's offers in order, joined, and where the game ended.
    fn dance_svg(&self, table: &TableDebrief) -> String {
        let font = 15.0;
        // The class plane's frame, so every table's dance is drawn to the same scale.
        let mut points = self.plane_points();
        points.extend(table.analysis.dance.iter().map(|s| s.point));
        let plot = PlotArea::framing(&points, 520.0, 400.0, font);
        let mut out = format!(
            r##"<svg viewBox="0 0 {} {}" class="dance" role="img" aria-label="{}: each side's offers in order on the utility plane" font-family="DejaVu Sans, Arial, sans-serif">"##,
            plot.width,
            plot.height,
            html_escape(&table.title())
        );
        let partner_axis = format!("{} utility →", self.names().possessive_subject(Side::Partner));
        plot.axes(&mut out, font, ["United States' utility →", &partner_axis]);
        plot.frontier(&mut out, self.plane.frontier(), self.plane.no_deal());
        plot.no_deal(&mut out, self.plane.no_deal(), font);
        plot.landmark(&mut out, self.plane.nash(), GOOD, font);
        for side in Side::BOTH {
            let colour = side_colour(side);
            let steps: Vec<&crate::analysis::game::OfferStep> =
                table.analysis.dance.iter().filter(|s| s.from == side).collect();
            let line: Vec<String> = steps
                .iter()
                .map(|s| format!("{:.1},{:.1}", plot.x(s.point.us), plot.y(s.point.partner)))
                .collect();
            let _ = write!(
                out,
                r##"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2" stroke-opacity="0.7"/>"##,
                line.join(" ")
            );
            for (k, s) in steps.iter().enumerate() {
                let r = if k == 0 { font * 0.45 } else { font * 0.3 };
                let fill = if k == 0 { "#ffffff" } else { colour };
                let _ = write!(
                    out,
                    r##"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" fill="{fill}" stroke="{colour}" stroke-width="2"/>"##,
                    plot.x(s.point.us),
                    plot.y(s.point.partner)
                );
            }
        }
        let end = table.analysis.outcome;
        let colour = outcome_colour(table.figures.outcome);
        let _ = write!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="{colour}" stroke-width="3"/>"##,
            plot.x(end.us),
            plot.y(end.partner),
            font * 0.75
        );
        out.push_str("</svg>");
        out
    }

    /// The page: the class at a glance, the utility plane, every table's figures, the spread of the terms, and each
    /// table's verdict and score breakdown. Self-contained (inline CSS and SVG, no scripts, nothing fetched), with
    /// page breaks between sections for printing; every text from a record or scenario is escaped.
    pub fn html(&self) -> String {
        let e = html_escape;
        let mut body = String::new();
        self.write_summary(&mut body);
        self.write_notices(&mut body);
        self.write_plane(&mut body);
        self.write_table_list(&mut body);
        self.write_spread(&mut body);
        self.write_tables(&mut body);
        self.write_reading_guide(&mut body);
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class debrief — {title}</title>
<style>
{STYLE}
</style></head>
<body>
{body}</body></html>
"#,
            title = e(&self.scenario.title),
        )
    }

    fn write_summary(&self, out: &mut String) {
        let partner_short = self.partner_short();
        let e = html_escape;
        let n = self.tables.len();
        let deals: Vec<&TableDebrief> = self
            .tables
            .iter()
            .filter(|t| t.figures.outcome == Some(OutcomeKind::Deal))
            .collect();
        let count = |kind: Option<OutcomeKind>| self.tables.iter().filter(|t| t.figures.outcome == kind).count();
        let mean = |values: &mut dyn Iterator<Item = f64>| {
            let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
            (count > 0).then(|| sum / count as f64)
        };
        let mean_round = mean(&mut deals.iter().map(|t| f64::from(t.round)));
        let mean_us = mean(&mut self.tables.iter().map(|t| t.figures.scores.us)).unwrap_or(0.0);
        let mean_partner = mean(&mut self.tables.iter().map(|t| t.figures.scores.partner)).unwrap_or(0.0);
        let mean_left = mean(&mut self.tables.iter().map(|t| t.analysis.value_left)).unwrap_or(0.0);
        let seeds: Vec<String> = self.benchmarks.iter().map(|b| b.seed.to_string()).collect();
        let _ = write!(
            out,
            r#"<header><h1>Class debrief</h1><p class="subtitle">{title}</p>
<p class="meta">{n} tables · seed {seeds} · scenario {id}, version {version}</p></header>
<div class="cards">
<div class="card"><div class="big">{deals} of {n}</div><div>tables signed a deal</div></div>
<div class="card"><div class="big">{round}</div><div>mean round of agreement</div></div>
<div class="card"><div class="big"><span class="us">{mean_us}</span> · <span class="partner">{mean_partner}</span></div><div>mean score, <span class="us">US</span> · <span class="partner">{partner_short}</span></div></div>
<div class="card"><div class="big">{left}</div><div>mean points left on the table</div></div>
</div>
"#,
            title = e(&self.scenario.title),
            seeds = e(&seeds.join(", ")),
            id = e(&self.scenario.id),
            version = e(self.scenario.short_hash()),
            deals = deals.len(),
            round = mean_round.map_or_else(|| "—".to_string(), one_decimal),
            mean_us = one_decimal(mean_us),
            mean_partner = one_decimal(mean_partner),
            left = points(mean_left),
        );
        let others: Vec<String> = [
            (Some(OutcomeKind::NoDeal), "no deal"),
            (Some(OutcomeKind::Collapse), "collapsed"),
            (None, "not finished"),
        ]
        .iter()
        .filter_map(|&(kind, label)| {
            let c = count(kind);
            (c > 0).then(|| format!("{c} {label}"))
        })
        .collect();
        if !others.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"lead\">The other tables: {}.</p>",
                e(&others.join(", "))
            );
        }
        if let Some(real) = &self.real_deal {
            let _ = writeln!(
                out,
                "<p class=\"lead\"><b>What really happened:</b> {}</p>",
                e(&real.description)
            );
        }
    }

    /// The box of warnings at the top: every file left out with its reason, and every clash of tables.
    fn write_notices(&self, out: &mut String) {
        if self.skipped.is_empty() && self.clashes.is_empty() {
            return;
        }
        let e = html_escape;
        out.push_str("<aside class=\"notices\" role=\"note\">");
        if !self.clashes.is_empty() {
            let _ = write!(
                out,
                "<h2>Check before grading: {} table warning(s)</h2><ul>",
                self.clashes.len()
            );
            for clash in &self.clashes {
                let _ = write!(out, "<li>{}</li>", e(&clash.message()));
            }
            out.push_str("</ul>");
        }
        if !self.skipped.is_empty() {
            let _ = write!(
                out,
                "<h2>Not in this debrief: {} file(s)</h2><p>These files were left out; every other table is below.</p><ul>",
                self.skipped.len()
            );
            for skipped in &self.skipped {
                let _ = write!(
                    out,
                    "<li><span class=\"file\">{}</span>: {}</li>",
                    e(&skipped.file),
                    e(&skipped.reason)
                );
            }
            out.push_str("</ul>");
        }
        out.push_str("</aside>\n");
    }

    fn write_plane(&self, out: &mut String) {
        let real_label = self.real_label();
        let _ = write!(
            out,
            r##"<section class="plane-section"><h2>Where each table ended</h2>
<p class="lead">Each dot is a table, placed by the <b>utility</b> of its outcome to each side (0–100): what the package it signed is worth, valued where the talks began — not the <b>score</b> of the tables below, which judges the whole game month by month, so a dot can sit above no deal while its score is below no deal's. The <b class="good">green line</b> is the Pareto frontier: packages no other package beats for both sides. The shaded zone holds the deals both sides prefer to <b>no deal</b>; the further a dot sits from the green line, the more value that table left on the table.</p>
<figure>{svg}</figure>
<p class="legend"><span class="key"><svg viewBox="0 0 28 20" width="28" height="20"><line x1="1" y1="10" x2="27" y2="10" stroke="{GOOD}" stroke-width="3"/></svg> Pareto frontier</span> <span class="key"><svg viewBox="0 0 20 20" width="20" height="20"><rect x="1" y="1" width="18" height="18" fill="#e8f1ec" stroke="#b9d3c2"/></svg> better than no deal for both</span> <span class="key"><svg viewBox="0 0 20 20" width="20" height="20"><rect x="4" y="4" width="12" height="12" fill="#ffffff" stroke="{MUTED}" stroke-width="2.5"/></svg> no deal</span> <span class="key"><svg viewBox="0 0 20 20" width="20" height="20"><circle cx="10" cy="10" r="8" fill="{ACCENT}"/></svg> a table's deal</span> <span class="key"><svg viewBox="0 0 20 20" width="20" height="20"><circle cx="10" cy="10" r="8" fill="{MUTED}"/></svg> a table without a deal (yet)</span> <span class="key"><svg viewBox="0 0 20 20" width="20" height="20"><circle cx="10" cy="10" r="8" fill="{BAD}"/></svg> a table whose talks collapsed</span> <span class="key"><svg viewBox="0 0 20 20" width="20" height="20"><polygon points="10,1 19,10 10,19 1,10" fill="{GOOD}"/></svg> Nash point (the fairest split of the gains)</span> <span class="key"><svg viewBox="0 0 20 20" width="20" height="20"><polygon points="10,1 19,10 10,19 1,10" fill="{REAL_DEAL}"/></svg> {real_label}</span></p>
</section>
"##,
            svg = self.plane_svg()
        );
    }

    fn write_table_list(&self, out: &mut String) {
        let partner_short = self.partner_short();
        let real_mark = self.real_mark();
        let agreement = self.agreement_heading();
        let e = html_escape;
        let best = |f: &dyn Fn(&TableDebrief) -> f64| self.tables.iter().map(f).fold(f64::NEG_INFINITY, f64::max);
        let best_us = best(&|t| t.figures.scores.us);
        let best_partner = best(&|t| t.figures.scores.partner);
        let _ = write!(
            out,
            r#"<section><h2>All tables</h2>
<div class="wide"><table class="list"><thead><tr><th>Table</th><th>Outcome</th><th class="num">Round</th><th class="num us">US score</th><th class="num partner">{partner_short} score</th><th class="num">Mean deficit</th><th>{agreement}</th><th class="num us">US approval</th><th class="num partner">{partner_short} approval</th><th class="num">Value left (utility)</th><th>Conceded first</th></tr></thead><tbody>
"#
        );
        for t in &self.tables {
            let f = &t.figures;
            let mark = |score: f64, best: f64| {
                if score >= best {
                    " class=\"num best\""
                } else {
                    " class=\"num\""
                }
            };
            let _ = writeln!(
                out,
                r#"<tr><td><b>{title}</b><div class="code">{code}</div></td><td class="nowrap"><span class="dot" style="background:{colour}"></span>{outcome}</td><td class="num">{round}</td><td{us_mark}>{us}</td><td{partner_mark}>{partner}</td><td class="num">{deficit}</td><td>{usjta}</td><td class="num">{us_approval}</td><td class="num">{partner_approval}</td><td class="num">{left}</td><td>{first}</td></tr>"#,
                title = e(&t.title()),
                code = e(t.code.as_deref().unwrap_or(&t.file)),
                colour = outcome_colour(f.outcome),
                outcome = e(t.outcome_label()),
                round = t.round,
                us_mark = mark(f.scores.us, best_us),
                partner_mark = mark(f.scores.partner, best_partner),
                us = one_decimal(f.scores.us),
                partner = one_decimal(f.scores.partner),
                deficit = e(&bn(f.mean_deficit_bn)),
                usjta = e(&f.trade_agreement),
                us_approval = whole_percent(f.approval.us),
                partner_approval = whole_percent(f.approval.partner),
                left = points(t.analysis.value_left),
                first = t.analysis.first_concession.map_or_else(
                    || "—".to_string(),
                    |(side, round)| format!(
                        "<span class=\"{}\">{}</span><div class=\"code\">round {round}</div>",
                        side.key(),
                        self.names().short(side)
                    )
                ),
            );
        }
        out.push_str("</tbody><tbody class=\"reference\">\n");
        for benchmark in &self.benchmarks {
            let seed = if self.benchmarks.len() > 1 {
                format!(", seed {}", benchmark.seed)
            } else {
                String::new()
            };
            let mut rows = vec![("No deal", &benchmark.no_deal, self.plane.no_deal(), None)];
            if let (Some(real), Some(point), Some(deal)) = (&benchmark.real_deal, self.plane.real_deal, &self.real_deal)
            {
                rows.push((real_mark.as_str(), real, point, Some(deal.round)));
            }
            for (name, f, point, round) in rows {
                let _ = writeln!(
                    out,
                    r#"<tr><td><b>{name}</b><div class="code">for comparison{seed}</div></td><td class="nowrap">{outcome}</td><td class="num">{round}</td><td class="num">{us}</td><td class="num">{partner}</td><td class="num">{deficit}</td><td>{usjta}</td><td class="num">{us_approval}</td><td class="num">{partner_approval}</td><td class="num">{left}</td><td>—</td></tr>"#,
                    seed = e(&seed),
                    outcome = f.outcome.map_or("not finished", OutcomeKind::label),
                    round = round.map_or_else(|| "—".to_string(), |r| r.to_string()),
                    us = one_decimal(f.scores.us),
                    partner = one_decimal(f.scores.partner),
                    deficit = e(&bn(f.mean_deficit_bn)),
                    usjta = e(&f.trade_agreement),
                    us_approval = whole_percent(f.approval.us),
                    partner_approval = whole_percent(f.approval.partner),
                    left = points(self.plane.value_left(point)),
                );
            }
        }
        let _ = write!(
            out,
            "</tbody></table></div>\n<p class=\"note\">Scores are out of 100 against each side's objectives, over the rounds played \
             and the year after: a different measure from the utilities of the plane above, which value only the package \
             signed. <b>Bold</b>: the class's best score for that side. Approval: at the end of the game. Value \
             left: points (out of 100) between the outcome and the nearest package on the Pareto frontier. The last rows \
             replay the same months and events with no deal, and with {} signed when it really was.</p>\n</section>\n",
            self.real_label()
        );
    }

    fn write_spread(&self, out: &mut String) {
        let real_mark = self.real_mark();
        let e = html_escape;
        let signed = self.deals();
        let _ = write!(
            out,
            r#"<section><h2>What the tables signed</h2>
<p class="lead">For each issue, how many of the {signed} tables that signed chose each option. <span class="real-key">★ {real_mark}</span> marks what the real deal set.</p>
<div class="spread">
"#
        );
        for group in Side::BOTH {
            let _ = writeln!(
                out,
                "<div class=\"spread-side\"><h3 class=\"{}\">{} levers</h3>",
                group.key(),
                e(&self.names().possessive(group))
            );
            for issue in self.spread.iter().filter(|s| s.owner == group) {
                let _ = write!(
                    out,
                    "<div class=\"issue\"><div class=\"issue-name\">{}</div><div class=\"options\">",
                    e(&issue.name)
                );
                for option in &issue.options {
                    let share = if signed == 0 {
                        0.0
                    } else {
                        f64::from(option.tables) / signed as f64
                    };
                    let _ = write!(
                        out,
                        r#"<div class="option{real}"><div class="option-text">{text}{star}</div><div class="bar"><div class="fill {side}" style="width:{width:.0}%"></div></div><div class="count">{count}</div></div>"#,
                        real = if option.real_deal { " real" } else { "" },
                        text = e(&option.text),
                        star = if option.real_deal { " ★" } else { "" },
                        side = group.key(),
                        width = share * 100.0,
                        count = option.tables
                    );
                }
                out.push_str("</div></div>\n");
            }
            out.push_str("</div>\n");
        }
        out.push_str("</div>\n</section>\n");
    }

    fn write_tables(&self, out: &mut String) {
        let partner_short = self.partner_short();
        let agreement = self.agreement_heading();
        let e = html_escape;
        out.push_str("<section class=\"per-table\"><h2>Table by table</h2>\n");
        for t in &self.tables {
            let _ = write!(
                out,
                r#"<article class="table-card"><h3><span class="dot" style="background:{colour}"></span>{title} <span class="code">{code}</span></h3>
<p class="seats"><span class="us">US: {us}</span> · <span class="partner">{partner_short}: {partner}</span> · {outcome} in round {round} ({month}): {reason}</p>
<div class="card-body"><div class="verdict"><h4>The model's verdict</h4><ul>
<li><b>Deficit.</b> {deficit}</li><li><b>{agreement}.</b> {usjta}</li><li><b>Standing.</b> {standing}</li><li><b>Scores</b> (0–100, the whole game). {scores}</li><li><b>Utility</b> (0–100, the deal on the plane). {utility}</li><li><b>Negotiation.</b> {negotiation}</li></ul>
"#,
                colour = outcome_colour(t.figures.outcome),
                title = e(&t.title()),
                code = e(t.code.as_deref().unwrap_or(&t.file)),
                us = e(&t.seats.us),
                partner = e(&t.seats.partner),
                outcome = e(t.outcome_label()),
                round = t.round,
                month = e(&month(&t.month)),
                reason = e(&t.reason),
                deficit = e(&t.verdict.deficit),
                usjta = e(&t.verdict.trade_agreement),
                standing = e(&t.verdict.standing),
                scores = e(&t.verdict.scores),
                utility = e(&t.verdict.utility),
                negotiation = e(&t.verdict.negotiation),
            );
            if !t.terms.is_empty() {
                out.push_str("<h4>Signed</h4><ul class=\"terms\">");
                for term in &t.terms {
                    let real = self
                        .real_deal
                        .as_ref()
                        .and_then(|deal| deal.terms.iter().find(|r| r.issue == term.issue));
                    let differs = match real {
                        Some(real) if real.value != term.value => {
                            format!(" <span class=\"july\">({}: {})</span>", self.real_mark(), e(&real.text))
                        }
                        _ => String::new(),
                    };
                    let _ = write!(
                        out,
                        "<li{class}>{name} <b>{text}</b>{differs}</li>",
                        class = if differs.is_empty() { "" } else { " class=\"differs\"" },
                        name = e(&term.name),
                        text = e(&term.text),
                    );
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</div>\n<div class=\"dance-box\"><h4>The negotiation dance</h4>");
            out.push_str(&self.dance_svg(t));
            let _ = write!(
                out,
                r#"<p class="note"><span class="us">●</span> US offers, <span class="partner">●</span> {} (hollow: the first); ◯ where it ended.</p>"#,
                html_escape(&self.names().possessive(Side::Partner))
            );
            out.push_str("<table class=\"labels\"><tr><th></th>");
            for label in MoveLabel::ALL {
                let _ = write!(out, "<th>{}</th>", label.name());
            }
            out.push_str("</tr>");
            for side in Side::BOTH {
                let _ = write!(
                    out,
                    "<tr><th class=\"{}\">{}</th>",
                    side.key(),
                    self.names().short(side)
                );
                for label in MoveLabel::ALL {
                    let _ = write!(out, "<td>{}</td>", t.analysis.moves[side].get(label));
                }
                out.push_str("</tr>");
            }
            out.push_str("</table></div></div>\n<div class=\"breakdowns\">");
            for (side, score) in t.scores.iter() {
                let _ = write!(
                    out,
                    r#"<table class="breakdown"><caption class="{key}">{name}: {total} / 100</caption><thead><tr><th>Objective</th><th class="num">Average</th><th>Score</th><th class="num">Weight</th></tr></thead><tbody>"#,
                    key = side.key(),
                    name = e(self.names().label(side)),
                    total = one_decimal(score.total)
                );
                for (line, average) in score.breakdown.iter().zip(&t.averages[side]) {
                    let _ = write!(
                        out,
                        r#"<tr><td>{name}</td><td class="num">{value}</td><td class="nowrap"><span class="scorenum">{score:.0}</span><span class="scorebar"><span class="fill {key}" style="width:{width:.0}%"></span></span></td><td class="num">{weight}</td></tr>"#,
                        name = e(&line.name),
                        value = e(average),
                        key = side.key(),
                        width = line.score.clamp(0.0, 100.0),
                        score = line.score,
                        weight = whole_percent(line.weight * 100.0)
                    );
                }
                out.push_str("</tbody></table>");
            }
            out.push_str("</div></article>\n");
        }
        out.push_str("</section>\n");
    }

    fn write_reading_guide(&self, out: &mut String) {
        let e = html_escape;
        let _ = write!(
            out,
            "<section class=\"guide\"><h2>How to read this page</h2>\n<p>Utilities (0–100) are what a package is worth to \
             each side by the model, valued from where the talks began ({}), so every table, the frontier and {} sit on one \
             scale. Scores judge what each game really did, month by month and for a year after.</p>\n\
             <p>Each offer is compared with the same side's previous offer (Hindriks, Jonker &amp; Tykhonov, 2007):</p>\n\
             <ul class=\"moves\">",
            e(&month(&self.start_month)),
            self.real_label()
        );
        for label in MoveLabel::ALL {
            let _ = write!(out, "<li><b>{}</b>: {}.</li>", label.name(), e(label.meaning()));
        }
        out.push_str("</ul>\n");
        if let Some(real) = &self.real_deal {
            let terms: Vec<String> = real
                .terms
                .iter()
                .map(|t| format!("{} {}", e(&t.name), e(&t.text)))
                .collect();
            let _ = writeln!(
                out,
                "<p><b>{}</b>, signed in round {} ({}): {}. <span class=\"note\">Source: {}</span></p>",
                e(&capitalised(&real.label)),
                real.round,
                e(&month(&real.month)),
                terms.join("; "),
                e(&real.source)
            );
        }
        let _ = write!(
            out,
            "<p class=\"note\">At the start, US approval stood at {} and approval of {} government at {}.</p>\n</section>\n",
            whole_percent(self.start_approval.us),
            e(&self.names().possessive(Side::Partner)),
            whole_percent(self.start_approval.partner)
        );
    }
}

/// The page's style: large type for a projector, A4 or Letter pages with a break before each section in print.
const STYLE: &str = r#"
:root { --us: #1e488c; --partner: #b21830; --ink: #1c1e24; --muted: #5c606a; --rule: #d5d9df; --good: #16783c; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #ffffff; margin: 0 auto; padding: 24px 32px 48px; max-width: 1280px; font-size: 20px; line-height: 1.45; }
h1 { font-size: 2.2em; margin: 0; }
h2 { font-size: 1.6em; margin: 1.4em 0 0.4em; border-bottom: 3px solid var(--ink); padding-bottom: 0.15em; }
h3 { font-size: 1.25em; margin: 0.2em 0; }
h4 { font-size: 1em; margin: 0.7em 0 0.3em; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.subtitle { font-size: 1.3em; margin: 0.1em 0; }
.meta, .note, .code, .seats { color: var(--muted); }
.note { font-size: 0.85em; }
.code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.8em; letter-spacing: 0.04em; }
.us { color: var(--us); }
.partner { color: var(--partner); }
.good { color: var(--good); }
.cards { display: flex; gap: 16px; margin: 18px 0; flex-wrap: wrap; }
.card { flex: 1 1 200px; border: 2px solid var(--rule); border-radius: 10px; padding: 12px 16px; }
.card .big { font-size: 2em; font-weight: bold; }
.lead { font-size: 1em; max-width: 60em; }
.notices { border: 3px solid #c27c00; background: #fff8e8; border-radius: 10px; padding: 6px 18px 10px; margin: 18px 0; }
.notices h2 { font-size: 1.15em; border: none; margin: 0.5em 0 0.2em; padding: 0; }
.notices p { margin: 0.2em 0; }
.notices ul { margin: 0.2em 0 0.4em; padding-left: 1.2em; }
.notices li { overflow-wrap: anywhere; }
.notices .file { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
figure { margin: 0; }
svg.plane { width: 100%; height: auto; max-height: 82vh; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 22px; font-size: 0.9em; }
.key svg { vertical-align: middle; }
table { border-collapse: collapse; }
table.list { width: 100%; font-size: 0.9em; }
table.list th, table.list td { border-bottom: 1px solid var(--rule); padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
table.list thead th { border-bottom: 3px solid var(--ink); font-size: 0.85em; }
table.list tbody.reference td { background: #f4f5f7; color: #30343b; }
table.list tbody.reference tr:first-child td { border-top: 3px solid var(--ink); }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
td.best { font-weight: bold; background: #eaf4ee; }
.dot { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.4em; vertical-align: baseline; }
.spread { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 40px; }
.spread h3 { margin-top: 0.3em; }
.issue { margin: 0 0 10px; break-inside: avoid; }
.issue-name { font-weight: bold; font-size: 0.9em; }
.options { display: flex; gap: 10px; }
.option { flex: 1 1 0; font-size: 0.8em; padding: 2px 4px; border: 2px solid transparent; border-radius: 5px; }
.option.real { border-color: #c27c00; }
.option-text { white-space: nowrap; }
.real-key { color: #c27c00; font-weight: bold; }
.bar { height: 14px; background: #eceef1; border-radius: 3px; overflow: hidden; }
.fill { height: 100%; }
.fill.us { background: var(--us); }
.fill.partner { background: var(--partner); }
.count { font-weight: bold; }
.table-card { border-top: 3px solid var(--ink); padding-top: 10px; margin-top: 28px; break-inside: avoid; page-break-inside: avoid; }
.card-body { display: grid; grid-template-columns: 1.25fr 1fr; gap: 24px; align-items: start; }
.verdict ul { padding-left: 1.1em; margin: 0.2em 0; }
.verdict li { margin-bottom: 0.35em; }
.terms { font-size: 0.78em; columns: 2; column-gap: 1.5em; padding-left: 1.1em; margin: 0.2em 0; }
.terms li { break-inside: avoid; }
.terms .july { color: #8a5a00; }
svg.dance { width: 100%; height: auto; display: block; }
table.labels { font-size: 0.75em; margin-top: 4px; }
table.labels th, table.labels td { padding: 1px 6px; text-align: center; border-bottom: 1px solid var(--rule); }
.breakdowns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-top: 10px; align-items: start; }
.nowrap, table.list .code { white-space: nowrap; }
@media screen and (max-width: 1100px) { body { font-size: 18px; padding: 16px; } }
.wide { overflow-x: auto; }
@media screen and (max-width: 1000px) {
  table.list { font-size: 0.7em; }
  table.list th, table.list td { padding: 0.3em 0.25em; }
  table.list thead th { font-size: 0.9em; }
  table.list .code { font-size: 0.72em; letter-spacing: 0; }
  .card-body, .breakdowns, .spread { grid-template-columns: 1fr; }
}
.per-table h2 { margin-bottom: 0; }
.per-table h2 + .table-card { border-top: none; margin-top: 8px; }
table.breakdown { width: 100%; font-size: 0.8em; }
table.breakdown caption { text-align: left; font-weight: bold; font-size: 1.2em; padding-bottom: 4px; }
table.breakdown th, table.breakdown td { border-bottom: 1px solid var(--rule); padding: 2px 6px; text-align: left; }
.scorenum { display: inline-block; width: 2em; text-align: right; margin-right: 0.4em; font-weight: bold; font-variant-numeric: tabular-nums; }
.scorebar { display: inline-block; vertical-align: middle; width: 6em; height: 0.9em; background: #eceef1; border-radius: 3px; overflow: hidden; }
.scorebar .fill { display: block; }
.guide ul.moves { columns: 2; }
@page { size: auto; margin: 12mm; }
@media print {
  body { font-size: 9.5pt; max-width: none; padding: 0; }
  h1 { font-size: 1.9em; }
  h2 { margin-top: 0; }
  section { break-before: page; page-break-before: always; }
  section.plane-section { break-before: auto; page-break-before: auto; }
  .cards { margin: 8px 0; }
  .card { padding: 6px 10px; flex-basis: 120px; }
  svg.plane { max-height: 105mm; }
  .per-table .table-card { break-before: page; page-break-before: always; margin-top: 0; }
  .per-table .table-card:first-of-type { break-before: auto; page-break-before: auto; }
  svg.dance { max-height: 70mm; }
  .verdict li { margin-bottom: 0.2em; }
  td.best, table.list tbody.reference td, .bar, .fill, .scorebar, .dot { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::record::Seat;

    #[test]
    fn tags_are_each_tables_own_number_whatever_else_is_in_the_folder() {
        assert_eq!(table_tags(&[Some(1), Some(3)]), vec!["1", "3"]);
        // Two records of table 3: both keep the number, told apart by a letter; table 4 stays table 4.
        assert_eq!(table_tags(&[Some(3), Some(3), Some(4)]), vec!["3a", "3b", "4"]);
        // A game without a code takes a capital letter, never a number a table could have.
        assert_eq!(table_tags(&[Some(3), None, None]), vec!["3", "A", "B"]);
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
        assert_eq!(letters(27), "ab");
    }

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

    #[test]
    fn comparisons_read_in_words() {
        assert_eq!(compare_bn(60.0, 62.34), "$2.3bn less than");
        assert_eq!(compare_bn(62.0, 62.04), "about the same as");
        assert_eq!(compare_bn(64.0, 62.0), "$2.0bn more than");
        assert_eq!(compare_points(55.0, 40.0), "15.0 more");
        assert_eq!(compare_points(40.0, 44.5), "4.5 less");
    }
}
