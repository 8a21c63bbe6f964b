//! Deadlines as the lead meets them: recomputed on every change that can move
//! them (declaration, severity, status, matrix, update, snooze), each move
//! explained on the timeline; logging an update; snoozing a deadline.

use chrono::{DateTime, Duration, Utc};
use herald_core::cadence::{self, AudienceFacts};
use herald_core::{
    Audience, EventKind, Incident, LoggedUpdate, SeverityMatrix, SnoozeRequest, Update,
};
use herald_store::snoozes::Snooze;
use herald_store::{Transaction, deadlines, incidents, settings, snoozes, updates};

use crate::{Desk, Error, IncidentView};

impl Desk {
    /// Recomputes an incident's deadlines and stores them; when any moved,
    /// records why on the timeline.
    pub(crate) fn refresh_deadlines(
        &self,
        tx: &Transaction<'_>,
        incident: &Incident,
        matrix: &SeverityMatrix,
        cause: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let changes = self.recompute_deadlines(tx, incident, matrix)?;
        if !changes.is_empty() {
            self.record(
                tx,
                incident,
                vec![EventKind::DeadlinesChanged {
                    cause: cause.to_owned(),
                    changes,
                }],
                now,
            )?;
        }
        Ok(())
    }

    /// Recomputes and stores an incident's deadlines without a timeline
    /// event: after a team merge, the event that moved them (an update, a
    /// severity change) is already on the shared timeline, and each Herald
    /// recording its own would fill every timeline with copies.
    pub(crate) fn recompute_deadlines(
        &self,
        tx: &Transaction<'_>,
        incident: &Incident,
        matrix: &SeverityMatrix,
    ) -> Result<Vec<herald_core::DeadlineChange>, Error> {
        let mut facts = Vec::with_capacity(Audience::ALL.len());
        for audience in Audience::ALL {
            let last_update = updates::last_posted(tx, &incident.id, audience)?;
            let since = last_update.unwrap_or(incident.started_at);
            let snoozed_until = snoozes::active_until(tx, &incident.id, audience, since)?;
            facts.push((
                audience,
                AudienceFacts {
                    last_update,
                    snoozed_until,
                },
            ));
        }
        let after = cadence::deadlines(incident, matrix, |audience| {
            facts
                .iter()
                .find(|(a, _)| *a == audience)
                .map(|(_, f)| *f)
                .unwrap_or_default()
        });
        let before: Vec<_> = deadlines::for_incident(tx, &incident.id)?
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        let changes = cadence::changes(&before, &after);
        if !changes.is_empty() {
            deadlines::replace(tx, &incident.id, &after)?;
        }
        Ok(changes)
    }

    /// Recomputes every open incident's deadlines, e.g. after a matrix edit.
    pub(crate) fn refresh_all_deadlines(
        &self,
        tx: &Transaction<'_>,
        cause: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let matrix = settings::severity_matrix(tx)?;
        // An unreadable incident is skipped here; the board names it.
        for incident in incidents::all(tx)?.rows {
            self.refresh_deadlines(tx, &incident, &matrix, cause, now)?;
        }
        Ok(())
    }

    /// "Log an update I posted elsewhere": keeps it as an update and restarts
    /// that audience's cadence from now.
    pub fn log_update(
        &self,
        incident_id: &str,
        input: LoggedUpdate,
    ) -> Result<IncidentView, Error> {
        let input = input.validate()?;
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            self.record_update(tx, &incident, input, None, now)
                .map(drop)
        })?;
        self.incident(incident_id)
    }

    /// Stores an update with its timeline entry and resets the audience's
    /// deadline. Logging and publishing both come through here; an `author`
    /// of `None` means logged by hand, `Some` published from Herald.
    pub(crate) fn record_update(
        &self,
        tx: &Transaction<'_>,
        incident: &Incident,
        input: LoggedUpdate,
        published_by: impl Into<Option<String>>,
        now: DateTime<Utc>,
    ) -> Result<Update, Error> {
        let id = self.new_id();
        let published_by = published_by.into();
        let update = Update {
            id: id.clone(),
            incident_id: incident.id.clone(),
            audience: input.audience,
            body: input.body,
            posted_to: input.posted_to,
            posted_at: now,
            source: if published_by.is_some() {
                "published"
            } else {
                "logged"
            }
            .to_owned(),
            author: published_by.clone().unwrap_or_default(),
        };
        updates::insert(tx, &update)?;
        self.record_promises(tx, &update)?;
        let event = match published_by {
            Some(author) => EventKind::UpdatePublished {
                update_id: id,
                audience: update.audience,
                author,
            },
            None => EventKind::UpdateLogged {
                update_id: id,
                audience: update.audience,
                posted_to: update.posted_to.clone(),
            },
        };
        let cause = event.summary();
        self.record(tx, incident, vec![event], now)?;
        let matrix = settings::severity_matrix(tx)?;
        self.refresh_deadlines(tx, incident, &matrix, &cause, now)?;
        Ok(update)
    }

    /// Pushes one audience's deadline back 5, 10 or 15 minutes from when it is
    /// due (or from now, if it is already overdue), with the reason on the timeline.
    pub fn snooze(&self, incident_id: &str, request: SnoozeRequest) -> Result<IncidentView, Error> {
        let request = request.validate()?;
        let now = self.clock.now();
        let id = self.new_id();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let current = deadlines::for_incident(tx, incident_id)?
                .into_iter()
                .find(|(d, _)| d.audience == request.audience)
                .ok_or_else(|| {
                    Error::conflict(
                        "audience",
                        format!(
                            "No {} update is scheduled, so there is nothing to snooze.",
                            request.audience.label()
                        ),
                    )
                })?
                .0;
            let minutes = Duration::minutes(i64::from(request.minutes));
            snoozes::insert(
                tx,
                &Snooze {
                    id,
                    incident_id: incident.id.clone(),
                    audience: request.audience,
                    until: current.due_at.max(now) + minutes,
                    minutes: request.minutes,
                    reason: request.reason.clone(),
                    at: now,
                },
            )?;
            let snoozed = EventKind::DeadlineSnoozed {
                audience: request.audience,
                minutes: request.minutes,
                reason: request.reason,
            };
            let cause = format!(
                "Snoozed {} {} min",
                request.audience.label(),
                request.minutes
            );
            self.record(tx, &incident, vec![snoozed], now)?;
            let matrix = settings::severity_matrix(tx)?;
            self.refresh_deadlines(tx, &incident, &matrix, &cause, now)
        })?;
        self.incident(incident_id)
    }

    pub(crate) fn existing(
        &self,
        tx: &herald_store::Connection,
        id: &str,
    ) -> Result<Incident, Error> {
        incidents::get(tx, id)?.ok_or_else(|| Error::not_found("That incident"))
    }
}
