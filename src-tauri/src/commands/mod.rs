//! Tauri commands, one file per area. Each is a few lines over the desk crate;
//! errors cross as the desk's `{code, message, fields}`. A command about one
//! incident asks for it through [`on_desk`], which picks the drill's desk for
//! the drill's incident and runs the call off the async workers.

use std::sync::Arc;

use herald_desk::{Desk, Error, ErrorCode, Launch};

pub mod cadence;
pub mod channels;
pub mod corrections;
pub mod diagnostics;
pub mod drafts;
pub mod drills;
pub mod handoff;
pub mod incidents;
pub mod links;
pub mod messages;
pub mod obligations;
pub mod postmortem;
pub mod settings;
pub mod startup;
pub mod team;
pub mod window;

/// Runs `call` on Tauri's blocking pool and waits for its answer.
///
/// Desk calls read and write SQLite, and every answer that carries an
/// incident or a draft checks the drafts: a pasted draft of 100,000
/// characters takes the linter a second or more. On the async workers (one
/// per core, two on the lead's laptop) two such calls would leave nothing to
/// answer the board or the next click until they finished; on the blocking
/// pool they wait only for a core.
pub async fn off_the_workers<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tauri::async_runtime::spawn_blocking(call)
        .await
        .map_err(|e| {
            Error::new(
                ErrorCode::Internal,
                format!("Herald stopped before it finished this step ({e}); try it again."),
            )
        })?
}

/// Runs `call` on the desk that holds incident `id` (a drill's incident is
/// served by the drill's own desk), off the async workers.
pub async fn on_desk<T: Send + 'static>(
    launch: &Launch,
    id: &str,
    call: impl FnOnce(&Desk, &str) -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    let desk: Arc<Desk> = launch.desk_for(id)?;
    let id = id.to_owned();
    off_the_workers(move || call(&desk, &id)).await
}
