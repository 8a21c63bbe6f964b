//! IC syncs and the audience drafts written from them: pulling the IC's state,
//! generating each audience's draft, autosaving the lead's edits, regenerating
//! with a preview, and marking a draft reviewed.

use chrono::{DateTime, Utc};
use herald_core::cadence::{self, AudienceFacts};
use herald_core::guardrails::LintContext;
use herald_core::templates::{self, Fill, Tz, next_update_line, parse_zone};
use herald_core::told::{self, DraftToCheck, Record, Told};
use herald_core::update::MAX_BODY;
use herald_core::{
    Audience, EtaConfidence, EventKind, GuardrailSettings, IcSync, Incident, IncidentChange,
    ResolutionGate, SyncFacts, TemplateKind, TemplateSet, TimelineEvent, Update,
};
use herald_store::drafts::{self, StoredDraft};
use herald_store::{
    Connection, StoreError, Transaction, notes, settings, syncs, timeline, updates,
};

use crate::{Desk, DraftView, Error, IncidentView};

/// Everything a draft is checked and generated against, read once.
pub(crate) struct DraftContext {
    pub incident: Incident,
    pub latest_sync: Option<IcSync>,
    pub templates: TemplateSet,
    pub guardrails: GuardrailSettings,
    pub gate: ResolutionGate,
    pub footer: Option<String>,
    /// The audiences that have had an update on this incident already.
    pub told: Vec<Audience>,
    /// Names no update may carry: the roster, the commander, the comms lead
    /// and every ask's owner.
    pub people: Vec<String>,
    /// What went out and what the IC said, oldest first, for the matrix of
    /// who has been told what and the consistency check against it.
    history: History,
    pub matrix: Told,
    now: DateTime<Utc>,
}

struct History {
    updates: Vec<Update>,
    syncs: Vec<IcSync>,
    timeline: Vec<TimelineEvent>,
    zone: Tz,
}

impl History {
    fn record<'a>(&'a self, incident: &'a Incident) -> Record<'a> {
        Record {
            incident,
            updates: &self.updates,
            syncs: &self.syncs,
            timeline: &self.timeline,
            zone: self.zone,
        }
    }
}

impl DraftContext {
    pub fn load(
        conn: &Connection,
        incident: Incident,
        timeline: &[TimelineEvent],
        now: DateTime<Utc>,
    ) -> Result<DraftContext, StoreError> {
        let matrix = settings::severity_matrix(conn)?;
        let gate = ResolutionGate::compute(
            &incident,
            matrix.policy(incident.severity).hold_minutes,
            timeline,
            now,
        );
        // A customer update published now makes the next one due one cadence
        // later; that is the time the footer promises.
        let zone = parse_zone(&settings::customer_time_zone(conn)?).unwrap_or(Tz::UTC);
        let footer = if incident.status.is_open() {
            cadence::deadlines(&incident, &matrix, |audience| AudienceFacts {
                last_update: (audience == Audience::Customers).then_some(now),
                snoozed_until: None,
            })
            .into_iter()
            .find(|d| d.audience == Audience::Customers)
            .map(|d| next_update_line(d.due_at, zone))
        } else {
            None
        };
        let told = timeline
            .iter()
            .filter_map(|event| match &event.kind {
                EventKind::UpdatePublished { audience, .. }
                | EventKind::UpdateLogged { audience, .. } => Some(*audience),
                _ => None,
            })
            .collect();
        let guardrails = settings::guardrails(conn)?;
        let mut people = guardrails.roster.clone();
        people.extend([incident.commander.clone(), incident.comms_lead.clone()]);
        people.extend(
            notes::asks(conn, &incident.id)?
                .into_iter()
                .map(|a| a.owner),
        );
        people.retain(|name| !name.trim().is_empty());
        // The store lists both newest first; the matrix reads them in order,
        // each update as its readers have it now (corrected, where it was).
        let mut sent = updates::for_incident(conn, &incident.id)?;
        sent.reverse();
        let corrections = herald_store::corrections::for_incident(conn, &incident.id)?;
        for update in &mut sent {
            let own: Vec<_> = corrections
                .iter()
                .filter(|c| c.update_id == update.id)
                .cloned()
                .collect();
            update.body = herald_core::correction::current_text(&update.body, &own).to_owned();
        }
        let mut said = syncs::for_incident(conn, &incident.id)?;
        said.reverse();
        let history = History {
            updates: sent,
            syncs: said,
            timeline: timeline.to_vec(),
            zone,
        };
        let matrix = Told::build(&history.record(&incident));
        Ok(DraftContext {
            told,
            people,
            history,
            matrix,
            now,
            latest_sync: syncs::latest(conn, &incident.id)?,
            templates: settings::templates(conn)?,
            guardrails,
            incident,
            gate,
            footer,
        })
    }

    fn render(&self, audience: Audience, kind: TemplateKind) -> String {
        templates::render(
            self.templates.body(audience, kind),
            &Fill {
                incident: &self.incident,
                sync: self.latest_sync.as_ref().map(|s| &s.facts),
                previous_update: self.told.contains(&audience),
            },
        )
    }

    /// A fresh draft, generated for the incident's current status. Before the
    /// first IC sync there are no facts to write from, so it starts empty.
    fn generate(&self, audience: Audience, revision: u32, now: DateTime<Utc>) -> StoredDraft {
        let kind = TemplateKind::for_status(self.incident.status);
        let body = if self.latest_sync.is_some() {
            self.render(audience, kind)
        } else {
            String::new()
        };
        StoredDraft {
            incident_id: self.incident.id.clone(),
            audience,
            generated_body: body.clone(),
            body,
            revision,
            template_kind: kind,
            generated_from: self.latest_sync.as_ref().map(|s| s.id.clone()),
            reviewed_revision: None,
            updated_at: now,
        }
    }

    /// The "Next update by" line a customer update ends with. A resolution
    /// message promises no next update, so it has none.
    pub fn footer_for(&self, draft: &StoredDraft) -> Option<&str> {
        (draft.audience == Audience::Customers && draft.template_kind != TemplateKind::Resolution)
            .then_some(self.footer.as_deref())
            .flatten()
    }

    pub fn findings(&self, audience: Audience, body: &str) -> Vec<herald_core::Finding> {
        let context = LintContext {
            eta_confirmed: self
                .latest_sync
                .as_ref()
                .is_some_and(|s| s.facts.eta_confidence == EtaConfidence::Confirmed),
            resolution_allowed: self.gate.is_open(),
            glossary: &self.guardrails.glossary,
            names: &self.people,
            ourselves: &self.guardrails.organisation,
        };
        let mut findings = crate::lint_memo::findings(body, &context);
        let draft = DraftToCheck {
            audience,
            text: body,
            now: self.now,
        };
        let record = self.history.record(&self.incident);
        findings.extend(told::check(&draft, &self.matrix, &record));
        findings.sort_by_key(|f| (f.start, f.end));
        self.guardrails.apply(audience, findings)
    }

    pub fn view(&self, draft: &StoredDraft) -> DraftView {
        let footer = self.footer_for(draft).map(str::to_owned);
        let length =
            draft.body.chars().count() + footer.as_ref().map_or(0, |f| f.chars().count() + 2);
        DraftView {
            audience: draft.audience,
            revision: draft.revision,
            template_kind: draft.template_kind,
            edited: draft.body != draft.generated_body,
            stale: draft.generated_from.as_deref()
                != self.latest_sync.as_ref().map(|s| s.id.as_str()),
            reviewed: draft.reviewed_revision == Some(draft.revision),
            review_required: self.guardrails.for_audience(draft.audience).review_required,
            findings: self.findings(draft.audience, &draft.body),
            length: u32::try_from(length).unwrap_or(u32::MAX),
            footer,
            body: draft.body.clone(),
        }
    }

    /// Every audience's draft, generating (not saving) the ones never written.
    pub fn views(&self, stored: &[StoredDraft], now: DateTime<Utc>) -> Vec<DraftView> {
        Audience::ALL
            .into_iter()
            .map(
                |audience| match stored.iter().find(|d| d.audience == audience) {
                    Some(draft) => self.view(draft),
                    None => self.view(&self.generate(audience, 0, now)),
                },
            )
            .collect()
    }
}

impl Desk {
    pub(crate) fn draft_context(
        &self,
        conn: &Connection,
        incident_id: &str,
    ) -> Result<DraftContext, Error> {
        let incident = self.existing(conn, incident_id)?;
        let events = timeline::for_incident(conn, incident_id)?;
        Ok(DraftContext::load(
            conn,
            incident,
            &events,
            self.clock.now(),
        )?)
    }

    /// Saves an IC sync, moves the incident to the status the IC reported, and
    /// regenerates every draft the lead has not edited since it was generated.
    pub fn sync(&self, incident_id: &str, facts: SyncFacts) -> Result<IncidentView, Error> {
        let facts = facts.validate()?;
        let now = self.clock.now();
        let id = self.new_id();
        self.write(|tx| {
            let mut incident = self.existing(tx, incident_id)?;
            if facts.status != incident.status {
                let change = IncidentChange::Status(facts.status);
                incident = self.change_in(tx, incident, change, now)?;
            }
            let previous = syncs::latest(tx, incident_id)?
                .map(|s| s.facts)
                .unwrap_or(SyncFacts {
                    status: facts.status,
                    ..SyncFacts::default()
                });
            let sync = IcSync {
                id: id.clone(),
                incident_id: incident.id.clone(),
                at: now,
                facts: facts.clone(),
            };
            syncs::insert(tx, &sync)?;
            let changes = facts.changes_since(&previous);
            self.record(
                tx,
                &incident,
                vec![EventKind::IcSynced {
                    sync_id: id,
                    changes,
                }],
                now,
            )?;
            let context = self.draft_context(tx, incident_id)?;
            for audience in Audience::ALL {
                let stored = drafts::get(tx, incident_id, audience)?;
                let untouched = stored.as_ref().is_none_or(|d| d.body == d.generated_body);
                if untouched {
                    let revision = stored.map_or(1, |d| d.revision + 1);
                    drafts::save(tx, &context.generate(audience, revision, now))?;
                }
            }
            Ok::<(), Error>(())
        })?;
        self.incident(incident_id)
    }

    /// Autosaves the lead's text. Any edit clears the review mark, because the
    /// review was of the text before it.
    pub fn save_draft(
        &self,
        incident_id: &str,
        audience: Audience,
        body: String,
    ) -> Result<DraftView, Error> {
        // A bell or an escape pasted into a draft would reach every channel.
        let body = herald_core::text::clean_multiline(&body);
        check_length(&body)?;
        let now = self.clock.now();
        let (context, draft) = self.write(|tx| {
            let context = self.draft_context(tx, incident_id)?;
            let mut draft = drafts::get(tx, incident_id, audience)?
                .unwrap_or_else(|| context.generate(audience, 0, now));
            if draft.body != body {
                draft.body = body;
                draft.revision += 1;
                draft.updated_at = now;
                drafts::save(tx, &draft)?;
            }
            Ok((context, draft))
        })?;
        // Checked once the store is free: a long paste must not hold the
        // board or the alert check behind the linter.
        Ok(context.view(&draft))
    }

    /// What a template would write now, for the lead to compare with the draft
    /// before replacing it. Nothing is saved.
    pub fn preview_draft(
        &self,
        incident_id: &str,
        audience: Audience,
        kind: TemplateKind,
    ) -> Result<String, Error> {
        self.store
            .read(|conn| Ok(self.draft_context(conn, incident_id)))?
            .map(|context| context.render(audience, kind))
    }

    /// Replaces the draft with a template's text (after the lead saw the diff).
    pub fn use_template(
        &self,
        incident_id: &str,
        audience: Audience,
        kind: TemplateKind,
    ) -> Result<DraftView, Error> {
        let now = self.clock.now();
        let (context, draft) = self.write(|tx| {
            let context = self.draft_context(tx, incident_id)?;
            let revision = drafts::get(tx, incident_id, audience)?.map_or(1, |d| d.revision + 1);
            let body = context.render(audience, kind);
            let draft = StoredDraft {
                incident_id: incident_id.to_owned(),
                audience,
                generated_body: body.clone(),
                body,
                revision,
                template_kind: kind,
                generated_from: context.latest_sync.as_ref().map(|s| s.id.clone()),
                reviewed_revision: None,
                updated_at: now,
            };
            drafts::save(tx, &draft)?;
            Ok((context, draft))
        })?;
        Ok(context.view(&draft))
    }

    /// Marks the revision the lead read as "reviewed for accuracy and tone".
    pub fn review_draft(
        &self,
        incident_id: &str,
        audience: Audience,
        revision: u32,
    ) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let mut draft = self.current_draft(tx, incident_id, audience, revision)?;
            draft.reviewed_revision = Some(revision);
            drafts::save(tx, &draft)?;
            self.record(
                tx,
                &incident,
                vec![EventKind::DraftReviewed { audience, revision }],
                now,
            )
        })?;
        self.incident(incident_id)
    }

    /// The stored draft, if it is still at the revision the lead acted on.
    pub(crate) fn current_draft(
        &self,
        tx: &Transaction<'_>,
        incident_id: &str,
        audience: Audience,
        revision: u32,
    ) -> Result<StoredDraft, Error> {
        let draft = drafts::get(tx, incident_id, audience)?.filter(|d| !d.body.trim().is_empty());
        let Some(draft) = draft else {
            return Err(Error::blocked(
                "body",
                "Write the update first: the draft is empty.",
            ));
        };
        if draft.revision != revision {
            return Err(Error::conflict(
                "body",
                "The draft changed after you looked at it; check the current text and try again.",
            ));
        }
        Ok(draft)
    }
}

fn check_length(body: &str) -> Result<(), Error> {
    let length = body.chars().count();
    if length > MAX_BODY {
        return Err(herald_core::Invalid(vec![herald_core::FieldError::new(
            "body",
            format!(
                "The draft is {length} characters; Herald keeps at most {MAX_BODY}. Your text is still in the editor: shorten it to save."
            ),
        )])
        .into());
    }
    Ok(())
}
