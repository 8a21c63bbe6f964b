//! The limits each target puts on one message, checked when an update is
//! queued so a message that cannot fit is refused before anything is sent.

use super::channel::{Channel, ChannelKind, ChannelSecret};
use super::payload::{Outgoing, Request, render, slack_escape};

/// A message that does not fit a channel, naming the limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{channel} ({kind}) takes at most {limit}; this update is {actual}. Shorten it, or unbind the channel from this audience."
)]
pub struct LimitError {
    pub channel: String,
    pub kind: &'static str,
    pub limit: String,
    pub actual: String,
}

/// The tightest text limit of a kind, in characters, where the target counts
/// characters; byte-sized limits are checked on the rendered request.
pub fn text_limit(kind: ChannelKind) -> Option<usize> {
    match kind {
        ChannelKind::Slack => Some(4_000),
        ChannelKind::Discord => Some(4_096),
        ChannelKind::Mattermost => Some(16_383),
        ChannelKind::Statuspage => Some(25_000),
        _ => None,
    }
}

/// The request-size limit of a kind, in bytes of JSON.
fn byte_limit(kind: ChannelKind) -> Option<usize> {
    match kind {
        ChannelKind::Teams => Some(28_000),
        ChannelKind::GoogleChat => Some(32_000),
        ChannelKind::SignedWebhook => Some(20_000),
        _ => None,
    }
}

fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Checks one update against one channel's limits.
pub fn check_limits(channel: &Channel, out: &Outgoing) -> Result<(), LimitError> {
    let refuse = |limit: String, actual: String| LimitError {
        channel: channel.name.clone(),
        kind: channel.kind.label(),
        limit,
        actual,
    };
    if let Some(limit) = text_limit(channel.kind) {
        // Slack counts the escaped text its mrkdwn receives.
        // Counted as sent: mentions defused (a few zero-width spaces).
        let body = super::safe::defuse(&out.body);
        let length = match channel.kind {
            ChannelKind::Slack => slack_escape(&body).chars().count(),
            _ => body.chars().count(),
        };
        if length > limit {
            return Err(refuse(
                format!("{} characters", grouped(limit)),
                format!("{} characters", grouped(length)),
            ));
        }
    }
    if let Some(limit) = byte_limit(channel.kind) {
        // The secret does not change the body's size; a placeholder renders it.
        let secret = ChannelSecret {
            url: "https://example.invalid/".into(),
            token: "whsec_MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIz".into(),
        };
        if let Ok(Request::Http(request)) = render(channel, &secret, out, 0)
            && request.body.len() > limit
        {
            {
                return Err(refuse(
                    format!("{} bytes per message", grouped(limit)),
                    format!("{} bytes", grouped(request.body.len())),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relay::ChannelOptions;
    use crate::{Audience, Severity, Status};

    fn outgoing(body: &str) -> Outgoing {
        Outgoing {
            delivery_id: "d".into(),
            update_id: "u".into(),
            incident_id: "i".into(),
            external_id: String::new(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev1,
            status: Status::Investigating,
            audience: Audience::Customers,
            body: body.into(),
            published_at: chrono::DateTime::UNIX_EPOCH,
            remote_incident: String::new(),
            components: Vec::new(),
            notify_subscribers: true,
            correction: None,
        }
    }

    fn channel(kind: ChannelKind) -> Channel {
        Channel {
            id: "c".into(),
            name: "Ops".into(),
            kind,
            audiences: vec![Audience::Customers],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions::default(),
        }
    }

    #[test]
    fn each_kind_refuses_just_past_its_limit() {
        let cases = [
            (ChannelKind::Slack, 4_000),
            (ChannelKind::Discord, 4_096),
            (ChannelKind::Mattermost, 16_383),
            (ChannelKind::Statuspage, 25_000),
        ];
        for (kind, limit) in cases {
            assert!(
                check_limits(&channel(kind), &outgoing(&"é".repeat(limit))).is_ok(),
                "{kind:?}"
            );
            let error =
                check_limits(&channel(kind), &outgoing(&"é".repeat(limit + 1))).unwrap_err();
            assert!(error.to_string().contains(&grouped(limit)), "{error}");
        }
        let error =
            check_limits(&channel(ChannelKind::Teams), &outgoing(&"x".repeat(28_000))).unwrap_err();
        assert!(error.to_string().contains("28,000 bytes"), "{error}");
        assert!(
            check_limits(
                &channel(ChannelKind::SignedWebhook),
                &outgoing(&"x".repeat(19_000))
            )
            .is_ok()
        );
        assert!(check_limits(&channel(ChannelKind::Email), &outgoing(&"x".repeat(90_000))).is_ok());
    }

    #[test]
    fn slack_counts_escaped_text() {
        let error =
            check_limits(&channel(ChannelKind::Slack), &outgoing(&"<".repeat(1_001))).unwrap_err();
        assert_eq!(error.actual, "4,004 characters");
    }
}
