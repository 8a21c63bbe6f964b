//! Publishing a draft: every gate checked in one transaction, then the exact
//! text recorded as an update that resets the audience's deadline.

use herald_core::relay::{COMPONENT_STATUSES, Channel, ComponentImpact, Outgoing, check_limits};
use herald_core::{
    Audience, EventKind, FieldError, Incident, IncidentChange, Invalid, LoggedUpdate, Status,
    TemplateKind, Update,
};
use herald_store::deliveries::{self, Delivery};
use herald_store::{Transaction, channels, drafts};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::gate::checked_reason;
use crate::{Desk, Error, IncidentView};

/// "Publish this revision", with a reason when publishing past blocking findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishRequest {
    pub audience: Audience,
    /// The revision the lead is looking at; a newer one is refused.
    pub revision: u32,
    pub override_reason: Option<String>,
    /// Statuspage: the impact to set on each component (customer updates).
    #[serde(default)]
    pub components: Vec<ComponentImpact>,
    /// Statuspage: whether subscribers are e-mailed about this update.
    #[serde(default = "yes")]
    pub notify_subscribers: bool,
}

fn yes() -> bool {
    true
}

impl Desk {
    /// The exact text of a published or logged update, for the clipboard.
    pub fn update_text(&self, incident_id: &str, update_id: &str) -> Result<String, Error> {
        self.store
            .read(|conn| herald_store::updates::get(conn, update_id))?
            .filter(|u| u.incident_id == incident_id)
            .map(|u| u.body)
            .ok_or_else(|| Error::not_found("That update"))
    }

    /// Publishes the audience's draft. Refused, with nothing saved, when the
    /// draft is empty or too long, changed since the lead looked, needs a review,
    /// or has blocking guardrail findings and no override reason.
    /// The customers' resolution message, published with the resolution gate
    /// open, also resolves the incident.
    pub fn publish(
        &self,
        incident_id: &str,
        request: PublishRequest,
    ) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        let audience = request.audience;
        self.write(|tx| {
            let context = self.draft_context(tx, incident_id)?;
            let mut draft = self.current_draft(tx, incident_id, audience, request.revision)?;
            let view = context.view(&draft);
            if view.review_required && !view.reviewed {
                return Err(Error::blocked(
                    "review",
                    format!(
                        "Mark the {} draft reviewed for accuracy and tone before publishing.",
                        audience.label()
                    ),
                ));
            }
            let events: Vec<EventKind> =
                guardrails_override(audience, &view.findings, request.override_reason.as_deref())?
                    .into_iter()
                    .collect();
            let body = match context.footer_for(&draft) {
                Some(footer) => format!("{}\n\n{footer}", draft.body.trim_end()),
                None => draft.body.trim_end().to_owned(),
            };
            let bound = bound_channels(tx, audience)?;
            check_components(&request.components)?;
            let names: Vec<&str> = bound.iter().map(|c| c.name.as_str()).collect();
            let update = LoggedUpdate {
                audience,
                body,
                posted_to: herald_core::relay::clip(&names.join(", "), 200),
            }
            .validate()?;
            draft.reviewed_revision = None;
            drafts::save(tx, &draft)?;
            self.record(tx, &context.incident, events, now)?;
            // The customers' resolution message resolves the incident in the
            // same act once the gate is open, so the status page and the
            // cadence end with it. Other audiences' resolution messages, or a
            // closed gate, leave the status to the lead.
            let resolves = audience == Audience::Customers
                && draft.template_kind == TemplateKind::Resolution
                && context.incident.status.is_open()
                && context.gate.is_open();
            let incident = if resolves {
                let resolved = IncidentChange::Status(Status::Resolved);
                self.change_in(tx, context.incident.clone(), resolved, now)?
            } else {
                context.incident.clone()
            };
            let author = incident.comms_lead.clone();
            let update = self.record_update(tx, &incident, update, author, now)?;
            self.enqueue(tx, &incident, &update, &bound, &request)
        })?;
        self.incident(incident_id)
    }
}

/// The override event for text with blocking findings, when the lead gave a
/// reason; refused, naming the rules, when they did not. `None` when nothing blocks.
pub(crate) fn guardrails_override(
    audience: Audience,
    findings: &[herald_core::Finding],
    reason: Option<&str>,
) -> Result<Option<EventKind>, Error> {
    let mut blocking: Vec<_> = findings
        .iter()
        .filter(|f| f.blocking)
        .map(|f| f.rule)
        .collect();
    blocking.sort();
    blocking.dedup();
    if blocking.is_empty() {
        return Ok(None);
    }
    let Some(reason) = reason else {
        let ids: Vec<&str> = blocking.iter().map(|r| r.as_str()).collect();
        return Err(Error::blocked(
            "override_reason",
            format!(
                "The text has blocking guardrail findings ({}). Fix them, or go ahead with an override and a reason.",
                ids.join(", ")
            ),
        ));
    };
    Ok(Some(EventKind::GuardrailsOverridden {
        audience,
        rules: blocking,
        reason: checked_reason(reason)?,
    }))
}

/// Every switched-on channel that serves the audience, in the order added.
fn bound_channels(tx: &Transaction<'_>, audience: Audience) -> Result<Vec<Channel>, Error> {
    Ok(channels::all(tx)?
        .into_iter()
        .filter(|c| c.enabled && c.audiences.contains(&audience))
        .collect())
}

fn check_components(components: &[ComponentImpact]) -> Result<(), Error> {
    match components
        .iter()
        .find(|c| !COMPONENT_STATUSES.contains(&c.status.as_str()))
    {
        Some(bad) => Err(Error::from(Invalid(vec![FieldError::new(
            "components",
            format!(
                "Component impact {:?} is not one Statuspage knows ({}).",
                bad.status,
                COMPONENT_STATUSES.join(", ")
            ),
        )]))),
        None => Ok(()),
    }
}

impl Desk {
    /// Writes one delivery per bound channel, in the publishing transaction,
    /// after checking the update fits each; a misfit refuses the whole publish.
    fn enqueue(
        &self,
        tx: &Transaction<'_>,
        incident: &Incident,
        update: &Update,
        bound: &[Channel],
        request: &PublishRequest,
    ) -> Result<(), Error> {
        for channel in bound {
            let out = Outgoing {
                components: request.components.clone(),
                notify_subscribers: request.notify_subscribers,
                ..Outgoing::for_update(self.new_id(), incident, update)
            };
            queue(tx, channel, out, update.posted_at, "")?;
        }
        Ok(())
    }
}

/// Puts one message on a channel's queue, after checking it fits the channel:
/// an update's own (`correction_id` empty) or a correction of it.
pub(crate) fn queue(
    tx: &Transaction<'_>,
    channel: &Channel,
    out: Outgoing,
    at: chrono::DateTime<chrono::Utc>,
    correction_id: &str,
) -> Result<(), Error> {
    check_limits(channel, &out)
        .map_err(|e| Error::from(Invalid(vec![FieldError::new("body", e.to_string())])))?;
    deliveries::insert(
        tx,
        &Delivery {
            id: out.delivery_id,
            update_id: out.update_id,
            incident_id: out.incident_id,
            channel_id: channel.id.clone(),
            state: "queued".into(),
            attempts: 0,
            next_attempt_at: at,
            created_at: at,
            updated_at: at,
            last_error: String::new(),
            decision: String::new(),
            unknown_outcomes: 0,
            delivered_at: None,
            remote_id: String::new(),
            remote_link: String::new(),
            components: out.components,
            notify_subscribers: out.notify_subscribers,
            correction_id: correction_id.to_owned(),
            remote_part: String::new(),
        },
    )?;
    Ok(())
}
