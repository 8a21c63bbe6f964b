//! Obligation clocks: a notification a regulator or a contract requires within
//! a time of a trigger (a 72-hour breach notification, a 24-hour early
//! warning, a contract's "notify within 4 hours"), counted beside the
//! cadences. Each has an owner, the rule it comes from, and a state: open,
//! sent (with the evidence), or decided not required (with the reason).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::alerts::{AlertStage, AlertText};
use crate::incident::Incident;
use crate::text::{clean_multiline, single_line_problem};
use crate::validation::{FieldError, Invalid};

const MAX_NAME: usize = 200;
const MAX_OWNER: usize = 100;
const MAX_RULE: usize = 1_000;
const MAX_LINK: usize = 2_000;
const MAX_NOTE: usize = 2_000;
/// Thirty days: longer than any notification rule Herald knows of.
pub const MAX_WITHIN_MINUTES: u32 = 30 * 24 * 60;
/// A trigger may be set a few minutes ahead of this machine's clock (another
/// machine's clock, a rounded time), not more.
const TRIGGER_SKEW_MINUTES: i64 = 5;

/// A kind of clock the lead can add in one step. The shipped ones are
/// examples, not legal advice; Settings edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ObligationPreset {
    pub name: String,
    pub within_minutes: u32,
    /// Where the obligation comes from, in words.
    pub rule: String,
    pub link: String,
}

/// The presets Herald ships: common regulatory clocks and a contract example.
pub fn shipped_presets() -> Vec<ObligationPreset> {
    let preset = |name: &str, hours: u32, rule: &str, link: &str| ObligationPreset {
        name: name.to_owned(),
        within_minutes: hours * 60,
        rule: rule.to_owned(),
        link: link.to_owned(),
    };
    vec![
        preset(
            "Personal data breach: notify the supervisory authority",
            72,
            "GDPR Article 33(1): without undue delay and, where feasible, not later than 72 hours after becoming aware of it.",
            "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        ),
        preset(
            "Significant incident: early warning to the CSIRT",
            24,
            "NIS2 Directive Article 23(4)(a): an early warning within 24 hours of becoming aware of the significant incident.",
            "https://eur-lex.europa.eu/eli/dir/2022/2555/oj",
        ),
        preset(
            "Significant incident: incident notification to the CSIRT",
            72,
            "NIS2 Directive Article 23(4)(b): an incident notification within 72 hours of becoming aware of the significant incident.",
            "https://eur-lex.europa.eu/eli/dir/2022/2555/oj",
        ),
        preset(
            "Customer contract: notify affected customers",
            4,
            "Example: a contract clause to notify affected customers within 4 hours of a service-affecting incident. Replace with your own contract's terms.",
            "",
        ),
    ]
}

/// Checks a set of presets from Settings; the error names the first problem.
pub fn check_presets(presets: &[ObligationPreset]) -> Result<(), Invalid> {
    let mut errors = Vec::new();
    for (n, p) in presets.iter().enumerate() {
        let input = ObligationInput::from_preset(p);
        if let Err(Invalid(fields)) = input.validate(DateTime::<Utc>::MIN_UTC) {
            errors.extend(
                fields
                    .into_iter()
                    .map(|f| FieldError::new(format!("presets.{n}.{}", f.field), f.message)),
            );
        }
    }
    Invalid::check(errors)
}

/// Where a clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ObligationState {
    Open,
    /// Sent, with the evidence in the note.
    Sent,
    /// Decided not required, with the reason in the note.
    NotRequired,
}

impl ObligationState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Sent => "sent",
            Self::NotRequired => "not_required",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Open, Self::Sent, Self::NotRequired]
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Sent => "sent",
            Self::NotRequired => "not required",
        }
    }
}

/// One clock on one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Obligation {
    pub id: String,
    pub incident_id: String,
    pub name: String,
    /// Who sends it (legal, the DPO, the account team).
    pub owner: String,
    pub rule: String,
    pub link: String,
    pub within_minutes: u32,
    /// When the clock started (becoming aware, say); none until the lead sets
    /// it, which may be after the fact.
    pub triggered_at: Option<DateTime<Utc>>,
    pub state: ObligationState,
    /// The evidence it was sent, or why it was not required.
    pub note: String,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Obligation {
    /// When it must be done by: the trigger plus the time allowed.
    pub fn due_at(&self) -> Option<DateTime<Utc>> {
        self.triggered_at
            .map(|t| t + Duration::minutes(i64::from(self.within_minutes)))
    }

    /// Whether it still counts down: open, with its trigger set.
    pub fn counting(&self) -> bool {
        self.state == ObligationState::Open && self.triggered_at.is_some()
    }

    /// The clock as the lead would have typed it, to check it again.
    pub fn as_input(&self) -> ObligationInput {
        ObligationInput {
            name: self.name.clone(),
            owner: self.owner.clone(),
            rule: self.rule.clone(),
            link: self.link.clone(),
            within_minutes: self.within_minutes,
            triggered_at: self.triggered_at,
        }
    }

    /// For a sent clock, whether it was sent in time.
    pub fn met(&self) -> Option<bool> {
        match (self.state, self.decided_at, self.due_at()) {
            (ObligationState::Sent, Some(at), Some(due)) => Some(at <= due),
            _ => None,
        }
    }
}

/// Adding a clock, or editing one: what the lead types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ObligationInput {
    pub name: String,
    pub owner: String,
    pub rule: String,
    pub link: String,
    pub within_minutes: u32,
    pub triggered_at: Option<DateTime<Utc>>,
}

impl ObligationInput {
    pub fn from_preset(preset: &ObligationPreset) -> ObligationInput {
        ObligationInput {
            name: preset.name.clone(),
            owner: String::new(),
            rule: preset.rule.clone(),
            link: preset.link.clone(),
            within_minutes: preset.within_minutes,
            triggered_at: None,
        }
    }

    /// Trims and checks the input; `now` bounds the trigger, which may be
    /// set after the fact but not in the future.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<ObligationInput, Invalid> {
        let clean = ObligationInput {
            name: self.name.trim().to_owned(),
            owner: self.owner.trim().to_owned(),
            rule: clean_multiline(self.rule.trim()),
            link: self.link.trim().to_owned(),
            ..self.clone()
        };
        let mut errors = Vec::new();
        if clean.name.is_empty() {
            errors.push(FieldError::new(
                "name",
                "Name the notification that is owed.",
            ));
        } else if let Some(problem) = single_line_problem(&clean.name, MAX_NAME) {
            errors.push(FieldError::new("name", format!("The name: {problem}.")));
        }
        if let Some(problem) = single_line_problem(&clean.owner, MAX_OWNER) {
            errors.push(FieldError::new("owner", format!("The owner: {problem}.")));
        }
        if clean.rule.chars().count() > MAX_RULE {
            errors.push(FieldError::new(
                "rule",
                format!("Keep the rule to {MAX_RULE} characters or fewer."),
            ));
        }
        if !clean.link.is_empty() {
            let parsed = url::Url::parse(&clean.link);
            let web = parsed
                .as_ref()
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !web || clean.link.chars().count() > MAX_LINK {
                errors.push(FieldError::new(
                    "link",
                    "Give the rule's link as an http(s) address, or leave it empty.",
                ));
            }
        }
        if clean.within_minutes == 0 || clean.within_minutes > MAX_WITHIN_MINUTES {
            errors.push(FieldError::new(
                "within_minutes",
                "Give the time allowed: from a minute up to 30 days.",
            ));
        }
        // Saturating: a handoff's clocks are checked against the end of time.
        let latest = now
            .checked_add_signed(Duration::minutes(TRIGGER_SKEW_MINUTES))
            .unwrap_or(now);
        if clean.triggered_at.is_some_and(|t| t > latest) {
            errors.push(FieldError::new(
                "triggered_at",
                "The trigger cannot be in the future; set it when it happens.",
            ));
        }
        Invalid::check(errors).map(|()| clean)
    }
}

/// Sent, not required, or open again, with the evidence or the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ObligationDecision {
    pub state: ObligationState,
    pub note: String,
}

impl ObligationDecision {
    pub fn validate(&self) -> Result<ObligationDecision, Invalid> {
        let clean = ObligationDecision {
            state: self.state,
            note: clean_multiline(self.note.trim()),
        };
        let mut errors = Vec::new();
        let needed = match clean.state {
            ObligationState::Sent => {
                Some("Record the evidence it was sent: a reference, who received it.")
            }
            ObligationState::NotRequired => {
                Some("Say why it is not required; the reason goes in the postmortem.")
            }
            ObligationState::Open => None,
        };
        if let (Some(message), true) = (needed, clean.note.is_empty()) {
            errors.push(FieldError::new("note", message));
        }
        if clean.note.chars().count() > MAX_NOTE {
            errors.push(FieldError::new(
                "note",
                format!("Keep it to {MAX_NOTE} characters or fewer."),
            ));
        }
        Invalid::check(errors).map(|()| clean)
    }
}

/// What the alert for a clock about to run out says.
pub fn alert_text(
    incident: &Incident,
    obligation: &Obligation,
    due: DateTime<Utc>,
    stage: AlertStage,
    now: DateTime<Utc>,
) -> AlertText {
    let reference = incident.reference();
    let name = &obligation.name;
    let minutes = |d: Duration| d.num_minutes().max(0);
    let (summary, critical) = match stage {
        AlertStage::HeadsUp => (
            format!(
                "{name}: due in {} min — {reference}",
                minutes(due - now).max(1)
            ),
            false,
        ),
        AlertStage::Due => (format!("{name}: due now — {reference}"), true),
        AlertStage::Overdue(_) => (
            format!("{name}: {} min late — {reference}", minutes(now - due)),
            true,
        ),
    };
    let owner = if obligation.owner.is_empty() {
        "No owner is named".to_owned()
    } else {
        format!("{} owns it", obligation.owner)
    };
    let body = format!(
        "{} ({}): {owner}. Send it, or record why it is not required.",
        incident.title,
        incident.severity.as_str()
    );
    AlertText {
        summary,
        body,
        critical,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, h, m, 0)
            .single()
            .unwrap()
    }

    fn input() -> ObligationInput {
        ObligationInput::from_preset(&shipped_presets()[0])
    }

    fn fields(result: Result<impl Sized, Invalid>) -> Vec<String> {
        match result {
            Ok(_) => vec![],
            Err(Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_clock_needs_a_name_a_time_allowed_a_web_link_and_no_future_trigger() {
        let now = at(14, 0);
        let cases: Vec<(ObligationInput, Vec<&str>)> = vec![
            (input(), vec![]),
            (
                ObligationInput {
                    triggered_at: Some(at(13, 0)),
                    ..input()
                },
                vec![],
            ),
            (
                ObligationInput {
                    name: "  ".into(),
                    ..input()
                },
                vec!["name"],
            ),
            (
                ObligationInput {
                    name: "Notify\u{7}".into(),
                    ..input()
                },
                vec!["name"],
            ),
            (
                ObligationInput {
                    within_minutes: 0,
                    ..input()
                },
                vec!["within_minutes"],
            ),
            (
                ObligationInput {
                    within_minutes: MAX_WITHIN_MINUTES + 1,
                    ..input()
                },
                vec!["within_minutes"],
            ),
            (
                ObligationInput {
                    link: "javascript:alert(1)".into(),
                    ..input()
                },
                vec!["link"],
            ),
            (
                ObligationInput {
                    triggered_at: Some(at(14, 10)),
                    ..input()
                },
                vec!["triggered_at"],
            ),
        ];
        for (case, expected) in cases {
            assert_eq!(fields(case.validate(now)), expected, "{case:?}");
        }
        assert!(check_presets(&shipped_presets()).is_ok());
        let bad = ObligationPreset {
            within_minutes: 0,
            ..shipped_presets()[0].clone()
        };
        assert_eq!(fields(check_presets(&[bad])), ["presets.0.within_minutes"]);
    }

    #[test]
    fn a_decision_other_than_open_needs_its_evidence_or_reason() {
        let decide = |state, note: &str| {
            fields(
                ObligationDecision {
                    state,
                    note: note.into(),
                }
                .validate(),
            )
        };
        assert_eq!(decide(ObligationState::Sent, " "), ["note"]);
        assert_eq!(decide(ObligationState::NotRequired, ""), ["note"]);
        assert!(decide(ObligationState::Sent, "Case ref 2026-114, ICO portal").is_empty());
        assert!(decide(ObligationState::Open, "").is_empty());
    }

    #[test]
    fn the_clock_runs_from_its_trigger_and_a_sent_one_says_whether_it_was_in_time() {
        let mut clock = Obligation {
            id: "o".into(),
            incident_id: "i".into(),
            name: "Notify".into(),
            owner: "Dana".into(),
            rule: String::new(),
            link: String::new(),
            within_minutes: 240,
            triggered_at: None,
            state: ObligationState::Open,
            note: String::new(),
            decided_at: None,
            created_at: at(9, 0),
            updated_at: at(9, 0),
        };
        assert_eq!((clock.due_at(), clock.counting()), (None, false));
        clock.triggered_at = Some(at(9, 30));
        assert_eq!((clock.due_at(), clock.counting()), (Some(at(13, 30)), true));
        clock.state = ObligationState::Sent;
        clock.decided_at = Some(at(13, 0));
        assert_eq!((clock.met(), clock.counting()), (Some(true), false));
        clock.decided_at = Some(at(14, 0));
        assert_eq!(clock.met(), Some(false));
    }
}
