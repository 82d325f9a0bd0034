//! The 2019 US–Japan Trade Agreement month by month: the Diet's vote on suspending it, under pressure from the
//! whole auto tariff and a weak cabinet, and the termination of an agreement left suspended with the tariff above
//! the line. The formulas are in `politics::usjta_hazard`; moves that suspend, restore or terminate it are in
//! `negotiation`.

use super::economy::UsjtaStatus;
use super::politics;
use super::scenario::Scenario;
use super::state::GameState;

/// What the Diet did this month.
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
/// suspension and what happened. `draw` is the month's uniform draw from the seeded generator.
pub fn monthly_vote(
    scenario: &Scenario,
    state: &mut GameState,
    auto_tariff_total: f64,
    japan_approval: f64,
    deal_signed: bool,
    draw: f64,
) -> (f64, Vote) {
    let rules = &scenario.usjta;
    let above = politics::auto_tariff_above_line(scenario, auto_tariff_total);
    let hazard = politics::usjta_hazard(scenario, auto_tariff_total, japan_approval);
    let vote = match state.policy.usjta {
        // A government that has just signed a deal does not walk out of the agreement the deal keeps.
        UsjtaStatus::InForce if deal_signed => {
            state.usjta_pressure_months = 0;
            Vote::Kept
        }
        UsjtaStatus::InForce => {
            state.usjta_pressure_months = if above { state.usjta_pressure_months + 1 } else { 0 };
            let certain = above && state.usjta_pressure_months >= rules.rounds_to_certain_suspension;
            if certain || draw < hazard {
                state.policy.usjta = UsjtaStatus::Suspended;
                state.usjta_suspended_months = 0;
                Vote::Suspended
            } else {
                Vote::Kept
            }
        }
        UsjtaStatus::Suspended => {
            state.usjta_suspended_months = if above { state.usjta_suspended_months + 1 } else { 0 };
            if state.usjta_suspended_months >= rules.terminate_after_rounds {
                state.policy.usjta = UsjtaStatus::Terminated;
                Vote::Terminated
            } else {
                Vote::Kept
            }
        }
        UsjtaStatus::Terminated => Vote::Kept,
    };
    (hazard, vote)
}
