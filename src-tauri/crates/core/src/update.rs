//! Updates: messages that went out to an audience, and the lead's requests
//! about them (log one posted elsewhere, snooze a deadline).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::terms::Audience;
use crate::validation::{FieldError, Invalid};

/// Longest update Herald keeps. Far beyond any channel's limit; it bounds what
/// a stray paste can do to the database and the window.
pub const MAX_BODY: usize = 100_000;
const MAX_POSTED_TO: usize = 200;
const MAX_REASON: usize = 500;
/// The snoozes the lead can choose, in minutes.
pub const SNOOZE_CHOICES: [u32; 3] = [5, 10, 15];

/// An update that went out for one audience, with its exact text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Update {
    pub id: String,
    pub incident_id: String,
    pub audience: Audience,
    pub body: String,
    /// Where it was posted ("status page", "#incident-4821").
    pub posted_to: String,
    pub posted_at: DateTime<Utc>,
    /// `logged` (posted elsewhere and recorded here) or `published` (sent by Herald).
    pub source: String,
    /// Who published it: the incident's comms lead at the time, when named.
    pub author: String,
}

/// "Log an update I posted elsewhere".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LoggedUpdate {
    pub audience: Audience,
    pub body: String,
    pub posted_to: String,
}

impl LoggedUpdate {
    /// Trims and checks the input; the body keeps its inner text exactly.
    pub fn validate(&self) -> Result<LoggedUpdate, Invalid> {
        let clean = LoggedUpdate {
            audience: self.audience,
            body: crate::text::clean_multiline(self.body.trim()),
            posted_to: self.posted_to.trim().to_owned(),
        };
        let mut errors = Vec::new();
        let length = clean.body.chars().count();
        if length == 0 {
            errors.push(FieldError::new(
                "body",
                "Paste the text of the update you posted.",
            ));
        } else if length > MAX_BODY {
            errors.push(FieldError::new(
                "body",
                format!("The update is {length} characters; Herald keeps at most {MAX_BODY}."),
            ));
        }
        if clean.posted_to.chars().count() > MAX_POSTED_TO {
            errors.push(FieldError::new(
                "posted_to",
                format!("Keep where it was posted to {MAX_POSTED_TO} characters or fewer."),
            ));
        } else if clean.posted_to.chars().any(char::is_control) {
            errors.push(FieldError::new(
                "posted_to",
                "Where it was posted cannot contain control characters.",
            ));
        }
        Invalid::check(errors).map(|()| clean)
    }
}

/// Push one audience's deadline back a few minutes, with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SnoozeRequest {
    pub audience: Audience,
    pub minutes: u32,
    pub reason: String,
}

impl SnoozeRequest {
    pub fn validate(&self) -> Result<SnoozeRequest, Invalid> {
        let clean = SnoozeRequest {
            reason: self.reason.trim().to_owned(),
            ..self.clone()
        };
        let mut errors = Vec::new();
        if !SNOOZE_CHOICES.contains(&clean.minutes) {
            errors.push(FieldError::new(
                "minutes",
                "Snooze for 5, 10 or 15 minutes.",
            ));
        }
        if clean.reason.is_empty() {
            errors.push(FieldError::new(
                "reason",
                "Say why the update is late; it goes on the timeline.",
            ));
        } else if clean.reason.chars().count() > MAX_REASON {
            errors.push(FieldError::new(
                "reason",
                format!("Keep the reason to {MAX_REASON} characters or fewer."),
            ));
        }
        Invalid::check(errors).map(|()| clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(result: Result<impl Sized, Invalid>) -> Vec<String> {
        match result {
            Ok(_) => vec![],
            Err(Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn control_characters_are_refused_in_one_line_fields_and_dropped_from_text() {
        let input = LoggedUpdate {
            audience: Audience::Customers,
            body: "Line one\u{7}\nLine two\u{1b}".into(),
            posted_to: "status page".into(),
        };
        assert_eq!(input.validate().unwrap().body, "Line one\nLine two");
        let bad = LoggedUpdate {
            posted_to: "status\u{7}page".into(),
            ..input
        };
        assert_eq!(bad.validate().unwrap_err().0[0].field, "posted_to");
    }

    #[test]
    fn a_logged_update_needs_text_within_the_limit_and_keeps_it_exactly() {
        let good = LoggedUpdate {
            audience: Audience::Customers,
            body: "  Some customers may see errors at checkout. 🙏 שלום  ".into(),
            posted_to: " status page ".into(),
        };
        let clean = good.validate().unwrap();
        assert_eq!(
            clean.body,
            "Some customers may see errors at checkout. 🙏 שלום"
        );
        assert_eq!(clean.posted_to, "status page");
        let cases = [
            (
                LoggedUpdate {
                    body: " \n ".into(),
                    ..good.clone()
                },
                vec!["body"],
            ),
            (
                LoggedUpdate {
                    body: "é".repeat(MAX_BODY),
                    ..good.clone()
                },
                vec![],
            ),
            (
                LoggedUpdate {
                    body: "é".repeat(MAX_BODY + 1),
                    ..good.clone()
                },
                vec!["body"],
            ),
            (
                LoggedUpdate {
                    posted_to: "x".repeat(201),
                    ..good.clone()
                },
                vec!["posted_to"],
            ),
        ];
        for (input, expect) in cases {
            assert_eq!(fields(input.validate()), expect);
        }
    }

    #[test]
    fn a_snooze_is_five_ten_or_fifteen_minutes_with_a_reason() {
        let ok = SnoozeRequest {
            audience: Audience::Executives,
            minutes: 10,
            reason: "waiting on the IC".into(),
        };
        assert_eq!(fields(ok.validate()), Vec::<String>::new());
        assert_eq!(
            fields(
                SnoozeRequest {
                    minutes: 7,
                    ..ok.clone()
                }
                .validate()
            ),
            ["minutes"]
        );
        assert_eq!(
            fields(
                SnoozeRequest {
                    reason: "  ".into(),
                    ..ok.clone()
                }
                .validate()
            ),
            ["reason"]
        );
    }
}
