//! Setting up team sync, and which incidents this Herald shares: the server's
//! address and the lead's name in the database, the team token in the OS
//! keychain, never anywhere else.

use herald_core::relay::ChannelSecret;
use herald_core::{Audience, FieldError, Invalid};
use herald_store::{incidents, settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Desk, Error, ErrorCode};

/// The keychain entry that holds the team token.
const TOKEN: &str = "herald-team-token";
const SETTINGS: &str = "team";

/// Team sync as Settings shows it. The token itself never leaves the keychain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamSettings {
    /// The sync server, `https://sync.example.com` (or `http://` on loopback).
    pub server: String,
    /// The name teammates see beside the drafts this lead is in.
    pub person: String,
    #[serde(default)]
    pub token_saved: bool,
    /// The incidents this Herald shares, by id: nothing syncs until the lead
    /// shares or joins one.
    #[serde(default)]
    pub shared: Vec<String>,
}

/// What the lead saves in Settings; `token: None` keeps the saved token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamInput {
    pub server: String,
    pub person: String,
    pub token: Option<String>,
}

/// A shared incident's connection and who else is in it, for the cockpit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamStatus {
    pub shared: bool,
    pub online: bool,
    /// In words: "Connected", or why not (never with a token).
    pub state: String,
    pub peers: Vec<TeamPeer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamPeer {
    pub person: String,
    /// The draft they are in, if any.
    pub editing: Option<Audience>,
}

/// Where and as whom this Herald shares, with the token from the keychain.
#[derive(Debug, Clone)]
pub struct TeamConnection {
    pub server: String,
    pub token: Option<String>,
    pub person: String,
}

impl Desk {
    /// The settings as saved. Whether a token is saved is remembered with
    /// them, so opening Settings or the board never reads the keychain (on a
    /// real desktop a locked keyring would ask for its password each time).
    pub fn team_settings(&self) -> Result<TeamSettings, Error> {
        Ok(self
            .store
            .read(|conn| settings::load_or_default(conn, SETTINGS))?)
    }

    /// Saves the server, the name and (when given) the token; a bad field is
    /// named and nothing is saved.
    pub fn save_team_settings(&self, input: TeamInput) -> Result<TeamSettings, Error> {
        let server = input.server.trim().trim_end_matches('/').to_owned();
        let person = input.person.trim().to_owned();
        let mut errors = Vec::new();
        let scheme_ok = server.starts_with("https://") || server.starts_with("http://");
        if !scheme_ok || server.contains(char::is_whitespace) {
            errors.push(FieldError::new(
                "server",
                "The sync server is a web address: https://sync.example.com.",
            ));
        } else if server.contains('@') || server.contains('?') {
            errors.push(FieldError::new(
                "server",
                "Put only the server's address here; the team token has its own field.",
            ));
        }
        if let Some(why) =
            herald_core::text::single_line_problem(&person, herald_core::incident::MAX_NAME)
        {
            errors.push(FieldError::new("person", format!("Your name: {why}.")));
        } else if person.is_empty() {
            errors.push(FieldError::new(
                "person",
                "Say who you are: teammates see this name.",
            ));
        }
        let token = input.token.map(|t| t.trim().to_owned());
        if token
            .as_ref()
            .is_some_and(|t| t.is_empty() || t.contains(char::is_whitespace))
        {
            errors.push(FieldError::new(
                "token",
                "The team token is one word, as `y-sweet gen-auth` printed it.",
            ));
        }
        Invalid::check(errors)?;
        let token_given = token.is_some();
        if let Some(token) = token {
            self.secrets()
                .put(
                    TOKEN,
                    &ChannelSecret {
                        url: server.clone(),
                        token,
                    },
                )
                .map_err(|e| Error::new(ErrorCode::Internal, e.0))?;
        }
        self.write(|tx| {
            let mut saved: TeamSettings = settings::load_or_default(tx, SETTINGS)?;
            saved.server = server;
            saved.person = person;
            saved.token_saved |= token_given;
            settings::save_value(tx, SETTINGS, &saved)?;
            Ok(())
        })?;
        self.team_settings()
    }

    /// How to reach the team, or why this Herald cannot yet.
    pub fn team_connection(&self) -> Result<TeamConnection, Error> {
        let saved = self.team_settings()?;
        if saved.server.is_empty() || saved.person.is_empty() {
            return Err(Error::conflict(
                "team",
                "Set up team sync first: Settings → Team (the server and your name).",
            ));
        }
        let token = self
            .secrets()
            .get(TOKEN)
            .map_err(|e| Error::new(ErrorCode::Internal, e.0))?
            .map(|s| s.token)
            .filter(|t| !t.is_empty());
        Ok(TeamConnection {
            server: saved.server,
            token,
            person: saved.person,
        })
    }

    /// Marks an incident shared: one this Herald holds (`share`) or one a
    /// teammate shared, by its id (`join`).
    pub fn share_incident(&self, incident_id: &str, join: bool) -> Result<TeamSettings, Error> {
        let id = incident_id.trim().to_owned();
        let id_ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !id_ok {
            return Err(Invalid(vec![FieldError::new(
                "incident",
                "An incident's id is letters, digits and dashes, as the teammate's Herald shows it under Share.",
            )])
            .into());
        }
        self.team_connection()?;
        self.write(|tx| {
            if !join && incidents::get(tx, &id)?.is_none() {
                return Err(Error::not_found("That incident"));
            }
            let mut saved: TeamSettings = settings::load_or_default(tx, SETTINGS)?;
            if !saved.shared.contains(&id) {
                saved.shared.push(id.clone());
            }
            settings::save_value(tx, SETTINGS, &saved)?;
            Ok(())
        })?;
        self.team_settings()
    }

    /// Stops sharing an incident here; what it holds stays.
    pub fn stop_sharing(&self, incident_id: &str) -> Result<TeamSettings, Error> {
        self.write(|tx| {
            let mut saved: TeamSettings = settings::load_or_default(tx, SETTINGS)?;
            saved.shared.retain(|id| id != incident_id);
            settings::save_value(tx, SETTINGS, &saved)?;
            Ok(())
        })?;
        self.team_settings()
    }
}
