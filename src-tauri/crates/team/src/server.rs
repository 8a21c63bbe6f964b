//! The y-sweet server's token API: a Herald holding the team's server token
//! creates an incident's document there and mints a short-lived client token
//! for its own connection. The server token never leaves this module in an
//! error or a log line.

use std::time::Duration;

use serde::Deserialize;
use serde_json::json;

use crate::TeamError;

/// Where a shared incident lives: the team's server, its token (from the OS
/// keychain) and the document's name there.
#[derive(Clone)]
pub struct Endpoint {
    /// `http://127.0.0.1:8080` or the team's `https://` address.
    pub server: String,
    pub server_token: Option<String>,
    pub doc_id: String,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("server", &self.server)
            .field("doc_id", &self.doc_id)
            .finish_non_exhaustive()
    }
}

/// What the WebSocket connection needs: its address and its own token.
#[derive(Deserialize)]
pub(crate) struct ClientToken {
    pub url: String,
    #[serde(rename = "docId")]
    pub doc_id: String,
    pub token: Option<String>,
}

/// Creates the document if it is new and mints a token for one connection.
pub(crate) fn client_token(endpoint: &Endpoint) -> Result<ClientToken, TeamError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let base = endpoint.server.trim_end_matches('/');
    let post = |path: &str, body: serde_json::Value, what: &'static str| {
        let mut request = agent.post(format!("{base}{path}"));
        if let Some(token) = &endpoint.server_token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        let mut answer = request
            .send_json(body)
            .map_err(|e| TeamError::Unreachable(base.to_owned(), e.to_string()))?;
        match answer.status().as_u16() {
            200..=299 => Ok(answer),
            401 | 403 => Err(TeamError::Refused(answer.status().as_u16())),
            status => {
                let _ = answer.body_mut().read_to_string();
                Err(TeamError::Server(status, what))
            }
        }
    };
    post(
        "/doc/new",
        json!({ "docId": endpoint.doc_id }),
        "creating the document",
    )?;
    let mut answer = post(
        &format!("/doc/{}/auth", endpoint.doc_id),
        json!({}),
        "asking for a connection token",
    )?;
    answer
        .body_mut()
        .read_json::<ClientToken>()
        .map_err(|e| TeamError::Answer(e.to_string()))
}
