//! "Copy diagnostics": what a lead sends when something went wrong on their
//! laptop. No secret is in it: channels are not listed, and the log lines are
//! the redacted ones.

use herald_desk::{Error, ErrorCode, Launch};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

/// Builds the diagnostics text, copies it to the clipboard, and returns it.
#[tauri::command]
pub async fn copy_diagnostics(app: AppHandle, launch: State<'_, Launch>) -> Result<String, Error> {
    let text = diagnostics(&app, &launch);
    app.clipboard().write_text(text.clone()).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("Herald could not reach the clipboard: {e}"),
        )
    })?;
    Ok(text)
}

fn diagnostics(app: &AppHandle, launch: &Launch) -> String {
    let package = app.package_info();
    let mut out = vec![
        format!("Herald {} ({})", package.version, app.config().identifier),
        format!(
            "OS: {} {} ({})",
            std::env::consts::OS,
            std::env::consts::ARCH,
            os_name()
        ),
        format!(
            "WebKit: {}",
            tauri::webview_version().unwrap_or_else(|e| format!("unknown ({e})"))
        ),
    ];
    match launch.desk() {
        Ok(desk) => {
            out.push(format!(
                "Data directory: {}",
                desk.database_path().display()
            ));
            out.push(format!(
                "Database schema: {}",
                desk.schema_version()
                    .map(|v| format!("v{v}"))
                    .unwrap_or_else(|e| format!("unreadable ({})", e.message))
            ));
        }
        Err(e) => out.push(format!("Database: not open ({})", e.message)),
    }
    out.push(format!(
        "Notification server: {}",
        herald_notify::server_description()
    ));
    out.push(format!("Tray host: {}", herald_notify::tray_host()));
    let log_dir = crate::logging::dir(app);
    out.push(format!("Log directory: {}", log_dir.display()));
    out.push(String::new());
    out.push("Last 200 log lines:".into());
    out.extend(crate::logging::tail(&log_dir, 200));
    out.join("\n")
}

fn os_name() -> String {
    std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}
