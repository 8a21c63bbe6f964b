//! Corrections: the lead's new text for an update that already went out. The
//! original stays as it was sent; the correction is kept beside it and
//! delivered wherever the original went, in the way each channel allows
//! (`relay::correction`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::update::MAX_BODY;
use crate::validation::{FieldError, Invalid};

/// A stored correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Correction {
    pub id: String,
    pub incident_id: String,
    /// The update it corrects.
    pub update_id: String,
    pub body: String,
    /// "Notify": channels that can tell their readers about an edit do
    /// (Statuspage e-mails its subscribers); "silent" edits quietly where
    /// a channel can.
    pub notify: bool,
    pub corrected_at: DateTime<Utc>,
    /// Who corrected it: the comms lead at the time, when named.
    pub author: String,
}

/// "Correct this update".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CorrectionRequest {
    pub update_id: String,
    pub body: String,
    pub notify: bool,
    /// Needed when the corrected text has blocking guardrail findings.
    #[serde(default)]
    pub override_reason: Option<String>,
}

impl CorrectionRequest {
    /// Cleans the text as a draft is cleaned, and checks it is a correction of
    /// `current` (the text its readers have now): not empty, not too long,
    /// and not the same.
    pub fn validate(&self, current: &str) -> Result<CorrectionRequest, Invalid> {
        let body = crate::text::clean_multiline(self.body.trim());
        let length = body.chars().count();
        let problem = if length == 0 {
            Some("Write the corrected text.".to_owned())
        } else if length > MAX_BODY {
            Some(format!(
                "The correction is {length} characters; Herald keeps at most {MAX_BODY}."
            ))
        } else if body == current.trim() {
            Some("The text is unchanged: edit what needs correcting first.".to_owned())
        } else {
            None
        };
        match problem {
            Some(message) => Err(Invalid(vec![FieldError::new("body", message)])),
            None => Ok(CorrectionRequest {
                body,
                ..self.clone()
            }),
        }
    }
}

/// The text an update's readers have now: its latest correction's, or its own.
pub fn current_text<'a>(original: &'a str, corrections: &'a [Correction]) -> &'a str {
    corrections
        .iter()
        .max_by_key(|c| c.corrected_at)
        .map_or(original, |c| c.body.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: &str) -> CorrectionRequest {
        CorrectionRequest {
            update_id: "u1".into(),
            body: body.into(),
            notify: false,
            override_reason: None,
        }
    }

    #[test]
    fn a_correction_must_change_the_text_and_fit() {
        let original = "Card payments fail in the US.";
        let cases: &[(&str, Option<&str>)] = &[
            ("Card payments fail in the EU.", None),
            ("  \\n ", Some("Write the corrected text.")),
            ("Card payments fail in the US.  ", Some("unchanged")),
            ("Card payments fail\u{7} in the EU.", None),
        ];
        for (body, problem) in cases {
            let result = request(&body.replace("\\n", "\n")).validate(original);
            match (problem, result) {
                (None, Ok(clean)) => assert!(!clean.body.contains('\u{7}'), "{body}"),
                (Some(words), Err(Invalid(errors))) => {
                    assert_eq!(errors[0].field, "body");
                    assert!(
                        errors[0].message.contains(words),
                        "{body}: {}",
                        errors[0].message
                    );
                }
                (expected, got) => panic!("{body}: expected {expected:?}, got {got:?}"),
            }
        }
        let long = "x".repeat(MAX_BODY + 1);
        assert!(request(&long).validate(original).is_err());
    }

    #[test]
    fn readers_have_the_latest_correction() {
        let at = |m| chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 27, 14, m, 0).unwrap();
        let correction = |id: &str, m, body: &str| Correction {
            id: id.into(),
            incident_id: "i".into(),
            update_id: "u1".into(),
            body: body.into(),
            notify: false,
            corrected_at: at(m),
            author: String::new(),
        };
        assert_eq!(current_text("first", &[]), "first");
        let list = [
            correction("c2", 20, "third"),
            correction("c1", 10, "second"),
        ];
        assert_eq!(current_text("first", &list), "third");
    }
}
