//! The dashboard: line charts of the economy and politics across the rounds (egui_plot) — the deficit nominal
//! and at base-year rates, tariff revenue, consumer cost, farm exports, investment, approval by constituency and
//! the USJTA's state — read from the core's round records.

use std::borrow::Borrow;

use bevy_egui::egui;
use egui_plot::{GridMark, Line, Plot, Points};

use super::side_in_sentence;
use crate::game::glossary;
use crate::game::i18n::t;
use crate::game::theme;
use tradetable_core::classroom::palette::{Dash, Look, Marker, SERIES_LOOKS};
use tradetable_core::rules::negotiation::RoundRecord;
use tradetable_core::scenario::format;
use tradetable_core::{Scenario, Side};

/// One line of a chart.
#[derive(Debug, Clone)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// Its colour.
    pub color: egui::Color32,
    /// (round, value) points.
    pub points: Vec<[f64; 2]>,
    /// Its stroke and marker, by its place in the chart, so it is told from the others without its colour.
    pub look: Look,
}

/// A chart: its title, its tooltip, and its lines.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Stable id.
    pub id: &'static str,
    /// Title above the chart.
    pub title: String,
    /// What it shows.
    pub tip: String,
    /// Its lines.
    pub series: Vec<Series>,
    /// Rounds marked as "USJTA not in force".
    pub lapsed: Vec<[f64; 2]>,
    /// Always include 0 on the y axis.
    pub from_zero: bool,
}

fn series<R: Borrow<RoundRecord>>(
    name: &str,
    color: egui::Color32,
    history: &[R],
    f: impl Fn(&RoundRecord) -> f64,
) -> Series {
    Series {
        name: name.to_string(),
        color,
        points: history
            .iter()
            .map(|r| {
                let r = r.borrow();
                [r.round as f64, f(r)]
            })
            .collect(),
        look: SERIES_LOOKS[0],
    }
}

/// The charts of a game so far (round 0 is the position before any move).
///
/// Generic over how the state holds its records (by value or shared), so it reads `state.history` either way.
pub fn charts<R: Borrow<RoundRecord>>(scenario: &Scenario, history: &[R]) -> Vec<Chart> {
    let names = scenario.names();
    let partner = side_in_sentence(names, Side::Partner, names.with_article(Side::Partner));
    let partner_possessive = side_in_sentence(names, Side::Partner, names.possessive(Side::Partner));
    let base_year = scenario.exchange.base_year.to_string();
    let s = theme::SERIES;
    let mut out = vec![
        Chart {
            id: "deficit",
            title: t!("table-chart-deficit", partner = partner.clone()),
            tip: t!(
                "table-chart-deficit.tip",
                year = base_year.clone(),
                rate = scenario.exchange.base_currency_per_dollar.to_string(),
                currency = scenario.partner.currency.name.as_str()
            ),
            series: vec![
                series(&t!("table-chart-nominal"), s[0], history, |r| {
                    r.economy.goods_deficit_bn
                }),
                series(&t!("table-chart-at-base-rates", year = base_year), s[1], history, |r| {
                    r.economy.goods_deficit_base_fx_bn
                }),
            ],
            lapsed: Vec::new(),
            from_zero: true,
        },
        Chart {
            id: "revenue",
            title: t!("table-chart-revenue"),
            tip: t!("table-chart-revenue.tip", partner = partner.clone()),
            series: vec![
                series(&t!("table-chart-tariff-revenue"), s[2], history, |r| {
                    r.economy.tariff_revenue_bn
                }),
                series(&t!("table-chart-consumer-cost"), s[3], history, |r| {
                    r.economy.consumer_cost_bn
                }),
            ],
            lapsed: Vec::new(),
            from_zero: true,
        },
        Chart {
            id: "farm",
            title: t!("table-chart-farm"),
            tip: t!(
                "table-chart-farm.tip",
                partner = partner,
                owner = partner_possessive.clone()
            ),
            series: vec![
                series(&t!("table-chart-us-farm-exports"), s[2], history, |r| {
                    r.economy.farm_exports_bn
                }),
                series(
                    &t!("table-chart-investment", owner = partner_possessive.clone()),
                    s[4],
                    history,
                    |r| r.economy.investment_inflow_bn,
                ),
            ],
            lapsed: Vec::new(),
            from_zero: true,
        },
    ];
    for side in Side::BOTH {
        let constituencies = &scenario.politics.side(side).constituencies;
        let mut lines: Vec<Series> = constituencies
            .iter()
            .enumerate()
            .map(|(k, c)| {
                series(&c.name, s[(k + 1) % s.len()], history, |r| {
                    r.approvals.side(side).get(k).copied().unwrap_or(0.0)
                })
            })
            .collect();
        lines.insert(
            0,
            series(&t!("table-chart-overall"), theme::INK, history, |r| match side {
                Side::Us => r.approval.us,
                Side::Partner => r.approval.partner,
            }),
        );
        out.push(Chart {
            id: match side {
                Side::Us => "approval_us",
                Side::Partner => "approval_partner",
            },
            title: t!(
                "table-chart-approval",
                name = side_in_sentence(names, side, names.short_with_article(side))
            ),
            tip: t!(
                "table-chart-approval.tip",
                percent = scenario.politics.side(side).fall_below.to_string()
            ),
            series: lines,
            lapsed: Vec::new(),
            from_zero: true,
        });
    }
    if scenario.suspension().is_none() {
        return with_looks(out);
    }
    let agreement = scenario.agreement_name();
    out.push(Chart {
        id: "trade_agreement",
        title: t!("table-chart-suspension", agreement = agreement),
        tip: t!(
            "table-chart-suspension.tip",
            owner = partner_possessive,
            legislature = scenario.partner.legislature.as_str(),
            agreement = agreement
        ),
        series: vec![series(&t!("table-chart-suspension-risk"), s[1], history, |r| {
            r.trade_agreement_hazard * 100.0
        })],
        lapsed: history
            .iter()
            .map(|r| r.borrow())
            .filter(|r| !r.policy.trade_agreement.in_force())
            .map(|r| [r.round as f64, 0.0])
            .collect(),
        from_zero: true,
    });
    with_looks(out)
}

/// Gives each chart's lines their looks in order (a line's colour may repeat across charts; its look within one
/// chart does not).
fn with_looks(mut charts: Vec<Chart>) -> Vec<Chart> {
    for chart in &mut charts {
        for (k, line) in chart.series.iter_mut().enumerate() {
            line.look = SERIES_LOOKS[k % SERIES_LOOKS.len()];
        }
    }
    charts
}

/// Draws one chart, `height` points tall, with the rounds on the x axis labelled by month and its legend above
/// it (so no line is hidden behind a legend box).
pub fn draw_chart(ui: &mut egui::Ui, scenario: &Scenario, chart: &Chart, height: f32, id_salt: &str) {
    glossary::label(ui, egui::RichText::new(&chart.title).strong(), &chart.tip);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for s in &chart.series {
            legend_key(ui, s.color, s.look);
            ui.label(egui::RichText::new(&s.name).small().color(s.color));
            ui.add_space(6.0);
        }
        if !chart.lapsed.is_empty() {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            paint_marker(ui.painter(), rect.center(), 5.0, Marker::Cross, theme::BAD);
            ui.label(
                egui::RichText::new(t!("table-chart-not-in-force", agreement = scenario.agreement_name()))
                    .small()
                    .color(theme::BAD),
            );
        }
    });
    // Round 0 is the position before any move; round r ends with month r.
    let months: Vec<String> = (0..=scenario.rounds)
        .map(|r| {
            if r == 0 {
                return t!("table-chart-start");
            }
            // The month without its year: `Jul`, `7月`.
            let m = scenario.month_of_round(r);
            match format::parse_year_month(&m) {
                Some((_, month)) => t!("table-chart-month", month = month),
                None => m.split(' ').next().unwrap_or("").to_string(),
            }
        })
        .collect();
    let rounds = scenario.rounds;
    // Label every month when there is room, else every other one.
    let every = if ui.available_width() / (rounds as f32 + 1.0) < 34.0 {
        2
    } else {
        1
    };
    let mut plot = Plot::new((chart.id, id_salt))
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_background(true)
        .default_x_bounds(-0.2, rounds as f64 + 0.2)
        .x_grid_spacer(move |_| {
            (0..=rounds)
                .map(|r| GridMark {
                    value: r as f64,
                    step_size: if r.is_multiple_of(every) { every as f64 } else { 0.5 },
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let r = mark.value.round();
            let k = r as usize;
            if (mark.value - r).abs() < 1e-6 && r >= 0.0 && k < months.len() && k.is_multiple_of(every as usize) {
                months[k].clone()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(nice_marks)
        .y_axis_min_width(36.0);
    if chart.from_zero {
        plot = plot.include_y(0.0);
    }
    plot.show(ui, |plot_ui| {
        for s in &chart.series {
            plot_ui.line(
                Line::new(s.name.clone(), s.points.clone())
                    .color(s.color)
                    .width(2.0)
                    .style(theme::line_style(s.look.dash)),
            );
            plot_ui.points(
                Points::new(s.name.clone(), s.points.clone())
                    .color(s.color)
                    .shape(theme::marker_shape(s.look.marker))
                    .filled(true)
                    .radius(3.5),
            );
        }
        if !chart.lapsed.is_empty() {
            plot_ui.points(
                Points::new(
                    t!("table-chart-not-in-force", agreement = scenario.agreement_name()),
                    chart.lapsed.clone(),
                )
                .color(theme::BAD)
                .shape(theme::marker_shape(Marker::Cross))
                .radius(6.0),
            );
        }
    });
}

/// A series' key in a legend: a short line in its colour and stroke, with its marker in the middle.
pub fn legend_key(ui: &mut egui::Ui, color: egui::Color32, look: Look) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
    let y = rect.center().y;
    let ends = [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)];
    let painter = ui.painter();
    let stroke = egui::Stroke::new(2.0, color);
    match look.dash {
        Dash::Solid => {
            painter.line_segment(ends, stroke);
        }
        Dash::Dashed => {
            painter.extend(egui::Shape::dashed_line(&ends, stroke, 6.0, 3.0));
        }
        Dash::ShortDashed => {
            painter.extend(egui::Shape::dashed_line(&ends, stroke, 3.0, 2.5));
        }
        Dash::Dotted => {
            painter.extend(egui::Shape::dotted_line(&ends, color, 4.0, 1.1));
        }
    }
    paint_marker(painter, rect.center(), 4.0, look.marker, color);
}

/// A marker of `radius` at `centre`, as the charts draw it.
fn paint_marker(painter: &egui::Painter, centre: egui::Pos2, radius: f32, marker: Marker, color: egui::Color32) {
    let at = |dx: f32, dy: f32| centre + egui::vec2(dx * radius, dy * radius);
    let stroke = egui::Stroke::new(2.0, color);
    match marker {
        Marker::Circle => {
            painter.circle_filled(centre, radius, color);
        }
        Marker::Square => {
            let side = radius * 0.85;
            painter.rect_filled(
                egui::Rect::from_center_size(centre, egui::vec2(2.0 * side, 2.0 * side)),
                0.0,
                color,
            );
        }
        Marker::Diamond => {
            painter.add(egui::Shape::convex_polygon(
                vec![at(0.0, -1.2), at(1.2, 0.0), at(0.0, 1.2), at(-1.2, 0.0)],
                color,
                egui::Stroke::NONE,
            ));
        }
        Marker::Triangle => {
            painter.add(egui::Shape::convex_polygon(
                vec![at(0.0, -1.2), at(1.1, 0.8), at(-1.1, 0.8)],
                color,
                egui::Stroke::NONE,
            ));
        }
        Marker::Cross => {
            painter.line_segment([at(-1.0, -1.0), at(1.0, 1.0)], stroke);
            painter.line_segment([at(-1.0, 1.0), at(1.0, -1.0)], stroke);
        }
        Marker::Plus => {
            painter.line_segment([at(-1.2, 0.0), at(1.2, 0.0)], stroke);
            painter.line_segment([at(0.0, -1.2), at(0.0, 1.2)], stroke);
        }
    }
}

/// A short line in a series' colour, for the legend.
pub fn swatch(ui: &mut egui::Ui, color: egui::Color32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 10.0), egui::Sense::hover());
    let y = rect.center().y;
    let stroke = egui::Stroke::new(2.5, color);
    if dashed {
        ui.painter()
            .line_segment([egui::pos2(rect.left(), y), egui::pos2(rect.left() + 7.0, y)], stroke);
        ui.painter()
            .line_segment([egui::pos2(rect.left() + 11.0, y), egui::pos2(rect.right(), y)], stroke);
    } else {
        ui.painter()
            .line_segment([egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)], stroke);
    }
}

/// Grid marks on round numbers (1, 2 or 5 times a power of ten), at most six, all labelled.
fn nice_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let span = (hi - lo).max(1e-9);
    let mut step = 10f64.powf((span / 5.0).log10().floor());
    for factor in [1.0, 2.0, 5.0, 10.0] {
        if span / (step * factor) <= 5.0 {
            step *= factor;
            break;
        }
    }
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The dashboard: every chart, one under the other (or `columns` side by side).
pub fn dashboard<R: Borrow<RoundRecord>>(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    history: &[R],
    columns: usize,
    height: f32,
) {
    let list = charts(scenario, history);
    let columns = columns.max(1);
    for row in list.chunks(columns) {
        ui.columns(columns, |cols| {
            for (col, chart) in cols.iter_mut().zip(row) {
                draw_chart(col, scenario, chart, height, "dash");
            }
        });
        ui.add_space(6.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradetable_core::rules::negotiation::GameState;

    #[test]
    fn the_dashboard_charts_every_round_recorded() {
        let scenario = tradetable_core::Scenario::builtin().unwrap();
        let state = GameState::new(&scenario, 7);
        let list = charts(&scenario, &state.history);
        assert_eq!(list.len(), 6);
        for chart in &list {
            for s in &chart.series {
                assert_eq!(s.points.len(), state.history.len(), "{}", chart.title);
            }
        }
    }

    #[test]
    fn no_two_lines_of_a_chart_look_alike_without_their_colour() {
        let scenario = tradetable_core::Scenario::builtin().unwrap();
        let state = GameState::new(&scenario, 7);
        for chart in charts(&scenario, &state.history) {
            for (k, line) in chart.series.iter().enumerate() {
                for other in &chart.series[k + 1..] {
                    assert_ne!(
                        line.look, other.look,
                        "{}: {} and {}",
                        chart.title, line.name, other.name
                    );
                }
            }
        }
    }
}
