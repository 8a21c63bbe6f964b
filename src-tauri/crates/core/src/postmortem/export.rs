//! The postmortem's comms section as files: Markdown (with the chart beside it
//! as SVG), the full record as JSON, and the timeline as CSV. Times are UTC so
//! the document reads the same wherever it is opened.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::metrics::{AudienceMetrics, CommsMetrics, walk};
use crate::handoff::{Ask, Constraint};
use crate::incident::Incident;
use crate::obligations::{Obligation, ObligationState};
use crate::promises::{JudgedPromise, PromiseKind, PromiseState, PromiseSummary};
use crate::sync::IcSync;
use crate::timeline::{EventKind, TimelineEvent};
use crate::update::Update;

/// Everything Herald knows about an incident, as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostmortemRecord {
    pub incident: Incident,
    pub timeline: Vec<TimelineEvent>,
    /// Oldest first.
    pub updates: Vec<Update>,
    pub syncs: Vec<IcSync>,
    pub constraints: Vec<Constraint>,
    pub asks: Vec<Ask>,
    pub metrics: CommsMetrics,
    /// Where each published update was delivered, oldest first.
    #[serde(default)]
    pub receipts: Vec<Receipt>,
    /// Every time an update gave its audience, judged when exported.
    #[serde(default)]
    pub promises: Vec<JudgedPromise>,
    #[serde(default)]
    pub promise_summary: PromiseSummary,
    /// Notification clocks, with every decision.
    #[serde(default)]
    pub obligations: Vec<Obligation>,
}

/// One delivery of one update, as the export records it. Channel names only:
/// no URL, token or other secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub update_id: String,
    pub channel: String,
    pub state: String,
    pub delivered_at: Option<DateTime<Utc>>,
    pub remote_id: String,
    pub remote_link: String,
    pub last_error: String,
    /// The correction this delivery carried; empty for the update's own.
    #[serde(default)]
    pub correction_id: String,
}

impl Receipt {
    fn describe(&self) -> String {
        match (self.state.as_str(), self.delivered_at) {
            ("delivered", Some(at)) => {
                let mut text = format!("{} delivered {}", self.channel, utc(at));
                if !self.remote_id.is_empty() {
                    text.push_str(&format!(" (id {})", self.remote_id));
                }
                if !self.remote_link.is_empty() {
                    text.push_str(&format!(" {}", self.remote_link));
                }
                text
            }
            (state, _) if self.last_error.is_empty() => {
                format!("{} {}", self.channel, state.replace('_', " "))
            }
            (state, _) => format!(
                "{} {}: {}",
                self.channel,
                state.replace('_', " "),
                self.last_error
            ),
        }
    }
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// "1 h 05 min", "12 min", "45 s".
pub fn duration(seconds: i64) -> String {
    let s = seconds.max(0);
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        _ => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
    }
}

fn row(m: &AudienceMetrics) -> String {
    let opt = |v: Option<i64>| v.map_or("—".to_owned(), duration);
    format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        capital(m.audience.label()),
        opt(m.first_update_after),
        m.updates,
        m.on_time,
        m.late,
        m.missed,
        opt(m.mean_lateness),
        opt(m.worst_lateness),
        duration(m.longest_silence)
    )
}

/// The Markdown document; `chart_file` is the SVG's file name beside it.
pub fn markdown(record: &PostmortemRecord, chart_file: &str) -> String {
    let i = &record.incident;
    let m = &record.metrics;
    let mut out = Vec::new();
    out.push(format!("# Comms: {}", i.heading()));
    out.push(String::new());
    let resolved = i.resolved_at.map_or("not resolved".to_owned(), |t| {
        format!("resolved {}", utc(t))
    });
    out.push(format!(
        "{} · {} · declared {} · {resolved} · comms lead {}",
        i.severity.as_str(),
        i.status.as_str(),
        utc(i.started_at),
        if i.comms_lead.is_empty() {
            "not named"
        } else {
            &i.comms_lead
        }
    ));
    if !i.link.is_empty() {
        out.push(String::new());
        out.push(format!("Incident record: {}", i.link));
    }
    out.push(String::new());
    out.push("## Summary".to_owned());
    out.push(String::new());
    let published: u32 = m.audiences.iter().map(|a| a.updates).sum();
    let late: u32 = m.audiences.iter().map(|a| a.late).sum();
    let missed: u32 = m.audiences.iter().map(|a| a.missed).sum();
    if published == 0 {
        out.push("No updates were published.".to_owned());
    } else {
        out.push(format!(
            "{published} update{} to {} audience{}; {late} late, {missed} deadline{} missed. {} review{}, {} guardrail override{}, {} gate override{}, {} handoff{}.",
            s(published),
            m.audiences.iter().filter(|a| a.updates > 0).count(),
            s(u32::try_from(m.audiences.iter().filter(|a| a.updates > 0).count()).unwrap_or(0)),
            s(missed),
            m.reviews,
            s(m.reviews),
            m.guardrail_overrides,
            s(m.guardrail_overrides),
            m.gate_overrides,
            s(m.gate_overrides),
            m.handoffs,
            s(m.handoffs)
        ));
    }
    out.push(String::new());
    out.push("## Punctuality".to_owned());
    out.push(String::new());
    out.push("| audience | first update | updates | on time | late | missed | mean lateness | worst lateness | longest silence |".to_owned());
    out.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |".to_owned());
    out.extend(m.audiences.iter().map(row));
    out.push(String::new());
    out.push("## Cadence chart".to_owned());
    out.push(String::new());
    out.push(format!("![Cadence chart: deadlines, updates on time and late, silences, status changes]({chart_file})"));
    out.push(String::new());
    out.push("## Updates".to_owned());
    out.push(String::new());
    let (answered, _) = walk(&record.timeline);
    if record.updates.is_empty() {
        out.push("No updates were published.".to_owned());
        out.push(String::new());
    }
    for u in &record.updates {
        let punctual = answered
            .iter()
            .find(|a| a.audience == u.audience && a.at == u.posted_at)
            .map(|a| if a.late() { ", late" } else { ", on time" })
            .unwrap_or("");
        let by = if u.source == "published" {
            if u.author.is_empty() {
                "published".to_owned()
            } else {
                format!("published by {}", u.author)
            }
        } else {
            "logged (posted by hand)".to_owned()
        };
        out.push(format!(
            "### {} — {} ({by}{punctual})",
            utc(u.posted_at),
            capital(u.audience.label())
        ));
        out.push(String::new());
        for line in u.body.lines() {
            out.push(format!("> {line}").trim_end().to_owned());
        }
        out.push(String::new());
        let channels = if u.posted_to.is_empty() {
            "none recorded"
        } else {
            &u.posted_to
        };
        let receipts: Vec<String> = record
            .receipts
            .iter()
            .filter(|r| r.update_id == u.id && r.correction_id.is_empty())
            .map(Receipt::describe)
            .collect();
        let receipts = if receipts.is_empty() {
            "none (sent by hand)".to_owned()
        } else {
            receipts.join("; ")
        };
        out.push(format!(
            "Channels: {channels}. Delivery receipts: {receipts}."
        ));
        out.push(String::new());
    }
    corrections(&mut out, record);
    promises(&mut out, record);
    obligations(&mut out, &record.obligations);
    section(&mut out, "Handoffs", &record.timeline, |k| {
        matches!(k, EventKind::HandedOff { .. } | EventKind::TookOver { .. })
    });
    section(&mut out, "Approvals and overrides", &record.timeline, |k| {
        matches!(
            k,
            EventKind::DraftReviewed { .. }
                | EventKind::GuardrailsOverridden { .. }
                | EventKind::MetricsConfirmed { .. }
                | EventKind::ResolutionGateOverridden { .. }
        )
    });
    section(&mut out, "Notes", &record.timeline, |k| {
        matches!(
            k,
            EventKind::NoteAdded { .. } | EventKind::NoteCorrected { .. }
        )
    });
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The obligation clocks: each with its rule, trigger, due time and decision.
fn obligations(out: &mut Vec<String>, clocks: &[Obligation]) {
    out.push("## Obligation clocks".to_owned());
    out.push(String::new());
    if clocks.is_empty() {
        out.push("None.".to_owned());
        out.push(String::new());
        return;
    }
    for c in clocks {
        let owner = if c.owner.is_empty() {
            "no owner named".to_owned()
        } else {
            format!("owner {}", c.owner)
        };
        let when = match (c.triggered_at, c.due_at()) {
            (Some(t), Some(due)) => format!(
                "triggered {}, due {} (within {})",
                utc(t),
                utc(due),
                duration(i64::from(c.within_minutes) * 60)
            ),
            _ => format!(
                "never triggered (within {})",
                duration(i64::from(c.within_minutes) * 60)
            ),
        };
        let decision = match (c.state, c.decided_at, c.due_at()) {
            (ObligationState::Sent, Some(at), Some(due)) if at <= due => {
                format!("sent {}, in time: {}", utc(at), c.note)
            }
            (ObligationState::Sent, Some(at), Some(due)) => format!(
                "sent {}, {} late: {}",
                utc(at),
                duration((at - due).num_seconds()),
                c.note
            ),
            (ObligationState::Sent, at, _) => format!(
                "sent{}: {}",
                at.map_or(String::new(), |t| format!(" {}", utc(t))),
                c.note
            ),
            (ObligationState::NotRequired, at, _) => format!(
                "decided not required{}: {}",
                at.map_or(String::new(), |t| format!(" {}", utc(t))),
                c.note
            ),
            (ObligationState::Open, _, _) => "still open".to_owned(),
        };
        out.push(format!("- {} — {owner} — {when}: **{decision}**", c.name));
        if !c.rule.is_empty() || !c.link.is_empty() {
            out.push(
                format!("  Rule: {} {}", c.rule, c.link)
                    .trim_end()
                    .to_owned(),
            );
        }
    }
    out.push(String::new());
}

/// The promises section: the summary, then each promise and how it went.
fn promises(out: &mut Vec<String>, record: &PostmortemRecord) {
    let p = &record.promise_summary;
    out.push("## Promises".to_owned());
    out.push(String::new());
    let first = p
        .first_public_update
        .map_or("No customer update was published.".to_owned(), |s| {
            format!("First customer update {} after the start.", duration(s))
        });
    if record.promises.is_empty() {
        out.push(format!("No update promised a time. {first}"));
        out.push(String::new());
        return;
    }
    let kept = p
        .kept_percent
        .map_or("none judged yet".to_owned(), |k| format!("{k} % kept"));
    let eta = p.median_eta_error.map_or(String::new(), |e| {
        format!(" Median ETA error: {}.", duration(e))
    });
    out.push(format!(
        "{} promise{}: {} kept, {} broken, {} superseded, {} open, {} with no time ({kept}).{eta} {first}",
        p.made,
        s(p.made),
        p.kept,
        p.broken,
        p.superseded,
        p.open,
        p.undated
    ));
    out.push(String::new());
    for j in &record.promises {
        let what = match (j.promise.kind, j.promise.due_at) {
            (PromiseKind::NextUpdate, Some(due)) => format!("next update by {}", utc(due)),
            (PromiseKind::Eta, Some(due)) => format!("ETA {}", utc(due)),
            (PromiseKind::NextUpdate, None) => "next update, no time given".to_owned(),
            (PromiseKind::Eta, None) => "ETA, no time given".to_owned(),
        };
        let how = match (j.outcome.state, j.outcome.late_by, j.outcome.settled_at) {
            (PromiseState::Kept, Some(late), _) if late < 0 => {
                format!("kept, {} early", duration(-late))
            }
            (PromiseState::Kept, _, _) => "kept".to_owned(),
            (PromiseState::Broken, Some(late), Some(_)) => {
                format!("broken, {} late", duration(late))
            }
            (PromiseState::Broken, Some(late), None) => {
                format!("broken, {} late and not yet kept", duration(late))
            }
            (PromiseState::Broken, None, _) => "broken".to_owned(),
            (PromiseState::Superseded, _, Some(at)) => {
                format!("superseded by a new ETA {}", utc(at))
            }
            (PromiseState::Superseded, _, None) => "superseded".to_owned(),
            (PromiseState::Open, _, _) => "open".to_owned(),
            (PromiseState::Undated, _, _) => "no time to hold it to".to_owned(),
        };
        out.push(format!(
            "- {} — {} — {what}: **{how}** — “{}”",
            utc(j.promise.made_at),
            capital(j.promise.audience.label()),
            j.promise.said
        ));
    }
    out.push(String::new());
}

/// Each correction with the text it replaced and the text readers have
/// since: the record keeps both. Left out when nothing was corrected.
fn corrections(out: &mut Vec<String>, record: &PostmortemRecord) {
    let corrected: Vec<&TimelineEvent> = record
        .timeline
        .iter()
        .filter(|e| matches!(e.kind, EventKind::UpdateCorrected { .. }))
        .collect();
    if corrected.is_empty() {
        return;
    }
    out.push("## Corrections".to_owned());
    out.push(String::new());
    for e in corrected {
        let EventKind::UpdateCorrected {
            update_id,
            audience,
            notify,
            from,
            to,
            ..
        } = &e.kind
        else {
            continue;
        };
        let of = record
            .updates
            .iter()
            .find(|u| &u.id == update_id)
            .map_or_else(
                || "an update".to_owned(),
                |u| format!("the update of {}", utc(u.posted_at)),
            );
        out.push(format!(
            "### {} — {} — {of}, corrected {}",
            utc(e.at),
            capital(audience.label()),
            if *notify {
                "with readers notified"
            } else {
                "silently"
            }
        ));
        out.push(String::new());
        for (label, text) in [("Was", from), ("Now", to)] {
            out.push(format!("{label}:"));
            out.push(String::new());
            for line in text.lines() {
                out.push(format!("> {line}").trim_end().to_owned());
            }
            out.push(String::new());
        }
        let receipts: Vec<String> = record
            .receipts
            .iter()
            .filter(|r| Some(&r.correction_id) == correction_id(&e.kind))
            .map(Receipt::describe)
            .collect();
        if !receipts.is_empty() {
            out.push(format!("Delivery receipts: {}.", receipts.join("; ")));
            out.push(String::new());
        }
    }
}

fn correction_id(kind: &EventKind) -> Option<&String> {
    match kind {
        EventKind::UpdateCorrected { correction_id, .. } => Some(correction_id),
        _ => None,
    }
}

fn section(
    out: &mut Vec<String>,
    title: &str,
    events: &[TimelineEvent],
    pick: fn(&EventKind) -> bool,
) {
    out.push(format!("## {title}"));
    out.push(String::new());
    let chosen: Vec<&TimelineEvent> = events.iter().filter(|e| pick(&e.kind)).collect();
    if chosen.is_empty() {
        out.push("None.".to_owned());
    }
    for e in chosen {
        out.push(format!("- {} — {}", utc(e.at), e.summary));
    }
    out.push(String::new());
}

fn s(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn capital(text: &str) -> String {
    crate::alerts::capitalised(text)
}

/// The timeline as CSV: time (UTC, RFC 3339), kind, summary.
pub fn timeline_csv(events: &[TimelineEvent]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a failed row would only drop that row.
    let _ = writer.write_record(["at", "kind", "summary"]);
    for e in events {
        let _ = writer.write_record([
            e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                .as_str(),
            e.kind.name(),
            e.summary.as_str(),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The full record as pretty JSON.
pub fn json(record: &PostmortemRecord) -> String {
    serde_json::to_string_pretty(record).unwrap_or_default()
}
