//! What happens when the lead closes the main window: it is hidden, not
//! destroyed, and the first time Herald says so with a desktop notification
//! (off the main thread: notify-rust's `show` blocks on D-Bus).

use herald_desk::Launch;
use tauri::{AppHandle, Manager};

/// The argument the login item starts Herald with: straight to the tray.
pub const MINIMIZED: &str = "--minimized";

/// Started at login: keep the window hidden; the tray and alerts are up.
pub fn start_minimized_if_asked(app: &AppHandle) {
    if std::env::args().any(|a| a == MINIMIZED)
        && let Some(window) = app.get_webview_window("main")
    {
        let _ = window.hide();
    }
}

pub fn closed(app: &AppHandle) {
    let Ok(desk) = app.state::<Launch>().desk() else {
        return;
    };
    if desk.take_background_note() {
        std::thread::spawn(|| {
            // Without a notification server the tray still shows Herald.
            let _ = herald_notify::notify_still_running();
        });
    }
}
