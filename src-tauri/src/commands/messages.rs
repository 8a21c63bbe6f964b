//! Settings for how messages are written and checked.

use herald_desk::{Error, Launch, MessageSettings};
use tauri::State;

#[tauri::command]
pub async fn message_settings(launch: State<'_, Launch>) -> Result<MessageSettings, Error> {
    launch.desk()?.message_settings()
}

#[tauri::command]
pub async fn default_message_settings() -> Result<MessageSettings, Error> {
    Ok(MessageSettings::defaults())
}

#[tauri::command]
pub async fn save_message_settings(
    launch: State<'_, Launch>,
    settings: MessageSettings,
) -> Result<MessageSettings, Error> {
    launch.desk()?.save_message_settings(settings)
}

#[tauri::command]
pub async fn preview_template(launch: State<'_, Launch>, body: String) -> Result<String, Error> {
    launch.desk()?.preview_template(&body)
}
