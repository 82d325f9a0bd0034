//! The look of the game: a light, high-contrast palette that reads on a classroom projector (the core's
//! `classroom::palette`, shared with the debrief page), text sizes, the colours of the two sides, number formats,
//! and small widgets the screens share.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::settings::Settings;
use egui_plot::{LineStyle, MarkerShape};
use tradetable_core::Names;
use tradetable_core::Side;
use tradetable_core::classroom::palette::{self, Dash, Marker, Srgb};

/// The window's clear colour (hidden behind egui's panels).
pub const CLEAR: Color = Color::srgb(0.95, 0.94, 0.91);

/// A colour of the shared palette as egui's colour.
const fn egui_colour(colour: Srgb) -> egui::Color32 {
    egui::Color32::from_rgb(colour.r, colour.g, colour.b)
}

/// Page background.
pub const PAPER: egui::Color32 = egui_colour(palette::PAPER);
/// Panel background.
pub const PANEL: egui::Color32 = egui_colour(palette::PANEL);
/// Body text.
pub const INK: egui::Color32 = egui_colour(palette::INK);
/// Secondary text.
pub const MUTED: egui::Color32 = egui_colour(palette::MUTED);
/// The United States.
pub const US: egui::Color32 = egui_colour(palette::US);
/// Japan.
pub const PARTNER: egui::Color32 = egui_colour(palette::PARTNER);
/// Good news.
pub const GOOD: egui::Color32 = egui_colour(palette::GOOD);
/// Bad news and warnings.
pub const BAD: egui::Color32 = egui_colour(palette::BAD);
/// Highlight of changed terms.
pub const CHANGED: egui::Color32 = egui_colour(palette::CHANGED);
/// Accent of buttons and selections.
pub const ACCENT: egui::Color32 = egui_colour(palette::ACCENT);

/// Colours for chart series (Okabe–Ito's), distinguishable in print, on a projector and by colour-blind players; a
/// chart's lines also differ in stroke and marker ([`palette::SERIES_LOOKS`], drawn by [`line_style`] and
/// [`marker_shape`]).
pub const SERIES: [egui::Color32; 6] = [
    egui_colour(palette::SERIES[0]),
    egui_colour(palette::SERIES[1]),
    egui_colour(palette::SERIES[2]),
    egui_colour(palette::SERIES[3]),
    egui_colour(palette::SERIES[4]),
    egui_colour(palette::SERIES[5]),
];

/// A chart line's stroke as egui_plot draws it.
pub fn line_style(dash: Dash) -> LineStyle {
    match dash {
        Dash::Solid => LineStyle::Solid,
        Dash::Dashed => LineStyle::dashed_loose(),
        Dash::Dotted => LineStyle::dotted_dense(),
        Dash::ShortDashed => LineStyle::dashed_dense(),
    }
}

/// A chart line's marker as egui_plot draws it.
pub fn marker_shape(marker: Marker) -> MarkerShape {
    match marker {
        Marker::Circle => MarkerShape::Circle,
        Marker::Square => MarkerShape::Square,
        Marker::Diamond => MarkerShape::Diamond,
        Marker::Triangle => MarkerShape::Up,
        Marker::Cross => MarkerShape::Cross,
        Marker::Plus => MarkerShape::Plus,
    }
}

/// The order UI systems draw in each frame: style, then the screen, then overlays on top of it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum UiSet {
    /// Style and scale.
    Style,
    /// The screen.
    Screen,
    /// Menus and dialogs.
    Overlay,
}

/// Orders the UI sets and keeps the style and UI scale applied.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        EguiPrimaryContextPass,
        (UiSet::Style, UiSet::Screen, UiSet::Overlay).chain(),
    )
    .add_systems(EguiPrimaryContextPass, apply_style.in_set(UiSet::Style));
}

fn apply_style(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut styled: Local<bool>,
    mut zoom: Local<f32>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*styled {
        *styled = true;
        ctx.set_visuals(visuals());
        ctx.all_styles_mut(|style| {
            use egui::{FontFamily, FontId, TextStyle};
            style.text_styles = [
                (TextStyle::Small, FontId::new(12.5, FontFamily::Proportional)),
                (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
                (TextStyle::Button, FontId::new(15.0, FontFamily::Proportional)),
                (TextStyle::Heading, FontId::new(22.0, FontFamily::Proportional)),
                (TextStyle::Monospace, FontId::new(14.0, FontFamily::Monospace)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(8.0, 5.0);
            style.spacing.button_padding = egui::vec2(8.0, 4.0);
            style.spacing.interact_size.y = 24.0;
            style.interaction.tooltip_delay = 0.25;
            style.visuals = visuals();
        });
    }
    if *zoom != settings.ui_scale {
        *zoom = settings.ui_scale;
        ctx.set_zoom_factor(settings.ui_scale);
    }
    Ok(())
}

fn visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.panel_fill = PANEL;
    v.window_fill = PANEL;
    v.extreme_bg_color = egui::Color32::WHITE;
    v.faint_bg_color = egui::Color32::from_rgb(240, 237, 228);
    v.override_text_color = Some(INK);
    v.selection.bg_fill = egui::Color32::from_rgb(190, 215, 225);
    v.selection.stroke = egui::Stroke::new(1.0, ACCENT);
    v.hyperlink_color = ACCENT;
    v.widgets.inactive.weak_bg_fill = egui::Color32::from_rgb(232, 228, 216);
    v.widgets.inactive.bg_fill = egui::Color32::from_rgb(232, 228, 216);
    v.widgets.hovered.weak_bg_fill = egui::Color32::from_rgb(220, 230, 232);
    v.widgets.active.weak_bg_fill = egui::Color32::from_rgb(200, 220, 226);
    // A blinking cursor asks egui for a repaint every half second, which keeps the window drawing while a text box
    // has the focus; a steady cursor lets it sleep.
    v.text_cursor.blink = false;
    v
}

/// The top-level `Ui` covering the window, for a screen to lay its panels in.
pub fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// The frame of the page behind the panels.
pub fn page_frame() -> egui::Frame {
    egui::Frame::new().fill(PAPER).inner_margin(egui::Margin::same(12))
}

/// The frame of a side panel.
pub fn panel_frame() -> egui::Frame {
    egui::Frame::new().fill(PANEL).inner_margin(egui::Margin::same(10))
}

/// A card: a framed group on the page.
pub fn card() -> egui::Frame {
    egui::Frame::new()
        .fill(PANEL)
        .stroke(egui::Stroke::new(1.0, egui::Color32::from_rgb(214, 208, 194)))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(12))
}

/// A side's colour.
pub fn side_color(side: Side) -> egui::Color32 {
    match side {
        Side::Us => US,
        Side::Partner => PARTNER,
    }
}

/// A side's name in its colour, bold.
pub fn side_text(names: Names, side: Side) -> egui::RichText {
    egui::RichText::new(crate::game::i18n::side_name(names, side))
        .color(side_color(side))
        .strong()
}

/// A section title.
pub fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(text).size(17.0).strong());
}

/// Small, muted explanatory text.
pub fn note(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.label(egui::RichText::new(text.into()).small().color(MUTED));
}

/// A wide, prominent button.
pub fn big_button(ui: &mut egui::Ui, enabled: bool, text: &str) -> egui::Response {
    ui.add_enabled(
        enabled,
        egui::Button::new(egui::RichText::new(text).size(18.0)).min_size(egui::vec2(260.0, 40.0)),
    )
}

/// The skeleton of a full-page screen: the page over the whole window, drawn by `body` (which may write actions of
/// its own as it draws, and returns the action its buttons chose); then the keys, while no overlay is open — each
/// `(key, action)` pressed chooses its action, over the buttons' and over the keys listed before it; the action
/// chosen is written last.
pub fn page<A: Message + Clone>(
    ctx: &egui::Context,
    menu: &State<super::navigation::Menu>,
    keys: &[(egui::Key, A)],
    actions: &mut MessageWriter<A>,
    body: impl FnOnce(&mut egui::Ui, &mut MessageWriter<A>) -> Option<A>,
) {
    let mut root = root_ui(ctx);
    let mut chosen = None;
    egui::CentralPanel::default()
        .frame(page_frame())
        .show(&mut root, |ui| chosen = body(ui, actions));
    if *menu.get() == super::navigation::Menu::None {
        ctx.input(|i| {
            for (key, action) in keys {
                if i.key_pressed(*key) {
                    chosen = Some(action.clone());
                }
            }
        });
    }
    actions.write_batch(chosen);
}

/// Whether the window is short in points (a small window, or a projector's large UI scale): then long texts that
/// would push the controls out of sight keep to one line, cut, with the whole text on hover.
pub fn short_window(ctx: &egui::Context) -> bool {
    ctx.viewport_rect().height() < 520.0
}

/// A one-line label cut short with "…" when it does not fit; whatever it cuts is never lost: the full text shows on
/// hover, with `more` after it when `more` is not empty (then always, cut or not).
pub fn cut_label(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, more: &str) -> egui::Response {
    let text = text.into();
    let label = egui::Label::new(text.clone()).truncate();
    if more.is_empty() {
        // egui shows the full text on hover by itself when it had to cut it.
        ui.add(label.show_tooltip_when_elided(true))
    } else {
        ui.add(label.show_tooltip_when_elided(false))
            .on_hover_text(format!("{}\n\n{more}", text.text()))
    }
}

/// A name in a column `width` wide, wrapped onto more lines rather than cut, with `hover` on hover. Laid out before
/// it is placed, so a grid row centres it like its other cells however many lines it takes.
pub fn column_name(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, width: f32, hover: &str) -> egui::Response {
    let galley = text
        .into()
        .into_galley(ui, Some(egui::TextWrapMode::Wrap), width, egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, galley.size().y), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().galley(rect.left_top(), galley, ui.visuals().text_color());
    }
    response.on_hover_text(hover)
}

/// How many of a row of items `widths` wide (each followed by `gap`) fit in `available`, keeping room for a
/// "+N more" marker `more_width` wide whenever some are left out.
pub fn items_that_fit(widths: &[f32], gap: f32, available: f32, more_width: f32) -> usize {
    let total: f32 = widths.iter().map(|w| w + gap).sum();
    if total <= available {
        return widths.len();
    }
    let mut used = 0.0;
    for (k, width) in widths.iter().enumerate() {
        if used + width + gap + more_width > available {
            return k;
        }
        used += width + gap;
    }
    widths.len()
}

#[cfg(test)]
mod tests {
    use super::items_that_fit;

    #[test]
    fn a_row_keeps_what_fits_and_room_to_say_how_many_more() {
        assert_eq!(items_that_fit(&[100.0, 100.0, 100.0], 10.0, 400.0, 60.0), 3);
        // 330 do not fit in 300: two chips and "+1 more" (210 + 60) do.
        assert_eq!(items_that_fit(&[100.0, 100.0, 100.0], 10.0, 300.0, 60.0), 2);
        assert_eq!(items_that_fit(&[100.0, 100.0, 100.0], 10.0, 150.0, 60.0), 0);
        assert_eq!(items_that_fit(&[], 10.0, 150.0, 60.0), 0);
    }
}
