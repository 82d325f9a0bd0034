//! How the debrief is made from the records: each replayed, duplicates counted once and clashes named, the tags
//! the plot marks tables with, the reference games each table is compared with, the figures, terms and averages of
//! each table, and the spread of the terms across the class.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::verdict::verdict;
use super::{
    Benchmark, Clash, Debrief, Figures, MAX_DEBRIEF_RECORDS, NothingToDebrief, OptionCount, RealDeal, Skipped,
    TableDebrief, Term, TermSpread,
};
use crate::ai::play::{actual_deal_package, fresh_like, play_actual_deal_from, play_no_deal_from};
use crate::analysis::game::{GameAnalysis, UtilityPlane, opening_position};
use crate::analysis::report::counterfactual;
use crate::classroom::class::TableCode;
use crate::classroom::record::{GameRecord, ScenarioRef};
use crate::rules::negotiation::{GameState, OutcomeKind};
use crate::rules::package::PackageSpace;
use crate::rules::score::{ObjectiveScore, Valuer, score_game};
use crate::scenario::format::{LeverUnit, bn, chance, lever_level, one_decimal, rate, whole_percent};
use crate::scenario::schema::{Indicator, PerSide, Scenario, Side};

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

/// A record that replays, and the copies of it handed in besides.
struct Game<'a> {
    path: &'a PathBuf,
    record: &'a GameRecord,
    state: GameState,
    number: Option<u32>,
    copies: Vec<String>,
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
        let mut skipped = unread;
        let mut games = replayed_games(scenario, records, &mut skipped);
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

        let class = Class {
            scenario,
            space: &space,
            plane: &plane,
            valuer: &valuer,
        };
        let mut benchmarks: Vec<Benchmark> = Vec::new();
        let tags = table_tags(&games.iter().map(|g| g.number).collect::<Vec<_>>());
        let clashes = clashes_of(&games, &tags);
        let tables: Vec<TableDebrief> = games
            .into_iter()
            .zip(tags)
            .map(|(game, tag)| class.table(game, tag, &mut benchmarks))
            .collect();

        let real_deal = scenario.actual_deal.as_ref().map(|deal| RealDeal {
            label: deal.label.clone(),
            round: deal.round,
            month: scenario.month_of_round(deal.round),
            description: deal.description.clone(),
            source: deal.source.clone(),
            terms: terms_of(scenario, &space, &deal.terms),
        });
        let spread = term_spread(scenario, &space, &tables);
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
}

/// The records that replay on `scenario`, each game once with the files of its copies; every record left out is
/// added to `skipped` with its reason.
fn replayed_games<'a>(
    scenario: &Scenario,
    records: &'a [(PathBuf, GameRecord)],
    skipped: &mut Vec<Skipped>,
) -> Vec<Game<'a>> {
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
    games
}

/// The clashes among the games (in table order, each with its tag): every game handed in more than once, then every
/// table number that more than one different game names.
fn clashes_of(games: &[Game], tags: &[String]) -> Vec<Clash> {
    let mut clashes: Vec<Clash> = Vec::new();
    for (game, tag) in games.iter().zip(tags) {
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
            .zip(tags)
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
    clashes
}

/// Which of `benchmarks` a game is compared with: the one of its seed and injects, played and added if it is the
/// first game on them.
fn benchmark_of(scenario: &Scenario, state: &GameState, benchmarks: &mut Vec<Benchmark>) -> usize {
    if let Some(k) = benchmarks
        .iter()
        .position(|b| b.seed == state.seed && b.injects == state.injects)
    {
        return k;
    }
    benchmarks.push(Benchmark {
        seed: state.seed,
        injects: state.injects.clone(),
        no_deal: Figures::of(scenario, &play_no_deal_from(scenario, fresh_like(scenario, state))),
        real_deal: play_actual_deal_from(scenario, fresh_like(scenario, state)).map(|s| Figures::of(scenario, &s)),
    });
    benchmarks.len() - 1
}

/// What every table of a class is valued and placed against.
struct Class<'a> {
    scenario: &'a Scenario,
    space: &'a PackageSpace,
    plane: &'a UtilityPlane,
    valuer: &'a Valuer<'a>,
}

impl Class<'_> {
    /// One table of the debrief, from its game and its tag, compared with the benchmark of its seed and injects
    /// (added to `benchmarks` if it is the first table on them).
    fn table(&self, game: Game, tag: String, benchmarks: &mut Vec<Benchmark>) -> TableDebrief {
        let scenario = self.scenario;
        let Game {
            path, record, state, ..
        } = game;
        let benchmark = benchmark_of(scenario, &state, benchmarks);
        let round = state.outcome.as_ref().map_or(state.round, |o| o.round);
        let terms = match &state.outcome {
            Some(o) if o.kind == OutcomeKind::Deal => o
                .package
                .as_ref()
                .map(|p| terms_of(scenario, self.space, &self.space.terms(p)))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let figures = Figures::of(scenario, &state);
        let scores = PerSide::from_fn(|side| score_game(scenario, &state, side));
        let analysis = GameAnalysis::new(self.valuer, self.plane, &state);
        let verdict = verdict(
            scenario,
            &figures,
            &benchmarks[benchmark],
            &analysis,
            self.plane.no_deal(),
            &state,
        );
        TableDebrief {
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
        }
    }
}

/// For every issue, how many of the tables that signed chose each option, and which option the real deal set.
fn term_spread(scenario: &Scenario, space: &PackageSpace, tables: &[TableDebrief]) -> Vec<TermSpread> {
    let real_package = actual_deal_package(scenario);
    space
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
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
