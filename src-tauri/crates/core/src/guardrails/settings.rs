//! How strict each audience's guardrails are, the codename glossary and the
//! roster of names.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Finding, Rule};
use crate::terms::Audience;
use crate::validation::{FieldError, Invalid};

const MAX_TERM: usize = 100;
const MAX_TERMS: usize = 1_000;

/// What findings do for an audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Strictness {
    /// Findings block publishing until fixed or overridden with a reason.
    Block,
    /// Findings are shown but do not block.
    Warn,
    /// The linter does not run.
    Off,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AudienceGuardrails {
    pub audience: Audience,
    pub strictness: Strictness,
    /// Internal readers know the systems; jargon is fine for them.
    pub allow_jargon: bool,
    /// A draft must be marked "reviewed for accuracy and tone" before it goes out.
    pub review_required: bool,
}

/// The guardrail settings, one row per audience, plus the glossary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GuardrailSettings {
    pub audiences: Vec<AudienceGuardrails>,
    /// Internal codenames that must not reach outsiders ("Bluebird", "Project Kite").
    pub glossary: Vec<String>,
    /// People whose names must never reach an update, whatever the name
    /// ("Ana Lima"): the on-call roster. The incident's own people are added
    /// per draft. (Absent from settings saved before it existed.)
    #[serde(default)]
    pub roster: Vec<String>,
    /// The names our own organisation goes by ("Acme", "Acme Cloud"). A
    /// company named in an update as having had an outage is blamed unless
    /// it is one of these; with none set, Herald guesses from the wording.
    /// (Absent from settings saved before it existed.)
    #[serde(default)]
    pub organisation: Vec<String>,
}

impl GuardrailSettings {
    /// Customers strict, executives warned, internal allows jargon, the incident
    /// channel unchecked; customer and executive messages need a review.
    pub fn defaults() -> GuardrailSettings {
        let row = |audience, strictness, allow_jargon, review_required| AudienceGuardrails {
            audience,
            strictness,
            allow_jargon,
            review_required,
        };
        GuardrailSettings {
            audiences: vec![
                row(Audience::Customers, Strictness::Block, false, true),
                row(Audience::Executives, Strictness::Warn, false, true),
                row(Audience::Internal, Strictness::Warn, true, false),
                row(Audience::IncidentChannel, Strictness::Off, true, false),
            ],
            glossary: Vec::new(),
            roster: Vec::new(),
            organisation: Vec::new(),
        }
    }

    pub fn for_audience(&self, audience: Audience) -> AudienceGuardrails {
        self.audiences
            .iter()
            .find(|a| a.audience == audience)
            .cloned()
            .unwrap_or(AudienceGuardrails {
                audience,
                strictness: Strictness::Block,
                allow_jargon: false,
                review_required: true,
            })
    }

    /// Keeps the findings that matter for `audience` and marks the blocking ones.
    pub fn apply(&self, audience: Audience, findings: Vec<Finding>) -> Vec<Finding> {
        let rules = self.for_audience(audience);
        if rules.strictness == Strictness::Off {
            return Vec::new();
        }
        findings
            .into_iter()
            .filter(|f| !(rules.allow_jargon && f.rule == Rule::Jargon))
            .map(|f| Finding {
                blocking: rules.strictness == Strictness::Block && f.rule.can_block(),
                ..f
            })
            .collect()
    }

    /// Trims glossary terms, roster names and our own names, drops blank and repeated ones,
    /// and checks sizes.
    pub fn validate(&self) -> Result<GuardrailSettings, Invalid> {
        let mut errors = Vec::new();
        let glossary = clean_terms(&self.glossary, "glossary", "glossary term", &mut errors);
        let roster = clean_terms(&self.roster, "roster", "name", &mut errors);
        let organisation = clean_terms(&self.organisation, "organisation", "name", &mut errors);
        for audience in Audience::ALL {
            if self
                .audiences
                .iter()
                .filter(|a| a.audience == audience)
                .count()
                != 1
            {
                errors.push(FieldError::new(
                    format!("{}.strictness", audience.as_str()),
                    format!("Set the guardrails for {} exactly once.", audience.label()),
                ));
            }
        }
        Invalid::check(errors).map(|()| GuardrailSettings {
            audiences: self.audiences.clone(),
            glossary,
            roster,
            organisation,
        })
    }
}

/// One term per entry, trimmed, each once (case-insensitively), within size.
fn clean_terms(
    terms: &[String],
    field: &str,
    what: &str,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for term in terms {
        let term = term.trim();
        if term.is_empty() || kept.iter().any(|t| t.to_lowercase() == term.to_lowercase()) {
            continue;
        }
        if term.chars().count() > MAX_TERM {
            errors.push(FieldError::new(
                field,
                format!(
                    "Keep each {what} to {MAX_TERM} characters: \"{}…\" is longer.",
                    term.chars().take(20).collect::<String>()
                ),
            ));
        }
        kept.push(term.to_owned());
    }
    if kept.len() > MAX_TERMS {
        errors.push(FieldError::new(
            field,
            format!("The {field} holds at most {MAX_TERMS} entries."),
        ));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guardrails::{LintContext, lint};

    #[test]
    fn strictness_decides_what_shows_and_what_blocks() {
        let settings = GuardrailSettings::defaults();
        let findings = lint("We think db-03 failed.", &LintContext::default());
        let rules = |a| {
            settings
                .apply(a, findings.clone())
                .iter()
                .map(|f| (f.rule.as_str(), f.blocking))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            rules(Audience::Customers),
            [("speculation", true), ("jargon", true)]
        );
        assert_eq!(
            rules(Audience::Executives),
            [("speculation", false), ("jargon", false)]
        );
        assert_eq!(rules(Audience::Internal), [("speculation", false)]);
        assert!(rules(Audience::IncidentChannel).is_empty());
    }

    #[test]
    fn the_glossary_is_trimmed_and_deduplicated() {
        let settings = GuardrailSettings {
            glossary: vec![" Kite ".into(), "kite".into(), "".into(), "Bluebird".into()],
            ..GuardrailSettings::defaults()
        };
        assert_eq!(settings.validate().unwrap().glossary, ["Kite", "Bluebird"]);
        let roster = GuardrailSettings {
            roster: vec![" Ana Lima ".into(), "ana lima".into(), "Bo".into()],
            ..GuardrailSettings::defaults()
        };
        assert_eq!(roster.validate().unwrap().roster, ["Ana Lima", "Bo"]);
        let ours = GuardrailSettings {
            organisation: vec![" Acme ".into(), "ACME".into(), "Acme Cloud".into()],
            ..GuardrailSettings::defaults()
        };
        assert_eq!(
            ours.validate().unwrap().organisation,
            ["Acme", "Acme Cloud"]
        );
        let bad = GuardrailSettings {
            glossary: vec!["x".repeat(MAX_TERM + 1)],
            audiences: vec![],
            roster: vec![" Ana Lima ".into(), "ana lima".into()],
            organisation: vec!["y".repeat(MAX_TERM + 1)],
        };
        let Err(Invalid(errors)) = bad.validate() else {
            panic!("accepted")
        };
        assert_eq!(errors.len(), 6);
    }
}
