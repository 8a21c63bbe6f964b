//! How a target's answer is classed, and how long to wait before trying again.

use std::time::Duration;

use serde_json::Value;

use super::channel::ChannelKind;

/// What came back from an HTTP target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// The `Retry-After` header, as sent.
    pub retry_after: Option<String>,
    pub body: String,
    /// The body was longer than Herald reads (or broke off), so `body` is not all of it.
    pub truncated: bool,
}

/// What to do with a delivery after one answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Posted. `remote_id` and `link` are kept as the receipt where the target
    /// returns them (Discord message id, Chat message name, Statuspage incident);
    /// `remote_part` is the Statuspage incident update the post made, which a
    /// correction edits.
    Delivered {
        remote_id: String,
        link: String,
        remote_part: String,
    },
    /// Rate limited: wait this long, then try again.
    WaitThenRetry { seconds: f64, reason: String },
    /// A passing failure: back off and try again.
    Retry { reason: String },
    /// The target refused the message; retrying will not help.
    Failed { reason: String },
    /// The target says the channel is gone: fail, and switch the channel off
    /// until the lead fixes it.
    Disable { reason: String },
}

impl Verdict {
    /// The class in one word, for logs.
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Delivered { .. } => "delivered",
            Verdict::WaitThenRetry { .. } => "rate_limited",
            Verdict::Retry { .. } => "retrying",
            Verdict::Failed { .. } => "failed",
            Verdict::Disable { .. } => "channel_gone",
        }
    }

    /// Why the message was not delivered; `None` when it was.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Verdict::Delivered { .. } => None,
            Verdict::WaitThenRetry { reason, .. }
            | Verdict::Retry { reason }
            | Verdict::Failed { reason }
            | Verdict::Disable { reason } => Some(reason),
        }
    }
}

/// The longest Herald honours from a Retry-After, so a bad header cannot park
/// an incident update for hours; the stale window still applies.
const MAX_RETRY_AFTER: f64 = 600.0;
const DEFAULT_RETRY_AFTER: f64 = 5.0;

fn snippet(body: &str) -> String {
    let text: String = body.chars().filter(|c| !c.is_control()).take(160).collect();
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        format!(": {text}")
    }
}

/// Seconds to wait from a 429: Discord's JSON `retry_after` first, then the
/// `Retry-After` header in seconds; an HTTP date or garbage gets a default.
fn wait_seconds(reply: &Reply) -> f64 {
    let from_body = serde_json::from_str::<Value>(&reply.body)
        .ok()
        .and_then(|v| v["retry_after"].as_f64());
    let from_header = reply
        .retry_after
        .as_deref()
        .and_then(|h| h.trim().parse::<f64>().ok());
    from_body
        .or(from_header)
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(DEFAULT_RETRY_AFTER)
        .min(MAX_RETRY_AFTER)
}

/// Classes an HTTP answer, per RELAY.md's response classes.
pub fn classify(kind: ChannelKind, reply: &Reply) -> Verdict {
    let status = reply.status;
    let detail = snippet(&reply.body);
    match status {
        200..=299 => {
            let json = serde_json::from_str::<Value>(&reply.body).unwrap_or(Value::Null);
            let text = |key: &str| json[key].as_str().unwrap_or_default().to_owned();
            let (remote_id, link) = match kind {
                ChannelKind::Discord => (text("id"), String::new()),
                ChannelKind::GoogleChat => (text("name"), String::new()),
                ChannelKind::Statuspage => (text("id"), text("shortlink")),
                _ => (String::new(), String::new()),
            };
            // Statuspage lists an incident's updates newest first: the first
            // is the one this post made.
            let remote_part = match kind {
                ChannelKind::Statuspage => json["incident_updates"][0]["id"]
                    .as_str()
                    .filter(|id| super::safe::remote_id_ok(kind, id))
                    .unwrap_or_default()
                    .to_owned(),
                _ => String::new(),
            };
            // What a server returns is kept only in a shape Herald can trust:
            // an id that later goes into a request path, a link the lead opens.
            let remote_id = if super::safe::remote_id_ok(kind, &remote_id) {
                remote_id
            } else {
                String::new()
            };
            let link = if crate::incident::link_problem(&link).is_none() {
                link
            } else {
                String::new()
            };
            Verdict::Delivered {
                remote_id,
                link,
                remote_part,
            }
        }
        429 | 420 => Verdict::WaitThenRetry {
            seconds: wait_seconds(reply),
            reason: format!("rate limited (HTTP {status})"),
        },
        408 | 425 | 500..=599 => Verdict::Retry {
            reason: format!("the service answered HTTP {status}{detail}"),
        },
        404 | 410 => Verdict::Disable {
            reason: format!(
                "the service says this channel is gone (HTTP {status}{detail}); fix the channel in Settings"
            ),
        },
        300..=399 => Verdict::Failed {
            reason: format!(
                "the service answered with a redirect (HTTP {status}), which Herald never follows; check the URL"
            ),
        },
        401 | 403 => Verdict::Failed {
            reason: format!("the service refused the credentials (HTTP {status}{detail})"),
        },
        _ => Verdict::Failed {
            reason: format!("the service refused the message (HTTP {status}{detail})"),
        },
    }
}

/// Classes an SMTP reply: 2xx accepted, 4xx try again, 5xx refused.
pub fn classify_smtp(code: u16, message: &str) -> Verdict {
    let detail = snippet(message);
    match code {
        200..=299 => Verdict::Delivered {
            remote_id: String::new(),
            link: String::new(),
            remote_part: String::new(),
        },
        400..=499 => Verdict::Retry {
            reason: format!("the mail server answered {code}{detail}"),
        },
        _ => Verdict::Failed {
            reason: format!("the mail server refused the message ({code}{detail})"),
        },
    }
}

/// Capped exponential backoff with full jitter: a random wait between zero
/// and `min(cap, base · 2^(attempt-1))`, so retries from many clients spread out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            base: Duration::from_secs(2),
            cap: Duration::from_secs(300),
        }
    }
}

impl Backoff {
    /// The wait before attempt `attempt + 1`, given `unit` drawn from [0, 1).
    pub fn delay(&self, attempt: u32, unit: f64) -> Duration {
        let exponent = attempt.saturating_sub(1).min(30);
        let ceiling = self.base.saturating_mul(1u32 << exponent).min(self.cap);
        ceiling.mul_f64(unit.clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, retry_after: Option<&str>, body: &str) -> Reply {
        Reply {
            status,
            retry_after: retry_after.map(str::to_owned),
            body: body.to_owned(),
            truncated: false,
        }
    }

    #[test]
    fn every_response_class() {
        use ChannelKind::*;
        assert_eq!(
            classify(Discord, &reply(200, None, r#"{"id":"123"}"#)),
            Verdict::Delivered {
                remote_id: "123".into(),
                link: String::new(),
                remote_part: String::new(),
            }
        );
        assert_eq!(
            classify(
                Statuspage,
                &reply(
                    201,
                    None,
                    r#"{"id":"p1","shortlink":"https://stspg.io/x","incident_updates":[{"id":"u2"},{"id":"u1"}]}"#
                )
            ),
            Verdict::Delivered {
                remote_id: "p1".into(),
                link: "https://stspg.io/x".into(),
                remote_part: "u2".into(),
            }
        );
        assert!(matches!(
            classify(Teams, &reply(202, None, "")),
            Verdict::Delivered { .. }
        ));
        assert!(
            matches!(classify(Slack, &reply(429, Some("7"), "")), Verdict::WaitThenRetry { seconds, .. } if seconds == 7.0)
        );
        assert!(
            matches!(classify(Discord, &reply(429, None, r#"{"retry_after":1.5}"#)), Verdict::WaitThenRetry { seconds, .. } if seconds == 1.5)
        );
        assert!(
            matches!(classify(Statuspage, &reply(420, None, "")), Verdict::WaitThenRetry { seconds, .. } if seconds == DEFAULT_RETRY_AFTER)
        );
        assert!(
            matches!(classify(Slack, &reply(429, Some("99999"), "")), Verdict::WaitThenRetry { seconds, .. } if seconds == MAX_RETRY_AFTER)
        );
        for status in [408, 425, 500, 502, 503, 504] {
            assert!(
                matches!(
                    classify(Slack, &reply(status, None, "")),
                    Verdict::Retry { .. }
                ),
                "{status}"
            );
        }
        for status in [400, 401, 403, 422, 301, 302, 307] {
            assert!(
                matches!(
                    classify(Slack, &reply(status, None, "")),
                    Verdict::Failed { .. }
                ),
                "{status}"
            );
        }
        for status in [404, 410] {
            assert!(
                matches!(
                    classify(Slack, &reply(status, None, "no_service")),
                    Verdict::Disable { .. }
                ),
                "{status}"
            );
        }
        assert_eq!(classify(Teams, &reply(202, None, "")).reason(), None);
        assert_eq!(
            classify(Slack, &reply(403, None, "")).reason(),
            Some("the service refused the credentials (HTTP 403)")
        );
        assert!(matches!(
            classify_smtp(451, "try later"),
            Verdict::Retry { .. }
        ));
        assert!(matches!(
            classify_smtp(550, "no such user"),
            Verdict::Failed { .. }
        ));
    }

    #[test]
    fn backoff_is_capped_and_jittered() {
        let b = Backoff::default();
        assert_eq!(b.delay(1, 0.999_999).as_secs(), 1);
        assert_eq!(b.delay(3, 1.0), Duration::from_secs(8));
        assert_eq!(b.delay(40, 1.0), Duration::from_secs(300));
        assert_eq!(b.delay(5, 0.0), Duration::ZERO);
        assert_eq!(b.delay(2, 0.5), Duration::from_secs(2));
    }
}
