//! The preview: what the model projects for the month a package is judged by (a year on, in the default scenario)
//! if it is signed — the player's proposal, the offer on the table — or if talks fail, next to the figures now,
//! with the range the scenario's low and high parameter sets give. Read off the core's `Valuer` and
//! `projection_band`; the game computes nothing itself. Also the card that previews one move before it is sent
//! (`move_preview_card`), drawn from the core's `analysis::preview`.

use bevy_egui::egui;

use super::side_in_sentence;
use crate::game::i18n::{numbers, t};
use crate::game::session::Viewer;
use crate::game::theme;
use tradetable_core::analysis::preview::{MovePreview, Severity};
use tradetable_core::rules::negotiation::{GameState, RoundRecord};
use tradetable_core::rules::package::{Package, PackageSpace};
use tradetable_core::rules::score::{
    Projection, ProjectionBand, Valuer, band_range, projection_band, score_if_ended_now,
};
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
    let partner = side_in_sentence(names, Side::Partner, names.with_article(Side::Partner));
    let base_year = scenario.exchange.base_year.to_string();
    let agreement = scenario.agreement_name();
    let risk = t!("table-preview-risk", agreement = agreement);
    let list: [(String, String, Format); 10] = [
        (
            t!("table-preview-deficit"),
            t!("table-preview-deficit.tip", partner = partner.clone()),
            |f| numbers::one_decimal(f.deficit),
        ),
        (
            t!("table-preview-deficit-range"),
            t!("table-preview-deficit-range.tip"),
            |f| match &f.band {
                Some(band) => {
                    let (low, high) = band_range(&band.deficit_bn);
                    numbers::whole_range(low, high)
                }
                None => "".to_string(),
            },
        ),
        (
            t!("table-preview-deficit-base-fx", year = base_year),
            t!("table-preview-deficit-base-fx.tip"),
            |f| numbers::one_decimal(f.deficit_base_fx),
        ),
        (
            t!("table-preview-tariff-revenue"),
            t!("table-preview-tariff-revenue.tip", partner = partner.clone()),
            |f| numbers::one_decimal(f.tariff_revenue),
        ),
        (
            t!("table-preview-consumer-cost"),
            t!("table-preview-consumer-cost.tip"),
            |f| numbers::one_decimal(f.consumer_cost),
        ),
        (
            t!("table-preview-farm-exports"),
            t!("table-preview-farm-exports.tip", partner = partner.clone()),
            |f| numbers::one_decimal(f.farm_exports),
        ),
        (
            t!("table-preview-investment"),
            t!(
                "table-preview-investment.tip",
                name = side_in_sentence(names, Side::Partner, names.possessive_subject(Side::Partner))
            ),
            |f| numbers::one_decimal(f.investment),
        ),
        (
            risk.clone(),
            t!(
                "table-preview-risk.tip",
                legislature = scenario.partner.legislature.as_str(),
                agreement = agreement
            ),
            |f| {
                if f.trade_agreement_in_force {
                    numbers::chance(f.trade_agreement_hazard)
                } else {
                    t!("table-preview-lapsed")
                }
            },
        ),
        (
            t!("table-preview-us-approval"),
            t!("table-preview-us-approval.tip"),
            |f| format!("{:.0}", f.approval.us),
        ),
        (
            t!(
                "table-preview-partner-approval",
                name = side_in_sentence(names, Side::Partner, names.short(Side::Partner))
            ),
            t!(
                "table-preview-partner-approval.tip",
                name = side_in_sentence(names, Side::Partner, names.possessive(Side::Partner))
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
    let mut columns: Vec<(String, String, &Figures)> =
        vec![(t!("table-preview-now"), t!("table-preview-now.tip"), &preview.now)];
    if let Some(draft) = &preview.draft {
        columns.push((t!("table-preview-yours"), t!("table-preview-yours.tip"), draft));
    }
    if let Some((from, offer)) = &preview.offer {
        let label = match preview.viewer {
            Viewer::Side(me) if me == *from => t!("table-preview-tabled"),
            Viewer::Side(_) => t!("table-preview-theirs"),
            Viewer::Both => t!(
                "table-preview-offer-of",
                name = side_in_sentence(names, *from, names.possessive(*from))
            ),
        };
        columns.push((label, t!("table-preview-offer.tip"), offer));
    }
    columns.push((
        t!("table-preview-no-deal"),
        t!("table-preview-no-deal.tip"),
        &preview.no_deal,
    ));
    egui::Grid::new("preview")
        .striped(true)
        .num_columns(columns.len() + 1)
        // Narrow enough that four columns of figures fit the side panel at 1280×720 in Japanese too, whose row names
        // are wider than English's.
        .spacing(egui::vec2(8.0, 4.0))
        .show(ui, |ui| {
            ui.label("");
            for (label, tip, _) in &columns {
                ui.label(egui::RichText::new(label).strong()).on_hover_text(tip);
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
                    Viewer::Side(_) => t!("table-preview-worth-to-you"),
                    Viewer::Both => t!(
                        "table-preview-worth-to",
                        name = side_in_sentence(names, values.side, names.short_with_article(values.side))
                    ),
                };
                ui.label(egui::RichText::new(name).strong().color(theme::side_color(values.side)))
                    .on_hover_text(t!("table-preview-worth.tip"));
                ui.label("");
                if preview.draft.is_some() {
                    ui.label(value_text(values.draft, values.walk_away));
                }
                if preview.offer.is_some() {
                    ui.label(value_text(values.offer, values.walk_away));
                }
                ui.label(egui::RichText::new(format!("{:.0}", values.walk_away)).strong());
                ui.end_row();
                ui.label(t!("table-preview-worth-range"))
                    .on_hover_text(t!("table-preview-worth-range.tip"));
                ui.label("");
                let range = |figures: &Figures| match figures.band.as_ref().and_then(|band| band.utility[values.side]) {
                    Some(utilities) => {
                        let (low, high) = band_range(&utilities);
                        numbers::whole_range(low * 100.0, high * 100.0)
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
    ui.label(t!("table-preview-score-if-signed"))
        .on_hover_text(t!("table-preview-score-if-signed.tip"));
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
    let heading = if with_figures {
        t!("table-move-your-next-move")
    } else {
        t!("table-move-preview")
    };
    ui.label(egui::RichText::new(heading).small().color(theme::MUTED));
    ui.label(egui::RichText::new(&preview.title).strong());
    if let Some(refused) = &preview.refused {
        theme::note(ui, t!("table-move-not-possible", reason = refused.to_string()));
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
            egui::RichText::new(t!("table-move-click-again"))
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
        theme::note(ui, t!("table-move-figures-in-preview"));
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
            ui.label(egui::RichText::new(t!("table-move-now")).small().strong())
                .on_hover_text(t!("table-move-now.tip"));
            ui.label(egui::RichText::new(t!("table-move-after")).small().strong())
                .on_hover_text(t!("table-move-after.tip"));
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
fn move_rows(preview: &MovePreview) -> Vec<(String, String, String, String)> {
    let mut rows = Vec::new();
    if let Some((before, after)) = preview.auto_tariff {
        rows.push((
            t!("table-move-auto-tariff"),
            t!("table-move-auto-tariff.tip"),
            numbers::rate(before),
            numbers::rate(after),
        ));
    }
    if let Some((before, after)) = preview.suspension_hazard {
        rows.push((
            t!("table-move-suspension-risk"),
            t!("table-move-suspension-risk.tip"),
            numbers::chance(before),
            numbers::chance(after),
        ));
    }
    if let (Some(before), Some(after)) = (&preview.before, &preview.after) {
        type Read = fn(&tradetable_core::analysis::preview::Figures) -> f64;
        let figures: [(String, String, Read); 4] = [
            (
                t!("table-move-deficit-if-no-deal"),
                t!("table-move-deficit-if-no-deal.tip"),
                |f| f.deficit_bn,
            ),
            (
                t!("table-move-farm-exports-if-no-deal"),
                t!("table-move-farm-exports-if-no-deal.tip"),
                |f| f.farm_exports_bn,
            ),
            (
                t!("table-move-investment-if-no-deal"),
                t!("table-move-investment-if-no-deal.tip"),
                |f| f.investment_bn,
            ),
            (
                t!("table-move-consumer-cost-if-no-deal"),
                t!("table-move-consumer-cost-if-no-deal.tip"),
                |f| f.consumer_cost_bn,
            ),
        ];
        for (label, tip, read) in figures {
            rows.push((
                label,
                tip,
                numbers::one_decimal(read(before)),
                numbers::one_decimal(read(after)),
            ));
        }
        if let (Some(b), Some(a)) = (before.worth_to_viewer, after.worth_to_viewer) {
            rows.push((
                t!("table-move-no-deal-worth"),
                t!("table-move-no-deal-worth.tip"),
                format!("{b:.0}"),
                format!("{a:.0}"),
            ));
        }
    }
    rows
}
