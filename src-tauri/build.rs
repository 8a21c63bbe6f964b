//! Declares Herald's commands to Tauri's permission system, so the window may
//! call only the commands its capability file lists.

const COMMANDS: &[&str] = &[
    "startup_status",
    "move_database_aside",
    "board",
    "incident",
    "declare_incident",
    "change_incident",
    "severity_matrix",
    "default_severity_matrix",
    "save_severity_matrix",
    "open_link",
    "quit",
    "log_update",
    "snooze",
    "toggle_countdown_window",
    "show_incident",
    "sync",
    "save_draft",
    "preview_draft",
    "use_template",
    "review_draft",
    "publish",
    "confirm_metrics",
    "override_resolution_gate",
    "copy_update",
    "channels",
    "save_channel",
    "delete_channel",
    "test_channel",
    "relay_settings",
    "save_relay_settings",
    "resend_delivery",
    "discard_delivery",
    "message_settings",
    "default_message_settings",
    "save_message_settings",
    "preview_template",
    "handoff",
    "copy_handoff",
    "take_over",
    "add_constraint",
    "change_constraint",
    "add_ask",
    "change_ask",
    "add_note",
    "correct_note",
    "timeline_page",
    "export_postmortem",
    "copy_postmortem",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|e| panic!("tauri build script failed: {e:#}"));
}
