//! What the update history shows for each delivery.

use chrono::{DateTime, Utc};
use herald_core::relay::ChannelKind;
use herald_store::{Connection, StoreError, channels, deliveries};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One update's journey to one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeliveryView {
    pub id: String,
    pub update_id: String,
    pub channel_id: String,
    pub channel_name: String,
    pub channel_kind: ChannelKind,
    /// `queued`, `sending`, `delivered`, `retrying`, `failed`, `needs_decision`
    /// or `discarded`.
    pub state: String,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: String,
    /// `stale` or `unknown_outcome` when the lead must decide.
    pub decision: String,
    /// Some attempt ended without an answer, so the target may have posted twice.
    pub may_have_posted: bool,
    pub delivered_at: Option<DateTime<Utc>>,
    /// The receipt: the message or incident id the target returned, and a link.
    pub remote_id: String,
    pub remote_link: String,
    /// Whether the channel is switched off (it waits until turned back on).
    pub channel_enabled: bool,
    /// A receipt the previous lead's Herald recorded and handed over: shown
    /// as it was, with nothing for this Herald to resend or discard.
    pub from_handoff: bool,
    /// The correction this delivery carries; empty for the update's own.
    pub correction_id: String,
}

pub(crate) fn for_incident(
    conn: &Connection,
    incident_id: &str,
) -> Result<Vec<DeliveryView>, StoreError> {
    let mut names = std::collections::HashMap::new();
    let own = deliveries::for_incident(conn, incident_id)?
        .into_iter()
        .map(|d| {
            if !names.contains_key(&d.channel_id) {
                let channel = channels::get(conn, &d.channel_id)?;
                names.insert(d.channel_id.clone(), channel);
            }
            let channel = names[&d.channel_id].as_ref();
            Ok(DeliveryView {
                channel_name: channel.map(|c| c.name.clone()).unwrap_or_default(),
                channel_kind: channel
                    .map(|c| c.kind)
                    .unwrap_or(ChannelKind::SignedWebhook),
                channel_enabled: channel.is_some_and(|c| c.enabled),
                may_have_posted: d.unknown_outcomes > 0,
                id: d.id,
                update_id: d.update_id,
                channel_id: d.channel_id,
                state: d.state,
                attempts: d.attempts,
                next_attempt_at: d.next_attempt_at,
                last_error: d.last_error,
                decision: d.decision,
                delivered_at: d.delivered_at,
                remote_id: d.remote_id,
                remote_link: d.remote_link,
                from_handoff: false,
                correction_id: d.correction_id,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let handed = crate::receipts::views(conn, incident_id, &own)?;
    Ok(own.into_iter().chain(handed).collect())
}
