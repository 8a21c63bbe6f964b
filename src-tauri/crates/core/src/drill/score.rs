//! The score card at the end of a drill, worked out from the drill
//! incident's record with the same metrics the postmortem uses, plus how the
//! lead answered what the scenario threw at them.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Inject, Scenario};
use crate::guardrails::Rule;
use crate::postmortem::export::{PostmortemRecord, duration};
use crate::promises::PromiseSummary;
use crate::terms::{Audience, Status};
use crate::timeline::{EventKind, TimelineEvent};

/// How long a ping may wait for an update to executives before it counts as
/// unanswered: one executive cadence at SEV1.
const PING_ANSWER: i64 = 15 * 60;

/// One line of the card: what was measured, what happened, and whether it
/// was good (none when there is nothing to judge).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScoreLine {
    pub label: String,
    pub value: String,
    pub good: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScoreCard {
    pub scenario: String,
    /// Who ran the drill (the drill incident's comms lead).
    pub person: String,
    /// When the drill was run, in the simulated clock's time.
    pub declared_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    /// Out of 100: deadlines 30, promises kept 10, pings 15, the all-clear
    /// held 15, wording 10, the gate 10, handoffs 10. A part the drill did
    /// not test (no ping, no promise judged) counts in full.
    pub points: u32,
    pub lines: Vec<ScoreLine>,
}

impl ScoreCard {
    /// The card as Markdown, for the team's practice log.
    pub fn markdown(&self) -> String {
        let mut text = format!(
            "# Drill score: {}\n\n{} ran it on {}. Score: **{} / 100**.\n\n| | |\n| --- | --- |\n",
            cell(&self.scenario),
            cell(&self.person),
            self.declared_at.format("%Y-%m-%d %H:%M UTC"),
            self.points
        );
        for line in &self.lines {
            let mark = match line.good {
                Some(true) => "✓ ",
                Some(false) => "✗ ",
                None => "",
            };
            text.push_str(&format!(
                "| {} | {mark}{} |\n",
                cell(&line.label),
                cell(&line.value)
            ));
        }
        text
    }
}

/// Table cells keep to one line and cannot end the cell early.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
}

fn ratio(done: u32, asked: u32, weight: u32) -> u32 {
    (weight * done.min(asked))
        .checked_div(asked)
        .unwrap_or(weight)
}

/// Scores a drill from its record, as of `end` (simulated time).
pub fn score(
    scenario: &Scenario,
    record: &PostmortemRecord,
    promises: &PromiseSummary,
    end: DateTime<Utc>,
) -> ScoreCard {
    let events = &record.timeline;
    let metrics = &record.metrics;
    let mut lines = Vec::new();

    for audience in &metrics.audiences {
        lines.push(ScoreLine {
            label: format!("First update to {}", audience.audience.label()),
            value: match audience.first_update_after {
                Some(s) => format!("after {}", duration(s)),
                None if audience.missed == 0 => "none (no deadline passed)".into(),
                None => "never".into(),
            },
            // Quiet is fine until a deadline passes; a missed one is not.
            good: (audience.first_update_after.is_some() || audience.missed > 0)
                .then_some(audience.missed == 0),
        });
    }
    let met: u32 = metrics.audiences.iter().map(|a| a.on_time).sum();
    let missed: u32 = metrics.audiences.iter().map(|a| a.missed).sum();
    lines.push(ScoreLine {
        label: "Deadlines met".into(),
        value: format!("{met} met, {missed} missed"),
        good: Some(missed == 0),
    });
    let silence = metrics
        .audiences
        .iter()
        .map(|a| a.longest_silence)
        .max()
        .unwrap_or(0);
    lines.push(ScoreLine {
        label: "Longest silence".into(),
        value: duration(silence),
        good: None,
    });

    let (pings, answered) = pings_answered(events);
    lines.push(ScoreLine {
        label: "Pings answered with an executive update within 15 min".into(),
        value: format!("{answered} of {pings}"),
        good: (pings > 0).then_some(answered == pings),
    });
    let (pushes, held) = all_clear_held(events, end);
    lines.push(ScoreLine {
        label: "Pushes for an early all-clear withstood".into(),
        value: format!("{held} of {pushes}"),
        good: (pushes > 0).then_some(held == pushes),
    });
    let findings: usize = events
        .iter()
        .map(|e| match &e.kind {
            EventKind::GuardrailsOverridden { rules, .. } => rules.len(),
            _ => 0,
        })
        .sum();
    lines.push(ScoreLine {
        label: "Guardrail overrides".into(),
        value: format!(
            "{} ({findings} findings published past)",
            metrics.guardrail_overrides
        ),
        good: Some(metrics.guardrail_overrides == 0),
    });
    let (rules, broken) = wording_broken(scenario, record);
    if rules > 0 {
        lines.push(ScoreLine {
            label: "Wording rules kept".into(),
            value: if broken.is_empty() {
                "every update kept to them".into()
            } else {
                format!(
                    "{} update{} used a forbidden word ({})",
                    broken.len(),
                    if broken.len() == 1 { "" } else { "s" },
                    broken.join(", ")
                )
            },
            good: Some(broken.is_empty()),
        });
    }
    lines.push(ScoreLine {
        label: "Resolution gate overridden".into(),
        value: metrics.gate_overrides.to_string(),
        good: Some(metrics.gate_overrides == 0),
    });
    let (asked, done) = handoffs_done(events);
    lines.push(ScoreLine {
        label: "Handoffs completed".into(),
        value: format!("{done} of {asked}"),
        good: (asked > 0).then_some(done == asked),
    });
    lines.push(ScoreLine {
        label: "Promises kept".into(),
        value: match promises.kept_percent {
            Some(percent) => format!("{percent}% of {} judged", promises.kept + promises.broken),
            None => "none judged".into(),
        },
        good: promises.kept_percent.map(|p| p == 100),
    });

    // A drill where no update ever answered a deadline earns nothing for them.
    let points = (if met + missed == 0 {
        0
    } else {
        ratio(met, met + missed, 30)
    }) + ratio(promises.kept, promises.kept + promises.broken, 10)
        + ratio(answered, pings, 15)
        + ratio(held, pushes, 15)
        + 10u32.saturating_sub(5 * (metrics.guardrail_overrides + count(broken.len())))
        + if metrics.gate_overrides == 0 { 10 } else { 0 }
        + ratio(done, asked, 10);
    ScoreCard {
        scenario: scenario.name.clone(),
        person: record.incident.comms_lead.clone(),
        declared_at: record.incident.started_at,
        ended_at: end,
        points,
        lines,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How many rules forbid words, and for each update that used one after
/// its rule was set, the first such word.
fn wording_broken(scenario: &Scenario, record: &PostmortemRecord) -> (usize, Vec<String>) {
    let start = record.incident.started_at;
    let rules: Vec<(DateTime<Utc>, &[String])> = scenario
        .events
        .iter()
        .filter_map(|e| match &e.what {
            Inject::Constraint { avoid, .. } if !avoid.is_empty() => {
                Some((start + Duration::seconds(e.after), avoid.as_slice()))
            }
            _ => None,
        })
        .collect();
    let broken = record
        .updates
        .iter()
        .filter_map(|update| {
            rules
                .iter()
                .filter(|(set, _)| update.posted_at >= *set)
                .flat_map(|(_, words)| words.iter())
                .find(|word| uses(&update.body, word))
                .cloned()
        })
        .collect();
    (rules.len(), broken)
}

/// Whether `text` uses `word` (or phrase) as words, ignoring case.
fn uses(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    let is_word = |c: char| c.is_alphanumeric();
    text.match_indices(&word).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(is_word)
            && !text[at + word.len()..].chars().next().is_some_and(is_word)
    })
}

fn injected<'a>(
    events: &'a [TimelineEvent],
    what: &str,
) -> impl Iterator<Item = &'a TimelineEvent> {
    events
        .iter()
        .filter(move |e| matches!(&e.kind, EventKind::DrillInjected { what: w, .. } if w == what))
}

/// Each ping is answered by an update to executives within [`PING_ANSWER`].
fn pings_answered(events: &[TimelineEvent]) -> (u32, u32) {
    let mut pings = 0;
    let mut answered = 0;
    for ping in injected(events, "ping") {
        pings += 1;
        let by = ping.at + Duration::seconds(PING_ANSWER);
        if events.iter().any(|e| {
            e.at >= ping.at
                && e.at <= by
                && matches!(
                    e.kind,
                    EventKind::UpdatePublished {
                        audience: Audience::Executives,
                        ..
                    } | EventKind::UpdateLogged {
                        audience: Audience::Executives,
                        ..
                    }
                )
        }) {
            answered += 1;
        }
    }
    (pings, answered)
}

/// A push is withstood when, until the metrics were confirmed (or the drill
/// ended), the lead neither resolved, nor opened the gate early, nor
/// published an all-clear past the guardrail.
fn all_clear_held(events: &[TimelineEvent], end: DateTime<Utc>) -> (u32, u32) {
    let mut pushes = 0;
    let mut held = 0;
    for push in injected(events, "push_all_clear") {
        pushes += 1;
        let until = events
            .iter()
            .filter(|e| e.at >= push.at && matches!(e.kind, EventKind::MetricsConfirmed { .. }))
            .map(|e| e.at)
            .next()
            .unwrap_or(end);
        let gave_in = events.iter().any(|e| {
            e.at >= push.at
                && e.at < until
                && match &e.kind {
                    EventKind::StatusChanged { to, .. } => *to == Status::Resolved,
                    EventKind::ResolutionGateOverridden { .. } => true,
                    EventKind::GuardrailsOverridden { rules, .. } => {
                        rules.contains(&Rule::PrematureResolution)
                    }
                    _ => false,
                }
        });
        if !gave_in {
            held += 1;
        }
    }
    (pushes, held)
}

/// A handoff to give is done by copying one after it was asked; one to take
/// by taking over.
fn handoffs_done(events: &[TimelineEvent]) -> (u32, u32) {
    let mut asked = 0;
    let mut done = 0;
    let asks = injected(events, "handoff_give")
        .map(|e| (e, true))
        .chain(injected(events, "handoff_take").map(|e| (e, false)));
    for (handoff, give) in asks {
        asked += 1;
        let answered = events.iter().any(|e| {
            e.at >= handoff.at
                && match e.kind {
                    EventKind::HandedOff { .. } => give,
                    EventKind::TookOver { .. } => !give,
                    _ => false,
                }
        });
        if answered {
            done += 1;
        }
    }
    (asked, done)
}
