//! Team sync: its settings, sharing or joining an incident, stopping, and
//! who else is in it.

use herald_core::Audience;
use herald_desk::{Error, Launch, TeamInput, TeamSettings, TeamStatus};
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn team_settings(launch: State<'_, Launch>) -> Result<TeamSettings, Error> {
    launch.desk()?.team_settings()
}

#[tauri::command]
pub async fn save_team_settings(
    app: AppHandle,
    launch: State<'_, Launch>,
    input: TeamInput,
) -> Result<TeamSettings, Error> {
    let saved = launch.desk()?.save_team_settings(input)?;
    // A new server, name or token applies to every share from now on.
    crate::team::start(&app);
    Ok(saved)
}

/// Shares an incident this Herald holds, or (`join`) one a teammate shared.
#[tauri::command]
pub async fn share_incident(
    app: AppHandle,
    launch: State<'_, Launch>,
    incident_id: String,
    join: bool,
) -> Result<TeamSettings, Error> {
    let desk = launch.desk()?;
    let saved = desk.share_incident(&incident_id, join)?;
    let id = incident_id.trim();
    crate::team::close(&app, id);
    crate::team::open(&app, &desk, id)?;
    Ok(saved)
}

#[tauri::command]
pub async fn stop_sharing(
    app: AppHandle,
    launch: State<'_, Launch>,
    incident_id: String,
) -> Result<TeamSettings, Error> {
    let saved = launch.desk()?.stop_sharing(&incident_id)?;
    crate::team::close(&app, &incident_id);
    Ok(saved)
}

#[tauri::command]
pub async fn team_status(app: AppHandle, incident_id: String) -> Result<TeamStatus, Error> {
    Ok(crate::team::status(&app, &incident_id))
}

#[tauri::command]
pub async fn set_team_editing(
    app: AppHandle,
    incident_id: String,
    audience: Option<Audience>,
) -> Result<(), Error> {
    crate::team::set_editing(&app, &incident_id, audience);
    Ok(())
}

/// Takes a teammate out of a shared incident: their Herald stops sharing
/// when it reads this, and they are no longer shown here.
#[tauri::command]
pub async fn remove_teammate(
    app: AppHandle,
    incident_id: String,
    person: String,
) -> Result<TeamStatus, Error> {
    crate::team::remove(&app, &incident_id, &person)?;
    Ok(crate::team::status(&app, &incident_id))
}
