//! The debrief's charts, drawn as SVG by hand: the class's utility plane (the Pareto frontier, the zone both sides
//! prefer to no deal, the Nash point, the real deal and every table, with labels that do not pile up) and each
//! table's negotiation dance. Every text in them is escaped; the colours, and the strokes and markers that tell the
//! two sides' lines apart without colour, come from the shared palette.

use std::fmt::Write as _;

use super::{Debrief, TableDebrief};
use crate::analysis::game::OfferStep;
use crate::analysis::outcome_space::Point;
use crate::classroom::class::html_escape;
use crate::classroom::labels::{Anchor, Labels, Placed, wrap_tags};
use crate::classroom::palette::{ACCENT, BAD, GOOD, MUTED, Marker, PARTNER, REAL_DEAL, Srgb, US, side_look};
use crate::rules::negotiation::OutcomeKind;
use crate::scenario::format::trim;
use crate::scenario::schema::Side;

/// The fill of hollow markers, and the halo behind labels.
const WHITE: Srgb = Srgb::new(255, 255, 255);

pub(super) fn side_colour(side: Side) -> Srgb {
    match side {
        Side::Us => US,
        Side::Partner => PARTNER,
    }
}

pub(super) fn outcome_colour(outcome: Option<OutcomeKind>) -> Srgb {
    match outcome {
        Some(OutcomeKind::Deal) => ACCENT,
        Some(OutcomeKind::NoDeal) | None => MUTED,
        Some(OutcomeKind::Collapse) => BAD,
    }
}

/// A rectangle of the utility plane drawn into SVG coordinates: utilities in points (0–100) on both axes.
struct PlotArea {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x_range: (f64, f64),
    y_range: (f64, f64),
    step: f64,
}

impl PlotArea {
    /// A plot framing `points` (utilities 0–1) with a margin, its ends on multiples of the tick step.
    fn framing(points: &[Point], width: f64, height: f64, font: f64) -> PlotArea {
        let (mut x0, mut x1, mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
        for p in points {
            x0 = x0.min(p.us * 100.0);
            x1 = x1.max(p.us * 100.0);
            y0 = y0.min(p.partner * 100.0);
            y1 = y1.max(p.partner * 100.0);
        }
        if !x0.is_finite() {
            (x0, x1, y0, y1) = (0.0, 100.0, 0.0, 100.0);
        }
        let span = (x1 - x0).max(y1 - y0);
        let step = if span > 40.0 {
            10.0
        } else if span > 15.0 {
            5.0
        } else {
            2.0
        };
        let snap = |low: f64, high: f64| {
            let low = ((low - step * 0.3) / step).floor() * step;
            let high = ((high + step * 0.3) / step).ceil() * step;
            (low.max(0.0), high.min(100.0).max(low + step))
        };
        PlotArea {
            width,
            height,
            left: font * 4.2,
            right: font * 1.2,
            top: font * 1.0,
            bottom: font * 3.6,
            x_range: snap(x0, x1),
            y_range: snap(y0, y1),
            step,
        }
    }

    fn x(&self, utility: f64) -> f64 {
        let (low, high) = self.x_range;
        self.left + (utility * 100.0 - low) / (high - low) * (self.width - self.left - self.right)
    }

    fn y(&self, utility: f64) -> f64 {
        let (low, high) = self.y_range;
        self.height - self.bottom - (utility * 100.0 - low) / (high - low) * (self.height - self.top - self.bottom)
    }

    /// The axes, grid and axis titles.
    fn axes(&self, out: &mut String, font: f64, titles: [&str; 2]) {
        let (x_low, x_high) = self.x_range;
        let (y_low, y_high) = self.y_range;
        let (plot_left, plot_right) = (self.left, self.width - self.right);
        let (plot_top, plot_bottom) = (self.top, self.height - self.bottom);
        let mut tick = x_low;
        while tick <= x_high + 1e-9 {
            let x = self.x(tick / 100.0);
            let _ = write!(
                out,
                r##"<line x1="{x:.1}" y1="{plot_top:.1}" x2="{x:.1}" y2="{plot_bottom:.1}" stroke="#e3e6ea"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="{:.1}" fill="{MUTED}">{}</text>"##,
                plot_bottom + font * 1.2,
                font * 0.85,
                trim(tick)
            );
            tick += self.step;
        }
        let mut tick = y_low;
        while tick <= y_high + 1e-9 {
            let y = self.y(tick / 100.0);
            let _ = write!(
                out,
                r##"<line x1="{plot_left:.1}" y1="{y:.1}" x2="{plot_right:.1}" y2="{y:.1}" stroke="#e3e6ea"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="{:.1}" fill="{MUTED}">{}</text>"##,
                plot_left - font * 0.4,
                y + font * 0.3,
                font * 0.85,
                trim(tick)
            );
            tick += self.step;
        }
        let _ = write!(
            out,
            r##"<rect x="{plot_left:.1}" y="{plot_top:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#9aa1ab"/>"##,
            plot_right - plot_left,
            plot_bottom - plot_top
        );
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{font:.1}" fill="{US}" font-weight="bold">{}</text>"##,
            (plot_left + plot_right) / 2.0,
            self.height - font * 0.5,
            html_escape(titles[0])
        );
        let (cx, cy) = (font * 1.1, (plot_top + plot_bottom) / 2.0);
        let _ = write!(
            out,
            r##"<text x="{cx:.1}" y="{cy:.1}" text-anchor="middle" font-size="{font:.1}" fill="{PARTNER}" font-weight="bold" transform="rotate(-90 {cx:.1} {cy:.1})">{}</text>"##,
            html_escape(titles[1])
        );
    }

    /// The frontier as a line through its packages, with the zone both sides prefer to no deal shaded under it.
    fn frontier(&self, out: &mut String, frontier: &[Point], no_deal: Point) {
        let inside: Vec<&Point> = frontier
            .iter()
            .filter(|p| p.us >= no_deal.us && p.partner >= no_deal.partner)
            .collect();
        if !inside.is_empty() {
            let mut zone = format!("{:.1},{:.1}", self.x(no_deal.us), self.y(no_deal.partner));
            // From no deal along the US axis to the frontier, along it, and back down the Japan axis.
            if let Some(first) = inside.first() {
                let _ = write!(zone, " {:.1},{:.1}", self.x(first.us), self.y(no_deal.partner));
            }
            for p in &inside {
                let _ = write!(zone, " {:.1},{:.1}", self.x(p.us), self.y(p.partner));
            }
            if let Some(last) = inside.last() {
                let _ = write!(zone, " {:.1},{:.1}", self.x(no_deal.us), self.y(last.partner));
            }
            let _ = write!(out, r##"<polygon points="{zone}" fill="#e8f1ec" stroke="none"/>"##);
        }
        let line: Vec<String> = frontier
            .iter()
            .map(|p| format!("{:.1},{:.1}", self.x(p.us), self.y(p.partner)))
            .collect();
        let _ = write!(
            out,
            r##"<polyline points="{}" fill="none" stroke="{GOOD}" stroke-width="3" stroke-linejoin="round"/>"##,
            line.join(" ")
        );
    }

    /// Dashed lines through no deal, and its marker.
    fn no_deal(&self, out: &mut String, no_deal: Point, font: f64) {
        let (x, y) = (self.x(no_deal.us), self.y(no_deal.partner));
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{MUTED}" stroke-dasharray="6 5"/><line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{MUTED}" stroke-dasharray="6 5"/>"##,
            self.top,
            self.height - self.bottom,
            self.left,
            self.width - self.right
        );
        let r = font * 0.45;
        let _ = write!(
            out,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#ffffff" stroke="{MUTED}" stroke-width="2.5"/>"##,
            x - r,
            y - r,
            2.0 * r,
            2.0 * r
        );
    }

    /// A diamond marker, for the Nash point and the real deal.
    fn landmark(&self, out: &mut String, p: Point, colour: Srgb, font: f64) {
        let (x, y) = (self.x(p.us), self.y(p.partner));
        // Larger than a table's dot, so a table that lands on the point leaves its corners showing.
        let r = font * 0.85;
        let _ = write!(
            out,
            r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>"##,
            x,
            y - r,
            x + r,
            y,
            x,
            y + r,
            x - r,
            y
        );
    }
}

/// A marker of `radius` centred on `at`, filled with `fill` and outlined in `colour`; a cross or a plus is drawn in
/// `colour` alone.
fn marker_svg(out: &mut String, marker: Marker, at: (f64, f64), radius: f64, fill: Srgb, colour: Srgb) {
    let (x, y) = at;
    let polygon = |out: &mut String, corners: &[(f64, f64)]| {
        let points: Vec<String> = corners
            .iter()
            .map(|(dx, dy)| format!("{:.1},{:.1}", x + dx * radius, y + dy * radius))
            .collect();
        let _ = write!(
            out,
            r##"<polygon points="{}" fill="{fill}" stroke="{colour}" stroke-width="2"/>"##,
            points.join(" ")
        );
    };
    let strokes = |out: &mut String, ends: [(f64, f64); 4]| {
        let _ = write!(
            out,
            r##"<path d="M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}" stroke="{colour}" stroke-width="2.5"/>"##,
            x + ends[0].0 * radius,
            y + ends[0].1 * radius,
            x + ends[1].0 * radius,
            y + ends[1].1 * radius,
            x + ends[2].0 * radius,
            y + ends[2].1 * radius,
            x + ends[3].0 * radius,
            y + ends[3].1 * radius
        );
    };
    match marker {
        Marker::Circle => {
            let _ = write!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{radius:.1}" fill="{fill}" stroke="{colour}" stroke-width="2"/>"##
            );
        }
        Marker::Square => polygon(out, &[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
        Marker::Diamond => polygon(out, &[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)]),
        Marker::Triangle => polygon(out, &[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)]),
        Marker::Cross => strokes(out, [(-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0), (1.0, -1.0)]),
        Marker::Plus => strokes(out, [(-1.2, 0.0), (1.2, 0.0), (0.0, -1.2), (0.0, 1.2)]),
    }
}

/// Writes a placed label (and its leader line) into the SVG.
fn write_label(out: &mut String, placed: &Placed, font: f64, colour: Srgb) {
    if let Some([x1, y1, x2, y2]) = placed.leader {
        let _ = write!(
            out,
            r##"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{colour}" stroke-width="1.2" stroke-opacity="0.8"/>"##
        );
    }
    let anchor = match placed.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        out,
        r##"<text font-size="{font:.1}" font-weight="bold" fill="{colour}" text-anchor="{anchor}" paint-order="stroke" stroke="#ffffff" stroke-width="4">"##
    );
    for (k, line) in placed.lines.iter().enumerate() {
        let _ = write!(
            out,
            r##"<tspan x="{:.1}" y="{:.1}">{}</tspan>"##,
            placed.x,
            placed.top + (k as f64 + 0.8) * font * LINE_HEIGHT,
            html_escape(line)
        );
    }
    out.push_str("</text>");
}

/// Lines of a label are this many font sizes apart; a character is about this wide (bold digits and commas).
const LINE_HEIGHT: f64 = 1.05;
const CHAR_WIDTH: f64 = 0.66;
/// The most characters on a line of table tags.
const TAG_LINE: usize = 12;

/// Tables whose dots would sit on top of each other (centres closer than `pixels` on the plot) share one dot, so
/// their tags are read together rather than piled up.
fn group_points<'a>(tables: &'a [TableDebrief], plot: &PlotArea, pixels: f64) -> Vec<(Point, Vec<&'a TableDebrief>)> {
    let mut groups: Vec<(Point, Vec<&TableDebrief>)> = Vec::new();
    for table in tables {
        let p = table.analysis.outcome;
        match groups.iter_mut().find(|(q, _)| {
            let (dx, dy) = (plot.x(q.us) - plot.x(p.us), plot.y(q.partner) - plot.y(p.partner));
            (dx * dx + dy * dy).sqrt() < pixels
        }) {
            Some((_, members)) => members.push(table),
            None => groups.push((p, vec![table])),
        }
    }
    groups
}

impl Debrief {
    /// Every point the class plane must show.
    fn plane_points(&self) -> Vec<Point> {
        let mut points: Vec<Point> = self.plane.frontier().to_vec();
        points.push(self.plane.no_deal());
        points.push(self.plane.nash());
        points.extend(self.plane.real_deal);
        points.extend(self.tables.iter().map(|t| t.analysis.outcome));
        points
    }

    /// The class's utility plane: the frontier, the zone both prefer to no deal, the Nash point, the real deal and
    /// every table.
    pub(super) fn plane_svg(&self) -> String {
        let font = 17.0;
        let real_label = html_escape(self.real_label());
        let partner_axis = format!(
            "Utility to {} (0–100; not the score) →",
            self.names().with_article(Side::Partner)
        );
        let plot = PlotArea::framing(&self.plane_points(), 960.0, 700.0, font);
        let mut out = format!(
            r##"<svg viewBox="0 0 {} {}" class="plane" role="img" aria-label="The utility plane: every table's outcome beside the Pareto frontier, the Nash point, no deal and {real_label}" font-family="DejaVu Sans, Arial, sans-serif">"##,
            plot.width, plot.height
        );
        plot.axes(
            &mut out,
            font,
            [
                "Utility of the deal to the United States (0–100; not the score) →",
                &partner_axis,
            ],
        );
        plot.frontier(&mut out, self.plane.frontier(), self.plane.no_deal());
        let no_deal = self.plane.no_deal();
        plot.no_deal(&mut out, no_deal, font);
        plot.landmark(&mut out, self.plane.nash(), GOOD, font);
        if let Some(real) = self.plane.real_deal {
            plot.landmark(&mut out, real, REAL_DEAL, font);
        }
        let table_radius = font * 0.55;
        let groups = group_points(&self.tables, &plot, table_radius * 1.2);
        let mut labels = Labels::new(
            [plot.left, plot.top, plot.width - plot.right, plot.height - plot.bottom],
            font * CHAR_WIDTH,
            font * LINE_HEIGHT,
        );
        // A marker shared by tables that ended differently (no deal and a collapse at the same point) is grey.
        let group_colour = |members: &[&TableDebrief]| {
            let first = members[0].figures.outcome;
            if members.iter().all(|t| t.figures.outcome == first) {
                outcome_colour(first)
            } else {
                MUTED
            }
        };
        for (p, members) in &groups {
            let (x, y) = (plot.x(p.us), plot.y(p.partner));
            let colour = group_colour(members);
            let _ = write!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{table_radius:.1}" fill="{colour}" stroke="#ffffff" stroke-width="2"/>"##
            );
            labels.mark(x, y, table_radius);
        }
        let mut landmarks = vec![
            (self.plane.nash(), "Nash".to_string(), GOOD),
            (no_deal, "No deal".to_string(), MUTED),
        ];
        if let Some(real) = self.plane.real_deal {
            landmarks.push((real, self.real_deal_heading(), REAL_DEAL));
        }
        for (p, _, _) in &landmarks {
            labels.mark(plot.x(p.us), plot.y(p.partner), font * 0.85);
        }
        for (p, text, colour) in &landmarks {
            let placed = labels.place(plot.x(p.us), plot.y(p.partner), font * 0.85, vec![text.clone()]);
            write_label(&mut out, &placed, font * 0.95, *colour);
        }
        for (p, members) in &groups {
            let tags: Vec<&str> = members.iter().map(|t| t.tag.as_str()).collect();
            let placed = labels.place(
                plot.x(p.us),
                plot.y(p.partner),
                table_radius,
                wrap_tags(&tags, TAG_LINE),
            );
            write_label(&mut out, &placed, font, group_colour(members));
        }
        out.push_str("</svg>");
        out
    }

    /// One table's dance: each side's offers in order, joined, and where the game ended.
    pub(super) fn dance_svg(&self, table: &TableDebrief) -> String {
        let font = 15.0;
        // The class plane's frame, so every table's dance is drawn to the same scale.
        let mut points = self.plane_points();
        points.extend(table.analysis.dance.iter().map(|s| s.point));
        let plot = PlotArea::framing(&points, 520.0, 400.0, font);
        let mut out = format!(
            r##"<svg viewBox="0 0 {} {}" class="dance" role="img" aria-label="{}: each side's offers in order on the utility plane" font-family="DejaVu Sans, Arial, sans-serif">"##,
            plot.width,
            plot.height,
            html_escape(&table.title())
        );
        let partner_axis = format!("{} utility →", self.names().possessive_subject(Side::Partner));
        plot.axes(&mut out, font, ["United States' utility →", &partner_axis]);
        plot.frontier(&mut out, self.plane.frontier(), self.plane.no_deal());
        plot.no_deal(&mut out, self.plane.no_deal(), font);
        plot.landmark(&mut out, self.plane.nash(), GOOD, font);
        for side in Side::BOTH {
            let colour = side_colour(side);
            // Each side's own stroke and marker as well as its colour, so the two are told apart without colour.
            let look = side_look(side);
            let steps: Vec<&OfferStep> = table.analysis.dance.iter().filter(|s| s.from == side).collect();
            let line: Vec<String> = steps
                .iter()
                .map(|s| format!("{:.1},{:.1}", plot.x(s.point.us), plot.y(s.point.partner)))
                .collect();
            let dashes = look
                .dash
                .dasharray(2.0)
                .map_or_else(String::new, |pattern| format!(r#" stroke-dasharray="{pattern}""#));
            let _ = write!(
                out,
                r##"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2" stroke-opacity="0.7"{dashes}/>"##,
                line.join(" ")
            );
            for (k, s) in steps.iter().enumerate() {
                let r = if k == 0 { font * 0.45 } else { font * 0.3 };
                let fill = if k == 0 { WHITE } else { colour };
                marker_svg(
                    &mut out,
                    look.marker,
                    (plot.x(s.point.us), plot.y(s.point.partner)),
                    r,
                    fill,
                    colour,
                );
            }
        }
        let end = table.analysis.outcome;
        let colour = outcome_colour(table.figures.outcome);
        let _ = write!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="{colour}" stroke-width="3"/>"##,
            plot.x(end.us),
            plot.y(end.partner),
            font * 0.75
        );
        out.push_str("</svg>");
        out
    }
}
