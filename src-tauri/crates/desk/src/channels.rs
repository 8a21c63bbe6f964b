//! Settings → Channels: adding, editing, switching off and deleting channels,
//! with their secrets in the keychain, and "Send test message".

use herald_core::relay::{self, Channel, ChannelSecret, Request, text_limit};
use herald_store::{channels, deliveries, settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::courier::{Attempt, Transport, verdict_of};
use crate::secrets::{SecretError, reference_for};
use crate::{Desk, Error, ErrorCode};

/// A channel as the settings list shows it; the secret only as a masked hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChannelView {
    pub channel: Channel,
    /// "https://hooks.slack.com/••••", "key ••••", or why the keychain could not
    /// be read. `None` where the keychain was not asked (the incident view).
    pub secret_hint: Option<String>,
    /// Deliveries still on their way to it.
    pub waiting: u32,
    /// The most characters one update may have here, where the target counts characters.
    pub text_limit: Option<u32>,
}

/// A channel to save. `secret` is left out to keep the stored one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChannelInput {
    pub channel: Channel,
    pub secret: Option<ChannelSecret>,
}

/// How long a failing update keeps being retried before the lead is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RelaySettings {
    pub stale_after_minutes: u32,
}

impl Default for RelaySettings {
    fn default() -> Self {
        RelaySettings {
            stale_after_minutes: 30,
        }
    }
}

/// What "Send test message" found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TestResult {
    pub ok: bool,
    pub message: String,
}

/// Every channel without touching the keychain: what the incident view shows
/// under the editor (where the update goes, the tightest limit).
pub(crate) fn summaries(
    conn: &herald_store::Connection,
) -> Result<Vec<ChannelView>, herald_store::StoreError> {
    let waiting = deliveries::open_counts(conn)?;
    Ok(channels::all(conn)?
        .into_iter()
        .map(|channel| ChannelView {
            secret_hint: None,
            waiting: waiting.get(&channel.id).copied().unwrap_or(0),
            text_limit: text_limit(channel.kind).map(|n| n as u32),
            channel,
        })
        .collect())
}

impl From<SecretError> for Error {
    fn from(error: SecretError) -> Self {
        Error::new(ErrorCode::KeychainUnavailable, error.0)
    }
}

/// A masked form of a secret: the URL's scheme and host, never its path or token.
fn hint(secret: &ChannelSecret) -> String {
    let mut parts = Vec::new();
    if !secret.url.is_empty() {
        let host = url::Url::parse(&secret.url)
            .ok()
            .and_then(|u| u.host_str().map(|h| format!("{}://{h}", u.scheme())))
            .unwrap_or_else(|| "URL".into());
        parts.push(format!("{host}/••••"));
    }
    if !secret.token.is_empty() {
        parts.push("key ••••".into());
    }
    if parts.is_empty() {
        "nothing stored".into()
    } else {
        parts.join(" · ")
    }
}

impl Desk {
    /// The channels as stored, without asking the keychain anything.
    pub(crate) fn channel_list(&self) -> Result<Vec<herald_core::relay::Channel>, Error> {
        Ok(self.store.read(herald_store::channels::all)?)
    }

    /// Every channel for Settings, each with its secret's masked hint.
    pub fn channels(&self) -> Result<Vec<ChannelView>, Error> {
        let secrets = self.secrets();
        Ok(self
            .store
            .read(summaries)?
            .into_iter()
            .map(|view| ChannelView {
                secret_hint: Some(match secrets.get(&reference_for(&view.channel.id)) {
                    Ok(Some(secret)) => hint(&secret),
                    Ok(None) => "missing from the keychain: paste it again".into(),
                    Err(SecretError(why)) => why,
                }),
                ..view
            })
            .collect())
    }

    /// Saves a channel; a new one (or one changing kind) needs its secret.
    /// The secret goes to the keychain first, so a channel is never saved
    /// pointing at a secret that is not there.
    pub fn save_channel(&self, input: ChannelInput) -> Result<Vec<ChannelView>, Error> {
        let now = self.clock.now();
        let mut channel = input.channel.validate()?;
        let existing = if channel.id.is_empty() {
            channel.id = self.new_id();
            None
        } else {
            self.store
                .read(|conn| channels::get(conn, &channel.id))?
                .ok_or_else(|| Error::not_found("That channel"))
                .map(Some)?
        };
        let kind_changed = existing
            .as_ref()
            .is_some_and(|old| old.kind != channel.kind);
        // The stored key or password was given for one host: a new API base
        // or mail server must come with it again, or it would be sent there.
        let host_changed = existing.as_ref().is_some_and(|old| {
            let (a, b) = (&old.options, &channel.options);
            a.statuspage_api_base != b.statuspage_api_base
                || a.smtp_host != b.smtp_host
                || a.smtp_port != b.smtp_port
        });
        if channel.enabled {
            channel.disabled_reason.clear();
        } else if let Some(old) = &existing {
            channel.disabled_reason = old.disabled_reason.clone();
        }
        let reference = reference_for(&channel.id);
        // A mail server that takes mail without signing in has no secret to
        // ask for; the form shows no field for one.
        let open_relay = channel.kind == herald_core::relay::ChannelKind::Email
            && channel.options.smtp_username.trim().is_empty();
        let needs_secret = existing.is_none() || kind_changed || host_changed;
        match input.secret {
            Some(secret) => {
                let secret = channel.validate_secret(&secret)?;
                self.secrets().put(&reference, &secret)?;
            }
            None if open_relay && needs_secret => {
                self.secrets().put(&reference, &ChannelSecret::default())?;
            }
            None if existing.is_none() || kind_changed => {
                let field = if channel.kind == herald_core::relay::ChannelKind::Email {
                    "secret.token"
                } else {
                    "secret.url"
                };
                return Err(Error::from(herald_core::Invalid(vec![
                    herald_core::FieldError::new(
                        field,
                        format!(
                            "Paste the {} secret for this channel.",
                            channel.kind.label()
                        ),
                    ),
                ])));
            }
            None if host_changed => {
                return Err(Error::from(herald_core::Invalid(vec![
                    herald_core::FieldError::new(
                        "secret.token",
                        "The address this channel sends to changed: enter the key or password again, so the one stored for the old address is never sent to the new one.",
                    ),
                ])));
            }
            None => {}
        }
        self.write(|tx| Ok(channels::save(tx, &channel, &reference, now)?))?;
        self.channels()
    }

    /// Deletes a channel: its waiting deliveries are discarded, its secret
    /// leaves the keychain, and past deliveries keep its name.
    pub fn delete_channel(&self, id: &str) -> Result<Vec<ChannelView>, Error> {
        let now = self.clock.now();
        self.write(|tx| {
            if !channels::mark_deleted(tx, id, now)? {
                return Err(Error::not_found("That channel"));
            }
            deliveries::discard_open(tx, id, "the channel was deleted", now)?;
            Ok(())
        })?;
        // The record is gone already; a keychain that cannot delete leaves an
        // orphan entry, which is harmless and named after a dead id.
        let _ = self.secrets().delete(&reference_for(id));
        self.channels()
    }

    pub fn relay_settings(&self) -> Result<RelaySettings, Error> {
        Ok(self
            .store
            .read(|conn| settings::load_or_default::<RelaySettings>(conn, "relay"))?)
    }

    pub fn save_relay_settings(&self, value: RelaySettings) -> Result<RelaySettings, Error> {
        if !(5..=1440).contains(&value.stale_after_minutes) {
            return Err(Error::from(herald_core::Invalid(vec![
                herald_core::FieldError::new(
                    "stale_after_minutes",
                    "Stop retrying after 5 to 1,440 minutes.",
                ),
            ])));
        }
        self.write(|tx| Ok(settings::save_value(tx, "relay", &value)?))?;
        Ok(value)
    }

    /// Sends a harmless test through the channel's real path and says what happened.
    pub fn test_channel(&self, id: &str, transport: &dyn Transport) -> Result<TestResult, Error> {
        let channel = self
            .store
            .read(|conn| channels::get(conn, id))?
            .ok_or_else(|| Error::not_found("That channel"))?;
        let secret = self
            .secrets()
            .get(&reference_for(id))?
            .ok_or_else(|| Error::new(ErrorCode::KeychainUnavailable, "The channel's secret is missing from the keychain; paste it again in the channel's settings."))?;
        let request = relay::render_test(&channel, &secret, self.clock.now())
            .map_err(|why| Error::new(ErrorCode::InvalidInput, why))?;
        let attempt = transport.send(&request);
        let scrub = |text: String| crate::courier::scrub(&text, &secret);
        let verdict = verdict_of(channel.kind, &attempt);
        Ok(match verdict.reason() {
            Some(reason) => TestResult {
                ok: false,
                message: scrub(format!("The test did not go through: {reason}.")),
            },
            None => TestResult {
                ok: true,
                message: match (&request, &attempt) {
                    (Request::Http(r), Attempt::Answered(reply)) if r.method == "GET" => format!(
                        "{} answered: the key and page ID work (HTTP {}). Nothing was posted.",
                        channel.kind.label(),
                        reply.status
                    ),
                    _ => format!("The test message was accepted by {}.", channel.kind.label()),
                },
            },
        })
    }
}
