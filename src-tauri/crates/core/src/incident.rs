//! The incident: what the comms lead declares, and the rules for changing it.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::matrix::SeverityMatrix;
use crate::terms::{Severity, Status};
use crate::timeline::EventKind;
use crate::validation::{FieldError, Invalid};

const MAX_TITLE: usize = 200;
const MAX_EXTERNAL_ID: usize = 100;
/// The longest a title-made reference gets, ellipsis included.
const REFERENCE_CHARS: usize = 28;
pub const MAX_NAME: usize = 100;
const MAX_LINK: usize = 2_000;

/// A declared incident as Herald keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Incident {
    /// Herald's own id (a UUID), stable across handoffs.
    pub id: String,
    /// The reference in the incident tool ("INC-4821"); empty when there is none yet.
    pub external_id: String,
    /// Link to the incident in the incident tool; empty when there is none.
    pub link: String,
    pub title: String,
    pub severity: Severity,
    pub status: Status,
    pub customer_visible: bool,
    /// The incident commander's name.
    pub commander: String,
    pub comms_lead: String,
    /// Whether the severity matrix has called for a dedicated comms lead. Once on,
    /// it stays on: the role is not dropped mid-incident when severity eases.
    pub comms_lead_activated: bool,
    pub started_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// What the lead types into the "Declare incident" form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewIncident {
    pub external_id: String,
    pub link: String,
    pub title: String,
    pub severity: Severity,
    pub status: Status,
    pub customer_visible: bool,
    pub commander: String,
    pub comms_lead: String,
}

/// A change the lead makes to an open incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum IncidentChange {
    Severity(Severity),
    Status(Status),
}

impl NewIncident {
    /// Trims every field and checks it, returning every problem at once so the
    /// form can mark all of them in one pass.
    pub fn validate(&self) -> Result<NewIncident, Invalid> {
        let clean = NewIncident {
            external_id: self.external_id.trim().to_owned(),
            link: self.link.trim().to_owned(),
            title: self.title.trim().to_owned(),
            commander: self.commander.trim().to_owned(),
            comms_lead: self.comms_lead.trim().to_owned(),
            ..self.clone()
        };
        let mut errors = Vec::new();
        if clean.title.is_empty() {
            errors.push(FieldError::new("title", "Give the incident a title."));
        } else if clean.title.chars().count() > MAX_TITLE {
            errors.push(FieldError::new(
                "title",
                format!("Keep the title to {MAX_TITLE} characters or fewer."),
            ));
        } else if clean.title.chars().any(char::is_control) {
            errors.push(FieldError::new(
                "title",
                "The title cannot contain control characters (such as a line break or a bell).",
            ));
        }
        if clean.external_id.chars().count() > MAX_EXTERNAL_ID {
            errors.push(FieldError::new(
                "external_id",
                format!("Keep the incident ID to {MAX_EXTERNAL_ID} characters or fewer."),
            ));
        } else if clean.external_id.chars().any(char::is_control) {
            errors.push(FieldError::new(
                "external_id",
                "The incident ID cannot contain control characters.",
            ));
        }
        if let Some(message) = link_problem(&clean.link) {
            errors.push(FieldError::new("link", message));
        }
        for (field, value, label) in [
            ("commander", &clean.commander, "incident commander's"),
            ("comms_lead", &clean.comms_lead, "comms lead's"),
        ] {
            if value.chars().count() > MAX_NAME {
                errors.push(FieldError::new(
                    field,
                    format!("Keep the {label} name to {MAX_NAME} characters or fewer."),
                ));
            } else if value.chars().any(char::is_control) {
                errors.push(FieldError::new(
                    field,
                    format!("The {label} name cannot contain control characters."),
                ));
            }
        }
        Invalid::check(errors).map(|()| clean)
    }
}

/// Says what is wrong with a link, or `None` when it is empty or a usable web
/// address (http or https with a host). Also guards what Herald will open in
/// the browser.
pub fn link_problem(link: &str) -> Option<String> {
    if link.is_empty() {
        return None;
    }
    if link.len() > MAX_LINK {
        return Some(format!("Keep the link to {MAX_LINK} characters or fewer."));
    }
    match url::Url::parse(link) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => None,
        Ok(url) => Some(format!(
            "The link must be a web address starting with https:// (this one starts with {}:).",
            url.scheme()
        )),
        Err(_) => Some(
            "The link is not a valid web address; paste the full URL, e.g. https://status.example.com/incidents/123."
                .to_owned(),
        ),
    }
}

impl Incident {
    /// Declares an incident from validated input. Returns it with the timeline
    /// events the declaration produces.
    pub fn declare(
        id: String,
        input: NewIncident,
        matrix: &SeverityMatrix,
        now: DateTime<Utc>,
    ) -> (Incident, Vec<EventKind>) {
        let activated = matrix.policy(input.severity).comms_lead.activates();
        let incident = Incident {
            id,
            external_id: input.external_id,
            link: input.link,
            title: input.title,
            severity: input.severity,
            status: input.status,
            customer_visible: input.customer_visible,
            commander: input.commander,
            comms_lead: input.comms_lead,
            comms_lead_activated: activated,
            started_at: now,
            resolved_at: (input.status == Status::Resolved).then_some(now),
        };
        let mut events = vec![EventKind::Declared {
            title: incident.title.clone(),
            severity: incident.severity,
            status: incident.status,
            customer_visible: incident.customer_visible,
        }];
        if activated {
            events.push(EventKind::CommsLeadActivated {
                severity: incident.severity,
            });
        }
        (incident, events)
    }

    /// Applies one change and returns what happened, for the timeline. A change to
    /// the value the incident already has returns no events and changes nothing.
    pub fn apply(
        &mut self,
        change: IncidentChange,
        matrix: &SeverityMatrix,
        now: DateTime<Utc>,
    ) -> Vec<EventKind> {
        let mut events = Vec::new();
        match change {
            IncidentChange::Severity(to) if to != self.severity => {
                events.push(EventKind::SeverityChanged {
                    from: self.severity,
                    to,
                });
                self.severity = to;
                if !self.comms_lead_activated && matrix.policy(to).comms_lead.activates() {
                    self.comms_lead_activated = true;
                    events.push(EventKind::CommsLeadActivated { severity: to });
                }
            }
            IncidentChange::Status(to) if to != self.status => {
                events.push(EventKind::StatusChanged {
                    from: self.status,
                    to,
                });
                self.status = to;
                self.resolved_at = (to == Status::Resolved).then_some(now);
            }
            IncidentChange::Severity(_) | IncidentChange::Status(_) => {}
        }
        events
    }

    /// What the incident is called in lists, alerts and the tray: its external
    /// ID when it has one, else its title, shortened at a word to fit a line.
    /// (A slice of the local id read as a hash, meaningless to a person.)
    pub fn reference(&self) -> Cow<'_, str> {
        if !self.external_id.is_empty() {
            return Cow::Borrowed(&self.external_id);
        }
        if self.title.chars().count() <= REFERENCE_CHARS {
            return Cow::Borrowed(&self.title);
        }
        let cut: String = self.title.chars().take(REFERENCE_CHARS - 1).collect();
        let at_word = cut
            .rfind(' ')
            .filter(|&i| i > REFERENCE_CHARS / 2)
            .unwrap_or(cut.len());
        Cow::Owned(format!("{}…", cut[..at_word].trim_end()))
    }

    /// A heading naming the incident: "INC-7 — Title", or the title alone
    /// when it has no external ID (its reference is then the title itself).
    pub fn heading(&self) -> String {
        if self.external_id.is_empty() {
            self.title.clone()
        } else {
            format!("{} — {}", self.external_id, self.title)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 14, minute, 0)
            .single()
            .unwrap_or_default()
    }

    fn form() -> NewIncident {
        NewIncident {
            external_id: " INC-1 ".into(),
            link: "https://incidents.example.com/INC-1".into(),
            title: "  Checkout errors ".into(),
            severity: Severity::Sev2,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
        }
    }

    /// Runs validation and returns the fields that failed, in order.
    fn failed_fields(input: NewIncident) -> Vec<String> {
        match input.validate() {
            Ok(_) => vec![],
            Err(Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn validation_trims_and_accepts_a_good_form() {
        let clean = form().validate().expect("valid form");
        assert_eq!(clean.title, "Checkout errors");
        assert_eq!(clean.external_id, "INC-1");
    }

    #[test]
    fn validation_names_each_bad_field() {
        let cases: Vec<(NewIncident, Vec<&str>)> = vec![
            (
                NewIncident {
                    title: "   ".into(),
                    ..form()
                },
                vec!["title"],
            ),
            (
                NewIncident {
                    title: "x".repeat(201),
                    ..form()
                },
                vec!["title"],
            ),
            (
                NewIncident {
                    link: "not a url".into(),
                    ..form()
                },
                vec!["link"],
            ),
            (
                NewIncident {
                    link: "ftp://example.com/x".into(),
                    ..form()
                },
                vec!["link"],
            ),
            (
                NewIncident {
                    link: "javascript:alert(1)".into(),
                    ..form()
                },
                vec!["link"],
            ),
            (
                NewIncident {
                    link: "https://".into(),
                    ..form()
                },
                vec!["link"],
            ),
            (
                NewIncident {
                    link: "".into(),
                    external_id: "".into(),
                    ..form()
                },
                vec![],
            ),
            (
                NewIncident {
                    external_id: "INC\u{7}1".into(),
                    ..form()
                },
                vec!["external_id"],
            ),
            (
                NewIncident {
                    title: "".into(),
                    link: "nope".into(),
                    ..form()
                },
                vec!["title", "link"],
            ),
            (
                NewIncident {
                    commander: "a".repeat(101),
                    ..form()
                },
                vec!["commander"],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(failed_fields(input.clone()), expected, "input: {input:?}");
        }
    }

    #[test]
    fn declaring_a_sev2_activates_the_comms_lead() {
        let matrix = SeverityMatrix::default();
        let (incident, events) = Incident::declare(
            "id-1".into(),
            form().validate().unwrap_or_else(|_| form()),
            &matrix,
            at(0),
        );
        assert!(incident.comms_lead_activated);
        assert_eq!(incident.started_at, at(0));
        assert!(matches!(
            events[0],
            EventKind::Declared {
                severity: Severity::Sev2,
                ..
            }
        ));
        assert_eq!(
            events[1],
            EventKind::CommsLeadActivated {
                severity: Severity::Sev2
            }
        );
    }

    #[test]
    fn escalating_a_sev3_activates_once_and_easing_keeps_it() {
        let matrix = SeverityMatrix::default();
        let input = NewIncident {
            severity: Severity::Sev3,
            ..form()
        };
        let (mut incident, events) = Incident::declare("id".into(), input, &matrix, at(0));
        assert!(!incident.comms_lead_activated);
        assert_eq!(events.len(), 1);

        let events = incident.apply(IncidentChange::Severity(Severity::Sev1), &matrix, at(5));
        assert_eq!(
            events,
            vec![
                EventKind::SeverityChanged {
                    from: Severity::Sev3,
                    to: Severity::Sev1
                },
                EventKind::CommsLeadActivated {
                    severity: Severity::Sev1
                },
            ]
        );
        let events = incident.apply(IncidentChange::Severity(Severity::Sev4), &matrix, at(6));
        assert_eq!(
            events,
            vec![EventKind::SeverityChanged {
                from: Severity::Sev1,
                to: Severity::Sev4
            }]
        );
        assert!(incident.comms_lead_activated);
    }

    #[test]
    fn resolving_stamps_the_time_and_reopening_clears_it() {
        let matrix = SeverityMatrix::default();
        let (mut incident, _) = Incident::declare("id".into(), form(), &matrix, at(0));
        assert!(
            incident
                .apply(
                    IncidentChange::Status(Status::Investigating),
                    &matrix,
                    at(1)
                )
                .is_empty()
        );
        incident.apply(IncidentChange::Status(Status::Resolved), &matrix, at(9));
        assert_eq!(incident.resolved_at, Some(at(9)));
        incident.apply(IncidentChange::Status(Status::Monitoring), &matrix, at(10));
        assert_eq!(incident.resolved_at, None);
    }

    #[test]
    fn without_an_external_id_the_reference_is_the_title_shortened_at_a_word() {
        let matrix = SeverityMatrix::default();
        let declare = |external_id: &str, title: &str| {
            let input = NewIncident {
                external_id: external_id.into(),
                title: title.into(),
                ..form()
            };
            Incident::declare("0193a1b2-c3d4".into(), input, &matrix, at(0)).0
        };
        let short = declare("", "Login failures");
        assert_eq!(short.reference(), "Login failures");
        assert_eq!(short.heading(), "Login failures");
        let long = declare("", "Card payments failing for customers in the EU region");
        assert_eq!(long.reference(), "Card payments failing for…");
        assert!(long.reference().chars().count() <= REFERENCE_CHARS);
        let named = declare("INC-7", "Login failures");
        assert_eq!(named.reference(), "INC-7");
        assert_eq!(named.heading(), "INC-7 — Login failures");
    }
}
