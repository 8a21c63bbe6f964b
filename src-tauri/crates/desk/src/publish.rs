//! Publishing a draft: every gate checked in one transaction, then the exact
//! text recorded as an update that resets the audience's deadline.

use herald_core::{Audience, EventKind, LoggedUpdate};
use herald_store::drafts;
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
}

impl Desk {
    /// The exact text of a published or logged update, for the clipboard.
    pub fn update_text(&self, incident_id: &str, update_id: &str) -> Result<String, Error> {
        self.store
            .read(|conn| herald_store::updates::for_incident(conn, incident_id))?
            .into_iter()
            .find(|u| u.id == update_id)
            .map(|u| u.body)
            .ok_or_else(|| Error::not_found("That update"))
    }

    /// Publishes the audience's draft. Refused, with nothing saved, when the
    /// draft is empty or too long, changed since the lead looked, needs a review,
    /// or has blocking guardrail findings and no override reason.
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
            let mut blocking: Vec<_> = view
                .findings
                .iter()
                .filter(|f| f.blocking)
                .map(|f| f.rule)
                .collect();
            blocking.sort();
            blocking.dedup();
            let mut events = Vec::new();
            if !blocking.is_empty() {
                let Some(reason) = request.override_reason.as_deref() else {
                    let ids: Vec<&str> = blocking.iter().map(|r| r.as_str()).collect();
                    return Err(Error::blocked(
                        "override_reason",
                        format!(
                            "The draft has blocking guardrail findings ({}). Fix them, or publish with an override and a reason.",
                            ids.join(", ")
                        ),
                    ));
                };
                events.push(EventKind::GuardrailsOverridden {
                    audience,
                    rules: blocking,
                    reason: checked_reason(reason)?,
                });
            }
            let body = match context.footer_for(audience) {
                Some(footer) => format!("{}\n\n{footer}", draft.body.trim_end()),
                None => draft.body.trim_end().to_owned(),
            };
            let update = LoggedUpdate {
                audience,
                body,
                posted_to: String::new(),
            }
            .validate()?;
            draft.reviewed_revision = None;
            drafts::save(tx, &draft)?;
            self.record(tx, &context.incident, events, now)?;
            let author = context.incident.comms_lead.clone();
            self.record_update(tx, &context.incident, update, author, now)
        })?;
        self.incident(incident_id)
    }
}
