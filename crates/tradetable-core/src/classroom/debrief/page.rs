//! The debrief page: one self-contained HTML file to project or print, written with maud's compile-time templates,
//! which escape every text from a record or a scenario. The charts come from `charts` as finished SVG; the style
//! sheet is compiled in from `page.css`, with the palette's colours as CSS variables.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::charts::outcome_colour;
use super::{Benchmark, Debrief, Figures, TableDebrief, points};
use crate::analysis::game::MoveLabel;
use crate::analysis::outcome_space::Point;
use crate::classroom::palette::{ACCENT, BAD, GOOD, INK, MUTED, PARTNER, REAL_DEAL, Srgb, US};
use crate::rules::negotiation::OutcomeKind;
use crate::rules::score::SideScore;
use crate::scenario::format::{bn, month, one_decimal, whole_percent};
use crate::scenario::schema::Side;
use crate::scenario::side::capitalised;

/// The page's style: large type for a projector, A4 or Letter pages with a break before each section in print.
const STYLE: &str = include_str!("page.css");

/// The style sheet: the palette's colours as variables, then the rules.
fn style() -> String {
    format!(
        "\n:root {{ --us: {US}; --partner: {PARTNER}; --ink: {INK}; --muted: {MUTED}; --rule: #d5d9df; --good: {GOOD}; \
         --real-deal: {REAL_DEAL}; }}\n{STYLE}"
    )
}

impl Debrief {
    /// The page: the class at a glance, the utility plane, every table's figures, the spread of the terms, and each
    /// table's verdict and score breakdown. Self-contained (inline CSS and SVG, no scripts, nothing fetched), with
    /// page breaks between sections for printing; every text from a record or scenario is escaped.
    pub fn html(&self) -> String {
        let page = html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { "Class debrief — " (self.scenario.title) }
                    style { (PreEscaped(style())) }
                }
                body {
                    (self.summary())
                    (self.notices())
                    (self.plane_section())
                    (self.table_list())
                    (self.spread_section())
                    section.per-table {
                        h2 { "Table by table" }
                        @for table in &self.tables {
                            (self.table_card(table))
                        }
                    }
                    (self.reading_guide())
                }
            }
        };
        page.into_string()
    }

    /// The partner's short name: "Japan".
    fn partner_short(&self) -> &str {
        self.names().short(Side::Partner)
    }

    /// The title, the cards of the class at a glance, and what really happened.
    fn summary(&self) -> Markup {
        let n = self.tables.len();
        let deals: Vec<&TableDebrief> = self
            .tables
            .iter()
            .filter(|t| t.figures.outcome == Some(OutcomeKind::Deal))
            .collect();
        let count = |kind: Option<OutcomeKind>| self.tables.iter().filter(|t| t.figures.outcome == kind).count();
        let mean = |values: &mut dyn Iterator<Item = f64>| {
            let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
            (count > 0).then(|| sum / count as f64)
        };
        let mean_round = mean(&mut deals.iter().map(|t| f64::from(t.round)));
        let mean_us = mean(&mut self.tables.iter().map(|t| t.figures.scores.us)).unwrap_or(0.0);
        let mean_partner = mean(&mut self.tables.iter().map(|t| t.figures.scores.partner)).unwrap_or(0.0);
        let mean_left = mean(&mut self.tables.iter().map(|t| t.analysis.value_left)).unwrap_or(0.0);
        let seeds: Vec<String> = self.benchmarks.iter().map(|b| b.seed.to_string()).collect();
        let others: Vec<String> = [
            (Some(OutcomeKind::NoDeal), "no deal"),
            (Some(OutcomeKind::Collapse), "collapsed"),
            (None, "not finished"),
        ]
        .iter()
        .filter_map(|&(kind, label)| {
            let c = count(kind);
            (c > 0).then(|| format!("{c} {label}"))
        })
        .collect();
        html! {
            header {
                h1 { "Class debrief" }
                p.subtitle { (self.scenario.title) }
                p.meta {
                    (n) " tables · seed " (seeds.join(", ")) " · scenario " (self.scenario.id) ", version "
                    (self.scenario.short_hash())
                }
            }
            div.cards {
                div.card { div.big { (deals.len()) " of " (n) } div { "tables signed a deal" } }
                div.card {
                    div.big { (mean_round.map_or_else(|| "—".to_string(), one_decimal)) }
                    div { "mean round of agreement" }
                }
                div.card {
                    div.big { span.us { (one_decimal(mean_us)) } " · " span.partner { (one_decimal(mean_partner)) } }
                    div { "mean score, " span.us { "US" } " · " span.partner { (self.partner_short()) } }
                }
                div.card { div.big { (points(mean_left)) } div { "mean points left on the table" } }
            }
            @if !others.is_empty() {
                p.lead { "The other tables: " (others.join(", ")) "." }
            }
            @if let Some(real) = &self.real_deal {
                p.lead { b { "What really happened:" } " " (real.description) }
            }
        }
    }

    /// The box of warnings at the top: every file left out with its reason, and every clash of tables.
    fn notices(&self) -> Markup {
        html! {
            @if !self.skipped.is_empty() || !self.clashes.is_empty() {
                aside.notices role="note" {
                    @if !self.clashes.is_empty() {
                        h2 { "Check before grading: " (self.clashes.len()) " table warning(s)" }
                        ul { @for clash in &self.clashes { li { (clash.message()) } } }
                    }
                    @if !self.skipped.is_empty() {
                        h2 { "Not in this debrief: " (self.skipped.len()) " file(s)" }
                        p { "These files were left out; every other table is below." }
                        ul {
                            @for skipped in &self.skipped {
                                li { span.file { (skipped.file) } ": " (skipped.reason) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The class's utility plane, what it shows, and its legend.
    fn plane_section(&self) -> Markup {
        let key = |width: u32, mark: Markup, text: &str| {
            html! {
                span.key {
                    svg viewBox={ "0 0 " (width) " 20" } width=(width) height="20" { (mark) }
                    " " (text)
                }
            }
        };
        let dot = |colour: Srgb| html! { circle cx="10" cy="10" r="8" fill=(colour) {} };
        let diamond = |colour: Srgb| html! { polygon points="10,1 19,10 10,19 1,10" fill=(colour) {} };
        let frontier = html! { line x1="1" y1="10" x2="27" y2="10" stroke=(GOOD) stroke-width="3" {} };
        let zone = html! { rect x="1" y="1" width="18" height="18" fill="#e8f1ec" stroke="#b9d3c2" {} };
        let no_deal = html! {
            rect x="4" y="4" width="12" height="12" fill="#ffffff" stroke=(MUTED) stroke-width="2.5" {}
        };
        html! {
            section.plane-section {
                h2 { "Where each table ended" }
                p.lead {
                    "Each dot is a table, placed by the " b { "utility" } " of its outcome to each side (0–100): \
                     what the package it signed is worth, valued where the talks began — not the " b { "score" }
                    " of the tables below, which judges the whole game month by month, so a dot can sit above no \
                     deal while its score is below no deal's. The " b.good { "green line" }
                    " is the Pareto frontier: packages no other package beats for both sides. The shaded zone holds \
                     the deals both sides prefer to "
                    b { "no deal" } "; the further a dot sits from the green line, the more value that table left on \
                     the table."
                }
                figure { (PreEscaped(self.plane_svg())) }
                p.legend {
                    (key(28, frontier, "Pareto frontier"))
                    (key(20, zone, "better than no deal for both"))
                    (key(20, no_deal, "no deal"))
                    (key(20, dot(ACCENT), "a table's deal"))
                    (key(20, dot(MUTED), "a table without a deal (yet)"))
                    (key(20, dot(BAD), "a table whose talks collapsed"))
                    (key(20, diamond(GOOD), "Nash point (the fairest split of the gains)"))
                    (key(20, diamond(REAL_DEAL), self.real_label()))
                }
            }
        }
    }

    /// Every table in one list with its figures, then the reference games for comparison.
    fn table_list(&self) -> Markup {
        let partner_short = self.partner_short();
        let best = |f: &dyn Fn(&TableDebrief) -> f64| self.tables.iter().map(f).fold(f64::NEG_INFINITY, f64::max);
        let best_us = best(&|t| t.figures.scores.us);
        let best_partner = best(&|t| t.figures.scores.partner);
        html! {
            section {
                h2 { "All tables" }
                div.wide { table.list {
                    thead { tr {
                        th { "Table" } th { "Outcome" } th.num { "Round" } th.num.us { "US score" }
                        th.num.partner { (partner_short) " score" } th.num { "Mean deficit" }
                        @if let Some(agreement) = &self.agreement_name { th { (agreement) } }
                        th.num.us { "US approval" } th.num.partner { (partner_short) " approval" }
                        th.num { "Value left (utility)" } th { "Conceded first" }
                    } }
                    tbody {
                        @for t in &self.tables {
                            (self.table_row(t, best_us, best_partner))
                        }
                    }
                    tbody.reference {
                        @for benchmark in &self.benchmarks {
                            (self.reference_rows(benchmark))
                        }
                    }
                } }
                p.note {
                    "Scores are out of 100 against each side's objectives, over the rounds played and the year after: \
                     a different measure from the utilities of the plane above, which value only the package signed. "
                    b { "Bold" } ": the class's best score for that side. Approval: at the end of the game. Value \
                     left: points (out of 100) between the outcome and the nearest package on the Pareto frontier. The \
                     last rows replay the same months and events with no deal, and with " (self.real_label())
                    " signed when it really was."
                }
            }
        }
    }

    /// A table's row in the list; its scores are bold where they are the class's best for that side.
    fn table_row(&self, t: &TableDebrief, best_us: f64, best_partner: f64) -> Markup {
        let f = &t.figures;
        html! {
            tr {
                td { b { (t.title()) } div.code { (t.code.as_deref().unwrap_or(&t.file)) } }
                td.nowrap {
                    span.dot style={ "background:" (outcome_colour(f.outcome)) } {}
                    (t.outcome_label())
                }
                td.num { (t.round) }
                td.num.best[f.scores.us >= best_us] { (one_decimal(f.scores.us)) }
                td.num.best[f.scores.partner >= best_partner] { (one_decimal(f.scores.partner)) }
                (figure_cells(f, self.agreement_name.is_some()))
                td.num { (points(t.analysis.value_left)) }
                td {
                    @match t.analysis.first_concession {
                        Some((side, round)) => {
                            span class=(side.key()) { (self.names().short(side)) }
                            div.code { "round " (round) }
                        }
                        None => { "—" }
                    }
                }
            }
        }
    }

    /// The rows of the games a table is compared with, on one seed: no deal, and the real deal signed when it was.
    fn reference_rows(&self, benchmark: &Benchmark) -> Markup {
        let seed = if self.benchmarks.len() > 1 {
            format!(", seed {}", benchmark.seed)
        } else {
            String::new()
        };
        let real_mark = self.real_deal_heading();
        let mut rows: Vec<(&str, &Figures, Point, Option<u32>)> =
            vec![("No deal", &benchmark.no_deal, self.plane.no_deal(), None)];
        if let (Some(real), Some(point), Some(deal)) = (&benchmark.real_deal, self.plane.real_deal, &self.real_deal) {
            rows.push((real_mark.as_str(), real, point, Some(deal.round)));
        }
        html! {
            @for (name, f, point, round) in rows {
                tr {
                    td { b { (name) } div.code { "for comparison" (seed) } }
                    td.nowrap { (f.outcome.map_or("not finished", OutcomeKind::label)) }
                    td.num { (round.map_or_else(|| "—".to_string(), |r| r.to_string())) }
                    td.num { (one_decimal(f.scores.us)) }
                    td.num { (one_decimal(f.scores.partner)) }
                    (figure_cells(f, self.agreement_name.is_some()))
                    td.num { (points(self.plane.value_left(point))) }
                    td { "—" }
                }
            }
        }
    }

    /// For every issue, a bar per option: how many of the tables that signed chose it, and the real deal's option.
    fn spread_section(&self) -> Markup {
        let signed = self.deals();
        html! {
            section {
                h2 { "What the tables signed" }
                p.lead {
                    "For each issue, how many of the " (signed) " tables that signed chose each option. "
                    span.real-key { "★ " (self.real_deal_heading()) } " marks what the real deal set."
                }
                div.spread {
                    @for group in Side::BOTH {
                        div.spread-side {
                            h3 class=(group.key()) { (self.names().possessive_subject(group)) " levers" }
                            @for issue in self.spread.iter().filter(|s| s.owner == group) {
                                div.issue {
                                    div.issue-name { (issue.name) }
                                    div.options {
                                        @for option in &issue.options {
                                            @let share = if signed == 0 {
                                                0.0
                                            } else {
                                                f64::from(option.tables) / signed as f64
                                            };
                                            div.option.real[option.real_deal] {
                                                div.option-text { (option.text) @if option.real_deal { " ★" } }
                                                div.bar {
                                                    div class={ "fill " (group.key()) }
                                                        style=(format!("width:{:.0}%", share * 100.0)) {}
                                                }
                                                div.count { (option.tables) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One table's card: who played, the verdict, the terms signed, the negotiation dance and the score breakdowns.
    fn table_card(&self, t: &TableDebrief) -> Markup {
        let verdict = &t.verdict;
        html! {
            article.table-card {
                h3 {
                    span.dot style={ "background:" (outcome_colour(t.figures.outcome)) } {}
                    (t.title()) " " span.code { (t.code.as_deref().unwrap_or(&t.file)) }
                }
                p.seats {
                    span.us { "US: " (t.seats.us) } " · "
                    span.partner { (self.partner_short()) ": " (t.seats.partner) }
                    " · " (t.outcome_label()) " in round " (t.round) " (" (month(&t.month)) "): " (t.reason)
                }
                div.card-body {
                    div.verdict {
                        h4 { "The model's verdict" }
                        ul {
                            li { b { "Deficit." } " " (verdict.deficit) }
                            li {
                                b { (self.agreement_name.as_deref().unwrap_or("Trade agreement")) "." } " "
                                (verdict.trade_agreement)
                            }
                            li { b { "Standing." } " " (verdict.standing) }
                            li { b { "Scores" } " (0–100, the whole game). " (verdict.scores) }
                            li { b { "Utility" } " (0–100, the deal on the plane). " (verdict.utility) }
                            li { b { "Negotiation." } " " (verdict.negotiation) }
                        }
                        (self.signed_terms(t))
                    }
                    div.dance-box {
                        h4 { "The negotiation dance" }
                        (PreEscaped(self.dance_svg(t)))
                        p.note {
                            span.us { "● —" } " US offers, " span.partner { "■ - -" } " "
                            (self.names().possessive(Side::Partner)) " (hollow: the first); ◯ where it ended."
                        }
                        table.labels {
                            tr { th {} @for label in MoveLabel::ALL { th { (label.name()) } } }
                            @for side in Side::BOTH {
                                tr {
                                    th class=(side.key()) { (self.names().short(side)) }
                                    @for label in MoveLabel::ALL { td { (t.analysis.moves[side].get(label)) } }
                                }
                            }
                        }
                    }
                }
                div.breakdowns {
                    @for (side, score) in t.scores.iter() {
                        (self.breakdown(side, score, &t.averages[side]))
                    }
                }
            }
        }
    }

    /// The terms a table signed, each beside the real deal's where the two differ.
    fn signed_terms(&self, t: &TableDebrief) -> Markup {
        let real_mark = self.real_deal_heading();
        html! {
            @if !t.terms.is_empty() {
                h4 { "Signed" }
                ul.terms {
                    @for term in &t.terms {
                        @let real = self
                            .real_deal
                            .as_ref()
                            .and_then(|deal| deal.terms.iter().find(|r| r.issue == term.issue))
                            .filter(|real| real.value != term.value);
                        li class=[real.is_some().then_some("differs")] {
                            (term.name) " " b { (term.text) }
                            @if let Some(real) = real {
                                " " span.july { "(" (real_mark) ": " (real.text) ")" }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One side's score and how each objective made it.
    fn breakdown(&self, side: Side, score: &SideScore, averages: &[String]) -> Markup {
        html! {
            table.breakdown {
                caption class=(side.key()) { (self.names().label(side)) ": " (one_decimal(score.total)) " / 100" }
                thead { tr { th { "Objective" } th.num { "Average" } th { "Score" } th.num { "Weight" } } }
                tbody {
                    @for (line, average) in score.breakdown.iter().zip(averages) {
                        tr {
                            td { (line.name) }
                            td.num { (average) }
                            td.nowrap {
                                span.scorenum { (format!("{:.0}", line.score)) }
                                span.scorebar {
                                    span class={ "fill " (side.key()) }
                                        style=(format!("width:{:.0}%", line.score.clamp(0.0, 100.0))) {}
                                }
                            }
                            td.num { (whole_percent(line.weight * 100.0)) }
                        }
                    }
                }
            }
        }
    }

    /// How to read the page: utilities and scores, the labels of the moves, the real deal, and where approval began.
    fn reading_guide(&self) -> Markup {
        html! {
            section.guide {
                h2 { "How to read this page" }
                p {
                    "Utilities (0–100) are what a package is worth to each side by the model, valued from where the \
                     talks began (" (month(&self.start_month)) "), so every table, the frontier and "
                    (self.real_label()) " sit on one scale. Scores judge what each game really did, month by month \
                     and for a year after."
                }
                p {
                    "Each offer is compared with the same side's previous offer (Hindriks, Jonker & Tykhonov, 2007):"
                }
                ul.moves { @for label in MoveLabel::ALL { li { b { (label.name()) } ": " (label.meaning()) "." } } }
                @if let Some(real) = &self.real_deal {
                    p {
                        b { (capitalised(&real.label)) } ", signed in round " (real.round) " (" (month(&real.month))
                        "): "
                        @for (k, term) in real.terms.iter().enumerate() {
                            @if k > 0 { "; " }
                            (term.name) " " (term.text)
                        }
                        ". " span.note { "Source: " (real.source) }
                    }
                }
                p.note {
                    "At the start, US approval stood at " (whole_percent(self.start_approval.us))
                    " and approval of " (self.names().possessive(Side::Partner)) " government at "
                    (whole_percent(self.start_approval.partner)) "."
                }
            }
        }
    }
}

/// The cells of a game's figures in the list: the mean deficit, the trade agreement (in a scenario that has one) and
/// both approvals.
fn figure_cells(f: &Figures, with_agreement: bool) -> Markup {
    html! {
        td.num { (bn(f.mean_deficit_bn)) }
        @if with_agreement { td { (f.trade_agreement) } }
        td.num { (whole_percent(f.approval.us)) }
        td.num { (whole_percent(f.approval.partner)) }
    }
}
