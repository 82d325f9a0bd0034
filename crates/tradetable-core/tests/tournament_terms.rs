//! Deals that look like 2025's: on spring-2025, AI-vs-AI deals between ordinary opponents keep the general
//! (reciprocal) tariff and the tariff on autos at 10% or more, as every deal of 2025 did, because the US objectives
//! value what the administration valued (a reciprocal baseline, protection of carmakers, revenue).

use tradetable_core::Scenario;
use tradetable_core::ai::{Difficulty, Opponent, Strategy};
use tradetable_core::analysis::tournament::{self, TariffsKept};
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::scenario::schema::Side;

fn spring_2025() -> Scenario {
    Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025.ron").expect("the default scenario is valid")
}

/// The default field of `tradetable tournament`: the built-in strategies and the scenario's personalities.
fn default_field(scenario: &Scenario, side: Side) -> Vec<Opponent> {
    Strategy::ALL
        .into_iter()
        .map(Opponent::Strategy)
        .chain(
            scenario
                .personalities
                .iter()
                .filter(|p| p.side == side)
                .map(|p| Opponent::Personality(p.id.clone())),
        )
        .collect()
}

#[test]
fn at_least_half_of_the_deals_of_the_default_field_keep_both_tariffs_at_ten_percent() {
    let s = spring_2025();
    let t = tournament::run(
        &s,
        &default_field(&s, Side::Us),
        &default_field(&s, Side::Partner),
        2,
        2025,
        2,
    )
    .unwrap();
    let kept = &t.tariffs_kept;
    println!("{kept:?}");
    assert!(kept.deals >= 50, "too few deals to judge: {kept:?}");
    assert!(
        kept.both >= 0.5,
        "{:.0}% of deals keep both tariffs: {kept:?}",
        kept.both * 100.0
    );
    // The real deal keeps both, at 15%.
    let (general, autos) = kept.actual.expect("spring-2025 has the real deal");
    assert!(
        general >= TariffsKept::THRESHOLD && autos >= TariffsKept::THRESHOLD,
        "{kept:?}"
    );
}

#[test]
fn at_least_half_of_the_deals_between_normal_opponents_keep_both_tariffs_at_ten_percent() {
    let s = spring_2025();
    let normal = [Opponent::Difficulty(Difficulty::Normal)];
    let t = tournament::run(&s, &normal, &normal, 20, 2025, 2).unwrap();
    let kept = &t.tariffs_kept;
    println!("{kept:?}");
    assert!(kept.deals >= 10, "too few deals to judge: {kept:?}");
    assert!(
        kept.both >= 0.5,
        "{:.0}% of deals keep both tariffs: {kept:?}",
        kept.both * 100.0
    );
}

#[test]
fn a_deal_that_drops_every_tariff_keeps_none() {
    let s = spring_2025();
    let space = tradetable_core::rules::package::PackageSpace::of(&s);
    let nothing = space.from_policy(&tradetable_core::model::economy::Policy::initial(&s));
    let (general, autos) = tournament::kept_tariffs(&s, &space, &nothing);
    assert_eq!(general, 0.0);
    // Only the 2.5% MFN rate (and the parts' MFN) is left on autos.
    assert!(autos < TariffsKept::THRESHOLD && autos > 0.0, "{autos}");
}
