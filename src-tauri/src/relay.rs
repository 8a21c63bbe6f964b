//! Keeps the courier running for the open database: channel secrets in the OS
//! keychain, the real transport, a native notification for each delivery the
//! lead must decide on, and the window told whenever a delivery moves.

use std::sync::{Arc, Mutex};

use herald_desk::{DeliveryProblem, Launch};
use herald_relay::{Courier, Keychain, Wire};
use tauri::{AppHandle, Emitter, Manager};

use crate::events;

/// The running courier, replaced when the database is.
#[derive(Debug, Default)]
pub struct Relaying {
    current: Mutex<Option<Courier>>,
}

pub fn start(app: &AppHandle) {
    let Ok(desk) = app.state::<Launch>().desk() else {
        return;
    };
    desk.set_secrets(Arc::new(Keychain::default()));
    let for_problems = app.clone();
    desk.set_on_delivery_problem(Arc::new(move |problem: &DeliveryProblem| {
        if let Err(why) = herald_notify::notify_delivery_problem(problem) {
            tracing::warn!(problem = %why, "could not raise the delivery notification");
        }
        let _ = for_problems.emit(events::DELIVERIES_CHANGED, &problem.incident_id);
    }));
    let for_progress = app.clone();
    let courier = Courier::start(desk, Arc::new(Wire::default()), move || {
        let _ = for_progress.emit(events::DELIVERIES_CHANGED, ());
    });
    let state = app.state::<Relaying>();
    let mut current = state.current.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(old) = current.replace(courier) {
        old.stop();
    }
}

/// Looks for work now: called after every committed change.
pub fn wake(app: &AppHandle) {
    let state = app.state::<Relaying>();
    if let Some(courier) = state
        .current
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
    {
        courier.wake();
    }
}
