//! Pledges for a fixed time (`ConcessionLever::ends_after_years`): how much of a lever's level is still delivered,
//! and still costs the partner, once some of it has run its course. A lever without an end computes exactly as
//! before: every factor here is then 1.

use crate::model::economy::{Steps, phased_share};
use crate::scenario::schema::{ConcessionEffect, ConcessionLever, LeverUnit};

/// 1 while a change of the level that took effect `age` months ago is still running, 0 once its years are over.
fn running(lever: &ConcessionLever, age: u32) -> f64 {
    match lever.ends_after_years {
        Some(years) if f64::from(age) >= years * 12.0 => 0.0,
        _ => 1.0,
    }
}

/// The level delivered this month: each change of the level phases in from the month it took effect, and stops when
/// its years are over.
pub fn delivered(lever: &ConcessionLever, steps: &Steps) -> f64 {
    steps
        .0
        .iter()
        .map(|step| step.amount * phased_share(lever.phase_in_months, step.age) * running(lever, step.age))
        .sum()
}

/// The yearly flow a delivered level stands for: a purchase pledged as a total (`Billions`) over its years flows at
/// `level / years` a year; any other level is already a yearly figure (an investment's `years` divide it apart).
pub fn yearly(lever: &ConcessionLever, delivered: f64) -> f64 {
    match (&lever.effect, lever.unit, lever.ends_after_years) {
        (ConcessionEffect::Purchase { .. }, LeverUnit::Billions, Some(years)) if years > 0.0 => delivered / years,
        _ => delivered,
    }
}

/// The partner's cost this month of a lever at `level`: `level × cost_per_unit` a year, less the part of the level
/// whose years are over.
pub fn cost(lever: &ConcessionLever, level: f64, steps: &Steps) -> f64 {
    match lever.ends_after_years {
        None => level * lever.cost_per_unit,
        Some(_) => {
            let over: f64 = steps
                .0
                .iter()
                .map(|step| step.amount * (1.0 - running(lever, step.age)))
                .sum();
            (level - over).max(0.0) * lever.cost_per_unit
        }
    }
}
