//! Where Herald keeps its database: the OS's app data directory, or the folder
//! named by `HERALD_DATA_DIR` (tests, and leads who want it elsewhere).

use std::path::PathBuf;

use tauri::Manager;

pub const OVERRIDE_VAR: &str = "HERALD_DATA_DIR";

pub fn resolve(app: &tauri::AppHandle) -> tauri::Result<PathBuf> {
    match std::env::var_os(OVERRIDE_VAR) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}

/// The D-Bus name that makes Herald single-instance per data directory: a second
/// launch on the same database focuses the running window, while a Herald on
/// another data directory (a second lead's, in tests) runs beside it.
#[cfg(target_os = "linux")]
pub fn instance_id() -> String {
    match std::env::var_os(OVERRIDE_VAR) {
        Some(dir) if !dir.is_empty() => herald_desk::instance_id(std::path::Path::new(&dir)),
        // The OS's own directory: one per user, whatever its spelling.
        _ => herald_desk::instance_id(std::path::Path::new("")),
    }
}
