//! The scenario file: TOML, version 1. TOML rather than YAML because a lead
//! writes these by hand: no indentation to get wrong, no value that silently
//! changes type ("NO" is a string, not false), and the toml crate keeps the
//! span of every value, so each error names its line and column. The format
//! is documented with a complete example in README ("Drills").

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{HandoffDirection, Inject, Injection, Scenario};
use crate::incident::NewIncident;
use crate::sync::{EtaConfidence, SyncFacts};
use crate::terms::{Severity, Status};

/// The format version this Herald reads and writes.
pub const FORMAT: u32 = 1;

/// The longest drill: a shift and a half, in simulated time.
const MAX_LENGTH: i64 = 12 * 3600;
const MAX_EVENTS: usize = 200;
const MAX_TEXT: usize = 2_000;

/// What is wrong with a scenario file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ScenarioError {}

fn at(source: &str, offset: usize, message: impl Into<String>) -> ScenarioError {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    ScenarioError {
        line,
        column: before[line_start..].chars().count() + 1,
        message: message.into(),
    }
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: Spanned<u32>,
    name: Spanned<String>,
    #[serde(default)]
    summary: String,
    /// When the drill ends: "45m", "2h30m".
    length: Spanned<String>,
    incident: Spanned<IncidentTable>,
    #[serde(default, rename = "event")]
    events: Vec<Spanned<EventTable>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct IncidentTable {
    title: String,
    severity: Severity,
    #[serde(default = "investigating")]
    status: Status,
    #[serde(default)]
    customer_visible: bool,
    #[serde(default)]
    commander: String,
    /// The incident tool's reference; empty gives none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    link: String,
}

fn investigating() -> Status {
    Status::Investigating
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EventTable {
    /// Simulated time from the declaration: "2m", "1h05m", "90s".
    at: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sync: Option<SyncTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ping: Option<Spanned<Said>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    push_all_clear: Option<Spanned<Said>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    constraint: Option<Spanned<Rule>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    channel_fails: Option<Spanned<Fails>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    handoff: Option<Spanned<Handoff>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct SyncTable {
    #[serde(default)]
    affected: String,
    #[serde(default)]
    impact: String,
    #[serde(default)]
    known: String,
    #[serde(default)]
    doing: String,
    #[serde(default)]
    eta: String,
    #[serde(default)]
    eta_confidence: EtaConfidence,
    /// The status the IC reports; saving the sync moves the incident to it,
    /// so it is never guessed.
    status: Status,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Said {
    from: String,
    text: String,
}

/// A rule on wording: who set it, what it says, and the words it forbids.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    from: String,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    avoid: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Fails {
    answers: Vec<u16>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Handoff {
    direction: HandoffDirection,
    person: String,
}

/// Reads a scenario file. Nothing is created from a file with any error; the
/// first error found is returned with its line and column.
pub fn parse(source: &str) -> Result<Scenario, ScenarioError> {
    let file: File = toml::from_str(source).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        at(source, offset, e.message().trim().to_owned())
    })?;
    let err = |span: Range<usize>, message: String| at(source, span.start, message);

    if *file.format.get_ref() != FORMAT {
        return Err(err(
            file.format.span(),
            format!(
                "format {} is not one this Herald reads; it reads format {FORMAT}",
                file.format.get_ref()
            ),
        ));
    }
    let name = file.name.get_ref().trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(err(
            file.name.span(),
            "give the scenario a name of 1 to 120 characters".into(),
        ));
    }
    let length = duration(file.length.get_ref())
        .ok_or_else(|| err(file.length.span(), not_a_duration(file.length.get_ref())))?;
    if length <= 0 || length > MAX_LENGTH {
        return Err(err(
            file.length.span(),
            "a drill lasts more than 0 and at most 12 hours".into(),
        ));
    }

    let incident_span = file.incident.span();
    let table = file.incident.into_inner();
    let incident = NewIncident {
        external_id: table.reference,
        link: table.link,
        title: table.title,
        severity: table.severity,
        status: table.status,
        customer_visible: table.customer_visible,
        commander: table.commander,
        comms_lead: String::new(),
    }
    .validate()
    .map_err(|invalid| {
        let problems: Vec<String> = invalid
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        err(
            incident_span.clone(),
            format!("the incident is not valid: {}", problems.join(" ")),
        )
    })?;
    if incident.status == Status::Resolved {
        return Err(err(
            incident_span,
            "a drill starts with an open incident, not a resolved one".into(),
        ));
    }

    if file.events.len() > MAX_EVENTS {
        return Err(err(
            file.events[MAX_EVENTS].span(),
            format!("a drill has at most {MAX_EVENTS} events"),
        ));
    }
    let mut events = Vec::with_capacity(file.events.len());
    for event in file.events {
        let span = event.span();
        let table = event.into_inner();
        let after = duration(table.at.get_ref())
            .ok_or_else(|| err(table.at.span(), not_a_duration(table.at.get_ref())))?;
        if after > length {
            return Err(err(
                table.at.span(),
                format!(
                    "this event is at {} but the drill ends at {}",
                    table.at.get_ref(),
                    file.length.get_ref()
                ),
            ));
        }
        let what = inject(table, span, &err)?;
        events.push(Injection { after, what });
    }
    // Stable: two events at one time happen in the order written.
    events.sort_by_key(|e| e.after);
    Ok(Scenario {
        name: name.to_owned(),
        summary: file.summary.trim().to_owned(),
        length,
        incident,
        events,
    })
}

fn not_a_duration(text: &str) -> String {
    format!("\"{text}\" is not a time like \"90s\", \"12m\" or \"1h05m\"")
}

/// The one kind an event table holds.
fn inject(
    table: EventTable,
    span: Range<usize>,
    err: &impl Fn(Range<usize>, String) -> ScenarioError,
) -> Result<Inject, ScenarioError> {
    let said = |said: Spanned<Said>| -> Result<(String, String), ScenarioError> {
        let span = said.span();
        let said = said.into_inner();
        let (from, text) = (said.from.trim().to_owned(), said.text.trim().to_owned());
        if from.is_empty() || text.is_empty() {
            return Err(err(span, "say who it is from and what they say".into()));
        }
        if text.chars().count() > MAX_TEXT || from.chars().count() > 120 {
            return Err(err(
                span,
                format!("keep it under {MAX_TEXT} characters, and the name under 120"),
            ));
        }
        Ok((from, text))
    };
    let mut kinds: Vec<Result<Inject, ScenarioError>> = Vec::new();
    if let Some(sync) = table.sync {
        kinds.push(Ok(Inject::Sync {
            facts: SyncFacts {
                affected: sync.affected,
                customer_impact: sync.impact,
                known: sync.known,
                doing: sync.doing,
                eta: sync.eta,
                eta_confidence: sync.eta_confidence,
                status: sync.status,
            },
        }));
    }
    if let Some(to) = table.severity {
        kinds.push(Ok(Inject::Severity { to }));
    }
    if let Some(to) = table.status {
        kinds.push(Ok(Inject::Status { to }));
    }
    if let Some(ping) = table.ping {
        kinds.push(said(ping).map(|(from, text)| Inject::Ping { from, text }));
    }
    if let Some(push) = table.push_all_clear {
        kinds.push(said(push).map(|(from, text)| Inject::PushAllClear { from, text }));
    }
    if let Some(rule) = table.constraint {
        let span = rule.span();
        let rule = rule.into_inner();
        let avoid: Vec<String> = rule.avoid.iter().map(|w| w.trim().to_owned()).collect();
        let checked = said(Spanned::new(
            span.clone(),
            Said {
                from: rule.from,
                text: rule.text,
            },
        ));
        kinds.push(
            if avoid.iter().any(|w| w.is_empty() || w.chars().count() > 60) {
                Err(err(span, "each word to avoid is 1 to 60 characters".into()))
            } else {
                checked.map(|(from, text)| Inject::Constraint { from, text, avoid })
            },
        );
    }
    if let Some(fails) = table.channel_fails {
        let span = fails.span();
        let answers = fails.into_inner().answers;
        kinds.push(if answers.is_empty() || answers.len() > 20 {
            Err(err(span, "give 1 to 20 answers, such as [429, 500]".into()))
        } else if let Some(ok) = answers.iter().find(|a| !(400..=599).contains(*a)) {
            Err(err(
                span,
                format!("{ok} is not a failure; answers are HTTP statuses from 400 to 599"),
            ))
        } else {
            Ok(Inject::ChannelFails { answers })
        });
    }
    if let Some(handoff) = table.handoff {
        let span = handoff.span();
        let handoff = handoff.into_inner();
        let person = handoff.person.trim().to_owned();
        kinds.push(if person.is_empty() {
            Err(err(
                span,
                "name the person the role passes to or from".into(),
            ))
        } else {
            Ok(Inject::Handoff {
                direction: handoff.direction,
                person,
            })
        });
    }
    match kinds.len() {
        0 => Err(err(
            span,
            "this event says when but not what: add one of sync, severity, status, ping, \
             push_all_clear, constraint, channel_fails or handoff"
                .into(),
        )),
        1 => kinds.remove(0),
        _ => Err(err(
            span,
            "one event holds one thing; split this one into an event per thing".into(),
        )),
    }
}

/// "90s", "12m", "1h05m", "1h5m30s" as seconds.
fn duration(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut total: i64 = 0;
    let mut number = String::new();
    let mut last_unit = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let (rank, seconds) = match c {
            'h' => (1, 3600),
            'm' => (2, 60),
            's' => (3, 1),
            _ => return None,
        };
        if number.is_empty() || number.len() > 5 || rank <= last_unit {
            return None;
        }
        total += number.parse::<i64>().ok()? * seconds;
        number.clear();
        last_unit = rank;
    }
    number.is_empty().then_some(total)
}

/// "1h05m", "12m", "0s": the shortest form [`duration`] reads back.
fn duration_text(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut text = String::new();
    if h > 0 {
        text.push_str(&format!("{h}h"));
    }
    if m > 0 {
        text.push_str(&if h > 0 {
            format!("{m:02}m")
        } else {
            format!("{m}m")
        });
    }
    if s > 0 || text.is_empty() {
        text.push_str(&format!("{s}s"));
    }
    text
}

/// Writes a scenario as a file [`parse`] reads back to the same scenario:
/// how a replayed incident becomes a scenario the team can keep and edit.
pub fn to_toml(scenario: &Scenario) -> String {
    let plain = |value: String| Spanned::new(0..0, value);
    let said = |from: &str, text: &str| {
        Some(Spanned::new(
            0..0,
            Said {
                from: from.to_owned(),
                text: text.to_owned(),
            },
        ))
    };
    let events = scenario
        .events
        .iter()
        .map(|event| {
            let mut table = EventTable {
                at: plain(duration_text(event.after)),
                sync: None,
                severity: None,
                status: None,
                ping: None,
                push_all_clear: None,
                constraint: None,
                channel_fails: None,
                handoff: None,
            };
            match &event.what {
                Inject::Sync { facts } => {
                    table.sync = Some(SyncTable {
                        affected: facts.affected.clone(),
                        impact: facts.customer_impact.clone(),
                        known: facts.known.clone(),
                        doing: facts.doing.clone(),
                        eta: facts.eta.clone(),
                        eta_confidence: facts.eta_confidence,
                        status: facts.status,
                    });
                }
                Inject::Severity { to } => table.severity = Some(*to),
                Inject::Status { to } => table.status = Some(*to),
                Inject::Ping { from, text } => table.ping = said(from, text),
                Inject::PushAllClear { from, text } => table.push_all_clear = said(from, text),
                Inject::Constraint { from, text, avoid } => {
                    table.constraint = Some(Spanned::new(
                        0..0,
                        Rule {
                            from: from.clone(),
                            text: text.clone(),
                            avoid: avoid.clone(),
                        },
                    ));
                }
                Inject::ChannelFails { answers } => {
                    table.channel_fails = Some(Spanned::new(
                        0..0,
                        Fails {
                            answers: answers.clone(),
                        },
                    ));
                }
                Inject::Handoff { direction, person } => {
                    table.handoff = Some(Spanned::new(
                        0..0,
                        Handoff {
                            direction: *direction,
                            person: person.clone(),
                        },
                    ));
                }
            }
            Spanned::new(0..0, table)
        })
        .collect();
    let file = File {
        format: Spanned::new(0..0, FORMAT),
        name: plain(scenario.name.clone()),
        summary: scenario.summary.clone(),
        length: plain(duration_text(scenario.length)),
        incident: Spanned::new(
            0..0,
            IncidentTable {
                title: scenario.incident.title.clone(),
                severity: scenario.incident.severity,
                status: scenario.incident.status,
                customer_visible: scenario.incident.customer_visible,
                commander: scenario.incident.commander.clone(),
                reference: scenario.incident.external_id.clone(),
                link: scenario.incident.link.clone(),
            },
        ),
        events,
    };
    let body = toml::to_string(&file).unwrap_or_else(|e| format!("# could not write: {e}\n"));
    format!("# A Herald drill scenario (format {FORMAT}); see README, \"Drills\".\n{body}")
}

#[cfg(test)]
mod unit {
    use super::{duration, duration_text};

    #[test]
    fn durations_read_and_write_back() {
        for (text, seconds) in [
            ("90s", 90),
            ("12m", 720),
            ("1h05m", 3900),
            ("1h5m30s", 3930),
            ("0s", 0),
        ] {
            assert_eq!(duration(text), Some(seconds), "{text}");
            assert_eq!(duration(&duration_text(seconds)), Some(seconds));
        }
        for bad in [
            "", "soon", "5", "m", "5m1h", "1h1h", "-5m", "5 m", "999999m",
        ] {
            assert_eq!(duration(bad), None, "{bad}");
        }
    }
}
