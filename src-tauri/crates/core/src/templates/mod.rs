//! Draft templates: one per audience and kind, filled from the latest IC sync.
//!
//! A template is text with `{placeholder}`s and `{?name}…{/name}` sections
//! (see `render`); `{{` and `}}` are literal braces. A template naming a
//! placeholder Herald does not know is refused when saved, so a typo never
//! reaches a customer as "{custmer_impact}".

mod defaults;
mod earlier;
mod render;

use chrono::{DateTime, Utc};
pub use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use render::{CONDITIONS, Fill, render};

use crate::terms::{Audience, Status};
use crate::validation::{FieldError, Invalid};

const MAX_TEMPLATE: usize = 10_000;

/// Which template: one per open status, the holding line, and the resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    Investigating,
    Identified,
    Monitoring,
    /// "No change — still investigating", for an on-time update with nothing new.
    Holding,
    Resolution,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 5] = [
        Self::Investigating,
        Self::Identified,
        Self::Monitoring,
        Self::Holding,
        Self::Resolution,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Investigating => "investigating",
            Self::Identified => "identified",
            Self::Monitoring => "monitoring",
            Self::Holding => "holding",
            Self::Resolution => "resolution",
        }
    }

    /// The template a fresh draft uses for an incident in `status`.
    pub fn for_status(status: Status) -> TemplateKind {
        match status {
            Status::Investigating => Self::Investigating,
            Status::Identified => Self::Identified,
            Status::Monitoring => Self::Monitoring,
            Status::Resolved => Self::Resolution,
        }
    }
}

/// Every placeholder, with what it is replaced by.
pub const PLACEHOLDERS: [(&str, &str); 10] = [
    ("title", "the incident's title"),
    (
        "reference",
        "the external ID, or the title when there is none",
    ),
    ("severity", "SEV1 to SEV4"),
    (
        "status",
        "investigating, identified, monitoring or resolved",
    ),
    ("affected", "what is affected, from the IC sync"),
    (
        "customer_impact",
        "what customers experience, from the IC sync",
    ),
    ("known", "what we know, from the IC sync"),
    ("doing", "what we are doing, from the IC sync"),
    ("eta", "the ETA as the IC gave it"),
    ("eta_confidence", "none, low, medium, high or confirmed"),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Template {
    pub audience: Audience,
    pub kind: TemplateKind,
    pub body: String,
}

/// All twenty templates (four audiences × five kinds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateSet {
    pub templates: Vec<Template>,
}

/// The line every customer update ends with while the incident is open:
/// "Next update by 15:05 UTC", in the zone customer messages use.
pub fn next_update_line(at: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "Next update by {}",
        at.with_timezone(&zone).format("%H:%M %Z")
    )
}

/// Reads a zone name ("UTC", "Europe/Berlin") or says why it is not one.
pub fn parse_zone(name: &str) -> Result<Tz, String> {
    name.trim().parse::<Tz>().map_err(|_| {
        format!(
            "\"{}\" is not a time zone name; use one like UTC or Europe/Berlin.",
            name.trim()
        )
    })
}

/// Checks one template body; the error names the first problem.
pub fn check(body: &str) -> Result<(), String> {
    if body.trim().is_empty() {
        return Err("A template cannot be empty.".into());
    }
    let length = body.chars().count();
    if length > MAX_TEMPLATE {
        return Err(format!(
            "The template is {length} characters; keep it to {MAX_TEMPLATE}."
        ));
    }
    render::parse(body).map(|_| ())
}

impl TemplateSet {
    pub fn body(&self, audience: Audience, kind: TemplateKind) -> &str {
        self.templates
            .iter()
            .find(|t| t.audience == audience && t.kind == kind)
            .map(|t| t.body.as_str())
            .unwrap_or("")
    }

    /// Every template must be present once and parse.
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut errors = Vec::new();
        for audience in Audience::ALL {
            for kind in TemplateKind::ALL {
                let field = format!("{}.{}", audience.as_str(), kind.as_str());
                let count = self
                    .templates
                    .iter()
                    .filter(|t| t.audience == audience && t.kind == kind)
                    .count();
                if count != 1 {
                    errors.push(FieldError::new(
                        &field,
                        "Each template must appear exactly once.",
                    ));
                } else if let Err(message) = check(self.body(audience, kind)) {
                    errors.push(FieldError::new(&field, message));
                }
            }
        }
        Invalid::check(errors)
    }

    /// The templates Herald ships, in the voice PRODUCT.md gives each audience.
    pub fn defaults() -> TemplateSet {
        defaults::set()
    }

    /// Moves every template still equal to an earlier shipped one to the
    /// current shipped text; the lead's own wording is kept. Says how many moved.
    pub fn upgrade_shipped(&mut self) -> usize {
        let current = TemplateSet::defaults();
        let mut moved = 0;
        for template in &mut self.templates {
            let unedited = earlier::FIRST.iter().any(|(audience, kind, body)| {
                *audience == template.audience && *kind == template.kind && *body == template.body
            });
            let shipped = current.body(template.audience, template.kind);
            if unedited && template.body != shipped {
                template.body = shipped.to_owned();
                moved += 1;
            }
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::{Incident, NewIncident};
    use crate::matrix::SeverityMatrix;
    use crate::sync::EtaConfidence;
    use crate::sync::SyncFacts;
    use crate::terms::Severity;
    use chrono::TimeZone;

    fn incident() -> Incident {
        let input = NewIncident {
            external_id: "INC-7".into(),
            title: "Checkout errors 🛒".into(),
            severity: Severity::Sev1,
            status: Status::Identified,
            link: String::new(),
            customer_visible: true,
            commander: String::new(),
            comms_lead: String::new(),
        };
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        Incident::declare("i".into(), input, &SeverityMatrix::default(), at).0
    }

    fn sync() -> SyncFacts {
        SyncFacts {
            affected: "checkout in the EU".into(),
            customer_impact: "Some payments fail — שלום".into(),
            known: "k".into(),
            doing: "We are moving traffic.".into(),
            eta: "16:00".into(),
            eta_confidence: EtaConfidence::Low,
            status: Status::Identified,
        }
    }

    fn fill<'a>(incident: &'a Incident, sync: Option<&'a SyncFacts>) -> Fill<'a> {
        Fill {
            incident,
            sync,
            previous_update: false,
        }
    }

    #[test]
    fn placeholders_fill_from_the_incident_and_sync_and_braces_escape() {
        let incident = incident();
        let out = render(
            "{{{reference}}} {title}: {affected}; {customer_impact} ETA {eta} ({eta_confidence}) {severity}/{status}",
            &fill(&incident, Some(&sync())),
        );
        assert_eq!(
            out,
            "{INC-7} Checkout errors 🛒: checkout in the EU; Some payments fail — שלום. ETA 16:00 (low) SEV1/identified"
        );
        assert_eq!(render("{affected}!", &fill(&incident, None)), "!");
        assert_eq!(
            render("{affected} is down.", &fill(&incident, Some(&sync()))),
            "Checkout in the EU is down.",
            "a phrase that starts a sentence gets its capital"
        );
    }

    #[test]
    fn sections_follow_the_answers_and_the_audiences_history() {
        let incident = incident();
        let template = "{?known}Known: {known}{/known}{!known}Nothing known yet.{/known}\n{?eta}ETA {eta}.{/eta}{?previous_update} Still.{/previous_update}";
        let facts = sync();
        let mut fill = fill(&incident, Some(&facts));
        assert_eq!(render(template, &fill), "Known: K.\nETA 16:00.");
        fill.previous_update = true;
        assert_eq!(render(template, &fill), "Known: K.\nETA 16:00. Still.");
        let unsure = SyncFacts {
            known: "  ".into(),
            eta_confidence: EtaConfidence::None,
            ..sync()
        };
        fill.sync = Some(&unsure);
        assert_eq!(
            render(template, &fill),
            "Nothing known yet.\nStill.",
            "an ETA held with no confidence is left out"
        );
        assert_eq!(render("{?known}a", &fill), "{?known}a");
    }

    #[test]
    fn the_next_update_line_uses_the_chosen_zone() {
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 14, 5, 0).unwrap();
        assert_eq!(next_update_line(at, Tz::UTC), "Next update by 14:05 UTC");
        let berlin = parse_zone(" Europe/Berlin ").unwrap();
        assert_eq!(next_update_line(at, berlin), "Next update by 15:05 CET");
        assert!(
            parse_zone("Mars/Olympus")
                .unwrap_err()
                .contains("\"Mars/Olympus\"")
        );
    }

    #[test]
    fn a_bad_template_names_its_problem() {
        let err = check("Hello {custmer_impact}").unwrap_err();
        assert!(
            err.starts_with("Unknown placeholder {custmer_impact}."),
            "{err}"
        );
        assert!(
            check("Hello {affected")
                .unwrap_err()
                .contains("no closing }")
        );
        assert!(
            check("Hello affected}")
                .unwrap_err()
                .contains("no opening {")
        );
        assert!(check("  ").is_err());
        assert!(check("{{literal}} and {affected}").is_ok());
    }

    #[test]
    fn templates_saved_unedited_move_to_the_current_wording_and_edits_stay() {
        let mut saved = TemplateSet::defaults();
        for template in &mut saved.templates {
            template.body = earlier::FIRST
                .iter()
                .find(|(a, k, _)| *a == template.audience && *k == template.kind)
                .map(|(_, _, body)| (*body).to_owned())
                .unwrap();
        }
        saved.templates[0].body = "Our own words about {affected}.".into();
        assert_eq!(
            saved.upgrade_shipped(),
            17,
            "the two unchanged resolutions stay as they are"
        );
        assert_eq!(saved.templates[0].body, "Our own words about {affected}.");
        let current = TemplateSet::defaults();
        assert_eq!(saved.templates[1..], current.templates[1..]);
        assert_eq!(saved.upgrade_shipped(), 0, "the current wording stays");
    }

    #[test]
    fn the_shipped_set_is_complete_and_valid() {
        let set = TemplateSet::defaults();
        set.validate().unwrap();
        let mut broken = set.clone();
        broken.templates[3].body = "{oops}".into();
        broken.templates.pop();
        let Err(Invalid(errors)) = broken.validate() else {
            panic!("accepted")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["customers.holding", "incident_channel.resolution"]);
    }
}
