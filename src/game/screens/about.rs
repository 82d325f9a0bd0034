//! About the model: the backtest of 2025 — the model run through the tariffs really in force, month by month,
//! against what Japan's trade statistics recorded — as a chart and a table, with the band of the low and high
//! parameter sets. Computed by the core's `backtest`; opened from the title and the results.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{GridMark, Line, LineStyle, Plot, Points};

use crate::game::i18n::{numbers, t};
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::panels::dashboard::swatch;
use crate::game::session::{GameSetup, Session};
use crate::game::theme::{self, UiSet};
use tradetable_core::model::backtest::{self, Backtest};
use tradetable_core::scenario::schema::Measure;

/// The backtest shown, or why there is none.
#[derive(Resource, Debug, Clone)]
pub struct AboutView {
    /// The scenario's title.
    pub title: String,
    /// The backtest, or the reason it cannot be run.
    pub backtest: Result<Backtest, String>,
}

/// What the reader of the about screen chose.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AboutAction {
    /// Back to the screen it was opened from.
    Back,
}

/// The about screen.
pub fn plugin(app: &mut App) {
    app.add_message::<AboutAction>()
        .add_systems(Update, apply_about_actions.in_set(Flow::Actions))
        .add_systems(OnEnter(Screen::About), compute_about)
        .add_systems(OnExit(Screen::About), |mut commands: Commands| {
            commands.remove_resource::<AboutView>();
        })
        .add_systems(
            EguiPrimaryContextPass,
            draw_about.in_set(UiSet::Screen).run_if(in_state(Screen::About)),
        );
}

fn compute_about(session: Option<Res<Session>>, setup: Res<GameSetup>, mut commands: Commands) {
    // The scenario being played, or the one chosen on the title screen.
    let scenario = match session {
        Some(session) => Ok((*session.scenario).clone()),
        None => setup.source.load().map_err(|e| e.to_string()),
    };
    let view = match scenario {
        Ok(scenario) => AboutView {
            title: scenario.title.clone(),
            backtest: backtest::run(&scenario).map_err(|error| error.to_string()),
        },
        Err(error) => AboutView {
            title: t!("screens-about-chosen-scenario"),
            backtest: Err(error),
        },
    };
    commands.insert_resource(view);
}

/// The chart: the model's change of imports from Japan month by month (central, low and high) and what was observed.
fn chart(ui: &mut egui::Ui, b: &Backtest, height: f32) {
    let months = b.months.clone();
    let path = |v: usize| -> Vec<[f64; 2]> {
        b.paths[v]
            .iter()
            .enumerate()
            .map(|(m, f)| [m as f64, f.imports_change_pct_partner_currency])
            .collect()
    };
    let observed: Vec<[f64; 2]> = b
        .comparisons
        .iter()
        .filter(|c| c.measure == Measure::ImportValue && c.sector.is_none())
        .filter_map(|c| {
            let month = c.month.as_deref()?;
            let m = months.iter().position(|x| x == month)?;
            Some([m as f64, c.observed_pct])
        })
        .collect();
    let last = months.len().saturating_sub(1) as f64;
    ui.horizontal_wrapped(|ui| {
        swatch(ui, theme::US, false);
        ui.label(t!("screens-about-model"));
        swatch(ui, theme::MUTED, true);
        ui.label(t!("screens-about-band"));
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 10.0), egui::Sense::hover());
        ui.painter().circle_filled(rect.center(), 4.5, theme::PARTNER);
        ui.label(t!("screens-about-observed"));
    });
    let count = months.len();
    Plot::new("backtest")
        .height(height)
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|m| GridMark {
                    value: m as f64,
                    step_size: if m.is_multiple_of(2) { 2.0 } else { 1.0 },
                })
                .collect()
        })
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .default_x_bounds(-0.3, last + 0.3)
        .x_axis_formatter(move |mark, _| {
            let r = mark.value.round();
            if (mark.value - r).abs() < 1e-6
                && r >= 0.0
                && (r as usize) < months.len()
                && (r as usize).is_multiple_of(2)
            {
                numbers::month(&months[r as usize])
            } else {
                String::new()
            }
        })
        .y_axis_label(t!("screens-about-y-axis"))
        .show(ui, |plot| {
            plot.line(
                Line::new(t!("screens-about-model"), path(1))
                    .color(theme::US)
                    .width(2.5),
            );
            for (v, name) in [(0, t!("screens-about-low")), (2, t!("screens-about-high"))] {
                plot.line(
                    Line::new(name, path(v))
                        .color(theme::MUTED)
                        .width(1.5)
                        .style(LineStyle::dashed_dense()),
                );
            }
            plot.points(
                Points::new(t!("screens-about-observed"), observed)
                    .color(theme::PARTNER)
                    .radius(5.0),
            );
        });
}

/// The table: every observation beside the model, with its error.
fn table(ui: &mut egui::Ui, b: &Backtest) {
    egui::Grid::new("backtest_table")
        .striped(true)
        .num_columns(6)
        .spacing(egui::vec2(14.0, 3.0))
        .show(ui, |ui| {
            let heads = [
                t!("screens-about-period"),
                t!("screens-about-goods"),
                t!("screens-about-measure"),
                t!("screens-about-observed-head"),
                t!("screens-about-model-head"),
                t!("screens-about-error"),
            ];
            for head in heads {
                ui.label(egui::RichText::new(head).strong());
            }
            ui.end_row();
            for c in &b.comparisons {
                let period = c.month.as_deref().map_or("2025".to_string(), numbers::month);
                ui.label(period).on_hover_text(&c.source);
                ui.label(c.what());
                ui.label(format!(
                    "{}{}",
                    c.measure.label(),
                    match c.currency {
                        tradetable_core::scenario::schema::Currency::Partner => format!(", {}", b.currency),
                        _ => String::new(),
                    }
                ));
                ui.label(format!("{:+.1}%", c.observed_pct));
                let [low, central, high] = c.model_pct;
                ui.label(t!(
                    "screens-about-model-range",
                    central = format!("{central:+.1}"),
                    low = format!("{:+.1}", low.min(high)),
                    high = format!("{:+.1}", low.max(high))
                ));
                let color = if c.error_points.abs() <= 4.0 {
                    theme::GOOD
                } else {
                    theme::BAD
                };
                ui.label(egui::RichText::new(format!("{:+.1}", c.error_points)).color(color));
                ui.end_row();
            }
        });
}

/// The about screen's contents; returns whether the player asked to go back.
pub fn about_panel(ui: &mut egui::Ui, view: &AboutView) -> bool {
    let mut back = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(t!("screens-about-title")).size(28.0).strong());
        if ui.button(egui::RichText::new(t!("screens-back")).size(17.0)).clicked() {
            back = true;
        }
    });
    theme::note(ui, t!("screens-about-intro"));
    ui.add_space(6.0);
    match &view.backtest {
        Err(reason) => {
            theme::card().show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(t!(
                    "screens-about-no-backtest",
                    scenario = view.title.as_str(),
                    reason = reason.as_str()
                ));
            });
        }
        Ok(b) => {
            let wide = ui.available_width() > 1000.0;
            let chart_card = |ui: &mut egui::Ui| {
                theme::card().show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    theme::section(ui, &t!("screens-about-chart"));
                    chart(ui, b, 260.0);
                    theme::note(ui, t!("screens-about-chart-note"));
                });
            };
            let table_card = |ui: &mut egui::Ui| {
                theme::card().show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    theme::section(ui, &t!("screens-about-table"));
                    table(ui, b);
                    if let (Some(imports), Some(balance)) = (b.annual(Measure::ImportValue), b.annual(Measure::Balance))
                    {
                        theme::note(
                            ui,
                            t!(
                                "screens-about-annual",
                                imports = format!("{:+.1}", imports.model_pct[1]),
                                imports_observed = format!("{:+.1}", imports.observed_pct),
                                balance = format!("{:+.1}", balance.model_pct[1]),
                                balance_observed = format!("{:+.1}", balance.observed_pct)
                            ),
                        );
                    }
                });
            };
            if wide {
                ui.columns(2, |c| {
                    chart_card(&mut c[0]);
                    table_card(&mut c[1]);
                });
            } else {
                chart_card(ui);
                ui.add_space(8.0);
                table_card(ui);
            }
        }
    }
    back
}

fn draw_about(
    mut contexts: EguiContexts,
    view: Option<Res<AboutView>>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<AboutAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(view) = view else {
        return Ok(());
    };
    let keys = [(egui::Key::Escape, AboutAction::Back)];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| {
        let back = egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| about_panel(ui, &view))
            .inner;
        back.then_some(AboutAction::Back)
    });
    Ok(())
}

fn apply_about_actions(mut actions: MessageReader<AboutAction>, mut navigate: MessageWriter<Navigate>) {
    for action in actions.read() {
        match action {
            AboutAction::Back => {
                navigate.write(Navigate::BackFromAbout);
            }
        }
    }
}
