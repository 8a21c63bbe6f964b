//! Keeping the cadence: logging an update posted elsewhere, snoozing a deadline.

use herald_core::{LoggedUpdate, SnoozeRequest};
use herald_desk::{Error, IncidentView, Launch};
use tauri::State;

use super::on_desk;

#[tauri::command]
pub async fn log_update(
    launch: State<'_, Launch>,
    id: String,
    update: LoggedUpdate,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.log_update(id, update)).await
}

#[tauri::command]
pub async fn snooze(
    launch: State<'_, Launch>,
    id: String,
    request: SnoozeRequest,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.snooze(id, request)).await
}
