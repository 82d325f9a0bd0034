//! The debrief screen, for a projector: open a folder of class results and see every table side by side — each
//! outcome on the plane of the two sides' utilities with the Pareto frontier, the Nash point, no deal and the real
//! July 2025 deal; each table's outcome, rounds, scores, the model's figures, who conceded first and the value left
//! on the table — and write the same debrief as one HTML page to print. The core's `debrief` computes everything.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoint, Points, Text};

use super::Screen;
use crate::game::LaunchOptions;
use crate::game::menus::Menu;
use crate::game::navigation::{Flow, Navigate};
use crate::game::saves;
use crate::game::session::{GameSetup, ScenarioSource, find_scenario};
use crate::game::theme::{self, UiSet};
use crate::sim::debrief::{Debrief, gather_records};
use crate::sim::outcome_space::Point;
use crate::sim::side::capitalised;
use crate::sim::{Side, format};

/// The folder chosen and the debrief of its results (worked out on a thread: the frontier takes a second or two).
#[derive(Resource, Default)]
pub struct DebriefView {
    /// The folder typed.
    pub folder: String,
    /// The debrief being worked out.
    job: Option<JoinHandle<Result<Debrief, String>>>,
    /// The debrief, or why the folder could not be debriefed.
    pub result: Option<Result<Debrief, String>>,
    /// What became of "Write HTML page".
    pub note: Option<String>,
    /// Where "Back" goes: the title, or the teacher's console that opened the class's debrief.
    pub back_to: Screen,
}

impl DebriefView {
    /// Whether the debrief is being worked out.
    pub fn working(&self) -> bool {
        self.job.is_some()
    }
}

/// What the teacher did on the debrief screen.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum DebriefAction {
    /// The folder box changed.
    Folder(String),
    /// Debrief the records in the folder.
    Open,
    /// Write the debrief as an HTML page (and a CSV for a gradebook) into the folder.
    WritePage,
    /// Back to the title.
    Back,
}

/// The debrief screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<DebriefView>()
        .add_message::<DebriefAction>()
        .add_systems(OnEnter(Screen::Debrief), suggest_folder)
        .add_systems(
            Update,
            (apply_debrief_actions, collect_debrief).chain().in_set(Flow::Actions),
        )
        .add_systems(
            EguiPrimaryContextPass,
            draw_debrief.in_set(UiSet::Screen).run_if(in_state(Screen::Debrief)),
        );
}

/// The class results on this computer are the natural first folder.
fn suggest_folder(mut view: ResMut<DebriefView>, options: Res<LaunchOptions>) {
    if view.folder.is_empty() {
        view.folder = options.data_dir.join(saves::CLASS_DIR).display().to_string();
    }
}

/// Reads every record in `folder` and debriefs them on the scenario they were played on.
pub fn debrief_folder(scenario_dirs: &[PathBuf], folder: &Path, preferred: &ScenarioSource) -> Result<Debrief, String> {
    let records = gather_records(&[folder.to_path_buf()])?.records;
    let first = records
        .first()
        .ok_or_else(|| format!("{}: no game records here", folder.display()))?;
    let (_, scenario) = find_scenario(scenario_dirs, &first.1.scenario, preferred)?;
    Debrief::from_records(&scenario, &records)
}

fn apply_debrief_actions(
    mut actions: MessageReader<DebriefAction>,
    mut view: ResMut<DebriefView>,
    setup: Res<GameSetup>,
    options: Res<LaunchOptions>,
    mut navigate: MessageWriter<Navigate>,
) {
    for action in actions.read() {
        match action {
            DebriefAction::Folder(folder) => view.folder = folder.clone(),
            DebriefAction::Open => {
                if view.job.is_none() {
                    let folder = PathBuf::from(view.folder.trim());
                    let preferred = setup.source.clone();
                    view.note = None;
                    let dirs = options.scenario_dirs.clone();
                    view.job = Some(std::thread::spawn(move || debrief_folder(&dirs, &folder, &preferred)));
                }
            }
            DebriefAction::WritePage => {
                if let Some(Ok(debrief)) = &view.result {
                    let folder = PathBuf::from(view.folder.trim());
                    let page = folder.join("debrief.html");
                    let sheet = folder.join("scores.csv");
                    let html = debrief.html();
                    let csv = debrief.csv();
                    let written =
                        crate::sim::record::write_atomically(&page, |f| std::io::Write::write_all(f, html.as_bytes()))
                            .and_then(|()| {
                                crate::sim::record::write_atomically(&sheet, |f| {
                                    std::io::Write::write_all(f, csv.as_bytes())
                                })
                            });
                    view.note = Some(match written {
                        Ok(()) => format!("Written: {} and {}", page.display(), sheet.display()),
                        Err(error) => error.to_string(),
                    });
                }
            }
            DebriefAction::Back => {
                navigate.write(Navigate::To(view.back_to));
            }
        }
    }
}

/// Picks up the debrief when its thread is done.
fn collect_debrief(mut view: ResMut<DebriefView>) {
    if view.job.as_ref().is_some_and(JoinHandle::is_finished)
        && let Some(job) = view.job.take()
    {
        view.result = Some(
            job.join()
                .unwrap_or_else(|_| Err("the debrief stopped unexpectedly".to_string())),
        );
    }
}

/// The plane: the frontier, the Nash point, no deal, the real deal and every table.
fn plane_plot(ui: &mut egui::Ui, debrief: &Debrief) {
    let plane = &debrief.plane;
    let real_deal = capitalised(
        debrief
            .real_deal
            .as_ref()
            .map_or("the real deal", |deal| deal.label.as_str())
            .trim_start_matches("the "),
    );
    Plot::new("debrief_plane")
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .x_axis_label("What a deal is worth to the United States (0–100)")
        .y_axis_label(format!(
            "What it is worth to {} (0–100)",
            debrief.names().with_article(Side::Partner)
        ))
        .data_aspect(1.0)
        .height(ui.available_height().clamp(260.0, 520.0))
        .show(ui, |plot_ui| {
            // Utilities on the 0–100 scale of the scores and of the debrief page.
            let at = |p: Point| [p.us * 100.0, p.partner * 100.0];
            let frontier: Vec<[f64; 2]> = plane.frontier().iter().map(|p| at(*p)).collect();
            plot_ui.line(Line::new("Best deals possible (Pareto frontier)", frontier).color(theme::MUTED));
            let nash = plane.nash();
            plot_ui.points(
                Points::new("Nash point", vec![at(nash)])
                    .shape(MarkerShape::Diamond)
                    .radius(7.0)
                    .color(theme::ACCENT),
            );
            let none = plane.no_deal();
            plot_ui.points(
                Points::new("No deal", vec![at(none)])
                    .shape(MarkerShape::Square)
                    .radius(6.0)
                    .color(theme::BAD),
            );
            if let Some(real) = plane.real_deal {
                plot_ui.points(
                    Points::new(real_deal.as_str(), vec![at(real)])
                        .shape(MarkerShape::Asterisk)
                        .radius(8.0)
                        .color(theme::GOOD),
                );
            }
            let tables: Vec<[f64; 2]> = debrief.tables.iter().map(|t| at(t.analysis.outcome)).collect();
            plot_ui.points(Points::new("Tables", tables).radius(5.0).color(theme::INK));
            for table in &debrief.tables {
                let [x, y] = at(table.analysis.outcome);
                plot_ui.text(
                    Text::new("", PlotPoint::new(x, y), format!("  {}", table.tag)).anchor(egui::Align2::LEFT_BOTTOM),
                );
            }
        });
}

/// The table of tables.
fn tables_grid(ui: &mut egui::Ui, debrief: &Debrief) {
    let names = debrief.names();
    egui::Grid::new("debrief_tables")
        .striped(true)
        .spacing(egui::vec2(14.0, 6.0))
        .show(ui, |ui| {
            let partner_score = format!("{} score", names.short(Side::Partner));
            let agreement = debrief.agreement_name.as_deref().unwrap_or("Trade agreement");
            for heading in [
                "Table",
                "Outcome",
                "Round",
                "US score",
                partner_score.as_str(),
                "Mean deficit",
                agreement,
                "First to concede",
                "Value left",
            ] {
                ui.label(egui::RichText::new(heading).strong());
            }
            ui.end_row();
            for table in &debrief.tables {
                let figures = &table.figures;
                ui.label(table.title());
                ui.label(table.outcome_label());
                ui.label(table.round.to_string());
                for side in Side::BOTH {
                    ui.label(
                        egui::RichText::new(format!("{:.1}", figures.scores[side])).color(theme::side_color(side)),
                    );
                }
                ui.label(format::bn(figures.mean_deficit_bn));
                ui.label(&figures.trade_agreement);
                ui.label(
                    table
                        .analysis
                        .first_concession
                        .map_or("no one".to_string(), |(side, round)| {
                            format!("{} (round {round})", names.short(side))
                        }),
                );
                ui.label(format!("{:.1}", table.analysis.value_left * 100.0))
                    .on_hover_text(
                        "Distance to the best deals possible, in points of both sides' utilities (0: nothing left)",
                    );
                ui.end_row();
            }
        });
}

/// The screen's contents; returns what the teacher did.
pub fn debrief_panel(ui: &mut egui::Ui, view: &DebriefView) -> Option<DebriefAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading("Debrief a class");
        let mut folder = view.folder.clone();
        ui.add(
            egui::TextEdit::singleline(&mut folder)
                .hint_text("the folder of the tables' results")
                .desired_width(420.0),
        );
        if folder != view.folder {
            action = Some(DebriefAction::Folder(folder));
        }
        if ui
            .add_enabled(!view.working(), egui::Button::new("Open (Enter)"))
            .clicked()
        {
            action = Some(DebriefAction::Open);
        }
        let ready = matches!(view.result, Some(Ok(_)));
        if ui
            .add_enabled(ready, egui::Button::new("Write HTML page and CSV"))
            .on_hover_text("debrief.html (to print or project) and scores.csv (a gradebook), in the same folder")
            .clicked()
        {
            action = Some(DebriefAction::WritePage);
        }
        if ui.button("Back (Esc)").clicked() {
            action = Some(DebriefAction::Back);
        }
    });
    if let Some(note) = &view.note {
        theme::note(ui, note);
    }
    ui.separator();
    if view.working() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Replaying every table and finding the best deals possible…");
        });
        return action;
    }
    match &view.result {
        None => theme::note(
            ui,
            "Collect the tables' results (the files named after their codes) into one folder, type it above and open \
             it. `tradetable class simulate` makes a rehearsal class.",
        ),
        Some(Err(error)) => {
            ui.colored_label(theme::BAD, error);
        }
        Some(Ok(debrief)) => {
            ui.label(
                egui::RichText::new(format!(
                    "{} · {} tables · {} signed a deal",
                    debrief.scenario.title,
                    debrief.tables.len(),
                    debrief.deals()
                ))
                .strong(),
            );
            // The plane takes what the table of tables leaves: the table needs about 760 points to show every column.
            let plane_width = (ui.available_width() - 780.0).clamp(360.0, 640.0);
            let height = ui.available_height();
            ui.horizontal_top(|ui| {
                ui.allocate_ui(egui::vec2(plane_width, height), |ui| plane_plot(ui, debrief));
                egui::ScrollArea::both()
                    .id_salt("debrief_tables")
                    .auto_shrink([false, false])
                    .show(ui, |ui| tables_grid(ui, debrief));
            });
        }
    }
    action
}

fn draw_debrief(
    mut contexts: EguiContexts,
    view: Res<DebriefView>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<DebriefAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = theme::root_ui(ctx);
    let mut action = None;
    egui::CentralPanel::default()
        .frame(theme::page_frame())
        .show(&mut root, |ui| action = debrief_panel(ui, &view));
    if *menu.get() == Menu::None {
        ctx.input(|i| {
            if i.key_pressed(egui::Key::Escape) {
                action = Some(DebriefAction::Back);
            } else if i.key_pressed(egui::Key::Enter) {
                action = Some(DebriefAction::Open);
            }
        });
    }
    actions.write_batch(action);
    Ok(())
}
