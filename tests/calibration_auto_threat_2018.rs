//! The 2018–19 scenario (`scenarios/auto-threat-2018.ron`): its starting position reproduces the sourced 2018
//! figures, the real 2019 agreement beats no deal for both sides, the agreement that did not exist yet never
//! "lapses", and a game between computer players reaches its end.

use std::path::PathBuf;

use tradetable_core::ai::play::{play, play_actual_deal, play_no_deal};
use tradetable_core::ai::{Difficulty, Negotiator, Strategy, build_opponent};
use tradetable_core::analysis::reference::{deal_at_signing, play_escalation};
use tradetable_core::rules::score::score_game;
use tradetable_core::{GameState, Scenario, Side, TradeAgreementStatus};

fn scenario() -> Scenario {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/auto-threat-2018.ron");
    tradetable::storage::load_scenario(&path).expect("the 2018 scenario is valid")
}

/// US Census, 2018 goods trade with Japan: exports $75.0bn, imports $142.6bn, deficit $67.6bn (USTR's Japan page:
/// $217.6bn of goods trade). The sectors are built to these totals, so the tolerance is the rounding of the
/// published figures ($0.05bn on flows, $0.5bn on the deficit, as for the default scenario's 2024 check).
#[test]
fn round_zero_reproduces_2018_goods_trade() {
    let s = scenario();
    let state = GameState::new(&s, 1);
    let e = &state.history[0].economy;
    assert!((e.us_imports_bn - 142.6).abs() < 0.05, "imports {}", e.us_imports_bn);
    assert!((e.us_exports_bn - 75.0).abs() < 0.05, "exports {}", e.us_exports_bn);
    assert!(
        (e.goods_deficit_bn - 67.6).abs() <= 0.5,
        "deficit {}",
        e.goods_deficit_bn
    );
    // At 2017 rates: 67.6 x 112.10 / 110.40 = 68.6 (Federal Reserve G.5A).
    assert!(
        (e.goods_deficit_base_fx_bn - 68.6).abs() <= 0.5,
        "deficit at 2017 rates {}",
        e.goods_deficit_base_fx_bn
    );
    // USTR fact sheet (September 2019): $14.1bn of US food and farm goods imported by Japan in 2018.
    assert!(
        (e.farm_exports_bn - 14.1).abs() < 0.05,
        "farm exports {}",
        e.farm_exports_bn
    );
}

#[test]
fn the_2019_agreement_beats_no_deal_for_both_sides() {
    let s = scenario();
    for seed in [1, 7, 2025, 31337] {
        let no_deal = play_no_deal(&s, seed);
        let deal = play_actual_deal(&s, seed).expect("the scenario has the real deal");
        assert_eq!(
            deal.outcome.as_ref().map(|o| o.round),
            s.actual_deal.as_ref().map(|d| d.round),
            "seed {seed}: the deal is signed in its real round"
        );
        for side in Side::BOTH {
            let with = score_game(&s, &deal, side).total;
            let without = score_game(&s, &no_deal, side).total;
            println!("seed {seed}, {side:?}: the 2019 agreement {with:.1}, no deal {without:.1}");
            assert!(with.is_finite() && without.is_finite());
            assert!(
                with > without + 1.0,
                "seed {seed}, {side:?}: deal {with:.1}, no deal {without:.1}"
            );
        }
    }
    // And in the month it was signed, each government valued it above no deal.
    let at = deal_at_signing(&s, 2025).expect("the scenario has the real deal");
    for side in Side::BOTH {
        let margin = at.margin(side);
        println!(
            "{side:?}: the agreement beats no deal by {margin:.3} in round {}",
            at.round
        );
        assert!(
            margin > 0.02,
            "{side:?} values the agreement only {margin:.3} above no deal"
        );
    }
}

/// The agreement did not exist before October 2019: the scenario's USJTA rule must never fire, even when the auto
/// tariff is at its highest.
#[test]
fn the_not_yet_signed_agreement_never_lapses() {
    let s = scenario();
    for seed in [1, 2025] {
        let escalation = play_escalation(&s, seed);
        for record in &escalation.history {
            assert_eq!(
                record.trade_agreement_hazard, 0.0,
                "seed {seed}: hazard in round {}",
                record.round
            );
        }
        assert_eq!(
            escalation.policy.trade_agreement,
            TradeAgreementStatus::InForce,
            "seed {seed}"
        );
    }
}

#[test]
fn a_game_between_computer_players_reaches_its_end() {
    let s = scenario();
    let pairs: [(Box<dyn Negotiator>, Box<dyn Negotiator>); 3] = [
        (
            Box::new(build_opponent(&s, Side::Us, Difficulty::Normal, None).unwrap()),
            Box::new(build_opponent(&s, Side::Partner, Difficulty::Normal, None).unwrap()),
        ),
        (
            Strategy::Boulware.agent(Side::Us),
            Strategy::Linear.agent(Side::Partner),
        ),
        (
            Box::new(build_opponent(&s, Side::Us, Difficulty::Hard, Some("deficit_hawk")).unwrap()),
            Box::new(build_opponent(&s, Side::Partner, Difficulty::Hard, Some("cautious_cabinet")).unwrap()),
        ),
    ];
    for (mut us, mut partner) in pairs {
        let state = play(&s, 2025, us.as_mut(), partner.as_mut());
        assert!(state.is_over(), "the game ended");
        let outcome = state.outcome.as_ref().expect("an outcome");
        assert!(
            outcome.round >= 1 && outcome.round <= s.rounds,
            "outcome round {}",
            outcome.round
        );
        for side in Side::BOTH {
            let score = score_game(&s, &state, side);
            assert!(
                score.total.is_finite() && (0.0..=100.0).contains(&score.total),
                "{side:?}: {}",
                score.total
            );
            for line in &score.breakdown {
                assert!(
                    line.value.is_finite() && line.score.is_finite(),
                    "{side:?} {}: {}",
                    line.id,
                    line.value
                );
            }
        }
        println!(
            "{} in round {}: {}",
            outcome.kind.label(),
            outcome.round,
            outcome.reason
        );
    }
}
