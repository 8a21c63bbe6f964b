//! Alerts: the heads-up before a deadline, the alert at it, and reminders while
//! it is overdue. Which one is owed is a pure function of the deadline, the
//! matrix's timings, the last alert sent for that deadline, and the time.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cadence::Deadline;
use crate::incident::Incident;
use crate::matrix::SeverityMatrix;

/// How far along a deadline's alerts are. Ordered: each stage follows the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "stage", content = "reminder", rename_all = "snake_case")]
pub enum AlertStage {
    HeadsUp,
    Due,
    /// The n-th reminder while overdue (1, 2, ...).
    Overdue(u32),
}

impl AlertStage {
    /// The text stored in the database.
    pub fn to_text(self) -> String {
        match self {
            Self::HeadsUp => "heads_up".into(),
            Self::Due => "due".into(),
            Self::Overdue(n) => format!("overdue:{n}"),
        }
    }

    pub fn from_text(text: &str) -> Option<Self> {
        match text {
            "heads_up" => Some(Self::HeadsUp),
            "due" => Some(Self::Due),
            _ => text
                .strip_prefix("overdue:")?
                .parse()
                .ok()
                .map(Self::Overdue),
        }
    }
}

/// The stage a deadline is in at `now`, or `None` before the heads-up window.
pub fn stage_at(
    deadline: DateTime<Utc>,
    matrix: &SeverityMatrix,
    now: DateTime<Utc>,
) -> Option<AlertStage> {
    let heads_up = Duration::minutes(i64::from(matrix.heads_up_minutes));
    if now < deadline - heads_up {
        None
    } else if now < deadline {
        Some(AlertStage::HeadsUp)
    } else {
        let reminder = i64::from(matrix.reminder_minutes.max(1));
        let late = (now - deadline).num_minutes();
        match u32::try_from(late / reminder) {
            Ok(0) => Some(AlertStage::Due),
            Ok(n) => Some(AlertStage::Overdue(n)),
            Err(_) => Some(AlertStage::Overdue(u32::MAX)),
        }
    }
}

/// The alert owed now, if any: the current stage, when it is past the last one
/// sent. After a gap (Herald closed, machine asleep) only the current stage is
/// owed, not every one that was missed.
pub fn owed(
    deadline: DateTime<Utc>,
    matrix: &SeverityMatrix,
    last_sent: Option<AlertStage>,
    now: DateTime<Utc>,
) -> Option<AlertStage> {
    let stage = stage_at(deadline, matrix, now)?;
    match last_sent {
        Some(sent) if sent >= stage => None,
        _ => Some(stage),
    }
}

/// When the next stage begins after `now`: the instant a watcher must look again.
pub fn next_stage_at(
    deadline: DateTime<Utc>,
    matrix: &SeverityMatrix,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let heads_up = deadline - Duration::minutes(i64::from(matrix.heads_up_minutes));
    if now < heads_up {
        return heads_up;
    }
    if now < deadline {
        return deadline;
    }
    let reminder = Duration::minutes(i64::from(matrix.reminder_minutes.max(1)));
    let elapsed = (now - deadline).num_seconds() / reminder.num_seconds();
    deadline + reminder * (i32::try_from(elapsed + 1).unwrap_or(i32::MAX))
}

/// What a notification says: a short summary and a body naming the incident,
/// the audience and what is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AlertText {
    pub summary: String,
    pub body: String,
    /// Due and overdue alerts are critical; a heads-up is not.
    pub critical: bool,
}

pub fn text(
    incident: &Incident,
    deadline: &Deadline,
    stage: AlertStage,
    now: DateTime<Utc>,
) -> AlertText {
    let who = deadline.audience.label();
    let reference = incident.reference();
    let minutes = |d: Duration| d.num_minutes().max(0);
    let (summary, critical) = match stage {
        AlertStage::HeadsUp => (
            format!(
                "{} update due in {} min — {reference}",
                capitalised(who),
                minutes(deadline.due_at - now).max(1)
            ),
            false,
        ),
        AlertStage::Due => (
            format!("{} update due now — {reference}", capitalised(who)),
            true,
        ),
        AlertStage::Overdue(_) => (
            format!(
                "{} update {} min late — {reference}",
                capitalised(who),
                minutes(now - deadline.due_at)
            ),
            true,
        ),
    };
    let late = minutes(now - deadline.due_at);
    let missed = if stage == AlertStage::Due && late >= 1 {
        format!(" Missed by {late} min.")
    } else {
        String::new()
    };
    let body = format!(
        "{} ({}, {}): post the next {who} update.{missed}",
        incident.title,
        incident.severity.as_str(),
        incident.status.as_str()
    );
    AlertText {
        summary,
        body,
        critical,
    }
}

/// The text with its first letter in upper case ("incident channel" → "Incident channel").
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, h, m, s)
            .single()
            .unwrap()
    }

    #[test]
    fn the_owed_alert_follows_the_clock_and_what_was_sent() {
        let m = SeverityMatrix::default(); // heads-up 5 min, reminders every 5 min
        let due = at(14, 30, 0);
        use AlertStage::*;
        let cases: &[(DateTime<Utc>, Option<AlertStage>, Option<AlertStage>)] = &[
            (at(14, 24, 59), None, None),
            (at(14, 25, 0), None, Some(HeadsUp)),
            (at(14, 27, 0), Some(HeadsUp), None),
            (at(14, 30, 0), Some(HeadsUp), Some(Due)),
            (at(14, 34, 59), Some(Due), None),
            (at(14, 35, 0), Some(Due), Some(Overdue(1))),
            (at(14, 40, 0), Some(Overdue(1)), Some(Overdue(2))),
            (at(14, 41, 0), Some(Overdue(2)), None),
            // Closed across the deadline: only the current stage is owed.
            (at(14, 42, 0), None, Some(Overdue(2))),
            (at(14, 31, 0), None, Some(Due)),
        ];
        for &(now, sent, expect) in cases {
            assert_eq!(owed(due, &m, sent, now), expect, "at {now} after {sent:?}");
        }
    }

    #[test]
    fn the_next_look_is_at_the_next_stage() {
        let m = SeverityMatrix::default();
        let due = at(14, 30, 0);
        assert_eq!(next_stage_at(due, &m, at(14, 0, 0)), at(14, 25, 0));
        assert_eq!(next_stage_at(due, &m, at(14, 26, 0)), at(14, 30, 0));
        assert_eq!(next_stage_at(due, &m, at(14, 30, 0)), at(14, 35, 0));
        assert_eq!(next_stage_at(due, &m, at(14, 37, 30)), at(14, 40, 0));
    }

    #[test]
    fn stages_round_trip_through_text() {
        for stage in [AlertStage::HeadsUp, AlertStage::Due, AlertStage::Overdue(3)] {
            assert_eq!(AlertStage::from_text(&stage.to_text()), Some(stage));
        }
        assert_eq!(AlertStage::from_text("overdue:x"), None);
        assert_eq!(AlertStage::from_text("later"), None);
    }

    #[test]
    fn alert_text_names_the_incident_the_audience_and_how_late() {
        use crate::incident::NewIncident;
        use crate::terms::{Audience, Severity, Status};
        let input = NewIncident {
            external_id: "INC-9".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev1,
            status: Status::Identified,
            customer_visible: true,
            commander: String::new(),
            comms_lead: String::new(),
        };
        let incident =
            Incident::declare("id".into(), input, &SeverityMatrix::default(), at(14, 0, 0)).0;
        let deadline = Deadline {
            audience: Audience::Customers,
            due_at: at(14, 30, 0),
            cadence_minutes: 30,
            relaxed: false,
            snoozed: false,
        };
        let heads_up = text(&incident, &deadline, AlertStage::HeadsUp, at(14, 25, 0));
        assert_eq!(heads_up.summary, "Customers update due in 5 min — INC-9");
        assert!(!heads_up.critical);
        let missed = text(&incident, &deadline, AlertStage::Due, at(14, 42, 0));
        assert_eq!(missed.summary, "Customers update due now — INC-9");
        assert_eq!(
            missed.body,
            "Checkout errors (SEV1, identified): post the next customers update. Missed by 12 min."
        );
        assert!(missed.critical);
        let late = text(&incident, &deadline, AlertStage::Overdue(2), at(14, 40, 0));
        assert_eq!(late.summary, "Customers update 10 min late — INC-9");
    }
}
