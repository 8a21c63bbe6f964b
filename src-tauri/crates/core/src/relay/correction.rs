//! Corrections: the request that corrects an update already delivered to a
//! channel, in the way the channel allows. Discord's webhook message and a
//! Statuspage incident update are edited in place (a Statuspage edit e-mails
//! subscribers only when the lead chose "notify"); an e-mail correction is a
//! reply to the original's Message-ID; a signed webhook gets an event of its
//! own type; chat webhooks that cannot edit (Slack, Teams, Google Chat,
//! Mattermost incoming webhooks) get a follow-up message that says what it
//! corrects.

use chrono::SecondsFormat;
use serde_json::json;

use super::payload::{
    CorrectionOf, HttpRequest, Outgoing, Request, discord, email, json_header, mail_domain,
    message_id, render_new, signed, signed_body, statuspage_auth,
};
use super::safe::{defuse, remote_id_ok};
use super::{Channel, ChannelKind, ChannelSecret};

/// The signed webhook event a correction sends.
pub const CORRECTED_EVENT: &str = "incident.update.corrected";

pub(super) fn render(
    channel: &Channel,
    secret: &ChannelSecret,
    out: &Outgoing,
    now_unix: i64,
) -> Result<Request, String> {
    let Some(of) = &out.correction else {
        return render_new(channel, secret, out, now_unix);
    };
    Ok(match channel.kind {
        ChannelKind::Discord if remote_id_ok(ChannelKind::Discord, &of.remote_id) => {
            Request::Http(HttpRequest {
                method: "PATCH",
                url: discord_message_url(&secret.url, &of.remote_id),
                headers: vec![json_header()],
                body: discord(out).to_string(),
            })
        }
        ChannelKind::Statuspage
            if remote_id_ok(ChannelKind::Statuspage, &of.remote_id)
                && remote_id_ok(ChannelKind::Statuspage, &of.remote_part) =>
        {
            let o = &channel.options;
            Request::Http(HttpRequest {
                method: "PATCH",
                url: format!(
                    "{}/pages/{}/incidents/{}/incident_updates/{}",
                    o.statuspage_api_base, o.statuspage_page_id, of.remote_id, of.remote_part
                ),
                headers: vec![json_header(), statuspage_auth(secret)],
                body: json!({"incident_update": {
                    "body": defuse(&out.body),
                    "deliver_notifications": out.notify_subscribers,
                }})
                .to_string(),
            })
        }
        ChannelKind::Email => {
            let mut mail = email(channel, secret, out);
            let original = message_id(&of.delivery_id, &mail_domain(channel));
            mail.subject = format!("Correction: {}", mail.subject);
            mail.in_reply_to = Some(original);
            Request::Email(mail)
        }
        ChannelKind::SignedWebhook => {
            let mut body = signed_body(out);
            body["type"] = json!(CORRECTED_EVENT);
            body["data"]["corrects"] = json!({
                "delivery_id": of.delivery_id,
                "published_at": of.posted_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            });
            signed(secret, out, now_unix, body)?
        }
        // A chat webhook cannot edit what it posted, and a Discord message or
        // a Statuspage update without a receipt cannot be found: the
        // correction follows as a message of its own.
        _ => render_new(channel, secret, &follow_up(out, of), now_unix)?,
    })
}

/// The correction as a new message that says which update it replaces.
fn follow_up(out: &Outgoing, of: &CorrectionOf) -> Outgoing {
    let when = of.posted_at.format("%Y-%m-%d %H:%M UTC");
    Outgoing {
        body: format!(
            "Correction to our update of {when}; it replaces that update:\n\n{}",
            out.body
        ),
        correction: None,
        ..out.clone()
    }
}

/// `https://discord.com/api/webhooks/<id>/<token>/messages/<message>`, keeping
/// any query the webhook URL carries (a thread id).
fn discord_message_url(webhook: &str, message: &str) -> String {
    let (path, query) = webhook.split_once('?').unwrap_or((webhook, ""));
    let mut url = format!("{}/messages/{message}", path.trim_end_matches('/'));
    if !query.is_empty() {
        url.push('?');
        url.push_str(query);
    }
    url
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::relay::ChannelOptions;
    use crate::terms::{Audience, Severity, Status};

    fn channel(kind: ChannelKind) -> Channel {
        Channel {
            id: "c1".into(),
            name: "Channel".into(),
            kind,
            audiences: vec![Audience::Customers],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions {
                statuspage_page_id: "pg1".into(),
                statuspage_api_base: "http://127.0.0.1:4010".into(),
                email_from: "Herald <herald@example.com>".into(),
                email_to: vec!["ceo@example.com".into()],
                ..ChannelOptions::default()
            },
        }
    }

    fn secret() -> ChannelSecret {
        ChannelSecret {
            url: "https://discord.com/api/webhooks/123/tok?thread_id=9".into(),
            token: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
        }
    }

    fn out(remote_id: &str, remote_part: &str, notify: bool) -> Outgoing {
        Outgoing {
            delivery_id: "d2".into(),
            update_id: "u1".into(),
            incident_id: "i1".into(),
            external_id: "INC-1".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev1,
            status: Status::Identified,
            audience: Audience::Customers,
            body: "Card payments fail in the EU.".into(),
            published_at: Utc.with_ymd_and_hms(2026, 11, 27, 14, 20, 0).unwrap(),
            remote_incident: remote_id.into(),
            components: Vec::new(),
            notify_subscribers: notify,
            correction: Some(CorrectionOf {
                delivery_id: "d1".into(),
                remote_id: remote_id.into(),
                remote_part: remote_part.into(),
                posted_at: Utc.with_ymd_and_hms(2026, 11, 27, 14, 5, 0).unwrap(),
            }),
        }
    }

    fn http(request: Request) -> HttpRequest {
        match request {
            Request::Http(http) => http,
            Request::Email(_) => panic!("expected HTTP"),
        }
    }

    #[test]
    fn discord_edits_the_original_message_in_place() {
        let request = http(
            render(
                &channel(ChannelKind::Discord),
                &secret(),
                &out("1180000000000000001", "", false),
                0,
            )
            .unwrap(),
        );
        assert_eq!(request.method, "PATCH");
        assert_eq!(
            request.url,
            "https://discord.com/api/webhooks/123/tok/messages/1180000000000000001?thread_id=9"
        );
        assert!(request.body.contains("Card payments fail in the EU."));
        // Without a message id to edit, the correction follows as a new message.
        let request = http(
            render(
                &channel(ChannelKind::Discord),
                &secret(),
                &out("", "", false),
                0,
            )
            .unwrap(),
        );
        assert_eq!(request.method, "POST");
        assert!(
            request
                .body
                .contains("Correction to our update of 2026-11-27 14:05 UTC")
        );
    }

    #[test]
    fn statuspage_edits_the_incident_update_notifying_only_when_asked() {
        for notify in [false, true] {
            let request = http(
                render(
                    &channel(ChannelKind::Statuspage),
                    &secret(),
                    &out("inc1", "upd1", notify),
                    0,
                )
                .unwrap(),
            );
            assert_eq!(
                (request.method, request.url.as_str()),
                (
                    "PATCH",
                    "http://127.0.0.1:4010/pages/pg1/incidents/inc1/incident_updates/upd1"
                )
            );
            let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
            assert_eq!(body["incident_update"]["deliver_notifications"], notify);
            assert_eq!(
                body["incident_update"]["body"],
                "Card payments fail in the EU."
            );
        }
        // An id of the wrong shape never goes into a path.
        let request = http(
            render(
                &channel(ChannelKind::Statuspage),
                &secret(),
                &out("inc1", "../x", true),
                0,
            )
            .unwrap(),
        );
        assert!(!request.url.contains("incident_updates"), "{}", request.url);
    }

    #[test]
    fn an_email_correction_replies_to_the_original_message_id() {
        let Request::Email(mail) = render(
            &channel(ChannelKind::Email),
            &secret(),
            &out("", "", true),
            0,
        )
        .unwrap() else {
            panic!("expected a mail");
        };
        assert_eq!(mail.in_reply_to.as_deref(), Some("<d1@example.com>"));
        assert_eq!(mail.message_id, "<d2@example.com>");
        assert!(
            mail.subject
                .starts_with("Correction: [SEV1] Checkout errors"),
            "{}",
            mail.subject
        );
    }

    #[test]
    fn a_signed_webhook_gets_a_corrected_event_and_chat_a_follow_up() {
        let request = http(
            render(
                &channel(ChannelKind::SignedWebhook),
                &secret(),
                &out("", "", true),
                0,
            )
            .unwrap(),
        );
        let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
        assert_eq!(body["type"], CORRECTED_EVENT);
        assert_eq!(body["data"]["corrects"]["delivery_id"], "d1");
        assert_eq!(body["data"]["update_id"], "u1");
        for kind in [
            ChannelKind::Slack,
            ChannelKind::Teams,
            ChannelKind::GoogleChat,
            ChannelKind::Mattermost,
        ] {
            let request = http(render(&channel(kind), &secret(), &out("", "", true), 0).unwrap());
            assert_eq!(request.method, "POST", "{kind:?}");
            assert!(
                request.body.contains("Correction to our update of"),
                "{kind:?}"
            );
        }
    }
}
