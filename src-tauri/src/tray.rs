//! The system-tray icon: the most urgent deadline in its tooltip (and, on
//! Linux, in the label beside the icon), the next few
//! in its menu (each opens its incident), Show and Quit. Refreshed every 20
//! seconds and whenever an alert is raised.

use std::sync::Mutex;
use std::time::Duration;

use herald_desk::{Launch, TraySummary};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Wry};

use crate::events;

const TRAY_ID: &str = "herald";
const SHOW: &str = "show";
const COUNTDOWN: &str = "countdown";
const QUIT: &str = "quit";
const OPEN_PREFIX: &str = "open:";
const REFRESH_EVERY: Duration = Duration::from_secs(20);

/// What the tray shows now. Each change of tooltip, label or menu is a round
/// trip to the main thread and a D-Bus exchange with the panel, so a refresh
/// that would show the same text does nothing: an idle Herald stays idle.
#[derive(Debug, Default)]
struct Shown(Mutex<Option<TraySummary>>);

/// Creates the tray icon and its refresh loop. A desktop without a tray (no
/// StatusNotifier host) is not an error: Herald works without it.
pub fn start(app: &AppHandle) {
    let Some(icon) = app.default_window_icon().cloned() else {
        return;
    };
    let built = TrayIconBuilder::with_id(TRAY_ID)
        .icon(icon)
        .tooltip("Herald")
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| {
            let id = event.id().as_ref();
            if id == QUIT {
                app.exit(0);
            } else if id == SHOW {
                crate::focus_main_window(app);
            } else if id == COUNTDOWN {
                let _ = crate::commands::window::toggle_countdown(app);
            } else if let Some(incident) = id.strip_prefix(OPEN_PREFIX) {
                crate::focus_main_window(app);
                let _ = app.emit(events::OPEN_INCIDENT, incident);
            }
        })
        .build(app);
    if built.is_err() {
        return;
    }
    app.manage(Shown::default());
    refresh(app);
    let app = app.clone();
    let _ = std::thread::Builder::new()
        .name("tray-refresh".into())
        .spawn(move || {
            loop {
                std::thread::sleep(REFRESH_EVERY);
                refresh(&app);
            }
        });
}

/// Rebuilds the tooltip and menu from the current deadlines.
pub fn refresh(app: &AppHandle) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let summary = app
        .state::<Launch>()
        .tray_summary()
        .unwrap_or_else(|e| TraySummary {
            tooltip: format!("Herald — {}", e.message),
            items: Vec::new(),
        });
    // Managed just after the icon is built; a refresh in between just shows.
    if let Some(shown) = app.try_state::<Shown>() {
        let mut shown = shown.0.lock().unwrap_or_else(|p| p.into_inner());
        if shown.as_ref() == Some(&summary) {
            return;
        }
        *shown = Some(summary.clone());
    }
    let _ = tray.set_tooltip(Some(&summary.tooltip));
    // Linux trays (AppIndicator) show no tooltip; the title is the label
    // beside the icon, so the most urgent deadline goes there.
    let label = summary.items.first().map(|(_, label)| label.as_str());
    let _ = tray.set_title(label);
    if let Ok(menu) = menu(app, &summary) {
        let _ = tray.set_menu(Some(menu));
    }
}

fn menu(app: &AppHandle, summary: &TraySummary) -> tauri::Result<Menu<Wry>> {
    let menu = Menu::new(app)?;
    for (incident, label) in &summary.items {
        let id = format!("{OPEN_PREFIX}{incident}");
        menu.append(&MenuItem::with_id(app, id, label, true, None::<&str>)?)?;
    }
    if summary.items.is_empty() {
        menu.append(&MenuItem::with_id(
            app,
            "none",
            "No updates scheduled",
            false,
            None::<&str>,
        )?)?;
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    for (id, label) in [
        (SHOW, "Show Herald"),
        (COUNTDOWN, "Countdown window"),
        (QUIT, "Quit Herald"),
    ] {
        menu.append(&MenuItem::with_id(app, id, label, true, None::<&str>)?)?;
    }
    Ok(menu)
}
