//! The debrief screen, for a projector: open a folder of class results and see every table side by side — each
//! outcome on the plane of the two sides' utilities with the Pareto frontier, the Nash point, no deal and the real
//! July 2025 deal; each table's outcome, rounds, scores, the model's figures, who conceded first and the value left
//! on the table — and write the same debrief as one HTML page to print. The core's `debrief` computes everything.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Line, MarkerShape, Plot, PlotPoint, Points, Text};

use crate::game::i18n::{numbers, t};
use crate::game::launch::LaunchOptions;
use crate::game::navigation::{Flow, Menu, Navigate, Screen};
use crate::game::saves::{self, GameStorage};
use crate::game::session::{GameSetup, ScenarioSource, find_scenario};
use crate::game::theme::{self, UiSet};
use crate::results::gather_records;
use crate::storage::Storage;
use tradetable_core::Side;
use tradetable_core::analysis::outcome_space::Point;
use tradetable_core::classroom::debrief::{Debrief, NothingToDebrief, Skipped};
use tradetable_core::classroom::labels::{Anchor, Labels, wrap_tags};
use tradetable_core::classroom::record::ScenarioRef;
use tradetable_core::scenario::side::capitalised;

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

/// Reads every record in `folder` and debriefs them on the scenario most of them were played on. A file that cannot
/// be read, or a record of another scenario, is left out and named in the debrief; only a folder with no table to
/// debrief is an error, which names every file left out.
pub fn debrief_folder(
    storage: &Storage,
    scenario_dirs: &[PathBuf],
    folder: &Path,
    preferred: &ScenarioSource,
) -> Result<Debrief, String> {
    if !folder.is_dir() {
        return Err(t!("class-debrief-no-folder", folder = folder.display().to_string()));
    }
    let gathered = gather_records(storage, &[folder.to_path_buf()]).map_err(|error| error.to_string())?;
    let nothing = |skipped: Vec<Skipped>| format!("{}: {}", folder.display(), NothingToDebrief { skipped });
    // The scenario (and version) most records name, first met first among equals.
    let mut counts: Vec<(&ScenarioRef, usize)> = Vec::new();
    for (_, record) in &gathered.records {
        match counts
            .iter_mut()
            .find(|(r, _)| r.id == record.scenario.id && r.hash == record.scenario.hash)
        {
            Some((_, n)) => *n += 1,
            None => counts.push((&record.scenario, 1)),
        }
    }
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(counts[k].1));
    let mut missing: Vec<(&ScenarioRef, String)> = Vec::new();
    for k in order {
        match find_scenario(scenario_dirs, counts[k].0, preferred) {
            Ok((_, scenario)) => {
                return Debrief::from_records(&scenario, &gathered.records, gathered.skipped)
                    .map_err(|error| nothing(error.skipped));
            }
            Err(error) => missing.push((counts[k].0, error.to_string())),
        }
    }
    // No record's scenario is on this computer: each is left out, saying which scenario it needs.
    let mut skipped = gathered.skipped.clone();
    for (path, record) in &gathered.records {
        let reason = missing
            .iter()
            .find(|(r, _)| r.id == record.scenario.id && r.hash == record.scenario.hash)
            .map_or_else(String::new, |(_, error)| error.clone());
        skipped.push(Skipped {
            file: path.display().to_string(),
            reason,
        });
    }
    Err(nothing(skipped))
}

fn apply_debrief_actions(
    mut actions: MessageReader<DebriefAction>,
    mut view: ResMut<DebriefView>,
    setup: Res<GameSetup>,
    options: Res<LaunchOptions>,
    storage: Res<GameStorage>,
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
                    let storage = storage.0.clone();
                    view.job = Some(std::thread::spawn(move || {
                        debrief_folder(&storage, &dirs, &folder, &preferred)
                    }));
                }
            }
            DebriefAction::WritePage => {
                if let Some(Ok(debrief)) = &view.result {
                    let folder = PathBuf::from(view.folder.trim());
                    let page = folder.join("debrief.html");
                    let sheet = folder.join("scores.csv");
                    let storage = &storage.0;
                    let written = storage
                        .write(&page, debrief.html().as_bytes())
                        .and_then(|()| storage.write(&sheet, debrief.csv().as_bytes()));
                    view.note = Some(match written {
                        Ok(()) => t!(
                            "class-debrief-written",
                            page = page.display().to_string(),
                            sheet = sheet.display().to_string()
                        ),
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
        view.result = Some(job.join().unwrap_or_else(|_| Err(t!("class-debrief-stopped"))));
    }
}

/// The plane: the frontier, the Nash point, no deal, the real deal and every table.
fn plane_plot(ui: &mut egui::Ui, debrief: &Debrief) {
    let plane = &debrief.plane;
    let real_deal = capitalised(real_deal_name(debrief).trim_start_matches("the "));
    Plot::new("debrief_plane")
        .x_axis_label(t!("class-debrief-x-axis"))
        .y_axis_label(t!(
            "class-debrief-y-axis",
            partner = debrief.names().with_article(Side::Partner)
        ))
        .data_aspect(1.0)
        .height(ui.available_height().clamp(260.0, 520.0))
        .show(ui, |plot_ui| {
            // Utilities on the 0–100 scale of the scores and of the debrief page.
            let at = |p: Point| [p.us * 100.0, p.partner * 100.0];
            let frontier: Vec<[f64; 2]> = plane.frontier().iter().map(|p| at(*p)).collect();
            plot_ui.line(Line::new(t!("class-debrief-frontier"), frontier).color(theme::MUTED));
            let nash = plane.nash();
            plot_ui.points(
                Points::new(t!("class-debrief-nash"), vec![at(nash)])
                    .shape(MarkerShape::Diamond)
                    .radius(7.0)
                    .color(theme::ACCENT),
            );
            let none = plane.no_deal();
            plot_ui.points(
                Points::new(t!("class-debrief-no-deal"), vec![at(none)])
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
            plot_ui.points(
                Points::new(t!("class-debrief-tables"), tables)
                    .radius(5.0)
                    .color(theme::INK),
            );
            table_labels(plot_ui, debrief);
        });
}

/// The name of the real deal: the scenario's, or "the real deal".
fn real_deal_name(debrief: &Debrief) -> String {
    debrief
        .real_deal
        .as_ref()
        .map_or_else(|| t!("class-debrief-real-deal"), |deal| deal.label.clone())
}

/// The tables' tags beside their dots, placed in screen space by the core's label placer, so they never pile up:
/// tables whose dots coincide share one label, and a label with no room beside its dot moves out on a leader line.
fn table_labels(plot_ui: &mut egui_plot::PlotUi, debrief: &Debrief) {
    let transform = *plot_ui.transform();
    let frame = transform.frame();
    let (char_width, line_height, radius): (f64, f64, f32) = (8.0, 15.0, 6.0);
    let screen = |p: Point| transform.position_from_point(&PlotPoint::new(p.us * 100.0, p.partner * 100.0));
    // Tables whose dots overlap on screen share a label.
    let mut groups: Vec<(egui::Pos2, Vec<&str>)> = Vec::new();
    for table in &debrief.tables {
        let at = screen(table.analysis.outcome);
        match groups.iter_mut().find(|(q, _)| q.distance(at) < radius * 1.5) {
            Some((_, tags)) => tags.push(table.tag.as_str()),
            None => groups.push((at, vec![table.tag.as_str()])),
        }
    }
    let mut labels = Labels::new(
        [
            f64::from(frame.left()),
            f64::from(frame.top()),
            f64::from(frame.right()),
            f64::from(frame.bottom()),
        ],
        char_width,
        line_height,
    );
    let mut landmarks = vec![debrief.plane.nash(), debrief.plane.no_deal()];
    landmarks.extend(debrief.plane.real_deal);
    for p in landmarks {
        let at = screen(p);
        labels.mark(f64::from(at.x), f64::from(at.y), 9.0);
    }
    for (at, _) in &groups {
        labels.mark(f64::from(at.x), f64::from(at.y), f64::from(radius));
    }
    let back = |x: f64, y: f64| transform.value_from_position(egui::pos2(x as f32, y as f32));
    for (at, tags) in &groups {
        let placed = labels.place(f64::from(at.x), f64::from(at.y), f64::from(radius), wrap_tags(tags, 12));
        if let Some([x1, y1, x2, y2]) = placed.leader {
            let (a, b) = (back(x1, y1), back(x2, y2));
            plot_ui.line(
                Line::new("", vec![[a.x, a.y], [b.x, b.y]])
                    .color(theme::MUTED)
                    .width(1.0),
            );
        }
        let align = match placed.anchor {
            Anchor::Start => egui::Align2::LEFT_TOP,
            Anchor::Middle => egui::Align2::CENTER_TOP,
            Anchor::End => egui::Align2::RIGHT_TOP,
        };
        plot_ui.text(
            Text::new(
                "",
                back(placed.x, placed.top),
                egui::RichText::new(placed.lines.join("\n")).strong(),
            )
            .color(theme::INK)
            .anchor(align),
        );
    }
}

/// The table of tables.
fn tables_grid(ui: &mut egui::Ui, debrief: &Debrief) {
    let names = debrief.names();
    egui::Grid::new("debrief_tables")
        .striped(true)
        .spacing(egui::vec2(14.0, 6.0))
        .show(ui, |ui| {
            let agreement = debrief
                .agreement_name
                .clone()
                .unwrap_or_else(|| t!("class-debrief-col-agreement"));
            // Each heading, and whether it heads a score (which says it is not the plane's utility).
            for (heading, score) in [
                (t!("class-debrief-col-table"), false),
                (t!("class-debrief-col-outcome"), false),
                (t!("class-debrief-col-round"), false),
                (t!("class-debrief-col-us-score"), true),
                (
                    t!("class-debrief-col-partner-score", partner = names.short(Side::Partner)),
                    true,
                ),
                (t!("class-debrief-col-mean-deficit"), false),
                (agreement, false),
                (t!("class-debrief-col-first-concession"), false),
                (t!("class-debrief-col-value-left"), false),
            ] {
                let label = ui.label(egui::RichText::new(heading).strong());
                if score {
                    label.on_hover_text(t!("class-debrief-score-hint"));
                }
            }
            ui.end_row();
            for table in &debrief.tables {
                let figures = &table.figures;
                ui.label(table.title());
                ui.label(table.outcome_label());
                ui.label(table.round.to_string());
                for side in Side::BOTH {
                    ui.label(
                        egui::RichText::new(numbers::one_decimal(figures.scores[side])).color(theme::side_color(side)),
                    );
                }
                ui.label(numbers::bn(figures.mean_deficit_bn));
                ui.label(&figures.trade_agreement);
                ui.label(table.analysis.first_concession.map_or_else(
                    || t!("class-debrief-no-one"),
                    |(side, round)| {
                        t!(
                            "class-debrief-first-concession",
                            side = names.short(side),
                            round = round
                        )
                    },
                ));
                ui.label(numbers::one_decimal(table.analysis.value_left * 100.0))
                    .on_hover_text(t!("class-debrief-value-left-hint"));
                ui.end_row();
            }
        });
}

/// The files left out and the warnings about tables, every one of them, in a box above the plane.
fn notices(ui: &mut egui::Ui, debrief: &Debrief) {
    if debrief.skipped.is_empty() && debrief.clashes.is_empty() {
        return;
    }
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(2.0, theme::BAD))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("debrief_notices")
                .max_height(110.0)
                .show(ui, |ui| {
                    for clash in &debrief.clashes {
                        ui.colored_label(theme::BAD, t!("class-debrief-check", message = clash.message()));
                    }
                    if !debrief.skipped.is_empty() {
                        ui.label(
                            egui::RichText::new(t!("class-debrief-left-out", count = debrief.skipped.len())).strong(),
                        );
                        for skipped in &debrief.skipped {
                            ui.label(format!("{}: {}", skipped.file, skipped.reason));
                        }
                    }
                });
        });
}

/// The screen's contents; returns what the teacher did.
pub fn debrief_panel(ui: &mut egui::Ui, view: &DebriefView) -> Option<DebriefAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(t!("class-debrief-title"));
        let mut folder = view.folder.clone();
        ui.add(
            egui::TextEdit::singleline(&mut folder)
                .hint_text(t!("class-debrief-folder-hint"))
                .desired_width(420.0),
        );
        if folder != view.folder {
            action = Some(DebriefAction::Folder(folder));
        }
        if ui
            .add_enabled(!view.working(), egui::Button::new(t!("class-debrief-open")))
            .clicked()
        {
            action = Some(DebriefAction::Open);
        }
        let ready = matches!(view.result, Some(Ok(_)));
        if ui
            .add_enabled(ready, egui::Button::new(t!("class-debrief-write")))
            .on_hover_text(t!("class-debrief-write-hint"))
            .clicked()
        {
            action = Some(DebriefAction::WritePage);
        }
        if ui.button(t!("class-debrief-back")).clicked() {
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
            ui.label(t!("class-debrief-working"));
        });
        return action;
    }
    match &view.result {
        None => theme::note(ui, t!("class-debrief-how")),
        Some(Err(error)) => {
            // Every file left out is listed, one a line.
            egui::ScrollArea::vertical()
                .id_salt("debrief_error")
                .max_height(ui.available_height())
                .show(ui, |ui| {
                    ui.colored_label(theme::BAD, error);
                });
        }
        Some(Ok(debrief)) => {
            ui.label(
                egui::RichText::new(t!(
                    "class-debrief-summary",
                    scenario = debrief.scenario.title.as_str(),
                    count = debrief.tables.len(),
                    deals = debrief.deals()
                ))
                .strong(),
            );
            notices(ui, debrief);
            ui.label(
                egui::RichText::new(t!("class-debrief-plane-key", real = real_deal_name(debrief)))
                    .small()
                    .color(theme::MUTED),
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
    let keys = [
        (egui::Key::Enter, DebriefAction::Open),
        (egui::Key::Escape, DebriefAction::Back),
    ];
    theme::page(ctx, &menu, &keys, &mut actions, |ui, _| debrief_panel(ui, &view));
    Ok(())
}
