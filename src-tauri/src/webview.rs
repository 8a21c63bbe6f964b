//! How WebKitGTK draws Herald's pages on Linux. Herald's pages are text and
//! forms: nothing on them needs the GPU. WebKit's default, accelerated
//! compositing, renders through OpenGL, and where there is no GPU driver
//! (virtual machines, remote desktops, software rendering) that costs about a
//! second before the first frame, ~80 MiB in the web process, and a steady
//! trickle of wake-ups while a countdown is on screen. Measured with
//! `.dev/side_by_side.py`; the e2e suite checks every page in this mode.

use tauri::WebviewWindow;

/// Draws the window's page without accelerated compositing, and keeps only
/// the small caches a single-document app needs.
pub fn tune(window: &WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        let result = window.with_webview(|webview| {
            use webkit2gtk::{
                CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
            };
            let view = webview.inner();
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                // One page that never navigates away: nothing to keep for "back".
                settings.set_enable_page_cache(false);
            }
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(why) = result {
            tracing::warn!(problem = %why, "could not tune the webview");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
