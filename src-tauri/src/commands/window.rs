//! The windows' own actions.

use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_autostart::ManagerExt;

use crate::events;

/// The compact countdown window's label; `capabilities/countdown.json` grants it
/// only what it shows.
pub const COUNTDOWN: &str = "countdown";

/// Quits Herald the graceful way (Ctrl+Q), so plugins finish their work: the
/// window's size and position are saved on exit.
#[tauri::command]
pub fn quit(app: AppHandle) {
    app.exit(0);
}

/// Opens the compact always-on-top countdown, or closes it if it is open.
/// Returns whether it is open now.
#[tauri::command]
pub fn toggle_countdown_window(app: AppHandle) -> Result<bool, String> {
    toggle_countdown(&app)
}

pub fn toggle_countdown(app: &AppHandle) -> Result<bool, String> {
    if let Some(window) = app.get_webview_window(COUNTDOWN) {
        window.close().map_err(|e| e.to_string())?;
        return Ok(false);
    }
    let window = WebviewWindowBuilder::new(
        app,
        COUNTDOWN,
        WebviewUrl::App("index.html#countdown".into()),
    )
    .title("Herald countdown")
    .inner_size(340.0, 220.0)
    .min_inner_size(240.0, 120.0)
    .always_on_top(true)
    .skip_taskbar(true)
    .build()
    .map_err(|e| format!("Could not open the countdown window: {e}"))?;
    crate::webview::tune(&window);
    Ok(true)
}

/// Whether Herald starts at login (minimised to the tray).
#[tauri::command]
pub fn autostart(app: AppHandle) -> Result<bool, herald_desk::Error> {
    app.autolaunch().is_enabled().map_err(login_item_error)
}

/// Turns starting at login on or off; returns the state now.
#[tauri::command]
pub fn set_autostart(app: AppHandle, enabled: bool) -> Result<bool, herald_desk::Error> {
    let login = app.autolaunch();
    let changed = if enabled {
        login.enable()
    } else {
        login.disable()
    };
    changed.map_err(login_item_error)?;
    login.is_enabled().map_err(login_item_error)
}

fn login_item_error(e: impl std::fmt::Display) -> herald_desk::Error {
    herald_desk::Error::new(
        herald_desk::ErrorCode::Internal,
        format!("Herald could not change its login item: {e}"),
    )
}

/// Brings the main window forward on an incident (from the countdown window).
#[tauri::command]
pub fn show_incident(app: AppHandle, id: String) {
    crate::focus_main_window(&app);
    let _ = app.emit_to("main", events::OPEN_INCIDENT, id);
}
