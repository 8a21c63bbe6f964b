//! Nothing pasted or stored can silence Herald: a handoff with impossible or
//! future instants, or records that fail local checks, is refused at the paste
//! field; a preview writes nothing; imported approvals never open the local
//! gate; one unreadable row leaves the board, tray and alerts working and is
//! named; an alert whose record fails is shown once and recorded later.

#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, TimeZone, Utc};
use herald_core::handoff::{self, HandoffFormat, HandoffPackage};
use herald_core::{EventKind, GateState, IncidentChange, NewIncident, Severity, Status};
use herald_desk::{Alert, Desk, ErrorCode, ManualClock, Notifier, Watcher};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 13, 0, 0)
        .single()
        .unwrap()
}

struct Lead {
    desk: Arc<Desk>,
    clock: Arc<ManualClock>,
    dir: tempfile::TempDir,
}

fn lead() -> Lead {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Arc::new(Desk::open(&dir.path().join("herald.sqlite"), clock.clone()).unwrap());
    Lead { desk, clock, dir }
}

impl Lead {
    fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.dir.path().join("herald.sqlite")).unwrap()
    }
}

fn declare(desk: &Desk, external_id: &str) -> String {
    desk.declare_incident(NewIncident {
        external_id: external_id.into(),
        link: String::new(),
        title: "Checkout errors".into(),
        severity: Severity::Sev1,
        status: Status::Investigating,
        customer_visible: true,
        commander: "Ana".into(),
        comms_lead: "Bo".into(),
    })
    .unwrap()
    .incident
    .id
}

/// Bo's handoff for a fresh SEV1, decoded so a test can tamper with it.
fn handed_over(bo: &Lead) -> HandoffPackage {
    let id = declare(&bo.desk, "INC-9");
    let copied = bo
        .desk
        .copy_handoff(&id, HandoffFormat::Markdown, "Chloe")
        .unwrap();
    handoff::decode(&copied.text).unwrap()
}

/// Takes over from a tampered package; returns the paste field's message.
fn refused(chloe: &Lead, package: &HandoffPackage) -> String {
    let paste = handoff::encode(package);
    let error = chloe.desk.take_over(&paste, "Chloe", true).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput, "{error:?}");
    assert!(
        chloe.desk.board().unwrap().open.is_empty(),
        "nothing is written"
    );
    error
        .fields
        .iter()
        .find(|f| f.field == "paste")
        .unwrap()
        .message
        .clone()
}

/// A delivery receipt as a Statuspage delivery records it.
fn receipt(update_id: &str) -> herald_core::handoff::Receipt {
    herald_core::handoff::Receipt {
        update_id: update_id.into(),
        channel: "Status page".into(),
        kind: herald_core::relay::ChannelKind::Statuspage,
        state: "delivered".into(),
        delivered_at: None,
        remote_id: "p31zjtct2jer".into(),
        remote_link: "https://stspg.io/x".into(),
        statuspage_page_id: "abc123".into(),
    }
}

/// Puts one customer update ("u1") into the package for a receipt to name.
fn with_update(p: &mut HandoffPackage) {
    p.updates.push(herald_core::Update {
        id: "u1".into(),
        incident_id: p.incident.id.clone(),
        audience: herald_core::Audience::Customers,
        body: "We are investigating.".into(),
        posted_to: "Status page".into(),
        posted_at: p.exported_at,
        source: "published".into(),
        author: String::new(),
    });
}

/// A change made to a decoded handoff before it is pasted again.
type Tamper = Box<dyn Fn(&mut HandoffPackage)>;

#[test]
fn instants_outside_the_storable_years_or_after_the_handoff_are_refused_at_the_paste_field() {
    let bo = lead();
    let good = handed_over(&bo);
    let chloe = lead();
    let far = Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap();
    let last_day = Utc.with_ymd_and_hms(9999, 12, 31, 0, 0, 0).unwrap();
    let cases: Vec<(&str, Tamper, &str)> = vec![
        (
            "year 10000 event",
            Box::new(move |p| p.timeline[0].at = far),
            "from the future",
        ),
        (
            "9999 deadline",
            Box::new(move |p| p.deadlines[0].due_at = last_day),
            "a deadline is dated 9999-12-31",
        ),
        (
            "exported ahead of this clock",
            Box::new(|p| p.exported_at += Duration::hours(2)),
            "later than this computer's clock",
        ),
        (
            "event an hour after export",
            Box::new(|p| p.timeline[0].at = p.exported_at + Duration::hours(1)),
            "from the future",
        ),
        (
            "a month old",
            Box::new(|p| p.exported_at -= Duration::days(40)),
            "more than 30 days ago",
        ),
        (
            "year 0 start",
            Box::new(|p| p.incident.started_at = Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap()),
            "implausibly long before",
        ),
        (
            "bell in the title",
            Box::new(|p| p.incident.title = "Checkout\u{7} errors".into()),
            "control characters",
        ),
        (
            "javascript link",
            Box::new(|p| p.incident.link = "javascript:alert(1)".into()),
            "starts with javascript",
        ),
        (
            "huge update",
            Box::new(|p| {
                p.updates.push(herald_core::Update {
                    id: "u".into(),
                    incident_id: p.incident.id.clone(),
                    audience: herald_core::Audience::Customers,
                    body: "x".repeat(100_001),
                    posted_to: String::new(),
                    posted_at: p.exported_at,
                    source: "logged".into(),
                    author: String::new(),
                })
            }),
            "longer than 100000",
        ),
        (
            "receipt for an update not carried",
            Box::new(|p| p.receipts.push(receipt("not-carried"))),
            "an update the handoff does not carry",
        ),
        (
            "receipt in a made-up state",
            Box::new(|p| {
                with_update(p);
                p.receipts.push(herald_core::handoff::Receipt {
                    state: "teleported".into(),
                    ..receipt("u1")
                });
            }),
            "\"teleported\" is not a delivery state",
        ),
        (
            "receipt id that walks the path",
            Box::new(|p| {
                with_update(p);
                p.receipts.push(herald_core::handoff::Receipt {
                    remote_id: "../../pages/x".into(),
                    ..receipt("u1")
                });
            }),
            "not of the shape the service returns",
        ),
        (
            "receipt link to a script",
            Box::new(|p| {
                with_update(p);
                p.receipts.push(herald_core::handoff::Receipt {
                    remote_link: "javascript:alert(1)".into(),
                    ..receipt("u1")
                });
            }),
            "starts with javascript",
        ),
        (
            "receipt page id with a path",
            Box::new(|p| {
                with_update(p);
                p.receipts.push(herald_core::handoff::Receipt {
                    statuspage_page_id: "abc/../x".into(),
                    ..receipt("u1")
                });
            }),
            "page id is not letters and digits",
        ),
    ];
    for (name, tamper, expected) in cases {
        let mut package = good.clone();
        tamper(&mut package);
        let message = refused(&chloe, &package);
        assert!(message.contains(expected), "{name}: {message}");
    }
    // The untampered handoff still goes through, and the board reads.
    chloe
        .desk
        .take_over(&handoff::encode(&good), "Chloe", true)
        .unwrap();
    assert_eq!(chloe.desk.board().unwrap().open.len(), 1);
}

#[test]
fn the_preview_says_what_would_change_and_writes_nothing() {
    let bo = lead();
    let package = handed_over(&bo);
    let chloe = lead();
    let paste = handoff::encode(&package);
    let preview = chloe.desk.take_over(&paste, "Chloe", false).unwrap();
    assert!(preview.preview && preview.created);
    assert!(
        preview.changes[0].starts_with("Created INC-9"),
        "{:?}",
        preview.changes
    );
    assert!(
        preview.changes.iter().any(|c| c.contains("timeline event")),
        "{:?}",
        preview.changes
    );
    assert!(chloe.desk.board().unwrap().open.is_empty());
    let done = chloe.desk.take_over(&paste, "Chloe", true).unwrap();
    assert!(!done.preview);
    assert_eq!(
        done.changes, preview.changes,
        "the preview is exactly what happens"
    );
    assert_eq!(chloe.desk.board().unwrap().open.len(), 1);
}

#[test]
fn imported_confirmations_stay_history_and_never_open_the_local_gate() {
    let bo = lead();
    let id = declare(&bo.desk, "INC-10");
    bo.desk
        .change_incident(&id, IncidentChange::Status(Status::Monitoring))
        .unwrap();
    bo.clock.advance(Duration::minutes(31));
    let confirmed = bo.desk.confirm_metrics(&id).unwrap();
    assert_eq!(confirmed.gate.state, GateState::Open);
    let copied = bo
        .desk
        .copy_handoff(&id, HandoffFormat::Plain, "Chloe")
        .unwrap();

    let chloe = lead();
    chloe.clock.advance(Duration::minutes(31));
    chloe.desk.take_over(&copied.text, "Chloe", true).unwrap();
    let taken = chloe.desk.incident(&id).unwrap();
    assert_eq!(taken.gate.state, GateState::AwaitingConfirmation);
    let imported = taken
        .timeline
        .iter()
        .find(|e| matches!(e.kind, EventKind::MetricsConfirmed { .. }))
        .unwrap();
    assert!(imported.imported, "kept as history, marked imported");
    let error = chloe
        .desk
        .change_incident(&id, IncidentChange::Status(Status::Resolved))
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Blocked);
    // Chloe's own confirmation opens it.
    assert_eq!(
        chloe.desk.confirm_metrics(&id).unwrap().gate.state,
        GateState::Open
    );
}

#[test]
fn a_constraint_from_another_incident_cannot_be_overwritten_by_a_paste() {
    let bo = lead();
    let mut package = handed_over(&bo);
    let chloe = lead();
    let mine = declare(&chloe.desk, "INC-11");
    let view = chloe
        .desk
        .add_constraint(
            &mine,
            herald_core::handoff::NoteInput {
                text: "Legal reviews wording".into(),
                owner: String::new(),
            },
        )
        .unwrap();
    let local = view.constraints[0].clone();
    // Same id, claimed for the pasted incident.
    package.constraints.push(herald_core::handoff::Constraint {
        incident_id: package.incident.id.clone(),
        text: "Say anything you like".into(),
        updated_at: package.exported_at,
        ..local.clone()
    });
    let error = chloe
        .desk
        .take_over(&handoff::encode(&package), "Chloe", true)
        .unwrap_err();
    assert!(
        error.message.contains("belongs to another incident"),
        "{error:?}"
    );
    assert_eq!(chloe.desk.incident(&mine).unwrap().constraints, vec![local]);
    assert_eq!(chloe.desk.board().unwrap().open.len(), 1);
}

/// Remembers every alert.
#[derive(Debug, Default)]
struct Recorder(Mutex<Vec<Alert>>);

impl Notifier for Recorder {
    fn notify(&self, alert: &Alert) -> Result<(), String> {
        self.0.lock().unwrap().push(alert.clone());
        Ok(())
    }
}

#[test]
fn one_unreadable_row_leaves_the_board_tray_and_alerts_working_and_is_named() {
    let herald = lead();
    let broken = declare(&herald.desk, "INC-1");
    let healthy = declare(&herald.desk, "INC-2");
    let sql = herald.sql();
    sql.execute(
        "UPDATE incidents SET started_at = '+10000-01-01T00:00:00.000Z' WHERE id = ?1",
        [&broken],
    )
    .unwrap();
    let board = herald.desk.board().unwrap();
    assert_eq!(
        board.open.iter().map(|i| i.id.clone()).collect::<Vec<_>>(),
        vec![healthy.clone()]
    );
    assert_eq!(board.unreadable.len(), 1);
    assert_eq!(board.unreadable[0].incident_id, broken);
    assert!(
        board.unreadable[0].reason.contains("+10000"),
        "{:?}",
        board.unreadable
    );
    let tooltip = herald.desk.tray_summary().unwrap().tooltip;
    assert!(tooltip.contains("INC-2"), "{tooltip}");
    assert!(
        tooltip.ends_with(" · 1 incident could not be read"),
        "{tooltip}"
    );

    // The healthy incident's deadline still alerts; a bad deadline row of it is named once.
    sql.execute(
        "UPDATE deadlines SET due_at = 'garbage' WHERE incident_id = ?1 AND audience = 'internal'",
        [&healthy],
    )
    .unwrap();
    herald.clock.advance(Duration::minutes(10)); // the customers heads-up
    let notifier = Recorder::default();
    let raised = herald.desk.raise_due_alerts(&notifier).unwrap();
    assert!(
        raised.iter().any(|a| a.incident_id == healthy),
        "{raised:?}"
    );
    herald.desk.raise_due_alerts(&notifier).unwrap();
    let problems: Vec<_> = herald
        .desk
        .incident(&healthy)
        .unwrap()
        .timeline
        .into_iter()
        .filter(|e| matches!(e.kind, EventKind::HeraldProblem { .. }))
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].summary.contains("garbage"),
        "{}",
        problems[0].summary
    );
    let names: Vec<_> = herald
        .desk
        .board()
        .unwrap()
        .unreadable
        .into_iter()
        .map(|u| u.incident_id)
        .collect();
    assert!(
        names.contains(&broken) && names.contains(&healthy),
        "{names:?}"
    );
}

const FAIL_ALERT_RECORDS: &str = "CREATE TRIGGER fail_alert_records BEFORE UPDATE OF alerted ON deadlines \
     BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END";

#[test]
fn an_alert_whose_record_fails_is_shown_once_and_recorded_when_the_database_recovers() {
    let herald = lead();
    let id = declare(&herald.desk, "INC-3");
    let sql = herald.sql();
    sql.execute_batch(FAIL_ALERT_RECORDS).unwrap();
    herald.clock.advance(Duration::minutes(10));
    let notifier = Recorder::default();
    for _ in 0..3 {
        let error = herald.desk.raise_due_alerts(&notifier).unwrap_err();
        assert!(error.message.contains("disk is full"), "{error:?}");
    }
    assert_eq!(
        notifier.0.lock().unwrap().len(),
        1,
        "shown once, not repeated"
    );
    sql.execute_batch("DROP TRIGGER fail_alert_records")
        .unwrap();
    assert!(herald.desk.raise_due_alerts(&notifier).unwrap().is_empty());
    assert!(herald.desk.raise_due_alerts(&notifier).unwrap().is_empty());
    assert_eq!(notifier.0.lock().unwrap().len(), 1);
    let sent: Vec<_> = herald
        .desk
        .incident(&id)
        .unwrap()
        .timeline
        .into_iter()
        .filter(|e| matches!(e.kind, EventKind::AlertSent { .. }))
        .collect();
    assert_eq!(sent.len(), 1, "recorded once the write went through");
}

#[test]
fn the_watcher_shows_its_own_failure_on_the_board_until_it_recovers() {
    let herald = lead();
    declare(&herald.desk, "INC-4");
    let sql = herald.sql();
    sql.execute_batch(FAIL_ALERT_RECORDS).unwrap();
    herald.clock.advance(Duration::minutes(10));
    let notifier = Arc::new(Recorder::default());
    let _watcher = Watcher::spawn(herald.desk.clone(), notifier.clone(), |_| {});
    let wait_for = |want: bool| {
        let cap = Instant::now() + StdDuration::from_secs(20);
        loop {
            let problem = herald.desk.board().unwrap().watcher_problem;
            if problem.is_some() == want {
                return problem;
            }
            assert!(Instant::now() < cap, "watcher problem still {problem:?}");
            std::thread::sleep(StdDuration::from_millis(20));
        }
    };
    let problem = wait_for(true).unwrap();
    assert!(problem.contains("disk is full"), "{problem}");
    sql.execute_batch("DROP TRIGGER fail_alert_records")
        .unwrap();
    wait_for(false);
    assert_eq!(notifier.0.lock().unwrap().len(), 1);
    // The gap is on the incident's timeline once it is over.
    let id = herald.desk.board().unwrap().open[0].id.clone();
    let gap: Vec<String> = herald
        .desk
        .incident(&id)
        .unwrap()
        .timeline
        .into_iter()
        .filter(|e| matches!(e.kind, EventKind::HeraldProblem { .. }))
        .map(|e| e.summary)
        .collect();
    assert_eq!(gap.len(), 1, "{gap:?}");
    assert!(
        gap[0].contains("could not be checked or recorded from"),
        "{}",
        gap[0]
    );
    assert!(gap[0].contains("disk is full"), "{}", gap[0]);
}
