//! The labelled corpus format and the precision/recall report over it.
//!
//! One entry per line: `audience[+flag...] | expected rule ids | sentence`.
//! - `audience` is `customers`, `executives`, `internal` or `incident_channel`;
//!   the shipped strictness for that audience applies (internal allows jargon,
//!   the incident channel is unchecked).
//! - flags: `+eta_confirmed` (the IC sync confirms the ETA) and `+gate_open`
//!   (the resolution gate is open). Without them, neither holds.
//! - expected rule ids are comma-separated, or `-` for a clean sentence.
//! - the sentence is the rest of the line, taken exactly.
//!
//! Blank lines and lines starting with `#` are ignored. Directives set
//! something for the lines after them:
//! - `@glossary Term, Another term`: the codename glossary;
//! - `@roster Ana Lima, Bo Chen`: the people whose names are always caught;
//! - `@organisation Acme, Acme Cloud`: the names the writer's own
//!   organisation goes by (the setting of that name); empty when the page
//!   does not say who wrote it;
//! - `@source https://…`: where the sentences were taken from, verbatim;
//! - `@split tune` or `@split heldout`: which half they belong to. Rules are
//!   changed by looking at the tune half only; the held-out half is scored,
//!   and its disagreements are never printed. Without `@split`, `tune`.

pub mod intervals;

use std::collections::BTreeSet;
use std::fmt;

use super::{GuardrailSettings, LintContext, Rule, lint, lint_by_patterns};
use crate::terms::Audience;

/// Which half of a corpus a sentence belongs to, decided once when it was
/// collected and recorded in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Split {
    Tune,
    HeldOut,
}

impl Split {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tune => "tune",
            Self::HeldOut => "heldout",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub line: usize,
    pub split: Split,
    /// The address the sentence was taken from (empty for written examples).
    pub source: String,
    pub audience: Audience,
    pub eta_confirmed: bool,
    pub gate_open: bool,
    pub glossary: Vec<String>,
    pub roster: Vec<String>,
    pub organisation: Vec<String>,
    pub expected: BTreeSet<Rule>,
    pub text: String,
}

/// A line that does not follow the format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct CorpusError {
    pub line: usize,
    pub message: String,
}

/// The sentences of a corpus file, in file order, joined into one text of
/// `chars` characters: a long draft of real wording for the benches. (The
/// corpus is passed in, not compiled into the app.)
pub fn joined_sentences(corpus: &str, chars: usize) -> String {
    let mut text = String::new();
    for line in corpus.lines().filter(|l| !l.starts_with(['#', '@'])) {
        if let Some(sentence) = line.splitn(3, '|').nth(2) {
            text.push_str(sentence.trim());
            text.push(' ');
        }
        if text.len() > chars * 2 {
            break;
        }
    }
    text.chars().take(chars).collect()
}

pub fn parse(source: &str) -> Result<Vec<Entry>, CorpusError> {
    let mut entries = Vec::new();
    let mut glossary: Vec<String> = Vec::new();
    let mut roster: Vec<String> = Vec::new();
    let mut organisation: Vec<String> = Vec::new();
    let mut source_address = String::new();
    let mut split = Split::Tune;
    for (index, raw) in source.lines().enumerate() {
        let line = index + 1;
        let fail = |message: String| CorpusError { line, message };
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(terms) = trimmed.strip_prefix("@glossary") {
            glossary = listed(terms);
            continue;
        }
        if let Some(names) = trimmed.strip_prefix("@roster") {
            roster = listed(names);
            continue;
        }
        if let Some(names) = trimmed.strip_prefix("@organisation") {
            organisation = listed(names);
            continue;
        }
        if let Some(address) = trimmed.strip_prefix("@source") {
            source_address = address.trim().to_owned();
            continue;
        }
        if let Some(half) = trimmed.strip_prefix("@split") {
            split = match half.trim() {
                "tune" => Split::Tune,
                "heldout" => Split::HeldOut,
                other => return Err(fail(format!("unknown split {other:?}"))),
            };
            continue;
        }
        let mut fields = raw.splitn(3, '|');
        let (Some(head), Some(rules), Some(text)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(fail("expected `audience | rule ids | sentence`".to_owned()));
        };
        let mut head = head.trim().split('+');
        let audience_text = head.next().unwrap_or_default();
        let audience = Audience::parse(audience_text)
            .ok_or_else(|| fail(format!("unknown audience {audience_text:?}")))?;
        let (mut eta_confirmed, mut gate_open) = (false, false);
        for flag in head {
            match flag {
                "eta_confirmed" => eta_confirmed = true,
                "gate_open" => gate_open = true,
                other => return Err(fail(format!("unknown flag {other:?}"))),
            }
        }
        let mut expected = BTreeSet::new();
        let rules = rules.trim();
        if rules != "-" {
            for id in rules.split(',').map(str::trim) {
                expected.insert(
                    Rule::parse(id).ok_or_else(|| fail(format!("unknown rule id {id:?}")))?,
                );
            }
        }
        let text = text.trim();
        if text.is_empty() {
            return Err(fail("the sentence is empty".to_owned()));
        }
        entries.push(Entry {
            line,
            split,
            source: source_address.clone(),
            audience,
            eta_confirmed,
            gate_open,
            glossary: glossary.clone(),
            roster: roster.clone(),
            organisation: organisation.clone(),
            expected,
            text: text.to_owned(),
        });
    }
    Ok(entries)
}

/// A directive's comma-separated list, each entry trimmed, blanks dropped.
fn listed(terms: &str) -> Vec<String> {
    terms
        .split(',')
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Confusion counts for one rule over the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RuleScore {
    pub rule: Option<Rule>,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
}

impl RuleScore {
    fn ratio(top: usize, bottom: usize) -> f64 {
        if bottom == 0 {
            1.0
        } else {
            top as f64 / bottom as f64
        }
    }

    pub fn precision(&self) -> f64 {
        Self::ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        Self::ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Adds another count of the same rule (another page, another entry).
    pub fn add(&mut self, other: &RuleScore) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.true_negatives += other.true_negatives;
    }

    pub fn false_positive_rate(&self) -> f64 {
        if self.false_positives + self.true_negatives == 0 {
            0.0
        } else {
            self.false_positives as f64 / (self.false_positives + self.true_negatives) as f64
        }
    }
}

/// An entry where the linter and the label disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub line: usize,
    pub text: String,
    pub expected: BTreeSet<Rule>,
    pub found: BTreeSet<Rule>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub entries: usize,
    /// One score per rule, then the total over all rules (`rule: None`).
    pub scores: Vec<RuleScore>,
    pub disagreements: Vec<Disagreement>,
}

/// Lints every entry with its audience's shipped strictness and scores it.
/// The rules the linter finds in one entry, under its audience's shipped
/// strictness, its flags, its glossary, roster and organisation.
pub fn findings(entry: &Entry, settings: &GuardrailSettings) -> BTreeSet<Rule> {
    findings_by(lint, entry, settings)
}

/// [`findings`] by the hand-written patterns alone, without the learned model.
pub fn pattern_findings(entry: &Entry, settings: &GuardrailSettings) -> BTreeSet<Rule> {
    findings_by(lint_by_patterns, entry, settings)
}

fn findings_by(
    lint: fn(&str, &LintContext<'_>) -> Vec<super::Finding>,
    entry: &Entry,
    settings: &GuardrailSettings,
) -> BTreeSet<Rule> {
    let context = LintContext {
        eta_confirmed: entry.eta_confirmed,
        resolution_allowed: entry.gate_open,
        glossary: &entry.glossary,
        names: &entry.roster,
        ourselves: &entry.organisation,
    };
    settings
        .apply(entry.audience, lint(&entry.text, &context))
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

pub fn score(entries: &[Entry]) -> Report {
    let settings = GuardrailSettings::defaults();
    let mut scores: Vec<RuleScore> = Rule::ALL
        .into_iter()
        .map(|rule| RuleScore {
            rule: Some(rule),
            ..RuleScore::default()
        })
        .collect();
    let mut disagreements = Vec::new();
    for entry in entries {
        let found = findings(entry, &settings);
        for score in &mut scores {
            let rule = score.rule.unwrap_or(Rule::Speculation);
            match (entry.expected.contains(&rule), found.contains(&rule)) {
                (true, true) => score.true_positives += 1,
                (false, true) => score.false_positives += 1,
                (true, false) => score.false_negatives += 1,
                (false, false) => score.true_negatives += 1,
            }
        }
        if found != entry.expected {
            disagreements.push(Disagreement {
                line: entry.line,
                text: entry.text.clone(),
                expected: entry.expected.clone(),
                found,
            });
        }
    }
    let mut total = RuleScore::default();
    for s in &scores {
        total.add(s);
    }
    scores.push(total);
    Report {
        entries: entries.len(),
        scores,
        disagreements,
    }
}

/// One report for several (the pages of a half, scored one by one): counts
/// added rule by rule, disagreements in order.
pub fn sum(reports: &[Report]) -> Report {
    let mut scores: Vec<RuleScore> = reports
        .first()
        .map(|r| {
            r.scores
                .iter()
                .map(|s| RuleScore {
                    rule: s.rule,
                    ..RuleScore::default()
                })
                .collect()
        })
        .unwrap_or_default();
    for report in reports {
        for (sum, s) in scores.iter_mut().zip(&report.scores) {
            sum.add(s);
        }
    }
    Report {
        entries: reports.iter().map(|r| r.entries).sum(),
        scores,
        disagreements: reports
            .iter()
            .flat_map(|r| r.disagreements.clone())
            .collect(),
    }
}

fn ids(rules: &BTreeSet<Rule>) -> String {
    if rules.is_empty() {
        "-".to_owned()
    } else {
        rules
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The two halves of a corpus. A held-out sentence that the tune half also
/// holds word for word (a statement two pages quoted, or a stock apology)
/// has been seen while tuning, so it is left out of the held-out half;
/// `repeated` counts those left out.
#[derive(Debug, Default)]
pub struct Halves {
    pub tune: Vec<Entry>,
    pub held_out: Vec<Entry>,
    pub repeated: usize,
}

pub fn halves(entries: Vec<Entry>) -> Halves {
    let key = |entry: &Entry| entry.text.trim().to_lowercase();
    let (tune, held_out): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| e.split == Split::Tune);
    let seen: BTreeSet<String> = tune.iter().map(key).collect();
    let all = held_out.len();
    let held_out: Vec<Entry> = held_out
        .into_iter()
        .filter(|entry| !seen.contains(&key(entry)))
        .collect();
    Halves {
        repeated: all - held_out.len(),
        tune,
        held_out,
    }
}

/// A report's scores without its disagreements: how a held-out half is
/// shown, so its sentences never steer a rule change.
#[derive(Debug)]
pub struct ScoresOnly<'a>(pub &'a Report);

impl fmt::Display for ScoresOnly<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.table(f)
    }
}

impl Report {
    fn table(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} labelled sentences", self.entries)?;
        writeln!(
            f,
            "{:<22} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "rule", "tp", "fp", "fn", "precision", "recall", "fpr"
        )?;
        for s in &self.scores {
            writeln!(
                f,
                "{:<22} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
                s.rule.map_or("all rules", Rule::as_str),
                s.true_positives,
                s.false_positives,
                s.false_negatives,
                s.precision(),
                s.recall(),
                s.false_positive_rate()
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.table(f)?;
        for d in &self.disagreements {
            writeln!(
                f,
                "line {}: expected {}, found {}: {}",
                d.line,
                ids(&d.expected),
                ids(&d.found),
                d.text
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_parses_flags_rules_and_glossary() {
        let source = "# comment\n\n@glossary Kite, Bluebird\ncustomers+eta_confirmed+gate_open | blame, jargon | A | b\nexecutives | - | Clean.\n";
        let entries = parse(source).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].line, 4);
        assert!(entries[0].eta_confirmed && entries[0].gate_open);
        assert_eq!(entries[0].text, "A | b");
        assert_eq!(entries[0].glossary, ["Kite", "Bluebird"]);
        assert_eq!(
            entries[0].expected.iter().copied().collect::<Vec<_>>(),
            [Rule::Blame, Rule::Jargon]
        );
        assert!(entries[1].expected.is_empty());
        assert_eq!(entries[0].split, Split::Tune);
    }

    #[test]
    fn the_organisation_applies_until_the_next_one_and_empty_clears_it() {
        let source = "@organisation okta, Okta Inc\ncustomers | - | Okta experienced errors.\n@organisation\ncustomers | blame | Okta experienced errors.\n";
        let entries = parse(source).unwrap();
        assert_eq!(entries[0].organisation, ["okta", "Okta Inc"]);
        assert!(entries[1].organisation.is_empty());
        let settings = GuardrailSettings::defaults();
        // Okta's own page speaks of itself; without a name, Herald guesses
        // the same from the missing "we".
        assert!(findings(&entries[0], &settings).is_empty());
        assert!(findings(&entries[1], &settings).is_empty());
        let press = parse("@organisation theverge\ncustomers | blame | Okta experienced errors.\n")
            .unwrap();
        assert_eq!(
            findings(&press[0], &settings)
                .into_iter()
                .collect::<Vec<_>>(),
            [Rule::Blame]
        );
    }

    #[test]
    fn sources_and_splits_apply_to_the_lines_after_them() {
        let source = "customers | - | Written.\n@source https://status.example.com/incidents/1\n@split heldout\ncustomers | blame | Taken.\n@split tune\ncustomers | - | Tuned.\n";
        let entries = parse(source).unwrap();
        let seen: Vec<_> = entries
            .iter()
            .map(|e| (e.split, e.source.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (Split::Tune, ""),
                (Split::HeldOut, "https://status.example.com/incidents/1"),
                (Split::Tune, "https://status.example.com/incidents/1"),
            ]
        );
        assert_eq!(
            parse(
                "@split later
"
            )
            .unwrap_err()
            .to_string(),
            "line 1: unknown split \"later\""
        );
        let held = score(&entries[1..2]);
        let shown = ScoresOnly(&held).to_string();
        assert!(
            held.to_string().contains("Taken."),
            "the full report names it"
        );
        assert!(shown.contains("1 labelled sentences") && !shown.contains("Taken."));
    }

    #[test]
    fn bad_lines_are_named() {
        let cases = [
            ("nope", "line 1: expected `audience | rule ids | sentence`"),
            ("vips | - | x", "line 1: unknown audience \"vips\""),
            ("customers+drill | - | x", "line 1: unknown flag \"drill\""),
            (
                "customers | gossip | x",
                "line 1: unknown rule id \"gossip\"",
            ),
            ("\ncustomers | - |  ", "line 2: the sentence is empty"),
        ];
        for (source, message) in cases {
            assert_eq!(parse(source).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn scores_count_each_kind_of_outcome() {
        let entries = parse(
            "customers | speculation | We think it broke.\ncustomers | - | We think so.\ncustomers | blame | All good here.\ncustomers | - | Fine.\n",
        )
        .unwrap();
        let report = score(&entries);
        let speculation = report.scores[0];
        assert_eq!(
            (
                speculation.true_positives,
                speculation.false_positives,
                speculation.true_negatives
            ),
            (1, 1, 2)
        );
        assert_eq!(report.scores[1].false_negatives, 1);
        assert_eq!(report.disagreements.len(), 2);
        assert!(
            report
                .to_string()
                .contains("line 2: expected -, found speculation")
        );
    }
}
