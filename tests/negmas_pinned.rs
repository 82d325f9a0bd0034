//! The bargaining engine reaches the agreements NegMAS reached: every case of the recorded comparison
//! (tests/fixtures/negmas-recorded.csv, from benches/negmas/compare.sh) replayed in `cargo test`, with no Python.

use std::path::PathBuf;

use tradetable_core::bargaining::{Domain, Strategy, negotiate};

#[test]
fn every_recorded_negmas_agreement_is_reached_at_the_same_step() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_path(root.join("tests/fixtures/negmas-recorded.csv"))
        .unwrap();
    let mut cases = 0;
    let mut agreements = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let (domain_id, a, b) = (&row[0], &row[1], &row[2]);
        let steps: u32 = row[3].parse().unwrap();
        let text = std::fs::read_to_string(root.join(format!("benches/negmas/domains/{domain_id}.ron"))).unwrap();
        let domain = Domain::from_ron_str(&text).unwrap();
        let a: Strategy = a.parse().unwrap();
        let b: Strategy = b.parse().unwrap();
        let trace = negotiate(&domain, a, b, steps);
        let ours = trace.agreement.as_ref().map_or("-".to_string(), |o| o.join(" / "));
        let step = trace.agreement_step.map_or("-".to_string(), |s| s.to_string());
        assert_eq!(
            (ours.as_str(), step.as_str()),
            (&row[4], &row[5]),
            "{domain_id}, {} vs {}, {steps} steps",
            a.name(),
            b.name()
        );
        cases += 1;
        agreements += usize::from(trace.agreement.is_some());
    }
    assert_eq!(cases, 128, "every recorded case was replayed");
    assert!(agreements > 60, "{agreements} agreements");
}
