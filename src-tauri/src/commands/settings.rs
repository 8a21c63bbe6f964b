//! The severity matrix in Settings.

use herald_core::SeverityMatrix;
use herald_desk::{Error, Launch};
use tauri::State;

#[tauri::command]
pub async fn severity_matrix(launch: State<'_, Launch>) -> Result<SeverityMatrix, Error> {
    launch.desk()?.severity_matrix()
}

/// The shipped defaults, for "Restore defaults"; nothing is saved until the lead saves.
#[tauri::command]
pub fn default_severity_matrix() -> SeverityMatrix {
    SeverityMatrix::default()
}

#[tauri::command]
pub async fn save_severity_matrix(
    launch: State<'_, Launch>,
    matrix: SeverityMatrix,
) -> Result<SeverityMatrix, Error> {
    launch.desk()?.save_severity_matrix(matrix)
}
