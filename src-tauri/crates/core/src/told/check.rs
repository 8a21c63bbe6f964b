//! The consistency check: a draft compared with what every other audience was
//! last told. It reports, in the guardrails' explain-and-suggest form:
//! - a contradiction: the draft states a status, ETA or set of regions that
//!   differs from another audience's and is not the incident's current fact;
//! - an audience left behind: the draft is current, and another audience
//!   still reads an older status or ETA (a heads-up, never blocking);
//! - an internal-only detail (ticket, channel, host, codename) told to an
//!   internal audience that is about to reach customers or executives.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::said::{self, Said};
use super::{Fact, Record, Told, ToldRow};
use crate::guardrails::{Finding, Rule};
use crate::terms::{Audience, Status};

/// ETAs this close are the same promise written twice.
const SAME_ETA_MINUTES: i64 = 5;

/// The draft to compare, as it would go out now.
#[derive(Debug)]
pub struct DraftToCheck<'a> {
    pub audience: Audience,
    pub text: &'a str,
    pub now: DateTime<Utc>,
}

/// Every consistency finding for the draft, none blocking yet: that is the
/// audience's strictness, applied with the guardrails'.
pub fn check(draft: &DraftToCheck<'_>, told: &Told, record: &Record<'_>) -> Vec<Finding> {
    let said = said::read(draft.text, draft.now, record.zone);
    let others: Vec<&ToldRow> = told
        .rows
        .iter()
        .filter(|r| r.audience != draft.audience && r.last_told_at.is_some())
        .collect();
    let mut findings = Vec::new();
    findings.extend(status(draft, &said, &others, record));
    findings.extend(eta(draft, &said, &others, record));
    findings.extend(regions(draft, &said, &others, record.zone));
    if matches!(draft.audience, Audience::Customers | Audience::Executives) {
        findings.extend(internal_details(draft, told, record.zone));
    }
    findings.sort_by_key(|f| (f.start, f.rule));
    findings
}

fn finding(
    text: &str,
    span: (usize, usize),
    rule: Rule,
    why: String,
    suggestion: String,
) -> Finding {
    Finding {
        rule,
        start: utf16(text, span.0),
        end: utf16(text, span.1),
        text: text[span.0..span.1].to_owned(),
        why,
        suggestion,
        blocking: false,
    }
}

fn utf16(text: &str, byte: usize) -> u32 {
    u32::try_from(text[..byte].encode_utf16().count()).unwrap_or(u32::MAX)
}

fn clock(at: Option<DateTime<Utc>>, zone: Tz) -> String {
    at.map_or_else(String::new, |at| {
        at.with_timezone(&zone).format("%H:%M %Z").to_string()
    })
}

/// "executives (at 10:20 UTC) and internal (at 10:05 UTC)".
fn who(rows: &[(&ToldRow, DateTime<Utc>)], zone: Tz) -> String {
    let names: Vec<String> = rows
        .iter()
        .map(|(row, at)| format!("{} (at {})", row.audience.label(), clock(Some(*at), zone)))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn status(
    draft: &DraftToCheck<'_>,
    said: &Said,
    others: &[&ToldRow],
    record: &Record<'_>,
) -> Vec<Finding> {
    let (Some(says), Some(span)) = (said.status, said.spans.status) else {
        return Vec::new();
    };
    let differ: Vec<(&ToldRow, Status, DateTime<Utc>)> = others
        .iter()
        .filter_map(|row| {
            let cell = row.cell(Fact::Status);
            let told = Status::parse(&cell.value)?;
            (told != says).then_some((*row, told, cell.at?))
        })
        .collect();
    if differ.is_empty() {
        return Vec::new();
    }
    let current = record.incident.status;
    let zone = record.zone;
    let rows: Vec<(&ToldRow, DateTime<Utc>)> = differ.iter().map(|(r, _, at)| (*r, *at)).collect();
    let told_words: Vec<String> = differ
        .iter()
        .map(|(row, told, _)| format!("{} read “{}”", row.audience.label(), told.as_str()))
        .collect();
    if says == current {
        let why = format!(
            "This update says “{}”, but {} still {}: they would learn the news from someone else.",
            says.as_str(),
            who(&rows, zone),
            if rows.len() == 1 {
                "reads an older status"
            } else {
                "read an older status"
            },
        );
        let suggestion = format!(
            "Publish to {} next, so every audience reads “{}”.",
            list(differ.iter().map(|(r, _, _)| r.audience.label())),
            says.as_str()
        );
        return vec![finding(
            draft.text,
            span,
            Rule::AudienceBehind,
            why,
            suggestion,
        )];
    }
    let why = format!(
        "This update says “{}”, but {} ({}), and the incident is “{}”: two audiences would read different states.",
        says.as_str(),
        told_words.join(", "),
        rows.iter()
            .map(|(_, at)| clock(Some(*at), zone))
            .collect::<Vec<_>>()
            .join(", "),
        current.as_str(),
    );
    let suggestion = format!(
        "Say the incident is “{}”, as the latest IC sync does, or regenerate the draft from it.",
        current.as_str()
    );
    vec![finding(
        draft.text,
        span,
        Rule::Contradiction,
        why,
        suggestion,
    )]
}

fn list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The ETA the IC gave in the latest sync, as an instant, when it reads as one.
fn current_eta(record: &Record<'_>) -> Option<DateTime<Utc>> {
    let sync = record.syncs.last()?;
    if sync.facts.eta.trim().is_empty() {
        return None;
    }
    let words = format!("ETA: {}.", sync.facts.eta.trim());
    said::read(&words, sync.at, record.zone).eta?.1
}

fn eta(
    draft: &DraftToCheck<'_>,
    said: &Said,
    others: &[&ToldRow],
    record: &Record<'_>,
) -> Vec<Finding> {
    let (Some((_, Some(promised))), Some(span)) = (&said.eta, said.spans.eta) else {
        return Vec::new();
    };
    let same =
        |a: DateTime<Utc>, b: DateTime<Utc>| (a - b).abs() <= Duration::minutes(SAME_ETA_MINUTES);
    let differ: Vec<(&ToldRow, DateTime<Utc>, DateTime<Utc>)> = others
        .iter()
        .filter_map(|row| {
            let cell = row.cell(Fact::Eta);
            let told = cell.instant?;
            (!same(told, *promised)).then_some((*row, told, cell.at?))
        })
        .collect();
    if differ.is_empty() {
        return Vec::new();
    }
    let zone = record.zone;
    let rows: Vec<(&ToldRow, DateTime<Utc>)> = differ.iter().map(|(r, _, at)| (*r, *at)).collect();
    let told_times: Vec<String> = differ
        .iter()
        .map(|(row, told, _)| {
            format!(
                "{} were given {}",
                row.audience.label(),
                clock(Some(*told), zone)
            )
        })
        .collect();
    if current_eta(record).is_some_and(|current| same(current, *promised)) {
        let why = format!(
            "This update gives the IC's latest ETA, {}, but {} still hold an older one ({}).",
            clock(Some(*promised), zone),
            who(&rows, zone),
            told_times.join(", "),
        );
        let suggestion = format!(
            "Tell {} the new ETA next, so no one plans around the old one.",
            list(differ.iter().map(|(r, _, _)| r.audience.label()))
        );
        return vec![finding(
            draft.text,
            span,
            Rule::AudienceBehind,
            why,
            suggestion,
        )];
    }
    let why = format!(
        "This update gives an ETA of {}, but {} ({}): the same incident would have two ETAs.",
        clock(Some(*promised), zone),
        told_times.join(", "),
        rows.iter()
            .map(|(_, at)| clock(Some(*at), zone))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let suggestion =
        "Give every audience the ETA from the latest IC sync, or say “Our next update will be by” a time instead."
            .to_owned();
    vec![finding(
        draft.text,
        span,
        Rule::Contradiction,
        why,
        suggestion,
    )]
}

/// Regions another audience was told are affected that the draft, which
/// names regions, leaves out. A draft that names none is general, not
/// contradictory.
fn regions(draft: &DraftToCheck<'_>, said: &Said, others: &[&ToldRow], zone: Tz) -> Vec<Finding> {
    let Some(span) = said.spans.regions else {
        return Vec::new();
    };
    let mut missing: Vec<String> = Vec::new();
    let mut rows: Vec<(&ToldRow, DateTime<Utc>)> = Vec::new();
    for row in others {
        let cell = row.cell(Fact::Affected);
        let Some(at) = cell.at else { continue };
        let (told, _) = said::regions_in(&cell.value);
        let absent: Vec<String> = told
            .into_iter()
            .filter(|r| !said.regions.contains(r))
            .collect();
        if absent.is_empty() {
            continue;
        }
        rows.push((*row, at));
        for region in absent {
            if !missing.contains(&region) {
                missing.push(region);
            }
        }
    }
    if missing.is_empty() {
        return Vec::new();
    }
    let why = format!(
        "{} {} told {} {} affected; this update names only {}.",
        capitalised(&who(&rows, zone)),
        if rows.len() == 1 { "was" } else { "were" },
        missing.join(", "),
        if missing.len() == 1 { "is" } else { "are" },
        said.regions.join(", "),
    );
    let suggestion = format!(
        "Name every affected region ({}), or check with the IC that {} has recovered and say so.",
        said.regions
            .iter()
            .chain(missing.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        missing.join(", ")
    );
    vec![finding(
        draft.text,
        span,
        Rule::Contradiction,
        why,
        suggestion,
    )]
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Tickets, channels, hosts and codenames that internal audiences were told
/// and that now appear in a draft for outsiders.
fn internal_details(draft: &DraftToCheck<'_>, told: &Told, zone: Tz) -> Vec<Finding> {
    // ASCII lower-casing keeps every byte offset, whatever else the draft holds.
    let lower = draft.text.to_ascii_lowercase();
    let mut findings = Vec::new();
    for super::InternalDetail {
        token,
        audience,
        at,
    } in &told.internal
    {
        // Every internal detail the pattern finds is ASCII; anything else is skipped.
        if !token.is_ascii() {
            continue;
        }
        let needle = token.to_ascii_lowercase();
        let mut from = 0;
        while let Some(found) = lower[from..].find(&needle) {
            let start = from + found;
            let end = start + needle.len();
            from = end;
            let bounded =
                |i: Option<char>| i.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_');
            if !(bounded(draft.text[..start].chars().next_back())
                && bounded(draft.text[end..].chars().next()))
            {
                continue;
            }
            let why = format!(
                "“{token}” was told only to {} (at {}): tickets, channels, hosts and codenames mean nothing to {} and can expose internals.",
                audience.label(),
                clock(Some(*at), zone),
                draft.audience.label(),
            );
            let suggestion =
                "Describe what readers experience instead: “Some customers cannot complete payments.”"
                    .to_owned();
            findings.push(finding(
                draft.text,
                (start, end),
                Rule::InternalDetail,
                why,
                suggestion,
            ));
        }
    }
    findings
}
