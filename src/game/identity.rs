//! The game's visual identity on its title: the wordmark between the flags of the two sides, over a table edge in
//! their colours (the Okabe–Ito blue of the United States meeting the vermillion of its partner at a handshake), and
//! the tagline in the language in play. Painted with egui's painter, so it scales with the UI and needs no image.

use bevy_egui::egui::{self, Align2, Color32, FontId, Rect, Stroke, pos2, vec2};

use super::flags::{self, Flag};
use super::icons;
use super::theme;

/// The wordmark's size in points; the flags are as tall as its capitals.
const WORDMARK_SIZE: f32 = 46.0;
/// The flags' height.
const FLAG_HEIGHT: f32 = 30.0;
/// The table edge under the wordmark: its height, and its width beyond the flags.
const EDGE_HEIGHT: f32 = 6.0;

/// Draws the banner across the width of `ui`: the wordmark `name` between the United States' flag on the left and
/// `partner`'s on the right, and `tagline` under the table edge.
pub fn title_banner(ui: &mut egui::Ui, name: &str, partner: &Flag, tagline: &str) {
    let wordmark = ui
        .painter()
        .layout_no_wrap(name.to_string(), FontId::proportional(WORDMARK_SIZE), theme::INK);
    let gap = 22.0;
    let flag_width = FLAG_HEIGHT * 1.5;
    let row_width = wordmark.size().x + 2.0 * (gap + flag_width);
    let height = wordmark.size().y + EDGE_HEIGHT + 6.0;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), height), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let left = rect.center().x - row_width / 2.0;
        let middle = rect.top() + wordmark.size().y / 2.0;
        let us = Rect::from_min_size(pos2(left, middle - FLAG_HEIGHT / 2.0), vec2(flag_width, FLAG_HEIGHT));
        flags::paint(ui, us, &Flag::UnitedStates);
        let partner_rect = Rect::from_min_size(
            pos2(left + row_width - flag_width, middle - FLAG_HEIGHT / 2.0),
            vec2(flag_width, FLAG_HEIGHT),
        );
        flags::paint(ui, partner_rect, partner);
        let painter = ui.painter();
        painter.galley(pos2(left + flag_width + gap, rect.top()), wordmark, theme::INK);
        table_edge(
            painter,
            Rect::from_min_size(
                pos2(left, rect.top() + height - EDGE_HEIGHT - 2.0),
                vec2(row_width, EDGE_HEIGHT),
            ),
        );
    }
    ui.label(egui::RichText::new(tagline).size(20.0).color(theme::MUTED));
}

/// The table edge: the United States' colour meeting the partner's in the middle, where a handshake sits.
fn table_edge(painter: &egui::Painter, rect: Rect) {
    let half = rect.width() / 2.0;
    let radius = rect.height() / 2.0;
    let left = Rect::from_min_size(rect.min, vec2(half, rect.height()));
    let right = Rect::from_min_size(pos2(rect.left() + half, rect.top()), vec2(half, rect.height()));
    painter.rect_filled(left, egui::CornerRadius::same(radius as u8), theme::US);
    painter.rect_filled(right, egui::CornerRadius::same(radius as u8), theme::PARTNER);
    let centre = rect.center();
    painter.circle(centre, 13.0, theme::PAPER, Stroke::new(1.5, Color32::from_gray(150)));
    painter.text(
        centre,
        Align2::CENTER_CENTER,
        icons::HANDSHAKE.to_string(),
        FontId::proportional(17.0),
        theme::INK,
    );
}
