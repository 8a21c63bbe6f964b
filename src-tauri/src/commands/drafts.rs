//! The audience tabs: IC sync, drafts, review, publish, the resolution gate,
//! and copying a published update to the clipboard.

use herald_core::{Audience, SyncFacts, TemplateKind};
use herald_desk::{DraftView, Error, ErrorCode, IncidentView, Launch, PublishRequest};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use super::on_desk;

#[tauri::command]
pub async fn sync(
    launch: State<'_, Launch>,
    id: String,
    facts: SyncFacts,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.sync(id, facts)).await
}

#[tauri::command]
pub async fn save_draft(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    body: String,
) -> Result<DraftView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.save_draft(id, audience, body)
    })
    .await
}

#[tauri::command]
pub async fn preview_draft(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    kind: TemplateKind,
) -> Result<String, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.preview_draft(id, audience, kind)
    })
    .await
}

#[tauri::command]
pub async fn use_template(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    kind: TemplateKind,
) -> Result<DraftView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.use_template(id, audience, kind)
    })
    .await
}

#[tauri::command]
pub async fn review_draft(
    launch: State<'_, Launch>,
    id: String,
    audience: Audience,
    revision: u32,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.review_draft(id, audience, revision)
    })
    .await
}

#[tauri::command]
pub async fn publish(
    launch: State<'_, Launch>,
    id: String,
    request: PublishRequest,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.publish(id, request)).await
}

#[tauri::command]
pub async fn confirm_metrics(launch: State<'_, Launch>, id: String) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.confirm_metrics(id)).await
}

#[tauri::command]
pub async fn override_resolution_gate(
    launch: State<'_, Launch>,
    id: String,
    reason: String,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.override_resolution_gate(id, &reason)
    })
    .await
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
    let text = on_desk(&launch, &id, move |desk, id| {
        desk.update_text(id, &update_id)
    })
    .await?;
    app.clipboard().write_text(text).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("Herald could not reach the clipboard: {e}"),
        )
    })
}
