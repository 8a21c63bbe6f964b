//! Notes, timeline pages, and the postmortem export: a native save dialog,
//! then the Markdown with its chart, the JSON record and the CSV timeline
//! written side by side; or the Markdown on the clipboard.

use std::path::{Path, PathBuf};

use herald_core::TimelineEvent;
use herald_desk::{Error, ErrorCode, IncidentView, Launch, NoteRequest, PostmortemFiles};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;

use super::{off_the_workers, on_desk};

#[tauri::command]
pub async fn add_note(
    launch: State<'_, Launch>,
    id: String,
    request: NoteRequest,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| desk.add_note(id, request)).await
}

#[tauri::command]
pub async fn correct_note(
    launch: State<'_, Launch>,
    id: String,
    note_id: String,
    text: String,
) -> Result<IncidentView, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.correct_note(id, &note_id, &text)
    })
    .await
}

#[tauri::command]
pub async fn timeline_page(
    launch: State<'_, Launch>,
    id: String,
    before: Option<String>,
    limit: u32,
) -> Result<Vec<TimelineEvent>, Error> {
    on_desk(&launch, &id, move |desk, id| {
        desk.timeline_page(id, before.as_deref(), limit)
    })
    .await
}

/// Asks where to save, then writes the four files. Resolves to the Markdown's
/// path, or `None` when the lead cancels.
#[tauri::command]
pub async fn export_postmortem(
    app: AppHandle,
    launch: State<'_, Launch>,
    id: String,
) -> Result<Option<String>, Error> {
    let desk = launch.desk_for(&id)?;
    let suggested = desk.postmortem(&id)?.stem;
    let dialog = app
        .dialog()
        .file()
        .set_title("Export the comms postmortem")
        .set_file_name(format!("{suggested}.md"))
        .add_filter("Markdown", &["md"]);
    // The dialog stays open while the lead chooses: off the workers.
    let Some(chosen) = off_the_workers(move || Ok(dialog.blocking_save_file())).await? else {
        return Ok(None);
    };
    let chosen = chosen.into_path().map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("That is not a file on this computer: {e}"),
        )
    })?;
    // "review", "review.md" and a doubled "review.md.md" all mean review.md.
    let name = chosen
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = name.as_str();
    while let Some(shorter) = stem
        .strip_suffix(".md")
        .or_else(|| stem.strip_suffix(".MD"))
    {
        stem = shorter;
    }
    let stem = if stem.is_empty() {
        suggested
    } else {
        stem.to_owned()
    };
    let markdown = chosen.with_file_name(format!("{stem}.md"));
    let files = desk.postmortem_named(&id, Some(&stem))?;
    write_all(&markdown, &files)?;
    Ok(Some(markdown.display().to_string()))
}

fn write_all(markdown: &Path, files: &PostmortemFiles) -> Result<(), Error> {
    let dir = markdown
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let outputs = [
        (markdown.to_path_buf(), &files.markdown),
        (dir.join(format!("{}-cadence.svg", files.stem)), &files.svg),
        (dir.join(format!("{}.json", files.stem)), &files.json),
        (dir.join(format!("{}-timeline.csv", files.stem)), &files.csv),
    ];
    for (path, text) in outputs {
        std::fs::write(&path, text).map_err(|e| {
            Error::new(
                ErrorCode::Storage,
                format!("Herald could not write {}: {e}", path.display()),
            )
        })?;
    }
    Ok(())
}

#[tauri::command]
pub async fn copy_postmortem(
    app: AppHandle,
    launch: State<'_, Launch>,
    id: String,
) -> Result<(), Error> {
    let files = on_desk(&launch, &id, move |desk, id| desk.postmortem(id)).await?;
    app.clipboard().write_text(files.markdown).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("Herald could not reach the clipboard: {e}"),
        )
    })
}
