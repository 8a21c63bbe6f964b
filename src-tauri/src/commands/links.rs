//! Opening an incident's link in the lead's browser.

use herald_core::incident::link_problem;
use herald_desk::{Error, ErrorCode};
use tauri_plugin_opener::OpenerExt;

/// Opens an http(s) link in the default browser. Anything else is refused, so
/// the window can never be used to launch local files or other schemes.
#[tauri::command]
pub fn open_link(app: tauri::AppHandle, url: String) -> Result<(), Error> {
    if url.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            "There is no link to open.",
        ));
    }
    if let Some(problem) = link_problem(&url) {
        return Err(Error::new(ErrorCode::InvalidInput, problem));
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("Could not open the browser: {e}"),
        )
    })
}
