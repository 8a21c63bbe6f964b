//! Desktop notifications for deadline alerts, through the freedesktop
//! notification service (notify-rust, pure-Rust D-Bus on Linux).
//!
//! Due and overdue alerts are critical and stay until dismissed; a heads-up is
//! normal. Where the server supports actions, each alert offers "Open" and
//! "Snooze 5 min", and the chosen one is handed to the app's callback.
//! `ResumeListener` hears logind announce a resume from suspend.

mod resume;

pub use resume::ResumeListener;

use std::fmt;
use std::sync::Arc;

use herald_desk::{Alert, Notifier};
use notify_rust::{Notification, Timeout, Urgency};

/// What the lead chose on a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertAction {
    /// Bring Herald forward on that incident.
    Open,
    /// Push that audience's deadline back five minutes.
    Snooze,
}

const OPEN: &str = "open";
const SNOOZE: &str = "snooze";

type OnAction = dyn Fn(&Alert, AlertAction) + Send + Sync;

/// The real notifier: one desktop notification per alert.
pub struct DesktopNotifier {
    on_action: Arc<OnAction>,
}

impl fmt::Debug for DesktopNotifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DesktopNotifier").finish_non_exhaustive()
    }
}

impl DesktopNotifier {
    pub fn new(on_action: impl Fn(&Alert, AlertAction) + Send + Sync + 'static) -> Self {
        DesktopNotifier {
            on_action: Arc::new(on_action),
        }
    }
}

impl Notifier for DesktopNotifier {
    fn notify(&self, alert: &Alert) -> Result<(), String> {
        // Asked each time: the notification server can come and go while
        // Herald runs, and the answer takes a millisecond.
        let capabilities = notify_rust::get_capabilities()
            .map_err(|e| format!("the desktop notification service did not answer ({e})"))?;
        let mut notification = Notification::new();
        notification
            .appname("Herald")
            .summary(&alert.text.summary)
            .body(&markup_safe(&alert.text.body));
        if alert.text.critical {
            notification
                .urgency(Urgency::Critical)
                .timeout(Timeout::Never);
        } else {
            notification.urgency(Urgency::Normal);
        }
        let actions = capabilities.iter().any(|c| c == "actions");
        if actions {
            notification.action(OPEN, "Open");
            // Only a cadence deadline can be snoozed: a promise was made in
            // public and a notification clock is owed by law or contract.
            if alert.promise_id.is_none() && alert.obligation_id.is_none() {
                notification.action(SNOOZE, "Snooze 5 min");
            }
        }
        let handle = notification
            .show()
            .map_err(|e| format!("the desktop notification service refused the alert ({e})"))?;
        if actions {
            let alert = alert.clone();
            let on_action = self.on_action.clone();
            // Waiting for a click blocks, so each notification gets a thread
            // that ends when the notification is acted on or closed.
            let _ = std::thread::Builder::new()
                .name("notification-action".into())
                .spawn(move || {
                    handle.wait_for_action(|action| match action {
                        OPEN => on_action(&alert, AlertAction::Open),
                        SNOOZE => on_action(&alert, AlertAction::Snooze),
                        _ => {}
                    });
                });
        }
        Ok(())
    }
}

/// The notification server, as "Diagnostics" reports it: name, version,
/// vendor, spec and capabilities, or why it cannot be reached.
pub fn server_description() -> String {
    match notify_rust::get_server_information() {
        Ok(info) => {
            let capabilities = notify_rust::get_capabilities()
                .map(|c| c.join(", "))
                .unwrap_or_else(|e| format!("unknown ({e})"));
            format!(
                "{} {} by {} (spec {}); capabilities: {capabilities}",
                info.name, info.version, info.vendor, info.spec_version
            )
        }
        Err(e) => format!("not reachable ({e})"),
    }
}

/// Whether a tray host (a StatusNotifier watcher) is on the session bus.
pub fn tray_host() -> String {
    let asked = zbus::blocking::Connection::session().and_then(|bus| {
        let dbus = zbus::blocking::fdo::DBusProxy::new(&bus)?;
        Ok(dbus.name_has_owner("org.kde.StatusNotifierWatcher".try_into()?)?)
    });
    match asked {
        Ok(true) => "present (org.kde.StatusNotifierWatcher)".into(),
        Ok(false) => "absent: Herald runs without a tray icon; close the window with care".into(),
        Err(e) => format!("unknown: the session bus did not answer ({e})"),
    }
}

/// Tells the lead, once, that closing the window left Herald running.
pub fn notify_still_running() -> Result<(), String> {
    Notification::new()
        .appname("Herald")
        .summary(herald_desk::STILL_RUNNING_SUMMARY)
        .body(herald_desk::STILL_RUNNING_BODY)
        .urgency(Urgency::Normal)
        .show()
        .map(drop)
        .map_err(|e| format!("the desktop notification service refused the note ({e})"))
}

/// Tells the lead what a drill scenario just made happen (a ping, a push for
/// an all-clear, a channel failing). The summary says DRILL first, so it can
/// never be read as a real page.
pub fn notify_drill(title: &str, sentence: &str) -> Result<(), String> {
    Notification::new()
        .appname("Herald")
        .summary(&format!(
            "DRILL: {}",
            title.trim_start_matches(herald_core::drill::DRILL_MARK)
        ))
        .body(&markup_safe(sentence))
        .urgency(Urgency::Normal)
        .show()
        .map(drop)
        .map_err(|e| format!("the desktop notification service refused the drill note ({e})"))
}

/// Notification servers that advertise `body-markup` read a small HTML subset
/// in the body (the spec's `<b>`, `<i>`, `<a href>`, `<img>`), so text from an
/// incident title or a server's error is escaped to show exactly as written.
pub fn markup_safe(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Tells the lead an update did not reach a channel: failed, stale, or "may
/// have posted". Critical, so it stays until dismissed.
pub fn notify_delivery_problem(problem: &herald_desk::DeliveryProblem) -> Result<(), String> {
    Notification::new()
        .appname("Herald")
        .summary(&format!("Not delivered to {}", problem.channel))
        .body(&markup_safe(&format!(
            "{} ({}): {}",
            problem.incident_title,
            problem.audience.label(),
            problem.problem
        )))
        .urgency(Urgency::Critical)
        .timeout(Timeout::Never)
        .show()
        .map(drop)
        .map_err(|e| format!("the desktop notification service refused the delivery alert ({e})"))
}
