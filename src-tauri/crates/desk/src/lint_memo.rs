//! The guardrails' findings for the drafts checked last, kept so the same
//! draft under the same settings is checked once.
//!
//! Opening an incident checks every audience's draft, and publishing checks
//! the draft again inside its transaction. A 100,000-character paste takes
//! the linter most of a second; checked afresh inside the store's lock each
//! time, it held the board, the alert check and the outbox behind it for as
//! long. The check is a pure function of the text and its [`LintContext`],
//! so its answer can be kept whole: the window's view (checked outside the
//! lock) makes the publish check inside it a lookup.

use std::collections::VecDeque;
use std::sync::{LazyLock, Mutex};

use herald_core::Finding;
use herald_core::guardrails::{LintContext, lint};

/// How many checks are kept: every audience's draft of a few incidents.
const KEPT: usize = 16;

/// How many bytes of text and findings are kept at most. A pasted run of
/// acronyms draws 15,000 findings (about 3 MB with their reasons), so the
/// count alone would not bound the memory; the newest answer is kept
/// whatever its size, alone if need be.
const KEPT_BYTES: usize = 4 << 20;

/// Everything a check reads, owned, so an answer is reused only for exactly
/// the same question.
#[derive(PartialEq, Eq)]
struct Question {
    text: String,
    eta_confirmed: bool,
    resolution_allowed: bool,
    glossary: Vec<String>,
    names: Vec<String>,
    ourselves: Vec<String>,
}

impl Question {
    fn asks(&self, text: &str, context: &LintContext<'_>) -> bool {
        self.text == text
            && self.eta_confirmed == context.eta_confirmed
            && self.resolution_allowed == context.resolution_allowed
            && self.glossary == context.glossary
            && self.names == context.names
            && self.ourselves == context.ourselves
    }

    fn of(text: &str, context: &LintContext<'_>) -> Self {
        Self {
            text: text.to_owned(),
            eta_confirmed: context.eta_confirmed,
            resolution_allowed: context.resolution_allowed,
            glossary: context.glossary.to_vec(),
            names: context.names.to_vec(),
            ourselves: context.ourselves.to_vec(),
        }
    }
}

/// The answers kept, newest first.
#[derive(Default)]
struct Answers(VecDeque<(Question, Vec<Finding>)>);

impl Answers {
    /// The kept answer to this question, moved to the front.
    fn recall(&mut self, text: &str, context: &LintContext<'_>) -> Option<Vec<Finding>> {
        let at = self.0.iter().position(|(q, _)| q.asks(text, context))?;
        let answer = self.0.remove(at)?;
        let found = answer.1.clone();
        self.0.push_front(answer);
        Some(found)
    }

    /// Keeps an answer (unless another thread kept it meanwhile), letting the
    /// oldest go past [`KEPT`] answers or [`KEPT_BYTES`].
    fn keep(&mut self, text: &str, context: &LintContext<'_>, found: &[Finding]) {
        if self.0.iter().any(|(q, _)| q.asks(text, context)) {
            return;
        }
        self.0
            .push_front((Question::of(text, context), found.to_vec()));
        self.0.truncate(KEPT);
        while self.0.len() > 1 && self.bytes() > KEPT_BYTES {
            self.0.pop_back();
        }
    }

    fn bytes(&self) -> usize {
        self.0
            .iter()
            .map(|(q, found)| {
                q.text.len()
                    + found
                        .iter()
                        .map(|f| {
                            size_of::<Finding>() + f.text.len() + f.why.len() + f.suggestion.len()
                        })
                        .sum::<usize>()
            })
            .sum()
    }
}

/// Shared by every desk in the process: the answer depends on nothing but
/// the question, whichever incident or store asks it.
static ANSWERS: LazyLock<Mutex<Answers>> = LazyLock::new(Mutex::default);

/// The findings for `text`, from the answers kept when the same question was
/// asked before, else from the linter (outside the memo's own lock, so two
/// drafts are checked side by side).
pub(crate) fn findings(text: &str, context: &LintContext<'_>) -> Vec<Finding> {
    if let Some(found) = answers().recall(text, context) {
        return found;
    }
    #[cfg(test)]
    tests::WHILE_CHECKING.with_borrow(|hook| hook.as_ref().map(|hook| hook()));
    let found = lint(text, context);
    answers().keep(text, context, &found);
    found
}

fn answers() -> std::sync::MutexGuard<'static, Answers> {
    // A panic while the list was held leaves whole entries behind; the list
    // is still good to read.
    ANSWERS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::sync::Arc;
    use std::sync::mpsc;
    use std::time::Duration;

    use chrono::{TimeZone, Utc};
    use herald_core::{Audience, CorrectionRequest, NewIncident, Severity, Status, TemplateKind};

    use super::*;
    use crate::{Alert, Desk, ManualClock, Notifier, PublishRequest};

    thread_local! {
        /// Run on this thread just before the linter checks a draft the memo
        /// does not hold: where a test looks at what else can happen then.
        pub(super) static WHILE_CHECKING: RefCell<Option<Box<dyn Fn()>>> =
            const { RefCell::new(None) };
    }

    #[derive(Debug)]
    struct Silent;

    impl Notifier for Silent {
        fn notify(&self, _: &Alert) -> Result<(), String> {
            Ok(())
        }
    }

    /// While a draft is being checked, another thread reads the board and
    /// runs the alert check. Were the check made inside the store's lock,
    /// they would wait for it and it for them: the generous cap fails the
    /// test with what it saw instead of hanging.
    fn store_is_free_while_checking(desk: &Arc<Desk>) -> Arc<Mutex<Vec<String>>> {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (desk, log) = (desk.clone(), seen.clone());
        WHILE_CHECKING.set(Some(Box::new(move || {
            let (done, answered) = mpsc::channel();
            let desk = desk.clone();
            std::thread::spawn(move || {
                let board = desk.board().map(|b| b.open.len());
                let alerts = desk.raise_due_alerts(&Silent).map(|a| a.len());
                let _ = done.send(format!("board {board:?}, alerts {alerts:?}"));
            });
            let outcome = answered
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| "no answer from the board within 60 s".to_owned());
            log.lock().unwrap().push(outcome);
        })));
        seen
    }

    #[test]
    fn drafts_are_checked_while_the_board_and_alerts_carry_on() {
        let dir = tempfile::tempdir().unwrap();
        let start = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap();
        let clock = Arc::new(ManualClock::new(start));
        let desk = Arc::new(Desk::open(&dir.path().join("herald.sqlite"), clock).unwrap());
        let id = desk
            .declare_incident(NewIncident {
                external_id: "MEMO-1".into(),
                link: String::new(),
                title: "Checkout errors".into(),
                severity: Severity::Sev1,
                status: Status::Investigating,
                customer_visible: true,
                commander: "Ana".into(),
                comms_lead: "Bo".into(),
            })
            .unwrap()
            .incident
            .id;
        let seen = store_is_free_while_checking(&desk);
        // Texts no other test checks, so the memo holds none of them.
        let saved = desk
            .save_draft(
                &id,
                Audience::Customers,
                "Draft 51c0: the issue has been resolved.".into(),
            )
            .unwrap();
        assert!(!saved.findings.is_empty());
        desk.save_draft(&id, Audience::Internal, "Draft 51c1, checked too.".into())
            .unwrap();
        let saves = seen.lock().unwrap().len();
        assert_eq!(saves, 2, "{:?}", seen.lock().unwrap());
        // Forgotten, so opening the incident checks every draft again: the
        // two saved and the empty one each unwritten audience starts with.
        answers().0.clear();
        let opened = desk.incident(&id).unwrap();
        assert_eq!(opened.drafts.len(), Audience::ALL.len());
        assert!(
            seen.lock().unwrap().len() >= saves + 3,
            "{:?}",
            seen.lock().unwrap()
        );
        desk.use_template(&id, Audience::Executives, TemplateKind::Resolution)
            .unwrap();
        // Publishing checks the draft inside its transaction: the check the
        // lead saw is reused there, so the board still answers.
        let internal = opened
            .drafts
            .iter()
            .find(|d| d.audience == Audience::Internal)
            .unwrap();
        desk.publish(
            &id,
            PublishRequest {
                audience: Audience::Internal,
                revision: internal.revision,
                override_reason: None,
                components: Vec::new(),
                notify_subscribers: false,
            },
        )
        .unwrap();
        // A correction is checked before its transaction too.
        let update = desk.incident(&id).unwrap().updates[0].id.clone();
        desk.correct_update(
            &id,
            CorrectionRequest {
                update_id: update,
                body: "Draft 51c2: corrected, and checked.".into(),
                notify: false,
                override_reason: None,
            },
        )
        .unwrap();
        WHILE_CHECKING.set(None);
        let seen = seen.lock().unwrap().clone();
        // Each answered while its draft was checked.
        assert!(
            seen.iter().all(|s| s == "board Ok(1), alerts Ok(0)"),
            "{seen:?}"
        );
    }

    fn context<'a>(glossary: &'a [String], resolution_allowed: bool) -> LintContext<'a> {
        LintContext {
            eta_confirmed: false,
            resolution_allowed,
            glossary,
            names: &[],
            ourselves: &[],
        }
    }

    #[test]
    fn an_answer_is_reused_only_for_the_same_text_and_settings() {
        let nobody: Vec<String> = Vec::new();
        let glossary = vec!["bluejay".to_owned()];
        let text = "The bluejay rollout is paused and the issue has been resolved (memo 7f3a).";
        let plain = findings(text, &context(&nobody, false));
        assert_eq!(plain, lint(text, &context(&nobody, false)));
        assert!(plain.iter().all(|f| f.text != "bluejay"), "{plain:?}");
        // The same text with "bluejay" in the glossary: the kept answer,
        // which did not know the codename, must not be given.
        let named = findings(text, &context(&glossary, false));
        assert!(named.iter().any(|f| f.text == "bluejay"), "{named:?}");
        // With the resolution gate open, the all-clear is no longer a finding.
        let open = findings(text, &context(&nobody, true));
        assert_eq!(open, lint(text, &context(&nobody, true)));
        assert_ne!(open, plain);
        // Asked again, each gives what the linter gives.
        assert_eq!(findings(text, &context(&nobody, false)), plain);
        assert_eq!(findings(text, &context(&glossary, false)), named);
    }

    #[test]
    fn no_more_than_the_kept_number_of_answers_stay_and_the_newest_are_kept() {
        let mut answers = Answers::default();
        let quiet = context(&[], false);
        let texts: Vec<String> = (0..KEPT * 2).map(|n| format!("Draft {n}.")).collect();
        for text in &texts {
            answers.keep(text, &quiet, &lint(text, &quiet));
        }
        assert_eq!(answers.0.len(), KEPT);
        assert!(answers.recall(&texts[0], &quiet).is_none());
        // Asking for the oldest kept one moves it to the front, so the next
        // answer kept lets another go.
        let oldest_kept = &texts[KEPT];
        assert!(answers.recall(oldest_kept, &quiet).is_some());
        answers.keep("One more draft.", &quiet, &[]);
        assert!(answers.recall(oldest_kept, &quiet).is_some());
        assert!(answers.recall(&texts[KEPT + 1], &quiet).is_none());
    }

    #[test]
    fn pastes_with_thousands_of_findings_push_the_others_out() {
        let quiet = context(&[], false);
        // Two runs of acronyms the size of the longest draft, every one a finding.
        let pastes = ["API DNS CDN SQL TLS ", "TTL BGP VPC RPC JWT "].map(|run| {
            let paste = run.repeat(5_000);
            let found = lint(&paste, &quiet);
            assert!(found.len() >= 10_000, "{}", found.len());
            (paste, found)
        });
        let mut answers = Answers::default();
        answers.keep(&pastes[0].0, &quiet, &pastes[0].1);
        let one = answers.bytes();
        answers.keep("A short draft.", &quiet, &[]);
        assert_eq!(answers.0.len(), 2);
        assert!(one * 2 > KEPT_BYTES, "one paste's answer is {one} bytes");
        // The second paste lets the first go; the short draft, newer, stays.
        answers.keep(&pastes[1].0, &quiet, &pastes[1].1);
        assert!(answers.bytes() <= KEPT_BYTES);
        assert!(answers.recall(&pastes[0].0, &quiet).is_none());
        assert!(answers.recall("A short draft.", &quiet).is_some());
        assert_eq!(
            answers.recall(&pastes[1].0, &quiet),
            Some(pastes[1].1.clone())
        );
    }
}
