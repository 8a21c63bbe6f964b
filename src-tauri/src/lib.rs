//! The desktop shell: plugins, state, and the command list. Everything Herald
//! does lives in the desk crate; this crate only wires it to a window.

mod background;
mod commands;
mod data_dir;
mod drills;
mod events;
mod logging;
mod relay;
mod team;
mod tray;
mod watch;
mod webview;

use std::sync::Arc;

use herald_desk::{Launch, SystemClock};
use tauri::Manager;

/// The database file inside Herald's data directory.
const DATABASE_FILE: &str = "herald.sqlite";

pub fn run() {
    let builder = tauri::Builder::default();
    // Registered first, so a second launch on the same data directory hands over
    // to the running window before anything else starts.
    #[cfg(target_os = "linux")]
    let builder = builder.plugin(
        tauri_plugin_single_instance::Builder::new()
            .dbus_id(data_dir::instance_id())
            .callback(|app, _argv, _cwd| focus_main_window(app))
            .build(),
    );
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
        focus_main_window(app)
    }));
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .app_name("Herald")
                .args([background::MINIMIZED])
                .build(),
        )
        // Closing the main window hides it: Herald exists to raise the next
        // alert, so only Quit (tray, Ctrl Q) ends it.
        .on_window_event(|window, event| {
            if window.label() == "main"
                && let tauri::WindowEvent::CloseRequested { api, .. } = event
            {
                api.prevent_close();
                let _ = window.hide();
                background::closed(window.app_handle());
            }
        })
        .setup(|app| {
            logging::start(app.handle());
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window);
            }
            background::start_minimized_if_asked(app.handle());
            std::thread::spawn(herald_core::guardrails::warm_up);
            let dir = data_dir::resolve(app.handle())?;
            tracing::info!(
                version = %app.package_info().version,
                data_dir = %dir.display(),
                "Herald started"
            );
            app.manage(Launch::open(
                &dir.join(DATABASE_FILE),
                Arc::new(SystemClock),
            ));
            app.manage(watch::Watching::default());
            app.manage(relay::Relaying::default());
            app.manage(team::Teams::default());
            watch::start(app.handle());
            relay::start(app.handle());
            team::start(app.handle());
            tray::start(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup::startup_status,
            commands::startup::move_database_aside,
            commands::startup::retry_database,
            commands::diagnostics::copy_diagnostics,
            commands::window::autostart,
            commands::window::set_autostart,
            commands::incidents::board,
            commands::incidents::incident,
            commands::incidents::declare_incident,
            commands::incidents::change_incident,
            commands::settings::severity_matrix,
            commands::settings::default_severity_matrix,
            commands::settings::save_severity_matrix,
            commands::links::open_link,
            commands::window::quit,
            commands::window::toggle_countdown_window,
            commands::window::show_incident,
            commands::cadence::log_update,
            commands::cadence::snooze,
            commands::drafts::sync,
            commands::drafts::save_draft,
            commands::drafts::preview_draft,
            commands::drafts::use_template,
            commands::drafts::review_draft,
            commands::drafts::publish,
            commands::drafts::confirm_metrics,
            commands::drafts::override_resolution_gate,
            commands::drafts::copy_update,
            commands::messages::message_settings,
            commands::messages::default_message_settings,
            commands::messages::save_message_settings,
            commands::messages::preview_template,
            commands::handoff::handoff,
            commands::handoff::copy_handoff,
            commands::handoff::take_over,
            commands::handoff::add_constraint,
            commands::handoff::change_constraint,
            commands::handoff::add_ask,
            commands::handoff::change_ask,
            commands::postmortem::add_note,
            commands::postmortem::correct_note,
            commands::obligations::obligation_presets,
            commands::obligations::save_obligation_presets,
            commands::obligations::add_obligation,
            commands::obligations::edit_obligation,
            commands::obligations::decide_obligation,
            commands::postmortem::timeline_page,
            commands::postmortem::export_postmortem,
            commands::postmortem::copy_postmortem,
            commands::channels::channels,
            commands::channels::save_channel,
            commands::channels::delete_channel,
            commands::channels::test_channel,
            commands::channels::channel_reach,
            commands::corrections::correct_update,
            commands::channels::relay_settings,
            commands::channels::save_relay_settings,
            commands::channels::resend_delivery,
            commands::channels::discard_delivery,
            commands::drills::drill_scenarios,
            commands::drills::start_drill,
            commands::drills::start_drill_from_file,
            commands::drills::drill,
            commands::drills::set_drill_speed,
            commands::drills::end_drill,
            commands::drills::practice,
            commands::drills::copy_score,
            commands::drills::delete_drill_data,
            commands::drills::copy_drill_handoff,
            commands::team::team_settings,
            commands::team::save_team_settings,
            commands::team::share_incident,
            commands::team::stop_sharing,
            commands::team::team_status,
            commands::team::set_team_editing,
            commands::team::remove_teammate,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| panic!("Herald could not start its window: {e}"));
}

pub(crate) fn focus_main_window(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        // Best effort: a window manager may refuse focus, and there is nothing
        // better to do about it than leave the window where it is.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
