//! Declares one SEV1 incident in the database at the given path, so a
//! benchmark can open Herald with live countdowns on screen.
//!
//! Run: `cargo run -p herald-desk --example seed -- <path/to/herald.sqlite>`

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use herald_core::{NewIncident, Severity, Status};
use herald_desk::{Desk, SystemClock};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: seed <path/to/herald.sqlite>");
    let desk = Desk::open(path.as_ref(), Arc::new(SystemClock)).unwrap();
    desk.declare_incident(NewIncident {
        external_id: "BENCH-1".into(),
        link: String::new(),
        title: "Checkout errors (benchmark)".into(),
        severity: Severity::Sev1,
        status: Status::Investigating,
        customer_visible: true,
        commander: "Ana Lima".into(),
        comms_lead: "Bo Chen".into(),
    })
    .unwrap();
}
