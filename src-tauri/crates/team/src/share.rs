//! One incident shared from this Herald: the desk's facts and the team's
//! record kept in step both ways, on one thread woken by a change on either
//! side. The record and what this Herald last agreed with it are saved beside
//! the database, so an offline restart carries on where it stopped.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, RandomState};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use herald_core::handoff::DraftSnapshot;
use herald_core::handoff::Receipt;
use herald_core::handoff::notes::{Ask, Constraint};
use herald_core::{Audience, IcSync, Incident, Obligation, TemplateKind, TimelineEvent, Update};
use herald_desk::{Desk, ErrorCode, ReviewedDraft, SharedFacts, Snooze};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use yrs::{Origin, Subscription};

use crate::link::REMOTE;
use crate::{Endpoint, FieldValue, Link, LinkState, Log, Presence, SharedIncident, TeamError};

/// How often the thread looks again with nothing to wake it: a backstop,
/// since every change on either side wakes it at once.
const IDLE: Duration = Duration::from_secs(2);

/// What this Herald and the team's record last agreed on, per incident
/// record and draft: a side that differs from it is the side that changed.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Agreed {
    /// This Herald's writer id in the record, kept for its life.
    peer: u32,
    /// The incident record's fields (each as JSON), so two leads changing
    /// different fields apart both keep their change.
    incident: BTreeMap<String, String>,
    drafts: BTreeMap<String, String>,
    /// The reviewed words per draft, as the record last had them: a review
    /// made here is offered once, and a review the record dropped (someone
    /// edited the words) is not offered back.
    #[serde(default)]
    reviewed: BTreeMap<String, String>,
}

struct Sharing {
    desk: Arc<Desk>,
    incident_id: String,
    person: String,
    record: SharedIncident,
    agreed: Mutex<Agreed>,
    files: (PathBuf, PathBuf),
    /// The connection to the server; gone once a teammate removed this
    /// lead, so nothing more travels either way.
    link: Mutex<Option<Link>>,
    /// Who removed this lead from the shared incident, once someone did.
    removed_by: Mutex<Option<String>>,
}

/// A shared incident on this Herald.
pub struct Share {
    sharing: Arc<Sharing>,
    stop: Arc<AtomicBool>,
    wake: Sender<()>,
    thread: Option<JoinHandle<()>>,
    _remote_changes: Subscription,
}

impl std::fmt::Debug for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Share")
            .field("incident_id", &self.sharing.incident_id)
            .field("state", &self.state())
            .finish_non_exhaustive()
    }
}

impl Share {
    /// Shares (or joins) `incident_id` through `endpoint` as `person`,
    /// keeping the record in `dir`. Joining an incident this Herald does not
    /// hold brings it in as soon as the record arrives.
    pub fn start(
        desk: Arc<Desk>,
        incident_id: &str,
        endpoint: Endpoint,
        person: &str,
        dir: &Path,
        on_merged: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Share, TeamError> {
        std::fs::create_dir_all(dir).map_err(|e| TeamError::Damaged(e.to_string()))?;
        let files = (
            dir.join(format!("{incident_id}.ydoc")),
            dir.join(format!("{incident_id}.agreed.json")),
        );
        let mut agreed: Agreed = match std::fs::read(&files.1) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| TeamError::Damaged(e.to_string()))?
            }
            Err(_) => Agreed::default(),
        };
        if agreed.peer == 0 {
            // A random writer id, as Yjs makes its own: two Heralds with one
            // id would take each other's edits for their own.
            agreed.peer = (RandomState::new().hash_one(incident_id) as u32).max(1);
        }
        let record = match std::fs::read(&files.0) {
            Ok(saved) => SharedIncident::load(agreed.peer, &saved)?,
            Err(_) => SharedIncident::new(agreed.peer),
        };
        let me = Presence {
            person: person.to_owned(),
            editing: None,
        };
        // A lead a teammate removed stays off the server after a restart.
        let removed_by = record.removed().remove(person);
        let link = removed_by
            .is_none()
            .then(|| Link::start(&record, endpoint, &me));
        let (wake, woken) = channel::<()>();
        let remote = Origin::from(REMOTE);
        let on_remote = wake.clone();
        let remote_changes = record
            .doc()
            .observe_update_v1(move |txn, _| {
                if txn.origin() == Some(&remote) {
                    let _ = on_remote.send(());
                }
            })
            .map_err(|e| TeamError::Damaged(e.to_string()))?;
        let on_desk = Mutex::new(wake.clone());
        desk.watch_changes(Arc::new(move || {
            if let Ok(wake) = on_desk.lock() {
                let _ = wake.send(());
            }
        }));
        let sharing = Arc::new(Sharing {
            desk,
            incident_id: incident_id.to_owned(),
            person: person.to_owned(),
            record,
            agreed: Mutex::new(agreed),
            files,
            link: Mutex::new(link),
            removed_by: Mutex::new(removed_by),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let sharing = sharing.clone();
            let stop = stop.clone();
            std::thread::Builder::new()
                .name("herald-team-share".into())
                .spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        match sharing.step() {
                            Ok(0) => {}
                            Ok(_) => on_merged(),
                            Err(e) => tracing::warn!(target: "herald::team", "sharing {}: {e}", sharing.incident_id),
                        }
                        match woken.recv_timeout(IDLE) {
                            Ok(()) | Err(RecvTimeoutError::Timeout) => while woken.try_recv().is_ok() {},
                            Err(RecvTimeoutError::Disconnected) => break,
                        }
                    }
                })
                .map_err(|e| TeamError::Damaged(e.to_string()))?
        };
        Ok(Share {
            sharing,
            stop,
            wake,
            thread: Some(thread),
            _remote_changes: remote_changes,
        })
    }

    pub fn state(&self) -> LinkState {
        lock(&self.sharing.link)
            .as_ref()
            .map_or(LinkState::Offline("removed".into()), Link::state)
    }

    /// Who removed this lead from the shared incident, if someone did: the
    /// Herald then keeps its own copy and shares nothing more.
    pub fn removed_by(&self) -> Option<String> {
        lock(&self.sharing.removed_by).clone()
    }

    /// Who else has the incident open, and which draft each is in; people
    /// removed from it are not shown even while their Herald lingers.
    pub fn peers(&self) -> Vec<Presence> {
        let removed = self.sharing.record.removed();
        lock(&self.sharing.link)
            .as_ref()
            .map(Link::peers)
            .unwrap_or_default()
            .into_iter()
            .filter(|p| !removed.contains_key(&p.person))
            .collect()
    }

    /// Tells the others which draft this lead is in (none: the cockpit).
    pub fn set_editing(&self, audience: Option<Audience>) {
        if let Some(link) = lock(&self.sharing.link).as_ref() {
            link.set_presence(&Presence {
                person: self.sharing.person.clone(),
                editing: audience.map(|a| a.as_str().to_owned()),
            });
        }
    }

    /// Takes a teammate out of the shared incident. Their Herald stops
    /// sharing when it reads this and keeps what it held; a Herald that
    /// ignores it is kept out by rotating the team key (README).
    pub fn remove(&self, person: &str) -> Result<(), TeamError> {
        let person = person.trim();
        if person.is_empty() || person == self.sharing.person {
            return Err(TeamError::Desk(
                "Name a teammate to remove; to leave the shared incident yourself, stop sharing."
                    .into(),
            ));
        }
        let at_ms = self.sharing.desk.now().timestamp_millis();
        self.sharing
            .record
            .remove_person(person, &self.sharing.person, at_ms);
        let _ = self.wake.send(());
        Ok(())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

impl Drop for Share {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = self.wake.send(());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn read<T: DeserializeOwned>(entries: impl IntoIterator<Item = String>) -> Vec<T> {
    entries
        .into_iter()
        .filter_map(|e| serde_json::from_str(&e).ok())
        .collect()
}

/// An incident record's fields, each as JSON, by name.
fn incident_fields(incident: &Incident) -> BTreeMap<String, String> {
    match serde_json::to_value(incident) {
        Ok(serde_json::Value::Object(fields)) => fields
            .into_iter()
            .map(|(key, value)| (key, value.to_string()))
            .collect(),
        _ => BTreeMap::new(),
    }
}

impl Sharing {
    fn step(&self) -> Result<usize, TeamError> {
        if lock(&self.removed_by).is_some() {
            return Ok(0);
        }
        if let Some(by) = self.record.removed().remove(&self.person) {
            // Dropping the link closes the connection: from now on this
            // Herald neither sends nor receives, and keeps what it holds.
            // The guard is released first: dropping the link waits for its
            // thread, and the window's status reads must not wait with it.
            let link = lock(&self.link).take();
            drop(link);
            *lock(&self.removed_by) = Some(by);
            std::fs::write(&self.files.0, self.record.save())
                .map_err(|e| TeamError::Damaged(e.to_string()))?;
            return Ok(1);
        }
        let mut agreed = lock(&self.agreed);
        let local = match self.desk.shared_facts(&self.incident_id) {
            Ok(facts) => Some(facts),
            Err(e) if e.code == ErrorCode::NotFound => None,
            Err(e) => return Err(TeamError::Desk(e.message)),
        };
        if let Some(local) = &local {
            self.offer(local, &mut agreed);
        }
        let taken = match self.record_facts(local.as_ref()) {
            Some(facts) => {
                let merged = self
                    .desk
                    .merge_shared(&facts, local.as_ref())
                    .map_err(|e| TeamError::Desk(e.message))?;
                // What the desk now holds is agreed; what the lead changed
                // meanwhile keeps its old base, so the next round offers the
                // change against what it was made from, and nobody's words
                // are taken back.
                if !merged.kept_incident {
                    agreed.incident = incident_fields(&facts.incident);
                }
                for d in facts
                    .drafts
                    .iter()
                    .filter(|d| !merged.kept_drafts.contains(&d.audience))
                {
                    agreed
                        .drafts
                        .insert(d.audience.as_str().to_owned(), d.body.clone());
                }
                agreed.reviewed = facts
                    .reviewed
                    .iter()
                    .map(|r| (r.audience.as_str().to_owned(), r.body.clone()))
                    .collect();
                merged.changed
            }
            None => 0,
        };
        std::fs::write(&self.files.0, self.record.save())
            .and_then(|()| std::fs::write(&self.files.1, json(&*agreed)))
            .map_err(|e| TeamError::Damaged(e.to_string()))?;
        Ok(taken)
    }

    /// Puts what changed here into the record: new log entries, records
    /// newer here, this Herald's receipts, and the incident and drafts where
    /// they differ from what was last agreed.
    fn offer(&self, local: &SharedFacts, agreed: &mut Agreed) {
        let record = &self.record;
        for e in &local.timeline {
            record.append(Log::Timeline, &e.id, &json(e));
        }
        for u in &local.updates {
            record.append(Log::Ledger, &u.id, &json(u));
        }
        for s in &local.syncs {
            record.append(Log::Syncs, &s.id, &json(s));
        }
        for s in &local.snoozes {
            record.append(Log::Snoozes, &s.id, &json(s));
        }
        let by = &self.person;
        let newer = |field: String, value: String, at_ms: i64| {
            if record.field(&field).is_none_or(|now| now.at_ms < at_ms) {
                record.set_field(
                    &field,
                    &FieldValue {
                        value,
                        at_ms,
                        by: by.clone(),
                    },
                );
            }
        };
        for c in &local.constraints {
            newer(
                format!("constraint:{}", c.id),
                json(c),
                c.updated_at.timestamp_millis(),
            );
        }
        for a in &local.asks {
            newer(
                format!("ask:{}", a.id),
                json(a),
                a.updated_at.timestamp_millis(),
            );
        }
        for o in &local.obligations {
            newer(
                format!("obligation:{}", o.id),
                json(o),
                o.updated_at.timestamp_millis(),
            );
        }
        for r in &local.receipts {
            let field = format!("receipt:{}:{}:{}", r.update_id, r.kind.as_str(), r.channel);
            let value = json(r);
            if record.field(&field).is_none_or(|now| now.value != value) {
                record.set_field(
                    &field,
                    &FieldValue {
                        value,
                        at_ms: self.desk.now().timestamp_millis(),
                        by: by.clone(),
                    },
                );
            }
        }
        for (key, value) in incident_fields(&local.incident) {
            let field = format!("incident.{key}");
            if agreed.incident.get(&key) != Some(&value)
                && record.field(&field).is_none_or(|now| now.value != value)
            {
                let at_ms = self.desk.now().timestamp_millis();
                record.set_field(
                    &field,
                    &FieldValue {
                        value: value.clone(),
                        at_ms,
                        by: by.clone(),
                    },
                );
                agreed.incident.insert(key, value);
            }
        }
        for d in &local.drafts {
            let audience = d.audience.as_str();
            let base = agreed.drafts.get(audience).cloned().unwrap_or_default();
            if d.body != base {
                record.revise_draft(audience, &base, &d.body);
                // The record holds this edit now; until the desk takes the
                // record's text back, this body is the one to compare with,
                // so the edit is never offered twice.
                agreed.drafts.insert(audience.to_owned(), d.body.clone());
                let at_ms = self.desk.now().timestamp_millis();
                record.set_field(
                    &format!("draft-kind:{audience}"),
                    &FieldValue {
                        value: json(&d.template_kind),
                        at_ms,
                        by: by.clone(),
                    },
                );
                // New words are unreviewed words, here as on every Herald.
                record.set_field(
                    &format!("reviewed:{audience}"),
                    &FieldValue {
                        value: String::new(),
                        at_ms,
                        by: by.clone(),
                    },
                );
                agreed.reviewed.remove(audience);
            }
        }
        for r in &local.reviewed {
            let audience = r.audience.as_str();
            if agreed.reviewed.get(audience) != Some(&r.body) {
                record.set_field(
                    &format!("reviewed:{audience}"),
                    &FieldValue {
                        value: r.body.clone(),
                        at_ms: self.desk.now().timestamp_millis(),
                        by: by.clone(),
                    },
                );
                agreed.reviewed.insert(audience.to_owned(), r.body.clone());
            }
        }
    }

    /// The record as facts for the desk; none while it holds no incident.
    fn record_facts(&self, local: Option<&SharedFacts>) -> Option<SharedFacts> {
        let record = &self.record;
        let fields: serde_json::Map<String, serde_json::Value> = record
            .fields("incident.")
            .into_iter()
            .filter_map(|(key, v)| {
                let value = serde_json::from_str(&v.value).ok()?;
                Some((key.strip_prefix("incident.")?.to_owned(), value))
            })
            .collect();
        let incident: Incident = serde_json::from_value(fields.into()).ok()?;
        let values = |prefix: &str| record.fields(prefix).into_values().map(|v| v.value);
        let kinds = record.fields("draft-kind:");
        let drafts = Audience::ALL
            .into_iter()
            .filter_map(|audience| {
                let body = record.draft(audience.as_str());
                let here = local.and_then(|l| l.drafts.iter().find(|d| d.audience == audience));
                if body.is_empty() && here.is_none() {
                    return None;
                }
                let template_kind = kinds
                    .get(&format!("draft-kind:{}", audience.as_str()))
                    .and_then(|k| serde_json::from_str::<TemplateKind>(&k.value).ok())
                    .or(here.map(|d| d.template_kind))
                    .unwrap_or(TemplateKind::Investigating);
                Some(DraftSnapshot {
                    audience,
                    body,
                    template_kind,
                    updated_at: self.desk.now(),
                })
            })
            .collect();
        Some(SharedFacts {
            incident,
            timeline: read::<TimelineEvent>(record.entries(Log::Timeline).into_values()),
            updates: read::<Update>(record.entries(Log::Ledger).into_values()),
            syncs: read::<IcSync>(record.entries(Log::Syncs).into_values()),
            snoozes: read::<Snooze>(record.entries(Log::Snoozes).into_values()),
            constraints: read::<Constraint>(values("constraint:")),
            asks: read::<Ask>(values("ask:")),
            obligations: read::<Obligation>(values("obligation:")),
            drafts,
            receipts: read::<Receipt>(values("receipt:")),
            reviewed: record
                .fields("reviewed:")
                .into_iter()
                .filter(|(_, v)| !v.value.is_empty())
                .filter_map(|(field, v)| {
                    Some(ReviewedDraft {
                        audience: Audience::parse(field.strip_prefix("reviewed:")?)?,
                        body: v.value,
                    })
                })
                .collect(),
        })
    }
}
