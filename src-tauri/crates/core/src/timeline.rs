//! Timeline events: the record of everything that happened to an incident,
//! written automatically with every change so the postmortem writes itself.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::alerts::{AlertStage, capitalised};
use crate::cadence::DeadlineChange;
use crate::guardrails::Rule;
use crate::handoff::AskState;
use crate::obligations::ObligationState;
use crate::sync::SyncChange;
use crate::terms::{Audience, Severity, Status};

/// What happened. Stored as JSON; the `type` tag is also kept in its own column
/// so the timeline can be filtered by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    Declared {
        title: String,
        severity: Severity,
        status: Status,
        customer_visible: bool,
    },
    CommsLeadActivated {
        severity: Severity,
    },
    SeverityChanged {
        from: Severity,
        to: Severity,
    },
    StatusChanged {
        from: Status,
        to: Status,
    },
    /// Deadlines were recomputed; `cause` says why ("Severity SEV1 → SEV2").
    DeadlinesChanged {
        cause: String,
        changes: Vec<DeadlineChange>,
    },
    /// An update went out for an audience (posted elsewhere and logged here).
    UpdateLogged {
        update_id: String,
        audience: Audience,
        posted_to: String,
    },
    DeadlineSnoozed {
        audience: Audience,
        minutes: u32,
        reason: String,
    },
    /// The lead pulled the IC's state; `changes` lists what differs from the last sync.
    IcSynced {
        sync_id: String,
        changes: Vec<SyncChange>,
    },
    /// The lead marked a draft "reviewed for accuracy and tone".
    DraftReviewed {
        audience: Audience,
        revision: u32,
    },
    /// Herald published an update the lead wrote in an audience tab.
    UpdatePublished {
        update_id: String,
        audience: Audience,
        author: String,
    },
    /// The lead published past blocking guardrail findings, with a reason.
    GuardrailsOverridden {
        audience: Audience,
        rules: Vec<Rule>,
        reason: String,
    },
    /// The lead confirmed the metrics held through the monitoring hold.
    MetricsConfirmed {
        held_minutes: u32,
    },
    /// The lead opened the resolution gate early, with a reason.
    ResolutionGateOverridden {
        reason: String,
    },
    /// A tone rule or constraint was added for the incident.
    ConstraintAdded {
        constraint_id: String,
        text: String,
    },
    /// A constraint was reworded or closed.
    ConstraintChanged {
        constraint_id: String,
        text: String,
        closed: bool,
    },
    /// A comms ask was recorded, with its owner.
    AskAdded {
        ask_id: String,
        text: String,
        owner: String,
    },
    /// An ask was reworded, reassigned, done or dropped.
    AskChanged {
        ask_id: String,
        text: String,
        owner: String,
        state: AskState,
    },
    /// The lead copied a handoff for the next lead.
    HandedOff {
        from: String,
        to: String,
        format: String,
    },
    /// A lead took the incident over from a handoff (the acknowledgement).
    TookOver {
        from: String,
        to: String,
    },
    /// The lead's note. `backdated` when it is about an earlier moment than when
    /// it was written; the event's time is the moment it is about.
    NoteAdded {
        note_id: String,
        text: String,
        backdated: bool,
    },
    /// A correction of an earlier note; the original stays on the timeline.
    NoteCorrected {
        note_id: String,
        text: String,
    },
    /// The lead corrected an update that went out. Both texts are kept: the
    /// original in `from`, the correction in `to`.
    UpdateCorrected {
        update_id: String,
        correction_id: String,
        audience: Audience,
        /// Whether the channels that can tell their readers were asked to.
        notify: bool,
        from: String,
        to: String,
    },
    /// An update could not be delivered to a channel without the lead: it
    /// failed, went stale, or may have posted without an answer.
    DeliveryProblem {
        update_id: String,
        audience: Audience,
        channel: String,
        problem: String,
    },
    /// The lead resent or discarded an undelivered update.
    DeliveryDecided {
        update_id: String,
        audience: Audience,
        channel: String,
        action: String,
    },
    /// Herald could not do something on its own (read a stored record, run
    /// its deadline check) and says so rather than fall silent.
    HeraldProblem {
        problem: String,
    },
    /// An obligation clock was put on the incident.
    ObligationAdded {
        obligation_id: String,
        name: String,
        within_minutes: u32,
    },
    /// A clock's details or its trigger changed; `due_at` is the new time.
    ObligationChanged {
        obligation_id: String,
        name: String,
        due_at: Option<DateTime<Utc>>,
    },
    /// A clock was marked sent (with evidence), not required (with the
    /// reason), or open again.
    ObligationDecided {
        obligation_id: String,
        name: String,
        state: ObligationState,
        note: String,
    },
    /// Something a drill scenario made happen (a ping, a push for an
    /// all-clear, a failing channel, a handoff to give or take): `what` is
    /// its key in the scenario file, `sentence` what the lead was shown.
    DrillInjected {
        what: String,
        sentence: String,
    },
    /// A deadline alert was raised; `delivered` says whether the desktop
    /// notification reached a notification server.
    AlertSent {
        audience: Audience,
        stage: AlertStage,
        summary: String,
        delivered: bool,
        problem: Option<String>,
    },
}

impl EventKind {
    /// The tag stored in the `kind` column.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Declared { .. } => "declared",
            Self::CommsLeadActivated { .. } => "comms_lead_activated",
            Self::SeverityChanged { .. } => "severity_changed",
            Self::StatusChanged { .. } => "status_changed",
            Self::DeadlinesChanged { .. } => "deadlines_changed",
            Self::UpdateLogged { .. } => "update_logged",
            Self::DeadlineSnoozed { .. } => "deadline_snoozed",
            Self::AlertSent { .. } => "alert_sent",
            Self::IcSynced { .. } => "ic_synced",
            Self::NoteAdded { .. } => "note_added",
            Self::NoteCorrected { .. } => "note_corrected",
            Self::UpdateCorrected { .. } => "update_corrected",
            Self::ConstraintAdded { .. } => "constraint_added",
            Self::ConstraintChanged { .. } => "constraint_changed",
            Self::AskAdded { .. } => "ask_added",
            Self::AskChanged { .. } => "ask_changed",
            Self::HandedOff { .. } => "handed_off",
            Self::DeliveryProblem { .. } => "delivery_problem",
            Self::DeliveryDecided { .. } => "delivery_decided",
            Self::TookOver { .. } => "took_over",
            Self::DraftReviewed { .. } => "draft_reviewed",
            Self::UpdatePublished { .. } => "update_published",
            Self::GuardrailsOverridden { .. } => "guardrails_overridden",
            Self::MetricsConfirmed { .. } => "metrics_confirmed",
            Self::ResolutionGateOverridden { .. } => "resolution_gate_overridden",
            Self::HeraldProblem { .. } => "herald_problem",
            Self::ObligationAdded { .. } => "obligation_added",
            Self::ObligationChanged { .. } => "obligation_changed",
            Self::ObligationDecided { .. } => "obligation_decided",
            Self::DrillInjected { .. } => "drill_injected",
        }
    }

    /// One plain sentence for the timeline view and exports.
    pub fn summary(&self) -> String {
        match self {
            Self::Declared {
                title,
                severity,
                status,
                customer_visible,
            } => format!(
                "Declared {} \"{title}\" ({}, {})",
                severity.as_str(),
                status.as_str(),
                if *customer_visible {
                    "customer-visible"
                } else {
                    "not customer-visible"
                }
            ),
            Self::CommsLeadActivated { severity } => {
                format!("Comms lead role activated ({})", severity.as_str())
            }
            Self::SeverityChanged { from, to } => {
                format!("Severity {} → {}", from.as_str(), to.as_str())
            }
            Self::StatusChanged { from, to } => {
                format!("Status {} → {}", from.as_str(), to.as_str())
            }
            Self::DeadlinesChanged { cause, changes } => {
                let parts: Vec<String> = changes.iter().map(describe_change).collect();
                format!("{cause}: {}", parts.join("; "))
            }
            Self::UpdateLogged {
                audience,
                posted_to,
                ..
            } => {
                if posted_to.is_empty() {
                    format!("Update for {} posted", audience.label())
                } else {
                    format!("Update for {} posted to {posted_to}", audience.label())
                }
            }
            Self::DeadlineSnoozed {
                audience,
                minutes,
                reason,
            } => format!(
                "Snoozed the {} deadline {minutes} min: {reason}",
                audience.label()
            ),
            Self::NoteAdded {
                text, backdated, ..
            } => {
                if *backdated {
                    format!("Note (back-dated): {text}")
                } else {
                    format!("Note: {text}")
                }
            }
            Self::NoteCorrected { text, .. } => format!("Note corrected: {text}"),
            Self::DrillInjected { sentence, .. } => format!("Drill: {sentence}"),
            Self::UpdateCorrected {
                audience,
                notify,
                to,
                ..
            } => format!(
                "Update for {} corrected ({}): {}",
                audience.label(),
                if *notify {
                    "readers notified"
                } else {
                    "silently"
                },
                crate::relay::clip(to, 200)
            ),
            Self::ObligationAdded {
                name,
                within_minutes,
                ..
            } => format!(
                "Obligation clock added: {name} (within {})",
                crate::postmortem::export::duration(i64::from(*within_minutes) * 60)
            ),
            Self::ObligationChanged { name, due_at, .. } => match due_at {
                Some(due) => format!(
                    "Obligation clock {name}: due {}",
                    due.format("%Y-%m-%d %H:%M UTC")
                ),
                None => format!("Obligation clock {name}: waiting for its trigger"),
            },
            Self::ObligationDecided {
                name, state, note, ..
            } => {
                if note.is_empty() {
                    format!("Obligation clock {name}: {}", state.label())
                } else {
                    format!("Obligation clock {name}: {} ({note})", state.label())
                }
            }
            Self::ConstraintAdded { text, .. } => format!("Constraint added: {text}"),
            Self::ConstraintChanged { text, closed, .. } => {
                if *closed {
                    format!("Constraint closed: {text}")
                } else {
                    format!("Constraint changed: {text}")
                }
            }
            Self::AskAdded { text, owner, .. } => {
                if owner.is_empty() {
                    format!("Comms ask added: {text}")
                } else {
                    format!("Comms ask added: {text} (owner: {owner})")
                }
            }
            Self::AskChanged {
                text, owner, state, ..
            } => {
                let owner = if owner.is_empty() {
                    String::new()
                } else {
                    format!(", owner: {owner}")
                };
                format!("Comms ask {}: {text}{owner}", state.as_str())
            }
            Self::HandedOff { from, to, format } => {
                let from = if from.is_empty() {
                    "the comms lead"
                } else {
                    from
                };
                let to = if to.is_empty() {
                    String::new()
                } else {
                    format!(" to {to}")
                };
                format!("Handoff copied by {from}{to} ({format})")
            }
            Self::DeliveryProblem {
                audience,
                channel,
                problem,
                ..
            } => format!(
                "Update for {} not delivered to {channel}: {problem}",
                audience.label()
            ),
            Self::DeliveryDecided {
                audience,
                channel,
                action,
                ..
            } if action == "discarded" => format!(
                "Undelivered update for {} to {channel} discarded by the lead",
                audience.label()
            ),
            Self::DeliveryDecided {
                audience,
                channel,
                action,
                ..
            } => format!(
                "Update for {} {action} to {channel} by the lead",
                audience.label()
            ),
            Self::TookOver { from, to } => {
                let from = if from.is_empty() {
                    "the previous lead"
                } else {
                    from
                };
                format!("{to} took over as comms lead from {from}")
            }
            Self::IcSynced { changes, .. } => {
                if changes.is_empty() {
                    "IC sync: no change".to_owned()
                } else {
                    let fields: Vec<&str> =
                        changes.iter().map(|c| sync_field_label(&c.field)).collect();
                    format!("IC sync: {} changed", fields.join(", "))
                }
            }
            Self::DraftReviewed { audience, .. } => {
                format!(
                    "{} draft reviewed for accuracy and tone",
                    capitalised(audience.label())
                )
            }
            Self::UpdatePublished {
                audience, author, ..
            } => {
                if author.is_empty() {
                    format!("Update for {} published", audience.label())
                } else {
                    format!("Update for {} published by {author}", audience.label())
                }
            }
            Self::GuardrailsOverridden {
                audience,
                rules,
                reason,
            } => {
                let ids: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
                format!(
                    "Published for {} past guardrails ({}): {reason}",
                    audience.label(),
                    ids.join(", ")
                )
            }
            Self::MetricsConfirmed { held_minutes } => {
                format!(
                    "Metrics confirmed held after {held_minutes} min in monitoring; all-clear allowed"
                )
            }
            Self::ResolutionGateOverridden { reason } => {
                format!("Resolution gate overridden: {reason}")
            }
            Self::HeraldProblem { problem } => format!("Herald problem: {problem}"),
            Self::AlertSent {
                summary,
                delivered,
                problem,
                ..
            } => match (delivered, problem) {
                (true, _) => format!("Alert: {summary}"),
                (false, Some(problem)) => {
                    format!(
                        "Alert: {summary} (shown in Herald only; notifications unavailable: {problem})"
                    )
                }
                (false, None) => format!("Alert: {summary} (shown in Herald only)"),
            },
        }
    }
}

/// How a sync answer is named in a sentence.
pub fn sync_field_label(field: &str) -> &str {
    match field {
        "affected" => "affected",
        "customer_impact" => "customer impact",
        "known" => "what we know",
        "doing" => "what we are doing",
        "eta" => "ETA",
        "eta_confidence" => "ETA confidence",
        "status" => "status",
        other => other,
    }
}

/// "customers due 14:30 → 14:45 UTC", in UTC so the stored sentence is exact;
/// the UI shows the same change in the lead's own time zone.
fn describe_change(change: &DeadlineChange) -> String {
    let hhmm = |t: DateTime<Utc>| t.format("%H:%M").to_string();
    let who = change.audience.label();
    match (change.from, change.to) {
        (Some(from), Some(to)) => format!("{who} due {} → {} UTC", hhmm(from), hhmm(to)),
        (None, Some(to)) => format!("{who} due {} UTC", hhmm(to)),
        (Some(_), None) => format!("{who} no longer scheduled"),
        (None, None) => format!("{who} unchanged"),
    }
}

/// One entry on an incident's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEvent {
    /// Globally unique (UUID), so timelines from two Heralds can be merged.
    pub id: String,
    pub incident_id: String,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    /// `kind.summary()`, carried along so the UI never rebuilds sentences.
    pub summary: String,
    /// Taken over from another Herald's handoff: kept as history, and never
    /// allowed to open this Herald's resolution gate.
    #[serde(default)]
    pub imported: bool,
}

impl TimelineEvent {
    pub fn new(id: String, incident_id: String, at: DateTime<Utc>, kind: EventKind) -> Self {
        let summary = kind.summary();
        Self {
            id,
            incident_id,
            at,
            kind,
            summary,
            imported: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_read_as_sentences() {
        let cases = [
            (
                EventKind::Declared {
                    title: "Checkout errors".into(),
                    severity: Severity::Sev2,
                    status: Status::Investigating,
                    customer_visible: true,
                },
                "declared",
                "Declared SEV2 \"Checkout errors\" (investigating, customer-visible)",
            ),
            (
                EventKind::SeverityChanged {
                    from: Severity::Sev2,
                    to: Severity::Sev1,
                },
                "severity_changed",
                "Severity SEV2 → SEV1",
            ),
            (
                EventKind::StatusChanged {
                    from: Status::Identified,
                    to: Status::Monitoring,
                },
                "status_changed",
                "Status identified → monitoring",
            ),
            (
                EventKind::CommsLeadActivated {
                    severity: Severity::Sev1,
                },
                "comms_lead_activated",
                "Comms lead role activated (SEV1)",
            ),
        ];
        use chrono::TimeZone;
        let at = |h, m| Utc.with_ymd_and_hms(2026, 11, 27, h, m, 0).single();
        let more = [
            (
                EventKind::DeadlinesChanged {
                    cause: "Severity SEV1 → SEV2".into(),
                    changes: vec![
                        DeadlineChange {
                            audience: Audience::Customers,
                            from: at(14, 30),
                            to: at(14, 45),
                        },
                        DeadlineChange {
                            audience: Audience::Executives,
                            from: at(15, 0),
                            to: None,
                        },
                    ],
                },
                "deadlines_changed",
                "Severity SEV1 → SEV2: customers due 14:30 → 14:45 UTC; executives no longer scheduled",
            ),
            (
                EventKind::UpdateLogged {
                    update_id: "u1".into(),
                    audience: Audience::Customers,
                    posted_to: "status page".into(),
                },
                "update_logged",
                "Update for customers posted to status page",
            ),
            (
                EventKind::DeadlineSnoozed {
                    audience: Audience::Internal,
                    minutes: 10,
                    reason: "waiting for the IC".into(),
                },
                "deadline_snoozed",
                "Snoozed the internal deadline 10 min: waiting for the IC",
            ),
            (
                EventKind::AlertSent {
                    audience: Audience::Customers,
                    stage: AlertStage::Due,
                    summary: "Customers update due now — INC-1".into(),
                    delivered: false,
                    problem: Some("no notification server".into()),
                },
                "alert_sent",
                "Alert: Customers update due now — INC-1 (shown in Herald only; notifications unavailable: no notification server)",
            ),
        ];
        for (kind, name, summary) in cases.into_iter().chain(more) {
            assert_eq!(kind.name(), name);
            assert_eq!(kind.summary(), summary);
            let json = serde_json::to_value(&kind).unwrap();
            assert_eq!(json["type"], name, "the stored tag matches the column");
        }
    }
}
