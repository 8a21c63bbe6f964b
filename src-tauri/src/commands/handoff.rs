//! Handing over and taking over, and the notes that travel with a handoff.

use herald_core::handoff::{AskState, HandoffFormat, NoteInput};
use herald_desk::{Error, ErrorCode, HandoffText, IncidentView, Launch, TakeOver};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use super::on_desk;

#[tauri::command]
pub async fn handoff(
    launch: State<'_, Launch>,
    id: String,
    format: Option<HandoffFormat>,
    to: String,
) -> Result<HandoffText, Error> {
    on_desk(&launch, &id, move |desk, id| desk.handoff(id, format, &to)).await
}

/// Records the handoff and puts it on the system clipboard.
#[tauri::command]
pub async fn copy_handoff(
    app: AppHandle,
    launch: State<'_, Launch>,
    id: String,
    format: HandoffFormat,
    to: String,
) -> Result<HandoffText, Error> {
    let copied = on_desk(&launch, &id, move |desk, id| {
        desk.copy_handoff(id, format, &to)
    })
    .await?;
    app.clipboard()
        .write_text(copied.text.clone())
        .map_err(|e| {
            Error::new(
                ErrorCode::Internal,
                format!("Herald could not reach the clipboard: {e}"),
            )
        })?;
    Ok(copied)
}

#[tauri::command]
pub async fn take_over(
    launch: State<'_, Launch>,
    paste: String,
    lead: String,
    confirm: bool,
) -> Result<TakeOver, Error> {
    launch.take_over(&paste, &lead, confirm)
}

#[tauri::command]
pub async fn add_constraint(
    launch: State<'_, Launch>,
    id: String,
    input: NoteInput,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.add_constraint(id, input)).await
}

#[tauri::command]
pub async fn change_constraint(
    launch: State<'_, Launch>,
    id: String,
    constraint_id: String,
    input: NoteInput,
    closed: bool,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.change_constraint(id, &constraint_id, input, closed)
    })
    .await
}

#[tauri::command]
pub async fn add_ask(
    launch: State<'_, Launch>,
    id: String,
    input: NoteInput,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.add_ask(id, input)).await
}

#[tauri::command]
pub async fn change_ask(
    launch: State<'_, Launch>,
    id: String,
    ask_id: String,
    input: NoteInput,
    state: AskState,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.change_ask(id, &ask_id, input, state)
    })
    .await
}
