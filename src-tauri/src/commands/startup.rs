//! The start-up check and the recovery screen's actions: try again, or move aside.

use herald_desk::{Error, Launch, StartupProblem};
use tauri::State;

#[tauri::command]
pub fn startup_status(launch: State<'_, Launch>) -> Option<StartupProblem> {
    launch.problem()
}

/// Tries to open the database again (a lock released, a permission fixed).
#[tauri::command]
pub async fn retry_database(app: tauri::AppHandle, launch: State<'_, Launch>) -> Result<(), Error> {
    launch.retry()?;
    crate::watch::start(&app);
    crate::relay::start(&app);
    crate::team::start(&app);
    Ok(())
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
    crate::team::start(&app);
    Ok(moved.display().to_string())
}
