//! The shipped guardrails corpus, scored: every rule must find at least 95% of
//! what it should and flag at most 5% of what it should not.

use herald_core::guardrails::corpus;

#[test]
fn every_rule_meets_its_recall_and_false_positive_targets_on_the_corpus() {
    let source = include_str!("../corpus/guardrails.txt");
    let entries = corpus::parse(source).expect("the corpus follows its format");
    assert!(entries.len() >= 150, "only {} entries", entries.len());
    let report = corpus::score(&entries);
    for score in &report.scores {
        assert!(
            score.recall() >= 0.95 && score.false_positive_rate() <= 0.05,
            "{:?} misses its targets:\n{report}",
            score.rule
        );
        if let Some(rule) = score.rule {
            // A rule with no labelled examples would pass vacuously.
            assert!(
                score.true_positives + score.false_negatives >= 12,
                "{} has too few positive examples",
                rule.as_str()
            );
        }
    }
}
