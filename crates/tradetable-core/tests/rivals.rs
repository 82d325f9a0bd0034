//! Competing suppliers on the default scenario: the rivals' tariffs in the model (a tariff that hits every supplier
//! diverts less trade than one on the partner alone), conditions saved before rivals existed, and every mistake in a
//! `rivals` list named with its line and column.

use tradetable_core::Scenario;
use tradetable_core::model::economy::{self, Calendar, Conditions, Policy, starting_additional};
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;

fn default_scenario() -> Scenario {
    Scenario::from_ron_str(DEFAULT_SCENARIO, "spring-2025.ron").expect("the default scenario is valid")
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

/// US imports of a sector from the partner `months` months into the scenario, with the cars tariff at 25% from the
/// first month and the given rivals.
fn car_imports_after(scenario: &Scenario, months: u32) -> f64 {
    let autos = scenario.sector_index("autos").unwrap();
    let mut policy = Policy::initial(scenario);
    policy.us_rates[scenario.instrument_index("s232_autos").unwrap()] = 0.25;
    let mut conditions = Conditions::initial(scenario);
    // From April 2025, when the cars tariff and the rivals' started together.
    conditions.calendar = Calendar::first_month("2025-04");
    let start = starting_additional(scenario);
    let mut imports = 0.0;
    for _ in 0..months {
        conditions.advance(scenario, &policy);
        imports = economy::evaluate(scenario, &start, &policy, &conditions).sectors[autos].us_imports_bn;
    }
    imports
}

#[test]
fn a_tariff_that_rivals_also_pay_costs_the_partner_less_volume_than_one_it_pays_alone() {
    let with_rivals = default_scenario();
    let mut alone = with_rivals.clone();
    alone.rivals = None;
    let base = with_rivals.sectors[with_rivals.sector_index("autos").unwrap()].us_imports_bn;
    // A year on, past the volume lag: both lose, the partner alone loses more.
    let lost_alone = base - car_imports_after(&alone, 12);
    let lost_with_rivals = base - car_imports_after(&with_rivals, 12);
    assert!(
        lost_with_rivals > 0.0,
        "a 25% tariff still costs Japan: {lost_with_rivals}"
    );
    assert!(
        lost_with_rivals < lost_alone,
        "with rivals at 25% too Japan loses {lost_with_rivals:.2}bn, alone {lost_alone:.2}bn"
    );
    // In the first months only prices move (the volume lag), so the rivals make no difference yet.
    let early_alone = car_imports_after(&alone, 1);
    let early_rivals = car_imports_after(&with_rivals, 1);
    assert!(
        (early_alone - early_rivals).abs() < 1e-9,
        "{early_alone} vs {early_rivals}"
    );
}

#[test]
fn conditions_saved_before_rivals_existed_read_as_no_change_of_the_rivals() {
    let scenario = default_scenario();
    let mut conditions = Conditions::initial(&scenario);
    let json = serde_json::to_value(&conditions).unwrap();
    let mut old = json.clone();
    old.as_object_mut().unwrap().remove("calendar");
    old.as_object_mut().unwrap().remove("rival_tariff_steps");
    let mut old: Conditions = serde_json::from_value(old).expect("an old save's conditions still load");
    assert!(old.calendar.is_none() && old.rival_tariff_steps.is_empty());
    // Twelve months on, the old conditions see no rival tariff, whatever the calendar would have said.
    let policy = Policy::initial(&scenario);
    for _ in 0..12 {
        old.advance(&scenario, &policy);
        conditions.advance(&scenario, &policy);
    }
    let start = starting_additional(&scenario);
    let economy = economy::evaluate(&scenario, &start, &policy, &old);
    assert!(economy.us_imports_bn.is_finite());
    assert!(conditions.rival_tariff_steps.iter().any(|steps| steps.total() > 0.0));
}

#[test]
fn an_unknown_sector_among_the_rivals_is_named_with_its_line() {
    let text = DEFAULT_SCENARIO.replacen(r#"sector: "auto_parts","#, r#"sector: "autoparts","#, 1);
    let problems = problems_of(&text);
    let line = line_of(&text, r#"sector: "autoparts","#);
    assert!(
        problems.contains(&format!("edited.ron:{line}:")) && problems.contains("autoparts"),
        "{problems}"
    );
}

#[test]
fn shares_above_all_imports_and_months_out_of_order_are_refused() {
    let text = DEFAULT_SCENARIO.replacen("rivals_share: 0.39,", "rivals_share: 0.9,", 1);
    let problems = problems_of(&text);
    assert!(
        problems.contains(&format!("edited.ron:{}:", line_of(&text, "rivals_share: 0.9,")))
            && problems.contains("add up to more than all US imports"),
        "{problems}"
    );

    let text = DEFAULT_SCENARIO.replacen(
        r#"(from: "2025-07", rate: 0.231"#,
        r#"(from: "2025-03", rate: 0.231"#,
        1,
    );
    let problems = problems_of(&text);
    assert!(
        problems.contains(&format!(
            "edited.ron:{}:",
            line_of(&text, r#"from: "2025-03", rate: 0.231"#)
        )) && problems.contains("expected a month later than the entry before"),
        "{problems}"
    );

    let text = DEFAULT_SCENARIO.replacen("substitution_elasticity: 2.5,", "substitution_elasticity: -1.0,", 1);
    assert!(
        problems_of(&text).contains("substitution_elasticity"),
        "{}",
        problems_of(&text)
    );
}

#[test]
fn a_scenario_without_rivals_is_valid() {
    let start = DEFAULT_SCENARIO
        .find("    rivals: Some((")
        .expect("the default scenario lists rivals");
    let end = DEFAULT_SCENARIO[start..].find("\n    )),\n").unwrap() + start + "\n    )),\n".len();
    let without = format!("{}{}", &DEFAULT_SCENARIO[..start], &DEFAULT_SCENARIO[end..]);
    let scenario = Scenario::from_ron_str(&without, "without.ron").expect("rivals are optional");
    assert!(scenario.rivals.is_none());
    assert!(Conditions::initial(&scenario).rival_tariff_steps.is_empty());
}
