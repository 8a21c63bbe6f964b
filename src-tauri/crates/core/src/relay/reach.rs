//! Who an update reaches, said before it is published: a Statuspage page's
//! subscribers (read through its API, where the plan allows), an e-mail's
//! recipients, and otherwise the channel itself.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::payload::HttpRequest;
use super::{Channel, ChannelKind, ChannelSecret, Reply};

/// How far one channel's publish reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reach {
    pub channel_id: String,
    /// How many people or subscribers, when the channel can say.
    pub people: Option<u32>,
    /// The reach in words: "1,204 subscribers", "3 recipients", "a Slack
    /// channel", or "subscriber count unavailable".
    pub said: String,
    /// Why a count could not be read; empty when it was, or needs none.
    pub why: String,
}

const UNAVAILABLE: &str = "subscriber count unavailable";

/// The reach a channel gives without asking the service, or `None` when the
/// service has to be asked (Statuspage).
pub fn known_reach(channel: &Channel) -> Option<Reach> {
    let reach = |people: Option<u32>, said: String| Reach {
        channel_id: channel.id.clone(),
        people,
        said,
        why: String::new(),
    };
    match channel.kind {
        ChannelKind::Statuspage => None,
        ChannelKind::Email => {
            let n = channel.options.email_to.len();
            let people = u32::try_from(n).unwrap_or(u32::MAX);
            Some(reach(Some(people), plural(people, "recipient")))
        }
        ChannelKind::SignedWebhook => Some(reach(None, "a signed webhook".into())),
        kind => Some(reach(None, format!("a {} channel", kind.label()))),
    }
}

/// The read of a page's active subscribers, by type.
pub fn statuspage_subscriber_count(channel: &Channel, secret: &ChannelSecret) -> HttpRequest {
    let o = &channel.options;
    HttpRequest {
        method: "GET",
        url: format!(
            "{}/pages/{}/subscribers/count?state=active",
            o.statuspage_api_base, o.statuspage_page_id
        ),
        headers: vec![("authorization".into(), format!("OAuth {}", secret.token))],
        body: String::new(),
    }
}

/// Statuspage's answer to [`statuspage_subscriber_count`], as a reach: the
/// sum over every subscriber type, or why there is no count.
pub fn subscriber_reach(channel: &Channel, reply: &Reply) -> Reach {
    let counted = |n: u32| Reach {
        channel_id: channel.id.clone(),
        people: Some(n),
        said: plural(n, "subscriber"),
        why: String::new(),
    };
    match reply.status {
        200 => match count(&reply.body) {
            Some(n) => counted(n),
            None => unavailable(channel, "Statuspage's count could not be read"),
        },
        401 => unavailable(channel, "Statuspage refused the API key"),
        403 | 404 => unavailable(channel, "this Statuspage plan or key does not give a count"),
        420 | 429 => unavailable(channel, "Statuspage is rate limiting; try later"),
        status => unavailable(channel, &format!("Statuspage answered HTTP {status}")),
    }
}

/// A page whose subscribers could not be counted, and why.
pub fn unavailable(channel: &Channel, why: &str) -> Reach {
    Reach {
        channel_id: channel.id.clone(),
        people: None,
        said: UNAVAILABLE.to_owned(),
        why: why.to_owned(),
    }
}

/// The total of a `SubscriberCountByType` object: every count it holds.
fn count(body: &str) -> Option<u32> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let counts = value.as_object()?;
    let mut total: u64 = 0;
    for n in counts.values() {
        total = total.saturating_add(n.as_u64()?);
    }
    u32::try_from(total).ok()
}

fn plural(n: u32, noun: &str) -> String {
    let digits = n.to_string();
    // Thousands separated, as the lead reads a count.
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relay::ChannelOptions;
    use crate::terms::Audience;

    fn channel(kind: ChannelKind) -> Channel {
        Channel {
            id: "c1".into(),
            name: "Status page".into(),
            kind,
            audiences: vec![Audience::Customers],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions {
                statuspage_page_id: "pg1".into(),
                statuspage_api_base: "http://127.0.0.1:4010".into(),
                email_to: vec!["a@example.com".into(), "b@example.com".into()],
                ..ChannelOptions::default()
            },
        }
    }

    fn reply(status: u16, body: &str) -> Reply {
        Reply {
            status,
            retry_after: None,
            body: body.into(),
            truncated: false,
        }
    }

    #[test]
    fn a_page_reaches_the_sum_of_its_subscribers_of_every_type() {
        let page = channel(ChannelKind::Statuspage);
        let cases: &[(u16, &str, Option<u32>, &str)] = &[
            (
                200,
                r#"{"email":1200,"sms":3,"webhook":1,"slack":0,"integration_partner":0}"#,
                Some(1204),
                "",
            ),
            (200, r#"{"email":1}"#, Some(1), ""),
            (200, r#"{"email":"many"}"#, None, "could not be read"),
            (200, "<html>", None, "could not be read"),
            (401, "", None, "refused the API key"),
            (403, "", None, "does not give a count"),
            (429, "", None, "rate limiting"),
            (500, "", None, "HTTP 500"),
        ];
        for (status, body, people, why) in cases {
            let reach = subscriber_reach(&page, &reply(*status, body));
            assert_eq!(reach.people, *people, "{status} {body}");
            assert!(reach.why.contains(why), "{status} {body}: {}", reach.why);
            assert_eq!(reach.why.is_empty(), why.is_empty(), "{status} {body}");
        }
        assert_eq!(
            subscriber_reach(&page, &reply(200, r#"{"email":1200,"sms":4}"#)).said,
            "1,204 subscribers"
        );
        assert_eq!(
            subscriber_reach(&page, &reply(200, r#"{"email":1}"#)).said,
            "1 subscriber"
        );
        assert_eq!(
            subscriber_reach(&page, &reply(403, "")).said,
            "subscriber count unavailable"
        );
        let request = statuspage_subscriber_count(
            &page,
            &ChannelSecret {
                url: String::new(),
                token: "key".into(),
            },
        );
        assert_eq!(
            (request.method, request.url.as_str()),
            (
                "GET",
                "http://127.0.0.1:4010/pages/pg1/subscribers/count?state=active"
            )
        );
    }

    #[test]
    fn other_channels_say_their_reach_without_asking() {
        assert!(known_reach(&channel(ChannelKind::Statuspage)).is_none());
        let email = known_reach(&channel(ChannelKind::Email)).unwrap_or_else(|| unreachable!());
        assert_eq!(
            (email.people, email.said.as_str()),
            (Some(2), "2 recipients")
        );
        let slack = known_reach(&channel(ChannelKind::Slack)).unwrap_or_else(|| unreachable!());
        assert_eq!(
            (slack.people, slack.said.as_str()),
            (None, "a Slack channel")
        );
    }
}
