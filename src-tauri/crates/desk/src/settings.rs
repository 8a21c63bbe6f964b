//! Settings: the severity matrix, and how messages are written and checked
//! (templates, guardrails, the zone customer messages use).

use chrono::{TimeZone, Utc};
use herald_core::templates::{self, Fill, parse_zone};
use herald_core::{
    EtaConfidence, FieldError, GuardrailSettings, Incident, Invalid, NewIncident, Severity,
    SeverityMatrix, Status, SyncFacts, TemplateSet,
};
use herald_store::settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Desk, Error};

/// Everything about how messages are written and checked, edited together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MessageSettings {
    pub templates: TemplateSet,
    pub guardrails: GuardrailSettings,
    /// The zone "Next update by HH:MM <zone>" is written in ("UTC", "Europe/Berlin").
    pub customer_time_zone: String,
    /// After how long one lead has held the role Herald suggests a handoff.
    pub suggest_handoff_after_minutes: u32,
}

impl MessageSettings {
    /// What Herald ships: its templates, its guardrails, times in UTC.
    pub fn defaults() -> MessageSettings {
        MessageSettings {
            templates: TemplateSet::defaults(),
            guardrails: GuardrailSettings::defaults(),
            customer_time_zone: "UTC".to_owned(),
            suggest_handoff_after_minutes: 180,
        }
    }
}

impl Desk {
    pub fn severity_matrix(&self) -> Result<SeverityMatrix, Error> {
        Ok(self.store.read(settings::severity_matrix)?)
    }

    /// Saves an edited matrix; a bad cell is named and nothing is saved.
    pub fn save_severity_matrix(&self, matrix: SeverityMatrix) -> Result<SeverityMatrix, Error> {
        matrix.validate()?;
        let now = self.clock.now();
        self.write(|tx| {
            settings::save_severity_matrix(tx, &matrix)?;
            self.refresh_all_deadlines(tx, "Severity matrix edited", now)
        })?;
        self.severity_matrix()
    }

    pub fn message_settings(&self) -> Result<MessageSettings, Error> {
        Ok(self.store.read(|conn| {
            Ok(MessageSettings {
                templates: settings::templates(conn)?,
                guardrails: settings::guardrails(conn)?,
                customer_time_zone: settings::customer_time_zone(conn)?,
                suggest_handoff_after_minutes: settings::handoff_preferences(conn)?
                    .suggest_after_minutes,
            })
        })?)
    }

    /// Saves templates, guardrails and the customer zone together; any template
    /// with an unknown placeholder is named and nothing is saved.
    pub fn save_message_settings(&self, input: MessageSettings) -> Result<MessageSettings, Error> {
        let mut errors = Vec::new();
        if let Err(Invalid(found)) = input.templates.validate() {
            errors.extend(found);
        }
        let guardrails = match input.guardrails.validate() {
            Ok(clean) => clean,
            Err(Invalid(found)) => {
                errors.extend(found);
                input.guardrails.clone()
            }
        };
        let zone = input.customer_time_zone.trim().to_owned();
        if let Err(message) = parse_zone(&zone) {
            errors.push(FieldError::new("customer_time_zone", message));
        }
        if !(15..=1440).contains(&input.suggest_handoff_after_minutes) {
            errors.push(FieldError::new(
                "suggest_handoff_after_minutes",
                "Suggest a handoff after 15 to 1440 minutes.",
            ));
        }
        Invalid::check(errors)?;
        self.write(|tx| {
            let mut handoff = settings::handoff_preferences(tx)?;
            handoff.suggest_after_minutes = input.suggest_handoff_after_minutes;
            settings::save_handoff_preferences(tx, &handoff)?;
            settings::save_templates(tx, &input.templates)?;
            settings::save_guardrails(tx, &guardrails)?;
            settings::save_customer_time_zone(tx, &zone)?;
            Ok::<(), Error>(())
        })?;
        self.message_settings()
    }

    /// A template filled from a sample incident, for the live preview in
    /// Settings; an unknown placeholder is an error naming it.
    pub fn preview_template(&self, body: &str) -> Result<String, Error> {
        templates::check(body)
            .map_err(|message| Error::from(Invalid(vec![FieldError::new("body", message)])))?;
        let (incident, facts) = sample();
        Ok(templates::render(
            body,
            &Fill {
                incident: &incident,
                sync: Some(&facts),
                previous_update: false,
            },
        ))
    }
}

/// The incident the template preview is filled from.
fn sample() -> (Incident, SyncFacts) {
    let at = Utc
        .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let input = NewIncident {
        external_id: "INC-1234".into(),
        link: String::new(),
        title: "Checkout errors".into(),
        severity: Severity::Sev2,
        status: Status::Identified,
        customer_visible: true,
        commander: String::new(),
        comms_lead: String::new(),
    };
    let (incident, _) = Incident::declare("preview".into(), input, &SeverityMatrix::default(), at);
    let facts = SyncFacts {
        affected: "checkout on the website".into(),
        customer_impact: "Some payments fail with an error.".into(),
        known: "Errors started at 09:00 after a change.".into(),
        doing: "We are rolling back the change.".into(),
        eta: "about an hour".into(),
        eta_confidence: EtaConfidence::Medium,
        status: Status::Identified,
    };
    (incident, facts)
}
