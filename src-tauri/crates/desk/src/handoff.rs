//! Handing the comms lead role over: the handoff text and block from Herald's
//! state, recorded when copied; and taking over from a pasted handoff, creating
//! the incident or merging into the one already here.

use chrono::{DateTime, Duration, Utc};
use herald_core::handoff::{
    self, AskState, AudienceState, HandoffFacts, HandoffFormat, HandoffPackage,
};
use herald_core::{Audience, EventKind, FieldError, Incident, Invalid, TimelineEvent};
use herald_store::drafts::StoredDraft;
use herald_store::settings::{self, HandoffPreferences};
use herald_store::{
    Connection, StoreError, Transaction, deadlines, drafts, incidents, notes, obligations, syncs,
    timeline, updates,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::team::keep_newer;
use crate::{Desk, Error};

/// How many of the latest updates and timeline events travel in a handoff:
/// what the next lead needs to carry on, short enough to paste into chat.
/// The whole history follows through the postmortem export.
const RECENT_UPDATES: usize = 12;
const RECENT_EVENTS: u32 = 40;

/// The handoff as the view shows it, before or after copying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandoffText {
    pub format: HandoffFormat,
    pub text: String,
}

/// What taking over did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TakeOver {
    pub incident_id: String,
    /// A new incident here, rather than a merge into one already here.
    pub created: bool,
    /// What taking over would do, worked out and rolled back: nothing was written.
    pub preview: bool,
    /// One sentence per thing that changed.
    pub changes: Vec<String>,
}

/// When the role last changed hands, and whether it is time to hand over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoleHolding {
    /// When the current lead took the role (declared, activated or taken over).
    pub since: DateTime<Utc>,
    /// The last handoff or take-over, as the timeline words it.
    pub last_change: Option<String>,
    pub suggest_handoff: bool,
    pub suggest_after_minutes: u32,
}

pub(crate) fn role_holding(
    incident: &Incident,
    events: &[TimelineEvent],
    preferences: &HandoffPreferences,
    now: DateTime<Utc>,
) -> RoleHolding {
    let change = events.iter().rev().find(|e| {
        matches!(
            e.kind,
            EventKind::TookOver { .. } | EventKind::HandedOff { .. }
        )
    });
    let taken = events
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EventKind::TookOver { .. }))
        .map(|e| e.at);
    let since = taken.unwrap_or(incident.started_at);
    let held = now - since;
    RoleHolding {
        since,
        last_change: change.map(|e| e.summary.clone()),
        suggest_handoff: incident.status.is_open()
            && held >= Duration::minutes(i64::from(preferences.suggest_after_minutes)),
        suggest_after_minutes: preferences.suggest_after_minutes,
    }
}

impl Desk {
    /// The handoff in `format` (or the lead's last choice), without recording it.
    pub fn handoff(
        &self,
        incident_id: &str,
        format: Option<HandoffFormat>,
        to_lead: &str,
    ) -> Result<HandoffText, Error> {
        let now = self.clock.now();
        Ok(self.store.read(|conn| {
            let format = match format {
                Some(format) => format,
                None => settings::handoff_preferences(conn)?.format,
            };
            let text = self.compose(conn, incident_id, format, to_lead.trim(), now)?;
            Ok(HandoffText { format, text })
        })?)
    }

    /// The handoff the lead is copying: recorded on the timeline (from whom, to
    /// whom) and its format remembered. Returns the exact text for the clipboard.
    pub fn copy_handoff(
        &self,
        incident_id: &str,
        format: HandoffFormat,
        to_lead: &str,
    ) -> Result<HandoffText, Error> {
        let now = self.clock.now();
        let to = to_lead.trim().to_owned();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let mut preferences = settings::handoff_preferences(tx)?;
            preferences.format = format;
            settings::save_handoff_preferences(tx, &preferences)?;
            let event = EventKind::HandedOff {
                from: incident.comms_lead.clone(),
                to: to.clone(),
                format: format.as_str().to_owned(),
            };
            self.record(tx, &incident, vec![event], now)?;
            let text = self.compose(tx, incident_id, format, &to, now)?;
            Ok(HandoffText { format, text })
        })
    }

    fn compose(
        &self,
        conn: &Connection,
        incident_id: &str,
        format: HandoffFormat,
        to_lead: &str,
        now: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let incident = incidents::get(conn, incident_id)?
            .ok_or_else(|| StoreError::BadData("that incident was not found".into()))?;
        let all_updates = updates::for_incident(conn, incident_id)?;
        let current = deadlines::for_incident(conn, incident_id)?;
        let constraints = notes::constraints(conn, incident_id)?;
        let asks = notes::asks(conn, incident_id)?;
        let audiences = Audience::ALL
            .into_iter()
            .map(|audience| {
                let mine: Vec<_> = all_updates
                    .iter()
                    .filter(|u| u.audience == audience)
                    .collect();
                let mut posted_to: Vec<String> = Vec::new();
                for u in &mine {
                    if !u.posted_to.is_empty() && !posted_to.contains(&u.posted_to) {
                        posted_to.push(u.posted_to.clone());
                    }
                }
                let deadline = current.iter().find(|(d, _)| d.audience == audience);
                AudienceState {
                    audience,
                    last_update: mine.first().map(|u| u.posted_at),
                    next_due: deadline.map(|(d, _)| d.due_at),
                    cadence_minutes: deadline.map(|(d, _)| d.cadence_minutes),
                    posted_to,
                }
            })
            .collect();
        let recent: Vec<_> = all_updates.iter().take(RECENT_UPDATES).cloned().collect();
        let receipts = crate::receipts::for_handoff(conn, incident_id, &recent)?;
        let judged = crate::promises::judged(conn, &incident, now)?;
        let mut open_promises: Vec<_> = judged
            .iter()
            .filter(|j| j.countdown)
            .map(|j| &j.promise)
            .collect();
        open_promises.sort_by_key(|p| p.due_at);
        let clocks = obligations::for_incident(conn, incident_id)?;
        let mut open_clocks: Vec<_> = clocks
            .iter()
            .filter(|c| c.state == herald_core::ObligationState::Open)
            .collect();
        open_clocks.sort_by_key(|c| (c.due_at().is_none(), c.due_at()));
        let facts = HandoffFacts {
            obligations: open_clocks,
            promises: open_promises,
            undelivered: crate::receipts::undelivered(&receipts, &recent),
            incident: &incident,
            public_message: all_updates
                .iter()
                .find(|u| u.audience == Audience::Customers),
            audiences,
            constraints: constraints
                .iter()
                .filter(|c| c.closed_at.is_none())
                .collect(),
            asks: asks.iter().filter(|a| a.state == AskState::Open).collect(),
            from_lead: &incident.comms_lead,
            to_lead,
            at: now,
            zone: self.clock.zone(),
            heads_up_minutes: settings::severity_matrix(conn)?.heads_up_minutes,
        };
        // The newest events by the index, then oldest first as the package keeps them.
        let mut events = timeline::page(conn, incident_id, None, RECENT_EVENTS)?;
        events.reverse();
        let package = HandoffPackage {
            exported_at: now,
            from_lead: incident.comms_lead.clone(),
            to_lead: to_lead.to_owned(),
            drafts: crate::team::snapshots(conn, incident_id)?
                .into_iter()
                .filter(|d| !d.body.is_empty())
                .collect(),
            receipts,
            obligations: clocks.clone(),
            updates: recent,
            deadlines: current.into_iter().map(|(d, _)| d).collect(),
            constraints: constraints.clone(),
            asks: asks.clone(),
            timeline: events,
            sync: syncs::latest(conn, incident_id)?,
            incident: incident.clone(),
        };
        Ok(handoff::compose(&facts, format, &package))
    }

    /// Takes the incident over from a pasted handoff. A paste that is not a
    /// valid handoff, or whose records fail the checks local input gets, is
    /// refused with the reason and changes nothing. Without `confirm` it only
    /// says what taking over would do: the same work, rolled back.
    pub fn take_over(&self, paste: &str, lead: &str, confirm: bool) -> Result<TakeOver, Error> {
        let lead = lead.trim().to_owned();
        let now = self.clock.now();
        let package = handoff::decode(paste)
            .and_then(|p| handoff::admission::admit(&p, now).map(|()| p))
            .map_err(|e| Error::from(Invalid(vec![FieldError::new("paste", e.to_string())])));
        let mut errors = Vec::new();
        if let Err(e) = &package {
            errors.extend(e.fields.clone());
        }
        if lead.is_empty() {
            errors.push(FieldError::new(
                "lead",
                "Say who is taking over (your name).",
            ));
        } else if let Some(why) =
            herald_core::text::single_line_problem(&lead, herald_core::incident::MAX_NAME)
        {
            errors.push(FieldError::new("lead", format!("Your name: {why}.")));
        }
        Invalid::check(errors)?;
        let mut package = package?;
        // A drill's handoff taken over here would make drill data a real
        // incident, one publish away from a real channel.
        if package
            .incident
            .title
            .starts_with(herald_core::drill::DRILL_MARK)
            && !self.drill.load(std::sync::atomic::Ordering::Relaxed)
        {
            return Err(Invalid(vec![FieldError::new(
                "paste",
                "This handoff is from a drill. A drill stays a drill: it cannot be taken over as a real incident.",
            )])
            .into());
        }
        // Kept as history, marked as another Herald's: never this lead's approvals.
        for event in &mut package.timeline {
            event.imported = true;
        }
        let id = self.new_id();
        let work = |tx: &Transaction<'_>| {
            let existing = incidents::get(tx, &package.incident.id)?;
            let (mut incident, created, mut changes) = match existing {
                None => self.import_new(tx, &package)?,
                Some(local) => self.merge(tx, local, &package)?,
            };
            if incident.comms_lead != lead {
                changes.push(format!(
                    "Comms lead: {} → {lead}",
                    or_none(&incident.comms_lead)
                ));
                incident.comms_lead = lead.clone();
            }
            incidents::update(tx, &incident)?;
            let event = TimelineEvent::new(
                id,
                incident.id.clone(),
                now,
                EventKind::TookOver {
                    from: package.from_lead.clone(),
                    to: lead.clone(),
                },
            );
            timeline::append(tx, &event)?;
            Ok(TakeOver {
                incident_id: incident.id,
                created,
                preview: !confirm,
                changes,
            })
        };
        if confirm {
            self.write(work)
        } else {
            self.store.rehearse(work)
        }
    }

    fn import_new(
        &self,
        tx: &Transaction<'_>,
        package: &HandoffPackage,
    ) -> Result<(Incident, bool, Vec<String>), Error> {
        let incident = package.incident.clone();
        if incidents::external_id_taken(tx, &incident.external_id)? {
            return Err(Error::conflict(
                "paste",
                format!(
                    "An incident with the ID {} already exists here under a different Herald record; resolve or rename it before taking over.",
                    incident.external_id
                ),
            ));
        }
        incidents::insert(tx, &incident)?;
        let merged = self.merge_records(tx, package, true)?;
        deadlines::replace(tx, &incident.id, &package.deadlines)?;
        let mut changes = vec![format!(
            "Created {} \"{}\" ({}, {})",
            incident.reference(),
            incident.title,
            incident.severity.as_str(),
            incident.status.as_str()
        )];
        changes.extend(merged);
        changes.push(format!(
            "{} deadline{} as handed over",
            package.deadlines.len(),
            plural(package.deadlines.len())
        ));
        Ok((incident, true, changes))
    }

    /// The incident is already here: keep every event once, and let the newer
    /// side win field by field.
    fn merge(
        &self,
        tx: &Transaction<'_>,
        mut local: Incident,
        package: &HandoffPackage,
    ) -> Result<(Incident, bool, Vec<String>), Error> {
        let local_latest = timeline::for_incident(tx, &local.id)?
            .last()
            .map(|e| e.at)
            .unwrap_or(local.started_at);
        let remote_latest = package
            .timeline
            .last()
            .map(|e| e.at)
            .unwrap_or(package.exported_at);
        let remote_newer = remote_latest > local_latest;
        let mut changes = self.merge_records(tx, package, remote_newer)?;
        if remote_newer {
            let remote = &package.incident;
            let mut field = |name: &str, before: String, after: String| {
                if before != after {
                    changes.push(format!("{name}: {before} → {after}"));
                }
            };
            field("Title", local.title.clone(), remote.title.clone());
            field(
                "Severity",
                local.severity.as_str().into(),
                remote.severity.as_str().into(),
            );
            field(
                "Status",
                local.status.as_str().into(),
                remote.status.as_str().into(),
            );
            field("Link", or_none(&local.link), or_none(&remote.link));
            field(
                "Commander",
                or_none(&local.commander),
                or_none(&remote.commander),
            );
            let comms_lead = local.comms_lead.clone();
            local = Incident {
                comms_lead,
                ..remote.clone()
            };
            let before = deadlines::for_incident(tx, &local.id)?;
            if before.iter().map(|(d, _)| d).ne(package.deadlines.iter()) {
                deadlines::replace(tx, &local.id, &package.deadlines)?;
                changes.push("Deadlines taken from the handoff (it is newer)".to_owned());
            }
        } else {
            changes.push(
                "Kept this Herald's incident fields and deadlines (they are newer)".to_owned(),
            );
        }
        if changes.is_empty() {
            changes
                .push("Nothing new: this Herald already had everything in the handoff".to_owned());
        }
        Ok((local, false, changes))
    }

    /// Events and updates by id (each once); constraints, asks and drafts where
    /// the handoff's copy is newer (or, for drafts, when `drafts_too`).
    fn merge_records(
        &self,
        tx: &Transaction<'_>,
        package: &HandoffPackage,
        remote_newer: bool,
    ) -> Result<Vec<String>, Error> {
        let id = &package.incident.id;
        let mut changes = Vec::new();
        let mut events = 0;
        for event in &package.timeline {
            events += usize::from(timeline::append_if_new(tx, event)?);
        }
        let mut added = 0;
        for update in &package.updates {
            added += usize::from(updates::insert_if_new(tx, update)?);
            // Promises are read again from the words, so both Heralds agree.
            self.record_promises(tx, update)?;
        }
        let clocks = keep_newer(
            tx,
            &package.obligations,
            &obligations::for_incident(tx, id)?,
            |o| (&o.id, o.updated_at),
            obligations::save,
        )?;
        if clocks > 0 {
            changes.push(format!(
                "{clocks} obligation clock{} taken from the handoff",
                if clocks == 1 { "" } else { "s" }
            ));
        }
        let constraints = keep_newer(
            tx,
            &package.constraints,
            &notes::constraints(tx, id)?,
            |c| (&c.id, c.updated_at),
            notes::save_constraint,
        )?;
        let asks = keep_newer(
            tx,
            &package.asks,
            &notes::asks(tx, id)?,
            |a| (&a.id, a.updated_at),
            notes::save_ask,
        )?;
        let mut sync_taken = 0;
        if let Some(sync) = &package.sync {
            let local = syncs::for_incident(tx, id)?;
            let newest = local.first().map(|s| s.at);
            if !local.iter().any(|s| s.id == sync.id) && newest.is_none_or(|at| sync.at > at) {
                syncs::insert(tx, sync)?;
                sync_taken = 1;
            }
        }
        let receipts_taken = crate::receipts::take(tx, package)?;
        let mut drafts_taken = 0;
        for d in &package.drafts {
            let local = drafts::get(tx, id, d.audience)?;
            if remote_newer
                && local
                    .as_ref()
                    .is_none_or(|l| d.updated_at > l.updated_at && d.body != l.body)
            {
                drafts::save(
                    tx,
                    &StoredDraft {
                        incident_id: id.clone(),
                        audience: d.audience,
                        body: d.body.clone(),
                        revision: local.map_or(1, |l| l.revision + 1),
                        template_kind: d.template_kind,
                        generated_from: None,
                        generated_body: String::new(),
                        reviewed_revision: None,
                        updated_at: d.updated_at,
                    },
                )?;
                drafts_taken += 1;
            }
        }
        for (count, what) in [
            (events, "timeline event"),
            (added, "published update"),
            (constraints, "constraint"),
            (asks, "comms ask"),
            (drafts_taken, "draft"),
            (sync_taken, "IC sync"),
            (receipts_taken, "delivery receipt"),
        ] {
            if count > 0 {
                changes.push(format!("{count} {what}{} from the handoff", plural(count)));
            }
        }
        Ok(changes)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "none".to_owned()
    } else {
        text.to_owned()
    }
}
