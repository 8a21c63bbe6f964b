//! Drills: pick a scenario (shipped, or a file: a scenario or an exported
//! incident to replay), run it on the simulated clock, end it, and the
//! practice log with its score cards.

use herald_core::drill::{Scenario, from_export, parse, shipped};
use herald_desk::{
    DrillView, Error, ErrorCode, KeptScore, Launch, Practice, ScenarioSummary, Speed,
    shipped_scenarios,
};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;

use super::off_the_workers;

#[tauri::command]
pub async fn drill_scenarios() -> Result<Vec<ScenarioSummary>, Error> {
    shipped_scenarios()
}

fn begin(
    app: &AppHandle,
    launch: &Launch,
    scenario: Scenario,
    person: &str,
    speed: Speed,
) -> Result<DrillView, Error> {
    let drill = launch.start_drill(scenario, person, speed)?;
    crate::drills::run(app, drill.clone());
    Ok(drill.view())
}

#[tauri::command]
pub async fn start_drill(
    app: AppHandle,
    launch: State<'_, Launch>,
    scenario: String,
    person: String,
    speed: Speed,
) -> Result<DrillView, Error> {
    let scenario = shipped(&scenario)
        .ok_or_else(|| Error::not_found("That drill scenario"))?
        .map_err(|e| Error::new(ErrorCode::Internal, e.to_string()))?;
    begin(&app, &launch, scenario, &person, speed)
}

/// Asks for a scenario file (`.toml`) or an incident Herald exported
/// (`.json`, replayed), reads it, and starts it. `None` when the lead cancels.
#[tauri::command]
pub async fn start_drill_from_file(
    app: AppHandle,
    launch: State<'_, Launch>,
    person: String,
    speed: Speed,
) -> Result<Option<DrillView>, Error> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Open a drill scenario or an exported incident")
        .add_filter("Scenario or exported incident", &["toml", "json"]);
    // The dialog stays open while the lead looks for the file: off the workers.
    let Some(chosen) = off_the_workers(move || Ok(dialog.blocking_pick_file())).await? else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("That is not a file on this computer: {e}"),
        )
    })?;
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Error::new(
            ErrorCode::InvalidInput,
            format!("Could not read {}: {e}", path.display()),
        )
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = if name.ends_with(".json") {
        from_export(&text)
    } else {
        parse(&text)
    };
    let scenario = read.map_err(|e| Error::new(ErrorCode::InvalidInput, format!("{name}, {e}")))?;
    begin(&app, &launch, scenario, &person, speed).map(Some)
}

#[tauri::command]
pub async fn drill(launch: State<'_, Launch>) -> Result<Option<DrillView>, Error> {
    Ok(launch.drill().map(|d| d.view()))
}

#[tauri::command]
pub async fn set_drill_speed(
    launch: State<'_, Launch>,
    speed: Speed,
) -> Result<Option<DrillView>, Error> {
    Ok(launch.drill().map(|d| {
        d.set_speed(speed);
        d.view()
    }))
}

/// Ends the drill now and keeps its score card.
#[tauri::command]
pub async fn end_drill(launch: State<'_, Launch>) -> Result<Option<KeptScore>, Error> {
    launch.end_drill()
}

#[tauri::command]
pub async fn practice(launch: State<'_, Launch>) -> Result<Practice, Error> {
    launch.desk()?.practice()
}

/// Puts one score card on the clipboard as Markdown, and returns it.
#[tauri::command]
pub async fn copy_score(
    app: AppHandle,
    launch: State<'_, Launch>,
    id: String,
) -> Result<String, Error> {
    let markdown = launch.desk()?.score_markdown(&id)?;
    app.clipboard()
        .write_text(markdown.clone())
        .map_err(|e| Error::new(ErrorCode::Internal, format!("Could not copy: {e}")))?;
    Ok(markdown)
}

#[tauri::command]
pub async fn delete_drill_data(launch: State<'_, Launch>) -> Result<(), Error> {
    launch.delete_drill_data()
}

/// Puts the handoff the scenario's outgoing lead wrote on the clipboard, for
/// the lead to paste into "Take over".
#[tauri::command]
pub async fn copy_drill_handoff(app: AppHandle, launch: State<'_, Launch>) -> Result<(), Error> {
    let text = launch
        .drill()
        .and_then(|d| d.view().handoff_to_take)
        .ok_or_else(|| Error::not_found("A handoff to take over"))?;
    app.clipboard()
        .write_text(text)
        .map_err(|e| Error::new(ErrorCode::Internal, format!("Could not copy: {e}")))
}
