//! Runs a drill while it lasts: on each tick the scenario's due events
//! happen (each with a desktop note marked DRILL), the drill's outbox is
//! worked through the sandbox, its alerts are raised on drill time, and the
//! window is told. At the end the score card is kept and shown.

use std::sync::Arc;
use std::time::Duration;

use herald_desk::{Drill, Launch};
use herald_notify::{AlertAction, DesktopNotifier};
use tauri::{AppHandle, Emitter, Manager};

use crate::events;

/// A tick is a tenth of a drill minute at 10×: deadlines and pings land
/// within a drill-second or so of their time.
const TICK: Duration = Duration::from_millis(200);

pub fn run(app: &AppHandle, drill: Arc<Drill>) {
    let app = app.clone();
    std::thread::spawn(move || {
        let for_actions = app.clone();
        let notifier = DesktopNotifier::new(move |alert, action| {
            if action == AlertAction::Open {
                crate::focus_main_window(&for_actions);
                let _ = for_actions.emit(events::OPEN_INCIDENT, &alert.incident_id);
            }
        });
        let title = drill
            .desk()
            .incident(drill.incident_id())
            .map(|v| v.incident.title)
            .unwrap_or_default();
        loop {
            std::thread::sleep(TICK);
            let launch = app.state::<Launch>();
            // A newer drill, or deleted drill data, ends this one's thread.
            if !launch.drill().is_some_and(|d| Arc::ptr_eq(&d, &drill)) {
                return;
            }
            let mut changed = false;
            match drill.step() {
                Ok(happened) => {
                    for event in &happened {
                        if let Err(why) = herald_notify::notify_drill(&title, &event.sentence) {
                            tracing::warn!(problem = %why, "could not show a drill note");
                        }
                    }
                    changed |= !happened.is_empty();
                }
                Err(e) => tracing::warn!(problem = %e, "a drill event could not be applied"),
            }
            match drill.deliver() {
                Ok(sent) => changed |= sent > 0,
                Err(e) => tracing::warn!(problem = %e, "the drill's outbox could not run"),
            }
            match drill.desk().raise_due_alerts(&notifier) {
                Ok(raised) => changed |= !raised.is_empty(),
                Err(e) => tracing::warn!(problem = %e, "the drill's alerts could not be raised"),
            }
            if changed {
                let _ = app.emit(events::DRILL_CHANGED, ());
            }
            if drill.finished() {
                match launch.end_drill() {
                    Ok(Some(kept)) => {
                        let _ = app.emit(events::DRILL_FINISHED, &kept);
                    }
                    Ok(None) => {}
                    Err(e) => tracing::warn!(problem = %e, "the drill's score could not be kept"),
                }
                return;
            }
        }
    });
}
