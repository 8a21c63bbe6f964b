//! Delivery receipts across a handoff: which travel, what the next lead's
//! Herald keeps of them, and how a Statuspage incident stays one incident
//! when another lead's Herald publishes the next update.

use std::collections::HashMap;

use herald_core::Update;
use herald_core::handoff::{HandoffPackage, Receipt, Undelivered};
use herald_core::relay::ChannelKind;
use herald_store::{Connection, StoreError, Transaction, channels, deliveries, receipts};

use crate::DeliveryView;

/// The receipts for the updates that travel: this Herald's own deliveries,
/// then any it was handed and does not hold itself, so a receipt survives a
/// chain of handoffs.
pub(crate) fn for_handoff(
    conn: &Connection,
    incident_id: &str,
    updates: &[Update],
) -> Result<Vec<Receipt>, StoreError> {
    let carried = |update_id: &str| updates.iter().any(|u| u.id == update_id);
    let mut out: Vec<Receipt> = own(conn, incident_id)?
        .into_iter()
        .filter(|r| carried(&r.update_id))
        .collect();
    for r in receipts::for_incident(conn, incident_id)? {
        if carried(&r.update_id) && !out.iter().any(|o| same_target(o, &r)) {
            out.push(r);
        }
    }
    Ok(out)
}

/// This Herald's own deliveries of the incident's updates, as receipts.
pub(crate) fn own(conn: &Connection, incident_id: &str) -> Result<Vec<Receipt>, StoreError> {
    let mut channel_of = HashMap::new();
    let mut out: Vec<Receipt> = Vec::new();
    for d in deliveries::for_incident(conn, incident_id)? {
        // A correction's delivery is not the update's receipt; corrections
        // stay with the Herald that made them.
        if !d.correction_id.is_empty() {
            continue;
        }
        if !channel_of.contains_key(&d.channel_id) {
            channel_of.insert(d.channel_id.clone(), channels::get(conn, &d.channel_id)?);
        }
        let Some(channel) = channel_of[&d.channel_id].as_ref() else {
            continue;
        };
        out.push(Receipt {
            update_id: d.update_id,
            channel: channel.name.clone(),
            kind: channel.kind,
            state: d.state,
            delivered_at: d.delivered_at,
            remote_id: d.remote_id,
            remote_link: d.remote_link,
            statuspage_page_id: if channel.kind == ChannelKind::Statuspage {
                channel.options.statuspage_page_id.clone()
            } else {
                String::new()
            },
        });
    }
    Ok(out)
}

/// The carried updates that have not reached a channel, oldest first, for
/// the handoff's "Needs attention now".
pub(crate) fn undelivered(receipts: &[Receipt], updates: &[Update]) -> Vec<Undelivered> {
    let mut out: Vec<Undelivered> = receipts
        .iter()
        .filter(|r| !matches!(r.state.as_str(), "delivered" | "discarded"))
        .filter_map(|r| {
            let update = updates.iter().find(|u| u.id == r.update_id)?;
            Some(Undelivered {
                audience: update.audience,
                posted_at: update.posted_at,
                channel: r.channel.clone(),
                state: r.state.clone(),
            })
        })
        .collect();
    out.sort_by_key(|u| u.posted_at);
    out
}

fn same_target(a: &Receipt, b: &Receipt) -> bool {
    a.update_id == b.update_id && a.channel == b.channel && a.kind == b.kind
}

/// Keeps the handoff's receipts, and points this Herald's Statuspage
/// channels for the same page at the public incident already open there, so
/// the next update continues it instead of opening a second one. A channel
/// that already follows an incident for this one is left alone. Says how
/// many receipts were new.
pub(crate) fn take(tx: &Transaction<'_>, package: &HandoffPackage) -> Result<usize, StoreError> {
    let incident_id = &package.incident.id;
    let mut added = 0;
    for r in &package.receipts {
        added += usize::from(receipts::insert_if_new(tx, r)?);
        if r.kind != ChannelKind::Statuspage || r.remote_id.is_empty() {
            continue;
        }
        for channel in channels::all(tx)? {
            let same_page = channel.kind == ChannelKind::Statuspage
                && !r.statuspage_page_id.is_empty()
                && channel.options.statuspage_page_id == r.statuspage_page_id;
            if same_page && channels::remote_incident(tx, &channel.id, incident_id)?.is_none() {
                channels::set_remote_incident(tx, &channel.id, incident_id, &r.remote_id)?;
            }
        }
    }
    Ok(added)
}

/// Handed-over receipts as delivery rows, after this Herald's own. One this
/// Herald also holds as its own delivery (the incident came back to it) is
/// shown once, as its own.
pub(crate) fn views(
    conn: &Connection,
    incident_id: &str,
    own: &[DeliveryView],
) -> Result<Vec<DeliveryView>, StoreError> {
    let handed = receipts::for_incident(conn, incident_id)?;
    Ok(handed
        .into_iter()
        .filter(|r| {
            !own.iter().any(|d| {
                d.update_id == r.update_id
                    && d.channel_name == r.channel
                    && d.channel_kind == r.kind
            })
        })
        .map(|r| DeliveryView {
            id: format!("handoff:{}:{}:{}", r.update_id, r.kind.as_str(), r.channel),
            channel_id: String::new(),
            channel_name: r.channel,
            channel_kind: r.kind,
            state: r.state,
            attempts: 0,
            next_attempt_at: r.delivered_at.unwrap_or_default(),
            last_error: String::new(),
            decision: String::new(),
            may_have_posted: false,
            delivered_at: r.delivered_at,
            remote_id: r.remote_id,
            remote_link: r.remote_link,
            channel_enabled: false,
            from_handoff: true,
            correction_id: String::new(),
            update_id: r.update_id,
        })
        .collect())
}
