//! The backtest of 2025: the model, run through the tariffs really in force month by month, stays within the aims
//! set for it against what was observed (docs/model.md, "Validation"). A change that drifts the calibration fails.

mod common;

use std::process::Command;

use tradetable_core::model::backtest::{self, Backtest, Comparison};
use tradetable_core::scenario::schema::Measure;

fn run() -> Backtest {
    backtest::run(&common::spring_2025()).expect("the default scenario has a history")
}

fn find<'a>(b: &'a Backtest, measure: Measure, sector: Option<&str>, month: Option<&str>) -> &'a Comparison {
    b.comparisons
        .iter()
        .find(|c| c.measure == measure && c.sector.as_deref() == sector && c.month.as_deref() == month)
        .unwrap_or_else(|| panic!("no observation of {measure:?} {sector:?} {month:?}"))
}

#[test]
fn imports_from_japan_over_2025_are_within_two_points_of_the_observed_change() {
    let b = run();
    let c = find(&b, Measure::ImportValue, None, None);
    assert!(
        c.error_points.abs() <= 2.0,
        "model {:.2}% against observed {:.2}% (in yen)",
        c.model_pct[1],
        c.observed_pct
    );
}

#[test]
fn the_bilateral_balance_over_2025_is_within_four_points_of_the_observed_change() {
    let b = run();
    let c = find(&b, Measure::Balance, None, None);
    assert!((c.observed_pct - -12.6).abs() < 1e-9);
    assert!(
        c.error_points.abs() <= 4.0,
        "model {:.2}% against observed {:.2}%",
        c.model_pct[1],
        c.observed_pct
    );
}

#[test]
fn japanese_carmakers_absorb_the_tariff_in_mid_2025_while_volumes_hold() {
    let b = run();
    for month in ["2025-06", "2025-08"] {
        let price = find(&b, Measure::ExportPrice, Some("autos"), Some(month)).model_pct[1];
        assert!((-22.0..=-15.0).contains(&price), "{month}: export price {price:.1}%");
    }
    for month in ["2025-05", "2025-06", "2025-07"] {
        let volume = find(&b, Measure::ImportVolume, Some("autos"), Some(month)).model_pct[1];
        assert!(volume.abs() <= 4.0, "{month}: volume {volume:.1}% on a year earlier");
    }
    let annual = find(&b, Measure::ImportValue, Some("autos"), None);
    assert!(annual.error_points.abs() <= 2.0, "cars over the year: {annual:?}");
}

#[test]
fn the_low_and_high_sets_bracket_the_central_figures_of_the_year() {
    let b = run();
    for c in b.comparisons.iter().filter(|c| c.month.is_none()) {
        let [low, central, high] = c.model_pct;
        assert!(
            low.min(high) <= central + 1e-9 && central <= low.max(high) + 1e-9,
            "{c:?}"
        );
    }
    let imports = find(&b, Measure::ImportValue, None, None).model_pct;
    assert!(
        imports[0] > imports[2] + 1.0,
        "the band is wide enough to show: low {:.1}, high {:.1}",
        imports[0],
        imports[2]
    );
}

#[test]
fn before_any_tariff_the_model_moves_only_with_the_exchange_rate() {
    let b = run();
    let january = &b.paths[1][0];
    // In yen the year's stronger yen (149.57 against 151.46) lowers values by 1.25%, and the dollar value of imports
    // falls by 0.1 × 1.25%: no tariff has changed yet.
    let expected = ((1.0 + 0.1 * (149.57 / 151.46 - 1.0)) * 149.57 / 151.46 - 1.0) * 100.0;
    assert!((january.imports_change_pct_partner_currency - expected).abs() < 1e-9);
}

#[test]
fn the_backtest_command_prints_text_json_and_csv() {
    let bin = env!("CARGO_BIN_EXE_tradetable");
    let text = Command::new(bin).arg("backtest").output().unwrap();
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("2025-12") && text.contains("year"), "{text}");

    let json = Command::new(bin)
        .args(["backtest", "--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["months"].as_array().unwrap().len(), 12);
    assert_eq!(value["paths"].as_array().unwrap().len(), 3);

    let csv = Command::new(bin)
        .args(["backtest", "--format", "csv"])
        .output()
        .unwrap();
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("period,goods,measure,currency,observed_pct")
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("year,all goods,\"imports, value\",yen,-4.100,"))
    );
}

#[test]
fn a_scenario_without_history_cannot_be_backtested() {
    let error = backtest::run(&common::two_sectors()).unwrap_err();
    assert!(error.to_string().contains("no history"), "{error}");
}
