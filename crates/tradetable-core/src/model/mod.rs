//! The economic and political model, as functions of a scenario and a policy: sector flows, the deficit, tariff
//! revenue and prices (`economy`), approval and the agreement's hazard (`politics`), deal terms in the tariff (`terms`), competing suppliers (`rivals`), the partner's counter-tariffs (`retaliation`), pledges for a fixed time
//! (`pledges`), and the backtest that plays the
//! policy really in force through the model against what was observed (`backtest`). It knows nothing of moves or
//! turns; it imports only `scenario`.

pub mod backtest;
pub mod economy;
pub mod pledges;
pub mod politics;
pub mod retaliation;
pub mod rivals;
pub mod terms;
