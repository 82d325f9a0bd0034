//! The backtest: plays the policy that was really in force, month by month, through the model and sets the result
//! beside what was observed — under the low, central and high parameter sets.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::economy::{self, Conditions, Economy, Policy, starting_additional};
use crate::scenario::schema::{Currency, History, Measure, Scenario, Variant};

/// Why a backtest could not be run or written.
#[derive(Debug, thiserror::Error)]
pub enum BacktestError {
    /// The scenario records no history to play through the model.
    #[error("scenario \"{id}\" has no history to backtest")]
    NoHistory {
        /// The scenario's id.
        id: String,
    },
    /// The history observes nothing, so a backtest would be the model's path beside nothing.
    #[error(
        "scenario \"{id}\" has a history but observes nothing (`history.observed` is empty): the backtest would set \
         the model beside no figure; add the figures that were observed, each with its source"
    )]
    NothingObserved {
        /// The scenario's id.
        id: String,
    },
    /// The CSV table could not be written.
    #[error(transparent)]
    Csv(#[from] csv::Error),
    /// The CSV table was not UTF-8 text.
    #[error(transparent)]
    NotUtf8(#[from] std::string::FromUtf8Error),
}

/// One month of the model's path, under one parameter set.
#[derive(Debug, Clone, Serialize)]
pub struct MonthFigures {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// US imports from Japan, $bn a year.
    pub us_imports_bn: f64,
    /// US exports to Japan, $bn a year.
    pub us_exports_bn: f64,
    /// The US goods deficit, $bn a year.
    pub goods_deficit_bn: f64,
    /// Change of US imports from Japan on the year before, percent, in yen.
    pub imports_change_pct_partner_currency: f64,
    /// Change of the bilateral balance on the year before, percent, in yen.
    pub balance_change_pct_partner_currency: f64,
}

/// One figure set beside its observation.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// What was measured.
    pub measure: Measure,
    /// The sector, or all goods.
    pub sector: Option<String>,
    /// The month, or `None` for the whole period.
    pub month: Option<String>,
    /// The currency of the comparison.
    pub currency: Currency,
    /// The observed change, percent.
    pub observed_pct: f64,
    /// The model's change under the low, central and high sets, percent.
    pub model_pct: [f64; 3],
    /// Central model minus observed, percentage points.
    pub error_points: f64,
    /// Where the observation comes from.
    pub source: String,
}

/// A whole backtest.
#[derive(Debug, Clone, Serialize)]
pub struct Backtest {
    /// The scenario's id.
    pub scenario: String,
    /// The name of the partner's currency, in which observed money figures were measured.
    pub currency: String,
    /// The months, in order.
    pub months: Vec<String>,
    /// The model's path per parameter set: low, central, high.
    pub paths: [Vec<MonthFigures>; 3],
    /// Every observation beside the model.
    pub comparisons: Vec<Comparison>,
}

/// The model's economy month by month under the history's policy (the scenario's flows are the year before it).
pub fn model_path(scenario: &Scenario, history: &History) -> Vec<Economy> {
    let start = starting_additional(scenario);
    let mut policy = Policy::initial(scenario);
    let mut conditions = Conditions::initial(scenario);
    conditions.currency_per_dollar = history.currency_per_dollar;
    // The rivals' tariffs follow the history's calendar, from the month before its first.
    conditions.calendar = economy::Calendar::first_month(&history.start);
    (0..history.months)
        .map(|index| {
            for change in history
                .changes
                .iter()
                .filter(|c| history.month_index(&c.month) == Some(index))
            {
                for (id, &value) in &change.set {
                    if let Some(i) = scenario.instrument_index(id) {
                        policy.us_rates[i] = value;
                    } else if let Some(k) = scenario.lever_index(id) {
                        policy.concessions[k] = value;
                    }
                }
                for (id, sectors) in &change.exempt {
                    if let Some(i) = scenario.instrument_index(id) {
                        policy.us_exemptions[i] = sectors.iter().filter_map(|s| scenario.sector_index(s)).collect();
                    }
                }
            }
            conditions.advance(scenario, &policy);
            economy::evaluate(scenario, &start, &policy, &conditions)
        })
        .collect()
}

/// The figure an observation measures, from one month's economy: a money value in $bn a year, or an index.
fn figure(scenario: &Scenario, economy: &Economy, measure: Measure, sector: Option<&str>) -> f64 {
    let sectors: Vec<usize> = match sector {
        Some(id) => scenario.sector_index(id).into_iter().collect(),
        None => (0..scenario.sectors.len()).collect(),
    };
    let weighted = |index: fn(&economy::SectorFlow) -> f64| {
        let weight: f64 = sectors.iter().map(|&s| scenario.sectors[s].us_imports_bn).sum();
        if weight <= 0.0 {
            return 1.0;
        }
        sectors
            .iter()
            .map(|&s| scenario.sectors[s].us_imports_bn * index(&economy.sectors[s]))
            .sum::<f64>()
            / weight
    };
    match measure {
        Measure::ImportValue => sectors.iter().map(|&s| economy.sectors[s].us_imports_bn).sum(),
        Measure::Balance => sectors
            .iter()
            .map(|&s| economy.sectors[s].us_imports_bn - economy.sectors[s].us_exports_bn)
            .sum(),
        Measure::ImportVolume => weighted(|f| f.import_volume_index),
        Measure::ExportPrice => weighted(|f| f.export_price_index),
    }
}

/// Percent change of a figure on its value in the year before, in the comparison's currency.
fn change_pct(value: f64, base: f64, currency: Currency, scenario: &Scenario, history: &History) -> f64 {
    let (value, base) = match currency {
        Currency::Partner => (
            value * history.currency_per_dollar,
            base * scenario.exchange.currency_per_dollar,
        ),
        Currency::Dollar | Currency::NotMoney => (value, base),
    };
    if base == 0.0 {
        return 0.0;
    }
    (value / base - 1.0) * 100.0
}

/// Runs the backtest of a scenario's history under its three parameter sets.
pub fn run(scenario: &Scenario) -> Result<Backtest, BacktestError> {
    let history = scenario.history.as_ref().ok_or_else(|| BacktestError::NoHistory {
        id: scenario.id.clone(),
    })?;
    if history.observed.is_empty() {
        return Err(BacktestError::NothingObserved {
            id: scenario.id.clone(),
        });
    }
    let variants = Variant::ALL.map(|v| scenario.variant(v));
    let paths_of_economies = variants.clone().map(|s| model_path(&s, history));
    let base = starting_economy(scenario);
    let months: Vec<String> = (0..history.months).map(|i| history.month_at(i)).collect();

    let paths = paths_of_economies.clone().map(|path| {
        path.iter()
            .zip(&months)
            .map(|(e, month)| MonthFigures {
                month: month.clone(),
                us_imports_bn: e.us_imports_bn,
                us_exports_bn: e.us_exports_bn,
                goods_deficit_bn: e.goods_deficit_bn,
                imports_change_pct_partner_currency: change_pct(
                    e.us_imports_bn,
                    base.us_imports_bn,
                    Currency::Partner,
                    scenario,
                    history,
                ),
                balance_change_pct_partner_currency: change_pct(
                    e.goods_deficit_bn,
                    base.goods_deficit_bn,
                    Currency::Partner,
                    scenario,
                    history,
                ),
            })
            .collect()
    });

    let comparisons = history
        .observed
        .iter()
        .map(|observation| {
            let sector = observation.sector.as_deref();
            let before = figure(scenario, &base, observation.measure, sector);
            let model_pct = [0, 1, 2].map(|v| {
                let path = &paths_of_economies[v];
                let value = match &observation.month {
                    Some(month) => {
                        let index = history.month_index(month).unwrap_or(0) as usize;
                        figure(&variants[v], &path[index], observation.measure, sector)
                    }
                    None => {
                        path.iter()
                            .map(|e| figure(&variants[v], e, observation.measure, sector))
                            .sum::<f64>()
                            / path.len().max(1) as f64
                    }
                };
                change_pct(value, before, observation.currency, scenario, history)
            });
            Comparison {
                measure: observation.measure,
                sector: observation.sector.clone(),
                month: observation.month.clone(),
                currency: observation.currency,
                observed_pct: observation.change_pct,
                model_pct,
                error_points: model_pct[1] - observation.change_pct,
                source: observation.source.clone(),
            }
        })
        .collect();

    Ok(Backtest {
        scenario: scenario.id.clone(),
        currency: scenario.partner.currency.name.clone(),
        months,
        paths,
        comparisons,
    })
}

/// The economy of the year before the history: the scenario's flows at its starting policy.
fn starting_economy(scenario: &Scenario) -> Economy {
    economy::evaluate(
        scenario,
        &starting_additional(scenario),
        &Policy::initial(scenario),
        &Conditions::initial(scenario),
    )
}

impl Measure {
    /// How the measure reads in tables.
    pub fn label(self) -> &'static str {
        match self {
            Measure::ImportValue => "imports, value",
            Measure::ImportVolume => "imports, volume",
            Measure::ExportPrice => "exporters' price",
            Measure::Balance => "balance",
        }
    }
}

impl Currency {
    /// How the currency reads in tables, given the name of the partner's currency.
    pub fn label(self, partner_currency: &str) -> &str {
        match self {
            Currency::Partner => partner_currency,
            Currency::Dollar => "dollars",
            Currency::NotMoney => "-",
        }
    }
}

impl Comparison {
    /// "2025-06" or "year".
    pub fn period(&self) -> &str {
        self.month.as_deref().unwrap_or("year")
    }

    /// "autos" or "all goods".
    pub fn what(&self) -> &str {
        self.sector.as_deref().unwrap_or("all goods")
    }
}

impl Backtest {
    /// A readable report: the model's months and every observation beside the model, with the errors.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Backtest of {}: the policy really in force, month by month, against what was observed",
            self.scenario
        );
        let _ = writeln!(
            out,
            "(changes on the year before, percent; central model with the low–high band in brackets)\n"
        );
        let _ = writeln!(
            out,
            "{:<8} {:>26} {:>26}",
            "month",
            format!("imports ({})", self.currency),
            format!("balance ({})", self.currency)
        );
        for (m, month) in self.months.iter().enumerate() {
            let band = |f: fn(&MonthFigures) -> f64| {
                let [low, central, high] = [0, 1, 2].map(|v| f(&self.paths[v][m]));
                format!("{central:+6.1} [{:+6.1} {:+6.1}]", low.min(high), low.max(high))
            };
            let _ = writeln!(
                out,
                "{month:<8} {:>26} {:>26}",
                band(|f| f.imports_change_pct_partner_currency),
                band(|f| f.balance_change_pct_partner_currency)
            );
        }
        let _ = writeln!(
            out,
            "\n{:<8} {:<10} {:<18} {:<8} {:>9} {:>26} {:>7}",
            "period", "goods", "measure", "currency", "observed", "model [low high]", "error"
        );
        for c in &self.comparisons {
            let [low, central, high] = c.model_pct;
            let _ = writeln!(
                out,
                "{:<8} {:<10} {:<18} {:<8} {:>+9.1} {:>26} {:>+7.1}",
                c.period(),
                c.what(),
                c.measure.label(),
                c.currency.label(&self.currency),
                c.observed_pct,
                format!("{central:+6.1} [{:+6.1} {:+6.1}]", low.min(high), low.max(high)),
                c.error_points
            );
        }
        out
    }

    /// One CSV table: a row per month for the model's totals, then a row per observation.
    pub fn csv(&self) -> Result<String, BacktestError> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let header = [
            "period",
            "goods",
            "measure",
            "currency",
            "observed_pct",
            "model_low_pct",
            "model_central_pct",
            "model_high_pct",
            "error_points",
        ];
        writer.write_record(header)?;
        let number = |x: f64| format!("{:.3}", x);
        for (m, month) in self.months.iter().enumerate() {
            for (measure, f) in [
                (
                    Measure::ImportValue,
                    (|f: &MonthFigures| f.imports_change_pct_partner_currency) as fn(&MonthFigures) -> f64,
                ),
                (Measure::Balance, |f: &MonthFigures| {
                    f.balance_change_pct_partner_currency
                }),
            ] {
                let values = [0, 1, 2].map(|v| number(f(&self.paths[v][m])));
                writer.write_record([
                    month.as_str(),
                    "all goods",
                    measure.label(),
                    &self.currency,
                    "",
                    &values[0],
                    &values[1],
                    &values[2],
                    "",
                ])?;
            }
        }
        for c in &self.comparisons {
            let values = c.model_pct.map(number);
            writer.write_record([
                c.period(),
                c.what(),
                c.measure.label(),
                c.currency.label(&self.currency),
                &number(c.observed_pct),
                &values[0],
                &values[1],
                &values[2],
                &number(c.error_points),
            ])?;
        }
        let bytes = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
        Ok(String::from_utf8(bytes)?)
    }

    /// The comparison of a measure over the whole period, for all goods, if observed.
    pub fn annual(&self, measure: Measure) -> Option<&Comparison> {
        self.comparisons
            .iter()
            .find(|c| c.measure == measure && c.month.is_none() && c.sector.is_none())
    }
}
