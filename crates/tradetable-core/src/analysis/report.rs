//! The record of a finished game as a document: the rounds, the offers, the news, the outcome with both scores and
//! the counterfactuals — serialised to JSON by the CLI, written out as a readable transcript, and shown by the game.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::verdict::Verdict;
use crate::ai::play;
use crate::rules::moves::Move;
use crate::rules::negotiation::{Event, GameState, OfferFate, OutcomeKind, RoundRecord};
use crate::rules::package::PackageSpace;
use crate::rules::score::{SideScore, band_range, score_game};
use crate::scenario::format::percent;
use crate::scenario::schema::{PerSide, Scenario, Side};

/// One round's figures.
#[derive(Debug, Clone, Serialize)]
pub struct RoundSummary {
    /// The round (0: before any move).
    pub round: u32,
    /// Its month.
    pub month: String,
    /// US goods deficit with Japan, $bn a year.
    pub goods_deficit_bn: f64,
    /// The deficit at base-year exchange rates.
    pub goods_deficit_base_fx_bn: f64,
    /// US imports from Japan.
    pub us_imports_bn: f64,
    /// US exports to Japan.
    pub us_exports_bn: f64,
    /// US tariff revenue.
    pub tariff_revenue_bn: f64,
    /// Cost of the tariffs to US buyers.
    pub consumer_cost_bn: f64,
    /// US farm exports to Japan.
    pub farm_exports_bn: f64,
    /// Japanese investment inflow.
    pub investment_inflow_bn: f64,
    /// Fall in Japan's export earnings.
    pub partner_export_loss_bn: f64,
    /// Yen per dollar.
    pub currency_per_dollar: f64,
    /// Whether the USJTA is in force.
    pub trade_agreement_in_force: bool,
    /// The USJTA's state.
    pub trade_agreement: String,
    /// US instrument rates in force, by id.
    pub tariffs: BTreeMap<String, f64>,
    /// Japanese concession levels in force, by id.
    pub concessions: BTreeMap<String, f64>,
    /// Each side's overall approval (0–100).
    pub approval: PerSide<f64>,
    /// Each side's approval by constituency, by id.
    pub constituencies: PerSide<BTreeMap<String, f64>>,
}

/// An offer in the history.
#[derive(Debug, Clone, Serialize)]
pub struct OfferSummary {
    /// The round.
    pub round: u32,
    /// Who offered.
    pub from: Side,
    /// The terms, by issue id.
    pub terms: BTreeMap<String, f64>,
    /// What became of it.
    pub fate: OfferFate,
    /// Why a computer player made it, in plain sentences (empty for a person's offer).
    pub reasons: Vec<String>,
    /// Why a computer player accepted it, for the offer that became the deal.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub acceptance: Vec<String>,
}

/// A counterfactual game on the same seed.
#[derive(Debug, Clone, Serialize)]
pub struct Counterfactual {
    /// How it ended.
    pub kind: OutcomeKind,
    /// Each side's score.
    pub scores: PerSide<f64>,
    /// Mean goods deficit over the rounds played.
    pub mean_goods_deficit_bn: f64,
    /// The deficit in the last round.
    pub final_goods_deficit_bn: f64,
    /// Whether the USJTA survived to the end.
    pub trade_agreement_survived: bool,
}

/// How the game ended, with both scores and the counterfactuals.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeSummary {
    /// Deal, no deal or collapse.
    pub kind: OutcomeKind,
    /// The round it ended in.
    pub round: u32,
    /// Why.
    pub reason: String,
    /// The signed terms, for a deal.
    pub terms: Option<BTreeMap<String, f64>>,
    /// Both sides' scores.
    pub scores: PerSide<SideScore>,
    /// This game's own figures, in the form of the counterfactuals beside it.
    pub this_game: Counterfactual,
    /// The same seed with no deal.
    pub no_deal: Counterfactual,
    /// The same seed with the deal that really happened.
    pub actual_deal: Option<Counterfactual>,
    /// The same moves under the scenario's low, central and high parameter sets: how robust the scores are.
    pub band: play::ScoreBand,
}

/// A whole game as a document.
#[derive(Debug, Clone, Serialize)]
pub struct GameReport {
    /// The scenario's id.
    pub scenario: String,
    /// The seed.
    pub seed: u64,
    /// Who played each side.
    pub players: PerSide<String>,
    /// Round 0 (before any move) to the last round.
    pub rounds: Vec<RoundSummary>,
    /// Every offer.
    pub offers: Vec<OfferSummary>,
    /// The news feed, each item with its round and kind.
    pub news: Vec<Event>,
    /// The outcome.
    pub outcome: OutcomeSummary,
    /// Each side's score against no deal and the real deal on the same seed, in points and in words.
    pub verdict: PerSide<Verdict>,
}

/// Rounds a figure to a thousandth, so documents read well and diffs stay small.
fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn summarise_round(scenario: &Scenario, record: &RoundRecord) -> RoundSummary {
    let e = &record.economy;
    let constituencies = PerSide::from_fn(|side| {
        let list = &scenario.politics[side].constituencies;
        list.iter()
            .zip(&record.approvals[side])
            .map(|(c, a)| (c.id.clone(), r3(*a)))
            .collect()
    });
    RoundSummary {
        round: record.round,
        month: record.month.clone(),
        goods_deficit_bn: r3(e.goods_deficit_bn),
        goods_deficit_base_fx_bn: r3(e.goods_deficit_base_fx_bn),
        us_imports_bn: r3(e.us_imports_bn),
        us_exports_bn: r3(e.us_exports_bn),
        tariff_revenue_bn: r3(e.tariff_revenue_bn),
        consumer_cost_bn: r3(e.consumer_cost_bn),
        farm_exports_bn: r3(e.farm_exports_bn),
        investment_inflow_bn: r3(e.investment_inflow_bn),
        partner_export_loss_bn: r3(e.partner_export_loss_bn),
        currency_per_dollar: r3(e.currency_per_dollar),
        trade_agreement_in_force: record.policy.trade_agreement.in_force(),
        trade_agreement: record.policy.trade_agreement.label().to_string(),
        tariffs: scenario
            .us_instruments
            .iter()
            .zip(&record.policy.us_rates)
            .map(|(i, r)| (i.id.clone(), r3(*r)))
            .collect(),
        concessions: scenario
            .partner_levers
            .iter()
            .zip(&record.policy.concessions)
            .map(|(l, v)| (l.id.clone(), r3(*v)))
            .collect(),
        approval: record.approval.map(r3),
        constituencies,
    }
}

fn rounded(score: SideScore) -> SideScore {
    SideScore {
        side: score.side,
        total: r3(score.total),
        breakdown: score
            .breakdown
            .into_iter()
            .map(|mut o| {
                o.value = r3(o.value);
                o.score = r3(o.score);
                o.weight = r3(o.weight);
                o
            })
            .collect(),
    }
}

fn rounded_band(band: play::ScoreBand) -> play::ScoreBand {
    play::ScoreBand {
        mean_deficit_bn: band.mean_deficit_bn.map(r3),
        scores: band.scores.map(|s| s.map(r3)),
    }
}

/// Summarises a counterfactual game.
pub fn counterfactual(scenario: &Scenario, state: &GameState) -> Counterfactual {
    let played: Vec<&RoundRecord> = state.history.iter().skip(1).map(|r| &**r).collect();
    let mean = played.iter().map(|r| r.economy.goods_deficit_bn).sum::<f64>() / played.len().max(1) as f64;
    Counterfactual {
        kind: state.outcome.as_ref().map_or(OutcomeKind::NoDeal, |o| o.kind),
        scores: PerSide::from_fn(|side| r3(score_game(scenario, state, side).total)),
        mean_goods_deficit_bn: r3(mean),
        final_goods_deficit_bn: r3(state.latest().economy.goods_deficit_bn),
        trade_agreement_survived: state.latest().policy.trade_agreement.in_force(),
    }
}

impl GameReport {
    /// The report of a finished (or unfinished) game, with counterfactuals run on the same seed.
    pub fn new(scenario: &Scenario, state: &GameState, us_player: &str, partner_player: &str) -> GameReport {
        let space = PackageSpace::of(scenario);
        let outcome = state.outcome.clone();
        // The counterfactuals meet the same events as the game: the same seed and the same class injects.
        let fresh = || play::fresh_like(scenario, state);
        let no_deal = counterfactual(scenario, &play::play_no_deal_from(scenario, fresh()));
        let actual_deal = play::play_actual_deal_from(scenario, fresh()).map(|s| counterfactual(scenario, &s));
        let scores = PerSide::from_fn(|side| rounded(score_game(scenario, state, side)));
        let this_game = counterfactual(scenario, state);
        let real_deal_label = scenario.real_deal_label().unwrap_or("the real deal");
        let verdict = PerSide::from_fn(|side| {
            Verdict::new(
                &scenario.names().subject(side),
                this_game.scores[side],
                no_deal.scores[side],
                actual_deal.as_ref().map(|a| (a.scores[side], real_deal_label)),
            )
        });
        // Every offer in the history was one accepted `Propose` move, in the same order.
        let mut proposals = state
            .moves
            .iter()
            .filter(|m| matches!(m.mv, Move::Propose(_)))
            .map(|m| m.reasons.clone());
        let acceptance: Vec<String> = state
            .moves
            .iter()
            .rev()
            .find(|m| m.mv == Move::Accept)
            .map(|m| m.reasons.clone())
            .unwrap_or_default();
        GameReport {
            scenario: scenario.id.clone(),
            seed: state.seed,
            players: PerSide::new(us_player.to_string(), partner_player.to_string()),
            rounds: state.history.iter().map(|r| summarise_round(scenario, r)).collect(),
            offers: state
                .offers
                .iter()
                .map(|o| OfferSummary {
                    round: o.offer.round,
                    from: o.offer.from,
                    terms: space.terms(&o.offer.package),
                    fate: o.fate,
                    reasons: proposals.next().unwrap_or_default(),
                    acceptance: if o.fate == OfferFate::Accepted {
                        acceptance.clone()
                    } else {
                        Vec::new()
                    },
                })
                .collect(),
            news: state.news.iter().map(|e| (**e).clone()).collect(),
            outcome: OutcomeSummary {
                kind: outcome.as_ref().map_or(OutcomeKind::NoDeal, |o| o.kind),
                round: outcome.as_ref().map_or(state.round, |o| o.round),
                reason: outcome
                    .as_ref()
                    .map_or_else(|| "the game is not over".to_string(), |o| o.reason.clone()),
                terms: outcome
                    .as_ref()
                    .and_then(|o| o.package.as_ref())
                    .map(|p| space.terms(p)),
                scores,
                this_game,
                no_deal,
                actual_deal,
                band: rounded_band(play::score_band(scenario, state)),
            },
            verdict,
        }
    }

    /// A readable transcript: round by round, the news and the figures, then the outcome and the scores.
    pub fn transcript(&self, scenario: &Scenario) -> String {
        let names = scenario.names();
        let partner = names.short(Side::Partner);
        let mut out = String::new();
        let _ = writeln!(out, "TradeTable — {} (seed {})", scenario.title, self.seed);
        let _ = writeln!(
            out,
            "{}: {}   {}: {}",
            scenario.names().label(Side::Us),
            self.players.us,
            scenario.names().label(Side::Partner),
            self.players.partner
        );
        for round in &self.rounds {
            let _ = writeln!(out);
            if round.round == 0 {
                let _ = writeln!(out, "== Before any move ({})", round.month);
            } else {
                let _ = writeln!(out, "== Round {} ({})", round.round, round.month);
                for item in self.news.iter().filter(|n| n.round == round.round) {
                    let _ = writeln!(out, "  * {}", item.text);
                }
                self.write_reasons(&mut out, scenario, round.round);
            }
            let _ = writeln!(
                out,
                "  deficit ${:.1}bn (${:.1}bn at {} rates) | tariff revenue ${:.1}bn | consumer cost ${:.1}bn",
                round.goods_deficit_bn,
                round.goods_deficit_base_fx_bn,
                scenario.exchange.base_year,
                round.tariff_revenue_bn,
                round.consumer_cost_bn
            );
            // A scenario without a trade agreement has no agreement to report on.
            let agreement = match &scenario.trade_agreement {
                Some(_) => format!(" | {} {}", scenario.agreement_name(), round.trade_agreement),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "  farm exports ${:.1}bn | investment ${:.1}bn/yr{agreement} | approval US {:.1}% {} {:.1}%",
                round.farm_exports_bn, round.investment_inflow_bn, round.approval.us, partner, round.approval.partner
            );
            let tariffs: Vec<String> = round
                .tariffs
                .iter()
                .filter(|(_, r)| **r > 0.0)
                .map(|(id, r)| format!("{id} {}%", percent(*r)))
                .collect();
            let _ = writeln!(
                out,
                "  US tariffs in force: {}",
                if tariffs.is_empty() {
                    "none".to_string()
                } else {
                    tariffs.join(", ")
                }
            );
        }
        let o = &self.outcome;
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "== Outcome: {} in round {} — {}",
            o.kind.label(),
            o.round,
            o.reason
        );
        if let Some(terms) = &o.terms {
            let space = PackageSpace::of(scenario);
            for issue in &space.issues {
                if let Some(value) = terms.get(&issue.id) {
                    let _ = writeln!(out, "  {:<58} {}", issue.name, issue.value_text(scenario, *value));
                }
            }
        }
        for (side, score) in o.scores.iter() {
            let _ = writeln!(out, "  {} score {:.1}/100", names.short(side), score.total);
            for line in &score.breakdown {
                let _ = writeln!(
                    out,
                    "    {:<40} {:>8.2} -> {:>5.1} (weight {:.2})",
                    line.name, line.value, line.score, line.weight
                );
            }
        }
        let (us_low, us_high) = band_range(&o.band.scores.us);
        let (partner_low, partner_high) = band_range(&o.band.scores.partner);
        let (deficit_low, deficit_high) = band_range(&o.band.mean_deficit_bn);
        let _ = writeln!(
            out,
            "  with the low and high parameter sets: US {us_low:.1}-{us_high:.1}, {partner} {partner_low:.1}-{partner_high:.1}, \
             mean deficit ${deficit_low:.1}-{deficit_high:.1}bn"
        );
        let _ = writeln!(
            out,
            "  no deal on this seed: US {:.1}, {partner} {:.1} ({})",
            o.no_deal.scores.us,
            o.no_deal.scores.partner,
            o.no_deal.kind.label()
        );
        if let Some(actual) = &o.actual_deal {
            let _ = writeln!(
                out,
                "  {} on this seed: US {:.1}, {partner} {:.1}",
                scenario.real_deal_label().unwrap_or("the real deal"),
                actual.scores.us,
                actual.scores.partner
            );
        }
        for (_, verdict) in self.verdict.iter() {
            let _ = writeln!(out, "  {}", verdict.sentence);
        }
        out
    }

    /// The computer players' reasons for the offers made in `round`, and for accepting the deal if it was signed
    /// then.
    fn write_reasons(&self, out: &mut String, scenario: &Scenario, round: u32) {
        let names = scenario.names();
        for offer in self.offers.iter().filter(|o| o.round == round && !o.reasons.is_empty()) {
            let _ = writeln!(out, "  > {}: {}", names.short(offer.from), offer.reasons.join(" "));
        }
        if self.outcome.round == round
            && let Some(deal) = self.offers.iter().find(|o| !o.acceptance.is_empty())
        {
            let _ = writeln!(
                out,
                "  > {}: {}",
                names.short(deal.from.other()),
                deal.acceptance.join(" ")
            );
        }
    }
}
