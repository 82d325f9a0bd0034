//! The trade agreement month by month (the 2019 US–Japan Trade Agreement in the default scenario): the partner's
//! legislature's vote on suspending it, under pressure from the whole auto tariff and a weak cabinet, and the
//! termination of an agreement left suspended with the tariff above the line. The formulas are in `politics::trade_agreement_hazard`; moves that suspend, restore or terminate it are in
//! `negotiation`.

use crate::model::economy::TradeAgreementStatus;
use crate::model::politics;
use crate::rules::state::GameState;
use crate::scenario::schema::Scenario;

/// What the partner's legislature did this month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    /// Nothing changed.
    Kept,
    /// It suspended the agreement.
    Suspended,
    /// It terminated a suspended agreement.
    Terminated,
}

/// The month's vote: updates the months under pressure and the agreement's state; returns the month's chance of
/// suspension and what happened. `draw` is the month's uniform draw from the seeded generator. Nothing happens when
/// the scenario does not put suspension in play.
pub fn monthly_vote(
    scenario: &Scenario,
    state: &mut GameState,
    auto_tariff_total: f64,
    partner_approval: f64,
    deal_signed: bool,
    draw: f64,
) -> (f64, Vote) {
    let Some(rules) = scenario.suspension() else {
        return (0.0, Vote::Kept);
    };
    let above = politics::auto_tariff_above_line(scenario, auto_tariff_total);
    let hazard = politics::trade_agreement_hazard(scenario, auto_tariff_total, partner_approval);
    let vote = match state.policy.trade_agreement {
        // A government that has just signed a deal does not walk out of the agreement the deal keeps.
        TradeAgreementStatus::InForce if deal_signed => {
            state.trade_agreement_pressure_months = 0;
            Vote::Kept
        }
        TradeAgreementStatus::InForce => {
            state.trade_agreement_pressure_months = if above {
                state.trade_agreement_pressure_months + 1
            } else {
                0
            };
            let certain = above && state.trade_agreement_pressure_months >= rules.rounds_to_certain_suspension;
            if certain || draw < hazard {
                state.policy.trade_agreement = TradeAgreementStatus::Suspended;
                state.trade_agreement_suspended_months = 0;
                Vote::Suspended
            } else {
                Vote::Kept
            }
        }
        TradeAgreementStatus::Suspended => {
            state.trade_agreement_suspended_months = if above {
                state.trade_agreement_suspended_months + 1
            } else {
                0
            };
            if state.trade_agreement_suspended_months >= rules.terminate_after_rounds {
                state.policy.trade_agreement = TradeAgreementStatus::Terminated;
                Vote::Terminated
            } else {
                Vote::Kept
            }
        }
        TradeAgreementStatus::Terminated => Vote::Kept,
    };
    (hazard, vote)
}
