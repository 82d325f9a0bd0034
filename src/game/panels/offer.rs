//! The table itself: the offer on the table and the terms of both sides side by side, the proposal the player is
//! drafting, and accept / counter / reject / walk away — with what the computer opponent would likely make of the
//! proposal (the core's `preview_move`), and a second click asked for accepting an offer worth less than no deal.

use bevy_egui::egui;

use super::{explanation, short_name, side_in_sentence};
use crate::game::glossary;
use crate::game::i18n::{numbers, t};
use crate::game::icons;
use crate::game::session::Viewer;
use crate::game::theme;
use tradetable_core::ai::Opponent;
use tradetable_core::analysis::preview::{MovePreview, Severity, preview_move};
use tradetable_core::rules::negotiation::{GameState, OfferFate};
use tradetable_core::rules::package::{Issue, IssueTarget, Package, PackageSpace};
use tradetable_core::scenario::format::LeverUnit;
use tradetable_core::{Move, Scenario, Side};

/// What the offer panel shows.
pub struct OfferView<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its issues.
    pub space: &'a PackageSpace,
    /// The state.
    pub state: &'a GameState,
    /// Whose table this is.
    pub viewer: Viewer,
    /// Whether the viewer may move now.
    pub can_act: bool,
    /// Whether the teacher has paused the table (a networked one).
    pub paused: bool,
    /// The computer player on the other side, whose likely reaction to the proposal is shown (none against
    /// people).
    pub opponent: Option<&'a Opponent>,
}

/// What the offer panel asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum OfferAction {
    /// Make this move.
    Play(Move),
    /// Ask before walking away.
    ConfirmWalkAway,
    /// Replace the draft with this package.
    Draft(Package),
    /// Ask the adviser what to do.
    AskAdviser,
}

/// The latest offer each side made, with its round and fate.
pub fn latest_offer(state: &GameState, side: Side) -> Option<(u32, &Package, OfferFate)> {
    state
        .offers
        .iter()
        .rev()
        .find(|r| r.offer.from == side)
        .map(|r| (r.offer.round, &r.offer.package, r.fate))
}

/// How option `option` of `issue` reads in the language in play: the core's `Issue::option_text` (`12.5%`,
/// `$7bn/yr`, `75%`, `yes`) with its numbers formatted by [`numbers`] (`年70億ドル`, `はい`).
pub fn option_text(scenario: &Scenario, issue: &Issue, option: usize) -> String {
    let Some(&value) = issue.options.get(option) else {
        return "?".to_string();
    };
    match issue.target {
        IssueTarget::Instrument(_) => numbers::rate(value),
        IssueTarget::Lever(k) => numbers::lever_level(scenario.partner_levers[k].unit, value),
        IssueTarget::Term(k) => numbers::lever_level(scenario.deal_terms[k].effect.unit(), value),
        IssueTarget::CounterTariff(_) => numbers::lever_level(LeverUnit::YesNo, value),
    }
}

fn fate_text(fate: OfferFate) -> String {
    match fate {
        OfferFate::Pending => t!("table-fate-pending"),
        OfferFate::Accepted => t!("table-fate-accepted"),
        OfferFate::Rejected => t!("table-fate-rejected"),
        OfferFate::Countered => t!("table-fate-countered"),
        OfferFate::Lapsed => t!("table-fate-lapsed"),
    }
}

/// Draws the table; `draft` is the viewer's proposal (None when watching).
pub fn offer_panel(ui: &mut egui::Ui, view: &OfferView, draft: Option<&mut Package>) -> Option<OfferAction> {
    let mut draft = draft;
    offer_terms(ui, view, draft.as_deref_mut());
    ui.add_space(6.0);
    offer_actions(ui, view, draft.as_deref())
}

/// What is on the table and the grid of terms, with the viewer's proposal in its menus (None when watching).
pub fn offer_terms(ui: &mut egui::Ui, view: &OfferView, draft: Option<&mut Package>) {
    // The columns of terms: the other side's latest offer (or both sides' when watching).
    let shown: Vec<Side> = match view.viewer.side() {
        Some(me) => vec![me.other()],
        None => vec![Side::Us, Side::Partner],
    };
    offer_heading(ui, view);
    terms_grid(ui, view, &shown, draft);
}

/// Send, accept, pass and walk away (or whom the table waits for), for the viewer's `draft`; nothing when watching
/// or when the talks are over. The table keeps these in sight below the terms.
pub fn offer_actions(ui: &mut egui::Ui, view: &OfferView, draft: Option<&Package>) -> Option<OfferAction> {
    let state = view.state;
    let me = view.viewer.side()?;
    let draft = draft?;
    if state.is_over() {
        return None;
    }
    if !view.can_act {
        let waiting = if view.paused {
            t!("table-offer-paused")
        } else {
            let names = view.scenario.names();
            t!(
                "table-offer-waiting",
                name = side_in_sentence(names, state.to_move, names.label(state.to_move))
            )
        };
        ui.label(egui::RichText::new(waiting).italics().color(theme::MUTED));
        return None;
    }
    offer_buttons(ui, view, me, draft)
}

/// "The table", and what is on it.
fn offer_heading(ui: &mut egui::Ui, view: &OfferView) {
    let state = view.state;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(t!("table-offer-heading")).size(18.0).strong());
        match &state.offer {
            Some(offer) => {
                ui.label(t!("table-offer-on-the-table"));
                // The side's name in its colour, as `theme::side_text` draws it, in the language in play.
                let names = view.scenario.names();
                let name = side_in_sentence(names, offer.from, names.label(offer.from));
                ui.label(egui::RichText::new(name).color(theme::side_color(offer.from)).strong());
                ui.label(t!("table-offer-on-the-table-round", round = offer.round));
            }
            None => {
                ui.label(egui::RichText::new(t!("table-offer-nothing")).color(theme::MUTED));
            }
        }
    });
    if let Some((from, reasons)) = offer_reasons(state) {
        let names = view.scenario.names();
        let why = t!(
            "table-offer-reasons",
            name = side_in_sentence(names, from, names.short(from)),
            reasons = reasons
        );
        if theme::short_window(ui.ctx()) {
            theme::cut_label(ui, egui::RichText::new(why).italics(), "");
        } else {
            ui.label(egui::RichText::new(why).italics());
        }
    }
}

/// Why the offer on the table was made, with the side that made it: a computer player's reasons, if it gave any.
pub fn offer_reasons(state: &GameState) -> Option<(Side, String)> {
    let offer = state.offer.as_ref()?;
    let made = state
        .moves
        .iter()
        .rev()
        .find(|m| m.side == offer.from && matches!(m.mv, Move::Propose(_)))?;
    (!made.reasons.is_empty()).then(|| (offer.from, made.reasons.join(" ")))
}

/// The grid of terms: each issue's option in force, in the `shown` sides' latest offers, and in the draft (a menu
/// per issue when the viewer may act).
fn terms_grid(ui: &mut egui::Ui, view: &OfferView, shown: &[Side], mut draft: Option<&mut Package>) {
    let names = view.scenario.names();
    let state = view.state;
    let in_force = view.space.from_policy(&state.policy);
    let offers: Vec<Option<(u32, &Package, OfferFate)>> = shown.iter().map(|s| latest_offer(state, *s)).collect();
    // The issue names take what the value columns leave, wrapped when longer (the tooltip has them in full).
    let value_columns = 80.0 + 105.0 * shown.len() as f32 + if draft.is_some() { 125.0 } else { 0.0 };
    let name_width = (ui.available_width() - value_columns - 12.0 * (2 + shown.len()) as f32).clamp(110.0, 330.0);
    egui::Grid::new("terms")
        .striped(true)
        .num_columns(2 + shown.len() + usize::from(draft.is_some()))
        .spacing(egui::vec2(12.0, 3.0))
        .min_col_width(60.0)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(t!("table-terms-issue")).strong());
            ui.label(egui::RichText::new(t!("table-terms-in-force")).strong());
            for (side, offer) in shown.iter().zip(&offers) {
                let name = side_in_sentence(names, *side, names.short(*side));
                let (head, tip) = match offer {
                    Some((round, _, fate)) => (
                        t!("table-terms-offer-round", name = name.clone(), round = *round),
                        t!(
                            "table-terms-offer-made",
                            name = name,
                            round = *round,
                            fate = fate_text(*fate)
                        ),
                    ),
                    None => (t!("table-terms-offer", name = name), t!("table-terms-none-yet")),
                };
                ui.label(egui::RichText::new(head).strong().color(theme::side_color(*side)))
                    .on_hover_text(tip);
            }
            if draft.is_some() {
                ui.label(egui::RichText::new(t!("table-terms-your-proposal")).strong());
            }
            ui.end_row();
            let mut group = None;
            for (k, issue) in view.space.issues.iter().enumerate() {
                // Deal terms (an all-in ceiling, a cap, a quota) follow the partner's concessions under their own
                // heading.
                let is_term = matches!(issue.target, tradetable_core::rules::package::IssueTarget::Term(_));
                if group != Some((issue.owner, is_term)) {
                    group = Some((issue.owner, is_term));
                    let heading = match (issue.owner, is_term) {
                        (_, true) => t!("table-terms-us-deal-terms"),
                        (Side::Us, false) => t!("table-terms-us-tariffs"),
                        (Side::Partner, false) => t!(
                            "table-terms-partner-concessions",
                            name = side_in_sentence(names, Side::Partner, names.possessive(Side::Partner))
                        ),
                    };
                    ui.label(
                        egui::RichText::new(icons::with(icons::issue_family(issue.owner, is_term), &heading))
                            .small()
                            .strong()
                            .color(theme::side_color(issue.owner)),
                    );
                    ui.end_row();
                }
                let row = TermsRow {
                    k,
                    issue,
                    base: in_force.choice[k] as usize,
                    name_width,
                };
                terms_row(ui, view, &row, &offers, draft.as_deref_mut());
                ui.end_row();
            }
        });
}

/// One issue of the grid of terms.
struct TermsRow<'a> {
    k: usize,
    issue: &'a Issue,
    /// The option in force.
    base: usize,
    name_width: f32,
}

fn terms_row(
    ui: &mut egui::Ui,
    view: &OfferView,
    row: &TermsRow,
    offers: &[Option<(u32, &Package, OfferFate)>],
    draft: Option<&mut Package>,
) {
    let TermsRow {
        k,
        issue,
        base,
        name_width,
    } = *row;
    let name = short_name(&issue.name);
    let hover = glossary::hover_text(&format!("{}\n\n{}", issue.name, explanation(view.scenario, issue)), "");
    theme::column_name(
        ui,
        egui::RichText::new(name).color(theme::side_color(issue.owner)),
        name_width,
        &hover,
    );
    ui.label(option_text(view.scenario, issue, base));
    for offer in offers {
        match offer {
            Some((_, package, _)) => {
                let c = package.choice[k] as usize;
                let mut text = egui::RichText::new(option_text(view.scenario, issue, c));
                if c != base {
                    text = text.background_color(theme::CHANGED).strong();
                }
                ui.label(text);
            }
            None => {
                ui.label("–");
            }
        }
    }
    if let Some(draft) = draft {
        let current = draft.choice[k] as usize;
        let differs = offers
            .first()
            .and_then(|o| o.as_ref())
            .is_some_and(|(_, p, _)| p.choice[k] as usize != current);
        let mut text = egui::RichText::new(option_text(view.scenario, issue, current));
        if differs {
            text = text.strong();
        }
        ui.add_enabled_ui(view.can_act, |ui| {
            egui::ComboBox::from_id_salt(("draft", k))
                .width(110.0)
                .selected_text(text)
                .show_ui(ui, |ui| {
                    for option in 0..issue.options.len() {
                        if ui
                            .selectable_label(option == current, option_text(view.scenario, issue, option))
                            .clicked()
                        {
                            draft.choice[k] = option as u8;
                        }
                    }
                });
        });
    }
}

/// Send, accept, pass and walk away; and where to start the draft from (their offer, my last, what is in force, my
/// ideal), or the adviser's word.
fn offer_buttons(ui: &mut egui::Ui, view: &OfferView, me: Side, draft: &Package) -> Option<OfferAction> {
    let state = view.state;
    let in_force = view.space.from_policy(&state.policy);
    let mut action = None;
    let offer_to_me = state.offer_to(me).map(|o| o.package.clone());
    let proposal = cached_preview(ui, view, me, &Move::Propose(draft.clone()), "propose");
    let accept = offer_to_me
        .is_some()
        .then(|| cached_preview(ui, view, me, &Move::Accept, "accept"));
    let accept_warned = accept.as_ref().is_some_and(MovePreview::needs_confirmation);
    // The position (moves played) at which accepting was clicked once and waits for the second click.
    let armed_id = egui::Id::new("accept_armed");
    let accept_armed = ui.ctx().data(|d| d.get_temp::<usize>(armed_id)) == Some(state.moves.len());
    let short = theme::short_window(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        let send = if offer_to_me.is_some() {
            t!("table-send-counter-offer")
        } else {
            t!("table-send-proposal")
        };
        if ui
            .add(egui::Button::new(egui::RichText::new(send).strong()).fill(egui::Color32::from_rgb(206, 226, 232)))
            .on_hover_text(t!("table-send-proposal.tip"))
            .clicked()
        {
            action = Some(OfferAction::Play(Move::Propose(draft.clone())));
        }
        let accept_text = if accept_armed {
            egui::RichText::new(t!("table-accept-confirm"))
                .strong()
                .color(theme::BAD)
        } else if accept_warned {
            egui::RichText::new(format!("⚠ {}", t!("table-accept"))).color(theme::BAD)
        } else {
            egui::RichText::new(t!("table-accept"))
        };
        if ui
            .add_enabled(offer_to_me.is_some(), egui::Button::new(accept_text))
            .on_hover_text(t!("table-accept.tip"))
            .clicked()
        {
            if accept_warned && !accept_armed {
                ui.ctx().data_mut(|d| d.insert_temp(armed_id, state.moves.len()));
            } else {
                ui.ctx().data_mut(|d| d.remove::<usize>(armed_id));
                action = Some(OfferAction::Play(Move::Accept));
            }
        }
        let pass = if offer_to_me.is_some() {
            t!("table-reject")
        } else {
            t!("table-pass")
        };
        if ui.button(pass).on_hover_text(t!("table-pass.tip")).clicked() {
            action = Some(OfferAction::Play(Move::Pass));
        }
        if ui
            .button(egui::RichText::new(t!("table-walk-away")).color(theme::BAD))
            .on_hover_text(t!("table-walk-away.tip"))
            .clicked()
        {
            action = Some(OfferAction::ConfirmWalkAway);
        }
        if short {
            // A short window (a projector's large UI scale) keeps its rows for the terms: the starting points and
            // the adviser fold into one menu on the buttons' line.
            ui.menu_button(t!("table-more"), |ui| {
                theme::note(ui, t!("table-start-from"));
                let picked = start_from_buttons(ui, view, offer_to_me.as_ref(), &in_force, me);
                ui.separator();
                if let Some(chosen) = picked.or_else(|| ask_adviser_button(ui)) {
                    action = Some(chosen);
                    ui.close();
                }
            });
        }
    });
    if let Some(warning) = accept.as_ref().and_then(|p| p.warnings().next()) {
        let text = if accept_armed {
            t!("table-accept-warning-armed", warning = warning.text.clone())
        } else {
            format!("⚠ {}", warning.text)
        };
        ui.label(egui::RichText::new(text).color(theme::BAD));
    }
    proposal_preview(ui, &proposal);
    if !short {
        ui.horizontal_wrapped(|ui| {
            theme::note(ui, t!("table-start-from"));
            if let Some(picked) = start_from_buttons(ui, view, offer_to_me.as_ref(), &in_force, me) {
                action = Some(picked);
            }
            if let Some(asked) = ask_adviser_button(ui) {
                action = Some(asked);
            }
        });
    }
    action
}

/// The packages a proposal can start from (the offer on the table, the last one sent, what is in force, the ideal),
/// the one picked.
fn start_from_buttons(
    ui: &mut egui::Ui,
    view: &OfferView,
    offer_to_me: Option<&Package>,
    in_force: &Package,
    me: Side,
) -> Option<OfferAction> {
    let state = view.state;
    let mut action = None;
    if let Some(theirs) = offer_to_me
        && ui.small_button(t!("table-start-from-their-offer")).clicked()
    {
        action = Some(OfferAction::Draft(theirs.clone()));
    }
    if let Some((_, mine, _)) = latest_offer(state, me)
        && ui.small_button(t!("table-start-from-my-last-offer")).clicked()
    {
        action = Some(OfferAction::Draft(mine.clone()));
    }
    if ui.small_button(t!("table-start-from-in-force")).clicked() {
        action = Some(OfferAction::Draft(in_force.clone()));
    }
    if ui.small_button(t!("table-start-from-my-ideal")).clicked() {
        action = Some(OfferAction::Draft(view.space.best_for(me)));
    }
    action
}

/// The adviser's button: what a steady negotiator would do in the team's place.
fn ask_adviser_button(ui: &mut egui::Ui) -> Option<OfferAction> {
    ui.small_button(t!("table-ask-adviser"))
        .on_hover_text(t!("table-ask-adviser.tip"))
        .clicked()
        .then_some(OfferAction::AskAdviser)
}

/// What the proposal would meet if sent: the opponent's likely answer (its reasons on hover) and any note.
fn proposal_preview(ui: &mut egui::Ui, preview: &MovePreview) {
    if let Some(reaction) = &preview.reaction {
        let color = if reaction.accepts == Some(true) {
            theme::GOOD
        } else {
            theme::INK
        };
        let text = egui::RichText::new(t!("table-if-you-send-it", reaction = reaction.summary.clone())).color(color);
        if theme::short_window(ui.ctx()) {
            // One line in a short window, so the terms keep their rows; the whole text and the reasons on hover.
            theme::cut_label(ui, text, &reaction.reasons.join(" "));
        } else {
            let response = ui.label(text);
            if !reaction.reasons.is_empty() {
                response.on_hover_text(reaction.reasons.join(" "));
            }
        }
    }
    for check in preview.checks.iter().filter(|c| c.severity == Severity::Note) {
        theme::note(ui, format!("• {}", check.text));
    }
}

/// What a cached preview was worked out for: the move, and the position (moves played, round, news).
type PreviewKey = (Move, usize, u32, usize);

/// The core's preview of `mv` by `me`, worked out once per move and position and kept in egui's memory under
/// `slot`.
fn cached_preview(ui: &egui::Ui, view: &OfferView, me: Side, mv: &Move, slot: &str) -> MovePreview {
    let id = egui::Id::new(("move_preview", slot));
    let state = view.state;
    let key: PreviewKey = (mv.clone(), state.moves.len(), state.round, state.news.len());
    if let Some((at, preview)) = ui.ctx().data(|d| d.get_temp::<(PreviewKey, MovePreview)>(id))
        && at == key
    {
        return preview;
    }
    let preview = preview_move(view.scenario, state, mv, me, view.opponent);
    ui.ctx().data_mut(|d| d.insert_temp(id, (key, preview.clone())));
    preview
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offer_on_the_table_shows_why_it_was_made() {
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let space = PackageSpace::of(&scenario);
        let start = GameState::new(&scenario, 7);
        assert_eq!(offer_reasons(&start), None);
        let mut state = tradetable_core::apply(&scenario, &start, &Move::Propose(space.best_for(Side::Us)))
            .expect("an offer of the space is legal")
            .state;
        assert_eq!(offer_reasons(&state), None, "a person's offer gives no reasons");
        state.explain_last_move(vec!["Holds firm.".to_string(), "It is early.".to_string()]);
        assert_eq!(
            offer_reasons(&state),
            Some((Side::Us, "Holds firm. It is early.".to_string()))
        );
    }

    #[test]
    fn every_option_reads_in_english_as_the_core_writes_it() {
        use crate::game::i18n::{Language, with_language};
        for id in ["spring-2025", "eu-2025", "quarterly-review-2026"] {
            let scenario = tradetable_core::scenario::library::shipped(id)
                .expect("a shipped scenario")
                .load()
                .expect("it loads");
            let space = PackageSpace::of(&scenario);
            with_language(Language::English, || {
                for issue in &space.issues {
                    for option in 0..=issue.options.len() {
                        assert_eq!(
                            option_text(&scenario, issue, option),
                            issue.option_text(&scenario, option),
                            "{id}: {}",
                            issue.name
                        );
                    }
                }
            });
        }
    }

    #[test]
    fn a_side_is_named_as_the_language_in_play_writes_it() {
        use crate::game::i18n::{Language, with_language};
        let scenario = Scenario::builtin().expect("the built-in scenario loads");
        let names = scenario.names();
        let concessions = || {
            t!(
                "table-terms-partner-concessions",
                name = side_in_sentence(names, Side::Partner, names.possessive(Side::Partner))
            )
        };
        with_language(Language::English, || {
            assert_eq!(
                side_in_sentence(names, Side::Us, names.with_article(Side::Us)),
                "the United States"
            );
            assert_eq!(concessions(), "Japan's concessions");
        });
        with_language(Language::Japanese, || {
            assert_eq!(side_in_sentence(names, Side::Us, names.with_article(Side::Us)), "米国");
            assert_eq!(concessions(), format!("{}の譲歩", names.label(Side::Partner)));
        });
    }
}
