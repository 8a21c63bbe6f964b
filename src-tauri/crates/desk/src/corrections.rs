//! "Correct this update": the lead's new text for an update that went out,
//! checked like a draft, kept beside the original, and delivered through the
//! outbox to every channel the original reached, where the relay edits it in
//! place, replies to it, or follows it, as each channel allows.

use herald_core::correction::current_text;
use herald_core::relay::Outgoing;
use herald_core::{Correction, CorrectionRequest, EventKind};
use herald_store::deliveries::{self, Delivery};
use herald_store::{channels, corrections, updates};

use crate::publish::{guardrails_override, queue};
use crate::{Desk, Error, IncidentView};

/// Delivery states in which an update is still on its way: a correction waits
/// for them to settle, so it never races the text it corrects.
const UNSETTLED: [&str; 4] = ["queued", "sending", "retrying", "needs_decision"];

impl Desk {
    pub fn correct_update(
        &self,
        incident_id: &str,
        request: CorrectionRequest,
    ) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        self.check_ahead(incident_id, &request);
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            let original = updates::get(tx, &request.update_id)?
                .filter(|u| u.incident_id == incident.id)
                .ok_or_else(|| Error::not_found("That update"))?;
            let earlier: Vec<Correction> = corrections::for_incident(tx, &incident.id)?
                .into_iter()
                .filter(|c| c.update_id == original.id)
                .collect();
            let current = current_text(&original.body, &earlier).to_owned();
            let request = request.validate(&current)?;
            let sent: Vec<Delivery> = deliveries::for_incident(tx, &incident.id)?
                .into_iter()
                .filter(|d| d.update_id == original.id)
                .collect();
            if let Some(pending) = sent.iter().find(|d| UNSETTLED.contains(&d.state.as_str())) {
                let channel = channels::get(tx, &pending.channel_id)?
                    .map_or_else(|| "a channel".to_owned(), |c| c.name);
                return Err(Error::blocked(
                    "update_id",
                    format!(
                        "This update is still on its way to {channel}. Correct it once it is delivered there, or discard it there first."
                    ),
                ));
            }
            let context = self.draft_context(tx, &incident.id)?;
            let findings = context.findings(original.audience, &request.body);
            let mut events: Vec<EventKind> = guardrails_override(
                original.audience,
                &findings,
                request.override_reason.as_deref(),
            )?
            .into_iter()
            .collect();
            let correction = Correction {
                id: self.new_id(),
                incident_id: incident.id.clone(),
                update_id: original.id.clone(),
                body: request.body.clone(),
                notify: request.notify,
                corrected_at: now,
                author: incident.comms_lead.clone(),
            };
            corrections::insert(tx, &correction)?;
            events.push(EventKind::UpdateCorrected {
                update_id: original.id.clone(),
                correction_id: correction.id.clone(),
                audience: original.audience,
                notify: request.notify,
                from: current,
                to: correction.body.clone(),
            });
            self.record(tx, &incident, events, now)?;
            // One delivery of the correction per channel the update reached
            // (its own delivery, not an earlier correction's).
            let reached = sent
                .iter()
                .filter(|d| d.correction_id.is_empty() && d.state == "delivered");
            for first in reached {
                let Some(channel) = channels::get(tx, &first.channel_id)? else {
                    continue;
                };
                let out = Outgoing {
                    body: correction.body.clone(),
                    notify_subscribers: request.notify,
                    ..Outgoing::for_update(self.new_id(), &incident, &original)
                };
                queue(tx, &channel, out, now, &correction.id)?;
            }
            Ok(())
        })?;
        self.incident(incident_id)
    }

    /// Checks the corrected text before the transaction, so the check inside
    /// it is a lookup: a long correction never holds the board or the alerts
    /// behind the linter. The text is cleaned as the transaction cleans it
    /// (there it is also compared with the text it corrects); anything that
    /// fails here fails there too, with its own error.
    fn check_ahead(&self, incident_id: &str, request: &CorrectionRequest) {
        let Ok(cleaned) = request.validate("") else {
            return;
        };
        let ahead = self.store.read(|conn| {
            Ok(updates::get(conn, &request.update_id)?
                .map(|u| (u.audience, self.draft_context(conn, incident_id))))
        });
        if let Ok(Some((audience, Ok(context)))) = ahead {
            context.findings(audience, &cleaned.body);
        }
    }
}
