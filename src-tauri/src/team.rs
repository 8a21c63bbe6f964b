//! Keeps the incidents this Herald shares in step with its team, one share
//! each, restarted with the database; the window is told when a teammate's
//! change lands, so it re-reads without a reload.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use herald_core::Audience;
use herald_desk::{Desk, Error, ErrorCode, Launch, TeamPeer, TeamStatus};
use herald_team::{Endpoint, LinkState, Share};
use tauri::{AppHandle, Emitter, Manager};

use crate::events;

#[derive(Debug, Default)]
pub struct Teams {
    shares: Mutex<HashMap<String, Share>>,
}

/// Starts a share for every incident the lead shares (after launch, and
/// again when the database is replaced). One that cannot start is logged;
/// the cockpit says why when the lead looks.
pub fn start(app: &AppHandle) {
    let Ok(desk) = app.state::<Launch>().desk() else {
        return;
    };
    let shared = desk.team_settings().map(|s| s.shared).unwrap_or_default();
    let teams = app.state::<Teams>();
    teams.lock().clear();
    for id in shared {
        if let Err(e) = open(app, &desk, &id) {
            tracing::warn!(incident = %id, problem = %e.message, "could not share the incident");
        }
    }
}

impl Teams {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Share>> {
        self.shares.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Starts sharing one incident now.
pub fn open(app: &AppHandle, desk: &Arc<Desk>, incident_id: &str) -> Result<(), Error> {
    let connection = desk.team_connection()?;
    let endpoint = Endpoint {
        server: connection.server,
        server_token: connection.token,
        doc_id: format!("herald-{incident_id}"),
    };
    let dir = desk
        .database_path()
        .parent()
        .map(|d| d.join("team"))
        .unwrap_or_else(|| "team".into());
    let for_window = app.clone();
    let id = incident_id.to_owned();
    let share = Share::start(
        desk.clone(),
        incident_id,
        endpoint,
        &connection.person,
        &dir,
        Arc::new(move || {
            let _ = for_window.emit(events::TEAM_CHANGED, &id);
        }),
    )
    .map_err(|e| Error::new(ErrorCode::Internal, e.to_string()))?;
    app.state::<Teams>()
        .lock()
        .insert(incident_id.to_owned(), share);
    Ok(())
}

/// Stops sharing one incident here.
pub fn close(app: &AppHandle, incident_id: &str) {
    // Dropping the share stops its threads and closes its connection.
    let share = app.state::<Teams>().lock().remove(incident_id);
    drop(share);
}

pub fn status(app: &AppHandle, incident_id: &str) -> TeamStatus {
    let teams = app.state::<Teams>();
    let shares = teams.lock();
    let Some(share) = shares.get(incident_id) else {
        return TeamStatus {
            shared: false,
            online: false,
            state: "Not shared".into(),
            peers: Vec::new(),
        };
    };
    if let Some(by) = share.removed_by() {
        return TeamStatus {
            shared: true,
            online: false,
            state: format!(
                "{by} removed you from this shared incident. Working on this Herald's copy; nothing more is shared."
            ),
            peers: Vec::new(),
        };
    }
    let (online, state) = match share.state() {
        LinkState::Online => (true, "Connected".to_owned()),
        LinkState::Connecting => (false, "Connecting…".to_owned()),
        LinkState::Offline(why) => (
            false,
            format!("Offline: {why}. Working on this Herald's copy."),
        ),
    };
    TeamStatus {
        shared: true,
        online,
        state,
        peers: share
            .peers()
            .into_iter()
            .map(|p| TeamPeer {
                person: p.person,
                editing: p.editing.as_deref().and_then(Audience::parse),
            })
            .collect(),
    }
}

pub fn set_editing(app: &AppHandle, incident_id: &str, audience: Option<Audience>) {
    if let Some(share) = app.state::<Teams>().lock().get(incident_id) {
        share.set_editing(audience);
    }
}

pub fn remove(app: &AppHandle, incident_id: &str, person: &str) -> Result<(), Error> {
    let teams = app.state::<Teams>();
    let shares = teams.lock();
    let share = shares
        .get(incident_id)
        .ok_or_else(|| Error::not_found("That shared incident"))?;
    share
        .remove(person)
        .map_err(|e| Error::new(ErrorCode::InvalidInput, e.to_string()))
}
