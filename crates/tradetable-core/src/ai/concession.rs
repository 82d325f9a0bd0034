//! Time-dependent concession: the target utility at each moment of the negotiation (DOMAIN.md §4).
//!
//! `u(t) = u_max − (u_max − u_reserve) · t^(1/e)`: e < 1 holds firm (Boulware), e = 1 concedes linearly, e > 1
//! concedes early (Conceder), and e = 0 never concedes (hardliner, GeniusWeb's form).

/// The target utility at normalised time `t` (0 at the first round, 1 at the deadline) for exponent `e`.
pub fn target_utility(t: f64, e: f64, max: f64, reserve: f64) -> f64 {
    if e <= 0.0 {
        return max;
    }
    let t = t.clamp(0.0, 1.0);
    max - (max - reserve) * power(t, 1.0 / e)
}

/// `x^y` for `x` in [0, 1] and `y ≥ 0`, by repeated multiplication and square roots only, so the result is the
/// same on every platform (`sqrt` is correctly rounded by IEEE 754; `powf` comes from the platform's libm).
pub fn power(x: f64, y: f64) -> f64 {
    if y <= 0.0 {
        return 1.0;
    }
    if x <= 0.0 {
        return 0.0;
    }
    let whole = y.floor();
    let mut result = 1.0;
    let mut n = whole as u64;
    let mut base = x;
    while n > 0 {
        if n & 1 == 1 {
            result *= base;
        }
        base *= base;
        n >>= 1;
    }
    // The fractional part, one binary digit at a time: x^(1/2), x^(1/4), ...
    let mut fraction = y - whole;
    let mut root = x;
    for _ in 0..40 {
        if fraction <= 0.0 {
            break;
        }
        root = root.sqrt();
        fraction *= 2.0;
        if fraction >= 1.0 {
            result *= root;
            fraction -= 1.0;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_matches_known_values() {
        assert_eq!(power(0.5, 2.0), 0.25);
        assert_eq!(power(0.25, 0.5), 0.5);
        assert!((power(0.3, 5.0) - 0.00243).abs() < 1e-15);
        assert!((power(0.7, 1.3) - 0.628_966_409_253_447_8).abs() < 1e-12);
        assert_eq!(power(0.0, 0.2), 0.0);
        assert_eq!(power(0.4, 0.0), 1.0);
    }

    #[test]
    fn a_boulware_target_stays_near_the_top_until_late() {
        let boulware = target_utility(0.5, 0.2, 1.0, 0.0);
        let linear = target_utility(0.5, 1.0, 1.0, 0.0);
        let conceder = target_utility(0.5, 2.0, 1.0, 0.0);
        assert!((boulware - (1.0 - 0.5f64.powi(5))).abs() < 1e-12);
        assert!((linear - 0.5).abs() < 1e-12);
        assert!(boulware > linear && linear > conceder);
    }

    #[test]
    fn every_curve_reaches_the_reserve_at_the_deadline_except_the_hardliner() {
        for e in [0.2, 1.0, 2.0] {
            assert!((target_utility(1.0, e, 0.9, 0.3) - 0.3).abs() < 1e-12);
            assert!((target_utility(0.0, e, 0.9, 0.3) - 0.9).abs() < 1e-12);
        }
        assert_eq!(target_utility(1.0, 0.0, 0.9, 0.3), 0.9);
    }
}
