//! How strict each audience's guardrails are, and the codename glossary.

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
                blocking: rules.strictness == Strictness::Block,
                ..f
            })
            .collect()
    }

    /// Trims glossary terms, drops blank and repeated ones, and checks sizes.
    pub fn validate(&self) -> Result<GuardrailSettings, Invalid> {
        let mut glossary: Vec<String> = Vec::new();
        let mut errors = Vec::new();
        for term in &self.glossary {
            let term = term.trim();
            if term.is_empty()
                || glossary
                    .iter()
                    .any(|t| t.to_lowercase() == term.to_lowercase())
            {
                continue;
            }
            if term.chars().count() > MAX_TERM {
                errors.push(FieldError::new(
                    "glossary",
                    format!(
                        "Keep each glossary term to {MAX_TERM} characters: \"{}…\" is longer.",
                        term.chars().take(20).collect::<String>()
                    ),
                ));
            }
            glossary.push(term.to_owned());
        }
        if glossary.len() > MAX_TERMS {
            errors.push(FieldError::new(
                "glossary",
                format!("The glossary holds at most {MAX_TERMS} terms."),
            ));
        }
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
        })
    }
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
        let bad = GuardrailSettings {
            glossary: vec!["x".repeat(MAX_TERM + 1)],
            audiences: vec![],
        };
        let Err(Invalid(errors)) = bad.validate() else {
            panic!("accepted")
        };
        assert_eq!(errors.len(), 5);
    }
}
