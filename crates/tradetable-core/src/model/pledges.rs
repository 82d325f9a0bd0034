//! Pledges for a fixed time (`ConcessionLever::ends_after_years`): how much of a lever's level is still delivered,
//! and still costs the partner, once some of it has run its course (`economy::evaluate` sums it over the level's
//! changes). A lever without an end computes exactly as
//! before: every factor here is then 1.

use crate::scenario::schema::{ConcessionEffect, ConcessionLever, LeverUnit};

/// 1 while a change of the level that took effect `age` months ago is still running, 0 once its years are over.
pub fn running(lever: &ConcessionLever, age: u32) -> f64 {
    match lever.ends_after_years {
        Some(years) if f64::from(age) >= years * 12.0 => 0.0,
        _ => 1.0,
    }
}

/// The yearly flow a delivered level stands for: a purchase pledged as a total (`Billions`) over its years flows at
/// `level / years` a year; any other level is already a yearly figure (an investment's `years` divide it apart).
pub fn yearly(lever: &ConcessionLever, delivered: f64) -> f64 {
    match (&lever.effect, lever.unit, lever.ends_after_years) {
        (ConcessionEffect::Purchase { .. }, LeverUnit::Billions, Some(years)) if years > 0.0 => delivered / years,
        _ => delivered,
    }
}
