//! Obligation clocks: the presets in Settings, and adding, editing and
//! deciding one on an incident.

use herald_core::{ObligationDecision, ObligationInput, ObligationPreset};
use herald_desk::{Error, IncidentView, Launch};
use tauri::State;

use super::on_desk;

#[tauri::command]
pub async fn obligation_presets(launch: State<'_, Launch>) -> Result<Vec<ObligationPreset>, Error> {
    launch.desk()?.obligation_presets()
}

#[tauri::command]
pub async fn save_obligation_presets(
    launch: State<'_, Launch>,
    presets: Vec<ObligationPreset>,
) -> Result<Vec<ObligationPreset>, Error> {
    launch.desk()?.save_obligation_presets(presets)
}

#[tauri::command]
pub async fn add_obligation(
    launch: State<'_, Launch>,
    id: String,
    input: ObligationInput,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.add_obligation(id, input)).await
}

#[tauri::command]
pub async fn edit_obligation(
    launch: State<'_, Launch>,
    id: String,
    obligation_id: String,
    input: ObligationInput,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.edit_obligation(id, &obligation_id, input)
    })
    .await
}

#[tauri::command]
pub async fn decide_obligation(
    launch: State<'_, Launch>,
    id: String,
    obligation_id: String,
    decision: ObligationDecision,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.decide_obligation(id, &obligation_id, decision)
    })
    .await
}
