//! The window's own actions.

/// Quits Herald the graceful way (Ctrl+Q), so plugins finish their work: the
/// window's size and position are saved on exit.
#[tauri::command]
pub fn quit(app: tauri::AppHandle) {
    app.exit(0);
}
