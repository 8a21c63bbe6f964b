//! A channel: one outward destination, the audiences it serves and its options.
//! The secret part (webhook URL, token, password, signing key) is a separate
//! value that lives in the OS keychain and never in the channel record.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

use crate::{Audience, FieldError, Invalid};

/// The eight kinds of channel Herald can deliver to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    Slack,
    Teams,
    Discord,
    GoogleChat,
    Mattermost,
    Statuspage,
    Email,
    SignedWebhook,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 8] = [
        Self::Slack,
        Self::Teams,
        Self::Discord,
        Self::GoogleChat,
        Self::Mattermost,
        Self::Statuspage,
        Self::Email,
        Self::SignedWebhook,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Slack => "slack",
            Self::Teams => "teams",
            Self::Discord => "discord",
            Self::GoogleChat => "google_chat",
            Self::Mattermost => "mattermost",
            Self::Statuspage => "statuspage",
            Self::Email => "email",
            Self::SignedWebhook => "signed_webhook",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Slack => "Slack",
            Self::Teams => "Microsoft Teams",
            Self::Discord => "Discord",
            Self::GoogleChat => "Google Chat",
            Self::Mattermost => "Mattermost",
            Self::Statuspage => "Statuspage",
            Self::Email => "E-mail",
            Self::SignedWebhook => "Signed webhook",
        }
    }

    /// Whether the target can be read back, so an unknown outcome can be settled
    /// without asking the lead (Statuspage by metadata), or resent safely because
    /// the receiver deduplicates (signed webhooks by `webhook-id`, mail by
    /// Message-ID). Write-only chat webhooks cannot: the lead decides.
    pub fn resend_is_safe(self) -> bool {
        matches!(self, Self::Statuspage | Self::SignedWebhook | Self::Email)
    }

    /// The least time between two requests to one channel of this kind, from
    /// each target's published rate limit.
    pub fn pace_millis(self) -> u64 {
        match self {
            Self::Slack | Self::Statuspage | Self::GoogleChat => 1_000,
            Self::Teams | Self::Discord => 250,
            Self::Mattermost | Self::Email | Self::SignedWebhook => 0,
        }
    }
}

/// A Statuspage component the customer tab can set an impact for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatuspageComponent {
    pub id: String,
    pub name: String,
}

/// The impact chosen for one component when publishing to customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComponentImpact {
    pub id: String,
    /// `operational`, `degraded_performance`, `partial_outage`, `major_outage`
    /// or `under_maintenance`.
    pub status: String,
}

pub const COMPONENT_STATUSES: [&str; 5] = [
    "operational",
    "degraded_performance",
    "partial_outage",
    "major_outage",
    "under_maintenance",
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SmtpSecurity {
    /// Plain SMTP upgraded with STARTTLS (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption; accepted only for a server on this machine.
    None,
}

/// The options of every kind; each kind reads its own and ignores the rest.
/// Nothing here is secret.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ChannelOptions {
    pub statuspage_page_id: String,
    /// The API root, `https://api.statuspage.io/v1` unless pointed elsewhere.
    pub statuspage_api_base: String,
    pub statuspage_components: Vec<StatuspageComponent>,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_security: SmtpSecurity,
    pub smtp_username: String,
    pub email_from: String,
    pub email_to: Vec<String>,
}

pub const STATUSPAGE_API: &str = "https://api.statuspage.io/v1";

/// A configured channel. `disabled_reason` is set when Herald switched it off
/// (the target said it is gone); the lead turns it back on once it is fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Channel {
    pub id: String,
    pub name: String,
    pub kind: ChannelKind,
    pub audiences: Vec<Audience>,
    pub enabled: bool,
    pub disabled_reason: String,
    pub options: ChannelOptions,
}

/// The secret half of a channel: the webhook URL (or target URL) and the
/// token (Statuspage API key, SMTP password, signing secret). Debug masks both.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ChannelSecret {
    pub url: String,
    pub token: String,
}

impl std::fmt::Debug for ChannelSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChannelSecret(masked)")
    }
}

impl ChannelSecret {
    /// Whether the kind needs a URL, a token, or both, from the lead.
    pub fn needs(kind: ChannelKind) -> (bool, bool) {
        match kind {
            ChannelKind::Statuspage | ChannelKind::Email => (false, true),
            ChannelKind::SignedWebhook => (true, true),
            _ => (true, false),
        }
    }
}

const MAX_NAME: usize = 80;

impl Channel {
    /// Trims the channel and checks everything but the secret.
    pub fn validate(&self) -> Result<Channel, Invalid> {
        let mut clean = self.clone();
        clean.name = clean.name.trim().to_owned();
        clean.audiences.sort();
        clean.audiences.dedup();
        let o = &mut clean.options;
        o.statuspage_page_id = o.statuspage_page_id.trim().to_owned();
        o.statuspage_api_base = o
            .statuspage_api_base
            .trim()
            .trim_end_matches('/')
            .to_owned();
        o.smtp_host = o.smtp_host.trim().to_owned();
        o.smtp_username = o.smtp_username.trim().to_owned();
        o.email_from = o.email_from.trim().to_owned();
        o.email_to = o
            .email_to
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        let mut errors = Vec::new();
        if clean.name.is_empty() || clean.name.chars().count() > MAX_NAME {
            errors.push(FieldError::new(
                "name",
                format!("Name the channel in 1 to {MAX_NAME} characters."),
            ));
        }
        if clean.audiences.is_empty() {
            errors.push(FieldError::new(
                "audiences",
                "Choose at least one audience this channel serves.",
            ));
        }
        match clean.kind {
            ChannelKind::Statuspage => check_statuspage(&mut clean.options, &mut errors),
            ChannelKind::Email => check_email(&clean.options, &mut errors),
            _ => {}
        }
        Invalid::check(errors).map(|()| clean)
    }

    /// Checks the secret for this kind: the URL's shape and the token's form.
    /// Messages never repeat the secret.
    pub fn validate_secret(&self, secret: &ChannelSecret) -> Result<ChannelSecret, Invalid> {
        let clean = ChannelSecret {
            url: secret.url.trim().to_owned(),
            token: secret.token.trim().to_owned(),
        };
        let (needs_url, needs_token) = ChannelSecret::needs(self.kind);
        let mut errors = Vec::new();
        if let (true, Err(message)) = (needs_url, check_url(self.kind, &clean.url)) {
            errors.push(FieldError::new("secret.url", message));
        }
        if needs_token {
            let problem = match self.kind {
                ChannelKind::SignedWebhook => crate::relay::signing::check_secret(&clean.token)
                    .err()
                    .map(|e| e.to_string()),
                ChannelKind::Statuspage if clean.token.is_empty() => {
                    Some("Paste the Statuspage API key.".to_owned())
                }
                ChannelKind::Email
                    if clean.token.is_empty() && !self.options.smtp_username.is_empty() =>
                {
                    Some("Give the SMTP password for that user.".to_owned())
                }
                _ => None,
            };
            if let Some(message) = problem {
                errors.push(FieldError::new("secret.token", message));
            }
        }
        Invalid::check(errors).map(|()| clean)
    }
}

fn check_statuspage(o: &mut ChannelOptions, errors: &mut Vec<FieldError>) {
    if o.statuspage_page_id.is_empty()
        || !o
            .statuspage_page_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric())
    {
        errors.push(FieldError::new(
            "options.statuspage_page_id",
            "Give the Statuspage page ID (letters and digits, from the API info page).",
        ));
    }
    if o.statuspage_api_base.is_empty() {
        o.statuspage_api_base = STATUSPAGE_API.to_owned();
    } else if let Err(message) = check_http_url(&o.statuspage_api_base) {
        errors.push(FieldError::new("options.statuspage_api_base", message));
    }
    for c in &mut o.statuspage_components {
        c.id = c.id.trim().to_owned();
        c.name = c.name.trim().to_owned();
    }
    if o.statuspage_components.iter().any(|c| c.id.is_empty()) {
        errors.push(FieldError::new(
            "options.statuspage_components",
            "Every component needs its Statuspage ID.",
        ));
    }
}

fn check_email(o: &ChannelOptions, errors: &mut Vec<FieldError>) {
    if o.smtp_host.is_empty() {
        errors.push(FieldError::new(
            "options.smtp_host",
            "Give the SMTP server's host name.",
        ));
    } else if o.smtp_security == SmtpSecurity::None && !is_loopback_host(&o.smtp_host) {
        errors.push(FieldError::new(
            "options.smtp_security",
            "Unencrypted SMTP is only allowed to a server on this machine; choose STARTTLS or TLS.",
        ));
    }
    if o.smtp_port == 0 {
        errors.push(FieldError::new(
            "options.smtp_port",
            "Give the SMTP port (587 for STARTTLS, 465 for TLS).",
        ));
    }
    if !looks_like_address(&o.email_from) {
        errors.push(FieldError::new(
            "options.email_from",
            "Give the sender address, like comms@example.com.",
        ));
    }
    if o.email_to.is_empty() {
        errors.push(FieldError::new(
            "options.email_to",
            "Give at least one recipient address.",
        ));
    } else if let Some(bad) = o.email_to.iter().position(|a| !looks_like_address(a)) {
        errors.push(FieldError::new(
            "options.email_to",
            format!("Recipient {} is not an e-mail address.", bad + 1),
        ));
    }
}

fn looks_like_address(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !text.chars().any(|c| c.is_whitespace() || c == ',')
        }
        None => false,
    }
}

pub(crate) fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// An http(s) URL: https anywhere, plain http only on this machine.
fn check_http_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|_| {
        "That is not a URL; paste the whole address, starting with https://.".to_owned()
    })?;
    let host = url.host_str().unwrap_or_default().to_owned();
    match url.scheme() {
        "https" if !host.is_empty() => Ok(url),
        "http" if is_loopback_host(&host) => Ok(url),
        "http" => {
            Err("Use an https:// address; plain http is only allowed to this machine.".to_owned())
        }
        _ => Err("Use an https:// address.".to_owned()),
    }
}

/// The webhook URL for a kind. Hosts other than this machine must look like
/// the vendor's, so a URL pasted into the wrong kind is caught here.
fn check_url(kind: ChannelKind, text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err(format!("Paste the {} webhook URL.", kind.label()));
    }
    let url = check_http_url(text)?;
    let host = url.host_str().unwrap_or_default();
    if is_loopback_host(host) {
        return Ok(());
    }
    let path = url.path();
    let fits = match kind {
        ChannelKind::Slack => host == "hooks.slack.com" && path.starts_with("/services/"),
        ChannelKind::Discord => {
            matches!(
                host,
                "discord.com" | "discordapp.com" | "ptb.discord.com" | "canary.discord.com"
            ) && path.starts_with("/api/webhooks/")
        }
        ChannelKind::GoogleChat => host == "chat.googleapis.com" && path.starts_with("/v1/spaces/"),
        ChannelKind::Mattermost => path.contains("/hooks/"),
        ChannelKind::Teams | ChannelKind::SignedWebhook => true,
        ChannelKind::Statuspage | ChannelKind::Email => true,
    };
    if fits {
        Ok(())
    } else {
        Err(format!(
            "That does not look like a {} webhook URL (expected {}).",
            kind.label(),
            match kind {
                ChannelKind::Slack => "https://hooks.slack.com/services/…",
                ChannelKind::Discord => "https://discord.com/api/webhooks/…",
                ChannelKind::GoogleChat => "https://chat.googleapis.com/v1/spaces/…",
                _ => "https://your-server/hooks/…",
            }
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(kind: ChannelKind) -> Channel {
        Channel {
            id: "c1".into(),
            name: " Status ".into(),
            kind,
            audiences: vec![Audience::Customers],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions::default(),
        }
    }

    fn secret(url: &str, token: &str) -> ChannelSecret {
        ChannelSecret {
            url: url.into(),
            token: token.into(),
        }
    }

    #[test]
    fn urls_are_checked_per_kind_without_repeating_them() {
        let slack = channel(ChannelKind::Slack);
        assert!(
            slack
                .validate_secret(&secret("https://hooks.slack.com/services/T/B/x", ""))
                .is_ok()
        );
        assert!(
            slack
                .validate_secret(&secret("http://127.0.0.1:9/hook", ""))
                .is_ok()
        );
        let wrong = slack
            .validate_secret(&secret("https://discord.com/api/webhooks/1/SECRETPART", ""))
            .unwrap_err();
        assert!(wrong.summary().contains("hooks.slack.com"));
        assert!(!wrong.summary().contains("SECRETPART"));
        let plain = slack
            .validate_secret(&secret("http://hooks.slack.com/services/x", ""))
            .unwrap_err();
        assert!(plain.summary().contains("https"));
        assert!(slack.validate_secret(&secret("not a url", "")).is_err());
    }

    #[test]
    fn options_are_checked_per_kind() {
        let mut page = channel(ChannelKind::Statuspage);
        assert!(page.validate().unwrap_err().summary().contains("page ID"));
        page.options.statuspage_page_id = "abc123".into();
        let clean = page.validate().unwrap();
        assert_eq!(clean.name, "Status");
        assert_eq!(clean.options.statuspage_api_base, STATUSPAGE_API);
        let mut mail = channel(ChannelKind::Email);
        mail.options.smtp_host = "smtp.example.com".into();
        mail.options.smtp_port = 25;
        mail.options.smtp_security = SmtpSecurity::None;
        mail.options.email_from = "comms@example.com".into();
        mail.options.email_to = vec!["cto@example.com".into(), "nope".into()];
        let errors = mail.validate().unwrap_err();
        assert!(errors.summary().contains("Unencrypted"));
        assert!(errors.summary().contains("Recipient 2"));
        let mut none = channel(ChannelKind::Slack);
        none.audiences.clear();
        assert!(none.validate().unwrap_err().summary().contains("audience"));
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let text = format!(
            "{:?}",
            secret("https://hooks.slack.com/services/T/B/x", "whsec_abc")
        );
        assert!(!text.contains("hooks") && !text.contains("whsec"));
    }
}
