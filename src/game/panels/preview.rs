//! The preview: what the model projects for the month a package is judged by (a year on, in the default scenario)
//! if it is signed — the player's proposal, the offer on the table — or if talks fail, next to the figures now,
//! with the range the scenario's low and high parameter sets give. Read off the core's `Valuer` and
//! `projection_band`; the game computes nothing itself. Also the card that previews one move before it is sent
//! (`move_preview_card`), drawn from the core's `analysis::preview`.

use bevy_egui::egui;

use crate::game::session::Viewer;
use crate::game::theme;
use tradetable_core::analysis::preview::{MovePreview, Severity};
use tradetable_core::rules::negotiation::{GameState, RoundRecord};
use tradetable_core::rules::package::{Package, PackageSpace};
use tradetable_core::rules::score::{
    Projection, ProjectionBand, Valuer, band_range, projection_band, score_if_ended_now,
};
use tradetable_core::scenario::format;
use tradetable_core::{PerSide, Scenario, Side};

/// The figures the preview compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// US goods deficit, $bn a year.
    pub deficit: f64,
    /// The deficit at base-year exchange rates.
    pub deficit_base_fx: f64,
    /// Tariff revenue.
    pub tariff_revenue: f64,
    /// Cost to US buyers.
    pub consumer_cost: f64,
    /// US farm exports to Japan.
    pub farm_exports: f64,
    /// Japanese investment inflow.
    pub investment: f64,
    /// Chance the Diet suspends the USJTA (next month).
    pub trade_agreement_hazard: f64,
    /// Whether the USJTA is in force.
    pub trade_agreement_in_force: bool,
    /// Each side's approval (now, or where it is heading).
    pub approval: PerSide<f64>,
    /// The deficit and both sides' utilities under the low, central and high parameter sets (projections only).
    pub band: Option<ProjectionBand>,
}

impl Figures {
    /// The figures of a round played.
    pub fn of_record(record: &RoundRecord) -> Figures {
        let e = &record.economy;
        Figures {
            deficit: e.goods_deficit_bn,
            deficit_base_fx: e.goods_deficit_base_fx_bn,
            tariff_revenue: e.tariff_revenue_bn,
            consumer_cost: e.consumer_cost_bn,
            farm_exports: e.farm_exports_bn,
            investment: e.investment_inflow_bn,
            trade_agreement_hazard: record.trade_agreement_hazard,
            trade_agreement_in_force: record.policy.trade_agreement.in_force(),
            approval: PerSide::new(record.approval.us, record.approval.partner),
            band: None,
        }
    }

    /// The figures of a projection, with its band.
    pub fn of_projection(p: &Projection, band: ProjectionBand) -> Figures {
        let e = &p.economy;
        Figures {
            deficit: e.goods_deficit_bn,
            deficit_base_fx: e.goods_deficit_base_fx_bn,
            tariff_revenue: e.tariff_revenue_bn,
            consumer_cost: e.consumer_cost_bn,
            farm_exports: e.farm_exports_bn,
            investment: e.investment_inflow_bn,
            trade_agreement_hazard: p.trade_agreement_hazard,
            trade_agreement_in_force: p.policy.trade_agreement.in_force(),
            approval: PerSide::new(p.approval.us, p.approval.partner),
            band: Some(band),
        }
    }
}

/// What one side's package values are: private, shown only to that side's team.
#[derive(Debug, Clone, PartialEq)]
pub struct SideValues {
    /// The side.
    pub side: Side,
    /// What no deal is worth to it (its reservation value), 0–100.
    pub walk_away: f64,
    /// What the proposal being drafted is worth to it.
    pub draft: Option<f64>,
    /// What the offer on the table is worth to it.
    pub offer: Option<f64>,
    /// The final score the results would show if the talks ended this round: with the draft signed, with the offer
    /// signed, with no deal (the core plays the game on to its end and scores every month, as the results do).
    pub final_if_ended: [Option<f64>; 3],
}

/// The preview of the table, recomputed when the game or the draft changes.
#[derive(bevy::prelude::Resource, Debug, Clone)]
pub struct Preview {
    /// Whose private values it holds.
    pub viewer: Viewer,
    /// The round it was computed for.
    pub round: u32,
    /// The figures of the last round played.
    pub now: Figures,
    /// If the player's proposal were signed.
    pub draft: Option<Figures>,
    /// If the offer on the table were signed, and who made it.
    pub offer: Option<(Side, Figures)>,
    /// If talks failed now.
    pub no_deal: Figures,
    /// Private values of the sides the viewer may see.
    pub values: Vec<SideValues>,
}

impl Preview {
    /// Computes the preview for `viewer` with the draft `draft` (if the viewer is a player).
    pub fn compute(scenario: &Scenario, state: &GameState, viewer: Viewer, draft: Option<&Package>) -> Preview {
        let valuer = Valuer::new(scenario, state);
        let offer = state.offer.as_ref();
        // A draft that does not fit this scenario (kept from another game) is not valued: the core refuses it.
        let draft_projection = draft.and_then(|p| valuer.project_package(p).ok());
        let draft = draft.filter(|_| draft_projection.is_some());
        let offer_projection = offer.map(|o| valuer.project_deal(&o.package));
        let no_deal = valuer.project_no_deal();
        let values = Side::BOTH
            .into_iter()
            // A networked team's scenario holds no objectives for the other side: nothing to value it by.
            .filter(|side| viewer.sees(*side) && !scenario.objectives[*side].is_empty())
            .map(|side| SideValues {
                side,
                walk_away: valuer.utility_of(side, &no_deal) * 100.0,
                draft: draft_projection.as_ref().map(|p| valuer.utility_of(side, p) * 100.0),
                offer: offer_projection.as_ref().map(|p| valuer.utility_of(side, p) * 100.0),
                final_if_ended: {
                    let final_score =
                        |package| score_if_ended_now(scenario, state, package, side).ok().map(|s| s.total);
                    [
                        draft.and_then(|package| final_score(Some(package))),
                        offer.and_then(|o| final_score(Some(&o.package))),
                        final_score(None),
                    ]
                },
            })
            .collect();
        Preview {
            viewer,
            round: state.round,
            now: Figures::of_record(state.latest()),
            draft: draft
                .zip(draft_projection.as_ref())
                .map(|(package, p)| Figures::of_projection(p, projection_band(scenario, state, Some(package)))),
            offer: offer.zip(offer_projection.as_ref()).map(|(o, p)| {
                (
                    o.from,
                    Figures::of_projection(p, projection_band(scenario, state, Some(&o.package))),
                )
            }),
            no_deal: Figures::of_projection(&no_deal, projection_band(scenario, state, None)),
            values,
        }
    }
}

/// The package a side is drafting, starting from the policies in force.
pub fn initial_draft(space: &PackageSpace, state: &GameState) -> Package {
    space.from_policy(&state.policy)
}

type Format = fn(&Figures) -> String;

/// The rows of the preview: label (with its unit), tooltip, and format. Values carry no unit so four columns
/// fit a side panel.
fn rows(scenario: &Scenario) -> Vec<(String, String, Format)> {
    let names = scenario.names();
    let partner = names.with_article(Side::Partner);
    let base_year = scenario.exchange.base_year;
    let agreement = scenario.agreement_name();
    let risk = format!("{agreement} risk");
    let list: [(String, String, Format); 10] = [
        (
            "Goods deficit, $bn".into(),
            format!("US goods deficit with {partner}, $bn a year."),
            |f| format::one_decimal(f.deficit),
        ),
        (
            "…low–high, $bn".into(),
            "The deficit with the scenario's low and high parameter sets (trade elasticities, pass-through, speed of \
             adjustment): where the published estimates disagree. A conclusion that holds across the range is robust."
                .into(),
            |f| match &f.band {
                Some(band) => {
                    let (low, high) = band_range(&band.deficit_bn);
                    format::whole_range(low, high)
                }
                None => "".to_string(),
            },
        ),
        (
            format!("…at {base_year} FX, $bn"),
            "The deficit restated at the base year's exchange rate, as the paper does.".into(),
            |f| format::one_decimal(f.deficit_base_fx),
        ),
        (
            "Tariff revenue, $bn".into(),
            format!("US tariff revenue on goods from {partner}, $bn a year."),
            |f| format::one_decimal(f.tariff_revenue),
        ),
        (
            "Consumer cost, $bn".into(),
            "What the tariffs above the starting rates cost US buyers, $bn a year.".into(),
            |f| format::one_decimal(f.consumer_cost),
        ),
        (
            "Farm exports, $bn".into(),
            format!("US farm exports to {partner}, $bn a year."),
            |f| format::one_decimal(f.farm_exports),
        ),
        (
            "Investment, $bn".into(),
            format!(
                "{} direct investment into the US, $bn a year.",
                names.possessive_subject(Side::Partner)
            ),
            |f| format::one_decimal(f.investment),
        ),
        (
            risk.clone(),
            format!(
                "The chance the {} suspends the {agreement} next month; 'lapsed' if it is not in force.",
                scenario.partner.legislature
            ),
            |f| {
                if f.trade_agreement_in_force {
                    format::chance(f.trade_agreement_hazard)
                } else {
                    "lapsed".to_string()
                }
            },
        ),
        (
            "US approval, %".into(),
            "Overall US approval (projections: where it is heading).".into(),
            |f| format!("{:.0}", f.approval.us),
        ),
        (
            format!("{} approval, %", names.short(Side::Partner)),
            format!(
                "Overall approval of {} government (projections: where it is heading).",
                names.possessive(Side::Partner)
            ),
            |f| format!("{:.0}", f.approval.partner),
        ),
    ];
    // With no suspension in play the agreement's risk is always nil: the row would only be noise.
    list.into_iter()
        .filter(|(label, _, _)| scenario.suspension().is_some() || *label != risk)
        .collect()
}

/// Draws the preview as a table: now, the proposal, the offer on the table, and no deal; above it, the move
/// previewed at the levers, if any.
pub fn preview_panel(ui: &mut egui::Ui, scenario: &Scenario, preview: &Preview) {
    next_move_section(ui);
    let names = scenario.names();
    let mut columns: Vec<(String, &str, &Figures)> = vec![("Now".to_string(), "The last month played.", &preview.now)];
    if let Some(draft) = &preview.draft {
        columns.push((
            "Yours".to_string(),
            "If your proposal were signed now: the month the sides judge a deal by, a year on.",
            draft,
        ));
    }
    if let Some((from, offer)) = &preview.offer {
        let label = match preview.viewer {
            Viewer::Side(me) if me == *from => "Tabled".to_string(),
            Viewer::Side(_) => "Theirs".to_string(),
            Viewer::Both => format!("{} offer", names.possessive(*from)),
        };
        columns.push((
            label,
            "If the offer on the table were signed now: the month a year on.",
            offer,
        ));
    }
    columns.push((
        "No deal".to_string(),
        "If talks failed now: every announced and threatened tariff in force, a year on.",
        &preview.no_deal,
    ));
    egui::Grid::new("preview")
        .striped(true)
        .num_columns(columns.len() + 1)
        .spacing(egui::vec2(10.0, 4.0))
        .show(ui, |ui| {
            ui.label("");
            for (label, tip, _) in &columns {
                ui.label(egui::RichText::new(label).strong()).on_hover_text(*tip);
            }
            ui.end_row();
            for (label, tip, format) in rows(scenario) {
                ui.label(label)
                    .on_hover_text(crate::game::glossary::hover_text(&tip, ""));
                for (_, _, figures) in &columns {
                    ui.label(format(figures));
                }
                ui.end_row();
            }
            for values in &preview.values {
                let name = match preview.viewer {
                    Viewer::Side(_) => "Worth to you".to_string(),
                    Viewer::Both => format!("Worth to {}", names.short_with_article(values.side)),
                };
                ui.label(egui::RichText::new(name).strong().color(theme::side_color(values.side)))
                    .on_hover_text(
                        "Private: the side's objectives scored on the projected month, 0–100. Compare with \
                         'If talks fail' — the walk-away value. Hidden from the other team.",
                    );
                ui.label("");
                if preview.draft.is_some() {
                    ui.label(value_text(values.draft, values.walk_away));
                }
                if preview.offer.is_some() {
                    ui.label(value_text(values.offer, values.walk_away));
                }
                ui.label(egui::RichText::new(format!("{:.0}", values.walk_away)).strong());
                ui.end_row();
                ui.label("…low–high").on_hover_text(
                    "The same worth with the scenario's low and high parameter sets. If the ranges of a package and \
                     of no deal overlap, the model cannot say for sure which is better.",
                );
                ui.label("");
                let range = |figures: &Figures| match figures.band.as_ref().and_then(|band| band.utility[values.side]) {
                    Some(utilities) => {
                        let (low, high) = band_range(&utilities);
                        format::whole_range(low * 100.0, high * 100.0)
                    }
                    None => String::new(),
                };
                if let Some(draft) = &preview.draft {
                    ui.label(range(draft));
                }
                if let Some((_, offer)) = &preview.offer {
                    ui.label(range(offer));
                }
                ui.label(range(&preview.no_deal));
                ui.end_row();
                final_score_row(ui, preview, values);
            }
        });
}

/// The final score if the talks ended this round with each column's outcome, under the worth: the number the results
/// will show, next to the one-month worth the sides bargain by.
fn final_score_row(ui: &mut egui::Ui, preview: &Preview, values: &SideValues) {
    let [draft, offer, no_deal] = values.final_if_ended;
    ui.label("Score if signed now").on_hover_text(
        "The score the results screen would show if the talks ended this round with this outcome: the model plays \
         the game on to its end and averages every month, the ones already played included, and the year after. \
         'Worth' scores one month a year on, with approval where it is heading, so the two differ; the final score \
         counts what the months before the deal cost too.",
    );
    ui.label("");
    let text = |score: Option<f64>| score.map_or("–".to_string(), |s| format!("{s:.1}"));
    if preview.draft.is_some() {
        ui.label(text(draft));
    }
    if preview.offer.is_some() {
        ui.label(text(offer));
    }
    ui.label(text(no_deal));
    ui.end_row();
}

/// The move previewed at the levers, above the table of packages: what it changes before and after.
fn next_move_section(ui: &mut egui::Ui) {
    if let Some(published) = published_move_preview(ui.ctx()) {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            move_preview_card(ui, &published.preview, published.armed, true);
        });
        ui.add_space(6.0);
    }
}

fn value_text(value: Option<f64>, walk_away: f64) -> egui::RichText {
    match value {
        Some(v) => {
            let color = if v >= walk_away { theme::GOOD } else { theme::BAD };
            egui::RichText::new(format!("{v:.0}")).strong().color(color)
        }
        None => egui::RichText::new("–"),
    }
}

/// The move previewed at the levers in one pass of the UI, for the preview tab drawn later in the same pass.
#[derive(Clone)]
struct PublishedMove {
    pass: u64,
    preview: MovePreview,
    armed: bool,
}

fn published_id() -> egui::Id {
    egui::Id::new("published_move_preview")
}

/// Hands the move previewed at the levers to the preview tab for this pass of the UI.
pub fn publish_move_preview(ctx: &egui::Context, preview: &MovePreview, armed: bool) {
    let published = PublishedMove {
        pass: ctx.cumulative_pass_nr(),
        preview: preview.clone(),
        armed,
    };
    ctx.data_mut(|d| d.insert_temp(published_id(), published));
}

/// The move previewed at the levers in this pass, if any (nothing from an earlier screen or frame).
fn published_move_preview(ctx: &egui::Context) -> Option<PublishedMove> {
    ctx.data(|d| d.get_temp::<PublishedMove>(published_id()))
        .filter(|p| p.pass == ctx.cumulative_pass_nr())
}

/// Draws one move's preview: what it is, the other side's likely reaction, the rules it sets off and, `with_figures`
/// (the preview tab), its warnings in full and what it changes — the whole auto tariff, the suspension risk, and the
/// figures if talks failed, a year on, before and after; without (the foot of the levers, where each warning stands
/// under its button), the notes only. `armed`: the move waits for its confirmation.
pub fn move_preview_card(ui: &mut egui::Ui, preview: &MovePreview, armed: bool, with_figures: bool) {
    let heading = if with_figures { "Your next move" } else { "Preview" };
    ui.label(egui::RichText::new(heading).small().color(theme::MUTED));
    ui.label(egui::RichText::new(&preview.title).strong());
    if let Some(refused) = &preview.refused {
        theme::note(ui, format!("Not possible now: {refused}."));
        return;
    }
    for check in &preview.checks {
        let (mark, color) = match check.severity {
            // Next to the levers the warning already stands under its button.
            Severity::Warning if !with_figures => continue,
            Severity::Warning => ("⚠", theme::BAD),
            Severity::Note => ("•", theme::MUTED),
        };
        ui.label(egui::RichText::new(format!("{mark} {}", check.text)).color(color));
    }
    if armed && with_figures {
        ui.label(
            egui::RichText::new("Click the button again or press Enter to send it.")
                .strong()
                .color(theme::BAD),
        );
    }
    if let Some(reaction) = &preview.reaction {
        let response = ui.label(egui::RichText::new(&reaction.summary).italics());
        if !reaction.reasons.is_empty() {
            response.on_hover_text(reaction.reasons.join(" "));
        }
    }
    if !with_figures {
        theme::note(ui, "Its figures before and after: the Preview tab.");
        return;
    }
    let rows = move_rows(preview);
    if rows.is_empty() {
        return;
    }
    ui.add_space(2.0);
    egui::Grid::new("move_preview_figures")
        .striped(true)
        .num_columns(3)
        .spacing(egui::vec2(8.0, 2.0))
        .show(ui, |ui| {
            ui.label("");
            ui.label(egui::RichText::new("Now").small().strong())
                .on_hover_text("Before the move.");
            ui.label(egui::RichText::new("After").small().strong())
                .on_hover_text("After the move.");
            ui.end_row();
            for (label, tip, before, after) in rows {
                ui.label(egui::RichText::new(label).small()).on_hover_text(tip);
                ui.label(egui::RichText::new(&before).small());
                let text = egui::RichText::new(&after).small();
                ui.label(if after != before { text.strong() } else { text });
                ui.end_row();
            }
        });
}

/// The rows of a move's figures: label, tooltip, before, after.
fn move_rows(preview: &MovePreview) -> Vec<(&'static str, &'static str, String, String)> {
    let mut rows = Vec::new();
    if let Some((before, after)) = preview.auto_tariff {
        rows.push((
            "Auto tariff, all-in",
            "The whole US tariff on cars and parts in force, trade-weighted: what the partner's legislature watches.",
            format::rate(before),
            format::rate(after),
        ));
    }
    if let Some((before, after)) = preview.suspension_hazard {
        rows.push((
            "Suspension risk",
            "The chance this month that the partner's legislature suspends the trade agreement, at today's approval.",
            format::chance(before),
            format::chance(after),
        ));
    }
    if let (Some(before), Some(after)) = (&preview.before, &preview.after) {
        type Read = fn(&tradetable_core::analysis::preview::Figures) -> f64;
        let figures: [(&'static str, &'static str, Read); 4] = [
            (
                "Deficit if no deal, $bn",
                "US goods deficit a year on if talks failed, $bn a year.",
                |f| f.deficit_bn,
            ),
            (
                "Farm exports if no deal",
                "US farm exports a year on if talks failed, $bn a year.",
                |f| f.farm_exports_bn,
            ),
            (
                "Investment if no deal",
                "The partner's direct investment into the US a year on if talks failed, $bn a year.",
                |f| f.investment_bn,
            ),
            (
                "Consumer cost if no deal",
                "What the tariffs cost US buyers a year on if talks failed, $bn a year.",
                |f| f.consumer_cost_bn,
            ),
        ];
        for (label, tip, read) in figures {
            rows.push((
                label,
                tip,
                format::one_decimal(read(before)),
                format::one_decimal(read(after)),
            ));
        }
        if let (Some(b), Some(a)) = (before.worth_to_viewer, after.worth_to_viewer) {
            rows.push((
                "No deal worth to you",
                "Private: what failing to agree would be worth to your side, 0–100 — your walk-away value.",
                format!("{b:.0}"),
                format!("{a:.0}"),
            ));
        }
    }
    rows
}
