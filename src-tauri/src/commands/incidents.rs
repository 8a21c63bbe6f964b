//! Declaring, listing and changing incidents.

use herald_core::{IncidentChange, NewIncident};
use herald_desk::{Board, Error, IncidentView, Launch};
use tauri::State;

#[tauri::command]
pub async fn board(launch: State<'_, Launch>) -> Result<Board, Error> {
    launch.board()
}

#[tauri::command]
pub async fn incident(launch: State<'_, Launch>, id: String) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.incident(&id)
}

#[tauri::command]
pub async fn declare_incident(
    launch: State<'_, Launch>,
    input: NewIncident,
) -> Result<IncidentView, Error> {
    launch.desk()?.declare_incident(input)
}

#[tauri::command]
pub async fn change_incident(
    launch: State<'_, Launch>,
    id: String,
    change: IncidentChange,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.change_incident(&id, change)
}
