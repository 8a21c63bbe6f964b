//! Keeping the cadence: logging an update posted elsewhere, snoozing a deadline.

use herald_core::{LoggedUpdate, SnoozeRequest};
use herald_desk::{Error, IncidentView, Launch};
use tauri::State;

#[tauri::command]
pub async fn log_update(
    launch: State<'_, Launch>,
    id: String,
    update: LoggedUpdate,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.log_update(&id, update)
}

#[tauri::command]
pub async fn snooze(
    launch: State<'_, Launch>,
    id: String,
    request: SnoozeRequest,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.snooze(&id, request)
}
