//! The partner's counter-tariffs: in the scenario file (located errors), in the model (US exports, farm income), as
//! moves (a suspension that lapses by itself with news) and in the AI (the
//! EU answers in kind; Japan, which chose not to retaliate in 2025, never does). And a back-dated cut refunds duties.

use tradetable_core::ai::play::{actual_deal_package, play, play_deal};
use tradetable_core::ai::{Difficulty, Opponent, Strategy};
use tradetable_core::model::economy::{self, Conditions, Policy, starting_additional};
use tradetable_core::rules::moves::CounterTariffMove;
use tradetable_core::rules::retaliation;
use tradetable_core::scenario::library::shipped;
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::scenario::schema::Side;
use tradetable_core::{Move, Scenario};

fn eu_text() -> &'static str {
    shipped("eu-2025").expect("the EU scenario ships").text
}

fn eu() -> Scenario {
    Scenario::from_ron_str(eu_text(), "eu-2025.ron").expect("the EU scenario is valid")
}

fn problems_of(text: &str) -> String {
    match Scenario::from_ron_str(text, "edited.ron") {
        Ok(_) => String::new(),
        Err(error) => error.to_string(),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("the needle is in the text")
        + 1
}

/// The economy a year after `policy` replaced the starting policy.
fn a_year_after(s: &Scenario, policy: &Policy) -> economy::Economy {
    let mut conditions = Conditions::initial(s);
    conditions.advance(s, policy);
    conditions.age_by(11);
    economy::evaluate(s, &starting_additional(s), policy, &conditions)
}

#[test]
fn counter_tariffs_cut_us_exports_and_farm_exports_in_the_model() {
    let s = eu();
    let before = a_year_after(&s, &Policy::initial(&s));
    let mut states = retaliation::initial(&s);
    let mut policy = Policy::initial(&s);
    retaliation::apply(
        &s,
        &mut states,
        &mut policy,
        1,
        &CounterTariffMove::Set {
            tariff: "eu_countermeasures".into(),
            rate: 0.25,
        },
    )
    .expect("setting a listed rate is legal");
    let after = a_year_after(&s, &policy);
    assert!(after.retaliation.total_export_loss_bn > 0.0, "{:?}", after.retaliation);
    assert!(
        after.us_exports_bn < before.us_exports_bn,
        "{} vs {}",
        after.us_exports_bn,
        before.us_exports_bn
    );
    assert!(after.farm_exports_bn < before.farm_exports_bn);
    // The basket is $100.6bn: the loss is a part of it, never more.
    assert!(after.retaliation.total_export_loss_bn < 100.6);
    // US imports from the partner are not what a counter-tariff taxes.
    assert!((after.us_imports_bn - before.us_imports_bn).abs() < 1e-9);
}

#[test]
fn a_suspension_lapses_by_itself_with_news() {
    let s = eu();
    let mut states = retaliation::initial(&s);
    let mut policy = Policy::initial(&s);
    let tariff = "eu_countermeasures".to_string();
    retaliation::apply(
        &s,
        &mut states,
        &mut policy,
        1,
        &CounterTariffMove::Set {
            tariff: tariff.clone(),
            rate: 0.3,
        },
    )
    .unwrap();
    retaliation::apply(
        &s,
        &mut states,
        &mut policy,
        2,
        &CounterTariffMove::Suspend {
            tariff: tariff.clone(),
            months: 2,
        },
    )
    .unwrap();
    assert_eq!(states[0].in_force(), 0.0, "suspended");
    assert!(
        retaliation::take_due(&s, &mut states, &mut policy, 3).is_empty(),
        "still suspended in round 3"
    );
    let news = retaliation::take_due(&s, &mut states, &mut policy, 4);
    assert_eq!(news.len(), 1, "{news:?}");
    assert!(news[0].contains("ends") && news[0].contains("30%"), "{news:?}");
    assert_eq!(states[0].in_force(), 0.3);
    // A rate not among the options, or a suspension of nothing, is refused.
    assert!(
        retaliation::apply(
            &s,
            &mut states,
            &mut policy,
            4,
            &CounterTariffMove::Set {
                tariff: tariff.clone(),
                rate: 0.2
            }
        )
        .is_err()
    );
    let mut fresh = retaliation::initial(&s);
    assert!(
        retaliation::apply(
            &s,
            &mut fresh,
            &mut policy,
            1,
            &CounterTariffMove::Suspend { tariff, months: 2 }
        )
        .is_err()
    );
}

#[test]
fn only_the_partner_has_counter_tariff_moves() {
    let s = eu();
    let mv = Move::CounterTariff(CounterTariffMove::Threaten {
        tariff: "eu_countermeasures".into(),
        rate: 0.3,
    });
    assert_eq!(mv.only_for(), Some(Side::Partner));
    let state = tradetable_core::GameState::new(&s, 7);
    assert!(state.available(&s, Side::Us).counter_tariffs.is_empty());
    assert_eq!(state.available(&s, Side::Partner).counter_tariffs.len(), 1);
}

#[test]
fn an_unknown_sector_in_a_counter_tariff_is_named_with_its_line() {
    let text = eu_text().replacen(
        r#"sectors: ["autos", "machinery", "farm", "other"],"#,
        r#"sectors: ["autos", "machinery", "farms", "other"],"#,
        1,
    );
    let problems = problems_of(&text);
    let line = line_of(&text, r#""farms""#);
    assert!(
        problems.contains(&format!("edited.ron:{line}:")) && problems.contains("farms"),
        "{problems}"
    );
}

#[test]
fn the_real_eu_deal_refunds_the_back_dated_car_duties() {
    let s = eu();
    let deal = actual_deal_package(&s).expect("the EU scenario has its real deal");
    // Signed in May, after the 25% on cars took effect in April, so the cut (two months' lag) lands within the game.
    let game = play_deal(&s, 2025, 4, deal);
    let refunded: f64 = game.history.iter().map(|r| r.economy.back_dated_refund_bn).sum();
    assert!(
        refunded > 0.0,
        "the car tariff's cut was back-dated a month: duties are refunded"
    );
    // A refund is a month of the tariff's fall on the EU's cars: well under a year's duties.
    assert!(refunded < 10.0, "{refunded}");
}

/// The partner's counter-tariff moves in games between the given entrants on a few seeds.
fn partner_counter_tariff_moves(s: &Scenario, us: &[Opponent], partner: &[Opponent]) -> usize {
    let mut count = 0;
    for u in us {
        for p in partner {
            for seed in [1, 7, 2025] {
                let mut us_agent = u.agent(s, Side::Us).unwrap();
                let mut partner_agent = p.agent(s, Side::Partner).unwrap();
                let game = play(s, seed, us_agent.as_mut(), partner_agent.as_mut());
                count += game
                    .moves
                    .iter()
                    .filter(|m| m.side == Side::Partner && matches!(m.mv, Move::CounterTariff(_)))
                    .count();
            }
        }
    }
    count
}

#[test]
fn japan_never_answers_in_kind_and_the_eu_does_against_a_hard_us() {
    let entrants: Vec<Opponent> = Strategy::ALL
        .into_iter()
        .map(Opponent::Strategy)
        .chain(Difficulty::ALL.into_iter().map(Opponent::Difficulty))
        .collect();
    let japan = Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025.ron").unwrap();
    assert!(!japan.partner_tariffs.is_empty(), "Japan's option is in the scenario");
    assert_eq!(partner_counter_tariff_moves(&japan, &entrants, &entrants), 0);
    let hard = [
        Opponent::Difficulty(Difficulty::Hard),
        Opponent::Strategy(Strategy::Hardliner),
    ];
    let eu = eu();
    let answers = partner_counter_tariff_moves(
        &eu,
        &hard,
        &[
            Opponent::Difficulty(Difficulty::Normal),
            Opponent::Difficulty(Difficulty::Hard),
        ],
    );
    assert!(answers > 0, "the EU never used its counter-tariffs against a hard US");
}
