//! Competing suppliers in the model: how the tariffs the US puts on the partner's rivals move US imports from the
//! partner (the Armington substitution of `docs/model.md`, "Competing suppliers").
//!
//! A sector's import-demand elasticity ε measures how US imports from the partner answer a tariff on the partner
//! alone: buyers both buy less of the goods and switch to other suppliers. With a CES demand across suppliers whose
//! substitution elasticity is σ and a partner share `s`, that own response is `|ε| = σ(1 − s) + η s`, where η is the
//! response of the whole market to a price rise of every supplier. A rise `p` of the rivals' prices (share `r` of the
//! market) then raises the partner's volume by `(σ − η) r p`: when everyone faces the same tariff, the partner loses
//! only `η p`, not `|ε| p`.

use crate::scenario::rivals::RivalSector;

/// The partner's volume response to a relative rise of its rivals' prices, for a sector whose own import-demand
/// elasticity is `own_elasticity` (negative), under substitution elasticity `sigma`: `(σ − η) r`, with η the market's
/// response implied by ε, σ and the partner's share, never below 0 (σ is capped at the level ε allows, so the
/// market never grows when every price rises).
pub fn cross_response(own_elasticity: f64, sigma: f64, rival: &RivalSector) -> f64 {
    let own = own_elasticity.abs();
    let partner = rival.partner_share;
    let others = 1.0 - partner;
    if partner <= 0.0 || others <= 0.0 {
        return 0.0;
    }
    // σ(1 − s) may not exceed |ε|: the switching part of the own response cannot be larger than the whole.
    let sigma = sigma.min(own / others);
    let market = (own - sigma * others) / partner;
    ((sigma - market) * rival.rivals_share).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rival(partner_share: f64, rivals_share: f64) -> RivalSector {
        RivalSector {
            sector: "autos".into(),
            partner_share,
            rivals_share,
            tariffs: Vec::new(),
            source: "test".into(),
        }
    }

    #[test]
    fn a_tariff_on_every_supplier_leaves_only_the_market_response() {
        // ε = −2, σ = 2.5, partner share 0.2, every other supplier a rival: η = (2 − 2.5 × 0.8) / 0.2 = 0, so the
        // rivals' response (2.5 − 0) × 0.8 = 2 cancels the whole own response.
        let cross = cross_response(-2.0, 2.5, &rival(0.2, 0.8));
        assert!((cross - 2.0).abs() < 1e-12, "{cross}");
        // With σ = 1.5: η = (2 − 1.2) / 0.2 = 4, larger than σ: rivals' prices would not help (clamped to 0).
        assert_eq!(cross_response(-2.0, 1.5, &rival(0.2, 0.8)), 0.0);
    }

    #[test]
    fn the_response_grows_with_the_rivals_share_and_vanishes_without_rivals() {
        let small = cross_response(-2.0, 2.5, &rival(0.22, 0.2));
        let large = cross_response(-2.0, 2.5, &rival(0.22, 0.4));
        assert!(large > small && small > 0.0);
        assert_eq!(cross_response(-2.0, 2.5, &rival(0.22, 0.0)), 0.0);
        assert_eq!(cross_response(-2.0, 2.5, &rival(0.0, 0.5)), 0.0);
    }
}
