//! "Correct this update" on an update that went out.

use herald_core::CorrectionRequest;
use herald_desk::{Error, IncidentView, Launch};
use tauri::State;

use super::on_desk;

#[tauri::command]
pub async fn correct_update(
    launch: State<'_, Launch>,
    id: String,
    request: CorrectionRequest,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.correct_update(id, request)
    })
    .await
}
