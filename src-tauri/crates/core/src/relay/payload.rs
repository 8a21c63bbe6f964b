//! The exact request each kind of channel sends for one update.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::channel::{Channel, ChannelKind, ChannelSecret, ComponentImpact, SmtpSecurity};
use super::safe::{defuse, one_line};
use super::signing::sign;
use crate::{Audience, Incident, Severity, Status, Update};

/// One update on its way to one channel: everything the adapters render from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Stable across retries: the signed webhook's `webhook-id`, the mail's
    /// Message-ID and the Statuspage metadata stamp.
    pub delivery_id: String,
    pub update_id: String,
    pub incident_id: String,
    pub external_id: String,
    pub link: String,
    pub title: String,
    pub severity: Severity,
    pub status: Status,
    pub audience: Audience,
    pub body: String,
    pub published_at: DateTime<Utc>,
    /// The Statuspage incident an earlier delivery created; empty before that.
    pub remote_incident: String,
    pub components: Vec<ComponentImpact>,
    pub notify_subscribers: bool,
    /// Set when this is a correction of an update already delivered here:
    /// `body` is then the corrected text.
    pub correction: Option<CorrectionOf>,
}

/// The delivery a correction corrects, on the same channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionOf {
    /// The original delivery's id: the mail's Message-ID and the webhook-id
    /// were made from it.
    pub delivery_id: String,
    /// Its receipt: the Discord message id, the Statuspage incident id.
    pub remote_id: String,
    /// The Statuspage incident update it created, which is edited in place.
    pub remote_part: String,
    /// When the original went out, named in a follow-up correction.
    pub posted_at: DateTime<Utc>,
}

impl Outgoing {
    /// One update of an incident on its way under `delivery_id`, with no
    /// Statuspage incident yet, no component impact and subscribers notified.
    pub fn for_update(delivery_id: String, incident: &Incident, update: &Update) -> Outgoing {
        Outgoing {
            delivery_id,
            update_id: update.id.clone(),
            incident_id: incident.id.clone(),
            external_id: incident.external_id.clone(),
            link: incident.link.clone(),
            // Checked at input; stripped again here so nothing older or
            // imported can carry a bell or an escape into a payload.
            title: one_line(&incident.title),
            severity: incident.severity,
            // The incident's status now: what the status page must show,
            // even when the update was written under an earlier one.
            status: incident.status,
            audience: update.audience,
            body: crate::text::clean_multiline(&update.body),
            published_at: update.posted_at,
            remote_incident: String::new(),
            components: Vec::new(),
            notify_subscribers: true,
            correction: None,
        }
    }
}

/// What goes over the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Http(HttpRequest),
    Email(Email),
}

/// An HTTP request. Debug leaves out the URL and headers: both can hold secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("body_bytes", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// A multipart/alternative mail with a Message-ID fixed per delivery, so a
/// resend after an unknown outcome is recognised as the same message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub server: SmtpServer,
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub message_id: String,
    /// The Message-ID this mail answers (a correction's original), set as
    /// both `In-Reply-To` and `References` so mail clients thread it.
    pub in_reply_to: Option<String>,
}

/// The mail server to hand the message to. Debug leaves out the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpServer {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for SmtpServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpServer")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .finish_non_exhaustive()
    }
}

const SLACK_SECTION: usize = 3000;
const SLACK_HEADER: usize = 150;
const DISCORD_TITLE: usize = 256;
const STATUSPAGE_NAME: usize = 255;

/// Renders the request for a channel. `now_unix` is the signed webhook's
/// timestamp (the attempt time, not the publish time).
pub fn render(
    channel: &Channel,
    secret: &ChannelSecret,
    out: &Outgoing,
    now_unix: i64,
) -> Result<Request, String> {
    if out.correction.is_some() {
        return super::correction::render(channel, secret, out, now_unix);
    }
    render_new(channel, secret, out, now_unix)
}

/// The request for an update going out for the first time (or a correction
/// that can only follow the original as a new message).
pub(super) fn render_new(
    channel: &Channel,
    secret: &ChannelSecret,
    out: &Outgoing,
    now_unix: i64,
) -> Result<Request, String> {
    let post = |url: String, body: Value| {
        Request::Http(HttpRequest {
            method: "POST",
            url,
            headers: vec![json_header()],
            body: body.to_string(),
        })
    };
    Ok(match channel.kind {
        ChannelKind::Slack => post(secret.url.clone(), slack(out)),
        ChannelKind::Mattermost => post(secret.url.clone(), mattermost(out)),
        ChannelKind::Teams => post(secret.url.clone(), teams(out)),
        ChannelKind::Discord => post(with_query(&secret.url, "wait=true"), discord(out)),
        ChannelKind::GoogleChat => post(
            with_query(
                &secret.url,
                "messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD",
            ),
            google_chat(out),
        ),
        ChannelKind::Statuspage => Request::Http(statuspage(channel, secret, out)),
        ChannelKind::Email => Request::Email(email(channel, secret, out)),
        ChannelKind::SignedWebhook => signed(secret, out, now_unix, signed_body(out))?,
    })
}

/// A Standard Webhooks POST of `body`, signed with the delivery id as its
/// `webhook-id` (stable across retries, so the receiver can deduplicate).
pub(super) fn signed(
    secret: &ChannelSecret,
    out: &Outgoing,
    now_unix: i64,
    body: Value,
) -> Result<Request, String> {
    let body = body.to_string();
    let signature =
        sign(&secret.token, &out.delivery_id, now_unix, &body).map_err(|e| e.to_string())?;
    Ok(Request::Http(HttpRequest {
        method: "POST",
        url: secret.url.clone(),
        headers: vec![
            json_header(),
            ("webhook-id".into(), out.delivery_id.clone()),
            ("webhook-timestamp".into(), now_unix.to_string()),
            ("webhook-signature".into(), signature),
        ],
        body,
    }))
}

pub(super) fn json_header() -> (String, String) {
    ("content-type".into(), "application/json".into())
}

pub(super) fn with_query(url: &str, query: &str) -> String {
    let joiner = if url.contains('?') { '&' } else { '?' };
    format!("{url}{joiner}{query}")
}

/// Cuts text to `max` characters, ending with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Investigating => "Investigating",
        Status::Identified => "Identified",
        Status::Monitoring => "Monitoring",
        Status::Resolved => "Resolved",
    }
}

fn summary_line(out: &Outgoing) -> String {
    let mut line = format!("{} · {}", out.severity.as_str(), status_label(out.status));
    if !out.external_id.is_empty() {
        line.push_str(" · ");
        line.push_str(&out.external_id);
    }
    line
}

/// Slack's mrkdwn needs only these three escaped.
pub(crate) fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// How many characters one character becomes in Slack's escaped mrkdwn.
pub(crate) fn slack_weight(c: char) -> usize {
    match c {
        '&' => 5,
        '<' | '>' => 4,
        _ => 1,
    }
}

/// Splits text into pieces whose weight (`weight` per character) is at most
/// `max`, at a paragraph or line break, else a space, where there is one, so a
/// long update reads as consecutive sections. Splitting the raw text (before
/// escaping) means an entity such as `&lt;` is never cut in two.
fn chunks(text: &str, max: usize, weight: impl Fn(char) -> usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0;
        while end < chars.len() && used + weight(chars[end]) <= max {
            used += weight(chars[end]);
            end += 1;
        }
        if end == chars.len() {
            pieces.push(chars[start..].iter().collect());
            break;
        }
        let window = &chars[start..end];
        let last = |pattern: &dyn Fn(usize) -> bool| (1..window.len()).rev().find(|&i| pattern(i));
        let cut = last(&|i| window[i] == '\n' && window[i - 1] == '\n')
            .map(|i| i - 1)
            .or_else(|| last(&|i| window[i] == '\n'))
            .or_else(|| last(&|i| window[i] == ' '))
            .filter(|&n| n > 0)
            .unwrap_or(window.len().max(1));
        pieces.push(
            chars[start..start + cut]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_owned(),
        );
        start += cut;
        while start < chars.len() && chars[start].is_whitespace() {
            start += 1;
        }
    }
    pieces
}

fn slack(out: &Outgoing) -> Value {
    let mut blocks = vec![
        json!({"type": "header", "text": {"type": "plain_text", "text": clip(&defuse(&out.title), SLACK_HEADER), "emoji": true}}),
        json!({"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(&summary_line(out))}]}),
    ];
    let body = defuse(&out.body);
    for piece in chunks(&body, SLACK_SECTION, slack_weight) {
        blocks.push(
            json!({"type": "section", "text": {"type": "mrkdwn", "text": slack_escape(&piece)}}),
        );
    }
    if out.link.starts_with("http") {
        blocks.push(json!({"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Open incident"}, "url": out.link}]}));
    }
    json!({"text": slack_escape(&body), "blocks": blocks})
}

fn mattermost(out: &Outgoing) -> Value {
    json!({
        "text": format!("#### {}\n{}", defuse(&out.title), summary_line(out)),
        "attachments": [{
            "fallback": format!("{}: {}", defuse(&out.title), defuse(&clip(&out.body, 200))),
            "color": severity_colour(out.severity),
            "text": defuse(&out.body),
        }],
    })
}

fn severity_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Sev1 => "#b91c1c",
        Severity::Sev2 => "#c2410c",
        Severity::Sev3 => "#a16207",
        Severity::Sev4 => "#4b5563",
    }
}

fn teams(out: &Outgoing) -> Value {
    let mut facts = vec![
        json!({"title": "Severity", "value": out.severity.as_str()}),
        json!({"title": "Status", "value": status_label(out.status)}),
    ];
    if !out.external_id.is_empty() {
        facts.push(json!({"title": "Incident", "value": out.external_id}));
    }
    let mut card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [
            {"type": "TextBlock", "text": defuse(&out.title), "weight": "Bolder", "size": "Medium", "wrap": true},
            {"type": "FactSet", "facts": facts},
            {"type": "TextBlock", "text": defuse(&out.body), "wrap": true},
        ],
    });
    if out.link.starts_with("http") {
        card["actions"] =
            json!([{"type": "Action.OpenUrl", "title": "Open incident", "url": out.link}]);
    }
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card,
        }],
    })
}

pub(super) fn discord(out: &Outgoing) -> Value {
    let colour = u32::from_str_radix(&severity_colour(out.severity)[1..], 16).unwrap_or(0);
    let mut embed = json!({
        "title": clip(&defuse(&out.title), DISCORD_TITLE),
        "description": defuse(&out.body),
        "color": colour,
        "fields": [
            {"name": "Severity", "value": out.severity.as_str(), "inline": true},
            {"name": "Status", "value": status_label(out.status), "inline": true},
        ],
        "timestamp": out.published_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    });
    if out.link.starts_with("http") {
        embed["url"] = json!(out.link);
    }
    json!({"embeds": [embed], "allowed_mentions": {"parse": []}})
}

/// Google Chat's text paragraphs read a small HTML subset, so the body is
/// escaped and its line breaks kept.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn google_chat(out: &Outgoing) -> Value {
    json!({
        "text": format!("{} — {}", defuse(&out.title), summary_line(out)),
        "cardsV2": [{
            "cardId": format!("herald-{}", out.update_id),
            "card": {
                "header": {"title": defuse(&out.title), "subtitle": summary_line(out)},
                "sections": [{"widgets": [{"textParagraph": {"text": html_escape(&defuse(&out.body)).replace('\n', "<br>")}}]}],
            },
        }],
        "thread": {"threadKey": format!("herald-{}", out.incident_id)},
    })
}

pub(super) fn statuspage(channel: &Channel, secret: &ChannelSecret, out: &Outgoing) -> HttpRequest {
    let o = &channel.options;
    let incidents = format!(
        "{}/pages/{}/incidents",
        o.statuspage_api_base, o.statuspage_page_id
    );
    let mut incident = json!({
        "status": out.status.as_str(),
        "body": defuse(&out.body),
        "deliver_notifications": out.notify_subscribers,
        "metadata": {"herald": {"incident_id": out.incident_id, "delivery_id": out.delivery_id}},
    });
    if !out.components.is_empty() {
        let components: serde_json::Map<String, Value> = out
            .components
            .iter()
            .map(|c| (c.id.clone(), json!(c.status)))
            .collect();
        incident["components"] = Value::Object(components);
        incident["component_ids"] = json!(out.components.iter().map(|c| &c.id).collect::<Vec<_>>());
    }
    // An id that is not of Statuspage's shape never goes into a path.
    let remote = Some(out.remote_incident.as_str())
        .filter(|id| super::safe::remote_id_ok(ChannelKind::Statuspage, id));
    let (method, url) = if remote.is_none() {
        incident["name"] = json!(clip(&defuse(&out.title), STATUSPAGE_NAME));
        ("POST", incidents)
    } else {
        (
            "PATCH",
            format!("{incidents}/{}", out.remote_incident.as_str()),
        )
    };
    HttpRequest {
        method,
        url,
        headers: vec![json_header(), statuspage_auth(secret)],
        body: json!({"incident": incident}).to_string(),
    }
}

pub(super) fn statuspage_auth(secret: &ChannelSecret) -> (String, String) {
    ("authorization".into(), format!("OAuth {}", secret.token))
}

/// The read that settles an unknown Statuspage outcome: the page's recent
/// incidents, searched for this delivery's metadata stamp by [`find_stamped`].
pub fn statuspage_lookup(channel: &Channel, secret: &ChannelSecret) -> HttpRequest {
    let o = &channel.options;
    HttpRequest {
        method: "GET",
        url: format!(
            "{}/pages/{}/incidents?limit=100",
            o.statuspage_api_base, o.statuspage_page_id
        ),
        headers: vec![statuspage_auth(secret)],
        body: String::new(),
    }
}

/// The Statuspage incident id whose metadata carries `delivery_id`: `Ok(None)`
/// only when the list was read and it is not there. A reply that does not read
/// as a list of incidents is an error, never "not there": that would send the
/// update again and open a second public incident.
pub fn find_stamped(body: &str, delivery_id: &str) -> Result<Option<String>, String> {
    let incidents: Value = serde_json::from_str(body)
        .map_err(|_| "the status page's incident list did not read as JSON".to_owned())?;
    let list = incidents
        .as_array()
        .ok_or_else(|| "the status page did not answer with a list of incidents".to_owned())?;
    Ok(list.iter().find_map(|incident| {
        (incident["metadata"]["herald"]["delivery_id"].as_str() == Some(delivery_id))
            .then(|| incident["id"].as_str().map(str::to_owned))
            .flatten()
    }))
}

pub(super) fn email(channel: &Channel, secret: &ChannelSecret, out: &Outgoing) -> Email {
    let o = &channel.options;
    let domain = mail_domain(channel);
    let mut text = format!("{}\n{}\n\n{}\n", out.title, summary_line(out), out.body);
    if !out.link.is_empty() {
        text.push_str(&format!("\n{}\n", out.link));
    }
    let paragraphs: String = out
        .body
        .split("\n\n")
        .map(|p| format!("<p>{}</p>", html_escape(p).replace('\n', "<br>")))
        .collect();
    let html = format!(
        "<!doctype html><html><body><h2>{}</h2><p><strong>{}</strong></p>{paragraphs}</body></html>",
        html_escape(&out.title),
        html_escape(&summary_line(out)),
    );
    Email {
        server: SmtpServer {
            host: o.smtp_host.clone(),
            port: o.smtp_port,
            security: o.smtp_security,
            username: o.smtp_username.clone(),
            password: secret.token.clone(),
        },
        from: o.email_from.clone(),
        to: o.email_to.clone(),
        subject: format!(
            "[{}] {} — {}",
            out.severity.as_str(),
            out.title,
            status_label(out.status)
        ),
        text,
        html,
        message_id: message_id(&out.delivery_id, &domain),
        in_reply_to: None,
    }
}

/// The domain a channel's Message-IDs are made in: its sender's.
pub(super) fn mail_domain(channel: &Channel) -> String {
    channel
        .options
        .email_from
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>').to_owned())
        .unwrap_or_else(|| "herald.invalid".into())
}

/// The Message-ID a delivery's mail carries.
pub(super) fn message_id(delivery_id: &str, domain: &str) -> String {
    format!("<{delivery_id}@{domain}>")
}

pub(super) fn signed_body(out: &Outgoing) -> Value {
    let published = out.published_at.to_rfc3339_opts(SecondsFormat::Secs, true);
    json!({
        "type": "incident.update",
        "timestamp": published,
        "data": {
            "incident_id": out.incident_id,
            "external_id": out.external_id,
            "title": out.title,
            "severity": out.severity.as_str(),
            "status": out.status.as_str(),
            "audience": out.audience.as_str(),
            "update_id": out.update_id,
            "body": out.body,
            "published_at": published,
            "link": out.link,
        },
    })
}

/// The test message for "Send test message": a harmless post for chat and
/// webhooks, a read of the page for Statuspage (a test must never open an
/// incident on a public status page).
pub fn render_test(
    channel: &Channel,
    secret: &ChannelSecret,
    now: DateTime<Utc>,
) -> Result<Request, String> {
    if channel.kind == ChannelKind::Statuspage {
        let o = &channel.options;
        return Ok(Request::Http(HttpRequest {
            method: "GET",
            url: format!("{}/pages/{}", o.statuspage_api_base, o.statuspage_page_id),
            headers: vec![statuspage_auth(secret)],
            body: String::new(),
        }));
    }
    let out = Outgoing {
        delivery_id: format!("test-{}", now.timestamp_millis()),
        update_id: format!("test-{}", now.timestamp_millis()),
        incident_id: "test".into(),
        external_id: String::new(),
        link: String::new(),
        title: "Herald test message".into(),
        severity: Severity::Sev4,
        status: Status::Resolved,
        audience: channel
            .audiences
            .first()
            .copied()
            .unwrap_or(Audience::Internal),
        body: format!(
            "This is a test from Herald for the channel \"{}\". There is no incident.",
            channel.name
        ),
        published_at: now,
        remote_incident: String::new(),
        components: Vec::new(),
        notify_subscribers: false,
        correction: None,
    };
    render(channel, secret, &out, now.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_splits_at_paragraphs_within_the_limit() {
        let text = format!("{}\n\n{}", "a".repeat(2000), "b".repeat(2500));
        let pieces = chunks(&text, 3000, |_| 1);
        assert_eq!(pieces, vec!["a".repeat(2000), "b".repeat(2500)]);
        let solid = "x".repeat(7000);
        let pieces = chunks(&solid, 3000, |_| 1);
        assert_eq!(
            pieces.iter().map(|p| p.len()).collect::<Vec<_>>(),
            vec![3000, 3000, 1000]
        );
    }

    #[test]
    fn slack_sections_never_cut_an_entity_and_stay_within_the_limit() {
        let body = format!("a{}", "<".repeat(999));
        let pieces: Vec<String> = chunks(&body, 3000, slack_weight)
            .iter()
            .map(|p| slack_escape(p))
            .collect();
        assert!(
            pieces.iter().all(|p| p.chars().count() <= 3000),
            "{pieces:?}"
        );
        assert_eq!(pieces.concat(), slack_escape(&body));
        for p in &pieces {
            assert!(!p.ends_with("&lt") && !p.starts_with(';'), "{p}");
        }
        let words = "& ".repeat(2000);
        for p in chunks(&words, 3000, slack_weight) {
            assert!(slack_escape(&p).chars().count() <= 3000);
        }
    }

    #[test]
    fn clip_marks_the_cut() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }

    #[test]
    fn stamped_incident_is_found_by_delivery() {
        let body =
            r#"[{"id":"a","metadata":{}},{"id":"b","metadata":{"herald":{"delivery_id":"d1"}}}]"#;
        assert_eq!(find_stamped(body, "d1"), Ok(Some("b".into())));
        assert_eq!(find_stamped(body, "d2"), Ok(None));
        assert!(find_stamped("not json", "d1").is_err());
        assert!(find_stamped(r#"{"error":"x"}"#, "d1").is_err());
        assert!(find_stamped("", "d1").is_err());
    }
}
