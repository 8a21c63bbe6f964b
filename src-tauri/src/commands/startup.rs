//! The start-up check and the recovery screen's one action.

use herald_desk::{Error, Launch, StartupProblem};
use tauri::State;

#[tauri::command]
pub fn startup_status(launch: State<'_, Launch>) -> Option<StartupProblem> {
    launch.problem()
}

/// Moves the broken database aside and starts fresh; returns where the old file went.
#[tauri::command]
pub async fn move_database_aside(
    app: tauri::AppHandle,
    launch: State<'_, Launch>,
) -> Result<String, Error> {
    let moved = launch.start_fresh()?;
    crate::watch::start(&app);
    crate::relay::start(&app);
    Ok(moved.display().to_string())
}
