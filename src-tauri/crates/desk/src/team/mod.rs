//! Team sync's side of the desk: the facts of one incident that several
//! Heralds share, read out whole and merged back in. The sharing layer
//! (`herald-team`) carries them between Heralds and decides which incident
//! record and which draft text is newest; the rules for everything kept by id
//! live here, beside the handoff's, whose merge they share.
//!
//! Nothing here delivers: an update that arrives from another Herald is kept
//! as that Herald's, with its receipts, and only the Herald that published it
//! has a delivery for it in its outbox.

use chrono::{DateTime, Utc};
use herald_core::handoff::notes::{Ask, Constraint};
use herald_core::handoff::{DraftSnapshot, Receipt};
use herald_core::{Audience, IcSync, Incident, Obligation, TimelineEvent, Update};
use herald_store::drafts::StoredDraft;
use herald_store::snoozes::{self, Snooze};
use herald_store::{
    Connection, StoreError, Transaction, drafts, incidents, notes, obligations, receipts, settings,
    syncs, timeline, updates,
};
use serde::{Deserialize, Serialize};

mod setup;

pub use setup::{TeamConnection, TeamInput, TeamPeer, TeamSettings, TeamStatus};

use crate::{Desk, Error};

/// What a merge did: how many records changed, and what it left as the lead
/// has it because the lead changed it after the sharing layer read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub changed: usize,
    pub kept_incident: bool,
    pub kept_drafts: Vec<Audience>,
}

/// One incident as a team shares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedFacts {
    pub incident: Incident,
    pub timeline: Vec<TimelineEvent>,
    pub updates: Vec<Update>,
    pub syncs: Vec<IcSync>,
    /// Deadlines pushed back, so every Herald's deadlines count them.
    #[serde(default)]
    pub snoozes: Vec<Snooze>,
    pub constraints: Vec<Constraint>,
    pub asks: Vec<Ask>,
    pub obligations: Vec<Obligation>,
    pub drafts: Vec<DraftSnapshot>,
    /// What this Herald's own outbox did: each Herald speaks only for its
    /// own deliveries, so a receipt has one writer.
    pub receipts: Vec<Receipt>,
    /// The words each draft holds that a lead marked reviewed. A review is
    /// of words, not of a revision number (each Herald counts its own), so
    /// it counts wherever the draft holds those words and nowhere else.
    #[serde(default)]
    pub reviewed: Vec<ReviewedDraft>,
}

/// A draft's words a lead marked reviewed for accuracy and tone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedDraft {
    pub audience: Audience,
    pub body: String,
}

impl Desk {
    /// Everything about an incident that its team shares.
    pub fn shared_facts(&self, incident_id: &str) -> Result<SharedFacts, Error> {
        let facts = self.store.read(|conn| {
            let Some(incident) = incidents::get(conn, incident_id)? else {
                return Ok(None);
            };
            let all_updates = updates::for_incident(conn, incident_id)?;
            // One read of the drafts serves both their words and their reviews.
            let stored = drafts::for_incident(conn, incident_id)?;
            let receipts = crate::receipts::own(conn, incident_id)?;
            Ok(Some(SharedFacts {
                timeline: timeline::for_incident(conn, incident_id)?,
                syncs: syncs::for_incident(conn, incident_id)?,
                snoozes: snoozes::for_incident(conn, incident_id)?,
                constraints: notes::constraints(conn, incident_id)?,
                asks: notes::asks(conn, incident_id)?,
                obligations: obligations::for_incident(conn, incident_id)?,
                drafts: stored.iter().map(snapshot).collect(),
                reviewed: reviewed(&stored),
                updates: all_updates,
                receipts,
                incident,
            }))
        })?;
        facts.ok_or_else(|| Error::not_found("That incident"))
    }

    /// Whether this Herald holds the incident.
    pub fn has_incident(&self, incident_id: &str) -> Result<bool, Error> {
        Ok(self
            .store
            .read(|conn| Ok(incidents::get(conn, incident_id)?.is_some()))?)
    }

    /// Merges what the team's record holds: the incident record and draft
    /// bodies as given (the sharing layer chose them), everything else by id,
    /// newest first. Deadlines are then recomputed from the merged facts, as
    /// every Herald of the team does, so their clocks agree without being
    /// shared. Returns how many records changed; the change hook runs only
    /// when some did, so a merge that changes nothing wakes nobody.
    ///
    /// `seen` is what this Herald held when the sharing layer read it: an
    /// incident record or a draft the lead changed since is left as the lead
    /// has it (the next round offers the change), never overwritten by the
    /// team's older copy; the outcome says which were kept.
    pub fn merge_shared(
        &self,
        facts: &SharedFacts,
        seen: Option<&SharedFacts>,
    ) -> Result<Merged, Error> {
        let merged = self.store.write(|tx| {
            let incident = &facts.incident;
            let mut kept_incident = false;
            let mut changed = match incidents::get(tx, &incident.id)? {
                None => {
                    if incidents::external_id_taken(tx, &incident.external_id)? {
                        return Err(Error::conflict(
                            "incident",
                            format!(
                                "An incident with the ID {} is already here under another record; rename it before joining the shared one.",
                                incident.external_id
                            ),
                        ));
                    }
                    incidents::insert(tx, incident)?;
                    1
                }
                Some(local) if local != *incident => {
                    if seen.is_some_and(|s| s.incident == local) {
                        incidents::update(tx, incident)?;
                        1
                    } else {
                        kept_incident = true;
                        0
                    }
                }
                Some(_) => 0,
            };
            changed += self.merge_logs(tx, facts)?;
            changed += keep_newer(
                tx,
                &facts.constraints,
                &notes::constraints(tx, &incident.id)?,
                |c| (&c.id, c.updated_at),
                notes::save_constraint,
            )?;
            changed += keep_newer(
                tx,
                &facts.asks,
                &notes::asks(tx, &incident.id)?,
                |a| (&a.id, a.updated_at),
                notes::save_ask,
            )?;
            changed += keep_newer(
                tx,
                &facts.obligations,
                &obligations::for_incident(tx, &incident.id)?,
                |o| (&o.id, o.updated_at),
                obligations::save,
            )?;
            let seen_drafts = seen.map(|s| s.drafts.as_slice()).unwrap_or_default();
            let (drafts_changed, kept_drafts) =
                merge_drafts(tx, &incident.id, &facts.drafts, seen_drafts)?;
            changed += drafts_changed;
            changed += take_reviews(tx, &incident.id, &facts.reviewed)?;
            let own = crate::receipts::own(tx, &incident.id)?;
            for r in &facts.receipts {
                let mine = own
                    .iter()
                    .any(|o| o.update_id == r.update_id && o.channel == r.channel && o.kind == r.kind);
                if !mine {
                    changed += usize::from(receipts::save(tx, r)?);
                }
            }
            if changed > 0 {
                let incident = self.existing(tx, &incident.id)?;
                let matrix = settings::severity_matrix(tx)?;
                self.recompute_deadlines(tx, &incident, &matrix)?;
            }
            Ok(Merged {
                changed,
                kept_incident,
                kept_drafts,
            })
        })?;
        if merged.changed > 0 {
            self.changed();
        }
        Ok(merged)
    }

    /// Timeline events, updates, snoozes and IC syncs: each kept once, by id.
    fn merge_logs(&self, tx: &Transaction<'_>, facts: &SharedFacts) -> Result<usize, Error> {
        let mut changed = 0;
        for event in &facts.timeline {
            changed += usize::from(timeline::append_if_new(tx, event)?);
        }
        for update in &facts.updates {
            if updates::insert_if_new(tx, update)? {
                // Promises are read again from the words, so both Heralds agree.
                self.record_promises(tx, update)?;
                changed += 1;
            }
        }
        for snooze in &facts.snoozes {
            changed += usize::from(snoozes::insert_if_new(tx, snooze)?);
        }
        let local = syncs::for_incident(tx, &facts.incident.id)?;
        for sync in &facts.syncs {
            if !local.iter().any(|s| s.id == sync.id) {
                syncs::insert(tx, sync)?;
                changed += 1;
            }
        }
        Ok(changed)
    }
}

/// An incident's drafts as they travel to a team or in a handoff.
pub(crate) fn snapshots(
    conn: &Connection,
    incident_id: &str,
) -> Result<Vec<DraftSnapshot>, StoreError> {
    Ok(drafts::for_incident(conn, incident_id)?
        .iter()
        .map(snapshot)
        .collect())
}

fn snapshot(d: &StoredDraft) -> DraftSnapshot {
    DraftSnapshot {
        audience: d.audience,
        body: d.body.clone(),
        template_kind: d.template_kind,
        updated_at: d.updated_at,
    }
}

/// The drafts whose current words this Herald's lead marked reviewed.
fn reviewed(stored: &[StoredDraft]) -> Vec<ReviewedDraft> {
    stored
        .iter()
        .filter(|d| d.reviewed_revision == Some(d.revision))
        .map(|d| ReviewedDraft {
            audience: d.audience,
            body: d.body.clone(),
        })
        .collect()
}

/// Marks reviewed each draft here that holds exactly the words a teammate
/// reviewed; a draft whose words differ, by one character, stays unreviewed.
fn take_reviews(
    tx: &Transaction<'_>,
    incident_id: &str,
    reviews: &[ReviewedDraft],
) -> Result<usize, StoreError> {
    let mut changed = 0;
    for review in reviews {
        let Some(mut draft) = drafts::get(tx, incident_id, review.audience)? else {
            continue;
        };
        if draft.body == review.body && draft.reviewed_revision != Some(draft.revision) {
            draft.reviewed_revision = Some(draft.revision);
            drafts::save(tx, &draft)?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Saves each incoming record that is new here or newer than the copy here;
/// says how many it saved. Shared by take-over and team sync.
pub(crate) fn keep_newer<T>(
    tx: &Transaction<'_>,
    incoming: &[T],
    local: &[T],
    key: impl Fn(&T) -> (&String, DateTime<Utc>),
    save: impl Fn(&Connection, &T) -> Result<(), StoreError>,
) -> Result<usize, StoreError> {
    let mut saved = 0;
    for record in incoming {
        let (id, updated_at) = key(record);
        let newer = local
            .iter()
            .map(&key)
            .find(|(local_id, _)| *local_id == id)
            .is_none_or(|(_, local_at)| updated_at > local_at);
        if newer {
            save(tx, record)?;
            saved += 1;
        }
    }
    Ok(saved)
}

/// Draft bodies as the team's record has them, where the lead has not typed
/// since they were read (`seen`); a body that changes is a new revision, so a
/// review of the old words no longer counts. Says how many changed, and
/// which the lead's typing kept.
fn merge_drafts(
    tx: &Transaction<'_>,
    incident_id: &str,
    shared: &[DraftSnapshot],
    seen: &[DraftSnapshot],
) -> Result<(usize, Vec<Audience>), StoreError> {
    let mut changed = 0;
    let mut kept = Vec::new();
    for d in shared {
        let local = drafts::get(tx, incident_id, d.audience)?;
        let body = local.as_ref().map(|l| l.body.as_str());
        let seen_body = seen
            .iter()
            .find(|s| s.audience == d.audience)
            .map(|s| s.body.as_str());
        if body == Some(d.body.as_str()) {
            continue;
        }
        if body.is_some_and(|b| Some(b) != seen_body) {
            kept.push(d.audience);
            continue;
        }
        drafts::save(
            tx,
            &StoredDraft {
                incident_id: incident_id.to_owned(),
                audience: d.audience,
                body: d.body.clone(),
                revision: local.as_ref().map_or(1, |l| l.revision + 1),
                template_kind: d.template_kind,
                generated_from: local.as_ref().and_then(|l| l.generated_from.clone()),
                generated_body: local.map(|l| l.generated_body).unwrap_or_default(),
                reviewed_revision: None,
                updated_at: d.updated_at,
            },
        )?;
        changed += 1;
    }
    Ok((changed, kept))
}
