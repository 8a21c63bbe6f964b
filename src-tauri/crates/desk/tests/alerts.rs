//! Deadline alerts against a controllable clock: heads-up, due and overdue at
//! the right instants, each once; an overdue deadline fires at start; a failed
//! notification is still recorded and the window is told.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::{AlertStage, Audience, LoggedUpdate, NewIncident, Severity, Status};
use herald_desk::{Alert, Clock, Desk, ManualClock, Notifier, Watcher};

fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, m, s)
        .single()
        .unwrap()
}

/// Remembers every alert; fails when told to.
#[derive(Debug, Default)]
struct Recorder {
    seen: Mutex<Vec<Alert>>,
    refuse: Option<String>,
}

impl Notifier for Recorder {
    fn notify(&self, alert: &Alert) -> Result<(), String> {
        self.seen.lock().unwrap().push(alert.clone());
        self.refuse.clone().map_or(Ok(()), Err)
    }
}

fn declare(desk: &Desk) -> String {
    desk.declare_incident(NewIncident {
        external_id: "INC-5".into(),
        link: String::new(),
        title: "Checkout errors".into(),
        severity: Severity::Sev1,
        status: Status::Investigating,
        customer_visible: true,
        commander: String::new(),
        comms_lead: String::new(),
    })
    .unwrap()
    .incident
    .id
}

/// (audience, stage) of each alert raised now.
fn raise(desk: &Desk, notifier: &Recorder) -> Vec<(Audience, AlertStage)> {
    desk.raise_due_alerts(notifier)
        .unwrap()
        .into_iter()
        .map(|a| (a.audience, a.stage))
        .collect()
}

/// At this instant, these alerts (audience, stage) are raised.
type Step = (DateTime<Utc>, &'static [(Audience, AlertStage)]);

#[test]
fn heads_up_due_and_overdue_come_at_their_instants_and_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(14, 0, 0)));
    let desk = Desk::open(&dir.path().join("h.sqlite"), clock.clone()).unwrap();
    let id = declare(&desk); // SEV1: customers 14:15, executives and internal 14:30
    let notifier = Recorder::default();
    use AlertStage::*;
    use Audience::*;

    assert_eq!(desk.next_alert_at().unwrap(), Some(at(14, 10, 0)));
    let steps: &[Step] = &[
        (at(14, 9, 59), &[]),
        (at(14, 10, 0), &[(Customers, HeadsUp)]),
        (at(14, 12, 0), &[]),
        (at(14, 15, 0), &[(Customers, Due)]),
        (at(14, 19, 59), &[]),
        (at(14, 20, 0), &[(Customers, Overdue(1))]),
        (
            at(14, 25, 0),
            &[
                (Customers, Overdue(2)),
                (Executives, HeadsUp),
                (Internal, HeadsUp),
            ],
        ),
    ];
    for (now, expect) in steps {
        clock.advance(*now - clock.now());
        assert_eq!(raise(&desk, &notifier), expect.to_vec(), "at {now}");
    }

    let seen = notifier.seen.lock().unwrap();
    let due = seen.iter().find(|a| a.stage == Due).unwrap();
    assert_eq!(due.text.summary, "Customers update due now — INC-5");
    assert!(due.text.critical);
    assert!(!seen[0].text.critical, "a heads-up is not critical");
    drop(seen);

    // Logging the update stops the reminders until the new deadline's heads-up.
    desk.log_update(
        &id,
        LoggedUpdate {
            audience: Customers,
            body: "Still investigating.".into(),
            posted_to: String::new(),
        },
    )
    .unwrap();
    clock.advance(Duration::minutes(4));
    assert_eq!(raise(&desk, &notifier), vec![]);
    // 14:35: customers are now due 14:40 (heads-up from 14:35); executives and
    // internal, due 14:30, skipped past "due" unseen, so only the current stage is owed.
    clock.advance(Duration::minutes(6));
    assert_eq!(
        raise(&desk, &notifier),
        vec![
            (Executives, Overdue(1)),
            (Internal, Overdue(1)),
            (Customers, HeadsUp)
        ]
    );

    let timeline = desk.incident(&id).unwrap().timeline;
    let alerts = timeline
        .iter()
        .filter(|e| e.kind.name() == "alert_sent")
        .count();
    assert_eq!(alerts, 9, "every notification is on the timeline");
}

#[test]
fn a_deadline_missed_while_herald_was_closed_fires_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite");
    let clock = Arc::new(ManualClock::new(at(14, 0, 0)));
    declare(&Desk::open(&path, clock.clone()).unwrap());

    clock.advance(Duration::minutes(27)); // customers were due at 14:15
    let desk = Arc::new(Desk::open(&path, clock.clone()).unwrap());
    let notifier = Arc::new(Recorder::default());
    let started = Instant::now();
    let watcher = Watcher::spawn(desk.clone(), notifier.clone(), |_| {});
    while notifier.seen.lock().unwrap().is_empty() {
        assert!(
            started.elapsed() < StdDuration::from_secs(3),
            "the missed deadline fires within 3 s"
        );
        std::thread::sleep(StdDuration::from_millis(10));
    }
    drop(watcher);
    let seen = notifier.seen.lock().unwrap();
    let customers = seen
        .iter()
        .find(|a| a.audience == Audience::Customers)
        .unwrap();
    assert_eq!(customers.stage, AlertStage::Overdue(2));
    assert_eq!(
        customers.text.summary,
        "Customers update 12 min late — INC-5"
    );
}

#[test]
fn the_watcher_notices_a_clock_jump_within_a_second_and_a_wake_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(14, 0, 0)));
    let desk = Arc::new(Desk::open(&dir.path().join("h.sqlite"), clock.clone()).unwrap());
    declare(&desk);
    let notifier = Arc::new(Recorder::default());
    let heard = Arc::new(Mutex::new(0usize));
    let counter = heard.clone();
    let watcher = Watcher::spawn(desk.clone(), notifier.clone(), move |raised| {
        *counter.lock().unwrap() += raised.len();
    });
    std::thread::sleep(StdDuration::from_millis(100));
    assert!(notifier.seen.lock().unwrap().is_empty());

    // As after a suspend: the wall clock leaps past the deadline with no wake.
    clock.advance(Duration::minutes(16));
    let started = Instant::now();
    while notifier.seen.lock().unwrap().is_empty() {
        assert!(
            started.elapsed() < StdDuration::from_millis(1500),
            "seen within a second"
        );
        std::thread::sleep(StdDuration::from_millis(10));
    }
    assert_eq!(notifier.seen.lock().unwrap()[0].stage, AlertStage::Due);

    // A wake makes it look at once.
    clock.advance(Duration::minutes(5));
    watcher.wake();
    let started = Instant::now();
    while notifier.seen.lock().unwrap().len() < 2 {
        assert!(
            started.elapsed() < StdDuration::from_millis(300),
            "a wake is answered at once"
        );
        std::thread::sleep(StdDuration::from_millis(5));
    }
    drop(watcher);
    assert_eq!(*heard.lock().unwrap(), notifier.seen.lock().unwrap().len());
}

#[test]
fn a_refused_notification_is_recorded_and_the_board_says_notifications_are_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(14, 0, 0)));
    let desk = Desk::open(&dir.path().join("h.sqlite"), clock.clone()).unwrap();
    let id = declare(&desk);
    let refusing = Recorder {
        refuse: Some("no notification server is running".into()),
        ..Recorder::default()
    };
    clock.advance(Duration::minutes(15));
    assert_eq!(
        raise(&desk, &refusing),
        vec![(Audience::Customers, AlertStage::Due)]
    );
    // Recorded as raised: the window shows it, and it is not retried in a loop.
    assert_eq!(raise(&desk, &refusing), vec![]);
    assert_eq!(
        desk.board().unwrap().notification_problem.as_deref(),
        Some("no notification server is running")
    );
    let last = desk
        .incident(&id)
        .unwrap()
        .timeline
        .last()
        .unwrap()
        .summary
        .clone();
    assert_eq!(
        last,
        "Alert: Customers update due now — INC-5 (shown in Herald only; notifications unavailable: \
         no notification server is running)"
    );
}

#[test]
fn the_tray_says_what_is_due_next() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(14, 0, 0)));
    let desk = Desk::open(&dir.path().join("h.sqlite"), clock.clone()).unwrap();
    assert_eq!(
        desk.tray_summary().unwrap().tooltip,
        "Herald — no open incidents"
    );
    declare(&desk);
    clock.advance(Duration::minutes(11));
    let tray = desk.tray_summary().unwrap();
    assert_eq!(tray.tooltip, "Herald — next: INC-5 · customers in 4 min");
    let labels: Vec<_> = tray.items.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "INC-5 · customers in 4 min",
            "INC-5 · executives in 19 min",
            "INC-5 · internal in 19 min"
        ]
    );
    clock.advance(Duration::minutes(7));
    assert_eq!(
        desk.tray_summary().unwrap().items[0].1,
        "INC-5 · customers 3 min late"
    );
}

#[test]
fn every_committed_write_tells_the_change_hook_and_a_refused_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(14, 0, 0)));
    let desk = Desk::open(&dir.path().join("h.sqlite"), clock.clone()).unwrap();
    let count = Arc::new(Mutex::new(0));
    let seen = count.clone();
    desk.set_on_change(Arc::new(move || *seen.lock().unwrap() += 1));
    let id = declare(&desk);
    assert_eq!(*count.lock().unwrap(), 1);
    let empty = LoggedUpdate {
        audience: Audience::Customers,
        body: " ".into(),
        posted_to: String::new(),
    };
    assert!(desk.log_update(&id, empty).is_err());
    assert_eq!(*count.lock().unwrap(), 1, "nothing was written");
    let update = LoggedUpdate {
        audience: Audience::Customers,
        body: "Investigating.".into(),
        posted_to: String::new(),
    };
    desk.log_update(&id, update).unwrap();
    assert_eq!(*count.lock().unwrap(), 2);
}
