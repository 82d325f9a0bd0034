//! The 2026 quarterly-review scenario starts from the July 2025 deal in force and its 2026 baseline, and plays as a
//! game: no deal and a deal score differently, and AI games reach the end.
//!
//! Targets (see the scenario's baseline note above its sectors; every one an estimate built on DOMAIN.md):
//! - the trade-weighted US tariff at round 0 is the deal's 15% all-in, within 1.5 points: steel pays 50%, while
//!   chips, pharmaceuticals and energy (exempt from the reciprocal tariff, Annex II) pay their 0% MFN rate, which
//!   together pull the average to about 14%;
//! - US imports $133.4bn (2024's $148.2bn at December 2025's -11.1% in yen, in dollars at 2025's rate), exports
//!   $92.9bn (2025's implied rise plus the deal's purchases), so a goods deficit of $40.5bn, within $0.5bn;
//! - autos and parts pay 15% all-in.

use std::path::PathBuf;

use tradetable_core::ai::play::{play, play_no_deal};
use tradetable_core::ai::{Difficulty, Strategy, opponent};
use tradetable_core::rules::score::score_game;
use tradetable_core::{GameState, OutcomeKind, Scenario, Side};

/// The 2026 baseline goods deficit, $bn a year.
const BASELINE_DEFICIT_BN: f64 = 40.5;
/// How far the round-0 deficit may sit from it, $bn.
const DEFICIT_TOLERANCE_BN: f64 = 0.5;
/// The deal's all-in rate and how far the trade-weighted average may sit from it.
const DEAL_RATE: f64 = 0.15;
const TARIFF_TOLERANCE: f64 = 0.015;

fn scenario() -> Scenario {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/quarterly-review-2026.ron");
    tradetable::storage::load_scenario(&path).expect("the quarterly-review scenario is valid")
}

#[test]
fn the_starting_position_is_the_july_2025_deal() {
    let s = scenario();
    assert_eq!(s.id, "quarterly-review-2026");
    let state = GameState::new(&s, 1);
    let e = &state.history[0].economy;
    let weighted = e.tariff_revenue_bn / e.us_imports_bn;
    println!("trade-weighted US tariff at round 0: {:.2}%", 100.0 * weighted);
    assert!(
        (weighted - DEAL_RATE).abs() <= TARIFF_TOLERANCE,
        "trade-weighted tariff {weighted:.4}, expected {DEAL_RATE} within {TARIFF_TOLERANCE}"
    );
    assert!(
        (e.auto_tariff_total - DEAL_RATE).abs() < 1e-9,
        "autos and parts pay {} all-in",
        e.auto_tariff_total
    );
    // Every sector under the reciprocal tariff and no Section 232 tariff pays 15% all-in.
    for id in ["machinery", "aircraft", "other", "meat_dairy", "grains_farm"] {
        let f = e.sectors.iter().find(|f| f.id == id).unwrap();
        assert!((f.us_tariff - DEAL_RATE).abs() < 1e-9, "{id} pays {}", f.us_tariff);
    }
    let steel = e.sectors.iter().find(|f| f.id == "steel").unwrap();
    assert!((steel.us_tariff - 0.5).abs() < 1e-9, "steel pays {}", steel.us_tariff);
    // Every instrument offers its starting rate, and the two the review can snap back offer 25%.
    for ins in &s.us_instruments {
        assert!(
            ins.options.contains(&ins.rate_now),
            "{} cannot stay where it is",
            ins.id
        );
    }
    for id in ["rtt_reciprocal", "s232_autos"] {
        let ins = s.us_instruments.iter().find(|i| i.id == id).unwrap();
        assert_eq!(ins.rate_now, DEAL_RATE, "{id} starts at the deal's rate");
        assert!(ins.options.contains(&0.25), "{id} has no snap-back option");
    }
    // Nothing beyond the deal is conceded before a move, and the economy starts unshocked.
    assert_eq!(e.concession_cost_bn, 0.0);
    assert_eq!(e.consumer_cost_bn, 0.0);
    assert!(e.partner_export_loss_bn.abs() < 1e-9);
}

#[test]
fn the_round_0_deficit_matches_the_2026_baseline() {
    let s = scenario();
    let state = GameState::new(&s, 1);
    let e = &state.history[0].economy;
    println!(
        "imports {:.2} exports {:.2} deficit {:.2} farm {:.2}",
        e.us_imports_bn, e.us_exports_bn, e.goods_deficit_bn, e.farm_exports_bn
    );
    assert!((e.us_imports_bn - 133.4).abs() < 0.1, "imports {}", e.us_imports_bn);
    assert!((e.us_exports_bn - 92.9).abs() < 0.1, "exports {}", e.us_exports_bn);
    assert!(
        (e.goods_deficit_bn - BASELINE_DEFICIT_BN).abs() <= DEFICIT_TOLERANCE_BN,
        "deficit {}, expected {BASELINE_DEFICIT_BN} within {DEFICIT_TOLERANCE_BN}",
        e.goods_deficit_bn
    );
    // The deficit is below 2025's (68.5 x 0.874 x 151.46 / 149.57 = 60.6): the run rate under the deal and the deal's
    // purchases both lower it.
    assert!(e.goods_deficit_bn < 60.6);
}

#[test]
fn no_deal_and_a_deal_score_differently() {
    let s = scenario();
    for seed in [1, 2025] {
        let no_deal = play_no_deal(&s, seed);
        assert!(no_deal.is_over());
        let mut us = opponent(&s, Side::Us, Difficulty::Normal, None).unwrap();
        let mut partner = opponent(&s, Side::Partner, Difficulty::Normal, None).unwrap();
        let game = play(&s, seed, us.as_mut(), partner.as_mut());
        let outcome = game.outcome.as_ref().expect("the AI game ended");
        assert_eq!(
            outcome.kind,
            OutcomeKind::Deal,
            "seed {seed}: the normal AIs should settle the review"
        );
        for side in Side::BOTH {
            let a = score_game(&s, &no_deal, side);
            let b = score_game(&s, &game, side);
            println!("seed {seed} {side:?}: no deal {:.1}, AI deal {:.1}", a.total, b.total);
            assert!(a.total.is_finite() && b.total.is_finite());
            assert!(
                (a.total - b.total).abs() > 1.0,
                "{side:?}: no deal {:.1} and a deal {:.1} score alike",
                a.total,
                b.total
            );
            // Settling the review beats the snap-back for both governments.
            assert!(
                b.total > a.total,
                "{side:?}: the deal {:.1} is worth less than no deal {:.1}",
                b.total,
                a.total
            );
            // No objective is stuck at the same clamp in both games.
            for (x, y) in a.breakdown.iter().zip(&b.breakdown) {
                let stuck = (x.score <= 0.0 && y.score <= 0.0) || (x.score >= 100.0 && y.score >= 100.0);
                let allowed = x.id == "usjta" || x.id == "reciprocity";
                assert!(
                    !stuck || allowed,
                    "{side:?} {}: {:.1} with no deal and {:.1} with a deal",
                    x.id,
                    x.score,
                    y.score
                );
            }
        }
    }
}

#[test]
fn ai_games_reach_the_end() {
    let s = scenario();
    let pairs = [
        (Strategy::Boulware, Strategy::Linear),
        (Strategy::Hardliner, Strategy::Hardliner),
        (Strategy::Conceder, Strategy::Boulware),
    ];
    for (u, j) in pairs {
        let state = play(&s, 7, u.agent(Side::Us).as_mut(), j.agent(Side::Partner).as_mut());
        assert!(state.is_over(), "{u:?} v {j:?} did not end");
        let outcome = state.outcome.as_ref().unwrap();
        assert!(
            outcome.round >= 1 && outcome.round <= s.rounds,
            "ended in round {}",
            outcome.round
        );
        for record in &state.history {
            let e = &record.economy;
            for v in [
                e.goods_deficit_bn,
                e.tariff_revenue_bn,
                e.consumer_cost_bn,
                e.investment_inflow_bn,
            ] {
                assert!(v.is_finite(), "{u:?} v {j:?}: a figure is not finite");
            }
        }
        for side in Side::BOTH {
            assert!(score_game(&s, &state, side).total.is_finite());
        }
    }
    // Two hardliners never agree: the deadline passes and both snap-backs take effect.
    let state = play(
        &s,
        7,
        Strategy::Hardliner.agent(Side::Us).as_mut(),
        Strategy::Hardliner.agent(Side::Partner).as_mut(),
    );
    let last = &state.history.last().unwrap().economy;
    assert!(
        (last.auto_tariff_total - 0.25).abs() < 1e-9,
        "autos at {}",
        last.auto_tariff_total
    );
}
