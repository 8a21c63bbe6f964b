//! The audience tabs: IC sync, drafts, review, publish, the resolution gate,
//! and copying a published update to the clipboard.

use herald_core::{Audience, SyncFacts, TemplateKind};
use herald_desk::{DraftView, Error, ErrorCode, IncidentView, Launch, PublishRequest};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

#[tauri::command]
pub async fn sync(
    launch: State<'_, Launch>,
    id: String,
    facts: SyncFacts,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.sync(&id, facts)
}

#[tauri::command]
pub async fn save_draft(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    body: String,
) -> Result<DraftView, Error> {
    launch.desk_for(&id)?.save_draft(&id, audience, body)
}

#[tauri::command]
pub async fn preview_draft(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    kind: TemplateKind,
) -> Result<String, Error> {
    launch.desk_for(&id)?.preview_draft(&id, audience, kind)
}

#[tauri::command]
pub async fn use_template(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    kind: TemplateKind,
) -> Result<DraftView, Error> {
    launch.desk_for(&id)?.use_template(&id, audience, kind)
}

#[tauri::command]
pub async fn review_draft(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    revision: u32,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.review_draft(&id, audience, revision)
}

#[tauri::command]
pub async fn publish(
    launch: State<'_, Launch>,
    id: String,
    request: PublishRequest,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.publish(&id, request)
}

#[tauri::command]
pub async fn confirm_metrics(launch: State<'_, Launch>, id: String) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.confirm_metrics(&id)
}

#[tauri::command]
pub async fn override_resolution_gate(
    launch: State<'_, Launch>,
    id: String,
    reason: String,
) -> Result<IncidentView, Error> {
    launch.desk_for(&id)?.override_resolution_gate(&id, &reason)
}

/// Puts a published update's exact text on the system clipboard, to post by
/// hand where Herald has no channel.
#[tauri::command]
pub async fn copy_update(
    app: AppHandle,
    launch: State<'_, Launch>,
    id: String,
    update_id: String,
) -> Result<(), Error> {
    let text = launch.desk_for(&id)?.update_text(&id, &update_id)?;
    app.clipboard().write_text(text).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("Herald could not reach the clipboard: {e}"),
        )
    })
}
