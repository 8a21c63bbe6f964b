//! Fills the database at the given path with open incidents and timeline
//! events, so a benchmark can open Herald with live countdowns on screen.
//!
//! Run: `cargo run -p herald-desk --example seed -- <path/to/herald.sqlite> [incidents] [events]`
//! (one SEV1 and no extra events unless told; events are shared out evenly).

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use herald_core::{NewIncident, Severity, Status};
use herald_desk::{Desk, NoteRequest, SystemClock};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: seed <path/to/herald.sqlite> [incidents] [events]");
    let incidents: usize = args.next().map_or(1, |n| n.parse().unwrap());
    let events: usize = args.next().map_or(0, |n| n.parse().unwrap());
    let desk = Desk::open(path.as_ref(), Arc::new(SystemClock)).unwrap();
    let severities = [Severity::Sev1, Severity::Sev2, Severity::Sev3];
    let ids: Vec<String> = (0..incidents)
        .map(|n| {
            desk.declare_incident(NewIncident {
                external_id: format!("BENCH-{}", n + 1),
                link: String::new(),
                title: format!("Checkout errors (benchmark {})", n + 1),
                severity: severities[n % severities.len()],
                // Identified: customers every 30 min on a SEV1, so the board
                // shows calm minutes for the ~25 min a benchmark needs.
                status: Status::Identified,
                customer_visible: true,
                commander: "Ana Lima".into(),
                comms_lead: "Bo Chen".into(),
            })
            .unwrap()
            .incident
            .id
        })
        .collect();
    for n in 0..events {
        let request = NoteRequest {
            text: format!("Benchmark note {n}: checked the error rate again"),
            at: None,
        };
        desk.add_note(&ids[n % ids.len()], request).unwrap();
    }
}
