//! What happens when the lead closes the main window: it is hidden, not
//! destroyed, and the first time Herald says so with a desktop notification
//! (off the main thread: notify-rust's `show` blocks on D-Bus).

use herald_desk::Launch;
use tauri::{AppHandle, Manager};

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
