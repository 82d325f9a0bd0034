//! The flags of the two sides, drawn with egui's painter (no image files): the United States, Japan, the European
//! Union and Korea, and for any other partner a neutral badge with its short name. A partner is recognised by its
//! currency's ISO code (JPY, EUR, KRW), which a scenario states and no translation changes; its own name would not
//! do (a scenario may call Japan "Nippon"). Each flag has a thin border, so a white field shows on a light panel.

use std::f32::consts::{FRAC_PI_2, PI, TAU};

use bevy_egui::egui::{self, Color32, Pos2, Rect, Shape, Stroke, pos2, vec2};

use super::theme;
use tradetable_core::{Names, Side};

/// The flag of a side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// The Stars and Stripes.
    UnitedStates,
    /// The Hinomaru.
    Japan,
    /// The European flag: twelve gold stars on blue.
    EuropeanUnion,
    /// The Taegukgi of the Republic of Korea.
    Korea,
    /// A partner without a drawn flag: a badge with its short name.
    Badge(String),
}

/// Flag colours (the official ones, not the palette's: a flag is recognised by them).
const US_RED: Color32 = Color32::from_rgb(178, 34, 52);
const US_BLUE: Color32 = Color32::from_rgb(60, 59, 110);
const JAPAN_RED: Color32 = Color32::from_rgb(188, 0, 45);
const EU_BLUE: Color32 = Color32::from_rgb(0, 51, 153);
const EU_GOLD: Color32 = Color32::from_rgb(255, 204, 0);
const KOREA_RED: Color32 = Color32::from_rgb(205, 46, 58);
const KOREA_BLUE: Color32 = Color32::from_rgb(0, 71, 160);
const BORDER: Color32 = Color32::from_rgb(170, 164, 150);

impl Flag {
    /// The flag of `side` at a table with the partner `names` describe.
    pub fn of(names: Names, side: Side) -> Flag {
        match side {
            Side::Us => Flag::UnitedStates,
            Side::Partner => match names.partner().currency.code.as_str() {
                "JPY" => Flag::Japan,
                "EUR" => Flag::EuropeanUnion,
                "KRW" => Flag::Korea,
                _ => Flag::Badge(names.short(side).to_string()),
            },
        }
    }

    /// Width over height: 3:2 for every flag (the US's own 19:10 would make the pair uneven side by side); a badge
    /// as wide as its name needs.
    fn width(&self, height: f32, ui: &egui::Ui) -> f32 {
        match self {
            Flag::Badge(name) => {
                let text = badge_galley(ui, name, height);
                (text.size().x + height * 0.6).max(height * 1.5)
            }
            _ => height * 1.5,
        }
    }
}

/// Draws `flag` `height` points high in the flow of `ui`, with `hover` on hover.
pub fn flag(ui: &mut egui::Ui, flag: &Flag, height: f32, hover: &str) -> egui::Response {
    let size = vec2(flag.width(height, ui), height);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        paint(ui, rect, flag);
    }
    if hover.is_empty() {
        response
    } else {
        response.on_hover_text(hover)
    }
}

/// The flag of a side, named on hover.
pub fn side_flag(ui: &mut egui::Ui, names: Names, side: Side, height: f32) -> egui::Response {
    flag(
        ui,
        &Flag::of(names, side),
        height,
        &crate::game::i18n::side_name(names, side),
    )
}

/// Paints `flag` filling `rect`.
pub fn paint(ui: &egui::Ui, rect: Rect, flag: &Flag) {
    let painter = ui.painter_at(rect.expand(1.0));
    match flag {
        Flag::UnitedStates => united_states(&painter, rect),
        Flag::Japan => {
            painter.rect_filled(rect, 0.0, Color32::WHITE);
            painter.circle_filled(rect.center(), rect.height() * 0.3, JAPAN_RED);
        }
        Flag::EuropeanUnion => {
            painter.rect_filled(rect, 0.0, EU_BLUE);
            let ring = rect.height() / 3.0;
            for k in 0..12 {
                let angle = k as f32 * TAU / 12.0 - FRAC_PI_2;
                let centre = rect.center() + ring * vec2(angle.cos(), angle.sin());
                star(&painter, centre, rect.height() / 18.0, EU_GOLD);
            }
        }
        Flag::Korea => korea(&painter, rect),
        Flag::Badge(name) => {
            painter.rect_filled(rect, rect.height() * 0.2, theme::PARTNER);
            let text = badge_galley(ui, name, rect.height());
            let at = rect.center() - text.size() / 2.0;
            painter.galley(at, text, Color32::WHITE);
            return;
        }
    }
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, BORDER), egui::StrokeKind::Outside);
}

fn badge_galley(ui: &egui::Ui, name: &str, height: f32) -> std::sync::Arc<egui::Galley> {
    ui.painter().layout_no_wrap(
        name.to_string(),
        egui::FontId::proportional((height * 0.5).max(8.0)),
        Color32::WHITE,
    )
}

/// Thirteen stripes, and the canton with its fifty stars as dots in their rows of six and five.
fn united_states(painter: &egui::Painter, rect: Rect) {
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let stripe = rect.height() / 13.0;
    for k in (0..13).step_by(2) {
        let top = rect.top() + k as f32 * stripe;
        painter.rect_filled(
            Rect::from_min_size(pos2(rect.left(), top), vec2(rect.width(), stripe)),
            0.0,
            US_RED,
        );
    }
    let canton = Rect::from_min_size(rect.min, vec2(rect.width() * 0.4, stripe * 7.0));
    painter.rect_filled(canton, 0.0, US_BLUE);
    let (dx, dy) = (canton.width() / 12.0, canton.height() / 10.0);
    let radius = (canton.height() / 30.0).max(0.4);
    for row in 0..9 {
        let (count, offset) = if row % 2 == 0 { (6, 1.0) } else { (5, 2.0) };
        for column in 0..count {
            let at = pos2(
                canton.left() + dx * (offset + 2.0 * column as f32),
                canton.top() + dy * (1.0 + row as f32),
            );
            painter.circle_filled(at, radius, Color32::WHITE);
        }
    }
}

/// The taegeuk (red above, blue below, turned along the flag's diagonal) and the four trigrams at the corners.
fn korea(painter: &egui::Painter, rect: Rect) {
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let centre = rect.center();
    let radius = rect.height() / 4.0;
    // The line between red and blue runs along the diagonal from the top-left corner.
    let tilt = (rect.height() / rect.width()).atan();
    let half_disc = |from: f32| -> Vec<Pos2> {
        (0..=32)
            .map(|k| {
                let angle = from + PI * k as f32 / 32.0;
                centre + radius * vec2(angle.cos(), angle.sin())
            })
            .collect()
    };
    painter.add(Shape::convex_polygon(half_disc(tilt + PI), KOREA_RED, Stroke::NONE));
    painter.add(Shape::convex_polygon(half_disc(tilt), KOREA_BLUE, Stroke::NONE));
    let along = vec2(tilt.cos(), tilt.sin()) * (radius / 2.0);
    painter.circle_filled(centre - along, radius / 2.0, KOREA_RED);
    painter.circle_filled(centre + along, radius / 2.0, KOREA_BLUE);
    // Geon (three whole bars) at the top left, gon (three broken) at the bottom right, gam (broken, whole, broken)
    // at the top right, ri (whole, broken, whole) at the bottom left; the bars lie across the diagonal they sit on.
    let trigrams: [(f32, f32, [bool; 3]); 4] = [
        (-1.0, -1.0, [true, true, true]),
        (1.0, 1.0, [false, false, false]),
        (1.0, -1.0, [false, true, false]),
        (-1.0, 1.0, [true, false, true]),
    ];
    let (bar_length, bar_height) = (radius * 1.0, radius / 6.0);
    for (sx, sy, bars) in trigrams {
        let out = vec2(sx * rect.width(), sy * rect.height()).normalized();
        let at = centre + out * (radius * 2.1);
        let across = vec2(-out.y, out.x);
        for (k, whole) in bars.iter().enumerate() {
            let middle = at + out * ((k as f32 - 1.0) * bar_height * 1.6);
            let pieces: &[(f32, f32)] = if *whole {
                &[(-0.5, 0.5)]
            } else {
                &[(-0.5, -0.06), (0.06, 0.5)]
            };
            for &(from, to) in pieces {
                let a = middle + across * (from * bar_length);
                let b = middle + across * (to * bar_length);
                let thick = out * (bar_height / 2.0);
                painter.add(Shape::convex_polygon(
                    vec![a - thick, b - thick, b + thick, a + thick],
                    Color32::BLACK,
                    Stroke::NONE,
                ));
            }
        }
    }
}

/// A five-pointed star, point up: five triangles on a pentagon (egui fills convex shapes only).
fn star(painter: &egui::Painter, centre: Pos2, outer: f32, colour: Color32) {
    let inner = outer * 0.382;
    let point = |k: usize, r: f32| {
        let angle = -FRAC_PI_2 + k as f32 * TAU / 10.0;
        centre + r * vec2(angle.cos(), angle.sin())
    };
    let pentagon: Vec<Pos2> = (0..5).map(|k| point(2 * k + 1, inner)).collect();
    painter.add(Shape::convex_polygon(pentagon, colour, Stroke::NONE));
    for k in 0..5 {
        let tip = point(2 * k, outer);
        let left = point((2 * k + 9) % 10, inner);
        let right = point(2 * k + 1, inner);
        painter.add(Shape::convex_polygon(vec![left, tip, right], colour, Stroke::NONE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradetable_core::Scenario;
    use tradetable_core::scenario::side::Partner;

    fn partner(scenario: &Scenario, code: &str, short: &str) -> Partner {
        let mut partner = scenario.partner.clone();
        partner.currency.code = code.to_string();
        partner.short = Some(short.to_string());
        partner
    }

    #[test]
    fn a_partner_is_known_by_its_currency_and_any_other_gets_a_badge() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        assert_eq!(Flag::of(scenario.names(), Side::Us), Flag::UnitedStates);
        assert_eq!(Flag::of(scenario.names(), Side::Partner), Flag::Japan);
        for (code, flag) in [("EUR", Flag::EuropeanUnion), ("KRW", Flag::Korea), ("JPY", Flag::Japan)] {
            let partner = partner(&scenario, code, "X");
            assert_eq!(Flag::of(Names::new(&partner), Side::Partner), flag);
        }
        let canada = partner(&scenario, "CAD", "Canada");
        assert_eq!(
            Flag::of(Names::new(&canada), Side::Partner),
            Flag::Badge("Canada".to_string())
        );
    }

    #[test]
    fn every_flag_paints_inside_its_place() {
        let ctx = egui::Context::default();
        let flags = [
            Flag::UnitedStates,
            Flag::Japan,
            Flag::EuropeanUnion,
            Flag::Korea,
            Flag::Badge("Canada".to_string()),
        ];
        for shown in flags {
            let mut output = ctx.run_ui(Default::default(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    flag(ui, &shown, 40.0, "");
                });
            });
            output.textures_delta.clear();
            let painted: Vec<Rect> = output
                .shapes
                .iter()
                .map(|clipped| clipped.shape.visual_bounding_rect())
                .filter(|r| r.is_positive() && r.height() <= 44.0)
                .collect();
            assert!(painted.len() >= 2, "{shown:?} painted {} shapes", painted.len());
            let bounds = painted.iter().fold(Rect::NOTHING, |a, b| a.union(*b));
            assert!(
                bounds.height() <= 43.0 && bounds.width() >= 59.0,
                "{shown:?} spans {bounds:?}"
            );
        }
    }
}
