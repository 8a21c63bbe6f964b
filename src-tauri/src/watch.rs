//! Keeps the deadline watcher running for the open database: desktop
//! notifications as its notifier, their actions wired back into Herald, and
//! logind's resume signal waking it at once.

use std::sync::{Arc, Mutex};

use herald_core::SnoozeRequest;
use herald_desk::{Alert, Launch, Watcher};
use herald_notify::{AlertAction, DesktopNotifier, ResumeListener};
use tauri::{AppHandle, Emitter, Manager};

use crate::events;

/// The running watcher and resume listener, replaced when the database is.
#[derive(Debug, Default)]
pub struct Watching {
    current: Mutex<Option<(Arc<Watcher>, Option<ResumeListener>)>>,
}

/// Starts (or restarts) watching the open database; does nothing while the
/// database is broken, as there are no deadlines to watch.
pub fn start(app: &AppHandle) {
    let Ok(desk) = app.state::<Launch>().desk() else {
        return;
    };
    let for_actions = app.clone();
    let notifier = DesktopNotifier::new(move |alert, action| act(&for_actions, alert, action));
    let for_events = app.clone();
    let desk_for_hook = desk.clone();
    let watcher = Arc::new(Watcher::spawn(desk, Arc::new(notifier), move |raised| {
        let _ = for_events.emit(events::ALERTS_RAISED, raised.len());
        crate::tray::refresh(&for_events);
    }));
    // After every change the lead makes: the tray shows it at once, and the
    // watcher looks again (a new deadline may already be in its heads-up).
    let for_changes = app.clone();
    // Weak: the desk holds this hook and the watcher holds the desk, so a
    // strong reference here would keep a replaced watcher alive for ever.
    let woken_by_change = Arc::downgrade(&watcher);
    desk_for_hook.set_on_change(Arc::new(move || {
        crate::tray::refresh(&for_changes);
        crate::relay::wake(&for_changes);
        if let Some(watcher) = woken_by_change.upgrade() {
            watcher.wake();
        }
    }));
    let waker = watcher.clone();
    // Without a system bus or logind the watcher still re-reads the wall clock
    // every second, so a resume is noticed all the same, just not instantly;
    // with them it may sleep until the next stage.
    let resume = ResumeListener::start(None, move || waker.wake()).ok();
    if resume.is_some() {
        watcher.resumes_are_signalled();
    }
    let state = app.state::<Watching>();
    let mut current = state.current.lock().unwrap_or_else(|p| p.into_inner());
    *current = Some((watcher, resume));
}

/// What a click on a notification does.
fn act(app: &AppHandle, alert: &Alert, action: AlertAction) {
    match action {
        AlertAction::Open => {
            crate::focus_main_window(app);
            let _ = app.emit(events::OPEN_INCIDENT, &alert.incident_id);
        }
        AlertAction::Snooze if alert.promise_id.is_some() || alert.obligation_id.is_some() => {}
        AlertAction::Snooze => {
            if let Ok(desk) = app.state::<Launch>().desk_for(&alert.incident_id) {
                let request = SnoozeRequest {
                    audience: alert.audience,
                    minutes: 5,
                    reason: "Snoozed from the notification".into(),
                };
                // The deadline may have moved on since; then there is nothing to snooze.
                let _ = desk.snooze(&alert.incident_id, request);
                let _ = app.emit(events::ALERTS_RAISED, 0);
            }
        }
    }
}
