//! How far the held-out scores could move by chance.
//!
//! A held-out half of a few thousand sentences from a few hundred pages
//! still measures a rule on few positives (speculation and person names on
//! under a hundred), and sentences of one page share a writer and a
//! phrasing, so they are not independent draws. A page-level bootstrap
//! says how much that matters: draw as many pages as the half holds, with
//! replacement, score the draw, and repeat; the middle 95 % of the draws'
//! precision and recall is the interval printed beside each score. Two
//! scores whose intervals overlap widely are not told apart by the corpus.
//!
//! The draws come from a fixed seed, so the report prints the same
//! intervals on every run and a change to the rules is the only thing that
//! moves them.

use std::fmt;

use super::{Entry, Report, RuleScore, score};
use crate::guardrails::Rule;

/// How many resampled halves each interval is read from.
pub const DRAWS: usize = 1000;
/// The seed of the draws: any fixed number, so reports can be compared.
pub const SEED: u64 = 15;

/// The middle 95 % of one score over the draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// One rule's intervals (`rule: None` for all rules together).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleInterval {
    pub rule: Option<Rule>,
    pub precision: Interval,
    pub recall: Interval,
}

/// The intervals of a half, with how many pages they were drawn from.
#[derive(Debug, Clone, PartialEq)]
pub struct Intervals {
    pub pages: usize,
    pub draws: usize,
    pub rules: Vec<RuleInterval>,
}

/// Scores each page of `entries` on its own, in the order of their
/// addresses (the seed's draws are read against that order): a page is a
/// run of entries from one `@source` (entries with none are one page).
pub fn page_reports(entries: &[Entry]) -> Vec<Report> {
    let mut pages: Vec<&[Entry]> = entries.chunk_by(|a, b| a.source == b.source).collect();
    pages.sort_by_key(|page| page[0].source.as_str());
    pages.into_iter().map(score).collect()
}

/// Resamples whole pages' confusion counts; `pages` holds one report per
/// page, all with the same rules in the same order.
pub fn bootstrap(pages: &[Report], draws: usize, seed: u64) -> Intervals {
    let rules: Vec<Option<Rule>> = pages
        .first()
        .map(|page| page.scores.iter().map(|s| s.rule).collect())
        .unwrap_or_default();
    let mut precision: Vec<Vec<f64>> = vec![Vec::with_capacity(draws); rules.len()];
    let mut recall: Vec<Vec<f64>> = vec![Vec::with_capacity(draws); rules.len()];
    let mut rng = fastrand::Rng::with_seed(seed);
    for _ in 0..draws {
        let mut sums: Vec<RuleScore> = rules
            .iter()
            .map(|&rule| RuleScore {
                rule,
                ..RuleScore::default()
            })
            .collect();
        for _ in 0..pages.len() {
            let page = &pages[rng.usize(..pages.len())];
            for (sum, s) in sums.iter_mut().zip(&page.scores) {
                sum.add(s);
            }
        }
        for (k, sum) in sums.iter().enumerate() {
            precision[k].push(sum.precision());
            recall[k].push(sum.recall());
        }
    }
    Intervals {
        pages: pages.len(),
        draws,
        rules: rules
            .iter()
            .enumerate()
            .map(|(k, &rule)| RuleInterval {
                rule,
                precision: middle(&mut precision[k]),
                recall: middle(&mut recall[k]),
            })
            .collect(),
    }
}

/// The 2.5th and 97.5th percentiles (nearest rank).
fn middle(values: &mut [f64]) -> Interval {
    if values.is_empty() {
        return Interval {
            low: f64::NAN,
            high: f64::NAN,
        };
    }
    values.sort_by(f64::total_cmp);
    let last = values.len() - 1;
    let at = |q: f64| values[((q * last as f64).round() as usize).min(last)];
    Interval {
        low: at(0.025),
        high: at(0.975),
    }
}

impl fmt::Display for Intervals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "95 % intervals by page ({} draws of {} pages, with replacement)",
            self.draws, self.pages
        )?;
        writeln!(f, "{:<22} {:>13} {:>13}", "rule", "precision", "recall")?;
        for r in &self.rules {
            let span = |i: Interval| format!("{:.3}-{:.3}", i.low, i.high);
            writeln!(
                f,
                "{:<22} {:>13} {:>13}",
                r.rule.map_or("all rules", Rule::as_str),
                span(r.precision),
                span(r.recall)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guardrails::corpus::parse;

    fn counts(tp: usize, fp: usize, fn_: usize, tn: usize) -> Report {
        Report {
            entries: tp + fp + fn_ + tn,
            scores: vec![RuleScore {
                rule: Some(Rule::Blame),
                true_positives: tp,
                false_positives: fp,
                false_negatives: fn_,
                true_negatives: tn,
            }],
            disagreements: Vec::new(),
        }
    }

    #[test]
    fn pages_that_all_score_alike_leave_no_room_for_chance() {
        let pages = vec![counts(3, 1, 1, 10); 40];
        let intervals = bootstrap(&pages, 200, SEED);
        let blame = intervals.rules[0];
        assert_eq!(
            blame.precision,
            Interval {
                low: 0.75,
                high: 0.75
            }
        );
        assert_eq!(
            blame.recall,
            Interval {
                low: 0.75,
                high: 0.75
            }
        );
    }

    #[test]
    fn the_interval_holds_the_score_and_narrows_with_more_pages() {
        // Half the pages find everything, half find nothing: recall 0.5.
        let mixed = |n: usize| -> Vec<Report> {
            (0..n)
                .map(|i| {
                    if i % 2 == 0 {
                        counts(2, 0, 0, 5)
                    } else {
                        counts(0, 0, 2, 5)
                    }
                })
                .collect()
        };
        let few = bootstrap(&mixed(20), DRAWS, SEED).rules[0].recall;
        let many = bootstrap(&mixed(400), DRAWS, SEED).rules[0].recall;
        assert!(few.low < 0.5 && 0.5 < few.high, "{few:?}");
        assert!(many.low < 0.5 && 0.5 < many.high, "{many:?}");
        assert!(
            many.high - many.low < (few.high - few.low) / 2.0,
            "twenty times the pages should narrow it: {few:?} against {many:?}"
        );
    }

    #[test]
    fn the_same_seed_draws_the_same_intervals() {
        let pages: Vec<Report> = (0..30).map(|i| counts(i % 4, i % 3, i % 2, 6)).collect();
        assert_eq!(bootstrap(&pages, 300, SEED), bootstrap(&pages, 300, SEED));
    }

    #[test]
    fn a_page_is_one_source_and_its_sentences_move_together() {
        // Two pages: one whose two blame sentences are both found, one whose
        // two are both missed. A draw takes a page whole, so recall is 0,
        // 0.5 or 1 and never 0.25 or 0.75.
        let source = "@source https://a.example/1\ncustomers | blame | The outage was caused by a failure at AWS.\ncustomers | blame | This was caused by an outage at our DNS provider.\n@source https://b.example/2\ncustomers | blame | The update went out late.\ncustomers | blame | Pages loaded slowly.\n";
        let entries = parse(source).unwrap();
        let whole =
            score(&entries).scores[Rule::ALL.iter().position(|r| *r == Rule::Blame).unwrap()];
        assert_eq!(
            (whole.true_positives, whole.false_negatives),
            (2, 2),
            "{whole:?}"
        );
        let intervals = bootstrap(&page_reports(&entries), 500, SEED);
        assert_eq!(intervals.pages, 2);
        let blame = intervals
            .rules
            .iter()
            .find(|r| r.rule == Some(Rule::Blame))
            .unwrap();
        assert_eq!(
            blame.recall,
            Interval {
                low: 0.0,
                high: 1.0
            }
        );
    }
}
