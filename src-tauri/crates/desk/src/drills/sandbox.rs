//! The drill's outbox ends here: a `Transport` that opens no socket. It keeps
//! each request as the real adapters rendered it, answers as the service
//! would (or with the failures the scenario injects), and is the only
//! transport a drill desk is ever given.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use herald_core::relay::{Reply, Request};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Attempt, Clock, Transport};

/// One request as it would have gone out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SandboxRequest {
    /// Drill time.
    pub at: DateTime<Utc>,
    /// "POST /sandbox/slack/hooks/…", or "MAIL to a@b, c@d".
    pub target: String,
    /// The body or the mail's text, exactly as rendered.
    pub body: String,
    /// What the sandbox answered: an HTTP status or an SMTP code.
    pub answered: u16,
}

#[derive(Debug)]
pub struct Sandbox {
    clock: Arc<dyn Clock>,
    failures: Mutex<VecDeque<u16>>,
    seen: Mutex<Vec<SandboxRequest>>,
}

impl Sandbox {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            failures: Mutex::new(VecDeque::new()),
            seen: Mutex::new(Vec::new()),
        }
    }

    /// The next requests get these answers, in order, before it accepts again.
    pub fn fail_next(&self, answers: &[u16]) {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(answers.iter().copied());
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<SandboxRequest> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl Transport for Sandbox {
    fn send(&self, request: &Request) -> Attempt {
        let failure = self
            .failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front();
        let count = self.seen.lock().unwrap_or_else(|p| p.into_inner()).len() + 1;
        let (target, body, attempt, answered) = match request {
            Request::Http(http) => {
                let path = url::Url::parse(&http.url)
                    .map(|u| u.path().to_owned())
                    .unwrap_or_default();
                let status = failure.unwrap_or(200);
                // One body every kind reads its receipt from: Discord and
                // Statuspage an `id`, Google Chat a `name`.
                let body = format!(
                    r#"{{"id":"sandbox{count}","name":"spaces/sandbox/messages/{count}","incident_updates":[{{"id":"sandbox{count}u"}}]}}"#
                );
                let reply = Reply {
                    status,
                    retry_after: (status == 429).then(|| "1".to_owned()),
                    body: if status < 300 {
                        body
                    } else {
                        "sandbox failure".into()
                    },
                    truncated: false,
                };
                (
                    format!("{} {path}", http.method),
                    http.body.clone(),
                    Attempt::Answered(reply),
                    status,
                )
            }
            Request::Email(mail) => {
                let code = failure
                    .map(|s| if s == 429 { 451 } else { 554 })
                    .unwrap_or(250);
                (
                    format!("MAIL to {}: {}", mail.to.join(", "), mail.subject),
                    mail.text.clone(),
                    Attempt::Smtp {
                        code,
                        message: "sandbox".into(),
                    },
                    code,
                )
            }
        };
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(SandboxRequest {
                at: self.clock.now(),
                target,
                body,
                answered,
            });
        attempt
    }
}
