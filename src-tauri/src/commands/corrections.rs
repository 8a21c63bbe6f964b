//! "Correct this update" on an update that went out.

use herald_core::CorrectionRequest;
use herald_desk::{Error, IncidentView, Launch};
use tauri::State;

#[tauri::command]
pub async fn correct_update(
    launch: State<'_, Launch>,
    id: String,
    request: CorrectionRequest,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.correct_update(&id, request)
}
