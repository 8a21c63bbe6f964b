//! The record after (and during) the incident: notes on the timeline (back-dated
//! if need be, corrected, never rewritten), paging through long timelines, comms
//! metrics, and the postmortem export.

use chrono::{DateTime, Duration, Utc};
use herald_core::postmortem::{PostmortemRecord, Receipt, chart, export, metrics};
use herald_core::{EventKind, FieldError, Invalid, TimelineEvent};
use herald_store::{Connection, StoreError, incidents, notes, syncs, timeline, updates};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Desk, Error, IncidentView};

const MAX_NOTE: usize = 4_000;
const MAX_PAGE: u32 = 500;

/// A note the lead adds; `at` back-dates it to an earlier moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoteRequest {
    pub text: String,
    pub at: Option<DateTime<Utc>>,
}

/// The postmortem files' contents and the name they share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PostmortemFiles {
    /// "INC-4821-comms": the Markdown is `<stem>.md`, the chart `<stem>-cadence.svg`,
    /// the record `<stem>.json`, the timeline `<stem>-timeline.csv`.
    pub stem: String,
    pub markdown: String,
    pub svg: String,
    pub json: String,
    pub csv: String,
}

fn note_text(text: &str) -> Result<String, Error> {
    let text = text.trim();
    let problem = if text.is_empty() {
        Some("Write the note.".to_owned())
    } else if text.chars().count() > MAX_NOTE {
        Some(format!("Keep a note to {MAX_NOTE} characters."))
    } else {
        None
    };
    match problem {
        Some(message) => Err(Invalid(vec![FieldError::new("text", message)]).into()),
        None => Ok(text.to_owned()),
    }
}

impl Desk {
    /// Adds a note now, or back-dated to `at` (not before the declaration, not
    /// in the future); back-dated notes say so.
    pub fn add_note(&self, incident_id: &str, request: NoteRequest) -> Result<IncidentView, Error> {
        let text = note_text(&request.text)?;
        let now = self.clock.now();
        let id = self.new_id();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let at = request.at.unwrap_or(now);
            if at > now + Duration::seconds(5) || at < incident.started_at {
                return Err(Error::from(Invalid(vec![FieldError::new(
                    "at",
                    "A note can be back-dated to any time since the declaration, not before it and not into the future.",
                )])));
            }
            let event = TimelineEvent::new(
                self.new_id(),
                incident.id.clone(),
                at,
                EventKind::NoteAdded {
                    note_id: id,
                    text,
                    backdated: request.at.is_some_and(|at| at < now - Duration::minutes(1)),
                },
            );
            timeline::append(tx, &event)?;
            Ok(())
        })?;
        self.incident(incident_id)
    }

    /// Records a correction of a note; the original stays as it was.
    pub fn correct_note(
        &self,
        incident_id: &str,
        note_id: &str,
        text: &str,
    ) -> Result<IncidentView, Error> {
        let text = note_text(text)?;
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let exists = timeline::for_incident(tx, incident_id)?.iter().any(
                |e| matches!(&e.kind, EventKind::NoteAdded { note_id: id, .. } if id == note_id),
            );
            if !exists {
                return Err(Error::not_found("That note"));
            }
            let event = EventKind::NoteCorrected {
                note_id: note_id.to_owned(),
                text,
            };
            self.record(tx, &incident, vec![event], now)
        })?;
        self.incident(incident_id)
    }

    /// One page of the timeline, newest first, older than `before`.
    pub fn timeline_page(
        &self,
        incident_id: &str,
        before: Option<&str>,
        limit: u32,
    ) -> Result<Vec<TimelineEvent>, Error> {
        Ok(self
            .store
            .read(|conn| timeline::page(conn, incident_id, before, limit.clamp(1, MAX_PAGE)))?)
    }

    /// The postmortem's comms section, chart, full record and timeline, named
    /// after the incident.
    pub fn postmortem(&self, incident_id: &str) -> Result<PostmortemFiles, Error> {
        self.postmortem_named(incident_id, None)
    }

    /// The same, with the files named from `stem` (the name the lead chose in
    /// the save dialog), so the Markdown's image link finds its chart.
    pub fn postmortem_named(
        &self,
        incident_id: &str,
        stem: Option<&str>,
    ) -> Result<PostmortemFiles, Error> {
        let now = self.clock.now();
        let record = self
            .store
            .read(|conn| record(conn, incident_id, now))?
            .ok_or_else(|| Error::not_found("That incident"))?;
        let stem = match stem {
            Some(stem) if !stem.trim().is_empty() => stem.trim().to_owned(),
            _ => format!("{}-comms", safe_name(&record.incident.reference())),
        };
        let svg = chart::svg(&record.incident, &record.timeline, &record.metrics, now);
        Ok(PostmortemFiles {
            markdown: export::markdown(&record, &format!("{stem}-cadence.svg")),
            json: export::json(&record),
            csv: export::timeline_csv(&record.timeline),
            svg,
            stem,
        })
    }
}

/// Everything stored about an incident, with its metrics.
pub(crate) fn record(
    conn: &Connection,
    incident_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<PostmortemRecord>, StoreError> {
    let Some(incident) = incidents::get(conn, incident_id)? else {
        return Ok(None);
    };
    let events = timeline::for_incident(conn, incident_id)?;
    let mut all_updates = updates::for_incident(conn, incident_id)?;
    all_updates.reverse();
    let mut all_syncs = syncs::for_incident(conn, incident_id)?;
    all_syncs.reverse();
    let promises = crate::promises::judged(conn, &incident, now)?;
    let promise_summary = crate::promises::summary(&promises, &incident, &all_updates);
    Ok(Some(PostmortemRecord {
        obligations: herald_store::obligations::for_incident(conn, incident_id)?,
        promises,
        promise_summary,
        metrics: metrics::compute(&incident, &events, now),
        timeline: events,
        updates: all_updates,
        syncs: all_syncs,
        constraints: notes::constraints(conn, incident_id)?,
        asks: notes::asks(conn, incident_id)?,
        receipts: crate::deliveries::for_incident(conn, incident_id)?
            .into_iter()
            .map(|d| Receipt {
                update_id: d.update_id,
                channel: d.channel_name,
                state: d.state,
                delivered_at: d.delivered_at,
                remote_id: d.remote_id,
                remote_link: d.remote_link,
                last_error: d.last_error,
                correction_id: d.correction_id,
            })
            .collect(),
        incident,
    }))
}

/// A file name from an incident reference: letters, digits, dash and underscore.
fn safe_name(reference: &str) -> String {
    let name: String = reference
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if name.trim_matches('-').is_empty() {
        "incident".to_owned()
    } else {
        name
    }
}
