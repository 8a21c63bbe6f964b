//! Settings → Channels, and the lead's decisions on undelivered updates.

use std::time::Duration;

use herald_core::relay::Reach;
use herald_desk::{ChannelInput, ChannelView, Error, Launch, RelaySettings, TestResult};
use herald_relay::Wire;
use tauri::State;

use super::off_the_workers;

#[tauri::command]
pub async fn channels(launch: State<'_, Launch>) -> Result<Vec<ChannelView>, Error> {
    launch.desk()?.channels()
}

#[tauri::command]
pub async fn save_channel(
    launch: State<'_, Launch>,
    input: ChannelInput,
) -> Result<Vec<ChannelView>, Error> {
    launch.desk()?.save_channel(input)
}

#[tauri::command]
pub async fn delete_channel(
    launch: State<'_, Launch>,
    id: String,
) -> Result<Vec<ChannelView>, Error> {
    launch.desk()?.delete_channel(&id)
}

/// Async: the test waits on the network (at most 30 s), off the main thread.
#[tauri::command]
pub async fn test_channel(launch: State<'_, Launch>, id: String) -> Result<TestResult, Error> {
    let desk = launch.desk()?;
    off_the_workers(move || desk.test_channel(&id, &Wire::default())).await
}

#[tauri::command]
pub async fn relay_settings(launch: State<'_, Launch>) -> Result<RelaySettings, Error> {
    launch.desk()?.relay_settings()
}

#[tauri::command]
pub async fn save_relay_settings(
    launch: State<'_, Launch>,
    settings: RelaySettings,
) -> Result<RelaySettings, Error> {
    launch.desk()?.save_relay_settings(settings)
}

#[tauri::command]
pub async fn resend_delivery(launch: State<'_, Launch>, id: String) -> Result<(), Error> {
    launch.desk()?.resend_delivery(&id)
}

#[tauri::command]
pub async fn discard_delivery(launch: State<'_, Launch>, id: String) -> Result<(), Error> {
    launch.desk()?.discard_delivery(&id)
}

/// How far a publish to the channel reaches ("1,204 subscribers"). Async and
/// short: it is asked while the lead drafts, and an answer that does not come
/// within 10 s is said as such rather than waited for.
#[tauri::command]
pub async fn channel_reach(launch: State<'_, Launch>, id: String) -> Result<Reach, Error> {
    let desk = launch.desk()?;
    let wire = Wire::with_timeouts(Duration::from_secs(5), Duration::from_secs(10));
    off_the_workers(move || desk.channel_reach(&id, &wire)).await
}
