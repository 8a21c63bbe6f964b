//! Waking up after suspend: logind announces `PrepareForSleep(false)` on the
//! system bus when the machine resumes, and Herald looks at its deadlines at
//! once instead of waiting for its next tick.

use zbus::blocking::{Connection, Proxy, connection};

/// Listens for resumes until dropped with the app.
#[derive(Debug)]
pub struct ResumeListener {
    _connection: Connection,
}

impl ResumeListener {
    /// Calls `on_resume` every time the machine wakes. `address` picks the
    /// bus; `None` is the system bus (which honours `DBUS_SYSTEM_BUS_ADDRESS`).
    /// Errors say why resumes cannot be heard (no system bus, no logind); the
    /// watcher's one-second look at the wall clock still catches them.
    pub fn start(
        address: Option<&str>,
        on_resume: impl Fn() + Send + 'static,
    ) -> Result<ResumeListener, String> {
        let connection = match address {
            Some(address) => connection::Builder::address(address)
                .and_then(|b| b.build())
                .map_err(|e| format!("cannot reach the bus at {address}: {e}"))?,
            None => {
                Connection::system().map_err(|e| format!("cannot reach the system bus: {e}"))?
            }
        };
        let manager = Proxy::new(
            &connection,
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
        )
        .map_err(|e| format!("cannot reach logind: {e}"))?;
        let signals = manager
            .receive_signal("PrepareForSleep")
            .map_err(|e| format!("cannot subscribe to logind's sleep signal: {e}"))?;
        std::thread::Builder::new()
            .name("resume-listener".into())
            .spawn(move || {
                for message in signals {
                    // `true` is "about to sleep", `false` is "just woke up".
                    if let Ok(false) = message.body().deserialize::<bool>() {
                        on_resume();
                    }
                }
            })
            .map_err(|e| format!("cannot start the resume listener: {e}"))?;
        Ok(ResumeListener {
            _connection: connection,
        })
    }
}
