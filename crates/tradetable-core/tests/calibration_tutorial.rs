//! The tutorial is the default scenario made small: the same starting trade, three rounds, two levers a side.

use tradetable_core::GameState;
use tradetable_core::scenario::library::shipped;

#[test]
fn the_tutorial_starts_where_the_default_scenario_does() {
    let tutorial = shipped("tutorial").unwrap().load().unwrap();
    let full = shipped("spring-2025").unwrap().load().unwrap();
    let start = |s| GameState::new(s, 1).history[0].economy.clone();
    let (small, big) = (start(&tutorial), start(&full));
    assert!(
        (small.goods_deficit_bn - big.goods_deficit_bn).abs() < 1e-9,
        "the 2024 deficit of $68.5bn"
    );
    assert!(
        (small.goods_deficit_bn - 68.5).abs() < 0.5,
        "{}",
        small.goods_deficit_bn
    );
    assert_eq!(tutorial.rounds, 3);
    assert_eq!((tutorial.us_instruments.len(), tutorial.partner_levers.len()), (2, 2));
}
