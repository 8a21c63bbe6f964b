//! Declaring, listing and changing incidents.

use herald_core::{IncidentChange, NewIncident};
use herald_desk::{Board, Error, IncidentView, Launch};
use tauri::State;

use super::{off_the_workers, on_desk};

#[tauri::command]
pub async fn board(launch: State<'_, Launch>) -> Result<Board, Error> {
    launch.board()
}

#[tauri::command]
pub async fn incident(launch: State<'_, Launch>, id: String) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.incident(id)).await
}

#[tauri::command]
pub async fn declare_incident(
    launch: State<'_, Launch>,
    input: NewIncident,
) -> Result<IncidentView, Error> {
    let desk = launch.desk()?;
    off_the_workers(move || desk.declare_incident(input)).await
}

#[tauri::command]
pub async fn change_incident(
    launch: State<'_, Launch>,
    id: String,
    change: IncidentChange,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.change_incident(id, change)
    })
    .await
}
