//! How the computer negotiates, one rule per test: concession curves, the hardliner, AC_next at "hard",
//! tit-for-tat on threats, the opponent model, reproducible tournaments, and games that always end.

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tradetable_core::ai::agent::{Agent, Decision};
use tradetable_core::ai::opponent_model::{FrequencyModel, OpponentModel};
use tradetable_core::ai::play::play;
use tradetable_core::ai::{Difficulty, Negotiator, Opponent, Strategy, build_opponent, opponent};
use tradetable_core::analysis::tournament;
use tradetable_core::rules::package::PackageSpace;
use tradetable_core::rules::score::Valuer;
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::{GameState, Move, Package, Scenario, Side, apply};

fn scenario() -> Scenario {
    Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025").expect("the shipped scenario is valid")
}

/// Both sides pass until `round` starts.
fn passed_until(scenario: &Scenario, round: u32) -> GameState {
    let mut state = GameState::new(scenario, 7);
    while state.round < round {
        state = apply(scenario, &state, &Move::Pass).expect("passing is legal").state;
    }
    state
}

/// A stand-in for a player who puts a random package on the table every turn.
struct RandomOfferer(ChaCha8Rng);

impl Negotiator for RandomOfferer {
    fn name(&self) -> String {
        "random".to_string()
    }

    fn next_move(&mut self, scenario: &Scenario, _state: &GameState) -> Move {
        let space = PackageSpace::of(scenario);
        let choice = space
            .issues
            .iter()
            .map(|issue| self.0.random_range(0..issue.options.len() as u8))
            .collect();
        Move::Propose(Package { choice })
    }
}

/// Wraps an agent and checks every decision it makes against a rule.
struct Checked<F: FnMut(&Decision) + Send + Sync> {
    agent: Agent,
    check: F,
    decisions: usize,
}

impl<F: FnMut(&Decision) + Send + Sync> Negotiator for Checked<F> {
    fn name(&self) -> String {
        self.agent.name()
    }

    fn next_move(&mut self, scenario: &Scenario, state: &GameState) -> Move {
        // Decided before the move, as the agent itself does: its move updates what it has seen of the other side.
        let decision = self.agent.decide(scenario, state);
        let mv = self.agent.next_move(scenario, state);
        if mv.ends_turn() {
            assert_eq!(decision.accept, mv == Move::Accept, "decide() and next_move() agree");
            (self.check)(&decision);
            self.decisions += 1;
        }
        mv
    }
}

#[test]
fn a_boulware_agent_concedes_less_than_a_conceder_at_mid_game() {
    let s = scenario();
    let mid_game = passed_until(&s, s.rounds / 2);
    for side in Side::BOTH {
        let boulware = Strategy::Boulware.build(side).decide(&s, &mid_game).bid;
        let conceder = Strategy::Conceder.build(side).decide(&s, &mid_game).bid;
        assert!(
            boulware.target > conceder.target + 0.05 && boulware.utility > conceder.utility,
            "{side:?}: Boulware aims for {:.3} and offers {:.3}; conceder aims for {:.3} and offers {:.3}",
            boulware.target,
            boulware.utility,
            conceder.target,
            conceder.utility
        );
    }
}

#[test]
fn a_hardliner_never_moves() {
    let s = scenario();
    for (us, partner) in [
        (Strategy::Hardliner, Strategy::Conceder),
        (Strategy::Boulware, Strategy::Hardliner),
    ] {
        let hardliner_side = if us == Strategy::Hardliner {
            Side::Us
        } else {
            Side::Partner
        };
        let state = play(
            &s,
            3,
            us.agent(Side::Us).as_mut(),
            partner.agent(Side::Partner).as_mut(),
        );
        let offers: Vec<&Package> = state
            .offers
            .iter()
            .filter(|r| r.offer.from == hardliner_side)
            .map(|r| &r.offer.package)
            .collect();
        assert!(offers.len() >= 3, "the hardliner made {} offers", offers.len());
        assert!(
            offers.windows(2).all(|w| w[0] == w[1]),
            "the {hardliner_side:?} hardliner changed its offer"
        );
    }
}

#[test]
fn a_hard_agent_never_accepts_a_package_worse_than_its_next_offer() {
    let s = scenario();
    let mut accepted = 0;
    let mut decisions = 0;
    for seed in 0..6 {
        for side in Side::BOTH {
            let agent = build_opponent(&s, side, Difficulty::Hard, None).expect("hard builds");
            let mut checked = Checked {
                agent,
                check: |d: &Decision| {
                    if d.accept {
                        let offered = d.offered.expect("an accepted offer was on the table");
                        assert!(
                            offered + 1e-9 >= d.bid.utility,
                            "accepted {offered:.4} while its next offer is worth {:.4}",
                            d.bid.utility
                        );
                    }
                },
                decisions: 0,
            };
            let mut other: Box<dyn Negotiator> = match seed % 3 {
                0 => Box::new(RandomOfferer(ChaCha8Rng::seed_from_u64(seed))),
                1 => Strategy::Conceder.agent(side.other()),
                _ => Strategy::Linear.agent(side.other()),
            };
            let state = match side {
                Side::Us => play(&s, seed, &mut checked, other.as_mut()),
                Side::Partner => play(&s, seed, other.as_mut(), &mut checked),
            };
            decisions += checked.decisions;
            if state.outcome.as_ref().and_then(|o| o.package.as_ref()).is_some()
                && state
                    .news
                    .iter()
                    .any(|e| e.text.starts_with(&format!("{} accepts", s.names().subject(side))))
            {
                accepted += 1;
            }
        }
    }
    assert!(decisions > 40, "only {decisions} decisions were checked");
    assert!(
        accepted > 0,
        "the hard agent never accepted, so the rule was never put to the test"
    );
}

/// Plays the US as a linear agent that, in `threat_round`, first threatens the blanket tariff.
struct ThreateningUs {
    inner: Box<dyn Negotiator>,
    threat_round: Option<u32>,
}

impl Negotiator for ThreateningUs {
    fn name(&self) -> String {
        "threatening".to_string()
    }

    fn next_move(&mut self, scenario: &Scenario, state: &GameState) -> Move {
        if Some(state.round) == self.threat_round && state.actions_this_turn == 0 {
            return Move::Threaten {
                instrument: "aftp_blanket".to_string(),
                rate: 0.2,
            };
        }
        self.inner.next_move(scenario, state)
    }
}

#[test]
fn tit_for_tat_answers_a_threat_by_hardening_its_offer() {
    let s = scenario();
    let threat_round = 5;
    let partner_offer_in = |threat: Option<u32>| {
        let mut us = ThreateningUs {
            // A firm US, so the talks are still open in the threat's round, late enough for Japan to have
            // conceded something it can take back.
            inner: Strategy::Boulware.agent(Side::Us),
            threat_round: threat,
        };
        let mut partner = Strategy::TitForTat.agent(Side::Partner);
        let mut state = GameState::new(&s, 11);
        while state.round <= threat_round && !state.is_over() {
            let mv = match state.to_move {
                Side::Us => us.next_move(&s, &state),
                Side::Partner => partner.next_move(&s, &state),
            };
            state = apply(&s, &state, &mv).expect("the agents make legal moves").state;
        }
        let offer = state
            .offers
            .iter()
            .rev()
            .find(|r| r.offer.from == Side::Partner && r.offer.round == threat_round)
            .map(|r| r.offer.package.clone())
            .expect("Japan countered in the threat's round");
        let before = passed_until(&s, threat_round);
        Valuer::new(&s, &before).utility(Side::Partner, &offer)
    };
    let calm = partner_offer_in(None);
    let threatened = partner_offer_in(Some(threat_round));
    assert!(
        threatened > calm + 0.01,
        "after the threat Japan offers a package worth {threatened:.3} to itself, without it {calm:.3}"
    );
}

#[test]
fn the_us_tit_for_tat_agent_answers_japans_goodwill_by_delaying_a_tariff() {
    let s = scenario();
    let mut us = Strategy::TitForTat.agent(Side::Us);
    let mut state = GameState::new(&s, 1);
    // Round 1: the US opens; Japan implements an LNG purchase, then passes.
    let opening = us.next_move(&s, &state);
    state = apply(&s, &state, &opening).unwrap().state;
    let goodwill = Move::Implement {
        lever: "lng_energy".to_string(),
        level: 3.5,
    };
    state = apply(&s, &state, &goodwill).unwrap().state;
    state = apply(&s, &state, &Move::Pass).unwrap().state;
    let answer = us.next_move(&s, &state);
    assert!(
        matches!(answer, Move::Delay { months: 1, .. }),
        "the US answered goodwill with {answer}"
    );
}

/// A known opponent over the package space: linear additive, conceding one option step at a time on the issue
/// that costs it least, from its ideal towards the other side's.
fn known_opponent_offers(space: &PackageSpace, weights: &[f64], count: usize) -> Vec<Package> {
    let ideal = space.best_for(Side::Partner);
    let worst = space.best_for(Side::Us);
    let value = |k: usize, option: u8| {
        let span = (space.issues[k].options.len() - 1) as f64;
        1.0 - f64::from(option.abs_diff(ideal.choice[k])) / span
    };
    let utility = |p: &Package| {
        (0..p.choice.len())
            .map(|k| weights[k] * value(k, p.choice[k]))
            .sum::<f64>()
    };
    let mut offers = vec![ideal.clone()];
    let mut current = ideal.clone();
    for n in 1..count {
        let target = 1.0 - 0.7 * n as f64 / (count - 1) as f64;
        loop {
            let step = (0..current.choice.len())
                .filter(|&k| current.choice[k] != worst.choice[k])
                .map(|k| {
                    let mut p = current.clone();
                    p.choice[k] = if worst.choice[k] > p.choice[k] {
                        p.choice[k] + 1
                    } else {
                        p.choice[k] - 1
                    };
                    p
                })
                .filter(|p| utility(p) >= target)
                .max_by(|a, b| utility(a).total_cmp(&utility(b)));
            match step {
                Some(p) => current = p,
                None => break,
            }
        }
        offers.push(current.clone());
    }
    offers
}

#[test]
fn the_modelling_agents_estimate_of_the_opponents_weights_converges_on_a_known_opponent() {
    let s = scenario();
    let space = PackageSpace::of(&s);
    let n = space.issues.len();
    // Distinct weights, not in issue order.
    let raw: Vec<f64> = (0..n).map(|k| ((k * 5) % n + 1) as f64).collect();
    let total: f64 = raw.iter().sum();
    let truth: Vec<f64> = raw.iter().map(|w| w / total).collect();
    let offers = known_opponent_offers(&space, &truth, 24);
    let error_after = |count: usize| {
        let mut model = FrequencyModel::uninformed(&space, Side::Partner);
        let seen: Vec<&Package> = offers.iter().take(count).collect();
        model.observe(&seen);
        let estimate = model.issue_weights().to_vec();
        estimate.iter().zip(&truth).map(|(e, t)| (e - t).abs()).sum::<f64>()
    };
    let (prior, early, late) = (error_after(0), error_after(6), error_after(24));
    println!("weight error: prior {prior:.3}, after 6 offers {early:.3}, after 24 {late:.3}");
    assert!(
        late < early && early < prior,
        "error of the weight estimate: prior {prior:.3}, after 6 offers {early:.3}, after 24 {late:.3}"
    );
    let mut model = FrequencyModel::uninformed(&space, Side::Partner);
    model.observe(&offers.iter().collect::<Vec<_>>());
    let estimate = model.issue_weights();
    let heaviest = (0..n).max_by(|&a, &b| truth[a].total_cmp(&truth[b])).unwrap();
    let lightest = (0..n).min_by(|&a, &b| truth[a].total_cmp(&truth[b])).unwrap();
    let top = estimate.iter().copied().fold(0.0, f64::max);
    // Issues the opponent never gave ground on cannot be told apart by their frequencies: they share the top.
    assert!(
        estimate[heaviest] + 1e-12 >= top,
        "the most important issue is among the heaviest estimated"
    );
    assert!(
        estimate[lightest] < 1.0 / n as f64,
        "the least important issue is rated below average"
    );
}

#[test]
fn tournaments_with_a_seed_are_reproducible_on_any_number_of_threads() {
    let s = scenario();
    let us = [
        Opponent::Strategy(Strategy::Boulware),
        Opponent::Personality("deficit_hawk".to_string()),
    ];
    let partner = [
        Opponent::Strategy(Strategy::Modelling),
        Opponent::Difficulty(Difficulty::Easy),
    ];
    let one = tournament::run(&s, &us, &partner, 2, 42, 1).expect("the entrants exist");
    let two = tournament::run(&s, &us, &partner, 2, 42, 2).expect("the entrants exist");
    let again = tournament::run(&s, &us, &partner, 2, 42, 2).expect("the entrants exist");
    let json = |t| serde_json::to_string(t).unwrap();
    assert_eq!(json(&one), json(&two));
    assert_eq!(json(&two), json(&again));
    assert_eq!(one.pairings.len(), 4);
    assert!(one.frontier_size > 1 && one.packages == PackageSpace::of(&s).size());
}

#[test]
fn a_game_against_each_difficulty_ends_within_the_scenarios_rounds() {
    let s = scenario();
    for difficulty in Difficulty::ALL {
        for side in Side::BOTH {
            for seed in [1, 2] {
                let mut computer = opponent(&s, side, difficulty, None).expect("builds");
                let mut player = RandomOfferer(ChaCha8Rng::seed_from_u64(seed));
                let state = match side {
                    Side::Us => play(&s, seed, computer.as_mut(), &mut player),
                    Side::Partner => play(&s, seed, &mut player, computer.as_mut()),
                };
                let outcome = state.outcome.as_ref().expect("the game ended");
                assert!(
                    outcome.round <= s.rounds,
                    "{difficulty} {side:?}: ended in round {}",
                    outcome.round
                );
            }
        }
    }
}

#[test]
fn every_personality_plays_at_every_difficulty() {
    let s = scenario();
    assert!(s.personalities.len() >= 4);
    for personality in &s.personalities {
        for difficulty in Difficulty::ALL {
            let mut agent = opponent(&s, personality.side, difficulty, Some(&personality.id)).expect("builds");
            let mut other = Strategy::Linear.agent(personality.side.other());
            let state = match personality.side {
                Side::Us => play(&s, 5, agent.as_mut(), other.as_mut()),
                Side::Partner => play(&s, 5, other.as_mut(), agent.as_mut()),
            };
            assert!(state.is_over());
        }
    }
}

#[test]
fn an_opponent_names_the_personalities_it_knows_when_asked_for_another() {
    let s = scenario();
    let unknown = opponent(&s, Side::Us, Difficulty::Normal, Some("nobody"))
        .err()
        .unwrap();
    assert!(unknown.to_string().contains("deficit_hawk"), "{unknown}");
    let wrong = opponent(&s, Side::Partner, Difficulty::Normal, Some("deficit_hawk"))
        .err()
        .unwrap();
    assert!(wrong.to_string().contains("plays the US side"), "{wrong}");
}

#[test]
fn the_cautious_cabinet_never_signs_for_auto_tariffs_above_its_line_before_the_election() {
    let s = scenario();
    let autos = PackageSpace::of(&s)
        .issues
        .iter()
        .position(|i| i.id == "s232_autos")
        .unwrap();
    let line = s.personality("cautious_cabinet").unwrap().red_lines[0].clone();
    let before = line.before_round.unwrap();
    let mut signed = 0;
    for seed in 0..4 {
        for us in [Strategy::Hardliner, Strategy::Boulware] {
            let mut partner = opponent(&s, Side::Partner, Difficulty::Normal, Some("cautious_cabinet")).unwrap();
            let state = play(&s, seed, us.agent(Side::Us).as_mut(), partner.as_mut());
            let space = PackageSpace::of(&s);
            for record in state.offers.iter().filter(|r| r.offer.round < before) {
                let rate = space.issues[autos].options[record.offer.package.choice[autos] as usize];
                let partner_signed = record.offer.from == Side::Partner
                    || record.fate == tradetable_core::rules::negotiation::OfferFate::Accepted;
                assert!(
                    !partner_signed || line.limit.allows(rate),
                    "round {}: {rate} on autos from {:?}",
                    record.offer.round,
                    record.offer.from
                );
                signed += usize::from(partner_signed);
            }
        }
    }
    // The cabinet offers (or takes) packages before the election in these games, so the line above was tested.
    assert!(signed > 0, "the cabinet signed nothing before round {before}");
}
