//! The default scenario reproduces the 2024 figures of DOMAIN.md before any move.

mod common;

use tradetable_core::GameState;
use tradetable_core::scenario::schema::SectorFlag;

#[test]
fn default_scenario_reproduces_2024_trade_before_any_move() {
    let scenario = common::spring_2025();
    let state = GameState::new(&scenario, 1);
    let e = &state.history[0].economy;
    assert!((e.us_imports_bn - 148.2).abs() < 0.05, "imports {}", e.us_imports_bn);
    assert!((e.us_exports_bn - 79.7).abs() < 0.05, "exports {}", e.us_exports_bn);
    assert!(
        (e.goods_deficit_bn - 68.5).abs() <= 0.5,
        "deficit {}",
        e.goods_deficit_bn
    );
    assert!(
        (e.goods_deficit_base_fx_bn - 50.7).abs() <= 0.5,
        "deficit at 2017 rates {}",
        e.goods_deficit_base_fx_bn
    );
}

#[test]
fn autos_and_parts_make_78_percent_of_the_deficit() {
    let scenario = common::spring_2025();
    let state = GameState::new(&scenario, 1);
    let e = &state.history[0].economy;
    let auto_balance: f64 = scenario
        .sectors
        .iter()
        .zip(&e.sectors)
        .filter(|(s, _)| s.has(SectorFlag::Auto))
        .map(|(_, f)| f.us_imports_bn - f.us_exports_bn)
        .sum();
    let share = auto_balance / e.goods_deficit_bn;
    assert!((share - 0.78).abs() < 0.01, "autos' share of the deficit is {share}");
    let auto_imports: f64 = scenario
        .sectors
        .iter()
        .filter(|s| s.has(SectorFlag::Auto))
        .map(|s| s.us_imports_bn)
        .sum();
    assert!(
        (auto_imports - 55.5).abs() < 0.05,
        "autos and parts imports {auto_imports}"
    );
}

#[test]
fn us_farm_exports_match_usda_average() {
    let scenario = common::spring_2025();
    let state = GameState::new(&scenario, 1);
    assert!((state.history[0].economy.farm_exports_bn - 12.9).abs() < 0.05);
}

#[test]
fn every_sector_and_lever_names_its_source() {
    let scenario = common::spring_2025();
    for s in &scenario.sectors {
        assert!(!s.source.trim().is_empty(), "sector {} has no source", s.id);
    }
    for i in &scenario.us_instruments {
        assert!(!i.source.trim().is_empty(), "instrument {} has no source", i.id);
    }
    for l in &scenario.partner_levers {
        assert!(!l.source.trim().is_empty(), "lever {} has no source", l.id);
    }
}
