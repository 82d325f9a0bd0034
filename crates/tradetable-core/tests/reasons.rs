//! Why the computer did what it did, and the verdict on a game: every computer offer and acceptance carries reasons
//! drawn from the figures that drove it, records keep them, and the verdict's words agree with the scores.

use tradetable_core::ai::agent::Decision;
use tradetable_core::ai::context::best_package;
use tradetable_core::ai::play::{play, play_deal};
use tradetable_core::ai::preferences::{Preferences, Valuation};
use tradetable_core::ai::{Difficulty, Opponent, Strategy, build_opponent, from_personality};
use tradetable_core::analysis::reference::{best_package_for, signing_round};
use tradetable_core::analysis::report::GameReport;
use tradetable_core::classroom::record::{GameRecord, Seat};
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::{GameState, Move, PackageSpace, PerSide, Scenario, Side, apply};

fn scenario() -> Scenario {
    Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025").expect("the shipped scenario is valid")
}

/// Utility as the reasons say it: points out of 100.
fn points(utility: f64) -> String {
    format!("{:.0}", utility * 100.0)
}

/// The position after the US puts `package` on the table in round 1.
fn us_offers(scenario: &Scenario, package: tradetable_core::Package) -> GameState {
    let start = GameState::new(scenario, 7);
    apply(scenario, &start, &Move::Propose(package))
        .expect("a package of the space is a legal offer")
        .state
}

fn opponents() -> Vec<Opponent> {
    let mut all: Vec<Opponent> = Strategy::ALL.into_iter().map(Opponent::Strategy).collect();
    all.extend(Difficulty::ALL.into_iter().map(Opponent::Difficulty));
    all
}

#[test]
fn every_computer_offer_and_acceptance_gives_its_reasons_for_every_strategy() {
    let s = scenario();
    for player in opponents() {
        for (us, partner) in [
            (player.clone(), Opponent::Strategy(Strategy::Linear)),
            (Opponent::Strategy(Strategy::Boulware), player.clone()),
        ] {
            let mut us_agent = us.agent(&s, Side::Us).expect("a catalogue player takes the US");
            let mut partner_agent = partner
                .agent(&s, Side::Partner)
                .expect("a catalogue player takes the partner");
            let state = play(&s, 2025, us_agent.as_mut(), partner_agent.as_mut());
            let mut offers = 0;
            for played in &state.moves {
                if matches!(played.mv, Move::Propose(_) | Move::Accept) {
                    offers += 1;
                    assert!(
                        !played.reasons.is_empty() && played.reasons.iter().all(|r| !r.trim().is_empty()),
                        "{} vs {}: {} in round {} gives no reasons",
                        us.name(),
                        partner.name(),
                        played.mv,
                        played.round
                    );
                }
            }
            assert!(offers > 0, "{} vs {} made no offer", us.name(), partner.name());
            let report = GameReport::new(&s, &state, &us.name(), &partner.name());
            assert!(report.offers.iter().all(|o| !o.reasons.is_empty()));
        }
    }
}

#[test]
fn a_boulware_opening_names_its_target_its_curve_and_the_round() {
    let s = scenario();
    let decision = Strategy::Boulware.build(Side::Us).decide(&s, &GameState::new(&s, 7));
    let first = &decision.reasons[0];
    assert!(first.contains("round 1 of 8"), "{first}");
    assert!(first.contains("e = 0.2"), "{first}");
    assert!(first.contains("concedes little until the deadline"), "{first}");
    assert!(
        first.contains(&format!("aims for {}", points(decision.bid.target))),
        "{first}"
    );
}

#[test]
fn an_acceptance_names_the_offer_worth_and_the_threshold() {
    let s = scenario();
    let start = GameState::new(&s, 7);
    let (japan_best, _) = best_package(&Valuation::new(&s, &start, Side::Partner, &Preferences::default()));
    let state = us_offers(&s, japan_best);
    let decision: Decision = Strategy::Linear.build(Side::Partner).decide(&s, &state);
    assert!(decision.accept, "Japan takes the package that gives it everything");
    let offered = decision.offered.expect("an offer is on the table");
    let reason = decision.reasons.join(" ");
    assert!(reason.starts_with("Accepts"), "{reason}");
    assert!(
        reason.contains(&format!("worth {} to Japan", points(offered))),
        "{reason}"
    );
    assert!(
        reason.contains(&format!("the {} it would settle for", points(decision.threshold))),
        "{reason}"
    );
}

#[test]
fn a_counter_offer_says_what_the_rejected_offer_was_worth() {
    let s = scenario();
    let space = PackageSpace::of(&s);
    let state = us_offers(&s, space.best_for(Side::Us));
    let decision = Strategy::Linear.build(Side::Partner).decide(&s, &state);
    assert!(!decision.accept);
    let offered = decision.offered.expect("an offer is on the table");
    let rejection = &decision.reasons[1];
    assert!(
        rejection.starts_with(&format!("Rejects your offer: it is worth {} to Japan", points(offered))),
        "{rejection}"
    );
    assert!(rejection.contains(&points(decision.threshold)), "{rejection}");
}

#[test]
fn the_hard_partner_explains_why_its_first_offers_concede_nothing() {
    let s = scenario();
    let space = PackageSpace::of(&s);
    let hard = build_opponent(&s, Side::Partner, Difficulty::Hard, None).expect("hard plays Japan");
    let decision = hard.decide(&s, &us_offers(&s, space.best_for(Side::Us)));
    let first = &decision.reasons[0];
    assert!(first.contains("concedes nothing yet"), "{first}");
    // It counts to round 7, its last offer the US can still answer, not to the deadline of round 8.
    assert!(
        first.contains("round 1 of 7, its last offer you can still answer"),
        "{first}"
    );
    if decision.bid.package.choice.iter().all(|&c| c == 0) {
        assert!(first.starts_with("Puts zero on every issue"), "{first}");
    }
    // The second sentence says what the US offer was worth to it, against what it asks.
    assert!(
        decision.reasons[1].starts_with("Rejects your offer"),
        "{:?}",
        decision.reasons
    );
}

#[test]
fn a_package_past_a_red_line_is_rejected_for_that_line() {
    let s = scenario();
    let space = PackageSpace::of(&s);
    let cabinet = s
        .personality("cautious_cabinet")
        .expect("the scenario has a cautious cabinet");
    let agent = from_personality(cabinet, Difficulty::Normal);
    let autos = space
        .issues
        .iter()
        .position(|i| i.id == "s232_autos")
        .expect("autos are an issue");
    let mut package = space.best_for(Side::Partner);
    package.choice[autos] = (space.issues[autos].options.len() - 1) as u8;
    let decision = agent.decide(&s, &us_offers(&s, package));
    assert!(!decision.accept);
    let rejection = &decision.reasons[1];
    assert!(rejection.contains("its red line is at most 12.5%"), "{rejection}");
    assert!(rejection.contains("upper-house election"), "{rejection}");
}

#[test]
fn a_modelling_offer_says_what_its_model_of_the_opponent_told_it() {
    let s = scenario();
    let decision = Strategy::Modelling.build(Side::Us).decide(&s, &GameState::new(&s, 7));
    let model = decision.reasons.get(1).expect("a second sentence");
    assert!(model.contains("its model of you rates highest"), "{model}");
    let weight = decision.opponent_weights.iter().copied().fold(0.0, f64::max);
    assert!(
        model.contains(&format!("({:.0}% of your weight)", weight * 100.0)),
        "{model}"
    );
}

#[test]
fn records_keep_the_reasons_and_replay_to_the_same_game() {
    let s = scenario();
    let mut us = Strategy::Boulware.agent(Side::Us);
    let mut partner = Strategy::Conceder.agent(Side::Partner);
    let state = play(&s, 2025, us.as_mut(), partner.as_mut());
    let seats = PerSide::new(
        Seat::Computer(Opponent::Strategy(Strategy::Boulware)),
        Seat::Computer(Opponent::Strategy(Strategy::Conceder)),
    );
    let record = GameRecord::of(&s, &state, seats, None, "test", "2025-07-22T00:00:00Z".to_string());
    let json = record.to_json();
    assert!(json.contains("\"reasons\""));
    let read = GameRecord::from_json(&json, std::path::Path::new("test.json")).expect("the record reads back");
    assert_eq!(read.moves, record.moves);
    assert_eq!(read.replay(&s).expect("the record replays"), state);
}

#[test]
fn a_record_written_before_reasons_still_reads() {
    let s = scenario();
    let state = apply(&s, &GameState::new(&s, 7), &Move::Pass)
        .expect("passing is legal")
        .state;
    let seats = PerSide::new(
        Seat::People("US team".to_string()),
        Seat::People("Japan team".to_string()),
    );
    let record = GameRecord::of(&s, &state, seats, None, "test", "2025-07-22T00:00:00Z".to_string());
    let json = record.to_json();
    assert!(!json.contains("reasons"), "a person's move has no reasons to write");
    let read = GameRecord::from_json(&json, std::path::Path::new("old.json")).expect("an older record reads");
    assert!(read.moves.iter().all(|m| m.reasons.is_empty()));
}

#[test]
fn the_verdict_agrees_with_the_scores() {
    let s = scenario();
    let mut games = Vec::new();
    for (us, partner) in [
        (Strategy::Boulware, Strategy::Linear),
        (Strategy::Hardliner, Strategy::Conceder),
        (Strategy::Conceder, Strategy::Hardliner),
    ] {
        games.push(play(
            &s,
            2025,
            us.agent(Side::Us).as_mut(),
            partner.agent(Side::Partner).as_mut(),
        ));
    }
    // The package best for the US, signed: a deal Japan does worse by than by no deal.
    let best_for_us = best_package_for(&s, 2025, Side::Us).expect("the US has a best package");
    games.push(play_deal(&s, 2025, signing_round(&s), best_for_us));
    let mut fell_short = false;
    for state in &games {
        let report = GameReport::new(&s, state, "a", "b");
        for side in Side::BOTH {
            let verdict = &report.verdict[side];
            let score = report.outcome.this_game.scores[side];
            let no_deal = report.outcome.no_deal.scores[side];
            assert!((verdict.vs_no_deal - (score - no_deal)).abs() < 1e-6);
            let real = report
                .outcome
                .actual_deal
                .as_ref()
                .expect("the scenario has a real deal");
            let vs_real = verdict.vs_real_deal.expect("a verdict against the real deal");
            assert!((vs_real - (score - real.scores[side])).abs() < 1e-6);
            let sentence = &verdict.sentence;
            if verdict.vs_no_deal >= 0.05 {
                assert!(sentence.contains("beat no deal by"), "{sentence}");
            } else if verdict.vs_no_deal <= -0.05 {
                assert!(sentence.contains("fell short of no deal by"), "{sentence}");
                fell_short = true;
            }
            if vs_real >= 0.05 {
                assert!(sentence.contains("the July 2025 deal by"), "{sentence}");
                assert!(!sentence.contains("of the July 2025 deal"), "{sentence}");
            } else if vs_real <= -0.05 {
                assert!(sentence.contains("of the July 2025 deal by"), "{sentence}");
            }
        }
    }
    let japan = GameReport::new(&s, &games[3], "a", "b").verdict.partner;
    assert!(japan.vs_no_deal < 0.0, "{}", japan.sentence);
    assert!(
        japan.sentence.starts_with("Japan fell short of no deal"),
        "{}",
        japan.sentence
    );
    assert!(fell_short);
}
